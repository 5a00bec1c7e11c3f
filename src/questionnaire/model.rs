//! The questionnaire file format, as Rust types.
//!
//! One RON file holds one [`Module`]. The shape of these types *is* the file
//! format: `docs/questionnaire-format.md` documents it field by field and
//! `questionnaires/template.ron.txt` shows it whole. Keep all three in step.
//!
//! These types only describe; they decide nothing. Parsing lives in `load`,
//! the rules a module must obey in `validate`, and scoring elsewhere.

use serde::{Deserialize, Serialize};

use super::condition::Condition;
use super::text::{Lang, Text};

/// The questionnaire file-format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// Option scores and yes/no scores lie on this scale (0 = least ready).
pub const MAX_OPTION_SCORE: f64 = 4.0;

/// The number of steps on a [`QuestionKind::Scale`] question: 0, 1, 2, 3, 4.
pub const SCALE_STEPS: usize = 5;

/// Answer ids that every question may accept besides its own options,
/// when the question allows them.
pub const DONT_KNOW: &str = "dont_know";
pub const NOT_APPLICABLE: &str = "not_applicable";

/// One questionnaire file: the core module or a sector module.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Module {
    /// The file-format version the file is written in ([`FORMAT_VERSION`]).
    pub format: u32,
    /// Stable id, lower case: `core`, `energy`, `health`. Answers refer to it.
    pub id: String,
    /// Content version. Only ever grows; a user module with a higher version
    /// replaces a shipped module with the same id.
    pub version: u32,
    pub kind: ModuleKind,
    /// Organisation types the module is offered to.
    pub applies_to: Vec<OrgType>,
    /// Languages every text of the module is written in.
    pub languages: Vec<Lang>,
    pub title: Text,
    /// One line, shown where the user picks modules.
    pub summary: Text,
    pub description: Text,
    /// The section of COM(2025) 723 the module derives from, e.g. `"2.7"`.
    pub strategy_ref: String,
    /// The shared dimensions. Defined once, in the core module.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dimensions: Vec<Dimension>,
    /// The maturity levels. Defined once, in the core module.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub maturity_levels: Vec<MaturityLevel>,
    /// Who can help: contact points recommendations refer to by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    pub sections: Vec<Section>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recommendations: Vec<Recommendation>,
}

impl Module {
    /// All questions in the order a respondent meets them.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    /// The number of questions that carry a score.
    pub fn scored_question_count(&self) -> usize {
        self.questions().filter(|q| q.kind.is_scored()).count()
    }

    /// The dimension with this id (core module only).
    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    /// The maturity level numbered `level` (core module only).
    pub fn maturity_level(&self, level: u8) -> Option<&MaturityLevel> {
        self.maturity_levels.iter().find(|l| l.level == level)
    }

    /// The sector this module covers, if it is a sector module.
    pub fn sector(&self) -> Option<&str> {
        match self.kind {
            ModuleKind::Sector => Some(&self.id),
            ModuleKind::Core => None,
        }
    }
}

/// Whether every organisation answers the module or only those in a sector.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ModuleKind {
    /// Answered by every organisation; defines dimensions and maturity levels.
    Core,
    /// Chosen by organisations active in one sector.
    Sector,
}

/// The kinds of organisation AI-redo knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum OrgType {
    /// A private company (aktiebolag, handelsbolag, enskild firma …).
    Company,
    /// A municipality (kommun).
    Municipality,
    /// A region (region), responsible for health care and public transport.
    Region,
    /// A municipal association (kommunalförbund).
    MunicipalAssociation,
    /// A state agency (statlig myndighet).
    StateAgency,
    /// A company owned by one or more municipalities (kommunalt bolag).
    MunicipalCompany,
}

impl OrgType {
    pub const ALL: [OrgType; 6] = [
        OrgType::Company,
        OrgType::Municipality,
        OrgType::Region,
        OrgType::MunicipalAssociation,
        OrgType::StateAgency,
        OrgType::MunicipalCompany,
    ];

