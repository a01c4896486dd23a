use super::test_support::{policy, PATH};
use super::*;

fn scan_files(files: &[(&str, &str)]) -> Vec<(String, u32, u32, &'static str, Option<String>)> {
    let policy = policy();
    let scanned = scan(files, "", Context { policy: Some(&policy), ..Default::default() });
    let mut out: Vec<_> = scanned
        .findings
        .iter()
        .map(|f| {
            let p = LineIndex::new(files[f.file].1).position(f.diagnostic.span.unwrap().start as usize);
            (files[f.file].0.to_string(), p.line, p.column, f.diagnostic.code, f.url.clone())
        })
        .collect();
    out.sort();
    out
}

fn one(
    file: &str,
    line: u32,
    column: u32,
    code: &'static str,
    url: &str,
) -> (String, u32, u32, &'static str, Option<String>) {
    (file.to_string(), line, column, code, Some(url.to_string()))
}

#[test]
fn rule_13_urls_are_resolved_through_constants_objects_imports_and_require() {
    let config = "export const BASE = 'http://api.example.com'\nexport default { cdn: 'https://cdn.example.org' }\n";
    let common = "module.exports = { host: 'https://203.0.113.5' }\n";
    let page = "import { BASE } from '../../utils/config'\nimport config from '../../utils/config.js'\nconst { host } = require('../../utils/common')\nconst api = { user: BASE + '/user' }\nwx.request({ url: api.user })\nwx.downloadFile({ url: `${config.cdn}/a.png` })\nwx.request({ url: require('../../utils/common').host + '/x' })\nwx.request({ url: host })\n";
    let found = scan_files(&[("utils/config.js", config), ("utils/common.js", common), (PATH, page)]);
    assert_eq!(
        found,
        [
            one("utils/common.js", 1, 26, "wxnet/url-ip", "https://203.0.113.5/x"),
            one("utils/config.js", 1, 21, "wxnet/url-insecure", "http://api.example.com/user"),
            one("utils/config.js", 2, 23, "wxnet/url-not-listed", "https://cdn.example.org/a.png"),
        ],
        "a destructured require is not followed (never guessed)"
    );
}

#[test]
fn rule_13_get_app_global_data_is_read_from_app_js() {
    let app = "App({ globalData: { api: 'https://other.example.org' } })\n";
    let page = "const app = getApp()\nwx.request({ url: getApp().globalData.api + '/x' })\nwx.request({ url: app.globalData.api + '/y' })\n";
    let found = scan_files(&[("app.js", app), (PATH, page)]);
    assert_eq!(
        found,
        [
            one("app.js", 1, 26, "wxnet/url-not-listed", "https://other.example.org/x"),
            one("app.js", 1, 26, "wxnet/url-not-listed", "https://other.example.org/y"),
        ]
    );
}

#[test]
fn rule_13_reassigned_or_shadowed_names_and_unknown_prefixes_are_never_guessed() {
    let page = "let a = 'http://x.com'\na = 'https://api.example.com'\nwx.request({ url: a })\nconst b = 'http://y.com'\nfunction f(b) { wx.request({ url: b }) }\nwx.request({ url: 'https://' + host + '/x' })\nwx.request({ url: 'https://api' })\n";
    assert_eq!(scan_files(&[(PATH, page)]), [one(PATH, 7, 19, "wxnet/url-not-listed", "https://api")]);
}

#[test]
fn rule_13_other_platform_code_is_skipped() {
    let page = "// #ifdef H5\nwx.request({ url: '/api/a' })\n// #endif\n// #ifdef MP-WEIXIN\nuni.request({ url: '/api/b' })\n// #endif\nif (process.env.TARO_ENV === 'h5') { Taro.request({ url: '/api/c' }) } else { Taro.request({ url: '/api/d' }) }\n";
    let found: Vec<_> = scan_files(&[(PATH, page)]).into_iter().map(|f| f.4.unwrap()).collect();
    assert_eq!(found, ["/api/b", "/api/d"]);
}

#[test]
fn rule_13_url_shaped_strings_that_are_not_network_calls_are_not_findings() {
    let page = "const img = 'http://203.0.113.5/a.png'\nwx.setStorageSync('http://localhost', 1)\nwx.navigateTo({ url: '/pages/a/a' })\nwx.previewImage({ urls: ['http://x.com/a.png'] })\n";
    assert_eq!(scan_files(&[(PATH, page)]), []);
}

