//! Several people answering for one organisation: their answers side by
//! side, where they disagree, and one combined assessment.
//!
//! A management team, an IT lead and a union representative rarely see an
//! organisation the same way; the spread of their answers is itself a
//! finding. The combined assessment takes the median answer of each question
//! (the rules are in `docs/scoring.md`, "Several respondents") and is an
//! ordinary assessment file, so the normal scoring, the app and the report
//! all work on it unchanged.

use crate::wording::round1;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Skipped;
use super::stats::median;
use crate::assessment::migrate::MigrationNote;
use crate::assessment::{Assessment, GivenAnswer, Profile, Respondent as Who};
use crate::catalogue::Catalogue;
use crate::compare::same_organisation;
use crate::evaluation::evaluate;
use crate::questionnaire::{Answer, Lang, OrgType, Question, QuestionKind, SCALE_STEPS};
use crate::scoring::QuestionState;

/// The version of the spread sidecar file ([`SpreadFile`]).
pub const SPREAD_FORMAT: u32 = 1;

/// The fewest readable files a merge needs.
pub const MIN_RESPONDENTS: usize = 2;

/// One person's assessment in a merge.
#[derive(Clone, Debug, PartialEq)]
pub struct Respondent {
    /// Name and role if the file gives them, else "respondent N".
    pub label: String,
    pub path: PathBuf,
    /// Their own overall score and level, as `airedo score` gives them.
    pub overall: Option<f64>,
    pub level: Option<u8>,
    /// What migration did to their answers (empty when nothing changed).
    pub migration: MigrationNote,
}

/// What the respondents answered to one scored question.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionSpread {
    pub question: String,
    /// Each answer with its respondent's index, in respondent order.
    pub answers: Vec<(usize, Answer)>,
    /// The raw 0–4 scores of the scored answers ("don't know" and "not
    /// applicable" left out), with the respondent's index.
    pub scores: Vec<(usize, f64)>,
    pub dont_know: usize,
    pub not_applicable: usize,
    /// The answer the combined assessment records.
    pub combined: Answer,
}

impl QuestionSpread {
    /// How many respondents answered it (any answer).
    pub fn answered_by(&self) -> usize {
        self.answers.len()
    }

    /// How many scored answers the figures below are over.
    pub fn n(&self) -> usize {
        self.scores.len()
    }

    fn raw_scores(&self) -> Vec<f64> {
        self.scores.iter().map(|(_, s)| *s).collect()
    }

    pub fn min(&self) -> Option<f64> {
        self.raw_scores().into_iter().reduce(f64::min)
    }

    pub fn max(&self) -> Option<f64> {
        self.raw_scores().into_iter().reduce(f64::max)
    }

    /// The middle score, or the mean of the two middle ones.
    pub fn median(&self) -> Option<f64> {
        median(&self.raw_scores())
    }

    /// The figures the spread file and `airedo merge --json` give.
    pub fn figures(&self) -> SpreadQuestion {
        SpreadQuestion {
            question: self.question.clone(),
            n: self.n(),
            min: self.min(),
            median: self.median(),
            max: self.max(),
            dont_know: self.dont_know,
            not_applicable: self.not_applicable,
        }
    }

    /// Highest minus lowest score: how far apart the respondents are.
    pub fn range(&self) -> f64 {
        self.max()
            .zip(self.min())
            .map_or(0.0, |(max, min)| max - min)
    }
}

/// The outcome of a merge.
#[derive(Clone, Debug)]
pub struct Merged {
    pub respondents: Vec<Respondent>,
    /// Every scored question someone answered, in answering order.
    pub questions: Vec<QuestionSpread>,
    /// The median answers as an ordinary assessment.
    pub combined: Assessment,
    /// The combined assessment's overall score and level.
    pub overall: Option<f64>,
    pub level: Option<u8>,
    /// Files that could not be read, left out.
    pub skipped: Vec<Skipped>,
}

impl Merged {
    /// The questions answered by two or more respondents: the spread.
    pub fn spread(&self) -> Vec<&QuestionSpread> {
        self.questions
            .iter()
            .filter(|q| q.answered_by() >= MIN_RESPONDENTS)
            .collect()
    }

    /// The questions whose scores differ, widest range first; equal ranges
    /// keep answering order.
    pub fn disagreements(&self) -> Vec<&QuestionSpread> {
        let mut list: Vec<&QuestionSpread> = self
            .spread()
            .into_iter()
            .filter(|q| q.range() > 0.0)
            .collect();
        // A stable sort keeps answering order among equal ranges.
        list.sort_by(|a, b| b.range().total_cmp(&a.range()));
        list
    }

