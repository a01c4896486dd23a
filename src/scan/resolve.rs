//! Static URL resolution across the project's modules (RULES.md §13): literals,
//! templates and `+` with a static start, same-module constants and constant
//! object properties, exports of relative-path modules (ESM and CommonJS), and
//! `getApp().globalData.x` set in `app.js`. What cannot be resolved is `None`,
//! never a guess.

use super::module::{Binding, Module, Sym};
use crate::lint::Span;

/// Followed references (`a` → import → export → const …) before giving up: cycles end here.
const MAX_STEPS: usize = 32;

/// A URL read from the code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub text: String,
    /// The whole value is static (else `text` is its static start).
    pub complete: bool,
    /// The module where the first static piece is written, and where.
    pub module: usize,
    pub span: Span,
}

/// The modules of a project and how one names another.
pub struct Project<'m> {
    pub paths: &'m [String],
    pub modules: &'m [Module],
    /// The folder `/utils/x` starts from (the mini program root), `""` or ending in `/`.
    pub root: &'m str,
    /// The index of `app.js`/`app.ts` at the root, for `getApp()`.
    pub app: Option<usize>,
    /// Modules named and not among `paths`: the paths tried for each.
    pub missing: std::cell::RefCell<Vec<Vec<String>>>,
}

/// What a module name is tried with, in order: as written, an extension, a folder's index.
pub const MODULE_SUFFIXES: [&str; 7] = ["", ".js", ".ts", ".mjs", ".cjs", "/index.js", "/index.ts"];