    /// Public bodies procure under public procurement law, are bound by the
    /// public-access principle and follow the national generative-AI guidelines.
    pub fn is_public(self) -> bool {
        self != OrgType::Company
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (OrgType::Company, Lang::Sv) => "Företag",
            (OrgType::Company, Lang::En) => "Company",
            (OrgType::Municipality, Lang::Sv) => "Kommun",
            (OrgType::Municipality, Lang::En) => "Municipality",
            (OrgType::Region, Lang::Sv) => "Region",
            (OrgType::Region, Lang::En) => "Region",
            (OrgType::MunicipalAssociation, Lang::Sv) => "Kommunalförbund",
            (OrgType::MunicipalAssociation, Lang::En) => "Municipal association",
            (OrgType::StateAgency, Lang::Sv) => "Statlig myndighet",
            (OrgType::StateAgency, Lang::En) => "State agency",
            (OrgType::MunicipalCompany, Lang::Sv) => "Kommunalt bolag",
            (OrgType::MunicipalCompany, Lang::En) => "Municipal company",
        }
    }
}

/// Size by number of employees. The bands follow the EU SME definition and
/// the strategy's "small mid-cap" (3.1); `Large` covers big public bodies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SizeBand {
    /// Fewer than 10 employees.
    Micro,
    /// 10–49 employees.
    Small,
    /// 50–249 employees.
    Medium,
    /// 250–749 employees.
    SmallMidCap,
    /// 750 employees or more.
    Large,
}

impl SizeBand {
    pub const ALL: [SizeBand; 5] = [
        SizeBand::Micro,
        SizeBand::Small,
        SizeBand::Medium,
        SizeBand::SmallMidCap,
        SizeBand::Large,
    ];

    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (SizeBand::Micro, Lang::Sv) => "Mikro (färre än 10 anställda)",
            (SizeBand::Micro, Lang::En) => "Micro (fewer than 10 employees)",
            (SizeBand::Small, Lang::Sv) => "Liten (10–49 anställda)",
            (SizeBand::Small, Lang::En) => "Small (10–49 employees)",
            (SizeBand::Medium, Lang::Sv) => "Medelstor (50–249 anställda)",
            (SizeBand::Medium, Lang::En) => "Medium (50–249 employees)",
            (SizeBand::SmallMidCap, Lang::Sv) => "Litet midcap-bolag (250–749 anställda)",
            (SizeBand::SmallMidCap, Lang::En) => "Small mid-cap (250–749 employees)",
            (SizeBand::Large, Lang::Sv) => "Stor (750 anställda eller fler)",
            (SizeBand::Large, Lang::En) => "Large (750 employees or more)",
        }
    }
}

/// One of the shared dimensions every module scores into.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub name: Text,
    pub description: Text,
    /// Weight in the overall score; must be above 0.
    pub weight: f64,
}

/// A maturity level: applies when `from <= score < to` (the top level
/// includes 100). The levels must cover 0–100 with no gap or overlap.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaturityLevel {
    /// 1 to 5.
    pub level: u8,
    pub name: Text,
    pub description: Text,
    pub from: f64,
    pub to: f64,
}

/// Someone who can help: an EDIH, the AI Act Service Desk, the region …
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub id: String,
    pub name: Text,
    pub description: Text,
    /// Where to find it, written out for a printed report; never fetched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub strategy_ref: String,
}

/// A page of questions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The whole section is shown only when this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    pub questions: Vec<Question>,
}

fn default_weight() -> f64 {
    1.0
}

fn default_true() -> bool {
    true
}

/// One question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable, unique across the catalogue: `core.strategy.owner`.
    pub id: String,
    pub text: Text,
    /// Explains the terms the question uses, in plain words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    pub kind: QuestionKind,
    /// The dimension the question scores into (scored kinds only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimension: Option<String>,
    /// Weight within its dimension; must be above 0.
    #[serde(default = "default_weight")]
    pub weight: f64,
    /// The section of COM(2025) 723 the question derives from, e.g. `"3.4"`.
    pub strategy_ref: String,
    /// Offer "don't know" (scores as the lowest answer, counted separately).
    #[serde(default = "default_true")]
    pub dont_know: bool,
    /// Offer "not applicable" (left out of the score).
    #[serde(default)]
    pub not_applicable: bool,
    /// The question is shown only when this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
}

/// What kind of answer a question takes, and how it scores.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum QuestionKind {
    /// Pick one option; it scores the option's score.
    SingleChoice { options: Vec<Choice> },
    /// Pick any number of options; the scores add up to at most `cap`.
    MultipleChoice { options: Vec<Choice>, cap: f64 },
    /// A step from 0 to 4, each with a label; it scores the step.
    Scale { labels: Vec<Text> },
    /// Yes or no, each with a score.
    YesNo { yes: f64, no: f64 },
    /// Free text, never scored.
    FreeText,
    /// Information for the respondent; takes no answer.
    Info,
}

