//! The catalogue: every questionnaire module in force, shipped and user-made.
//!
//! Shipped modules are embedded in the binary. A user folder (the OS data
//! folder and any `--questionnaires DIR`) adds modules; a user module with the
//! same id as a shipped one replaces it only when its `version` is higher.
//! A file with errors is reported and skipped — and if it was meant to replace
//! a module, the module it would have replaced stays — so one broken file
//! never takes the others down.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::questionnaire::load::{MAX_FILE_BYTES, Parsed, parse_module, problem_at};
use crate::questionnaire::source_map::{Position, SourceMap};
use crate::questionnaire::validate::{Context, Source, validate_module};
use crate::questionnaire::{Module, ModuleKind, Problem, ProblemCode, Question, Severity};

include!(concat!(env!("OUT_DIR"), "/builtin_questionnaires.rs"));

/// Where a module came from; decides which one wins when ids collide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    /// Embedded in the binary.
    Builtin,
    /// From a user folder: replaces a shipped module only with a higher version.
    User,
    /// Named on the command line of `airedo check`: always checked as the
    /// module in force, whatever its version.
    Checked,
}

/// The raw bytes of one questionnaire file.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// How the file is named in messages: its path, or `builtin:NAME`.
    pub name: String,
    pub bytes: Vec<u8>,
    pub origin: Origin,
    /// Held to the rules for shipped modules (both sv and en declared).
    pub shipped: bool,
}

/// A module in force, with where it came from.
#[derive(Clone, Debug)]
pub struct Entry {
    pub module: Module,
    pub file: String,
    pub origin: Origin,
}

/// The modules in force and every problem met while loading them.
#[derive(Clone, Debug, Default)]
pub struct Catalogue {
    /// The core module first, then sector modules by id.
    pub entries: Vec<Entry>,
    /// Problems in every file read, sorted by file, line and column.
    pub problems: Vec<Problem>,
    /// Files that were read, in order.
    pub files: Vec<String>,
}

/// A module that parsed, waiting to be checked and chosen.
struct Candidate {
    module: Module,
    file: String,
    origin: Origin,
    shipped: bool,
    source_map: SourceMap,
}

impl Catalogue {
    /// The shipped files, as embedded at build time.
    pub fn builtin_sources() -> Vec<SourceFile> {
        BUILTIN_FILES
            .iter()
            .map(|(name, text)| SourceFile {
                name: format!("builtin:{name}"),
                bytes: text.as_bytes().to_vec(),
                origin: Origin::Builtin,
                shipped: true,
            })
            .collect()
    }

    /// The shipped modules only.
    pub fn builtin() -> Catalogue {
        Catalogue::from_sources(Catalogue::builtin_sources())
    }

    /// Shipped modules plus every `.ron` file in the given user folders.
    /// A folder that does not exist is simply empty.
    pub fn load(user_dirs: &[PathBuf]) -> Catalogue {
        let mut sources = Catalogue::builtin_sources();
        let mut problems = Vec::new();
        for dir in user_dirs {
            if dir.exists() {
                read_path(dir, Origin::User, &mut sources, &mut problems);
            }
        }
        let mut catalogue = Catalogue::from_sources(sources);
        catalogue.add_problems(problems);
        catalogue
    }

    /// Parses, checks and chooses among `sources`.
    pub fn from_sources(sources: Vec<SourceFile>) -> Catalogue {
        let mut catalogue = Catalogue::default();
        let mut candidates = Vec::new();
        for (source, parsed) in parse_in_parallel(sources) {
            catalogue.files.push(source.name.clone());
            catalogue.problems.extend(parsed.problems);
            if let Some(module) = parsed.module {
                candidates.push(Candidate {
                    module,
                    file: source.name,
                    origin: source.origin,
                    shipped: source.shipped,
                    source_map: parsed.source_map,
                });
            }
        }
        catalogue.choose(candidates);
        catalogue.sort_problems();
        catalogue
    }

    fn add_problems(&mut self, problems: Vec<Problem>) {
        self.problems.extend(problems);
        self.sort_problems();
    }

    fn sort_problems(&mut self) {
        self.problems
            .sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
        self.problems.dedup();
    }

