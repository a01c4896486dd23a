//! The Referer cases (RULES.md §5) through the core, natively: every case of
//! tests/data/referer-cases.json gives its result or the error it expects. The same
//! file drives tests/referer.test.mjs (the npm package in Node) and
//! tests/referer/page.html (Chromium), so the three layers agree case by case.

#[path = "helpers/conformance.rs"]
mod conformance;

use conformance::{Case, CaseSet, ErrorExpectation};
use serde::Deserialize;
use serde_json::Value;
use wxnet::referer::{self, Env, VerifyOptions, VersionArg};
use wxnet::Error;

#[derive(Deserialize)]
struct RefererCases {
    cases: Vec<RefererCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RefererCase {
    id: String,
    rule: u32,
    group: String,
    /// The package export: parseReferer, buildReferer or verifyReferer.
    call: String,
    /// The arguments as JS passes them; see `text` for the `$` forms.
    args: Vec<Value>,
    #[serde(default)]
    boundary: bool,
    result: Option<Value>,
    error: Option<ErrorExpectation>,
}

conformance::impl_case!(RefererCase);

fn referer_cases() -> CaseSet<RefererCase> {
    let file: RefererCases = conformance::load("referer-cases.json");
    CaseSet::new("referer", file.cases)
}

const NOT_FOR_THE_CORE: &str = "an argument the core cannot take: mark the case boundary";

/// A string argument: a JSON string, or `{"$text": [piece, [piece, n], …]}` (the
/// pieces joined, `[piece, n]` repeated n times).
fn text(value: &Value) -> Result<String, String> {
    if let Some(text) = value.as_str() {
        return Ok(text.to_string());
    }
    let pieces = value.get("$text").and_then(Value::as_array).ok_or(NOT_FOR_THE_CORE)?;
    let mut out = String::new();
    for piece in pieces {
        match (piece.as_str(), piece.as_array().map(Vec::as_slice)) {
            (Some(text), _) => out.push_str(text),
            (None, Some([text, times])) => out.push_str(
                &text.as_str().ok_or(NOT_FOR_THE_CORE)?.repeat(times.as_u64().ok_or(NOT_FOR_THE_CORE)? as usize),
            ),
            _ => return Err(NOT_FOR_THE_CORE.into()),
        }
    }
    Ok(out)
}

/// `undefined` (`{"$undefined": true}`), `null` or a missing argument.
fn absent(value: Option<&Value>) -> bool {
    value.is_none_or(|value| value.is_null() || value.get("$undefined").is_some())
}

/// A version as JS passes it: a number (`{"$number": "NaN"}` for those JSON cannot
/// write) or a string.
enum Version {
    Number(f64),
    Text(String),
}

fn version(value: &Value) -> Result<Version, String> {
    if let Some(number) = value.as_f64() {
        return Ok(Version::Number(number));
    }
    if let Some(spelled) = value.get("$number").and_then(Value::as_str) {
        return Ok(Version::Number(spelled.parse().map_err(|_| NOT_FOR_THE_CORE)?));
    }
    Ok(Version::Text(text(value)?))
}

fn verify_options(value: Option<&Value>) -> Result<VerifyOptions, String> {
    if absent(value) {
        return Ok(VerifyOptions::default());
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Options {
        appids: Option<Vec<String>>,
        allow: Option<Vec<String>>,
    }
    let options: Options = serde_json::from_value(value.cloned().unwrap_or_default()).map_err(|_| NOT_FOR_THE_CORE)?;
    let allow = options
        .allow
        .map(|names| {
            names.iter().map(|name| Env::from_name(name).ok_or(NOT_FOR_THE_CORE)).collect::<Result<Vec<_>, _>>()
        })
        .transpose()?;
    Ok(VerifyOptions { appids: options.appids, allow })
}

fn to_json<T: serde::Serialize>(outcome: Result<T, Error>) -> Result<Value, Error> {
    outcome.map(|value| serde_json::to_value(value).expect("results serialise"))
}

fn call(case: &RefererCase) -> Result<Result<Value, Error>, String> {
    let arg = |index: usize| case.args.get(index);
    let first = arg(0).ok_or("no arguments")?;
    Ok(match case.call.as_str() {
        "parseReferer" => to_json(referer::parse(&text(first)?)),
        "buildReferer" => {
            let appid = text(first)?;
            let version = version(arg(1).ok_or("no version")?)?;
            let version = match &version {
                Version::Number(number) => VersionArg::Number(*number),
                Version::Text(text) => VersionArg::Text(text),
            };
            to_json(referer::build(&appid, version))
        }
        "verifyReferer" => {
            let header = if absent(Some(first)) { None } else { Some(text(first)?) };
            let options = verify_options(arg(1))?;
            to_json(options.check().map(|()| referer::verify(header.as_deref(), &options)))
        }
        other => return Err(format!("no such call {other:?}")),
    })
}

fn run(case: &RefererCase) -> Result<(), String> {
    let outcome = call(case)?;
    let shown = format!("{}({})", case.call, Value::Array(case.args.clone()));
    let shown: String = shown.chars().take(160).collect();
    match (outcome, &case.error, &case.result) {
        (Err(error), Some(expected), _) => {
            expected.check(error.code.as_str(), &error.message).map_err(|e| format!("{shown} {e}"))
        }
        (Err(error), None, _) => Err(format!("{shown} threw {error}")),
        (Ok(got), Some(expected), _) => Err(format!("{shown} gave {got}, want the error {}", expected.code)),
        (Ok(got), None, Some(want)) if &got == want => Ok(()),
        (Ok(got), None, want) => Err(format!("{shown} gave {got}, want {}", want.clone().unwrap_or_default())),
    }
}

#[test]
fn rule_5_referer_cases_parse_build_and_verify_as_the_data_says() {
    referer_cases().check_rule(5, run);
}

#[test]
fn referer_cases_belong_to_rule_5_and_every_expected_failure_ran() {
    let set = referer_cases();
    assert!(set.cases.len() >= 68, "the Referer cases lost some: {}", set.cases.len());
    assert!(set.cases.iter().all(|case| !case.group.is_empty()));
    set.check_coverage(&[5]);
}
