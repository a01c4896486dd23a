//! The adversarial URL table (RULES.md §1–§3) through the core, natively: every case
//! of tests/data/url-cases.json must get its reason, WHATWG host and written port. The
//! same file drives tests/rules.test.mjs (the npm package in Node) and
//! tests/rules/page.html (Chromium), so the three layers agree case by case.

use serde::Deserialize;
use std::collections::BTreeMap;
use wxnet::domains::{Policy, RawDomains};
use wxnet::url_check::{check, Api, Options};

#[derive(Deserialize)]
struct Table {
    domains: BTreeMap<String, Vec<String>>,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    group: String,
    api: String,
    url: String,
    reason: String,
    host: Option<String>,
    port: Option<u16>,
}

#[test]
fn rule_1_adversarial_urls_get_the_verdict_host_and_port_a_browser_would_see() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/url-cases.json");
    let table: Table =
        serde_json::from_str(&std::fs::read_to_string(path).expect("url-cases.json")).expect("the table");
    assert!(table.cases.len() >= 80, "the table lost cases: {}", table.cases.len());
    let lists: Vec<(&str, Vec<&str>)> = table
        .domains
        .iter()
        .map(|(key, entries)| (key.as_str(), entries.iter().map(String::as_str).collect()))
        .collect();
    let lists: Vec<(&str, &[&str])> = lists.iter().map(|(key, entries)| (*key, entries.as_slice())).collect();
    let policy = Policy::compile(&RawDomains::from_lists(&lists));
    let options = Options { policy: &policy, url_check: true, lan: None, wss_port_check: false };
    let mut failures = Vec::new();
    for case in &table.cases {
        let api = Api::parse(&case.api).expect("an API name");
        let verdict = check(api, &case.url, &options);
        let got = (verdict.reason.name(), verdict.host.as_deref(), verdict.port);
        let want = (case.reason.as_str(), case.host.as_deref(), case.port);
        if got != want {
            failures.push(format!("{} {:?} ({}): got {got:?}, want {want:?}", case.api, case.url, case.group));
        }
    }
    assert!(failures.is_empty(), "{} case(s) differ:\n{}", failures.len(), failures.join("\n"));
}
