//! Boundary for the rules engine: `wxnet::domains`, `wxnet::url_check`,
//! `wxnet::timeout`, `wxnet::errmsg` (RULES.md §1–§4, §7).
//!
//! The URL check is the hot path, so it avoids serde and JS objects: the domain
//! lists are compiled once into a [`DomainPolicy`] that stays on the Rust side (the
//! JS glue caches it per `domains` object), and a verdict leaves as numbers laid out
//! as [`crate::abi`] says.

use crate::abi::{
    BATCH_SEPARATOR, FETCH_HOST, FLAG_LAN, FLAG_URL_CHECK, FLAG_WSS_PORT_CHECK, HIGH_WORD, INVALID_URL, PORT_SHIFT,
    REASON_MASK, SPAN_LENGTH_SHIFT,
};
use crate::{expect_api, expect_string, to_js, to_value, type_name};
use serde::Serialize;
use std::cell::Cell;
use std::net::Ipv4Addr;
use wasm_bindgen::prelude::*;
use wxnet::api::Api;
use wxnet::catalogue::errmsg::{self, Detail};
use wxnet::domains::{self, RawDomains, RawItem, RawValue};
use wxnet::error::{Error, ErrorCode};
use wxnet::limits;
use wxnet::request;
use wxnet::timeout;
use wxnet::url_check::{self, Lan, Options, Reason, Verdict};

thread_local! {
    /// Hosts that could not be returned as spans, NUL-separated, oldest first. A Cell,
    /// taken out while it grows: if growing runs out of memory (a trap), the cell is
    /// left holding an empty queue, not a borrow that would fail every later call.
    static PENDING_HOSTS: Cell<String> = const { Cell::new(String::new()) };
}

/// Domain lists compiled for URL checks. Create with `compileDomains`.
#[wasm_bindgen]
pub struct DomainPolicy {
    policy: domains::Policy,
}

fn options(policy: &domains::Policy, flags: u32, lan_ip: u32, lan_prefix: u32) -> Options<'_> {
    let lan = (flags & FLAG_LAN != 0).then(|| Lan::from_parts(Ipv4Addr::from(lan_ip), lan_prefix as u8)).flatten();
    Options { policy, url_check: flags & FLAG_URL_CHECK != 0, lan, wss_port_check: flags & FLAG_WSS_PORT_CHECK != 0 }
}

/// `(reason | (port + 1) << PORT_SHIFT, hostStart | hostLength << SPAN_LENGTH_SHIFT)`; the second is 0 when
/// the host must be fetched (it is then queued in PENDING_HOSTS).
fn pack(input: &str, verdict: &Verdict) -> (u32, u32) {
    let port = verdict.port.map_or(0, |p| u32::from(p) + 1);
    let head = verdict.reason as u32 | port << PORT_SHIFT;
    let Some(host) = &verdict.host else {
        return (head, 0);
    };
    let span = verdict.host_span.as_ref().filter(|span| {
        let fits = |n: usize| n < 1 << SPAN_LENGTH_SHIFT;
        fits(span.start) && fits(span.len()) && !span.is_empty() && input.as_bytes()[..span.end].is_ascii()
    });
    match span {
        Some(span) => (head, span.start as u32 | (span.len() as u32) << SPAN_LENGTH_SHIFT),
        None => {
            let mut pending = PENDING_HOSTS.with(Cell::take);
            if !pending.is_empty() {
                pending.push(BATCH_SEPARATOR);
            }
            pending.push_str(host);
            PENDING_HOSTS.with(|cell| cell.set(pending));
            (head, 0)
        }
    }
}

#[wasm_bindgen]
impl DomainPolicy {
    /// One URL; see the module docs for the packed result.
    pub fn check(&self, api: u32, url: &str, flags: u32, lan_ip: u32, lan_prefix: u32) -> f64 {
        clear_pending_hosts();
        let Some(api) = Api::from_index(api) else {
            return f64::from(INVALID_URL) * HIGH_WORD;
        };
        let verdict = url_check::check(api, url, &options(&self.policy, flags, lan_ip, lan_prefix));
        let (high, low) = pack(url, &verdict);
        f64::from(high) * HIGH_WORD + f64::from(low)
    }

    /// Many URLs joined by NUL; `count` is how many were joined.
    #[wasm_bindgen(js_name = checkBatch)]
    pub fn check_batch(
        &self,
        api: u32,
        joined: &str,
        count: u32,
        flags: u32,
        lan_ip: u32,
        lan_prefix: u32,
    ) -> Vec<u32> {
        clear_pending_hosts();
        let Some(api) = Api::from_index(api) else {
            return Vec::new();
        };
        let options = options(&self.policy, flags, lan_ip, lan_prefix);
        let mut out = Vec::with_capacity(count as usize * 2);
        let mut seen = 0u32;
        for url in joined.split(BATCH_SEPARATOR) {
            seen += 1;
            if seen > count {
                return Vec::new();
            }
            let (mut head, span) = pack(url, &url_check::check(api, url, &options));
            if span == 0 && head & REASON_MASK != INVALID_URL {
                head |= FETCH_HOST;
            }
            out.push(head);
            out.push(span);
        }
        if seen != count {
            return Vec::new();
        }
        out
    }
}

