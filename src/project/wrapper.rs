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
