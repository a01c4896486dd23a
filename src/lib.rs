//! # wxnet: the WeChat Mini Program network rules
//!
//! Mini programs may only reach servers listed per interface, over HTTPS/WSS, with a
//! fixed Referer, per-API timeouts and concurrency limits, and with responses
//! converted to UTF-8 with one BOM removed. These rules live inside WeChat's closed
//! client; this crate states them as plain functions so that previewers, linters,
//! build plugins and servers can apply the same rules. `docs/RULES.md` is the
//! sourced digest; each module names the section it implements.
//!
//! ## Scope and shape
//!
//! The core is pure: no I/O, no clock, no JS types. Callers hand in strings, bytes
//! and plain data, and get verdicts, diagnostics and decoded data back. Time ("now")
//! is always an argument. Only `src/wasm/` knows wasm-bindgen; it is compiled for
//! `wasm32` only, so `cargo test` builds and tests the core natively.
//!
//! ## Where each rule lives
//!
//! | RULES.md | what | module | JS export (`pkg/`) |
//! |---|---|---|---|
//! | §1 | server domain lists: entries, canonical form | [`domains`] | `normalizeDomains`, `compileDomains` |
//! | §1, §12 | the lint framework: rule registry, diagnostics with help and spans, severities; the domain-list rules (one per file) | [`lint`], [`lint::domains`] | `lintDomains` |
//! | §1–§3 | URL verdicts: scheme, host, port as written, LAN, `urlCheck` | [`url_check`] | `checkUrl`, `checkUrls`, `resolveUrlCheck` |
//! | §4 | timeouts: per call > app.json > 60000, clamped | [`timeout`] | `resolveTimeout` |
//! | §5 | the Referer: parse, build, verify; guard options | [`referer`] | `parseReferer`, `buildReferer`, `verifyReferer`, `refererGuard` |
//! | §6, §9 | concurrency, background grace, download cap, close reason | [`limits`] | `networkLimits` |
//! | §7, §15 | every `errMsg`/`errno`, transport failures | [`errmsg`] | `errMsgFor` |
//! | §8 | response bodies: BOM, charset, UTF-8 or detection, size limit | [`body`] | `decodeBody` |
//! | §9 | methods and the default content-type | [`request`] | `requestDefaults` |
//! | §9 | which `filePath` values are the file store's | [`file_path`] | `parseStorePath` |
//! | §1, §4 | the four network APIs | [`api`] | (the `api` argument everywhere) |
//!
//! `createWx` (the `wx` shim) is JS: it does I/O and timing and asks the core for
//! every rule above.
//!
//! ## Errors and panics
//!
//! Bad input is an [`Error`] with a stable `code` and a message naming what was
//! wrong, never a panic: a panic inside WebAssembly traps and leaves the instance
//! unusable for good, so every module is fuzzed (property tests with arbitrary
//! input, natively and through the wasm build).

pub mod api;
pub mod body;
pub mod domains;
pub mod errmsg;
pub mod error;
pub mod file_path;
pub mod limits;
pub mod lint;
pub mod referer;
pub mod request;
pub mod timeout;
pub mod url_check;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use error::Error;
