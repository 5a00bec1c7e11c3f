//! Where assessments and settings live on disk, and how they get there safely.
//!
//! Every save writes a temporary file next to the target, flushes it to the
//! disk, renames it over the target and flushes the folder, so a crash or a
//! power cut leaves either the old file or the new one, never half of each.
//! A file that cannot be read is never overwritten: it is moved aside under a
//! name that says why (`NAME.corrupt-20261123T191500Z.ron`) and reported.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, ReadError, Timestamp, parse_assessment, to_ron};
use crate::questionnaire::Lang;
use crate::questionnaire::load::ron_options;

/// Writes `bytes` to `path` atomically and durably.
pub fn save_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::other("no file name"))?;
    let temp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut file = File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, path)?;
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Makes a rename in `dir` durable. Windows has no such call and needs none.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// Names Windows reserves for devices, in any case and with any extension.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// The longest file stem made from an organisation name.
pub const MAX_STEM_CHARS: usize = 60;

/// A file stem safe on Windows, macOS and Linux, made from a name typed by
/// the user: no separators or `..`, no reserved device names, bounded length.
pub fn safe_stem(name: &str) -> String {
    let mut stem = String::new();
    let mut last_dash = true;
    for c in name.trim().chars() {
        if c.is_alphanumeric() {
            stem.extend(c.to_lowercase());
            last_dash = false;
        } else if !last_dash {
            stem.push('-');
            last_dash = true;
        }
        if stem.chars().count() >= MAX_STEM_CHARS {
            break;
        }
    }
    let stem = stem.trim_matches('-').to_string();
    if stem.is_empty() {
        return "bedomning".to_string();
    }
    if RESERVED.contains(&stem.as_str()) {
        return format!("{stem}-org");
    }
    stem
}

/// A path in `dir` for a new file from `name`, unique within the folder.
pub fn unique_path(dir: &Path, name: &str, extension: &str) -> PathBuf {
    let stem = safe_stem(name);
    let mut candidate = dir.join(format!("{stem}.{extension}"));
    let mut n = 2;
    while candidate.exists() {
        candidate = dir.join(format!("{stem}-{n}.{extension}"));
        n += 1;
    }
    candidate
}

/// Why an assessment could not be opened, and where the file went.
#[derive(Debug)]
pub struct OpenError {
    pub path: PathBuf,
    pub reason: String,
    /// Where the unreadable file was moved, if it was.
    pub moved_to: Option<PathBuf>,
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)?;
        if let Some(to) = &self.moved_to {
            write!(f, " (the file was moved aside to {})", to.display())?;
        }
        Ok(())
    }
}

/// The folder of assessments in the data folder, and the settings beside it.
#[derive(Clone, Debug)]
pub struct Store {
    root: PathBuf,
}

/// An assessment found in the store.
#[derive(Clone, Debug)]
pub struct StoredAssessment {
    pub path: PathBuf,
    pub assessment: Assessment,
}

impl Store {
    pub fn new(root: impl Into<PathBuf>) -> Store {
        Store { root: root.into() }
    }

    /// The store in the OS data folder.
    pub fn default_location() -> Option<Store> {
        crate::paths::data_dir().map(Store::new)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn assessments_dir(&self) -> PathBuf {
        self.root.join("assessments")
    }

    fn settings_path(&self) -> PathBuf {
        self.root.join("settings.ron")
    }

    /// Every readable assessment, newest first, and what was wrong with the
    /// others (which are moved aside).
    pub fn list(&self) -> (Vec<StoredAssessment>, Vec<OpenError>) {
        let mut found = Vec::new();
        let mut errors = Vec::new();
        let Ok(entries) = fs::read_dir(self.assessments_dir()) else {
            return (found, errors);
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| is_assessment_file(p))
            .collect();
        paths.sort();
        for path in paths {
            match open(&path) {
                Ok(assessment) => found.push(StoredAssessment { path, assessment }),
                Err(error) => errors.push(error),
            }
        }
        found.sort_by(|a, b| b.assessment.updated.cmp(&a.assessment.updated));
        (found, errors)
    }

    /// A new file path in the store for an organisation.
    pub fn new_path(&self, organisation: &str) -> PathBuf {
        unique_path(&self.assessments_dir(), organisation, "ron")
    }

    /// Saves an assessment atomically.
    pub fn save(&self, path: &Path, assessment: &Assessment) -> io::Result<()> {
        save_atomically(path, to_ron(assessment).as_bytes())
    }

    /// The settings, or defaults when there are none (or they are unreadable).
    pub fn settings(&self) -> Settings {
        fs::read(self.settings_path())
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .and_then(|text| ron_options().from_str(&text).ok())
            .unwrap_or_default()
    }

    pub fn save_settings(&self, settings: &Settings) -> io::Result<()> {
        let text = ron_options()
            .to_string_pretty(settings, ron::ser::PrettyConfig::new())
            .map_err(io::Error::other)?;
        save_atomically(&self.settings_path(), text.as_bytes())
    }
}

/// Assessment files: `.ron`, not temporary, not already moved aside.
fn is_assessment_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    name.ends_with(".ron")
        && !name.starts_with('.')
        && !name.contains(".corrupt-")
        && !name.contains(".unsupported-")
}

