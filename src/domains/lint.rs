//! The domain-list linter (RULES.md §1): `lint(domains) -> Vec<Diagnostic>`.
//!
//! One file per rule, in the spirit of oxc's linter: each file says what it checks,
//! why, gives an example, and holds its own pass/fail cases. Codes are
//! `wxnet/domain-<rule>`. Per-entry rules run in the order of [`ENTRY_RULES`], so the
//! output is ordered by key (input order), then index, then rule.
//!
//! An entry with at least one error-severity finding is "refused": the console would
//! not save it, so [`for_each_accepted`] (which feeds the URL-check policy and
//! `normalize`) skips it. That keeps one definition of what the platform accepts.

mod duplicate;
mod field;
mod forbidden;
mod hostname;
mod invalid;
mod ip;
mod localhost;
mod path;
mod scheme;
mod too_many;
mod wildcard;

use super::{parse_entry, Entry, Field, RawDomains, RawItem, RawValue};
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::quote;
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
    fn report(&self, code: &'static str, severity: Severity, message: String) -> Option<Diagnostic> {
        Some(Diagnostic::new(code, severity, message).at_item(self.field.key(), self.index))
    }

    /// `requestdomain[3] "https://a.com/x"`: how messages name the entry.
    fn name(&self) -> String {
        format!("{}[{}] {}", self.field.key(), self.index, quote(self.raw))
    }

    fn entry(&self) -> Option<&Entry> {
        self.parsed.as_ref().ok()
    }

    /// `rewrite` if that entry would lint clean in this list, so that a message
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

/// Every per-entry rule, in reporting order.
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

/// All findings for a domain JSON, ordered by key, index, rule.
pub fn lint(raw: &RawDomains) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    walk(raw, &mut |d| out.push(d), &mut |_, _| {});
    out
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

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;

    /// Codes reported for one entry in `field`.
    pub fn codes(field: &str, entry: &str) -> Vec<&'static str> {
        lint(&RawDomains::from_lists(&[(field, &[entry])])).into_iter().map(|d| d.code).collect()
    }

    /// The single finding with `code` for one entry, if any.
    pub fn finding(field: &str, entry: &str, code: &str) -> Option<Diagnostic> {
        lint(&RawDomains::from_lists(&[(field, &[entry])])).into_iter().find(|d| d.code == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
    }
}
