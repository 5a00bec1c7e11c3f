//! `airedo check --coverage`: what each module covers, then the usual
//! problems and exit code of `airedo check`.
//!
//! The figures come from [`crate::authoring::coverage`]; this file only
//! finds the files and prints. The output is plain aligned text, stable
//! enough for tests and for comparing two runs with `diff`.

use std::fs;
use std::path::PathBuf;

use super::Cli;
use super::check;
use crate::authoring::coverage::{Citation, Coverage, DimensionCoverage, RecommendationCoverage};
use crate::catalogue::{self, Catalogue, Origin, SourceFile};
use crate::questionnaire::validate::TriggerReach;
use crate::questionnaire::{Lang, ModuleKind};

/// The language of dimension names and section titles in the output, which
/// is otherwise English like every other command's.
const LANG: Lang = Lang::En;

pub fn run(cli: &Cli, paths: &[PathBuf], shipped: bool) -> u8 {
    let catalogue = check::load(cli, paths, shipped);
    let files = if paths.is_empty() {
        files_in_force(&catalogue)
    } else {
        named_files(paths, shipped)
    };
    print_legend();
    for measured in Coverage::of_files(&files, &catalogue) {
        println!();
        match measured {
            Ok(coverage) => print_coverage(&coverage),
            Err(not_parsed) => println!(
                "{}: not measured, the file does not parse (see the problems below)",
                not_parsed.file
            ),
        }
    }
    println!();
    check::report_problems(&catalogue, paths)
}

/// The files named on the command line (folders searched for `.ron` files).
fn named_files(paths: &[PathBuf], shipped: bool) -> Vec<SourceFile> {
    let mut files = Vec::new();
    // Reading problems are already among the catalogue's, which read the same paths.
    let mut already_reported = Vec::new();
    for path in paths {
        catalogue::read_path(path, Origin::Checked, &mut files, &mut already_reported);
    }
    for file in &mut files {
        file.shipped = shipped;
    }
    files
}

/// The files of the modules in force: shipped ones from the binary, user
/// ones read again (the catalogue keeps modules, not their text).
fn files_in_force(catalogue: &Catalogue) -> Vec<SourceFile> {
    let builtin = Catalogue::builtin_sources();
    catalogue
        .entries
        .iter()
        .filter_map(|entry| match entry.origin {
            Origin::Builtin => builtin.iter().find(|s| s.name == entry.file).cloned(),
            Origin::User | Origin::Checked => match fs::read(&entry.file) {
                Ok(bytes) => Some(SourceFile {
                    name: entry.file.clone(),
                    bytes,
                    origin: entry.origin,
                    shipped: false,
                }),
                Err(error) => {
                    eprintln!(
                        "{}: cannot read it again to measure it: {error}",
                        entry.file
                    );
                    None
                }
            },
        })
        .collect()
}

fn print_legend() {
    println!("How to read the figures per dimension (docs/questionnaire-format.md, \"Coverage\"):");
    for line in [
        "questions    the module's scored questions in the dimension",
        "conditional  of those, the ones shown only when a condition holds",
        "weight       their weights added up",
        "catalogue    the dimension's weight over every module in force, this one included",
        "best score   100 x (sum of weight x best answer / 4) / weight: the dimension's score",
        "             (0-100) when every question here is shown and given its best answer",
        "max points   100 x (sum of weight x best answer / 4) / catalogue: the most of the",
        "             dimension's 100 points these questions earn when every module is answered",
        "             (docs/scoring.md, section 3)",
    ] {
        println!("  {line}");
    }
}

fn print_coverage(coverage: &Coverage) {
    let kind = match coverage.kind {
        ModuleKind::Core => "core",
        ModuleKind::Sector => "sector",
    };
    println!(
        "Module {} (version {}, {kind}): {}",
        coverage.module, coverage.version, coverage.file
    );
    print_dimensions(&coverage.dimensions);
    if !coverage.never_shown.is_empty() {
        println!(
            "  Questions that can never be shown: {}",
            coverage.never_shown.join(", ")
        );
    }
    print_recommendations(&coverage.recommendations);
    print_citations(&coverage.citations);
    print_missing_texts(coverage);
}

