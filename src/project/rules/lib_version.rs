//! `wxnet/lib-version`: the code uses a network feature newer than the base
//! library the project targets.

declare_rule! {
    /// `libVersion` of project.config.json is below a network feature the code uses:
    /// a LAN IP address (2.4.0), `wx.createUDPSocket` (2.7.0), a per-call `timeout`
    /// (2.10.0), `wx.createTCPSocket` (2.18.0) (RULES.md §12).
    ///
    /// ### Why
    /// DevTools runs the newer library and the call works there; phones that still
    /// run the targeted one fail (no such API) or ignore the option (a per-call
    /// `timeout` below 2.10.0 is silently the app.json value).
    ///
    /// ### Example
    /// `{"libVersion": "2.9.0"}` with `wx.request({ url, timeout: 5000 })` in the code.
    pub const RULE = ("wxnet/lib-version", Warning, Project);
}

/// A network feature gated by a base library version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Feature {
    /// A request to a LAN IPv4 address (RULES.md §2).
    Lan,
    Udp,
    /// A per-call `timeout` (RULES.md §4).
    CallTimeout,
    Tcp,
}

impl Feature {
    /// The first base library version that has it.
    pub fn since(self) -> (u32, u32, u32) {
        match self {
            Feature::Lan => (2, 4, 0),
            Feature::Udp => (2, 7, 0),
            Feature::CallTimeout => (2, 10, 0),
            Feature::Tcp => (2, 18, 0),
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Feature::Lan => "a request to a LAN IP address",
            Feature::Udp => "wx.createUDPSocket",
            Feature::CallTimeout => "a per-call timeout",
            Feature::Tcp => "wx.createTCPSocket",
        }
    }
}

/// `2.10.0` (missing parts are 0; anything else is not a version).
pub fn parse_version(text: &str) -> Option<(u32, u32, u32)> {
    let mut parts = text.trim().split('.').map(|part| part.parse::<u32>().ok());
    let major = parts.next()??;
    let minor = parts.next().unwrap_or(Some(0))?;
    let patch = parts.next().unwrap_or(Some(0))?;
    parts.next().is_none().then_some((major, minor, patch))
}

/// One finding per feature (the first use of each, `used` in code order) that
/// `libVersion` is below. `used` gives where each use is (`pages/a.js:3:5`).
#[cfg(any(test, feature = "project"))]
pub fn check(lib_version: &crate::lint::json::Node, used: &[(Feature, String)]) -> Vec<crate::lint::Diagnostic> {
    use crate::lint::{Diagnostic, Severity};
    let Some(version) = lib_version.as_str().and_then(parse_version) else {
        return Vec::new();
    };
    let mut reported: Vec<Feature> = Vec::new();
    let mut out = Vec::new();
    for (feature, at) in used {
        if version >= feature.since() || reported.contains(feature) {
            continue;
        }
        reported.push(*feature);
        let (major, minor, patch) = feature.since();
        let message = format!(
            "libVersion is {}, but the code uses {} ({at}), which needs base library {major}.{minor}.{patch}",
            crate::error::quote(lib_version.as_str().unwrap_or_default()),
            feature.describe()
        );
        let help = format!(
            "raise libVersion to {major}.{minor}.{patch} or later (and the minimum base library in the console)"
        );
        out.push(Diagnostic::new(RULE.code, Severity::Warning, message).with_help(help).with_span(lib_version.span));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::json::Syntax;
    use crate::lint::tester::Tester;

    fn lint(text: &str) -> Vec<crate::lint::Diagnostic> {
        let used = [
            (Feature::CallTimeout, "pages/index/index.js:3:5".to_string()),
            (Feature::Lan, "utils/lan.js:1:1".to_string()),
            (Feature::CallTimeout, "app.js:9:1".to_string()),
        ];
        super::super::test_support::on_root(text, Syntax::Json, |root| {
            root.get("libVersion").map(|v| check(v, &used)).unwrap_or_default()
        })
    }

    #[test]
    fn rule_12_lib_version() {
        Tester::new(&RULE, "project.config.json", lint)
            .pass([r#"{"libVersion": "2.10.0"}"#, r#"{"libVersion": "3.4.1"}"#, r#"{"libVersion": "latest"}"#, "{}"])
            .fail(["{\n  \"libVersion\": \"2.9.4\"\n}\n", r#"{"libVersion": "2.3"}"#])
            .alone()
            .test_and_snapshot();
    }

    #[test]
    fn rule_12_versions_compare_by_number_not_text() {
        assert_eq!(parse_version("2.10.0"), Some((2, 10, 0)));
        assert!(parse_version("2.9.9") < parse_version("2.10.0"));
        assert_eq!(parse_version("2"), Some((2, 0, 0)));
        assert_eq!(parse_version("2.x"), None);
        assert_eq!(parse_version("1.2.3.4"), None);
    }
}
