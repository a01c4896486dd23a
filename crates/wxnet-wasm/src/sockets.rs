//! Boundary for `wxnet::sockets` (RULES.md §2, §10): UDP/TCP targets and mDNS
//! service types (the DNS-SD messages are the tools module's: `crates/wxnet-tools-wasm`). The domain lists and the LAN arrive as for the URL checks (a
//! compiled [`DomainPolicy`] and the packed flags), so both read one set of options.

use crate::rules::{options, DomainPolicy};
use crate::{expect_string, to_js, to_value};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wxnet::error::{Error, ErrorCode};
use wxnet::sockets::{self, Protocol};

#[derive(Serialize)]
struct TargetResult {
    ok: bool,
    reason: &'static str,
    #[serde(rename = "errMsg", skip_serializing_if = "Option::is_none")]
    err_msg: Option<String>,
}

/// `{ ok, reason, errMsg? }` for a `udp`/`tcp` socket reaching `address`:`port`.
#[wasm_bindgen(js_name = checkSocketTarget)]
pub fn check_socket_target(
    policy: &DomainPolicy,
    protocol: JsValue,
    address: JsValue,
    port: JsValue,
    flags: u32,
    lan_ip: u32,
    lan_prefix: u32,
) -> Result<JsValue, JsValue> {
    let name = expect_string(&protocol, ErrorCode::ArgType, "protocol")?;
    let protocol = Protocol::parse(&name)
        .ok_or_else(|| to_js(Error::new(ErrorCode::ArgType, "protocol must be \"udp\" or \"tcp\"")))?;
    let address = address.as_string().unwrap_or_default();
    let port = port.as_f64().unwrap_or(f64::NAN);
    let target = sockets::check_target(protocol, &address, port, &options(&policy.policy, flags, lan_ip, lan_prefix));
    let err_msg = target.message(protocol, &address).map(|message| message.err_msg);
    to_value(&TargetResult { ok: target.reason.is_ok(), reason: target.reason.name(), err_msg })
}

/// The `{ errMsg }` of an mDNS `serviceType` the client refuses, else undefined.
#[wasm_bindgen(js_name = serviceTypeError)]
pub fn service_type_error(service_type: JsValue) -> Result<JsValue, JsValue> {
    let text = service_type.as_string().unwrap_or_default();
    match sockets::check_service_type(&text) {
        Ok(()) => Ok(JsValue::UNDEFINED),
        Err(message) => to_value(&message),
    }
}