    /// Checks candidates (the core first) and keeps, for every id, the
    /// preferred one that has no errors.
    fn choose(&mut self, candidates: Vec<Candidate>) {
        let mut groups: BTreeMap<String, Vec<Candidate>> = BTreeMap::new();
        for candidate in candidates {
            groups
                .entry(candidate.module.id.clone())
                .or_default()
                .push(candidate);
        }
        let sector_ids: Vec<String> = groups
            .iter()
            .filter(|(_, group)| group.iter().any(|c| c.module.kind == ModuleKind::Sector))
            .map(|(id, _)| id.clone())
            .collect();
        // Cores first, so sector modules are checked against the core in force.
        let mut order: Vec<String> = groups.keys().cloned().collect();
        order.sort_by_key(|id| {
            let is_core = groups[id].iter().any(|c| c.module.kind == ModuleKind::Core);
            (!is_core, id.clone())
        });
        let mut accepted: Vec<Entry> = Vec::new();
        for id in order {
            let mut group = groups.remove(&id).unwrap_or_default();
            let ranked = self.rank(&mut group);
            let mut chosen: Option<Candidate> = None;
            for candidate in ranked {
                let core_entry = accepted.iter().find(|e| e.module.kind == ModuleKind::Core);
                if candidate.module.kind == ModuleKind::Core && core_entry.is_some() {
                    let message = format!(
                        "module `{}` is a second core module; only one module may have `kind: Core`",
                        candidate.module.id
                    );
                    let position = candidate.source_map.locate("kind");
                    self.problems.push(problem_at(
                        &candidate.file,
                        ProblemCode::DuplicateModule,
                        position,
                        message,
                    ));
                    continue;
                }
                let context = Context {
                    core: core_entry.map(|e| &e.module),
                    accepted: accepted.iter().map(|e| &e.module).collect(),
                    sectors: sector_ids.iter().map(String::as_str).collect(),
                };
                let source = Source {
                    module: &candidate.module,
                    file: &candidate.file,
                    source_map: &candidate.source_map,
                    shipped: candidate.shipped,
                };
                let problems = validate_module(&source, &context);
                let valid = !problems.iter().any(Problem::is_error);
                self.problems.extend(problems);
                if valid && chosen.is_none() {
                    chosen = Some(candidate);
                }
            }
            if let Some(candidate) = chosen {
                accepted.push(Entry {
                    module: candidate.module,
                    file: candidate.file,
                    origin: candidate.origin,
                });
            }
        }
        accepted.sort_by_key(|e| (e.module.kind != ModuleKind::Core, e.module.id.clone()));
        self.entries = accepted;
    }

    /// Orders the candidates for one id by preference, reporting user files
    /// that cannot replace the shipped module and duplicates.
    fn rank(&mut self, group: &mut Vec<Candidate>) -> Vec<Candidate> {
        let builtin_version = group
            .iter()
            .filter(|c| c.origin == Origin::Builtin)
            .map(|c| c.module.version)
            .max();
        let mut ranked: Vec<Candidate> = Vec::new();
        group.sort_by_key(|c| std::cmp::Reverse((c.origin, c.module.version)));
        for candidate in group.drain(..) {
            if candidate.origin == Origin::User
                && let Some(shipped) = builtin_version
                && candidate.module.version <= shipped
            {
                let message = format!(
                    "module `{}` version {} does not replace the shipped version {shipped}; set `version: {}` to use this file",
                    candidate.module.id,
                    candidate.module.version,
                    shipped + 1
                );
                let position = candidate.source_map.locate("version");
                let mut problem =
                    problem_at(&candidate.file, ProblemCode::Shadowed, position, message);
                problem.severity = Severity::Warning;
                self.problems.push(problem);
                // Still checked (its problems are real), but after the shipped one.
                ranked.push(candidate);
                continue;
            }
            let duplicate = ranked.iter().any(|r| {
                r.origin == candidate.origin
                    && r.origin != Origin::Builtin
                    && r.module.version == candidate.module.version
            });
            if duplicate {
                let message = format!(
                    "module `{}` version {} is also defined in another file; give one of them another id or a higher version",
                    candidate.module.id, candidate.module.version
                );
                let position = candidate.source_map.locate("id");
                self.problems.push(problem_at(
                    &candidate.file,
                    ProblemCode::DuplicateModule,
                    position,
                    message,
                ));
                continue;
            }
            ranked.push(candidate);
        }
        // Shadowed user files go after the shipped one.
        ranked.sort_by_key(|c| {
            c.origin == Origin::User && builtin_version.is_some_and(|v| c.module.version <= v)
        });
        ranked
    }

    /// The core module in force.
    pub fn core(&self) -> Option<&Module> {
        self.entries
            .iter()
            .map(|e| &e.module)
            .find(|m| m.kind == ModuleKind::Core)
    }

    /// The module with this id.
    pub fn module(&self, id: &str) -> Option<&Module> {
        self.entries.iter().map(|e| &e.module).find(|m| m.id == id)
    }

    /// The sector modules, by id.
    pub fn sectors(&self) -> impl Iterator<Item = &Module> {
        self.entries
            .iter()
            .map(|e| &e.module)
            .filter(|m| m.kind == ModuleKind::Sector)
    }

    /// A question and the module it belongs to.
    pub fn question(&self, id: &str) -> Option<(&Module, &Question)> {
        self.entries
            .iter()
            .map(|e| &e.module)
            .find_map(|m| m.questions().find(|q| q.id == id).map(|q| (m, q)))
    }

    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.is_error())
    }

    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    /// Files with at least one error (skipped or partly skipped).
    pub fn failed_files(&self) -> Vec<&str> {
        let mut seen = HashSet::new();
        self.errors()
            .map(|p| p.file.as_str())
            .filter(|f| seen.insert(*f))
            .collect()
    }
}

