//! Many organisations' assessments summed up as an anonymised benchmark.
//!
//! A region or a network wants to know where its organisations stand
//! without anyone being able to pick one out. So the benchmark holds only
//! distributions and counts, never a name, place, person, note or free
//! text, and no group smaller than [`MIN_GROUP_SIZE`] organisations shows
//! its figures. The file format is described in `docs/benchmark-file.md`.

use crate::wording::round1;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Skipped;
use super::stats::quantile_of_sorted;
use crate::assessment::Timestamp;
use crate::catalogue::Catalogue;
use crate::evaluation::evaluate;
use crate::questionnaire::{OrgType, Text};

/// The version of the benchmark file this build writes.
pub const BENCHMARK_FORMAT: u32 = 1;

/// No group of fewer organisations shows figures, and no recommendation
/// fired for fewer is named: below this, a figure could point at one of them.
pub const MIN_GROUP_SIZE: usize = 5;

/// The anonymised benchmark, as saved in `benchmark.ron`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Benchmark {
    /// [`BENCHMARK_FORMAT`].
    pub format: u32,
    /// The AI-redo version that made it.
    pub app_version: String,
    /// When it was made.
    pub created: Timestamp,
    /// The smallest group whose figures are shown ([`MIN_GROUP_SIZE`]).
    pub min_group_size: usize,
    /// Organisations counted (after keeping one file per organisation).
    pub organisations: usize,
    /// All organisations, then by organisation type, then by sector.
    pub groups: Vec<Group>,
    /// The recommendations most often among organisations' first steps.
    pub first_steps: Vec<CommonStep>,
}

/// One group of organisations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub by: GroupBy,
    /// How many organisations are in it, shown even when suppressed.
    pub organisations: usize,
    /// The figures; `None` when the group has fewer than
    /// [`MIN_GROUP_SIZE`] organisations (suppressed).
    pub figures: Option<Figures>,
}

/// What a group's organisations have in common.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum GroupBy {
    All,
    OrganisationType(OrgType),
    /// A sector module id; an organisation answering several sectors is in each.
    Sector(String),
}

/// The distributions of one group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    /// The overall score; `None` when fewer than [`MIN_GROUP_SIZE`] have one.
    pub overall: Option<Distribution>,
    /// Each dimension, in the core module's order.
    pub dimensions: Vec<DimensionFigures>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DimensionFigures {
    pub dimension: String,
    /// `None` when fewer than [`MIN_GROUP_SIZE`] organisations have a score in it.
    pub distribution: Option<Distribution>,
}

/// Quartiles of 0–100 scores, one decimal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Distribution {
    /// The organisations with a score.
    pub n: usize,
    pub q1: f64,
    pub median: f64,
    pub q3: f64,
}

/// A recommendation among the first steps of many organisations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommonStep {
    pub recommendation: String,
    pub title: Text,
    /// The organisations it was a first step for.
    pub organisations: usize,
}

/// What one organisation contributes: aggregates only, plus the key and
/// date used to keep one file per organisation (never written out).
#[derive(Clone, Debug)]
struct Contribution {
    key: (OrgType, String),
    updated: Timestamp,
    organisation: OrgType,
    sectors: Vec<String>,
    overall: Option<f64>,
    dimensions: Vec<(String, Option<f64>)>,
    first_steps: Vec<String>,
}

/// A benchmark and the files that were left out.
#[derive(Clone, Debug)]
pub struct Rollup {
    pub benchmark: Benchmark,
    /// Readable files beyond the first for an organisation (the older ones).
    pub duplicates: usize,
    /// Files read.
    pub files: usize,
    pub skipped: Vec<Skipped>,
}

/// Why no benchmark could be made.
#[derive(Debug)]
pub enum RollupError {
    /// The folder could not be listed.
    Folder { path: PathBuf, reason: String },
    /// The catalogue has no core module.
    NoCore,
}

impl std::fmt::Display for RollupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RollupError::Folder { path, reason } => {
                write!(f, "cannot read the folder {}: {reason}", path.display())
            }
            RollupError::NoCore => write!(
                f,
                "no core questionnaire could be loaded; run `airedo check`"
            ),
        }
    }
}

