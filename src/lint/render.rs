//! A diagnostic as `wxnet lint` prints it: the code frame of rustc and oxc.
//!
//! ```text
//! error(wxnet/domain-path): requestdomain[0] "https://a.com/api" has "/api"; the list takes the host only
//!   --> domains.json:1:20
//!    |
//!  1 | {"requestdomain": ["https://a.com/api"]}
//!    |                    ^^^^^^^^^^^^^^^^^^^
//!    = help: write https://a.com
//! ```
//!
//! The frame shows the first line of the span. A long line (a minified file) is cut
//! to a window around the span. Carets are aligned by display width: a CJK
//! character or an emoji takes two terminal columns, a tab four.

use super::{Diagnostic, LineIndex};
use std::fmt::Write;

/// Characters of a line shown before the span when the line is cut.
const CONTEXT_BEFORE: usize = 40;
/// Longest line shown whole, in characters.
const MAX_LINE: usize = 120;

/// Renders one diagnostic found in `index`'s text, naming the file `path`.
pub fn render(diagnostic: &Diagnostic, index: &LineIndex, path: &str) -> String {
    let mut out = format!("{}({}): {}\n", diagnostic.severity.name(), diagnostic.code, diagnostic.message);
    let Some(span) = diagnostic.span else {
        let at = diagnostic.pointer.as_deref().map(|p| format!(" at {p}")).unwrap_or_default();
        let _ = writeln!(out, "  --> {path}{at}");
        push_help(&mut out, diagnostic, "  ");
        return out;
    };
    let start = index.position(span.start as usize);
    let end = index.position(span.end as usize);
    let _ = writeln!(out, "  --> {path}:{}:{}", start.line, start.column);
    let number = start.line.to_string();
    let gutter = " ".repeat(number.len() + 2);

    // Characters of the line, and which of them the span covers (to the line's end
    // when the span goes on).
    let line: Vec<char> = index.line_text(start.line).chars().collect();
    let line_start = index.line_start(start.line);
    let char_at =
        |offset: usize| index.source().get(line_start..offset.max(line_start)).map_or(0, |s| s.chars().count());
    let first = char_at(span.start as usize).min(line.len());
    let last = if end.line == start.line { char_at(span.end as usize).min(line.len()) } else { line.len() };
    let (from, to) = window(line.len(), first);

    let mut text = String::new();
    let mut marks = String::new();
    if from > 0 {
        text.push('…');
        marks.push(' ');
    }
    for (i, &c) in line.iter().enumerate().take(to).skip(from) {
        let width = display_width(c);
        if c == '\t' {
            text.push_str("    ");
        } else {
            text.push(c);
        }
        let mark = if i >= first && i < last { '^' } else { ' ' };
        if i < last.max(first + 1) {
            marks.extend(std::iter::repeat_n(mark, width));
        }
    }
    if to < line.len() {
        text.push('…');
    }
    if first >= last {
        // An empty span (a missing token, the end of the file): one caret where it is.
        let pad: usize =
            line.iter().take(first).skip(from).map(|&c| display_width(c)).sum::<usize>() + usize::from(from > 0);
        marks = " ".repeat(pad);
        marks.push('^');
    }
    let _ = writeln!(out, "{gutter}|");
    let _ = writeln!(out, " {number} | {text}");
    let _ = writeln!(out, "{gutter}| {}", marks.trim_end());
    push_help(&mut out, diagnostic, &gutter);
    out
}

fn push_help(out: &mut String, diagnostic: &Diagnostic, gutter: &str) {
    if let Some(help) = &diagnostic.help {
        let _ = writeln!(out, "{gutter}= help: {help}");
    }
}

/// The characters `[from, to)` of a line of `len` characters to show for a span
/// starting at character `first`.
fn window(len: usize, first: usize) -> (usize, usize) {
    if len <= MAX_LINE {
        return (0, len);
    }
    let from = first.saturating_sub(CONTEXT_BEFORE);
    (from, (from + MAX_LINE).min(len))
}

/// Terminal columns of a character: two for wide East Asian characters and emoji,
/// four for a tab, none for combining marks and controls, else one.
fn display_width(c: char) -> usize {
    let code = c as u32;
    match code {
        0x09 => 4,
        0x00..=0x1F | 0x7F..=0x9F | 0x300..=0x36F | 0x200B..=0x200F | 0xFE00..=0xFE0F => 0,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{Severity, Span};

    fn show(source: &str, span: Span, help: Option<&str>) -> String {
        let mut d = Diagnostic::new("wxnet/x", Severity::Warning, "m").with_span(span);
        d.help = help.map(String::from);
        render(&d, &LineIndex::new(source), "f.json")
    }

    #[test]
    fn the_frame_shows_the_line_a_caret_under_the_span_and_the_help() {
        let source = "{\n  \"a\": [\"x\"]\n}";
        let start = source.find("\"x\"").unwrap();
        assert_eq!(
            show(source, Span::new(start, start + 3), Some("do this")),
            "warning(wxnet/x): m\n  --> f.json:2:9\n   |\n 2 |   \"a\": [\"x\"]\n   |         ^^^\n   = help: do this\n"
        );
    }

    #[test]
    fn carets_line_up_under_wide_characters_and_tabs() {
        let source = "\t例😀x";
        let start = source.find('x').unwrap();
        let frame = show(source, Span::new(start, start + 1), None);
        assert!(frame.contains(" 1 |     例😀x\n   |         ^\n"), "{frame}");
        let frame = show(source, Span::new(1, 1 + "例".len()), None);
        assert!(frame.contains("   |     ^^\n"), "{frame}");
    }

    #[test]
    fn an_empty_span_at_the_end_gets_one_caret_after_the_last_character() {
        let frame = show("[1,", Span::at(3), None);
        assert!(frame.contains(" 1 | [1,\n   |    ^\n"), "{frame}");
        let frame = show("a\r\n", Span::at(3), None);
        assert!(frame.contains("  --> f.json:2:1\n   |\n 2 | \n   | ^\n"), "{frame}");
    }

    #[test]
    fn a_long_line_is_cut_around_the_span() {
        let source = format!("{}\"x\"{}", "a".repeat(5_000), "b".repeat(5_000));
        let frame = show(&source, Span::new(5_000, 5_003), None);
        let line = frame.lines().nth(3).unwrap();
        assert!(line.starts_with(" 1 | …aaa") && line.ends_with("bbb…"), "{line}");
        assert!(line.chars().count() < MAX_LINE + 10);
        assert!(frame.lines().nth(4).unwrap().ends_with(&format!("{}^^^", " ".repeat(CONTEXT_BEFORE + 1))));
    }

    #[test]
    fn a_span_over_several_lines_is_marked_to_the_end_of_its_first() {
        let frame = show("[\"a\",\n \"b\"]", Span::new(0, 10), None);
        assert!(frame.contains(" 1 | [\"a\",\n   | ^^^^^\n"), "{frame}");
    }
}
