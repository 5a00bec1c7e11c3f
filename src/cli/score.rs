//! `airedo score` and `airedo compare`: the core's results, as text or JSON.
//!
//! The JSON form is a contract (documented in `docs/scoring.md`): fields are
//! only ever added, never renamed or removed, and `format` says which shape.

use std::path::Path;

use serde::Serialize;

use super::Cli;
use crate::assessment::Assessment;
use crate::catalogue::Catalogue;
use crate::compare::{compare, same_organisation};
use crate::evaluation::{Evaluation, evaluate};
use crate::questionnaire::{Horizon, Lang, Module, Priority};
use crate::recommend::Triggered;
use crate::wording::round1;

/// The version of the JSON shape printed by `score --json` and `compare --json`.
pub const JSON_FORMAT: u32 = 1;

/// Reads an assessment file, or says in one line why it cannot be read.
/// Reads an assessment file for a command. The command line only reads:
/// unlike the app, which saves to the files it opens, it never moves or
/// changes an input file, so a file it cannot read stays as it is.
pub fn read(path: &Path, catalogue: &Catalogue) -> Result<Assessment, String> {
    crate::storage::read(path, catalogue).map_err(|error| error.to_string())
}

pub fn score(cli: &Cli, file: &Path, json: bool, lang: Option<Lang>) -> u8 {
    let catalogue = Catalogue::load(&cli.user_dirs());
    let assessment = match read(file, &catalogue) {
        Ok(a) => a,
        Err(message) => {
            eprintln!("error: {message}");
            return 2;
        }
    };
    let Some(evaluation) = evaluate(&catalogue, &assessment) else {
        eprintln!("error: no core questionnaire could be loaded; run `airedo check`");
        return 2;
    };
    let lang = lang.unwrap_or(evaluation.assessment.language);
    if json {
        let report = ScoreJson::new(&catalogue, &evaluation, lang, file);
        println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("serialisable")
        );
    } else {
        print_score(&catalogue, &evaluation, lang);
    }
    0
}

fn core(catalogue: &Catalogue) -> &Module {
    catalogue
        .core()
        .expect("evaluate() checked there is a core")
}

fn level_name(catalogue: &Catalogue, level: Option<u8>, lang: Lang) -> String {
    level
        .and_then(|n| core(catalogue).maturity_level(n))
        .map(|l| format!("{} {}", l.level, l.name.get(lang)))
        .unwrap_or_else(|| "–".to_string())
}

fn dimension_name<'c>(catalogue: &'c Catalogue, id: &str, lang: Lang) -> &'c str {
    core(catalogue)
        .dimension(id)
        .map_or("", |d| d.name.get(lang))
}

fn score_text(score: Option<f64>) -> String {
    score.map_or_else(|| "–".to_string(), |s| format!("{:.1}", round1(s)))
}

fn priority_name(p: Priority) -> &'static str {
    match p {
        Priority::High => "high",
        Priority::Medium => "medium",
        Priority::Low => "low",
    }
}

fn horizon_name(h: Horizon) -> &'static str {
    match h {
        Horizon::Now => "now",
        Horizon::ThreeMonths => "within 3 months",
        Horizon::TwelveMonths => "within 12 months",
    }
}

fn contact_names(catalogue: &Catalogue, t: &Triggered, lang: Lang) -> Vec<String> {
    t.recommendation
        .help_from
        .iter()
        .map(|id| crate::wording::contact_name(catalogue, id, lang))
        .collect()
}

