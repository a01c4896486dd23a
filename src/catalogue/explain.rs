//! `explainErrMsg`: any errMsg a user pastes, in any shape of RULES.md §15, turned into
//! a cause and a fix (RULES.md §7, §11, §15).
//!
//! The shapes: `request:fail url not in domain list`, the two cronet shapes
//! (`request:fail -202:net::ERR_CERT_AUTHORITY_INVALID` and `request:fail errcode:-202
//! cronet_error_code:-202 error_msg:net::ERR_CERT_AUTHORITY_INVALID`), DevTools' Chinese
//! TLS text, `ssl hand shake error`, a socket's `TLS handshake failed`, a bare errno
//! (`600002`), a pasted `{"errno":…,"errMsg":…}` object, the transport codes Node
//! reports (`CERT_HAS_EXPIRED`, `ECONNREFUSED`), with or without the `api:fail ` prefix.
//! The errMsg catalogue ([`super::errmsg`]) says which failure a phrase is; the tables
//! here say why it happens and what to do. Unknown text is a result with key
//! `unknown`, never an error.

use super::errmsg::{FailureKind, FAILURES};
use serde::Serialize;

/// A Chromium (cronet) net error: its code and its name without `ERR_`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct NetError {
    pub code: i32,
    pub name: &'static str,
}

/// What an errMsg means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// The API before `:fail` (`request`, `createSocketTask`), when the text names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api: Option<String>,
    /// The errMsg catalogue key (`url-not-in-domain-list`, `certificate`, …) or `unknown`.
    pub key: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errno: Option<u32>,
    #[serde(rename = "netError", skip_serializing_if = "Option::is_none")]
    pub net_error: Option<NetError>,
    pub title: &'static str,
    pub causes: Vec<&'static str>,
    pub fixes: Vec<&'static str>,
    /// The wxnet command that looks further (`wxnet doctor <host>`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// Why a failure of the catalogue happens and what to do about it.
struct Advice {
    title: &'static str,
    causes: &'static [&'static str],
    fixes: &'static [&'static str],
    /// The command to run next; `<host>` is replaced by the host when the text names one.
    next: Option<&'static str>,
}

const DOCTOR: Option<&str> = Some("wxnet doctor <host>");
const CHECK: Option<&str> = Some("wxnet check <url> --domains <domains.json>");

