//! The build plugin's per-module check through `lint_project` (RULES.md §13):
//! `focus` checks one file's calls, `needs` names the modules its URLs come
//! from, `rules` overrides severities, `wrappers` are checked like `wx.request`.

use super::{lint_project, Options, Report, Wrapper};
use crate::api::Api;
use crate::lint::Severity;

const CONFIG: &str =
    r#"{"domains": {"requestdomain": ["https://api.example.com"]}, "rules": {"wxnet/domain-icp": "off"}}"#;

fn files(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(path, text)| (path.to_string(), text.to_string())).collect()
}

fn lint(list: &[(&str, &str)], options: Options) -> Report {
    lint_project(&files(list), &options).unwrap()
}

fn codes(report: &Report) -> Vec<(String, u32, u32, &'static str)> {
    report.diagnostics.iter().map(|d| (d.file.clone(), d.line, d.column, d.code)).collect()
}

fn focus(file: &str) -> Options {
    Options { focus: Some(file.into()), ..Options::default() }
}

#[test]
fn rule_13_focus_checks_only_that_files_calls_and_reports_no_config_finding() {
    let list = [
        ("wxnet.config.json", CONFIG),
        ("project.config.json", r#"{"appid": "wx123"}"#),
        ("src/a.js", "wx.request({ url: 'http://a.example.com/x' })"),
        ("src/b.js", "wx.request({ url: 'http://b.example.com/x' })"),
    ];
    let report = lint(&list, focus("./src/a.js"));
    assert_eq!(codes(&report), [("src/a.js".into(), 1, 19, "wxnet/url-insecure")]);
    let whole = lint(&list, Options::default());
    assert!(codes(&whole).iter().any(|(file, ..)| file == "project.config.json"));
    assert_eq!(lint(&list, focus("src/missing.js")).diagnostics, []);
}

#[test]
fn rule_13_focus_names_the_modules_a_url_is_imported_from_and_uses_them_once_given() {
    let http = "import { BASE } from '../config'\nwx.request({ url: BASE + '/user' })\n";
    let report = lint(&[("wxnet.config.json", CONFIG), ("src/api/http.js", http)], focus("src/api/http.js"));
    assert_eq!(report.diagnostics, []);
    assert_eq!(report.needs.len(), 1);
    assert_eq!(report.needs[0][..3], ["src/config", "src/config.js", "src/config.ts"]);
    let whole = lint(&[("wxnet.config.json", CONFIG), ("src/api/http.js", http)], Options::default());
    assert_eq!(whole.needs, Vec::<Vec<String>>::new(), "a whole project has every file it has");

    let config = "export const BASE = 'https://other.example.org'\nwx.request({ url: 'http://x.example.com' })\n";
    let list = [("wxnet.config.json", CONFIG), ("src/api/http.js", http), ("src/config.js", config)];
    let report = lint(&list, focus("src/api/http.js"));
    assert_eq!(report.needs, Vec::<Vec<String>>::new());
    assert_eq!(codes(&report), [("src/config.js".into(), 1, 21, "wxnet/url-not-listed")], "where the URL is written");
    assert!(report.diagnostics[0].message.contains("(used by wx.request at src/api/http.js:2:1)"));
}

#[test]
fn rule_13_rules_given_override_the_config_and_bad_ones_are_arg_type() {
    let list = [("wxnet.config.json", CONFIG), ("a.js", "wx.request({ url: 'https://other.example.org' })")];
    let rules = Some(r#"{"wxnet/url-not-listed": "warn"}"#.to_string());
    let report = lint(&list, Options { rules, ..Options::default() });
    assert_eq!(report.diagnostics[0].severity, Severity::Warning);
    let off = Some(r#"{"wxnet/url-not-listed": "off"}"#.to_string());
    assert_eq!(lint(&list, Options { rules: off, ..Options::default() }).diagnostics, []);
    let bad = Options { rules: Some(r#"{"url-not-listd": "warn"}"#.into()), ..Options::default() };
    let error = lint_project(&files(&list), &bad).unwrap_err();
    assert_eq!(error.code, crate::error::ErrorCode::ArgType);
    assert!(error.message.starts_with("options.rules: \"url-not-listd\" is not a wxnet rule"), "{}", error.message);
}

#[test]
fn rule_13_a_wrapper_is_checked_like_the_api_it_calls_and_its_paths_are_left_to_it() {
    let code = "http.get('http://a.example.com/x')\nhttp.get('/user')\nthis.$http.upload({ url: 'https://203.0.113.5/p', method: 'PATCH' })\nother.get('http://b.example.com')\n";
    let wrappers = vec![
        Wrapper { name: "http.get".into(), api: Api::Request },
        Wrapper { name: "this.$http.upload".into(), api: Api::UploadFile },
    ];
    let report = lint(&[("wxnet.config.json", CONFIG), ("a.js", code)], Options { wrappers, ..Options::default() });
    assert_eq!(
        codes(&report),
        [("a.js".into(), 1, 10, "wxnet/url-insecure"), ("a.js".into(), 3, 26, "wxnet/url-ip")],
        "method is only checked for request"
    );
    assert!(report.diagnostics[0].message.starts_with("http.get to \"http://a.example.com/x\""));
    assert_eq!(report.diagnostics[1].api, Some("uploadFile"));
}
