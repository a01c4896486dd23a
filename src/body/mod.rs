//! Response bodies as the client delivers them (RULES.md §7 errno 602302, §8).
//!
//! The platform converts every text response to UTF-8 before the mini program
//! sees it, removing exactly one leading BOM; browser previewers leave that to
//! `fetch`, so GBK bodies come out garbled and a doubled BOM breaks `JSON.parse`
//! on one side only. This module decides the encoding and decodes; the JS glue
//! applies `dataType`/`responseType` (`JSON.parse` must run in the JS engine).
//!
//! ## The decision, in order (one step per submodule)
//!
//! 1. [`bom`]: a leading BOM decides (UTF-8, UTF-16LE, UTF-16BE) and exactly that
//!    one BOM is removed; a second BOM stays in the text.
//! 2. [`charset`]: the `charset` of the Content-Type, as a WHATWG label.
//! 3. Neither: UTF-8, as the phone does ([`NoLabel::Utf8`]: the client converts
//!    "by the charset the response declares", and an undeclared GBK body comes out
//!    lossy with errno 602302). Or, when asked ([`NoLabel::Detect`]): [`detect`]
//!    UTF-8 if the bytes are UTF-8 (a cut final character allowed),
//! 4. [`detect`]: else the legacy encoding chardetng finds most likely. Detection
//!    is a convenience for tools, not the phone's behaviour; it is reliable from a
//!    few hundred bytes of text on (4 bytes of GBK may come out as EUC-KR).
//!
//! Decoding is encoding_rs's, with WHATWG's error handling: each malformed
//! sequence becomes U+FFFD and the result is `lossy`, which the JS result reports
//! with errno 602302 ("response could not be converted to UTF-8", the catalogue's
//! `response-not-convertible` row).
//!
//! ## Why the decision has two halves
//!
//! Steps 1–2 need only the first [`bom::MAX_BOM_LEN`] bytes and the header:
//! [`decide_from_head`]. Steps 3–4 need the whole body: [`decide`]. The JS glue
//! asks for the first half only and, when the answer is UTF-8 or UTF-16 (or
//! "UTF-8 if valid"), decodes with the engine's native `TextDecoder` without
//! copying the body into wasm; it comes back to [`decode`] only when that cannot
//! apply (legacy encodings, detection, malformed input). Both paths must give
//! the same result: the golden tests run through both.

pub mod bom;
pub mod charset;
#[cfg(feature = "detect")]
pub mod detect;

use crate::error::{Error, ErrorCode};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
use serde::Serialize;

/// The largest body the core decodes (512 MiB, well above the platform's 200 MB
/// download cap): the UTF-16 output of a larger one would not fit in a wasm32
/// address space, and running out of memory traps the instance.
pub const MAX_DECODED_BODY_BYTES: usize = 512 * 1024 * 1024;

fn check_size(bytes: &[u8]) -> Result<(), Error> {
    if bytes.len() <= MAX_DECODED_BODY_BYTES {
        return Ok(());
    }
    Err(Error::new(
        ErrorCode::BodyTooLarge,
        format!("the body has {} bytes; wxnet decodes at most {MAX_DECODED_BODY_BYTES} (512 MiB)", bytes.len()),
    ))
}

/// Which step decided the encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Bom,
    Label,
    /// No BOM and no known label, and the bytes are UTF-8.
    Utf8,
    /// No BOM and no known label, and the bytes are not UTF-8: chardetng chose.
    Detected,
}

/// The encoding to decode with, and how many leading BOM bytes to skip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    pub encoding: &'static Encoding,
    pub bom_len: usize,
    pub source: Source,
}

/// Steps 1–2 from the first bytes of the body (3 are enough) and the
/// Content-Type. `None` means "UTF-8 if the bytes are UTF-8, else detect".
pub fn decide_from_head(head: &[u8], content_type: Option<&str>) -> Option<Decision> {
    if let Some((encoding, bom_len)) = bom::sniff(head) {
        return Some(Decision { encoding, bom_len, source: Source::Bom });
    }
    let encoding = charset::from_content_type(content_type?)?;
    Some(Decision { encoding, bom_len: 0, source: Source::Label })
}

