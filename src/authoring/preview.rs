//! The author's live preview: a questionnaire file or folder as a respondent
//! sees it, reloaded whenever the author saves.
//!
//! Authors edit in their own text editor, so the preview cannot be told when
//! a file changes; it looks. [`Watch`] compares the files' bytes on every
//! poll (cheap: modules are at most 2 MiB, and comparing contents, not
//! modification times, works on file systems with coarse clocks and with
//! editors that restore times). [`Preview`] keeps the last version that
//! loaded without errors on screen while a broken save is being fixed, and
//! [`Insight`] says what the author's logic did with the answers so far:
//! which questions are hidden and by which condition, the dimension scores,
//! and which recommendations fire and why.
//!
//! Plain core code: the app's author mode (`ui::author`) only draws it.

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use crate::assessment::{Assessment, GivenAnswer, Profile};
use crate::catalogue::{self, Catalogue};
use crate::evaluation::Evaluation;
use crate::questionnaire::{Condition, Lang, Module, OrgType, Problem, SizeBand};
use crate::recommend::describe;
use crate::scoring::QuestionState;

/// Folders below a watched folder that are still looked into.
const MAX_WATCH_DEPTH: usize = 8;

/// The state of the watched files at one moment: each `.ron` file's path
/// and a hash of its bytes (`None` when it could not be read).
type Snapshot = BTreeMap<PathBuf, Option<u64>>;

/// Notices when a file or folder of questionnaire files changes.
#[derive(Debug)]
pub struct Watch {
    paths: Vec<PathBuf>,
    last: Snapshot,
}

impl Watch {
    /// Watches `paths` (files or folders), starting from their state now.
    pub fn new(paths: &[PathBuf]) -> Watch {
        Watch {
            paths: paths.to_vec(),
            last: snapshot(paths),
        }
    }

    /// Whether any file was saved, added or removed since the last call.
    pub fn changed(&mut self) -> bool {
        let now = snapshot(&self.paths);
        let changed = now != self.last;
        self.last = now;
        changed
    }
}

fn snapshot(paths: &[PathBuf]) -> Snapshot {
    let mut files = Snapshot::new();
    for path in paths {
        collect(path, 0, &mut files);
    }
    files
}

fn collect(path: &Path, depth: usize, files: &mut Snapshot) {
    if path.is_dir() {
        if depth > MAX_WATCH_DEPTH {
            return;
        }
        if let Ok(entries) = std::fs::read_dir(path) {
            for entry in entries.filter_map(Result::ok) {
                let child = entry.path();
                if child.is_dir() || child.extension().is_some_and(|e| e == "ron") {
                    collect(&child, depth + 1, files);
                }
            }
        }
    } else {
        // Only regular files: a pipe would block, a device never end.
        let hash = std::fs::metadata(path)
            .ok()
            .filter(|m| m.is_file())
            .and_then(|_| std::fs::read(path).ok())
            .map(|bytes| {
                let mut hasher = DefaultHasher::new();
                bytes.hash(&mut hasher);
                hasher.finish()
            });
        files.insert(path.to_path_buf(), hash);
    }
}

/// A problem in the author's files, with the line of source it points at.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownProblem {
    pub problem: Problem,
    /// The text of `problem.line`, when the file could be read.
    pub source_line: Option<String>,
    /// The byte range in `source_line` of the word the problem points at,
    /// to mark it (the app has no monospace font to put a caret under it).
    pub marked: Option<std::ops::Range<usize>>,
}

/// The word starting at 1-based character column `col` of `line`: up to
/// the next space or RON punctuation, at least one character. `None` when
/// the column is past the end (a problem at the end of the file).
pub fn marked_word(line: &str, col: usize) -> Option<std::ops::Range<usize>> {
    let (start, first) = line.char_indices().nth(col.checked_sub(1)?)?;
    let rest = &line[start..];
    let word = rest
        .find(|c: char| c.is_whitespace() || "(),:[]{}\"".contains(c))
        .unwrap_or(rest.len())
        .max(first.len_utf8());
    Some(start..start + word)
}

