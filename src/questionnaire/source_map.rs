//! Where each value of a RON file stands in its text.
//!
//! ron keeps no positions on parsed values, yet every problem the validator
//! finds after parsing must name its `line:col`. So we scan the text a second
//! time with a small structural scanner and record, for every value, its path
//! from the root (`sections[2].questions[0].dimension`) and the bytes it spans.
//! The validator speaks in the same paths, and [`SourceMap::locate`] turns them
//! into positions, falling back to the nearest enclosing value that exists
//! (a field left to its default has no text of its own). The translation
//! import (`authoring::strings`) uses [`SourceMap::span`] to rewrite single
//! string literals in place.
//!
//! Path syntax: `.name` for a named field, `[i]` for the i-th item of a list
//! or the i-th value inside `Name(…)` written without field names. `Some(x)`
//! is transparent. The scanner assumes the text is valid RON (ron has already
//! parsed it); on anything it does not understand it stops, keeping what it has.

use std::collections::HashMap;
use std::ops::Range;

/// A 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

/// Positions of every value in one RON text, by path.
///
/// The scan runs on first use: a file without problems never pays for it.
/// Offsets are kept in bytes and turned into line and column only when a
/// problem asks, so the scan stays linear in the size of the file.
#[derive(Debug, Default)]
pub struct SourceMap {
    text: String,
    scanned: std::sync::OnceLock<Scanned>,
}

#[derive(Debug, Default)]
struct Scanned {
    /// Byte offset of the start of every line.
    line_starts: Vec<usize>,
    /// The bytes each value spans, by path.
    spans: HashMap<String, Range<usize>>,
    /// Where each `( … )` / `[ … ]` that closes at a byte offset opened.
    openings: HashMap<usize, usize>,
}

impl SourceMap {
    /// A map of `text`, scanned when first asked.
    pub fn build(text: &str) -> SourceMap {
        SourceMap {
            text: text.to_string(),
            scanned: std::sync::OnceLock::new(),
        }
    }

    fn scanned(&self) -> &Scanned {
        self.scanned.get_or_init(|| {
            let text = self.text.as_str();
            let mut scanner = Scanner::new(text, 0);
            let mut spans = HashMap::new();
            scanner.skip_trivia();
            while scanner.peek() == Some('#') {
                scanner.skip_attribute();
                scanner.skip_trivia();
            }
            let _ = scanner.value("", &mut spans);
            Scanned {
                line_starts: std::iter::once(0)
                    .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                    .collect(),
                spans,
                openings: std::mem::take(&mut scanner.openings),
            }
        })
    }

    /// The line and column of a byte offset.
    fn position(&self, offset: usize) -> Position {
        let line_starts = &self.scanned().line_starts;
        let line = line_starts.partition_point(|&start| start <= offset).max(1);
        let start = line_starts[line - 1];
        let col = self
            .text
            .get(start..offset)
            .map_or(1, |t| t.chars().count() + 1);
        Position { line, col }
    }

    /// Where the bracketed value whose closing bracket is at `close` opened.
    pub fn opening_of(&self, close: Position) -> Option<Position> {
        let offset = byte_offset(&self.text, close.line, close.col)?;
        self.scanned()
            .openings
            .get(&offset)
            .map(|&open| self.position(open))
    }

    /// The position of the value at `path`, or of its nearest recorded ancestor.
    pub fn locate(&self, path: &str) -> Position {
        let mut path = path;
        loop {
            if let Some(span) = self.scanned().spans.get(path) {
                return self.position(span.start);
            }
            match path.rfind(['.', '[']) {
                Some(cut) => path = &path[..cut],
                None => {
                    return self
                        .scanned()
                        .spans
                        .get("")
                        .map_or(Position { line: 1, col: 1 }, |span| {
                            self.position(span.start)
                        });
                }
            }
        }
    }

    /// The position of the value at exactly this path, if the text has one.
    pub fn get(&self, path: &str) -> Option<Position> {
        self.scanned()
            .spans
            .get(path)
            .map(|span| self.position(span.start))
    }

