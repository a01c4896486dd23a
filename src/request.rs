//! What wx.request accepts and assumes (RULES.md §9): its HTTP methods and the
//! Content-Type it sends when the caller gives none. Serialising `data` works on JS
//! values and lives in the shim; these are the rules it follows.

use serde::Serialize;

/// The methods the client accepts, upper case. DevTools also takes PATCH; devices
/// don't, and wxnet follows the devices. Anything else is `method is invalid`.
pub const METHODS: [&str; 8] = ["OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "TRACE", "CONNECT"];

/// `header['content-type']` when the caller sets none.
pub const DEFAULT_CONTENT_TYPE: &str = "application/json";

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
    fn rule_9_default_content_type_is_json() {
        assert_eq!(defaults().content_type, "application/json");
        assert_eq!(defaults().methods.len(), 8);
    }
}
