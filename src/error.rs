//! The one error type of the core.
//!
//! Every fallible function returns [`Error`]: a stable machine-readable `code`
//! (`area/what`, e.g. `referer/appid`: one of the [`ErrorCode`] table) and a message for people that names what
//! was wrong. The wasm boundary turns it into the JS `WxnetError` class with the
//! same `code` and `message`. Nothing in the core panics on bad input: every
//! rejection is an `Error`.

pub use crate::catalogue::error_code::ErrorCode;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// Stable code, `area/what` (a row of the [`ErrorCode`] table). Part of the public API.
    pub code: ErrorCode,
    pub message: String,
}

impl Error {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Error { code, message: message.into() }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl std::error::Error for Error {}

/// Quotes user input for an error message, cut to a readable length on a char
/// boundary so that a 10 KB string does not become a 10 KB message.
pub fn quote(input: &str) -> String {
    const MAX_CHARS: usize = 80;
    let mut out = String::from("\"");
    for (i, c) in input.chars().enumerate() {
        if i == MAX_CHARS {
            out.push_str("…\" (");
            out.push_str(&input.chars().count().to_string());
            out.push_str(" characters)");
            return out;
        }
        out.extend(c.escape_debug());
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_cuts_long_input_and_says_how_long_it_was() {
        let long = "a".repeat(10_000);
        let q = quote(&long);
        assert!(q.len() < 120, "{q}");
        assert!(q.ends_with("(10000 characters)"));
    }

    #[test]
    fn quote_escapes_control_characters() {
        assert_eq!(quote("a\nb"), "\"a\\nb\"");
    }
}
