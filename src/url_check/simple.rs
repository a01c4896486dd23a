//! A fast path for the common URL shape, `scheme://host[:port][/...]` with a plain
//! ASCII host, that gives exactly what the WHATWG parser (the `url` crate) gives,
//! without building a `Url`.
//!
//! Why it exists: the URL check must keep up with a JS engine's native URL parser
//! (issue 3, Speed), and the `url` crate compiled for size spends most of its time
//! on general machinery (IDNA, percent-encoding, serialising the whole URL) that a
//! plain host never needs. The rule decisions are unchanged: this only produces the
//! same (scheme, host, port) the parser would.
//!
//! It also reads a dotted-decimal IPv4 host (four parts, 0–255, no leading zeros:
//! the one spelling WHATWG keeps as is), and skips user info up to the last `@` of
//! the authority (user info is percent-encoded, never refused).
//!
//! It answers only when it is sure, and returns `None` (use the full parser) for
//! anything else: leading spaces or controls, tabs or newlines in the host,
//! backslashes or a missing `//`, brackets, `%`, non-ASCII hosts, `xn--` labels
//! (punycode must be validated), empty labels, a last label starting with a digit
//! that is not plain dotted IPv4 (WHATWG then parses other IPv4 spellings), or a
//! port above 65535.
//! Why this is exact: for a host of ASCII letters, digits, `-` and `.`, UTS #46 with
//! the URL standard's flags maps only upper case to lower case and rejects nothing
//! (CheckHyphens is off, no label is punycode, there is no bidi text); the path,
//! query and fragment can never make parsing fail. `tests` compare it with the
//! `url` crate on generated input.

/// What the parser would report for the URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Simple {
    /// Lower case: `http`, `https`, `ws` or `wss`.
    pub scheme: &'static str,
    /// Byte range of the host in the input.
    pub host: std::ops::Range<usize>,
    /// Whether the host is already lower case (so the input slice is the WHATWG host).
    pub host_is_lower: bool,
    /// Set when the host is dotted-decimal IPv4 (the slice is then its serialisation).
    pub ipv4: Option<std::net::Ipv4Addr>,
    /// The port as written.
    pub port: Option<u16>,
}

pub fn parse(input: &str) -> Option<Simple> {
    let bytes = input.as_bytes();
    let colon = bytes.iter().take(6).position(|&b| b == b':')?;
    let scheme = match &bytes[..colon] {
        s if s.eq_ignore_ascii_case(b"https") => "https",
        s if s.eq_ignore_ascii_case(b"http") => "http",
        s if s.eq_ignore_ascii_case(b"wss") => "wss",
        s if s.eq_ignore_ascii_case(b"ws") => "ws",
        _ => return None,
    };
    let start = colon + 3;
    if bytes.get(colon + 1..start)? != b"//" {
        return None;
    }
    let end = bytes[start..]
        .iter()
        .position(|b| matches!(b, b'/' | b'\\' | b'?' | b'#'))
        .map_or(bytes.len(), |at| start + at);
    // User info ends at the last '@'; it cannot make parsing fail.
    let start = match bytes[start..end].iter().rposition(|&b| b == b'@') {
        Some(at) => start + at + 1,
        None => start,
    };
    let authority = &bytes[start..end];
    let (host_len, port) = match authority.iter().position(|&b| b == b':') {
        None => (authority.len(), None),
        Some(at) => (at, parse_port(&authority[at + 1..])?),
    };
    let host = &authority[..host_len];
    if host.is_empty() || host[0] == b'.' {
        return None;
    }
    let mut previous = 0u8;
    let mut label_start = 0usize;
    let mut last_label_start = 0usize;
    let mut host_is_lower = true;
    for (i, &b) in host.iter().enumerate() {
        match b {
            b'a'..=b'z' | b'0'..=b'9' | b'-' => {}
            b'A'..=b'Z' => host_is_lower = false,
            b'.' if previous != b'.' => {
                last_label_start = label_start;
                label_start = i + 1;
            }
            _ => return None,
        }
        previous = b;
    }
    // The last label, ignoring one trailing dot.
    let last = if label_start == host.len() { &host[last_label_start..host.len() - 1] } else { &host[label_start..] };
    if last.first().is_none_or(u8::is_ascii_digit) {
        let ipv4 = dotted_ipv4(host)?;
        return Some(Simple { scheme, host: start..start + host_len, host_is_lower: true, ipv4: Some(ipv4), port });
    }
    if host.split(|&b| b == b'.').any(|label| label.len() >= 4 && label[..4].eq_ignore_ascii_case(b"xn--")) {
        return None;
    }
    Some(Simple { scheme, host: start..start + host_len, host_is_lower, ipv4: None, port })
}