fn advice(kind: FailureKind) -> Advice {
    use FailureKind::*;
    let (title, causes, fixes, next): (&str, &[&str], &[&str], _) = match kind {
        UrlNotInDomainList => (
            "The URL's host is not in the server domain list",
            &[
                "The host (exactly, including www and the port when one is written) is not in this API's list \
                 (request, uploadFile, downloadFile or socket domains).",
                "The list was changed in the admin console but the client still has the old one (it is cached).",
            ],
            &[
                "Add the host to the API's list under Development settings > Server domains.",
                "While developing, turn urlCheck off (project.config.json setting.urlCheck: false).",
            ],
            CHECK,
        ),
        InvalidUrl => (
            "The URL does not parse or has the wrong scheme",
            &["A typo, a space, a missing scheme, or http/ws where the API needs https/wss."],
            &["Write an absolute https:// (or wss:// for sockets) URL."],
            CHECK,
        ),
        RedirectNotInDomainList => (
            "The server redirected to a host that is not listed",
            &["A 30x response pointed at another host (www vs the bare domain, a login or CDN host)."],
            &["Add the redirect's host to the domain list, or make the server answer without redirecting."],
            CHECK,
        ),
        Timeout => (
            "No response within the timeout",
            &[
                "The server is slow or unreachable from the phone's network.",
                "The timeout is short: the call's timeout, else app.json networkTimeout, else 60 s.",
            ],
            &["Make the server answer sooner, or raise networkTimeout in app.json."],
            None,
        ),
        Abort => (
            "The call was aborted",
            &["The task's abort() was called before the response arrived."],
            &["Nothing to fix if intended; otherwise find who calls abort()."],
            None,
        ),
        Interrupted => (
            "The app went to the background during the call",
            &["The app stayed in the background for more than 5 seconds while the call ran."],
            &["Retry when the app is shown again (onShow)."],
            None,
        ),
        ExceedMaxTaskCount => (
            "Too many calls at once",
            &["More than 10 request/uploadFile/downloadFile calls, or 5 sockets, are running."],
            &["Queue the calls, or wait for some to complete."],
            None,
        ),
        MethodIsInvalid => (
            "The HTTP method is not one wx.request takes",
            &["Devices refuse PATCH and any method outside OPTIONS, GET, HEAD, POST, PUT, DELETE, TRACE, CONNECT."],
            &["Use one of those methods (e.g. POST with an override header instead of PATCH)."],
            Some("wxnet lint"),
        ),
        ParameterError => (
            "An argument has the wrong type",
            &["A parameter is missing (Undefined) or of another type than the API expects."],
            &["Pass the type the message names."],
            Some("wxnet lint"),
        ),
        TlsVersion => (
            "The server offers no TLS 1.2 or newer",
            &["The server (or a load balancer in front of it) allows only TLS 1.0/1.1."],
            &["Enable TLS 1.2 and 1.3 on the server (nginx: ssl_protocols TLSv1.2 TLSv1.3;)."],
            DOCTOR,
        ),
        Certificate => (
            "The phone refused the server's certificate or TLS setup",
            &["The chain is incomplete (Android fetches no missing intermediate), untrusted, self-signed, \
                 expired, or does not name the host."],
            &["Serve a certificate from a public CA with its full chain (fullchain.pem), valid and naming the host."],
            DOCTOR,
        ),
        Network | Transport => (
            "The connection failed before a response",
            &["DNS, a refused or reset connection, or no network on the phone."],
            &["Check that the server is reachable from the phone's network on the port of the URL."],
            DOCTOR,
        ),
        WebsocketNotConnected => (
            "No socket is open",
            &["A message or close was sent before onSocketOpen, or after the socket closed."],
            &["Send after onOpen/onSocketOpen; reconnect after a close."],
            None,
        ),
        ExceedMaxFileSize => (
            "The download is larger than 200 MB",
            &["downloadFile stops above 200 MB."],
            &["Serve the file in parts or smaller."],
            None,
        ),
        SocketTargetRefused => (
            "The UDP or TCP target is not allowed",
            &[
                "The address is neither an IPv4 peer in the phone's own subnet (not the phone itself) nor a host \
                 listed in udpdomain/tcpdomain.",
                "TCP: the port is below 1024 or on the client's blocked list.",
            ],
            &["List the host in udpdomain/tcpdomain, or use a LAN peer and an allowed port."],
            None,
        ),
        InvalidParam => (
            "An argument is empty or malformed",
            &["serviceType is not a Bonjour type such as _http._tcp., or an address or port is not usable."],
            &["Pass a non-empty Bonjour service type, a host name or IPv4 address, a port 1-65535."],
            None,
        ),
        ScanTaskAlreadyExist => (
            "A local service search is already running",
            &["startLocalServiceDiscovery was called while an earlier search had not stopped."],
            &["Call stopLocalServiceDiscovery first, or wait for onLocalServiceDiscoveryStop (it stops after 30 s)."],
            None,
        ),
        TaskNotFound => (
            "No local service search to stop",
            &["stopLocalServiceDiscovery was called with no search running (a search stops by itself after 30 s)."],
            &["Nothing to do; stop only a search you started."],
            None,
        ),
        SocketNotConnected => (
            "The socket is not connected",
            &["write or send on a TCP or UDP socket before connect (or bind), or after close()."],
            &["Connect first, and do not use a socket after close()."],
            None,
        ),
        NotSupported => (
            "This API does not exist in a browser",
            &["Browsers have no UDP, TCP or multicast sockets."],
            &["Run the code under wxnet in Node, or on a phone."],
            None,
        ),
        FileNotFound => (
            "uploadFile's filePath names no file",
            &["The path is not one a download or chooser gave, or the file was removed."],
            &["Pass a path from wx.chooseMedia, downloadFile or the user data folder."],
            None,
        ),
        PermissionDenied => (
            "downloadFile may not write there",
            &["filePath is outside wx.env.USER_DATA_PATH."],
            &["Write under wx.env.USER_DATA_PATH."],
            None,
        ),
        ResponseNotConvertible => (
            "The response could not be converted to UTF-8",
            &["The body is in another charset than declared, or none is declared."],
            &["Send UTF-8, or declare the body's charset in Content-Type."],
            None,
        ),
    };
    Advice { title, causes, fixes, next }
}

