//! The translation round trip: a module's texts out to a CSV sheet for a
//! translator, and the translations back into the module's RON file.
//!
//! Why this exists: translators work in spreadsheets, not in RON, and module
//! files carry the author's comments and layout, which writing the parsed
//! [`Module`] back out would throw away. So the export lists every [`Text`]
//! under a stable, readable id (`question.core.data.quality.help`), and the
//! import edits the file's *text* in place: it finds each changed text's
//! string literal through the [`SourceMap`], replaces only those bytes, and
//! parses the result again to prove that nothing but those texts changed.
//!
//! Rows the import cannot trust are never applied silently: an id the module
//! does not have, or a row whose Swedish text is no longer the file's (the
//! translation was made for an older text). They come back as [`Skipped`],
//! with the line of the sheet they are on.
//!
//! No I/O and no printing here: `cli::strings` reads and writes the files.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use crate::export::csv::{self, CsvError, Record};
use crate::questionnaire::load::{did_you_mean, parse_module};
use crate::questionnaire::source_map::{self, SourceMap};
use crate::questionnaire::{Lang, Module, Problem, QuestionKind, Text};

/// The language translators translate from: the source column of the sheet.
pub const SOURCE_LANG: Lang = Lang::Sv;

/// The name of the sheet's id column.
const ID_COLUMN: &str = "id";

/// One translatable text of a module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleText {
    /// The id in the sheet: `module.title`, `question.core.x.option.yes` …
    pub id: String,
    /// The source-map path of the `(sv: …, en: …)` record in the file.
    pub path: String,
    pub text: Text,
}

/// Every text of `module` that is written in its file, in file order.
/// Optional texts the author left out (a question without `help`) are not
/// listed: there is nothing to translate.
pub fn module_texts(module: &Module) -> Vec<ModuleText> {
    let mut texts = Vec::new();
    // The walk is written once, over `&mut`; a clone is cheap next to a file.
    visit_texts(&mut module.clone(), &mut |place, text| {
        texts.push(ModuleText {
            id: place.id,
            path: place.path,
            text: text.clone(),
        });
    });
    texts
}

/// The translators' sheet: UTF-8 with a byte-order mark, CRLF, columns `id`,
/// `sv` (the source) and `target` (blank where the text is missing), one row
/// per text. `target` should be a language other than Swedish.
pub fn export_csv(module: &Module, target: Lang) -> String {
    let mut sheet = String::from(csv::BOM);
    sheet.push_str(&csv::record(&[
        ID_COLUMN,
        SOURCE_LANG.code(),
        target.code(),
    ]));
    for text in module_texts(module) {
        let cell = |lang| text.text.exact(lang).unwrap_or("");
        sheet.push_str(&csv::record(&[
            text.id.as_str(),
            cell(SOURCE_LANG),
            cell(target),
        ]));
    }
    sheet
}

/// The result of an import: the new file text and what happened to each row.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    /// The language the sheet translates into.
    pub target: Lang,
    /// The file's text with the translations in; the input, byte for byte,
    /// when nothing changed.
    pub text: String,
    /// The ids of the texts whose translation changed, in sheet order.
    pub changed: Vec<String>,
    /// Rows with no translation, or the one the file already has.
    pub unchanged: usize,
    /// Rows not applied, and why.
    pub skipped: Vec<Skipped>,
}

impl Import {
    /// Whether the file's text differs from what was read.
    pub fn has_changes(&self) -> bool {
        !self.changed.is_empty()
    }
}

/// A row of the sheet that was not applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The line of the sheet the row starts on (1-based).
    pub line: usize,
    pub id: String,
    pub reason: SkipReason,
}

