//! Where each value of a RON file stands in its text.
//!
//! ron keeps no positions on parsed values, yet every problem the validator
//! finds after parsing must name its `line:col`. So we scan the text a second
//! time with a small structural scanner and record, for every value, its path
//! from the root (`sections[2].questions[0].dimension`) and where it starts.
//! The validator speaks in the same paths, and [`SourceMap::locate`] turns them
//! into positions, falling back to the nearest enclosing value that exists
//! (a field left to its default has no text of its own).
//!
//! Path syntax: `.name` for a named field, `[i]` for the i-th item of a list
//! or the i-th value inside `Name(…)` written without field names. `Some(x)`
//! is transparent. The scanner assumes the text is valid RON (ron has already
//! parsed it); on anything it does not understand it stops, keeping what it has.

use std::collections::HashMap;

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
    /// Byte offset where each value starts, by path.
    positions: HashMap<String, usize>,
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
            let mut positions = HashMap::new();
            scanner.skip_trivia();
            while scanner.peek() == Some('#') {
                scanner.skip_attribute();
                scanner.skip_trivia();
            }
            let _ = scanner.value("", &mut positions);
            Scanned {
                line_starts: std::iter::once(0)
                    .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                    .collect(),
                positions,
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
            if let Some(&offset) = self.scanned().positions.get(path) {
                return self.position(offset);
            }
            match path.rfind(['.', '[']) {
                Some(cut) => path = &path[..cut],
                None => {
                    return self
                        .scanned()
                        .positions
                        .get("")
                        .map_or(Position { line: 1, col: 1 }, |&offset| {
                            self.position(offset)
                        });
                }
            }
        }
    }

    /// The position of the value at exactly this path, if the text has one.
    pub fn get(&self, path: &str) -> Option<Position> {
        self.scanned()
            .positions
            .get(path)
            .map(|&offset| self.position(offset))
    }

    /// Whether the text has a value at exactly this path.
    pub fn contains(&self, path: &str) -> bool {
        self.scanned().positions.contains_key(path)
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
    fn value(&mut self, path: &str, map: &mut HashMap<String, usize>) -> Option<()> {
        if self.depth > MAX_DEPTH {
            return None;
        }
        self.skip_trivia();
        map.insert(path.to_string(), self.pos);
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
    fn body(&mut self, path: &str, map: &mut HashMap<String, usize>, close: char) -> Option<()> {
        let opening = map.get(path).copied().unwrap_or(self.pos);
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

    fn map(&mut self, path: &str, map: &mut HashMap<String, usize>) -> Option<()> {
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
    fn converts_between_offsets_and_positions() {
        let text = "åäö\nxyz";
        let offset = byte_offset(text, 2, 2).unwrap();
        assert_eq!(&text[offset..], "yz");
        assert_eq!(position_of(text, offset), Position { line: 2, col: 2 });
        assert_eq!(position_of(text, "åä".len()), Position { line: 1, col: 3 });
    }
}
