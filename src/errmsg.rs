//! The errMsg/errno catalogue (RULES.md §7): the one place that writes
//! `${api}:ok`, `${api}:fail <reason>` and the errno for every known failure.
//!
//! Every callback result of the platform carries `errMsg`; newer base libraries add
//! `errno`. Code that imitates the platform (the URL checks, the `wx.request` shim,
//! the CLI) builds these strings here and nowhere else, so the exact
//! wording (spaces, quotes, the trailing `;` of parameter errors) lives once.
//!
//! Where the sources are unsure of an errno (timeout, abort, method, TLS), none is
//! given: RULES.md §7 says to omit an errno rather than guess.

use crate::error::{quote, Error};

/// Why a call failed. The names in [`Failure::key`] are the public names (JS).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure<'a> {
    /// Host, port or scheme not in the server domain list.
    UrlNotInDomainList,
    /// Unparseable URL or a scheme the API never uses; carries the URL as given.
    InvalidUrl {
        url: &'a str,
    },
    Timeout,
    Abort,
    /// The app stayed in the background for more than 5 s.
    Interrupted,
    /// Over the concurrency limit of the API.
    ExceedMaxTaskCount,
    MethodIsInvalid,
    /// A wrong argument type: `parameter`, the expected and the received type names
    /// (`String`, `Undefined`, …, as the platform writes them).
    ParameterError {
        parameter: &'a str,
        expected: &'a str,
        received: &'a str,
    },
    /// A redirect led to a host that is not listed.
    RedirectNotInDomainList {
        host: &'a str,
    },
    /// DevTools: the server offers no TLS 1.2.
    TlsVersion,
    /// The certificate was refused; carries the client's text such as
    /// `-202:net::ERR_CERT_AUTHORITY_INVALID`.
    Certificate {
        detail: &'a str,
    },
    /// A parameter error given as the platform's text after `parameter error: `,
    /// e.g. `parameter.data should be String or ArrayBuffer instead of Object;`.
    ParameterText {
        text: &'a str,
    },
    /// Any other transport failure: the client's own text (`net::ERR_…`, a socket error).
    Network {
        detail: &'a str,
    },
    /// sendSocketMessage/closeSocket without an open socket.
    WebsocketNotConnected,
    /// downloadFile above 200 MB (RULES.md §9).
    ExceedMaxFileSize,
    /// uploadFile with a `filePath` that does not exist (or is not a store path).
    FileNotFound,
    /// downloadFile with a `filePath` outside the store's user-data area; carries the path.
    PermissionDenied {
        path: &'a str,
    },
}

/// What a detail-taking failure needs, for the error message when it is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailKind {
    None,
    /// A string: the URL, the host or the certificate error text.
    Text(&'static str),
    /// `{ parameter, expected, value }`.
    Parameter,
}

/// Every public failure key with what it needs as detail, in catalogue order.
pub const KEYS: [(&str, DetailKind); 17] = [
    ("url-not-in-domain-list", DetailKind::None),
    ("invalid-url", DetailKind::Text("the URL as given")),
    ("timeout", DetailKind::None),
    ("abort", DetailKind::None),
    ("interrupted", DetailKind::None),
    ("exceed-max-task-count", DetailKind::None),
    ("method-is-invalid", DetailKind::None),
    ("parameter-error", DetailKind::Parameter),
    ("redirect-not-in-domain-list", DetailKind::Text("the host redirected to")),
    ("tls-version", DetailKind::None),
    ("certificate", DetailKind::Text("the client's error text, e.g. -202:net::ERR_CERT_AUTHORITY_INVALID")),
    ("network", DetailKind::Text("the transport's error text")),
    ("websocket-is-not-connected", DetailKind::None),
    ("exceed-max-file-size", DetailKind::None),
    ("file-not-found", DetailKind::None),
    ("permission-denied", DetailKind::Text("the file path as given")),
    (
        "transport",
        DetailKind::Text("the transport's error text: `certificate` if it names a certificate error, else `network`"),
    ),
];

