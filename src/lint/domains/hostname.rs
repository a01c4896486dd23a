//! `wxnet/domain-hostname`: the entry's host is not a DNS host name.

use super::{Diagnostic, EntryContext, Severity};
use crate::domains::{is_localhost_name, EntryHost};
use crate::error::quote;

declare_rule! {
    /// The entry's host is not a DNS host name (RULES.md §1): a label with a
    /// character other than a letter, digit or hyphen (after IDNA to ASCII), a label
    /// that starts or ends with a hyphen, a label longer than 63 octets, a name longer
    /// than 253, or a single label.
    ///
    /// `localhost` is left to `domain-localhost`, wildcards to `domain-wildcard`.
    ///
    /// ### Why
    /// The console takes registrable domain names only, and DNS host names follow
    /// these rules (RFC 952/1123 "LDH" labels, RFC 1035 lengths). WHATWG URL parsing
    /// is laxer (`a_b.com`, 64-octet labels, `https://com` all parse), so such an
    /// entry would look listed to wxnet but be refused by the console.
    ///
    /// ### Example
    /// `"https://a"`, `"https://-a.com"`, `"https://a_b.com"`, a 64-letter label.
    pub const RULE = ("wxnet/domain-hostname", Error, DomainList);
}

pub const MAX_LABEL: usize = 63;
pub const MAX_NAME: usize = 253;

pub fn check(entry: &EntryContext) -> Option<Diagnostic> {
    let EntryHost::Domain(domain) = &entry.entry()?.host else {
        return None;
    };
    if is_localhost_name(domain) {
        return None;
    }
    let problem = problem(domain)?;
    Some(entry.report(
        RULE.code,
        Severity::Error,
        format!("{} {problem}; the console takes DNS host names only", entry.name()),
    ))
}

/// What is wrong with `domain` (ASCII, lower case, no trailing dot), if anything.
fn problem(domain: &str) -> Option<String> {
    if domain.len() > MAX_NAME {
        return Some(format!("has a host of {} characters; a host name has at most {MAX_NAME}", domain.len()));
    }
    if !domain.contains('.') {
        return Some(format!(
            "has the single-label host {}; a domain name has at least two labels, like a.com",
            quote(domain)
        ));
    }
    domain.split('.').find_map(|label| {
        if let Some(bad) = label.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '-')) {
            Some(format!(
                "has {} in the label {}; labels take letters, digits and hyphens only",
                quote(&bad.to_string()),
                quote(label)
            ))
        } else if label.starts_with('-') || label.ends_with('-') {
            Some(format!("has the label {} that starts or ends with a hyphen", quote(label)))
        } else if label.len() > MAX_LABEL {
            Some(format!("has a label of {} characters; a label has at most {MAX_LABEL}", label.len()))
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{entry, finding, tester};
    use super::RULE;

    fn fail_cases() -> Vec<(String, &'static str)> {
        let label64 = format!("https://{}.com", "a".repeat(64));
        let name254 = format!("https://{0}.{0}.{0}.{1}", "a".repeat(63), "b".repeat(62));
        [
            ("https://a", "single-label"),
            ("https://com", "single-label"),
            ("https://a:8080", "single-label"),
            ("https://-a.com", "hyphen"),
            ("https://a-.com", "hyphen"),
            ("https://a.com-", "hyphen"),
            ("https://a_b.com", "\"_\""),
            ("https://a!b.com", "\"!\""),
            (label64.as_str(), "at most 63"),
            (name254.as_str(), "at most 253"),
        ]
        .map(|(entry, why)| (entry.to_string(), why))
        .into()
    }

    #[test]
    fn rule_1_domain_hostname() {
        let label63 = format!("https://{}.com", "a".repeat(63));
        // 4 labels of 63 + 3 dots = 255 > 253; 3 of 63 + one of 61 + 3 dots = 253.
        let name253 = format!("https://{0}.{0}.{0}.{1}", "a".repeat(63), "b".repeat(61));
        tester(&RULE)
            .pass(
                [
                    "https://a.com",
                    "https://a-b.c-d.com",
                    "https://1.com",
                    "https://例え.jp", // xn--r8jz45g.jp: the hyphens of xn-- are inside the label
                    "https://xn--bcher-kva.de",
                    "https://A.COM.",
                    label63.as_str(),
                    name253.as_str(),
                ]
                .map(entry),
            )
            .fail(fail_cases().iter().map(|(e, _)| entry(e)))
            .alone()
            .test_and_snapshot();
    }

    #[test]
    fn rule_1_domain_hostname_says_what_is_wrong_and_leaves_other_rules_their_cases() {
        for (entry, why) in fail_cases() {
            let d = finding("requestdomain", &entry, RULE.code).unwrap();
            assert!(d.message.contains(why), "{entry}: {}", d.message);
        }
        for entry in ["https://localhost", "https://*.a.com"] {
            assert!(finding("requestdomain", entry, RULE.code).is_none(), "{entry}: another rule's case");
        }
    }
}