/// Opens an assessment file. A file that cannot be read is moved aside
/// (never deleted or overwritten) and the error says where it went.
pub fn open(path: &Path) -> Result<Assessment, OpenError> {
    let bytes = fs::read(path).map_err(|e| OpenError {
        path: path.to_path_buf(),
        reason: e.to_string(),
        moved_to: None,
    })?;
    parse_assessment(&path.display().to_string(), &bytes).map_err(|error| {
        let reason = match &error {
            ReadError::Invalid(problem) => format!(
                "the file is damaged or not an assessment ({}:{}: {})",
                problem.line, problem.col, problem.message
            ),
            other => other.to_string(),
        };
        OpenError {
            path: path.to_path_buf(),
            reason,
            moved_to: move_aside(path, error.kind()).ok(),
        }
    })
}

/// Renames `NAME.ron` to `NAME.<why>-<time>.ron` in the same folder.
pub fn move_aside(path: &Path, why: &str) -> io::Result<PathBuf> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let time = Timestamp::now().0.replace([':', '-'], "");
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut target = dir.join(format!("{stem}.{why}-{time}.ron"));
    let mut n = 2;
    while target.exists() {
        target = dir.join(format!("{stem}.{why}-{time}-{n}.ron"));
        n += 1;
    }
    fs::rename(path, &target)?;
    Ok(target)
}

/// What the app remembers between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub language: Lang,
    pub dark: bool,
    pub zoom: f32,
    /// The assessment open when the app was closed, and where in it.
    pub last_open: Option<PathBuf>,
    pub last_page: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            language: Lang::Sv,
            dark: false,
            zoom: 1.0,
            last_open: None,
            last_page: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_safe_everywhere() {
        assert_eq!(
            safe_stem("Åkerlunds Mekaniska AB"),
            "åkerlunds-mekaniska-ab"
        );
        assert_eq!(safe_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(safe_stem("a/b\\c:d*e?f\"g<h>i|j"), "a-b-c-d-e-f-g-h-i-j");
        assert_eq!(safe_stem("CON"), "con-org");
        assert_eq!(safe_stem("nul"), "nul-org");
        assert_eq!(safe_stem("   ...   "), "bedomning");
        assert_eq!(safe_stem(&"x".repeat(500)).chars().count(), MAX_STEM_CHARS);
    }

    #[test]
    fn paths_are_unique_within_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let first = unique_path(dir.path(), "Kommun", "ron");
        fs::write(&first, "x").unwrap();
        let second = unique_path(dir.path(), "kommun", "ron");
        assert_ne!(first, second);
        assert!(second.ends_with("kommun-2.ron"));
    }

    #[test]
    fn a_corrupt_file_is_moved_aside_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("firm.ron");
        fs::write(&path, "Assessment(format: 1, trunc").unwrap();
        let error = open(&path).unwrap_err();
        let moved = error.moved_to.unwrap();
        assert!(!path.exists());
        assert_eq!(
            fs::read_to_string(&moved).unwrap(),
            "Assessment(format: 1, trunc"
        );
        assert!(
            moved
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("firm.corrupt-")
        );
    }
}
