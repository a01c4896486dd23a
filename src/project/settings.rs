//! `wxnet.config.json`: the project's lint settings (RULES.md §12 decision).
//!
//! ```json
//! { "domains": { "requestdomain": ["https://api.example.com"] } | "domains.json",
//!   "lan": "192.168.1.10/24",
//!   "rules": { "wxnet/url-not-listed": "warn" },
//!   "ignore": ["dist/", "**/*.min.js"],
//!   "extraCallees": ["http.get"] | { "http.upload": "uploadFile" } }
//! ```
//!
//! A problem in the file is a `wxnet/lint-config` error at the key or value (with a
//! "did you mean" for a mistyped key); the rest of the file still applies.

use crate::api::Api;
use crate::error::quote;
use crate::lint::json::Node;
use crate::lint::suggest::closest;
use crate::lint::{config, Diagnostic, RuleSeverities, Severity, Span};
use crate::project::Wrapper;
use crate::url_check::Lan;

/// The keys wxnet.config.json may have (`$schema` for editors).
pub const KEYS: [&str; 6] = ["$schema", "domains", "lan", "rules", "ignore", "extraCallees"];

/// Where the domain list is.
#[derive(Debug, Clone, PartialEq)]
pub enum DomainsAt {
    /// Written inside wxnet.config.json: the span of the object.
    Inline(Span),
    /// A file named relative to the project root, and where the name is written.
    File(String, Span),
}

#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub domains: Option<DomainsAt>,
    pub lan: Option<Lan>,
    pub severities: RuleSeverities,
    /// Globs of files not to lint, in the syntax of `.gitignore`.
    pub ignore: Vec<String>,
    /// The project's own wrappers of the network APIs (as the build plugin's option).
    pub wrappers: Vec<Wrapper>,
}

fn problem(message: String, span: Span) -> Diagnostic {
    Diagnostic::new(config::RULE.code, Severity::Error, message).with_span(span)
}

/// Reads the root of a parsed wxnet.config.json.
pub fn read(root: &Node) -> (Settings, Vec<Diagnostic>) {
    let mut settings = Settings::default();
    let mut problems = Vec::new();
    let Some(members) = root.members() else {
        let message = format!("wxnet.config.json must be an object, got {}", root.value.type_name());
        return (settings, vec![problem(message, root.span)]);
    };
    for member in members {
        let value = &member.value;
        match member.key.as_str() {
            "$schema" => {}
            "domains" => match (value.members(), value.as_str()) {
                (Some(_), _) => settings.domains = Some(DomainsAt::Inline(value.span)),
                (_, Some(path)) => settings.domains = Some(DomainsAt::File(path.to_string(), value.span)),
                _ => problems.push(problem(
                    format!(
                        "\"domains\" must be the domain list or the name of its file, got {}",
                        value.value.type_name()
                    ),
                    value.span,
                )),
            },
            "lan" => match value.as_str().map(|text| Lan::parse(text, None)) {
                Some(Ok(lan)) => settings.lan = Some(lan),
                Some(Err(error)) => problems.push(problem(error.message, value.span)),
                None => problems.push(problem(
                    format!(
                        "\"lan\" must be the phone's address such as \"192.168.1.10/24\", got {}",
                        value.value.type_name()
                    ),
                    value.span,
                )),
            },
            "rules" => {
                let (severities, found) = RuleSeverities::from_json(value);
                settings.severities = severities;
                problems.extend(found);
            }
            "ignore" => {
                let globs = value.items().filter(|items| items.iter().all(|item| item.as_str().is_some()));
                match globs {
                    Some(items) => settings.ignore = items.iter().filter_map(Node::as_str).map(String::from).collect(),
                    None => problems.push(problem(
                        format!(
                            "\"ignore\" must be an array of globs such as [\"dist/\"], got {}",
                            value.value.type_name()
                        ),
                        value.span,
                    )),
                }
            }
            "extraCallees" => match read_wrappers(value) {
                Ok(wrappers) => settings.wrappers = wrappers,
                Err(found) => problems.push(*found),
            },
            key => {
                let help = closest(key, KEYS).map(|name| format!("Did you mean \"{name}\"?"));
                let message = format!(
                    "wxnet.config.json has {}; it reads only domains, lan, rules, ignore and extraCallees",
                    quote(key)
                );
                problems.push(problem(message, member.key_span).with_optional_help(help));
            }
        }
    }
    (settings, problems)
}

