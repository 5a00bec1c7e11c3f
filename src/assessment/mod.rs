//! One organisation's assessment: its profile and its answers, as saved in a
//! RON file (documented in `docs/assessment-file.md`).
//!
//! This module only describes and reads the file; scoring is in `scoring`,
//! and migration of answers given under older module versions in [`migrate`].

pub mod migrate;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalogue::Catalogue;
use crate::questionnaire::load::{problem_from_ron, ron_options};
use crate::questionnaire::{Answer, Lang, Module, OrgType, Problem, ProblemCode, SizeBand};

/// The assessment file-format version this build reads and writes.
pub const ASSESSMENT_FORMAT: u32 = 1;

/// Assessment files above this size are refused unread.
pub const MAX_ASSESSMENT_BYTES: usize = 8 * 1024 * 1024;

/// One organisation's answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// The assessment file-format version ([`ASSESSMENT_FORMAT`]).
    pub format: u32,
    /// The AI-redo version that last saved the file.
    pub app_version: String,
    pub created: Timestamp,
    pub updated: Timestamp,
    /// The language the assessment is answered and reported in.
    pub language: Lang,
    pub profile: Profile,
    #[serde(default)]
    pub respondent: Respondent,
    /// Answers keyed by question id.
    #[serde(default)]
    pub answers: BTreeMap<String, GivenAnswer>,
    /// Notes keyed by section id.
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
    /// Answers that no longer fit the questionnaire after a module changed.
    /// Kept, never deleted, so nothing the user wrote is lost.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub retired_answers: BTreeMap<String, GivenAnswer>,
}

/// Who the assessment is about.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// The organisation's name.
    pub name: String,
    pub organisation: OrgType,
    #[serde(default)]
    pub size: Option<SizeBand>,
    /// Municipality or region, optional.
    #[serde(default)]
    pub place: Option<String>,
    /// The main sector module's id.
    #[serde(default)]
    pub primary_sector: Option<String>,
    /// Further sector modules, e.g. a region running health care and public transport.
    #[serde(default)]
    pub other_sectors: Vec<String>,
}

/// Who answered. Both optional.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Respondent {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
}

/// An answer and the module version it was given under.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GivenAnswer {
    pub answer: Answer,
    pub module: String,
    pub version: u32,
}

/// A moment in UTC, written as RFC 3339 (`2026-11-23T18:52:25Z`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(pub String);

impl Timestamp {
    /// Now, to the second.
    pub fn now() -> Timestamp {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Timestamp::from_unix(seconds as i64)
    }

    /// Formats seconds since 1970 (UTC) as RFC 3339.
    pub fn from_unix(seconds: i64) -> Timestamp {
        let days = seconds.div_euclid(86_400);
        let rest = seconds.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        Timestamp(format!(
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
            rest / 3600,
            rest % 3600 / 60,
            rest % 60
        ))
    }

    /// The date part, `2026-11-23`.
    pub fn date(&self) -> &str {
        self.0.get(..10).unwrap_or(&self.0)
    }
}

/// Days since 1970-01-01 to (year, month, day), after Howard Hinnant's
/// `civil_from_days`, valid for every date AI-redo will meet.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

impl Assessment {
    /// A new, empty assessment for an organisation.
    pub fn new(profile: Profile, language: Lang) -> Assessment {
        let now = Timestamp::now();
        Assessment {
            format: ASSESSMENT_FORMAT,
            app_version: crate::APP_VERSION.to_string(),
            created: now.clone(),
            updated: now,
            language,
            profile,
            respondent: Respondent::default(),
            answers: BTreeMap::new(),
            notes: BTreeMap::new(),
            retired_answers: BTreeMap::new(),
        }
    }

    /// The ids of the modules the organisation answers: the core module,
    /// the primary sector, then the other sectors, each once.
    pub fn module_ids(&self, catalogue: &Catalogue) -> Vec<String> {
        let core = catalogue.core().map(|m| m.id.clone());
        let mut ids: Vec<String> = Vec::new();
        for id in core
            .into_iter()
            .chain(self.profile.primary_sector.clone())
            .chain(self.profile.other_sectors.iter().cloned())
        {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }

    /// The modules in force for this assessment, and the ids it names that
    /// the catalogue does not have.
    pub fn modules<'c>(&self, catalogue: &'c Catalogue) -> (Vec<&'c Module>, Vec<String>) {
        let mut found = Vec::new();
        let mut missing = Vec::new();
        for id in self.module_ids(catalogue) {
            match catalogue.module(&id) {
                Some(module) => found.push(module),
                None => missing.push(id),
            }
        }
        (found, missing)
    }

    /// Records an answer to `question` of `module`, stamping the time.
    pub fn set_answer(&mut self, question: &str, module: &Module, answer: Answer) {
        self.answers.insert(
            question.to_string(),
            GivenAnswer {
                answer,
                module: module.id.clone(),
                version: module.version,
            },
        );
        self.updated = Timestamp::now();
    }
}

/// Why an assessment file could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// Nothing in the file but white space.
    Empty,
    /// Not RON, not this shape, not UTF-8, or too large: the problem, located.
    Invalid(Problem),
    /// Written by a newer AI-redo in a file format this build cannot read.
    NewerFormat { found: u32 },
    /// An older format this build has no migration for.
    UnknownFormat { found: u32 },
    /// The file answers questionnaire modules this installation does not have.
    UnknownQuestionnaires { ids: Vec<String> },
}

