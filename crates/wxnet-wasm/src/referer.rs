//! Boundary for `wxnet::referer`.

use crate::{expect_string, string_list, to_js, to_value, type_name};
use wasm_bindgen::prelude::*;
use wxnet::error::{Error, ErrorCode};
use wxnet::referer;

#[wasm_bindgen(js_name = parseReferer)]
pub fn parse_referer(referer: JsValue) -> Result<JsValue, JsValue> {
    let referer = expect_string(&referer, ErrorCode::RefererType, "referer")?;
    to_value(&referer::parse(&referer).map_err(to_js)?)
}

#[wasm_bindgen(js_name = buildReferer)]
pub fn build_referer(appid: JsValue, version: JsValue) -> Result<String, JsValue> {
    let appid = expect_string(&appid, ErrorCode::RefererType, "appid")?;
    let text = version.as_string();
    let version = match (&text, version.as_f64()) {
        (Some(text), _) => referer::VersionArg::Text(text),
        (None, Some(number)) => referer::VersionArg::Number(number),
        (None, None) => {
            return Err(to_js(Error::new(
                ErrorCode::RefererVersion,
                format!("version must be a number or a string, got {}", type_name(&version)),
            )))
        }
    };
    referer::build(&appid, version).map_err(to_js)
}

/// `referer` may be `undefined`/`null` (header absent); options are `{ appids?, allow? }`.
#[wasm_bindgen(js_name = verifyReferer)]
pub fn verify_referer(referer: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let referer = match referer.is_undefined() || referer.is_null() {
        true => None,
        false => Some(expect_string(&referer, ErrorCode::RefererType, "referer")?),
    };
    let get = |key: &str| js_sys::Reflect::get(&options, &key.into()).unwrap_or(JsValue::UNDEFINED);
    let (appids, allow) = match options.is_object() {
        true => (string_list(&get("appids"), "options.appids")?, string_list(&get("allow"), "options.allow")?),
        false if options.is_undefined() || options.is_null() => (None, None),
        false => return Err(to_js(Error::new(ErrorCode::ArgType, "options must be an object"))),
    };
    let allow = allow
        .map(|names| {
            names
                .iter()
                .map(|name| {
                    referer::Env::from_name(name).ok_or_else(|| {
                        to_js(Error::new(
                            ErrorCode::ArgType,
                            format!("options.allow: unknown env {name:?}; use develop, devtools or release"),
                        ))
                    })
                })
                .collect::<Result<Vec<_>, _>>()
        })
        .transpose()?;
    let options = referer::VerifyOptions { appids, allow };
    options.check().map_err(to_js)?;
    to_value(&referer::verify(referer.as_deref(), &options))
}
