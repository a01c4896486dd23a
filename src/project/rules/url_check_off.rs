//! `wxnet/url-check-off`: the project turns the domain check off.

declare_rule! {
    /// `setting.urlCheck` is `false`: a warning in the committed project.config.json
    /// (and uni-app's `mp-weixin.setting.urlCheck`), info in the per-developer
    /// project.private.config.json (RULES.md §12, §3).
    ///
    /// ### Why
    /// With the check off, DevTools lets every URL through, so a request to an
    /// unlisted host works on the developer's machine and fails on every phone,
    /// which always checks. In the committed file it is off for everyone who opens
    /// the project.
    ///
    /// ### Example
    /// `{"setting": {"urlCheck": false}}`.
    pub const RULE = ("wxnet/url-check-off", Warning, Project);
}

/// Which file the switch is in: the severity depends on who it affects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// project.config.json or manifest.json: everyone who opens the project.
    Committed,
    /// project.private.config.json: one developer.
    Private,
}

#[cfg(any(test, feature = "project"))]
pub fn check(setting: &crate::lint::json::Node, scope: Scope) -> Option<crate::lint::Diagnostic> {
    use crate::lint::json::Value;
    use crate::lint::{Diagnostic, Severity};
    let url_check = setting.get("urlCheck")?;
    if url_check.value != Value::Bool(false) {
        return None;
    }
    let (severity, who) = match scope {
        Scope::Committed => (Severity::Warning, "for everyone who opens the project"),
        Scope::Private => (Severity::Info, "on this machine"),
    };
    let message = format!(
        "urlCheck is false: DevTools skips the domain, TLS and certificate checks {who}, but phones always check"
    );
    Some(
        Diagnostic::new(RULE.code, severity, message)
            .with_help("turn it back on before testing a release, and run wxnet lint with the domain list")
            .with_span(url_check.span),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::json::Syntax;
    use crate::lint::tester::Tester;
    use crate::lint::Severity;

    fn lint(text: &str) -> Vec<crate::lint::Diagnostic> {
        super::super::test_support::on_root(text, Syntax::Json, |root| {
            root.get("setting").and_then(|setting| check(setting, Scope::Committed)).into_iter().collect()
        })
    }

    #[test]
    fn rule_12_url_check_off() {
        Tester::new(&RULE, "project.config.json", lint)
            .pass([r#"{"setting": {"urlCheck": true}}"#, r#"{"setting": {}}"#, r#"{"urlCheck": false}"#])
            .fail(["{\n  \"setting\": {\n    \"es6\": true,\n    \"urlCheck\": false\n  }\n}\n"])
            .alone()
            .test_and_snapshot();
    }

    #[test]
    fn rule_12_url_check_off_is_info_in_the_private_file() {
        let root = crate::lint::json::parse(r#"{"setting": {"urlCheck": false}}"#, Syntax::Json).unwrap();
        let setting = root.get("setting").unwrap();
        assert_eq!(check(setting, Scope::Private).map(|d| d.severity), Some(Severity::Info));
        assert_eq!(check(setting, Scope::Committed).map(|d| d.severity), Some(Severity::Warning));
    }
}
