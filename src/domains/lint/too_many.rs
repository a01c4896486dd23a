//! `wxnet/domain-too-many`: more than 20 entries in one list (warning), more than
//! 200 (error).
//!
//! Why: the console allows 20 per interface and the third-party platform API 200
//! (RULES.md §1, decision: warn above 20, error above 200).
//!
//! Example: 21 entries in `requestdomain` → warning at `/requestdomain`.

use crate::diagnostic::{Diagnostic, Severity};
use crate::domains::Field;

pub const CODE: &str = "wxnet/domain-too-many";
pub const CONSOLE_LIMIT: usize = 20;
pub const API_LIMIT: usize = 200;

pub fn check(field: Field, count: usize) -> Option<Diagnostic> {
    let key = field.key();
    let (severity, message) = if count > API_LIMIT {
        (
            Severity::Error,
            format!(
                "{key} has {count} entries; the platform accepts at most {API_LIMIT}: remove {}",
                count - API_LIMIT
            ),
        )
    } else if count > CONSOLE_LIMIT {
        (
            Severity::Warning,
            format!("{key} has {count} entries; the console accepts at most {CONSOLE_LIMIT} (only the third-party platform API allows up to {API_LIMIT})"),
        )
    } else {
        return None;
    };
    Some(Diagnostic::new(CODE, severity, message).at_field(key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domains::lint::lint;
    use crate::domains::{RawDomains, RawItem, RawValue};

    fn list_of(n: usize) -> RawDomains {
        let items = (0..n).map(|i| RawItem::Text(format!("https://h{i}.a.com"))).collect();
        RawDomains { fields: vec![("requestdomain".into(), RawValue::List(items))] }
    }

    #[test]
    fn rule_1_domain_too_many_pass() {
        assert!(lint(&list_of(20)).is_empty());
    }

    #[test]
    fn rule_1_domain_too_many_fail() {
        let warning = lint(&list_of(21));
        assert_eq!(warning.len(), 1);
        assert_eq!((warning[0].code, warning[0].severity), (CODE, Severity::Warning));
        assert_eq!(warning[0].pointer.as_deref(), Some("/requestdomain"));
        assert_eq!(lint(&list_of(200))[0].severity, Severity::Warning);
        let error = lint(&list_of(201));
        assert_eq!((error[0].code, error[0].severity), (CODE, Severity::Error));
    }
}
