//! How the core's values are written for people: scores with the language's
//! decimal mark, answers as words, dates, contact names.
//!
//! The app, the CSV export and the PDF report all show the same numbers and
//! answers; writing them in one place keeps them from drifting apart.

use crate::catalogue::Catalogue;
use crate::questionnaire::{Answer, Contact, Lang, Question, QuestionKind};

/// A value at the one decimal scores are shown and stored with (JSON,
/// benchmark and spread files). Comparisons with stored figures use it too,
/// so what is compared is what people read.
pub fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// A score for people: one decimal, with the language's decimal mark
/// (`43,0` in Swedish, `43.0` in English).
pub fn score_text(score: f64, lang: Lang) -> String {
    let text = format!("{:.1}", round1(score));
    match lang {
        Lang::Sv => text.replace('.', ","),
        Lang::En => text,
    }
}

/// A plain number for people: whole numbers without decimals (`4`, `20`),
/// others with one, in the language's decimal mark (`2,5`).
pub fn number_text(value: f64, lang: Lang) -> String {
    let rounded = round1(value);
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        score_text(rounded, lang)
    }
}

/// A score or a dash when there is none.
pub fn optional_score_text(score: Option<f64>, lang: Lang) -> String {
    score.map_or_else(|| "–".to_string(), |s| score_text(s, lang))
}

/// A change in score with its sign: `+4,5`, `–2,0`. The minus is an en dash
/// because the shipped font (Noto Sans) has no U+2212 minus sign.
pub fn signed_score_text(change: f64, lang: Lang) -> String {
    let rounded = round1(change);
    let text = score_text(rounded.abs(), lang);
    if rounded < 0.0 {
        format!("–{text}")
    } else {
        format!("+{text}")
    }
}

/// An answer in words: the chosen option's label, "Yes", "Don't know", the
/// scale step with its label, or the free text itself.
pub fn answer_text(question: &Question, answer: &Answer, lang: Lang) -> String {
    let (dont_know, not_applicable, yes, no) = match lang {
        Lang::Sv => ("Vet inte", "Ej tillämpligt", "Ja", "Nej"),
        Lang::En => ("Don't know", "Not applicable", "Yes", "No"),
    };
    match (answer, &question.kind) {
        (Answer::DontKnow, _) => dont_know.to_string(),
        (Answer::NotApplicable, _) => not_applicable.to_string(),
        (Answer::YesNo(true), _) => yes.to_string(),
        (Answer::YesNo(false), _) => no.to_string(),
        (Answer::Text(text), _) => text.clone(),
        (Answer::Scale(step), QuestionKind::Scale { labels }) => format!(
            "{step} – {}",
            labels.get(usize::from(*step)).map_or("", |l| l.get(lang))
        ),
        (Answer::Choice(id), QuestionKind::SingleChoice { options }) => options
            .iter()
            .find(|o| o.id == *id)
            .map_or(id.clone(), |o| o.label.get(lang).to_string()),
        (Answer::Choices(ids), QuestionKind::MultipleChoice { options, .. }) => ids
            .iter()
            .map(|id| {
                options
                    .iter()
                    .find(|o| o.id == *id)
                    .map_or(id.as_str(), |o| o.label.get(lang))
            })
            .collect::<Vec<_>>()
            .join("; "),
        (other, _) => format!("{other:?}"),
    }
}

/// The contact point with this id, from whichever module defines it.
pub fn contact<'c>(catalogue: &'c Catalogue, id: &str) -> Option<&'c Contact> {
    catalogue
        .entries
        .iter()
        .flat_map(|entry| &entry.module.contacts)
        .find(|c| c.id == id)
}

/// A contact point's name, or its id when no module defines it.
pub fn contact_name(catalogue: &Catalogue, id: &str, lang: Lang) -> String {
    contact(catalogue, id).map_or_else(|| id.to_string(), |c| c.name.get(lang).to_string())
}

/// A date as people write it: `23 november 2026`, `23 November 2026`.
/// Takes the `YYYY-MM-DD` start of an RFC 3339 timestamp; anything else is
/// returned as it is.
pub fn long_date(date: &str, lang: Lang) -> String {
    const SV: [&str; 12] = [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<&str> = date.get(..10).unwrap_or(date).split('-').collect();
    let [year, month, day] = parts[..] else {
        return date.to_string();
    };
    let (Ok(month), Ok(day)) = (month.parse::<usize>(), day.parse::<u32>()) else {
        return date.to_string();
    };
    if year.len() != 4 || !(1..=12).contains(&month) {
        return date.to_string();
    }
    let name = match lang {
        Lang::Sv => SV[month - 1],
        Lang::En => EN[month - 1],
    };
    format!("{day} {name} {year}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_use_the_languages_decimal_mark() {
        assert_eq!(score_text(43.04, Lang::Sv), "43,0");
        assert_eq!(score_text(43.05, Lang::En), "43.1");
        assert_eq!(optional_score_text(None, Lang::Sv), "–");
        assert_eq!(number_text(4.0, Lang::Sv), "4");
        assert_eq!(number_text(20.0, Lang::En), "20");
        assert_eq!(number_text(2.5, Lang::Sv), "2,5");
        assert_eq!(signed_score_text(-2.04, Lang::Sv), "–2,0");
        assert_eq!(signed_score_text(4.5, Lang::En), "+4.5");
        // A change that rounds to zero has no minus sign.
        assert_eq!(signed_score_text(-0.01, Lang::En), "+0.0");
    }

    #[test]
    fn dates_are_written_out() {
        assert_eq!(
            long_date("2026-11-23T10:00:00Z", Lang::Sv),
            "23 november 2026"
        );
        assert_eq!(long_date("2026-03-01", Lang::En), "1 March 2026");
        assert_eq!(long_date("someday", Lang::En), "someday");
        assert_eq!(long_date("2026-13-01", Lang::En), "2026-13-01");
    }
}
