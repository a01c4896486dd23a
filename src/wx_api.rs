//! The parameters each wx network API takes (RULES.md §9) and the parameter errors the
//! platform reports for a wrong type (RULES.md §7: `parameter error: parameter.url
//! should be String instead of Undefined;`, errno 1001).
//!
//! One table per API: the option field, the platform's name for the type it must
//! have, and whether it must be present. A shim describes the values it was given
//! ([`check_parameters`] asks for each field's JS type) and gets the failure of the
//! first wrong one, worded by the errMsg catalogue.

use crate::api::Api;
use crate::catalogue::errmsg::{platform_type_name, Detail, Failure, FailureKind};
use crate::{file_path, referer, request, socket, sockets};
use serde::Serialize;

/// The values a wx shim assumes when the caller gives none, from the modules that own
/// them: one object for the JS glue (`wxDefaults()`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WxDefaults {
    /// RULES.md §9: `GET`.
    pub method: &'static str,
    /// RULES.md §8: `json` and `text`.
    pub data_type: &'static str,
    pub response_type: &'static str,
    /// RULES.md §9: `application/json`.
    pub content_type: &'static str,
    /// RULES.md §9: close() without a code sends 1000; the shim's own closes report 1001.
    pub close_code: u16,
    pub going_away_code: u16,
    /// RULES.md §5: DevTools' identity, `touristappid` / `devtools`.
    pub appid: &'static str,
    pub version: &'static str,
    /// RULES.md §5: the header the platform sets itself.
    pub forced_header: &'static str,
    /// RULES.md §9: `wx.env.USER_DATA_PATH`.
    pub user_data_path: &'static str,
    /// RULES.md §10: how long a local service search runs, and TCP's default connect timeout.
    pub discovery_ms: u32,
    pub tcp_connect_timeout_ms: u32,
}

pub fn defaults() -> WxDefaults {
    WxDefaults {
        method: request::DEFAULT_METHOD,
        data_type: request::DEFAULT_DATA_TYPE,
        response_type: request::DEFAULT_RESPONSE_TYPE,
        content_type: request::DEFAULT_CONTENT_TYPE,
        close_code: socket::NORMAL_CLOSURE,
        going_away_code: socket::GOING_AWAY,
        appid: referer::DEFAULT_APPID,
        version: referer::DEFAULT_VERSION,
        forced_header: request::FORCED_HEADER,
        user_data_path: file_path::USER_DATA_PATH,
        discovery_ms: sockets::DISCOVERY_MS,
        tcp_connect_timeout_ms: sockets::TCP_CONNECT_TIMEOUT_MS,
    }
}

/// A type as the platform names it in parameter errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlatformType {
    String,
    Number,
    Boolean,
    Array,
    /// A plain object (an ArrayBuffer passes too, a function or an array does not).
    Object,
    /// SocketTask.send's `data`.
    StringOrArrayBuffer,
}

impl PlatformType {
    /// The name in the errMsg (`String`, `String or ArrayBuffer`).
    pub fn name(self) -> &'static str {
        match self {
            PlatformType::String => "String",
            PlatformType::Number => "Number",
            PlatformType::Boolean => "Boolean",
            PlatformType::Array => "Array",
            PlatformType::Object => "Object",
            PlatformType::StringOrArrayBuffer => "String or ArrayBuffer",
        }
    }

    /// Whether a value of this JS type (`typeof`, with `null`, `array` and
    /// `arraybuffer` told apart) has the platform type.
    pub fn accepts(self, js_type: &str) -> bool {
        self.js_types().contains(&js_type)
    }

    /// The JS types (as [`PlatformType::accepts`] names them) a value of this platform
    /// type may have.
    pub fn js_types(self) -> &'static [&'static str] {
        match self {
            PlatformType::String => &["string"],
            PlatformType::Number => &["number"],
            PlatformType::Boolean => &["boolean"],
            PlatformType::Array => &["array"],
            PlatformType::Object => &["object", "arraybuffer"],
            PlatformType::StringOrArrayBuffer => &["string", "arraybuffer"],
        }
    }
}

/// One option field of a wx call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parameter {
    pub name: &'static str,
    pub expected: PlatformType,
    /// A required field may not be undefined; an optional one is checked only when given.
    pub required: bool,
}