fn clear_pending_hosts() {
    PENDING_HOSTS.with(|cell| cell.set(String::new()));
}

/// The hosts queued by `check`/`checkBatch`, NUL-separated, and clears the queue.
#[wasm_bindgen(js_name = takeCheckedHosts)]
pub fn take_checked_hosts() -> String {
    PENDING_HOSTS.with(Cell::take)
}

fn raw_domains(value: &JsValue, what: &str) -> Result<RawDomains, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(RawDomains::default());
    }
    if !value.is_object() || value.is_array() {
        return Err(to_js(Error::new(
            ErrorCode::ArgType,
            format!("{what} must be an object like {{ requestdomain: [\"https://a.com\"] }}, got {}", type_name(value)),
        )));
    }
    let object: &js_sys::Object = value.unchecked_ref();
    let mut fields = Vec::new();
    for key in js_sys::Object::keys(object).iter() {
        let Some(name) = key.as_string() else { continue };
        let item = js_sys::Reflect::get(value, &key).unwrap_or(JsValue::UNDEFINED);
        let raw = if item.is_array() {
            let items = js_sys::Array::from(&item)
                .iter()
                .map(|entry| match entry.as_string() {
                    Some(text) => RawItem::Text(text),
                    None => RawItem::Other(type_name(&entry)),
                })
                .collect();
            RawValue::List(items)
        } else {
            RawValue::Other(type_name(&item))
        };
        fields.push((name, raw));
    }
    Ok(RawDomains { fields })
}

/// Compiles `domains` for `check`/`checkBatch`.
#[wasm_bindgen(js_name = compileDomains)]
pub fn compile_domains(domains: JsValue) -> Result<DomainPolicy, JsValue> {
    let raw = raw_domains(&domains, "options.domains")?;
    Ok(DomainPolicy { policy: domains::Policy::compile(&raw) })
}

#[wasm_bindgen(js_name = lintDomains)]
pub fn lint_domains(domains: JsValue) -> Result<JsValue, JsValue> {
    if domains.is_undefined() || domains.is_null() {
        return Err(to_js(Error::new(
            ErrorCode::ArgType,
            format!("domains must be an object, got {}", type_name(&domains)),
        )));
    }
    to_value(&wxnet::lint::domains::lint(&raw_domains(&domains, "domains")?))
}

#[wasm_bindgen(js_name = normalizeDomains)]
pub fn normalize_domains(domains: JsValue) -> Result<JsValue, JsValue> {
    if domains.is_undefined() || domains.is_null() {
        return Err(to_js(Error::new(
            ErrorCode::ArgType,
            format!("domains must be an object, got {}", type_name(&domains)),
        )));
    }
    let normalized = domains::normalize(&raw_domains(&domains, "domains")?);
    let object = js_sys::Object::new();
    for (field, entries) in normalized {
        let list: js_sys::Array = entries.into_iter().map(JsValue::from).collect();
        let _ = js_sys::Reflect::set(&object, &field.key().into(), &list);
    }
    Ok(object.into())
}

/// `[ip as u32, prefix]` for `options.lan = { ip, netmask? }`.
#[wasm_bindgen(js_name = parseLan)]
pub fn parse_lan(ip: JsValue, netmask: JsValue) -> Result<Vec<u32>, JsValue> {
    let ip = expect_string(&ip, ErrorCode::ArgType, "options.lan.ip")?;
    let netmask = match netmask.is_undefined() || netmask.is_null() {
        true => None,
        false => Some(expect_string(&netmask, ErrorCode::ArgType, "options.lan.netmask")?),
    };
    let lan = Lan::parse(&ip, netmask.as_deref()).map_err(to_js)?;
    Ok(vec![u32::from(lan.ip()), u32::from(lan.prefix())])
}

#[derive(Serialize)]
struct VerdictRow {
    reason: &'static str,
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    errno: Option<u32>,
    /// errMsg = api + head (+ url + tail when `withUrl`).
    head: String,
    tail: String,
    #[serde(rename = "withUrl")]
    with_url: bool,
}

/// The verdict table the glue freezes: one row per packed reason code, with the
/// errMsg split around the URL so that the glue never writes an errMsg itself.
#[wasm_bindgen(js_name = verdictTable)]
pub fn verdict_table() -> Result<JsValue, JsValue> {
    // A placeholder no errMsg contains, one char: found without a substring searcher.
    const MARK: &str = "\u{1}";
    let rows: Vec<VerdictRow> = Reason::ALL
        .into_iter()
        .map(|reason| {
            let message = reason.message(Api::Request, MARK);
            let text = message.err_msg.strip_prefix(Api::Request.name()).unwrap_or(&message.err_msg);
            let (head, tail, with_url) = match text.split_once('\u{1}') {
                Some((head, tail)) => (head.to_string(), tail.to_string(), true),
                None => (text.to_string(), String::new(), false),
            };
            VerdictRow { reason: reason.name(), ok: reason.is_ok(), errno: message.errno, head, tail, with_url }
        })
        .collect();
    to_value(&rows)
}

