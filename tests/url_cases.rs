//! The URL cases (RULES.md §1–§3) through the core, natively: every case of
//! tests/data/url-cases.json gets its reason, WHATWG host and written port, or the
//! error it expects. The same file drives tests/rules.test.mjs (the npm package in
//! Node) and tests/rules/page.html (Chromium), so the three layers agree case by case.

#[path = "helpers/conformance.rs"]
mod conformance;

use conformance::{Case, CaseSet, ErrorExpectation};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use wxnet::domains::{Policy, RawDomains};
use wxnet::url_check::{check, Api, Lan, Options};

type Domains = BTreeMap<String, Vec<String>>;

#[derive(Deserialize)]
struct UrlCases {
    /// The lists a case checks against when it gives no options.
    domains: Domains,
    cases: Vec<UrlCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UrlCase {
    id: String,
    rule: u32,
    group: String,
    api: String,
    url: String,
    /// checkUrl's options as JS passes them; absent means `{ domains }` of the file.
    options: Option<Value>,
    #[serde(default)]
    boundary: bool,
    reason: Option<String>,
    host: Option<String>,
    port: Option<u16>,
    error: Option<ErrorExpectation>,
}

conformance::impl_case!(UrlCase);

/// checkUrl's options, read the way the package reads them.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CheckOptions {
    domains: Option<Domains>,
    lan: Option<LanOptions>,
    url_check: Option<bool>,
    wss_port_check: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LanOptions {
    ip: String,
    netmask: Option<String>,
}

fn url_cases() -> (CaseSet<UrlCase>, Domains) {
    let file: UrlCases = conformance::load("url-cases.json");
    (CaseSet::new("url", file.cases), file.domains)
}

fn policy(domains: Option<&Domains>) -> Policy {
    let lists: Vec<(&str, Vec<&str>)> = domains
        .into_iter()
        .flatten()
        .map(|(key, entries)| (key.as_str(), entries.iter().map(String::as_str).collect()))
        .collect();
    let lists: Vec<(&str, &[&str])> = lists.iter().map(|(key, entries)| (*key, entries.as_slice())).collect();
    Policy::compile(&RawDomains::from_lists(&lists))
}

fn run(case: &UrlCase, table_domains: &Domains) -> Result<(), String> {
    let options: CheckOptions = match &case.options {
        None => CheckOptions { domains: Some(table_domains.clone()), lan: None, url_check: None, wss_port_check: None },
        Some(options) => {
            serde_json::from_value(options.clone()).map_err(|e| format!("options the core cannot take: {e}"))?
        }
    };
    let api = Api::parse(&case.api).map_err(|e| e.message)?;
    let lan = match options.lan.as_ref().map(|lan| Lan::parse(&lan.ip, lan.netmask.as_deref())).transpose() {
        Ok(lan) => lan,
        Err(error) => {
            let expected = case.error.as_ref().ok_or_else(|| format!("threw {error}"))?;
            return expected.check(error.code.as_str(), &error.message);
        }
    };
    let policy = policy(options.domains.as_ref());
    let options = Options {
        policy: &policy,
        url_check: options.url_check.unwrap_or(true),
        lan,
        wss_port_check: options.wss_port_check.unwrap_or(false),
    };
    let verdict = check(api, &case.url, &options);
    let got = (verdict.reason.name(), verdict.host.as_deref(), verdict.port);
    if let Some(error) = &case.error {
        return Err(format!("gave {got:?}, want the error {}", error.code));
    }
    let want = (case.reason.as_deref().unwrap_or("(no reason in the case)"), case.host.as_deref(), case.port);
    match got == want {
        true => Ok(()),
        false => Err(format!("{} {:?} ({}): got {got:?}, want {want:?}", case.api, case.url, case.group)),
    }
}

#[test]
fn rule_1_urls_get_the_verdict_host_and_port_a_browser_would_see() {
    let (set, domains) = url_cases();
    set.check_rule(1, |case| run(case, &domains));
}

#[test]
fn rule_2_lan_peers_pass_in_the_subnet_and_a_malformed_lan_is_refused() {
    let (set, domains) = url_cases();
    set.check_rule(2, |case| run(case, &domains));
}

#[test]
fn rule_3_url_check_off_accepts_every_parseable_url_of_the_api() {
    let (set, domains) = url_cases();
    set.check_rule(3, |case| run(case, &domains));
}

#[test]
fn url_cases_belong_to_rules_1_to_3_and_every_expected_failure_ran() {
    let (set, _) = url_cases();
    assert!(set.cases.len() >= 150, "the URL cases lost some: {}", set.cases.len());
    set.check_coverage(&[1, 2, 3]);
}

/// The bookkeeping itself, on a synthetic list: `a` fails, `b` passes.
#[test]
fn expected_failures_fail_on_an_unexpected_pass_an_unlisted_failure_and_an_id_that_never_ran() {
    let outcomes = || [("url/a", Err("wrong".to_string())), ("url/b", Ok(()))];
    let list = |ids: &[&str]| ids.iter().map(|id| (id.to_string(), "why".to_string())).collect::<BTreeMap<_, _>>();
    assert!(conformance::problems(outcomes(), &list(&["url/a"])).is_empty());
    let unlisted = conformance::problems(outcomes(), &list(&[]));
    assert!(unlisted.len() == 1 && unlisted[0].starts_with("url/a: wrong"), "{unlisted:?}");
    let unexpected_pass = conformance::problems(outcomes(), &list(&["url/a", "url/b"]));
    assert!(unexpected_pass.len() == 1 && unexpected_pass[0].contains("url/b: passes"), "{unexpected_pass:?}");
    let stale = conformance::not_run(&["url/a", "url/b"], &list(&["url/a", "url/gone"]));
    assert!(stale.len() == 1 && stale[0].contains("url/gone"), "{stale:?}");
    assert!(conformance::not_run(&["url/a", "url/b"], &list(&["url/a", "url/b"])).is_empty());
}
