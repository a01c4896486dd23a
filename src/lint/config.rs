//! Per-rule severities: the `rules` object of `wxnet.config.json`
//! (`{ "wxnet/domain-too-many": "off", "wxnet/domain-duplicate": "error" }`).
//!
//! `off` removes a rule's findings, `warn` and `error` set their severity; a rule
//! not named keeps its own severities. A problem in the object itself (an unknown
//! code, a value other than the three) is a `wxnet/lint-config` error naming it, with
//! a "did you mean" when one is close; the rest of the object still applies.
//!
//! Severity is what a user sees, not what the platform does: for the domain lists,
//! whether the console refuses an entry (and so whether URL checks skip it) is
//! decided by the rule's own verdict before any setting is applied. Turning
//! `wxnet/domain-path` off hides the finding; it does not make `https://a.com/api`
//! an entry that lets requests through.

use super::suggest::closest;
use super::{rule, rules, Diagnostic, Severity, Span};

declare_rule! {
    /// The `rules` object of `wxnet.config.json` names an unknown rule, a rule that
    /// cannot be configured, or a severity other than `"off"`, `"warn"` and `"error"`.
    ///
    /// ### Why
    /// A misspelt rule or value would silently change nothing (RULES.md §12: the
    /// project's `wxnet.config.json` carries `rules` next to `domains` and `lan`).
    ///
    /// ### Example
    /// `{"rules": {"wxnet/domain-pth": "off"}}` (did you mean `wxnet/domain-path`?),
    /// `{"rules": {"wxnet/domain-path": "warning"}}` (did you mean `"warn"`?).
    pub const RULE = ("wxnet/lint-config", Error, File);
}

/// What a rule can be set to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    Off,
    Warn,
    Error,
}

