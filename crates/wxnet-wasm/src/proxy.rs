//! Boundary for `wxnet::proxy` (RULES.md §14): may the dev proxy connect to the
//! address a listed host resolved to? The LAN arrives packed, as for the URL checks.

use crate::{expect_api, expect_string, to_js, to_value};
use serde::Serialize;
use std::net::{IpAddr, Ipv4Addr};
use wasm_bindgen::prelude::*;
use wxnet::error::{quote, Error, ErrorCode};
use wxnet::proxy;
use wxnet::url_check::Lan;

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
/// `address`; `has_lan` with `lan_ip`/`lan_prefix` as parseLan gives them.
#[wasm_bindgen(js_name = checkResolvedAddress)]
pub fn check_resolved_address(
    api: JsValue,
    host: JsValue,
    address: JsValue,
    has_lan: bool,
    lan_ip: u32,
    lan_prefix: u32,
) -> Result<JsValue, JsValue> {
    let api = expect_api(&api)?;
    let host = expect_string(&host, ErrorCode::ArgType, "host")?;
    let text = expect_string(&address, ErrorCode::ArgType, "address")?;
    let ip: IpAddr = text
        .parse()
        .map_err(|_| to_js(Error::new(ErrorCode::ArgType, format!("address {} is not an IP address", quote(&text)))))?;
    let lan = has_lan.then(|| Lan::from_parts(Ipv4Addr::from(lan_ip), lan_prefix as u8)).flatten();
    let verdict = proxy::check_resolved(ip, lan);
    let message = (!verdict.allowed).then(|| proxy::refusal(api.name(), &host, &text, verdict.class));
    to_value(&ResolvedResult {
        allowed: verdict.allowed,
        class: verdict.class.name(),
        errno: message.as_ref().and_then(|m| m.errno),
        err_msg: message.map(|m| m.err_msg),
    })
}
