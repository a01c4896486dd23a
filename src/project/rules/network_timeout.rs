//! `wxnet/network-timeout`: `networkTimeout` of app.json, game.json or uni-app's
//! manifest.json that the client reads differently from what was meant.

declare_rule! {
    /// `networkTimeout` is not an object, has a key other than `request`,
    /// `connectSocket`, `uploadFile` and `downloadFile`, or a value that is not a
    /// positive finite number of milliseconds (it falls through to 60000) or is above
    /// 60000 (clamped) (RULES.md §12, §4).
    ///
    /// ### Why
    /// The client ignores what it does not understand without a word: a typo such
    /// as `requst` or a `"5000"` string leaves the API at 60 seconds, and a value
    /// above 60000 is cut to 60000.
    ///
    /// ### Example
    /// `{"networkTimeout": {"requst": 5000}}` (did you mean `request`?),
    /// `{"networkTimeout": {"request": "5000"}}`, `{"networkTimeout": {"request": 90000}}`.
    pub const RULE = ("wxnet/network-timeout", Warning, Project);
}

#[cfg(any(test, feature = "project"))]
pub use check::check;

#[cfg(any(test, feature = "project"))]
mod check {
    use super::RULE;
    use crate::api::Api;
    use crate::error::quote;
    use crate::lint::json::{Node, Value};
    use crate::lint::suggest::closest;
    use crate::lint::{Diagnostic, Severity};
    use crate::timeout::{resolve, MAX_MS};

    /// The findings for the `networkTimeout` value of an app config.
    pub fn check(network_timeout: &Node) -> Vec<Diagnostic> {
        let report = |message: String| Diagnostic::new(RULE.code, Severity::Warning, message);
        let Some(members) = network_timeout.members() else {
            let message = format!(
                "networkTimeout must be an object such as {{\"request\": 10000}}, got {}; the client ignores it and every API waits 60000 ms",
                network_timeout.value.type_name()
            );
            return vec![report(message).with_span(network_timeout.span)];
        };
        let mut out = Vec::new();
        for member in members {
            let Ok(api) = Api::parse(&member.key) else {
                let help = closest(&member.key, Api::NAMES).map(|name| format!("Did you mean \"{name}\"?"));
                let message = format!(
                    "networkTimeout has {}; the client reads only request, connectSocket, uploadFile and downloadFile and ignores it",
                    quote(&member.key)
                );
                out.push(report(message).with_optional_help(help).with_span(member.key_span));
                continue;
            };
            let value = &member.value;
            let number = value.as_f64();
            let resolved = resolve(None, number, true);
            let written = written(value);
            if number.is_none() || resolved.source != crate::timeout::Source::Config {
                let message = format!(
                    "networkTimeout.{} is {written}, not a positive finite number of milliseconds; {} falls through to 60000 ms",
                    api.name(),
                    api.name()
                );
                let help = match &value.value {
                    Value::String(text) if text.trim().parse::<f64>().is_ok_and(|n| n.is_finite() && n > 0.0) => {
                        Some(format!("write the number without quotes: {}", text.trim()))
                    }
                    _ => None,
                };
                out.push(report(message).with_optional_help(help).with_span(value.span));
            } else if resolved.clamped {
                let message =
                    format!("networkTimeout.{} is {written} ms; the client waits at most {MAX_MS} ms", api.name());
                out.push(report(message).with_help(format!("write {MAX_MS} or less")).with_span(value.span));
            }
        }
        out
    }

    /// Numbers as written, strings quoted, other values by their type.
    fn written(node: &Node) -> String {
        match &node.value {
            Value::Number(text) => text.clone(),
            Value::String(text) => quote(text),
            Value::Null => "null".into(),
            Value::Array(_) | Value::Object(_) => format!("an {}", node.value.type_name()),
            other => format!("a {}", other.type_name()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::json::Syntax;
    use crate::lint::tester::Tester;
    use crate::lint::Diagnostic;

    fn lint(text: &str) -> Vec<Diagnostic> {
        super::super::test_support::on_root(text, Syntax::Json, |root| {
            root.get("networkTimeout").map(check).unwrap_or_default()
        })
    }

    #[test]
    fn rule_12_network_timeout() {
        Tester::new(&RULE, "app.json", lint)
            .pass([
                r#"{"pages": ["pages/index/index"]}"#,
                r#"{"networkTimeout": {}}"#,
                r#"{"networkTimeout": {"request": 10000, "connectSocket": 60000, "uploadFile": 1, "downloadFile": 1.5e4}}"#,
            ])
            .fail([
                "{\n  \"networkTimeout\": {\n    \"requst\": 5000\n  }\n}\n",
                r#"{"networkTimeout": 5000}"#,
                r#"{"networkTimeout": {"request": "5000"}}"#,
                r#"{"networkTimeout": {"request": 0, "uploadFile": -1, "downloadFile": null}}"#,
                r#"{"networkTimeout": {"request": 1e400}}"#,
                r#"{"networkTimeout": {"request": 90000}}"#,
                r#"{"页面": 1, "networkTimeout": {"connectSocket": 120000}}"#,
            ])
            .alone()
            .test_and_snapshot();
    }

    #[test]
    fn rule_12_network_timeout_suggests_the_closest_api_and_the_number_without_quotes() {
        let found = lint(r#"{"networkTimeout": {"requst": 5000, "uploadFile": "8000"}}"#);
        assert_eq!(found[0].help.as_deref(), Some("Did you mean \"request\"?"));
        assert_eq!(found[1].help.as_deref(), Some("write the number without quotes: 8000"));
    }
}
