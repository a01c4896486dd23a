//! The domain-list linter (RULES.md §1): `lint(domains) -> Vec<Diagnostic>`.
//!
//! One rule per file, each declared in the registry ([`crate::lint::rules`]) with
//! its docs and tested by pass/fail cases with a rendered snapshot. Codes are
//! `wxnet/domain-<rule>`. Per-entry rules run in the order of `ENTRY_RULES`, so the
//! output is ordered by key (input order), then index, then rule.
//!
//! Two inputs: [`RawDomains`] (a JS object: findings located by `field`, `index` and
//! JSON `pointer`) and, with the `lint-json` feature, the text of a domains file
//! (`lint_json`: the same findings, each also spanned at its key or array item).
//!
//! An entry with at least one error-severity finding is "refused": the console would
//! not save it, so `for_each_accepted` (which feeds the URL-check policy and
//! `normalize`) skips it. That keeps one definition of what the platform accepts.
//! Refusal is decided by each rule's own severity, never by the user's
//! [`RuleSeverities`]: those are applied afterwards, to what is shown. Turning a rule
//! off hides its findings; the URL checks still refuse what the platform refuses.

pub mod duplicate;
pub mod field;
pub mod forbidden;
pub mod hostname;
pub mod invalid;
pub mod ip;
pub mod localhost;
pub mod path;
pub mod scheme;
pub mod too_many;
pub mod wildcard;

use crate::domains::{parse_entry, Entry, Field, RawDomains, RawItem, RawValue};
use crate::error::quote;
use crate::lint::{Diagnostic, RuleSeverities, Severity};
use std::collections::HashMap;

/// What a per-entry rule sees.
pub struct EntryContext<'a> {
    pub field: Field,
    pub index: usize,
    /// The entry as the user wrote it.
    pub raw: &'a str,
    pub parsed: &'a Result<Entry, String>,
}

impl EntryContext<'_> {
    /// Takes the code, not the [`crate::lint::Rule`]: a reference to the rule would put its docs
    /// into the runtime wasm.
    fn report(&self, code: &'static str, severity: Severity, message: String) -> Diagnostic {
        Diagnostic::new(code, severity, message).at_item(self.field.key(), self.index)
    }

    /// `requestdomain[3] "https://a.com/x"`: how messages name the entry.
    fn name(&self) -> String {
        format!("{}[{}] {}", self.field.key(), self.index, quote(self.raw))
    }

    fn entry(&self) -> Option<&Entry> {
        self.parsed.as_ref().ok()
    }

    /// `write <rewrite>` if that entry would lint clean in this list, so that a help
    /// never suggests an entry the console refuses too (`http://127.0.0.1` must not
    /// get "write https://127.0.0.1"). Rules only suggest entries with the list's
    /// scheme and no path, which suggest nothing themselves, so this never recurses.
    fn clean_rewrite(&self, rewrite: String) -> Option<String> {
        let parsed = parse_entry(&rewrite);
        let context = EntryContext { field: self.field, index: self.index, raw: &rewrite, parsed: &parsed };
        ENTRY_RULES.iter().all(|rule| rule(&context).is_none()).then_some(rewrite)
    }
}

type EntryRule = fn(&EntryContext) -> Option<Diagnostic>;

/// Every per-entry rule, in reporting order. The list-level rules (`field`,
/// `too_many`, `duplicate`) run at their place in [`walk`].
const ENTRY_RULES: [EntryRule; 8] = [
    invalid::check,
    scheme::check,
    ip::check,
    localhost::check,
    hostname::check,
    path::check,
    wildcard::check,
    forbidden::check,
];

/// All findings for a domain JSON, ordered by key, index, rule, each at its own
/// severity.
pub fn lint(raw: &RawDomains) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    walk(raw, &mut |d| out.push(d), &mut |_, _| {});
    out
}

/// [`lint`] with the user's severities applied (see the module docs: they change
/// what is reported, not what the URL checks accept).
pub fn lint_with(raw: &RawDomains, severities: &RuleSeverities) -> Vec<Diagnostic> {
    severities.apply(lint(raw))
}

/// Calls `accept` for every entry the console would accept (no error finding).
pub(crate) fn for_each_accepted(raw: &RawDomains, mut accept: impl FnMut(Field, &Entry)) {
    walk(raw, &mut |_| {}, &mut accept);
}

