//! `wxnet/domain-wildcard`: the entry contains `*`.

use super::{Diagnostic, EntryContext, Severity};
use crate::domains::EntryHost;

declare_rule! {
    /// The entry contains `*` (RULES.md §1).
    ///
    /// ### Why
    /// Lists take exact hosts, and a parent domain does not cover its subdomains:
    /// `*.a.com` matches nothing. List every host.
    ///
    /// ### Example
    /// `"https://*.a.com"`: list `"https://api.a.com"`, `"https://img.a.com"`, ….
    pub const RULE = ("wxnet/domain-wildcard", Error, DomainList);
}

pub fn check(entry: &EntryContext) -> Option<Diagnostic> {
    let EntryHost::Wildcard(_) = entry.entry()?.host else {
        return None;
    };
    let message = format!(
        "{} has a wildcard; wildcards are not supported and a parent domain does not cover its subdomains",
        entry.name()
    );
    Some(entry.report(RULE.code, Severity::Error, message).with_help("list every host exactly"))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{entry, tester};
    use super::RULE;

    #[test]
    fn rule_1_domain_wildcard() {
        tester(&RULE)
            .pass(["https://star.a.com"].map(entry))
            .fail(["https://*.a.com", "https://*", "https://a*.com:8443"].map(entry))
            .alone()
            .test_and_snapshot();
    }
}
