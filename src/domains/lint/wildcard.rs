//! `wxnet/domain-wildcard` (error): the entry contains `*`.
//!
//! Why: lists take exact hosts, and a parent domain does not cover its subdomains
//! (RULES.md §1): `*.a.com` matches nothing. List every host.
//!
//! Example: `"https://*.a.com"` → list `"https://api.a.com"`, `"https://img.a.com"`, ….

use super::{Diagnostic, EntryContext, Severity};
use crate::domains::EntryHost;

pub const CODE: &str = "wxnet/domain-wildcard";

pub fn check(entry: &EntryContext) -> Option<Diagnostic> {
    let EntryHost::Wildcard(_) = entry.entry()?.host else {
        return None;
    };
    entry.report(
        CODE,
        Severity::Error,
        format!("{} has a wildcard; wildcards are not supported and a parent domain does not cover its subdomains: list every host exactly", entry.name()),
    )
}

#[cfg(test)]
mod tests {
    use super::super::test_support::codes;
    use super::CODE;

    #[test]
    fn rule_1_domain_wildcard_pass() {
        assert!(codes("requestdomain", "https://star.a.com").is_empty());
    }

    #[test]
    fn rule_1_domain_wildcard_fail() {
        for entry in ["https://*.a.com", "https://*", "https://a*.com:8443"] {
            assert_eq!(codes("requestdomain", entry), [CODE], "{entry}");
        }
    }
}
