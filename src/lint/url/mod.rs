//! The `wxnet/url-<reason>` rules: a URL the code passes to `request`, `uploadFile`,
//! `downloadFile` or `connectSocket`, read statically (RULES.md §13), that `checkUrl`
//! refuses. One rule per refusal reason (`crate::url_check::Reason`), one file each.

pub mod forbidden_host;
pub mod insecure;
pub mod invalid_url;
pub mod ip;
pub mod localhost;
pub mod not_listed;
pub mod port;
pub mod self_ip;

use crate::lint::Rule;
use crate::url_check::Reason;

/// The rule of a refusal reason (`None` for the verdicts that pass).
pub fn rule(reason: Reason) -> Option<&'static Rule> {
    Some(match reason {
        Reason::Insecure => &insecure::RULE,
        Reason::Ip => &ip::RULE,
        Reason::Localhost => &localhost::RULE,
        Reason::Port => &port::RULE,
        Reason::NotListed => &not_listed::RULE,
        Reason::ForbiddenHost => &forbidden_host::RULE,
        Reason::InvalidUrl => &invalid_url::RULE,
        Reason::SelfIp => &self_ip::RULE,
        Reason::Listed | Reason::Lan | Reason::Unchecked => return None,
    })
}

/// What to do about a refused URL.
pub fn help(reason: Reason, api: crate::api::Api) -> String {
    let list = api.field().key();
    match reason {
        Reason::Insecure => format!("use {}:// (and list the host in {list})", api.schemes().0),
        Reason::Ip => format!("call a domain name listed in {list}; only LAN peers may be called by IP"),
        Reason::Localhost => {
            "call the machine's LAN address, or turn off urlCheck in DevTools for local development only".into()
        }
        Reason::Port => format!("list the host with this port in {list}, or drop the port from the URL"),
        Reason::NotListed => format!("add the host to {list} in the console and in the domains file"),
        Reason::ForbiddenHost => "call api.weixin.qq.com from your server, never from the mini program".into(),
        Reason::InvalidUrl => {
            format!("use an absolute {}:// URL; relative paths only work in H5 builds", api.schemes().0)
        }
        Reason::SelfIp => "the phone cannot call its own address; call another device or a listed domain".into(),
        Reason::Listed | Reason::Lan | Reason::Unchecked => String::new(),
    }
}