fn walk(raw: &RawDomains, report: &mut dyn FnMut(Diagnostic), accept: &mut dyn FnMut(Field, &Entry)) {
    for (key, value) in &raw.fields {
        let Some(field) = Field::from_key(key) else {
            if let Some(d) = field::unknown_key(key) {
                report(d);
            }
            continue;
        };
        let items = match value {
            RawValue::List(items) => items,
            RawValue::Other(type_name) => {
                report(field::not_a_list(field, type_name));
                continue;
            }
        };
        if let Some(d) = too_many::check(field, items.len()) {
            report(d);
        }
        let mut first_seen: HashMap<String, usize> = HashMap::new();
        for (index, item) in items.iter().enumerate() {
            let text = match item {
                RawItem::Text(text) => text,
                RawItem::Other(type_name) => {
                    report(field::not_a_string(field, index, type_name));
                    continue;
                }
            };
            let parsed = parse_entry(text);
            let context = EntryContext { field, index, raw: text, parsed: &parsed };
            let mut refused = false;
            for rule in ENTRY_RULES {
                if let Some(d) = rule(&context) {
                    refused |= d.is_error();
                    report(d);
                }
            }
            if let (false, Ok(entry)) = (refused, &parsed) {
                match duplicate::check(&context, entry, &mut first_seen) {
                    Some(d) => report(d),
                    None => accept(field, entry),
                }
            }
        }
    }
}

/// A list's value as the linter takes it: strings, or the type of anything else.
#[cfg(any(test, feature = "lint-json"))]
pub(crate) fn raw_value(node: &crate::lint::json::Node) -> RawValue {
    match node.items() {
        Some(items) => RawValue::List(
            items
                .iter()
                .map(|item| match item.as_str() {
                    Some(text) => RawItem::Text(text.to_string()),
                    None => RawItem::Other(item.value.type_name().to_string()),
                })
                .collect(),
        ),
        None => RawValue::Other(node.value.type_name().to_string()),
    }
}

