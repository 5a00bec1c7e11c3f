//! One organisation's assessments over time, scored, for a timeline.
//!
//! An organisation that assesses itself once a year wants to see whether it
//! moved, dimension by dimension. The assessments are separate files (each
//! one a snapshot the organisation may want to keep as it was), so the
//! history is found, not stored: every readable assessment of the same
//! organisation (`compare::same_organisation`), scored with today's
//! catalogue so the points on the line are comparable, oldest first.

use crate::assessment::{Assessment, Timestamp};
use crate::catalogue::Catalogue;
use crate::compare::same_organisation;
use crate::evaluation::evaluate;

/// One assessment on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// When the assessment was last changed.
    pub updated: Timestamp,
    /// The overall score, if enough was answered.
    pub overall: Option<f64>,
    /// Each dimension's score, in the catalogue's dimension order.
    pub dimensions: Vec<(String, Option<f64>)>,
}

/// The timeline of one organisation, oldest first; the last point is the
/// assessment the history was made for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    pub points: Vec<Point>,
}

impl History {
    /// The change in a dimension from the first point that has a score to
    /// the last one that has; `None` with fewer than two such points.
    pub fn change(&self, dimension: &str) -> Option<f64> {
        let scores: Vec<f64> = self
            .points
            .iter()
            .filter_map(|p| p.score(dimension))
            .collect();
        (scores.len() >= 2).then(|| scores[scores.len() - 1] - scores[0])
    }

    /// The change in the overall score, first to last.
    pub fn overall_change(&self) -> Option<f64> {
        let scores: Vec<f64> = self.points.iter().filter_map(|p| p.overall).collect();
        (scores.len() >= 2).then(|| scores[scores.len() - 1] - scores[0])
    }
}

impl Point {
    /// This point's score in a dimension.
    pub fn score(&self, dimension: &str) -> Option<f64> {
        self.dimensions
            .iter()
            .find(|(id, _)| id == dimension)
            .and_then(|(_, score)| *score)
    }
}

/// The assessments among `others` that are earlier assessments of the
/// organisation `current` assesses, oldest first.
pub fn earlier<'a>(
    current: &Assessment,
    others: impl IntoIterator<Item = &'a Assessment>,
) -> Vec<&'a Assessment> {
    let mut earlier: Vec<&Assessment> = others
        .into_iter()
        .filter(|other| same_organisation(other, current) && other.updated < current.updated)
        .collect();
    earlier.sort_by(|a, b| a.updated.cmp(&b.updated));
    earlier
}

/// The timeline of `earlier` assessments (oldest first) followed by
/// `current`, each scored against `catalogue`.
pub fn history(catalogue: &Catalogue, earlier: &[&Assessment], current: &Assessment) -> History {
    let points = earlier
        .iter()
        .copied()
        .chain(std::iter::once(current))
        .filter_map(|assessment| {
            let evaluation = evaluate(catalogue, assessment)?;
            Some(Point {
                updated: assessment.updated.clone(),
                overall: evaluation.results.overall,
                dimensions: evaluation
                    .results
                    .dimensions
                    .iter()
                    .map(|d| (d.id.clone(), d.score))
                    .collect(),
            })
        })
        .collect();
    History { points }
}