fn print_score(catalogue: &Catalogue, evaluation: &Evaluation, lang: Lang) {
    let a = &evaluation.assessment;
    let p = &a.profile;
    let mut heading = format!("{} — {}", p.name, p.organisation.name(lang));
    if let Some(size) = p.size {
        heading.push_str(&format!(", {}", size.name(lang)));
    }
    if let Some(place) = &p.place {
        heading.push_str(&format!(", {place}"));
    }
    println!("{heading}");
    let sectors: Vec<&str> = evaluation
        .modules
        .iter()
        .skip(1)
        .map(|m| m.title.get(lang))
        .collect();
    if !sectors.is_empty() {
        println!("Sectors: {}", sectors.join("; "));
    }
    if let Some(name) = &a.respondent.name {
        let role = a
            .respondent
            .role
            .as_deref()
            .map(|r| format!(" ({r})"))
            .unwrap_or_default();
        println!("Respondent: {name}{role}");
    }
    println!("Updated: {}", a.updated.date());
    let r = &evaluation.results;
    println!(
        "Answered {} of {} questions ({:.0} %); {} don't know, {} not applicable",
        r.completion.answered,
        r.completion.total,
        100.0 * r.completion.ratio(),
        r.dont_know_count(),
        r.not_applicable_count()
    );
    for missing in &r.missing_modules {
        println!(
            "warning: the assessment names module `{missing}`, which is not installed; its questions are left out"
        );
    }
    if !evaluation.migration.is_empty() {
        println!(
            "Migration: answers given under other module versions ({} kept, {} retired):",
            evaluation.migration.kept(),
            evaluation.migration.retired()
        );
        for line in evaluation.migration.lines() {
            println!("  {line}");
        }
    }
    println!();
    let width = r
        .dimensions
        .iter()
        .map(|d| dimension_name(catalogue, &d.id, lang).chars().count())
        .max()
        .unwrap_or(10)
        .max(9);
    println!("{:<width$}  {:>5}  LEVEL", "DIMENSION", "SCORE");
    for d in &r.dimensions {
        println!(
            "{:<width$}  {:>5}  {}",
            dimension_name(catalogue, &d.id, lang),
            score_text(d.score),
            level_name(catalogue, d.level, lang)
        );
    }
    println!(
        "{:<width$}  {:>5}  {}",
        "Overall",
        score_text(r.overall),
        level_name(catalogue, r.level, lang)
    );
    println!();
    let advice = &evaluation.advice;
    println!(
        "First steps ({} of {} recommendations):",
        advice.first_steps().len(),
        advice.ranked.len()
    );
    for (i, t) in advice.first_steps().iter().enumerate() {
        let rec = t.recommendation;
        println!(
            "{:>2}. {} [{} priority, {}; {} §{}]",
            i + 1,
            rec.title.get(lang),
            priority_name(rec.priority),
            horizon_name(rec.horizon),
            crate::strategy::DOCUMENT,
            rec.strategy_ref
        );
        let helpers = contact_names(catalogue, t, lang);
        if !helpers.is_empty() {
            println!("    Who can help: {}", helpers.join("; "));
        }
    }
}

#[derive(Serialize)]
struct ScoreJson {
    format: u32,
    file: String,
    language: Lang,
    profile: crate::assessment::Profile,
    updated: String,
    overall: ScoreLevelJson,
    dimensions: Vec<DimensionJson>,
    completion: CompletionJson,
    unanswered: Vec<String>,
    first_steps: Vec<String>,
    recommendations: Vec<RecommendationJson>,
    migration: Vec<String>,
    missing_modules: Vec<String>,
}

#[derive(Serialize)]
struct ScoreLevelJson {
    score: Option<f64>,
    level: Option<u8>,
    level_name: Option<String>,
}

#[derive(Serialize)]
struct DimensionJson {
    id: String,
    name: String,
    score: Option<f64>,
    level: Option<u8>,
    level_name: Option<String>,
    answered: usize,
    dont_know: usize,
    not_applicable: usize,
    unanswered: usize,
    raised_most: Vec<ContributionJson>,
    lowered_most: Vec<ContributionJson>,
}

#[derive(Serialize)]
struct ContributionJson {
    question: String,
    points: f64,
    lost: f64,
}

