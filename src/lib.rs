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
//! The core is pure: no I/O, no clock, no JS types, no wasm-bindgen and no
//! `cfg(target_arch)`. Callers hand in strings, bytes and plain data, and get
//! verdicts, diagnostics and decoded data back. Time ("now") is always an argument.
//!
//! ## Workspace and features
//!
//! The root `Cargo.toml` is this crate and the workspace root (members under `crates/`):
//!
//! | crate | what |
//! |---|---|
//! | `wxnet` (`src/`) | the core, an rlib |
//! | `crates/wxnet-wasm` | the runtime module's wasm-bindgen boundary (`wxnet.js`, `wxnet_bg.wasm`, loaded by every entry of the package); `abi.rs` holds the packed-verdict layout |
//! | `crates/wxnet-tools-wasm` | the tools module's boundary (`wxnet_tools.js`, `wxnet_tools_bg.wasm`, loaded by `wxnet/tools` only): linters over file text (feature `lint-json`), the HTTPS doctor (feature `tls`), the errMsg explainer |
//! | `crates/wxnet-js` | JS value conversions shared by the two binding crates (no exports of its own); with them, the only crates that know wasm-bindgen |
//! | `crates/wxnet-codegen` | renders `pkg-template/core/*.generated.*` from the tables ([`catalogue::tables`], the ABI, the wx defaults); `node scripts/codegen.mjs` writes them, its test fails when they are stale |
//!
//! Features of the core: `body` (response decoding, [`body`], with encoding_rs) and
//! `detect` (encoding detection for unlabelled bodies, `body::detect`, with chardetng),
//! both on by default and asked for by the runtime module; `lint-json` (the span-keeping
//! JSON reader and the linters over file text), `project` (the project linter), `scan`
//! (the oxc call-site scanner), `dns-sd` (DNS-SD messages for mDNS discovery,
//! `sockets::dns_sd`, with simple-dns; on by default; only Node's mDNS transport uses
//! them) and `tls` (certificate chains: x509-parser, rustls-webpki, RustCrypto; the
//! doctor), asked for by the tools module. `cargo test --workspace` tests everything
//! (the tools crate turns them on); `npm test` also lints the core without them.
//!
//! ## Where each rule lives
//!
//! | RULES.md | what | module | JS export (`pkg/`) |
//! |---|---|---|---|
//! | §1 | server domain lists: entries, canonical form | [`domains`] | `normalizeDomains`, `compileDomains` |
//! | §1, §12 | the lint framework: rule registry, diagnostics with help and spans, severities; the domain-list rules (one per file) | [`lint`], [`lint::domains`] | `lintDomains`; `lintDomainsFile` (`wxnet/tools`) |
//! | §1–§3 | URL verdicts: scheme, host, port as written, LAN, `urlCheck` | [`url_check`] | `checkUrl`, `checkUrls`, `resolveUrlCheck` |
//! | §12 | the project linter: discovery, wxnet.config.json, config rules (one per file) | `project` (feature `project`) | `lintProject` (`wxnet/tools`) |
//! | §13 | network call sites in JS/TS/Vue (oxc), static URL resolution, `url-<reason>` and call-site rules | `scan` (feature `scan`), `lint::url`, `lint::call` | `lintProject` (`wxnet/tools`) |
//! | §4 | timeouts: per call > app.json > 60000, clamped | [`timeout`] | `resolveTimeout` |
//! | §5 | the Referer: parse, build, verify; guard options; DevTools' default identity | [`referer`] | `parseReferer`, `buildReferer`, `verifyReferer`, `refererGuard`; `WX_DEFAULTS.appid`/`version` (generated) |
//! | §5, §9 | the caller's Referer dropped, the platform's forced; uploadFile's own Content-Type | [`request`] | `DROPPED_HEADERS`, `WX_DEFAULTS.forcedHeader` (generated) |
//! | §6, §9 | concurrency, background grace, download cap, close reason | [`limits`] | `networkLimits` |
//! | §7, §15 | every `errMsg`/`errno` (one table, with explanations), transport failures | [`catalogue::errmsg`] | `errMsgFor` |
//! | §15 | any errMsg a user pastes → key, errno, net error, causes, fixes, the next command | [`catalogue::explain`] | `explainErrMsg` (`wxnet/tools`) |
//! | §11, §15 | HTTPS readiness: chain and handshake facts → findings, per-platform verdicts, predicted errMsg | `tls` (feature `tls`) | `diagnoseChain`, `doctor` (`wxnet/tools`) |
//! | §7 | every error `code` | [`catalogue::error_code`] | `WxnetError.code` (`WxnetErrorCode`) |
//! | §8 | response bodies: BOM, charset, UTF-8 or detection, size limit, errno 602302 | [`body`] | `decodeBody` |
//! | §8, §9 | methods, default method (upper-cased as JS does), content-type, `dataType`/`responseType` defaults | [`request`] | `requestDefaults`, `requestMethod`, `WX_DEFAULTS` (generated) |
//! | §7, §9 | the parameter table of each API and its parameter errors | [`wx_api`] | `wxParameterError` |
//! | §9 | WebSocket close: code 1000 or 3000–4999, reason bytes, GOING_AWAY | [`socket`] | `checkSocketClose`, `WX_DEFAULTS.closeCode`/`goingAwayCode` |
//! | §2, §10 | UDP/TCP targets (LAN peer or udpdomain/tcpdomain), TCP's blocked ports, mDNS `serviceType`, DNS-SD messages (feature `dns-sd`) | [`sockets`], `sockets::dns_sd` | `checkSocketTarget`, `serviceTypeError`, `dnsSd*` (tools module, Node's mDNS transport); `wx.createUDPSocket`, `wx.createTCPSocket`, `wx.startLocalServiceDiscovery` |
//! | §14 | what a dev proxy may connect to (the resolved address: public, or a LAN peer), the headers only a browser sends | [`proxy`] | `checkResolvedAddress`, `BROWSER_ONLY_HEADERS` (generated); `wxnet/proxy` |
//! | §9 | which `filePath` values are the file store's; minting them | [`file_path`] | `parseStorePath`, `STORE_PATH_PREFIXES` (generated) |
//! | §1, §4 | the four network APIs | [`api`] | (the `api` argument everywhere) |
//!
//! `createWx` (the `wx` shim) is JS: it does I/O and timing and asks the core for
//! every rule above, through the boundary or through the generated constants.
//!
//! ## Errors and panics
//!
//! Bad input is an [`Error`] with a stable `code` and a message naming what was
//! wrong, never a panic: a panic inside WebAssembly traps and leaves the instance
//! unusable for good, so every module is fuzzed (property tests with arbitrary
//! input, natively and through the wasm build).

pub mod api;
#[cfg(feature = "body")]
pub mod body;
pub mod catalogue;
pub mod domains;
pub mod error;
pub mod file_path;
pub mod limits;
#[macro_use]
pub mod lint;
pub mod project;
pub mod proxy;
pub mod referer;
pub mod request;
#[cfg(any(test, feature = "scan"))]
pub mod scan;
pub mod socket;
pub mod sockets;
pub mod timeout;
#[cfg(feature = "tls")]
pub mod tls;
pub mod url_check;
pub mod wx_api;

pub use error::Error;
