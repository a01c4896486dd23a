//! The wasm boundary of the npm package: the only crate that knows wasm-bindgen.
//!
//! Conventions (shared with the tools module through `crates/wxnet-js`): arguments
//! arrive as plain JS values and are checked here; results leave as plain objects;
//! errors leave as `{ code, message }` objects that the JS glue
//! (`pkg-template/core/errors.mjs`) rethrows as `WxnetError`.
//! One submodule per area of the core.

use wasm_bindgen::prelude::*;
use wxnet::api::Api;

pub mod abi;
mod body;
mod files;
mod referer;
mod rules;
mod sockets;
mod wx;

pub(crate) use wxnet_js::{expect_string, string_list, to_js, to_value, type_name};

/// One of the four network API names (`arg/api` otherwise).
pub(crate) fn expect_api(api: &JsValue) -> Result<Api, JsValue> {
    match api.as_string() {
        Some(name) => Api::parse(&name).map_err(to_js),
        None => Err(to_js(Api::not_a_name(&type_name(api)))),
    }
}
