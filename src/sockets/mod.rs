//! UDP, TCP and mDNS (RULES.md §2, §10): which targets `wx.createUDPSocket` and
//! `wx.createTCPSocket` may reach, the ports TCP never reaches, and what a
//! `startLocalServiceDiscovery` `serviceType` must look like.
//!
//! A target is an `address` (a host name or dotted IPv4) and a `port`, never a URL,
//! so [`check_target`] reads the address itself and then asks the same machinery as
//! the URL checks: the phone's [`Lan`] (§2) and the compiled [`Policy`] (`udpdomain`,
//! `tcpdomain`, §1). The order is the URL check's: localhost, IP literals (self, LAN,
//! other), the forbidden host, then the list; for TCP the blocked ports first.
//!
//! **Decision** (RULES.md §10): a list entry with a port matches only that port; one
//! without a port matches every port (a socket always names a port, so §1's "only a
//! URL without a port" would make such an entry useless).

#[cfg(feature = "dns-sd")]
pub mod dns_sd;

use crate::catalogue::errmsg::{self, Failure, FailureKind, Message};
use crate::domains::{is_local_ip, is_localhost_name, Field, Listing, FORBIDDEN_HOST};
use crate::url_check::Options;
use std::net::Ipv4Addr;
use url::Host;

/// The two socket kinds and the API their failures are reported under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    Udp,
    Tcp,
}

impl Protocol {
    pub fn parse(name: &str) -> Option<Protocol> {
        match name {
            "udp" => Some(Protocol::Udp),
            "tcp" => Some(Protocol::Tcp),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Protocol::Udp => "udp",
            Protocol::Tcp => "tcp",
        }
    }

    /// The API name that starts errMsgs about this kind of socket.
    pub fn api(self) -> &'static str {
        match self {
            Protocol::Udp => "createUDPSocket",
            Protocol::Tcp => "createTCPSocket",
        }
    }

    fn field(self) -> Field {
        match self {
            Protocol::Udp => Field::Udp,
            Protocol::Tcp => Field::Tcp,
        }
    }
}

macro_rules! target_reasons {
    ($( $reason:ident = $name:literal, ok: $ok:literal, $doc:literal; )*) => {
        /// Why a socket target was admitted or refused.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum TargetReason { $( #[doc = $doc] $reason, )* }

        impl TargetReason {
            pub const ALL: [TargetReason; [$($name),*].len()] = [$(TargetReason::$reason),*];

            pub fn name(self) -> &'static str {
                match self { $( TargetReason::$reason => $name, )* }
            }

            pub fn is_ok(self) -> bool {
                match self { $( TargetReason::$reason => $ok, )* }
            }

            pub fn doc(self) -> &'static str {
                match self { $( TargetReason::$reason => $doc, )* }
            }
        }
    };
}

target_reasons! {
    Listed = "listed", ok: true, "The host is in udpdomain/tcpdomain (with this port, if the entry has one).";
    Lan = "lan", ok: true, "An IPv4 peer in the phone's subnet (RULES.md §2).";
    Broadcast = "broadcast", ok: true, "UDP to 255.255.255.255 (base library 2.9.0).";
    Unchecked = "unchecked", ok: true, "`urlCheck` is off (RULES.md §3): only the blocked ports apply.";
    InvalidAddress = "invalid-address", ok: false, "An empty or unreadable address.";
    InvalidPort = "invalid-port", ok: false, "A port that is not an integer in 1-65535.";
    BlockedPort = "blocked-port", ok: false, "A TCP port the client never connects to (below 1024, or listed in RULES.md §10).";
    Localhost = "localhost", ok: false, "localhost or a loopback address.";
    SelfIp = "self-ip", ok: false, "The phone's own IP address.";
    Ip = "ip", ok: false, "Any other IP literal (IPv6, or IPv4 outside the phone's subnet).";
    ForbiddenHost = "forbidden-host", ok: false, "api.weixin.qq.com, which mini programs may never call.";
    NotListed = "not-listed", ok: false, "The host is not in udpdomain/tcpdomain.";
    Port = "port", ok: false, "The host is listed, but with another port.";
}

/// The ports TCP never connects to besides those below 1024 (RULES.md §10).
/// RULES.md §10: a local service search stops by itself after 30 s.
pub const DISCOVERY_MS: u32 = 30_000;
/// RULES.md §10: TCPSocket.connect's `timeout` when none is given, in ms.
pub const TCP_CONNECT_TIMEOUT_MS: u32 = 2_000;

pub const BLOCKED_TCP_PORTS: &[(u16, u16)] = &[
    (1099, 1099),
    (1433, 1433),
    (1521, 1521),
    (1719, 1720),
    (1723, 1723),
    (2049, 2049),
    (2375, 2375),
    (3128, 3128),
    (3306, 3306),
    (3389, 3389),
    (3659, 3659),
    (4045, 4045),
    (5060, 5061),
    (5432, 5432),
    (5984, 5984),
    (6000, 6000),
    (6379, 6379),
    (6566, 6566),
    (7001, 7002),
    (8000, 8100),
    (8443, 8443),
    (8888, 8888),
    (9200, 9200),
    (9300, 9300),
    (10051, 10051),
    (10080, 10080),
    (11211, 11211),
    (27017, 27019),
];

/// Whether TCP refuses `port` (RULES.md §10): below 1024, or in [`BLOCKED_TCP_PORTS`].
pub fn is_blocked_tcp_port(port: u16) -> bool {
    port < 1024 || BLOCKED_TCP_PORTS.iter().any(|&(low, high)| (low..=high).contains(&port))
}

