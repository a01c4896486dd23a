//! What kind of project a folder holds and where its mini program code is
//! (RULES.md §12), read from its files the way DevTools, uni-app and Taro do.

use crate::lint::json::{parse, Node, Syntax};
use std::collections::BTreeMap;

/// The files of the project: relative path (`/`-separated) → text.
pub type Files<'a> = BTreeMap<&'a str, &'a str>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A native mini program (`compileType` `miniprogram` or `plugin`): `app.json`.
    MiniProgram,
    /// A mini game (`compileType` `game`): `game.json`.
    Game,
    /// uni-app: `manifest.json` and `pages.json` (at the root or under `src/`).
    UniApp,
    /// Taro: `project.config.json` and `src/app.config.{js,ts}`.
    Taro,
    /// No project files: the sources alone.
    Sources,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub kind: Kind,
    /// Where the code that runs on the phone is written, `""` for the whole folder
    /// or a folder ending in `/` (`miniprogram/`, Taro's `src/`).
    pub source_root: String,
    /// `app.json` or `game.json` (native), `manifest.json` (uni-app),
    /// `src/app.config.ts` or `.js` (Taro), if present.
    pub app_config: Option<String>,
}

/// `miniprogramRoot` of the project configs (the private one wins), as a folder
/// prefix: `miniprogram/`, or `""` for the root.
fn miniprogram_root(configs: &[&Node]) -> String {
    let written = configs.iter().rev().find_map(|config| config.get("miniprogramRoot")?.as_str());
    let Some(root) = written else {
        return String::new();
    };
    let segments: Vec<&str> = root.split(['/', '\\']).filter(|s| !s.is_empty() && *s != ".").collect();
    if segments.is_empty() || segments.contains(&"..") {
        return String::new();
    }
    format!("{}/", segments.join("/"))
}

/// Decides the layout from the files present and the project configs (parsed ones
/// only: a malformed config is reported elsewhere and read as absent).
pub fn layout(files: &Files, project_configs: &[&Node]) -> Layout {
    let has = |path: &str| files.contains_key(path);
    for prefix in ["", "src/"] {
        if has(&format!("{prefix}manifest.json")) && has(&format!("{prefix}pages.json")) {
            return Layout {
                kind: Kind::UniApp,
                source_root: String::new(),
                app_config: Some(format!("{prefix}manifest.json")),
            };
        }
    }
    if has("project.config.json") {
        if let Some(config) = ["src/app.config.ts", "src/app.config.js"].into_iter().find(|path| has(path)) {
            return Layout { kind: Kind::Taro, source_root: "src/".into(), app_config: Some(config.into()) };
        }
        let root = miniprogram_root(project_configs);
        let game = project_configs
            .iter()
            .rev()
            .find_map(|config| config.get("compileType")?.as_str())
            .is_some_and(|kind| kind == "game");
        let (kind, name) = if game { (Kind::Game, "game.json") } else { (Kind::MiniProgram, "app.json") };
        let app_config = format!("{root}{name}");
        let app_config = has(&app_config).then_some(app_config);
        return Layout { kind, source_root: root, app_config };
    }
    if has("app.json") {
        return Layout { kind: Kind::MiniProgram, source_root: String::new(), app_config: Some("app.json".into()) };
    }
    if has("game.json") {
        return Layout { kind: Kind::Game, source_root: String::new(), app_config: Some("game.json".into()) };
    }
    Layout { kind: Kind::Sources, source_root: String::new(), app_config: None }
}

/// Parses `path` of `files` if present: `Some(Ok)`, `Some(Err)` when malformed.
pub fn read_json<'f>(
    files: &Files<'f>,
    path: &str,
    syntax: Syntax,
) -> Option<(&'f str, Result<Node, crate::lint::json::JsonError>)> {
    let text = *files.get(path)?;
    Some((text, parse(text, syntax)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout_of(files: &[(&'static str, &'static str)]) -> Layout {
        let files: Files = files.iter().copied().collect();
        let configs: Vec<Node> = ["project.config.json", "project.private.config.json"]
            .iter()
            .filter_map(|p| parse(files.get(p)?, Syntax::Json).ok())
            .collect();
        layout(&files, &configs.iter().collect::<Vec<_>>())
    }

    #[test]
    fn rule_12_a_native_project_is_found_through_miniprogram_root() {
        let found = layout_of(&[
            ("project.config.json", r#"{"miniprogramRoot": "./miniprogram/", "compileType": "miniprogram"}"#),
            ("miniprogram/app.json", "{}"),
        ]);
        assert_eq!(found.kind, Kind::MiniProgram);
        assert_eq!(found.source_root, "miniprogram/");
        assert_eq!(found.app_config.as_deref(), Some("miniprogram/app.json"));
    }

    #[test]
    fn rule_12_the_private_config_overrides_and_a_game_reads_game_json() {
        let found = layout_of(&[
            ("project.config.json", r#"{"miniprogramRoot": "a/"}"#),
            ("project.private.config.json", r#"{"miniprogramRoot": "b", "compileType": "game"}"#),
            ("b/game.json", "{}"),
        ]);
        assert_eq!((found.kind, found.source_root.as_str()), (Kind::Game, "b/"));
        assert_eq!(found.app_config.as_deref(), Some("b/game.json"));
    }

    #[test]
    fn rule_12_uni_app_taro_and_plain_folders() {
        let uni = layout_of(&[("src/manifest.json", "{}"), ("src/pages.json", "{}")]);
        assert_eq!((uni.kind, uni.app_config.as_deref()), (Kind::UniApp, Some("src/manifest.json")));
        let taro = layout_of(&[("project.config.json", r#"{"miniprogramRoot": "dist/"}"#), ("src/app.config.ts", "")]);
        assert_eq!((taro.kind, taro.source_root.as_str()), (Kind::Taro, "src/"));
        assert_eq!(taro.app_config.as_deref(), Some("src/app.config.ts"));
        assert_eq!(layout_of(&[("a.js", "")]).kind, Kind::Sources);
        let escaping = layout_of(&[("project.config.json", r#"{"miniprogramRoot": "../x"}"#)]);
        assert_eq!(escaping.source_root, "", "a root outside the folder is read as the folder");
    }
}
