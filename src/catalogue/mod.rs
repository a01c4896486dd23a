//! The catalogues: every closed list of names that crosses into JS, each defined once
//! as a table here or beside the rule it belongs to, and rendered into
//! `pkg-template/core/abi.generated.mjs` and `types.generated.d.ts` by
//! `crates/wxnet-codegen` (`node scripts/codegen.mjs`; `cargo test` fails when the
//! committed files are stale).
//!
//! | table | defined in | TS union |
//! |---|---|---|
//! | errMsg/errno failures | [`errmsg::FAILURES`] | `ErrMsgKey` |
//! | error codes | [`error_code::ERROR_CODES`] | `WxnetErrorCode` |
//! | URL verdict reasons | [`crate::url_check::Reason`] | `CheckUrlOkReason`, `CheckUrlFailReason` |
//! | the network APIs | [`crate::api::Api`] | `NetworkApi` |
//! | UDP/TCP target reasons | [`crate::sockets::TargetReason`] | `SocketTargetReason` |
//! | lint rules | [`crate::lint::rules`] | `LintCode`, `DomainLintCode` |
//!
//! [`tables`] lists them for the codegen; a new catalogue is one more entry there.

pub mod errmsg;
pub mod error_code;
pub mod explain;

use crate::api::Api;
use crate::lint::{self, Category};
use crate::sockets::TargetReason;
use crate::url_check::Reason;

/// One closed list of names, as the codegen renders it: a TS string-literal union.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The TS type name (`NetworkApi`).
    pub type_name: &'static str,
    /// Its doc comment.
    pub doc: &'static str,
    /// The names, with a one-line doc each (may be empty).
    pub rows: Vec<(&'static str, String)>,
}

/// Every catalogue that the generated TS types are made from, in output order.
pub fn tables() -> Vec<Table> {
    vec![
        Table {
            type_name: "NetworkApi",
            doc: "The four network APIs the rules speak of (RULES.md §1, §4).",
            rows: Api::ALL.iter().map(|api| (api.name(), String::new())).collect(),
        },
        Table {
            type_name: "CheckUrlOkReason",
            doc: "Why checkUrl passed a URL (RULES.md §1–§3).",
            rows: Reason::ALL.iter().filter(|r| r.is_ok()).map(|r| (r.name(), r.doc().to_string())).collect(),
        },
        Table {
            type_name: "CheckUrlFailReason",
            doc: "Why checkUrl refused a URL. Only `invalid-url` uses the `invalid url` errMsg.",
            rows: Reason::ALL.iter().filter(|r| !r.is_ok()).map(|r| (r.name(), r.doc().to_string())).collect(),
        },
        Table {
            type_name: "SocketTargetReason",
            doc: "Why checkSocketTarget admitted or refused a UDP/TCP target (RULES.md §2, §10).",
            rows: TargetReason::ALL.iter().map(|r| (r.name(), r.doc().to_string())).collect(),
        },
        Table {
            type_name: "ErrMsgKey",
            doc: "Keys of the errMsg catalogue (RULES.md §7).",
            rows: errmsg::keys().map(|row| (row.key, row.kind.explanation().to_string())).collect(),
        },
        Table {
            type_name: "WxnetErrorCode",
            doc: "Every `code` a WxnetError carries (`area/what`, stable).",
            rows: error_code::ERROR_CODES.iter().map(|(code, text)| (*text, code.description().to_string())).collect(),
        },
        Table {
            type_name: "LintCode",
            doc: "Every lint rule's code (the registry of `src/lint/`).",
            rows: lint::rules().map(|rule| (rule.code, rule.summary())).collect(),
        },
        Table {
            type_name: "DomainLintCode",
            doc: "The codes lintDomains reports (RULES.md §1).",
            rows: lint::rules()
                .filter(|rule| rule.category == Category::DomainList)
                .map(|rule| (rule.code, String::new()))
                .collect(),
        },
    ]
}