    /// The spread as the sidecar file written beside the combined assessment.
    pub fn spread_file(&self) -> SpreadFile {
        SpreadFile {
            format: SPREAD_FORMAT,
            respondents: self
                .respondents
                .iter()
                .map(|r| SpreadRespondent {
                    label: r.label.clone(),
                    overall: r.overall.map(round1),
                })
                .collect(),
            questions: self
                .spread()
                .into_iter()
                .map(QuestionSpread::figures)
                .collect(),
        }
    }
}

/// Why files could not be merged.
#[derive(Clone, Debug, PartialEq)]
pub enum MergeError {
    /// Two files are about different organisations.
    DifferentOrganisations {
        first: PathBuf,
        first_name: String,
        first_type: OrgType,
        other: PathBuf,
        other_name: String,
        other_type: OrgType,
    },
    /// Fewer than two files could be read.
    TooFew {
        readable: usize,
        skipped: Vec<Skipped>,
    },
    /// The catalogue has no core module, so nothing can be scored.
    NoCore,
}

impl std::fmt::Display for MergeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MergeError::DifferentOrganisations {
                first,
                first_name,
                first_type,
                other,
                other_name,
                other_type,
            } => write!(
                f,
                "{} is about `{first_name}` ({}) but {} is about `{other_name}` ({}); merge only answers for one organisation",
                first.display(),
                first_type.name(Lang::En),
                other.display(),
                other_type.name(Lang::En)
            ),
            MergeError::TooFew { readable, .. } => write!(
                f,
                "only {readable} of the files could be read; a merge needs at least {MIN_RESPONDENTS}"
            ),
            MergeError::NoCore => write!(
                f,
                "no core questionnaire could be loaded; run `airedo check`"
            ),
        }
    }
}

/// Reads `paths` (never changing them) and merges those that can be read.
/// Unreadable files are listed in [`Merged::skipped`].
pub fn read_and_merge(paths: &[PathBuf], catalogue: &Catalogue) -> Result<Merged, MergeError> {
    let mut inputs = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        match crate::storage::read(path, catalogue) {
            Ok(assessment) => inputs.push((path.clone(), assessment)),
            Err(error) => skipped.push(Skipped {
                path: path.clone(),
                reason: error.to_string(),
            }),
        }
    }
    if inputs.len() < MIN_RESPONDENTS {
        return Err(MergeError::TooFew {
            readable: inputs.len(),
            skipped,
        });
    }
    let mut merged = merge(catalogue, &inputs)?;
    merged.skipped = skipped;
    Ok(merged)
}

/// Merges assessments of one organisation, each with the path it came from.
pub fn merge(
    catalogue: &Catalogue,
    inputs: &[(PathBuf, Assessment)],
) -> Result<Merged, MergeError> {
    if inputs.len() < MIN_RESPONDENTS {
        return Err(MergeError::TooFew {
            readable: inputs.len(),
            skipped: Vec::new(),
        });
    }
    check_one_organisation(inputs)?;
    let mut respondents = Vec::new();
    // Per respondent: question id → (state, answer), after migration.
    let mut given: Vec<HashMap<String, (QuestionState, Answer)>> = Vec::new();
    for (index, (path, assessment)) in inputs.iter().enumerate() {
        let evaluation = evaluate(catalogue, assessment).ok_or(MergeError::NoCore)?;
        let answers = &evaluation.assessment.answers;
        given.push(
            evaluation
                .results
                .questions
                .iter()
                .filter_map(|q| {
                    let answer = answers.get(&q.id)?.answer.clone();
                    Some((q.id.clone(), (q.state.clone(), answer)))
                })
                .collect(),
        );
        respondents.push(Respondent {
            label: label(&assessment.respondent, index),
            path: path.clone(),
            overall: evaluation.results.overall,
            level: evaluation.results.level,
            migration: evaluation.migration,
        });
    }
    let mut combined = combined_shell(inputs);
    let (modules, _) = combined.modules(catalogue);
    let mut questions = Vec::new();
    for question in modules.iter().flat_map(|m| m.questions()) {
        if !question.kind.is_scored() {
            continue;
        }
        let Some(spread) = spread_of(question, &given) else {
            continue;
        };
        let module = modules
            .iter()
            .find(|m| m.questions().any(|q| q.id == question.id));
        if let Some(module) = module {
            combined.answers.insert(
                question.id.clone(),
                GivenAnswer {
                    answer: spread.combined.clone(),
                    module: module.id.clone(),
                    version: module.version,
                },
            );
        }
        questions.push(spread);
    }
    let evaluation = evaluate(catalogue, &combined).ok_or(MergeError::NoCore)?;
    Ok(Merged {
        respondents,
        questions,
        overall: evaluation.results.overall,
        level: evaluation.results.level,
        combined,
        skipped: Vec::new(),
    })
}