const fn required(name: &'static str, expected: PlatformType) -> Parameter {
    Parameter { name, expected, required: true }
}

const fn optional(name: &'static str, expected: PlatformType) -> Parameter {
    Parameter { name, expected, required: false }
}

use PlatformType::{Array, Boolean, Number, Object, String as Text, StringOrArrayBuffer};

const REQUEST: &[Parameter] = &[
    required("url", Text),
    optional("method", Text),
    optional("header", Object),
    optional("timeout", Number),
    optional("dataType", Text),
    optional("responseType", Text),
    optional("enableChunked", Boolean),
];
const UPLOAD_FILE: &[Parameter] = &[
    required("url", Text),
    required("filePath", Text),
    required("name", Text),
    optional("header", Object),
    optional("formData", Object),
    optional("timeout", Number),
];
const DOWNLOAD_FILE: &[Parameter] =
    &[required("url", Text), optional("header", Object), optional("filePath", Text), optional("timeout", Number)];
const CONNECT_SOCKET: &[Parameter] =
    &[required("url", Text), optional("header", Object), optional("protocols", Array), optional("timeout", Number)];

/// SocketTask.send / wx.sendSocketMessage: `{ data }`.
pub const SOCKET_SEND: &[Parameter] = &[required("data", StringOrArrayBuffer)];

/// The option fields `api` checks, in the order it checks them.
pub fn parameters(api: Api) -> &'static [Parameter] {
    match api {
        Api::Request => REQUEST,
        Api::UploadFile => UPLOAD_FILE,
        Api::DownloadFile => DOWNLOAD_FILE,
        Api::ConnectSocket => CONNECT_SOCKET,
    }
}

/// UDPSocket.send, write and connect (RULES.md §10): `{ address, port }`.
pub const UDP_TARGET: &[Parameter] = &[required("address", Text), required("port", Number)];
/// TCPSocket.connect (RULES.md §10): `{ address, port, timeout }`.
pub const TCP_CONNECT: &[Parameter] =
    &[required("address", Text), required("port", Number), optional("timeout", Number)];

/// The name a call's errMsg starts with: the method of `Class.method` keys.
pub fn method_name(call: &str) -> &str {
    call.rsplit('.').next().unwrap_or(call)
}

/// The calls with a parameter table: the four APIs and `sendSocketMessage` by the name
/// their errMsg starts with, the socket methods by class and method.
pub const CALLS: [&str; 8] = [
    "request",
    "uploadFile",
    "downloadFile",
    "connectSocket",
    "sendSocketMessage",
    "UDPSocket.send",
    "UDPSocket.connect",
    "TCPSocket.connect",
];

/// The calls with a parameter table, by the name their errMsg starts with: the four
/// APIs and `sendSocketMessage` (which SocketTask.send reports as too).
pub fn parameters_by_call(call: &str) -> Option<&'static [Parameter]> {
    match call {
        "sendSocketMessage" => Some(SOCKET_SEND),
        "UDPSocket.send" | "UDPSocket.connect" => Some(UDP_TARGET),
        "TCPSocket.connect" => Some(TCP_CONNECT),
        _ => Api::parse(call).ok().map(parameters),
    }
}

