//! `airedo check` and `airedo list`.

use std::path::PathBuf;

use super::Cli;
use crate::catalogue::{self, Catalogue, Origin};
use crate::questionnaire::{Lang, ModuleKind, Problem};

pub fn check(cli: &Cli, paths: &[PathBuf], shipped: bool) -> u8 {
    let catalogue = load(cli, paths, shipped);
    report_problems(&catalogue, paths)
}

/// The catalogue `check` looks at: the modules in force, or the named files
/// checked as the modules in force.
pub(super) fn load(cli: &Cli, paths: &[PathBuf], shipped: bool) -> Catalogue {
    if paths.is_empty() {
        Catalogue::load(&cli.user_dirs())
    } else {
        catalogue::check_paths(paths, &cli.user_dirs(), shipped)
    }
}

/// Prints the problems and the summary line; returns the exit code
/// (1 when there is an error). Shared with `check --coverage`.
pub(super) fn report_problems(catalogue: &Catalogue, paths: &[PathBuf]) -> u8 {
    // When files are named, report on those; the shipped ones only if broken.
    let relevant: Vec<&Problem> = catalogue
        .problems
        .iter()
        .filter(|p| paths.is_empty() || !p.file.starts_with("builtin:") || p.is_error())
        .collect();
    for problem in &relevant {
        println!("{problem}");
    }
    let errors = relevant.iter().filter(|p| p.is_error()).count();
    let warnings = relevant.len() - errors;
    let files = catalogue
        .files
        .iter()
        .filter(|f| paths.is_empty() || !f.starts_with("builtin:"))
        .count();
    let failed = catalogue.failed_files().len();
    eprintln!(
        "checked {files} file{}: {errors} error{}, {warnings} warning{}{}",
        plural(files),
        plural(errors),
        plural(warnings),
        if failed > 0 {
            format!("; {failed} file{} not loaded", plural(failed))
        } else {
            String::new()
        }
    );
    u8::from(errors > 0)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

pub fn list(cli: &Cli) -> u8 {
    let catalogue = Catalogue::load(&cli.user_dirs());
    let rows: Vec<[String; 8]> = catalogue
        .entries
        .iter()
        .map(|entry| {
            let m = &entry.module;
            let kind = match m.kind {
                ModuleKind::Core => "core",
                ModuleKind::Sector => "sector",
            };
            let applies: Vec<&str> = m.applies_to.iter().map(|t| t.name(Lang::En)).collect();
            let languages: Vec<&str> = m.languages.iter().map(|l| l.code()).collect();
            let source = match entry.origin {
                Origin::Builtin => entry.file.clone(),
                Origin::User | Origin::Checked => format!("{} (user)", entry.file),
            };
            [
                m.id.clone(),
                m.version.to_string(),
                kind.to_string(),
                m.sector().unwrap_or("all").to_string(),
                m.questions().count().to_string(),
                m.recommendations.len().to_string(),
                languages.join(","),
                format!("{source}  [{}]", applies.join(", ")),
            ]
        })
        .collect();
    let header = [
        "ID",
        "VERSION",
        "KIND",
        "SECTOR",
        "QUESTIONS",
        "RECS",
        "LANGS",
        "SOURCE  [APPLIES TO]",
    ];
    let mut widths = header.map(str::len);
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let print_row = |cells: &[String]| {
        let line: Vec<String> = cells
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(i, (cell, width))| {
                if i + 1 == cells.len() {
                    cell.clone()
                } else {
                    format!("{cell:<width$}")
                }
            })
            .collect();
        println!("{}", line.join("  ").trim_end());
    };
    print_row(&header.map(String::from));
    for row in &rows {
        print_row(row);
    }
    let questions: usize = catalogue
        .entries
        .iter()
        .map(|e| e.module.questions().count())
        .sum();
    let recommendations: usize = catalogue
        .entries
        .iter()
        .map(|e| e.module.recommendations.len())
        .sum();
    println!(
        "{} modules, {questions} questions, {recommendations} recommendations",
        catalogue.entries.len()
    );
    let failed = catalogue.failed_files();
    if !failed.is_empty() {
        eprintln!(
            "{} file{} could not be loaded: {}; run `airedo check` to see why",
            failed.len(),
            plural(failed.len()),
            failed.join(", ")
        );
    }
    0
}
