//! Pass/fail tests for one rule, with a rendered snapshot (oxc's `Tester`).
//!
//! Each rule's test gives inputs that must give no finding of the rule (`pass`) and
//! inputs that must give at least one (`fail`). Every finding of the rule on a fail
//! case is rendered as `wxnet lint` shows it, and the whole is compared with
//! `src/lint/snapshots/<rule-name>.snap`, so that a change of wording, span or help
//! shows up in review. `WXNET_UPDATE_SNAPSHOTS=1 cargo test` rewrites the files.

use super::{render, Diagnostic, LineIndex, Rule};
use std::fmt::Write;

/// Runs a linter over one file's text.
type LintText = fn(&str) -> Vec<Diagnostic>;

pub struct Tester {
    rule: &'static Rule,
    /// The file name the snapshot shows.
    path: &'static str,
    lint: LintText,
    pass: Vec<String>,
    fail: Vec<String>,
    alone: bool,
}

impl Tester {
    /// `lint` runs the linter the rule belongs to over one file's text.
    pub fn new(rule: &'static Rule, path: &'static str, lint: LintText) -> Tester {
        Tester { rule, path, lint, pass: Vec::new(), fail: Vec::new(), alone: false }
    }

    pub fn pass<S: Into<String>>(mut self, cases: impl IntoIterator<Item = S>) -> Tester {
        self.pass.extend(cases.into_iter().map(Into::into));
        self
    }

    pub fn fail<S: Into<String>>(mut self, cases: impl IntoIterator<Item = S>) -> Tester {
        self.fail.extend(cases.into_iter().map(Into::into));
        self
    }

    /// Also asserts that no other rule reports anything on these cases: pass cases
    /// are clean and fail cases are this rule's alone.
    pub fn alone(mut self) -> Tester {
        self.alone = true;
        self
    }

    pub fn test_and_snapshot(self) {
        let code = self.rule.code;
        for case in &self.pass {
            let found = (self.lint)(case);
            let unexpected: Vec<_> = found.iter().filter(|d| self.alone || d.code == code).collect();
            assert!(unexpected.is_empty(), "{code}: expected to pass: {case}\n{unexpected:#?}");
        }
        let mut snapshot = format!(
            "# {code}: {}\n# The fail cases of its Tester, as `wxnet lint` shows them (RULES.md §{}).\n",
            self.rule.summary(),
            self.rule.category.rules_section()
        );
        for case in &self.fail {
            let found = (self.lint)(case);
            assert!(found.iter().any(|d| d.code == code), "{code}: expected to fail: {case}\n{found:#?}");
            if self.alone {
                let others: Vec<_> = found.iter().filter(|d| d.code != code).collect();
                assert!(others.is_empty(), "{code}: other rules also report on {case}\n{others:#?}");
            }
            let index = LineIndex::new(case);
            for d in found.iter().filter(|d| d.code == code) {
                assert!(d.span.is_some(), "{code}: a finding on text has a span: {d:#?}");
                let _ = write!(snapshot, "\n{}", render(d, &index, self.path));
            }
        }
        compare_with_file(&format!("{}.snap", self.rule.name()), &snapshot);
    }
}

/// Compares `actual` with the committed snapshot, or rewrites it when asked.
fn compare_with_file(name: &str, actual: &str) {
    let path = format!("{}/src/lint/snapshots/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("WXNET_UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        std::fs::write(&path, actual).unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        panic!(
            "snapshot src/lint/snapshots/{name} differs from what the rule reports \
             (if the change is intended: WXNET_UPDATE_SNAPSHOTS=1 cargo test, then review the diff)\n{}",
            diff(&expected, actual)
        );
    }
}

/// The lines that differ between the middle parts of two texts (common first and
/// last lines left out): `-` committed, `+` now.
fn diff(expected: &str, actual: &str) -> String {
    let old: Vec<&str> = expected.lines().collect();
    let new: Vec<&str> = actual.lines().collect();
    let same_start = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let same_end =
        old[same_start..].iter().rev().zip(new[same_start..].iter().rev()).take_while(|(a, b)| a == b).count();
    let mut out = format!("@@ line {} @@\n", same_start + 1);
    for line in &old[same_start..old.len() - same_end] {
        let _ = writeln!(out, "-{line}");
    }
    for line in &new[same_start..new.len() - same_end] {
        let _ = writeln!(out, "+{line}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::diff;

    #[test]
    fn the_diff_shows_only_the_lines_that_changed() {
        assert_eq!(diff("a\nb\nc\n", "a\nx\nc\n"), "@@ line 2 @@\n-b\n+x\n");
        assert_eq!(diff("", "a\n"), "@@ line 1 @@\n+a\n");
    }
}
