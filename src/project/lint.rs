//! `lint_project`: every project rule over a map of files.

use super::ignore::Ignore;
use super::layout::{layout, Files, Kind, Layout};
use super::report::{shift, Finding, Report};
use super::rules::{appid, domain_icp, lib_version, network_timeout, no_domains, url_check_off};
use super::settings::{self, DomainsAt, Settings};
use crate::domains::{Policy, RawDomains};
use crate::error::{quote, Error};
use crate::lint::json::{parse, Node, Syntax};
use crate::lint::{config, json_syntax, Diagnostic, LineIndex, RuleSeverities, Severity};
use crate::url_check::Lan;

/// A file given apart from the project folder (`--domains`, `--config`): the name
/// to show for it and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Given {
    pub file: String,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The domain list (else `domains` of wxnet.config.json).
    pub domains: Option<Given>,
    /// The settings (else `wxnet.config.json` at the root).
    pub config: Option<Given>,
    /// The phone's address, `ip/prefix` (else `lan` of wxnet.config.json).
    pub lan: Option<String>,
    /// Severities over those of wxnet.config.json: the JSON text of a `rules` object.
    pub rules: Option<String>,
    /// The project's own wrappers of the network APIs, checked like them.
    pub wrappers: Vec<super::Wrapper>,
    /// Only this file's call sites (the build plugin's per-module check): the
    /// other files are read to resolve its imports and the configs for the
    /// settings; their own findings are not reported.
    pub focus: Option<String>,
}

/// The extensions of the code the scanner reads (RULES.md §13).
pub const SOURCE_EXTENSIONS: [&str; 7] = [".js", ".mjs", ".cjs", ".ts", ".jsx", ".tsx", ".vue"];

/// What the rules found so far, per file.
struct Collected {
    severities: RuleSeverities,
    findings: Vec<Finding>,
    /// Files read (configs and sources), for the summary.
    files: std::collections::BTreeSet<String>,
}

impl Collected {
    fn add(&mut self, file: &str, text: &str, diagnostics: Vec<Diagnostic>) {
        if diagnostics.is_empty() {
            return;
        }
        let index = LineIndex::new(text);
        for d in self.severities.apply(diagnostics) {
            self.findings.push(Finding::new(file, &index, d));
        }
    }

    fn read(&mut self, file: &str) {
        if !self.files.contains(file) {
            self.files.insert(file.to_string());
        }
    }
}

/// `a\b` and `./a/b` are `a/b`.
fn normalise(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut path = path.as_str();
    while let Some(rest) = path.strip_prefix("./") {
        path = rest;
    }
    path.trim_start_matches('/').to_string()
}

/// Parses a JSON file of the project, reporting a syntax error in it.
fn parse_reported(collected: &mut Collected, file: &str, text: &str, syntax: Syntax) -> Option<Node> {
    collected.read(file);
    match parse(text, syntax) {
        Ok(root) => Some(root),
        Err(error) => {
            collected.add(file, text, vec![json_syntax::diagnostic(&error)]);
            None
        }
    }
}

/// Lints a project: `files` maps paths relative to the project folder to their text.
/// Errors only for a bad `options.lan` (code `arg/lan`); every problem in the files
/// is a finding.
pub fn lint_project(files: &[(String, String)], options: &Options) -> Result<Report, Error> {
    let owned: Vec<(String, &str)> = files.iter().map(|(path, text)| (normalise(path), text.as_str())).collect();
    let files: Files = owned.iter().map(|(path, text)| (path.as_str(), *text)).collect();
    let mut collected =
        Collected { severities: RuleSeverities::default(), findings: Vec::new(), files: Default::default() };
    let lan_option = options.lan.as_deref().map(|lan| Lan::parse(lan, None)).transpose()?;

    // wxnet.config.json first: its rules apply to everything else.
    let config = match &options.config {
        Some(given) => Some((given.file.as_str(), given.text.as_str())),
        None => files.get("wxnet.config.json").map(|text| ("wxnet.config.json", *text)),
    };
    let mut settings = Settings::default();
    let mut config_problems = Vec::new();
    if let Some((file, text)) = config {
        if let Some(root) = parse_reported(&mut collected, file, text, Syntax::Json) {
            (settings, config_problems) = settings::read(&root);
        }
    }
    collected.severities = settings.severities.clone();
    if let Some(rules) = &options.rules {
        collected.severities.merge(&given_rules(rules)?);
    }
    let lan = lan_option.or(settings.lan);

    let mut ignore = Ignore::default();
    if let Some(text) = files.get(".gitignore") {
        ignore.add_gitignore(text);
    }
    settings.ignore.iter().for_each(|glob| ignore.add(glob));

    let project_configs = read_project_configs(&mut collected, &files);
    let parsed: Vec<&Node> = project_configs.iter().map(|(_, node)| node).collect();
    let layout = layout(&files, &parsed);
    lint_app_config(&mut collected, &files, &layout);
    let lib_version = project_configs.iter().rev().find_map(|(file, node)| Some((*file, node.get("libVersion")?)));

    let policy = lint_domains(&mut collected, &files, options, config, &settings, &layout, &mut config_problems);
    if let Some((file, text)) = config {
        collected.add(file, text, config_problems);
    }

    let sources = sources(&files, &layout, &ignore);
    let focus = options.focus.as_deref().map(normalise);
    if focus.is_some() {
        collected.findings.clear();
    }
    // The caller's wrappers (the plugin's option), then wxnet.config.json's.
    let wrappers: Vec<super::Wrapper> = options.wrappers.iter().chain(&settings.wrappers).cloned().collect();
    let scope = Scope { wrappers: &wrappers, focus: focus.as_deref() };
    let (used, missing) = scan_sources(&mut collected, &sources, &layout, policy.as_ref(), lan, scope);
    // Only a one-module check asks for more files; a whole project has them all.
    let needs = if focus.is_some() { missing } else { Vec::new() };
    if let (Some((file, node)), None) = (lib_version, &focus) {
        let found = lib_version::check(node, &used);
        collected.add(file, files.get(file).copied().unwrap_or_default(), found);
    }

    let count = collected.files.len();
    Ok(Report { needs, ..Report::finish(collected.findings, count) })
}

