//! `wxnet/call-method`: a request method the phone refuses.

declare_rule! {
    /// `wx.request`'s literal `method` is not one of OPTIONS, GET, HEAD, POST, PUT,
    /// DELETE, TRACE, CONNECT (after upper-casing) (RULES.md §13, §9).
    ///
    /// ### Why
    /// The phone fails the call with `request:fail method is invalid`; DevTools
    /// accepts `PATCH`, so it works there.
    ///
    /// ### Example
    /// `wx.request({ url, method: 'PATCH' })`.
    pub const RULE = ("wxnet/call-method", Error, CallSite);
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::scan::test_support::{option, tester};

    #[test]
    fn rule_13_call_method() {
        tester(&RULE)
            .pass([option("method: 'post'"), option("method: 'GET'"), option("method: m")])
            .fail([option("method: 'PATCH'"), option("method: 'FETCH'")])
            .alone()
            .test_and_snapshot();
    }
}
