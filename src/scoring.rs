//! Scoring: a pure function from the questionnaire and the answers to results.
//!
//! The method is written out for people in `docs/scoring.md`; keep the two in
//! step. In short: every answer scores 0–4, divided by 4; a dimension's score
//! is the weighted mean of its answered questions, times 100; the overall
//! score is the weighted mean of the dimensions that have a score. "Not
//! applicable" is left out, "don't know" counts as the question's lowest
//! answer and is counted, hidden questions are ignored, and unanswered ones
//! lower the completion figure, not the score.
//!
//! Questions are visited in answering order — the core module, then the
//! primary sector, then the other sectors — and a question's `show_if` sees
//! only the answers and dimension scores of the questions before it. So the
//! result never depends on the order answers were given or stored in.

use std::collections::{BTreeMap, HashMap};

use crate::assessment::migrate::valid_answer;
use crate::assessment::{Assessment, GivenAnswer, Profile};
use crate::catalogue::Catalogue;
use crate::questionnaire::{
    Answer, Facts, MAX_OPTION_SCORE, MaturityLevel, Module, OrgType, Question, QuestionKind,
    SizeBand,
};

/// Everything scoring found, for the UI, the report and the CLI.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    /// One per dimension, in the core module's order.
    pub dimensions: Vec<DimensionScore>,
    /// 0–100; `None` until some dimension has a score.
    pub overall: Option<f64>,
    /// The maturity level (1–5) of the overall score.
    pub level: Option<u8>,
    pub completion: Completion,
    /// Every question of the selected modules, in answering order.
    pub questions: Vec<QuestionResult>,
    /// Module ids the profile names that the catalogue does not have.
    pub missing_modules: Vec<String>,
    /// Answers that do not fit their question as it is now (see `migrate`).
    pub invalid_answers: Vec<String>,
}

/// The score of one dimension and what made it.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionScore {
    pub id: String,
    /// The dimension's weight in the overall score.
    pub weight: f64,
    /// 0–100; `None` when no question in it is answered.
    pub score: Option<f64>,
    pub level: Option<u8>,
    /// Answers counted in the score ("don't know" included).
    pub answered: usize,
    pub dont_know: usize,
    pub not_applicable: usize,
    /// Shown questions not answered yet.
    pub unanswered: usize,
    /// One per counted answer, in answering order.
    pub contributions: Vec<Contribution>,
}

/// How one answer moved its dimension's score.
#[derive(Clone, Debug, PartialEq)]
pub struct Contribution {
    pub question: String,
    /// The answer's score on the 0–4 scale.
    pub raw: f64,
    /// `raw / 4`.
    pub normalised: f64,
    pub weight: f64,
    /// Points of the dimension's 0–100 score this answer earned.
    pub points: f64,
    /// Points this answer left on the table: `points + lost` is its share of 100.
    pub lost: f64,
    pub dont_know: bool,
}

impl DimensionScore {
    /// The answers that earned the most points, best first.
    pub fn raised_most(&self, count: usize) -> Vec<&Contribution> {
        let mut list: Vec<&Contribution> = self
            .contributions
            .iter()
            .filter(|c| c.points > 0.0)
            .collect();
        list.sort_by(|a, b| b.points.total_cmp(&a.points));
        list.truncate(count);
        list
    }

    /// The answers that cost the most points, worst first.
    pub fn lowered_most(&self, count: usize) -> Vec<&Contribution> {
        let mut list: Vec<&Contribution> =
            self.contributions.iter().filter(|c| c.lost > 0.0).collect();
        list.sort_by(|a, b| b.lost.total_cmp(&a.lost));
        list.truncate(count);
        list
    }
}

/// What became of one question.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionResult {
    pub id: String,
    pub module: String,
    pub section: String,
    pub state: QuestionState,
}

#[derive(Clone, Debug, PartialEq)]
pub enum QuestionState {
    /// Its condition (or its section's) does not hold; any answer is ignored.
    Hidden,
    /// Shown, takes an answer, has none.
    Unanswered,
    /// Counted in its dimension with this 0–4 score.
    Scored { raw: f64 },
    /// "Don't know": counted with the question's lowest score.
    DontKnow { raw: f64 },
    /// Left out of the score.
    NotApplicable,
    /// Free text or information: shown, never scored.
    Unscored,
}

/// How much of the assessment is answered. Counts shown, scored questions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Completion {
    pub answered: usize,
    pub total: usize,
    pub sections: Vec<SectionCompletion>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SectionCompletion {
    pub module: String,
    pub section: String,
    pub visible: bool,
    pub answered: usize,
    pub total: usize,
}

impl Completion {
    /// 0–1; an assessment with nothing to answer is complete.
    pub fn ratio(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.answered as f64 / self.total as f64
        }
    }
}

impl Results {
    pub fn dimension(&self, id: &str) -> Option<&DimensionScore> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    pub fn question(&self, id: &str) -> Option<&QuestionResult> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn is_visible(&self, id: &str) -> bool {
        self.question(id)
            .is_some_and(|q| q.state != QuestionState::Hidden)
    }