/// One Chromium net error (RULES.md §15) with its cause and fix. Certificate errors
/// (−2xx) and TLS version errors come under the `certificate` key (errno 600001).
struct NetAdvice {
    code: i32,
    name: &'static str,
    title: &'static str,
    causes: &'static [&'static str],
    fixes: &'static [&'static str],
}

macro_rules! net_errors {
    ($( $code:literal $name:literal $title:literal, causes: [$($cause:literal),*], fixes: [$($fix:literal),*]; )*) => {
        const NET_ERRORS: &[NetAdvice] = &[
            $( NetAdvice { code: $code, name: $name, title: $title, causes: &[$($cause),*], fixes: &[$($fix),*] }, )*
        ];
    };
}

net_errors! {
    -3 "ABORTED" "The request was aborted", causes: ["The task was aborted, or the page that made it was closed."],
        fixes: ["Nothing to fix if intended."];
    -7 "TIMED_OUT" "The request timed out", causes: ["The server did not answer within the timeout."],
        fixes: ["Make the server answer sooner, or raise networkTimeout in app.json."];
    -21 "NETWORK_CHANGED" "The phone's network changed during the call",
        causes: ["Wi-Fi and mobile data switched while the call ran."], fixes: ["Retry the call."];
    -100 "CONNECTION_CLOSED" "The server closed the connection",
        causes: ["The server or a middlebox closed the connection, often when it refuses the TLS version."],
        fixes: ["Enable TLS 1.2 and 1.3 on the server and check the proxy in front of it."];
    -101 "CONNECTION_RESET" "The connection was reset",
        causes: ["A firewall or the server reset the connection (SNI filtering, a crashed backend)."],
        fixes: ["Check the server's logs and any firewall between the phone and the server."];
    -102 "CONNECTION_REFUSED" "The connection was refused",
        causes: ["Nothing listens on that port, or a firewall rejects it."],
        fixes: ["Start the server on the URL's port (443 for https) and open the firewall."];
    -105 "NAME_NOT_RESOLVED" "The host name does not resolve",
        causes: ["No DNS record for the host, a typo, or DNS not yet propagated."],
        fixes: ["Add the DNS record (A/AAAA) and check the spelling of the host."];
    -106 "INTERNET_DISCONNECTED" "The phone is offline", causes: ["No network on the phone."],
        fixes: ["Retry when online."];
    -107 "SSL_PROTOCOL_ERROR" "The TLS handshake was malformed",
        causes: ["Plain HTTP is served on the TLS port, or a proxy speaks broken TLS."],
        fixes: ["Serve HTTPS on that port (nginx: listen 443 ssl)."];
    -109 "ADDRESS_UNREACHABLE" "The server's address is unreachable",
        causes: ["No route to the server (a private IP, or the server is down)."],
        fixes: ["Use a public address reachable from the phone."];
    -110 "SSL_CLIENT_AUTH_CERT_NEEDED" "The server asks for a client certificate",
        causes: ["Mutual TLS is on; the phone has no client certificate to send."],
        fixes: ["Turn client-certificate verification off for the mini program's host."];
    -113 "SSL_VERSION_OR_CIPHER_MISMATCH" "No TLS version or cipher in common",
        causes: ["The server offers only TLS 1.0/1.1, only TLS 1.3 (old phones), or no ECDHE-AES-GCM/CHACHA20 suite."],
        fixes: ["Offer TLS 1.2 and 1.3 with ECDHE-RSA/ECDSA-AES-GCM suites (Mozilla's intermediate configuration)."];
    -118 "CONNECTION_TIMED_OUT" "The connection timed out",
        causes: ["The server did not accept the connection in time (firewall dropping packets, server down)."],
        fixes: ["Check that the port is open to the internet."];
    -137 "NAME_RESOLUTION_FAILED" "DNS resolution failed", causes: ["The phone's DNS server failed."],
        fixes: ["Retry; check the host's DNS records."];
    -200 "CERT_COMMON_NAME_INVALID" "The certificate does not name the host",
        causes: [
            "The host is not in the certificate's subjectAltName (www versus the bare domain, a wildcard that covers one label only, a CN-only certificate).",
            "The server sends another site's certificate (SNI: several sites on one IP, or a non-443 port)."
        ],
        fixes: ["Get a certificate whose SAN lists this exact host, and serve it for this host name."];
    -201 "CERT_DATE_INVALID" "The certificate has expired or is not yet valid",
        causes: ["The certificate (or an intermediate) expired, e.g. a renewal that never reloaded the server.", "The phone's clock is wrong."],
        fixes: ["Renew the certificate and reload the server; check the phone's date."];
    -202 "CERT_AUTHORITY_INVALID" "The certificate is not trusted",
        causes: [
            "The chain is incomplete: the server sends the leaf without its intermediate (Android fetches none, iOS and DevTools often do).",
            "The certificate is self-signed or from a private CA.",
            "The root is not in the phone's store (old Android, a distrusted CA).",
            "iOS: the certificate fails Apple's Certificate Transparency policy."
        ],
        fixes: ["Serve the full chain (leaf + intermediates, e.g. fullchain.pem) from a public CA."];
    -206 "CERT_REVOKED" "The certificate was revoked", causes: ["The CA revoked the certificate."],
        fixes: ["Get a new certificate."];
    -207 "CERT_INVALID" "The certificate is unusable",
        causes: ["No serverAuth in its extended key usage, a CA certificate used as the leaf, or a malformed certificate (iOS: also a weak key or SHA-1)."],
        fixes: ["Issue a server certificate (EKU serverAuth, basicConstraints CA:FALSE) from a public CA."];
    -208 "CERT_WEAK_SIGNATURE_ALGORITHM" "A certificate is signed with SHA-1",
        causes: ["The leaf or an intermediate is signed with SHA-1 or MD5."],
        fixes: ["Reissue with SHA-256, and serve the CA's current SHA-256 intermediate."];
    -211 "CERT_WEAK_KEY" "A certificate's key is too weak", causes: ["An RSA key below 1024 bits (iOS: below 2048)."],
        fixes: ["Reissue with RSA 2048+ or ECDSA P-256."];
    -212 "CERT_NAME_CONSTRAINT_VIOLATION" "The CA may not issue for this name",
        causes: ["The chain's CA is name-constrained and the host is outside its names."],
        fixes: ["Get the certificate from another CA."];
    -213 "CERT_VALIDITY_TOO_LONG" "The certificate's lifetime is too long",
        causes: ["More than 398 days for a certificate issued after 2020-09-01 (200 days from 2026-03-15)."],
        fixes: ["Reissue with a shorter lifetime (90 days is common)."];
    -214 "CERTIFICATE_TRANSPARENCY_REQUIRED" "The certificate is not logged in Certificate Transparency",
        causes: ["Too few signed certificate timestamps (SCTs)."], fixes: ["Get the certificate from a public CA that logs it."];
    -215 "CERT_SYMANTEC_LEGACY" "The certificate chains to the distrusted Symantec PKI",
        causes: ["An old Symantec, Thawte, GeoTrust or RapidSSL chain."], fixes: ["Get a new certificate from a current CA."];
    -324 "EMPTY_RESPONSE" "The server closed without a response",
        causes: ["The server accepted the connection and closed it without answering."],
        fixes: ["Check the server's logs."];
}

