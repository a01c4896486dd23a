//! `wxnet/call-data-type`: a `dataType` or `responseType` that does not exist.

declare_rule! {
    /// `wx.request`'s literal `dataType` is neither `json` nor `text`, or its
    /// `responseType` is neither `text` nor `arraybuffer` (RULES.md §13, §8).
    ///
    /// ### Why
    /// Only `dataType: 'json'` parses the body, so `'JSON'` or `'jsonp'` silently
    /// gives a string; an unknown `responseType` is read as text.
    ///
    /// ### Example
    /// `wx.request({ url, dataType: 'JSON' })`, `wx.request({ url, responseType: 'blob' })`.
    pub const RULE = ("wxnet/call-data-type", Warning, CallSite);
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::scan::test_support::{option, tester};

    #[test]
    fn rule_13_call_data_type() {
        tester(&RULE)
            .pass([option("dataType: 'json'"), option("dataType: 'text'"), option("responseType: 'arraybuffer'")])
            .fail([option("dataType: 'JSON'"), option("responseType: 'blob'")])
            .alone()
            .test_and_snapshot();
    }
}