/// What to do with a body that has neither a BOM nor a known charset label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoLabel {
    /// Decode as UTF-8 (lossy when it is not): what the phone does.
    Utf8,
    /// UTF-8 if valid, else the legacy encoding chardetng finds most likely.
    #[cfg(feature = "detect")]
    Detect,
}

/// All four steps.
pub fn decide(bytes: &[u8], content_type: Option<&str>, no_label: NoLabel) -> Decision {
    if let Some(decision) = decide_from_head(bytes, content_type) {
        return decision;
    }
    match no_label {
        NoLabel::Utf8 => Decision { encoding: UTF_8, bom_len: 0, source: Source::Utf8 },
        #[cfg(feature = "detect")]
        NoLabel::Detect => {
            let (encoding, detected) = detect::utf8_or_detected(bytes);
            let source = if detected { Source::Detected } else { Source::Utf8 };
            Decision { encoding, bom_len: 0, source }
        }
    }
}

/// A decoded body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    pub bom_stripped: bool,
    /// Some malformed sequence was replaced with U+FFFD.
    pub lossy: bool,
    pub source: Source,
}

/// Decides and decodes; `body/too-large` above [`MAX_DECODED_BODY_BYTES`].
pub fn decode(bytes: &[u8], content_type: Option<&str>, no_label: NoLabel) -> Result<Decoded, Error> {
    check_size(bytes)?;
    Ok(decode_as(bytes, decide(bytes, content_type, no_label)))
}

/// Decodes with a decision already taken: skips `bom_len` bytes and decodes the
/// rest, so that only that one BOM is removed.
pub fn decode_as(bytes: &[u8], decision: Decision) -> Decoded {
    let body = bytes.get(decision.bom_len..).unwrap_or_default();
    let (text, lossy) = decision.encoding.decode_without_bom_handling(body);
    Decoded {
        text: text.into_owned(),
        encoding: decision.encoding,
        bom_stripped: decision.bom_len > 0,
        lossy,
        source: decision.source,
    }
}

/// What [`decode_utf16_into`] found out about the body it decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecodedUtf16 {
    /// The text is `out[..units]`.
    pub units: usize,
    pub encoding: &'static Encoding,
    pub bom_stripped: bool,
    pub lossy: bool,
    pub source: Source,
}

/// Decides and decodes into UTF-16 code units: the text is `out[..units]`. `out`
/// grows when needed and is never shrunk, so a buffer reused across calls is cheap.
/// `body/too-large` above [`MAX_DECODED_BODY_BYTES`].
///
/// The same decoding as [`decode`], for the wasm boundary: JS strings are UTF-16,
/// and building one from UTF-16 in memory is a copy, while building one from
/// UTF-8 means transcoding again (measured: the UTF-8 route doubled the cost of
/// a GBK body).
pub fn decode_utf16_into(
    bytes: &[u8],
    content_type: Option<&str>,
    no_label: NoLabel,
    out: &mut Vec<u16>,
) -> Result<DecodedUtf16, Error> {
    check_size(bytes)?;
    let decision = decide(bytes, content_type, no_label);
    let body = bytes.get(decision.bom_len..).unwrap_or_default();
    let mut decoder = decision.encoding.new_decoder_without_bom_handling();
    let (units, lossy) = match decoder.max_utf16_buffer_length(body.len()) {
        Some(capacity) => {
            // Grow only: a reused buffer keeps its length, so it is not zeroed again
            // on every call (for a 4 MB body that memset was a tenth of the time).
            if out.len() < capacity {
                out.resize(capacity, 0);
            }
            let (_, _, written, lossy) = decoder.decode_to_utf16(body, &mut out[..capacity], true);
            (written, lossy)
        }
        None => {
            // Only for inputs near usize::MAX: decode through a String instead.
            let decoded = decode_as(bytes, decision);
            out.clear();
            out.extend(decoded.text.encode_utf16());
            (out.len(), decoded.lossy)
        }
    };
    Ok(DecodedUtf16 {
        units,
        encoding: decision.encoding,
        bom_stripped: decision.bom_len > 0,
        lossy,
        source: decision.source,
    })
}

/// The encodings the JS engine's `TextDecoder` decodes on the fast path.
pub const NATIVE_DECODER_ENCODINGS: [&Encoding; 3] = [UTF_8, UTF_16LE, UTF_16BE];

