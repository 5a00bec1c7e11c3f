//! Answers given under an older (or newer) version of a module.
//!
//! When a module changes, an answer is kept only where its question still
//! exists and the answer still fits the question's kind and options. Every
//! other answer is moved to `retired_answers` — never deleted — and every
//! decision is written into a [`MigrationNote`] the user sees, so nothing is
//! re-scored silently.

use crate::catalogue::Catalogue;
use crate::questionnaire::{Answer, Question, QuestionKind, SCALE_STEPS};

use super::{Assessment, GivenAnswer};

/// What migration did to one answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// Kept: the question is unchanged in kind and the answer still fits.
    Kept { from_version: u32, to_version: u32 },
    /// Retired: the question is gone.
    QuestionRemoved,
    /// Retired: the question's kind changed, or the option is gone.
    NoLongerFits { reason: String },
    /// Retired: the module is no longer selected or no longer exists.
    ModuleMissing { module: String },
}

/// One migrated answer.
#[derive(Clone, Debug, PartialEq)]
pub struct MigratedAnswer {
    pub question: String,
    pub module: String,
    pub change: Change,
}

/// What migration did, for the user to read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MigrationNote {
    pub answers: Vec<MigratedAnswer>,
}

impl MigrationNote {
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }

    pub fn kept(&self) -> usize {
        self.answers
            .iter()
            .filter(|a| matches!(a.change, Change::Kept { .. }))
            .count()
    }

    pub fn retired(&self) -> usize {
        self.answers.len() - self.kept()
    }

    /// One line per answer, in English, for the CLI.
    pub fn lines(&self) -> Vec<String> {
        self.answers
            .iter()
            .map(|a| match &a.change {
                Change::Kept {
                    from_version,
                    to_version,
                } => format!(
                    "kept {}: answered under {} version {from_version}, still fits version {to_version}",
                    a.question, a.module
                ),
                Change::QuestionRemoved => format!(
                    "retired {}: the question is no longer in module {}",
                    a.question, a.module
                ),
                Change::NoLongerFits { reason } => {
                    format!("retired {}: {reason}", a.question)
                }
                Change::ModuleMissing { module } => format!(
                    "retired {}: module {module} is not selected or not installed",
                    a.question
                ),
            })
            .collect()
    }
}

/// Brings the answers up to the module versions in `catalogue`. Returns the
/// migrated assessment and what was done; an assessment whose answers all
/// match the current versions comes back unchanged with an empty note.
pub fn migrate(assessment: &Assessment, catalogue: &Catalogue) -> (Assessment, MigrationNote) {
    let mut migrated = assessment.clone();
    let mut note = MigrationNote::default();
    let (modules, _) = assessment.modules(catalogue);
    for (question_id, given) in &assessment.answers {
        let current = modules.iter().find(|m| m.id == given.module);
        let change = match current {
            None => Some(Change::ModuleMissing {
                module: given.module.clone(),
            }),
            Some(module) if module.version == given.version => None,
            Some(module) => Some(match module.questions().find(|q| q.id == *question_id) {
                None => Change::QuestionRemoved,
                Some(question) => match fits(question, &given.answer) {
                    Ok(()) => Change::Kept {
                        from_version: given.version,
                        to_version: module.version,
                    },
                    Err(reason) => Change::NoLongerFits { reason },
                },
            }),
        };
        let Some(change) = change else { continue };
        match &change {
            Change::Kept { to_version, .. } => {
                if let Some(answer) = migrated.answers.get_mut(question_id) {
                    answer.version = *to_version;
                }
            }
            _ => {
                if let Some(answer) = migrated.answers.remove(question_id) {
                    migrated.retired_answers.insert(question_id.clone(), answer);
                }
            }
        }
        note.answers.push(MigratedAnswer {
            question: question_id.clone(),
            module: given.module.clone(),
            change,
        });
    }
    (migrated, note)
}

/// Whether `answer` is a valid answer to `question` as it is now.
pub fn fits(question: &Question, answer: &Answer) -> Result<(), String> {
    let kind = &question.kind;
    let option_exists = |id: &str| match kind {
        QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options, .. } => {
            options.iter().any(|o| o.id == id)
        }
        _ => false,
    };
    match (kind, answer) {
        (QuestionKind::SingleChoice { .. }, Answer::Choice(id)) => {
            if option_exists(id) {
                Ok(())
            } else {
                Err(format!("option `{id}` is no longer offered"))
            }
        }
        (QuestionKind::MultipleChoice { .. }, Answer::Choices(ids)) => {
            match ids.iter().find(|id| !option_exists(id)) {
                Some(id) => Err(format!("option `{id}` is no longer offered")),
                None => Ok(()),
            }
        }
        (QuestionKind::Scale { .. }, Answer::Scale(step)) if usize::from(*step) < SCALE_STEPS => {
            Ok(())
        }
        (QuestionKind::YesNo { .. }, Answer::YesNo(_)) => Ok(()),
        (QuestionKind::FreeText, Answer::Text(_)) => Ok(()),
        (kind, Answer::DontKnow | Answer::NotApplicable) if kind.is_scored() => Ok(()),
        (kind, _) => Err(format!(
            "the question is now {}, which this answer does not fit",
            kind.name()
        )),
    }
}

/// The answer given to a question, if it fits the question as it is now.
pub fn valid_answer<'a>(question: &Question, given: Option<&'a GivenAnswer>) -> Option<&'a Answer> {
    given
        .map(|g| &g.answer)
        .filter(|answer| fits(question, answer).is_ok())
}
