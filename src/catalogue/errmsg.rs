//! The errMsg/errno catalogue (RULES.md §7, §15): the one place that writes
//! `${api}:ok`, `${api}:fail <reason>` and the errno for every known failure.
//!
//! Every callback result of the platform carries `errMsg`; newer base libraries add
//! `errno`. Code that imitates the platform (the URL checks, the `wx.request` shim,
//! the CLI) builds these strings here and nowhere else, so the exact
//! wording (spaces, quotes, the trailing `;` of parameter errors) lives once.
//!
//! Each failure is one row of the `failures!` table below: its key (the public name, JS), the phrase
//! after `${api}:fail ` (`{}` stands for the detail), the errno, what detail it takes,
//! and an explanation (cause and fix, for people reading the errMsg). Where the sources
//! are unsure of an errno (timeout, abort, method, TLS), none is given: RULES.md §7
//! says to omit an errno rather than guess.

use crate::error::{quote, Error, ErrorCode};

/// What detail a failure takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailKind {
    None,
    /// A string: the URL, the host or the certificate error text.
    Text(&'static str),
    /// `{ parameter, expected, value }`, or the text after `parameter error: `.
    Parameter,
}

/// One row of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FailureRow {
    pub kind: FailureKind,
    /// The public key (`url-not-in-domain-list`), as `errMsgFor` and the TS union take it.
    pub key: &'static str,
    /// The text after `${api}:fail `; `{}` is replaced by the detail. `None`: the
    /// platform reports only the errno, on a result that is not a failure.
    pub phrase: Option<&'static str>,
    pub errno: Option<u32>,
    pub detail: DetailKind,
}

macro_rules! failures {
    ($( $(#[$doc:meta])* $kind:ident = $key:literal, phrase: $phrase:expr, errno: $errno:expr,
        detail: $detail:expr, explanation: $explanation:literal; )*) => {
        /// Every failure of the catalogue, by name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum FailureKind { $( $(#[$doc])* $kind, )* }

        /// The catalogue, in order.
        pub const FAILURES: &[FailureRow] = &[
            $( FailureRow { kind: FailureKind::$kind, key: $key, phrase: $phrase, errno: $errno, detail: $detail }, )*
        ];

        impl FailureKind {
            pub fn row(self) -> &'static FailureRow {
                &FAILURES[self as usize]
            }

            /// Cause and fix, one or two sentences. (A match, not a column of `FAILURES`,
            /// so that the wasm build, which never explains, leaves the text out.)
            pub fn explanation(self) -> &'static str {
                match self { $( FailureKind::$kind => $explanation, )* }
            }
        }
    };
}

