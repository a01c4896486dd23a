//! Server domain lists (RULES.md §1): parsing entries, canonical form, the
//! compiled [`Policy`] that URL checks consult. The linter of the lists is
//! [`crate::lint::domains`].
//!
//! The input is the platform's own server-domain JSON
//! (`{ requestdomain, wsrequestdomain, uploaddomain, downloaddomain, udpdomain,
//! tcpdomain }`), so a user can paste what the platform's API returns. The JSON
//! arrives here as [`RawDomains`]: keys in input order, each value either a list of
//! items or "something else" (named by its type), so that the linter can report
//! wrong shapes instead of the boundary rejecting them.
//!
//! Canonical form of an entry: `scheme://host[:port]`, the host in ASCII after
//! IDNA/UTS #46 (the WHATWG host parser, so IPv4 spellings such as `0x7f.1` are
//! recognised as the addresses a browser would use), lower case, one trailing dot
//! removed, no trailing slash. Two entries are the same when their canonical forms
//! are equal. An entry's port is kept as written (`:443` stays), because RULES.md §1
//! matches ports as written.
//!
//! What counts: only entries the console would accept (no error-severity finding of
//! the linter) are put into the [`Policy`] and into [`normalize`]'s output; so the
//! verdict of a URL check never depends on an entry the platform would refuse.

use crate::lint::domains as lint;

use std::collections::HashSet;
use std::net::{Ipv4Addr, Ipv6Addr};
use url::Host;

/// One list of the server-domain JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Request,
    WsRequest,
    Upload,
    Download,
    Udp,
    Tcp,
}

impl Field {
    pub const ALL: [Field; 6] =
        [Field::Request, Field::WsRequest, Field::Upload, Field::Download, Field::Udp, Field::Tcp];

    /// The JSON key.
    pub fn key(self) -> &'static str {
        match self {
            Field::Request => "requestdomain",
            Field::WsRequest => "wsrequestdomain",
            Field::Upload => "uploaddomain",
            Field::Download => "downloaddomain",
            Field::Udp => "udpdomain",
            Field::Tcp => "tcpdomain",
        }
    }

    /// The only scheme an entry of this list may have.
    pub fn scheme(self) -> &'static str {
        match self {
            Field::Request | Field::Upload | Field::Download => "https",
            Field::WsRequest => "wss",
            Field::Udp => "udp",
            Field::Tcp => "tcp",
        }
    }

    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key)
    }

    fn slot(self) -> usize {
        self as usize
    }
}

/// Keys of the platform API's answer that are not lists (`errcode`, `errmsg`) or of
/// its request (`action`): pasting a whole answer must not produce warnings.
pub const ENVELOPE_KEYS: [&str; 3] = ["errcode", "errmsg", "action"];

/// The domain JSON as read from the caller, in input order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawDomains {
    pub fields: Vec<(String, RawValue)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RawValue {
    List(Vec<RawItem>),
    /// Not an array; the string names its type (`string`, `object`, `null`, …).
    Other(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum RawItem {
    Text(String),
    /// Not a string; the string names its type.
    Other(String),
}

impl RawDomains {
    /// Convenience for tests and Rust callers: `[("requestdomain", &["https://a.com"])]`.
    pub fn from_lists(lists: &[(&str, &[&str])]) -> Self {
        let fields = lists
            .iter()
            .map(|(key, items)| {
                let items = items.iter().map(|s| RawItem::Text(s.to_string())).collect();
                (key.to_string(), RawValue::List(items))
            })
            .collect();
        RawDomains { fields }
    }
}

/// The host of a list entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryHost {
    /// ASCII (punycode), lower case, one trailing dot removed.
    Domain(String),
    Ipv4(Ipv4Addr),
    Ipv6(Ipv6Addr),
    /// Contains `*`: kept lower-cased as written, never matches anything.
    Wildcard(String),
}

/// An entry split into its parts. Problems that still leave the parts readable
/// (a path, a wrong scheme, an IP) are left to the lint rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Lower case, as written; `None` when the entry has no `scheme://`.
    pub scheme: Option<String>,
    pub host: EntryHost,
    /// As written (`:443` is kept).
    pub port: Option<u16>,
    /// Whatever follows the host other than one `/`: `/api`, `?x`, `#f`.
    pub path: Option<String>,
}

impl Entry {
    /// `scheme://host[:port]`, with the list's own scheme when none was written.
    pub fn canonical(&self, field: Field) -> String {
        self.canonical_with_scheme(self.scheme.as_deref().unwrap_or(field.scheme()))
    }

