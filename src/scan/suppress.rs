//! Inline suppression, as linters do it: `// wxnet-disable-next-line [code …]`
//! silences the next line, `/* wxnet-disable [code …] */ … /* wxnet-enable */` a
//! range. Without codes, every code; codes are written `wxnet/url-not-listed` or
//! `url-not-listed`.

use crate::lint::{LineIndex, Span};

#[derive(Debug, Default, Clone)]
pub struct Suppressions {
    /// (first line, last line, codes; empty for all).
    ranges: Vec<(u32, u32, Vec<String>)>,
}

fn codes(rest: &str) -> Vec<String> {
    rest.split([' ', ',', '\t'])
        .map(str::trim)
        .filter(|code| !code.is_empty() && *code != "--")
        .take_while(|code| !code.starts_with("--"))
        .map(|code| if code.starts_with("wxnet/") { code.to_string() } else { format!("wxnet/{code}") })
        .collect()
}

impl Suppressions {
    /// Reads the comments of one file (their text with delimiters, and span).
    pub fn new(comments: &[(Span, &str)], index: &LineIndex) -> Suppressions {
        let mut ranges = Vec::new();
        let mut open: Option<(u32, Vec<String>)> = None;
        for (span, text) in comments {
            let body = text.trim_start_matches("//").trim_start_matches("/*").trim_end_matches("*/").trim();
            let line = index.position(span.start as usize).line;
            if let Some(rest) = body.strip_prefix("wxnet-disable-next-line") {
                let end_line = index.position(span.end as usize).line;
                ranges.push((end_line + 1, end_line + 1, codes(rest)));
            } else if let Some(rest) = body.strip_prefix("wxnet-disable-line") {
                ranges.push((line, line, codes(rest)));
            } else if let Some(rest) = body.strip_prefix("wxnet-disable") {
                open = Some((line, codes(rest)));
            } else if body.starts_with("wxnet-enable") {
                if let Some((start, codes)) = open.take() {
                    ranges.push((start, line, codes));
                }
            }
        }
        if let Some((start, codes)) = open {
            ranges.push((start, u32::MAX, codes));
        }
        Suppressions { ranges }
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    pub fn is_suppressed(&self, line: u32, code: &str) -> bool {
        self.ranges.iter().any(|(first, last, codes)| {
            (*first..=*last).contains(&line) && (codes.is_empty() || codes.iter().any(|c| c == code))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_13_disable_next_line_and_ranges_with_or_without_codes() {
        let text = "// wxnet-disable-next-line url-insecure\na\nb\n/* wxnet-disable */\nc\n/* wxnet-enable */\nd\n";
        let comment = |needle: &'static str| {
            let start = text.find(needle).unwrap();
            (Span::new(start, start + needle.len()), needle)
        };
        let comments = [
            comment("// wxnet-disable-next-line url-insecure"),
            comment("/* wxnet-disable */"),
            comment("/* wxnet-enable */"),
        ];
        let index = LineIndex::new(text);
        let s = Suppressions::new(&comments, &index);
        assert!(s.is_suppressed(2, "wxnet/url-insecure"));
        assert!(!s.is_suppressed(2, "wxnet/url-ip"), "only the codes named");
        assert!(!s.is_suppressed(3, "wxnet/url-insecure"));
        assert!(s.is_suppressed(5, "wxnet/url-ip"), "a range without codes silences all");
        assert!(!s.is_suppressed(7, "wxnet/url-ip"));
    }
}