    /// The bytes of the value at exactly this path, in the text the map was
    /// built from: a string literal with its quotes, a record from its name
    /// or `(` to its `)`. For `Some(x)`, the span of `x`. Lets a tool edit
    /// one value in place and leave every other byte of the file alone.
    pub fn span(&self, path: &str) -> Option<Range<usize>> {
        self.scanned().spans.get(path).cloned()
    }

    /// Whether the text has a value at exactly this path.
    pub fn contains(&self, path: &str) -> bool {
        self.scanned().spans.contains_key(path)
    }
}

/// The byte range of the field `name: value,` that starts at byte `start`
/// (the first character of `name`), including a trailing comma. Used to
/// blank out an unknown field so parsing can go on to find the next problem.
pub fn field_extent(text: &str, start: usize) -> Option<std::ops::Range<usize>> {
    let mut scanner = Scanner::new(text, start);
    scanner.identifier()?;
    scanner.skip_trivia();
    if scanner.peek() != Some(':') {
        return None;
    }
    scanner.bump();
    scanner.skip_trivia();
    scanner.value("", &mut HashMap::new())?;
    let after_value = scanner.pos;
    scanner.skip_trivia();
    if scanner.peek() == Some(',') {
        scanner.bump();
        return Some(start..scanner.pos);
    }
    Some(start..after_value)
}

/// The first byte at or after `pos` that is neither whitespace nor part of
/// a comment: where the next token of a RON text starts.
pub fn skip_trivia(text: &str, pos: usize) -> usize {
    let mut scanner = Scanner::new(text, pos);
    scanner.skip_trivia();
    scanner.pos
}

/// The byte offset of a 1-based line and character column in `text`.
pub fn byte_offset(text: &str, line: usize, col: usize) -> Option<usize> {
    let mut line_start = 0;
    for _ in 1..line {
        line_start += text[line_start..].find('\n')? + 1;
    }
    let line_text = &text[line_start..];
    let mut chars = line_text.char_indices();
    let offset = if col <= 1 {
        0
    } else {
        chars
            .nth(col - 1)
            .map(|(i, _)| i)
            .unwrap_or(line_text.len())
    };
    Some(line_start + offset)
}

/// The 1-based line and column of byte `offset`.
pub fn position_of(text: &str, offset: usize) -> Position {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position {
        line,
        col: before[line_start..].chars().count() + 1,
    }
}

/// Nesting deeper than this is not mapped (ron's own limit stops such files first).
const MAX_DEPTH: usize = 256;

