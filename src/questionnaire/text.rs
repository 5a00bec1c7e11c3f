//! Languages and bilingual text.
//!
//! Every human-readable string in a questionnaire is a [`Text`]: one entry per
//! language. AI-redo ships Swedish (the default) and English; a user module may
//! declare only one of them. Which language is *missing* is a validation concern
//! (see `validate`), so a `Text` simply holds what the author wrote.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A language the questionnaires and the user interface are written in.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Swedish, the default.
    #[default]
    Sv,
    /// English.
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Sv, Lang::En];

    /// The ISO 639-1 code, as written in files and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// Parses `sv` or `en` (any case).
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A text in one or both languages, written `(sv: "…", en: "…")` in RON.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sv: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Text {
    /// A text with both languages, for code that builds questionnaires.
    pub fn new(sv: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            sv: Some(sv.into()),
            en: Some(en.into()),
        }
    }

    /// The text in `lang`, if the author wrote it (blank counts as missing).
    pub fn exact(&self, lang: Lang) -> Option<&str> {
        let text = match lang {
            Lang::Sv => self.sv.as_deref(),
            Lang::En => self.en.as_deref(),
        };
        text.filter(|t| !t.trim().is_empty())
    }

    /// The text in `lang`, falling back to the other language so the user
    /// never sees an empty label. Empty only when both are missing.
    pub fn get(&self, lang: Lang) -> &str {
        self.exact(lang)
            .or_else(|| Lang::ALL.into_iter().find_map(|other| self.exact(other)))
            .unwrap_or("")
    }

    /// The languages this text is missing out of `wanted`.
    pub fn missing(&self, wanted: &[Lang]) -> Vec<Lang> {
        wanted
            .iter()
            .copied()
            .filter(|&lang| self.exact(lang).is_none())
            .collect()
    }
}