/// The author's files, loaded with the shipped modules, and what is shown.
#[derive(Debug)]
pub struct Preview {
    /// The files and folders being previewed.
    pub paths: Vec<PathBuf>,
    /// Further user folders (the data folder's), loaded as the app does.
    user_dirs: Vec<PathBuf>,
    watch: Watch,
    /// The catalogue on screen: the last one in which the author's files
    /// loaded without errors (or the first load, if none ever did).
    pub catalogue: Catalogue,
    /// The ids of the modules that come from the author's files.
    pub modules: Vec<String>,
    /// Problems in the author's files as they are on disk now.
    pub problems: Vec<ShownProblem>,
    /// Whether the files on disk have errors, so an older version is shown.
    pub showing_last_good: bool,
    /// How many times the files were loaded (1 after the first load).
    pub loads: usize,
}

impl Preview {
    /// Loads `paths` (questionnaire files or folders) for previewing.
    pub fn open(paths: Vec<PathBuf>, user_dirs: Vec<PathBuf>) -> Preview {
        // A user folder that is also previewed would load every file twice.
        let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => a == b,
        };
        let user_dirs = user_dirs
            .into_iter()
            .filter(|dir| !paths.iter().any(|p| same(p, dir)))
            .collect();
        let watch = Watch::new(&paths);
        let mut preview = Preview {
            paths,
            user_dirs,
            watch,
            catalogue: Catalogue::default(),
            modules: Vec::new(),
            problems: Vec::new(),
            showing_last_good: false,
            loads: 0,
        };
        preview.load();
        preview
    }

    /// Reloads if a file changed since the last look; true if it did.
    pub fn poll(&mut self) -> bool {
        if self.watch.changed() {
            self.load();
            true
        } else {
            false
        }
    }

    fn load(&mut self) {
        let loaded = catalogue::check_paths(&self.paths, &self.user_dirs, false);
        let prefixes: Vec<String> = self.paths.iter().map(|p| p.display().to_string()).collect();
        let is_authors = |file: &str| prefixes.iter().any(|p| file.starts_with(p.as_str()));
        self.problems = loaded
            .problems
            .iter()
            .filter(|p| is_authors(&p.file))
            .map(|problem| {
                let source_line = source_line(&problem.file, problem.line);
                ShownProblem {
                    marked: source_line
                        .as_deref()
                        .and_then(|line| marked_word(line, problem.col)),
                    source_line,
                    problem: problem.clone(),
                }
            })
            .collect();
        let broken = self.problems.iter().any(|p| p.problem.is_error());
        self.loads += 1;
        if broken && !self.modules.is_empty() {
            // Keep the last good version on screen while the author fixes it.
            self.showing_last_good = true;
            return;
        }
        self.showing_last_good = false;
        self.modules = loaded
            .entries
            .iter()
            .filter(|e| is_authors(&e.file))
            .map(|e| e.module.id.clone())
            .collect();
        self.catalogue = loaded;
    }

    fn previewed_modules(&self) -> impl Iterator<Item = &Module> {
        self.modules
            .iter()
            .filter_map(|id| self.catalogue.module(id))
    }

    /// The sectors of the previewed modules: the main one and the others,
    /// so the respondent is offered every one of them.
    pub fn sectors(&self) -> (Option<String>, Vec<String>) {
        let mut sectors = self
            .previewed_modules()
            .filter_map(|m| m.sector())
            .map(String::from);
        (sectors.next(), sectors.collect())
    }

    /// Keeps the answers whose questions still exist, brought to the
    /// version of their module now in force; drops the rest.
    pub fn keep_answers(&self, answers: &mut BTreeMap<String, GivenAnswer>) {
        answers.retain(|id, given| match self.catalogue.question(id) {
            Some((module, _)) => {
                given.module = module.id.clone();
                given.version = module.version;
                true
            }
            None => false,
        });
    }

    /// A fresh assessment to answer in the preview: a small organisation
    /// of the first type the previewed modules apply to, in their sectors.
    pub fn assessment(&self, lang: Lang) -> Assessment {
        let organisation = self
            .previewed_modules()
            .find_map(|m| m.applies_to.first().copied())
            .unwrap_or(OrgType::Company);
        let (primary_sector, other_sectors) = self.sectors();
        let profile = Profile {
            name: match lang {
                Lang::Sv => "Förhandsgranskning",
                Lang::En => "Preview",
            }
            .to_string(),
            organisation,
            size: Some(SizeBand::Small),
            place: None,
            primary_sector,
            other_sectors,
        };
        Assessment::new(profile, lang)
    }
}

