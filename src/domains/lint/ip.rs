//! `wxnet/domain-ip` (error): the entry's host is an IP address.
//!
//! Why: the lists take domain names only (RULES.md §1). Devices on the phone's own
//! subnet are reached through the LAN exception (§2) without any list entry.
//! Loopback and unspecified addresses are reported by `domain-localhost` instead.
//!
//! Example: `"https://8.8.8.8"`, `"https://[2001:db8::1]"`, `"https://0x08080808"`.

use super::{Diagnostic, EntryContext, Severity};
use crate::domains::{is_local_ip, EntryHost};
use std::net::IpAddr;

pub const CODE: &str = "wxnet/domain-ip";

pub fn check(entry: &EntryContext) -> Option<Diagnostic> {
    let ip: IpAddr = match entry.entry()?.host {
        EntryHost::Ipv4(ip) => ip.into(),
        EntryHost::Ipv6(ip) => ip.into(),
        _ => return None,
    };
    if is_local_ip(ip) {
        return None;
    }
    entry.report(
        CODE,
        Severity::Error,
        format!(
            "{} is an IP address ({ip}); list a domain name instead (devices on the phone's own subnet need no entry)",
            entry.name()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{codes, finding};
    use super::CODE;

    #[test]
    fn rule_1_domain_ip_pass() {
        for entry in ["https://a.com", "https://1.com", "https://a.1x", "https://127.0.0.1"] {
            assert!(!codes("requestdomain", entry).contains(&CODE), "{entry}");
        }
    }

    #[test]
    fn rule_1_domain_ip_fail() {
        for entry in ["https://8.8.8.8", "https://[2001:db8::1]", "https://0x08080808", "https://192.168.1.10:8080"] {
            assert_eq!(codes("requestdomain", entry), [CODE], "{entry}");
        }
        let d = finding("requestdomain", "https://0x08080808", CODE).unwrap();
        assert!(d.message.contains("8.8.8.8"), "the message shows the address a browser uses: {}", d.message);
    }
}
