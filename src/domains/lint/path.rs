//! `wxnet/domain-path` (error): the entry has a path, query or fragment.
//!
//! Why: the console accepts `scheme://host[:port]` only; a trailing `/` is
//! harmless (RULES.md §1). Matching ignores the path anyway, so the entry would
//! not restrict anything.
//!
//! Example: `"https://a.com/api"` → write `"https://a.com"`.

use super::{Diagnostic, EntryContext, Severity};

pub const CODE: &str = "wxnet/domain-path";

pub fn check(entry: &EntryContext) -> Option<Diagnostic> {
    let parsed = entry.entry()?;
    let path = parsed.path.as_deref()?;
    // The rewrite is suggested only if it is itself accepted (else other findings say why).
    let fix = match entry.clean_rewrite(parsed.canonical_with_scheme(entry.field.scheme())) {
        Some(rewrite) => format!(": write {rewrite}"),
        None => String::new(),
    };
    let message = format!("{} has {}; the list takes the host only{fix}", entry.name(), crate::error::quote(path));
    entry.report(CODE, Severity::Error, message)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{codes, finding};
    use super::CODE;

    #[test]
    fn rule_1_domain_path_pass() {
        for entry in ["https://a.com", "https://a.com/", "https://a.com:8443/"] {
            assert!(codes("requestdomain", entry).is_empty(), "{entry}");
        }
    }

    #[test]
    fn rule_1_domain_path_fail() {
        for entry in
            ["https://a.com/api", "https://a.com//", "https://a.com?x=1", "https://a.com#top", "https://a.com\\x"]
        {
            assert_eq!(codes("requestdomain", entry), [CODE], "{entry}");
        }
        let d = finding("requestdomain", "https://A.com/api/", CODE).unwrap();
        assert!(d.message.contains("write https://a.com"), "{}", d.message);
    }

    #[test]
    fn rule_1_domain_path_never_suggests_a_refused_entry() {
        for entry in ["https://127.0.0.1/api", "https://a/api", "https://-a.com/x"] {
            let d = finding("requestdomain", entry, CODE).unwrap();
            assert!(!d.message.contains("write"), "{entry}: {}", d.message);
        }
    }
}
