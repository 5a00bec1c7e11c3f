//! The questionnaire format, the shipped catalogue, and `airedo check`.
//!
//! Every problem code has a fixture under `tests/fixtures/` (or, where a file
//! cannot show it, a test here that makes one). A fixture states what it must
//! produce in comments at its top:
//!
//! ```text
//! // expect: unknown-field 28 unknown field `stratgy_ref` in `Question`
//! ```
//!
//! i.e. the code, the line, and a part of the message. The test checks that
//! each expected problem is reported exactly there, and that nothing else
//! is reported as an error.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use airedo::catalogue::{self, Catalogue, Origin, SourceFile};
use airedo::questionnaire::load::{MAX_FILE_BYTES, parse_module};
use airedo::questionnaire::validate::{Context, Source, validate_module};
use airedo::questionnaire::{ModuleKind, Problem, ProblemCode, Severity};
use common::airedo;
use proptest::prelude::*;

mod common;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
const SHIPPED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/questionnaires");

#[derive(Debug)]
struct Expectation {
    file: String,
    code: String,
    line: usize,
    message: String,
}

fn expectations(path: &Path) -> Vec<Expectation> {
    let bytes = fs::read(path).unwrap();
    String::from_utf8_lossy(&bytes)
        .lines()
        .filter_map(|line| line.strip_prefix("// expect: "))
        .map(|rest| {
            let mut parts = rest.splitn(3, ' ');
            Expectation {
                file: path.display().to_string(),
                code: parts.next().unwrap().to_string(),
                line: parts.next().unwrap().parse().unwrap(),
                message: parts.next().unwrap_or_default().to_string(),
            }
        })
        .collect()
}

fn fixture_paths() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = fs::read_dir(FIXTURES)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "ron"))
        .collect();
    paths.sort();
    paths
}

fn files_in(path: &Path) -> Vec<PathBuf> {
    if path.is_dir() {
        let mut files: Vec<PathBuf> = fs::read_dir(path)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        files
    } else {
        vec![path.to_path_buf()]
    }
}

/// Problems reported for a fixture's own files.
fn check_fixture(path: &Path) -> Vec<Problem> {
    let catalogue = catalogue::check_paths(&[path.to_path_buf()], &[], false);
    let prefix = path.display().to_string();
    catalogue
        .problems
        .into_iter()
        .filter(|p| p.file.starts_with(&prefix))
        .collect()
}

#[test]
fn every_fixture_reports_exactly_its_expected_problems() {
    let mut checked = 0;
    for fixture in fixture_paths() {
        let expected: Vec<Expectation> = files_in(&fixture)
            .iter()
            .flat_map(|f| expectations(f))
            .collect();
        assert!(
            !expected.is_empty(),
            "{} states no `// expect:` line",
            fixture.display()
        );
        let problems = check_fixture(&fixture);
        for e in &expected {
            assert!(
                problems.iter().any(|p| p.file == e.file
                    && p.code.as_str() == e.code
                    && p.line == e.line
                    && p.message.contains(&e.message)),
                "{}: expected `{}` on line {} with message containing {:?}; got:\n{}",
                e.file,
                e.code,
                e.line,
                e.message,
                problems
                    .iter()
                    .map(|p| format!("  {p}\n"))
                    .collect::<String>()
            );
        }
        for p in problems.iter().filter(|p| p.is_error()) {
            assert!(
                expected
                    .iter()
                    .any(|e| p.file == e.file && p.code.as_str() == e.code && p.line == e.line),
                "{}: unexpected error {p}",
                fixture.display()
            );
        }
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} fixtures found");
}

/// Codes no single file on disk can show; each has its own test below.
const CODES_TESTED_IN_CODE: &[ProblemCode] = &[
    ProblemCode::Unreadable,
    ProblemCode::TooLarge,
    ProblemCode::NotUtf8,
    ProblemCode::TooMany,
    ProblemCode::Shadowed,
];

