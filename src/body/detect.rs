//! Steps 3 and 4 of the encoding decision, for a body with neither a BOM nor a
//! known `charset`: UTF-8 if the bytes are UTF-8, else the most likely legacy
//! encoding as detected by chardetng (the detector Firefox uses).
//!
//! RULES.md §8 says servers *should* send UTF-8 and the client converts the rest;
//! unlabelled legacy bodies exist (old GBK, Big5 and Shift_JIS APIs), and a
//! previewer that assumes UTF-8 shows them garbled while the phone does not.
//!
//! Decisions where the platform is silent:
//! - A body that is valid UTF-8 except for an incomplete sequence at the very end
//!   (a response cut mid-character) is UTF-8, decoded lossily: one U+FFFD at the
//!   end and `lossy: true`. Sending it to the detector instead would turn a whole
//!   Chinese UTF-8 body into mojibake because of its last byte.
//! - The detector sees at most [`MAX_DETECT_BYTES`] bytes, starting just before
//!   the first non-ASCII byte (or ESC, for ISO-2022-JP): chardetng is slow (about
//!   3.5 MB/s natively on CJK text, measured), and 16 KiB of non-ASCII text is far
//!   more than it needs for a confident guess.
//! - No top-level domain hint is given to chardetng (the body alone decides, so
//!   the same bytes decode the same way whatever the URL).

use encoding_rs::{Encoding, UTF_8};

/// How much of the body the detector reads.
pub const MAX_DETECT_BYTES: usize = 16 * 1024;

/// Whether `bytes` is UTF-8, allowing an incomplete sequence at the very end.
pub fn is_utf8_allowing_cut_end(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        // `error_len() == None`: the input ended inside a sequence that was valid so far.
        Err(error) => error.error_len().is_none(),
    }
}

/// The legacy encoding chardetng finds most likely for `bytes` (never UTF-8).
pub fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    // Leading ASCII says nothing; chardetng skips it the same way (keeping two bytes of context).
    let first_telling = bytes.iter().position(|&b| b >= 0x80 || b == 0x1B).unwrap_or(bytes.len());
    let rest = bytes.get(first_telling.saturating_sub(2)..).unwrap_or_default();
    let sample = rest.get(..MAX_DETECT_BYTES).unwrap_or(rest);
    // `last` only when the detector sees the real end, as chardetng's docs ask.
    detector.feed(sample, sample.len() == rest.len());
    detector.guess(None, false)
}

/// UTF-8 when [`is_utf8_allowing_cut_end`], else [`guess_legacy`].
pub fn utf8_or_detected(bytes: &[u8]) -> (&'static Encoding, bool) {
    if is_utf8_allowing_cut_end(bytes) {
        (UTF_8, false)
    } else {
        (guess_legacy(bytes), true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{BIG5, EUC_KR, GBK, SHIFT_JIS};

    fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "{text} is not representable in {}", encoding.name());
        bytes.into_owned()
    }

    #[test]
    fn rule_8_valid_utf8_stays_utf8() {
        assert_eq!(utf8_or_detected("{\"城市\":\"北京\"}".as_bytes()), (UTF_8, false));
        assert_eq!(utf8_or_detected(b""), (UTF_8, false));
    }

    #[test]
    fn rule_8_utf8_cut_mid_character_stays_utf8() {
        let bytes = "北京欢迎你".as_bytes();
        for cut in [1, 2] {
            let truncated = &bytes[..bytes.len() - cut];
            assert_eq!(utf8_or_detected(truncated), (UTF_8, false), "cut {cut}");
        }
    }

    #[test]
    fn rule_8_unlabelled_legacy_bodies_are_detected() {
        let cases = [
            (GBK, "{\"message\":\"操作成功，欢迎使用微信小程序网络接口\",\"城市\":\"北京市朝阳区\"}"),
            (BIG5, "{\"message\":\"操作成功，歡迎使用微信小程式網路介面\",\"城市\":\"臺北市信義區\"}"),
            (SHIFT_JIS, "{\"message\":\"操作が成功しました。ミニプログラムのネットワークへようこそ\"}"),
            (EUC_KR, "{\"message\":\"작업이 성공했습니다. 미니 프로그램 네트워크에 오신 것을 환영합니다\"}"),
        ];
        for (encoding, text) in cases {
            assert_eq!(utf8_or_detected(&encode(encoding, text)), (encoding, true), "{}", encoding.name());
        }
    }

    #[test]
    fn rule_8_detection_skips_a_long_ascii_prefix() {
        let mut bytes = vec![b' '; 3 * MAX_DETECT_BYTES];
        bytes.extend(encode(GBK, "{\"message\":\"操作成功，欢迎使用微信小程序网络接口\"}"));
        assert_eq!(guess_legacy(&bytes), GBK);
    }

    #[test]
    fn rule_8_detection_reads_a_bounded_prefix() {
        let mut bytes = encode(GBK, &"中文内容，".repeat(40_000));
        assert!(bytes.len() > MAX_DETECT_BYTES);
        bytes.push(0xFF); // past the sample: must not matter
        assert_eq!(guess_legacy(&bytes), GBK);
    }
}
