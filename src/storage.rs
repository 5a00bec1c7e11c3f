//! Where assessments and settings live on disk, and how they get there safely.
//!
//! Every save writes a temporary file next to the target, flushes it to the
//! disk, renames it over the target and flushes the folder, so a crash or a
//! power cut leaves either the old file or the new one, never half of each.
//! A file that cannot be read is never overwritten: it is moved aside under a
//! name that says why (`NAME.corrupt-20261123T191500Z.ron`) and reported.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::assessment::{
    Assessment, MAX_ASSESSMENT_BYTES, ReadError, Timestamp, read_assessment, to_ron,
};
use crate::catalogue::Catalogue;
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
/// Windows also reads the superscript digits ¹ ² ³ as digits here.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
    "com8", "com9", "com¹", "com²", "com³", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6",
    "lpt7", "lpt8", "lpt9", "lpt¹", "lpt²", "lpt³",
];

/// The longest file stem made from an organisation name, in characters:
/// with a suffix such as `-12.ron` or `.corrupt-20261123T191500Z.ron` it
/// stays far below the 255 bytes every file system allows.
pub const MAX_STEM_CHARS: usize = 60;

/// The stem used when a name has no letter or digit at all.
const FALLBACK_STEM: &str = "bedomning";

/// A file stem safe on Windows, macOS and Linux, made from a name typed by
/// the user: letters and digits in lower case, every run of anything else
/// (separators, dots, spaces, `:` and other characters Windows forbids)
/// one `-`, never a reserved device name, at most [`MAX_STEM_CHARS`].
pub fn safe_stem(name: &str) -> String {
    let mut stem = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            stem.extend(c.to_lowercase());
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    // Lower-casing can lengthen a name (İ becomes i and a dot above).
    let stem: String = stem.chars().take(MAX_STEM_CHARS).collect();
    let stem = stem.trim_matches('-');
    if stem.is_empty() {
        FALLBACK_STEM.to_string()
    } else if RESERVED.contains(&stem) {
        format!("{stem}-org")
    } else {
        stem.to_string()
    }
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
    pub reason: OpenReason,
    /// Where the unreadable file was moved, if it was.
    pub moved_to: Option<PathBuf>,
}

