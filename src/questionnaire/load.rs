//! Reading one questionnaire file: bytes in, a [`Module`] and its parse
//! problems out.
//!
//! serde stops at the first error it meets, but an author fixing a file wants
//! every misspelt field at once. So when ron reports an unknown field we blank
//! that field out of the text (spaces, so every position stays where it was)
//! and parse again, collecting one `unknown-field` problem per round. Other
//! parse errors end the file's parse; the validator then has nothing to check.
//!
//! This module never panics on any input; `tests/questionnaires.rs` feeds it
//! arbitrary bytes to prove it.

use ron::error::{Error as RonError, SpannedError};
use ron::extensions::Extensions;

use super::model::{FORMAT_VERSION, Module};
use super::problem::{Problem, ProblemCode};
use super::source_map::{self, Position, SourceMap};

/// Files above this size are refused unread. The largest shipped module is
/// well under a tenth of it.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// Values nested deeper than this are refused (`too-deep`). Real modules
/// need about 12 levels; conditions nest a few more.
pub const MAX_NESTING: usize = 64;

/// How many unknown fields are collected before giving up on a file.
const MAX_UNKNOWN_FIELD_ROUNDS: usize = 100;

/// A parsed file: the module if it parsed, where its values stand, and what
/// went wrong on the way.
#[derive(Debug)]
pub struct Parsed {
    pub module: Option<Module>,
    pub source_map: SourceMap,
    pub problems: Vec<Problem>,
}

/// The RON options every questionnaire and assessment file is read with:
/// `implicit_some` so authors write `show_if: Answered("x")`, not `Some(…)`.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING)
}

