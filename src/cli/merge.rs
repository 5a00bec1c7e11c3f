//! `airedo merge`: several people's answers for one organisation, their
//! spread and largest disagreements, and one combined assessment file.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::Cli;
use super::score::JSON_FORMAT;
use crate::assessment::to_ron;
use crate::catalogue::Catalogue;
use crate::group::merge::{
    Merged, QuestionSpread, SpreadQuestion, read_and_merge, spread_path, spread_to_ron,
};
use crate::questionnaire::Lang;
use crate::storage::{save_atomically, unique_path};
use crate::wording::round1;

/// How many disagreements the text output lists.
const SHOWN_DISAGREEMENTS: usize = 10;

/// How many migration lines per respondent the text output lists.
const SHOWN_MIGRATION_LINES: usize = 5;

/// Where the combined file goes without `-o`: `combined.ron` beside the
/// first file, numbered rather than overwriting anything.
fn default_output(first: &Path) -> PathBuf {
    let dir = first
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    unique_path(dir, "combined", "ron")
}

/// Whether two paths name the same file (one that may not exist yet).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

pub fn merge(cli: &Cli, files: &[PathBuf], output: Option<&Path>, json: bool) -> u8 {
    let catalogue = Catalogue::load(&cli.user_dirs());
    let output = output.map_or_else(|| default_output(&files[0]), Path::to_path_buf);
    let spread_output = spread_path(&output);
    if let Some(input) = files
        .iter()
        .find(|f| same_file(f, &output) || same_file(f, &spread_output))
    {
        eprintln!(
            "error: the output would overwrite the input {}; choose another with -o",
            input.display()
        );
        return 2;
    }
    let merged = match read_and_merge(files, &catalogue) {
        Ok(merged) => merged,
        Err(error) => {
            if let crate::group::merge::MergeError::TooFew { skipped, .. } = &error {
                for s in skipped {
                    eprintln!("skipped {}: {}", s.path.display(), s.reason);
                }
            }
            eprintln!("error: {error}");
            return 2;
        }
    };
    for s in &merged.skipped {
        eprintln!("warning: skipped {}: {}", s.path.display(), s.reason);
    }
    let written = save_atomically(&output, to_ron(&merged.combined).as_bytes()).and_then(|()| {
        save_atomically(
            &spread_output,
            spread_to_ron(&merged.spread_file()).as_bytes(),
        )
    });
    if let Err(error) = written {
        eprintln!("error: cannot write {}: {error}", output.display());
        return 2;
    }
    if json {
        let out = MergeJson::new(&catalogue, &merged, &output, &spread_output);
        println!(
            "{}",
            serde_json::to_string_pretty(&out).expect("serialisable")
        );
    } else {
        print_merge(&catalogue, &merged, &output, &spread_output);
    }
    if merged.skipped.is_empty() { 0 } else { 1 }
}

fn score_text(score: Option<f64>) -> String {
    score.map_or_else(|| "–".to_string(), |s| format!("{:.1}", round1(s)))
}

fn question_text(catalogue: &Catalogue, id: &str, lang: Lang) -> String {
    catalogue
        .question(id)
        .map_or_else(|| id.to_string(), |(_, q)| q.text.get(lang).to_string())
}

fn answer_text(
    catalogue: &Catalogue,
    id: &str,
    answer: &crate::questionnaire::Answer,
    lang: Lang,
) -> String {
    catalogue.question(id).map_or_else(
        || format!("{answer:?}"),
        |(_, q)| crate::wording::answer_text(q, answer, lang),
    )
}

fn print_merge(catalogue: &Catalogue, merged: &Merged, output: &Path, spread_output: &Path) {
    let combined = &merged.combined;
    let lang = combined.language;
    println!(
        "{} — {}: {} respondents",
        combined.profile.name,
        combined.profile.organisation.name(lang),
        merged.respondents.len()
    );
    for r in &merged.respondents {
        if !r.migration.is_empty() {
            println!(
                "Migration of {} ({}): {} kept, {} retired",
                r.label,
                r.path.display(),
                r.migration.kept(),
                r.migration.retired()
            );
            let lines = r.migration.lines();
            for line in lines.iter().take(SHOWN_MIGRATION_LINES) {
                println!("  {line}");
            }
            if lines.len() > SHOWN_MIGRATION_LINES {
                println!(
                    "  … and {} more (all of them with --json)",
                    lines.len() - SHOWN_MIGRATION_LINES
                );
            }
        }
    }
    println!();
    let width = merged
        .respondents
        .iter()
        .map(|r| r.label.chars().count())
        .max()
        .unwrap_or(10)
        .max(10);
    println!("{:<width$}  {:>7}", "RESPONDENT", "OVERALL");
    for r in &merged.respondents {
        println!("{:<width$}  {:>7}", r.label, score_text(r.overall));
    }
    println!("{:<width$}  {:>7}", "Combined", score_text(merged.overall));
    println!();
    let spread = merged.spread();
    let disagreements = merged.disagreements();
    println!(
        "Spread: {} questions answered by two or more respondents; {} with different scores",
        spread.len(),
        disagreements.len()
    );
    let dont_know: usize = spread.iter().map(|q| q.dont_know).sum();
    if dont_know > 0 {
        println!("\"Don't know\" answers among them: {dont_know}");
    }
    if !disagreements.is_empty() {
        println!("Largest disagreements (range of the 0–4 score):");
    }
    for (i, q) in disagreements.iter().take(SHOWN_DISAGREEMENTS).enumerate() {
        print_disagreement(catalogue, merged, q, i + 1, lang);
    }
    println!();
    println!("Wrote {} (the combined assessment)", output.display());
    println!(
        "Wrote {} (the spread per question)",
        spread_output.display()
    );
}

