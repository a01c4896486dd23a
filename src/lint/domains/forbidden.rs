//! `wxnet/domain-forbidden`: the entry is `api.weixin.qq.com`.

use super::{Diagnostic, EntryContext, Severity};
use crate::domains::{EntryHost, FORBIDDEN_HOST};

declare_rule! {
    /// The entry is `api.weixin.qq.com` (RULES.md §1).
    ///
    /// ### Why
    /// That API takes the AppSecret, which must stay on your servers; the platform
    /// never lets a mini program call it directly. Call it from your backend and list
    /// your backend instead.
    ///
    /// ### Example
    /// `"https://api.weixin.qq.com"`, also `"https://API.weixin.qq.com."`.
    pub const RULE = ("wxnet/domain-forbidden", Error, DomainList);
}

pub fn check(entry: &EntryContext) -> Option<Diagnostic> {
    match &entry.entry()?.host {
        EntryHost::Domain(domain) if domain == FORBIDDEN_HOST => {
            let message = format!(
                "{} can never be listed: {FORBIDDEN_HOST} needs the AppSecret, which must stay on your server",
                entry.name()
            );
            Some(
                entry
                    .report(RULE.code, Severity::Error, message)
                    .with_help("call it from your backend, and list your backend"),
            )
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{entry, tester};
    use super::RULE;

    #[test]
    fn rule_1_domain_forbidden() {
        tester(&RULE)
            .pass(["https://weixin.qq.com", "https://api.weixin.qq.com.cn", "https://x.api.weixin.qq.com"].map(entry))
            .fail(
                ["https://api.weixin.qq.com", "https://API.Weixin.QQ.com.", "https://api.weixin.qq.com:443/"]
                    .map(entry),
            )
            .alone()
            .test_and_snapshot();
    }
}
