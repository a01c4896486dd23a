//! The Rust half of the shared conformance data (tests/data/*-cases.json): loading a
//! set, checking that every case has a stable id and names a RULES.md section, and the
//! expected-failures bookkeeping of tests/data/expected-failures.json. Its JS twin is
//! tests/helpers/conformance.mjs; both follow rust-url's WPT runner: a listed case that
//! passes is an error (the list is stale), and so is a listed id that never ran.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// This runner's key in expected-failures.json.
pub const RUNNER: &str = "rust";

/// What each case of a set must say about itself.
pub trait Case {
    /// Stable, unique, prefixed with the set's name: `url/port-3`.
    fn id(&self) -> &str;
    /// The RULES.md section the case checks.
    fn rule(&self) -> u32;
    /// Arguments only JS can pass (a number where a string belongs, `undefined`):
    /// the bindings refuse them before the core runs, so this runner skips them.
    fn boundary(&self) -> bool;
}

/// Implements [`Case`] for a case struct with `id`, `rule` and `boundary` fields.
macro_rules! impl_case {
    ($case:ty) => {
        impl Case for $case {
            fn id(&self) -> &str {
                &self.id
            }
            fn rule(&self) -> u32 {
                self.rule
            }
            fn boundary(&self) -> bool {
                self.boundary
            }
        }
    };
}
pub(crate) use impl_case;

/// What a case expects when the call throws: the code, and optionally parts of the
/// message. Every message is also short and not empty, whatever the case says.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ErrorExpectation {
    pub code: String,
    pub includes: Option<String>,
    pub starts_with: Option<String>,
    pub max_length: Option<usize>,
}

impl ErrorExpectation {
    pub fn check(&self, code: &str, message: &str) -> Result<(), String> {
        let length = message.chars().count();
        let mut wrong = Vec::new();
        if code != self.code {
            wrong.push(format!("code {code:?}, want {:?}", self.code));
        }
        if !(11..400).contains(&length) {
            wrong.push(format!("a message of {length} characters, want 11 to 399"));
        }
        if self.max_length.is_some_and(|max| length > max) {
            wrong.push(format!("a message of {length} characters, want at most {:?}", self.max_length));
        }
        if self.includes.as_deref().is_some_and(|part| !message.contains(part)) {
            wrong.push(format!("a message without {:?}", self.includes));
        }
        if self.starts_with.as_deref().is_some_and(|head| !message.starts_with(head)) {
            wrong.push(format!("a message not starting with {:?}", self.starts_with));
        }
        match wrong.is_empty() {
            true => Ok(()),
            false => Err(format!("threw {} (message {message:?})", wrong.join(", "))),
        }
    }
}

/// Reads tests/data/`file`.
pub fn load<T: DeserializeOwned>(file: &str) -> T {
    let path = format!("{}/tests/data/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// The cases of one data file with this runner's expected failures for it.
pub struct CaseSet<C> {
    pub name: &'static str,
    pub cases: Vec<C>,
    expected_failures: BTreeMap<String, String>,
}

impl<C: Case> CaseSet<C> {
    /// Checks the ids and rule sections, and picks this set's expected failures.
    pub fn new(name: &'static str, cases: Vec<C>) -> Self {
        let mut runners: BTreeMap<String, serde_json::Value> = load("expected-failures.json");
        let listed: BTreeMap<String, String> = serde_json::from_value(runners.remove(RUNNER).expect("a list for rust"))
            .expect("expected failures map case ids to reasons");
        let prefix = format!("{name}/");
        let expected_failures = listed.into_iter().filter(|(id, _)| id.starts_with(&prefix)).collect();
        let rules =
            std::fs::read_to_string(format!("{}/docs/RULES.md", env!("CARGO_MANIFEST_DIR"))).expect("docs/RULES.md");
        let mut ids = BTreeSet::new();
        for case in &cases {
            assert!(case.id().starts_with(&prefix), "{}: ids of {name} cases start with {prefix}", case.id());
            assert!(ids.insert(case.id()), "{}: the id is used twice", case.id());
            let heading = format!("\n## {}. ", case.rule());
            assert!(rules.contains(&heading), "{}: docs/RULES.md has no section {}", case.id(), case.rule());
        }
        CaseSet { name, cases, expected_failures }
    }

    /// Runs the cases of RULES.md section `rule` and panics with one line per problem.
    pub fn check_rule(&self, rule: u32, run: impl Fn(&C) -> Result<(), String>) {
        let cases: Vec<&C> = self.cases.iter().filter(|case| case.rule() == rule).collect();
        assert!(!cases.is_empty(), "{}: no case names RULES.md §{rule}", self.name);
        let outcomes = cases.iter().filter(|case| !case.boundary()).map(|case| (case.id(), run(case)));
        let problems = problems(outcomes, &self.expected_failures);
        assert!(problems.is_empty(), "{} {} case(s) of §{rule}:\n{}", problems.len(), self.name, problems.join("\n"));
    }

    /// Every case belongs to one of `rules` (each checked by a test), and every
    /// expected failure listed for this set names a case this runner runs.
    pub fn check_coverage(&self, rules: &[u32]) {
        let stray: Vec<&str> = self.cases.iter().filter(|case| !rules.contains(&case.rule())).map(Case::id).collect();
        assert!(stray.is_empty(), "cases of a section no test runs: {stray:?}");
        let ran: Vec<&str> = self.cases.iter().filter(|case| !case.boundary()).map(Case::id).collect();
        let problems = not_run(&ran, &self.expected_failures);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}

/// One line per case whose outcome is not the expected one: a failure that is not
/// listed, or a pass that is.
pub fn problems<'a>(
    outcomes: impl IntoIterator<Item = (&'a str, Result<(), String>)>,
    expected_failures: &BTreeMap<String, String>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for (id, outcome) in outcomes {
        match (outcome, expected_failures.get(id)) {
            (Err(error), None) => problems.push(format!("{id}: {error}")),
            (Ok(()), Some(why)) => problems.push(format!(
                "{id}: passes, but tests/data/expected-failures.json lists it for {RUNNER} ({why}); remove it from the list"
            )),
            _ => {}
        }
    }
    problems
}

/// One line per listed expected failure that did not run.
pub fn not_run(ran: &[&str], expected_failures: &BTreeMap<String, String>) -> Vec<String> {
    expected_failures
        .keys()
        .filter(|id| !ran.contains(&id.as_str()))
        .map(|id| {
            format!("{id}: tests/data/expected-failures.json lists it for {RUNNER}, but no such case ran; remove it")
        })
        .collect()
}
