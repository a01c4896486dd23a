//! `lintProjectFiles`: the project linter (RULES.md §12, §13) over files the caller
//! read (Node walks the disk, the browser gets a dropped folder). The JS side
//! (`pkg-template/lint/`) shapes the arguments; this only converts them.

use wasm_bindgen::prelude::*;
use wxnet::api::Api;
use wxnet::error::ErrorCode;
use wxnet::project::{call_keywords, config_wrappers, lint_project, Given, Options, Wrapper};
use wxnet_js::{string_list, to_js, to_value};

fn given(file: Option<String>, text: Option<String>) -> Option<Given> {
    Some(Given { file: file?, text: text? })
}

/// `paths[i]` (relative, `/`) holds `texts[i]`. `domainsFile`/`domainsText` and
/// `configFile`/`configText` are files given apart from the folder; `lan` is
/// `ip/prefix`; `rules` the JSON text of severities over the config's; the project's
/// wrappers are `wrapperNames[i]` calling `wrapperApis[i]`; `focus` checks only that
/// file's calls. Returns `{ diagnostics, summary, needs? }`; throws `arg/lan` for a
/// bad `lan`, `arg/type` for bad rules, `arg/api` for a wrapper's API.
#[wasm_bindgen(js_name = lintProjectFiles)]
#[allow(clippy::too_many_arguments)]
pub fn lint_project_files(
    paths: JsValue,
    texts: JsValue,
    domains_file: Option<String>,
    domains_text: Option<String>,
    config_file: Option<String>,
    config_text: Option<String>,
    lan: Option<String>,
    rules: Option<String>,
    wrapper_names: JsValue,
    wrapper_apis: JsValue,
    focus: Option<String>,
) -> Result<JsValue, JsValue> {
    let paths = string_list(&paths, "paths")?.unwrap_or_default();
    let texts = string_list(&texts, "texts")?.unwrap_or_default();
    if paths.len() != texts.len() {
        let message = format!("{} paths and {} texts", paths.len(), texts.len());
        return Err(to_js(wxnet::Error::new(ErrorCode::ArgType, message)));
    }
    let files: Vec<(String, String)> = paths.into_iter().zip(texts).collect();
    let names = string_list(&wrapper_names, "wrapperNames")?.unwrap_or_default();
    let apis = string_list(&wrapper_apis, "wrapperApis")?.unwrap_or_default();
    let wrappers = names
        .into_iter()
        .zip(apis)
        .map(|(name, api)| Ok(Wrapper { name, api: Api::parse(&api).map_err(to_js)? }))
        .collect::<Result<Vec<_>, JsValue>>()?;
    let options = Options {
        domains: given(domains_file, domains_text),
        config: given(config_file, config_text),
        lan,
        rules,
        wrappers,
        focus,
    };
    let report = lint_project(&files, &options).map_err(to_js)?;
    to_value(&report)
}

/// The words one of which every call site to check contains, given the wrappers'
/// names and a wxnet.config.json text (its `extraCallees`): a module without any is
/// skipped by the build plugin.
#[wasm_bindgen(js_name = lintCallKeywords)]
pub fn lint_call_keywords(wrapper_names: JsValue, config_text: Option<String>) -> Result<JsValue, JsValue> {
    let names = string_list(&wrapper_names, "wrapperNames")?.unwrap_or_default();
    let mut wrappers: Vec<Wrapper> = names.into_iter().map(|name| Wrapper { name, api: Api::Request }).collect();
    wrappers.extend(config_text.as_deref().map(config_wrappers).unwrap_or_default());
    to_value(&call_keywords(&wrappers))
}
