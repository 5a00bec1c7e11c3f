//! `airedo strings export` / `import`: the translation round trip, on the
//! real shipped modules copied to a temporary folder.

use std::fs;
use std::path::{Path, PathBuf};

use airedo::authoring::strings::{self, ModuleText};
use airedo::export::csv;
use airedo::questionnaire::load::parse_module;
use airedo::questionnaire::source_map::SourceMap;
use airedo::questionnaire::{Lang, Module};

use crate::common::airedo;

fn shipped_modules() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires");
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    assert!(files.len() >= 12, "the shipped modules: {files:?}");
    files
}

fn shipped(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("questionnaires")
        .join(name)
}

/// A temporary folder with a copy of the shipped module `name`.
fn copy_of(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::copy(shipped(name), &path).unwrap();
    (dir, path)
}

fn load(path: &Path) -> Module {
    let parsed = parse_module("test.ron", &fs::read(path).unwrap());
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    parsed.module.unwrap()
}

fn texts_of(path: &Path) -> Vec<ModuleText> {
    strings::module_texts(&load(path))
}

fn find<'a>(texts: &'a [ModuleText], id: &str) -> &'a ModuleText {
    texts.iter().find(|t| t.id == id).unwrap()
}

fn sv(text: &ModuleText) -> &str {
    text.text.sv.as_deref().unwrap()
}

/// A sheet with the header and these rows, as a spreadsheet would save it.
fn sheet(rows: &[[&str; 3]]) -> String {
    let mut sheet = String::from(csv::BOM);
    sheet.push_str(&csv::record(&["id", "sv", "en"]));
    for row in rows {
        sheet.push_str(&csv::record(row));
    }
    sheet
}

fn write_sheet(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("texts.csv");
    fs::write(&path, text).unwrap();
    path
}

fn run(dir: &Path, args: &[&Path]) -> (i32, String, String) {
    let args: Vec<&str> = args.iter().map(|a| a.to_str().unwrap()).collect();
    airedo(dir, &args)
}

fn import(dir: &Path, sheet: &Path, file: &Path) -> (i32, String, String) {
    run(
        dir,
        &[Path::new("strings"), Path::new("import"), sheet, file],
    )
}

/// The file's bytes with the text at `path.lang` written as `literal`.
fn with_literal(source: &str, text: &ModuleText, literal: &str) -> String {
    let span = SourceMap::build(source)
        .span(&format!("{}.en", text.path))
        .unwrap();
    format!("{}{literal}{}", &source[..span.start], &source[span.end..])
}

/// `airedo check FILE`: exit code and every problem printed.
fn check(dir: &Path, file: &Path) -> (i32, String) {
    let (code, stdout, _) = run(dir, &[Path::new("check"), file]);
    (code, stdout)
}

#[test]
fn an_unedited_round_trip_leaves_every_shipped_module_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    for original in shipped_modules() {
        let name = original.file_name().unwrap();
        let file = dir.path().join(name);
        let sheet = dir.path().join(name).with_extension("csv");
        fs::copy(&original, &file).unwrap();

        let (code, _, stderr) = run(
            dir.path(),
            &[
                Path::new("strings"),
                Path::new("export"),
                &file,
                Path::new("-o"),
                &sheet,
            ],
        );
        assert_eq!(code, 0, "{stderr}");
        let (code, stdout, stderr) = import(dir.path(), &sheet, &file);
        assert_eq!(code, 0, "{}: {stdout}{stderr}", file.display());
        assert!(stderr.contains(" 0 texts changed"), "{stderr}");
        assert!(stderr.contains(" 0 skipped"), "{stderr}");
        assert_eq!(
            fs::read(&file).unwrap(),
            fs::read(&original).unwrap(),
            "{}",
            file.display()
        );
    }
}

#[test]
fn the_core_round_trip_agrees_with_the_binary_for_every_module() {
    for original in shipped_modules() {
        let source = fs::read_to_string(&original).unwrap();
        let module = load(&original);
        let sheet = strings::export_csv(&module, Lang::En);
        let import = strings::import_csv("m.ron", &source, &sheet).unwrap();
        assert_eq!(import.text, source, "{}", original.display());
        assert_eq!(import.unchanged, strings::module_texts(&module).len());
        // Every text of the model has a row: a question's options and scale
        // labels included.
        assert!(sheet.contains("\r\nmodule.description,"));
        assert!(sheet.contains(".option.") || sheet.contains(".scale."));
    }
}

