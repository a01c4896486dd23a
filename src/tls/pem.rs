//! PEM text to DER certificates (RFC 7468), and the base64 it needs: the doctor
//! accepts a chain as pasted from a `fullchain.pem`.

/// Every `-----BEGIN CERTIFICATE-----` block of `text`, decoded, in order. A block whose
/// base64 does not decode is skipped; text outside the blocks is ignored.
pub fn certificates(text: &str) -> Vec<Vec<u8>> {
    const BEGIN: &str = "-----BEGIN CERTIFICATE-----";
    const END: &str = "-----END CERTIFICATE-----";
    let mut found = Vec::new();
    let mut rest = text;
    while let Some((_, after_begin)) = rest.split_once(BEGIN) {
        let Some((body, after_end)) = after_begin.split_once(END) else { break };
        if let Some(der) = base64(body) {
            found.push(der);
        }
        rest = after_end;
    }
    found
}

/// Standard base64, whitespace ignored, padding optional.
pub fn base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for byte in text.bytes() {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' | b' ' | b'\t' | b'\r' | b'\n' => continue,
            _ => return None,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// DER as PEM, 64 columns.
pub fn to_pem(der: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut encoded = String::new();
    for chunk in der.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, b| n << 8 | u32::from(*b)) << (8 * (3 - chunk.len()));
        for i in 0..4 {
            let c = if i <= chunk.len() { ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char } else { '=' };
            encoded.push(c);
        }
    }
    let mut pem = String::from("-----BEGIN CERTIFICATE-----\n");
    for line in encoded.as_bytes().chunks(64) {
        pem.push_str(std::str::from_utf8(line).unwrap_or_default());
        pem.push('\n');
    }
    pem.push_str("-----END CERTIFICATE-----\n");
    pem
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn pem_blocks_are_read_in_order_and_garbage_is_skipped() {
        let text = format!(
            "junk\n{}{}{}",
            to_pem(b"one"),
            "-----BEGIN CERTIFICATE-----\n!!\n-----END CERTIFICATE-----\n",
            to_pem(b"two!")
        );
        assert_eq!(certificates(&text), vec![b"one".to_vec(), b"two!".to_vec()]);
        assert!(certificates("-----BEGIN CERTIFICATE-----\nAAAA").is_empty());
    }

    proptest! {
        #[test]
        fn base64_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            prop_assert_eq!(certificates(&to_pem(&bytes)), vec![bytes]);
        }

        #[test]
        fn any_text_is_safe(text in any::<String>()) {
            let _ = certificates(&text);
            let _ = certificates(&format!("-----BEGIN CERTIFICATE-----{text}-----END CERTIFICATE-----"));
        }
    }
}
