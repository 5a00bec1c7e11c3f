//! `airedo rollup`: a folder of many organisations' assessments to an
//! anonymised benchmark file. Only the summary is printed; the skipped
//! files go to standard error, as they name files the benchmark must not.

use std::path::Path;
use std::time::Instant;

use super::Cli;
use crate::catalogue::Catalogue;
use crate::group::rollup::{GroupBy, Rollup, rollup_folder, to_ron};
use crate::questionnaire::Lang;
use crate::storage::save_atomically;

pub fn rollup(cli: &Cli, dir: &Path, output: &Path, pdf: Option<&Path>, lang: Lang) -> u8 {
    let started = Instant::now();
    let catalogue = Catalogue::load(&cli.user_dirs());
    let rollup = match rollup_folder(dir, &catalogue) {
        Ok(rollup) => rollup,
        Err(error) => {
            eprintln!("error: {error}");
            return 2;
        }
    };
    for s in &rollup.skipped {
        eprintln!("warning: skipped {}: {}", s.path.display(), s.reason);
    }
    if let Err(error) = save_atomically(output, to_ron(&rollup.benchmark).as_bytes()) {
        eprintln!("error: cannot write {}: {error}", output.display());
        return 2;
    }
    if let Some(pdf) = pdf {
        let made =
            crate::report::rollup::build(&rollup.benchmark, &catalogue, lang, crate::report::now())
                .and_then(|report| {
                    save_atomically(pdf, &report.pdf)
                        .map(|()| report.pages.len())
                        .map_err(crate::report::ReportError::Write)
                });
        match made {
            Ok(pages) => eprintln!("wrote {} ({pages} pages)", pdf.display()),
            Err(error) => {
                eprintln!("error: {}: {error}", pdf.display());
                return 2;
            }
        }
    }
    print_summary(&rollup, output, started);
    if rollup.skipped.is_empty() { 0 } else { 1 }
}

fn group_name(by: &GroupBy) -> String {
    match by {
        GroupBy::All => "all".to_string(),
        GroupBy::OrganisationType(t) => t.name(Lang::En).to_string(),
        GroupBy::Sector(id) => format!("sector {id}"),
    }
}

fn print_summary(rollup: &Rollup, output: &Path, started: Instant) {
    let b = &rollup.benchmark;
    println!(
        "Read {} of {} files: {} organisations ({} older files of the same organisations left out, {} unreadable)",
        rollup.files - rollup.skipped.len(),
        rollup.files,
        b.organisations,
        rollup.duplicates,
        rollup.skipped.len()
    );
    println!(
        "{:<28}  {:>5}  {:>6}  {:>6}  {:>6}",
        "GROUP", "ORGS", "Q1", "MEDIAN", "Q3"
    );
    for group in &b.groups {
        let name = group_name(&group.by);
        match group.figures.as_ref().and_then(|f| f.overall.as_ref()) {
            Some(d) => println!(
                "{name:<28}  {:>5}  {:>6.1}  {:>6.1}  {:>6.1}",
                group.organisations, d.q1, d.median, d.q3
            ),
            None => println!(
                "{name:<28}  {:>5}  (fewer than {} organisations: figures withheld)",
                group.organisations, b.min_group_size
            ),
        }
    }
    if !b.first_steps.is_empty() {
        println!("Most common first steps:");
    }
    for step in &b.first_steps {
        println!(
            "  {:>4}  {} [{}]",
            step.organisations,
            step.title.get(Lang::En),
            step.recommendation
        );
    }
    println!(
        "Wrote {} in {:.2} s",
        output.display(),
        started.elapsed().as_secs_f64()
    );
}