/// Why a row was not applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// The row has texts but no id.
    NoId,
    /// The module has no text with this id.
    UnknownId { suggestion: Option<String> },
    /// The row's Swedish text is not the file's: the translation was made
    /// for an older (or newer) text.
    SourceChanged { current: String },
    /// An earlier row already has this id.
    Repeated { first_line: usize },
    /// The module has more than one text with this id (it repeats an id of
    /// a question, option …), so the row cannot say which.
    Ambiguous,
    /// The text is written in a form the import cannot edit in place.
    NotEditable,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let id = &self.id;
        match &self.reason {
            SkipReason::NoId => write!(f, "a row with texts but no id; not applied"),
            SkipReason::UnknownId { suggestion } => write!(
                f,
                "`{id}` is not a text of this module{}; not applied",
                suggestion
                    .as_deref()
                    .map(|s| format!(" (did you mean `{s}`?)"))
                    .unwrap_or_default()
            ),
            SkipReason::SourceChanged { current } => write!(
                f,
                "`{id}`: the Swedish text has changed since the sheet was made, so the \
                 translation may be out of date; not applied. The text is now: \"{}\"",
                shortened(current)
            ),
            SkipReason::Repeated { first_line } => write!(
                f,
                "`{id}` is already on line {first_line}; this row is not applied"
            ),
            SkipReason::Ambiguous => write!(
                f,
                "`{id}` names more than one text, as the module repeats an id \
                 (`airedo check` reports it); not applied"
            ),
            SkipReason::NotEditable => write!(
                f,
                "`{id}`: the text is written in a form the import cannot edit; \
                 not applied, change it by hand"
            ),
        }
    }
}

/// Why nothing could be imported.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// The sheet is not valid CSV.
    Csv(CsvError),
    /// The sheet's first row does not name the columns (line 1).
    Header(String),
    /// The module file does not load; its problems.
    Module(Vec<Problem>),
    /// The edited file would not read back as the same module with the new
    /// texts: a bug, reported rather than written.
    NotVerified,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Csv(error) => error.fmt(f),
            ImportError::Header(message) => write!(f, "1: {message}"),
            ImportError::Module(problems) => {
                let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
                f.write_str(&lines.join("\n"))
            }
            ImportError::NotVerified => f.write_str(
                "the edited file would not read back as the same module with the new texts; \
                 nothing was written (please report this)",
            ),
        }
    }
}

/// Applies the translations in `sheet` (a CSV text) to `source`, the text of
/// the module file named `file_name` (for messages). Only the string
/// literals of changed texts change; everything else stays byte for byte.
pub fn import_csv(file_name: &str, source: &str, sheet: &str) -> Result<Import, ImportError> {
    let records = csv::parse(sheet).map_err(ImportError::Csv)?;
    let (header, rows) = records
        .split_first()
        .ok_or_else(|| ImportError::Header(header_help("the sheet is empty")))?;
    let columns = Columns::from_header(header)?;

    // The loader drops a leading byte-order mark; the source map's offsets
    // count from after it.
    let (bom, body) = match source.strip_prefix(csv::BOM) {
        Some(body) => (&source[..source.len() - body.len()], body),
        None => ("", source),
    };
    let parsed = parse_module(file_name, body.as_bytes());
    let module = match parsed.module {
        Some(module) if parsed.problems.is_empty() => module,
        _ => return Err(ImportError::Module(parsed.problems)),
    };

    let texts = module_texts(&module);
    let plan = plan_rows(rows, &columns, &texts);
    let mut edits = Vec::new();
    let mut changed = Vec::new();
    let mut skipped = plan.skipped;
    for change in plan.changes {
        match edits_for(
            body,
            &parsed.source_map,
            change.text,
            columns.target,
            &change.new,
        ) {
            Some(text_edits) => {
                edits.extend(text_edits);
                changed.push(change);
            }
            None => skipped.push(Skipped {
                line: change.line,
                id: change.text.id.clone(),
                reason: SkipReason::NotEditable,
            }),
        }
    }
    skipped.sort_by_key(|s| s.line);

    let edited = apply_edits(body, edits).ok_or(ImportError::NotVerified)?;
    verify(file_name, &edited, &module, &changed, columns.target)?;
    Ok(Import {
        target: columns.target,
        text: format!("{bom}{edited}"),
        changed: changed.iter().map(|c| c.text.id.clone()).collect(),
        unchanged: plan.unchanged,
        skipped,
    })
}

// ---------------------------------------------------------------------------
// Walking the texts of a module

/// Where one text lives: its id in the sheet and its path in the file.
struct Place {
    id: String,
    path: String,
}

impl Place {
    fn new(id: impl Into<String>, path: impl Into<String>) -> Place {
        Place {
            id: id.into(),
            path: path.into(),
        }
    }

    /// A place below this one: both suffixes are appended as written.
    fn child(&self, id_suffix: &str, path_suffix: &str) -> Place {
        Place::new(
            format!("{}{id_suffix}", self.id),
            format!("{}{path_suffix}", self.path),
        )
    }
}

