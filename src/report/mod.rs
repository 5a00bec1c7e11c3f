//! The PDF recommendation report: the part of AI-redo that leaves the room.
//!
//! Three layers, each plain data in and out:
//! - [`content`] decides what the report says, from an [`Evaluation`];
//! - [`layout`] flows it onto A4 pages with the font's real glyph widths;
//! - [`pdf`] writes the pages with printpdf, the font embedded as a subset.
//!
//! The CLI (`airedo report`) and the app's export button both call
//! [`build`] or [`write`]; nothing else makes a report.

pub mod chart;
pub mod content;
pub mod fonts;
pub mod layout;
pub mod pdf;
pub mod rollup;
pub mod style;
pub mod texts;

use std::fmt;
use std::path::Path;

use crate::assessment::Assessment;
use crate::catalogue::Catalogue;
use crate::evaluation::{Evaluation, evaluate};
use crate::questionnaire::Lang;

pub use layout::{Geometry, Item, Page};

/// Everything a report is made from.
pub struct ReportInput<'a, 'c> {
    pub catalogue: &'c Catalogue,
    pub evaluation: &'a Evaluation<'c>,
    /// An earlier assessment of the same organisation, for the comparison.
    pub previous: Option<&'a Evaluation<'c>>,
    /// The benchmark group like this organisation, for "compared with
    /// organisations like you".
    pub peers: Option<crate::group::peers::Peers<'a>>,
    /// For a combined assessment (`airedo merge`): how its respondents'
    /// answers spread, for "where the answers differ".
    pub spread: Option<&'a crate::group::merge::SpreadFile>,
    pub lang: Lang,
    /// When the report is made, in seconds since 1970 (UTC): the PDF's
    /// creation date.
    pub generated: i64,
}

/// A finished report: its pages as laid out, and the PDF.
pub struct Report {
    pub pages: Vec<Page>,
    pub pdf: Vec<u8>,
}

/// Why a report could not be made or saved.
#[derive(Debug)]
pub enum ReportError {
    /// No core questionnaire loaded, so there is nothing to score against.
    NoCore,
    /// The PDF could not be assembled (a font failed to subset).
    Pdf(String),
    /// The file could not be written.
    Write(std::io::Error),
}

impl fmt::Display for ReportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReportError::NoCore => {
                write!(
                    f,
                    "no core questionnaire could be loaded; run `airedo check`"
                )
            }
            ReportError::Pdf(message) => write!(f, "the PDF could not be made: {message}"),
            ReportError::Write(e) => write!(f, "the PDF could not be saved: {e}"),
        }
    }
}

impl std::error::Error for ReportError {}

/// The report's pages, laid out but not written.
pub fn lay_out(input: &ReportInput) -> Vec<Page> {
    content::pages(input)
}

/// Lays out and writes the report.
pub fn build(input: &ReportInput) -> Result<Report, ReportError> {
    let pages = lay_out(input);
    let t = texts::Texts::get(input.lang);
    let name = input.evaluation.assessment.profile.name.trim();
    let meta = pdf::Metadata {
        title: format!("{} – {name}", t.title),
        author: name.to_string(),
        subject: match input.lang {
            Lang::Sv => "AI-mognad, resultat och rekommendationer enligt EU:s strategi för AI-tillämpningar (COM(2025) 723)".into(),
            Lang::En => "AI readiness, results and recommendations after the EU Apply AI Strategy (COM(2025) 723)".into(),
        },
        keywords: vec!["AI".into(), "AI-redo".into(), "COM(2025) 723".into()],
        language: match input.lang {
            Lang::Sv => "sv-SE".into(),
            Lang::En => "en-GB".into(),
        },
        created: input.generated,
        creator: format!("AI-redo {}", crate::APP_VERSION),
    };
    let bytes = pdf::write(&pages, &Geometry::A4, &meta).map_err(ReportError::Pdf)?;
    Ok(Report { pages, pdf: bytes })
}

/// Builds the report and saves it to `path` atomically: a reader never
/// sees half a file, and an earlier report there stays until the new one
/// is complete.
pub fn write(input: &ReportInput, path: &Path) -> Result<Report, ReportError> {
    let report = build(input)?;
    crate::storage::save_atomically(path, &report.pdf).map_err(ReportError::Write)?;
    Ok(report)
}

/// What [`write_assessment`] wrote.
pub struct Written {
    pub pages: usize,
    pub bytes: usize,
    /// What migrating the answers to the current questionnaires did, one
    /// line per change (empty when nothing had to change).
    pub migration: Vec<String>,
}

/// What a report may set an assessment beside, each part optional.
#[derive(Clone, Copy, Default)]
pub struct Extras<'a> {
    /// An earlier assessment of the same organisation.
    pub previous: Option<&'a Assessment>,
    /// A regional benchmark (`airedo rollup`).
    pub benchmark: Option<&'a crate::group::rollup::Benchmark>,
    /// The spread of a combined assessment's answers (`airedo merge`).
    pub spread: Option<&'a crate::group::merge::SpreadFile>,
}

/// The report of `assessment` with its `extras`, made now and saved to
/// `path`: `airedo report` and the app's export button both come here. The
/// language is the assessment's unless `lang` says otherwise.
pub fn write_assessment(
    catalogue: &Catalogue,
    assessment: &Assessment,
    extras: Extras,
    lang: Option<Lang>,
    path: &Path,
) -> Result<Written, ReportError> {
    let evaluation = evaluate(catalogue, assessment).ok_or(ReportError::NoCore)?;
    let before = extras.previous.and_then(|p| evaluate(catalogue, p));
    let peers = extras
        .benchmark
        .and_then(|b| crate::group::peers::peers_of(b, &evaluation.assessment.profile));
    let input = ReportInput {
        catalogue,
        evaluation: &evaluation,
        previous: before.as_ref(),
        peers,
        spread: extras.spread,
        lang: lang.unwrap_or(evaluation.assessment.language),
        generated: now(),
    };
    let report = write(&input, path)?;
    Ok(Written {
        pages: report.pages.len(),
        bytes: report.pdf.len(),
        migration: evaluation.migration.lines(),
    })
}

/// Seconds since 1970, for [`ReportInput::generated`].
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}
