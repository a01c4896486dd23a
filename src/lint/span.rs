//! Byte spans in a source text and their line/column form.
//!
//! The core locates findings by byte offsets into the UTF-8 text it was given
//! ([`Span`]); people and editors want 1-based lines and columns. [`LineIndex`]
//! converts one into the other once per file. Columns count UTF-16 code units,
//! as JavaScript strings, editors (VS Code, LSP) and ESLint do: `例` is one unit,
//! `😀` two.
//!
//! Line ends: `\n`, `\r\n` and a lone `\r`, as editors count them. U+2028 and
//! U+2029 do not start a line (JSON allows them inside strings; no editor wraps
//! there). Offsets past the end or inside a character are clamped, never a panic.

use serde::Serialize;

/// `start..end` in bytes of the source text; `start <= end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// `start..end`, swapped if given the wrong way round.
    pub fn new(start: usize, end: usize) -> Span {
        let (start, end) = if start <= end { (start, end) } else { (end, start) };
        Span { start: to_u32(start), end: to_u32(end) }
    }

    /// An empty span at `offset` (an end of input, a missing token).
    pub fn at(offset: usize) -> Span {
        Span::new(offset, offset)
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The spanned text, or `""` when the span does not fit `source`.
    pub fn text(self, source: &str) -> &str {
        source.get(self.start as usize..self.end as usize).unwrap_or("")
    }
}

fn to_u32(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

/// A 1-based line and column; the column in UTF-16 code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

/// Where a span starts and ends, as the JSON output of `wxnet lint` writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

/// The start offset of every line of one text.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    source: &'a str,
    /// Byte offset where each line starts; the first is 0.
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(source: &'a str) -> LineIndex<'a> {
        let bytes = source.as_bytes();
        let mut line_starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    line_starts.push(i + 2);
                    i += 1;
                }
                b'\r' => line_starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { source, line_starts }
    }

    pub fn source(&self) -> &'a str {
        self.source
    }

    /// The position of a byte offset: clamped to the text, and to the start of the
    /// character it falls inside.
    pub fn position(&self, offset: usize) -> Position {
        let offset = self.floor_char_boundary(offset);
        // The last line start at or before `offset`; line_starts[0] == 0 always matches.
        let line = self.line_starts.partition_point(|&start| start <= offset).max(1) - 1;
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        let column: usize = self.source.get(start..offset).unwrap_or("").chars().map(char::len_utf16).sum();
        Position { line: to_u32(line + 1), column: to_u32(column + 1) }
    }

    pub fn location(&self, span: Span) -> Location {
        let start = self.position(span.start as usize);
        let end = self.position(span.end as usize);
        Location { line: start.line, column: start.column, end_line: end.line, end_column: end.column }
    }

    /// The text of a 1-based line, without its line end (empty past the last line).
    pub fn line_text(&self, line: u32) -> &'a str {
        let Some(index) = (line as usize).checked_sub(1) else {
            return "";
        };
        let Some(&start) = self.line_starts.get(index) else {
            return "";
        };
        let end = self.line_starts.get(index + 1).copied().unwrap_or(self.source.len());
        self.source.get(start..end).unwrap_or("").trim_end_matches(['\n', '\r'])
    }

    /// The byte offset where a 1-based line starts (the end of the text past the last line).
    pub fn line_start(&self, line: u32) -> usize {
        (line as usize).checked_sub(1).and_then(|i| self.line_starts.get(i)).copied().unwrap_or(self.source.len())
    }

    fn floor_char_boundary(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(source: &str, offset: usize) -> (u32, u32) {
        let p = LineIndex::new(source).position(offset);
        (p.line, p.column)
    }

    #[test]
    fn columns_count_utf16_units() {
        let source = "例え😀x";
        assert_eq!(at(source, 0), (1, 1));
        assert_eq!(at(source, "例".len()), (1, 2), "a CJK character is one unit");
        assert_eq!(at(source, "例え".len()), (1, 3));
        assert_eq!(at(source, "例え😀".len()), (1, 5), "an emoji outside the BMP is a surrogate pair: two units");
    }

    #[test]
    fn crlf_lone_cr_and_lf_each_end_one_line() {
        let source = "a\r\nbc\rd\n\ne";
        assert_eq!(at(source, 3), (2, 1));
        assert_eq!(at(source, 4), (2, 2));
        assert_eq!(at(source, 6), (3, 1), "a lone \\r ends a line");
        assert_eq!(at(source, 9), (5, 1));
        let index = LineIndex::new(source);
        assert_eq!(index.line_text(1), "a", "\\r\\n is not part of the line");
        assert_eq!(index.line_text(2), "bc");
        assert_eq!(index.line_text(4), "");
        assert_eq!(index.line_text(9), "");
        assert_eq!(at("a\r\n", 1), (1, 2), "the \\r of \\r\\n is the end of line 1");
    }

    #[test]
    fn a_span_at_the_end_of_input_is_after_the_last_character() {
        assert_eq!(at("ab", 2), (1, 3));
        assert_eq!(at("ab\n", 3), (2, 1));
        assert_eq!(at("", 0), (1, 1));
        let index = LineIndex::new("x😀");
        assert_eq!(index.location(Span::new(1, 5)), Location { line: 1, column: 2, end_line: 1, end_column: 4 });
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_are_clamped() {
        assert_eq!(at("例x", 1), (1, 1), "inside 例: its start");
        assert_eq!(at("ab", 99), (1, 3));
        assert_eq!(Span::new(5, 2), Span { start: 2, end: 5 });
        assert_eq!(Span::new(0, 99).text("ab"), "");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5_000))]

        #[test]
        fn positions_agree_with_a_utf16_count(source in any::<String>(), offset in 0usize..200) {
            let index = LineIndex::new(&source);
            let p = index.position(offset);
            let mut clamped = offset.min(source.len());
            while !source.is_char_boundary(clamped) { clamped -= 1; }
            let before = &source[..clamped];
            // Between the \r and \n of a pair: still on the line the pair ends.
            let inside_crlf = before.ends_with('\r') && source[clamped..].starts_with('\n');
            let body = if inside_crlf { &before[..before.len() - 1] } else { before };
            let lines = body.replace("\r\n", "\n").replace('\r', "\n");
            prop_assert_eq!(p.line, lines.matches('\n').count() as u32 + 1);
            let last = lines.rsplit('\n').next().unwrap_or("");
            prop_assert_eq!(p.column, last.encode_utf16().count() as u32 + 1 + u32::from(inside_crlf));
        }
    }
}
