//! Every `code` a [`WxnetError`](crate::Error) can carry, with what it means: the
//! table the core's errors use and the one the TS union `WxnetErrorCode` is made from.
//!
//! A code is `area/what` and part of the public API: never renamed. Codes thrown by
//! the JS glue (argument checks before the boundary, the `wx` shim, the CLI) are rows
//! here too, so that the whole package's list lives in one place.

use std::fmt;

macro_rules! error_codes {
    ($( $code:ident = $text:literal, $doc:literal; )*) => {
        /// An error code; [`ErrorCode::as_str`] is the public `area/what` text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ErrorCode { $( #[doc = $doc] $code, )* }

        /// Every code with its public text, in table order.
        pub const ERROR_CODES: &[(ErrorCode, &str)] = &[ $( (ErrorCode::$code, $text), )* ];

        impl ErrorCode {
            /// What the code means, one line (a match, so that the wasm build leaves it out).
            pub fn description(self) -> &'static str {
                match self { $( ErrorCode::$code => $doc, )* }
            }
        }
    };
}

error_codes! {
    ArgApi = "arg/api", "An `api` argument that is not an API name (or not one of the four network APIs).";
    ArgLan = "arg/lan", "A malformed `options.lan` (IPv4 address, prefix or netmask).";
    ArgReason = "arg/reason", "An errMsgFor reason that is not in the errMsg catalogue.";
    ArgType = "arg/type", "An argument or option of the wrong type, or a required detail missing.";
    BodyTooLarge = "body/too-large", "A body larger than the core decodes (512 MiB).";
    BodyType = "body/type", "decodeBody's body is not an ArrayBuffer or a typed array.";
    CliDomains = "cli/domains", "A domain-list file given to the CLI is not a domain-list object.";
    CliFile = "cli/file", "The CLI could not read a file it was given.";
    CliJson = "cli/json", "A file given to the CLI is not JSON.";
    CliUsage = "cli/usage", "The CLI was called with unknown arguments.";
    DoctorConnect = "doctor/connect", "wxnet doctor could not reach the host (DNS, refused, timeout) or it speaks no TLS.";
    DoctorTarget = "doctor/target", "A doctor target that is not host, host:port or an https/wss URL.";
    FilePath = "file/path", "A `filePath` that is not a path of the wx file store.";
    H5Target = "h5/target", "installWx was given something other than the Taro or uni object (with request, uploadFile, …).";
    InitRequired = "init/required", "wxnet was used in a browser before `await init()`.";
    InternalResult = "internal/result", "The boundary could not build a result object (a bug).";
    InternalSerialize = "internal/serialize", "The boundary could not serialise a result (a bug).";
    ProxyOptions = "proxy/options", "createProxy options (or `wxnet proxy` arguments) of the wrong type or value.";
    RefererAppid = "referer/appid", "An AppID that is not `wx` + 16 lower-case hex digits or `touristappid`.";
    RefererAppidNotAllowed = "referer/appid-not-allowed", "verifyReferer: the AppID is not one the server accepts.";
    RefererEnvNotAllowed = "referer/env-not-allowed", "verifyReferer: the build (develop, devtools, release) is not accepted.";
    RefererHost = "referer/host", "A Referer whose host is not servicewechat.com.";
    RefererMissing = "referer/missing", "verifyReferer: the request has no Referer header.";
    RefererOptions = "referer/options", "verifyReferer or refererGuard options that cannot match any client.";
    RefererPath = "referer/path", "A Referer path that is not /{appid}/{version}/page-frame.html.";
    RefererType = "referer/type", "A Referer, AppID or version argument of the wrong type.";
    RefererUrl = "referer/url", "A Referer that is not `https://servicewechat.com/…` as the client sends it.";
    RefererVersion = "referer/version", "A version that is not 0, \"devtools\" or a positive integer.";
    TlsChain = "tls/chain", "diagnoseChain was given no certificate, or PEM text that holds none.";
    TlsOptions = "tls/options", "diagnoseChain options of the wrong type or value (host, now, stores, tls facts).";
    WasmOutOfMemory = "wasm/out-of-memory", "The WebAssembly memory ran out (an input too large, too many compiled lists).";
    WxFileData = "wx/file-data", "The wx file store was given data that is not a string or bytes.";
    WxFileNotFound = "wx/file-not-found", "The wx file store has no file at that path.";
    WxFilePath = "wx/file-path", "A path the wx file store does not accept.";
    WxListener = "wx/listener", "An event listener that is not a function.";
    WxOptions = "wx/options", "createWx options of the wrong type or value.";
    WxStopped = "wx/stopped", "The reason a stopped call's transfer was aborted (timeout, abort, interrupted).";
    WxWebsocketMissing = "wx/websocket-missing", "connectSocket without a WebSocket implementation in this runtime.";
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        ERROR_CODES[self as usize].1
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `error.code == "arg/type"` reads as the text the code stands for.
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_code_is_at_its_index_and_unique() {
        for (index, (code, text)) in ERROR_CODES.iter().enumerate() {
            let doc = code.description();
            assert_eq!(*code as usize, index, "{text}");
            assert_eq!(code.as_str(), *text);
            assert!(!doc.is_empty() && text.split_once('/').is_some(), "{text}");
            assert_eq!(ERROR_CODES.iter().filter(|(_, t)| t == text).count(), 1, "{text}");
        }
    }
}
