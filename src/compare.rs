//! Comparing two assessments of the same organisation: what moved, and which
//! recommendations are new or resolved.

use crate::assessment::Assessment;
use crate::recommend::Advice;
use crate::scoring::Results;

/// The change in one dimension.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionChange {
    pub id: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub level_before: Option<u8>,
    pub level_after: Option<u8>,
}

impl DimensionChange {
    /// After minus before, when both have a score.
    pub fn change(&self) -> Option<f64> {
        Some(self.after? - self.before?)
    }
}

/// Two assessments side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub dimensions: Vec<DimensionChange>,
    pub overall_before: Option<f64>,
    pub overall_after: Option<f64>,
    pub level_before: Option<u8>,
    pub level_after: Option<u8>,
    /// Recommendation ids that fire now but did not before.
    pub new_recommendations: Vec<String>,
    /// Recommendation ids that fired before but no longer do.
    pub resolved_recommendations: Vec<String>,
}

impl Comparison {
    pub fn overall_change(&self) -> Option<f64> {
        Some(self.overall_after? - self.overall_before?)
    }

    pub fn level_changed(&self) -> bool {
        self.level_before != self.level_after
    }
}

/// Whether two assessments are of the same organisation: the same type and
/// the same name, ignoring case and surrounding spaces.
pub fn same_organisation(a: &Assessment, b: &Assessment) -> bool {
    a.profile.organisation == b.profile.organisation
        && a.profile.name.trim().to_lowercase() == b.profile.name.trim().to_lowercase()
}

pub fn compare(before: (&Results, &Advice), after: (&Results, &Advice)) -> Comparison {
    let (old, old_advice) = before;
    let (new, new_advice) = after;
    let dimensions = new
        .dimensions
        .iter()
        .map(|d| {
            let previous = old.dimension(&d.id);
            DimensionChange {
                id: d.id.clone(),
                before: previous.and_then(|p| p.score),
                after: d.score,
                level_before: previous.and_then(|p| p.level),
                level_after: d.level,
            }
        })
        .collect();
    let old_ids = old_advice.ids();
    let new_ids = new_advice.ids();
    Comparison {
        dimensions,
        overall_before: old.overall,
        overall_after: new.overall,
        level_before: old.level,
        level_after: new.level,
        new_recommendations: new_ids
            .iter()
            .filter(|id| !old_ids.contains(id))
            .map(|s| s.to_string())
            .collect(),
        resolved_recommendations: old_ids
            .iter()
            .filter(|id| !new_ids.contains(id))
            .map(|s| s.to_string())
            .collect(),
    }
}
