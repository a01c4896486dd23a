//! What `SocketTask.close` and `wx.closeSocket` accept (RULES.md §9): the close code
//! is 1000 (the default) or an application code in 3000–4999, and the reason holds at
//! most [`MAX_CLOSE_REASON_BYTES`] bytes of UTF-8. Anything else is a parameter error
//! (RULES.md §7, errno 1001) and the socket stays open.

use crate::catalogue::errmsg::{fail, Detail, Failure, FailureKind, Message};
pub use crate::limits::MAX_CLOSE_REASON_BYTES;
use std::ops::RangeInclusive;

/// `close()` without a code: a normal closure.
pub const NORMAL_CLOSURE: u16 = 1000;
/// The code onClose reports when the shim itself ends the socket (timeout, background).
pub const GOING_AWAY: u16 = 1001;
/// The codes a mini program may close with besides [`NORMAL_CLOSURE`].
pub const APPLICATION_CODES: RangeInclusive<u16> = 3000..=4999;

/// The `code` given to close.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CloseCode<'a> {
    /// Undefined or null: [`NORMAL_CLOSURE`].
    Absent,
    /// A value: its number when it is a JS number, and its text as JS writes it in a
    /// template string (`3000.5`, `"1000"` gives `1000`, `[object Object]`).
    Given { number: Option<f64>, text: &'a str },
}

/// The code to close with, or the parameter error for `api` (`closeSocket`, …).
/// `reason` is the close reason as a string (JS: `String(reason ?? '')`).
pub fn check_close(api: &str, code: CloseCode, reason: &str) -> Result<u16, Message> {
    let parameter_error =
        |text: &str| fail(api, &Failure { kind: FailureKind::ParameterError, detail: Detail::Text(text) });
    let (low, high) = (*APPLICATION_CODES.start(), *APPLICATION_CODES.end());
    let code_to_send = match code {
        CloseCode::Absent => NORMAL_CLOSURE,
        CloseCode::Given { number: Some(n), .. }
            if n == f64::from(NORMAL_CLOSURE) || (n.fract() == 0.0 && n >= f64::from(low) && n <= f64::from(high)) =>
        {
            n as u16
        }
        CloseCode::Given { text, .. } => {
            return Err(parameter_error(&format!(
                "parameter.code should be {NORMAL_CLOSURE} or in {low}-{high} instead of {text};"
            )))
        }
    };
    let bytes = reason.len();
    if bytes > MAX_CLOSE_REASON_BYTES as usize {
        return Err(parameter_error(&format!(
            "parameter.reason should be at most {MAX_CLOSE_REASON_BYTES} bytes of UTF-8 instead of {bytes};"
        )));
    }
    Ok(code_to_send)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn number(n: f64) -> CloseCode<'static> {
        CloseCode::Given { number: Some(n), text: Box::leak(n.to_string().into_boxed_str()) }
    }

    #[test]
    fn rule_9_close_codes_are_1000_or_3000_to_4999() {
        assert_eq!(check_close("closeSocket", CloseCode::Absent, ""), Ok(1000));
        for ok in [1000.0, 3000.0, 4000.0, 4999.0] {
            assert_eq!(check_close("closeSocket", number(ok), ""), Ok(ok as u16));
        }
        for refused in [1001.0, 2999.0, 5000.0, 3000.5, -1.0, f64::NAN] {
            let message = check_close("closeSocket", number(refused), "").unwrap_err();
            assert_eq!(
                message.err_msg,
                format!("closeSocket:fail parameter error: parameter.code should be 1000 or in 3000-4999 instead of {refused};")
            );
            assert_eq!(message.errno, Some(1001));
        }
        let text = CloseCode::Given { number: None, text: "1000" };
        assert!(check_close("closeSocket", text, "").unwrap_err().err_msg.ends_with("instead of 1000;"));
    }

    #[test]
    fn rule_9_close_reasons_hold_at_most_123_bytes_of_utf8() {
        assert_eq!(check_close("closeSocket", CloseCode::Absent, &"a".repeat(123)), Ok(1000));
        // 42 three-byte characters: 126 bytes, though only 42 UTF-16 units.
        let message = check_close("SocketTask.close", number(3000.0), &"中".repeat(42)).unwrap_err();
        assert_eq!(
            message.err_msg,
            "SocketTask.close:fail parameter error: parameter.reason should be at most 123 bytes of UTF-8 instead of 126;"
        );
    }

    #[test]
    fn rule_9_the_shim_closes_its_own_sockets_as_going_away() {
        assert_eq!(GOING_AWAY, 1001);
        assert!(check_close("closeSocket", number(f64::from(GOING_AWAY)), "").is_err(), "not a code callers may use");
    }

    proptest! {
        #[test]
        fn close_checks_never_panic(n in any::<f64>(), text in ".*", reason in ".*") {
            if let Ok(code) = check_close("closeSocket", CloseCode::Given { number: Some(n), text: &text }, &reason) {
                prop_assert!(code == 1000 || (3000..=4999).contains(&code));
            }
        }
    }
}
