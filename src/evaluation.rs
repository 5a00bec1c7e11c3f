//! One call from an assessment to everything the user sees: migrated
//! answers, scores and ranked advice. The CLI, the app and the report all
//! go through here, so they cannot disagree.

use crate::assessment::Assessment;
use crate::assessment::migrate::{MigrationNote, migrate};
use crate::catalogue::Catalogue;
use crate::questionnaire::{Module, Question};
use crate::recommend::{Advice, recommend};
use crate::scoring::{Results, score_with_facts};

/// An assessment, evaluated.
#[derive(Debug)]
pub struct Evaluation<'c> {
    /// The assessment with its answers brought up to the modules in force.
    pub assessment: Assessment,
    /// What migration did (empty when nothing had to change).
    pub migration: MigrationNote,
    /// The core module, then the selected sector modules.
    pub modules: Vec<&'c Module>,
    pub results: Results,
    pub advice: Advice<'c>,
}

impl<'c> Evaluation<'c> {
    /// The question with this id in the modules answered.
    pub fn question(&self, id: &str) -> Option<&'c Question> {
        self.modules
            .iter()
            .flat_map(|m| m.questions())
            .find(|q| q.id == id)
    }
}

/// Evaluates `assessment` against `catalogue`. `None` when the catalogue has
/// no core module (every module failed to load).
pub fn evaluate<'c>(catalogue: &'c Catalogue, assessment: &Assessment) -> Option<Evaluation<'c>> {
    let core = catalogue.core()?;
    let (migrated, migration) = migrate(assessment, catalogue);
    let (modules, missing) = migrated.modules(catalogue);
    let (mut results, facts) =
        score_with_facts(core, &modules, &migrated.profile, &migrated.answers);
    results.missing_modules = missing;
    let advice = recommend(core, &modules, &results, &facts, migrated.language);
    drop(facts);
    Some(Evaluation {
        assessment: migrated,
        migration,
        modules,
        results,
        advice,
    })
}
