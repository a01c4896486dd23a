//! `wxnet/url-localhost`: the code calls `localhost` or a loopback address.

declare_rule! {
    /// A network call's URL is `localhost` or a loopback address (RULES.md §13).
    ///
    /// ### Why
    /// On the phone, localhost is the phone itself, and the lists refuse it (RULES.md §1, §2).
    ///
    /// ### Example
    /// `wx.request({ url: 'http://localhost:3000/api' })`.
    pub const RULE = ("wxnet/url-localhost", Error, CallSite);
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::scan::test_support::{call, tester};

    #[test]
    fn rule_13_url_localhost() {
        tester(&RULE)
            .pass([call("\"https://api.example.com/\"")])
            .fail([call("\"http://localhost:3000/api\""), call("\"https://127.0.0.1/x\"")])
            .test_and_snapshot();
    }
}