/// The assessment files in `dir`: its `.ron` files, sorted, leaving out
/// the spread sidecars of combined files (`*.spread.ron`).
pub fn assessment_files(dir: &Path) -> Result<Vec<PathBuf>, RollupError> {
    let folder_error = |error: std::io::Error| RollupError::Folder {
        path: dir.to_path_buf(),
        reason: error.to_string(),
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(folder_error)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file())
        .filter(|path| {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            name.is_some_and(|n| n.ends_with(".ron") && !n.ends_with(".spread.ron"))
        })
        .collect();
    files.sort();
    Ok(files)
}

/// Reads every assessment file in `dir` and makes the benchmark.
pub fn rollup_folder(dir: &Path, catalogue: &Catalogue) -> Result<Rollup, RollupError> {
    let files = assessment_files(dir)?;
    rollup(&files, catalogue, Timestamp::now())
}

/// Reads and scores `files` in parallel and makes the benchmark, dated `created`.
pub fn rollup(
    files: &[PathBuf],
    catalogue: &Catalogue,
    created: Timestamp,
) -> Result<Rollup, RollupError> {
    let core = catalogue.core().ok_or(RollupError::NoCore)?;
    let mut contributions = Vec::new();
    let mut skipped = Vec::new();
    for (path, outcome) in files.iter().zip(read_all(files, catalogue)) {
        match outcome {
            Ok(contribution) => contributions.push(contribution),
            Err(reason) => skipped.push(Skipped {
                path: path.clone(),
                reason,
            }),
        }
    }
    let read = contributions.len();
    let organisations = latest_per_organisation(contributions);
    let dimension_ids: Vec<String> = core.dimensions.iter().map(|d| d.id.clone()).collect();
    let benchmark = Benchmark {
        format: BENCHMARK_FORMAT,
        app_version: crate::APP_VERSION.to_string(),
        created,
        min_group_size: MIN_GROUP_SIZE,
        organisations: organisations.len(),
        groups: groups(&organisations, &dimension_ids),
        first_steps: common_first_steps(&organisations, catalogue),
    };
    Ok(Rollup {
        benchmark,
        duplicates: read - organisations.len(),
        files: files.len(),
        skipped,
    })
}

/// Reads and scores every file, in order, on as many threads as the
/// machine has cores: parsing and scoring are independent per file.
fn read_all(files: &[PathBuf], catalogue: &Catalogue) -> Vec<Result<Contribution, String>> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let chunk = files.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk)
            .map(|paths| {
                scope.spawn(move || {
                    paths
                        .iter()
                        .map(|path| contribution(path, catalogue))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|_| vec![Err("reading the file failed unexpectedly".into())])
            })
            .collect()
    })
}

/// Reads and scores one file, keeping only what the benchmark needs.
fn contribution(path: &Path, catalogue: &Catalogue) -> Result<Contribution, String> {
    let assessment = crate::storage::read(path, catalogue).map_err(|e| e.to_string())?;
    let evaluation = evaluate(catalogue, &assessment)
        .ok_or_else(|| "no core questionnaire could be loaded".to_string())?;
    let profile = &evaluation.assessment.profile;
    let results = &evaluation.results;
    Ok(Contribution {
        key: (profile.organisation, profile.name.trim().to_lowercase()),
        updated: evaluation.assessment.updated.clone(),
        organisation: profile.organisation,
        sectors: evaluation
            .modules
            .iter()
            .skip(1)
            .map(|m| m.id.clone())
            .collect(),
        overall: results.overall,
        dimensions: results
            .dimensions
            .iter()
            .map(|d| (d.id.clone(), d.score))
            .collect(),
        first_steps: evaluation
            .advice
            .first_step_ids()
            .into_iter()
            .map(String::from)
            .collect(),
    })
}