// The tests decode with detection too: they need the default features.
#[cfg(all(test, feature = "detect"))]
mod tests {
    use super::*;
    use encoding_rs::{GBK, WINDOWS_1252};
    use proptest::prelude::*;

    fn text(bytes: &[u8], content_type: Option<&str>) -> String {
        decode(bytes, content_type, NoLabel::Detect).unwrap().text
    }

    #[test]
    fn bodies_above_512_mib_are_an_error_not_a_trap() {
        let huge = vec![0u8; MAX_DECODED_BODY_BYTES + 1];
        assert_eq!(decode(&huge, Some("text/plain; charset=gbk"), NoLabel::Utf8).unwrap_err().code, "body/too-large");
        let mut out = Vec::new();
        let error = decode_utf16_into(&huge, None, NoLabel::Utf8, &mut out).unwrap_err();
        assert_eq!(error.code, "body/too-large");
        assert!(out.is_empty(), "nothing was allocated for it");
    }

    #[test]
    fn rule_8_an_unlabelled_legacy_body_is_utf8_and_lossy_as_on_the_phone() {
        // "中文" in GBK, with no charset: the phone converts by the declared charset only.
        let phone = decode(b"\xD6\xD0\xCE\xC4", Some("text/plain"), NoLabel::Utf8).unwrap();
        assert_eq!((phone.encoding, phone.lossy, phone.source), (UTF_8, true, Source::Utf8));
        assert_eq!(phone.text, "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}");
        let labelled = decode(b"\xD6\xD0\xCE\xC4", Some("text/plain; charset=gbk"), NoLabel::Utf8).unwrap();
        assert_eq!((labelled.text.as_str(), labelled.lossy), ("中文", false));
    }

    #[test]
    fn rule_8_exactly_one_bom_is_removed() {
        let one = decode(b"\xEF\xBB\xBF{\"a\":1}", None, NoLabel::Detect).unwrap();
        assert_eq!((one.text.as_str(), one.bom_stripped, one.lossy), ("{\"a\":1}", true, false));
        let two = decode(b"\xEF\xBB\xBF\xEF\xBB\xBF{\"a\":1}", None, NoLabel::Detect).unwrap();
        assert_eq!(two.text, "\u{FEFF}{\"a\":1}");
        assert!(two.bom_stripped);
        let none = decode(b"{\"a\":1}", None, NoLabel::Detect).unwrap();
        assert!(!none.bom_stripped);
    }