/// The outcome of [`check_target`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub reason: TargetReason,
    /// The port as a number, when it is a valid one.
    pub port: Option<u16>,
}

impl Target {
    /// `{ errMsg }` for a refusal, under the protocol's API name (`None` when admitted).
    pub fn message(&self, protocol: Protocol, address: &str) -> Option<Message> {
        let api = protocol.api();
        match self.reason {
            reason if reason.is_ok() => None,
            TargetReason::InvalidAddress | TargetReason::InvalidPort => {
                Some(errmsg::fail(api, &Failure::plain(FailureKind::InvalidParam)))
            }
            reason => {
                let port = self.port.map_or_else(String::new, |port| format!(":{port}"));
                let text = format!("{}://{address}{port} {}", protocol.name(), refusal_words(reason));
                Some(errmsg::fail(api, &Failure::with_text(FailureKind::SocketTargetRefused, &text)))
            }
        }
    }
}

fn refusal_words(reason: TargetReason) -> &'static str {
    match reason {
        TargetReason::BlockedPort => "port blocked",
        TargetReason::Localhost => "is local",
        TargetReason::SelfIp => "is the phone's own IP",
        TargetReason::Ip => "is not in the phone's subnet",
        TargetReason::ForbiddenHost => "is never allowed",
        TargetReason::Port => "port not in domain list",
        _ => "not in domain list",
    }
}

/// Decides whether a `protocol` socket may reach `address`:`port`. `port` is the JS
/// number as given (an integer 1-65535 or it is `invalid-port`). UDP's
/// `255.255.255.255` is the broadcast address (`broadcast`).
pub fn check_target(protocol: Protocol, address: &str, port: f64, options: &Options) -> Target {
    let port = (port.fract() == 0.0 && (1.0..=65535.0).contains(&port)).then_some(port as u16);
    let reason = decide(protocol, address, port, options);
    Target { reason, port }
}

fn decide(protocol: Protocol, address: &str, port: Option<u16>, options: &Options) -> TargetReason {
    let Some(port) = port else {
        return TargetReason::InvalidPort;
    };
    let Some(host) = parse_address(address) else {
        return TargetReason::InvalidAddress;
    };
    if protocol == Protocol::Tcp && is_blocked_tcp_port(port) {
        return TargetReason::BlockedPort;
    }
    if !options.url_check {
        return TargetReason::Unchecked;
    }
    let name = match host {
        Host::Domain(ref domain) => {
            let name = domain.strip_suffix('.').unwrap_or(domain);
            if is_localhost_name(name) {
                return TargetReason::Localhost;
            }
            name
        }
        Host::Ipv4(ip) => return decide_ipv4(protocol, ip, options),
        Host::Ipv6(ip) if is_local_ip(ip.into()) => return TargetReason::Localhost,
        Host::Ipv6(_) => return TargetReason::Ip,
    };
    if name == FORBIDDEN_HOST {
        return TargetReason::ForbiddenHost;
    }
    let field = protocol.field();
    match options.policy.lookup(field, name, Some(port), true) {
        Listing::Listed => TargetReason::Listed,
        _ if options.policy.lookup(field, name, None, true) == Listing::Listed => TargetReason::Listed,
        Listing::WrongPort => TargetReason::Port,
        Listing::NotListed => TargetReason::NotListed,
    }
}

fn decide_ipv4(protocol: Protocol, ip: Ipv4Addr, options: &Options) -> TargetReason {
    match options.lan {
        _ if is_local_ip(ip.into()) => TargetReason::Localhost,
        _ if protocol == Protocol::Udp && ip == Ipv4Addr::BROADCAST => TargetReason::Broadcast,
        Some(lan) if lan.ip() == ip => TargetReason::SelfIp,
        Some(lan) if lan.contains(ip) => TargetReason::Lan,
        _ => TargetReason::Ip,
    }
}

/// The address as the host parser reads it: a name (IDNA to ASCII, lower case), an
/// IPv4 address in any form the parser accepts (`127.1` is 127.0.0.1, as a resolver
/// would read it), or IPv6 with or without brackets.
fn parse_address(address: &str) -> Option<Host<String>> {
    if address.is_empty() || address.len() > 253 + 2 {
        return None;
    }
    if address.contains(':') && !address.starts_with('[') {
        return Host::parse(&format!("[{address}]")).ok();
    }
    Host::parse(address).ok()
}

/// Why a `serviceType` is refused: the typings' `invalid param` (RULES.md §10).
/// A Bonjour type is `_name._tcp.` or `_name._udp.` (the trailing dot optional):
/// `name` 1-15 letters, digits and inner hyphens, with at least one letter (RFC 6335 §5.1).
pub fn check_service_type(service_type: &str) -> Result<(), Message> {
    let invalid = || errmsg::fail("startLocalServiceDiscovery", &Failure::plain(FailureKind::InvalidParam));
    let trimmed = service_type.strip_suffix('.').unwrap_or(service_type);
    let Some((name, transport)) = trimmed.split_once('.') else {
        return Err(invalid());
    };
    let name_ok = name.strip_prefix('_').is_some_and(|name| {
        (1..=15).contains(&name.len())
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && name.bytes().any(|b| b.is_ascii_alphabetic())
            && !name.starts_with('-')
            && !name.ends_with('-')
            && !name.contains("--")
    });
    if name_ok && (transport == "_tcp" || transport == "_udp") {
        Ok(())
    } else {
        Err(invalid())
    }
}

#[cfg(test)]
mod tests;
