//! Conversions between JS values and the core's types, shared by the runtime module's
//! bindings (`crates/wxnet-wasm`) and the tools module's (`crates/wxnet-tools-wasm`).
//!
//! Conventions: arguments arrive as plain JS values and are checked here (a wrong type
//! becomes an `Error` with code `…/type` or `arg/type`); results leave as plain objects
//! through serde-wasm-bindgen; errors leave as `{ code, message }` objects that the JS
//! glue (`pkg-template/core/errors.mjs`) rethrows as `WxnetError`.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wxnet::error::{Error, ErrorCode};

/// Turns a core error into the `{ code, message }` object the JS glue rethrows.
pub fn to_js(error: Error) -> JsValue {
    let object = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&object, &"code".into(), &error.code.as_str().into());
    let _ = js_sys::Reflect::set(&object, &"message".into(), &error.message.into());
    object.into()
}

/// A serialisable result as a plain JS value (objects, not Maps).
pub fn to_value<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(|e| to_js(Error::new(ErrorCode::InternalSerialize, e.to_string())))
}

/// `typeof`, with `null` and `array` told apart: how error messages name a wrong value.
pub fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if value.is_array() {
        "array".into()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}

pub fn expect_string(value: &JsValue, code: ErrorCode, what: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| to_js(Error::new(code, format!("{what} must be a string, got {}", type_name(value)))))
}

/// An optional array of strings (`None` for undefined or null).
pub fn string_list(value: &JsValue, what: &str) -> Result<Option<Vec<String>>, JsValue> {
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
