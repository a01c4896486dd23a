//! A fast path for the common URL shape, `scheme://[userinfo@]host[:port][/…]`, that
//! gives exactly the scheme, host and port the WHATWG parser (the `url` crate) gives,
//! without building a `Url`.
//!
//! Why it exists: the URL check must keep up with a JS engine's native URL parser
//! (the speed target), and `Url::parse` compiled for size spends most of its time on
//! what a verdict never needs (serialising and percent-encoding the whole URL). The
//! rule decisions are unchanged: this only produces what the parser would.
//!
//! What it does, following the WHATWG "special authority" states:
//! * the input must start with the scheme, end without C0/space, and have no tab or
//!   newline before the path; the scheme must be followed by exactly `//`;
//! * the authority ends at the first `/`, `\`, `?` or `#`; user info ends at its last
//!   `@` and can never make parsing fail;
//! * the host ends at a `:` outside `[…]`; the port must be digits up to 65535 (an
//!   empty port is no port);
//! * a host of ASCII letters, digits, `-` and `.` (no `xn--` label, no empty label,
//!   last label not starting with a digit) is its own lower-case serialisation: UTS #46
//!   with the URL standard's flags only lower-cases such a host. Dotted-decimal IPv4
//!   without leading zeros is also read here. Any other host is handed to the WHATWG
//!   host parser (`url::Host::parse`: percent-decoding, IDNA, IPv4 numbers, IPv6),
//!   which is exactly what the URL parser runs on that substring.
//!
//! Anything else gives [`Quick::Unsure`] and the full parser decides. A scheme that is
//! none of `http`, `https`, `ws`, `wss` gives [`Quick::OtherScheme`]: such a URL is
//! `invalid-url` for every API whether or not it parses. The tests compare all of this
//! with the `url` crate on generated input.

use std::net::Ipv4Addr;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Quick {
    /// Definitely not an http(s)/ws(s) URL (another scheme, or none).
    OtherScheme,
    /// Needs the full parser.
    Unsure,
    Parsed(Simple),
}

/// How the host was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SimpleHost {
    /// Plain ASCII name; `lower` when the input slice is already the serialisation.
    Name { lower: bool },
    /// Dotted-decimal IPv4: the input slice is the serialisation.
    Ipv4(Ipv4Addr),
    /// Anything else: run the WHATWG host parser on the slice.
    NeedsHostParser,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Simple {
    /// Lower case: `http`, `https`, `ws` or `wss`.
    pub scheme: &'static str,
    /// Byte range of the host in the input.
    pub host: Range<usize>,
    pub kind: SimpleHost,
    /// The port as written.
    pub port: Option<u16>,
}

fn is_scheme_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')
}

pub fn parse(input: &str) -> Quick {
    let bytes = input.as_bytes();
    // Leading and trailing C0 controls and spaces are trimmed by the parser.
    if !bytes.first().is_some_and(u8::is_ascii_alphabetic) || bytes.last().is_some_and(|&b| b <= b' ') {
        return Quick::Unsure;
    }
    // Plain index loops below: in the size-optimised wasm build, iterator adapters with
    // closures are not always inlined, and this is the hot path.
    let mut colon = 0;
    while colon < bytes.len() && is_scheme_byte(bytes[colon]) {
        colon += 1;
    }
    if bytes.get(colon) != Some(&b':') {
        // No scheme: without a base URL that can never parse, unless a tab or newline
        // (removed by the parser) hides the colon's real neighbours.
        return match bytes.iter().any(|b| matches!(b, b'\t' | b'\n' | b'\r')) {
            true => Quick::Unsure,
            false => Quick::OtherScheme,
        };
    };
    let scheme = match &bytes[..colon] {
        s if s.eq_ignore_ascii_case(b"https") => "https",
        s if s.eq_ignore_ascii_case(b"http") => "http",
        s if s.eq_ignore_ascii_case(b"wss") => "wss",
        s if s.eq_ignore_ascii_case(b"ws") => "ws",
        _ => return Quick::OtherScheme,
    };
    let start = colon + 3;
    if bytes.get(colon + 1..start) != Some(b"//") || matches!(bytes.get(start), Some(b'/' | b'\\')) {
        return Quick::Unsure;
    }
    // The authority ends at the first '/', '\\', '?' or '#'; user info at its last '@'.
    let mut end = start;
    let mut host_start = start;
    while end < bytes.len() {
        match bytes[end] {
            b'/' | b'\\' | b'?' | b'#' => break,
            b'\t' | b'\n' | b'\r' => return Quick::Unsure,
            b'@' => host_start = end + 1,
            _ => {}
        }
        end += 1;
    }
    let start = host_start;
    let authority = &bytes[start..end];
    let mut inside_brackets = false;
    let mut host_len = 0;
    while host_len < authority.len() {
        match authority[host_len] {
            b'[' => inside_brackets = true,
            b']' => inside_brackets = false,
            b':' if !inside_brackets => break,
            _ => {}
        }
        host_len += 1;
    }
    let port = match authority.get(host_len + 1..) {
        None => None,
        Some(digits) => match parse_port(digits) {
            Some(port) => port,
            None => return Quick::Unsure,
        },
    };
    let host = &authority[..host_len];
    if host.is_empty() {
        return Quick::Unsure;
    }
    let kind = classify(host);
    Quick::Parsed(Simple { scheme, host: start..start + host_len, kind, port })
}

