//! `wxnet/domain-forbidden` (error): the entry is `api.weixin.qq.com`.
//!
//! Why: that API takes the AppSecret, which must stay on your servers; the platform
//! never lets a mini program call it directly (RULES.md §1). Call it from your
//! backend and list your backend instead.
//!
//! Example: `"https://api.weixin.qq.com"`, also `"https://API.weixin.qq.com."`.

use super::{Diagnostic, EntryContext, Severity};
use crate::domains::{EntryHost, FORBIDDEN_HOST};

pub const CODE: &str = "wxnet/domain-forbidden";

pub fn check(entry: &EntryContext) -> Option<Diagnostic> {
    match &entry.entry()?.host {
        EntryHost::Domain(domain) if domain == FORBIDDEN_HOST => entry.report(
            CODE,
            Severity::Error,
            format!(
                "{} can never be listed: {FORBIDDEN_HOST} needs the AppSecret, which must stay on your server; call it from your backend",
                entry.name()
            ),
        ),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::codes;
    use super::CODE;

    #[test]
    fn rule_1_domain_forbidden_pass() {
        for entry in ["https://weixin.qq.com", "https://api.weixin.qq.com.cn", "https://x.api.weixin.qq.com"] {
            assert!(codes("requestdomain", entry).is_empty(), "{entry}");
        }
    }

    #[test]
    fn rule_1_domain_forbidden_fail() {
        for entry in ["https://api.weixin.qq.com", "https://API.Weixin.QQ.com.", "https://api.weixin.qq.com:443/"] {
            assert_eq!(codes("requestdomain", entry), [CODE], "{entry}");
        }
    }
}
