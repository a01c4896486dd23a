//! `wxnet/domain-duplicate`: the entry repeats an earlier one of its list.

use super::{Diagnostic, EntryContext, Severity};
use crate::domains::Entry;
use std::collections::HashMap;

declare_rule! {
    /// The entry equals an earlier one of the same list after normalisation (IDNA,
    /// case, trailing dot and slash) (RULES.md §1).
    ///
    /// Ports count: `https://a.com` and `https://a.com:443` are different entries,
    /// since RULES.md §1 matches ports as written.
    ///
    /// ### Why
    /// Harmless for matching but a sign of a copy-paste slip, and each duplicate
    /// counts against the 20-entry limit.
    ///
    /// ### Example
    /// `["https://a.com", "https://A.COM/"]`.
    pub const RULE = ("wxnet/domain-duplicate", Warning, DomainList);
}

/// `first_seen` maps canonical forms of earlier accepted entries to their index.
pub fn check(entry: &EntryContext, parsed: &Entry, first_seen: &mut HashMap<String, usize>) -> Option<Diagnostic> {
    let canonical = parsed.canonical(entry.field);
    let first = *first_seen.entry(canonical.clone()).or_insert(entry.index);
    if first == entry.index {
        return None;
    }
    let message = format!("{} is the same as {}[{first}] ({canonical})", entry.name(), entry.field.key());
    Some(entry.report(RULE.code, Severity::Warning, message).with_help("remove one"))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{entries_in, tester};
    use super::RULE;
    use crate::domains::RawDomains;
    use crate::lint::domains::lint;

    fn duplicates(entries: &[&str]) -> Vec<usize> {
        lint(&RawDomains::from_lists(&[("requestdomain", entries)]))
            .into_iter()
            .filter(|d| d.code == RULE.code)
            .filter_map(|d| d.index)
            .collect()
    }

    #[test]
    fn rule_1_domain_duplicate() {
        let list = |entries: &[&str]| entries_in("requestdomain", entries);
        tester(&RULE)
            .pass([list(&["https://a.com", "https://a.com:443", "https://b.a.com"])])
            .fail([
                list(&["https://a.com", "https://A.COM/", "https://a.com.", "a.com"]),
                list(&["https://例え.jp", "https://xn--r8jz45g.jp"]),
            ])
            .test_and_snapshot();
    }

    #[test]
    fn rule_1_domain_duplicate_reports_each_repeat_and_names_the_first() {
        assert_eq!(duplicates(&["https://a.com", "https://A.COM/", "https://a.com.", "a.com"]), [1, 2, 3]);
        assert_eq!(duplicates(&["https://例え.jp", "https://xn--r8jz45g.jp"]), [1]);
        let raw = RawDomains::from_lists(&[("requestdomain", &["https://a.com", "https://a.com"])]);
        let d = lint(&raw).pop().unwrap();
        assert!(d.message.contains("requestdomain[0]"), "{}", d.message);
        assert_eq!(d.help.as_deref(), Some("remove one"));
    }
}
