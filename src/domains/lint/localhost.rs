//! `wxnet/domain-localhost` (error): the entry is `localhost`, a subdomain of it, or
//! a loopback/unspecified address (`127.0.0.1`, `[::1]`, `0.0.0.0`, `[::]`, …).
//!
//! Why: the console refuses these (RULES.md §1) and a phone cannot reach the
//! developer's machine through them. Use DevTools with `urlCheck: false` for local
//! development, or the LAN address of the machine.
//!
//! Example: `"https://localhost:3000"`, `"https://api.localhost"`, `"https://127.1"`.

use super::{Diagnostic, EntryContext, Severity};
use crate::domains::{is_local_ip, is_localhost_name, EntryHost};

pub const CODE: &str = "wxnet/domain-localhost";

pub fn check(entry: &EntryContext) -> Option<Diagnostic> {
    let local = match &entry.entry()?.host {
        EntryHost::Domain(domain) => is_localhost_name(domain),
        EntryHost::Ipv4(ip) => is_local_ip((*ip).into()),
        EntryHost::Ipv6(ip) => is_local_ip((*ip).into()),
        EntryHost::Wildcard(_) => false,
    };
    if !local {
        return None;
    }
    entry.report(
        CODE,
        Severity::Error,
        format!(
            "{} points at the device itself; the console refuses localhost and loopback addresses. \
             For local development turn off urlCheck in DevTools, or call the machine's LAN address, which needs no entry",
            entry.name()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::super::test_support::codes;
    use super::CODE;

    #[test]
    fn rule_1_domain_localhost_pass() {
        for entry in ["https://a.com", "https://localhost.com", "https://mylocalhost"] {
            assert!(!codes("requestdomain", entry).contains(&CODE), "{entry}");
        }
    }

    #[test]
    fn rule_1_domain_localhost_fail() {
        for entry in [
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
        ] {
            assert_eq!(codes("requestdomain", entry), [CODE], "{entry}");
        }
    }
}
