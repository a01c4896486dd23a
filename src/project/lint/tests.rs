use super::*;
use proptest::prelude::*;

fn project(files: &[(&str, &str)]) -> Vec<(String, String)> {
    files.iter().map(|(path, text)| (path.to_string(), text.to_string())).collect()
}

fn lint(files: &[(&str, &str)]) -> Report {
    lint_project(&project(files), &Options::default()).unwrap()
}

/// (file, line, column, code) of each finding.
fn at(report: &Report) -> Vec<(String, u32, u32, &'static str)> {
    report.diagnostics.iter().map(|d| (d.file.clone(), d.line, d.column, d.code)).collect()
}

fn f(file: &str, line: u32, column: u32, code: &'static str) -> (String, u32, u32, &'static str) {
    (file.to_string(), line, column, code)
}

const DOMAINS: &str = "{\n  \"requestdomain\": [\"https://api.example.com\", \"http://例え.jp/api\"]\n}\n";

#[test]
fn rule_12_a_native_project_reports_each_config_problem_at_its_line_and_column() {
    let report = lint(&[
        (
            "project.config.json",
            "{\n  \"appid\": \"wx123\",\n  \"miniprogramRoot\": \"miniprogram/\",\n  \"setting\": { \"urlCheck\": false }\n}\n",
        ),
        ("project.private.config.json", "{ \"setting\": { \"urlCheck\": false } }"),
        ("miniprogram/app.json", "{\n  \"networkTimeout\": { \"requst\": 5000, \"uploadFile\": 90000 }\n}\n"),
        ("app.json", "{ \"networkTimeout\": 1 }"),
        ("wxnet.config.json", "{ \"domains\": \"domains.json\" }"),
        ("domains.json", DOMAINS),
    ]);
    assert_eq!(
        at(&report),
        [
            f("domains.json", 2, 3, "wxnet/domain-icp"),
            f("domains.json", 2, 48, "wxnet/domain-path"),
            f("domains.json", 2, 48, "wxnet/domain-scheme"),
            f("miniprogram/app.json", 2, 23, "wxnet/network-timeout"),
            f("miniprogram/app.json", 2, 53, "wxnet/network-timeout"),
            f("project.config.json", 2, 12, "wxnet/appid"),
            f("project.config.json", 4, 28, "wxnet/url-check-off"),
            f("project.private.config.json", 1, 28, "wxnet/url-check-off"),
        ],
        "app.json outside miniprogramRoot is not the app config"
    );
    let private = &report.diagnostics[7];
    assert_eq!((private.severity, private.end_column), (Severity::Info, 33));
    assert_eq!(report.summary, crate::project::Summary { files: 5, errors: 3, warnings: 3, infos: 2 });
}

#[test]
fn rule_12_malformed_json_is_one_error_at_the_exact_position_and_the_rest_is_linted() {
    let report = lint(&[
        ("project.config.json", "{\n  \"appid\": \"wx0123456789abcdef\",\n}\n"),
        ("app.json", "{\"networkTimeout\": {\"request\": 0}}"),
    ]);
    assert_eq!(
        at(&report),
        [
            f("app.json", 1, 32, "wxnet/network-timeout"),
            f("project.config.json", 1, 1, "wxnet/no-domains"),
            f("project.config.json", 3, 1, "wxnet/json-syntax"),
        ]
    );
}

#[test]
fn rule_12_without_a_list_membership_is_not_judged_and_one_info_says_so() {
    let report = lint(&[("project.config.json", "{\"appid\": \"touristappid\"}")]);
    assert_eq!(at(&report), [f("project.config.json", 1, 1, "wxnet/no-domains")]);
    assert_eq!(report.diagnostics[0].severity, Severity::Info);
    let report = lint(&[("a.js", "")]);
    assert_eq!(at(&report), [f(".", 1, 1, "wxnet/no-domains")]);
}

