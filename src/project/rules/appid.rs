//! `wxnet/appid`: an AppID that is not one.

declare_rule! {
    /// `appid` of project.config.json (or `mp-weixin.appid` of uni-app's
    /// manifest.json) is not `wx` and 16 lower-case hex digits, nor `touristappid`
    /// (RULES.md §12).
    ///
    /// ### Why
    /// DevTools cannot preview or upload a project without its AppID, and the
    /// Referer every request carries names it (RULES.md §5): a malformed one means
    /// the backend's Referer guard will not recognise the mini program either.
    ///
    /// ### Example
    /// `{"appid": "wx123"}`, `{"appid": "WX0123456789ABCDEF"}`.
    pub const RULE = ("wxnet/appid", Error, Project);
}

/// `wx` + 16 lower-case hex digits, or DevTools' `touristappid`.
pub fn is_appid(text: &str) -> bool {
    let hex = |rest: &str| rest.len() == 16 && rest.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    text == "touristappid" || text.strip_prefix("wx").is_some_and(hex)
}

#[cfg(any(test, feature = "project"))]
pub fn check(appid: &crate::lint::json::Node) -> Option<crate::lint::Diagnostic> {
    use crate::lint::{Diagnostic, Severity};
    let message = match appid.as_str() {
        Some(text) if is_appid(text) => return None,
        Some(text) => format!(
            "appid {} is not an AppID: wx and 16 lower-case hex digits, or touristappid",
            crate::error::quote(text)
        ),
        None => format!("appid must be a string, got {}", appid.value.type_name()),
    };
    let help = appid
        .as_str()
        .map(str::to_ascii_lowercase)
        .filter(|lower| is_appid(lower))
        .map(|lower| format!("write {lower}"))
        .unwrap_or_else(|| "copy the AppID from the mini program console (Development > Development settings)".into());
    Some(Diagnostic::new(RULE.code, Severity::Error, message).with_help(help).with_span(appid.span))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::json::Syntax;
    use crate::lint::tester::Tester;

    fn lint(text: &str) -> Vec<crate::lint::Diagnostic> {
        super::super::test_support::on_root(text, Syntax::Json, |root| {
            root.get("appid").and_then(check).into_iter().collect()
        })
    }

    #[test]
    fn rule_12_appid() {
        Tester::new(&RULE, "project.config.json", lint)
            .pass([
                r#"{"appid": "wx0123456789abcdef"}"#,
                r#"{"appid": "touristappid"}"#,
                r#"{"compileType": "miniprogram"}"#,
            ])
            .fail([
                "{\n  \"appid\": \"wx123\"\n}\n",
                r#"{"appid": "WX0123456789ABCDEF"}"#,
                r#"{"appid": "wx0123456789abcdeg"}"#,
                r#"{"appid": 123}"#,
                r#"{"appid": ""}"#,
            ])
            .alone()
            .test_and_snapshot();
    }
}