impl ReadError {
    /// Every word [`ReadError::kind`] gives, for recognising files moved aside.
    pub const KINDS: [&'static str; 5] = [
        "empty",
        "corrupt",
        "newer-version",
        "unsupported",
        "unknown-questionnaire",
    ];

    /// A short word for the names of files moved aside
    /// (`NAME.<kind>-<time>.ron`), saying why.
    pub fn kind(&self) -> &'static str {
        let index = match self {
            ReadError::Empty => 0,
            ReadError::Invalid(_) => 1,
            ReadError::NewerFormat { .. } => 2,
            ReadError::UnknownFormat { .. } => 3,
            ReadError::UnknownQuestionnaires { .. } => 4,
        };
        Self::KINDS[index]
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Empty => write!(f, "the file is empty"),
            ReadError::Invalid(problem) => write!(f, "{problem}"),
            ReadError::NewerFormat { found } => write!(
                f,
                "the file is written in assessment format {found} by a newer AI-redo; this version reads format {ASSESSMENT_FORMAT}. Update AI-redo to open it"
            ),
            ReadError::UnknownFormat { found } => write!(
                f,
                "unknown assessment format {found}; this version reads format {ASSESSMENT_FORMAT}"
            ),
            ReadError::UnknownQuestionnaires { ids } => write!(
                f,
                "the assessment answers questionnaire module{} {}, which {} not installed; add {} with --questionnaires DIR or to the data folder's questionnaires folder",
                if ids.len() == 1 { "" } else { "s" },
                ids.iter()
                    .map(|id| format!("`{id}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
                if ids.len() == 1 { "is" } else { "are" },
                if ids.len() == 1 { "it" } else { "them" },
            ),
        }
    }
}

/// Parses an assessment file named `file` (for messages).
pub fn parse_assessment(file: &str, bytes: &[u8]) -> Result<Assessment, ReadError> {
    let invalid = |code: ProblemCode, message: String| {
        ReadError::Invalid(Problem {
            code,
            severity: crate::questionnaire::Severity::Error,
            file: file.to_string(),
            line: 1,
            col: 1,
            message,
        })
    };
    if bytes.len() > MAX_ASSESSMENT_BYTES {
        return Err(invalid(
            ProblemCode::TooLarge,
            // The reader stops one byte past the limit, so the size is not known.
            format!(
                "the file is larger than {MAX_ASSESSMENT_BYTES} bytes, the most an assessment file may be"
            ),
        ));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(invalid(
            ProblemCode::NotUtf8,
            "the file is not UTF-8 text".to_string(),
        ));
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Read the format first, so a newer file is named as such, not as broken.
    #[derive(Deserialize)]
    #[serde(rename = "Assessment")]
    struct FormatOnly {
        format: u32,
    }
    if let Ok(FormatOnly { format }) = ron_options().from_str::<FormatOnly>(text) {
        if format > ASSESSMENT_FORMAT {
            return Err(ReadError::NewerFormat { found: format });
        }
        if format != ASSESSMENT_FORMAT {
            return Err(ReadError::UnknownFormat { found: format });
        }
    }
    ron_options()
        .from_str::<Assessment>(text)
        .map_err(|error| ReadError::Invalid(problem_from_ron(file, &error)))
}

/// Parses an assessment file and checks that this installation has every
/// questionnaire module it answers: what the app and the command line open.
pub fn read_assessment(
    file: &str,
    bytes: &[u8],
    catalogue: &Catalogue,
) -> Result<Assessment, ReadError> {
    let assessment = parse_assessment(file, bytes)?;
    let ids = unknown_questionnaires(&assessment, catalogue);
    if ids.is_empty() {
        Ok(assessment)
    } else {
        Err(ReadError::UnknownQuestionnaires { ids })
    }
}

/// The module ids an assessment names, in its profile or its answers, that
/// the catalogue lacks. Answers set aside by a migration are not counted:
/// they are kept for the record, not answered.
pub fn unknown_questionnaires(assessment: &Assessment, catalogue: &Catalogue) -> Vec<String> {
    let profile = assessment
        .profile
        .primary_sector
        .iter()
        .chain(&assessment.profile.other_sectors);
    let answered = assessment.answers.values().map(|given| &given.module);
    let mut ids: Vec<String> = profile
        .chain(answered)
        .filter(|id| catalogue.module(id).is_none())
        .cloned()
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// Writes an assessment as the RON text saved to disk.
pub fn to_ron(assessment: &Assessment) -> String {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(4)
        .indentor("    ".to_string())
        .struct_names(true);
    ron_options()
        .to_string_pretty(assessment, config)
        .expect("an assessment always serialises")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_rfc3339_utc() {
        assert_eq!(Timestamp::from_unix(0).0, "1970-01-01T00:00:00Z");
        assert_eq!(
            Timestamp::from_unix(1_795_459_945).0,
            "2026-11-23T18:52:25Z"
        );
        assert_eq!(Timestamp::from_unix(951_782_400).0, "2000-02-29T00:00:00Z");
        assert_eq!(Timestamp::from_unix(1_795_459_945).date(), "2026-11-23");
    }
}
