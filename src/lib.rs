//! AI-redo: an offline AI-readiness self-assessment.
//!
//! The crate is a functional core with thin shells around it.
//!
//! - **Core** (no UI types, tested directly):
//!   [`questionnaire`] (the file format, loading, validation),
//!   [`catalogue`] (shipped and user modules together), [`assessment`]
//!   (one organisation's answers, and migrating them), [`scoring`],
//!   [`recommend`], [`compare`], [`evaluation`] (all three at once),
//!   [`history`] (one organisation's assessments over time),
//!   [`export`] (answers as CSV),
//!   [`storage`] (atomic saves, files moved aside when unreadable),
//!   [`strategy`] (the sections of COM(2025) 723 that content cites), [`paths`],
//!   [`wording`] (scores, answers and dates written for people),
//!   [`report`] (the PDF recommendation report),
//!   [`group`] (several respondents merged, many organisations rolled up
//!   into an anonymised benchmark).
//! - **Shells**: [`cli`] (the `airedo` command) and [`ui`] (the egui desktop
//!   app). Both only call the core.

/// Declares a table of texts in Swedish and English: a `Texts` struct with
/// one `&'static str` per field, the constants `SV` and `EN`, and `all()`.
/// A text missing in one language is a compile error, not a blank label.
/// The app (`ui::texts`) and the report (`report::texts`) each have one.
macro_rules! text_table {
    ($($field:ident: $sv:expr, $en:expr;)*) => {
        /// The texts in one language.
        pub struct Texts {
            $(pub $field: &'static str,)*
        }

        pub const SV: Texts = Texts { $($field: $sv,)* };
        pub const EN: Texts = Texts { $($field: $en,)* };

        impl Texts {
            /// Every text in this language, for checks such as font coverage.
            pub fn all(&self) -> Vec<&'static str> {
                vec![$(self.$field,)*]
            }

            pub fn get(lang: $crate::questionnaire::Lang) -> &'static Texts {
                match lang {
                    $crate::questionnaire::Lang::Sv => &SV,
                    $crate::questionnaire::Lang::En => &EN,
                }
            }
        }
    };
}

pub mod assessment;
pub mod authoring;
pub mod catalogue;
pub mod cli;
pub mod compare;
pub mod evaluation;
pub mod export;
#[doc(hidden)]
pub mod fuzzing;
pub mod group;
pub mod history;
pub mod paths;
pub mod questionnaire;
pub mod recommend;
pub mod report;
pub mod scoring;
pub mod storage;
pub mod strategy;
#[cfg(feature = "gui")]
pub mod ui;
pub mod wording;

/// The version of this build, written into files it saves.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