/// What stopped an assessment from opening.
#[derive(Debug)]
pub enum OpenReason {
    /// The file could not be read at all (missing, no permission, a loop of
    /// links); it is left where it is.
    Io(String),
    /// The file was read but is not an assessment this installation can open.
    Read(ReadError),
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = self.path.display();
        match &self.reason {
            OpenReason::Io(error) => write!(f, "cannot read {path}: {error}")?,
            // A located problem already names the file.
            OpenReason::Read(ReadError::Invalid(problem)) => write!(
                f,
                "{problem} (the file is damaged or not an assessment file)"
            )?,
            OpenReason::Read(error) => write!(f, "{path}: {error}")?,
        }
        if let Some(to) = &self.moved_to {
            write!(
                f,
                "; the file was moved aside, unchanged, to {}",
                to.display()
            )?;
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
    /// others (which are moved aside). Temporary files left by a save that a
    /// crash interrupted are removed on the way.
    pub fn list(&self, catalogue: &Catalogue) -> (Vec<StoredAssessment>, Vec<OpenError>) {
        let mut found = Vec::new();
        let mut errors = Vec::new();
        let Ok(entries) = fs::read_dir(self.assessments_dir()) else {
            return (found, errors);
        };
        let mut paths: Vec<PathBuf> = Vec::new();
        for path in entries.filter_map(Result::ok).map(|e| e.path()) {
            if is_stale_temporary(&path) {
                // Half a save that never completed: the real file is intact.
                let _ = fs::remove_file(&path);
            } else if is_assessment_file(&path) {
                paths.push(path);
            }
        }
        paths.sort();
        for path in paths {
            match open(&path, catalogue) {
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
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let Some(stem) = name.strip_suffix(".ron") else {
        return false;
    };
    !name.starts_with('.') && set_aside_kind(stem).is_none()
}

/// The reason word of a file moved aside (`NAME.corrupt-20261123T191500Z`
/// gives `corrupt`), or `None` for any other stem.
pub fn set_aside_kind(stem: &str) -> Option<&'static str> {
    let (_, last) = stem.rsplit_once('.')?;
    ReadError::KINDS.into_iter().find(|kind| {
        last.strip_prefix(kind)
            .is_some_and(|rest| rest.starts_with('-'))
    })
}

/// How old a temporary file must be before it counts as left by a crash
/// rather than a save under way in another window.
const STALE_TEMPORARY: std::time::Duration = std::time::Duration::from_secs(3600);

/// A `.NAME.PID.tmp` file of [`save_atomically`] older than an hour.
fn is_stale_temporary(path: &Path) -> bool {
    let is_temporary = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.') && n.ends_with(".tmp"));
    is_temporary
        && fs::metadata(path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|modified| modified.elapsed().ok())
            .is_some_and(|age| age > STALE_TEMPORARY)
}

/// Reads an assessment file without changing anything on disk: for files
/// the app only copies from (import) and for the command line.
pub fn read(path: &Path, catalogue: &Catalogue) -> Result<Assessment, OpenError> {
    let error = |reason| OpenError {
        path: path.to_path_buf(),
        reason,
        moved_to: None,
    };
    let bytes = read_bounded(path).map_err(|e| error(OpenReason::Io(e.to_string())))?;
    read_assessment(&path.display().to_string(), &bytes, catalogue)
        .map_err(|e| error(OpenReason::Read(e)))
}

/// Opens an assessment file the app will save to. A file that cannot be
/// opened is moved aside under a name that says why (never deleted or
/// overwritten), so the next save cannot destroy it; the error says where.
///
/// One exception: a file naming a module that is missing while some
/// questionnaire file failed to load stays where it is. The module may be
/// in the broken file, and the file opens as soon as that is fixed.
pub fn open(path: &Path, catalogue: &Catalogue) -> Result<Assessment, OpenError> {
    read(path, catalogue).map_err(|mut error| {
        if let OpenReason::Read(why) = &error.reason {
            let maybe_in_a_broken_file = matches!(why, ReadError::UnknownQuestionnaires { .. })
                && !catalogue.failed_files().is_empty();
            if !maybe_in_a_broken_file {
                error.moved_to = move_aside(path, why.kind()).ok();
            }
        }
        error
    })
}

/// Reads at most one byte more than an assessment may have, so a huge or
/// endless file (a device, a growing log) cannot exhaust memory.
fn read_bounded(path: &Path) -> io::Result<Vec<u8>> {
    if !fs::metadata(path)?.is_file() {
        // Opening a pipe would block; a device such as /dev/zero never ends.
        return Err(io::Error::other(
            "not a regular file (a folder, device, pipe or socket)",
        ));
    }
    let file = File::open(path)?;
    let mut bytes = Vec::new();
    file.take(MAX_ASSESSMENT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
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
    /// The benchmark file results are compared with, if one was chosen.
    pub benchmark: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            language: Lang::Sv,
            dark: false,
            zoom: 1.0,
            last_open: None,
            last_page: None,
            benchmark: None,
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
        let error = open(&path, &Catalogue::builtin()).unwrap_err();
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

    #[test]
    fn temporaries_left_by_a_crash_are_swept_once_stale() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let folder = store.assessments_dir();
        fs::create_dir_all(&folder).unwrap();
        let stale = folder.join(".firm.ron.4242.tmp");
        let fresh = folder.join(".firm.ron.4343.tmp");
        fs::write(&stale, "half a save").unwrap();
        fs::write(&fresh, "a save under way").unwrap();
        let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
        File::options()
            .write(true)
            .open(&stale)
            .unwrap()
            .set_modified(two_hours_ago)
            .unwrap();
        let (listed, errors) = store.list(&Catalogue::builtin());
        assert!(listed.is_empty() && errors.is_empty());
        assert!(!stale.exists(), "a stale temporary is removed");
        assert!(
            fresh.exists(),
            "another window's save under way is left alone"
        );
    }

    #[test]
    fn files_moved_aside_are_recognised_by_their_reason() {
        assert_eq!(
            set_aside_kind("firm.corrupt-20261123T191500Z"),
            Some("corrupt")
        );
        assert_eq!(
            set_aside_kind("firm.unknown-questionnaire-20261123T191500Z-2"),
            Some("unknown-questionnaire")
        );
        assert_eq!(set_aside_kind("firm"), None);
        assert_eq!(set_aside_kind("ab.corruption"), None);
        assert!(is_assessment_file(Path::new("dir/ab.corruption.ron")));
        assert!(!is_assessment_file(Path::new(
            "dir/firm.empty-20261123T191500Z.ron"
        )));
        assert!(!is_assessment_file(Path::new("dir/.firm.ron.12.tmp")));
    }
}