impl Failure<'_> {
    pub fn key(&self) -> &'static str {
        match self {
            Failure::UrlNotInDomainList => "url-not-in-domain-list",
            Failure::InvalidUrl { .. } => "invalid-url",
            Failure::Timeout => "timeout",
            Failure::Abort => "abort",
            Failure::Interrupted => "interrupted",
            Failure::ExceedMaxTaskCount => "exceed-max-task-count",
            Failure::MethodIsInvalid => "method-is-invalid",
            Failure::ParameterError { .. } => "parameter-error",
            Failure::RedirectNotInDomainList { .. } => "redirect-not-in-domain-list",
            Failure::TlsVersion => "tls-version",
            Failure::Certificate { .. } => "certificate",
            Failure::ParameterText { .. } => "parameter-error",
            Failure::Network { .. } => "network",
            Failure::WebsocketNotConnected => "websocket-is-not-connected",
            Failure::ExceedMaxFileSize => "exceed-max-file-size",
            Failure::FileNotFound => "file-not-found",
            Failure::PermissionDenied { .. } => "permission-denied",
        }
    }

    /// The text after `${api}:fail `.
    pub fn reason_text(&self) -> String {
        match self {
            Failure::UrlNotInDomainList => "url not in domain list".into(),
            Failure::InvalidUrl { url } => format!("invalid url \"{url}\""),
            Failure::Timeout => "timeout".into(),
            Failure::Abort => "abort".into(),
            Failure::Interrupted => "interrupted".into(),
            Failure::ExceedMaxTaskCount => "exceed max task count".into(),
            Failure::MethodIsInvalid => "method is invalid".into(),
            Failure::ParameterError { parameter, expected, received } => {
                format!("parameter error: parameter.{parameter} should be {expected} instead of {received};")
            }
            Failure::RedirectNotInDomainList { host } => format!("redirect url not in domain list:{host}"),
            Failure::TlsVersion => "小程序要求的 TLS 版本必须大于等于 1.2".into(),
            Failure::Certificate { detail } | Failure::Network { detail } => detail.to_string(),
            Failure::ParameterText { text } => format!("parameter error: {text}"),
            Failure::WebsocketNotConnected => "WebSocket is not connected".into(),
            Failure::ExceedMaxFileSize => "exceed max file size".into(),
            Failure::FileNotFound => "file not found".into(),
            // The FileSystemManager's wording for a path it may not write.
            Failure::PermissionDenied { path } => format!("permission denied, open {path}"),
        }
    }

    pub fn errno(&self) -> Option<u32> {
        match self {
            Failure::UrlNotInDomainList => Some(600002),
            Failure::InvalidUrl { .. } => Some(600009),
            Failure::Interrupted => Some(600003),
            Failure::ExceedMaxTaskCount => Some(600007),
            Failure::ParameterError { .. } | Failure::ParameterText { .. } => Some(1001),
            Failure::Certificate { .. } => Some(600001),
            Failure::Timeout
            | Failure::Abort
            | Failure::MethodIsInvalid
            | Failure::RedirectNotInDomainList { .. }
            | Failure::TlsVersion
            | Failure::Network { .. }
            | Failure::WebsocketNotConnected
            | Failure::ExceedMaxFileSize
            | Failure::FileNotFound
            | Failure::PermissionDenied { .. } => None,
        }
    }
}

/// An errMsg with its errno, as a callback result carries them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Message {
    #[serde(rename = "errMsg")]
    pub err_msg: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errno: Option<u32>,
}

/// `${api}:ok`.
pub fn ok(api: &str) -> Message {
    Message { err_msg: format!("{api}:ok"), errno: None }
}

/// `${api}:fail <reason>` and its errno.
pub fn fail(api: &str, failure: &Failure) -> Message {
    Message { err_msg: format!("{api}:fail {}", failure.reason_text()), errno: failure.errno() }
}

/// API names are identifiers (`request`, `connectSocket`, `createSocketTask`, …).
pub fn check_api_name(api: &str) -> Result<(), Error> {
    let valid = !api.is_empty()
        && api.len() <= 64
        && api.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
        && api.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if valid {
        Ok(())
    } else {
        Err(Error::new("arg/api", format!("api {} must be an API name such as \"request\"", quote(api))))
    }
}

