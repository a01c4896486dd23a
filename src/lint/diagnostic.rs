//! The one finding type every wxnet linter returns.
//!
//! A [`Diagnostic`] says what is wrong (`message`) and, separately, how to fix it
//! (`help`), so that a CLI, a bundler overlay and the www page can show or style the
//! fix on its own line. The code names the rule in the registry ([`crate::lint::rules`]).
//!
//! Locations: a linter that reads text gives a byte [`Span`] into it (turned into
//! line and column by [`crate::lint::LineIndex`]). The domain linter also works on
//! lists given as JS objects, which have no text: there `field` names the top-level
//! key, `index` the position inside that key's array and `pointer` is the JSON
//! pointer (RFC 6901) of the offending value, e.g. `/requestdomain/3`.

use super::span::Span;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The platform would refuse this, or a request would fail because of it.
    Error,
    /// Accepted but probably not what was meant, or close to a limit.
    Warning,
    /// A reminder of something wxnet cannot check offline.
    Info,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// `wxnet/<rule-name>`; stable, part of the public API.
    pub code: &'static str,
    pub severity: Severity,
    /// What is wrong, in one or two sentences.
    pub message: String,
    /// How to fix it, when there is something to do (`write https://a.com`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Byte span in the linted text; JS consumers get line and column instead.
    #[serde(skip)]
    pub span: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
}

impl Diagnostic {
    pub fn new(code: &'static str, severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            help: None,
            span: None,
            field: None,
            index: None,
            pointer: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the help only when there is one (a suggested fix that may not exist).
    pub fn with_optional_help(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    pub fn with_span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
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
    let mut out = String::with_capacity(token.len());
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
    out
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

    #[test]
    fn help_is_serialised_only_when_there_is_one_and_the_span_never() {
        let d = Diagnostic::new("wxnet/x", Severity::Error, "m").with_span(Span::new(1, 2));
        assert_eq!(serde_json::to_string(&d).unwrap(), r#"{"code":"wxnet/x","severity":"error","message":"m"}"#);
        let d = d.with_help("do this").at_item("requestdomain", 0);
        assert_eq!(
            serde_json::to_string(&d).unwrap(),
            r#"{"code":"wxnet/x","severity":"error","message":"m","help":"do this","field":"requestdomain","index":0,"pointer":"/requestdomain/0"}"#
        );
    }
}
