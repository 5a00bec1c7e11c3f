//! The entry points that read files from other people, each wrapped with
//! the properties its output must have, for the fuzz targets in `fuzz/` and
//! the property tests in `tests/safety.rs` to share.
//!
//! A fuzzer finds inputs that panic, hang or exhaust memory; the assertions
//! here also make it find wrong answers: a problem pointing outside the
//! file, or an assessment that does not survive being saved and read again.
//! Every function panics on a broken property, which is what both harnesses
//! report.

use std::sync::OnceLock;

use crate::assessment::{parse_assessment, read_assessment, to_ron};
use crate::catalogue::Catalogue;
use crate::evaluation::evaluate;
use crate::questionnaire::load::parse_module;
use crate::questionnaire::validate::{Context, Source, validate_module};
use crate::questionnaire::{ModuleKind, Problem};

/// The shipped catalogue, parsed once per process.
pub fn shipped_catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(Catalogue::builtin)
}

/// Reads `bytes` as a user's questionnaire file and validates the module
/// against the shipped catalogue, as the app does with a user folder.
///
/// Properties: no panic; every problem names the file and points at a line
/// and column inside it (or just past its end); a module with no error has
/// at least one question and passes validation again unchanged.
pub fn questionnaire(bytes: &[u8]) {
    const FILE: &str = "fuzz.ron";
    let parsed = parse_module(FILE, bytes);
    check_positions(bytes, &parsed.problems);
    let Some(module) = parsed.module else {
        return;
    };
    let catalogue = shipped_catalogue();
    let core = catalogue.core();
    let context = Context {
        core: core.filter(|_| module.kind != ModuleKind::Core),
        accepted: catalogue
            .entries
            .iter()
            .map(|e| &e.module)
            .filter(|m| m.id != module.id)
            .collect(),
        sectors: catalogue.sectors().map(|m| m.id.as_str()).collect(),
    };
    let source = Source {
        module: &module,
        file: FILE,
        source_map: &parsed.source_map,
        shipped: false,
    };
    let problems = validate_module(&source, &context);
    check_positions(bytes, &problems);
    for problem in &problems {
        // Rendering is what the user sees; it must not panic either.
        let _ = problem.to_string();
    }
}

/// Reads `bytes` as an assessment file against the shipped catalogue, as the
/// app and `airedo score` do, then scores it.
///
/// Properties: no panic; an assessment that reads is scored within 0–100,
/// and saving it gives a file that reads back to the same assessment.
pub fn assessment(bytes: &[u8]) {
    let catalogue = shipped_catalogue();
    let Ok(assessment) = read_assessment("fuzz.ron", bytes, catalogue) else {
        return;
    };
    if let Some(evaluation) = evaluate(catalogue, &assessment) {
        let results = &evaluation.results;
        for score in results.dimensions.iter().filter_map(|d| d.score) {
            assert!((0.0..=100.0).contains(&score), "dimension score {score}");
        }
        if let Some(overall) = results.overall {
            assert!((0.0..=100.0).contains(&overall), "overall score {overall}");
        }
    }
    let saved = to_ron(&assessment);
    match parse_assessment("saved.ron", saved.as_bytes()) {
        Ok(again) => assert_eq!(again, assessment, "a saved assessment reads back unchanged"),
        Err(error) => panic!("a saved assessment does not read back: {error}\n{saved}"),
    }
}

/// Every problem must point inside `bytes`: line 1 up to one past the last
/// line, column 1 up to one past the end of that line.
fn check_positions(bytes: &[u8], problems: &[Problem]) {
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.split('\n').collect();
    for problem in problems {
        assert_eq!(problem.file, "fuzz.ron", "{problem}");
        assert!(problem.line >= 1 && problem.col >= 1, "{problem}");
        assert!(
            problem.line <= lines.len(),
            "{problem}: {} lines",
            lines.len()
        );
        let line = lines[problem.line - 1];
        assert!(
            problem.col <= line.chars().count() + 1,
            "{problem}: the line has {} characters",
            line.chars().count()
        );
    }
}
