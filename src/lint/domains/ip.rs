//! `wxnet/domain-ip`: the entry's host is an IP address.

use super::{Diagnostic, EntryContext, Severity};
use crate::domains::is_local_ip;

declare_rule! {
    /// The entry's host is an IP address (RULES.md §1).
    ///
    /// Loopback and unspecified addresses are reported by `domain-localhost`
    /// instead. IPv4 spellings a browser reads as addresses (`0x08080808`) count.
    ///
    /// ### Why
    /// The lists take domain names only. Devices on the phone's own subnet are reached
    /// through the LAN exception (RULES.md §2) without any list entry.
    ///
    /// ### Example
    /// `"https://8.8.8.8"`, `"https://[2001:db8::1]"`, `"https://0x08080808"`.
    pub const RULE = ("wxnet/domain-ip", Error, DomainList);
}

pub fn check(entry: &EntryContext) -> Option<Diagnostic> {
    let ip = entry.entry()?.ip().filter(|ip| !is_local_ip(*ip))?;
    let message = format!("{} is an IP address ({ip}); the lists take domain names only", entry.name());
    Some(
        entry
            .report(RULE.code, Severity::Error, message)
            .with_help("list a domain name instead; devices on the phone's own subnet need no entry"),
    )
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{entry, finding, tester};
    use super::RULE;

    #[test]
    fn rule_1_domain_ip() {
        tester(&RULE)
            .pass(["https://a.com", "https://1.com", "https://a.1x", "https://127.0.0.1"].map(entry))
            .fail(
                ["https://8.8.8.8", "https://[2001:db8::1]", "https://0x08080808", "https://192.168.1.10:8080"]
                    .map(entry),
            )
            .test_and_snapshot();
    }

    #[test]
    fn rule_1_domain_ip_alone_and_showing_the_address_a_browser_uses() {
        for entry in ["https://8.8.8.8", "https://[2001:db8::1]", "https://0x08080808", "https://192.168.1.10:8080"] {
            let codes: Vec<_> =
                super::super::test_support::findings("requestdomain", entry).iter().map(|d| d.code).collect();
            assert_eq!(codes, [RULE.code], "{entry}");
        }
        let d = finding("requestdomain", "https://0x08080808", RULE.code).unwrap();
        assert!(d.message.contains("8.8.8.8"), "{}", d.message);
    }
}
