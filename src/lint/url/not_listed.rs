//! `wxnet/url-not-listed`: the code calls a host that is not in the API's server-domain list.

declare_rule! {
    /// A network call's URL is a host that is not in the API's server-domain list (RULES.md §13).
    ///
    /// ### Why
    /// The phone refuses every host the console does not list for that API (RULES.md §1); only judged when the list is given.
    ///
    /// ### Example
    /// `wx.request({ url: 'https://other.example.org/x' })`.
    pub const RULE = ("wxnet/url-not-listed", Error, CallSite);
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::scan::test_support::{call, tester};

    #[test]
    fn rule_13_url_not_listed() {
        tester(&RULE)
            .pass([call("\"https://api.example.com/x\"")])
            .fail([
                call("\"https://other.example.org/x\""),
                call("BASE + '/user'"),
                call("`https://other.example.org/${id}`"),
            ])
            .test_and_snapshot();
    }
}