#[derive(Serialize)]
struct CompletionJson {
    answered: usize,
    total: usize,
    dont_know: usize,
    not_applicable: usize,
}

#[derive(Serialize)]
struct RecommendationJson {
    id: String,
    module: String,
    title: String,
    dimension: String,
    priority: Priority,
    horizon: Horizon,
    help_from: Vec<String>,
    strategy_ref: String,
}

impl ScoreJson {
    fn new(catalogue: &Catalogue, evaluation: &Evaluation, lang: Lang, file: &Path) -> ScoreJson {
        let r = &evaluation.results;
        let level_name = |level: Option<u8>| {
            level
                .and_then(|n| core(catalogue).maturity_level(n))
                .map(|l| l.name.get(lang).to_string())
        };
        let contribution = |c: &crate::scoring::Contribution| ContributionJson {
            question: c.question.clone(),
            points: round1(c.points),
            lost: round1(c.lost),
        };
        ScoreJson {
            format: JSON_FORMAT,
            file: file.display().to_string(),
            language: lang,
            profile: evaluation.assessment.profile.clone(),
            updated: evaluation.assessment.updated.0.clone(),
            overall: ScoreLevelJson {
                score: r.overall.map(round1),
                level: r.level,
                level_name: level_name(r.level),
            },
            dimensions: r
                .dimensions
                .iter()
                .map(|d| DimensionJson {
                    id: d.id.clone(),
                    name: dimension_name(catalogue, &d.id, lang).to_string(),
                    score: d.score.map(round1),
                    level: d.level,
                    level_name: level_name(d.level),
                    answered: d.answered,
                    dont_know: d.dont_know,
                    not_applicable: d.not_applicable,
                    unanswered: d.unanswered,
                    raised_most: d.raised_most(3).into_iter().map(contribution).collect(),
                    lowered_most: d.lowered_most(3).into_iter().map(contribution).collect(),
                })
                .collect(),
            completion: CompletionJson {
                answered: r.completion.answered,
                total: r.completion.total,
                dont_know: r.dont_know_count(),
                not_applicable: r.not_applicable_count(),
            },
            unanswered: r.unanswered().into_iter().map(String::from).collect(),
            first_steps: evaluation
                .advice
                .first_steps()
                .iter()
                .map(|t| t.recommendation.id.clone())
                .collect(),
            recommendations: evaluation
                .advice
                .ranked
                .iter()
                .map(|t| RecommendationJson {
                    id: t.recommendation.id.clone(),
                    module: t.module.id.clone(),
                    title: t.recommendation.title.get(lang).to_string(),
                    dimension: t.recommendation.dimension.clone(),
                    priority: t.recommendation.priority,
                    horizon: t.recommendation.horizon,
                    help_from: t.recommendation.help_from.clone(),
                    strategy_ref: t.recommendation.strategy_ref.clone(),
                })
                .collect(),
            migration: evaluation.migration.lines(),
            missing_modules: r.missing_modules.clone(),
        }
    }
}

#[derive(Serialize)]
struct CompareJson {
    format: u32,
    before: String,
    after: String,
    overall: ChangeJson,
    dimensions: Vec<DimensionChangeJson>,
    new_recommendations: Vec<String>,
    resolved_recommendations: Vec<String>,
}

#[derive(Serialize)]
struct ChangeJson {
    before: Option<f64>,
    after: Option<f64>,
    change: Option<f64>,
    level_before: Option<u8>,
    level_after: Option<u8>,
}

#[derive(Serialize)]
struct DimensionChangeJson {
    id: String,
    #[serde(flatten)]
    change: ChangeJson,
}

