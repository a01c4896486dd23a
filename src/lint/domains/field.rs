//! `wxnet/domain-field`: the domain JSON has the wrong shape.

use crate::domains::{Field, ENVELOPE_KEYS};
use crate::error::quote;
use crate::lint::{Diagnostic, Severity};

declare_rule! {
    /// A key that is not one of the six lists (a warning), a list that is not an
    /// array, an item that is not a string, or a file that is not an object (errors)
    /// (RULES.md §1).
    ///
    /// The envelope keys of the platform API's answer (`errcode`, `errmsg`,
    /// `action`) are accepted without a finding, so that the answer can be pasted as
    /// it is.
    ///
    /// ### Why
    /// The input is the platform's server-domain JSON; a misspelt key
    /// (`requestdomains`) silently lists nothing.
    ///
    /// ### Example
    /// `{ "requestDomain": [...] }`, `{ "requestdomain": "https://a.com" }`.
    pub const RULE = ("wxnet/domain-field", Error, DomainList);
}

/// The six keys, as messages list them (a test checks it against [`Field::ALL`]).
const KNOWN_KEYS: &str = "requestdomain, wsrequestdomain, uploaddomain, downloaddomain, udpdomain, tcpdomain";

pub fn unknown_key(key: &str) -> Option<Diagnostic> {
    if ENVELOPE_KEYS.contains(&key) {
        return None;
    }
    let suggestion = Field::ALL
        .into_iter()
        .find(|f| f.key().eq_ignore_ascii_case(key) || f.key().eq_ignore_ascii_case(key.trim_end_matches(['s', 'S'])))
        .map(|f| format!("Did you mean {}?", f.key()));
    let message = format!("{} is not a domain list and is ignored; the lists are {KNOWN_KEYS}", quote(key));
    Some(Diagnostic::new(RULE.code, Severity::Warning, message).with_optional_help(suggestion).at_field(key))
}

pub fn not_a_list(field: Field, type_name: &str) -> Diagnostic {
    let key = field.key();
    let message = format!("{key} must be an array of strings, got {type_name}");
    let help = format!("write \"{key}\": [\"{}://…\"]", field.scheme());
    Diagnostic::new(RULE.code, Severity::Error, message).with_help(help).at_field(key)
}

pub fn not_a_string(field: Field, index: usize, type_name: &str) -> Diagnostic {
    let key = field.key();
    let message = format!("{key}[{index}] must be a string such as \"{}://a.com\", got {type_name}", field.scheme());
    Diagnostic::new(RULE.code, Severity::Error, message).at_item(key, index)
}

/// A domains file whose top level is not an object.
pub fn not_an_object(type_name: &str) -> Diagnostic {
    let message = format!("the server domains must be an object of lists, got {type_name}");
    let help = "write {\"requestdomain\": [\"https://a.com\"], \"wsrequestdomain\": […], …}";
    Diagnostic::new(RULE.code, Severity::Error, message).with_help(help)
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::domains::{RawDomains, RawItem, RawValue};
    use crate::lint::domains::lint;
    use crate::lint::domains::test_support::tester;
    use crate::lint::Severity;

    fn raw(fields: Vec<(&str, RawValue)>) -> RawDomains {
        RawDomains { fields: fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect() }
    }

    #[test]
    fn rule_1_domain_field() {
        tester(&RULE)
            .pass([
                r#"{"requestdomain": [], "errcode": 0, "errmsg": "ok"}"#,
                r#"{"action": "get", "uploaddomain": ["https://a.com"]}"#,
            ])
            .fail([
                r#"{"requestDomains": []}"#,
                r#"{"uploaddomain": "https://a.com"}"#,
                "{\n  \"downloaddomain\": [\"https://a.com\", 1, null]\n}",
                r#"{"udpdomain": {"x": 1}}"#,
                r#"["https://a.com"]"#,
            ])
            .alone()
            .test_and_snapshot();
    }

    #[test]
    fn rule_1_domain_field_names_the_six_lists() {
        assert_eq!(super::KNOWN_KEYS, crate::domains::Field::ALL.map(crate::domains::Field::key).join(", "));
    }

    #[test]
    fn rule_1_domain_field_reports_each_shape_at_its_pointer() {
        let input = raw(vec![
            ("requestDomains", RawValue::List(vec![])),
            ("uploaddomain", RawValue::Other("string".into())),
            (
                "downloaddomain",
                RawValue::List(vec![RawItem::Text("https://a.com".into()), RawItem::Other("number".into())]),
            ),
        ]);
        let found = lint(&input);
        let summary: Vec<_> = found.iter().map(|d| (d.code, d.severity, d.pointer.clone().unwrap())).collect();
        assert_eq!(
            summary,
            [
                (RULE.code, Severity::Warning, "/requestDomains".to_string()),
                (RULE.code, Severity::Error, "/uploaddomain".to_string()),
                (RULE.code, Severity::Error, "/downloaddomain/1".to_string()),
            ]
        );
        assert_eq!(found[0].help.as_deref(), Some("Did you mean requestdomain?"));
        assert!(found[1].message.contains("got string"), "{}", found[1].message);
    }
}
