//! Problems found in questionnaire files, as data.
//!
//! Every problem carries a stable code, a severity and a `file:line:col`
//! location, so the CLI, the app and the tests all see the same thing. The
//! codes are part of the public contract: documented in
//! `docs/questionnaire-format.md` and asserted by the fixtures in `tests/`.

use std::fmt;

/// How bad a problem is. Errors keep a file from loading; warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

macro_rules! problem_codes {
    ($($variant:ident = $code:literal, $severity:ident, $doc:literal;)*) => {
        /// What kind of problem it is. The string form (`unknown-field`) is stable.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ProblemCode {
            $(#[doc = $doc] $variant,)*
        }

        impl ProblemCode {
            /// Every code, in documentation order.
            pub const ALL: &'static [ProblemCode] = &[$(ProblemCode::$variant,)*];

            /// The stable name printed in messages.
            pub fn as_str(self) -> &'static str {
                match self { $(ProblemCode::$variant => $code,)* }
            }

            /// The severity a problem of this kind usually has.
            pub fn default_severity(self) -> Severity {
                match self { $(ProblemCode::$variant => Severity::$severity,)* }
            }

            /// One line saying what the code means.
            pub fn description(self) -> &'static str {
                match self { $(ProblemCode::$variant => $doc,)* }
            }
        }
    };
}

problem_codes! {
    Unreadable = "unreadable", Error, "The file could not be read (missing, a folder, a link loop, no permission).";
    TooLarge = "too-large", Error, "The file is larger than the size limit.";
    NotUtf8 = "not-utf8", Error, "The file is not valid UTF-8 text.";
    Syntax = "syntax", Error, "The file is not valid RON.";
    TooDeep = "too-deep", Error, "Values are nested deeper than the limit.";
    UnknownField = "unknown-field", Error, "A field name the format does not have.";
    UnknownVariant = "unknown-variant", Error, "A kind, condition or enum value the format does not have.";
    MissingField = "missing-field", Error, "A required field is missing.";
    WrongType = "wrong-type", Error, "A value of the wrong type (text where a number belongs, …).";
    FormatVersion = "format-version", Error, "The file is written in a format version this build cannot read.";
    TooMany = "too-many", Error, "More sections, questions, options or recommendations than the limit.";
    InvalidId = "invalid-id", Error, "An id with characters other than a-z, 0-9, '.', '_' and '-'.";
    DuplicateId = "duplicate-id", Error, "Two things of the same kind share an id.";
    CoreOnly = "core-only", Error, "Dimensions and maturity levels belong in the core module only.";
    NoCore = "no-core", Error, "No core module defines the dimensions and maturity levels.";
    UnknownDimension = "unknown-dimension", Error, "A reference to a dimension that is not defined.";
    UnknownQuestion = "unknown-question", Error, "A reference to a question that is not defined.";
    UnknownOption = "unknown-option", Error, "A reference to an option the question does not have.";
    UnknownContact = "unknown-contact", Error, "A reference to a contact point that is not defined.";
    ForeignReference = "foreign-reference", Error, "A sector module refers to a question of another sector module.";
    WrongQuestionKind = "wrong-question-kind", Error, "A condition that does not fit the kind of the question it names.";
    MissingDimension = "missing-dimension", Error, "A scored question without a dimension.";
    ForwardReference = "forward-reference", Error, "A question or section shown on a condition about itself or a later question.";
    Cycle = "cycle", Error, "Conditions that depend on each other in a circle.";
    NeverTrue = "never-true", Error, "A condition that no set of answers can make true.";
    UnreachableRecommendation = "unreachable-recommendation", Error, "A recommendation no set of answers can trigger.";
    OutOfRange = "out-of-range", Error, "A score, cap, threshold or version outside its allowed range.";
    NonPositiveWeight = "non-positive-weight", Error, "A weight of 0 or less.";
    EmptyOptions = "empty-options", Error, "A choice question with no options, or a section with no questions.";
    ScaleLabels = "scale-labels", Error, "A scale question without exactly one label per step 0-4.";
    MaturityLevels = "maturity-levels", Error, "Maturity levels not numbered 1 to 5.";
    MaturityGap = "maturity-gap", Error, "Maturity thresholds that leave scores between levels uncovered.";
    MaturityOverlap = "maturity-overlap", Error, "Maturity thresholds where two levels claim the same score.";
    MissingTranslation = "missing-translation", Error, "A text missing in a language the module declares (shipped modules must declare sv and en).";
    MissingStrategyRef = "missing-strategy-ref", Error, "A question or recommendation that cites no strategy section.";
    DuplicateModule = "duplicate-module", Error, "Two files define the same module id and version.";
    MissingHelp = "missing-help", Warning, "A scored question without a help text.";
    UnusedDimension = "unused-dimension", Warning, "A dimension on a question that is never scored.";
    CapUnreachable = "cap-unreachable", Warning, "A multiple-choice cap higher than all options together can reach.";
    UnknownSector = "unknown-sector", Warning, "A sector condition naming no known sector module.";
    Shadowed = "shadowed", Warning, "A module that does not replace the one already loaded, because its version is not higher.";
    TooComplex = "too-complex", Warning, "A condition with too many combinations to prove it can hold.";
}

impl fmt::Display for ProblemCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem at one place in one file.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub code: ProblemCode,
    pub severity: Severity,
    /// The file as the user named it, or `builtin:NAME.ron` for shipped files.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    pub message: String,
}

impl Problem {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}[{}]: {}",
            self.file, self.line, self.col, self.severity, self.code, self.message
        )
    }
}
