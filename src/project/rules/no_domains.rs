//! `wxnet/no-domains`: the project gives no domain list.

declare_rule! {
    /// No server-domain list was given (`--domains`, or `domains` in
    /// wxnet.config.json), so whether each URL is listed is not judged; everything
    /// else is (RULES.md §12).
    ///
    /// ### Why
    /// The list lives only in the mini program console (RULES.md §12 decision): the
    /// linter can say a URL is `http://` or an IP address without it, but not
    /// that its host is missing from the list.
    ///
    /// ### Example
    /// `wxnet lint .` in a project without wxnet.config.json.
    pub const RULE = ("wxnet/no-domains", Info, Project);
}

/// The one finding, at the start of `file`.
#[cfg(any(test, feature = "project"))]
pub fn diagnostic() -> crate::lint::Diagnostic {
    crate::lint::Diagnostic::new(
        RULE.code,
        crate::lint::Severity::Info,
        "no server-domain list given: URLs are checked for scheme, IP and localhost, not for being listed",
    )
    .with_help("save the console's list as domains.json and name it in wxnet.config.json (\"domains\": \"domains.json\") or with --domains")
    .with_span(crate::lint::Span::at(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::tester::Tester;

    #[test]
    fn rule_12_no_domains() {
        // The project linter reports it once when no list is given (the project
        // tests check when); here, what it says.
        Tester::new(
            &RULE,
            "project.config.json",
            |text| if text.contains("domains") { vec![] } else { vec![diagnostic()] },
        )
        .pass([r#"{"domains": "domains.json"}"#])
        .fail(["{\"appid\": \"touristappid\"}"])
        .alone()
        .test_and_snapshot();
    }
}