pub fn compare_files(cli: &Cli, old: &Path, new: &Path, json: bool) -> u8 {
    let catalogue = Catalogue::load(&cli.user_dirs());
    let (before, after) = match (read(old, &catalogue), read(new, &catalogue)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(message), _) | (_, Err(message)) => {
            eprintln!("error: {message}");
            return 2;
        }
    };
    if !same_organisation(&before, &after) {
        eprintln!(
            "error: the files are assessments of different organisations (`{}`, {} and `{}`, {}); compare two assessments of the same one",
            before.profile.name,
            before.profile.organisation.name(Lang::En),
            after.profile.name,
            after.profile.organisation.name(Lang::En)
        );
        return 2;
    }
    let (Some(b), Some(a)) = (evaluate(&catalogue, &before), evaluate(&catalogue, &after)) else {
        eprintln!("error: no core questionnaire could be loaded; run `airedo check`");
        return 2;
    };
    let comparison = compare((&b.results, &b.advice), (&a.results, &a.advice));
    let lang = a.assessment.language;
    if json {
        let change = |before: Option<f64>, after: Option<f64>, lb, la| ChangeJson {
            before: before.map(round1),
            after: after.map(round1),
            change: before.zip(after).map(|(b, a)| round1(a - b)),
            level_before: lb,
            level_after: la,
        };
        let out = CompareJson {
            format: JSON_FORMAT,
            before: old.display().to_string(),
            after: new.display().to_string(),
            overall: change(
                comparison.overall_before,
                comparison.overall_after,
                comparison.level_before,
                comparison.level_after,
            ),
            dimensions: comparison
                .dimensions
                .iter()
                .map(|d| DimensionChangeJson {
                    id: d.id.clone(),
                    change: change(d.before, d.after, d.level_before, d.level_after),
                })
                .collect(),
            new_recommendations: comparison.new_recommendations.clone(),
            resolved_recommendations: comparison.resolved_recommendations.clone(),
        };
        println!(
            "{}",
            serde_json::to_string_pretty(&out).expect("serialisable")
        );
        return 0;
    }
    println!(
        "{}: {} → {}",
        a.assessment.profile.name,
        b.assessment.updated.date(),
        a.assessment.updated.date()
    );
    let width = comparison
        .dimensions
        .iter()
        .map(|d| dimension_name(&catalogue, &d.id, lang).chars().count())
        .max()
        .unwrap_or(9)
        .max(9);
    println!(
        "{:<width$}  {:>6}  {:>6}  {:>6}",
        "DIMENSION", "BEFORE", "AFTER", "CHANGE"
    );
    let signed =
        |c: Option<f64>| c.map_or_else(|| "–".to_string(), |c| format!("{:+.1}", round1(c)));
    for d in &comparison.dimensions {
        println!(
            "{:<width$}  {:>6}  {:>6}  {:>6}",
            dimension_name(&catalogue, &d.id, lang),
            score_text(d.before),
            score_text(d.after),
            signed(d.change())
        );
    }
    println!(
        "{:<width$}  {:>6}  {:>6}  {:>6}",
        "Overall",
        score_text(comparison.overall_before),
        score_text(comparison.overall_after),
        signed(comparison.overall_change())
    );
    if comparison.level_changed() {
        println!(
            "Level: {} → {}",
            level_name(&catalogue, comparison.level_before, lang),
            level_name(&catalogue, comparison.level_after, lang)
        );
    } else {
        println!(
            "Level unchanged: {}",
            level_name(&catalogue, comparison.level_after, lang)
        );
    }
    let title = |id: &str| {
        catalogue
            .entries
            .iter()
            .flat_map(|e| &e.module.recommendations)
            .find(|r| r.id == id)
            .map_or(id.to_string(), |r| r.title.get(lang).to_string())
    };
    println!(
        "New recommendations ({}):",
        comparison.new_recommendations.len()
    );
    for id in &comparison.new_recommendations {
        println!("  + {}", title(id));
    }
    println!(
        "Resolved recommendations ({}):",
        comparison.resolved_recommendations.len()
    );
    for id in &comparison.resolved_recommendations {
        println!("  - {}", title(id));
    }
    0
}