/// `options.rules`: problems in it are the caller's, an `arg/type` error.
fn given_rules(text: &str) -> Result<RuleSeverities, Error> {
    let bad = |message: String| Error::new(crate::error::ErrorCode::ArgType, format!("options.rules: {message}"));
    let root = parse(text, Syntax::Json).map_err(|error| bad(error.message))?;
    let (severities, problems) = RuleSeverities::from_json(&root);
    match problems.into_iter().next() {
        Some(problem) => {
            let help = problem.help.map(|help| format!(" ({help})")).unwrap_or_default();
            Err(bad(format!("{}{help}", problem.message)))
        }
        None => Ok(severities),
    }
}

/// Which calls the scan checks: the wrappers it also knows, and the one file whose
/// calls alone are checked.
#[derive(Clone, Copy)]
#[cfg_attr(not(any(test, feature = "scan")), allow(dead_code))] // read only by the scanner
struct Scope<'a> {
    wrappers: &'a [super::Wrapper],
    focus: Option<&'a str>,
}

/// Scans the code (feature `scan`): the call-site findings, and the gated
/// features the code uses (for `wxnet/lib-version`).
#[cfg(any(test, feature = "scan"))]
fn scan_sources(
    collected: &mut Collected,
    sources: &[(&str, &str)],
    layout: &Layout,
    policy: Option<&Policy>,
    lan: Option<Lan>,
    scope: Scope,
) -> (Vec<(lib_version::Feature, String)>, Vec<Vec<String>>) {
    let calls_in = match scope.focus {
        Some(focus) => match sources.iter().position(|(path, _)| *path == focus) {
            Some(at) => Some(at),
            // Ignored, outside the mini program root, or not code: not linted.
            None => return (Vec::new(), Vec::new()),
        },
        None => None,
    };
    let context = crate::scan::Context { policy, lan, wrappers: scope.wrappers, calls_in };
    let scanned = crate::scan::scan(sources, &layout.source_root, context);
    for (path, _) in sources {
        collected.read(path);
    }
    let mut indexes: std::collections::HashMap<usize, LineIndex> = std::collections::HashMap::new();
    for finding in scanned.findings {
        let Some((path, text)) = sources.get(finding.file) else {
            continue;
        };
        let index = indexes.entry(finding.file).or_insert_with(|| LineIndex::new(text));
        for diagnostic in collected.severities.apply(vec![finding.diagnostic]) {
            let mut located = Finding::new(path, index, diagnostic);
            located.api = finding.api.map(|api| api.name());
            located.url = finding.url.clone();
            collected.findings.push(located);
        }
    }
    (scanned.used, scanned.missing)
}

/// Without the scanner, only the configuration is linted.
#[cfg(not(any(test, feature = "scan")))]
fn scan_sources(
    _: &mut Collected,
    _: &[(&str, &str)],
    _: &Layout,
    _: Option<&Policy>,
    _: Option<Lan>,
    _: Scope,
) -> (Vec<(lib_version::Feature, String)>, Vec<Vec<String>>) {
    (Vec::new(), Vec::new())
}

/// project.config.json and project.private.config.json, parsed, with their own
/// rules run: (file, root) in that order.
fn read_project_configs(collected: &mut Collected, files: &Files) -> Vec<(&'static str, Node)> {
    let mut out = Vec::new();
    for (file, scope) in [
        ("project.config.json", url_check_off::Scope::Committed),
        ("project.private.config.json", url_check_off::Scope::Private),
    ] {
        let Some(text) = files.get(file).copied() else {
            continue;
        };
        let Some(root) = parse_reported(collected, file, text, Syntax::Json) else {
            continue;
        };
        let mut found: Vec<Diagnostic> = root.get("appid").and_then(appid::check).into_iter().collect();
        found.extend(root.get("setting").and_then(|setting| url_check_off::check(setting, scope)));
        collected.add(file, text, found);
        out.push((file, root));
    }
    out
}

