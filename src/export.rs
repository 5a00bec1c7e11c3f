//! Answers as CSV, for a spreadsheet: one row per shown question.
//!
//! UTF-8 with a byte-order mark, so spreadsheet programs on Windows keep
//! å, ä and ö; fields quoted per RFC 4180 (see [`csv`], shared with the
//! translators' sheet of `airedo strings`).

pub mod csv;

use crate::evaluation::Evaluation;
use crate::questionnaire::{Lang, QuestionKind};
use crate::scoring::QuestionState;
use crate::wording::answer_text;

/// The answers of an evaluated assessment as CSV text.
pub fn answers_csv(evaluation: &Evaluation, lang: Lang) -> String {
    let header = match lang {
        Lang::Sv => [
            "modul",
            "avsnitt",
            "fråga-id",
            "fråga",
            "svar",
            "poäng (0-4)",
            "anteckning",
        ],
        Lang::En => [
            "module",
            "section",
            "question id",
            "question",
            "answer",
            "score (0-4)",
            "note",
        ],
    };
    let mut out = String::from(csv::BOM);
    out.push_str(&csv::record(&header));
    let assessment = &evaluation.assessment;
    for module in &evaluation.modules {
        for section in &module.sections {
            let note = assessment
                .notes
                .get(&section.id)
                .map(String::as_str)
                .unwrap_or("");
            for question in &section.questions {
                let state = evaluation.results.question(&question.id).map(|q| &q.state);
                if matches!(question.kind, QuestionKind::Info)
                    || state == Some(&QuestionState::Hidden)
                {
                    continue;
                }
                let answer = assessment.answers.get(&question.id).map(|g| &g.answer);
                let text = answer.map_or_else(String::new, |a| answer_text(question, a, lang));
                let score = match state {
                    Some(QuestionState::Scored { raw } | QuestionState::DontKnow { raw }) => {
                        format!("{raw}")
                    }
                    _ => String::new(),
                };
                let row = [
                    module.title.get(lang),
                    section.title.get(lang),
                    &question.id,
                    question.text.get(lang),
                    &text,
                    &score,
                    note,
                ];
                out.push_str(&csv::record(&row));
            }
        }
    }
    out
}