fn print_disagreement(
    catalogue: &Catalogue,
    merged: &Merged,
    q: &QuestionSpread,
    rank: usize,
    lang: Lang,
) {
    println!(
        "{rank:>2}. {} [{}] range {}, median {}",
        question_text(catalogue, &q.question, lang),
        q.question,
        crate::wording::number_text(q.range(), Lang::En),
        q.median()
            .map_or("–".into(), |m| crate::wording::number_text(m, Lang::En))
    );
    for (respondent, answer) in &q.answers {
        let label = merged
            .respondents
            .get(*respondent)
            .map_or("?", |r| r.label.as_str());
        let score = q
            .scores
            .iter()
            .find(|(r, _)| r == respondent)
            .map(|(_, s)| format!(" ({})", crate::wording::number_text(*s, Lang::En)))
            .unwrap_or_default();
        println!(
            "      {label}: {}{score}",
            answer_text(catalogue, &q.question, answer, lang)
        );
    }
}

#[derive(Serialize)]
struct MergeJson {
    format: u32,
    organisation: String,
    output: String,
    spread_file: String,
    respondents: Vec<RespondentJson>,
    combined_overall: Option<f64>,
    combined_level: Option<u8>,
    spread: Vec<SpreadJson>,
    disagreements: Vec<DisagreementJson>,
    skipped: Vec<SkippedJson>,
}

#[derive(Serialize)]
struct RespondentJson {
    label: String,
    file: String,
    overall: Option<f64>,
    level: Option<u8>,
    migration: Vec<String>,
}

/// A question's figures as the spread file has them, plus the combined
/// answer in words.
#[derive(Serialize)]
struct SpreadJson {
    #[serde(flatten)]
    figures: SpreadQuestion,
    combined: String,
}

#[derive(Serialize)]
struct DisagreementJson {
    question: String,
    range: f64,
    answers: Vec<GivenJson>,
}

#[derive(Serialize)]
struct GivenJson {
    respondent: String,
    answer: String,
    score: Option<f64>,
}

#[derive(Serialize)]
struct SkippedJson {
    file: String,
    reason: String,
}

impl MergeJson {
    fn new(
        catalogue: &Catalogue,
        merged: &Merged,
        output: &Path,
        spread_output: &Path,
    ) -> MergeJson {
        let lang = merged.combined.language;
        let label = |i: usize| {
            merged
                .respondents
                .get(i)
                .map_or(String::new(), |r| r.label.clone())
        };
        MergeJson {
            format: JSON_FORMAT,
            organisation: merged.combined.profile.name.clone(),
            output: output.display().to_string(),
            spread_file: spread_output.display().to_string(),
            respondents: merged
                .respondents
                .iter()
                .map(|r| RespondentJson {
                    label: r.label.clone(),
                    file: r.path.display().to_string(),
                    overall: r.overall.map(round1),
                    level: r.level,
                    migration: r.migration.lines(),
                })
                .collect(),
            combined_overall: merged.overall.map(round1),
            combined_level: merged.level,
            spread: merged
                .spread()
                .into_iter()
                .map(|q| SpreadJson {
                    figures: q.figures(),
                    combined: answer_text(catalogue, &q.question, &q.combined, lang),
                })
                .collect(),
            disagreements: merged
                .disagreements()
                .into_iter()
                .map(|q| DisagreementJson {
                    question: q.question.clone(),
                    range: q.range(),
                    answers: q
                        .answers
                        .iter()
                        .map(|(r, answer)| GivenJson {
                            respondent: label(*r),
                            answer: answer_text(catalogue, &q.question, answer, lang),
                            score: q.scores.iter().find(|(s, _)| s == r).map(|(_, s)| *s),
                        })
                        .collect(),
                })
                .collect(),
            skipped: merged
                .skipped
                .iter()
                .map(|s| SkippedJson {
                    file: s.path.display().to_string(),
                    reason: s.reason.clone(),
                })
                .collect(),
        }
    }
}
