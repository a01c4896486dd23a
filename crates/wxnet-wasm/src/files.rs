//! Boundary for `wxnet::file_path` (RULES.md §9): which `filePath` values are the
//! file store's own.

use crate::{expect_string, to_js};
use wasm_bindgen::prelude::*;
use wxnet::error::ErrorCode;
use wxnet::file_path;

/// `{ area, relative }` for a store path; throws `file/path` for anything else.
#[wasm_bindgen(js_name = parseStorePath)]
pub fn parse_store_path(path: &JsValue) -> Result<JsValue, JsValue> {
    let path = expect_string(path, ErrorCode::ArgType, "filePath")?;
    let parsed = file_path::parse_store_path(&path).map_err(to_js)?;
    let object = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&object, &"area".into(), &parsed.area.name().into());
    let _ = js_sys::Reflect::set(&object, &"relative".into(), &parsed.relative.into());
    Ok(object.into())
}
