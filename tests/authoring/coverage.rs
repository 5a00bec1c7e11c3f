//! `airedo check --coverage`: the `Coverage` values of a small module worked
//! out by hand, the command's output, and the shipped catalogue's coverage.

use std::fs;
use std::path::PathBuf;

use airedo::authoring::coverage::{Citation, Coverage, DimensionCoverage, MissingText};
use airedo::catalogue::{self, Catalogue, Origin, SourceFile};
use airedo::questionnaire::source_map::Position;
use airedo::questionnaire::validate::TriggerReach;
use airedo::questionnaire::{Lang, ModuleKind};

use crate::common::airedo;

/// Relative to the source tree, as the command prints it.
const FIXTURE: &str = "tests/fixtures-authoring/coverage-sector.ron";

fn source_file(path: &str) -> SourceFile {
    let full = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path);
    SourceFile {
        name: path.to_string(),
        bytes: fs::read(full).unwrap(),
        origin: Origin::Checked,
        shipped: false,
    }
}

/// The fixture measured as `check --coverage` measures it: against the
/// shipped modules plus the fixture itself.
fn fixture_coverage() -> Coverage {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    let catalogue = catalogue::check_paths(&[path], &[], false);
    let mut measured = Coverage::of_files(&[source_file(FIXTURE)], &catalogue);
    assert_eq!(measured.len(), 1);
    measured.remove(0).expect("the fixture parses")
}

/// The weight the shipped modules put into a dimension: every scored
/// question's weight, added up (the fixture adds its own to this).
fn shipped_weight(dimension: &str) -> f64 {
    Catalogue::builtin()
        .entries
        .iter()
        .flat_map(|e| e.module.questions())
        .filter(|q| q.kind.is_scored() && q.dimension.as_deref() == Some(dimension))
        .map(|q| q.weight)
        .sum()
}

fn assert_close(actual: f64, expected: f64, what: &str) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "{what}: {actual} is not {expected}"
    );
}

/// Checks one row: counts exactly, figures to floating-point precision.
fn assert_row(
    row: &DimensionCoverage,
    (questions, conditional): (usize, usize),
    weight: f64,
    best_weighted_share: f64,
    best_score: Option<f64>,
) {
    let id = &row.id;
    assert_eq!(
        (row.questions, row.conditional),
        (questions, conditional),
        "{id}"
    );
    assert_close(row.weight, weight, &format!("{id} weight"));
    assert_close(
        row.best_weighted_share,
        best_weighted_share,
        &format!("{id} best"),
    );
    match (row.best_score(), best_score) {
        (Some(a), Some(e)) => assert_close(a, e, &format!("{id} best score")),
        (a, e) => assert_eq!(a, e, "{id} best score"),
    }
    let catalogue = shipped_weight(id) + weight;
    assert_close(row.catalogue_weight, catalogue, &format!("{id} catalogue"));
    assert_close(
        row.max_points(),
        100.0 * best_weighted_share / catalogue,
        &format!("{id} max points"),
    );
}

