//! Step 2 of the encoding decision: the `charset` the response declares
//! (RULES.md §8: "the client tries to convert by the charset the response
//! declares").
//!
//! The parameter is read the way WHATWG's MIME type parser reads parameters
//! (case-insensitive name, optional quoted-string value, the first `charset`
//! wins) and the value is resolved as a WHATWG encoding label with
//! [`Encoding::for_label`]: `gb2312` and `GB_2312-80` mean GBK, `latin1` and
//! `iso-8859-1` mean windows-1252, `utf8` means UTF-8, and so on.
//!
//! Decisions where the platform is silent:
//! - The type/subtype before the first `;` is not validated: a header such as
//!   `json; charset=gbk` still declares GBK. Servers that send odd types still
//!   mean their charset, and the client converts by it.
//! - A label encoding_rs does not know (`charset=foo`, `charset=`) declares
//!   nothing: the decision goes on to "UTF-8 if valid, else detection".
//! - A label that resolves to WHATWG's *replacement* encoding (`iso-2022-kr`,
//!   `hz-gb-2312`, …) is kept: the body then decodes to one U+FFFD and is
//!   reported lossy (errno 602302), the "conversion failed" the rule allows for.

use encoding_rs::Encoding;

/// The encoding named by the `charset` parameter of a Content-Type value, if
/// there is one and encoding_rs knows the label.
pub fn from_content_type(content_type: &str) -> Option<&'static Encoding> {
    charset_parameter(content_type).and_then(|label| Encoding::for_label(label.as_bytes()))
}

/// The raw value of the first `charset` parameter, unquoted.
pub fn charset_parameter(content_type: &str) -> Option<String> {
    let mut rest = content_type.split_once(';')?.1;
    loop {
        rest = rest.trim_start_matches(is_http_whitespace);
        let name_end = rest.find([';', '=']).unwrap_or(rest.len());
        let name = &rest[..name_end];
        rest = &rest[name_end..];
        if let Some(after_semicolon) = rest.strip_prefix(';') {
            rest = after_semicolon; // a parameter without a value: skip it
            continue;
        }
        let Some(after_equals) = rest.strip_prefix('=') else {
            return None; // end of input
        };
        rest = after_equals;
        let value = if let Some(quoted) = rest.strip_prefix('"') {
            let (value, after) = quoted_string(quoted);
            // Anything between the closing quote and the next ';' is ignored.
            rest = after.split_once(';').map_or("", |(_, tail)| tail);
            value
        } else {
            let end = rest.find(';').unwrap_or(rest.len());
            let value = rest[..end].trim_end_matches(is_http_whitespace).to_string();
            rest = rest.get(end + 1..).unwrap_or("");
            value
        };
        if name.eq_ignore_ascii_case("charset") {
            return Some(value);
        }
        if rest.is_empty() {
            return None;
        }
    }
}

/// Reads a quoted-string body (after the opening quote) up to the closing quote,
/// undoing backslash escapes; returns the value and what follows the quote.
fn quoted_string(input: &str) -> (String, &str) {
    let mut value = String::new();
    let mut chars = input.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => return (value, &input[at + 1..]),
            '\\' => match chars.next() {
                Some((_, escaped)) => value.push(escaped),
                None => value.push('\\'),
            },
            _ => value.push(c),
        }
    }
    (value, "")
}

fn is_http_whitespace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{BIG5, EUC_KR, GB18030, GBK, REPLACEMENT, SHIFT_JIS, UTF_16LE, UTF_8, WINDOWS_1252};

    #[test]
    fn rule_8_charset_labels_resolve_as_whatwg_labels() {
        let cases = [
            ("text/html; charset=gb2312", GBK),
            ("text/html; charset=GBK", GBK),
            ("application/json;charset=gb18030", GB18030),
            ("text/plain; charset=big5", BIG5),
            ("text/plain; charset=Shift_JIS", SHIFT_JIS),
            ("text/plain; charset=sjis", SHIFT_JIS),
            ("text/plain; charset=euc-kr", EUC_KR),
            ("text/plain; charset=latin1", WINDOWS_1252),
            ("text/plain; charset=iso-8859-1", WINDOWS_1252),
            ("application/json; charset=utf8", UTF_8),
            ("application/json; charset=UTF-16", UTF_16LE),
        ];
        for (content_type, expected) in cases {
            assert_eq!(from_content_type(content_type), Some(expected), "{content_type}");
        }
    }

    #[test]
    fn rule_8_charset_parameter_syntax() {
        let cases = [
            ("text/html;charset=gbk", Some("gbk")),
            ("text/html ; CHARSET = gbk", None), // whitespace before '=' is part of the name
            ("text/html; Charset=gbk", Some("gbk")),
            ("text/html; charset=\"gbk\"", Some("gbk")),
            ("text/html; charset=\"g\\bk\"; x=1", Some("gbk")),
            ("text/html; charset=\"gbk\" junk; x=1", Some("gbk")),
            ("text/html; charset=gbk ; x=1", Some("gbk")),
            ("text/html; foo; charset=big5", Some("big5")),
            ("text/html; a=\"x;charset=big5\"", None), // inside a quoted value
            ("text/html; charset=gbk; charset=big5", Some("gbk")),
            ("text/html; charset=", Some("")),
            ("text/html", None),
            ("", None),
            ("charset=gbk", None),
        ];
        for (content_type, expected) in cases {
            assert_eq!(charset_parameter(content_type).as_deref(), expected, "{content_type}");
        }
    }

    #[test]
    fn rule_8_unknown_labels_declare_nothing() {
        for content_type in ["text/html; charset=foo", "text/html; charset=", "text/html", "text/html; charset=utf-7"] {
            assert_eq!(from_content_type(content_type), None, "{content_type}");
        }
    }

    #[test]
    fn rule_8_replacement_labels_are_kept() {
        assert_eq!(from_content_type("text/html; charset=iso-2022-kr"), Some(REPLACEMENT));
    }
}
