//! What a dev proxy may connect to (RULES.md §14): a browser preview's calls go
//! through a proxy on the developer's machine, and a previewed mini program is
//! untrusted code. The URL checks ([`crate::url_check`]) judge the URL as written;
//! this module judges the address a listed host RESOLVED to, at connect time, so that
//! a listed name pointing at 127.0.0.1 or at the office network (DNS rebinding) is
//! not a way in. Only public addresses pass, and LAN peers when the LAN rule (§2)
//! allows them; loopback never does (the phone cannot reach its own loopback either).
//! The developer's own `upstreams` mapping bypasses this check in the proxy, not here.
//!
//! Also the request headers a browser adds that the phone never sends, which the
//! proxy drops before forwarding.

use crate::catalogue::errmsg::{self, Failure, FailureKind, Message};
use crate::url_check::Lan;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

macro_rules! classes {
    ($( $class:ident = $name:literal, $doc:literal; )*) => {
        /// What kind of address a host resolved to.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum AddressClass { $( #[doc = $doc] $class, )* }

        impl AddressClass {
            pub const ALL: [AddressClass; [$($name),*].len()] = [$(AddressClass::$class),*];

            /// The public name (`loopback`), as `checkResolvedAddress`'s `class` gives it.
            pub fn name(self) -> &'static str {
                match self { $( AddressClass::$class => $name, )* }
            }

            pub fn doc(self) -> &'static str {
                match self { $( AddressClass::$class => $doc, )* }
            }
        }
    };
}

classes! {
    Public = "public", "A globally routable address.";
    Loopback = "loopback", "127.0.0.0/8 or ::1: the proxy's own machine.";
    Unspecified = "unspecified", "0.0.0.0/8 or ::, which reach the proxy's own machine too.";
    Private = "private", "10/8, 172.16/12, 192.168/16 or fc00::/7: a private network.";
    SharedAddress = "shared", "100.64/10, carrier-grade NAT space.";
    LinkLocal = "link-local", "169.254/16 or fe80::/10 (cloud metadata endpoints live here).";
    Multicast = "multicast", "224/4 or ff00::/8.";
    Reserved = "reserved", "Documentation, benchmarking, broadcast, 240/4 and other special-purpose ranges.";
}

/// The outcome of [`check_resolved`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved {
    pub class: AddressClass,
    /// `true` for a public address, or a LAN peer the LAN rule allows.
    pub allowed: bool,
}

/// Classifies `address`; IPv4-mapped IPv6 (`::ffff:127.0.0.1`) and the NAT64 /
/// 6to4 forms that embed an IPv4 address count as that IPv4 address.
pub fn classify(address: IpAddr) -> AddressClass {
    match address {
        IpAddr::V4(v4) => classify_v4(v4),
        IpAddr::V6(v6) => match embedded_v4(v6) {
            Some(v4) => classify_v4(v4),
            None => classify_v6(v6),
        },
    }
}

fn classify_v4(ip: Ipv4Addr) -> AddressClass {
    let [a, b, c, _] = ip.octets();
    match (a, b, c) {
        (127, _, _) => AddressClass::Loopback,
        (0, _, _) => AddressClass::Unspecified,
        (10, _, _) | (192, 168, _) => AddressClass::Private,
        (172, b, _) if (16..32).contains(&b) => AddressClass::Private,
        (100, b, _) if (64..128).contains(&b) => AddressClass::SharedAddress,
        (169, 254, _) => AddressClass::LinkLocal,
        (224..=239, _, _) => AddressClass::Multicast,
        (240..=255, _, _) => AddressClass::Reserved,
        // IETF protocol assignments, TEST-NET-1/2/3, benchmarking (RFC 6890).
        (192, 0, 0) | (192, 0, 2) | (198, 51, 100) | (203, 0, 113) => AddressClass::Reserved,
        (198, 18 | 19, _) => AddressClass::Reserved,
        _ => AddressClass::Public,
    }
}

fn classify_v6(ip: Ipv6Addr) -> AddressClass {
    let first = ip.segments()[0];
    if ip.is_loopback() {
        AddressClass::Loopback
    } else if ip.is_unspecified() {
        AddressClass::Unspecified
    } else if first & 0xfe00 == 0xfc00 {
        AddressClass::Private
    } else if first & 0xffc0 == 0xfe80 {
        AddressClass::LinkLocal
    } else if first & 0xff00 == 0xff00 {
        AddressClass::Multicast
    } else if first == 0x2001 && ip.segments()[1] == 0x0db8 {
        AddressClass::Reserved // documentation
    } else if first & 0xe000 == 0x2000 {
        AddressClass::Public // global unicast
    } else {
        AddressClass::Reserved
    }
}

/// The IPv4 address inside an IPv6 one that reaches it: IPv4-mapped (::ffff:a.b.c.d),
/// IPv4-compatible (::a.b.c.d, deprecated but still routed by some stacks), NAT64
/// (64:ff9b::/96) and 6to4 (2002::/16).
fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return Some(v4);
    }
    let s = ip.segments();
    let low = Ipv4Addr::new((s[6] >> 8) as u8, s[6] as u8, (s[7] >> 8) as u8, s[7] as u8);
    match s {
        [0, 0, 0, 0, 0, 0, _, _] if !ip.is_loopback() && !ip.is_unspecified() => Some(low),
        [0x64, 0xff9b, 0, 0, 0, 0, _, _] => Some(low),
        [0x2002, hi, lo, ..] => Some(Ipv4Addr::new((hi >> 8) as u8, hi as u8, (lo >> 8) as u8, lo as u8)),
        _ => None,
    }
}

