//! The Referer every mini program request carries (RULES.md §5).
//!
//! The client sets it and the caller cannot change it:
//! `https://servicewechat.com/{appid}/{version}/page-frame.html`, where `version`
//! is `0` (development, trial or review build), `devtools` (WeChat DevTools) or a
//! positive integer (a released version). Servers use it to tell which mini
//! program, and which kind of build, is calling.
//!
//! Parsing is strict on purpose: the client always sends this exact form, so
//! anything else was written by someone else. Each rejection says which part was
//! wrong through its [`Error::code`]: `referer/url`, `referer/host`,
//! `referer/path`, `referer/appid` or `referer/version`.

use crate::error::{quote, Error, ErrorCode};
use serde::Serialize;

pub const HOST: &str = "servicewechat.com";
const SCHEME: &str = "https://";
const PAGE: &str = "page-frame.html";
/// DevTools' placeholder AppID for projects without one.
pub const TOURIST_APPID: &str = "touristappid";
/// The identity a previewer sends when the project names none: DevTools' own,
/// `https://servicewechat.com/touristappid/devtools/page-frame.html`.
pub const DEFAULT_APPID: &str = TOURIST_APPID;
pub const DEFAULT_VERSION: &str = "devtools";
/// The largest release number that survives the trip to a JS number.
pub const MAX_RELEASE: u64 = (1 << 53) - 1;

/// Which kind of build sent the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Env {
    /// Version `0`: development, trial (体验版) or review build.
    Develop,
    /// Version `devtools`: WeChat DevTools.
    Devtools,
    /// A positive version number: a released mini program.
    Release,
}

impl Env {
    pub fn name(self) -> &'static str {
        match self {
            Env::Develop => "develop",
            Env::Devtools => "devtools",
            Env::Release => "release",
        }
    }

    pub fn from_name(name: &str) -> Option<Env> {
        match name {
            "develop" => Some(Env::Develop),
            "devtools" => Some(Env::Devtools),
            "release" => Some(Env::Release),
            _ => None,
        }
    }
}

/// A parsed Referer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Referer {
    pub appid: String,
    /// The version segment as sent: `0`, `devtools` or the release number.
    pub version: String,
    pub env: Env,
    /// The release number when `env` is `release`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub release: Option<u64>,
}

/// Parses a Referer header value. See the module docs for the accepted form.
pub fn parse(referer: &str) -> Result<Referer, Error> {
    let rest = strip_prefix_ignore_case(referer, SCHEME).ok_or_else(|| {
        Error::new(ErrorCode::RefererUrl, format!("Referer {} must start with {SCHEME}{HOST}/", quote(referer)))
    })?;
    if let Some(at) = rest.find(['?', '#']) {
        let what = if rest.as_bytes()[at] == b'?' { "a query" } else { "a fragment" };
        return Err(Error::new(
            ErrorCode::RefererUrl,
            format!("Referer {} has {what}; the client never sends one", quote(referer)),
        ));
    }
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    if authority.contains('@') {
        return Err(Error::new(
            ErrorCode::RefererUrl,
            format!("Referer {} has userinfo before the host", quote(referer)),
        ));
    }
    if !authority.eq_ignore_ascii_case(HOST) {
        let why = if authority.contains(':') { "a port is never sent" } else { "wrong host" };
        return Err(Error::new(
            ErrorCode::RefererHost,
            format!("Referer host {} is not {HOST} ({why})", quote(authority)),
        ));
    }
    let segments: Vec<&str> = path.split('/').collect();
    let [appid, version, page] = segments[..] else {
        return Err(Error::new(
            ErrorCode::RefererPath,
            format!("Referer path {} is not /{{appid}}/{{version}}/{PAGE}", quote(path)),
        ));
    };
    if page != PAGE {
        return Err(Error::new(
            ErrorCode::RefererPath,
            format!("Referer path must end in /{PAGE}, found {}", quote(page)),
        ));
    }
    check_appid(appid)?;
    let (env, release) = parse_version(version)?;
    Ok(Referer { appid: appid.to_string(), version: version.to_string(), env, release })
}

/// A version as a caller may give it to [`build`]: a number or a string.
#[derive(Debug, Clone, Copy)]
pub enum VersionArg<'a> {
    Number(f64),
    Text(&'a str),
}

/// Builds the Referer the client would send for `appid` at `version`
/// (`0`, `"0"`, `"devtools"`, or a positive integer as a number or decimal string).
pub fn build(appid: &str, version: VersionArg<'_>) -> Result<String, Error> {
    check_appid(appid)?;
    let version = match version {
        VersionArg::Text(text) => {
            parse_version(text)?;
            text.to_string()
        }
        VersionArg::Number(n) => {
            if !(n.is_finite() && n >= 0.0 && n.fract() == 0.0 && n <= MAX_RELEASE as f64) {
                return Err(Error::new(
                    ErrorCode::RefererVersion,
                    format!("version {n} must be 0, \"devtools\" or a positive integer"),
                ));
            }
            (n as u64).to_string()
        }
    };
    Ok(format!("{SCHEME}{HOST}/{appid}/{version}/{PAGE}"))
}

