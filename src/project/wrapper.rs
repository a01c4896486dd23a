//! A project's own wrappers of the network APIs (the build plugin's
//! `extraCallees`), checked like `wx.request` (RULES.md §13).

use crate::api::Api;

/// A project's own function that calls a network API (`http.get`), named as its
/// calls are written: a name, or names joined by dots (`this.$http.get`). Its URL is
/// its first argument, or the `url` property when that is an object (then read as
/// wx's options). A URL that starts with no scheme (`/user`) is not checked: the
/// wrapper adds its own base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wrapper {
    pub name: String,
    pub api: Api,
}

/// Words every call site the scanner checks contains, one of them at least: the four
/// APIs' names, the socket constructors (a socket's `connect`/`send` is checked in the
/// module that made it) and each wrapper's last name. A file without any has nothing
/// to check (the build plugin skips it without crossing into the core).
pub fn call_keywords(wrappers: &[Wrapper]) -> Vec<String> {
    let mut words: Vec<String> = Api::NAMES.iter().map(|name| name.to_string()).collect();
    words.extend(["createTCPSocket", "createUDPSocket"].map(String::from));
    for wrapper in wrappers {
        let last = wrapper.name.rsplit('.').next().unwrap_or(&wrapper.name).to_string();
        if !words.contains(&last) {
            words.push(last);
        }
    }
    words
}

/// The wrappers `extraCallees` of a wxnet.config.json text names (none when it does
/// not parse: the project lint reports that).
pub fn config_wrappers(config_text: &str) -> Vec<Wrapper> {
    let Ok(root) = crate::lint::json::parse(config_text, crate::lint::json::Syntax::Json) else {
        return Vec::new();
    };
    super::settings::read(&root).0.wrappers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_13_call_keywords_are_the_api_names_and_each_wrappers_last_name() {
        let wrappers = [
            Wrapper { name: "http.get".into(), api: Api::Request },
            Wrapper { name: "this.$http.request".into(), api: Api::Request },
            Wrapper { name: "fetchJson".into(), api: Api::Request },
        ];
        assert_eq!(
            call_keywords(&wrappers),
            [
                "request",
                "uploadFile",
                "downloadFile",
                "connectSocket",
                "createTCPSocket",
                "createUDPSocket",
                "get",
                "fetchJson"
            ]
        );
    }
}
