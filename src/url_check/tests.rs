//! Rule tests for URL checks, named after RULES.md sections.

use super::*;
use crate::domains::RawDomains;
use proptest::prelude::*;

fn policy() -> Policy {
    Policy::compile(&RawDomains::from_lists(&[
        ("requestdomain", &["https://a.com", "https://b.com:8443", "https://例え.jp", "https://up.a.com:443"]),
        ("uploaddomain", &["https://up.a.com"]),
        ("downloaddomain", &["https://dl.a.com"]),
        ("wsrequestdomain", &["wss://ws.a.com", "wss://ws2.a.com:9000"]),
    ]))
}

fn opts(policy: &Policy) -> Options<'_> {
    Options { policy, url_check: true, lan: None, wss_port_check: false }
}

fn reason_with(api: Api, url: &str, options: &Options) -> &'static str {
    check(api, url, options).reason.name()
}

fn reason(api: Api, url: &str) -> &'static str {
    let p = policy();
    reason_with(api, url, &opts(&p))
}

fn table(api: Api, cases: &[(&str, &str)]) {
    let p = policy();
    let o = opts(&p);
    for (url, expected) in cases {
        assert_eq!(reason_with(api, url, &o), *expected, "{} {url:?}", api.name());
    }
}

#[test]
fn rule_1_listed_host_passes_and_path_query_fragment_are_ignored() {
    table(
        Api::Request,
        &[("https://a.com", "listed"), ("https://a.com/x/y?q=1#f", "listed"), ("https://b.com:8443/api", "listed")],
    );
}

#[test]
fn rule_1_scheme_and_host_compare_case_insensitively() {
    table(Api::Request, &[("HTTPS://A.COM/", "listed"), ("https://A.com", "listed")]);
}

#[test]
fn rule_1_each_host_is_listed_exactly_no_parent_cover() {
    table(
        Api::Request,
        &[
            ("https://x.a.com/", "not-listed"),
            ("https://a.com.evil.com/", "not-listed"),
            ("https://aa.com/", "not-listed"),
        ],
    );
}

#[test]
fn rule_1_lists_are_per_api() {
    assert_eq!(reason(Api::UploadFile, "https://up.a.com/"), "listed");
    assert_eq!(reason(Api::UploadFile, "https://a.com/"), "not-listed");
    assert_eq!(reason(Api::DownloadFile, "https://dl.a.com/"), "listed");
    assert_eq!(reason(Api::Request, "https://dl.a.com/"), "not-listed");
}

#[test]
fn rule_1_port_must_match_as_written() {
    table(
        Api::Request,
        &[
            ("https://a.com:443/", "port"),
            ("https://a.com:8443/", "port"),
            ("https://b.com:8443/", "listed"),
            ("https://b.com/", "port"),
            ("https://b.com:443/", "port"),
            ("https://up.a.com:443/", "listed"),
            ("https://up.a.com/", "port"),
            ("https://a.com:/", "listed"),
        ],
    );
}

#[test]
fn rule_1_wss_port_is_not_checked_unless_asked() {
    let p = policy();
    let mut o = opts(&p);
    assert_eq!(reason_with(Api::ConnectSocket, "wss://ws.a.com:1234/", &o), "listed");
    assert_eq!(reason_with(Api::ConnectSocket, "wss://ws2.a.com/", &o), "listed");
    o.wss_port_check = true;
    assert_eq!(reason_with(Api::ConnectSocket, "wss://ws.a.com:1234/", &o), "port");
    assert_eq!(reason_with(Api::ConnectSocket, "wss://ws2.a.com:9000/", &o), "listed");
}

#[test]
fn rule_1_https_and_wss_are_required() {
    table(
        Api::Request,
        &[("http://a.com/", "insecure"), ("wss://a.com/", "invalid-url"), ("ftp://a.com/", "invalid-url")],
    );
    table(Api::ConnectSocket, &[("ws://ws.a.com/", "insecure"), ("https://ws.a.com/", "invalid-url")]);
}

#[test]
fn rule_1_no_ip_and_no_localhost() {
    table(
        Api::Request,
        &[
            ("https://localhost/", "localhost"),
            ("https://LOCALHOST./", "localhost"),
            ("https://api.localhost:3000/", "localhost"),
            ("http://localhost/", "localhost"),
            ("https://127.0.0.1/", "localhost"),
            ("https://127.255.0.9/", "localhost"),
            ("https://0x7f.1/", "localhost"),
            ("https://2130706433/", "localhost"),
            ("https://0177.0.0.1/", "localhost"),
            ("https://[::1]/", "localhost"),
            ("https://[::ffff:127.0.0.1]/", "localhost"),
            ("https://0.0.0.0/", "localhost"),
            ("https://[::]/", "localhost"),
            ("https://8.8.8.8/", "ip"),
            ("https://[2001:db8::1]/", "ip"),
            ("https://localhost.com/", "not-listed"),
        ],
    );
}