/// Calls `visit` on every text written in the module, in file order. The
/// one place that knows which fields of the model are texts: a new `Text`
/// field in `model.rs` belongs here too.
fn visit_texts(module: &mut Module, visit: &mut dyn FnMut(Place, &mut Text)) {
    visit(Place::new("module.title", "title"), &mut module.title);
    visit(Place::new("module.summary", "summary"), &mut module.summary);
    visit(
        Place::new("module.description", "description"),
        &mut module.description,
    );
    for (i, dimension) in module.dimensions.iter_mut().enumerate() {
        let at = Place::new(
            format!("dimension.{}", dimension.id),
            format!("dimensions[{i}]"),
        );
        visit(at.child(".name", ".name"), &mut dimension.name);
        visit(
            at.child(".description", ".description"),
            &mut dimension.description,
        );
    }
    for (i, level) in module.maturity_levels.iter_mut().enumerate() {
        let at = Place::new(
            format!("level.{}", level.level),
            format!("maturity_levels[{i}]"),
        );
        visit(at.child(".name", ".name"), &mut level.name);
        visit(
            at.child(".description", ".description"),
            &mut level.description,
        );
    }
    for (i, contact) in module.contacts.iter_mut().enumerate() {
        let at = Place::new(format!("contact.{}", contact.id), format!("contacts[{i}]"));
        visit(at.child(".name", ".name"), &mut contact.name);
        visit(
            at.child(".description", ".description"),
            &mut contact.description,
        );
    }
    for (i, section) in module.sections.iter_mut().enumerate() {
        let at = Place::new(format!("section.{}", section.id), format!("sections[{i}]"));
        visit(at.child(".title", ".title"), &mut section.title);
        if let Some(description) = &mut section.description {
            visit(at.child(".description", ".description"), description);
        }
        for (j, question) in section.questions.iter_mut().enumerate() {
            let at = Place::new(
                format!("question.{}", question.id),
                format!("{}.questions[{j}]", at.path),
            );
            visit_question_texts(&at, question, visit);
        }
    }
    for (i, recommendation) in module.recommendations.iter_mut().enumerate() {
        let at = Place::new(
            format!("recommendation.{}", recommendation.id),
            format!("recommendations[{i}]"),
        );
        visit(at.child(".title", ".title"), &mut recommendation.title);
        visit(at.child(".text", ".text"), &mut recommendation.text);
    }
}

fn visit_question_texts(
    at: &Place,
    question: &mut crate::questionnaire::Question,
    visit: &mut dyn FnMut(Place, &mut Text),
) {
    visit(at.child(".text", ".text"), &mut question.text);
    if let Some(help) = &mut question.help {
        visit(at.child(".help", ".help"), help);
    }
    match &mut question.kind {
        QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options, .. } => {
            for (k, option) in options.iter_mut().enumerate() {
                let place = at.child(
                    &format!(".option.{}", option.id),
                    &format!(".kind.options[{k}].label"),
                );
                visit(place, &mut option.label);
            }
        }
        QuestionKind::Scale { labels } => {
            for (k, label) in labels.iter_mut().enumerate() {
                visit(
                    at.child(&format!(".scale.{k}"), &format!(".kind.labels[{k}]")),
                    label,
                );
            }
        }
        QuestionKind::YesNo { .. } | QuestionKind::FreeText | QuestionKind::Info => {}
    }
}

// ---------------------------------------------------------------------------
// Reading the sheet

/// Which column holds what.
struct Columns {
    id: usize,
    source: usize,
    target_column: usize,
    target: Lang,
}

impl Columns {
    /// The columns named in the first row. Other columns (a translator's
    /// notes) are allowed and ignored.
    fn from_header(header: &Record) -> Result<Columns, ImportError> {
        let names: Vec<String> = header
            .fields
            .iter()
            .map(|name| name.trim().to_lowercase())
            .collect();
        let find = |wanted: &str| names.iter().position(|name| name == wanted);
        let target = names.iter().enumerate().find_map(|(i, name)| {
            Lang::from_code(name)
                .filter(|&lang| lang != SOURCE_LANG)
                .map(|lang| (i, lang))
        });
        match (find(ID_COLUMN), find(SOURCE_LANG.code()), target) {
            (Some(id), Some(source), Some((target_column, target))) => Ok(Columns {
                id,
                source,
                target_column,
                target,
            }),
            _ => Err(ImportError::Header(header_help(&format!(
                "the first row names the columns {}",
                names.join(", ")
            )))),
        }
    }