failures! {
    /// Host, port or scheme not in the server domain list.
    UrlNotInDomainList = "url-not-in-domain-list", phrase: Some("url not in domain list"), errno: Some(600002),
        detail: DetailKind::None,
        explanation: "The host (with its port and scheme) is not in this API's server domain list. Add it in the \
            admin console (Development settings > Server domains), or turn urlCheck off while developing.";
    /// Unparseable URL or a scheme the API never uses.
    InvalidUrl = "invalid-url", phrase: Some("invalid url \"{}\""), errno: Some(600009),
        detail: DetailKind::Text("the URL as given"),
        explanation: "The URL does not parse, or its scheme is not one this API uses (https/http for requests, \
            wss/ws for sockets). Check for spaces, a missing scheme or a typo.";
    Timeout = "timeout", phrase: Some("timeout"), errno: None, detail: DetailKind::None,
        explanation: "No response within the timeout (the call's, else app.json networkTimeout, else 60 s). \
            Make the server answer sooner or raise the timeout.";
    Abort = "abort", phrase: Some("abort"), errno: None, detail: DetailKind::None,
        explanation: "The task's abort() was called before the response arrived.";
    /// The app stayed in the background for more than 5 s.
    Interrupted = "interrupted", phrase: Some("interrupted"), errno: Some(600003), detail: DetailKind::None,
        explanation: "The app stayed in the background for more than 5 seconds while the call was running. \
            Retry when the app is shown again.";
    /// Over the concurrency limit of the API.
    ExceedMaxTaskCount = "exceed-max-task-count", phrase: Some("exceed max task count"), errno: Some(600007),
        detail: DetailKind::None,
        explanation: "Too many calls of this API at once (10 for request, uploadFile and downloadFile, 5 \
            sockets). Queue the calls or wait for some to complete.";
    MethodIsInvalid = "method-is-invalid", phrase: Some("method is invalid"), errno: None,
        detail: DetailKind::None,
        explanation: "wx.request takes OPTIONS, GET, HEAD, POST, PUT, DELETE, TRACE or CONNECT (devices refuse \
            PATCH). Use one of them.";
    /// A wrong argument type: `parameter.url should be String instead of Undefined;`.
    ParameterError = "parameter-error", phrase: Some("parameter error: {}"), errno: Some(1001),
        detail: DetailKind::Parameter,
        explanation: "An argument has the wrong type (a missing url is Undefined). Pass the type the message \
            names.";
    /// A redirect led to a host that is not listed.
    RedirectNotInDomainList = "redirect-not-in-domain-list", phrase: Some("redirect url not in domain list:{}"),
        errno: None, detail: DetailKind::Text("the host redirected to"),
        explanation: "The server redirected to a host that is not in the domain list. List that host too, or \
            make the server answer without the redirect.";
    /// DevTools: the server offers no TLS 1.2.
    TlsVersion = "tls-version", phrase: Some("小程序要求的 TLS 版本必须大于等于 1.2"), errno: None,
        detail: DetailKind::None,
        explanation: "The server offers no TLS 1.2 or newer. Enable TLS 1.2 (and 1.3) on the server.";
    /// The certificate was refused: the client's text, e.g. `-202:net::ERR_CERT_AUTHORITY_INVALID`.
    Certificate = "certificate", phrase: Some("{}"), errno: Some(600001),
        detail: DetailKind::Text("the client's error text, e.g. -202:net::ERR_CERT_AUTHORITY_INVALID"),
        explanation: "The phone refused the server's certificate: -200 the host is not in it, -201 expired, -202 \
            untrusted or an incomplete chain. Serve a valid certificate with its full chain.";
    /// Any other transport failure: the client's own text (`net::ERR_…`, a socket error).
    Network = "network", phrase: Some("{}"), errno: None, detail: DetailKind::Text("the transport's error text"),
        explanation: "The connection failed before a response (DNS, refused, reset). Check that the server is \
            reachable from the phone's network.";
    /// sendSocketMessage/closeSocket without an open socket.
    WebsocketNotConnected = "websocket-is-not-connected", phrase: Some("WebSocket is not connected"), errno: None,
        detail: DetailKind::None,
        explanation: "A socket message or close was sent while no socket is open. Wait for onSocketOpen.";
    /// downloadFile above 200 MB (RULES.md §9).
    ExceedMaxFileSize = "exceed-max-file-size", phrase: Some("exceed max file size"), errno: None,
        detail: DetailKind::None,
        explanation: "downloadFile stops above 200 MB. Serve the file in parts or smaller.";
    /// uploadFile with a `filePath` that does not exist (or is not a store path).
    FileNotFound = "file-not-found", phrase: Some("file not found"), errno: None, detail: DetailKind::None,
        explanation: "uploadFile's filePath names no file in the store. Pass a path a download or chooser gave.";
    /// downloadFile with a `filePath` outside the store's user-data area (the FileSystemManager's wording).
    PermissionDenied = "permission-denied", phrase: Some("permission denied, open {}"), errno: None,
        detail: DetailKind::Text("the file path as given"),
        explanation: "downloadFile may write only under wx.env.USER_DATA_PATH. Use a path there.";
    /// A transport's error text: `certificate` when it names a certificate error, else `network`.
    Transport = "transport", phrase: Some("{}"), errno: None,
        detail: DetailKind::Text("the transport's error text: `certificate` if it names a certificate error, else `network`"),
        explanation: "A transport failure, classified by its text: see certificate and network.";
    /// A UDP/TCP target that is neither a LAN peer nor listed, or a port the client blocks (RULES.md §2, §10):
    /// the detail says which.
    SocketTargetRefused = "socket-target-refused", phrase: Some("{}"), errno: None,
        detail: DetailKind::Text("why the target was refused, e.g. `tcp://a.com:25 port blocked`"),
        explanation: "UDP and TCP may reach only an IPv4 peer in the phone's own subnet (not the phone itself) or \
            a host listed in udpdomain/tcpdomain; TCP never reaches ports below 1024 or the blocked list. List the \
            host, or use a LAN peer and an allowed port.";
    /// An empty or malformed argument of the UDP/TCP/mDNS APIs (the typings' `invalid param`).
    InvalidParam = "invalid-param", phrase: Some("invalid param"), errno: None, detail: DetailKind::None,
        explanation: "An argument is empty or not what the API takes: serviceType must be a Bonjour type such as \
            _http._tcp., address a host name or IPv4 address, port an integer 1-65535.";
    /// startLocalServiceDiscovery while a search runs (RULES.md §10).
    ScanTaskAlreadyExist = "scan-task-already-exist", phrase: Some("scan task already exist"), errno: None,
        detail: DetailKind::None,
        explanation: "A local service search is already running; one runs at a time. Call \
            stopLocalServiceDiscovery first, or wait for onLocalServiceDiscoveryStop.";
    /// stopLocalServiceDiscovery with no search running (RULES.md §10).
    TaskNotFound = "task-not-found", phrase: Some("task not found"), errno: None, detail: DetailKind::None,
        explanation: "stopLocalServiceDiscovery was called while no search was running (it stops by itself after \
            30 s). Nothing to stop.";
    /// A socket used before connect, or after close.
    SocketNotConnected = "socket-is-not-connected", phrase: Some("socket is not connected"), errno: None,
        detail: DetailKind::None,
        explanation: "write/send on a TCP or UDP socket that is not connected or already closed. Connect (or \
            bind) first and do not use a socket after close().";
    /// UDP, TCP or mDNS where the runtime has no such sockets (a browser).
    NotSupported = "not-supported", phrase: Some("not supported in {}"), errno: None,
        detail: DetailKind::Text("the environment, e.g. `a browser: browsers have no UDP sockets`"),
        explanation: "Browsers have no UDP, TCP or multicast sockets, so these APIs cannot work in a browser \
            preview. Run the code under wxnet in Node, or on a phone.";
    /// A response body that could not be converted to UTF-8 without loss (RULES.md §8): errno only.
    ResponseNotConvertible = "response-not-convertible", phrase: None, errno: Some(602302),
        detail: DetailKind::None,
        explanation: "The response could not be converted to UTF-8 without loss (wrong or missing charset). Send \
            UTF-8, or declare the body's charset in Content-Type.";
}