#[test]
fn export_prints_the_same_sheet_it_writes_and_refuses_sv_as_target() {
    let (dir, file) = copy_of("energy.ron");
    let out = dir.path().join("out.csv");
    let strings_export = [Path::new("strings"), Path::new("export"), &file];
    let (code, printed, _) = run(dir.path(), &strings_export);
    assert_eq!(code, 0);
    let mut to_file = strings_export.to_vec();
    to_file.extend([Path::new("-o"), &out]);
    assert_eq!(run(dir.path(), &to_file).0, 0);
    assert_eq!(printed, fs::read_to_string(&out).unwrap());
    assert!(printed.starts_with("\u{feff}id,sv,en\r\n"));

    let mut sv = strings_export.to_vec();
    sv.extend([Path::new("--lang"), Path::new("sv")]);
    let (code, _, stderr) = run(dir.path(), &sv);
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn changing_one_text_changes_only_its_literal() {
    let (dir, file) = copy_of("core.ron");
    let before = fs::read_to_string(&file).unwrap();
    let checked_before = check(dir.path(), &file);
    let texts = texts_of(&file);
    let text = texts
        .iter()
        .find(|t| t.id.ends_with(".help"))
        .expect("core has help texts");
    let new = "Plain words, \"quoted\" words";
    let csv_path = write_sheet(dir.path(), &sheet(&[[&text.id, sv(text), new]]));

    let (code, stdout, stderr) = import(dir.path(), &csv_path, &file);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stderr.contains(": 1 text changed, 0 unchanged, 0 skipped"),
        "{stderr}"
    );

    let expected = with_literal(&before, text, r#""Plain words, \"quoted\" words""#);
    assert_eq!(fs::read_to_string(&file).unwrap(), expected);
    assert_eq!(
        find(&texts_of(&file), &text.id).text.en.as_deref(),
        Some(new)
    );
    assert_eq!(check(dir.path(), &file), checked_before, "no new problems");
}

/// The shipped file with the `en` field of `text` cut out, as if the author
/// had not written it yet: `, en: "…"` on one line, or the whole `en:` line.
fn without_en(source: &str, text: &ModuleText) -> String {
    let map = SourceMap::build(source);
    let sv = map.span(&format!("{}.sv", text.path)).unwrap();
    let en = map.span(&format!("{}.en", text.path)).unwrap();
    let cut = if source[sv.end..en.start].contains('\n') {
        let line_start = source[..en.start].rfind('\n').unwrap() + 1;
        let line_end = en.end + source[en.end..].find('\n').unwrap() + 1;
        line_start..line_end
    } else {
        sv.end..en.end
    };
    format!("{}{}", &source[..cut.start], &source[cut.end..])
}

#[test]
fn adding_a_missing_translation_restores_the_record_exactly() {
    let (dir, file) = copy_of("health.ron");
    let original = fs::read_to_string(&file).unwrap();
    let texts = texts_of(&file);
    let map = SourceMap::build(&original);
    let is_one_line = |t: &&ModuleText| !original[map.span(&t.path).unwrap()].contains('\n');
    let one_line = texts.iter().find(is_one_line).expect("a one-line record");
    let multi_line = texts
        .iter()
        .find(|t| !is_one_line(t))
        .expect("a record over several lines");

    for text in [one_line, multi_line] {
        let cut = without_en(&original, text);
        fs::write(&file, &cut).unwrap();
        assert_eq!(find(&texts_of(&file), &text.id).text.en, None);
        let (_, warnings) = check(dir.path(), &file);
        assert!(warnings.contains("missing-translation"), "{warnings}");

        let en = text.text.en.as_deref().unwrap();
        let csv_path = write_sheet(dir.path(), &sheet(&[[&text.id, sv(text), en]]));
        let (code, stdout, stderr) = import(dir.path(), &csv_path, &file);
        assert_eq!(code, 0, "{stdout}{stderr}");
        assert_eq!(
            fs::read_to_string(&file).unwrap(),
            original,
            "{} is written back as the author wrote it",
            text.id
        );
    }
    assert_eq!(check(dir.path(), &file).0, 0);
}

#[test]
fn unknown_ids_and_changed_source_texts_are_reported_and_not_applied() {
    let (dir, file) = copy_of("mobility.ron");
    let before = fs::read_to_string(&file).unwrap();
    let texts = texts_of(&file);
    let stale = &texts[3];
    let good = &texts[4];
    let rows = [
        ["question.nobody.text", "Vem?", "Who?"],
        [&stale.id, "En äldre svensk text", "An older translation"],
        [&good.id, sv(good), "Two\nlines"],
        ["module.titel", "x", "y"],
    ];
    let csv_path = write_sheet(dir.path(), &sheet(&rows));

    let (code, stdout, stderr) = import(dir.path(), &csv_path, &file);
    assert_eq!(code, 1, "{stdout}{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(
        lines[0].ends_with(
            "texts.csv:2: `question.nobody.text` is not a text of this module; not applied"
        ),
        "{stdout}"
    );
    assert!(lines[1].contains("texts.csv:3: `"), "{stdout}");
    assert!(
        lines[1].contains("the Swedish text has changed"),
        "{stdout}"
    );
    // The good row's cell holds a line break, so the next row is on line 6.
    let near_miss = "texts.csv:6: `module.titel` is not a text of this module \
                     (did you mean `module.title`?)";
    assert!(lines[2].contains(near_miss), "{stdout}");
    assert!(
        stderr.contains("1 text changed, 0 unchanged, 3 skipped"),
        "{stderr}"
    );

    let expected = with_literal(&before, good, r#""Two\nlines""#);
    assert_eq!(fs::read_to_string(&file).unwrap(), expected);
}

#[test]
fn quotes_backslashes_commas_newlines_and_swedish_letters_survive() {
    let (dir, file) = copy_of("agrifood.ron");
    let texts = texts_of(&file);
    let tricky = [
        "He said \"hi\", then left.",
        r"C:\data\new \n is not a line break",
        "Two\nlines, and a\ttab",
        "Åsa äter ö-glass; ÅÄÖ åäö é",
        "Windows line\r\nbreak",
        "\"",
    ];
    let rows: Vec<[&str; 3]> = texts
        .iter()
        .zip(tricky)
        .map(|(text, en)| [text.id.as_str(), sv(text), en])
        .collect();
    let csv_path = write_sheet(dir.path(), &sheet(&rows));
    let (code, stdout, stderr) = import(dir.path(), &csv_path, &file);
    assert_eq!(code, 0, "{stdout}{stderr}");

    let after = texts_of(&file);
    for (text, en) in texts.iter().zip(tricky) {
        // A spreadsheet's CRLF inside a cell is a line break: stored as \n.
        let expected = en.replace("\r\n", "\n");
        assert_eq!(
            find(&after, &text.id).text.en.as_deref(),
            Some(expected.as_str())
        );
    }

    // Out again, the cells read back as they went in; and in again, nothing moves.
    let sheet_path = dir.path().join("again.csv");
    let export = [
        Path::new("strings"),
        Path::new("export"),
        &file,
        Path::new("-o"),
        &sheet_path,
    ];
    assert_eq!(run(dir.path(), &export).0, 0);
    let records = csv::parse(&fs::read_to_string(&sheet_path).unwrap()).unwrap();
    for (record, en) in records[1..].iter().zip(tricky) {
        assert_eq!(record.fields[2], en.replace("\r\n", "\n"));
    }
    let written = fs::read(&file).unwrap();
    assert_eq!(import(dir.path(), &sheet_path, &file).0, 0);
    assert_eq!(fs::read(&file).unwrap(), written);
}

#[test]
fn a_sheet_saved_with_lf_and_no_bom_imports_too() {
    let (dir, file) = copy_of("telecom.ron");
    let texts = texts_of(&file);
    let text = &texts[0];
    let lf = sheet(&[[&text.id, sv(text), "Telecom, \"new\""]])
        .trim_start_matches(csv::BOM)
        .replace("\r\n", "\n");
    let csv_path = write_sheet(dir.path(), &lf);
    let (code, stdout, stderr) = import(dir.path(), &csv_path, &file);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(
        find(&texts_of(&file), &text.id).text.en.as_deref(),
        Some("Telecom, \"new\"")
    );
}

#[test]
fn a_malformed_sheet_is_reported_at_its_line_and_column_and_nothing_is_written() {
    let (dir, file) = copy_of("climate.ron");
    let before = fs::read(&file).unwrap();
    let csv_path = write_sheet(
        dir.path(),
        "id,sv,en\r\nmodule.title,\"Klimat\"x,Climate\r\n",
    );
    let (code, stdout, stderr) = import(dir.path(), &csv_path, &file);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stdout.contains("texts.csv:2:22: text after the closing quote"),
        "{stdout}"
    );
    assert_eq!(fs::read(&file).unwrap(), before);

    let csv_path = write_sheet(dir.path(), "name,text\r\n");
    let (code, stdout, _) = import(dir.path(), &csv_path, &file);
    assert_eq!(code, 1);
    assert!(stdout.contains("texts.csv:1: "), "{stdout}");
    assert_eq!(fs::read(&file).unwrap(), before);
}

#[test]
fn a_dry_run_reports_but_writes_nothing() {
    let (dir, file) = copy_of("robotics.ron");
    let before = fs::read(&file).unwrap();
    let texts = texts_of(&file);
    let csv_path = write_sheet(
        dir.path(),
        &sheet(&[[&texts[0].id, sv(&texts[0]), "Robots!"]]),
    );
    let (code, _, stderr) = run(
        dir.path(),
        &[
            Path::new("strings"),
            Path::new("import"),
            &csv_path,
            &file,
            Path::new("--dry-run"),
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("1 text changed") && stderr.contains("dry run"),
        "{stderr}"
    );
    assert_eq!(fs::read(&file).unwrap(), before);
}