    /// A cell of `record`, its CRLF line breaks read as LF; missing cells at
    /// the end of a short row are empty.
    fn cell(record: &Record, column: usize) -> String {
        record
            .fields
            .get(column)
            .map(|cell| cell.replace("\r\n", "\n"))
            .unwrap_or_default()
    }
}

fn header_help(found: &str) -> String {
    format!(
        "{found}; the first row must name the columns `id`, `sv` and the language \
         translated into (`en`), as `airedo strings export` writes them"
    )
}

/// A row that changes one text.
struct Change<'a> {
    line: usize,
    text: &'a ModuleText,
    new: String,
}

/// What to do with each row of the sheet.
struct Plan<'a> {
    changes: Vec<Change<'a>>,
    unchanged: usize,
    skipped: Vec<Skipped>,
}

/// Decides row by row: apply, leave (no translation, or the same one), or
/// skip with a reason.
fn plan_rows<'a>(rows: &[Record], columns: &Columns, texts: &'a [ModuleText]) -> Plan<'a> {
    let mut by_id: HashMap<&str, Vec<&ModuleText>> = HashMap::new();
    for text in texts {
        by_id.entry(text.id.as_str()).or_default().push(text);
    }
    let mut plan = Plan {
        changes: Vec::new(),
        unchanged: 0,
        skipped: Vec::new(),
    };
    let mut first_lines: HashMap<String, usize> = HashMap::new();
    for row in rows {
        if row.fields.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let id = Columns::cell(row, columns.id).trim().to_string();
        let skip = |reason| Skipped {
            line: row.line,
            id: id.clone(),
            reason,
        };
        if id.is_empty() {
            plan.skipped.push(skip(SkipReason::NoId));
            continue;
        }
        if let Some(&first_line) = first_lines.get(&id) {
            plan.skipped.push(skip(SkipReason::Repeated { first_line }));
            continue;
        }
        first_lines.insert(id.clone(), row.line);
        let text = match by_id.get(id.as_str()).map(Vec::as_slice) {
            Some([text]) => *text,
            Some(_) => {
                plan.skipped.push(skip(SkipReason::Ambiguous));
                continue;
            }
            None => {
                let suggestion = suggest(&id, texts);
                plan.skipped
                    .push(skip(SkipReason::UnknownId { suggestion }));
                continue;
            }
        };
        match decide(row, columns, text) {
            Decision::Leave => plan.unchanged += 1,
            Decision::Apply(new) => plan.changes.push(Change {
                line: row.line,
                text,
                new,
            }),
            Decision::Skip(reason) => plan.skipped.push(skip(reason)),
        }
    }
    plan
}

enum Decision {
    Leave,
    Apply(String),
    Skip(SkipReason),
}

/// What one row with a known id does to its text.
fn decide(row: &Record, columns: &Columns, text: &ModuleText) -> Decision {
    let translation = Columns::cell(row, columns.target_column);
    // A blank cell means "not translated yet", never "delete the text".
    if translation.trim().is_empty() {
        return Decision::Leave;
    }
    let current_source = text.text.exact(SOURCE_LANG).unwrap_or("");
    // Cells come back with a spreadsheet's line breaks; compare like with like.
    let row_source = Columns::cell(row, columns.source);
    if row_source != current_source.replace("\r\n", "\n") {
        return Decision::Skip(SkipReason::SourceChanged {
            current: current_source.to_string(),
        });
    }
    if text_in(&text.text, columns.target) == Some(translation.as_str()) {
        return Decision::Leave;
    }
    Decision::Apply(translation)
}

/// The text in `lang` exactly as the file has it, blank or not.
fn text_in(text: &Text, lang: Lang) -> Option<&str> {
    match lang {
        Lang::Sv => text.sv.as_deref(),
        Lang::En => text.en.as_deref(),
    }
}

fn set_text(text: &mut Text, lang: Lang, value: String) {
    match lang {
        Lang::Sv => text.sv = Some(value),
        Lang::En => text.en = Some(value),
    }
}

