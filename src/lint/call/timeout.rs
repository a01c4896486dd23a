//! `wxnet/call-timeout`: a literal per-call `timeout` the client does not honour.

declare_rule! {
    /// A call's literal `timeout` is above 60000 (clamped to 60000) or not a positive
    /// number (it falls through to app.json's `networkTimeout`, else 60000)
    /// (RULES.md §13, §4).
    ///
    /// ### Why
    /// The client silently changes both: the call waits a different time than the
    /// code says.
    ///
    /// ### Example
    /// `wx.request({ url, timeout: 120000 })`, `wx.request({ url, timeout: 0 })`.
    pub const RULE = ("wxnet/call-timeout", Warning, CallSite);
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::scan::test_support::{option, tester};

    #[test]
    fn rule_13_call_timeout() {
        tester(&RULE)
            .pass([option("timeout: 5000"), option("timeout: 60000"), option("timeout: ms")])
            .fail([option("timeout: 120000"), option("timeout: 0"), option("timeout: -1"), option("timeout: '5000'")])
            .alone()
            .test_and_snapshot();
    }
}