#[test]
fn every_problem_code_has_a_fixture_or_a_test() {
    let mut covered: HashSet<String> = fixture_paths()
        .iter()
        .flat_map(|f| files_in(f))
        .flat_map(|f| expectations(&f))
        .map(|e| e.code)
        .collect();
    covered.extend(CODES_TESTED_IN_CODE.iter().map(|c| c.as_str().to_string()));
    let missing: Vec<&str> = ProblemCode::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !covered.contains(*c))
        .collect();
    assert!(
        missing.is_empty(),
        "problem codes with no fixture: {missing:?}"
    );
}

#[test]
fn a_missing_file_is_reported_as_unreadable() {
    let catalogue = catalogue::check_paths(&[PathBuf::from("no/such/file.ron")], &[], false);
    let problem = catalogue
        .problems
        .iter()
        .find(|p| p.file == "no/such/file.ron")
        .unwrap();
    assert_eq!(problem.code, ProblemCode::Unreadable);
    assert_eq!((problem.line, problem.col), (1, 1));
    assert!(problem.message.starts_with("cannot read:"), "{problem}");
    // The shipped modules still load.
    assert!(catalogue.core().is_some());
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_reported_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("again")).unwrap();
    let catalogue = Catalogue::load(&[dir.path().to_path_buf()]);
    let unreadable: Vec<&Problem> = catalogue
        .problems
        .iter()
        .filter(|p| p.code == ProblemCode::Unreadable)
        .collect();
    assert_eq!(unreadable.len(), 2, "{unreadable:?}");
    assert!(catalogue.core().is_some());
}

#[test]
fn an_oversized_file_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    fs::write(&path, vec![b' '; MAX_FILE_BYTES + 1]).unwrap();
    let catalogue = catalogue::check_paths(std::slice::from_ref(&path), &[], false);
    let problem = catalogue
        .problems
        .iter()
        .find(|p| p.file == path.display().to_string())
        .unwrap();
    assert_eq!(problem.code, ProblemCode::TooLarge);
    assert!(
        problem
            .message
            .contains(&format!("at most {MAX_FILE_BYTES} bytes"))
    );
}

#[test]
fn invalid_utf8_is_located() {
    let parsed = parse_module("bad.ron", b"Module(\n  format: 1,\n  id: \"a\xffb\",\n)");
    let problem = &parsed.problems[0];
    assert_eq!(problem.code, ProblemCode::NotUtf8);
    assert_eq!((problem.line, problem.col), (3, 9));
    assert!(parsed.module.is_none());
}

