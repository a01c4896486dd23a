//! `wxnet/domain-duplicate` (warning): the entry equals an earlier one of the same
//! list after normalisation (IDNA, case, trailing dot and slash).
//!
//! Why: harmless for matching but a sign of a copy-paste slip, and each duplicate
//! counts against the 20-entry limit. Ports count: `https://a.com` and
//! `https://a.com:443` are different entries (RULES.md §1 matches ports as written).
//!
//! Example: `["https://a.com", "https://A.COM/"]`.

use super::{Diagnostic, EntryContext, Severity};
use crate::domains::Entry;
use std::collections::HashMap;

pub const CODE: &str = "wxnet/domain-duplicate";

/// `first_seen` maps canonical forms of earlier accepted entries to their index.
pub fn check(entry: &EntryContext, parsed: &Entry, first_seen: &mut HashMap<String, usize>) -> Option<Diagnostic> {
    let canonical = parsed.canonical(entry.field);
    let first = *first_seen.entry(canonical.clone()).or_insert(entry.index);
    if first == entry.index {
        return None;
    }
    entry.report(
        CODE,
        Severity::Warning,
        format!("{} is the same as {}[{first}] ({canonical}); remove one", entry.name(), entry.field.key()),
    )
}

#[cfg(test)]
mod tests {
    use super::CODE;
    use crate::domains::lint::lint;
    use crate::domains::RawDomains;

    fn duplicates(entries: &[&str]) -> Vec<usize> {
        lint(&RawDomains::from_lists(&[("requestdomain", entries)]))
            .into_iter()
            .filter(|d| d.code == CODE)
            .filter_map(|d| d.index)
            .collect()
    }

    #[test]
    fn rule_1_domain_duplicate_pass() {
        assert!(duplicates(&["https://a.com", "https://a.com:443", "https://b.a.com"]).is_empty());
    }

    #[test]
    fn rule_1_domain_duplicate_fail() {
        assert_eq!(duplicates(&["https://a.com", "https://A.COM/", "https://a.com.", "a.com"]), [1, 2, 3]);
        assert_eq!(duplicates(&["https://例え.jp", "https://xn--r8jz45g.jp"]), [1]);
        let raw = RawDomains::from_lists(&[("requestdomain", &["https://a.com", "https://a.com"])]);
        let d = lint(&raw).pop().unwrap();
        assert!(d.message.contains("requestdomain[0]"), "{}", d.message);
    }
}