/// app.json / game.json, uni-app's manifest.json, or Taro's src/app.config.{ts,js}.
fn lint_app_config(collected: &mut Collected, files: &Files, layout: &Layout) {
    let Some(file) = layout.app_config.as_deref() else {
        return;
    };
    let Some(text) = files.get(file).copied() else {
        return;
    };
    let root = match layout.kind {
        // Code, not JSON: a file that does not parse is the scanner's finding.
        Kind::Taro => taro_app_config(file, text),
        Kind::UniApp => parse_reported(collected, file, text, Syntax::Jsonc),
        _ => parse_reported(collected, file, text, Syntax::Json),
    };
    let Some(root) = root else {
        return;
    };
    let mut found = root.get("networkTimeout").map(network_timeout::check).unwrap_or_default();
    if let Some(weixin) = root.get("mp-weixin") {
        found.extend(weixin.get("appid").and_then(appid::check));
        found.extend(
            weixin.get("setting").and_then(|setting| url_check_off::check(setting, url_check_off::Scope::Committed)),
        );
    }
    collected.add(file, text, found);
}

#[cfg(any(test, feature = "scan"))]
fn taro_app_config(file: &str, text: &str) -> Option<Node> {
    crate::scan::app_config::read(file, text)
}

/// Without the scanner, Taro's app config (code) is not read.
#[cfg(not(any(test, feature = "scan")))]
fn taro_app_config(_: &str, _: &str) -> Option<Node> {
    None
}

/// The domain list: given, inline in the config, or a file the config names. Lints
/// it and returns the policy the URL checks use (`None`: no list, not judged).
fn lint_domains(
    collected: &mut Collected,
    files: &Files,
    options: &Options,
    config: Option<(&str, &str)>,
    settings: &Settings,
    layout: &Layout,
    config_problems: &mut Vec<Diagnostic>,
) -> Option<Policy> {
    let (file, text, offset): (String, &str, u32) = match (&options.domains, &settings.domains, config) {
        (Some(given), _, _) => (given.file.clone(), given.text.as_str(), 0),
        (None, Some(DomainsAt::Inline(span)), Some((file, text))) => (file.to_string(), span.text(text), span.start),
        (None, Some(DomainsAt::File(path, span)), Some((config_file, _))) => {
            let resolved = normalise(&relative_to(config_file, path));
            match files.get(resolved.as_str()) {
                Some(text) => (resolved, *text, 0),
                None => {
                    config_problems.push(
                        Diagnostic::new(
                            config::RULE.code,
                            Severity::Error,
                            format!("the domains file {} is not in the project", quote(path)),
                        )
                        .with_help("write the path relative to wxnet.config.json, or give the list with --domains")
                        .with_span(*span),
                    );
                    return None;
                }
            }
        }
        _ => {
            // At the file that would name the list, else the project's main config.
            let file = ["wxnet.config.json", "project.config.json"]
                .into_iter()
                .chain(layout.app_config.as_deref())
                .find(|f| files.contains_key(f))
                .unwrap_or(".");
            collected.add(file, files.get(file).copied().unwrap_or_default(), vec![no_domains::diagnostic()]);
            return None;
        }
    };
    if options.focus.is_some() {
        // One module's check: the list was linted with the configs at build start.
        return Some(Policy::compile(&raw_domains(&parse(text, Syntax::Json).ok()?)));
    }
    let full_text = if offset == 0 { text } else { config.map_or(text, |(_, t)| t) };
    collected.read(&file);
    let severities = collected.severities.clone();
    let mut found: Vec<Diagnostic> =
        crate::lint::domains::lint_json(text, &severities).into_iter().map(|d| shift(d, offset)).collect();
    let root = parse(text, Syntax::Json).ok()?;
    found.extend(domain_icp::check(&root).map(|d| shift(d, offset)));
    collected.add(&file, full_text, found);
    Some(Policy::compile(&raw_domains(&root)))
}

/// `path` written in `from` (a file), as a path from the project root.
fn relative_to(from: &str, path: &str) -> String {
    match from.rsplit_once('/') {
        Some((folder, _)) if !path.starts_with('/') => format!("{folder}/{path}"),
        _ => path.to_string(),
    }
}

/// The domain lists of a parsed file, as the domain linter reads them.
fn raw_domains(root: &Node) -> RawDomains {
    let fields = root
        .members()
        .unwrap_or(&[])
        .iter()
        .map(|member| {
            let value = crate::lint::domains::raw_value(&member.value);
            (member.key.clone(), value)
        })
        .collect();
    RawDomains { fields }
}

/// The code files to scan: under the source root, with a source extension, not
/// ignored (RULES.md §13).
pub(crate) fn sources<'f>(files: &Files<'f>, layout: &Layout, ignore: &Ignore) -> Vec<(&'f str, &'f str)> {
    files
        .iter()
        .filter(|(path, _)| path.starts_with(&layout.source_root))
        .filter(|(path, _)| SOURCE_EXTENSIONS.iter().any(|ext| path.ends_with(ext)) && !path.ends_with(".d.ts"))
        .filter(|(path, _)| !ignore.is_ignored(path))
        .map(|(path, text)| (*path, *text))
        .collect()
}

#[cfg(test)]
mod tests;