#[test]
fn rule_13_call_shapes_taro_uni_computed_and_imported() {
    let page = "import { request as r } from '@tarojs/taro'\nTaro.request('http://a.com/x')\nTaro.default.uploadFile({ url: 'http://a.com/u' })\nuni['downloadFile']({ url: 'http://a.com/d' })\nr({ url: 'http://a.com/r' })\nwx.connectSocket({ url: 'ws://a.com/s' })\n";
    let found: Vec<_> = scan_files(&[(PATH, page)]).into_iter().map(|f| (f.1, f.3)).collect();
    assert_eq!(found.len(), 5, "{found:?}");
    assert!(found.iter().all(|(_, code)| *code == "wxnet/url-insecure"));
}

#[test]
fn rule_13_vue_scripts_and_typescript_are_scanned_at_their_file_positions() {
    let vue = "<template><view/></template>\n<script setup lang=\"ts\">\nconst u: string = 'http://a.com'\nuni.request({ url: u as string })\n</script>\n";
    assert_eq!(scan_files(&[("pages/a.vue", vue)]), [one("pages/a.vue", 3, 19, "wxnet/url-insecure", "http://a.com")]);
}

#[test]
fn rule_13_suppression_comments_silence_findings() {
    let page = "// wxnet-disable-next-line url-insecure\nwx.request({ url: 'http://a.com' })\nwx.request({ url: 'http://b.com' }) // wxnet-disable-line\n/* wxnet-disable */\nwx.request({ url: 'http://c.com' })\n/* wxnet-enable */\nwx.request({ url: 'http://d.com' })\n";
    let found: Vec<_> = scan_files(&[(PATH, page)]).into_iter().map(|f| f.4.unwrap()).collect();
    assert_eq!(found, ["http://d.com"]);
}

#[test]
fn rule_13_bad_input_never_crashes() {
    let deep = format!("x = {}{}", "[".repeat(50_000), "]".repeat(50_000));
    let found = scan_files(&[
        ("deep.js", &deep),
        ("bad.js", "wx.request({ url: 'http://a.com'"),
        ("ok.js", "wx.request({ url: 'http://b.com' })"),
    ]);
    let codes: Vec<_> = found.iter().map(|f| (f.0.as_str(), f.3)).collect();
    assert_eq!(codes, [("bad.js", "wxnet/js-syntax"), ("deep.js", "wxnet/js-syntax"), ("ok.js", "wxnet/url-insecure")]);
    let minified = format!("{}wx.request({{url:\"http://a.com\"}});", "var a=1;".repeat(1_300_000));
    let found = scan_files(&[("min.js", &minified)]);
    assert_eq!((found[0].1, found[0].2), (1, 10_400_017), "columns on line 1 of a 10 MB file");
    let _ = scan_files(&[("a.js", "\u{FFFD}\u{0}\u{1}"), ("b.vue", "<script>"), ("c.ts", "")]);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    #[test]
    fn any_text_is_scanned_without_a_panic(text in "\\PC{0,200}|(wx\\.request\\(\\{ ?url: ?['`\"][a-z:/.$\\{\\}]{0,20}['`\"]? ?[,+]? ?\\}?\\)?;?\\n?){0,4}") {
        let _ = scan_files(&[(PATH, &text), ("a.vue", &text), ("b.ts", &text)]);
    }

    #[test]
    fn any_taro_app_config_or_socket_call_is_read_without_a_panic(text in "\\PC{0,200}|(export default (defineAppConfig\\()?\\{ ?networkTimeout: ?\\{ ?request: ?-?[0-9_.ex]{0,8},? ?\\}?\\)?\\n?){0,3}|(const t = wx\\.createTCPSocket\\(\\)\\n?t\\.connect\\(\\{ ?address: ?['\"][a-z0-9.]{0,12}['\"]?, ?port: ?[0-9.e-]{0,6} ?\\}?\\)?\\n?){0,3}") {
        let _ = crate::scan::app_config::read("src/app.config.ts", &text);
        let _ = scan_files(&[(PATH, &text)]);
    }
}