/// Line `line` (1-based) of `file`, trimmed at the end, if it can be read.
/// Tabs become one space each, so columns (which count characters) match.
fn source_line(file: &str, line: usize) -> Option<String> {
    let text = std::fs::read(file).ok()?;
    let text = String::from_utf8_lossy(&text);
    text.lines()
        .nth(line.checked_sub(1)?)
        .map(|l| l.trim_end().replace('\t', " "))
}

/// A question the respondent does not see, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct HiddenQuestion {
    pub id: String,
    pub text: String,
    /// The condition that does not hold, as written for people.
    pub condition: String,
    /// Whether the condition is the section's rather than the question's.
    pub by_section: bool,
}

/// One dimension's score so far.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionSoFar {
    pub id: String,
    pub name: String,
    pub score: Option<f64>,
    pub level: Option<u8>,
}

/// A recommendation that fires, and the conditions that were met.
#[derive(Clone, Debug, PartialEq)]
pub struct Fired {
    pub id: String,
    pub title: String,
    pub reasons: Vec<String>,
}

/// What the author's logic made of the answers so far.
#[derive(Clone, Debug, PartialEq)]
pub struct Insight {
    pub hidden: Vec<HiddenQuestion>,
    pub dimensions: Vec<DimensionSoFar>,
    pub fired: Vec<Fired>,
}

/// The insight into an evaluation, limited to the modules in `modules`
/// (the author's) for questions and recommendations; dimensions are shared.
pub fn insight(evaluation: &Evaluation, modules: &[String], lang: Lang) -> Insight {
    let is_authors = |id: &str| modules.iter().any(|m| m == id);
    let hidden = evaluation
        .results
        .questions
        .iter()
        .filter(|q| q.state == QuestionState::Hidden && is_authors(&q.module))
        .filter_map(|result| {
            let module = evaluation.modules.iter().find(|m| m.id == result.module)?;
            let section = module.sections.iter().find(|s| s.id == result.section)?;
            let question = section.questions.iter().find(|q| q.id == result.id)?;
            let (condition, by_section): (&Condition, bool) = match &section.show_if {
                Some(condition) if !holds_for_section(evaluation, &section.id) => (condition, true),
                _ => (question.show_if.as_ref()?, false),
            };
            Some(HiddenQuestion {
                id: question.id.clone(),
                text: question.text.get(lang).to_string(),
                condition: describe(condition),
                by_section,
            })
        })
        .collect();
    let core = evaluation.modules.first();
    let dimensions = evaluation
        .results
        .dimensions
        .iter()
        .map(|d| DimensionSoFar {
            id: d.id.clone(),
            name: core
                .and_then(|m| m.dimension(&d.id))
                .map_or_else(|| d.id.clone(), |dim| dim.name.get(lang).to_string()),
            score: d.score,
            level: d.level,
        })
        .collect();
    let fired = evaluation
        .advice
        .ranked
        .iter()
        .filter(|t| is_authors(&t.module.id))
        .map(|t| Fired {
            id: t.recommendation.id.clone(),
            title: t.recommendation.title.get(lang).to_string(),
            reasons: t.reasons.clone(),
        })
        .collect();
    Insight {
        hidden,
        dimensions,
        fired,
    }
}

/// Whether the section with this id is shown.
fn holds_for_section(evaluation: &Evaluation, section: &str) -> bool {
    evaluation
        .results
        .completion
        .sections
        .iter()
        .any(|s| s.section == section && s.visible)
}

#[cfg(test)]
mod tests {
    use super::marked_word;

    #[test]
    fn the_marked_word_runs_from_the_column_to_the_next_break() {
        let line = "    kind: SingelChoice(options: [";
        let marked = marked_word(line, 11).unwrap();
        assert_eq!(&line[marked], "SingelChoice");
        // Columns count characters, not bytes.
        let line = "    title: (sv: \"Ås\", en: x),";
        assert_eq!(&line[marked_word(line, 27).unwrap()], "x");
        // A column on punctuation marks that one character.
        assert_eq!(&line[marked_word(line, 12).unwrap()], "(");
        // Past the end, or column 0: nothing to mark.
        assert_eq!(marked_word("abc", 5), None);
        assert_eq!(marked_word("abc", 0), None);
        assert_eq!(marked_word("abc", 4), None);
    }
}