/// `["http.get"]` (each calls request) or `{ "http.upload": "uploadFile" }`.
fn read_wrappers(value: &Node) -> Result<Vec<Wrapper>, Box<Diagnostic>> {
    let shape = || {
        Box::new(problem(
            format!(
                "\"extraCallees\" must be names such as [\"http.get\"] or {{\"http.upload\": \"uploadFile\"}}, got {}",
                value.value.type_name()
            ),
            value.span,
        ))
    };
    if let Some(items) = value.items() {
        return items
            .iter()
            .map(|item| {
                item.as_str().map(|name| Wrapper { name: name.to_string(), api: Api::Request }).ok_or_else(shape)
            })
            .collect();
    }
    let members = value.members().ok_or_else(shape)?;
    members
        .iter()
        .map(|member| {
            let api = member.value.as_str().and_then(|name| Api::parse(name).ok()).ok_or_else(|| {
                let help = member.value.as_str().and_then(|name| closest(name, Api::NAMES));
                problem(
                    format!("extraCallees.{} must name request, uploadFile, downloadFile or connectSocket", member.key),
                    member.value.span,
                )
                .with_optional_help(help.map(|name| format!("Did you mean \"{name}\"?")))
            })?;
            Ok(Wrapper { name: member.key.clone(), api })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::json::{parse, Syntax};

    fn read_text(text: &str) -> (Settings, Vec<Diagnostic>) {
        read(&parse(text, Syntax::Json).unwrap())
    }

    #[test]
    fn rule_12_wxnet_config_reads_domains_lan_rules_and_ignore() {
        let (settings, problems) = read_text(
            r#"{"$schema": "x", "domains": "domains.json", "lan": "192.168.1.10/24", "rules": {"wxnet/appid": "off"}, "ignore": ["dist/"]}"#,
        );
        assert_eq!(problems, vec![]);
        assert!(matches!(settings.domains, Some(DomainsAt::File(ref path, _)) if path == "domains.json"));
        assert_eq!(settings.lan.map(|lan| lan.prefix()), Some(24));
        assert_eq!(settings.severities.get("wxnet/appid"), Some(crate::lint::Setting::Off));
        assert_eq!(settings.ignore, ["dist/"]);
    }

    #[test]
    fn rule_13_wxnet_config_extra_callees_are_a_list_or_a_map_to_an_api() {
        let (settings, problems) = read_text(r#"{"extraCallees": ["http.get"]}"#);
        assert_eq!(
            (settings.wrappers, problems),
            (vec![Wrapper { name: "http.get".into(), api: Api::Request }], vec![])
        );
        let (settings, _) = read_text(r#"{"extraCallees": {"api.upload": "uploadFile"}}"#);
        assert_eq!(settings.wrappers, [Wrapper { name: "api.upload".into(), api: Api::UploadFile }]);
        let text = r#"{"extraCallees": {"api.upload": "uploadFil"}, "extraCallee": []}"#;
        let (_, problems) = read_text(text);
        let at: Vec<_> = problems.iter().map(|d| (d.span.unwrap().text(text), d.help.as_deref())).collect();
        assert_eq!(
            at,
            [
                ("\"uploadFil\"", Some("Did you mean \"uploadFile\"?")),
                ("\"extraCallee\"", Some("Did you mean \"extraCallees\"?"))
            ]
        );
        assert_eq!(read_text(r#"{"extraCallees": "http.get"}"#).1.len(), 1);
    }

    #[test]
    fn rule_12_wxnet_config_problems_are_at_the_key_or_value() {
        let text = r#"{"domain": {}, "lan": "10.0.0.300", "ignore": "dist", "domains": 1}"#;
        let (_, problems) = read_text(text);
        let at: Vec<_> = problems.iter().map(|d| (d.code, d.span.unwrap().text(text))).collect();
        assert_eq!(
            at,
            [
                ("wxnet/lint-config", "\"domain\""),
                ("wxnet/lint-config", "\"10.0.0.300\""),
                ("wxnet/lint-config", "\"dist\""),
                ("wxnet/lint-config", "1"),
            ]
        );
        assert_eq!(problems[0].help.as_deref(), Some("Did you mean \"domains\"?"));
    }
}