/// The outcome of [`verify`]: `reason` is `ok` or an error code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub ok: bool,
    pub reason: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referer: Option<Referer>,
}

/// What a server accepts: AppIDs (any when `None`) and environments (any when `None`).
#[derive(Debug, Clone, Default)]
pub struct VerifyOptions {
    pub appids: Option<Vec<String>>,
    pub allow: Option<Vec<Env>>,
}

impl VerifyOptions {
    /// Every listed AppID must be one a client could send: `options.appids: ["WX"]`
    /// would otherwise refuse every request without saying why.
    pub fn check(&self) -> Result<(), Error> {
        for (index, appid) in self.appids.iter().flatten().enumerate() {
            check_appid(appid).map_err(|e| {
                Error::new(ErrorCode::RefererOptions, format!("options.appids[{index}]: {}", e.message))
            })?;
        }
        Ok(())
    }
}

/// Checks a Referer a server received. `None` means the header was absent.
/// Reasons: `ok`, `referer/missing`, any parse code, `referer/appid-not-allowed`,
/// `referer/env-not-allowed`.
pub fn verify(referer: Option<&str>, options: &VerifyOptions) -> Verdict {
    let fail = |reason, message: String, referer| Verdict { ok: false, reason, message, referer };
    let Some(referer) = referer else {
        return fail(ErrorCode::RefererMissing.as_str(), "the request has no Referer header".into(), None);
    };
    let parsed = match parse(referer) {
        Ok(parsed) => parsed,
        Err(e) => return fail(e.code.as_str(), e.message, None),
    };
    if let Some(appids) = &options.appids {
        if !appids.contains(&parsed.appid) {
            let message = format!("AppID {} is not one this server accepts", parsed.appid);
            return fail(ErrorCode::RefererAppidNotAllowed.as_str(), message, Some(parsed));
        }
    }
    if let Some(allow) = &options.allow {
        if !allow.contains(&parsed.env) {
            let message = format!("{} builds are not accepted here", parsed.env.name());
            return fail(ErrorCode::RefererEnvNotAllowed.as_str(), message, Some(parsed));
        }
    }
    Verdict { ok: true, reason: "ok", message: String::new(), referer: Some(parsed) }
}

/// AppIDs are `wx` + 16 lowercase hex digits; DevTools also uses `touristappid`.
pub fn check_appid(appid: &str) -> Result<(), Error> {
    let hex = appid.strip_prefix("wx").unwrap_or("");
    let valid =
        appid == TOURIST_APPID || (hex.len() == 16 && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')));
    if valid {
        return Ok(());
    }
    let why = if appid.is_empty() {
        "is empty".to_string()
    } else if hex.len() == 16 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        "has upper-case hex digits; AppIDs are lower case".to_string()
    } else {
        format!("is not \"wx\" followed by 16 lower-case hex digits, nor \"{TOURIST_APPID}\"")
    };
    Err(Error::new(ErrorCode::RefererAppid, format!("AppID {} {why}", quote(appid))))
}

fn parse_version(version: &str) -> Result<(Env, Option<u64>), Error> {
    match version {
        "0" => return Ok((Env::Develop, None)),
        "devtools" => return Ok((Env::Devtools, None)),
        _ => {}
    }
    let invalid = |why: &str| {
        Error::new(
            ErrorCode::RefererVersion,
            format!("version {} {why}; expected 0, \"devtools\" or a positive integer", quote(version)),
        )
    };
    if version.is_empty() || !version.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid("is not a number"));
    }
    if version.starts_with('0') {
        return Err(invalid("has a leading zero"));
    }
    match version.parse::<u64>() {
        Ok(n) if n <= MAX_RELEASE => Ok((Env::Release, Some(n))),
        _ => Err(invalid("is too large")),
    }
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &s[prefix.len()..])
}

// The rule tests of parse, build and verify are data shared with the npm package and
// Chromium: tests/data/referer-cases.json, run by tests/referer_cases.rs. Here: properties.
#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        #[test]
        fn parse_never_panics(s in any::<String>()) {
            let _ = parse(&s);
        }

        #[test]
        fn parse_never_panics_near_the_valid_form(
            appid in "(wx[0-9a-fA-F]{14,18}|touristappid|)",
            version in "(0|devtools|[0-9]{0,22}|-1|\\PC{0,3})",
            tail in "\\PC{0,3}",
        ) {
            let _ = parse(&format!("https://servicewechat.com/{appid}/{version}/page-frame.html{tail}"));
        }

        #[test]
        fn build_then_parse_round_trips(hex in "[0-9a-f]{16}", release in 1u64..=MAX_RELEASE) {
            let appid = format!("wx{hex}");
            let referer = build(&appid, VersionArg::Number(release as f64)).unwrap();
            let parsed = parse(&referer).unwrap();
            prop_assert_eq!(parsed.appid, appid);
            prop_assert_eq!(parsed.release, Some(release));
        }

        #[test]
        fn build_never_panics(appid in any::<String>(), n in any::<f64>(), s in any::<String>()) {
            let _ = build(&appid, VersionArg::Number(n));
            let _ = build(&appid, VersionArg::Text(&s));
        }
    }
}