/// Node's transport codes (the shim's `transport` errMsg) and their Chromium equivalents.
const NODE_CODES: &[(&str, i32)] = &[
    ("CERT_HAS_EXPIRED", -201),
    ("CERT_NOT_YET_VALID", -201),
    ("DEPTH_ZERO_SELF_SIGNED_CERT", -202),
    ("SELF_SIGNED_CERT_IN_CHAIN", -202),
    ("UNABLE_TO_VERIFY_LEAF_SIGNATURE", -202),
    ("UNABLE_TO_VERIFY_LEAF_SINGATURE", -202),
    ("UNABLE_TO_GET_ISSUER_CERT_LOCALLY", -202),
    ("UNABLE_TO_GET_ISSUER_CERT", -202),
    ("ERR_TLS_CERT_ALTNAME_INVALID", -200),
    ("HOSTNAME_MISMATCH", -200),
    ("ECONNREFUSED", -102),
    ("ECONNRESET", -101),
    ("ENOTFOUND", -105),
    ("EAI_AGAIN", -137),
    ("ETIMEDOUT", -118),
    ("EHOSTUNREACH", -109),
];

/// Errnos without a phrase of their own (RULES.md §7 and the community's table).
const OTHER_ERRNOS: &[(u32, &str, &[&str])] = &[
    (600000, "Unknown network error", &["The client gave no detail; look at the errMsg text that came with it."]),
    (600004, "Network logic error", &["The client gave no detail; look at the errMsg text that came with it."]),
];

