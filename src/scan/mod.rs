//! The call-site scanner (feature `scan`, RULES.md §13): parses the project's
//! JS/TS/Vue files with `oxc_parser`, finds the network calls
//! (`wx|uni|Taro.request|uploadFile|downloadFile|connectSocket`), reads their URL
//! statically ([`resolve`]) and checks it with [`crate::url_check::check`]; also the
//! literal options a call passes (`timeout`, `header.Referer`, `method`, `dataType`,
//! `responseType`) and the base-library features the code uses.
//!
//! Findings are reported where the URL text is written (a constant's definition may
//! be in another file; the message then names the call). uni-app `#ifdef H5` blocks
//! and Taro `TARO_ENV === 'h5'` branches are not mini program code and are skipped.
//! Inline `wxnet-disable` comments silence findings ([`suppress`]).
//!
//! Bad input never panics: a file that does not parse is one `wxnet/js-syntax`
//! finding, and text nested deeper than [`MAX_NESTING`] brackets is not parsed (the
//! parser and the AST walk recurse).

pub mod app_config;
pub mod module;
pub mod platform;
pub mod resolve;
pub mod suppress;
pub mod vue;

use crate::api::Api;
use crate::domains::Policy;
use crate::lint::{call, js_syntax, url, Diagnostic, LineIndex, Severity, Span};
use crate::project::rules::lib_version::Feature;
use crate::request::resolve_method;
use crate::sockets::{check_target, TargetReason};
use crate::url_check::{check, Lan, Options, Reason};
use module::{Collector, Literal, Module, Used};
use oxc_allocator::Allocator;
use oxc_ast_visit::Visit;
use oxc_parser::Parser;
use oxc_span::SourceType;
use resolve::{Project, Resolved};
use suppress::Suppressions;

/// Brackets nested deeper than this are not parsed (a stack-overflow guard).
pub const MAX_NESTING: usize = 1_000;

/// What the URL checks depend on.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// The domain list; `None`: list membership is not judged.
    pub policy: Option<&'a Policy>,
    pub lan: Option<Lan>,
    /// The project's own wrappers of the network APIs, checked like them.
    pub wrappers: &'a [Wrapper],
    /// Only the calls written in this file (an index into the files) are checked;
    /// the other files are read to resolve what it imports.
    pub calls_in: Option<usize>,
}

pub use crate::project::Wrapper;

/// A finding in one of the scanned files.
#[derive(Debug, Clone, PartialEq)]
pub struct ScanFinding {
    /// Index into the files given to [`scan`].
    pub file: usize,
    pub diagnostic: Diagnostic,
    pub api: Option<Api>,
    pub url: Option<String>,
}

#[derive(Debug, Default)]
pub struct Scanned {
    pub findings: Vec<ScanFinding>,
    /// Each base-library-gated feature the code uses, with `file:line:column`, in file order.
    pub used: Vec<(Feature, String)>,
    /// Modules a URL's resolution needed and the files did not hold: for each, the
    /// paths tried, in order ([`resolve::Project::module`]).
    pub missing: Vec<Vec<String>>,
}

/// One file parsed: its module and the comments that matter after parsing.
struct Parsed {
    module: Module,
    suppressions: Suppressions,
    syntax_error: Option<Diagnostic>,
}

