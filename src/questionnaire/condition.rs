//! Conditions: when a question or section is shown, when a recommendation fires.
//!
//! Conditions are structured values, not expression strings, so a typo is a
//! parse error with a line number rather than a silent `false` at run time.
//! [`Condition::holds`] is the one evaluator; scoring, the validator's
//! reachability check and the UI all call it through the [`Facts`] trait.

use serde::{Deserialize, Serialize};

use super::answer::Answer;
use super::model::{OrgType, SizeBand};

/// A yes/no question about the answers and the organisation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    /// Every listed condition holds (true when the list is empty).
    All(Vec<Condition>),
    /// At least one listed condition holds (false when the list is empty).
    Any(Vec<Condition>),
    /// The condition does not hold.
    Not(Box<Condition>),
    /// The question has a visible answer of any kind.
    Answered(String),
    /// The answer is this option. For a scale the option is the step `"0"`–`"4"`,
    /// for yes/no `"yes"` or `"no"`; `"dont_know"` and `"not_applicable"` work
    /// for every scored kind, multiple choice included.
    AnswerIs { question: String, option: String },
    /// A multiple-choice answer includes this option.
    AnswerIncludes { question: String, option: String },
    /// The dimension's score (0–100) is at least `score`.
    DimensionAtLeast { dimension: String, score: f64 },
    /// The dimension's score (0–100) is below `score`.
    DimensionBelow { dimension: String, score: f64 },
    /// The organisation is one of these types.
    OrganisationIs(Vec<OrgType>),
    /// The organisation is a public body (any type but `Company`).
    PublicBody,
    /// The organisation's size band is one of these.
    SizeIs(Vec<SizeBand>),
    /// One of these sector modules is selected.
    SectorIs(Vec<String>),
}

/// What a condition may ask about. Implemented by the scorer (real answers)
/// and by the validator (imagined answers, to find conditions that can never hold).
pub trait Facts {
    /// The answer to a question, or `None` when unanswered *or hidden*.
    fn answer(&self, question: &str) -> Option<&Answer>;
    /// The dimension's score 0–100, `None` when nothing scored in it yet.
    fn dimension_score(&self, dimension: &str) -> Option<f64>;
    fn organisation(&self) -> Option<OrgType>;
    fn size(&self) -> Option<SizeBand>;
    fn has_sector(&self, sector: &str) -> bool;
}

impl Condition {
    /// Whether the condition holds for these facts.
    pub fn holds(&self, facts: &dyn Facts) -> bool {
        match self {
            Condition::All(all) => all.iter().all(|c| c.holds(facts)),
            Condition::Any(any) => any.iter().any(|c| c.holds(facts)),
            Condition::Not(inner) => !inner.holds(facts),
            Condition::Answered(q) => facts.answer(q).is_some(),
            Condition::AnswerIs { question, option } => {
                facts.answer(question).is_some_and(|a| a.is(option))
            }
            Condition::AnswerIncludes { question, option } => {
                facts.answer(question).is_some_and(|a| a.includes(option))
            }
            Condition::DimensionAtLeast { dimension, score } => facts
                .dimension_score(dimension)
                .is_some_and(|s| s >= *score),
            Condition::DimensionBelow { dimension, score } => {
                facts.dimension_score(dimension).is_some_and(|s| s < *score)
            }
            Condition::OrganisationIs(types) => {
                facts.organisation().is_some_and(|t| types.contains(&t))
            }
            Condition::PublicBody => facts.organisation().is_some_and(OrgType::is_public),
            Condition::SizeIs(sizes) => facts.size().is_some_and(|s| sizes.contains(&s)),
            Condition::SectorIs(sectors) => sectors.iter().any(|s| facts.has_sector(s)),
        }
    }

    /// Every question id the condition mentions, in order of appearance.
    pub fn questions(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.visit(&mut |c| match c {
            Condition::Answered(q)
            | Condition::AnswerIs { question: q, .. }
            | Condition::AnswerIncludes { question: q, .. } => out.push(q.as_str()),
            _ => {}
        });
        out
    }

    /// Every dimension id the condition mentions.
    pub fn dimensions(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.visit(&mut |c| {
            if let Condition::DimensionAtLeast { dimension, .. }
            | Condition::DimensionBelow { dimension, .. } = c
            {
                out.push(dimension.as_str());
            }
        });
        out
    }

    /// Calls `f` on this condition and every condition nested in it.
    pub fn visit<'a>(&'a self, f: &mut dyn FnMut(&'a Condition)) {
        f(self);
        match self {
            Condition::All(list) | Condition::Any(list) => {
                list.iter().for_each(|c| c.visit(f));
            }
            Condition::Not(inner) => inner.visit(f),
            _ => {}
        }
    }
}