/// `a.b.c.d`, each 0–255 in decimal without a leading zero; anything else is `None`.
fn dotted_ipv4(host: &[u8]) -> Option<std::net::Ipv4Addr> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The fast path must agree with the url crate whenever it answers.
    fn agrees(input: &str) -> Result<(), TestCaseError> {
        let Some(simple) = parse(input) else { return Ok(()) };
        let url = url::Url::parse(input);
        prop_assert!(url.is_ok(), "fast path accepted {:?} but the parser refused it", input);
        let url = url.unwrap();
        prop_assert_eq!(url.scheme(), simple.scheme, "{:?}", input);
        let host = input[simple.host.clone()].to_ascii_lowercase();
        prop_assert_eq!(url.host_str(), Some(host.as_str()), "{:?}", input);
        match simple.ipv4 {
            None => prop_assert!(matches!(url.host(), Some(url::Host::Domain(_))), "{:?}", input),
            Some(ip) => prop_assert_eq!(url.host(), Some(url::Host::Ipv4(ip)), "{:?}", input),
        }
        prop_assert_eq!(simple.host_is_lower, &input[simple.host.clone()] == host, "{:?}", input);
        match url.port() {
            Some(p) => prop_assert_eq!(simple.port, Some(p), "{:?}", input),
            None => prop_assert!(simple.port.is_none() || simple.port == url.port_or_known_default(), "{:?}", input),
        }
        Ok(())
    }

    #[test]
    fn common_shapes_take_the_fast_path() {
        for input in [
            "https://a.com", "https://api.example.com:8443/x?y#z", "WSS://A.COM./", "http://a-b.c0m:",
            "https://u:p@a.com", "https://a.com@b.com", "http://192.168.1.20:8080/", "https://0.0.0.0",
        ] {
            assert!(parse(input).is_some(), "{input}");
            agrees(input).unwrap();
        }
        let s = parse("https://Api.com:443/").unwrap();
        assert_eq!((s.port, s.host_is_lower), (Some(443), false));
    }

    #[test]
    fn anything_unusual_falls_back() {
        for input in [
            " https://a.com", "https:a.com", "https:\\\\a.com", "https:///a.com", "https://u@", "https://[::1]",
            "https://a%2e.com", "https://例え.jp", "https://xn--r8jz45g.jp", "https://0x7f.1",
            "https://a.1", "https://01.2.3.4", "https://1.2.3.4.", "https://1.2.3", "https://256.1.1.1", "https://a..com", "https://.a.com", "https://a.com:99999", "https://a.com:8x", "ftp://a.com",
            "https://a\t.com", "https://", "https://a.com..",
        ] {
            assert!(parse(input).is_none(), "{input}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(30_000))]

        #[test]
        fn fast_path_agrees_with_the_url_crate(
            input in "(https?|wss?|HTTPS|Ws|ftp)(://|:/|:)[a-zA-Z0-9.\\-_:@%\t\\[\\]]{0,20}([/?#\\\\][ -~]{0,10})?"
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
        fn fast_path_agrees_on_label_shapes(
            labels in proptest::collection::vec("(xn--|XN--)?[a-zA-Z0-9\\-]{0,6}", 1..5),
            dot in "\\.?",
            port in "(:[0-9]{0,6})?",
        ) {
            agrees(&format!("https://{}{dot}{port}/p", labels.join(".")))?;
        }
    }
}