/// The id `id` was probably meant to be, when it is a near miss.
fn suggest(id: &str, texts: &[ModuleText]) -> Option<String> {
    let ids: Vec<&str> = texts.iter().map(|t| t.id.as_str()).collect();
    let hint = did_you_mean(id, &ids);
    // `did_you_mean` words the hint; take the id back out of it.
    hint.split('`').nth(1).map(str::to_string)
}

/// At most 80 characters of `text`, for a message.
fn shortened(text: &str) -> String {
    const MAX: usize = 80;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let cut: String = text.chars().take(MAX).collect();
        format!("{cut}…")
    }
}

// ---------------------------------------------------------------------------
// Editing the file's text

/// Replace `range` of the text with `with` (an empty range inserts).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Edit {
    range: Range<usize>,
    with: String,
}

impl Edit {
    fn insert(at: usize, with: String) -> Edit {
        Edit {
            range: at..at,
            with,
        }
    }
}

/// The edits that give `text` the translation `new` in `lang`: the existing
/// literal replaced, or the field added to the record. `None` when the
/// source map does not know where the text is written.
fn edits_for(
    source: &str,
    map: &SourceMap,
    text: &ModuleText,
    lang: Lang,
    new: &str,
) -> Option<Vec<Edit>> {
    let literal = ron_string(new);
    let field_path = |lang: Lang| format!("{}.{}", text.path, lang.code());
    if let Some(span) = map.span(&field_path(lang)) {
        return Some(vec![Edit {
            range: span,
            with: literal,
        }]);
    }
    let record = map.span(&text.path)?;
    let last_field = Lang::ALL
        .iter()
        .filter_map(|&other| map.span(&field_path(other)))
        .max_by_key(|span| span.end);
    let field = format!("{}: {literal}", lang.code());
    insert_field(source, record, last_field, &field)
}

/// The edits that add `field` (`en: "…"`) to the record at `record` after
/// its last field, in the record's own style: a record written over several
/// lines gets a new line with the same indentation (and a trailing comma if
/// the last field has one); a one-line record gets `, en: "…"`.
fn insert_field(
    source: &str,
    record: Range<usize>,
    last_field: Option<Range<usize>>,
    field: &str,
) -> Option<Vec<Edit>> {
    let close = record.end.checked_sub(1)?;
    if source.get(close..record.end) != Some(")") {
        return None;
    }
    let Some(last) = last_field else {
        // `()`: the field becomes the record's only one.
        return Some(vec![Edit::insert(close, field.to_string())]);
    };
    let after_trivia = source_map::skip_trivia(source, last.end);
    let comma = (source.get(after_trivia..after_trivia + 1) == Some(",")).then_some(after_trivia);
    let after_comma = comma.map_or(last.end, |c| c + 1);
    if let Some(line_end) = own_line_end(source, after_comma, close) {
        let newline = if source[..line_end].ends_with('\r') {
            "\r\n"
        } else {
            "\n"
        };
        let at = line_end - (newline.len() - 1);
        let indent = indentation_of_line(source, last.start);
        let trailing_comma = if comma.is_some() { "," } else { "" };
        let mut edits = vec![Edit::insert(
            at,
            format!("{newline}{indent}{field}{trailing_comma}"),
        )];
        if comma.is_none() {
            edits.insert(0, Edit::insert(last.end, ",".to_string()));
        }
        return Some(edits);
    }
    Some(vec![match comma {
        Some(comma) => Edit::insert(comma + 1, format!(" {field},")),
        None => Edit::insert(last.end, format!(", {field}")),
    }])
}

/// The offset of the `\n` ending the line that `from` is on, when the rest
/// of that line is blank or a `//` comment and the record closes on a later
/// line: then the new field can have a line of its own.
fn own_line_end(source: &str, from: usize, close: usize) -> Option<usize> {
    let line_end = from + source.get(from..close)?.find('\n')?;
    let rest = source[from..line_end].trim();
    (rest.is_empty() || rest.starts_with("//")).then_some(line_end)
}

/// The spaces and tabs that start the line `offset` is on.
fn indentation_of_line(source: &str, offset: usize) -> &str {
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = &source[line_start..];
    &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
}

