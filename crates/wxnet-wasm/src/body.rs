//! Boundary for `wxnet::body`: two entry points, so that the common case never
//! copies the body into wasm.
//!
//! - `bodyPlan` is the cheap call: the first three bytes and the Content-Type in,
//!   one number out saying which native `TextDecoder` can decode the body and how
//!   many BOM bytes to skip (steps 1–2 of the decision; "UTF-8 if valid" when
//!   neither applies).
//! - `decodeBodyUtf16` is the full path: the whole body in, UTF-16 code units
//!   left in wasm memory (`{ ptr, length }` into `bodyMemory()`) plus `{ encoding,
//!   bomStripped, lossy, errno? }`. The JS glue calls it for legacy encodings and
//!   whenever the native decoder met a malformed sequence (detection, lossy
//!   reporting), and makes the string from the units: a copy, where returning a
//!   Rust `String` would transcode UTF-8 to UTF-16 once more in JS.
//! - `decodeBodyText` is the same with the text as a string: simpler, slower,
//!   kept as an independent path that the fuzz test compares the glue against.

use crate::to_js;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wxnet::body::{self, Decision, NoLabel, NATIVE_DECODER_ENCODINGS};
use wxnet::catalogue::errmsg::FailureKind;
use wxnet::error::{Error, ErrorCode};

thread_local! {
    /// The units of the last `decodeBodyUtf16`, valid until the next call.
    static UTF16_OUTPUT: Cell<Vec<u16>> = const { Cell::new(Vec::new()) };
}

/// Above this many units, a buffer twice as large as needed is given back.
const KEEP_OUTPUT_UNITS: usize = 1 << 20;

/// `plan & 3` is the number of BOM bytes to skip; `plan >> 2` is 1 + the index in
/// `bodyNativeEncodings()` of the native decoder to try, or 0 when only the core
/// (`decodeBodyUtf16`) can decode the body.
#[wasm_bindgen(js_name = bodyPlan)]
pub fn body_plan(content_type: Option<String>, b0: u8, b1: u8, b2: u8, len: u32) -> u32 {
    let head = [b0, b1, b2];
    let head = head.get(..(len as usize).min(body::bom::MAX_BOM_LEN)).unwrap_or_default();
    // No BOM and no known label: "UTF-8 if valid" is what the native UTF-8
    // decoder checks; if the body is not UTF-8 the glue falls back to detection.
    let decision = body::decide_from_head(head, content_type.as_deref()).unwrap_or(Decision {
        encoding: encoding_rs::UTF_8,
        bom_len: 0,
        source: body::Source::Utf8,
    });
    let native = NATIVE_DECODER_ENCODINGS.iter().position(|e| *e == decision.encoding).map_or(0, |i| i as u32 + 1);
    (native << 2) | decision.bom_len as u32
}

/// The names of the encodings `bodyPlan` may send to a native decoder, in its order.
#[wasm_bindgen(js_name = bodyNativeEncodings)]
pub fn body_native_encodings() -> Vec<String> {
    NATIVE_DECODER_ENCODINGS.iter().map(|e| e.name().to_string()).collect()
}

/// Decides and decodes the whole body into UTF-16 units kept in wasm memory.
#[wasm_bindgen(js_name = decodeBodyUtf16)]
pub fn decode_body_utf16(bytes: &[u8], content_type: Option<String>, detect: bool) -> Result<JsValue, JsValue> {
    // Taken out of its cell for the call and put back after: if decoding runs out of
    // memory (a trap), the cell holds an empty buffer instead of a dangling borrow.
    let mut units = UTF16_OUTPUT.with(Cell::take);
    if units.capacity() > KEEP_OUTPUT_UNITS && units.capacity() > 2 * bytes.len() {
        units = Vec::new(); // don't pin a big buffer after one large body
    }
    let result = decode_utf16_result(bytes, content_type.as_deref(), detect, &mut units);
    // The units stay where they are (a Vec's buffer does not move with it) until the next call.
    UTF16_OUTPUT.with(|cell| cell.set(units));
    result
}

fn decode_utf16_result(
    bytes: &[u8],
    content_type: Option<&str>,
    detect: bool,
    units: &mut Vec<u16>,
) -> Result<JsValue, JsValue> {
    let meta = body::decode_utf16_into(bytes, content_type, no_label(detect), units).map_err(to_js)?;
    let object = js_sys::Object::new();
    set(&object, "ptr", (units.as_ptr() as usize as u32).into())?;
    set(&object, "length", (meta.units as u32).into())?;
    set(&object, "encoding", meta.encoding.name().into())?;
    set(&object, "bomStripped", meta.bom_stripped.into())?;
    set(&object, "lossy", meta.lossy.into())?;
    set_lossy_errno(&object, meta.lossy)?;
    Ok(object.into())
}

fn no_label(detect: bool) -> NoLabel {
    if detect {
        NoLabel::Detect
    } else {
        NoLabel::Utf8
    }
}

/// The wasm memory that `decodeBodyUtf16`'s `ptr` points into.
#[wasm_bindgen(js_name = bodyMemory)]
pub fn body_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// A lossy body carries the catalogue's errno 602302 (`response-not-convertible`).
fn set_lossy_errno(object: &js_sys::Object, lossy: bool) -> Result<(), JsValue> {
    match FailureKind::ResponseNotConvertible.errno() {
        Some(errno) if lossy => set(object, "errno", errno.into()),
        _ => Ok(()),
    }
}

fn set(object: &js_sys::Object, key: &str, value: JsValue) -> Result<(), JsValue> {
    js_sys::Reflect::set(object, &key.into(), &value)
        .map(|_| ())
        .map_err(|_| to_js(Error::new(ErrorCode::InternalResult, format!("could not set {key} on the result"))))
}

/// Decides and decodes the whole body in the core.
#[wasm_bindgen(js_name = decodeBodyText)]
pub fn decode_body_text(bytes: &[u8], content_type: Option<String>, detect: bool) -> Result<JsValue, JsValue> {
    let decoded = body::decode(bytes, content_type.as_deref(), no_label(detect)).map_err(to_js)?;
    let object = js_sys::Object::new();
    set(&object, "text", JsValue::from_str(&decoded.text))?;
    set(&object, "encoding", decoded.encoding.name().into())?;
    set(&object, "bomStripped", decoded.bom_stripped.into())?;
    set(&object, "lossy", decoded.lossy.into())?;
    set_lossy_errno(&object, decoded.lossy)?;
    Ok(object.into())
}
