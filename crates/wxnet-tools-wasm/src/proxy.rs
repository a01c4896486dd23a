//! Boundary for `wxnet::proxy` (RULES.md §14): may the dev proxy connect to the
//! address a listed host resolved to? In the tools module: only the dev proxy (Node)
//! asks, so the runtime module every page loads does not carry it.

use serde::Serialize;
use std::net::IpAddr;
use wasm_bindgen::prelude::*;
use wxnet::api::Api;
use wxnet::error::{quote, Error, ErrorCode};
use wxnet::proxy;
use wxnet::url_check::Lan;
use wxnet_js::{expect_string, to_js, to_value, type_name};

#[derive(Serialize)]
struct ResolvedResult {
    allowed: bool,
    class: &'static str,
    #[serde(rename = "errMsg", skip_serializing_if = "Option::is_none")]
    err_msg: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    errno: Option<u32>,
}

/// `{ allowed, class, errMsg?, errno? }` for `api`'s call to `host`, which resolved to
/// `address`; the phone's LAN is `lan_ip` (dotted, optionally `/prefix`) and
/// `lan_netmask`, as checkUrl's `lan` takes them (`arg/lan` when malformed).
#[wasm_bindgen(js_name = checkResolvedAddress)]
pub fn check_resolved_address(
    api: JsValue,
    host: JsValue,
    address: JsValue,
    lan_ip: Option<String>,
    lan_netmask: Option<String>,
) -> Result<JsValue, JsValue> {
    let api = match api.as_string() {
        Some(name) => Api::parse(&name).map_err(to_js)?,
        None => return Err(to_js(Api::not_a_name(&type_name(&api)))),
    };
    let host = expect_string(&host, ErrorCode::ArgType, "host")?;
    let text = expect_string(&address, ErrorCode::ArgType, "address")?;
    let ip: IpAddr = text
        .parse()
        .map_err(|_| to_js(Error::new(ErrorCode::ArgType, format!("address {} is not an IP address", quote(&text)))))?;
    let lan = lan_ip.map(|ip| Lan::parse(&ip, lan_netmask.as_deref())).transpose().map_err(to_js)?;
    let verdict = proxy::check_resolved(ip, lan);
    let message = (!verdict.allowed).then(|| proxy::refusal(api.name(), &host, &text, verdict.class));
    to_value(&ResolvedResult {
        allowed: verdict.allowed,
        class: verdict.class.name(),
        errno: message.as_ref().and_then(|m| m.errno),
        err_msg: message.map(|m| m.err_msg),
    })
}
