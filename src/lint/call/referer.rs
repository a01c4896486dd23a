//! `wxnet/call-referer`: a call sets a Referer header, which the client drops.

declare_rule! {
    /// A call's `header` sets `Referer` (any case) (RULES.md §13, §5).
    ///
    /// ### Why
    /// The client drops it and sends its own
    /// (`https://servicewechat.com/{appid}/{version}/page-frame.html`): a backend
    /// that relies on the code's value never sees it.
    ///
    /// ### Example
    /// `wx.request({ url, header: { Referer: 'https://my.site/' } })`.
    pub const RULE = ("wxnet/call-referer", Warning, CallSite);
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::scan::test_support::{option, tester};

    #[test]
    fn rule_13_call_referer() {
        tester(&RULE)
            .pass([option("header: { 'content-type': 'application/json' }")])
            .fail([option("header: { Referer: 'https://my.site/' }"), option("header: { 'referer': x }")])
            .alone()
            .test_and_snapshot();
    }
}
