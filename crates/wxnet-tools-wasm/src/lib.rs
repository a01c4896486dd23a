//! The tools module's wasm boundary: the linters and checks that read whole files
//! (the span-keeping JSON reader, and next the project linter and the HTTPS doctor).
//! Loaded by `wxnet/tools` only, so a previewer page that needs `createWx` never
//! downloads them. Conversions and error conventions are `crates/wxnet-js`'s.

mod dns_sd;
mod lint;
mod proxy;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wxnet::error::{Error, ErrorCode};
use wxnet::lint::config::{RuleSeverities, Written};
use wxnet::lint::{Diagnostic, LineIndex, Location};
use wxnet_js::{expect_string, to_js, to_value, type_name};

mod tls;

/// A diagnostic with its place in the linted text (1-based lines, UTF-16 columns).
#[derive(Serialize)]
struct Located<'a> {
    #[serde(flatten)]
    diagnostic: &'a Diagnostic,
    #[serde(flatten)]
    location: Option<Location>,
}

fn located(text: &str, diagnostics: &[Diagnostic]) -> Result<JsValue, JsValue> {
    let index = LineIndex::new(text);
    let rows: Vec<Located> = diagnostics
        .iter()
        .map(|diagnostic| Located { diagnostic, location: diagnostic.span.map(|span| index.location(span)) })
        .collect();
    to_value(&rows)
}

/// `{ "wxnet/<code>": "off" | "warn" | "error" }` as the user wrote it; problems with
/// it are `wxnet/lint-config` findings (they have no place in the linted text).
fn severities(rules: &JsValue) -> Result<(RuleSeverities, Vec<Diagnostic>), JsValue> {
    if rules.is_undefined() || rules.is_null() {
        return Ok(Default::default());
    }
    if !rules.is_object() || rules.is_array() {
        let message = format!(
            "options.rules must be an object like {{ \"wxnet/domain-path\": \"off\" }}, got {}",
            type_name(rules)
        );
        return Err(to_js(Error::new(ErrorCode::ArgType, message)));
    }
    let mut pairs = Vec::new();
    for key in js_sys::Object::keys(rules.unchecked_ref::<js_sys::Object>()).iter() {
        let Some(code) = key.as_string() else { continue };
        let value = js_sys::Reflect::get(rules, &key).unwrap_or(JsValue::UNDEFINED);
        pairs.push((code, value.as_string(), type_name(&value)));
    }
    let written = pairs.iter().map(|(code, text, type_name)| {
        let value = match text {
            Some(text) => Written::Text(text),
            None => Written::Other(type_name),
        };
        (code.as_str(), value, None, None)
    });
    Ok(RuleSeverities::read(written))
}

/// Lints the text of a server-domain JSON file (RULES.md §1): the findings of
/// `lintDomains`, each with `line`, `column`, `endLine`, `endColumn` of the key or item
/// it is about; a file that is not JSON gives one `wxnet/json-syntax` error at the
/// offending character. `rules` sets severities per code.
#[wasm_bindgen(js_name = lintDomainsFile)]
pub fn lint_domains_file(text: JsValue, rules: JsValue) -> Result<JsValue, JsValue> {
    let text = expect_string(&text, ErrorCode::ArgType, "text")?;
    let (severities, mut problems) = severities(&rules)?;
    problems.extend(wxnet::lint::domains::lint_json(&text, &severities));
    located(&text, &problems)
}