/// Explains any errMsg text (see the module docs). Never fails: unknown text gives key `unknown`.
pub fn explain(text: &str) -> Explanation {
    let text = text.trim();
    if text.starts_with('{') {
        let err_msg = json_string_field(text, "errMsg");
        let errno = json_number_field(text, "errno");
        let mut explained = explain(err_msg.as_deref().unwrap_or_default());
        if explained.key == "unknown" {
            if let Some(errno) = errno {
                explained = explain_errno(errno);
            }
        }
        if explained.errno.is_none() {
            explained.errno = errno;
        }
        return explained;
    }
    if !text.is_empty() && text.len() <= 9 && text.bytes().all(|b| b.is_ascii_digit()) {
        return explain_errno(text.parse().unwrap_or_default());
    }
    let (api, reason) = split_api(text);
    let mut explained = explain_reason(reason);
    explained.api = api.map(str::to_string);
    if let (Some(next), Some(host)) = (&mut explained.next, host_in(reason)) {
        let url = quoted_url(reason).map_or_else(|| format!("https://{host}/"), str::to_string);
        *next = next.replace("<host>", host).replace("<url>", &url);
    }
    explained
}

/// `request:fail reason` → (`request`, `reason`); `createSocketTask:fail …` too.
fn split_api(text: &str) -> (Option<&str>, &str) {
    let Some((head, rest)) = text.split_once(':') else {
        return (None, text);
    };
    let is_api = !head.is_empty()
        && head.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
        && head.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    let rest = rest.trim_start();
    match rest.strip_prefix("fail") {
        Some(reason) if is_api => (Some(head), reason.trim_start_matches([' ', ':'])),
        _ => (None, text),
    }
}

fn from_advice(kind: FailureKind) -> Explanation {
    let advice = advice(kind);
    Explanation {
        api: None,
        key: kind.key(),
        errno: kind.errno(),
        net_error: None,
        title: advice.title,
        causes: advice.causes.to_vec(),
        fixes: advice.fixes.to_vec(),
        next: advice.next.map(str::to_string),
    }
}

fn from_net_error(net: &NetAdvice) -> Explanation {
    // Certificate and TLS failures are the `certificate` row (errno 600001); the rest `network`.
    let is_tls = net.code <= -200 || matches!(net.code, -107 | -110 | -113);
    let kind = if is_tls { FailureKind::Certificate } else { FailureKind::Network };
    let next = match net.code {
        -105 | -137 | -3 | -21 | -106 => None,
        _ => DOCTOR.map(str::to_string),
    };
    Explanation {
        api: None,
        key: kind.key(),
        errno: kind.errno().filter(|_| is_tls),
        net_error: Some(NetError { code: net.code, name: net.name }),
        title: net.title,
        causes: net.causes.to_vec(),
        fixes: net.fixes.to_vec(),
        next,
    }
}

fn unknown() -> Explanation {
    Explanation {
        api: None,
        key: "unknown",
        errno: None,
        net_error: None,
        title: "Not a known errMsg",
        causes: vec!["wxnet does not know this text; it may come from the server, a plugin or a newer client."],
        fixes: vec!["Search the text in the mini program documentation and community; check the server's logs."],
        next: None,
    }
}