    /// The host, if it is an IP address.
    pub fn ip(&self) -> Option<std::net::IpAddr> {
        match self.host {
            EntryHost::Ipv4(ip) => Some(ip.into()),
            EntryHost::Ipv6(ip) => Some(ip.into()),
            EntryHost::Domain(_) | EntryHost::Wildcard(_) => None,
        }
    }

    /// The canonical form with `scheme` instead of the written one.
    pub fn canonical_with_scheme(&self, scheme: &str) -> String {
        let host = match &self.host {
            EntryHost::Domain(d) | EntryHost::Wildcard(d) => d.clone(),
            EntryHost::Ipv4(ip) => ip.to_string(),
            EntryHost::Ipv6(ip) => format!("[{ip}]"),
        };
        match self.port {
            Some(port) => format!("{scheme}://{host}:{port}"),
            None => format!("{scheme}://{host}"),
        }
    }
}

/// Splits an entry such as `https://例え.jp:8443/`. `Err` says why it is unreadable.
pub fn parse_entry(text: &str) -> Result<Entry, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("is empty".into());
    }
    let (scheme, rest) = match text.find("://") {
        Some(at) => {
            let scheme = &text[..at];
            let valid = scheme.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
                && scheme.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
            if !valid {
                return Err(format!("has an unreadable scheme {}", crate::error::quote(scheme)));
            }
            (Some(scheme.to_ascii_lowercase()), &text[at + 3..])
        }
        None => (None, text),
    };
    let end = rest.find(['/', '\\', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let path = (!tail.is_empty() && tail != "/").then(|| tail.to_string());
    if authority.contains('@') {
        return Err("has user info before the host (`user@`); list the host only".into());
    }
    let (host, port) = split_host_port(authority)?;
    if host.is_empty() {
        return Err("has no host".into());
    }
    let host = if host.contains('*') {
        EntryHost::Wildcard(host.to_lowercase())
    } else {
        match Host::parse(host) {
            Ok(Host::Domain(domain)) => {
                let domain = domain.strip_suffix('.').unwrap_or(&domain);
                if domain.is_empty() {
                    return Err("has no host".into());
                }
                if domain.split('.').any(str::is_empty) {
                    return Err("has an empty label (`..` or a leading dot) in its host".into());
                }
                EntryHost::Domain(domain.to_string())
            }
            Ok(Host::Ipv4(ip)) => EntryHost::Ipv4(ip),
            Ok(Host::Ipv6(ip)) => EntryHost::Ipv6(ip),
            Err(e) => return Err(format!("has a host that is not a valid domain name ({e})")),
        }
    };
    Ok(Entry { scheme, host, port, path })
}

fn split_host_port(authority: &str) -> Result<(&str, Option<u16>), String> {
    let (host, port) = if authority.starts_with('[') {
        match authority.find(']') {
            Some(close) => {
                let (host, after) = authority.split_at(close + 1);
                match after.strip_prefix(':') {
                    Some(port) => (host, Some(port)),
                    None if after.is_empty() => (host, None),
                    None => return Err("has text after the IPv6 address".into()),
                }
            }
            None => return Err("has an IPv6 address without its closing `]`".into()),
        }
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    let port =
        match port {
            None => None,
            Some(digits) => Some(parse_port(digits).ok_or_else(|| {
                format!("has port {} that is not a number from 1 to 65535", crate::error::quote(digits))
            })?),
        };
    Ok((host, port))
}

fn parse_port(digits: &str) -> Option<u16> {
    if digits.is_empty() || digits.len() > 5 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<u16>().ok().filter(|&p| p != 0)
}

/// Loopback (127/8, `::1`, IPv4-mapped loopback) and the unspecified addresses
/// (`0.0.0.0`, `::`): a request there never leaves the phone.
pub fn is_local_ip(ip: std::net::IpAddr) -> bool {
    use std::net::IpAddr;
    match ip {
        IpAddr::V4(v4) => v4.is_loopback() || v4.is_unspecified(),
        IpAddr::V6(v6) => {
            v6.is_loopback() || v6.is_unspecified() || v6.to_ipv4_mapped().is_some_and(|v4| is_local_ip(v4.into()))
        }
    }
}

/// Whether a domain is `localhost` or one of its subdomains (trailing dot already removed).
pub fn is_localhost_name(domain: &str) -> bool {
    domain == "localhost" || domain.ends_with(".localhost")
}

/// The one host that can never be listed: it takes the AppSecret.
pub const FORBIDDEN_HOST: &str = "api.weixin.qq.com";

/// How a host stands against one list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    Listed,
    /// The host is listed, but not with the port the URL was written with.
    WrongPort,
    NotListed,
}

/// Ports listed for one host: `bare` for an entry without a port.
#[derive(Debug, Clone, Default)]
struct Ports {
    bare: bool,
    explicit: Vec<u16>,
}

/// Hosts of one list, sorted for binary search. Lists are short (the console allows
/// 20, the platform API 200), and in the size-optimised wasm build a few `memcmp`s
/// beat hashing.
#[derive(Debug, Clone, Default)]
struct HostTable {
    sorted: Vec<(String, Ports)>,
}

impl HostTable {
    fn get(&self, host: &str) -> Option<&Ports> {
        let at = self.sorted.binary_search_by(|(key, _)| key.as_str().cmp(host)).ok()?;
        self.sorted.get(at).map(|(_, ports)| ports)
    }

    /// Builds the table from `(host, port)` pairs in any order (n log n, however long).
    fn from_pairs(mut pairs: Vec<(String, Option<u16>)>) -> HostTable {
        pairs.sort_unstable();
        let mut sorted: Vec<(String, Ports)> = Vec::new();
        for (host, port) in pairs {
            if sorted.last().is_none_or(|(last, _)| *last != host) {
                sorted.push((host, Ports::default()));
            }
            if let Some((_, ports)) = sorted.last_mut() {
                match port {
                    Some(port) if !ports.explicit.contains(&port) => ports.explicit.push(port),
                    Some(_) => {}
                    None => ports.bare = true,
                }
            }
        }
        HostTable { sorted }
    }

    fn is_empty(&self) -> bool {
        self.sorted.is_empty()
    }
}

/// The domain lists compiled for lookups: per list, host → listed ports.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    lists: [HostTable; 6],
}