#[test]
fn coverage_of_the_fixture_matches_the_hand_computation() {
    let coverage = fixture_coverage();
    assert_eq!(coverage.module, "coverage_demo");
    assert_eq!((coverage.version, coverage.kind), (1, ModuleKind::Sector));
    assert_eq!(coverage.file, FIXTURE);
    assert_eq!(coverage.languages, [Lang::Sv, Lang::En]);

    // An answer earns (its points ÷ 4) × the question's weight; the best
    // answer's points are the highest the question offers (docs/scoring.md §1).
    let ids: Vec<&str> = coverage.dimensions.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "strategy",
            "data",
            "skills",
            "use_cases",
            "trust",
            "ecosystem"
        ]
    );

    // strategy: coverage_demo.plan, single choice 0 / 2 / 3, weight 2.
    //   best 3 → 3 ÷ 4 × 2 = 1.5; best score = 100 × 1.5 ÷ 2 = 75.0.
    let strategy = coverage.dimension("strategy").unwrap();
    assert_row(strategy, (1, 0), 2.0, 1.5, Some(75.0));
    assert_eq!(
        strategy.name.as_ref().unwrap().get(Lang::En),
        "Strategy and leadership"
    );

    // data: coverage_demo.manual_copying, YesNo(yes: 0, no: 4), weight 0.5:
    //   "no" is the ready answer → 4 ÷ 4 × 0.5 = 0.5;
    //   coverage_demo.integration, single choice 0 / 1 / 2, weight 1, in a
    //   section shown only to medium and larger firms (conditional):
    //   2 ÷ 4 × 1 = 0.5.
    //   weight 0.5 + 1 = 1.5; best 0.5 + 0.5 = 1.0; score 100 × 1.0 ÷ 1.5 = 66.67.
    let data = coverage.dimension("data").unwrap();
    assert_row(data, (2, 1), 1.5, 1.0, Some(100.0 / 1.5));

    // use_cases: coverage_demo.tools, multiple choice 1 + 1 + 1 (+ "none" 0)
    //   = 3, capped at 2, weight 1.5 → 2 ÷ 4 × 1.5 = 0.75;
    //   coverage_demo.vision_pilot, scale 0–4, weight 1, shown only when
    //   tools includes vision (conditional): 4 ÷ 4 × 1 = 1.0.
    //   weight 2.5; best 1.75; score 100 × 1.75 ÷ 2.5 = 70.0.
    let use_cases = coverage.dimension("use_cases").unwrap();
    assert_row(use_cases, (2, 1), 2.5, 1.75, Some(70.0));

    // The free-text coverage_demo.notes is never scored; nothing else is asked.
    for empty in ["skills", "trust", "ecosystem"] {
        assert_row(coverage.dimension(empty).unwrap(), (0, 0), 0.0, 0.0, None);
    }

    assert!(coverage.never_shown.is_empty());
    let reach: Vec<(&str, &TriggerReach)> = coverage
        .recommendations
        .iter()
        .map(|r| (r.id.as_str(), &r.reach))
        .collect();
    assert_eq!(
        reach,
        [
            ("coverage_demo.adopt_plan", &TriggerReach::Reachable),
            (
                "coverage_demo.municipal_copying",
                &TriggerReach::Unreachable {
                    reason: "no set of answers for the organisation types in applies_to makes `when` true".into()
                }
            ),
        ]
    );

    assert_eq!(
        coverage.citations,
        [
            Citation {
                section: "2.3".into(),
                cited_by: vec![
                    "module".into(),
                    "question.coverage_demo.plan".into(),
                    "question.coverage_demo.manual_copying".into(),
                    "question.coverage_demo.notes".into(),
                    "question.coverage_demo.integration".into(),
                    "recommendation.coverage_demo.adopt_plan".into(),
                ],
            },
            Citation {
                section: "3.3".into(),
                cited_by: vec![
                    "question.coverage_demo.tools".into(),
                    "question.coverage_demo.vision_pilot".into(),
                    "recommendation.coverage_demo.municipal_copying".into(),
                ],
            },
        ]
    );
    assert_eq!(
        coverage.citations[1].title(Lang::En),
        Some("Supporting AI as a factor of production")
    );

    // Line 24 of the fixture: `help: (sv: "…"),` with the value at column 27.
    assert_eq!(
        coverage.missing_texts,
        [MissingText {
            id: "question.coverage_demo.plan.help".into(),
            position: Position { line: 24, col: 27 },
            missing: vec![Lang::En],
        }]
    );
}

#[test]
fn check_coverage_prints_the_figures_then_the_problems() {
    let data = tempfile::tempdir().unwrap();
    let (code, out, err) = airedo(data.path(), &["check", "--coverage", FIXTURE]);
    // The same problems and exit code as `airedo check`.
    let (check_code, check_out, check_err) = airedo(data.path(), &["check", FIXTURE]);
    assert_eq!((code, &err), (check_code, &check_err));
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.ends_with(&format!("\n{check_out}")), "{out}");
    assert_eq!(
        err,
        "checked 1 file: 2 errors, 0 warnings; 1 file not loaded\n"
    );

    let lines: Vec<&str> = out.lines().collect();
    for expected in [
        "Module coverage_demo (version 1, sector): tests/fixtures-authoring/coverage-sector.ron",
        "  Questions and the highest score per dimension",
        "  Recommendations: 1 of 2 can be triggered",
        "    reachable    coverage_demo.adopt_plan         strategy",
        "    UNREACHABLE  coverage_demo.municipal_copying  data      no set of answers for the organisation types in applies_to makes `when` true",
        "  Strategy sections cited (COM(2025) 723)",
        "    2.3  Manufacturing, engineering and construction  module, 4 questions, 1 recommendation",
        "    3.3  Supporting AI as a factor of production      2 questions, 1 recommendation",
        "  Texts missing a language (the module declares sv, en; the app speaks sv, en): 1",
        "    question.coverage_demo.plan.help  en  tests/fixtures-authoring/coverage-sector.ron:24:27",
    ] {
        assert!(
            lines.contains(&expected),
            "missing line {expected:?} in\n{out}"
        );
    }

    // The dimension table: the figures of the hand computation, and aligned.
    let table: Vec<&str> = lines
        .iter()
        .skip_while(|l| !l.starts_with("    dimension "))
        .take(7)
        .copied()
        .collect();
    let row = |id: &str| -> Vec<&str> {
        let line = table
            .iter()
            .find(|l| l.split_whitespace().next() == Some(id))
            .unwrap_or_else(|| panic!("no row for {id} in\n{out}"));
        line.split_whitespace().collect()
    };
    let catalogue = |id: &str, weight: f64| format!("{:.2}", shipped_weight(id) + weight);
    let points = |id: &str, weight: f64, best: f64| {
        format!("{:.1}", 100.0 * best / (shipped_weight(id) + weight))
    };
    let strategy = [
        "strategy".to_string(),
        "1".into(),
        "0".into(),
        "2.00".into(),
        catalogue("strategy", 2.0),
        "75.0".into(),
        points("strategy", 2.0, 1.5),
    ];
    assert_eq!(row("strategy")[..7], strategy);
    assert_eq!(
        row("data")[..6],
        ["data", "2", "1", "1.50", &catalogue("data", 1.5), "66.7"]
    );
    assert_eq!(row("use_cases")[5], "70.0");
    assert_eq!(
        row("skills")[3..7],
        ["0.00", &catalogue("skills", 0.0), "–", "0.0"]
    );
    // Every column ends where its header ends; the names start together.
    // (Counted in characters: "–" marks a dimension with no question.)
    let chars = |line: &str| line.chars().collect::<Vec<char>>();
    let header = table[0];
    for column in [
        "questions",
        "conditional",
        "weight",
        "catalogue",
        "best score",
        "max points",
        "name",
    ] {
        let start = header[..header.find(column).unwrap()].chars().count();
        let end = start + column.chars().count();
        for line in table[1..].iter().map(|l| chars(l)) {
            let aligned = if column == "name" {
                line[start - 1] == ' ' && line[start] != ' '
            } else {
                line[end - 1] != ' ' && line[end..end + 2] == [' ', ' ']
            };
            assert!(
                aligned,
                "column {column} is not aligned in\n{}",
                table.join("\n")
            );
        }
    }
}

