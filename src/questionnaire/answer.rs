//! An answer to one question, as conditions and scoring see it.

use serde::{Deserialize, Serialize};

use super::model::{DONT_KNOW, NOT_APPLICABLE};

/// What a respondent answered. Written in assessment files, e.g.
/// `Choice("weekly")`, `Choices(["email", "chat"])`, `Scale(3)`, `YesNo(true)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    /// The id of the chosen option of a single choice.
    Choice(String),
    /// The ids of the chosen options of a multiple choice.
    Choices(Vec<String>),
    /// A step 0–4 on a scale.
    Scale(u8),
    YesNo(bool),
    /// Free text.
    Text(String),
    /// "Don't know": scores as the lowest answer and is counted.
    DontKnow,
    /// "Not applicable": left out of the score.
    NotApplicable,
}

impl Answer {
    /// Whether the answer is the option `id` (see `Condition::AnswerIs`).
    pub fn is(&self, id: &str) -> bool {
        match self {
            Answer::Choice(choice) => choice == id,
            Answer::Scale(step) => step.to_string() == id,
            Answer::YesNo(yes) => id == if *yes { "yes" } else { "no" },
            Answer::DontKnow => id == DONT_KNOW,
            Answer::NotApplicable => id == NOT_APPLICABLE,
            Answer::Choices(_) | Answer::Text(_) => false,
        }
    }

    /// Whether a multiple-choice answer includes the option `id`.
    pub fn includes(&self, id: &str) -> bool {
        match self {
            Answer::Choices(ids) => ids.iter().any(|c| c == id),
            _ => false,
        }
    }
}
