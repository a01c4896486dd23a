//! What wx.request accepts and assumes (RULES.md §9): its HTTP methods (GET by
//! default, any case), the Content-Type it sends when the caller gives none, the
//! `dataType`/`responseType` defaults, and which caller headers never leave the client
//! (RULES.md §5: the Referer is the platform's). Serialising `data` works on JS values
//! and lives in the shim; these are the rules it follows.

use crate::api::Api;
use serde::Serialize;

/// The methods the client accepts, upper case. DevTools also takes PATCH; devices
/// don't, and wxnet follows the devices. Anything else is `method is invalid`.
pub const METHODS: [&str; 8] = ["OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "TRACE", "CONNECT"];

/// `header['content-type']` when the caller sets none.
pub const DEFAULT_CONTENT_TYPE: &str = "application/json";

/// `method` when the caller gives none.
pub const DEFAULT_METHOD: &str = "GET";

/// `dataType` when the caller gives none: a JSON body is parsed.
pub const DEFAULT_DATA_TYPE: &str = "json";

/// `responseType` when the caller gives none: the body is text.
pub const DEFAULT_RESPONSE_TYPE: &str = "text";

/// The method a call sends: the caller's upper-cased as JS's `toUpperCase()` does
/// (`post` is POST), GET when none; `None` when it is not one of [`METHODS`]
/// (`request:fail method is invalid`).
pub fn resolve_method(method: Option<&str>) -> Option<String> {
    let method = match method {
        None => DEFAULT_METHOD.to_string(),
        Some(method) => upper_case_to_ascii(method)?,
    };
    METHODS.contains(&method.as_str()).then_some(method)
}

/// Unicode upper case where it can give a method name (ASCII): ASCII letters, plus
/// the ten other characters whose upper case is ASCII (`ſ` is S, `ß` SS, `ﬆ` ST, …).
/// Any other character upper-cases to non-ASCII: `None`, no method. (Not
/// `str::to_uppercase`, whose tables would weigh 2 KB in the wasm build.)
fn upper_case_to_ascii(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let upper = match c {
            'ß' => "SS",
            'ı' => "I",
            'ſ' => "S",
            'ﬀ' => "FF",
            'ﬁ' => "FI",
            'ﬂ' => "FL",
            'ﬃ' => "FFI",
            'ﬄ' => "FFL",
            'ﬅ' | 'ﬆ' => "ST",
            c if c.is_ascii() => {
                out.push(c.to_ascii_uppercase());
                continue;
            }
            _ => return None,
        };
        out.push_str(upper);
    }
    Some(out)
}

/// The header the platform sets on every call, whatever the caller gave (RULES.md §5).
pub const FORCED_HEADER: &str = "Referer";

/// Whether a caller's header (any case) is dropped before the call leaves: the
/// Referer always (the platform sets its own), and for uploadFile the Content-Type
/// and Content-Length, which the multipart body decides.
pub fn is_dropped_header(api: Api, name: &str) -> bool {
    dropped_headers(api).iter().any(|dropped| name.eq_ignore_ascii_case(dropped))
}

/// The lower-case names [`is_dropped_header`] drops for `api`.
pub fn dropped_headers(api: Api) -> &'static [&'static str] {
    match api {
        Api::UploadFile => &["referer", "content-type", "content-length"],
        Api::Request | Api::DownloadFile | Api::ConnectSocket => &["referer"],
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestDefaults {
    pub methods: Vec<&'static str>,
    pub content_type: &'static str,
}

pub fn defaults() -> RequestDefaults {
    RequestDefaults { methods: METHODS.to_vec(), content_type: DEFAULT_CONTENT_TYPE }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_9_the_eight_methods_and_not_patch() {
        assert_eq!(METHODS, ["OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "TRACE", "CONNECT"]);
        assert!(!METHODS.contains(&"PATCH"), "devices refuse PATCH (DevTools takes it)");
    }

    #[test]
    fn rule_9_the_method_defaults_to_get_and_is_upper_cased() {
        assert_eq!(resolve_method(None).as_deref(), Some("GET"));
        assert_eq!(resolve_method(Some("post")).as_deref(), Some("POST"));
        assert_eq!(resolve_method(Some("Delete")).as_deref(), Some("DELETE"));
        assert_eq!(resolve_method(Some("patch")), None, "method is invalid");
        // JS upper-cases by Unicode: `poſt` is POST there, so it is here.
        assert_eq!(resolve_method(Some("poſt")).as_deref(), Some("POST"));
        assert_eq!(resolve_method(Some("poﬆ")).as_deref(), Some("POST"));
        assert_eq!(resolve_method(Some("gét")), None);
        assert_eq!(resolve_method(Some("")), None);
    }

    #[test]
    fn rule_8_data_type_defaults_to_json_and_response_type_to_text() {
        assert_eq!((DEFAULT_DATA_TYPE, DEFAULT_RESPONSE_TYPE), ("json", "text"));
    }

    #[test]
    fn rule_5_the_callers_referer_is_dropped_and_the_platforms_forced() {
        for api in Api::ALL {
            assert!(is_dropped_header(api, "Referer") && is_dropped_header(api, "REFERER"), "{api:?}");
            assert!(!is_dropped_header(api, "X-Token"), "{api:?}");
        }
        assert_eq!(FORCED_HEADER, "Referer");
    }

    #[test]
    fn rule_9_upload_file_sets_its_own_content_type_and_length() {
        assert!(is_dropped_header(Api::UploadFile, "Content-Type"));
        assert!(is_dropped_header(Api::UploadFile, "content-length"));
        assert!(!is_dropped_header(Api::Request, "Content-Type"));
    }

    proptest::proptest! {
        #[test]
        fn methods_upper_case_as_unicode_does(method in "[gGeEtTpPoOsSuUhHaAdDlLrRcCnNiIſıßﬀﬁﬂﬃﬄﬅﬆé]{0,7}|\\PC{0,8}") {
            let expected = method.to_uppercase();
            let expected = METHODS.contains(&expected.as_str()).then_some(expected);
            proptest::prop_assert_eq!(resolve_method(Some(&method)), expected);
        }
    }

    #[test]
    fn rule_9_default_content_type_is_json() {
        assert_eq!(defaults().content_type, "application/json");
        assert_eq!(defaults().methods.len(), 8);
    }
}