/// May the proxy connect to `address`? Public addresses yes; an IPv4 LAN peer when
/// `lan` allows it (same subnet, not the phone's own IP, RULES.md §2); nothing else.
pub fn check_resolved(address: IpAddr, lan: Option<Lan>) -> Resolved {
    let class = classify(address);
    let v4 = match address {
        IpAddr::V4(v4) => Some(v4),
        IpAddr::V6(v6) => embedded_v4(v6),
    };
    let lan_peer = match (lan, v4) {
        (Some(lan), Some(v4)) => lan.contains(v4) && lan.ip() != v4,
        _ => false,
    };
    let allowed = match class {
        AddressClass::Public => true,
        AddressClass::Private | AddressClass::SharedAddress | AddressClass::LinkLocal => lan_peer,
        _ => false,
    };
    Resolved { class, allowed }
}

/// The errMsg a call gets when the proxy refuses the address `host` resolved to:
/// `request:fail wxnet proxy: a.com resolves to 127.0.0.1 (loopback), which it does not forward to`.
pub fn refusal(api: &str, host: &str, address: &str, class: AddressClass) -> Message {
    let text = format!("wxnet proxy: {host} resolves to {address} ({}), which it does not forward to", class.name());
    errmsg::fail(api, &Failure::with_text(FailureKind::Network, &text))
}

/// Request headers (lower case) a browser adds that the phone never sends; the dev
/// proxy drops them before forwarding (RULES.md §14): the page's Origin and Referer,
/// the browser's own cookies (the code's `cookie` header arrives separately), and
/// the fetch metadata and client hints.
pub const BROWSER_ONLY_HEADERS: [&str; 10] = [
    "origin",
    "referer",
    "cookie",
    "sec-fetch-site",
    "sec-fetch-mode",
    "sec-fetch-dest",
    "sec-fetch-user",
    "sec-ch-ua",
    "sec-ch-ua-mobile",
    "sec-ch-ua-platform",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn class(text: &str) -> AddressClass {
        classify(text.parse().expect("test address"))
    }

    fn allowed(text: &str, lan: Option<Lan>) -> bool {
        check_resolved(text.parse().expect("test address"), lan).allowed
    }

    #[test]
    fn rule_14_loopback_and_unspecified_are_never_forwarded_to() {
        let lan = Lan::parse("127.0.0.5/8", None).ok();
        for address in [
            "127.0.0.1",
            "127.9.9.9",
            "0.0.0.0",
            "::1",
            "::",
            "::ffff:127.0.0.1",
            "::ffff:0.0.0.0",
            "::127.0.0.1",
            "64:ff9b::7f00:1",
            "2002:7f00:1::",
        ] {
            assert!(!allowed(address, None), "{address}");
            assert!(!allowed(address, lan), "{address} with a LAN that contains it");
        }
        assert_eq!(class("::ffff:127.0.0.1"), AddressClass::Loopback);
    }

    #[test]
    fn rule_14_private_link_local_and_shared_addresses_are_refused() {
        for (address, expected) in [
            ("10.1.2.3", AddressClass::Private),
            ("172.16.0.1", AddressClass::Private),
            ("172.31.255.255", AddressClass::Private),
            ("192.168.1.20", AddressClass::Private),
            ("::ffff:192.168.1.20", AddressClass::Private),
            ("fd00::1", AddressClass::Private),
            ("169.254.169.254", AddressClass::LinkLocal),
            ("fe80::1", AddressClass::LinkLocal),
            ("100.64.0.1", AddressClass::SharedAddress),
            ("224.0.0.251", AddressClass::Multicast),
            ("ff02::fb", AddressClass::Multicast),
            ("255.255.255.255", AddressClass::Reserved),
            ("192.0.2.1", AddressClass::Reserved),
            ("2001:db8::1", AddressClass::Reserved),
        ] {
            assert_eq!(class(address), expected, "{address}");
            assert!(!allowed(address, None), "{address}");
        }
    }

    #[test]
    fn rule_14_public_addresses_pass() {
        for address in ["93.184.216.34", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8"] {
            assert_eq!(class(address), AddressClass::Public, "{address}");
            assert!(allowed(address, None), "{address}");
        }
    }

    #[test]
    fn rule_2_and_14_the_lan_rule_lets_a_peer_through_but_not_the_phone_itself() {
        let lan = Lan::parse("192.168.1.10", None).ok();
        assert!(allowed("192.168.1.20", lan));
        assert!(allowed("::ffff:192.168.1.20", lan), "IPv4-mapped counts as the IPv4 address");
        assert!(!allowed("192.168.1.10", lan), "the phone's own IP");
        assert!(!allowed("192.168.2.20", lan), "another subnet");
        assert!(!allowed("10.0.0.1", lan));
    }

    #[test]
    fn rule_14_the_refusal_names_host_address_and_class() {
        let message = refusal("request", "api.example.com", "127.0.0.1", AddressClass::Loopback);
        assert_eq!(
            message.err_msg,
            "request:fail wxnet proxy: api.example.com resolves to 127.0.0.1 (loopback), which it does not forward to"
        );
        assert_eq!(message.errno, None);
    }
}
