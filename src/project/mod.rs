//! The project linter (RULES.md §12, §13): a mini program project, given as a map
//! of relative path → text, in; diagnostics with file, line and column out.
//!
//! - **Discovery**, as DevTools does it ([`layout`]): `project.config.json` (+
//!   `project.private.config.json`) → `miniprogramRoot` and `compileType` →
//!   `app.json` or `game.json`; a uni-app project by `manifest.json` (JSON with
//!   comments) and `pages.json`; a Taro project by `project.config.json` +
//!   `src/app.config.{js,ts}`. A folder with only sources still lints its sources.
//! - **Configuration**: `wxnet.config.json` at the root (or given), the domain list
//!   (given, or named there), `lan`, per-rule severities, `ignore` globs
//!   ([`settings`]).
//! - **Rules**: one per file in [`rules`]; the domain list through the domain rules
//!   ([`crate::lint::domains`]) with file positions.
//!
//! The caller reads the files (Node walks the disk, the browser gets a dropped
//! folder); the core never touches a file system. File names are relative to the
//! project folder with `/`.

pub mod rules;

#[cfg(any(test, feature = "project"))]
pub mod ignore;
#[cfg(any(test, feature = "project"))]
pub mod layout;
#[cfg(any(test, feature = "project"))]
mod lint;
#[cfg(test)]
mod per_module_tests;
#[cfg(any(test, feature = "project"))]
pub mod report;
#[cfg(any(test, feature = "project"))]
pub mod settings;
#[cfg(any(test, feature = "project"))]
mod wrapper;

#[cfg(any(test, feature = "project"))]
pub use lint::{lint_project, Given, Options, SOURCE_EXTENSIONS};
#[cfg(any(test, feature = "project"))]
pub use report::{Finding, Report, Summary};
#[cfg(any(test, feature = "project"))]
pub use wrapper::{call_keywords, config_wrappers, Wrapper};