impl Setting {
    pub const NAMES: [&'static str; 3] = ["off", "warn", "error"];

    pub fn parse(text: &str) -> Option<Setting> {
        match text {
            "off" => Some(Setting::Off),
            "warn" => Some(Setting::Warn),
            "error" => Some(Setting::Error),
            _ => None,
        }
    }
}

/// The value given for a rule, as read from the configuration.
#[derive(Debug, Clone, Copy)]
pub enum Written<'a> {
    Text(&'a str),
    /// Not a string: the name of its type.
    Other(&'a str),
}

/// What is wrong with one `code: value` pair.
struct Problem {
    message: String,
    help: Option<String>,
    /// About the value (else about the code).
    in_value: bool,
}

/// Severities set by the user, per code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuleSeverities {
    settings: Vec<(&'static str, Setting)>,
}

impl RuleSeverities {
    /// Reads `(code, value, where the code is written, where the value is)` pairs.
    /// Returns the settings that are valid and one `wxnet/lint-config` error per problem.
    pub fn read<'a>(
        pairs: impl IntoIterator<Item = (&'a str, Written<'a>, Option<Span>, Option<Span>)>,
    ) -> (RuleSeverities, Vec<Diagnostic>) {
        let mut severities = RuleSeverities::default();
        let mut problems = Vec::new();
        for (code, value, code_span, value_span) in pairs {
            if let Err(problem) = severities.read_one(code, value) {
                let mut d =
                    Diagnostic::new(RULE.code, Severity::Error, problem.message).with_optional_help(problem.help);
                d.span = if problem.in_value { value_span.or(code_span) } else { code_span };
                problems.push(d);
            }
        }
        (severities, problems)
    }

    fn read_one(&mut self, code: &str, value: Written) -> Result<(), Problem> {
        let quoted = crate::error::quote(code);
        let Some(rule) = rule(code) else {
            let prefixed = format!("wxnet/{code}");
            let suggestion = rule(&prefixed)
                .map(|r| r.code)
                .or_else(|| closest(code, rules().filter(|r| r.is_configurable()).map(|r| r.code)));
            let help = suggestion.map(|s| format!("Did you mean {s}?"));
            return Err(Problem { message: format!("{quoted} is not a wxnet rule"), help, in_value: false });
        };
        if !rule.is_configurable() {
            return Err(Problem {
                message: format!("{quoted} cannot be configured: a file that cannot be read cannot be linted"),
                help: Some(format!("remove {quoted} from rules")),
                in_value: false,
            });
        }
        let setting = match value {
            Written::Text(text) => Setting::parse(text).ok_or_else(|| {
                let suggestion = closest(text, Setting::NAMES)
                    .or_else(|| Setting::NAMES.into_iter().find(|name| text.to_lowercase().starts_with(name)));
                Problem {
                    message: format!(
                        "{quoted} is set to {}; a rule is \"off\", \"warn\" or \"error\"",
                        crate::error::quote(text)
                    ),
                    help: suggestion.map(|s| format!("Did you mean \"{s}\"?")),
                    in_value: true,
                }
            })?,
            Written::Other(type_name) => {
                return Err(Problem {
                    message: format!("{quoted} is set to a {type_name}; a rule is \"off\", \"warn\" or \"error\""),
                    help: None,
                    in_value: true,
                })
            }
        };
        self.set(rule.code, setting);
        Ok(())
    }

    /// Sets one rule (the code must be a registered one to have any effect).
    pub fn set(&mut self, code: &'static str, setting: Setting) {
        self.settings.retain(|(c, _)| *c != code);
        self.settings.push((code, setting));
    }

    /// Sets every rule `other` sets, over what this sets.
    pub fn merge(&mut self, other: &RuleSeverities) {
        for (code, setting) in &other.settings {
            self.set(code, *setting);
        }
    }

    /// The user's setting for `code`, if any.
    pub fn get(&self, code: &str) -> Option<Setting> {
        self.settings.iter().find(|(c, _)| *c == code).map(|(_, s)| *s)
    }

    /// Applies the settings: `off` drops, `warn`/`error` set the severity.
    pub fn apply(&self, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        if self.settings.is_empty() {
            return diagnostics;
        }
        diagnostics
            .into_iter()
            .filter_map(|mut d| {
                match self.get(d.code) {
                    None => {}
                    Some(Setting::Off) => return None,
                    Some(Setting::Warn) => d.severity = Severity::Warning,
                    Some(Setting::Error) => d.severity = Severity::Error,
                }
                Some(d)
            })
            .collect()
    }

    /// Reads the `rules` object of a `wxnet.config.json`, problems spanned at the
    /// key or value that has them.
    #[cfg(any(test, feature = "lint-json"))]
    pub fn from_json(rules: &super::json::Node) -> (RuleSeverities, Vec<Diagnostic>) {
        let Some(members) = rules.members() else {
            let message = format!(
                "\"rules\" must be an object such as {{\"wxnet/domain-too-many\": \"off\"}}, got {}",
                rules.value.type_name()
            );
            return (
                RuleSeverities::default(),
                vec![Diagnostic::new(RULE.code, Severity::Error, message).with_span(rules.span)],
            );
        };
        RuleSeverities::read(members.iter().map(|m| {
            let value = match m.value.as_str() {
                Some(text) => Written::Text(text),
                None => Written::Other(m.value.value.type_name()),
            };
            (m.key.as_str(), value, Some(m.key_span), Some(m.value.span))
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::json::{parse, Syntax};
    use crate::lint::tester::Tester;

    /// Lints a `wxnet.config.json` for its `rules` object.
    fn lint(text: &str) -> Vec<Diagnostic> {
        match parse(text, Syntax::Json) {
            Err(e) => vec![crate::lint::json_syntax::diagnostic(&e)],
            Ok(root) => root.get("rules").map(|rules| RuleSeverities::from_json(rules).1).unwrap_or_default(),
        }
    }

    fn d(code: &'static str, severity: Severity) -> Diagnostic {
        Diagnostic::new(code, severity, "m")
    }

    #[test]
    fn rule_12_lint_config() {
        Tester::new(&RULE, "wxnet.config.json", lint)
            .pass([
                r#"{"rules": {}}"#,
                r#"{"rules": {"wxnet/domain-too-many": "off", "wxnet/domain-duplicate": "error", "wxnet/domain-path": "warn"}}"#,
                r#"{"domains": "domains.json"}"#,
            ])
            .fail([
                "{\n  \"rules\": {\n    \"wxnet/domain-pth\": \"off\"\n  }\n}\n",
                r#"{"rules": {"domain-path": "off"}}"#,
                r#"{"rules": {"wxnet/domain-path": "warning"}}"#,
                r#"{"rules": {"wxnet/domain-path": "eror"}}"#,
                r#"{"rules": {"wxnet/domain-path": 0}}"#,
                r#"{"rules": {"wxnet/json-syntax": "off"}}"#,
                r#"{"rules": {"例え": "off", "wxnet/domain-ip": "OFF"}}"#,
                r#"{"rules": ["wxnet/domain-path"]}"#,
            ])
            .alone()
            .test_and_snapshot();
    }

    #[test]
    fn rule_12_off_drops_warn_and_error_set_the_severity_and_the_rest_keep_their_own() {
        let (severities, problems) = RuleSeverities::read([
            ("wxnet/domain-too-many", Written::Text("off"), None, None),
            ("wxnet/domain-duplicate", Written::Text("error"), None, None),
            ("wxnet/domain-path", Written::Text("warn"), None, None),
            ("wxnet/domain-nope", Written::Text("warn"), None, None),
        ]);
        assert_eq!(problems.len(), 1, "the valid settings still apply");
        let found = severities.apply(vec![
            d("wxnet/domain-too-many", Severity::Error),
            d("wxnet/domain-duplicate", Severity::Warning),
            d("wxnet/domain-path", Severity::Error),
            d("wxnet/domain-scheme", Severity::Warning),
        ]);
        let found: Vec<_> = found.iter().map(|d| (d.code, d.severity)).collect();
        assert_eq!(
            found,
            [
                ("wxnet/domain-duplicate", Severity::Error),
                ("wxnet/domain-path", Severity::Warning),
                ("wxnet/domain-scheme", Severity::Warning),
            ]
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5_000))]

        #[test]
        fn reading_any_rules_object_never_panics_and_spans_stay_in_the_text(
            pairs in proptest::collection::vec(("(wxnet/)?[a-z\\-]{0,16}|\\PC{0,8}", "off|warn|error|[a-zA-Z]{0,8}|\\PC{0,4}"), 0..6)
        ) {
            let members: Vec<String> = pairs
                .iter()
                .map(|(code, value)| format!("{}: {}", serde_json::to_string(code).unwrap(), serde_json::to_string(value).unwrap()))
                .collect();
            let text = format!("{{\"rules\": {{{}}}}}", members.join(", "));
            for d in lint(&text) {
                proptest::prop_assert_eq!(d.code, RULE.code);
                let span = d.span.unwrap();
                proptest::prop_assert!(text.get(span.start as usize..span.end as usize).is_some());
            }
        }
    }

    #[test]
    fn rule_12_problems_name_the_code_and_suggest_the_closest() {
        let found = lint(r#"{"rules": {"wxnet/domain-pth": "off", "wxnet/domain-ip": "warning"}}"#);
        assert_eq!(found[0].message, "\"wxnet/domain-pth\" is not a wxnet rule");
        assert_eq!(found[0].help.as_deref(), Some("Did you mean wxnet/domain-path?"));
        assert!(found[1].message.contains("\"warning\""), "{}", found[1].message);
        assert_eq!(found[1].help.as_deref(), Some("Did you mean \"warn\"?"));
    }
}