impl FailureKind {
    pub fn key(self) -> &'static str {
        self.row().key
    }

    pub fn errno(self) -> Option<u32> {
        self.row().errno
    }
}

/// The rows that are errMsg reasons (have a phrase): the keys [`by_key`] takes, in order.
pub fn keys() -> impl Iterator<Item = &'static FailureRow> {
    FAILURES.iter().filter(|row| row.phrase.is_some())
}

/// The detail of one failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail<'a> {
    None,
    Text(&'a str),
    /// The parameter, the expected and the received type names (`String`, `Undefined`,
    /// …, as the platform writes them).
    Parameter {
        parameter: &'a str,
        expected: &'a str,
        received: &'a str,
    },
}

/// Why a call failed: a catalogue row and its detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failure<'a> {
    pub kind: FailureKind,
    pub detail: Detail<'a>,
}

impl<'a> Failure<'a> {
    /// A failure that takes no detail.
    pub const fn plain(kind: FailureKind) -> Failure<'static> {
        Failure { kind, detail: Detail::None }
    }

    pub const fn with_text(kind: FailureKind, text: &'a str) -> Failure<'a> {
        Failure { kind, detail: Detail::Text(text) }
    }

    pub fn key(&self) -> &'static str {
        self.kind.key()
    }

    /// The text after `${api}:fail `: the row's phrase with the detail in its `{}`.
    pub fn reason_text(&self) -> String {
        let phrase = self.kind.row().phrase.unwrap_or_default();
        // `{}` is the only brace in a phrase (a char search: no substring searcher in wasm).
        let Some((before, after)) = phrase.split_once('{') else {
            return phrase.to_string();
        };
        let after = after.strip_prefix('}').unwrap_or(after);
        let detail = match self.detail {
            Detail::None => String::new(),
            Detail::Text(text) => text.to_string(),
            Detail::Parameter { parameter, expected, received } => {
                format!("parameter.{parameter} should be {expected} instead of {received};")
            }
        };
        format!("{before}{detail}{after}")
    }

    pub fn errno(&self) -> Option<u32> {
        self.kind.errno()
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
        Err(Error::new(ErrorCode::ArgApi, format!("api {} must be an API name such as \"request\"", quote(api))))
    }
}

