//! CSV as spreadsheet programs read and write it (RFC 4180).
//!
//! AI-redo writes CSV for people who open it in Excel or LibreOffice: the
//! answers export and the translators' sheet (`airedo strings`). Both want
//! the same things, so they share this writer: UTF-8 with a byte-order mark
//! (without it Excel on Windows reads å, ä and ö as mojibake), CRLF line
//! ends, and quotes around any field that needs them. The reader takes back
//! what a spreadsheet saves: with or without the mark, CRLF or LF, quoted
//! fields holding commas, doubled quotes and line breaks.

use std::borrow::Cow;
use std::fmt;

/// The byte-order mark that starts every CSV text AI-redo writes.
pub const BOM: char = '\u{feff}';

/// RFC 4180 ends every record with CRLF.
pub const LINE_END: &str = "\r\n";

/// One field, quoted when it holds a separator, a quote or a line break.
/// Semicolons are quoted too: spreadsheets in Swedish (and other) locales
/// may guess `;` as the separator, and a quoted field survives either guess.
pub fn field(text: &str) -> Cow<'_, str> {
    if text.contains([',', '"', '\n', '\r', ';']) {
        Cow::Owned(format!("\"{}\"", text.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(text)
    }
}

/// One record: the fields quoted as needed, joined by commas, ended by CRLF.
pub fn record<S: AsRef<str>>(fields: &[S]) -> String {
    let mut line = fields
        .iter()
        .map(|f| field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str(LINE_END);
    line
}

/// One record read back, with the line it starts on (1-based) for messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Why a CSV text could not be read, and where (1-based line, column in
/// characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvError {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.message)
    }
}

/// Reads a CSV text into records. A leading byte-order mark is skipped;
/// records may end in CRLF, LF or CR; the last one needs no line end. Line
/// breaks inside quoted fields are kept as written.
pub fn parse(text: &str) -> Result<Vec<Record>, CsvError> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    Reader::new(text).records()
}

/// A character-by-character reader that knows its line and column.
struct Reader<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    line: usize,
    col: usize,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Self {
        Reader {
            chars: text.chars().peekable(),
            line: 1,
            col: 1,
        }
    }

    fn peek(&mut self) -> Option<char> {
        self.chars.peek().copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        if c == '\n' || (c == '\r' && self.peek() != Some('\n')) {
            self.line += 1;
            self.col = 1;
        } else if c != '\r' {
            self.col += 1;
        }
        Some(c)
    }

    fn error(&self, line: usize, col: usize, message: &str) -> CsvError {
        CsvError {
            line,
            col,
            message: message.to_string(),
        }
    }

    fn records(mut self) -> Result<Vec<Record>, CsvError> {
        let mut records = Vec::new();
        while self.peek().is_some() {
            let line = self.line;
            let fields = self.record()?;
            records.push(Record { line, fields });
        }
        Ok(records)
    }

    /// One record, up to and including its line end.
    fn record(&mut self) -> Result<Vec<String>, CsvError> {
        let mut fields = Vec::new();
        loop {
            fields.push(self.field()?);
            match self.bump() {
                Some(',') => {}
                Some('\r') => {
                    if self.peek() == Some('\n') {
                        self.bump();
                    }
                    return Ok(fields);
                }
                // `field` stops only at a separator, a line end or the end.
                _ => return Ok(fields),
            }
        }
    }

    /// One field, leaving the separator or line end after it unread.
    fn field(&mut self) -> Result<String, CsvError> {
        if self.peek() == Some('"') {
            return self.quoted_field();
        }
        let mut value = String::new();
        while let Some(c) = self.peek() {
            match c {
                ',' | '\r' | '\n' => break,
                '"' => {
                    return Err(self.error(
                        self.line,
                        self.col,
                        "a quote inside a field that does not start with a quote; \
                         put the whole field in quotes and double the quote (\"\")",
                    ));
                }
                _ => {
                    value.push(c);
                    self.bump();
                }
            }
        }
        Ok(value)
    }

    fn quoted_field(&mut self) -> Result<String, CsvError> {
        let (open_line, open_col) = (self.line, self.col);
        self.bump();
        let mut value = String::new();
        loop {
            match self.bump() {
                None => {
                    return Err(self.error(
                        open_line,
                        open_col,
                        "this quoted field is never closed; a closing quote (\") is missing",
                    ));
                }
                Some('"') if self.peek() == Some('"') => {
                    self.bump();
                    value.push('"');
                }
                Some('"') => break,
                Some(c) => value.push(c),
            }
        }
        match self.peek() {
            None | Some(',' | '\r' | '\n') => Ok(value),
            Some(_) => Err(self.error(
                self.line,
                self.col,
                "text after the closing quote of a quoted field; \
                 a quote inside a quoted field must be doubled (\"\")",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        parse(text)
            .unwrap()
            .into_iter()
            .map(|record| record.fields)
            .collect()
    }

    #[test]
    fn quotes_only_fields_that_need_it() {
        assert_eq!(field("plain åäö"), "plain åäö");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("a;b"), "\"a;b\"");
        assert_eq!(record(&["id", "a,b", ""]), "id,\"a,b\",\r\n");
    }

    #[test]
    fn reads_back_what_it_writes() {
        let rows = [
            vec!["id", "sv", "en"],
            vec!["x", "Hej, \"du\"\r\när det\nbra?", ""],
            vec!["y", "", "back\\slash åäö"],
        ];
        let text: String = std::iter::once(BOM.to_string())
            .chain(rows.iter().map(|r| record(r)))
            .collect();
        let read = parse(&text).unwrap();
        assert_eq!(
            read.iter().map(|r| r.fields.clone()).collect::<Vec<_>>(),
            rows.map(|r| r.iter().map(|f| f.to_string()).collect::<Vec<_>>())
        );
        assert_eq!(read.iter().map(|r| r.line).collect::<Vec<_>>(), [1, 2, 5]);
    }

    #[test]
    fn accepts_lf_cr_and_no_final_line_end() {
        assert_eq!(fields("a,b\nc,d"), [["a", "b"], ["c", "d"]]);
        assert_eq!(fields("a,b\rc,d\r"), [["a", "b"], ["c", "d"]]);
        assert_eq!(
            fields("a,b\r\n\r\nc,d\r\n"),
            [vec!["a", "b"], vec![""], vec!["c", "d"]]
        );
        assert_eq!(fields("a,\n"), [["a", ""]]);
        assert_eq!(fields(""), Vec::<Vec<String>>::new());
    }

    #[test]
    fn counts_lines_inside_quoted_fields() {
        let read = parse("id\n\"a\r\nb\nc\"\nnext\n").unwrap();
        assert_eq!(read[1].fields, ["a\r\nb\nc"]);
        assert_eq!(read[2].line, 5);
    }

    #[test]
    fn reports_where_a_quote_is_wrong() {
        let error = parse("id,sv\nx,\"open\n\nmore").unwrap_err();
        assert_eq!((error.line, error.col), (2, 3));
        assert!(error.message.contains("never closed"), "{error}");

        let error = parse("id,sv\nx,\"closed\"late\n").unwrap_err();
        assert_eq!((error.line, error.col), (2, 11));
        assert!(error.message.contains("after the closing quote"), "{error}");

        let error = parse("ab\"c\n").unwrap_err();
        assert_eq!((error.line, error.col), (1, 3));

        let error = parse("å,ä\"\n").unwrap_err();
        assert_eq!((error.line, error.col), (1, 4), "columns count characters");
    }
}