/// Lints the text of a domains file: the findings of [`lint`], each spanned at the
/// offending key (for a whole list) or array item, then `severities` applied. Text
/// that is not JSON is one `wxnet/json-syntax` error at the offending character.
#[cfg(any(test, feature = "lint-json"))]
pub fn lint_json(text: &str, severities: &RuleSeverities) -> Vec<Diagnostic> {
    use crate::lint::json::{parse, Syntax};
    use crate::lint::Span;

    let root = match parse(text, Syntax::Json) {
        Ok(root) => root,
        Err(error) => return vec![crate::lint::json_syntax::diagnostic(&error)],
    };
    let Some(members) = root.members() else {
        return severities.apply(vec![field::not_an_object(root.value.type_name()).with_span(root.span)]);
    };
    // As JSON.parse reads it: keys in the order first written, a repeated key's
    // last value (the spans follow that value). Slots by key keep it linear, however
    // many keys a file has.
    let mut slot_of: HashMap<&str, usize> = HashMap::new();
    let mut fields: Vec<(String, RawValue)> = Vec::new();
    let mut spans: Vec<(Span, Vec<Span>)> = Vec::new();
    for member in members {
        let value = raw_value(&member.value);
        let located = (member.key_span, member.value.items().unwrap_or(&[]).iter().map(|item| item.span).collect());
        match slot_of.get(member.key.as_str()) {
            Some(&slot) => {
                fields[slot].1 = value;
                spans[slot] = located;
            }
            None => {
                slot_of.insert(&member.key, fields.len());
                fields.push((member.key.clone(), value));
                spans.push(located);
            }
        }
    }
    let located = lint(&RawDomains { fields }).into_iter().map(|mut d| {
        let slot = d.field.as_deref().and_then(|key| slot_of.get(key)).and_then(|&slot| spans.get(slot));
        d.span = slot.and_then(|(key_span, items)| match d.index {
            Some(index) => items.get(index).copied(),
            None => Some(*key_span),
        });
        d
    });
    severities.apply(located.collect())
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;
    use crate::lint::tester::Tester;

    /// A Tester running the domain linter over domains files.
    pub fn tester(rule: &'static crate::lint::Rule) -> Tester {
        Tester::new(rule, "domains.json", |text| lint_json(text, &RuleSeverities::default()))
    }

    /// A domains file with one entry in `requestdomain`.
    pub fn entry(entry: &str) -> String {
        entry_in("requestdomain", entry)
    }

    /// A domains file with one entry in `field`.
    pub fn entry_in(field: &str, entry: &str) -> String {
        entries_in(field, &[entry])
    }

    /// A domains file with these entries in `field`.
    pub fn entries_in(field: &str, entries: &[&str]) -> String {
        let items: Vec<String> = entries.iter().map(|e| serde_json::to_string(e).unwrap()).collect();
        format!("{{\"{field}\": [{}]}}", items.join(", "))
    }

    /// The findings for one entry in `field`.
    pub fn findings(field: &str, entry: &str) -> Vec<Diagnostic> {
        lint(&RawDomains::from_lists(&[(field, &[entry])]))
    }

    /// The finding with `code` for one entry, if any.
    pub fn finding(field: &str, entry: &str, code: &str) -> Option<Diagnostic> {
        findings(field, entry).into_iter().find(|d| d.code == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{LineIndex, Setting};
    use proptest::prelude::*;

    #[test]
    fn rule_1_a_clean_list_has_no_findings() {
        let raw = RawDomains::from_lists(&[
            ("requestdomain", &["https://a.com", "https://例え.jp", "https://b.com:8443/"]),
            ("wsrequestdomain", &["wss://ws.a.com"]),
            ("udpdomain", &["udp://u.a.com:9000"]),
            ("tcpdomain", &["tcp://t.a.com:9001"]),
        ]);
        assert_eq!(lint(&raw), vec![]);
    }

    #[test]
    fn rule_1_findings_point_at_the_entry_in_input_order() {
        let raw = RawDomains::from_lists(&[
            ("uploaddomain", &["https://ok.com", "http://a.com/x"]),
            ("requestdomain", &["https://127.0.0.1"]),
        ]);
        let found: Vec<_> = lint(&raw).into_iter().map(|d| (d.code, d.pointer.unwrap())).collect();
        assert_eq!(
            found,
            [
                ("wxnet/domain-scheme", "/uploaddomain/1".to_string()),
                ("wxnet/domain-path", "/uploaddomain/1".to_string()),
                ("wxnet/domain-localhost", "/requestdomain/0".to_string()),
            ]
        );
    }

    #[test]
    fn rule_1_pasting_the_platform_api_answer_gives_no_field_warnings() {
        let mut raw = RawDomains::from_lists(&[("requestdomain", &["https://a.com"])]);
        raw.fields.push(("errcode".into(), RawValue::Other("number".into())));
        raw.fields.push(("errmsg".into(), RawValue::Other("string".into())));
        assert_eq!(lint(&raw), vec![]);
    }

    #[test]
    fn rule_1_findings_in_a_file_are_at_the_item_or_key_with_line_and_column() {
        let text = "{\n  \"requestdomain\": [\n    \"https://a.com\",\n    \"http://例え.jp/api\"\n  ],\n  \"requestDomain\": []\n}\n";
        let found = lint_json(text, &RuleSeverities::default());
        let index = LineIndex::new(text);
        let at: Vec<_> = found
            .iter()
            .map(|d| {
                let p = index.position(d.span.unwrap().start as usize);
                (d.code, p.line, p.column, d.span.unwrap().text(text))
            })
            .collect();
        assert_eq!(
            at,
            [
                ("wxnet/domain-scheme", 4, 5, "\"http://例え.jp/api\""),
                ("wxnet/domain-path", 4, 5, "\"http://例え.jp/api\""),
                ("wxnet/domain-field", 6, 3, "\"requestDomain\""),
            ]
        );
        assert_eq!(found[0].pointer.as_deref(), Some("/requestdomain/1"), "the pointer is kept");
    }

    #[test]
    fn rule_1_a_file_of_100k_unknown_keys_is_linted_in_linear_time() {
        let keys: Vec<String> = (0..100_000).map(|i| format!("\"k{i}\": []")).collect();
        let text = format!("{{{}}}", keys.join(","));
        let start = std::time::Instant::now();
        let found = lint_json(&text, &RuleSeverities::default());
        assert_eq!(found.len(), 100_000);
        assert_eq!(found[99_999].span.unwrap().text(&text), "\"k99999\"");
        assert!(start.elapsed() < std::time::Duration::from_secs(3), "took {:?}", start.elapsed());
    }

    #[test]
    fn rule_1_a_repeated_key_is_read_as_json_parse_reads_it() {
        let text = r#"{"requestdomain": ["http://a.com"], "errcode": 0, "requestdomain": ["https://a.com", "https://a.com/x"]}"#;
        let found = lint_json(text, &RuleSeverities::default());
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].span.unwrap().text(text), "\"https://a.com/x\"");
    }

    #[test]
    fn rule_1_severities_change_what_is_shown_never_what_the_url_checks_accept() {
        let raw =
            RawDomains::from_lists(&[("requestdomain", &["https://a.com/api", "https://b.com", "https://b.com/"])]);
        let mut severities = RuleSeverities::default();
        severities.set(path::RULE.code, Setting::Off);
        severities.set(duplicate::RULE.code, Setting::Error);
        let found: Vec<_> = lint_with(&raw, &severities).into_iter().map(|d| (d.code, d.severity)).collect();
        assert_eq!(found, [(duplicate::RULE.code, Severity::Error)]);
        let policy = crate::domains::Policy::compile(&raw);
        let listing = policy.lookup(Field::Request, "a.com", None, true);
        assert_eq!(listing, crate::domains::Listing::NotListed, "the platform refuses a.com/api, whatever is shown");
        assert_eq!(policy.lookup(Field::Request, "b.com", None, true), crate::domains::Listing::Listed);
    }

    fn arbitrary_raw() -> impl Strategy<Value = RawDomains> {
        let key = prop_oneof![
            Just("requestdomain".to_string()),
            Just("wsrequestdomain".to_string()),
            Just("udpdomain".to_string()),
            any::<String>(),
        ];
        let item = prop_oneof![
            any::<String>().prop_map(RawItem::Text),
            "(https?|wss?|udp|tcp|)(://)?[a-zA-Z0-9.*:@\\[\\]/%\\-]{0,30}".prop_map(RawItem::Text),
            Just(RawItem::Other("number".into())),
        ];
        let value = prop_oneof![
            proptest::collection::vec(item, 0..30).prop_map(RawValue::List),
            Just(RawValue::Other("string".into())),
        ];
        proptest::collection::vec((key, value), 0..5).prop_map(|fields| RawDomains { fields })
    }

    /// The JSON text of a RawDomains (unique keys), for comparing both inputs.
    fn to_json(raw: &RawDomains) -> String {
        let mut object = serde_json::Map::new();
        for (key, value) in &raw.fields {
            let value = match value {
                RawValue::List(items) => serde_json::Value::Array(
                    items
                        .iter()
                        .map(|item| match item {
                            RawItem::Text(text) => serde_json::Value::String(text.clone()),
                            RawItem::Other(_) => serde_json::Value::from(1),
                        })
                        .collect(),
                ),
                RawValue::Other(_) => serde_json::Value::String("x".into()),
            };
            object.insert(key.clone(), value);
        }
        serde_json::Value::Object(object).to_string()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        #[test]
        fn lint_never_panics_and_every_finding_has_a_pointer(raw in arbitrary_raw()) {
            for d in lint(&raw) {
                prop_assert!(d.pointer.is_some());
                prop_assert!(d.code.starts_with("wxnet/domain-"));
                prop_assert!(!d.message.is_empty());
            }
            let _ = crate::domains::normalize(&raw);
            let _ = crate::domains::Policy::compile(&raw);
        }

        #[test]
        fn a_file_gives_the_findings_of_the_object_each_spanned_inside_the_text(raw in arbitrary_raw()) {
            let text = to_json(&raw);
            // A repeated key keeps its last value, as in the JSON text.
            let mut deduplicated = RawDomains::default();
            for (key, value) in raw.fields {
                deduplicated.fields.retain(|(k, _)| *k != key);
                deduplicated.fields.push((key, value));
            }
            let from_text = lint_json(&text, &RuleSeverities::default());
            let strip = |mut d: Diagnostic| { d.span = None; d };
            let mut from_object: Vec<_> = lint(&deduplicated);
            let mut from_text_unspanned: Vec<_> = from_text.iter().cloned().map(strip).collect();
            from_object.sort_by(|a, b| (&a.pointer, a.code).cmp(&(&b.pointer, b.code)));
            from_text_unspanned.sort_by(|a, b| (&a.pointer, a.code).cmp(&(&b.pointer, b.code)));
            prop_assert_eq!(from_text_unspanned, from_object);
            for d in from_text {
                let span = d.span.unwrap();
                prop_assert!(text.get(span.start as usize..span.end as usize).is_some_and(|s| !s.is_empty()));
            }
        }

        #[test]
        fn lint_json_never_panics_on_any_text(text in any::<String>()) {
            for d in lint_json(&text, &RuleSeverities::default()) {
                let span = d.span.unwrap();
                prop_assert!(text.get(span.start as usize..span.end as usize).is_some());
            }
        }
    }
}