struct Scanner<'a> {
    text: &'a str,
    pos: usize,
    depth: usize,
    openings: HashMap<usize, usize>,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str, pos: usize) -> Self {
        Scanner {
            text,
            pos,
            depth: 0,
            openings: HashMap::new(),
        }
    }

    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn skip_trivia(&mut self) {
        loop {
            let rest = self.rest();
            if let Some(c) = rest.chars().next().filter(|c| c.is_whitespace()) {
                self.pos += c.len_utf8();
            } else if rest.starts_with("//") {
                self.pos += rest.find('\n').unwrap_or(rest.len());
            } else if rest.starts_with("/*") {
                self.skip_block_comment();
            } else {
                return;
            }
        }
    }

    /// Block comments nest in RON.
    fn skip_block_comment(&mut self) {
        let mut depth = 0usize;
        while !self.rest().is_empty() {
            if self.rest().starts_with("/*") {
                depth += 1;
                self.pos += 2;
            } else if self.rest().starts_with("*/") {
                depth -= 1;
                self.pos += 2;
                if depth == 0 {
                    return;
                }
            } else {
                self.bump();
            }
        }
    }

    fn skip_attribute(&mut self) {
        // `#![enable(...)]`: skip to the matching `]`.
        while let Some(c) = self.bump() {
            if c == ']' {
                return;
            }
        }
    }

    fn identifier(&mut self) -> Option<&'a str> {
        let start = self.pos;
        if self.rest().starts_with("r#") {
            self.pos += 2;
        }
        let ident_start = self.pos;
        while let Some(c) = self.peek() {
            if c.is_alphanumeric() || c == '_' || (self.pos > ident_start && c == '-') {
                self.bump();
            } else {
                break;
            }
        }
        (self.pos > ident_start).then(|| &self.text[start..self.pos])
    }

    /// Scans one value, recording it and everything inside it under `path`.
    fn value(&mut self, path: &str, map: &mut HashMap<String, Range<usize>>) -> Option<()> {
        if self.depth > MAX_DEPTH {
            return None;
        }
        self.skip_trivia();
        let start = self.pos;
        map.insert(path.to_string(), start..start);
        let scanned = self.value_body(path, map);
        // `Some(x)` records `x` under the same path first; keep that span.
        if scanned.is_some()
            && let Some(span) = map.get_mut(path)
            && span.start == start
        {
            span.end = self.pos;
        }
        scanned
    }

    /// The value itself, once its start is recorded.
    fn value_body(&mut self, path: &str, map: &mut HashMap<String, Range<usize>>) -> Option<()> {
        let c = self.peek()?;
        match c {
            '(' => self.body(path, map, ')'),
            '[' => self.body(path, map, ']'),
            '{' => self.map(path, map),
            '"' => self.string(),
            '\'' => self.char_literal(),
            'b' if self.rest().starts_with("b\"") => {
                self.bump();
                self.string()
            }
            'r' if self.rest().starts_with("r\"")
                || self.rest().starts_with("r#\"")
                || self.rest().starts_with("r##") =>
            {
                self.raw_string()
            }
            c if c.is_ascii_digit() || c == '-' || c == '+' || c == '.' => {
                while self
                    .peek()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || "_.+-".contains(c))
                {
                    self.bump();
                }
                Some(())
            }
            _ => {
                let ident = self.identifier()?;
                let after_ident = self.pos;
                self.skip_trivia();
                if self.peek() == Some('(') {
                    if ident == "Some" {
                        // `Some(x)`: x stands for the option itself.
                        self.bump();
                        self.value(path, map)?;
                        self.skip_trivia();
                        (self.bump()? == ')').then_some(())
                    } else {
                        self.body(path, map, ')')
                    }
                } else {
                    self.pos = after_ident;
                    Some(())
                }
            }
        }
    }

    /// `(field: v, …)`, `(v, …)` or `[v, …]`, starting at the opening bracket.
    fn body(
        &mut self,
        path: &str,
        map: &mut HashMap<String, Range<usize>>,
        close: char,
    ) -> Option<()> {
        let opening = map.get(path).map_or(self.pos, |span| span.start);
        self.bump();
        self.depth += 1;
        let mut index = 0;
        loop {
            self.skip_trivia();
            if self.peek()? == close {
                self.openings.insert(self.pos, opening);
                self.bump();
                self.depth -= 1;
                return Some(());
            }
            let checkpoint = self.pos;
            let named = if close == ')' {
                self.field_name()
            } else {
                None
            };
            match named {
                Some(name) => {
                    let child = if path.is_empty() {
                        name.to_string()
                    } else {
                        format!("{path}.{name}")
                    };
                    self.value(&child, map)?;
                }
                None => {
                    self.pos = checkpoint;
                    self.value(&format!("{path}[{index}]"), map)?;
                    index += 1;
                }
            }
            self.skip_trivia();
            match self.peek()? {
                ',' => {
                    self.bump();
                }
                c if c == close => {}
                _ => return None,
            }
        }
    }

    /// `name :` (but not a path like `a::b`); leaves the scanner after the colon.
    fn field_name(&mut self) -> Option<&'a str> {
        let name = self.identifier()?;
        self.skip_trivia();
        if self.rest().starts_with(':') && !self.rest().starts_with("::") {
            self.bump();
            Some(name.trim_start_matches("r#"))
        } else {
            None
        }
    }

    fn map(&mut self, path: &str, map: &mut HashMap<String, Range<usize>>) -> Option<()> {
        self.bump();
        self.depth += 1;
        let mut index = 0;
        loop {
            self.skip_trivia();
            if self.peek()? == '}' {
                self.bump();
                self.depth -= 1;
                return Some(());
            }
            let key_start = self.pos;
            self.value(&format!("{path}{{{index}}}"), map)?;
            let key = self.text[key_start..self.pos].trim_matches('"').to_string();
            self.skip_trivia();
            (self.bump()? == ':').then_some(())?;
            self.value(&format!("{path}.{key}"), map)?;
            index += 1;
            self.skip_trivia();
            if self.peek()? == ',' {
                self.bump();
            }
        }
    }

    fn string(&mut self) -> Option<()> {
        self.bump();
        loop {
            match self.bump()? {
                '\\' => {
                    self.bump()?;
                }
                '"' => return Some(()),
                _ => {}
            }
        }
    }

    fn char_literal(&mut self) -> Option<()> {
        self.bump();
        loop {
            match self.bump()? {
                '\\' => {
                    self.bump()?;
                }
                '\'' => return Some(()),
                _ => {}
            }
        }
    }

    fn raw_string(&mut self) -> Option<()> {
        self.bump(); // r
        let mut hashes = 0;
        while self.peek() == Some('#') {
            self.bump();
            hashes += 1;
        }
        (self.bump()? == '"').then_some(())?;
        let terminator = format!("\"{}", "#".repeat(hashes));
        let end = self.rest().find(&terminator)?;
        self.pos += end + terminator.len();
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r##"// a comment (with parens)
Module(
    id: "core", /* block /* nested */ */
    sections: [
        (
            id: "a",
            show_if: Some(All([Answered("x"), AnswerIs(question: "q", option: "o")])),
            text: r#"raw "quoted" text"#,
            labels: { "k": 1 },
        ),
        (id: "b"),
    ],
)
"##;

    #[test]
    fn records_nested_values_by_path() {
        let map = SourceMap::build(SAMPLE);
        assert_eq!(map.locate(""), Position { line: 2, col: 1 });
        assert_eq!(map.locate("id"), Position { line: 3, col: 9 });
        assert_eq!(map.locate("sections[0].id"), Position { line: 6, col: 17 });
        assert_eq!(map.locate("sections[1].id"), Position { line: 11, col: 14 });
        // Some(…) is transparent; All's list is positional value 0.
        assert_eq!(
            map.locate("sections[0].show_if[0][1].question"),
            Position { line: 7, col: 66 }
        );
        assert_eq!(
            map.locate("sections[0].show_if[0][0][0]"),
            Position { line: 7, col: 41 }
        );
        assert!(map.contains("sections[0].labels.k"));
    }

    #[test]
    fn records_the_span_of_each_value() {
        let map = SourceMap::build(SAMPLE);
        let span_text = |path: &str| map.span(path).map(|span| &SAMPLE[span]);
        assert_eq!(span_text("id"), Some("\"core\""));
        assert_eq!(span_text("sections[1]"), Some("(id: \"b\")"));
        assert_eq!(
            span_text("sections[0].text"),
            Some("r#\"raw \"quoted\" text\"#")
        );
        // Some(…) is transparent: the span is the value inside.
        assert_eq!(
            span_text("sections[0].show_if"),
            Some("All([Answered(\"x\"), AnswerIs(question: \"q\", option: \"o\")])")
        );
        assert_eq!(span_text("sections[0].labels.k"), Some("1"));
        assert_eq!(span_text("sections[0].missing"), None);
    }

    #[test]
    fn falls_back_to_the_nearest_ancestor() {
        let map = SourceMap::build(SAMPLE);
        assert_eq!(map.locate("sections[1].weight"), map.locate("sections[1]"));
    }

    #[test]
    fn finds_the_extent_of_a_field() {
        let text = "(a: 1, wieght: [1, (x: 2)], c: 3)";
        let start = text.find("wieght").unwrap();
        let range = field_extent(text, start).unwrap();
        assert_eq!(&text[range], "wieght: [1, (x: 2)],");
    }

    #[test]
    fn skips_whitespace_and_comments() {
        let text = "a /* x /* y */ */ // z\n  , b";
        assert_eq!(&text[skip_trivia(text, 1)..], ", b");
        assert_eq!(skip_trivia(text, 0), 0);
    }

    #[test]
    fn converts_between_offsets_and_positions() {
        let text = "åäö\nxyz";
        let offset = byte_offset(text, 2, 2).unwrap();
        assert_eq!(&text[offset..], "yz");
        assert_eq!(position_of(text, offset), Position { line: 2, col: 2 });
        assert_eq!(position_of(text, "åä".len()), Position { line: 1, col: 3 });
    }
}