    pub fn dont_know_count(&self) -> usize {
        self.dimensions.iter().map(|d| d.dont_know).sum()
    }

    pub fn not_applicable_count(&self) -> usize {
        self.dimensions.iter().map(|d| d.not_applicable).sum()
    }

    /// Shown questions still waiting for an answer, in answering order.
    pub fn unanswered(&self) -> Vec<&str> {
        self.questions
            .iter()
            .filter(|q| q.state == QuestionState::Unanswered)
            .map(|q| q.id.as_str())
            .collect()
    }
}

/// The maturity level a 0–100 score falls in.
pub fn level_of(levels: &[MaturityLevel], score: f64) -> Option<&MaturityLevel> {
    levels
        .iter()
        .find(|l| l.from <= score && score < l.to)
        .or_else(|| {
            levels
                .iter()
                .filter(|l| score >= l.to)
                .max_by(|a, b| a.to.total_cmp(&b.to))
                .filter(|l| score <= l.to)
        })
}

/// The 0–4 score of a valid answer, `None` for "not applicable" and unscored kinds.
pub fn raw_score(question: &Question, answer: &Answer) -> Option<f64> {
    let (lowest, _) = question.kind.score_range()?;
    match (&question.kind, answer) {
        (_, Answer::NotApplicable) => None,
        (_, Answer::DontKnow) => Some(lowest),
        (QuestionKind::SingleChoice { options }, Answer::Choice(id)) => {
            options.iter().find(|o| o.id == *id).map(|o| o.score)
        }
        (QuestionKind::MultipleChoice { options, cap }, Answer::Choices(ids)) => {
            let chosen: Vec<_> = options.iter().filter(|o| ids.contains(&o.id)).collect();
            if chosen.iter().any(|o| o.exclusive) {
                // "None of these" wins over anything picked with it.
                return Some(
                    chosen
                        .iter()
                        .filter(|o| o.exclusive)
                        .map(|o| o.score)
                        .fold(0.0, f64::max),
                );
            }
            Some(chosen.iter().map(|o| o.score).sum::<f64>().min(*cap))
        }
        (QuestionKind::Scale { .. }, Answer::Scale(step)) => {
            Some(f64::from(*step).min(MAX_OPTION_SCORE))
        }
        (QuestionKind::YesNo { yes, no }, Answer::YesNo(answer)) => {
            Some(if *answer { *yes } else { *no })
        }
        _ => None,
    }
}

/// Scores an assessment against the catalogue.
pub fn score(catalogue: &Catalogue, assessment: &Assessment) -> Results {
    let (modules, missing) = assessment.modules(catalogue);
    let mut results = match catalogue.core() {
        Some(core) => score_modules(core, &modules, &assessment.profile, &assessment.answers),
        None => empty_results(),
    };
    results.missing_modules = missing;
    results
}

fn empty_results() -> Results {
    Results {
        dimensions: Vec::new(),
        overall: None,
        level: None,
        completion: Completion::default(),
        questions: Vec::new(),
        missing_modules: Vec::new(),
        invalid_answers: Vec::new(),
    }
}

/// What conditions see while scoring: answers of questions shown so far and
/// dimension scores accumulated so far.
pub struct Progress<'a> {
    answers: &'a BTreeMap<String, GivenAnswer>,
    questions: HashMap<&'a str, &'a Question>,
    visible: HashMap<&'a str, bool>,
    /// Per dimension: (sum of weight × normalised score, sum of weights).
    sums: HashMap<&'a str, (f64, f64)>,
    organisation: OrgType,
    size: Option<SizeBand>,
    sectors: Vec<&'a str>,
}

impl Facts for Progress<'_> {
    fn answer(&self, question: &str) -> Option<&Answer> {
        if self.visible.get(question) != Some(&true) {
            return None;
        }
        let q = self.questions.get(question)?;
        valid_answer(q, self.answers.get(question))
    }

    fn dimension_score(&self, dimension: &str) -> Option<f64> {
        self.sums
            .get(dimension)
            .filter(|(_, weight)| *weight > 0.0)
            .map(|(sum, weight)| 100.0 * sum / weight)
    }

    fn organisation(&self) -> Option<OrgType> {
        Some(self.organisation)
    }

    fn size(&self) -> Option<SizeBand> {
        self.size
    }

    fn has_sector(&self, sector: &str) -> bool {
        self.sectors.contains(&sector)
    }
}