fn fixture_text(name: &str) -> String {
    let text = fs::read_to_string(Path::new(FIXTURES).join(name)).unwrap();
    text.lines()
        .filter(|l| !l.starts_with("// expect:"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn too_many_questions_are_refused() {
    let base = fixture_text("missing-help.ron");
    let question = "(id: \"fixture.q{i}\", text: (sv: \"F\", en: \"Q\"), kind: FreeText, strategy_ref: \"2.3\"),\n";
    let many: String = (0..2_001)
        .map(|i| question.replace("{i}", &i.to_string()))
        .collect();
    let text = base.replacen("questions: [\n", &format!("questions: [\n{many}"), 1);
    let catalogue = Catalogue::from_sources(vec![source("many.ron", &text, Origin::Checked)]);
    let problem = catalogue
        .problems
        .iter()
        .find(|p| p.file == "many.ron")
        .unwrap();
    assert_eq!(problem.code, ProblemCode::TooMany);
    assert!(
        problem.message.contains("2003 questions; at most 2000"),
        "{problem}"
    );
}

fn source(name: &str, text: &str, origin: Origin) -> SourceFile {
    SourceFile {
        name: name.to_string(),
        bytes: text.as_bytes().to_vec(),
        origin,
        shipped: false,
    }
}

// ---------------------------------------------------------------------------
// The shipped catalogue.

const SECTORS: [(&str, &str); 11] = [
    ("health", "2.1"),
    ("robotics", "2.2"),
    ("manufacturing", "2.3"),
    ("defence", "2.4"),
    ("mobility", "2.5"),
    ("telecom", "2.6"),
    ("energy", "2.7"),
    ("climate", "2.8"),
    ("agrifood", "2.9"),
    ("culture", "2.10"),
    ("public_sector", "2.11"),
];

#[test]
fn the_shipped_catalogue_loads_without_a_single_problem() {
    let catalogue = Catalogue::builtin();
    let problems: Vec<String> = catalogue.problems.iter().map(ToString::to_string).collect();
    assert!(
        problems.is_empty(),
        "shipped problems:\n{}",
        problems.join("\n")
    );
    assert_eq!(
        catalogue.entries.len(),
        12,
        "the core module and eleven sectors"
    );
}

#[test]
fn the_shipped_catalogue_covers_every_sector_and_both_organisation_families() {
    let catalogue = Catalogue::builtin();
    let core = catalogue.core().expect("a core module");
    assert_eq!(core.dimensions.len(), 6);
    assert!(
        core.scored_question_count() >= 30,
        "core has {} scored questions",
        core.scored_question_count()
    );
    for dimension in &core.dimensions {
        let in_dimension = core
            .questions()
            .filter(|q| q.dimension.as_deref() == Some(&dimension.id))
            .count();
        assert!(
            in_dimension >= 4,
            "core has only {in_dimension} questions on {}",
            dimension.id
        );
    }
    for (id, section) in SECTORS {
        let module = catalogue
            .module(id)
            .unwrap_or_else(|| panic!("no sector module `{id}`"));
        assert_eq!(module.kind, ModuleKind::Sector);
        assert_eq!(module.strategy_ref, section, "{id} cites the wrong section");
        assert!(
            module.scored_question_count() >= 8,
            "{id} has {} scored questions",
            module.scored_question_count()
        );
        assert!(
            module.recommendations.len() >= 3,
            "{id} has {} recommendations",
            module.recommendations.len()
        );
    }
    let recommendations: usize = catalogue
        .entries
        .iter()
        .map(|e| e.module.recommendations.len())
        .sum();
    assert!(
        recommendations >= 60,
        "only {recommendations} recommendations"
    );
    // Companies and every kind of public body find modules meant for them.
    use airedo::questionnaire::OrgType;
    for org in OrgType::ALL {
        assert!(
            core.applies_to.contains(&org),
            "core does not apply to {org:?}"
        );
    }
    let public_sector = catalogue.module("public_sector").unwrap();
    assert!(public_sector.applies_to.iter().all(|t| t.is_public()));
    assert!(
        catalogue
            .sectors()
            .filter(|m| m.applies_to.contains(&OrgType::Company))
            .count()
            >= 9
    );
}

#[test]
fn the_shipped_files_on_disk_are_the_embedded_ones() {
    // `airedo check questionnaires` and the binary must agree.
    let on_disk = catalogue::check_paths(&[PathBuf::from(SHIPPED)], &[], true);
    let errors: Vec<String> = on_disk.errors().map(ToString::to_string).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    for entry in &Catalogue::builtin().entries {
        let file = Path::new(SHIPPED).join(entry.file.trim_start_matches("builtin:"));
        let text = fs::read_to_string(&file).unwrap();
        let parsed = parse_module(&entry.file, text.as_bytes());
        assert_eq!(
            parsed.module.as_ref(),
            Some(&entry.module),
            "{} differs from the embedded copy; rebuild",
            file.display()
        );
    }
}

// ---------------------------------------------------------------------------
// User modules.

fn user_module(id: &str, version: u32) -> String {
    fixture_text("missing-help.ron")
        .replace("\"fixture", &format!("\"{id}"))
        .replace("version: 1,", &format!("version: {version},"))
        .replacen(
            "kind: Scale(",
            "help: (sv: \"Från inte alls till helt.\", en: \"From not at all to fully.\"),\n                    kind: Scale(",
            1,
        )
}

#[test]
fn a_user_module_adds_a_sector_and_overrides_a_shipped_one_by_version() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("tourism.ron"), user_module("tourism", 1)).unwrap();
    let energy = user_module("energy", 7);
    fs::write(dir.path().join("energy.ron"), &energy).unwrap();
    let catalogue = Catalogue::load(&[dir.path().to_path_buf()]);
    let problems: Vec<String> = catalogue.problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    let tourism = catalogue
        .entries
        .iter()
        .find(|e| e.module.id == "tourism")
        .expect("the new sector");
    assert_eq!(tourism.origin, Origin::User);
    let energy = catalogue
        .entries
        .iter()
        .find(|e| e.module.id == "energy")
        .unwrap();
    assert_eq!((energy.module.version, energy.origin), (7, Origin::User));
    assert_eq!(catalogue.entries.len(), 13);
}

#[test]
fn a_user_module_without_a_higher_version_does_not_replace_the_shipped_one() {
    let dir = tempfile::tempdir().unwrap();
    let shipped_version = Catalogue::builtin().module("energy").unwrap().version;
    let path = dir.path().join("energy.ron");
    fs::write(&path, user_module("energy", shipped_version)).unwrap();
    let catalogue = Catalogue::load(&[dir.path().to_path_buf()]);
    let energy = catalogue
        .entries
        .iter()
        .find(|e| e.module.id == "energy")
        .unwrap();
    assert_eq!(energy.origin, Origin::Builtin);
    let problem = catalogue
        .problems
        .iter()
        .find(|p| p.code == ProblemCode::Shadowed)
        .unwrap();
    assert_eq!(problem.severity, Severity::Warning);
    assert_eq!(problem.file, path.display().to_string());
    assert!(
        problem
            .message
            .contains(&format!("set `version: {}`", shipped_version + 1)),
        "{problem}"
    );
}

#[test]
fn a_broken_user_file_is_reported_and_everything_else_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("tourism.ron"), user_module("tourism", 1)).unwrap();
    // A broken override of the core: the shipped core must stay in force.
    fs::write(
        dir.path().join("core.ron"),
        "Module(format: 1, id: \"core\", version: 99,",
    )
    .unwrap();
    fs::write(dir.path().join("garbage.ron"), [0u8, 159, 146, 150]).unwrap();
    let catalogue = Catalogue::load(&[dir.path().to_path_buf()]);
    assert_eq!(
        catalogue.failed_files().len(),
        2,
        "{:?}",
        catalogue.problems
    );
    assert_eq!(
        catalogue.core().unwrap().version,
        Catalogue::builtin().core().unwrap().version
    );
    assert!(catalogue.module("tourism").is_some());
    assert_eq!(catalogue.entries.len(), 13);
}

