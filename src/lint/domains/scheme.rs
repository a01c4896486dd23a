//! `wxnet/domain-scheme`: the entry's scheme is not its list's.

use super::{Diagnostic, EntryContext, Severity};

declare_rule! {
    /// The entry's scheme is not the one its list requires (an error), or it has
    /// none (a warning: wxnet assumes the list's scheme) (RULES.md §1).
    ///
    /// ### Why
    /// request, uploadFile and downloadFile lists take `https://` only, the socket
    /// list `wss://`, the UDP and TCP lists `udp://` and `tcp://`. An `http://` entry
    /// would never let a request through. The help suggests the rewritten entry only
    /// when that entry is itself accepted.
    ///
    /// ### Example
    /// `requestdomain: ["http://a.com"]` (error: write `https://a.com`),
    /// `["a.com"]` (warning).
    pub const RULE = ("wxnet/domain-scheme", Error, DomainList);
}

pub fn check(entry: &EntryContext) -> Option<Diagnostic> {
    let parsed = entry.entry()?;
    let wanted = entry.field.scheme();
    if parsed.scheme.as_deref() == Some(wanted) {
        return None;
    }
    let help = entry.clean_rewrite(parsed.canonical_with_scheme(wanted)).map(|r| format!("write {r}"));
    let d = match parsed.scheme.as_deref() {
        Some(scheme) => {
            let key = entry.field.key();
            let message = format!("{} uses {scheme}://, but {key} entries must start with {wanted}://", entry.name());
            entry.report(RULE.code, Severity::Error, message)
        }
        None => {
            let message =
                format!("{} has no scheme; the console expects {wanted}://, which wxnet assumes", entry.name());
            entry.report(RULE.code, Severity::Warning, message)
        }
    };
    Some(d.with_optional_help(help))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{entry, entry_in, finding, tester};
    use super::RULE;
    use crate::lint::Severity;

    #[test]
    fn rule_1_domain_scheme() {
        tester(&RULE)
            .pass([
                entry("https://a.com"),
                entry("HTTPS://a.com"),
                entry_in("uploaddomain", "https://a.com"),
                entry_in("downloaddomain", "https://a.com"),
                entry_in("wsrequestdomain", "wss://a.com"),
                entry_in("udpdomain", "udp://a.com:1000"),
                entry_in("tcpdomain", "tcp://a.com:1000"),
            ])
            .fail([
                entry("http://a.com"),
                entry("wss://a.com"),
                entry_in("wsrequestdomain", "https://a.com"),
                entry_in("wsrequestdomain", "ws://a.com"),
                entry_in("udpdomain", "tcp://a.com"),
                entry_in("wsrequestdomain", "a.com"),
                entry("http://127.0.0.1:8787"),
            ])
            .test_and_snapshot();
    }

    #[test]
    fn rule_1_domain_scheme_wrong_is_an_error_with_the_rewrite_as_help() {
        for (field, entry) in [
            ("requestdomain", "http://a.com"),
            ("requestdomain", "wss://a.com"),
            ("wsrequestdomain", "https://a.com"),
            ("wsrequestdomain", "ws://a.com"),
            ("udpdomain", "tcp://a.com"),
        ] {
            let d = finding(field, entry, RULE.code).unwrap_or_else(|| panic!("{field} {entry}"));
            assert_eq!(d.severity, Severity::Error);
        }
        let d = finding("requestdomain", "http://a.com", RULE.code).unwrap();
        assert_eq!(d.help.as_deref(), Some("write https://a.com"));
        assert!(!d.message.contains("write"), "the fix is in help only: {}", d.message);
    }

    #[test]
    fn rule_1_domain_scheme_never_suggests_a_refused_entry() {
        for entry in
            ["http://127.0.0.1:8787", "http://8.8.8.8", "http://a", "http://api.weixin.qq.com", "http://*.a.com"]
        {
            let d = finding("requestdomain", entry, RULE.code).unwrap();
            assert_eq!(d.help, None, "{entry}");
            assert!(d.message.contains("must start with https://"), "{entry}: {}", d.message);
        }
        let d = finding("requestdomain", "localhost", RULE.code).unwrap();
        assert_eq!(d.help, None);
        assert!(!d.message.contains("https://localhost"), "{}", d.message);
    }

    #[test]
    fn rule_1_domain_scheme_missing_is_a_warning() {
        let d = finding("wsrequestdomain", "a.com", RULE.code).unwrap();
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(d.help.as_deref(), Some("write wss://a.com"));
    }
}
