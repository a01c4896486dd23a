//! `wxnet/domain-path`: the entry has a path, query or fragment.

use super::{Diagnostic, EntryContext, Severity};

declare_rule! {
    /// The entry has a path, query or fragment (RULES.md §1).
    ///
    /// ### Why
    /// The console accepts `scheme://host[:port]` only; a trailing `/` is harmless.
    /// Matching ignores the path anyway, so the entry would not restrict anything.
    /// The help suggests the entry without the path only when that entry is itself
    /// accepted.
    ///
    /// ### Example
    /// `"https://a.com/api"`: write `"https://a.com"`.
    pub const RULE = ("wxnet/domain-path", Error, DomainList);
}

pub fn check(entry: &EntryContext) -> Option<Diagnostic> {
    let parsed = entry.entry()?;
    let path = parsed.path.as_deref()?;
    let help = entry.clean_rewrite(parsed.canonical_with_scheme(entry.field.scheme())).map(|r| format!("write {r}"));
    let message = format!("{} has {}; the list takes the host only", entry.name(), crate::error::quote(path));
    Some(entry.report(RULE.code, Severity::Error, message).with_optional_help(help))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{entry, finding, tester};
    use super::RULE;

    #[test]
    fn rule_1_domain_path() {
        tester(&RULE)
            .pass(["https://a.com", "https://a.com/", "https://a.com:8443/"].map(entry))
            .fail(
                ["https://a.com/api", "https://a.com//", "https://a.com?x=1", "https://a.com#top", "https://a.com\\x"]
                    .map(entry),
            )
            .alone()
            .test_and_snapshot();
    }

    #[test]
    fn rule_1_domain_path_helps_with_the_canonical_host() {
        let d = finding("requestdomain", "https://A.com/api/", RULE.code).unwrap();
        assert_eq!(d.help.as_deref(), Some("write https://a.com"));
    }

    #[test]
    fn rule_1_domain_path_never_suggests_a_refused_entry() {
        for entry in ["https://127.0.0.1/api", "https://a/api", "https://-a.com/x"] {
            let d = finding("requestdomain", entry, RULE.code).unwrap();
            assert_eq!(d.help, None, "{entry}");
            assert!(!d.message.contains("write"), "{entry}: {}", d.message);
        }
    }
}