/// Parses the bytes of one questionnaire file named `file` (for messages).
pub fn parse_module(file: &str, bytes: &[u8]) -> Parsed {
    let fail = |problem: Problem| Parsed {
        module: None,
        source_map: SourceMap::default(),
        problems: vec![problem],
    };
    if bytes.len() > MAX_FILE_BYTES {
        return fail(problem_at(
            file,
            ProblemCode::TooLarge,
            Position { line: 1, col: 1 },
            format!(
                "the file is {} bytes; questionnaire files may be at most {} bytes",
                bytes.len(),
                MAX_FILE_BYTES
            ),
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            // Safe: `valid_up_to` marks the end of valid UTF-8.
            let valid = std::str::from_utf8(valid).unwrap_or_default();
            return fail(problem_at(
                file,
                ProblemCode::NotUtf8,
                source_map::position_of(valid, valid.len()),
                "the file is not UTF-8 text; save it as UTF-8 in your editor".to_string(),
            ));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    parse_text(file, text)
}

fn parse_text(file: &str, original: &str) -> Parsed {
    let source_map = SourceMap::build(original);
    let mut problems = Vec::new();
    let mut text = original.to_string();
    // Column shifts made by renaming fields: (line, from column, shift).
    let mut shifts: Vec<(usize, usize, isize)> = Vec::new();
    // The text before the last rename, in case the rename made things worse.
    let mut before_rename: Option<(String, usize)> = None;
    for _ in 0..MAX_UNKNOWN_FIELD_ROUNDS {
        let error = match ron_options().from_str::<Module>(&text) {
            Ok(module) => {
                if module.format != FORMAT_VERSION {
                    problems.push(format_version_problem(file, &source_map, module.format));
                    return Parsed {
                        module: None,
                        source_map,
                        problems,
                    };
                }
                return Parsed {
                    module: Some(module),
                    source_map,
                    problems,
                };
            }
            Err(error) => error,
        };
        // A file from a newer AI-redo may not parse at all; say only that.
        if problems.is_empty()
            && let Some(version) = declared_format(original, &source_map)
            && version > FORMAT_VERSION
        {
            problems.push(format_version_problem(file, &source_map, version));
            break;
        }
        // Renaming a misspelt field to its suggestion may collide with the
        // real field further on; then fall back to blanking it out.
        if let (RonError::DuplicateStructField { .. }, Some((previous, line))) =
            (&error.code, before_rename.take())
        {
            text = blank_field_on_line(&previous, line).unwrap_or(previous);
            shifts.retain(|(l, _, _)| *l != line);
            continue;
        }
        let mut problem = problem_from_ron(file, &error);
        // Positions in the edited text, mapped back to the author's text.
        for (line, from, shift) in &shifts {
            if problem.line == *line && problem.col > *from {
                problem.col = problem.col.saturating_add_signed(-shift);
            }
        }
        if let RonError::MissingStructField { .. } = error.code {
            // ron points at the closing bracket; the author looks for the opening.
            let close = Position {
                line: problem.line,
                col: problem.col,
            };
            if let Some(open) = source_map.opening_of(close) {
                problem.line = open.line;
                problem.col = open.col;
                problem.message.push_str(" (the value that starts here)");
            }
        }
        problems.push(problem);
        match recover_unknown_field(&text, &error) {
            Some(Recovery {
                text: next,
                renamed,
            }) => {
                if let Some(shift) = renamed {
                    before_rename = Some((text.clone(), error.span.start.line));
                    shifts.push((error.span.start.line, error.span.start.col, shift));
                }
                text = next;
            }
            None => break,
        }
    }
    Parsed {
        module: None,
        source_map,
        problems,
    }
}

/// The `format: N` a file declares, read without parsing the rest.
fn declared_format(text: &str, source_map: &SourceMap) -> Option<u32> {
    let at = source_map.get("format")?;
    let offset = source_map::byte_offset(text, at.line, at.col)?;
    let digits: String = text[offset..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

fn format_version_problem(file: &str, map: &SourceMap, version: u32) -> Problem {
    let message = if version > FORMAT_VERSION {
        format!(
            "the file is written in questionnaire format {version}, but this version of AI-redo reads format {FORMAT_VERSION}; update AI-redo to use it"
        )
    } else {
        format!(
            "unknown questionnaire format {version}; this version of AI-redo reads format {FORMAT_VERSION}"
        )
    };
    problem_at(
        file,
        ProblemCode::FormatVersion,
        map.locate("format"),
        message,
    )
}

struct Recovery {
    text: String,
    /// How many characters longer the line became, when the field was renamed.
    renamed: Option<isize>,
}

/// When `error` is an unknown field, the text with that field renamed to the
/// field it was probably meant to be, or else blanked out (spaces keep every
/// other position in place), so that parsing can go on.
fn recover_unknown_field(text: &str, error: &SpannedError) -> Option<Recovery> {
    let RonError::NoSuchStructField {
        found, expected, ..
    } = &error.code
    else {
        return None;
    };
    let name_start = field_name_start(text, error, found)?;
    if let Some(suggestion) = closest(found, expected) {
        let mut renamed = String::with_capacity(text.len() + suggestion.len());
        renamed.push_str(&text[..name_start]);
        renamed.push_str(suggestion);
        renamed.push_str(&text[name_start + found.len()..]);
        let shift = suggestion.chars().count() as isize - found.chars().count() as isize;
        return Some(Recovery {
            text: renamed,
            renamed: Some(shift),
        });
    }
    Some(Recovery {
        text: blank(text, source_map::field_extent(text, name_start)?),
        renamed: None,
    })
}

/// Where the name of the unknown field in `error` starts: ron's span may
/// start at the name or just after it.
fn field_name_start(text: &str, error: &SpannedError, found: &str) -> Option<usize> {
    let start = source_map::byte_offset(text, error.span.start.line, error.span.start.col)?;
    let window_end = start.saturating_add(found.len() + 4).min(text.len());
    text.get(..window_end)?
        .rfind(found)
        .filter(|&i| i + found.len() + 4 >= start)
}

/// Blanks the first field on `line` whose name precedes a colon (used when a
/// rename collided with an existing field).
fn blank_field_on_line(text: &str, line: usize) -> Option<String> {
    let line_start = source_map::byte_offset(text, line, 1)?;
    let line_text = &text[line_start..];
    let indent = line_text.len() - line_text.trim_start().len();
    let range = source_map::field_extent(text, line_start + indent)?;
    Some(blank(text, range))
}

fn blank(text: &str, range: std::ops::Range<usize>) -> String {
    let mut blanked = String::with_capacity(text.len());
    blanked.push_str(&text[..range.start]);
    blanked.extend(
        text[range.clone()]
            .chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' }),
    );
    blanked.push_str(&text[range.end..]);
    blanked
}

/// Turns a ron error into a problem with a message a non-programmer can act on.
pub fn problem_from_ron(file: &str, error: &SpannedError) -> Problem {
    let position = Position {
        line: error.span.start.line.max(1),
        col: error.span.start.col.max(1),
    };
    let (code, message) = match &error.code {
        RonError::NoSuchStructField {
            expected,
            found,
            outer,
        } => (
            ProblemCode::UnknownField,
            format!(
                "unknown field `{found}`{}{}; expected one of: {}",
                in_outer(outer),
                did_you_mean(found, expected),
                expected.join(", ")
            ),
        ),
        RonError::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => (
            ProblemCode::UnknownVariant,
            format!(
                "unknown value `{found}`{}{}; expected one of: {}",
                in_outer(outer),
                did_you_mean(found, expected),
                expected.join(", ")
            ),
        ),
        RonError::MissingStructField { field, outer } => (
            ProblemCode::MissingField,
            format!("missing field `{field}`{}", in_outer(outer)),
        ),
        RonError::DuplicateStructField { field, outer } => (
            ProblemCode::Syntax,
            format!("field `{field}` is given twice{}", in_outer(outer)),
        ),
        RonError::InvalidValueForType { expected, found } => (
            ProblemCode::WrongType,
            format!("expected {expected}, found {found}"),
        ),
        RonError::ExpectedDifferentStructName { expected, found } => (
            ProblemCode::WrongType,
            format!("expected `{expected}(…)`, found `{found}(…)`"),
        ),
        RonError::ExceededRecursionLimit => (
            ProblemCode::TooDeep,
            format!("values are nested more than {MAX_NESTING} levels deep"),
        ),
        RonError::Utf8Error(_) => (
            ProblemCode::NotUtf8,
            "the file is not UTF-8 text".to_string(),
        ),
        RonError::Message(message) => (ProblemCode::WrongType, message.clone()),
        RonError::ExpectedInteger | RonError::IntegerOutOfBounds => (
            ProblemCode::WrongType,
            "expected a whole number here, e.g. 1".to_string(),
        ),
        RonError::ExpectedFloat => (
            ProblemCode::WrongType,
            "expected a number here, e.g. 1.0".to_string(),
        ),
        RonError::ExpectedString => (
            ProblemCode::WrongType,
            "expected a text in double quotes here, e.g. \"...\"".to_string(),
        ),
        RonError::ExpectedBoolean => (
            ProblemCode::WrongType,
            "expected true or false here".to_string(),
        ),
        RonError::ExpectedArray => (
            ProblemCode::WrongType,
            "expected a list in square brackets here: [ ... ]".to_string(),
        ),
        RonError::ExpectedStructLike | RonError::ExpectedNamedStructLike(_) => (
            ProblemCode::WrongType,
            "expected a value in parentheses here: ( ... )".to_string(),
        ),
        other => (ProblemCode::Syntax, syntax_message(other)),
    };
    problem_at(file, code, position, message)
}

fn syntax_message(error: &RonError) -> String {
    let hint = match error {
        RonError::ExpectedComma => "; put a comma between the items",
        RonError::ExpectedStringEnd => "; a text is missing its closing quote (\")",
        RonError::Eof => "; a bracket or quote is probably not closed",
        RonError::ExpectedStructLikeEnd | RonError::ExpectedArrayEnd => {
            "; check for a missing comma or an extra value before this point"
        }
        _ => "",
    };
    format!("{}{hint}", lower_first(&error.to_string()))
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn in_outer(outer: &Option<String>) -> String {
    outer
        .as_deref()
        .map(|o| format!(" in `{o}`"))
        .unwrap_or_default()
}

/// ` (did you mean `weight`?)` when one of `candidates` is close to `found`.
pub fn did_you_mean<S: AsRef<str>>(found: &str, candidates: &[S]) -> String {
    closest(found, candidates)
        .map(|c| format!(" (did you mean `{c}`?)"))
        .unwrap_or_default()
}

/// The candidate closest to `found`, if it is close enough to be a typo.
pub fn closest<'a, S: AsRef<str>>(found: &str, candidates: &'a [S]) -> Option<&'a str> {
    let found_lower = found.to_lowercase();
    candidates
        .iter()
        .map(|c| c.as_ref())
        .map(|c| {
            (
                strsim::damerau_levenshtein(&found_lower, &c.to_lowercase()),
                c,
            )
        })
        .filter(|(distance, c)| *distance <= (c.chars().count() / 3).max(2))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

pub(crate) fn problem_at(
    file: &str,
    code: ProblemCode,
    position: Position,
    message: String,
) -> Problem {
    Problem {
        code,
        severity: code.default_severity(),
        file: file.to_string(),
        line: position.line,
        col: position.col,
        message,
    }
}