fn plain_object(value: &JsValue, what: &str) -> Result<Option<JsValue>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if !value.is_object() || value.is_array() {
        return Err(to_js(Error::new(
            ErrorCode::ArgType,
            format!("{what} must be an object, got {}", type_name(value)),
        )));
    }
    Ok(Some(value.clone()))
}

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

#[wasm_bindgen(js_name = resolveTimeout)]
pub fn resolve_timeout(api: JsValue, call: JsValue, app_config: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let api = expect_api(&api)?;
    let configured = plain_object(&app_config, "appConfig (the parsed app.json or game.json)")?
        .map(|config| get(&config, "networkTimeout"))
        .filter(|timeouts| timeouts.is_object())
        .and_then(|timeouts| get(&timeouts, api.name()).as_f64());
    let clamp = match plain_object(&options, "options")? {
        None => true,
        Some(options) => {
            let clamp = get(&options, "clamp");
            match (clamp.is_undefined(), clamp.as_bool()) {
                (true, _) => true,
                (false, Some(clamp)) => clamp,
                (false, None) => {
                    return Err(to_js(Error::new(
                        ErrorCode::ArgType,
                        format!("options.clamp must be a boolean, got {}", type_name(&clamp)),
                    )))
                }
            }
        }
    };
    to_value(&timeout::resolve(call.as_f64(), configured, clamp))
}

/// `setting.urlCheck` when it is a boolean.
fn url_check_setting(config: &JsValue, what: &str) -> Result<Option<bool>, JsValue> {
    Ok(plain_object(config, what)?
        .map(|config| get(&config, "setting"))
        .filter(|setting| setting.is_object())
        .and_then(|setting| get(&setting, "urlCheck").as_bool()))
}

#[wasm_bindgen(js_name = resolveUrlCheck)]
pub fn resolve_url_check(project_config: JsValue, private_config: JsValue) -> Result<bool, JsValue> {
    let project = url_check_setting(&project_config, "projectConfig (the parsed project.config.json)")?;
    let private = url_check_setting(&private_config, "privateConfig (the parsed project.private.config.json)")?;
    Ok(url_check::resolve_url_check(project, private))
}

#[wasm_bindgen(js_name = errMsgFor)]
pub fn err_msg_for(api: JsValue, reason: JsValue, detail: JsValue) -> Result<JsValue, JsValue> {
    let api = api.as_string().ok_or_else(|| {
        to_js(Error::new(
            ErrorCode::ArgApi,
            format!("api must be an API name such as \"request\", got {}", type_name(&api)),
        ))
    })?;
    let reason = expect_string(&reason, ErrorCode::ArgType, "reason")?;
    // A checkUrl verdict reason (`not-listed`, `port`, …) gives the verdict's message.
    if let (Some(verdict), true) = (Reason::from_name(&reason), errmsg::keys().all(|row| row.key != reason)) {
        errmsg::check_api_name(&api).map_err(to_js)?;
        let url = detail.as_string().unwrap_or_default();
        let message = match verdict.failure(&url) {
            None => errmsg::ok(&api),
            Some(failure) => errmsg::fail(&api, &failure),
        };
        return to_value(&message);
    }
    let text = detail.as_string();
    let (parameter, expected, received);
    let detail = if let Some(text) = &text {
        Detail::Text(text)
    } else if detail.is_object() && !detail.is_array() {
        parameter = expect_string(&get(&detail, "parameter"), ErrorCode::ArgType, "detail.parameter")?;
        expected = expect_string(&get(&detail, "expected"), ErrorCode::ArgType, "detail.expected")?;
        let value = get(&detail, "value");
        let js_type =
            if value.is_instance_of::<js_sys::ArrayBuffer>() { "arraybuffer".to_string() } else { type_name(&value) };
        received = errmsg::platform_type_name(&js_type);
        Detail::Parameter { parameter: &parameter, expected: &expected, received }
    } else if detail.is_undefined() || detail.is_null() {
        Detail::None
    } else {
        return Err(to_js(Error::new(
            ErrorCode::ArgType,
            format!("detail must be a string or {{ parameter, expected, value }}, got {}", type_name(&detail)),
        )));
    };
    to_value(&errmsg::by_key(&api, &reason, detail).map_err(to_js)?)
}

/// The client's limits (RULES.md §4, §6, §9) for the wx shim: `{ concurrent: { request,
/// uploadFile, downloadFile, connectSocket }, backgroundGraceMs, maxDownloadBytes,
/// maxCloseReasonBytes, defaultTimeoutMs, maxTimeoutMs }`.
#[wasm_bindgen(js_name = networkLimits)]
pub fn network_limits() -> Result<JsValue, JsValue> {
    to_value(&limits::network_limits())
}

/// What wx.request accepts and assumes (RULES.md §9): `{ methods, contentType }`.
#[wasm_bindgen(js_name = requestDefaults)]
pub fn request_defaults() -> Result<JsValue, JsValue> {
    to_value(&request::defaults())
}
