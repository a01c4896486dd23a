//! DNS-SD messages for Node's mDNS transport (RULES.md §10), `wxnet::sockets::dns_sd`:
//! the browse query, what a received message means for a browse, and a responder's
//! questions and announcements. In the tools module because only Node sends multicast.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wxnet::error::{Error, ErrorCode};
use wxnet::sockets;
use wxnet::sockets::dns_sd::{self, BrowseEvent};
use wxnet_js::{expect_string, to_js, to_value};

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