/// Detail handed to [`by_key`].
#[derive(Debug, Clone, Copy)]
pub enum Detail<'a> {
    None,
    Text(&'a str),
    Parameter { parameter: &'a str, expected: &'a str, received: &'a str },
}

/// Looks a failure up by its public key (see [`KEYS`]); `ok` gives `${api}:ok`.
/// The platform's own phrase works as a key too (`exceed max task count`,
/// `parameter error`): case and spaces versus hyphens do not matter. A detail
/// given to a reason that takes none is ignored; a missing required one is an error.
pub fn by_key(api: &str, key: &str, detail: Detail) -> Result<Message, Error> {
    check_api_name(api)?;
    let normalized: String = key.trim().chars().map(|c| if c == ' ' { '-' } else { c.to_ascii_lowercase() }).collect();
    let key = normalized.as_str();
    if key == "ok" {
        return Ok(ok(api));
    }
    let Some((_, needs)) = KEYS.iter().find(|(k, _)| *k == key) else {
        let keys: Vec<&str> = KEYS.iter().map(|(k, _)| *k).collect();
        return Err(Error::new(
            "arg/reason",
            format!("reason {} is not in the errMsg catalogue; use ok, {}", quote(key), keys.join(", ")),
        ));
    };
    let missing = |what: &str| Error::new("arg/type", format!("reason {key} needs detail: {what}"));
    let failure = match (key, detail) {
        ("invalid-url", Detail::Text(url)) => Failure::InvalidUrl { url },
        ("redirect-not-in-domain-list", Detail::Text(host)) => Failure::RedirectNotInDomainList { host },
        ("certificate", Detail::Text(detail)) => Failure::Certificate { detail },
        ("network", Detail::Text(detail)) => Failure::Network { detail },
        ("permission-denied", Detail::Text(path)) => Failure::PermissionDenied { path },
        ("transport", Detail::Text(detail)) if is_certificate_error(detail) => Failure::Certificate { detail },
        ("transport", Detail::Text(detail)) => Failure::Network { detail },
        ("parameter-error", Detail::Text(text)) => Failure::ParameterText { text },
        ("parameter-error", Detail::Parameter { parameter, expected, received }) => {
            Failure::ParameterError { parameter, expected, received }
        }
        ("url-not-in-domain-list", _) => Failure::UrlNotInDomainList,
        ("timeout", _) => Failure::Timeout,
        ("abort", _) => Failure::Abort,
        ("interrupted", _) => Failure::Interrupted,
        ("exceed-max-task-count", _) => Failure::ExceedMaxTaskCount,
        ("method-is-invalid", _) => Failure::MethodIsInvalid,
        ("tls-version", _) => Failure::TlsVersion,
        ("websocket-is-not-connected", _) => Failure::WebsocketNotConnected,
        ("exceed-max-file-size", _) => Failure::ExceedMaxFileSize,
        ("file-not-found", _) => Failure::FileNotFound,
        _ => {
            return Err(match needs {
                DetailKind::Text(what) => missing(&format!("a string ({what})")),
                DetailKind::Parameter => {
                    missing("{ parameter, expected, value } or the text after \"parameter error: \"")
                }
                DetailKind::None => missing("none"),
            })
        }
    };
    Ok(fail(api, &failure))
}

/// Whether a transport's error text (Node's TLS codes such as `DEPTH_ZERO_SELF_SIGNED_CERT`,
/// `UNABLE_TO_VERIFY_LEAF_SIGNATURE`, `CERT_HAS_EXPIRED`) means the certificate was refused:
/// the client reports those with errno 600001 (RULES.md §7), other failures without.
pub fn is_certificate_error(detail: &str) -> bool {
    ["CERT", "SELF_SIGNED", "UNABLE_TO_VERIFY", "UNABLE_TO_GET_ISSUER"].iter().any(|code| detail.contains(code))
}

/// The platform's name for the type of a value in parameter errors.
pub fn platform_type_name(js_type: &str) -> &'static str {
    match js_type {
        "undefined" => "Undefined",
        "null" => "Null",
        "string" => "String",
        "number" => "Number",
        "boolean" => "Boolean",
        "array" => "Array",
        "function" => "Function",
        "symbol" => "Symbol",
        "bigint" => "BigInt",
        "arraybuffer" => "ArrayBuffer",
        _ => "Object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn msg(api: &str, key: &str, detail: Detail) -> (String, Option<u32>) {
        let m = by_key(api, key, detail).unwrap();
        (m.err_msg, m.errno)
    }

    #[test]
    fn rule_7_ok_is_api_colon_ok() {
        assert_eq!(msg("request", "ok", Detail::None), ("request:ok".into(), None));
        assert_eq!(msg("connectSocket", "ok", Detail::None), ("connectSocket:ok".into(), None));
    }

    #[test]
    fn rule_7_url_not_in_domain_list_is_600002() {
        assert_eq!(
            msg("request", "url-not-in-domain-list", Detail::None),
            ("request:fail url not in domain list".into(), Some(600002))
        );
    }

    #[test]
    fn rule_7_invalid_url_quotes_the_url_as_given_and_is_600009() {
        assert_eq!(
            msg("downloadFile", "invalid-url", Detail::Text("ftp://a.com/x y")),
            ("downloadFile:fail invalid url \"ftp://a.com/x y\"".into(), Some(600009))
        );
    }

    #[test]
    fn rule_7_timeout_and_abort_have_no_errno() {
        assert_eq!(msg("request", "timeout", Detail::None), ("request:fail timeout".into(), None));
        assert_eq!(msg("uploadFile", "abort", Detail::None), ("uploadFile:fail abort".into(), None));
    }

    #[test]
    fn rule_7_interrupted_is_600003_and_task_count_600007() {
        assert_eq!(msg("request", "interrupted", Detail::None), ("request:fail interrupted".into(), Some(600003)));
        assert_eq!(
            msg("request", "exceed-max-task-count", Detail::None),
            ("request:fail exceed max task count".into(), Some(600007))
        );
    }

    #[test]
    fn rule_7_parameter_error_uses_the_platform_wording_and_1001() {
        let detail = Detail::Parameter { parameter: "url", expected: "String", received: "Undefined" };
        assert_eq!(
            msg("request", "parameter-error", detail),
            ("request:fail parameter error: parameter.url should be String instead of Undefined;".into(), Some(1001))
        );
        assert_eq!(platform_type_name("undefined"), "Undefined");
        assert_eq!(platform_type_name("object"), "Object");
    }

    #[test]
    fn rule_7_platform_phrases_work_as_keys() {
        assert_eq!(msg("request", "exceed max task count", Detail::None).1, Some(600007));
        assert_eq!(msg("request", "Method Is Invalid", Detail::None).0, "request:fail method is invalid");
        assert_eq!(
            msg("sendSocketMessage", "WebSocket is not connected", Detail::None).0,
            "sendSocketMessage:fail WebSocket is not connected"
        );
        let text = "parameter.data should be String or ArrayBuffer instead of Object;";
        assert_eq!(
            msg("sendSocketMessage", "parameter error", Detail::Text(text)),
            (format!("sendSocketMessage:fail parameter error: {text}"), Some(1001))
        );
        assert_eq!(
            msg("request", "network", Detail::Text("net::ERR_CONNECTION_REFUSED")).0,
            "request:fail net::ERR_CONNECTION_REFUSED"
        );
    }

    #[test]
    fn rule_7_a_transport_failure_is_a_certificate_failure_only_when_its_text_says_so() {
        for code in [
            "DEPTH_ZERO_SELF_SIGNED_CERT",
            "SELF_SIGNED_CERT_IN_CHAIN",
            "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
            "CERT_HAS_EXPIRED",
        ] {
            assert_eq!(msg("request", "transport", Detail::Text(code)), (format!("request:fail {code}"), Some(600001)));
        }
        for text in ["ECONNREFUSED", "ECONNRESET", "Failed to fetch"] {
            assert_eq!(msg("request", "transport", Detail::Text(text)), (format!("request:fail {text}"), None));
        }
    }

    #[test]
    fn rule_9_a_file_path_outside_the_store_is_permission_denied() {
        assert_eq!(
            msg("downloadFile", "permission-denied", Detail::Text("/tmp/x")),
            ("downloadFile:fail permission denied, open /tmp/x".into(), None)
        );
        assert_eq!(by_key("downloadFile", "permission denied", Detail::None).unwrap_err().code, "arg/type");
    }

    #[test]
    fn rule_9_method_is_invalid() {
        assert_eq!(msg("request", "method-is-invalid", Detail::None), ("request:fail method is invalid".into(), None));
    }

    #[test]
    fn rule_1_redirect_to_an_unlisted_host_names_it() {
        assert_eq!(
            msg("request", "redirect-not-in-domain-list", Detail::Text("evil.com")),
            ("request:fail redirect url not in domain list:evil.com".into(), None)
        );
    }

    #[test]
    fn rule_7_tls_and_certificate_messages() {
        assert_eq!(msg("request", "tls-version", Detail::None).0, "request:fail 小程序要求的 TLS 版本必须大于等于 1.2");
        assert_eq!(
            msg("request", "certificate", Detail::Text("-202:net::ERR_CERT_AUTHORITY_INVALID")),
            ("request:fail -202:net::ERR_CERT_AUTHORITY_INVALID".into(), Some(600001))
        );
    }

    #[test]
    fn rule_7_every_catalogue_key_builds_a_message() {
        for (key, needs) in KEYS {
            let detail = match needs {
                DetailKind::None => Detail::None,
                DetailKind::Text(_) => Detail::Text("x"),
                DetailKind::Parameter => Detail::Parameter { parameter: "p", expected: "String", received: "Number" },
            };
            let m = by_key("request", key, detail).unwrap();
            assert!(m.err_msg.starts_with("request:fail "), "{key}");
        }
    }

    #[test]
    fn bad_keys_apis_and_missing_details_are_errors() {
        assert_eq!(by_key("request", "nope", Detail::None).unwrap_err().code, "arg/reason");
        assert_eq!(by_key("", "ok", Detail::None).unwrap_err().code, "arg/api");
        assert_eq!(by_key("re quest", "ok", Detail::None).unwrap_err().code, "arg/api");
        let e = by_key("request", "invalid-url", Detail::None).unwrap_err();
        assert_eq!(e.code, "arg/type");
        assert!(e.message.contains("the URL"), "{}", e.message);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        #[test]
        fn by_key_never_panics(api in any::<String>(), key in any::<String>(), text in any::<String>()) {
            let _ = by_key(&api, &key, Detail::Text(&text));
            let _ = by_key(&api, &key, Detail::None);
        }
    }
}
