//! `wxnet/domain-invalid` (error): the entry cannot be read as `scheme://host[:port]`.
//!
//! Why: the console refuses it, and wxnet cannot match a URL against it.
//!
//! Example: `"https://a.com:99999"` (port out of range), `"https://u@a.com"`, `""`.

use super::{Diagnostic, EntryContext, Severity};

pub const CODE: &str = "wxnet/domain-invalid";

pub fn check(entry: &EntryContext) -> Option<Diagnostic> {
    let why = entry.parsed.as_ref().err()?;
    let fix = format!("write it as {}://host or {}://host:port", entry.field.scheme(), entry.field.scheme());
    entry.report(CODE, Severity::Error, format!("{} {why}; {fix}", entry.name()))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{codes, finding};
    use super::CODE;

    #[test]
    fn rule_1_domain_invalid_pass() {
        for entry in ["https://a.com", "https://a.com:8443", "https://例え.jp"] {
            assert!(!codes("requestdomain", entry).contains(&CODE), "{entry}");
        }
    }

    #[test]
    fn rule_1_domain_invalid_fail() {
        for entry in
            ["", "   ", "https://", "https://a.com:99999", "https://u:p@a.com", "https://a b.com", "https://[::1"]
        {
            assert_eq!(codes("requestdomain", entry), [CODE], "{entry:?}: an unreadable entry gets only this finding");
        }
        let d = finding("requestdomain", "https://a.com:99999", CODE).unwrap();
        assert!(d.message.contains("requestdomain[0]") && d.message.contains("https://host:port"), "{}", d.message);
    }
}