impl Policy {
    /// Keeps the entries the console would accept (see the module docs).
    pub fn compile(raw: &RawDomains) -> Policy {
        let mut pairs: [Vec<(String, Option<u16>)>; 6] = Default::default();
        lint::for_each_accepted(raw, |field, entry| {
            if let EntryHost::Domain(host) = &entry.host {
                pairs[field.slot()].push((host.clone(), entry.port));
            }
        });
        Policy { lists: pairs.map(HostTable::from_pairs) }
    }

    /// `host`: ASCII lower case, one trailing dot removed. `written_port`: the port
    /// as written in the URL. `check_port: false` accepts any port on a listed host.
    pub fn lookup(&self, field: Field, host: &str, written_port: Option<u16>, check_port: bool) -> Listing {
        let Some(ports) = self.lists[field.slot()].get(host) else {
            return Listing::NotListed;
        };
        let port_ok = !check_port
            || match written_port {
                None => ports.bare,
                Some(port) => ports.explicit.contains(&port),
            };
        if port_ok {
            Listing::Listed
        } else {
            Listing::WrongPort
        }
    }

    pub fn is_empty(&self) -> bool {
        self.lists.iter().all(HostTable::is_empty)
    }
}

/// The same shape with every accepted entry in canonical form, duplicates and
/// entries the console would refuse dropped. Keys that are not lists are dropped.
/// Linear in the number of entries: a list may be pasted with 100,000 of them.
pub fn normalize(raw: &RawDomains) -> Vec<(Field, Vec<String>)> {
    let mut out: Vec<(Field, Vec<String>)> = Vec::new();
    // Per list: where it is in `out`, and the canonical forms already in it.
    let mut position: [Option<usize>; 6] = [None; 6];
    let mut seen: [HashSet<String>; 6] = Default::default();
    for (key, value) in &raw.fields {
        if let (Some(field), RawValue::List(_)) = (Field::from_key(key), value) {
            if position[field.slot()].is_none() {
                position[field.slot()] = Some(out.len());
                out.push((field, Vec::new()));
            }
        }
    }
    lint::for_each_accepted(raw, |field, entry| {
        let canonical = entry.canonical(field);
        if let Some((_, list)) = position[field.slot()].and_then(|at| out.get_mut(at)) {
            if seen[field.slot()].insert(canonical.clone()) {
                list.push(canonical);
            }
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn domain(entry: &str) -> String {
        match parse_entry(entry).unwrap().host {
            EntryHost::Domain(d) => d,
            other => panic!("{entry}: {other:?}"),
        }
    }

    #[test]
    fn rule_1_entries_normalise_with_idna_uts46() {
        assert_eq!(domain("https://例え.jp"), "xn--r8jz45g.jp");
        assert_eq!(domain("https://BÜCHER.de"), "xn--bcher-kva.de");
        assert_eq!(domain("https://ＡＢＣ．com"), "abc.com", "full-width letters and dot");
        assert_eq!(domain("https://A.COM./"), "a.com", "case, one trailing dot, trailing slash");
    }

    #[test]
    fn rule_1_entry_keeps_its_port_as_written() {
        assert_eq!(parse_entry("https://a.com:443").unwrap().port, Some(443));
        assert_eq!(parse_entry("https://a.com").unwrap().port, None);
        assert_eq!(parse_entry("https://a.com:443").unwrap().canonical(Field::Request), "https://a.com:443");
    }

    #[test]
    fn rule_1_ipv4_spellings_are_recognised_in_entries() {
        assert_eq!(parse_entry("https://0x7f.1").unwrap().host, EntryHost::Ipv4(Ipv4Addr::new(127, 0, 0, 1)));
        assert_eq!(parse_entry("https://[::1]:8080").unwrap().port, Some(8080));
    }

    #[test]
    fn rule_1_unreadable_entries_say_why() {
        for (entry, why) in [
            ("", "empty"),
            ("https://", "no host"),
            ("https://u@a.com", "user info"),
            ("https://a.com:0", "port"),
            ("https://a.com:65536", "port"),
            ("https://a.com:x", "port"),
            ("https://[::1", "IPv6"),
            ("https://a b.com", "not a valid domain"),
            ("1x://a.com", "scheme"),
        ] {
            let e = parse_entry(entry).unwrap_err();
            assert!(e.contains(why), "{entry}: {e}");
        }
    }

    #[test]
    fn rule_1_policy_matches_host_exactly_and_ports_as_written() {
        let raw = RawDomains::from_lists(&[
            ("requestdomain", &["https://a.com", "https://b.com:8443"]),
            ("wsrequestdomain", &["wss://ws.a.com"]),
        ]);
        let p = Policy::compile(&raw);
        assert_eq!(p.lookup(Field::Request, "a.com", None, true), Listing::Listed);
        assert_eq!(p.lookup(Field::Request, "a.com", Some(443), true), Listing::WrongPort);
        assert_eq!(p.lookup(Field::Request, "b.com", Some(8443), true), Listing::Listed);
        assert_eq!(p.lookup(Field::Request, "b.com", None, true), Listing::WrongPort);
        assert_eq!(p.lookup(Field::Request, "x.a.com", None, true), Listing::NotListed, "no parent cover");
        assert_eq!(p.lookup(Field::Upload, "a.com", None, true), Listing::NotListed, "lists are per API");
        assert_eq!(p.lookup(Field::WsRequest, "ws.a.com", Some(1), false), Listing::Listed);
    }

    #[test]
    fn rule_1_policy_ignores_entries_the_console_refuses() {
        let raw = RawDomains::from_lists(&[(
            "requestdomain",
            &["http://a.com", "https://b.com/api", "https://*.c.com", "https://api.weixin.qq.com", "https://ok.com"],
        )]);
        let p = Policy::compile(&raw);
        for host in ["a.com", "b.com", "*.c.com", "api.weixin.qq.com"] {
            assert_eq!(p.lookup(Field::Request, host, None, true), Listing::NotListed, "{host}");
        }
        assert_eq!(p.lookup(Field::Request, "ok.com", None, true), Listing::Listed);
    }

    #[test]
    fn rule_1_normalize_gives_canonical_entries_without_duplicates() {
        let raw = RawDomains::from_lists(&[
            ("requestdomain", &["HTTPS://A.com/", "https://a.com", "https://例え.jp.", "http://bad.com", "b.com"]),
            ("udpdomain", &[]),
        ]);
        let out = normalize(&raw);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].1, ["https://a.com", "https://xn--r8jz45g.jp", "https://b.com"]);
        assert!(out[1].1.is_empty());
    }

    #[test]
    fn rule_1_normalize_is_fast_on_100k_distinct_entries() {
        // A quadratic dedup (list.contains) took tens of seconds here; n log n takes well under one.
        let entries: Vec<String> = (0..100_000).map(|i| format!("https://h{i}.example.com")).collect();
        let items = entries.iter().map(|e| RawItem::Text(e.clone())).collect();
        let raw = RawDomains { fields: vec![("requestdomain".into(), RawValue::List(items))] };
        let start = std::time::Instant::now();
        let out = normalize(&raw);
        let elapsed = start.elapsed();
        assert_eq!(out[0].1, entries, "same entries, same order");
        assert!(elapsed < std::time::Duration::from_secs(3), "normalize took {elapsed:?}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        #[test]
        fn parse_entry_never_panics(s in any::<String>()) {
            let _ = parse_entry(&s);
        }

        #[test]
        fn canonical_entries_parse_to_themselves(s in "(https?|wss|tcp)://[a-zA-Z0-9.\\-]{1,20}(:[0-9]{1,5})?/?") {
            if let Ok(entry) = parse_entry(&s) {
                let canonical = entry.canonical(Field::Request);
                let again = parse_entry(&canonical).unwrap();
                prop_assert_eq!(again.canonical(Field::Request), canonical);
            }
        }
    }
}
