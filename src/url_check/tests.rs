//! Rule tests for URL checks that are not case tables, named after RULES.md sections.
//! The case tables (§1–§3: lists, ports, schemes, LAN, urlCheck) are data shared with
//! the npm package and Chromium: tests/data/url-cases.json, run by tests/url_cases.rs.

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