/// The deepest bracket nesting of a text (strings and comments not told apart:
/// this is a guard, not a parser).
fn nesting(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for byte in text.bytes() {
        match byte {
            b'(' | b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

fn source_type(path: &str, typescript: bool) -> SourceType {
    let by_path = SourceType::from_path(path).unwrap_or_else(|_| SourceType::mjs());
    let base = if typescript && !by_path.is_typescript() { SourceType::ts() } else { by_path };
    // Mini program code mixes CommonJS and ESM freely.
    base.with_unambiguous(true)
}

/// Parses one piece of code (a file, or a `<script>` block at `offset`).
fn parse_piece(
    allocator: &Allocator,
    path: &str,
    code: &str,
    typescript: bool,
    offset: u32,
    collector: &mut Collector,
    comments: &mut Vec<(Span, String)>,
) -> Option<Diagnostic> {
    if nesting(code) > MAX_NESTING {
        return Some(
            Diagnostic::new(
                js_syntax::RULE.code,
                Severity::Error,
                format!("brackets nest deeper than {MAX_NESTING} levels; the file is not scanned"),
            )
            .with_span(Span::at(offset as usize)),
        );
    }
    let parsed = Parser::new(allocator, code, source_type(path, typescript)).parse();
    for comment in &parsed.program.comments {
        let span = Span { start: comment.span.start + offset, end: comment.span.end + offset };
        let text = code.get(comment.span.start as usize..comment.span.end as usize).unwrap_or("");
        if text.contains("wxnet-") || text.contains('#') {
            comments.push((span, text.to_string()));
        }
    }
    let error = parsed.diagnostics.first().map(|error| {
        let span = error
            .labels
            .first()
            .map_or(Span::at(0), |label| Span::new(label.offset() as usize, (label.offset() + label.len()) as usize));
        Diagnostic::new(js_syntax::RULE.code, Severity::Error, format!("the file does not parse: {}", error.message))
            .with_span(Span { start: span.start + offset, end: span.end + offset })
    });
    collector.visit_program(&parsed.program);
    error
}

fn parse_file(allocator: &mut Allocator, path: &str, text: &str, wrappers: &[Wrapper]) -> Parsed {
    let pieces: Vec<(usize, &str, bool)> =
        if path.ends_with(".vue") { vue::scripts(text) } else { vec![(0, text, false)] };
    let mut comments: Vec<(Span, String)> = Vec::new();
    // uni-app blocks are found from the comments of the whole file: scan the
    // comments first (a cheap pass without the AST), then collect.
    let mut syntax_error = None;
    let mut module = Module::default();
    for (offset, code, typescript) in pieces {
        let offset = u32::try_from(offset).unwrap_or(u32::MAX);
        let mut first_pass: Vec<(Span, String)> = Vec::new();
        let mut scratch = Collector::new(&[], offset).with_wrappers(wrappers);
        allocator.reset();
        let error = parse_piece(allocator, path, code, typescript, offset, &mut scratch, &mut first_pass);
        let spans: Vec<(Span, &str)> = first_pass.iter().map(|(span, text)| (*span, text.as_str())).collect();
        let excluded = platform::excluded(&spans);
        let piece_module = if excluded.is_empty() {
            scratch.finish()
        } else {
            let mut collector = Collector::new(&excluded, offset).with_wrappers(wrappers);
            allocator.reset();
            let mut ignored = Vec::new();
            parse_piece(allocator, path, code, typescript, offset, &mut collector, &mut ignored);
            collector.finish()
        };
        merge(&mut module, piece_module);
        comments.extend(first_pass);
        syntax_error = syntax_error.or(error);
    }
    let spans: Vec<(Span, &str)> = comments.iter().map(|(span, text)| (*span, text.as_str())).collect();
    let suppressions =
        if spans.is_empty() { Suppressions::default() } else { Suppressions::new(&spans, &LineIndex::new(text)) };
    Parsed { module, suppressions, syntax_error }
}

/// The `<script>` and `<script setup>` of one `.vue` file make one module.
fn merge(into: &mut Module, from: Module) {
    for (name, binding) in from.bindings {
        into.bindings.entry(name).or_insert(binding);
    }
    into.exports.extend(from.exports);
    into.module_exports = into.module_exports.take().or(from.module_exports);
    into.export_properties.extend(from.export_properties);
    into.global_data = into.global_data.take().or(from.global_data);
    into.calls.extend(from.calls);
    into.socket_calls.extend(from.socket_calls);
    into.used.extend(from.used);
}

/// Scans the code files (`files`: path → text) of a project whose mini program
/// root is `root` (`""` or a folder ending in `/`).
pub fn scan(files: &[(&str, &str)], root: &str, context: Context) -> Scanned {
    let mut allocator = Allocator::default();
    let parsed: Vec<Parsed> =
        files.iter().map(|(path, text)| parse_file(&mut allocator, path, text, context.wrappers)).collect();
    let paths: Vec<String> = files.iter().map(|(path, _)| path.to_string()).collect();
    let (modules, rest): (Vec<Module>, Vec<(Suppressions, Option<Diagnostic>)>) =
        parsed.into_iter().map(|p| (p.module, (p.suppressions, p.syntax_error))).unzip();
    let app = ["app.js", "app.ts"].iter().find_map(|name| {
        let path = format!("{root}{name}");
        paths.iter().position(|p| *p == path)
    });
    let project = Project { paths: &paths, modules: &modules, root, app, missing: Default::default() };
    // Line indexes only for the files that need one (most files have no finding).
    let indexes: Vec<std::cell::OnceCell<LineIndex>> = files.iter().map(|_| std::cell::OnceCell::new()).collect();
    let index = |file: usize| indexes[file].get_or_init(|| LineIndex::new(files[file].1));
    let at = |file: usize, span: Span| {
        let p = index(file).position(span.start as usize);
        format!("{}:{}:{}", paths[file], p.line, p.column)
    };

    let mut scanned = Scanned::default();
    let empty = Policy::default();
    for (file, module) in modules.iter().enumerate() {
        if context.calls_in.is_some_and(|only| only != file) {
            continue;
        }
        if let Some(error) = &rest[file].1 {
            scanned.findings.push(ScanFinding { file, diagnostic: error.clone(), api: None, url: None });
        }
        for used in &module.used {
            let (feature, span) = match used {
                Used::Udp(span) => (Feature::Udp, *span),
                Used::Tcp(span) => (Feature::Tcp, *span),
            };
            scanned.used.push((feature, at(file, span)));
        }
        for call in &module.calls {
            if call.has_timeout {
                scanned.used.push((Feature::CallTimeout, at(file, call.span)));
            }
            let resolved = call.url.as_ref().and_then(|sym| project.resolve(sym, file));
            // A wrapper's path (`/user`) gets the wrapper's own base.
            let resolved = resolved.filter(|r| !call.wrapper || r.text.contains("://"));
            if let Some(resolved) = resolved {
                let checked = check_url(call.api, &resolved, context, &empty);
                if let Some((reason, text)) = checked {
                    if reason == Reason::Lan {
                        scanned.used.push((Feature::Lan, at(file, call.span)));
                    }
                    if let Some(rule) = url::rule(reason) {
                        let where_used = if resolved.module == file {
                            String::new()
                        } else {
                            format!(" (used by {} at {})", call.callee, at(file, call.span))
                        };
                        let message = format!(
                            "{} to {}{where_used}: {}; on the phone: {}",
                            call.callee,
                            crate::error::quote(&resolved.text),
                            reason.doc().trim_end_matches('.').to_lowercase_first(),
                            reason.message(call.api, &text).err_msg
                        );
                        let diagnostic = Diagnostic::new(rule.code, rule.default_severity, message)
                            .with_help(url::help(reason, call.api))
                            .with_span(resolved.span);
                        scanned.findings.push(ScanFinding {
                            file: resolved.module,
                            diagnostic,
                            api: Some(call.api),
                            url: Some(resolved.text.clone()),
                        });
                    }
                }
            }
            for diagnostic in call_facts(call) {
                let url = call.url.as_ref().and_then(|sym| project.resolve(sym, file)).map(|r| r.text);
                scanned.findings.push(ScanFinding { file, diagnostic, api: Some(call.api), url });
            }
        }
        for socket in &module.socket_calls {
            let Some(address) = socket.address.as_ref().and_then(|sym| project.resolve(sym, file)) else {
                continue;
            };
            let where_used = if address.module == file {
                String::new()
            } else {
                format!(" (used by {} at {})", socket.callee, at(file, socket.span))
            };
            if let Some((diagnostic, url)) = check_socket(socket, &address, &where_used, context, &empty) {
                scanned.findings.push(ScanFinding { file: address.module, diagnostic, api: None, url: Some(url) });
            }
        }
    }
    scanned.findings.retain(|finding| {
        let suppressions = &rest[finding.file].0;
        if suppressions.is_empty() {
            return true;
        }
        let line = finding.diagnostic.span.map_or(1, |span| index(finding.file).position(span.start as usize).line);
        !suppressions.is_suppressed(line, finding.diagnostic.code)
    });
    scanned.missing = project.missing.take();
    scanned
}

trait LowerFirst {
    fn to_lowercase_first(&self) -> String;
}

impl LowerFirst for str {
    /// `Any other IP literal` → `any other IP literal`.
    fn to_lowercase_first(&self) -> String {
        let mut chars = self.chars();
        match chars.next() {
            Some(first) => first.to_lowercase().chain(chars).collect(),
            None => String::new(),
        }
    }
}

/// The verdict for a URL read from the code, and the text checked: the whole URL,
/// or its static start when that reaches the end of the origin. `None` when the
/// origin is not known, or the verdict is about list membership and no list is given.
fn check_url(api: Api, resolved: &Resolved, context: Context, empty: &Policy) -> Option<(Reason, String)> {
    let text = if resolved.complete {
        resolved.text.clone()
    } else {
        let start = &resolved.text;
        match start.find("://") {
            Some(at) => {
                let rest = &start[at + 3..];
                let end = rest.find(['/', '?', '#'])?;
                format!("{}{}", &start[..at + 3], &rest[..end])
            }
            None if start.starts_with('/') || start.starts_with('.') => start.clone(),
            None => return None,
        }
    };
    let options =
        Options { policy: context.policy.unwrap_or(empty), url_check: true, lan: context.lan, wss_port_check: false };
    let reason = check(api, &text, &options).reason;
    if context.policy.is_none() && matches!(reason, Reason::NotListed | Reason::Port) {
        return None;
    }
    Some((reason, text))
}

/// A port no rule refuses, to judge the address of a socket call whose port is not
/// written as a number (the verdicts about the port are then dropped).
const ANY_PORT: f64 = 65_000.0;

/// The finding for a socket target the client refuses, and the target as
/// `tcp://address:port`; `where_used` names the call when the address is written in
/// another module.
fn check_socket(
    socket: &module::SocketCall,
    address: &Resolved,
    where_used: &str,
    context: Context,
    empty: &Policy,
) -> Option<(Diagnostic, String)> {
    if !address.complete {
        return None;
    }
    let options =
        Options { policy: context.policy.unwrap_or(empty), url_check: true, lan: context.lan, wss_port_check: false };
    let target = check_target(socket.protocol, &address.text, socket.port.unwrap_or(ANY_PORT), &options);
    let about_port =
        matches!(target.reason, TargetReason::BlockedPort | TargetReason::Port | TargetReason::InvalidPort);
    let about_list = matches!(target.reason, TargetReason::NotListed | TargetReason::Port);
    if (socket.port.is_none() && about_port) || (context.policy.is_none() && about_list) {
        return None;
    }
    // The errMsg names the port only when the code writes one.
    let target = if socket.port.is_none() { crate::sockets::Target { port: None, ..target } } else { target };
    let refusal = target.message(socket.protocol, &address.text)?;
    let port = socket.port.map_or_else(String::new, |port| format!(":{port}"));
    let written = format!("{}://{}{port}", socket.protocol.name(), address.text);
    let message = format!(
        "{} to {}{where_used}: {}; on the phone: {}",
        socket.callee,
        crate::error::quote(&written),
        target.reason.doc().trim_end_matches('.').to_lowercase_first(),
        refusal.err_msg
    );
    let rule = &call::socket_target::RULE;
    let diagnostic = Diagnostic::new(rule.code, rule.default_severity, message)
        .with_help(call::socket_target::help(target.reason, socket.protocol))
        .with_span(address.span);
    Some((diagnostic, written))
}

/// The findings on a call's literal options.
fn call_facts(call: &module::Call) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (name, value, span) in &call.options {
        let found = match (name.as_str(), value) {
            ("timeout", Literal::Number(ms)) if *ms > crate::timeout::MAX_MS => Some((
                &call::timeout::RULE,
                format!("{} timeout {ms} is above 60000 ms; the client clamps it to 60000", call.callee),
                "write 60000 or less".to_string(),
            )),
            ("timeout", Literal::Number(ms)) if !(ms.is_finite() && *ms > 0.0) => Some((
                &call::timeout::RULE,
                format!(
                    "{} timeout {ms} is not a positive number; the call falls through to networkTimeout or 60000 ms",
                    call.callee
                ),
                "write a positive number of milliseconds".to_string(),
            )),
            ("timeout", Literal::Text(text)) => Some((
                &call::timeout::RULE,
                format!(
                    "{} timeout is the string {}; the call falls through to networkTimeout or 60000 ms",
                    call.callee,
                    crate::error::quote(text)
                ),
                "write the number without quotes".to_string(),
            )),
            ("method", Literal::Text(method)) if call.api == Api::Request && resolve_method(Some(method)).is_none() => {
                Some((
                    &call::method::RULE,
                    format!(
                        "{} method {} is refused on the phone (request:fail method is invalid)",
                        call.callee,
                        crate::error::quote(method)
                    ),
                    "use one of OPTIONS, GET, HEAD, POST, PUT, DELETE, TRACE, CONNECT".to_string(),
                ))
            }
            ("dataType", Literal::Text(kind)) if call.api == Api::Request && kind != "json" && kind != "text" => {
                Some((
                    &call::data_type::RULE,
                    format!(
                        "{} dataType {} is not \"json\": the body is not parsed",
                        call.callee,
                        crate::error::quote(kind)
                    ),
                    "write dataType: 'json' to get parsed JSON, or 'text' for the raw string".to_string(),
                ))
            }
            ("responseType", Literal::Text(kind))
                if call.api == Api::Request && kind != "text" && kind != "arraybuffer" =>
            {
                Some((
                    &call::data_type::RULE,
                    format!(
                        "{} responseType {} does not exist: the body is read as text",
                        call.callee,
                        crate::error::quote(kind)
                    ),
                    "write responseType: 'text' or 'arraybuffer'".to_string(),
                ))
            }
            _ => None,
        };
        if let Some((rule, message, help)) = found {
            out.push(Diagnostic::new(rule.code, rule.default_severity, message).with_help(help).with_span(*span));
        }
    }
    for (name, span) in &call.header_keys {
        if name.eq_ignore_ascii_case("referer") {
            let message = format!(
                "{} sets a Referer header; the client drops it and sends its own page-frame Referer",
                call.callee
            );
            out.push(
                Diagnostic::new(call::referer::RULE.code, call::referer::RULE.default_severity, message)
                    .with_help("identify the caller another way (a token header); see RULES.md §5 for the Referer the phone sends")
                    .with_span(*span),
            );
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod test_support;
#[cfg(test)]
mod tests;