fn explain_errno(errno: u32) -> Explanation {
    if errno == 600001 {
        return from_advice(FailureKind::Certificate);
    }
    if let Some(row) = FAILURES.iter().find(|row| row.errno == Some(errno)) {
        return from_advice(row.kind);
    }
    if let Some((_, title, causes)) = OTHER_ERRNOS.iter().find(|(n, ..)| *n == errno) {
        return Explanation { errno: Some(errno), title, causes: causes.to_vec(), ..unknown() };
    }
    Explanation { errno: Some(errno), ..unknown() }
}

/// The name of a Chromium net error by its code (`-202` → `CERT_AUTHORITY_INVALID`).
pub fn net_error(code: i32) -> Option<NetError> {
    net_error_by_code(code).map(|net| NetError { code: net.code, name: net.name })
}

fn net_error_by_code(code: i32) -> Option<&'static NetAdvice> {
    NET_ERRORS.iter().find(|net| net.code == code)
}

/// The net error a reason names: `-202:net::ERR_…`, `errcode:-202 cronet_error_code:-202 …`,
/// a bare `net::ERR_NAME`, or one of Node's codes.
fn net_error_in(reason: &str) -> Option<&'static NetAdvice> {
    let code = ["cronet_error_code:", "errcode:", "error_code:"]
        .iter()
        .find_map(|label| reason.split_once(label).and_then(|(_, rest)| leading_int(rest)))
        .or_else(|| leading_int(reason).filter(|_| reason.contains(":net::")));
    if let Some(net) = code.and_then(net_error_by_code) {
        return Some(net);
    }
    let upper = reason.to_ascii_uppercase();
    if let Some((_, rest)) = upper.split_once("ERR_") {
        let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        if let Some(net) = NET_ERRORS.iter().find(|net| net.name == name) {
            return Some(net);
        }
    }
    NODE_CODES.iter().find(|(name, _)| upper.contains(name)).and_then(|(_, code)| net_error_by_code(*code))
}

/// An optionally signed integer at the start of `text`.
fn leading_int(text: &str) -> Option<i32> {
    let text = text.trim_start();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, text),
    };
    let end = digits.bytes().take_while(u8::is_ascii_digit).count();
    digits[..end].parse::<i32>().ok().filter(|_| end <= 6).map(|n| sign * n)
}

fn explain_reason(reason: &str) -> Explanation {
    let lower = reason.to_ascii_lowercase();
    // Phrases of the catalogue, longest first so that `redirect url not in domain list`
    // wins over `url not in domain list`; `{}` rows (the client's own text) are skipped.
    let mut phrases: Vec<(&str, FailureKind)> = FAILURES
        .iter()
        .filter_map(|row| Some((row.phrase?.split('{').next()?.trim_end(), row.kind)))
        .filter(|(prefix, _)| !prefix.is_empty())
        .collect();
    phrases.sort_by_key(|(prefix, _)| std::cmp::Reverse(prefix.len()));
    if let Some((_, kind)) = phrases.iter().find(|(prefix, _)| lower.starts_with(&prefix.to_ascii_lowercase())) {
        return from_advice(*kind);
    }
    if let Some(net) = net_error_in(reason) {
        return from_net_error(net);
    }
    // Wordings of DevTools and of old clients that are not errMsg phrases of the catalogue.
    let aliases: &[(&str, FailureKind)] = &[
        ("不在以下 request 合法域名列表中", FailureKind::UrlNotInDomainList),
        ("合法域名", FailureKind::UrlNotInDomainList),
        ("tls 版本", FailureKind::TlsVersion),
        ("url not in domain list", FailureKind::UrlNotInDomainList),
        ("invalid url", FailureKind::InvalidUrl),
        ("ssl hand shake error", FailureKind::Certificate),
        ("tls handshake failed", FailureKind::Certificate),
        ("ssl handshake", FailureKind::Certificate),
        ("请求超时", FailureKind::Timeout),
        ("timed out", FailureKind::Timeout),
    ];
    if let Some((_, kind)) = aliases.iter().find(|(alias, _)| lower.contains(alias)) {
        return from_advice(*kind);
    }
    unknown()
}

