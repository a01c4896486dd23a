//! The authority of a URL *as written*: where the host is and which port was typed.
//!
//! A WHATWG parser drops a default port (`https://a.com:443/` and `https://a.com/`
//! serialise alike), but RULES.md §1 matches ports as written. This scanner finds the
//! written port by walking the raw input the way the WHATWG URL parser does for
//! special schemes without a base URL:
//!
//! 1. leading and trailing C0 controls and spaces are ignored, and ASCII tab and
//!    newline are ignored anywhere;
//! 2. the scheme ends at the first `:`; every `/` and `\` right after it is skipped
//!    (the "special authority ignore slashes" state);
//! 3. the authority ends at the first `/`, `\`, `?` or `#`; user info ends at its
//!    last `@`;
//! 4. in the host, a `:` outside `[...]` starts the port; the port is digits, and an
//!    empty port is no port.
//!
//! It is only called after the `url` crate accepted the input with a special
//! scheme, and the caller cross-checks its answer with the parsed URL's port.

use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Byte range of the host in the raw input (may contain ignored tabs/newlines).
    pub host: Range<usize>,
    /// The port digits' value, `None` when no port (or an empty one) was written.
    pub port: Option<u32>,
}

fn ignored(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\r')
}

pub fn scan(raw: &str) -> Option<Written> {
    let bytes = raw.as_bytes();
    let mut start = 0;
    let mut end = bytes.len();
    while start < end && bytes[start] <= b' ' {
        start += 1;
    }
    while end > start && bytes[end - 1] <= b' ' {
        end -= 1;
    }
    let mut i = start;
    // Scheme.
    while i < end && bytes[i] != b':' {
        i += 1;
    }
    if i == end {
        return None;
    }
    i += 1;
    // Slashes and backslashes before the authority.
    while i < end && (matches!(bytes[i], b'/' | b'\\') || ignored(bytes[i])) {
        i += 1;
    }
    let authority_start = i;
    let mut authority_end = i;
    while authority_end < end && !matches!(bytes[authority_end], b'/' | b'\\' | b'?' | b'#') {
        authority_end += 1;
    }
    let host_start = match bytes[authority_start..authority_end].iter().rposition(|&b| b == b'@') {
        Some(at) => authority_start + at + 1,
        None => authority_start,
    };
    // Host, up to a ':' outside brackets.
    let mut j = host_start;
    let mut inside_brackets = false;
    while j < authority_end {
        match bytes[j] {
            b'[' => inside_brackets = true,
            b']' => inside_brackets = false,
            b':' if !inside_brackets => break,
            _ => {}
        }
        j += 1;
    }
    let host = host_start..j;
    if j == authority_end {
        return Some(Written { host, port: None });
    }
    let mut port: Option<u32> = None;
    for &b in &bytes[j + 1..authority_end] {
        if ignored(b) {
            continue;
        }
        if !b.is_ascii_digit() {
            return None;
        }
        let value = port.unwrap_or(0).saturating_mul(10).saturating_add(u32::from(b - b'0'));
        port = Some(value.min(1 << 20));
    }
    Some(Written { host, port })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn port(raw: &str) -> Option<u32> {
        scan(raw).unwrap().port
    }

    #[test]
    fn rule_1_port_as_written_survives_default_ports() {
        assert_eq!(port("https://a.com:443/"), Some(443));
        assert_eq!(port("https://a.com/"), None);
        assert_eq!(port("https://a.com:/"), None, "an empty port is no port");
        assert_eq!(port("https://a.com:0443"), Some(443));
    }

    #[test]
    fn rule_1_port_as_written_follows_whatwg_structure() {
        assert_eq!(port("https://user:pw@a.com:8443/x"), Some(8443), "the userinfo colon is not the port");
        assert_eq!(port("https://a.com@b.com:1/"), Some(1));
        assert_eq!(port("https:\\\\a.com:444\\x"), Some(444), "backslashes are slashes");
        assert_eq!(port("  https://a.com:4\t45 "), Some(445), "tabs ignored, ends trimmed");
        assert_eq!(port("https://[::1]:8080/"), Some(8080));
        assert_eq!(port("https://[::1]/"), None);
        assert_eq!(port("https:a.com:99"), Some(99), "special schemes need no slashes");
        assert_eq!(port("https://a.com/x:99"), None, "a colon in the path is not a port");
        assert_eq!(port("https://a.com?x:99"), None);
    }

    #[test]
    fn rule_1_host_span_points_into_the_raw_input() {
        let raw = "https://u@Host.com:1/";
        assert_eq!(&raw[scan(raw).unwrap().host], "Host.com");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        #[test]
        fn scan_never_panics(s in any::<String>()) {
            let _ = scan(&s);
        }

        /// Whenever the url crate sees a non-default port, the scanner sees the same.
        #[test]
        fn scan_agrees_with_the_url_crate(
            s in "[ \t]{0,2}(https?|wss?|HTTP)(:|://|:\\\\\\\\|:/)[a-z@:\\[\\]\\\\/.\t0-9%]{0,12}(:[0-9\t]{0,6})?([/?#\\\\][a-z:@0-9]{0,6})?[ ]{0,2}"
        ) {
            if let Ok(url) = url::Url::parse(&s) {
                let written = scan(&s);
                prop_assert!(written.is_some(), "{:?}", s);
                let written = written.unwrap();
                match url.port() {
                    Some(p) => prop_assert_eq!(written.port, Some(u32::from(p)), "{:?}", s),
                    None => prop_assert!(written.port.is_none() || written.port.map(|p| p as u16) == url.port_or_known_default(), "{:?} {:?}", s, written),
                }
            }
        }
    }
}
