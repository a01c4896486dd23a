//! `wxnet/domain-too-many`: a list longer than the console or the platform allows.

use crate::domains::Field;
use crate::lint::{Diagnostic, Severity};

declare_rule! {
    /// More than 20 entries in one list (a warning), more than 200 (an error)
    /// (RULES.md §1).
    ///
    /// ### Why
    /// The console allows 20 per interface and the third-party platform API 200
    /// (RULES.md §1, decision: warn above 20, error above 200).
    ///
    /// ### Example
    /// 21 entries in `requestdomain`: a warning at the key `requestdomain`.
    pub const RULE = ("wxnet/domain-too-many", Warning, DomainList);
}

pub const CONSOLE_LIMIT: usize = 20;
pub const API_LIMIT: usize = 200;

pub fn check(field: Field, count: usize) -> Option<Diagnostic> {
    let key = field.key();
    let d = if count > API_LIMIT {
        let message = format!("{key} has {count} entries; the platform accepts at most {API_LIMIT}");
        Diagnostic::new(RULE.code, Severity::Error, message).with_help(format!("remove {}", count - API_LIMIT))
    } else if count > CONSOLE_LIMIT {
        let message = format!("{key} has {count} entries; the console accepts at most {CONSOLE_LIMIT} (only the third-party platform API allows up to {API_LIMIT})");
        Diagnostic::new(RULE.code, Severity::Warning, message)
    } else {
        return None;
    };
    Some(d.at_field(key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domains::{RawDomains, RawItem, RawValue};
    use crate::lint::domains::lint;
    use crate::lint::domains::test_support::{entries_in, tester};

    fn hosts(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("https://h{i}.a.com")).collect()
    }

    fn file_of(n: usize) -> String {
        let hosts = hosts(n);
        entries_in("requestdomain", &hosts.iter().map(String::as_str).collect::<Vec<_>>())
    }

    fn list_of(n: usize) -> RawDomains {
        let items = hosts(n).into_iter().map(RawItem::Text).collect();
        RawDomains { fields: vec![("requestdomain".into(), RawValue::List(items))] }
    }

    #[test]
    fn rule_1_domain_too_many() {
        tester(&RULE).pass([file_of(20)]).fail([file_of(21), file_of(201)]).alone().test_and_snapshot();
    }

    #[test]
    fn rule_1_domain_too_many_warns_above_20_and_refuses_above_200() {
        let warning = lint(&list_of(21));
        assert_eq!(warning.len(), 1);
        assert_eq!((warning[0].code, warning[0].severity), (RULE.code, Severity::Warning));
        assert_eq!(warning[0].pointer.as_deref(), Some("/requestdomain"));
        assert_eq!(lint(&list_of(200))[0].severity, Severity::Warning);
        let error = lint(&list_of(201));
        assert_eq!((error[0].code, error[0].severity), (RULE.code, Severity::Error));
        assert_eq!(error[0].help.as_deref(), Some("remove 1"));
    }
}