fn check_one_organisation(inputs: &[(PathBuf, Assessment)]) -> Result<(), MergeError> {
    let (first_path, first) = &inputs[0];
    match inputs.iter().find(|(_, a)| !same_organisation(first, a)) {
        None => Ok(()),
        Some((other_path, other)) => Err(MergeError::DifferentOrganisations {
            first: first_path.clone(),
            first_name: first.profile.name.clone(),
            first_type: first.profile.organisation,
            other: other_path.clone(),
            other_name: other.profile.name.clone(),
            other_type: other.profile.organisation,
        }),
    }
}

/// "Name (role)", else "respondent N (role)", numbered from 1 in file order.
pub fn label(who: &Who, index: usize) -> String {
    let name = who
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map_or_else(|| format!("respondent {}", index + 1), String::from);
    match who.role.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        Some(role) => format!("{name} ({role})"),
        None => name,
    }
}

/// The respondent role that marks a combined assessment.
pub fn combined_role(respondents: usize, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("Sammanställning av {respondents} svarande"),
        Lang::En => format!("Combined answers of {respondents} respondents"),
    }
}

/// The combined assessment before its answers: the first file's profile
/// with every sector any respondent answered, the earliest `created` and
/// the latest `updated`, so merging the same files twice gives the same file.
fn combined_shell(inputs: &[(PathBuf, Assessment)]) -> Assessment {
    let first = &inputs[0].1;
    let mut combined = Assessment::new(combined_profile(inputs), first.language);
    combined.created = inputs
        .iter()
        .map(|(_, a)| &a.created)
        .min()
        .unwrap_or(&first.created)
        .clone();
    combined.updated = inputs
        .iter()
        .map(|(_, a)| &a.updated)
        .max()
        .unwrap_or(&first.updated)
        .clone();
    combined.respondent = Who {
        name: None,
        role: Some(combined_role(inputs.len(), first.language)),
    };
    combined
}

fn combined_profile(inputs: &[(PathBuf, Assessment)]) -> Profile {
    let mut profile = inputs[0].1.profile.clone();
    let sectors = inputs.iter().flat_map(|(_, a)| {
        a.profile
            .primary_sector
            .iter()
            .chain(&a.profile.other_sectors)
    });
    for sector in sectors {
        if profile.primary_sector.is_none() {
            profile.primary_sector = Some(sector.clone());
        } else if profile.primary_sector.as_ref() != Some(sector)
            && !profile.other_sectors.contains(sector)
        {
            profile.other_sectors.push(sector.clone());
        }
    }
    profile
}

/// What the respondents who were shown `question` answered, and the
/// combined answer; `None` when nobody answered it.
fn spread_of(
    question: &Question,
    given: &[HashMap<String, (QuestionState, Answer)>],
) -> Option<QuestionSpread> {
    let mut spread = QuestionSpread {
        question: question.id.clone(),
        answers: Vec::new(),
        scores: Vec::new(),
        dont_know: 0,
        not_applicable: 0,
        combined: Answer::DontKnow,
    };
    for (respondent, answers) in given.iter().enumerate() {
        let Some((state, answer)) = answers.get(&question.id) else {
            continue;
        };
        match state {
            QuestionState::Scored { raw } => spread.scores.push((respondent, *raw)),
            QuestionState::DontKnow { .. } => spread.dont_know += 1,
            QuestionState::NotApplicable => spread.not_applicable += 1,
            // Hidden from this respondent, unanswered or unscored: not counted.
            _ => continue,
        }
        spread.answers.push((respondent, answer.clone()));
    }
    if spread.answers.is_empty() {
        return None;
    }
    spread.combined = combined_answer(question, &spread);
    Some(spread)
}

/// The combined answer, by the rules of `docs/scoring.md`, "Several
/// respondents": not applicable if most said so, "don't know" if more said
/// that than gave a scored answer, else the median answer.
fn combined_answer(question: &Question, spread: &QuestionSpread) -> Answer {
    let scored = spread.n();
    if spread.not_applicable > scored + spread.dont_know {
        return Answer::NotApplicable;
    }
    if spread.dont_know > scored || scored == 0 {
        return if spread.dont_know > 0 {
            Answer::DontKnow
        } else {
            Answer::NotApplicable
        };
    }
    let Some(middle) = spread.median() else {
        return Answer::DontKnow;
    };
    match question.kind {
        QuestionKind::Scale { .. } => Answer::Scale(scale_step(middle)),
        _ => nearest_given(spread, middle),
    }
}

