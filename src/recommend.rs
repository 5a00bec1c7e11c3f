//! Recommendations: which advice applies, in what order, and why.
//!
//! Every trigger is evaluated on the final answers and scores. The ones that
//! fire are ranked by priority; then by how close their dimension is to its
//! next maturity level (the smallest gap first: the step that lifts a level
//! soonest); then by the weight of the answered questions the trigger names;
//! then by catalogue order, so the ranking is deterministic. Duplicates (the
//! same id, or the same title in the assessment's language) are dropped.

use std::collections::HashSet;

use crate::questionnaire::{Condition, Facts, Horizon, Lang, Module, Priority, Recommendation};
use crate::scoring::Results;

/// How many recommendations the "first steps" list shows.
pub const FIRST_STEPS: usize = 5;

/// A recommendation that fired.
#[derive(Clone, Debug)]
pub struct Triggered<'c> {
    pub recommendation: &'c Recommendation,
    pub module: &'c Module,
    /// Points the dimension lacks to reach its next level (`None` at the top
    /// level or when the dimension has no score).
    pub gap: Option<f64>,
    /// Total weight of the answered questions the trigger names.
    pub involved_weight: f64,
    /// The parts of the trigger that held, in words, for "why".
    pub reasons: Vec<String>,
}

/// Every recommendation that fired, ranked.
#[derive(Clone, Debug, Default)]
pub struct Advice<'c> {
    pub ranked: Vec<Triggered<'c>>,
}

impl<'c> Advice<'c> {
    /// The top of the list: what to do first.
    pub fn first_steps(&self) -> &[Triggered<'c>] {
        &self.ranked[..self.ranked.len().min(FIRST_STEPS)]
    }

    /// The ranked list split by horizon, now first.
    pub fn by_horizon(&self) -> Vec<(Horizon, Vec<&Triggered<'c>>)> {
        Horizon::ALL
            .into_iter()
            .map(|h| {
                (
                    h,
                    self.ranked
                        .iter()
                        .filter(|t| t.recommendation.horizon == h)
                        .collect(),
                )
            })
            .collect()
    }

    pub fn ids(&self) -> Vec<&str> {
        self.ranked
            .iter()
            .map(|t| t.recommendation.id.as_str())
            .collect()
    }

    /// The ids of the first steps, in order.
    pub fn first_step_ids(&self) -> Vec<&str> {
        self.first_steps()
            .iter()
            .map(|t| t.recommendation.id.as_str())
            .collect()
    }
}

/// Evaluates every recommendation of `modules` against the final `facts`.
pub fn recommend<'c>(
    core: &'c Module,
    modules: &[&'c Module],
    results: &Results,
    facts: &dyn Facts,
    lang: Lang,
) -> Advice<'c> {
    let mut fired: Vec<(usize, Triggered<'c>)> = Vec::new();
    let mut order = 0;
    for module in modules {
        for recommendation in &module.recommendations {
            order += 1;
            if !recommendation.when.holds(facts) {
                continue;
            }
            let score = results
                .dimension(&recommendation.dimension)
                .and_then(|d| d.score);
            let gap = score.and_then(|s| {
                core.maturity_levels
                    .iter()
                    .map(|l| l.from)
                    .filter(|from| *from > s)
                    .min_by(f64::total_cmp)
                    .map(|next| next - s)
            });
            let involved_weight = recommendation
                .when
                .questions()
                .into_iter()
                .collect::<HashSet<_>>()
                .into_iter()
                .filter(|q| facts.answer(q).is_some())
                .filter_map(|q| {
                    modules
                        .iter()
                        .flat_map(|m| m.questions())
                        .find(|x| x.id == q)
                })
                .map(|q| q.weight)
                .sum();
            fired.push((
                order,
                Triggered {
                    recommendation,
                    module,
                    gap,
                    involved_weight,
                    reasons: reasons(&recommendation.when, facts),
                },
            ));
        }
    }
    fired.sort_by(|(order_a, a), (order_b, b)| {
        let priority = |t: &Triggered| -> Priority { t.recommendation.priority };
        priority(a)
            .cmp(&priority(b))
            .then_with(|| {
                a.gap
                    .unwrap_or(f64::INFINITY)
                    .total_cmp(&b.gap.unwrap_or(f64::INFINITY))
            })
            .then_with(|| b.involved_weight.total_cmp(&a.involved_weight))
            .then_with(|| order_a.cmp(order_b))
    });
    let mut seen_ids = HashSet::new();
    let mut seen_titles = HashSet::new();
    let ranked = fired
        .into_iter()
        .map(|(_, t)| t)
        .filter(|t| {
            let title = t.recommendation.title.get(lang).trim().to_lowercase();
            seen_ids.insert(t.recommendation.id.clone()) && seen_titles.insert(title)
        })
        .collect();
    Advice { ranked }
}

/// The parts of a condition that hold, in plain words (English, for the
/// CLI and the author preview; the report words them itself).
pub fn reasons(condition: &Condition, facts: &dyn Facts) -> Vec<String> {
    let mut out = Vec::new();
    collect_reasons(condition, facts, &mut out);
    out
}

fn collect_reasons(condition: &Condition, facts: &dyn Facts, out: &mut Vec<String>) {
    if !condition.holds(facts) {
        return;
    }
    match condition {
        Condition::All(list) | Condition::Any(list) => {
            for c in list {
                collect_reasons(c, facts, out);
            }
        }
        Condition::Not(inner) => out.push(format!("not ({})", describe(inner))),
        other => out.push(describe(other)),
    }
}

/// A condition in words.
pub fn describe(condition: &Condition) -> String {
    match condition {
        Condition::All(list) => format!(
            "all of ({})",
            list.iter().map(describe).collect::<Vec<_>>().join("; ")
        ),
        Condition::Any(list) => format!(
            "any of ({})",
            list.iter().map(describe).collect::<Vec<_>>().join("; ")
        ),
        Condition::Not(inner) => format!("not ({})", describe(inner)),
        Condition::Answered(q) => format!("{q} is answered"),
        Condition::AnswerIs { question, option } => format!("{question} is answered {option}"),
        Condition::AnswerIncludes { question, option } => format!("{question} includes {option}"),
        Condition::DimensionAtLeast { dimension, score } => {
            format!("{dimension} score is at least {score}")
        }
        Condition::DimensionBelow { dimension, score } => {
            format!("{dimension} score is below {score}")
        }
        Condition::OrganisationIs(types) => format!("organisation is {types:?}"),
        Condition::PublicBody => "organisation is a public body".to_string(),
        Condition::SizeIs(sizes) => format!("size is {sizes:?}"),
        Condition::SectorIs(sectors) => format!("sector is {}", sectors.join(" or ")),
    }
}