impl Project<'_> {
    /// The module `source` names from module `from`: `./x`, `../x`, `/x` (from the
    /// mini program root), with or without extension or `/index`.
    pub fn module(&self, from: usize, source: &str) -> Option<usize> {
        let base = if let Some(absolute) = source.strip_prefix('/') {
            format!("{}{absolute}", self.root)
        } else if source.starts_with("./") || source.starts_with("../") {
            let folder = self.paths.get(from)?.rsplit_once('/').map_or("", |(folder, _)| folder);
            join(folder, source)?
        } else {
            return None;
        };
        let found = MODULE_SUFFIXES.iter().find_map(|ext| {
            let candidate = format!("{base}{ext}");
            self.paths.iter().position(|p| *p == candidate)
        });
        if found.is_none() {
            let tried: Vec<String> = MODULE_SUFFIXES.iter().map(|ext| format!("{base}{ext}")).collect();
            let mut missing = self.missing.borrow_mut();
            if !missing.contains(&tried) {
                missing.push(tried);
            }
        }
        found
    }

    /// The value of `sym` written in `module`.
    pub fn resolve(&self, sym: &Sym, module: usize) -> Option<Resolved> {
        self.text(sym, module, 0)
    }

    fn text(&self, sym: &Sym, module: usize, steps: usize) -> Option<Resolved> {
        if steps > MAX_STEPS {
            return None;
        }
        let next = steps + 1;
        match sym {
            Sym::Text(text, span) => Some(Resolved { text: text.clone(), complete: true, module, span: *span }),
            Sym::Concat(parts) => {
                let mut parts = parts.iter();
                let mut resolved = self.text(parts.next()?, module, next)?;
                if !resolved.complete {
                    return Some(resolved);
                }
                for part in parts {
                    match self.text(part, module, next) {
                        Some(more) => {
                            resolved.text.push_str(&more.text);
                            if !more.complete {
                                resolved.complete = false;
                                break;
                            }
                        }
                        None => {
                            resolved.complete = false;
                            break;
                        }
                    }
                }
                Some(resolved)
            }
            Sym::Name(name) => match self.modules.get(module)?.bindings.get(name)? {
                Binding::Value(value) => self.text(value, module, next),
                Binding::Import { source, name } => {
                    let target = self.module(module, source)?;
                    let (value, owner) = self.export(target, name)?;
                    self.text(&value, owner, next)
                }
                Binding::Namespace(_) | Binding::Unknown => None,
            },
            Sym::Member(object, property) => {
                let (properties, owner) = self.object(object, module, next)?;
                let value = properties.into_iter().rev().find(|(key, _)| key == property)?.1;
                self.text(&value, owner, next)
            }
            Sym::Object(_) | Sym::Require(_) | Sym::GetApp | Sym::Unknown => None,
        }
    }

    /// An export of `module`: (value, the module it is written in).
    fn export(&self, module: usize, name: &str) -> Option<(Sym, usize)> {
        let m = self.modules.get(module)?;
        if let Some(value) = m.exports.get(name) {
            return Some((value.clone(), module));
        }
        if let Some((_, value)) = m.export_properties.iter().rev().find(|(key, _)| key == name) {
            return Some((value.clone(), module));
        }
        match (&m.module_exports, name) {
            (Some(value), "default") => Some((value.clone(), module)),
            (Some(value), name) => Some((Sym::Member(Box::new(value.clone()), name.to_string()), module)),
            (None, _) => None,
        }
    }

    /// The static properties of an object value.
    fn object(&self, sym: &Sym, module: usize, steps: usize) -> Option<(Vec<(String, Sym)>, usize)> {
        if steps > MAX_STEPS {
            return None;
        }
        let next = steps + 1;
        let m = self.modules.get(module)?;
        match sym {
            Sym::Object(properties) => Some((properties.clone(), module)),
            Sym::Name(name) => match m.bindings.get(name)? {
                Binding::Value(value) => self.object(value, module, next),
                Binding::Import { source, name } => {
                    let target = self.module(module, source)?;
                    let (value, owner) = self.export(target, name)?;
                    self.object(&value, owner, next)
                }
                Binding::Namespace(source) => {
                    let target = self.module(module, source)?;
                    Some((self.all_exports(target), target))
                }
                Binding::Unknown => None,
            },
            Sym::Require(source) => {
                let target = self.module(module, source)?;
                match &self.modules.get(target)?.module_exports {
                    Some(value) => self.object(value, target, next),
                    None => Some((self.all_exports(target), target)),
                }
            }
            Sym::Member(object, property) if property == "globalData" && self.is_get_app(object, module, next) => {
                let app = self.app?;
                let data = self.modules.get(app)?.global_data.as_ref()?;
                self.object(data, app, next)
            }
            Sym::Member(object, property) => {
                let (properties, owner) = self.object(object, module, next)?;
                let value = properties.into_iter().rev().find(|(key, _)| key == property)?.1;
                self.object(&value, owner, next)
            }
            _ => None,
        }
    }

    /// `getApp()`, or a name bound to it (`const app = getApp()`).
    fn is_get_app(&self, sym: &Sym, module: usize, steps: usize) -> bool {
        match sym {
            Sym::GetApp => true,
            Sym::Name(name) if steps <= MAX_STEPS => {
                match self.modules.get(module).and_then(|m| m.bindings.get(name)) {
                    Some(Binding::Value(value)) => self.is_get_app(value, module, steps + 1),
                    _ => false,
                }
            }
            _ => false,
        }
    }

    fn all_exports(&self, module: usize) -> Vec<(String, Sym)> {
        let Some(m) = self.modules.get(module) else {
            return Vec::new();
        };
        let mut out: Vec<(String, Sym)> = m.exports.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        out.extend(m.export_properties.iter().cloned());
        out
    }
}

/// `folder` + a relative `path` with `.` and `..` applied; `None` above the root.
fn join(folder: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = folder.split('/').filter(|s| !s.is_empty()).collect();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            segment => parts.push(segment),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::join;

    #[test]
    fn rule_13_relative_module_paths_are_joined_like_node_does() {
        assert_eq!(join("pages/a", "../../utils/config").as_deref(), Some("utils/config"));
        assert_eq!(join("pages/a", "./x").as_deref(), Some("pages/a/x"));
        assert_eq!(join("", "../x"), None, "above the project root");
    }
}
