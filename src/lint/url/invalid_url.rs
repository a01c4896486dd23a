//! `wxnet/url-invalid-url`: the code calls a URL the phone cannot parse, a relative path or a scheme the API never uses.

declare_rule! {
    /// A network call's URL is a URL the phone cannot parse, a relative path or a scheme the API never uses (RULES.md §13).
    ///
    /// ### Why
    /// A relative path such as `/api/user` works in an H5 build behind a dev proxy, but fails on the phone with `invalid url` (RULES.md §13).
    ///
    /// ### Example
    /// `wx.request({ url: '/api/user' })`.
    pub const RULE = ("wxnet/url-invalid-url", Error, CallSite);
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::scan::test_support::{call, tester};

    #[test]
    fn rule_13_url_invalid_url() {
        tester(&RULE)
            .pass([call("\"https://api.example.com/\"")])
            .fail([call("\"/api/user\""), call("\"ftp://api.example.com/x\""), call("'/api/' + id")])
            .test_and_snapshot();
    }
}
