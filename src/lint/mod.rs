//! The lint framework every wxnet linter uses, after oxc's linter.
//!
//! - **One rule, one file**, declared with `declare_rule!`: its code
//!   (`wxnet/<name>`), default severity, category and docs (what it checks, why, an
//!   example). [`rules()`] is the one table of lint codes: the TypeScript unions and
//!   the docs are generated from it.
//! - **Diagnostics** ([`Diagnostic`]) carry the message and, separately, the fix
//!   (`help`), and a byte [`Span`] that [`LineIndex`] turns into 1-based line and
//!   column (UTF-16 columns, as JS counts).
//! - **Severities** are configurable per code (`off`/`warn`/`error`, the `rules`
//!   object of `wxnet.config.json`): [`RuleSeverities`].
//! - **Tests** are pass/fail lists run by a `Tester` that renders each failing case
//!   ([`render()`]) into a snapshot checked in under `src/lint/snapshots/`.
//!
//! Linters: [`domains`] (the server-domain lists, RULES.md §1) and the project
//! linter, `crate::project` (configuration files, RULES.md §12).

/// Declares a rule: its doc comment becomes both the rustdoc and [`Rule::docs`].
///
/// ```text
/// declare_rule! {
///     /// The entry has a path (RULES.md §1).
///     ///
///     /// ### Why
///     /// …
///     /// ### Example
///     /// …
///     pub const RULE = ("wxnet/domain-path", Error, DomainList);
/// }
/// ```
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])+
        $vis:vis const $name:ident = ($code:literal, $severity:ident, $category:ident);
    ) => {
        $(#[doc = $doc])+
        $vis const $name: $crate::lint::Rule = $crate::lint::Rule {
            code: $code,
            default_severity: $crate::lint::Severity::$severity,
            category: $crate::lint::Category::$category,
            docs: concat!($($doc, "\n"),+),
        };
    };
}

pub mod call;
pub mod config;
pub mod diagnostic;
pub mod domains;
pub mod js_syntax;
#[cfg(any(test, feature = "lint-json"))]
pub mod json;
pub mod json_syntax;
pub mod render;
pub mod span;
pub mod suggest;
#[cfg(test)]
pub(crate) mod tester;
pub mod url;

pub use config::{RuleSeverities, Setting};
pub use diagnostic::{Diagnostic, Severity};
pub use render::render;
pub use span::{LineIndex, Location, Position, Span};

/// What a rule is about; says which RULES.md section it implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// A server-domain list (RULES.md §1).
    DomainList,
    /// Reading a project file or the lint configuration itself (RULES.md §12).
    /// Always an error: these codes cannot be configured, since nothing else can be
    /// checked then.
    File,
    /// A fact of the project's configuration files (RULES.md §12).
    Project,
    /// A network call site in the project's code (RULES.md §13).
    CallSite,
}

impl Category {
    pub fn name(self) -> &'static str {
        match self {
            Category::DomainList => "domain-list",
            Category::File => "file",
            Category::Project => "project",
            Category::CallSite => "call-site",
        }
    }

    /// The section of docs/RULES.md the category implements.
    pub fn rules_section(self) -> u8 {
        match self {
            Category::DomainList => 1,
            Category::File | Category::Project => 12,
            Category::CallSite => 13,
        }
    }
}

/// A lint rule as the registry lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// `wxnet/<name>`: stable, part of the public API.
    pub code: &'static str,
    /// The severity of its findings unless configured. A rule may report some
    /// findings at a lower severity of its own (a missing scheme is a warning where a
    /// wrong one is an error); a configured severity replaces both.
    pub default_severity: Severity,
    pub category: Category,
    /// The doc comment of the rule: a summary line, then `### Why` and `### Example`.
    pub docs: &'static str,
}

impl Rule {
    /// The code without `wxnet/`: `domain-path`.
    pub fn name(&self) -> &'static str {
        self.code.strip_prefix("wxnet/").unwrap_or(self.code)
    }

    /// The first paragraph of the docs, on one line.
    pub fn summary(&self) -> String {
        let lines = self.docs.lines().map(str::trim).skip_while(|line| line.is_empty());
        lines.take_while(|line| !line.is_empty()).collect::<Vec<_>>().join(" ")
    }

    /// Whether `wxnet.config.json` may change its severity.
    pub fn is_configurable(&self) -> bool {
        self.category != Category::File
    }
}

/// Every rule, in the order the docs list them. The one table of lint codes.
const RULES: &[&Rule] = &[
    &domains::invalid::RULE,
    &domains::scheme::RULE,
    &domains::ip::RULE,
    &domains::localhost::RULE,
    &domains::hostname::RULE,
    &domains::path::RULE,
    &domains::wildcard::RULE,
    &domains::forbidden::RULE,
    &domains::duplicate::RULE,
    &domains::too_many::RULE,
    &domains::field::RULE,
    &json_syntax::RULE,
    &config::RULE,
    &crate::project::rules::network_timeout::RULE,
    &crate::project::rules::appid::RULE,
    &crate::project::rules::url_check_off::RULE,
    &crate::project::rules::lib_version::RULE,
    &crate::project::rules::domain_icp::RULE,
    &crate::project::rules::no_domains::RULE,
    &url::invalid_url::RULE,
    &url::insecure::RULE,
    &url::localhost::RULE,
    &url::self_ip::RULE,
    &url::ip::RULE,
    &url::forbidden_host::RULE,
    &url::not_listed::RULE,
    &url::port::RULE,
    &call::timeout::RULE,
    &call::referer::RULE,
    &call::method::RULE,
    &call::data_type::RULE,
    &call::socket_target::RULE,
    &js_syntax::RULE,
];

/// The registry: every rule with its code, default severity, category and docs.
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    RULES.iter().copied()
}

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    rules().find(|rule| rule.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_rule_has_a_unique_code_and_docs_with_why_and_example() {
        let mut seen = HashSet::new();
        for rule in rules() {
            assert!(seen.insert(rule.code), "{} is registered twice", rule.code);
            assert!(
                rule.code.starts_with("wxnet/") && rule.name().bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            );
            assert!(!rule.summary().is_empty(), "{}", rule.code);
            assert!(rule.docs.contains("### Why") && rule.docs.contains("### Example"), "{}: {}", rule.code, rule.docs);
            let section = format!("RULES.md §{}", rule.category.rules_section());
            assert!(rule.docs.contains(&section), "{} names {section}", rule.code);
        }
        assert_eq!(rule("wxnet/domain-path").map(|r| r.default_severity), Some(Severity::Error));
        assert_eq!(rule("wxnet/nope"), None);
    }

    #[test]
    fn every_rule_has_a_snapshot_and_every_snapshot_a_rule() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/lint/snapshots");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .filter(|name| name.ends_with(".snap"))
            .collect();
        files.sort();
        let mut expected: Vec<String> = rules().map(|rule| format!("{}.snap", rule.name())).collect();
        expected.sort();
        assert_eq!(files, expected, "each rule's Tester writes src/lint/snapshots/<name>.snap");
    }
}
