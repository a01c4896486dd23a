//! What `lintProject` returns and `wxnet lint --format json` prints:
//!
//! ```json
//! { "diagnostics": [ { "file", "line", "column", "endLine", "endColumn", "code",
//!                      "severity", "message", "help"?, "api"?, "url"? } ],
//!   "summary": { "files", "errors", "warnings", "infos" } }
//! ```
//!
//! `file` is relative to the project folder with `/`; lines and columns are 1-based,
//! columns in UTF-16 units (as JavaScript counts). Ordered by file, then position.

use crate::lint::{Diagnostic, LineIndex, Severity, Span};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The network API of a call site.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api: Option<&'static str>,
    /// The statically resolved URL text of a call site.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    pub diagnostics: Vec<Finding>,
    pub summary: Summary,
    /// Modules a URL was imported from that the files did not hold: for each, the
    /// paths tried in order (the build plugin reads the first that exists and lints again).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<Vec<String>>,
}

impl Finding {
    /// Locates a diagnostic of `file` (its text indexed by `index`).
    pub fn new(file: &str, index: &LineIndex, diagnostic: Diagnostic) -> Finding {
        let location = index.location(diagnostic.span.unwrap_or_default());
        Finding {
            file: file.to_string(),
            line: location.line,
            column: location.column,
            end_line: location.end_line,
            end_column: location.end_column,
            code: diagnostic.code,
            severity: diagnostic.severity,
            message: diagnostic.message,
            help: diagnostic.help,
            api: None,
            url: None,
        }
    }
}

impl Report {
    /// Sorts the findings and counts them.
    pub fn finish(mut diagnostics: Vec<Finding>, files: usize) -> Report {
        diagnostics.sort_by(|a, b| (&a.file, a.line, a.column, a.code).cmp(&(&b.file, b.line, b.column, b.code)));
        diagnostics.dedup();
        let count = |severity| diagnostics.iter().filter(|d| d.severity == severity).count();
        let summary = Summary {
            files,
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
        };
        Report { diagnostics, summary, needs: Vec::new() }
    }
}

/// Moves spans found in a slice of a text (starting at `offset`) into the text.
pub fn shift(mut diagnostic: Diagnostic, offset: u32) -> Diagnostic {
    diagnostic.span = diagnostic.span.map(|span| Span { start: span.start + offset, end: span.end + offset });
    diagnostic
}
