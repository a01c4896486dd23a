//! `wxnet/domain-scheme`: the entry's scheme is not the one its list requires
//! (error), or it has none (warning; wxnet assumes the list's scheme).
//!
//! Why: request, uploadFile and downloadFile lists take `https://` only, the socket
//! list `wss://`, the UDP and TCP lists `udp://` and `tcp://` (RULES.md §1). An
//! `http://` entry would never let a request through.
//!
//! Example: `requestdomain: ["http://a.com"]` (error), `["a.com"]` (warning).

use super::{Diagnostic, EntryContext, Severity};

pub const CODE: &str = "wxnet/domain-scheme";

pub fn check(entry: &EntryContext) -> Option<Diagnostic> {
    let parsed = entry.entry()?;
    let wanted = entry.field.scheme();
    if parsed.scheme.as_deref() == Some(wanted) {
        return None;
    }
    // The rewrite is suggested only if it is itself accepted (else other findings say why).
    let rewrite = entry.clean_rewrite(parsed.canonical_with_scheme(wanted));
    match parsed.scheme.as_deref() {
        Some(scheme) => {
            let fix = rewrite.map(|r| format!("; write {r}")).unwrap_or_default();
            let key = entry.field.key();
            let message =
                format!("{} uses {scheme}://, but {key} entries must start with {wanted}://{fix}", entry.name());
            entry.report(CODE, Severity::Error, message)
        }
        None => {
            let expects = rewrite.map(|r| format!(" {r}")).unwrap_or_else(|| format!(" {wanted}://"));
            let message = format!("{} has no scheme; the console expects{expects}, which wxnet assumes", entry.name());
            entry.report(CODE, Severity::Warning, message)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{codes, finding};
    use super::CODE;
    use crate::diagnostic::Severity;

    #[test]
    fn rule_1_domain_scheme_pass() {
        for (field, entry) in [
            ("requestdomain", "https://a.com"),
            ("requestdomain", "HTTPS://a.com"),
            ("uploaddomain", "https://a.com"),
            ("downloaddomain", "https://a.com"),
            ("wsrequestdomain", "wss://a.com"),
            ("udpdomain", "udp://a.com:1000"),
            ("tcpdomain", "tcp://a.com:1000"),
        ] {
            assert!(codes(field, entry).is_empty(), "{field} {entry}");
        }
    }

    #[test]
    fn rule_1_domain_scheme_fail() {
        for (field, entry) in [
            ("requestdomain", "http://a.com"),
            ("requestdomain", "wss://a.com"),
            ("wsrequestdomain", "https://a.com"),
            ("wsrequestdomain", "ws://a.com"),
            ("udpdomain", "tcp://a.com"),
        ] {
            let d = finding(field, entry, CODE).unwrap_or_else(|| panic!("{field} {entry}"));
            assert_eq!(d.severity, Severity::Error);
        }
        let d = finding("requestdomain", "http://a.com", CODE).unwrap();
        assert!(d.message.contains("write https://a.com"), "{}", d.message);
    }

    #[test]
    fn rule_1_domain_scheme_never_suggests_a_refused_entry() {
        for entry in
            ["http://127.0.0.1:8787", "http://8.8.8.8", "http://a", "http://api.weixin.qq.com", "http://*.a.com"]
        {
            let d = finding("requestdomain", entry, CODE).unwrap();
            assert!(!d.message.contains("write"), "{entry}: {}", d.message);
            assert!(d.message.contains("must start with https://"), "{entry}: {}", d.message);
        }
        let d = finding("requestdomain", "localhost", CODE).unwrap();
        assert!(!d.message.contains("https://localhost"), "{}", d.message);
    }

    #[test]
    fn rule_1_domain_scheme_missing_is_a_warning() {
        let d = finding("wsrequestdomain", "a.com", CODE).unwrap();
        assert_eq!(d.severity, Severity::Warning);
        assert!(d.message.contains("wss://a.com"), "{}", d.message);
    }
}
