//! `wxnet/domain-field`: a key that is not one of the six lists (warning), a list
//! that is not an array (error), or an item that is not a string (error).
//!
//! Why: the input is the platform's server-domain JSON; a misspelt key
//! (`requestdomains`) silently lists nothing. The envelope keys of the platform
//! API's answer (`errcode`, `errmsg`, `action`) are accepted without a finding so
//! that the answer can be pasted as is.
//!
//! Example: `{ "requestDomain": [...] }`, `{ "requestdomain": "https://a.com" }`.

use crate::diagnostic::{Diagnostic, Severity};
use crate::domains::{Field, ENVELOPE_KEYS};

pub const CODE: &str = "wxnet/domain-field";

fn known_keys() -> String {
    Field::ALL.map(Field::key).join(", ")
}

pub fn unknown_key(key: &str) -> Option<Diagnostic> {
    if ENVELOPE_KEYS.contains(&key) {
        return None;
    }
    let hint = Field::ALL
        .into_iter()
        .find(|f| f.key().eq_ignore_ascii_case(key) || f.key().eq_ignore_ascii_case(key.trim_end_matches(['s', 'S'])))
        .map(|f| format!(" Did you mean {}?", f.key()))
        .unwrap_or_default();
    let message = format!(
        "{} is not a domain list and is ignored; the lists are {}.{hint}",
        crate::error::quote(key),
        known_keys()
    );
    Some(Diagnostic::new(CODE, Severity::Warning, message).at_field(key))
}

pub fn not_a_list(field: Field, type_name: &str) -> Diagnostic {
    let key = field.key();
    let message =
        format!("{key} must be an array of strings, got {type_name}; write \"{key}\": [\"{}://…\"]", field.scheme());
    Diagnostic::new(CODE, Severity::Error, message).at_field(key)
}

pub fn not_a_string(field: Field, index: usize, type_name: &str) -> Diagnostic {
    let key = field.key();
    let message = format!("{key}[{index}] must be a string such as \"{}://a.com\", got {type_name}", field.scheme());
    Diagnostic::new(CODE, Severity::Error, message).at_item(key, index)
}

#[cfg(test)]
mod tests {
    use super::CODE;
    use crate::diagnostic::Severity;
    use crate::domains::lint::lint;
    use crate::domains::{RawDomains, RawItem, RawValue};

    fn raw(fields: Vec<(&str, RawValue)>) -> RawDomains {
        RawDomains { fields: fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect() }
    }

    #[test]
    fn rule_1_domain_field_pass() {
        let input = raw(vec![
            ("requestdomain", RawValue::List(vec![])),
            ("errcode", RawValue::Other("number".into())),
            ("errmsg", RawValue::Other("string".into())),
        ]);
        assert!(lint(&input).is_empty());
    }

    #[test]
    fn rule_1_domain_field_fail() {
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
                (CODE, Severity::Warning, "/requestDomains".to_string()),
                (CODE, Severity::Error, "/uploaddomain".to_string()),
                (CODE, Severity::Error, "/downloaddomain/1".to_string()),
            ]
        );
        assert!(found[0].message.contains("Did you mean requestdomain?"), "{}", found[0].message);
        assert!(found[1].message.contains("got string"), "{}", found[1].message);
    }
}