/// One contribution per organisation (same type and name, as
/// `compare::same_organisation`): the latest `updated`; at equal dates the
/// file later in name order.
fn latest_per_organisation(contributions: Vec<Contribution>) -> Vec<Contribution> {
    let mut latest: HashMap<(OrgType, String), Contribution> = HashMap::new();
    for contribution in contributions {
        match latest.get(&contribution.key) {
            Some(kept) if kept.updated > contribution.updated => {}
            _ => {
                latest.insert(contribution.key.clone(), contribution);
            }
        }
    }
    let mut organisations: Vec<Contribution> = latest.into_values().collect();
    // A fixed order, so the figures never depend on hashing.
    organisations.sort_by(|a, b| a.key.cmp(&b.key));
    organisations
}

/// "All", then each organisation type, then each sector present.
fn groups(organisations: &[Contribution], dimensions: &[String]) -> Vec<Group> {
    let mut members: BTreeMap<GroupBy, Vec<&Contribution>> = BTreeMap::new();
    for organisation in organisations {
        members.entry(GroupBy::All).or_default().push(organisation);
        members
            .entry(GroupBy::OrganisationType(organisation.organisation))
            .or_default()
            .push(organisation);
        for sector in &organisation.sectors {
            members
                .entry(GroupBy::Sector(sector.clone()))
                .or_default()
                .push(organisation);
        }
    }
    members
        .into_iter()
        .map(|(by, members)| Group {
            by,
            organisations: members.len(),
            figures: (members.len() >= MIN_GROUP_SIZE).then(|| figures(&members, dimensions)),
        })
        .collect()
}

fn figures(members: &[&Contribution], dimensions: &[String]) -> Figures {
    Figures {
        overall: distribution(members.iter().filter_map(|m| m.overall).collect()),
        dimensions: dimensions
            .iter()
            .map(|id| DimensionFigures {
                dimension: id.clone(),
                distribution: distribution(
                    members
                        .iter()
                        .filter_map(|m| m.dimensions.iter().find(|(d, _)| d == id)?.1)
                        .collect(),
                ),
            })
            .collect(),
    }
}

/// The quartiles of `scores`, or `None` for fewer than [`MIN_GROUP_SIZE`].
fn distribution(mut scores: Vec<f64>) -> Option<Distribution> {
    if scores.len() < MIN_GROUP_SIZE {
        return None;
    }
    scores.sort_by(f64::total_cmp);
    let at = |q| quantile_of_sorted(&scores, q).map_or(0.0, round1);
    Some(Distribution {
        n: scores.len(),
        q1: at(0.25),
        median: at(0.5),
        q3: at(0.75),
    })
}

/// Recommendations among the first steps of at least [`MIN_GROUP_SIZE`]
/// organisations, most frequent first, then by id.
fn common_first_steps(organisations: &[Contribution], catalogue: &Catalogue) -> Vec<CommonStep> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for organisation in organisations {
        for id in &organisation.first_steps {
            *counts.entry(id).or_default() += 1;
        }
    }
    let mut steps: Vec<CommonStep> = counts
        .into_iter()
        .filter(|(_, count)| *count >= MIN_GROUP_SIZE)
        .map(|(id, count)| CommonStep {
            recommendation: id.to_string(),
            title: recommendation_title(catalogue, id),
            organisations: count,
        })
        .collect();
    steps.sort_by_key(|step| std::cmp::Reverse(step.organisations));
    steps
}

fn recommendation_title(catalogue: &Catalogue, id: &str) -> Text {
    catalogue
        .entries
        .iter()
        .flat_map(|e| &e.module.recommendations)
        .find(|r| r.id == id)
        .map_or_else(|| Text::new(id, id), |r| r.title.clone())
}

/// The benchmark as the RON text saved to disk.
pub fn to_ron(benchmark: &Benchmark) -> String {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(5)
        .indentor("    ".to_string())
        .struct_names(true);
    crate::questionnaire::load::ron_options()
        .to_string_pretty(benchmark, config)
        .expect("a benchmark always serialises")
}

/// Reads a benchmark file's text.
pub fn from_ron(text: &str) -> Result<Benchmark, String> {
    crate::questionnaire::load::ron_options()
        .from_str(text)
        .map_err(|error| error.to_string())
}
