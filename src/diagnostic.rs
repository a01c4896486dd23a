//! The one finding type every wxnet linter returns.
//!
//! A [`Diagnostic`] says what is wrong with one piece of a configuration and how to
//! fix it. The domain-list linter (`crate::domains::lint`, RULES.md §1) is the first
//! user; the config linters reuse the same type so that the CLI, the build plugin
//! and the in-browser page render every finding the same way.
//!
//! Locations: `field` names the top-level key, `index` the position inside an array
//! and `pointer` is the JSON pointer (RFC 6901) of the offending value, e.g.
//! `/requestdomain/3`. Linters that know byte positions add them in their own
//! fields later; these three are enough for JSON the user pasted.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The platform would refuse this, or a request would fail because of it.
    Error,
    /// Accepted but probably not what was meant, or close to a limit.
    Warning,
    /// A reminder of something wxnet cannot check offline.
    Info,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// `wxnet/<rule-name>`; stable, part of the public API.
    pub code: &'static str,
    pub severity: Severity,
    /// What is wrong and how to fix it, in one or two sentences.
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
}

impl Diagnostic {
    pub fn new(code: &'static str, severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic { code, severity, message: message.into(), field: None, index: None, pointer: None }
    }

    /// Locates the finding at the top-level key `field`.
    pub fn at_field(mut self, field: &str) -> Self {
        self.pointer = Some(format!("/{}", escape_pointer_token(field)));
        self.field = Some(field.to_string());
        self
    }

    /// Locates the finding at `field[index]`.
    pub fn at_item(mut self, field: &str, index: usize) -> Self {
        self.pointer = Some(format!("/{}/{index}", escape_pointer_token(field)));
        self.field = Some(field.to_string());
        self.index = Some(index);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// RFC 6901: `~` becomes `~0` and `/` becomes `~1` inside a reference token.
pub fn escape_pointer_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_escape_tilde_and_slash() {
        let d = Diagnostic::new("wxnet/x", Severity::Warning, "m").at_field("a/b~c");
        assert_eq!(d.pointer.as_deref(), Some("/a~1b~0c"));
        let d = Diagnostic::new("wxnet/x", Severity::Error, "m").at_item("requestdomain", 3);
        assert_eq!(d.pointer.as_deref(), Some("/requestdomain/3"));
        assert_eq!(d.index, Some(3));
    }
}
