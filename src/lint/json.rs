//! A JSON reader that keeps where everything is (feature `lint-json`).
//!
//! Linters of JSON files (the domain list, `app.json`, `project.config.json`,
//! uni-app's `manifest.json`) report at the offending key or item, and report
//! malformed JSON at the exact character where it stops being JSON. serde_json
//! keeps neither spans nor comments, so this is a small reader of its own:
//! RFC 8259, plus comments and trailing commas when asked ([`Syntax::Jsonc`], as
//! uni-app and VS Code read `.json` files with comments).
//!
//! Never panics and never overflows the stack: nesting deeper than [`MAX_DEPTH`] is
//! an error at the bracket that goes too deep (RFC 8259 §9 lets a parser limit
//! depth; no configuration file comes near it). Duplicate keys are kept in order;
//! [`Node::get`] returns the last, as `JSON.parse` does.

use super::span::Span;

/// How deep arrays and objects may nest.
pub const MAX_DEPTH: usize = 256;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// RFC 8259.
    Json,
    /// JSON with `//` and `/* */` comments and trailing commas.
    Jsonc,
}

/// A value and the span of its text (for strings, including the quotes).
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub span: Span,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// As written (`-1.5e3`); [`Node::as_f64`] reads it. Kept as text so that a linter
    /// that never reads a number does not carry float parsing into its wasm.
    Number(String),
    String(String),
    Array(Vec<Node>),
    Object(Vec<Member>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    /// The key with its quotes.
    pub key_span: Span,
    pub value: Node,
}

/// Where and why the text is not JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// `unexpected ","; expected a value`.
    pub message: String,
    /// The offending character, or an empty span at the end of the text.
    pub span: Span,
}

impl Value {
    /// The name `typeof` would give, with `null` and `array` told apart.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }
}

