//! `wxnet/json-syntax`: the file is not JSON.

declare_rule! {
    /// The file is not JSON (or, for `manifest.json`, not JSON with comments).
    ///
    /// Reported once, at the character where the text stops being JSON, with what was
    /// expected there. Nothing else in the file can be checked then, so this is always
    /// an error and cannot be configured.
    ///
    /// ### Why
    /// The platform and DevTools refuse a configuration file that does not parse, and
    /// a domain list that does not parse lists nothing (RULES.md §12: a malformed file
    /// is reported at its line and column, never a crash).
    ///
    /// ### Example
    /// `{"requestdomain": ["https://a.com",]}`: a trailing comma, which JSON does not
    /// allow (JSON with comments does).
    pub const RULE = ("wxnet/json-syntax", Error, File);
}

/// The finding for a reader error.
#[cfg(any(test, feature = "lint-json"))]
pub fn diagnostic(error: &super::json::JsonError) -> super::Diagnostic {
    super::Diagnostic::new(RULE.code, super::Severity::Error, format!("not valid JSON: {}", error.message))
        .with_span(error.span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::json::{parse, Syntax};
    use crate::lint::tester::Tester;
    use crate::lint::Diagnostic;

    fn lint(text: &str) -> Vec<Diagnostic> {
        parse(text, Syntax::Json).err().iter().map(diagnostic).collect()
    }

    #[test]
    fn rule_12_json_syntax() {
        Tester::new(&RULE, "domains.json", lint)
            .pass([
                "{}",
                "[]",
                "{\"requestdomain\": [\"https://例え.jp\"]}\n",
                "\u{FEFF}{\"a\": -1.5e+3}",
                "\"\\ud83d\\ude00\"",
            ])
            .fail([
                "",
                "{\n  \"requestdomain\": [\n    \"https://a.com\",,\n  ]\n}\n",
                "{\"requestdomain\": [\"https://a.com\",]}",
                "{requestdomain: []}",
                "{\"requestdomain\": [\"https://例え.jp\" \"https://😀.com\"]}",
                "{\"a\": \"x\\qy\"}",
                "{\"a\": 01}",
                "{\"a\": tru}",
                "{\r\n  \"a\": [1, 2\r\n}",
                "// a comment\n{}",
                "{\"a\": [1, 2]",
            ])
            .test_and_snapshot();
    }
}