/// `text` as a RON string literal: quotes, backslashes and control
/// characters escaped, everything else (å, ä, ö …) as it is.
fn ron_string(text: &str) -> String {
    let mut literal = String::with_capacity(text.len() + 2);
    literal.push('"');
    for c in text.chars() {
        match c {
            '"' => literal.push_str("\\\""),
            '\\' => literal.push_str("\\\\"),
            '\n' => literal.push_str("\\n"),
            '\r' => literal.push_str("\\r"),
            '\t' => literal.push_str("\\t"),
            c if c.is_control() => literal.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => literal.push(c),
        }
    }
    literal.push('"');
    literal
}

/// `source` with the edits made; `None` if two edits overlap.
fn apply_edits(source: &str, mut edits: Vec<Edit>) -> Option<String> {
    edits.sort_by_key(|edit| (edit.range.start, edit.range.end));
    let mut edited = String::with_capacity(source.len());
    let mut copied_to = 0;
    for edit in edits {
        if edit.range.start < copied_to {
            return None;
        }
        edited.push_str(source.get(copied_to..edit.range.start)?);
        edited.push_str(&edit.with);
        copied_to = edit.range.end;
    }
    edited.push_str(source.get(copied_to..)?);
    Some(edited)
}

/// Checks that `edited` parses, without problems, to `original` with the
/// changed texts and nothing else different.
fn verify(
    file_name: &str,
    edited: &str,
    original: &Module,
    changes: &[Change],
    lang: Lang,
) -> Result<(), ImportError> {
    let reparsed = parse_module(file_name, edited.as_bytes());
    let mut expected = original.clone();
    let mut new_texts: HashMap<&str, &str> = changes
        .iter()
        .map(|c| (c.text.id.as_str(), c.new.as_str()))
        .collect();
    visit_texts(&mut expected, &mut |place, text| {
        if let Some(new) = new_texts.remove(place.id.as_str()) {
            set_text(text, lang, new.to_string());
        }
    });
    match reparsed.module {
        Some(module) if reparsed.problems.is_empty() && module == expected => Ok(()),
        _ => Err(ImportError::NotVerified),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    const MODULE: &str = include_str!("../../questionnaires/template/sector-template.ron");

    fn module(source: &str) -> Module {
        parse_module("test.ron", source.as_bytes()).module.unwrap()
    }

    fn text_of<'a>(texts: &'a [ModuleText], id: &str) -> &'a ModuleText {
        texts.iter().find(|t| t.id == id).unwrap()
    }

    #[test]
    fn lists_texts_with_readable_ids_and_file_paths() {
        let texts = module_texts(&module(MODULE));
        assert_eq!(texts[0].id, "module.title");
        assert_eq!(texts[0].path, "title");
        let ids: HashSet<&str> = texts.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids.len(), texts.len(), "ids are unique");
        let map = SourceMap::build(MODULE);
        for text in &texts {
            assert!(
                map.span(&text.path).is_some(),
                "{} at {}",
                text.id,
                text.path
            );
        }
    }

    #[test]
    fn the_sheet_starts_with_a_bom_and_a_header() {
        let sheet = export_csv(&module(MODULE), Lang::En);
        assert!(sheet.starts_with("\u{feff}id,sv,en\r\n"), "{sheet}");
    }

    #[test]
    fn an_unedited_sheet_changes_nothing() {
        let sheet = export_csv(&module(MODULE), Lang::En);
        let import = import_csv("t.ron", MODULE, &sheet).unwrap();
        assert_eq!(import.text, MODULE);
        assert!(import.changed.is_empty() && import.skipped.is_empty());
    }

    #[test]
    fn keeps_a_byte_order_mark_at_the_start_of_the_module_file() {
        let source = format!("\u{feff}{MODULE}");
        let texts = module_texts(&module(MODULE));
        let title = text_of(&texts, "module.title");
        let sheet = csv::record(&["id", "sv", "en"])
            + &csv::record(&[title.id.as_str(), title.text.exact(Lang::Sv).unwrap(), "T"]);
        let import = import_csv("t.ron", &source, &sheet).unwrap();
        assert!(import.text.starts_with('\u{feff}'));
        assert_eq!(import.changed, ["module.title"]);
        assert_eq!(
            module(&import.text).title.en.as_deref(),
            Some("T"),
            "the edit lands where the text is, after the mark"
        );
    }

    #[test]
    fn reads_a_sheet_without_bom_with_lf_and_extra_columns() {
        let source = "Module(format: 1, id: \"x\", version: 1, kind: Sector, applies_to: [], \
                      languages: [sv], title: (sv: \"Titel\"), summary: (sv: \"S\"), \
                      description: (sv: \"D\"), strategy_ref: \"1\", sections: [])";
        let sheet = "note,ID,En,sv\nhi,module.title,\"A \"\"title\"\"\",Titel\n,,,\n";
        let import = import_csv("t.ron", source, sheet).unwrap();
        assert_eq!(import.changed, ["module.title"]);
        assert!(
            import
                .text
                .contains("title: (sv: \"Titel\", en: \"A \\\"title\\\"\")"),
            "{}",
            import.text
        );
    }

    #[test]
    fn reports_a_broken_sheet_where_it_breaks() {
        let error = import_csv("t.ron", MODULE, "id,sv,en\nx,\"a\"b,c\n").unwrap_err();
        assert_eq!(
            error,
            ImportError::Csv(CsvError {
                line: 2,
                col: 6,
                message: "text after the closing quote of a quoted field; a quote inside a \
                          quoted field must be doubled (\"\")"
                    .to_string()
            })
        );
        assert!(matches!(
            import_csv("t.ron", MODULE, "id,sv\n"),
            Err(ImportError::Header(_))
        ));
        assert!(matches!(
            import_csv("t.ron", MODULE, ""),
            Err(ImportError::Header(_))
        ));
    }

    #[test]
    fn skips_repeated_and_idless_rows() {
        let texts = module_texts(&module(MODULE));
        let title = text_of(&texts, "module.title");
        let sv = title.text.exact(Lang::Sv).unwrap();
        let sheet = format!(
            "id,sv,en\nmodule.title,{sv},New\nmodule.title,{sv},Newer\n,x,y\n",
            sv = csv::field(sv)
        );
        let import = import_csv("t.ron", MODULE, &sheet).unwrap();
        assert_eq!(import.changed, ["module.title"]);
        let reasons: Vec<_> = import.skipped.iter().map(|s| (s.line, &s.reason)).collect();
        assert_eq!(
            reasons,
            [
                (3, &SkipReason::Repeated { first_line: 2 }),
                (4, &SkipReason::NoId)
            ]
        );
    }

    #[test]
    fn inserts_a_missing_field_in_the_record_style() {
        let cases = [
            ("(sv: \"a\")", "(sv: \"a\", en: \"b\")"),
            ("(sv: \"a\",)", "(sv: \"a\", en: \"b\",)"),
            ("()", "(en: \"b\")"),
            (
                "(\n    sv: \"a\",\n)",
                "(\n    sv: \"a\",\n    en: \"b\",\n)",
            ),
            (
                "(\r\n\tsv: \"a\" // note\r\n)",
                "(\r\n\tsv: \"a\", // note\r\n\ten: \"b\"\r\n)",
            ),
        ];
        for (record, expected) in cases {
            let wrapped = format!("(x: {record})");
            let map = SourceMap::build(&wrapped);
            let text = ModuleText {
                id: "t".into(),
                path: "x".into(),
                text: Text::default(),
            };
            let edits = edits_for(&wrapped, &map, &text, Lang::En, "b").unwrap();
            let edited = apply_edits(&wrapped, edits).unwrap();
            assert_eq!(edited, format!("(x: {expected})"), "{record:?}");
        }
    }

    #[test]
    fn escapes_ron_strings() {
        assert_eq!(ron_string("a \"b\" \\ c\nd\té"), r#""a \"b\" \\ c\nd\té""#);
        assert_eq!(ron_string("\u{7}"), r#""\u{7}""#);
        let parsed: String = ron::from_str(&ron_string("x\"\\\n\r\u{1}åäö")).unwrap();
        assert_eq!(parsed, "x\"\\\n\r\u{1}åäö");
    }

    #[test]
    fn refuses_overlapping_edits() {
        let edits = vec![
            Edit {
                range: 0..3,
                with: "x".into(),
            },
            Edit {
                range: 2..4,
                with: "y".into(),
            },
        ];
        assert_eq!(apply_edits("abcdef", edits), None);
    }
}