/// The host a reason names: the quoted URL of `invalid url "…"`, the host after
/// `domain list:`, or the first URL in the text.
fn host_in(reason: &str) -> Option<&str> {
    if let Some((_, host)) = reason.split_once("domain list:") {
        let host = host.trim();
        return (!host.is_empty()).then_some(host);
    }
    let (_, after_scheme) = reason.split_once("://")?;
    let end = after_scheme.find(['/', ':', '"', ' ', '?', '#']).unwrap_or(after_scheme.len());
    let host = &after_scheme[..end];
    (!host.is_empty()).then_some(host)
}

/// The URL of `invalid url "…"`.
fn quoted_url(reason: &str) -> Option<&str> {
    let (_, rest) = reason.split_once('"')?;
    rest.rsplit_once('"').map(|(url, _)| url)
}

/// The string value of `"field": "…"` in a JSON object pasted as text (escapes decoded).
fn json_string_field(json: &str, field: &str) -> Option<String> {
    let rest = after_key(json, field)?.strip_prefix('"')?;
    let mut value = String::new();
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(value),
            '\\' => match chars.next()? {
                'n' => value.push('\n'),
                't' => value.push('\t'),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    value.push(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}'));
                }
                other => value.push(other),
            },
            c => value.push(c),
        }
    }
    None
}

fn json_number_field(json: &str, field: &str) -> Option<u32> {
    let rest = after_key(json, field)?;
    let end = rest.bytes().take_while(u8::is_ascii_digit).count();
    rest[..end].parse().ok()
}