/// The scale step nearest `middle`, a half rounded down (2.5 → 2), so an
/// even split never claims more than the respondents gave.
fn scale_step(middle: f64) -> u8 {
    let highest = (SCALE_STEPS - 1) as f64;
    (middle - 0.5).ceil().clamp(0.0, highest) as u8
}

/// Of the scored answers given, the one whose score is nearest `middle`;
/// at equal distance the lower score, at equal score the answer given most
/// often, then the one given first.
fn nearest_given(spread: &QuestionSpread, middle: f64) -> Answer {
    let answer_of = |respondent: usize| {
        spread
            .answers
            .iter()
            .find(|(r, _)| *r == respondent)
            .map(|(_, a)| a)
    };
    let frequency = |answer: &Answer| {
        spread
            .answers
            .iter()
            .filter(|(_, a)| same_answer(a, answer))
            .count()
    };
    let mut best: Option<(f64, f64, usize, &Answer)> = None;
    for (respondent, score) in &spread.scores {
        let Some(answer) = answer_of(*respondent) else {
            continue;
        };
        let candidate = ((score - middle).abs(), *score, frequency(answer), answer);
        let better = match &best {
            None => true,
            Some((distance, best_score, count, _)) => {
                candidate.0 < *distance
                    || (candidate.0 == *distance && candidate.1 < *best_score)
                    || (candidate.0 == *distance
                        && candidate.1 == *best_score
                        && candidate.2 > *count)
            }
        };
        if better {
            best = Some(candidate);
        }
    }
    best.map_or(Answer::DontKnow, |(_, _, _, answer)| answer.clone())
}

/// Equal answers; the options of a multiple choice in any order.
fn same_answer(a: &Answer, b: &Answer) -> bool {
    match (a, b) {
        (Answer::Choices(x), Answer::Choices(y)) => {
            let mut x = x.clone();
            let mut y = y.clone();
            x.sort();
            y.sort();
            x == y
        }
        _ => a == b,
    }
}

/// The sidecar written beside a combined assessment (`NAME.spread.ron`):
/// the per-question spread the combined file cannot hold, for the report
/// to show later. Described in `docs/scoring.md`, "Several respondents".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpreadFile {
    /// [`SPREAD_FORMAT`].
    pub format: u32,
    /// Who answered, in the order the files were given.
    pub respondents: Vec<SpreadRespondent>,
    /// The questions answered by two or more respondents, in answering order.
    pub questions: Vec<SpreadQuestion>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpreadRespondent {
    pub label: String,
    /// Their own overall score, one decimal.
    pub overall: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpreadQuestion {
    pub question: String,
    /// Scored answers the figures are over ("don't know" not included).
    pub n: usize,
    pub min: Option<f64>,
    pub median: Option<f64>,
    pub max: Option<f64>,
    pub dont_know: usize,
    pub not_applicable: usize,
}

/// Where the spread of a combined file at `combined` goes:
/// `combined.ron` → `combined.spread.ron`.
pub fn spread_path(combined: &Path) -> PathBuf {
    let stem = combined
        .file_stem()
        .map_or_else(|| "combined".into(), |s| s.to_string_lossy().into_owned());
    combined.with_file_name(format!("{stem}.spread.ron"))
}

/// The spread file as RON text.
pub fn spread_to_ron(spread: &SpreadFile) -> String {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(3)
        .indentor("    ".to_string())
        .struct_names(true);
    crate::questionnaire::load::ron_options()
        .to_string_pretty(spread, config)
        .expect("a spread file always serialises")
}

/// Reads the spread file beside a combined assessment at `combined`, if
/// there is one: `Ok(None)` when there is none, an error in one line when
/// it is there but cannot be used.
pub fn read_spread_beside(combined: &Path) -> Result<Option<SpreadFile>, String> {
    let path = spread_path(combined);
    if !path.is_file() {
        return Ok(None);
    }
    let name = path.display();
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {name}: {e}"))?;
    let spread: SpreadFile = crate::questionnaire::load::ron_options()
        .from_str(&text)
        .map_err(|e| format!("{name}: {e}"))?;
    if spread.format != SPREAD_FORMAT {
        return Err(format!(
            "{name}: spread format {} is not one this version reads ({SPREAD_FORMAT})",
            spread.format
        ));
    }
    Ok(Some(spread))
}