fn print_dimensions(dimensions: &[DimensionCoverage]) {
    println!("  Questions and the highest score per dimension");
    let header = [
        "dimension",
        "questions",
        "conditional",
        "weight",
        "catalogue",
        "best score",
        "max points",
        "name",
    ];
    let rows = dimensions
        .iter()
        .map(|d| {
            vec![
                d.id.clone(),
                d.questions.to_string(),
                d.conditional.to_string(),
                format!("{:.2}", d.weight),
                format!("{:.2}", d.catalogue_weight),
                d.best_score().map_or("–".into(), |s| format!("{s:.1}")),
                format!("{:.1}", d.max_points()),
                d.name
                    .as_ref()
                    .map_or("(not a dimension of the core module)".into(), |n| {
                        n.get(LANG).to_string()
                    }),
            ]
        })
        .collect();
    let right_aligned = [false, true, true, true, true, true, true, false];
    print_table(&header.map(String::from), rows, &right_aligned);
}

fn print_recommendations(recommendations: &[RecommendationCoverage]) {
    if recommendations.is_empty() {
        println!("  Recommendations: none");
        return;
    }
    let reachable = recommendations.iter().filter(|r| r.is_reachable()).count();
    println!(
        "  Recommendations: {reachable} of {} can be triggered",
        recommendations.len()
    );
    let rows = recommendations
        .iter()
        .map(|r| {
            let (verdict, why) = match &r.reach {
                TriggerReach::Reachable => ("reachable", String::new()),
                TriggerReach::Unreachable { reason } => ("UNREACHABLE", reason.clone()),
                TriggerReach::Unproven { combinations } => (
                    "unproven",
                    format!("{combinations} answer combinations, too many to try"),
                ),
                TriggerReach::NotSearched { reason } => ("not searched", reason.to_string()),
            };
            vec![verdict.to_string(), r.id.clone(), r.dimension.clone(), why]
        })
        .collect();
    print_rows(rows, &[false, false, false, false]);
}

fn print_citations(citations: &[Citation]) {
    println!("  Strategy sections cited (COM(2025) 723)");
    let rows = citations
        .iter()
        .map(|c| {
            vec![
                c.section.clone(),
                c.title(LANG)
                    .unwrap_or("(not a section of the strategy)")
                    .to_string(),
                cited_by(c),
            ]
        })
        .collect();
    print_rows(rows, &[false, false, false]);
}

/// "module, 4 questions, 1 recommendation": what cites a section, counted.
fn cited_by(citation: &Citation) -> String {
    let mut parts = Vec::new();
    if citation.count("module") > 0 {
        parts.push("module".to_string());
    }
    for (prefix, one, many) in [
        ("contact.", "contact", "contacts"),
        ("question.", "question", "questions"),
        ("recommendation.", "recommendation", "recommendations"),
    ] {
        match citation.count(prefix) {
            0 => {}
            1 => parts.push(format!("1 {one}")),
            n => parts.push(format!("{n} {many}")),
        }
    }
    parts.join(", ")
}

fn print_missing_texts(coverage: &Coverage) {
    let codes = |langs: &[Lang]| {
        langs
            .iter()
            .map(|l| l.code())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let heading = format!(
        "Texts missing a language (the module declares {}; the app speaks {})",
        codes(&coverage.languages),
        codes(&Lang::ALL)
    );
    if coverage.missing_texts.is_empty() {
        println!("  {heading}: none");
        return;
    }
    println!("  {heading}: {}", coverage.missing_texts.len());
    let rows = coverage
        .missing_texts
        .iter()
        .map(|t| {
            vec![
                t.id.clone(),
                codes(&t.missing),
                format!("{}:{}:{}", coverage.file, t.position.line, t.position.col),
            ]
        })
        .collect();
    print_rows(rows, &[false, false, false]);
}

/// Prints a header and rows, indented under a heading.
fn print_table(header: &[String], rows: Vec<Vec<String>>, right_aligned: &[bool]) {
    let mut all = vec![header.to_vec()];
    all.extend(rows);
    print_rows(all, right_aligned);
}

/// Prints rows with every column as wide as its widest cell; the last
/// column is never padded, so no line ends in spaces.
fn print_rows(rows: Vec<Vec<String>>, right_aligned: &[bool]) {
    let columns = right_aligned.len();
    let mut widths = vec![0; columns];
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, cell)| match (right_aligned[i], i + 1 == columns) {
                (true, _) => format!("{cell:>width$}", width = widths[i]),
                (false, true) => cell.clone(),
                (false, false) => format!("{cell:<width$}", width = widths[i]),
            })
            .collect();
        println!("    {}", cells.join("  ").trim_end());
    }
}
