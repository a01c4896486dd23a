//! Which files the project linter skips: `node_modules/` always, the root
//! `.gitignore` and the `ignore` globs of wxnet.config.json, in the syntax of
//! `.gitignore` (`*` within a path segment, `**` across segments, `?`, a trailing `/`
//! for folders, a leading or inner `/` anchoring at the project root, `!` to
//! re-include, `#` comments).
//!
//! Matching is a dynamic-programming glob (linear in pattern × path), so no pattern
//! can make it slow.

#[derive(Debug, Clone, Default)]
pub struct Ignore {
    /// (pattern as a full-path glob, folder only, negated), in order: the last match wins.
    patterns: Vec<(String, bool, bool)>,
}

impl Ignore {
    /// Adds the lines of a `.gitignore`.
    pub fn add_gitignore(&mut self, text: &str) {
        for line in text.lines() {
            self.add(line);
        }
    }

    /// Adds one pattern (blank lines and comments are nothing).
    pub fn add(&mut self, pattern: &str) {
        let pattern = pattern.trim_end_matches(['\r', ' ']).trim_start();
        if pattern.is_empty() || pattern.starts_with('#') {
            return;
        }
        let (negated, pattern) = match pattern.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, pattern),
        };
        let (folder_only, pattern) = match pattern.strip_suffix('/') {
            Some(rest) => (true, rest),
            None => (false, pattern),
        };
        let pattern = pattern.strip_prefix("./").unwrap_or(pattern);
        let anchored = pattern.trim_start_matches('/').contains('/') || pattern.starts_with('/');
        let pattern = pattern.trim_start_matches('/');
        if pattern.is_empty() {
            return;
        }
        let glob = if anchored { pattern.to_string() } else { format!("**/{pattern}") };
        self.patterns.push((glob, folder_only, negated));
    }

    /// Whether the file at `path` (relative, `/`-separated) is ignored.
    pub fn is_ignored(&self, path: &str) -> bool {
        if path.split('/').any(|segment| segment == "node_modules" || segment == ".git") {
            return true;
        }
        let mut ignored = false;
        for (glob, folder_only, negated) in &self.patterns {
            if ignored == *negated && matches_path(glob, path, *folder_only) {
                ignored = !negated;
            }
        }
        ignored
    }
}

/// The file itself (unless `folder_only`) or any folder above it matches.
fn matches_path(glob: &str, path: &str, folder_only: bool) -> bool {
    if !folder_only && glob_match(glob.as_bytes(), path.as_bytes()) {
        return true;
    }
    path.match_indices('/').any(|(end, _)| glob_match(glob.as_bytes(), &path.as_bytes()[..end]))
}

/// `*` and `?` stay within a segment, `**` spans segments (`**/` also matches none).
pub fn glob_match(pattern: &[u8], text: &[u8]) -> bool {
    enum Token {
        Byte(u8),
        AnyByte,
        Star,
        DoubleStar,
        /// `**/`: nothing, or anything that ends with `/`.
        Folders,
    }
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < pattern.len() {
        let token = match (pattern[i], pattern.get(i + 1), pattern.get(i + 2)) {
            (b'*', Some(b'*'), Some(b'/')) => Token::Folders,
            (b'*', Some(b'*'), _) => Token::DoubleStar,
            (b'*', _, _) => Token::Star,
            (b'?', _, _) => Token::AnyByte,
            (c, _, _) => Token::Byte(c),
        };
        i += match token {
            Token::Folders => 3,
            Token::DoubleStar => 2,
            _ => 1,
        };
        tokens.push(token);
    }
    // matched[j]: the tokens so far match text[..j].
    let mut matched = vec![false; text.len() + 1];
    matched[0] = true;
    for token in &tokens {
        let mut next = vec![false; text.len() + 1];
        let mut seen = false;
        for j in 0..=text.len() {
            let before = j.checked_sub(1).map(|k| text[k]);
            next[j] = match token {
                Token::Byte(c) => j > 0 && matched[j - 1] && before == Some(*c),
                Token::AnyByte => j > 0 && matched[j - 1] && before != Some(b'/'),
                Token::Star => matched[j] || (j > 0 && next[j - 1] && before != Some(b'/')),
                Token::DoubleStar => matched[j] || (j > 0 && next[j - 1]),
                Token::Folders => matched[j] || (seen && before == Some(b'/')),
            };
            seen |= matched[j];
        }
        matched = next;
    }
    matched[text.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ignore(lines: &str) -> Ignore {
        let mut ignore = Ignore::default();
        ignore.add_gitignore(lines);
        ignore
    }

    #[test]
    fn rule_13_node_modules_is_never_linted_but_miniprogram_npm_is() {
        let none = Ignore::default();
        assert!(none.is_ignored("node_modules/a/index.js"));
        assert!(none.is_ignored("miniprogram/node_modules/a.js"));
        assert!(!none.is_ignored("miniprogram_npm/a/index.js"));
    }

    #[test]
    fn rule_13_gitignore_patterns_as_git_reads_them() {
        let rules = ignore("# built\ndist/\n*.min.js\n/vendor\nsrc/**/gen-*.ts\n!keep.min.js\n");
        assert!(rules.is_ignored("dist/app.js"));
        assert!(rules.is_ignored("a/dist/app.js"), "unanchored folder matches at any depth");
        assert!(!rules.is_ignored("dist"), "a folder pattern does not match a file of that name");
        assert!(rules.is_ignored("lib/x.min.js"));
        assert!(!rules.is_ignored("lib/keep.min.js"), "! re-includes");
        assert!(rules.is_ignored("vendor/a.js"));
        assert!(!rules.is_ignored("lib/vendor/a.js"), "a leading / anchors at the root");
        assert!(rules.is_ignored("src/gen-a.ts") && rules.is_ignored("src/x/y/gen-b.ts"));
        assert!(!rules.is_ignored("src/x/main.ts"));
    }

    #[test]
    fn globs_keep_star_within_a_segment() {
        assert!(glob_match(b"*.js", b"a.js"));
        assert!(!glob_match(b"*.js", b"a/b.js"));
        assert!(glob_match(b"**/b.js", b"a/b.js") && glob_match(b"**/b.js", b"b.js"));
        assert!(glob_match(b"a/**", b"a/b/c"));
        assert!(glob_match(b"a?c", b"abc") && !glob_match(b"a?c", b"a/c"));
    }

    proptest! {
        #[test]
        fn any_pattern_and_path_is_decided_quickly(pattern in "[a-z*?/!.]{0,40}", path in "[a-z/.]{0,200}") {
            let mut rules = Ignore::default();
            rules.add(&pattern);
            let _ = rules.is_ignored(&path);
        }
    }
}