/// The text after `"field"` and its colon.
fn after_key<'a>(json: &'a str, field: &str) -> Option<&'a str> {
    let key = format!("\"{field}\"");
    let (_, rest) = json.split_once(key.as_str())?;
    Some(rest.trim_start().strip_prefix(':')?.trim_start())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn key_and_code(text: &str) -> (&'static str, Option<i32>, Option<u32>) {
        let e = explain(text);
        (e.key, e.net_error.map(|n| n.code), e.errno)
    }

    #[test]
    fn rule_15_both_cronet_shapes_give_the_net_error_and_600001() {
        let old = explain("request:fail -202:net::ERR_CERT_AUTHORITY_INVALID");
        assert_eq!(old.api.as_deref(), Some("request"));
        assert_eq!(old.key, "certificate");
        assert_eq!(old.errno, Some(600001));
        assert_eq!(old.net_error, Some(NetError { code: -202, name: "CERT_AUTHORITY_INVALID" }));
        assert!(old.causes.iter().any(|c| c.contains("incomplete")));
        assert_eq!(old.next.as_deref(), Some("wxnet doctor <host>"));
        let new = "request:fail errcode:-200 cronet_error_code:-200 error_msg:net::ERR_CERT_COMMON_NAME_INVALID";
        assert_eq!(key_and_code(new), ("certificate", Some(-200), Some(600001)));
        assert_eq!(key_and_code("request:fail -201:net::ERR_CERT_DATE_INVALID").1, Some(-201));
        assert_eq!(key_and_code("request:fail -113:net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH").1, Some(-113));
        assert_eq!(key_and_code("net::ERR_NAME_NOT_RESOLVED"), ("network", Some(-105), None));
        assert_eq!(key_and_code("request:fail -118:net::ERR_CONNECTION_TIMED_OUT").1, Some(-118));
    }

    #[test]
    fn rule_15_the_pasted_json_object_keeps_its_errno() {
        let pasted = r#"{"errno":600001,"errMsg":"request:fail errcode:-202 cronet_error_code:-202 error_msg:net::ERR_CERT_AUTHORITY_INVALID"}"#;
        let e = explain(pasted);
        assert_eq!((e.api.as_deref(), e.key, e.errno), (Some("request"), "certificate", Some(600001)));
        assert_eq!(e.net_error.map(|n| n.code), Some(-202));
        assert_eq!(
            explain(r#"{ "errMsg": "request:fail url not in domain list", "errno": 600002 }"#).key,
            "url-not-in-domain-list"
        );
        assert_eq!(explain(r#"{"errno":600003}"#).key, "interrupted");
    }

    #[test]
    fn rule_15_catalogue_phrases_with_and_without_the_api() {
        let cases = [
            ("request:fail url not in domain list", "url-not-in-domain-list", Some(600002)),
            ("url not in domain list", "url-not-in-domain-list", Some(600002)),
            ("createSocketTask:fail url not in domain list", "url-not-in-domain-list", Some(600002)),
            ("request:fail invalid url \"ftp://a.com\"", "invalid-url", Some(600009)),
            ("request:fail redirect url not in domain list:evil.com", "redirect-not-in-domain-list", None),
            ("request:fail exceed max task count", "exceed-max-task-count", Some(600007)),
            ("request:fail interrupted", "interrupted", Some(600003)),
            ("request:fail timeout", "timeout", None),
            ("uploadFile:fail abort", "abort", None),
            ("request:fail method is invalid", "method-is-invalid", None),
            (
                "request:fail parameter error: parameter.url should be String instead of Undefined;",
                "parameter-error",
                Some(1001),
            ),
            ("request:fail 小程序要求的 TLS 版本必须大于等于 1.2", "tls-version", None),
            ("request:fail ssl hand shake error", "certificate", Some(600001)),
            ("connectSocket:fail open fail: _code:8,_msg:TLS handshake failed", "certificate", Some(600001)),
            ("sendSocketMessage:fail WebSocket is not connected", "websocket-is-not-connected", None),
        ];
        for (text, key, errno) in cases {
            let e = explain(text);
            assert_eq!((e.key, e.errno), (key, errno), "{text}");
            assert!(!e.causes.is_empty() && !e.fixes.is_empty(), "{text}");
        }
        assert_eq!(explain("createSocketTask:fail url not in domain list").api.as_deref(), Some("createSocketTask"));
    }

    #[test]
    fn rule_15_next_names_the_command_with_the_host_when_known() {
        assert_eq!(
            explain("request:fail redirect url not in domain list:evil.com").next.as_deref(),
            Some("wxnet check https://evil.com/ --domains <domains.json>")
        );
        assert_eq!(
            explain("request:fail invalid url \"http://a.com/x\"").next.as_deref(),
            Some("wxnet check http://a.com/x --domains <domains.json>")
        );
        assert_eq!(
            explain("request:fail -202:net::ERR_CERT_AUTHORITY_INVALID").next.as_deref(),
            Some("wxnet doctor <host>")
        );
        assert_eq!(explain("request:fail timeout").next, None);
    }

    #[test]
    fn rule_15_bare_errnos() {
        assert_eq!(key_and_code("600002"), ("url-not-in-domain-list", None, Some(600002)));
        assert_eq!(key_and_code("600001"), ("certificate", None, Some(600001)));
        assert_eq!(key_and_code("600009").0, "invalid-url");
        assert_eq!(key_and_code("602302").0, "response-not-convertible");
        assert_eq!(key_and_code("600000"), ("unknown", None, Some(600000)));
        assert_eq!(explain("600000").title, "Unknown network error");
    }

    #[test]
    fn rule_7_node_transport_codes_map_to_chromium_codes() {
        assert_eq!(key_and_code("request:fail CERT_HAS_EXPIRED").1, Some(-201));
        assert_eq!(key_and_code("request:fail UNABLE_TO_VERIFY_LEAF_SIGNATURE").1, Some(-202));
        assert_eq!(key_and_code("errMsg.code=UNABLE_TO_VERIFY_LEAF_SINGATURE").1, Some(-202));
        assert_eq!(key_and_code("request:fail ECONNREFUSED").1, Some(-102));
    }

    #[test]
    fn rule_15_unknown_text_is_a_result() {
        for text in ["", "hello", "request:fail something new", "{", "{\"errMsg\":", "-", "99999999999"] {
            assert_eq!(explain(text).key, "unknown", "{text:?}");
        }
    }

    #[test]
    fn rule_15_every_catalogue_phrase_is_recognised() {
        for row in FAILURES {
            let Some(phrase) = row.phrase else { continue };
            if phrase.starts_with('{') {
                continue;
            }
            let text = format!("request:fail {}", phrase.replace("{}", "x"));
            assert_eq!(explain(&text).key, row.key, "{text}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5_000))]
        #[test]
        fn explain_never_panics(text in any::<String>()) {
            let _ = explain(&text);
            let _ = explain(&format!("{{\"errMsg\":\"{text}"));
            let _ = explain(&format!("request:fail errcode:{text}"));
        }
    }
}