fn classify(host: &[u8]) -> SimpleHost {
    let mut lower = true;
    let mut previous = b'.';
    let mut label_start = 0;
    let mut last_label_start = 0;
    let mut punycode = false;
    let mut i = 0;
    while i < host.len() {
        let b = host[i];
        match b {
            b'a'..=b'z' | b'0'..=b'9' => {}
            b'A'..=b'Z' => lower = false,
            // `xn--` at a label start: the label is punycode and must be validated.
            b'-' => {
                punycode |= i == label_start + 3
                    && host[label_start + 2] == b'-'
                    && host[label_start..label_start + 2].eq_ignore_ascii_case(b"xn")
            }
            b'.' if previous != b'.' => {
                last_label_start = label_start;
                label_start = i + 1;
            }
            _ => return SimpleHost::NeedsHostParser,
        }
        previous = b;
        i += 1;
    }
    // The last label, ignoring one trailing dot.
    let last = if label_start == host.len() { &host[last_label_start..host.len() - 1] } else { &host[label_start..] };
    if last.first().is_none_or(u8::is_ascii_digit) {
        return match dotted_ipv4(host) {
            Some(ip) => SimpleHost::Ipv4(ip),
            None => SimpleHost::NeedsHostParser,
        };
    }
    if punycode {
        return SimpleHost::NeedsHostParser;
    }
    SimpleHost::Name { lower }
}

/// `Some(None)` for an empty port, `Some(Some(p))` for digits up to 65535.
fn parse_port(digits: &[u8]) -> Option<Option<u16>> {
    if digits.is_empty() {
        return Some(None);
    }
    let mut value: u32 = 0;
    for &b in digits {
        if !b.is_ascii_digit() {
            return None;
        }
        value = value * 10 + u32::from(b - b'0');
        if value > 65535 {
            return None;
        }
    }
    Some(Some(value as u16))
}

