//! Boundary for the HTTPS doctor (`wxnet::tls`, RULES.md §11, §15) and the errMsg
//! explainer (`wxnet::catalogue::explain`): `diagnoseChain`, `tlsProbeSuites`,
//! `explainErrMsg`.

use js_sys::{Array, Reflect, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wxnet::catalogue::explain;
use wxnet::error::{Error, ErrorCode};
use wxnet::tls::{self, HandshakeFacts, Options, Platform, Versions};
use wxnet_js::{expect_string, string_list, to_js, to_value, type_name};

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn options_error(message: String) -> JsValue {
    to_js(Error::new(ErrorCode::TlsOptions, message))
}

/// PEM text, DER bytes, or an array of either, as DER certificates in order.
fn certificates(value: &JsValue, what: &str) -> Result<Vec<Vec<u8>>, JsValue> {
    if value.is_array() {
        let mut all = Vec::new();
        for item in Array::from(value).iter() {
            all.extend(certificates(&item, what)?);
        }
        return Ok(all);
    }
    if let Some(text) = value.as_string() {
        return tls::chain_from_bytes(text.as_bytes()).map_err(to_js);
    }
    if value.is_instance_of::<Uint8Array>() {
        return Ok(vec![Uint8Array::from(value.clone()).to_vec()]);
    }
    if value.is_instance_of::<js_sys::ArrayBuffer>() {
        return Ok(vec![Uint8Array::new(value).to_vec()]);
    }
    Err(to_js(Error::new(
        ErrorCode::TlsChain,
        format!("{what} must be PEM text, DER bytes (Uint8Array) or an array of them, got {}", type_name(value)),
    )))
}

/// A Date, milliseconds since the epoch, or an ISO string, as Unix seconds.
fn time(value: &JsValue) -> Result<i64, JsValue> {
    if value.is_instance_of::<js_sys::Date>() {
        let ms = js_sys::Date::from(value.clone()).get_time();
        if ms.is_finite() {
            return Ok((ms / 1000.0).floor() as i64);
        }
    } else if let Some(ms) = value.as_f64().filter(|ms| ms.is_finite()) {
        return Ok((ms / 1000.0).floor() as i64);
    } else if let Some(seconds) = value.as_string().as_deref().and_then(tls::parse_iso_time) {
        return Ok(seconds);
    }
    Err(options_error(format!(
        "options.now must be a Date, milliseconds or an ISO date (2026-03-01T00:00:00Z), got {}",
        value.as_string().unwrap_or_else(|| type_name(value))
    )))
}

fn optional_bool(value: &JsValue, what: &str) -> Result<Option<bool>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value.as_bool().map(Some).ok_or_else(|| options_error(format!("{what} must be true, false or undefined")))
}

fn handshake_facts(value: &JsValue) -> Result<Option<HandshakeFacts>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let versions = get(value, "versions");
    let version = |name: &str| optional_bool(&get(&versions, name), &format!("options.tls.versions[\"{name}\"]"));
    let versions = if versions.is_undefined() || versions.is_null() {
        Versions::default()
    } else {
        Versions {
            tls1_0: version("TLSv1")?,
            tls1_1: version("TLSv1.1")?,
            tls1_2: version("TLSv1.2")?,
            tls1_3: version("TLSv1.3")?,
        }
    };
    Ok(Some(HandshakeFacts {
        versions,
        ciphers: string_list(&get(value, "ciphers"), "options.tls.ciphers")?,
        ocsp_staple: optional_bool(&get(value, "ocspStaple"), "options.tls.ocspStaple")?,
        no_sni_certificate_differs: optional_bool(
            &get(value, "noSniCertificateDiffers"),
            "options.tls.noSniCertificateDiffers",
        )?,
    }))
}

/// Checks a certificate chain as the server sent it (RULES.md §11): `{ verdict, predicted,
/// findings, chain }`. `options`: `{ host, now, stores?, extraRoots?, tls? }`.
#[wasm_bindgen(js_name = diagnoseChain)]
pub fn diagnose_chain(chain: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let chain = certificates(&chain, "chain")?;
    if !options.is_object() {
        return Err(options_error(format!("options must be {{ host, now, … }}, got {}", type_name(&options))));
    }
    let host = expect_string(&get(&options, "host"), ErrorCode::TlsOptions, "options.host")?;
    let now = time(&get(&options, "now"))?;
    let platforms = string_list(&get(&options, "stores"), "options.stores")?
        .unwrap_or_default()
        .iter()
        .map(|name| {
            Platform::parse(name)
                .ok_or_else(|| options_error(format!("options.stores: {name:?} is not ios, android or devtools")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let extra = get(&options, "extraRoots");
    let extra_roots =
        if extra.is_undefined() || extra.is_null() { Vec::new() } else { certificates(&extra, "options.extraRoots")? };
    let tls = handshake_facts(&get(&options, "tls"))?;
    let report = tls::diagnose_chain(&chain, &Options { host, now, platforms, extra_roots, tls }).map_err(to_js)?;
    to_value(&report)
}

#[derive(Serialize)]
struct Suite {
    iana: &'static str,
    openssl: &'static str,
}

/// The TLS 1.2 suites a probe tries, one connection each: `[{ iana, openssl }]`.
#[wasm_bindgen(js_name = tlsProbeSuites)]
pub fn tls_probe_suites() -> Result<JsValue, JsValue> {
    let suites: Vec<Suite> = tls::PROBE_SUITES.iter().map(|(iana, openssl)| Suite { iana, openssl }).collect();
    to_value(&suites)
}

/// What an errMsg means (RULES.md §15): `{ api?, key, errno?, netError?, title, causes, fixes, next? }`.
/// Unknown text is a result with key `unknown`; only a non-string is an error.
#[wasm_bindgen(js_name = explainErrMsg)]
pub fn explain_err_msg(text: JsValue) -> Result<JsValue, JsValue> {
    let text = expect_string(&text, ErrorCode::ArgType, "text")?;
    to_value(&explain::explain(&text))
}