#[test]
fn rule_12_uni_app_manifest_is_json_with_comments() {
    let manifest = "{\n  // uni-app\n  \"networkTimeout\": { \"request\": -1 },\n  \"mp-weixin\": { \"appid\": \"wx1\", \"setting\": { \"urlCheck\": false } },\n}\n";
    let report = lint(&[("manifest.json", manifest), ("pages.json", "{}")]);
    let codes: Vec<_> = at(&report).into_iter().map(|(file, line, _, code)| (file, line, code)).collect();
    assert_eq!(
        codes,
        [
            ("manifest.json".into(), 1, "wxnet/no-domains"),
            ("manifest.json".into(), 3, "wxnet/network-timeout"),
            ("manifest.json".into(), 4, "wxnet/appid"),
            ("manifest.json".into(), 4, "wxnet/url-check-off"),
        ]
        .map(|(a, b, c): (String, u32, &str)| (a, b, c))
    );
}

#[test]
fn rule_12_wxnet_config_sets_severities_and_holds_the_list_inline_or_by_path() {
    let config = "{\n  \"rules\": { \"wxnet/domain-icp\": \"off\", \"wxnet/appid\": \"warn\" },\n  \"domains\": { \"requestdomain\": [\"https://a.com/x\"] }\n}\n";
    let report = lint(&[("wxnet.config.json", config), ("project.config.json", "{\"appid\": \"x\"}")]);
    assert_eq!(
        at(&report),
        [f("project.config.json", 1, 11, "wxnet/appid"), f("wxnet.config.json", 3, 34, "wxnet/domain-path")]
    );
    assert_eq!(report.diagnostics[0].severity, Severity::Warning);

    let report = lint(&[("wxnet.config.json", "{\"domains\": \"missing.json\"}")]);
    assert_eq!(at(&report), [f("wxnet.config.json", 1, 13, "wxnet/lint-config")]);
}

#[test]
fn rule_12_given_files_are_named_as_given_and_lan_must_be_an_address() {
    let options = Options {
        domains: Some(Given {
            file: "../lists/domains.json".into(),
            text: "{\"requestdomain\": [\"http://a.com\"]}".into(),
        }),
        config: Some(Given {
            file: "ci/wxnet.json".into(),
            text: "{\"rules\": {\"wxnet/domain-icp\": \"off\"}}".into(),
        }),
        ..Options::default()
    };
    let report = lint_project(&project(&[]), &options).unwrap();
    assert_eq!(at(&report), [f("../lists/domains.json", 1, 20, "wxnet/domain-scheme")]);
    let bad = Options { lan: Some("192.168.1.300".into()), ..Options::default() };
    assert_eq!(lint_project(&[], &bad).unwrap_err().code, crate::error::ErrorCode::ArgLan);
}

#[test]
fn rule_12_the_json_shape_is_the_documented_one() {
    let report = lint(&[("app.json", "{\"networkTimeout\": {\"例\": 1}}")]);
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(
        json["diagnostics"][1],
        serde_json::json!({
            "file": "app.json", "line": 1, "column": 21, "endLine": 1, "endColumn": 24,
            "code": "wxnet/network-timeout", "severity": "warning",
            "message": "networkTimeout has \"例\"; the client reads only request, connectSocket, uploadFile and downloadFile and ignores it"
        })
    );
    assert_eq!(json["summary"], serde_json::json!({ "files": 1, "errors": 0, "warnings": 1, "infos": 1 }));
}

#[test]
fn rule_12_deeply_nested_and_huge_files_never_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let report = lint(&[("project.config.json", &deep), ("app.json", "\u{0}\u{1}binary")]);
    assert_eq!(
        at(&report),
        [
            f("app.json", 1, 1, "wxnet/json-syntax"),
            f("project.config.json", 1, 1, "wxnet/no-domains"),
            f("project.config.json", 1, 257, "wxnet/json-syntax"),
        ]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn any_project_is_linted_without_a_panic(
        files in proptest::collection::vec((
            prop_oneof![
                Just("project.config.json".to_string()), Just("project.private.config.json".to_string()),
                Just("app.json".to_string()), Just("manifest.json".to_string()), Just("pages.json".to_string()),
                Just("wxnet.config.json".to_string()), Just("domains.json".to_string()), Just(".gitignore".to_string()),
                "[a-z./\\\\]{0,12}",
            ],
            prop_oneof![
                any::<String>(),
                "\\{(\"(appid|setting|urlCheck|networkTimeout|request|domains|rules|miniprogramRoot|lan|ignore)\": ?(\"[a-z0-9./]{0,8}\"|[0-9]{1,6}|false|\\{|\\[)[,}\\] ]{0,3}){0,6}",
            ],
        ), 0..8)
    ) {
        let report = lint_project(&files, &Options::default()).unwrap();
        for d in report.diagnostics {
            prop_assert!(d.line >= 1 && d.column >= 1);
        }
    }
}

