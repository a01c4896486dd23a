//! `wxnet/url-self-ip`: the code calls the phone's own IP address (from `lan`).

declare_rule! {
    /// A network call's URL is the phone's own IP address (from `lan`) (RULES.md §13).
    ///
    /// ### Why
    /// The LAN exception covers other devices in the phone's subnet, never the phone itself (RULES.md §2).
    ///
    /// ### Example
    /// `wx.request({ url: 'http://192.168.1.10/' })` with `lan: 192.168.1.10/24`.
    pub const RULE = ("wxnet/url-self-ip", Error, CallSite);
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::scan::test_support::{call, tester};

    #[test]
    fn rule_13_url_self_ip() {
        tester(&RULE)
            .pass([call("\"http://192.168.1.20/\"")])
            .fail([call("\"http://192.168.1.10/\"")])
            .test_and_snapshot();
    }
}