/// Parses every source, spread over the machine's cores (parsing is pure and
/// most of start-up), and returns them in their original order.
fn parse_in_parallel(sources: Vec<SourceFile>) -> Vec<(SourceFile, Parsed)> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if threads < 2 || sources.len() < 4 {
        return sources
            .into_iter()
            .map(|s| {
                let parsed = parse_module(&s.name, &s.bytes);
                (s, parsed)
            })
            .collect();
    }
    let chunk = sources.len().div_ceil(threads);
    let mut slots: Vec<Option<Parsed>> = Vec::new();
    std::thread::scope(|scope| {
        let handles: Vec<_> = sources
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|s| parse_module(&s.name, &s.bytes))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for handle in handles {
            // A panic in the parser is a bug; surface it rather than hide a file.
            slots.extend(
                handle
                    .join()
                    .expect("the parser does not panic")
                    .into_iter()
                    .map(Some),
            );
        }
    });
    sources
        .into_iter()
        .zip(slots)
        .map(|(s, parsed)| (s, parsed.expect("one result per source")))
        .collect()
}

/// Reads a questionnaire file or, recursively, every `.ron` file in a folder.
/// Problems reading are reported, never fatal.
pub fn read_path(
    path: &Path,
    origin: Origin,
    sources: &mut Vec<SourceFile>,
    problems: &mut Vec<Problem>,
) {
    let mut visited = HashSet::new();
    read_path_inner(path, origin, sources, problems, &mut visited, 0);
}

/// Marks every source read so far from outside the binary as held to the
/// shipped rules (for `airedo check --shipped`).
fn mark_shipped(sources: &mut [SourceFile]) {
    for source in sources.iter_mut().filter(|s| s.origin == Origin::Checked) {
        source.shipped = true;
    }
}

/// Folders nested deeper than this are not searched.
const MAX_FOLDER_DEPTH: usize = 8;

fn read_path_inner(
    path: &Path,
    origin: Origin,
    sources: &mut Vec<SourceFile>,
    problems: &mut Vec<Problem>,
    visited: &mut HashSet<PathBuf>,
    depth: usize,
) {
    let name = path.display().to_string();
    let unreadable = |error: std::io::Error| {
        problem_at(
            &name,
            ProblemCode::Unreadable,
            Position { line: 1, col: 1 },
            format!("cannot read: {error}"),
        )
    };
    let metadata = match fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) => {
            problems.push(unreadable(error));
            return;
        }
    };
    if metadata.is_dir() {
        // A link that leads back up the tree would otherwise loop forever.
        let canonical = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if depth > MAX_FOLDER_DEPTH || !visited.insert(canonical) {
            return;
        }
        let mut children: Vec<PathBuf> = match fs::read_dir(path) {
            Ok(entries) => entries.filter_map(Result::ok).map(|e| e.path()).collect(),
            Err(error) => {
                problems.push(unreadable(error));
                return;
            }
        };
        children.sort();
        for child in children {
            let is_ron = child.extension().is_some_and(|e| e == "ron");
            if child.is_dir()
                || is_ron
                || fs::symlink_metadata(&child).is_ok_and(|m| m.is_symlink() && is_ron)
            {
                read_path_inner(&child, origin, sources, problems, visited, depth + 1);
            }
        }
        return;
    }
    if !metadata.is_file() {
        // A device or a pipe (`/dev/zero`, a FIFO) would never end, or block.
        problems.push(unreadable(std::io::Error::other(
            "not a regular file (a device, pipe or socket)",
        )));
        return;
    }
    let too_large = |size: String| {
        problem_at(
            &name,
            ProblemCode::TooLarge,
            Position { line: 1, col: 1 },
            format!(
                "the file is {size} bytes; questionnaire files may be at most {MAX_FILE_BYTES} bytes"
            ),
        )
    };
    if metadata.len() > MAX_FILE_BYTES as u64 {
        problems.push(too_large(metadata.len().to_string()));
        return;
    }
    // Bounded, as the file may grow between the look and the read.
    let read = fs::File::open(path).and_then(|file| {
        let mut bytes = Vec::new();
        file.take(MAX_FILE_BYTES as u64 + 1)
            .read_to_end(&mut bytes)?;
        Ok(bytes)
    });
    match read {
        Ok(bytes) if bytes.len() > MAX_FILE_BYTES => {
            problems.push(too_large(format!("more than {MAX_FILE_BYTES}")));
        }
        Ok(bytes) => sources.push(SourceFile {
            name: name.clone(),
            bytes,
            origin,
            shipped: false,
        }),
        Err(error) => problems.push(unreadable(error)),
    }
}

/// Loads the shipped modules plus the files named on the command line, which
/// are checked as the modules in force whatever their version.
pub fn check_paths(paths: &[PathBuf], user_dirs: &[PathBuf], shipped: bool) -> Catalogue {
    let mut sources = Catalogue::builtin_sources();
    let mut problems = Vec::new();
    for dir in user_dirs {
        if dir.exists() {
            read_path(dir, Origin::User, &mut sources, &mut problems);
        }
    }
    for path in paths {
        read_path(path, Origin::Checked, &mut sources, &mut problems);
    }
    if shipped {
        mark_shipped(&mut sources);
    }
    let mut catalogue = Catalogue::from_sources(sources);
    catalogue.add_problems(problems);
    catalogue
}