#[test]
fn rule_1_api_weixin_qq_com_is_never_allowed() {
    table(
        Api::Request,
        &[
            ("https://api.weixin.qq.com/sns/jscode2session", "forbidden-host"),
            ("https://API.WEIXIN.QQ.COM./", "forbidden-host"),
            ("http://api.weixin.qq.com/", "forbidden-host"),
        ],
    );
}

#[test]
fn rule_1_idn_hosts_normalise_before_matching() {
    table(
        Api::Request,
        &[
            ("https://例え.jp/", "listed"),
            ("https://xn--r8jz45g.jp/", "listed"),
            ("https://例え．jp/", "listed"),
            ("https://%E4%BE%8B%E3%81%88.jp/", "listed"),
            ("https://ａ.com/", "listed"),
        ],
    );
}

#[test]
fn rule_1_userinfo_and_backslash_tricks_resolve_like_a_browser() {
    table(
        Api::Request,
        &[
            ("https://a.com@evil.com/", "not-listed"),
            ("https://evil.com@a.com/", "listed"),
            ("https://evil.com:pw@a.com/", "listed"),
            ("https://a.com\\@evil.com/", "listed"),
            ("https:\\\\a.com\\x", "listed"),
            ("https:a.com", "listed"),
            ("https://evil.com#@a.com", "not-listed"),
            ("https://evil.com?@a.com", "not-listed"),
            ("  https://a.com/\n", "listed"),
            ("https://a\t.com/", "listed"),
            ("https://a.com%2F@evil.com/", "not-listed"),
        ],
    );
}

#[test]
fn rule_1_a_single_trailing_dot_is_ignored() {
    table(Api::Request, &[("https://a.com./", "listed"), ("https://a.com../", "not-listed")]);
}

#[test]
fn rule_1_unparseable_urls_are_invalid() {
    table(
        Api::Request,
        &[
            ("", "invalid-url"),
            ("a.com", "invalid-url"),
            ("/path", "invalid-url"),
            ("https://", "invalid-url"),
            ("https://a b.com/", "invalid-url"),
            ("https://a.com:65536/", "invalid-url"),
            ("https://a.com:x/", "invalid-url"),
            ("https://[::1/", "invalid-url"),
            ("https://256.0.0.1/", "invalid-url"),
            ("javascript:alert(1)", "invalid-url"),
        ],
    );
}

#[test]
fn rule_2_lan_peer_in_subnet_is_allowed_over_http_and_ws() {
    let p = Policy::default();
    let lan = Lan::parse("192.168.1.10", None).unwrap();
    let o = Options { policy: &p, url_check: true, lan: Some(lan), wss_port_check: false };
    assert_eq!(reason_with(Api::Request, "http://192.168.1.20:8080/", &o), "lan");
    assert_eq!(reason_with(Api::Request, "https://192.168.1.20/", &o), "lan");
    assert_eq!(reason_with(Api::ConnectSocket, "ws://192.168.1.20/", &o), "lan");
    assert_eq!(reason_with(Api::UploadFile, "http://0xc0.0xa8.1.20/", &o), "lan", "any IPv4 spelling");
    assert_eq!(reason_with(Api::Request, "http://192.168.2.20/", &o), "ip", "other subnet");
}

#[test]
fn rule_2_lan_own_ip_and_loopback_fail() {
    let p = Policy::default();
    let lan = Lan::parse("192.168.1.10/24", None).unwrap();
    let o = Options { policy: &p, url_check: true, lan: Some(lan), wss_port_check: false };
    assert_eq!(reason_with(Api::Request, "http://192.168.1.10/", &o), "self-ip");
    assert_eq!(reason_with(Api::Request, "http://127.0.0.1/", &o), "localhost");
}

#[test]
fn rule_2_lan_netmask_defaults_to_24_bits_and_accepts_cidr() {
    let default = Lan::parse("10.0.5.1", None).unwrap();
    assert!(default.contains(Ipv4Addr::new(10, 0, 5, 200)));
    assert!(!default.contains(Ipv4Addr::new(10, 0, 6, 1)));
    let wide = Lan::parse("10.0.5.1", Some("255.255.0.0")).unwrap();
    assert!(wide.contains(Ipv4Addr::new(10, 0, 6, 1)));
    let cidr = Lan::parse("10.0.5.1/16", None).unwrap();
    assert_eq!((cidr.ip(), cidr.prefix()), (Ipv4Addr::new(10, 0, 5, 1), 16));
    for (ip, mask) in [
        ("10.0.5", None),
        ("::1", None),
        ("10.0.5.1/33", None),
        ("10.0.5.1/24", Some("255.0.0.0")),
        ("10.0.5.1", Some("255.0.255.0")),
    ] {
        assert_eq!(Lan::parse(ip, mask).unwrap_err().code, "arg/lan", "{ip} {mask:?}");
    }
}