impl Node {
    /// The value of the last member named `key`, if this is an object.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.members()?.iter().rev().find(|m| m.key == key).map(|m| &m.value)
    }

    pub fn members(&self) -> Option<&[Member]> {
        match &self.value {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    pub fn items(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The number's value (`1e400` is infinite, as in JS).
    pub fn as_f64(&self) -> Option<f64> {
        match &self.value {
            Value::Number(text) => text.parse().ok(),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(text) => Some(text),
            _ => None,
        }
    }
}

/// Reads one JSON document (a leading byte-order mark is skipped).
pub fn parse(text: &str, syntax: Syntax) -> Result<Node, JsonError> {
    let mut reader = Reader { text, bytes: text.as_bytes(), at: 0, syntax };
    if text.starts_with('\u{FEFF}') {
        reader.at = '\u{FEFF}'.len_utf8();
    }
    reader.space()?;
    let root = reader.value(0)?;
    reader.space()?;
    if reader.at < reader.bytes.len() {
        return Err(reader.unexpected("the end of the file"));
    }
    Ok(root)
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    syntax: Syntax,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// An error at the current character: `unexpected "x"; expected …`.
    fn unexpected(&self, expected: &str) -> JsonError {
        match self.text.get(self.at..).and_then(|rest| rest.chars().next()) {
            Some(c) => JsonError {
                message: format!("unexpected {}; expected {expected}", crate::error::quote(&c.to_string())),
                span: Span::new(self.at, self.at + c.len_utf8()),
            },
            None => JsonError {
                message: format!("unexpected end of the file; expected {expected}"),
                span: Span::at(self.bytes.len()),
            },
        }
    }

    /// Skips whitespace, and comments in JSONC.
    fn space(&mut self) -> Result<(), JsonError> {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.at += 1,
                Some(b'/') if self.syntax == Syntax::Jsonc => match self.bytes.get(self.at + 1) {
                    Some(b'/') => {
                        while !matches!(self.peek(), None | Some(b'\n' | b'\r')) {
                            self.at += 1;
                        }
                    }
                    Some(b'*') => {
                        let start = self.at;
                        match self.text.get(start + 2..).and_then(|rest| rest.find("*/")) {
                            Some(close) => self.at = start + 2 + close + 2,
                            None => {
                                return Err(JsonError {
                                    message: "the comment is never closed; expected */".into(),
                                    span: Span::new(start, start + 2),
                                })
                            }
                        }
                    }
                    _ => return Ok(()),
                },
                _ => return Ok(()),
            }
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node, JsonError> {
        let start = self.at;
        let value = match self.peek() {
            Some(b'{') | Some(b'[') if depth >= MAX_DEPTH => {
                return Err(JsonError {
                    message: format!("arrays and objects nest deeper than {MAX_DEPTH} levels here"),
                    span: Span::new(start, start + 1),
                });
            }
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Value::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(b'n') => self.literal("null", Value::Null)?,
            _ => return Err(self.unexpected("a value")),
        };
        Ok(Node { span: Span::new(start, self.at), value })
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, JsonError> {
        for expected in word.bytes() {
            if self.peek() != Some(expected) {
                return Err(self.unexpected(word));
            }
            self.at += 1;
        }
        Ok(value)
    }

    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.unexpected("a digit")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.required_digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.required_digits()?;
        }
        Ok(Value::Number(self.text.get(start..self.at).unwrap_or("0").to_string()))
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
    }

    fn required_digits(&mut self) -> Result<(), JsonError> {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return Err(self.unexpected("a digit"));
        }
        self.digits();
        Ok(())
    }

    /// A string at `"`; returns its value with escapes resolved.
    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1; // the opening quote
        let mut out = String::new();
        loop {
            let run_start = self.at;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            out.push_str(self.text.get(run_start..self.at).unwrap_or(""));
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => return Err(self.unexpected("a character other than a control character in a string")),
                None => return Err(self.unexpected("the closing \"")),
            }
        }
    }

    /// After a backslash: one escape, appended to `out`.
    fn escape(&mut self, out: &mut String) -> Result<(), JsonError> {
        let simple = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.at += 1;
                let unit = self.hex4()?;
                // A surrogate pair written as two escapes is one character; a lone
                // surrogate (which JS strings allow) becomes U+FFFD.
                let c = if (0xD800..0xDC00).contains(&unit) && self.bytes.get(self.at..self.at + 2) == Some(b"\\u") {
                    let save = self.at;
                    self.at += 2;
                    let low = self.hex4()?;
                    if (0xDC00..0xE000).contains(&low) {
                        char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                    } else {
                        self.at = save;
                        None
                    }
                } else {
                    char::from_u32(unit)
                };
                out.push(c.unwrap_or('\u{FFFD}'));
                return Ok(());
            }
            _ => return Err(self.unexpected("an escape: \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX")),
        };
        self.at += 1;
        out.push(simple);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut unit = 0;
        for _ in 0..4 {
            let digit = self.peek().and_then(|b| (b as char).to_digit(16));
            let Some(digit) = digit else {
                return Err(self.unexpected("a hexadecimal digit"));
            };
            unit = unit * 16 + digit;
            self.at += 1;
        }
        Ok(unit)
    }

    fn array(&mut self, depth: usize) -> Result<Value, JsonError> {
        self.at += 1;
        let mut items = Vec::new();
        self.space()?;
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.space()?;
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.space()?;
                    if self.syntax == Syntax::Jsonc && self.peek() == Some(b']') {
                        self.at += 1;
                        return Ok(Value::Array(items));
                    }
                }
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.unexpected("\",\" or \"]\"")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, JsonError> {
        self.at += 1;
        let mut members = Vec::new();
        self.space()?;
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(members));
        }
        loop {
            if self.peek() != Some(b'"') {
                return Err(self.unexpected("a key in double quotes"));
            }
            let key_start = self.at;
            let key = self.string()?;
            let key_span = Span::new(key_start, self.at);
            self.space()?;
            if self.peek() != Some(b':') {
                return Err(self.unexpected("\":\""));
            }
            self.at += 1;
            self.space()?;
            let value = self.value(depth + 1)?;
            members.push(Member { key, key_span, value });
            self.space()?;
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.space()?;
                    if self.syntax == Syntax::Jsonc && self.peek() == Some(b'}') {
                        self.at += 1;
                        return Ok(Value::Object(members));
                    }
                }
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(members));
                }
                _ => return Err(self.unexpected("\",\" or \"}\"")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::span::LineIndex;
    use proptest::prelude::*;

    fn json(text: &str) -> Node {
        parse(text, Syntax::Json).unwrap_or_else(|e| panic!("{text}: {e:?}"))
    }

    /// `(line, column, message)` of the error.
    fn error(text: &str, syntax: Syntax) -> (u32, u32, String) {
        let e = parse(text, syntax).unwrap_err();
        let p = LineIndex::new(text).position(e.span.start as usize);
        (p.line, p.column, e.message)
    }

    #[test]
    fn values_keep_their_spans() {
        let text = r#"{"a": [1, "x\n", true, null], "b": {"c": -1.5e3}}"#;
        let root = json(text);
        let a = root.get("a").unwrap();
        assert_eq!(a.span.text(text), r#"[1, "x\n", true, null]"#);
        let items = a.items().unwrap();
        assert_eq!(items[1].span.text(text), r#""x\n""#);
        assert_eq!(items[1].as_str(), Some("x\n"));
        assert_eq!(root.members().unwrap()[1].key_span.text(text), r#""b""#);
        assert_eq!(root.get("b").unwrap().get("c").unwrap().as_f64(), Some(-1500.0));
    }

    #[test]
    fn escapes_and_surrogate_pairs_decode_as_json_parse_does() {
        assert_eq!(json(r#""\ud83d\ude00 \u4f8b \/""#).as_str(), Some("😀 例 /"));
        assert_eq!(json(r#""\ud83d x""#).as_str(), Some("\u{FFFD} x"), "a lone surrogate");
        assert_eq!(json("\u{FEFF}[]").items().map(<[Node]>::len), Some(0), "a BOM is skipped");
    }

    #[test]
    fn duplicate_keys_keep_the_last_value() {
        let root = json(r#"{"a": 1, "a": 2}"#);
        assert_eq!(root.get("a").unwrap().as_f64(), Some(2.0));
        assert_eq!(root.members().unwrap().len(), 2);
    }

    #[test]
    fn malformed_json_is_an_error_at_the_offending_character() {
        let (line, column, message) =
            error("{\n  \"requestdomain\": [\n    \"https://a.com\",,\n  ]\n}\n", Syntax::Json);
        assert_eq!((line, column), (3, 21));
        assert_eq!(message, r#"unexpected ","; expected a value"#);
        assert_eq!(error("", Syntax::Json), (1, 1, "unexpected end of the file; expected a value".into()));
        assert_eq!(error("{\"a\": 1", Syntax::Json).2, r#"unexpected end of the file; expected "," or "}""#);
        assert_eq!(error("[1] x", Syntax::Json).1, 5);
        assert_eq!(error("{a: 1}", Syntax::Json).2, r#"unexpected "a"; expected a key in double quotes"#);
        assert_eq!(error("[01]", Syntax::Json).1, 3);
        assert_eq!(error("[1.]", Syntax::Json).1, 4);
        assert_eq!(error("[tru]", Syntax::Json).1, 5);
        assert_eq!(error("\"a\\x\"", Syntax::Json).1, 4, "the character after the backslash");
        assert_eq!(error("\"a\nb\"", Syntax::Json).0, 1, "a raw line break inside a string");
        assert_eq!(error("[\"例😀\", x]", Syntax::Json).1, 9, "columns in UTF-16 units");
        assert_eq!(error("[1,]", Syntax::Json).1, 4, "no trailing comma in plain JSON");
        assert_eq!(error("// c\n[]", Syntax::Json).1, 1, "no comments in plain JSON");
    }

    #[test]
    fn jsonc_takes_comments_and_trailing_commas() {
        let text = "// uni-app manifest\n{\n  /* the app */ \"appid\": \"wx1\", // trailing\n  \"a\": [1, 2,],\n}\n";
        let root = parse(text, Syntax::Jsonc).unwrap();
        assert_eq!(root.get("appid").and_then(Node::as_str), Some("wx1"));
        let (line, column, message) = error("{\n  /* open", Syntax::Jsonc);
        assert_eq!((line, column), (2, 3));
        assert!(message.contains("never closed"), "{message}");
        assert_eq!(error("[,]", Syntax::Jsonc).1, 2, "a comma needs a value before it");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = "[".repeat(200_000);
        let (_, column, message) = error(&deep, Syntax::Json);
        assert_eq!(column as usize, MAX_DEPTH + 1);
        assert!(message.contains("deeper than"), "{message}");
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok, Syntax::Json).is_ok());
    }

    /// JSON-ish text: mostly the characters JSON is made of, so the reader gets deep.
    fn jsonish() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            "[\\[\\]{}\",:0-9a-z\\-.eE \\\\/*\n\r\t例😀]{0,60}",
            "\\{(\"[a-z]{0,3}\":\\[(\"[^\"]{0,8}\",?){0,4}\\],?){0,3}\\}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        #[test]
        fn the_reader_never_panics_and_spans_stay_on_char_boundaries(text in jsonish(), jsonc in any::<bool>()) {
            let syntax = if jsonc { Syntax::Jsonc } else { Syntax::Json };
            match parse(&text, syntax) {
                Ok(root) => {
                    let mut stack = vec![&root];
                    while let Some(node) = stack.pop() {
                        prop_assert!(text.get(node.span.start as usize..node.span.end as usize).is_some());
                        if let Value::Object(members) = &node.value {
                            for m in members {
                                prop_assert!(text.get(m.key_span.start as usize..m.key_span.end as usize).is_some());
                            }
                        }
                        stack.extend(node.items().unwrap_or(&[]));
                        stack.extend(node.members().unwrap_or(&[]).iter().map(|m| &m.value));
                    }
                    if !jsonc && !text.starts_with('\u{FEFF}') {
                        prop_assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok(), "serde_json agrees it is JSON");
                    }
                }
                Err(e) => {
                    prop_assert!(text.get(e.span.start as usize..e.span.end as usize).is_some(), "{:?}", e);
                    if !jsonc {
                        prop_assert!(serde_json::from_str::<serde_json::Value>(&text).is_err(), "serde_json agrees it is not JSON: {:?}", e);
                    }
                }
            }
        }
    }
}
