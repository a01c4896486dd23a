//! Step 1 of the encoding decision: the byte order mark (RULES.md §8).
//!
//! "Exactly one leading BOM is removed; a second one stays in the data." A BOM
//! also decides the encoding, ahead of any `charset` the server declared, as in
//! WHATWG's "decode" algorithm: a server that sends UTF-8 with a BOM but labels
//! it `charset=gbk` meant UTF-8, and the BOM says so unambiguously.
//!
//! Only the three Unicode BOMs count (UTF-8 `EF BB BF`, UTF-16LE `FF FE`,
//! UTF-16BE `FE FF`); a UTF-32 BOM is not recognised (the web has no UTF-32 and
//! `FF FE 00 00` reads as UTF-16LE with a BOM, as every browser does).

use encoding_rs::Encoding;

/// The longest BOM: how many leading bytes [`sniff`] needs to see.
pub const MAX_BOM_LEN: usize = 3;

/// The encoding a leading BOM announces and the BOM's length in bytes, or `None`
/// when `bytes` does not start with one. Looks at `bytes[..3]` at most.
pub fn sniff(bytes: &[u8]) -> Option<(&'static Encoding, usize)> {
    // encoding_rs already knows the three BOMs; keep one definition of them.
    Encoding::for_bom(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{UTF_16BE, UTF_16LE, UTF_8};

    #[test]
    fn rule_8_bom_utf8_is_three_bytes() {
        assert_eq!(sniff(b"\xEF\xBB\xBF{}"), Some((UTF_8, 3)));
    }

    #[test]
    fn rule_8_bom_utf16_both_byte_orders() {
        assert_eq!(sniff(b"\xFF\xFE{\x00"), Some((UTF_16LE, 2)));
        assert_eq!(sniff(b"\xFE\xFF\x00{"), Some((UTF_16BE, 2)));
    }

    #[test]
    fn rule_8_bom_absent_or_incomplete_is_none() {
        for bytes in [&b""[..], b"\xEF", b"\xEF\xBB", b"\xEF\xBB{", b"{}", b"\xFF", b"\xFE"] {
            assert_eq!(sniff(bytes), None, "{bytes:?}");
        }
    }
}
