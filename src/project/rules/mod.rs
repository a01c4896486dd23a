//! The project rules (RULES.md §12), one per file. Each `check` takes the parsed
//! configuration value and returns its findings spanned in that file.

pub mod appid;
pub mod domain_icp;
pub mod lib_version;
pub mod network_timeout;
pub mod no_domains;
pub mod url_check_off;

#[cfg(test)]
pub(crate) mod test_support {
    use crate::lint::json::{parse, Syntax};
    use crate::lint::Diagnostic;

    /// Parses `text` as JSON (or JSON with comments) and runs `check` on the root, a
    /// syntax error being the one finding.
    pub fn on_root(
        text: &str,
        syntax: Syntax,
        check: impl Fn(&crate::lint::json::Node) -> Vec<Diagnostic>,
    ) -> Vec<Diagnostic> {
        match parse(text, syntax) {
            Ok(root) => check(&root),
            Err(error) => vec![crate::lint::json_syntax::diagnostic(&error)],
        }
    }
}
