//! Boundary for `crate::body`: two entry points, so that the common case never
//! copies the body into wasm.
//!
//! - `bodyPlan` is the cheap call: the first three bytes and the Content-Type in,
//!   one number out saying which native `TextDecoder` can decode the body and how
//!   many BOM bytes to skip (steps 1–2 of the decision; "UTF-8 if valid" when
//!   neither applies).
//! - `decodeBodyText` is the full path: the whole body in, `{ text, encoding,
//!   bomStripped, lossy, errno? }` out. The JS glue calls it for legacy encodings
//!   and whenever the native decoder met a malformed sequence (detection, lossy
//!   reporting).

use super::to_js;
use crate::body::{self, Decision, NATIVE_DECODER_ENCODINGS};
use crate::error::Error;
use wasm_bindgen::prelude::*;

/// `plan & 3` is the number of BOM bytes to skip; `plan >> 2` is 1 + the index in
/// `bodyNativeEncodings()` of the native decoder to try, or 0 when only
/// `decodeBodyText` can decode the body.
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

/// Decides and decodes the whole body in the core.
#[wasm_bindgen(js_name = decodeBodyText)]
pub fn decode_body_text(bytes: &[u8], content_type: Option<String>) -> Result<JsValue, JsValue> {
    let decoded = body::decode(bytes, content_type.as_deref());
    let object = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        js_sys::Reflect::set(&object, &key.into(), &value)
            .map(|_| ())
            .map_err(|_| to_js(Error::new("internal/result", format!("could not set {key} on the result"))))
    };
    set("text", JsValue::from_str(&decoded.text))?;
    set("encoding", decoded.encoding.name().into())?;
    set("bomStripped", decoded.bom_stripped.into())?;
    set("lossy", decoded.lossy.into())?;
    if decoded.lossy {
        set("errno", body::ERRNO_NOT_CONVERTIBLE.into())?;
    }
    Ok(object.into())
}
