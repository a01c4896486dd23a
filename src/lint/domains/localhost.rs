//! `wxnet/domain-localhost`: the entry points at the device itself.

use super::{Diagnostic, EntryContext, Severity};
use crate::domains::{is_local_ip, is_localhost_name, EntryHost};

declare_rule! {
    /// The entry is `localhost`, a subdomain of it, or a loopback or unspecified
    /// address (`127.0.0.1`, `[::1]`, `0.0.0.0`, `[::]`, …) (RULES.md §1).
    ///
    /// ### Why
    /// The console refuses these and a phone cannot reach the developer's machine
    /// through them. Use DevTools with `urlCheck: false` for local development, or
    /// the LAN address of the machine.
    ///
    /// ### Example
    /// `"https://localhost:3000"`, `"https://api.localhost"`, `"https://127.1"`.
    pub const RULE = ("wxnet/domain-localhost", Error, DomainList);
}

pub fn check(entry: &EntryContext) -> Option<Diagnostic> {
    let parsed = entry.entry()?;
    let local = match &parsed.host {
        EntryHost::Domain(domain) => is_localhost_name(domain),
        _ => parsed.ip().is_some_and(is_local_ip),
    };
    if !local {
        return None;
    }
    let message =
        format!("{} points at the device itself; the console refuses localhost and loopback addresses", entry.name());
    Some(entry.report(RULE.code, Severity::Error, message).with_help(
        "for local development turn off urlCheck in DevTools, or call the machine's LAN address, which needs no entry",
    ))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{entry, tester};
    use super::RULE;

    #[test]
    fn rule_1_domain_localhost() {
        tester(&RULE)
            .pass(["https://a.com", "https://localhost.com", "https://mylocalhost.com"].map(entry))
            .fail(
                [
                    "https://localhost",
                    "https://LOCALHOST.:3000",
                    "https://api.localhost",
                    "https://127.0.0.1",
                    "https://127.1",
                    "https://2130706433",
                    "https://0.0.0.0",
                    "https://[::1]",
                    "https://[::]",
                    "https://[::ffff:127.0.0.1]",
                ]
                .map(entry),
            )
            .alone()
            .test_and_snapshot();
    }

    #[test]
    fn rule_1_domain_localhost_is_not_a_name_that_merely_contains_it() {
        let codes: Vec<_> = super::super::test_support::findings("requestdomain", "https://mylocalhost")
            .iter()
            .map(|d| d.code)
            .collect();
        assert!(!codes.contains(&RULE.code), "{codes:?}");
    }
}