impl QuestionKind {
    /// Whether answers to this kind count towards a dimension.
    pub fn is_scored(&self) -> bool {
        !matches!(self, QuestionKind::FreeText | QuestionKind::Info)
    }

    /// The file-format name of the kind, for messages.
    pub fn name(&self) -> &'static str {
        match self {
            QuestionKind::SingleChoice { .. } => "SingleChoice",
            QuestionKind::MultipleChoice { .. } => "MultipleChoice",
            QuestionKind::Scale { .. } => "Scale",
            QuestionKind::YesNo { .. } => "YesNo",
            QuestionKind::FreeText => "FreeText",
            QuestionKind::Info => "Info",
        }
    }

    /// The option ids an `AnswerIs` condition may name for this kind
    /// (before "don't know" and "not applicable").
    pub fn answer_ids(&self) -> Vec<String> {
        match self {
            QuestionKind::SingleChoice { options } => {
                options.iter().map(|o| o.id.clone()).collect()
            }
            QuestionKind::Scale { .. } => (0..SCALE_STEPS).map(|s| s.to_string()).collect(),
            QuestionKind::YesNo { .. } => vec!["yes".into(), "no".into()],
            QuestionKind::MultipleChoice { .. } | QuestionKind::FreeText | QuestionKind::Info => {
                Vec::new()
            }
        }
    }

    /// The lowest and highest raw score (0–4) an answer can get.
    pub fn score_range(&self) -> Option<(f64, f64)> {
        match self {
            QuestionKind::SingleChoice { options } => {
                let scores = options.iter().map(|o| o.score);
                let min = scores.clone().fold(f64::INFINITY, f64::min);
                let max = scores.fold(f64::NEG_INFINITY, f64::max);
                (!options.is_empty()).then_some((min, max))
            }
            QuestionKind::MultipleChoice { options, cap } => {
                let sum: f64 = options.iter().map(|o| o.score.max(0.0)).sum();
                Some((0.0, sum.min(*cap)))
            }
            QuestionKind::Scale { .. } => Some((0.0, MAX_OPTION_SCORE)),
            QuestionKind::YesNo { yes, no } => Some((yes.min(*no), yes.max(*no))),
            QuestionKind::FreeText | QuestionKind::Info => None,
        }
    }
}

/// One option of a choice question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Unique within the question.
    pub id: String,
    pub label: Text,
    /// 0 (least ready) to 4 (most ready).
    pub score: f64,
    /// In a multiple choice: picking this option clears the others
    /// ("none of these").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exclusive: bool,
}

/// Advice the assessment gives when its trigger holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    /// Stable, unique across the catalogue.
    pub id: String,
    pub title: Text,
    pub text: Text,
    /// The dimension the advice strengthens.
    pub dimension: String,
    /// When the recommendation applies.
    pub when: Condition,
    pub priority: Priority,
    pub horizon: Horizon,
    /// Contact ids (see [`Contact`]) of those who can help.
    #[serde(default)]
    pub help_from: Vec<String>,
    pub strategy_ref: String,
}

/// How urgent a recommendation is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Priority {
    High,
    Medium,
    Low,
}

/// When to act on a recommendation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Horizon {
    /// Start now.
    Now,
    /// Within three months.
    ThreeMonths,
    /// Within twelve months.
    TwelveMonths,
}

impl Priority {
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Priority::High, Lang::Sv) => "Hög prioritet",
            (Priority::High, Lang::En) => "High priority",
            (Priority::Medium, Lang::Sv) => "Medelhög prioritet",
            (Priority::Medium, Lang::En) => "Medium priority",
            (Priority::Low, Lang::Sv) => "Lägre prioritet",
            (Priority::Low, Lang::En) => "Lower priority",
        }
    }
}

impl Horizon {
    pub const ALL: [Horizon; 3] = [Horizon::Now, Horizon::ThreeMonths, Horizon::TwelveMonths];

    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Horizon::Now, Lang::Sv) => "Nu",
            (Horizon::Now, Lang::En) => "Now",
            (Horizon::ThreeMonths, Lang::Sv) => "Inom 3 månader",
            (Horizon::ThreeMonths, Lang::En) => "Within 3 months",
            (Horizon::TwelveMonths, Lang::Sv) => "Inom 12 månader",
            (Horizon::TwelveMonths, Lang::En) => "Within 12 months",
        }
    }
}
