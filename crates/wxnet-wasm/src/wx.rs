//! Boundary for the checks the `wx` shim runs on each call (RULES.md §7, §9):
//! `wxnet::wx_api` (parameter types), `wxnet::socket` (close code and reason) and
//! `wxnet::request` (the method). Failures leave as the callback's `{ errMsg, errno }`;
//! `undefined` means none. The shim's static values (defaults, dropped headers, store
//! path prefixes) need no call: the codegen writes them into `core/wx.generated.mjs`.

use crate::{expect_string, to_js, to_value, type_name};
use wasm_bindgen::prelude::*;
use wxnet::catalogue::errmsg::{self, fail};
use wxnet::error::{quote, Error, ErrorCode};
use wxnet::{request, socket, wx_api};

/// The JS type of a value as the parameter checks tell them apart.
fn js_type(value: &JsValue) -> String {
    if value.is_instance_of::<js_sys::ArrayBuffer>() {
        "arraybuffer".into()
    } else {
        type_name(value)
    }
}

fn field(option: &JsValue, name: &str) -> JsValue {
    if !option.is_object() {
        return JsValue::UNDEFINED; // a missing option is `{}`: every required field is Undefined
    }
    js_sys::Reflect::get(option, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// `{ errMsg, errno }` for the first option field of `call` with a wrong type, else
/// undefined. `call` is one of `wx_api::CALLS`; the errMsg starts with its method name
/// (`UDPSocket.send` fails as `send:fail …`).
#[wasm_bindgen(js_name = wxParameterError)]
pub fn wx_parameter_error(call: JsValue, option: JsValue) -> Result<JsValue, JsValue> {
    let name = expect_string(&call, ErrorCode::ArgApi, "call")?;
    let spec = wx_api::parameters_by_call(&name).ok_or_else(|| {
        let message = format!("call {} must be one of {}", quote(&name), wx_api::CALLS.join(", "));
        to_js(Error::new(ErrorCode::ArgApi, message))
    })?;
    let failure = wx_api::check_parameters(spec, |field_name| js_type(&field(&option, field_name)));
    match failure {
        Some(failure) => to_value(&fail(wx_api::method_name(&name), &failure)),
        None => Ok(JsValue::UNDEFINED),
    }
}

/// close()'s `code` and `reason` checked: the code to close with (a number), or the
/// `{ errMsg, errno }` of the parameter error. `text` is the code as JS writes it
/// (`${code}`), `reason` the reason as a string (`String(reason ?? '')`).
#[wasm_bindgen(js_name = checkSocketClose)]
pub fn check_socket_close(api: JsValue, code: JsValue, text: JsValue, reason: JsValue) -> Result<JsValue, JsValue> {
    let api = expect_string(&api, ErrorCode::ArgApi, "api")?;
    errmsg::check_api_name(&api).map_err(to_js)?;
    let text = text.as_string().unwrap_or_default();
    let code = match code.is_undefined() || code.is_null() {
        true => socket::CloseCode::Absent,
        false => socket::CloseCode::Given { number: code.as_f64(), text: &text },
    };
    let reason = expect_string(&reason, ErrorCode::ArgType, "reason")?;
    match socket::check_close(&api, code, &reason) {
        Ok(code) => Ok(code.into()),
        Err(message) => to_value(&message),
    }
}

/// The method wx.request sends (`GET` when undefined, upper-cased), or undefined when
/// it is not one the client accepts (`method is invalid`).
#[wasm_bindgen(js_name = requestMethod)]
pub fn request_method(method: JsValue) -> Result<Option<String>, JsValue> {
    let method = match method.is_undefined() || method.is_null() {
        true => None,
        false => Some(expect_string(&method, ErrorCode::ArgType, "method")?),
    };
    Ok(request::resolve_method(method.as_deref()))
}