    #[test]
    fn rule_8_bom_wins_over_the_declared_charset() {
        let d = decode(b"\xEF\xBB\xBF\xE4\xB8\xAD", Some("text/plain; charset=gbk"), NoLabel::Detect).unwrap();
        assert_eq!((d.text.as_str(), d.encoding, d.source), ("中", UTF_8, Source::Bom));
        let d = decode(b"\xFF\xFE\x2D\x4E", Some("text/plain; charset=utf-8"), NoLabel::Detect).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("中", UTF_16LE));
        let d = decode(b"\xFE\xFF\x4E\x2D\xFE\xFF", None, NoLabel::Detect).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("中\u{FEFF}", UTF_16BE));
    }

    #[test]
    fn rule_8_declared_charset_converts_to_utf8() {
        let d = decode(b"\xD6\xD0\xCE\xC4", Some("text/html; charset=gb2312"), NoLabel::Detect).unwrap();
        assert_eq!((d.text.as_str(), d.encoding, d.source, d.lossy), ("中文", GBK, Source::Label, false));
    }

    #[test]
    fn rule_8_a_wrong_label_is_obeyed_like_the_client_does() {
        // UTF-8 bytes declared as latin1: decoded as windows-1252, not second-guessed.
        let d = decode("é".as_bytes(), Some("text/plain; charset=latin1"), NoLabel::Detect).unwrap();
        assert_eq!((d.text.as_str(), d.encoding, d.lossy), ("Ã©", WINDOWS_1252, false));
    }

    #[test]
    fn rule_7_malformed_bytes_are_replaced_and_reported_lossy() {
        let d = decode(b"{\"a\":\"\xFF\"}", Some("application/json; charset=utf-8"), NoLabel::Detect).unwrap();
        assert_eq!((d.text.as_str(), d.lossy), ("{\"a\":\"\u{FFFD}\"}", true));
        let errno = crate::catalogue::errmsg::FailureKind::ResponseNotConvertible.errno();
        assert_eq!(errno, Some(602302));
    }

    #[test]
    fn rule_8_cut_body_ends_in_one_replacement_character() {
        let bytes = "北京".as_bytes();
        let d = decode(&bytes[..bytes.len() - 1], None, NoLabel::Detect).unwrap();
        assert_eq!((d.text.as_str(), d.encoding, d.lossy), ("北\u{FFFD}", UTF_8, true));
        let d = decode(b"\xD6\xD0\xCE", Some("text/plain; charset=gbk"), NoLabel::Detect).unwrap();
        assert_eq!((d.text.as_str(), d.lossy), ("中\u{FFFD}", true));
    }

    #[test]
    fn rule_8_empty_body_is_empty_utf8_text() {
        let d = decode(b"", None, NoLabel::Detect).unwrap();
        assert_eq!((d.text.as_str(), d.encoding, d.bom_stripped, d.lossy), ("", UTF_8, false, false));
        assert_eq!(text(b"\xEF\xBB\xBF", None), "");
    }

    #[test]
    fn rule_8_head_decision_needs_only_three_bytes() {
        let body = b"\xEF\xBB\xBF{\"a\":1}";
        assert_eq!(decide_from_head(&body[..3], None), Some(decide(body, None, NoLabel::Detect)));
        assert_eq!(decide_from_head(b"{\"a", None), None);
        assert_eq!(decide_from_head(b"{\"a", Some("text/plain; charset=foo")), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        #[test]
        fn decode_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512), content_type in any::<Option<String>>()) {
            let d = decode(&bytes, content_type.as_deref(), NoLabel::Detect).unwrap();
            prop_assert!(d.bom_len_is_consistent(&bytes));
        }

        #[test]
        fn decode_never_panics_on_real_labels(
            bytes in proptest::collection::vec(any::<u8>(), 0..512),
            label in "(utf-8|utf-16le|utf-16be|gbk|gb18030|big5|shift_jis|euc-jp|euc-kr|iso-2022-jp|iso-2022-kr|x-user-defined|latin1|koi8-r|windows-1251|\\PC{0,8})",
            quoted in any::<bool>(),
        ) {
            let content_type = if quoted { format!("text/plain; charset=\"{label}\"") } else { format!("text/plain;charset={label}") };
            let _ = decode(&bytes, Some(&content_type), NoLabel::Detect).unwrap();
        }

        #[test]
        fn utf16_output_equals_the_string_output(bytes in proptest::collection::vec(any::<u8>(), 0..512), content_type in any::<Option<String>>()) {
            let d = decode(&bytes, content_type.as_deref(), NoLabel::Detect).unwrap();
            let mut units = vec![1, 2, 3];
            let meta = decode_utf16_into(&bytes, content_type.as_deref(), NoLabel::Detect, &mut units).unwrap();
            prop_assert_eq!(String::from_utf16(&units[..meta.units]).ok(), Some(d.text));
            prop_assert_eq!((meta.encoding, meta.bom_stripped, meta.lossy, meta.source), (d.encoding, d.bom_stripped, d.lossy, d.source));
        }

        #[test]
        fn head_decision_agrees_with_the_full_decision(bytes in proptest::collection::vec(any::<u8>(), 0..64), content_type in "(text/plain(; charset=(gbk|utf-8|utf-16be|foo))?)?") {
            let content_type = Some(content_type.as_str()).filter(|c| !c.is_empty());
            let head = &bytes[..bytes.len().min(bom::MAX_BOM_LEN)];
            if let Some(early) = decide_from_head(head, content_type) {
                prop_assert_eq!(early, decide(&bytes, content_type, NoLabel::Detect));
            }
        }

        #[test]
        fn valid_utf8_without_bom_or_label_round_trips(text in any::<String>()) {
            prop_assume!(!text.starts_with('\u{FEFF}'));
            let d = decode(text.as_bytes(), None, NoLabel::Detect).unwrap();
            prop_assert_eq!((d.text.as_str(), d.encoding, d.lossy), (text.as_str(), UTF_8, false));
        }
    }

    impl Decoded {
        /// A BOM was reported stripped only when the input started with one.
        fn bom_len_is_consistent(&self, bytes: &[u8]) -> bool {
            self.bom_stripped == bom::sniff(bytes).is_some()
        }
    }
}