#[test]
fn an_unreachable_recommendation_names_the_question_that_is_never_shown() {
    let file = source_file("tests/fixtures/hidden-dependency.ron");
    let catalogue = Catalogue::builtin();
    let coverage = Coverage::of_files(&[file], &catalogue).remove(0).unwrap();
    assert_eq!(coverage.never_shown, ["fixture.level"]);
    let start = &coverage.recommendations[0];
    assert_eq!(start.id, "fixture.start");
    assert_eq!(
        start.reach,
        TriggerReach::Unreachable {
            reason: "no set of answers for the organisation types in applies_to makes `when` true; it names `fixture.level`, which can never be shown".into()
        }
    );
}

#[test]
fn a_file_that_does_not_parse_is_named_not_measured() {
    let data = tempfile::tempdir().unwrap();
    let (code, out, _) = airedo(
        data.path(),
        &["check", "--coverage", "tests/fixtures/syntax.ron"],
    );
    assert_eq!(code, 1);
    assert!(
        out.contains("tests/fixtures/syntax.ron: not measured, the file does not parse (see the problems below)"),
        "{out}"
    );
    assert!(out.contains("error[syntax]"), "{out}");
}

#[test]
fn every_shipped_recommendation_is_reachable_and_no_shipped_text_lacks_a_language() {
    // The core values, module by module.
    let catalogue = Catalogue::builtin();
    let measured = Coverage::of_files(&Catalogue::builtin_sources(), &catalogue);
    assert_eq!(measured.len(), catalogue.entries.len());
    for coverage in measured.into_iter().map(Result::unwrap) {
        let name = &coverage.module;
        let unreachable: Vec<_> = coverage.not_reachable().collect();
        assert!(unreachable.is_empty(), "{name}: {unreachable:?}");
        assert!(
            coverage.reachable().count() > 0,
            "{name} has no recommendation"
        );
        assert!(
            coverage.missing_texts.is_empty(),
            "{name}: {:?}",
            coverage.missing_texts
        );
        assert!(
            coverage.never_shown.is_empty(),
            "{name}: {:?}",
            coverage.never_shown
        );
        for citation in &coverage.citations {
            assert!(
                citation.title(Lang::Sv).is_some(),
                "{name}: {}",
                citation.section
            );
        }
    }

    // And the command over the modules in force.
    let data = tempfile::tempdir().unwrap();
    let (code, out, err) = airedo(data.path(), &["check", "--coverage"]);
    assert_eq!(code, 0, "{out}{err}");
    let modules = out.lines().filter(|l| l.starts_with("Module ")).count();
    assert_eq!(modules, catalogue.entries.len(), "{out}");
    for verdict in ["UNREACHABLE", "unproven", "not searched", "not measured"] {
        assert!(!out.contains(verdict), "{verdict} in\n{out}");
    }
    let missing: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("  Texts missing a language"))
        .collect();
    assert_eq!(missing.len(), modules);
    assert!(missing.iter().all(|l| l.ends_with(": none")), "{out}");
}

#[test]
fn the_sample_in_the_format_doc_is_the_real_output() {
    let doc = include_str!("../../docs/questionnaire-format.md");
    let section = &doc[doc.find("\n## Coverage\n").expect("a Coverage section")..];
    let start = section.find("```text\n").expect("a text sample") + "```text\n".len();
    let sample = &section[start..start + section[start..].find("```").unwrap()];
    let data = tempfile::tempdir().unwrap();
    let (_, out, err) = airedo(data.path(), &["check", "--coverage", FIXTURE]);
    assert_eq!(
        sample,
        format!("{out}{err}"),
        "update the sample in docs/questionnaire-format.md"
    );
}