#[test]
fn rule_13_the_code_under_the_mini_program_root_is_scanned_with_the_project_list() {
    let report = lint(&[
        ("project.config.json", "{\"miniprogramRoot\": \"miniprogram/\", \"libVersion\": \"2.9.0\"}"),
        ("wxnet.config.json", "{\"domains\": {\"requestdomain\": [\"https://api.example.com\"]}, \"rules\": {\"wxnet/domain-icp\": \"off\"}}"),
        ("miniprogram/utils/api.js", "export const BASE = 'https://other.example.org'\n"),
        ("miniprogram/pages/a.js", "import { BASE } from '../utils/api'\nwx.request({ url: BASE + '/x', timeout: 5000 })\n"),
        ("miniprogram/node_modules/x/index.js", "wx.request({ url: 'http://n.com' })"),
        ("miniprogram/miniprogram_npm/x/index.js", "wx.request({ url: 'http://m.com' })"),
        ("cloud/index.js", "wx.request({ url: 'http://c.com' })"),
    ]);
    let found: Vec<_> =
        report.diagnostics.iter().map(|d| (d.file.as_str(), d.line, d.code, d.url.as_deref(), d.api)).collect();
    assert_eq!(
        found,
        [
            ("miniprogram/miniprogram_npm/x/index.js", 1, "wxnet/url-insecure", Some("http://m.com"), Some("request")),
            (
                "miniprogram/utils/api.js",
                1,
                "wxnet/url-not-listed",
                Some("https://other.example.org/x"),
                Some("request")
            ),
            ("project.config.json", 1, "wxnet/lib-version", None, None),
        ]
    );
    assert!(
        report.diagnostics[1].message.contains("used by wx.request at miniprogram/pages/a.js:2:1"),
        "{}",
        report.diagnostics[1].message
    );
    assert_eq!(report.summary.files, 5);
}

#[test]
fn rule_13_gitignore_and_ignore_globs_leave_files_out() {
    let report = lint(&[
        (".gitignore", "dist/\n"),
        ("wxnet.config.json", "{\"ignore\": [\"**/*.min.js\"]}"),
        ("dist/a.js", "wx.request({ url: 'http://a.com' })"),
        ("lib/b.min.js", "wx.request({ url: 'http://b.com' })"),
        ("lib/c.js", "wx.request({ url: 'http://c.com' })"),
    ]);
    let urls: Vec<_> = report.diagnostics.iter().filter_map(|d| d.url.as_deref()).collect();
    assert_eq!(urls, ["http://c.com"]);
}

#[test]
fn rule_12_a_taro_project_reports_network_timeout_in_src_app_config() {
    let report = lint(&[
        ("project.config.json", "{ \"miniprogramRoot\": \"dist/\" }"),
        (
            "src/app.config.ts",
            "export default defineAppConfig({\n  pages: ['pages/index/index'],\n  networkTimeout: { requst: 5000, request: 90000 },\n})\n",
        ),
        ("src/pages/index/index.tsx", "import Taro from '@tarojs/taro'\nTaro.request({ url: 'http://api.example.com/a' })\n"),
    ]);
    let timeouts: Vec<_> = at(&report).into_iter().filter(|(_, _, _, code)| *code == "wxnet/network-timeout").collect();
    assert_eq!(
        timeouts,
        [
            f("src/app.config.ts", 3, 21, "wxnet/network-timeout"),
            f("src/app.config.ts", 3, 44, "wxnet/network-timeout")
        ]
    );
    assert!(at(&report).contains(&f("src/pages/index/index.tsx", 2, 21, "wxnet/url-insecure")), "{:?}", at(&report));
}
