//! `wxnet/js-syntax`: a code file that does not parse.

declare_rule! {
    /// A `.js`/`.ts`/`.vue` file of the project does not parse (RULES.md §12, §13).
    ///
    /// Reported once, at the parser's first error; the rest of the project is still
    /// linted. Always an error and cannot be configured (use `ignore` for files that
    /// are not code).
    ///
    /// ### Why
    /// The call sites of a file that does not parse cannot be read, and the mini
    /// program compiler refuses it too.
    ///
    /// ### Example
    /// `wx.request({ url: 'https://a.com' ` (the call is never closed).
    pub const RULE = ("wxnet/js-syntax", Error, File);
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::tester::Tester;

    #[test]
    fn rule_13_js_syntax() {
        Tester::new(&RULE, "pages/index/index.js", crate::scan::test_support::lint_source)
            .pass(["wx.request({ url: 'https://api.example.com/' })\n", "const a = 1"])
            .fail(["wx.request({ url: 'https://api.example.com/' \n", "const = 1", "let 例 = ;"])
            .alone()
            .test_and_snapshot();
    }
}