/// Looks a failure up by its public key (see [`keys`]); `ok` gives `${api}:ok`.
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
    let Some(row) = keys().find(|row| row.key == key) else {
        let keys: Vec<&str> = keys().map(|row| row.key).collect();
        return Err(Error::new(
            ErrorCode::ArgReason,
            format!("reason {} is not in the errMsg catalogue; use ok, {}", quote(key), keys.join(", ")),
        ));
    };
    let missing = |what: &str| Error::new(ErrorCode::ArgType, format!("reason {key} needs detail: {what}"));
    let detail = match (row.detail, detail) {
        (DetailKind::None, _) => Detail::None,
        (DetailKind::Text(_), Detail::Text(text)) => Detail::Text(text),
        (DetailKind::Text(what), _) => return Err(missing(&format!("a string ({what})"))),
        (DetailKind::Parameter, Detail::None) => {
            return Err(missing("{ parameter, expected, value } or the text after \"parameter error: \""))
        }
        (DetailKind::Parameter, detail) => detail,
    };
    let kind = match (row.kind, detail) {
        (FailureKind::Transport, Detail::Text(text)) if is_certificate_error(text) => FailureKind::Certificate,
        (FailureKind::Transport, _) => FailureKind::Network,
        (kind, _) => kind,
    };
    Ok(fail(api, &Failure { kind, detail }))
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
        for row in keys() {
            let key = row.key;
            let detail = match row.detail {
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

    #[test]
    fn rule_7_each_row_is_where_its_kind_says() {
        for (index, row) in FAILURES.iter().enumerate() {
            assert_eq!(row.kind as usize, index, "{}", row.key);
            let braces = row.phrase.unwrap_or_default().matches(['{', '}']).count();
            assert!(braces == 0 || (braces == 2 && row.phrase.unwrap_or_default().contains("{}")), "{}", row.key);
            assert_eq!(row.kind.row().key, row.key);
            assert!(!row.kind.explanation().is_empty(), "{}", row.key);
        }
        assert_eq!(keys().count(), 23, "every row but the errno-only one is an errMsg reason");
    }

    #[test]
    fn rule_8_a_body_not_convertible_to_utf8_is_errno_602302_without_an_errmsg() {
        let row = FailureKind::ResponseNotConvertible.row();
        assert_eq!((row.errno, row.phrase), (Some(602302), None));
        assert_eq!(by_key("request", "response-not-convertible", Detail::None).unwrap_err().code, "arg/reason");
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