#[test]
fn rule_2_only_ipv4_counts_for_lan() {
    let p = Policy::default();
    let lan = Lan::parse("192.168.1.10", None).unwrap();
    let o = Options { policy: &p, url_check: true, lan: Some(lan), wss_port_check: false };
    assert_eq!(reason_with(Api::Request, "http://[::ffff:192.168.1.20]/", &o), "ip");
}

#[test]
fn rule_3_url_check_false_accepts_every_parseable_url_of_the_api() {
    let p = Policy::default();
    let o = Options { policy: &p, url_check: false, lan: None, wss_port_check: false };
    for url in ["http://localhost:3000/", "https://8.8.8.8/", "https://anything.com/", "https://api.weixin.qq.com/"] {
        assert_eq!(reason_with(Api::Request, url, &o), "unchecked", "{url}");
    }
    assert_eq!(reason_with(Api::Request, "ftp://a.com/", &o), "invalid-url");
    assert_eq!(reason_with(Api::ConnectSocket, "https://a.com/", &o), "invalid-url");
    assert_eq!(reason_with(Api::Request, "nope", &o), "invalid-url");
}

#[test]
fn rule_3_private_config_overrides_project_config() {
    assert!(resolve_url_check(None, None));
    assert!(!resolve_url_check(Some(false), None));
    assert!(resolve_url_check(Some(false), Some(true)));
    assert!(!resolve_url_check(Some(true), Some(false)));
}

#[test]
fn rule_7_verdict_messages() {
    let url = "ftp://a.com";
    assert_eq!(Reason::InvalidUrl.message(Api::Request, url).err_msg, "request:fail invalid url \"ftp://a.com\"");
    assert_eq!(Reason::InvalidUrl.message(Api::Request, url).errno, Some(600009));
    for reason in [
        Reason::Insecure,
        Reason::Localhost,
        Reason::SelfIp,
        Reason::Ip,
        Reason::ForbiddenHost,
        Reason::NotListed,
        Reason::Port,
    ] {
        let m = reason.message(Api::UploadFile, url);
        assert_eq!(
            (m.err_msg.as_str(), m.errno),
            ("uploadFile:fail url not in domain list", Some(600002)),
            "{reason:?}"
        );
    }
    for reason in [Reason::Listed, Reason::Lan, Reason::Unchecked] {
        assert_eq!(reason.message(Api::ConnectSocket, url).err_msg, "connectSocket:ok");
    }
}

#[test]
fn verdict_reports_host_as_whatwg_and_port_as_written() {
    let p = policy();
    let o = opts(&p);
    let v = check(Api::Request, "https://u@A.com:443/x", &o);
    assert_eq!((v.host.as_deref(), v.port), (Some("a.com"), Some(443)));
    let v = check(Api::Request, "https://A.com:443/x", &o);
    assert_eq!(
        (v.host.as_deref(), v.port, v.host_span.clone()),
        (Some("a.com"), Some(443), None),
        "fast path, upper case"
    );
    assert_eq!(v.host_span, None, "the raw host is upper case, so no verbatim span");
    let raw = "https://a.com:8080/";
    let v = check(Api::Request, raw, &o);
    assert_eq!(&raw[v.host_span.unwrap()], "a.com");
    let v = check(Api::Request, "https://[::1]/", &o);
    assert_eq!(v.host.as_deref(), Some("[::1]"));
    assert_eq!(check(Api::Request, "nope", &o), Verdict::invalid());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn check_never_panics(s in any::<String>(), api in 0u32..4, url_check in any::<bool>()) {
        let p = policy();
        let lan = Lan::parse("192.168.1.10", None).ok();
        let o = Options { policy: &p, url_check, lan, wss_port_check: false };
        let _ = check(Api::from_index(api).unwrap(), &s, &o);
    }

    #[test]
    fn check_never_panics_on_url_like_input(
        s in "(https?|wss?|HTTPS|ftp)(://|:|:\\\\)[a-zA-Z0-9.@:\\[\\]%\\\\/\t\u{3002}\u{FF0E}例]{0,24}([/?#][ -~]{0,8})?"
    ) {
        let p = policy();
        let v = check(Api::Request, &s, &opts(&p));
        if let Some(span) = v.host_span {
            prop_assert_eq!(s.get(span), v.host.as_deref());
        }
    }

    #[test]
    fn lan_parse_never_panics(ip in any::<String>(), mask in any::<Option<String>>()) {
        let _ = Lan::parse(&ip, mask.as_deref());
    }
}