/// Scores `answers` to `modules` (the core first), with dimensions and
/// levels from `core`. Returns the results and the final facts, which the
/// recommendation engine evaluates triggers against.
pub fn score_with_facts<'a>(
    core: &'a Module,
    modules: &[&'a Module],
    profile: &'a Profile,
    answers: &'a BTreeMap<String, GivenAnswer>,
) -> (Results, Progress<'a>) {
    let mut progress = Progress {
        answers,
        questions: modules
            .iter()
            .flat_map(|m| m.questions())
            .map(|q| (q.id.as_str(), q))
            .collect(),
        visible: HashMap::new(),
        sums: HashMap::new(),
        organisation: profile.organisation,
        size: profile.size,
        sectors: profile
            .primary_sector
            .iter()
            .chain(&profile.other_sectors)
            .map(String::as_str)
            .collect(),
    };
    let mut questions = Vec::new();
    let mut completion = Completion::default();
    let mut invalid_answers = Vec::new();
    let mut counted: HashMap<&str, Vec<(&Question, f64, bool)>> = HashMap::new();
    let mut not_applicable: HashMap<&str, usize> = HashMap::new();
    let mut unanswered: HashMap<&str, usize> = HashMap::new();

    for module in modules {
        for section in &module.sections {
            let section_visible = section.show_if.as_ref().is_none_or(|c| c.holds(&progress));
            let mut section_completion = SectionCompletion {
                module: module.id.clone(),
                section: section.id.clone(),
                visible: section_visible,
                answered: 0,
                total: 0,
            };
            for question in &section.questions {
                let visible =
                    section_visible && question.show_if.as_ref().is_none_or(|c| c.holds(&progress));
                progress.visible.insert(&question.id, visible);
                let given = answers.get(&question.id);
                let answer = valid_answer(question, given);
                if given.is_some() && answer.is_none() {
                    invalid_answers.push(question.id.clone());
                }
                let state = if !visible {
                    QuestionState::Hidden
                } else if !question.kind.is_scored() {
                    QuestionState::Unscored
                } else {
                    section_completion.total += 1;
                    match answer {
                        None => QuestionState::Unanswered,
                        Some(answer) => {
                            section_completion.answered += 1;
                            match (answer, raw_score(question, answer)) {
                                (Answer::NotApplicable, _) | (_, None) => {
                                    QuestionState::NotApplicable
                                }
                                (Answer::DontKnow, Some(raw)) => QuestionState::DontKnow { raw },
                                (_, Some(raw)) => QuestionState::Scored { raw },
                            }
                        }
                    }
                };
                if let Some(dimension) = question.dimension.as_deref() {
                    match state {
                        QuestionState::Scored { raw } | QuestionState::DontKnow { raw } => {
                            let normalised = raw / MAX_OPTION_SCORE;
                            let sums = progress.sums.entry(dimension).or_insert((0.0, 0.0));
                            sums.0 += question.weight * normalised;
                            sums.1 += question.weight;
                            let dont_know = matches!(state, QuestionState::DontKnow { .. });
                            counted
                                .entry(dimension)
                                .or_default()
                                .push((question, raw, dont_know));
                        }
                        QuestionState::NotApplicable => {
                            *not_applicable.entry(dimension).or_default() += 1
                        }
                        QuestionState::Unanswered => *unanswered.entry(dimension).or_default() += 1,
                        _ => {}
                    }
                }
                questions.push(QuestionResult {
                    id: question.id.clone(),
                    module: module.id.clone(),
                    section: section.id.clone(),
                    state,
                });
            }
            completion.answered += section_completion.answered;
            completion.total += section_completion.total;
            completion.sections.push(section_completion);
        }
    }

    let dimensions: Vec<DimensionScore> = core
        .dimensions
        .iter()
        .map(|d| {
            let id = d.id.as_str();
            let score = progress.dimension_score(id);
            let total_weight = progress.sums.get(id).map_or(0.0, |s| s.1);
            let counted = counted.remove(id).unwrap_or_default();
            let contributions = counted
                .iter()
                .map(|(q, raw, dont_know)| {
                    let normalised = raw / MAX_OPTION_SCORE;
                    let share = 100.0 * q.weight / total_weight;
                    Contribution {
                        question: q.id.clone(),
                        raw: *raw,
                        normalised,
                        weight: q.weight,
                        points: share * normalised,
                        lost: share * (1.0 - normalised),
                        dont_know: *dont_know,
                    }
                })
                .collect();
            DimensionScore {
                id: d.id.clone(),
                weight: d.weight,
                score,
                level: score
                    .and_then(|s| level_of(&core.maturity_levels, s))
                    .map(|l| l.level),
                answered: counted.len(),
                dont_know: counted.iter().filter(|c| c.2).count(),
                not_applicable: not_applicable.get(id).copied().unwrap_or(0),
                unanswered: unanswered.get(id).copied().unwrap_or(0),
                contributions,
            }
        })
        .collect();

    let (weighted, weights) = dimensions
        .iter()
        .filter_map(|d| d.score.map(|s| (d.weight * s, d.weight)))
        .fold((0.0, 0.0), |(a, b), (c, d)| (a + c, b + d));
    let overall = (weights > 0.0).then(|| weighted / weights);
    let level = overall
        .and_then(|s| level_of(&core.maturity_levels, s))
        .map(|l| l.level);
    let results = Results {
        dimensions,
        overall,
        level,
        completion,
        questions,
        missing_modules: Vec::new(),
        invalid_answers,
    };
    (results, progress)
}

/// Scores `answers` to `modules`, with dimensions and levels from `core`.
pub fn score_modules(
    core: &Module,
    modules: &[&Module],
    profile: &Profile,
    answers: &BTreeMap<String, GivenAnswer>,
) -> Results {
    score_with_facts(core, modules, profile, answers).0
}
