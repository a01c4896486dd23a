//! Boundary for `wxnet::sockets` (RULES.md §2, §10): UDP/TCP targets and mDNS
//! service types. The domain lists and the LAN arrive as for the URL checks (a
//! compiled [`DomainPolicy`] and the packed flags), so both read one set of options.

use crate::rules::{options, DomainPolicy};
use crate::{expect_string, to_js, to_value};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wxnet::error::{Error, ErrorCode};
use wxnet::sockets::dns_sd::{self, BrowseEvent};
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

/// The mDNS query a browse of `serviceType` sends (bytes).
#[wasm_bindgen(js_name = dnsSdBrowseQuery)]
pub fn dns_sd_browse_query(service_type: JsValue) -> Result<Vec<u8>, JsValue> {
    let service_type = expect_string(&service_type, ErrorCode::ArgType, "serviceType")?;
    dns_sd::browse_query(&service_type).map_err(to_js)
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
enum EventResult {
    Found {
        #[serde(rename = "serviceName")]
        service_name: String,
        ip: String,
        port: u16,
    },
    Lost {
        #[serde(rename = "serviceName")]
        service_name: String,
    },
    ResolveFail {
        #[serde(rename = "serviceName")]
        service_name: String,
    },
}

/// What one received mDNS message means for a browse of `serviceType`:
/// `[{ type: 'found' | 'lost' | 'resolveFail', serviceName, ip?, port? }]`.
#[wasm_bindgen(js_name = dnsSdBrowseEvents)]
pub fn dns_sd_browse_events(bytes: &[u8], service_type: JsValue) -> Result<JsValue, JsValue> {
    let service_type = expect_string(&service_type, ErrorCode::ArgType, "serviceType")?;
    let events: Vec<EventResult> = dns_sd::browse_events(bytes, &service_type)
        .into_iter()
        .map(|event| match event {
            BrowseEvent::Found { service_name, ip, port } => {
                EventResult::Found { service_name, ip: ip.to_string(), port }
            }
            BrowseEvent::Lost { service_name } => EventResult::Lost { service_name },
            BrowseEvent::ResolveFail { service_name } => EventResult::ResolveFail { service_name },
        })
        .collect();
    to_value(&events)
}

/// The names an mDNS query asks about (lower case); empty for responses and noise.
#[wasm_bindgen(js_name = dnsSdQuestions)]
pub fn dns_sd_questions(bytes: &[u8]) -> Result<JsValue, JsValue> {
    to_value(&dns_sd::questions(bytes))
}

/// A responder's announcement (TTL 0: goodbye) of one service, as bytes.
#[wasm_bindgen(js_name = dnsSdAnnouncement)]
pub fn dns_sd_announcement(
    instance: JsValue,
    service_type: JsValue,
    host: JsValue,
    ip: JsValue,
    port: u16,
    ttl: u32,
) -> Result<Vec<u8>, JsValue> {
    let instance = expect_string(&instance, ErrorCode::ArgType, "name")?;
    let service_type = expect_string(&service_type, ErrorCode::ArgType, "serviceType")?;
    sockets::check_service_type(&service_type)
        .map_err(|message| to_js(Error::new(ErrorCode::ArgType, message.err_msg)))?;
    let host = expect_string(&host, ErrorCode::ArgType, "host")?;
    let ip_text = expect_string(&ip, ErrorCode::ArgType, "ip")?;
    let ip = ip_text
        .parse()
        .map_err(|_| to_js(Error::new(ErrorCode::ArgType, format!("ip {ip_text:?} must be a dotted IPv4 address"))))?;
    let service = dns_sd::Announcement { instance: &instance, service_type: &service_type, host: &host, ip, port, ttl };
    dns_sd::announcement(&service).map_err(to_js)
}
