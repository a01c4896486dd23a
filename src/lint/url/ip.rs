//! `wxnet/url-ip`: the code calls an IP address that is not in the phone's LAN.

declare_rule! {
    /// A network call's URL is an IP address that is not in the phone's LAN (RULES.md §13).
    ///
    /// ### Why
    /// The server-domain lists hold domain names only, so an IP literal can never be listed (RULES.md §1); only LAN peers are exempt (§2).
    ///
    /// ### Example
    /// `wx.request({ url: 'https://203.0.113.5/api' })`.
    pub const RULE = ("wxnet/url-ip", Error, CallSite);
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::scan::test_support::{call, tester};

    #[test]
    fn rule_13_url_ip() {
        tester(&RULE)
            .pass([call("\"https://192.168.1.20/api\"")])
            .fail([call("\"https://203.0.113.5/api\""), call("\"https://[2001:db8::1]/\"")])
            .test_and_snapshot();
    }
}
