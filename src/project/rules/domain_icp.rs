//! `wxnet/domain-icp`: the reminder that listed domains need ICP filing.

declare_rule! {
    /// Every domain in the server-domain lists must have an ICP filing, which wxnet
    /// cannot check offline: one reminder per domains file (RULES.md §12, §1).
    ///
    /// ### Why
    /// The console refuses to save a domain without ICP filing (备案), so a list that
    /// lints clean can still be refused.
    ///
    /// ### Example
    /// `{"requestdomain": ["https://api.example.com"]}`: is example.com filed?
    pub const RULE = ("wxnet/domain-icp", Info, Project);
}

/// The reminder, at the first list key of the domains file's `root` object.
#[cfg(any(test, feature = "project"))]
pub fn check(root: &crate::lint::json::Node) -> Option<crate::lint::Diagnostic> {
    use crate::domains::Field;
    use crate::lint::{Diagnostic, Severity};
    let lists: Vec<_> = root.members()?.iter().filter(|m| Field::from_key(&m.key).is_some()).collect();
    let first = lists.first()?;
    let hosts: usize = lists.iter().map(|m| m.value.items().map_or(0, <[_]>::len)).sum();
    if hosts == 0 {
        return None;
    }
    let message = format!("the {hosts} listed domain(s) must each have an ICP filing; wxnet cannot check that offline");
    Some(
        Diagnostic::new(RULE.code, Severity::Info, message)
            .with_help("check each domain's filing before adding it in the console")
            .with_span(first.key_span),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::json::Syntax;
    use crate::lint::tester::Tester;

    fn lint(text: &str) -> Vec<crate::lint::Diagnostic> {
        super::super::test_support::on_root(text, Syntax::Json, |root| check(root).into_iter().collect())
    }

    #[test]
    fn rule_12_domain_icp() {
        Tester::new(&RULE, "domains.json", lint)
            .pass([r#"{"requestdomain": []}"#, r#"{"errcode": 0}"#])
            .fail([
                "{\n  \"requestdomain\": [\"https://api.example.com\"],\n  \"uploaddomain\": [\"https://up.example.com\"]\n}\n",
            ])
            .alone()
            .test_and_snapshot();
    }
}