/// `a.b.c.d`, each 0–255 in decimal without a leading zero; anything else is `None`.
fn dotted_ipv4(host: &[u8]) -> Option<Ipv4Addr> {
    let mut parts = [0u8; 4];
    let mut count = 0;
    for part in host.split(|&b| b == b'.') {
        let valid = !part.is_empty() && part.len() <= 3 && part.iter().all(u8::is_ascii_digit);
        if !valid || count == 4 || (part.len() > 1 && part[0] == b'0') {
            return None;
        }
        let value = part.iter().fold(0u32, |n, &b| n * 10 + u32::from(b - b'0'));
        parts[count] = u8::try_from(value).ok()?;
        count += 1;
    }
    (count == 4).then(|| parts.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use url::Host;

    /// What the fast path says must be what the url crate says.
    fn agrees(input: &str) -> Result<(), TestCaseError> {
        let url = url::Url::parse(input);
        let simple = match parse(input) {
            Quick::Unsure => return Ok(()),
            Quick::OtherScheme => {
                let ours = url.as_ref().is_ok_and(|u| matches!(u.scheme(), "http" | "https" | "ws" | "wss"));
                prop_assert!(
                    !ours,
                    "{:?} was called another scheme but parses as {:?}",
                    input,
                    url.map(|u| u.to_string())
                );
                return Ok(());
            }
            Quick::Parsed(simple) => simple,
        };
        let slice = &input[simple.host.clone()];
        let (host, serialised) = match simple.kind {
            SimpleHost::Name { lower } => {
                prop_assert_eq!(lower, slice == slice.to_ascii_lowercase(), "{:?}", input);
                (Ok(Host::Domain(slice.to_ascii_lowercase())), slice.to_ascii_lowercase())
            }
            SimpleHost::Ipv4(ip) => (Ok(Host::Ipv4(ip)), slice.to_string()),
            SimpleHost::NeedsHostParser => {
                let parsed = Host::parse(slice);
                let text = parsed.as_ref().map(ToString::to_string).unwrap_or_default();
                (parsed, text)
            }
        };
        match (&url, host) {
            (Ok(url), Ok(host)) => {
                prop_assert_eq!(url.scheme(), simple.scheme, "{:?}", input);
                prop_assert_eq!(url.host().map(|h| h.to_owned()), Some(host), "{:?}", input);
                prop_assert_eq!(url.host_str(), Some(serialised.as_str()), "{:?}", input);
                match url.port() {
                    Some(p) => prop_assert_eq!(simple.port, Some(p), "{:?}", input),
                    None => {
                        prop_assert!(simple.port.is_none() || simple.port == url.port_or_known_default(), "{:?}", input)
                    }
                }
            }
            (Err(_), Err(_)) => {}
            (url, host) => prop_assert!(
                false,
                "{:?}: url crate {:?}, fast path {:?}",
                input,
                url.as_ref().map(|u| u.as_str()),
                host
            ),
        }
        Ok(())
    }

    #[test]
    fn common_shapes_take_the_fast_path() {
        for input in [
            "https://a.com",
            "https://api.example.com:8443/x?y#z",
            "WSS://A.COM./",
            "http://a-b.c0m:",
            "https://u:p@a.com",
            "https://a.com@b.com",
            "http://192.168.1.20:8080/",
            "https://0.0.0.0",
        ] {
            assert!(
                matches!(
                    parse(input),
                    Quick::Parsed(Simple { kind: SimpleHost::Name { .. } | SimpleHost::Ipv4(_), .. })
                ),
                "{input}"
            );
            agrees(input).unwrap();
        }
        for input in [
            "https://例え.jp",
            "https://[::1]:8080/",
            "https://0x7f.1",
            "https://%61.com",
            "https://xn--r8jz45g.jp",
            "https://a b.com",
        ] {
            assert!(matches!(parse(input), Quick::Parsed(Simple { kind: SimpleHost::NeedsHostParser, .. })), "{input}");
            agrees(input).unwrap();
        }
        let Quick::Parsed(s) = parse("https://Api.com:443/") else { panic!() };
        assert_eq!((s.port, s.kind), (Some(443), SimpleHost::Name { lower: false }));
    }

    #[test]
    fn other_schemes_and_no_scheme_are_known_at_once() {
        for input in ["ftp://a.com", "javascript:alert(1)", "not a url", "a.com", "mailto:x@y"] {
            assert_eq!(parse(input), Quick::OtherScheme, "{input}");
            agrees(input).unwrap();
        }
    }

    #[test]
    fn unusual_structure_falls_back() {
        for input in [
            " https://a.com",
            "https:a.com",
            "https:\\\\a.com",
            "https:///a.com",
            "https://u@",
            "https://",
            "https://a\t.com",
            "https://a.com:99999",
            "https://a.com:8x",
            "ht\ttps://a.com",
            "/path",
        ] {
            assert_eq!(parse(input), Quick::Unsure, "{input}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(30_000))]

        #[test]
        fn fast_path_agrees_with_the_url_crate(
            input in "(https?|wss?|HTTPS|Ws|ftp|h\ttp)(://|:/|:)[a-zA-Z0-9.\\-_:@%\t\\[\\]例。ß ]{0,20}([/?#\\\\][ -~]{0,10})?"
        ) {
            agrees(&input)?;
        }

        #[test]
        fn fast_path_agrees_on_arbitrary_input(input in any::<String>()) {
            agrees(&input)?;
        }

        #[test]
        fn fast_path_agrees_on_ipv4_shapes(
            user in "([a-z:@]{0,4}@)?",
            parts in proptest::collection::vec("(0|00|0x1|[0-9]{1,3})", 1..6),
            dot in "\\.?",
        ) {
            agrees(&format!("http://{user}{}{dot}:80/", parts.join(".")))?;
        }

        #[test]
        fn fast_path_agrees_on_ipv6_shapes(
            inner in "[0-9a-fA-F:.]{0,20}",
            port in "(:[0-9]{0,6})?",
        ) {
            agrees(&format!("wss://[{inner}]{port}/"))?;
        }

        #[test]
        fn fast_path_agrees_on_label_shapes(
            labels in proptest::collection::vec("(xn--|XN--)?[a-zA-Z0-9\\-]{0,6}", 1..5),
            dot in "\\.?",
            port in "(:[0-9]{0,6})?",
        ) {
            agrees(&format!("https://{}{dot}{port}/p", labels.join(".")))?;
        }
    }
}
