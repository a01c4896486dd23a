//! `wxnet/domain-invalid`: the entry cannot be read as `scheme://host[:port]`.

use super::{Diagnostic, EntryContext, Severity};

declare_rule! {
    /// The entry cannot be read as `scheme://host[:port]` (RULES.md §1).
    ///
    /// The message says what is wrong: empty, no host, user info (`user@`), a port
    /// that is not 1–65535, an unclosed IPv6 bracket, a host that is not a valid
    /// domain name. Such an entry gets no other finding.
    ///
    /// ### Why
    /// The console saves only entries it can read; an unreadable entry lists nothing.
    ///
    /// ### Example
    /// `"https://a.com:99999"` (port out of range), `"https://u@a.com"`, `""`.
    pub const RULE = ("wxnet/domain-invalid", Error, DomainList);
}

pub fn check(entry: &EntryContext) -> Option<Diagnostic> {
    let why = entry.parsed.as_ref().err()?;
    let scheme = entry.field.scheme();
    Some(
        entry
            .report(RULE.code, Severity::Error, format!("{} {why}", entry.name()))
            .with_help(format!("write it as {scheme}://host or {scheme}://host:port")),
    )
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{entry, finding, tester};
    use super::RULE;

    #[test]
    fn rule_1_domain_invalid() {
        tester(&RULE)
            .pass(["https://a.com", "https://a.com:8443", "https://例え.jp"].map(entry))
            .fail(
                ["", "   ", "https://", "https://a.com:99999", "https://u:p@a.com", "https://a b.com", "https://[::1"]
                    .map(entry),
            )
            .alone()
            .test_and_snapshot();
    }

    #[test]
    fn rule_1_domain_invalid_names_the_entry_and_the_form_to_write() {
        let d = finding("requestdomain", "https://a.com:99999", RULE.code).unwrap();
        assert!(d.message.contains("requestdomain[0]"), "{}", d.message);
        assert_eq!(d.help.as_deref(), Some("write it as https://host or https://host:port"));
    }
}