// ---------------------------------------------------------------------------
// The command line, run as a user would.

#[test]
fn check_prints_file_line_col_and_exits_1_on_errors() {
    let data = tempfile::tempdir().unwrap();
    let (code, out, err) = airedo(data.path(), &["check", "tests/fixtures/unknown-field.ron"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("tests/fixtures/unknown-field.ron:28:21: error[unknown-field]: unknown field `stratgy_ref` in `Question` (did you mean `strategy_ref`?)"), "{out}");
    assert!(
        out.contains("tests/fixtures/unknown-field.ron:41:21: error[unknown-field]"),
        "{out}"
    );
    assert!(
        err.contains("checked 1 file: 2 errors, 0 warnings; 1 file not loaded"),
        "{err}"
    );
}

#[test]
fn check_passes_warnings_and_the_shipped_folder() {
    let data = tempfile::tempdir().unwrap();
    let (code, out, _) = airedo(data.path(), &["check", "tests/fixtures/missing-help.ron"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("warning[missing-help]"));
    let (code, out, err) = airedo(data.path(), &["check", "--shipped", "questionnaires"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("0 errors, 0 warnings"), "{err}");
}

#[test]
fn help_lists_every_command() {
    let data = tempfile::tempdir().unwrap();
    let (code, out, _) = airedo(data.path(), &["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("Usage: airedo"));
    for command in [
        "check",
        "list",
        "new-sector",
        "score",
        "compare",
        "report",
        "preview",
        "strings",
    ] {
        assert!(out.contains(command), "{command} missing from --help");
    }
}

/// `airedo … | head`: a reader that stops early ends the command quietly,
/// with no panic and no backtrace. The child gets a pipe whose reading end
/// is already closed, so its first write fails, every time.
#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    let data = tempfile::tempdir().unwrap();
    for args in [
        &["list"][..],
        &["check", "--coverage", "questionnaires/robotics.ron"],
        &[
            "strings",
            "export",
            "questionnaires/core.ron",
            "--lang",
            "en",
        ],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_airedo"))
            .args(args)
            .env(airedo::paths::DATA_DIR_ENV, data.path())
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(writer)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&output.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(!err.contains("error:"), "{args:?}: {err}");
        assert_eq!(output.status.code(), Some(0), "{args:?}: {err}");
    }
}

#[test]
fn new_sector_writes_a_skeleton_that_passes_check_and_loads() {
    let data = tempfile::tempdir().unwrap();
    let (code, out, err) = airedo(data.path(), &["new-sector", "tourism"]);
    assert_eq!(code, 0, "{out}{err}");
    let path = data.path().join("questionnaires").join("tourism.ron");
    assert!(out.contains(&path.display().to_string()), "{out}");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("id: \"tourism\"") && text.contains("\"tourism.data.shared\""));
    assert!(!text.contains("\"my-sector"));

    let (code, out, err) = airedo(data.path(), &["check", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("0 errors, 0 warnings"), "{err}");
    // It is in the user folder, so it is in force.
    let (code, out, _) = airedo(data.path(), &["list"]);
    assert_eq!(code, 0);
    let row = out
        .lines()
        .find(|l| l.starts_with("tourism "))
        .expect("tourism is listed");
    assert!(row.contains("sector") && row.contains("(user)"), "{row}");

    // It refuses to overwrite, to use a shipped id, or a bad id.
    assert_eq!(airedo(data.path(), &["new-sector", "tourism"]).0, 2);
    assert_eq!(airedo(data.path(), &["new-sector", "energy"]).0, 2);
    assert_eq!(airedo(data.path(), &["new-sector", "../evil"]).0, 2);
    assert_eq!(
        airedo(data.path(), &["new-sector", "tourism", "--force"]).0,
        0
    );
}

#[test]
fn list_shows_every_module_with_its_counts() {
    let data = tempfile::tempdir().unwrap();
    let (code, out, err) = airedo(data.path(), &["list"]);
    assert_eq!(code, 0, "{err}");
    let header = out.lines().next().unwrap();
    for column in [
        "ID",
        "VERSION",
        "KIND",
        "SECTOR",
        "QUESTIONS",
        "RECS",
        "LANGS",
        "SOURCE",
    ] {
        assert!(header.contains(column), "{header}");
    }
    let catalogue = Catalogue::builtin();
    for entry in &catalogue.entries {
        let m = &entry.module;
        let row = out
            .lines()
            .find(|l| l.split_whitespace().next() == Some(m.id.as_str()))
            .unwrap();
        let cells: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(cells[1], m.version.to_string());
        assert_eq!(cells[4], m.questions().count().to_string(), "{row}");
        assert_eq!(cells[5], m.recommendations.len().to_string(), "{row}");
        assert_eq!(cells[6], "sv,en");
        assert!(row.contains(&entry.file));
    }
}

// ---------------------------------------------------------------------------
// No input makes the loader panic.

fn shipped_core() -> &'static str {
    include_str!("../questionnaires/core.ron")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let parsed = parse_module("fuzz.ron", &bytes);
        prop_assert!(parsed.module.is_some() || !parsed.problems.is_empty());
        for p in &parsed.problems {
            prop_assert!(p.line >= 1 && p.col >= 1);
        }
    }

    #[test]
    fn mangled_real_modules_never_panic(
        cut in 0usize..200_000,
        edits in proptest::collection::vec((0usize..200_000, any::<u8>()), 0..6),
    ) {
        let bytes = mangle(shipped_core(), cut, &edits);
        let parsed = parse_module("mangled.ron", &bytes);
        if let Some(module) = &parsed.module {
            // Whatever parses is validated in full, against the shipped catalogue.
            let builtin = shipped_catalogue();
            let source = Source { module, file: "mangled.ron", source_map: &parsed.source_map, shipped: true };
            let context = Context {
                core: if module.kind == ModuleKind::Core { None } else { builtin.core() },
                accepted: Vec::new(),
                sectors: builtin.sectors().map(|m| m.id.as_str()).collect(),
            };
            for problem in validate_module(&source, &context) {
                prop_assert!(problem.line >= 1 && problem.col >= 1);
            }
        } else {
            prop_assert!(!parsed.problems.is_empty());
        }
    }
}

fn mangle(text: &str, cut: usize, edits: &[(usize, u8)]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for (at, byte) in edits {
        let at = at % bytes.len();
        bytes[at] = *byte;
    }
    bytes.truncate(cut.max(1).min(bytes.len()));
    bytes
}

fn shipped_catalogue() -> &'static Catalogue {
    static CATALOGUE: std::sync::OnceLock<Catalogue> = std::sync::OnceLock::new();
    CATALOGUE.get_or_init(Catalogue::builtin)
}

proptest! {
    // Each case loads the whole catalogue, so fewer of them.
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn a_mangled_user_copy_of_the_core_never_takes_the_catalogue_down(
        cut in 0usize..200_000,
        edits in proptest::collection::vec((0usize..200_000, any::<u8>()), 0..6),
    ) {
        // As a user file of the same version: checked in full, but the shipped core stays.
        let mangled = SourceFile { name: "mangled.ron".into(), bytes: mangle(shipped_core(), cut, &edits), origin: Origin::User, shipped: false };
        let mut sources = Catalogue::builtin_sources();
        sources.push(mangled);
        let catalogue = Catalogue::from_sources(sources);
        prop_assert!(catalogue.core().is_some());
        prop_assert_eq!(catalogue.sectors().count(), 11);
    }
}

// ---------------------------------------------------------------------------
// The format documentation stays true.

const FORMAT_DOC: &str = include_str!("../docs/questionnaire-format.md");

#[test]
fn the_documented_example_passes_check_without_a_warning() {
    let example = FORMAT_DOC
        .split("```ron\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("docs/questionnaire-format.md has a ```ron example");
    let catalogue = Catalogue::from_sources({
        let mut sources = Catalogue::builtin_sources();
        sources.push(source("example.ron", example, Origin::Checked));
        sources
    });
    let problems: Vec<String> = catalogue.problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let tourism = catalogue.module("tourism").expect("the example loads");
    // It shows every question kind.
    let kinds: HashSet<&str> = tourism.questions().map(|q| q.kind.name()).collect();
    assert_eq!(kinds.len(), 6, "{kinds:?}");
}

#[test]
fn every_problem_code_is_documented_with_its_severity() {
    for code in ProblemCode::ALL {
        let row = format!("| `{}` | {} |", code.as_str(), code.default_severity());
        assert!(
            FORMAT_DOC.contains(&row),
            "docs/questionnaire-format.md lacks the row {row}"
        );
    }
}