/// The parameter error of the first field whose value has the wrong type, or `None`.
/// `js_type(name)` gives the JS type of the option's field `name` (`undefined` when
/// absent). The failure's detail names the platform types (`Undefined`, `Null`, …).
pub fn check_parameters(spec: &[Parameter], mut js_type: impl FnMut(&str) -> String) -> Option<Failure<'static>> {
    spec.iter().find_map(|parameter| {
        let found = js_type(parameter.name);
        let fits = (found == "undefined" && !parameter.required) || parameter.expected.accepts(&found);
        (!fits).then(|| Failure {
            kind: FailureKind::ParameterError,
            detail: Detail::Parameter {
                parameter: parameter.name,
                expected: parameter.expected.name(),
                received: platform_type_name(&found),
            },
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::errmsg::fail;
    use proptest::prelude::*;

    fn err_msg(api: &str, spec: &[Parameter], types: &[(&str, &str)]) -> Option<std::string::String> {
        let js_type = |name: &str| types.iter().find(|(n, _)| *n == name).map_or("undefined", |(_, t)| t).to_string();
        check_parameters(spec, js_type).map(|failure| fail(api, &failure).err_msg)
    }

    #[test]
    fn rule_9_request_needs_a_string_url_and_checks_the_fields_it_is_given() {
        let spec = parameters(Api::Request);
        assert_eq!(
            err_msg("request", spec, &[]).as_deref(),
            Some("request:fail parameter error: parameter.url should be String instead of Undefined;")
        );
        assert_eq!(err_msg("request", spec, &[("url", "string")]), None);
        assert_eq!(
            err_msg("request", spec, &[("url", "string"), ("header", "array")]).as_deref(),
            Some("request:fail parameter error: parameter.header should be Object instead of Array;")
        );
        assert_eq!(
            err_msg("request", spec, &[("url", "string"), ("timeout", "string")]).as_deref(),
            Some("request:fail parameter error: parameter.timeout should be Number instead of String;")
        );
        assert_eq!(
            err_msg("request", spec, &[("url", "string"), ("enableChunked", "null")]).as_deref(),
            Some("request:fail parameter error: parameter.enableChunked should be Boolean instead of Null;")
        );
    }

    #[test]
    fn rule_9_each_api_has_its_parameter_table() {
        let names = |api| parameters(api).iter().map(|p| p.name).collect::<Vec<_>>();
        assert_eq!(
            names(Api::Request),
            ["url", "method", "header", "timeout", "dataType", "responseType", "enableChunked"]
        );
        assert_eq!(names(Api::UploadFile), ["url", "filePath", "name", "header", "formData", "timeout"]);
        assert_eq!(names(Api::DownloadFile), ["url", "header", "filePath", "timeout"]);
        assert_eq!(names(Api::ConnectSocket), ["url", "header", "protocols", "timeout"]);
        let required = |api| parameters(api).iter().filter(|p| p.required).map(|p| p.name).collect::<Vec<_>>();
        assert_eq!(required(Api::UploadFile), ["url", "filePath", "name"]);
        assert_eq!(
            err_msg("uploadFile", parameters(Api::UploadFile), &[("url", "string"), ("filePath", "string")]).as_deref(),
            Some("uploadFile:fail parameter error: parameter.name should be String instead of Undefined;")
        );
    }

    #[test]
    fn rule_9_socket_messages_are_strings_or_array_buffers() {
        assert_eq!(parameters_by_call("sendSocketMessage"), Some(SOCKET_SEND));
        assert_eq!(parameters_by_call("uploadFile"), Some(parameters(Api::UploadFile)));
        assert_eq!(parameters_by_call("closeSocket"), None);
        assert_eq!(err_msg("sendSocketMessage", SOCKET_SEND, &[("data", "arraybuffer")]), None);
        assert_eq!(err_msg("sendSocketMessage", SOCKET_SEND, &[("data", "string")]), None);
        assert_eq!(
            err_msg("sendSocketMessage", SOCKET_SEND, &[("data", "object")]).as_deref(),
            Some("sendSocketMessage:fail parameter error: parameter.data should be String or ArrayBuffer instead of Object;")
        );
    }

    #[test]
    fn rule_5_without_an_appid_a_previewer_is_devtools_tourist() {
        let d = defaults();
        let built = referer::build(d.appid, referer::VersionArg::Text(d.version)).unwrap();
        assert_eq!(built, "https://servicewechat.com/touristappid/devtools/page-frame.html");
        assert_eq!(
            (d.method, d.data_type, d.response_type, d.close_code, d.going_away_code),
            ("GET", "json", "text", 1000, 1001)
        );
    }

    #[test]
    fn rule_7_a_parameter_error_is_errno_1001() {
        let failure = check_parameters(parameters(Api::DownloadFile), |_| "undefined".into()).unwrap();
        assert_eq!(failure.errno(), Some(1001));
    }

    proptest! {
        #[test]
        fn any_described_value_gives_a_verdict(types in proptest::collection::vec(any::<std::string::String>(), 8)) {
            for api in Api::ALL {
                let mut next = types.iter().cycle();
                let _ = check_parameters(parameters(api), |_| next.next().cloned().unwrap_or_default());
            }
        }
    }
}
