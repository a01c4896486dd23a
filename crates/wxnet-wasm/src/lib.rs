//! The wasm boundary of the npm package: the only crate that knows wasm-bindgen.
//!
//! Conventions: arguments arrive as plain JS values and are checked here (a wrong
//! type becomes an `Error` with code `…/type` or `arg/type`); results leave as plain
//! objects through serde-wasm-bindgen; errors leave as `{ code, message }` objects
//! that the JS glue (`pkg-template/errors.mjs`) rethrows as `WxnetError`.
//! One submodule per area of the core; shared conversions live here.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wxnet::api::Api;
use wxnet::error::{Error, ErrorCode};

pub mod abi;
mod body;
mod files;
mod referer;
mod rules;
mod sockets;
mod wx;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// Turns a core error into the `{ code, message }` object the JS glue rethrows.
pub(crate) fn to_js(error: Error) -> JsValue {
    let object = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&object, &"code".into(), &error.code.as_str().into());
    let _ = js_sys::Reflect::set(&object, &"message".into(), &error.message.into());
    object.into()
}

pub(crate) fn to_value<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(|e| to_js(Error::new(ErrorCode::InternalSerialize, e.to_string())))
}

pub(crate) fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if value.is_array() {
        "array".into()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}

pub(crate) fn expect_string(value: &JsValue, code: ErrorCode, what: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| to_js(Error::new(code, format!("{what} must be a string, got {}", type_name(value)))))
}

/// One of the four network API names (`arg/api` otherwise).
pub(crate) fn expect_api(api: &JsValue) -> Result<Api, JsValue> {
    match api.as_string() {
        Some(name) => Api::parse(&name).map_err(to_js),
        None => Err(to_js(Api::not_a_name(&type_name(api)))),
    }
}

pub(crate) fn string_list(value: &JsValue, what: &str) -> Result<Option<Vec<String>>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let not_list = || to_js(Error::new(ErrorCode::ArgType, format!("{what} must be an array of strings")));
    if !value.is_array() {
        return Err(not_list());
    }
    js_sys::Array::from(value)
        .iter()
        .map(|item| item.as_string().ok_or_else(not_list))
        .collect::<Result<_, _>>()
        .map(Some)
}
