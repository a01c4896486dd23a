//! `wxnet/url-port`: the code calls a host that is listed, but not with this port.

declare_rule! {
    /// A network call's URL is a host that is listed, but not with this port (RULES.md §13).
    ///
    /// ### Why
    /// An entry without a port matches only URLs without one, and one with a port only that port (RULES.md §1).
    ///
    /// ### Example
    /// `wx.request({ url: 'https://api.example.com:8443/x' })` with `https://api.example.com` listed.
    pub const RULE = ("wxnet/url-port", Error, CallSite);
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::scan::test_support::{call, tester};

    #[test]
    fn rule_13_url_port() {
        tester(&RULE)
            .pass([call("\"https://api.example.com/x\"")])
            .fail([call("\"https://api.example.com:8443/x\""), call("\"https://api.example.com:443/x\"")])
            .test_and_snapshot();
    }
}
