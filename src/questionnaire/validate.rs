//! The rules a questionnaire module must obey beyond parsing.
//!
//! A module is checked in the context of the catalogue it will live in: the
//! core module supplies dimensions, maturity levels, contact points and the
//! questions every module may build on; modules accepted before it claim their
//! ids. Every problem is collected (never just the first) and located through
//! the file's [`SourceMap`], so the author sees `file:line:col` for each.
//!
//! Conditions are checked twice: statically (does every id exist, does each
//! condition fit the kind of question it names, does a `show_if` look only at
//! earlier questions, are there cycles) and by search ([`reachable`]): every
//! combination of the answers a condition mentions is tried with the real
//! evaluator, to find conditions and recommendations that can never hold.

use std::collections::{HashMap, HashSet};

use super::answer::Answer;
use super::condition::{Condition, Facts};
use super::load::{did_you_mean, problem_at};
use super::model::*;
use super::problem::{Problem, ProblemCode};
use super::source_map::SourceMap;
use super::text::{Lang, Text};
use crate::strategy;

/// Limits that keep a hostile or mistaken file from exhausting the machine.
pub const MAX_SECTIONS: usize = 200;
pub const MAX_QUESTIONS: usize = 2_000;
pub const MAX_OPTIONS: usize = 100;
pub const MAX_RECOMMENDATIONS: usize = 2_000;
/// The longest text, in characters, any single field may hold.
pub const MAX_TEXT_CHARS: usize = 10_000;
/// The most answer combinations tried to prove a condition can hold.
pub const MAX_COMBINATIONS: usize = 50_000;

/// One module to check, with what is needed to point at its lines.
pub struct Source<'a> {
    pub module: &'a Module,
    pub file: &'a str,
    pub source_map: &'a SourceMap,
    /// Shipped modules must be written in both Swedish and English.
    pub shipped: bool,
}

/// What the module is checked against.
#[derive(Default)]
pub struct Context<'a> {
    /// The core module in force (`None` while checking the core itself).
    pub core: Option<&'a Module>,
    /// Modules already accepted into the catalogue; their ids are taken.
    pub accepted: Vec<&'a Module>,
    /// Ids of every sector module known, for `SectorIs`.
    pub sectors: Vec<&'a str>,
}

/// Checks one module; returns every problem found.
pub fn validate_module(source: &Source, context: &Context) -> Vec<Problem> {
    validate_with_reachability(source, context).0
}

/// Whether an id is made only of the characters the format allows.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c))
        && !id.starts_with(['.', '-'])
}

/// Module ids become file names, so they may not contain dots.
pub fn is_valid_module_id(id: &str) -> bool {
    is_valid_id(id) && !id.contains('.') && id.len() <= 40
}

/// What the reachability search concluded about one recommendation's trigger.
#[derive(Clone, Debug, PartialEq)]
pub enum TriggerReach {
    /// Some set of answers makes `when` true.
    Reachable,
    /// No set of answers does; `reason` says why, as far as the search knows.
    Unreachable { reason: String },
    /// More answer combinations than [`MAX_COMBINATIONS`]; not proven either way.
    Unproven { combinations: usize },
    /// The search did not look at it; `reason` says why.
    NotSearched { reason: &'static str },
}

/// The reachability search's conclusions, as data rather than problems.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reachability {
    /// One per recommendation, in file order.
    pub recommendations: Vec<TriggerReach>,
    /// The module's questions that can never be shown, because their own
    /// `show_if` or their section's can never hold. In file order.
    pub never_shown: Vec<String>,
}

/// Checks one module like [`validate_module`] and also returns what the
/// reachability search concluded. `airedo check --coverage` lists reachable
/// and unreachable recommendations from this, so there is one proof, the
/// one `check` reports from, and the two can never disagree.
pub fn validate_with_reachability(
    source: &Source,
    context: &Context,
) -> (Vec<Problem>, Reachability) {
    let mut check = Checker::new(source, context);
    check.run();
    check.problems.sort_by_key(|p| (p.line, p.col));
    (check.problems, check.reachability)
}

/// Why a recommendation can never fire, as far as the search can tell.
const NEVER_TRIGGERED: &str =
    "no set of answers for the organisation types in applies_to makes `when` true";
/// Why a trigger was not searched when the module's conditions form a cycle
/// or the module is over the limits (the search is skipped for the whole module).
const NOT_SEARCHED_MODULE: &str =
    "the module has errors that stop the search (a cycle of conditions, or too many items)";
/// Why a trigger with a broken reference was not searched.
const NOT_SEARCHED_BROKEN: &str =
    "its condition names something that does not exist or does not fit";

/// A question as the checker sees it: where it is and in what order it comes.
struct QuestionRef<'a> {
    question: &'a Question,
    module: &'a Module,
    section: &'a Section,
    /// Position in answering order: core questions first, then the module's.
    order: usize,
    /// `sections[i].questions[j]` in its own file (only meaningful for own questions).
    path: String,
}

#[derive(Clone, Copy, PartialEq)]
enum Usage {
    /// A `show_if`, evaluated before the question at this answering order.
    Visibility { order: usize },
    /// A recommendation trigger, evaluated on the finished assessment.
    Trigger,
}

struct Checker<'a> {
    source: &'a Source<'a>,
    module: &'a Module,
    context: &'a Context<'a>,
    questions: HashMap<&'a str, QuestionRef<'a>>,
    dimensions: Vec<&'a str>,
    contacts: HashSet<&'a str>,
    problems: Vec<Problem>,
    /// Conditions with broken references; searching them would only add noise.
    broken: HashSet<*const Condition>,
    /// Ids other modules already use, with the module that uses them.
    taken: HashMap<(IdKind, &'a str), &'a str>,
    /// What the reachability search concluded, kept as data for `--coverage`.
    reachability: Reachability,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum IdKind {
    Question,
    Recommendation,
    Contact,
}

impl<'a> Checker<'a> {
    fn new(source: &'a Source<'a>, context: &'a Context<'a>) -> Self {
        let module = source.module;
        let core = match (module.kind, context.core) {
            (ModuleKind::Sector, Some(core)) => core,
            _ => module,
        };
        let mut questions = HashMap::new();
        let mut order = 0;
        let mut readable: Vec<&Module> = vec![core];
        if !std::ptr::eq(core, module) {
            readable.push(module);
        }
        for m in readable {
            for (s, section) in m.sections.iter().enumerate() {
                for (q, question) in section.questions.iter().enumerate() {
                    questions
                        .entry(question.id.as_str())
                        .or_insert(QuestionRef {
                            question,
                            module: m,
                            section,
                            order,
                            path: format!("sections[{s}].questions[{q}]"),
                        });
                    order += 1;
                }
            }
        }
        let dimensions = core.dimensions.iter().map(|d| d.id.as_str()).collect();
        let contacts = core
            .contacts
            .iter()
            .chain(&module.contacts)
            .map(|c| c.id.as_str())
            .collect();
        let mut taken = HashMap::new();
        let others = context
            .accepted
            .iter()
            .copied()
            .chain((!std::ptr::eq(core, module)).then_some(core))
            .filter(|m| m.id != module.id);
        for other in others {
            let name = other.id.as_str();
            for q in other.questions() {
                taken
                    .entry((IdKind::Question, q.id.as_str()))
                    .or_insert(name);
            }
            for r in &other.recommendations {
                taken
                    .entry((IdKind::Recommendation, r.id.as_str()))
                    .or_insert(name);
            }
            for c in &other.contacts {
                taken
                    .entry((IdKind::Contact, c.id.as_str()))
                    .or_insert(name);
            }
        }
        Checker {
            source,
            module,
            context,
            taken,
            questions,
            dimensions,
            contacts,
            problems: Vec::new(),
            broken: HashSet::new(),
            reachability: Reachability {
                recommendations: vec![
                    TriggerReach::NotSearched {
                        reason: NOT_SEARCHED_MODULE
                    };
                    module.recommendations.len()
                ],
                never_shown: Vec::new(),
            },
        }
    }

    fn report(&mut self, code: ProblemCode, path: &str, message: String) {
        let position = self.source.source_map.locate(path);
        self.problems
            .push(problem_at(self.source.file, code, position, message));
    }

    fn run(&mut self) {
        if !self.check_limits() {
            return;
        }
        self.check_header();
        self.check_texts();
        self.check_framework();
        self.check_contacts();
        self.check_sections_and_questions();
        self.check_recommendations();
        let cyclic = self.check_visibility_order();
        if !cyclic {
            self.check_reachability();
        }
    }

    /// Refuses absurdly large modules before any per-item work.
    fn check_limits(&mut self) -> bool {
        let m = self.module;
        let questions = m.sections.iter().map(|s| s.questions.len()).sum::<usize>();
        let mut ok = true;
        for (count, limit, what, path) in [
            (m.sections.len(), MAX_SECTIONS, "sections", "sections"),
            (questions, MAX_QUESTIONS, "questions", "sections"),
            (
                m.recommendations.len(),
                MAX_RECOMMENDATIONS,
                "recommendations",
                "recommendations",
            ),
        ] {
            if count > limit {
                self.report(
                    ProblemCode::TooMany,
                    path,
                    format!("the module has {count} {what}; at most {limit} are allowed"),
                );
                ok = false;
            }
        }
        ok
    }

    fn check_header(&mut self) {
        let m = self.module;
        if !is_valid_module_id(&m.id) {
            self.report(
                ProblemCode::InvalidId,
                "id",
                format!(
                    "module id `{}` may use only a-z, 0-9, '_' and '-' (at most 40 characters), since it names files",
                    m.id
                ),
            );
        }
        if m.version == 0 {
            self.report(
                ProblemCode::OutOfRange,
                "version",
                "version must be 1 or higher; raise it every time you change the content".into(),
            );
        }
        if m.applies_to.is_empty() {
            self.report(
                ProblemCode::EmptyOptions,
                "applies_to",
                "applies_to is empty, so no organisation would ever be offered this module".into(),
            );
        }
        if m.languages.is_empty() {
            self.report(
                ProblemCode::MissingTranslation,
                "languages",
                "languages is empty; list the languages the texts are written in, e.g. [sv, en]"
                    .into(),
            );
        }
        if self.source.shipped {
            for lang in Lang::ALL {
                if !m.languages.contains(&lang) {
                    self.report(
                        ProblemCode::MissingTranslation,
                        "languages",
                        format!("modules shipped with AI-redo must be written in sv and en; `{lang}` is missing"),
                    );
                }
            }
        }
        self.check_strategy_ref(&m.strategy_ref, "strategy_ref");
    }

    fn check_strategy_ref(&mut self, reference: &str, path: &str) {
        if reference.trim().is_empty() {
            self.report(
                ProblemCode::MissingStrategyRef,
                path,
                "strategy_ref is empty; cite the section of COM(2025) 723 this derives from, e.g. \"3.4\"".into(),
            );
        } else if !strategy::is_section(reference) {
            let sections = strategy::section_numbers();
            self.report(
                ProblemCode::MissingStrategyRef,
                path,
                format!(
                    "`{reference}` is not a section of COM(2025) 723{}; sections are {}",
                    did_you_mean(reference, &sections),
                    sections.join(", ")
                ),
            );
        }
    }

    /// Every text must exist in every declared language, within the length limit.
    fn check_texts(&mut self) {
        let mut texts: Vec<(String, &Text)> = Vec::new();
        let m = self.module;
        texts.push(("title".into(), &m.title));
        texts.push(("summary".into(), &m.summary));
        texts.push(("description".into(), &m.description));
        for (i, d) in m.dimensions.iter().enumerate() {
            texts.push((format!("dimensions[{i}].name"), &d.name));
            texts.push((format!("dimensions[{i}].description"), &d.description));
        }
        for (i, l) in m.maturity_levels.iter().enumerate() {
            texts.push((format!("maturity_levels[{i}].name"), &l.name));
            texts.push((format!("maturity_levels[{i}].description"), &l.description));
        }
        for (i, c) in m.contacts.iter().enumerate() {
            texts.push((format!("contacts[{i}].name"), &c.name));
            texts.push((format!("contacts[{i}].description"), &c.description));
        }
        for (s, section) in m.sections.iter().enumerate() {
            texts.push((format!("sections[{s}].title"), &section.title));
            if let Some(description) = &section.description {
                texts.push((format!("sections[{s}].description"), description));
            }
            for (q, question) in section.questions.iter().enumerate() {
                let path = format!("sections[{s}].questions[{q}]");
                texts.push((format!("{path}.text"), &question.text));
                if let Some(help) = &question.help {
                    texts.push((format!("{path}.help"), help));
                }
                match &question.kind {
                    QuestionKind::SingleChoice { options }
                    | QuestionKind::MultipleChoice { options, .. } => {
                        for (o, option) in options.iter().enumerate() {
                            texts.push((format!("{path}.kind.options[{o}].label"), &option.label));
                        }
                    }
                    QuestionKind::Scale { labels } => {
                        for (l, label) in labels.iter().enumerate() {
                            texts.push((format!("{path}.kind.labels[{l}]"), label));
                        }
                    }
                    _ => {}
                }
            }
        }
        for (r, rec) in m.recommendations.iter().enumerate() {
            texts.push((format!("recommendations[{r}].title"), &rec.title));
            texts.push((format!("recommendations[{r}].text"), &rec.text));
        }
        let languages = m.languages.clone();
        for (path, text) in texts {
            let missing = text.missing(&languages);
            if !missing.is_empty() {
                let names: Vec<&str> = missing.iter().map(|l| l.code()).collect();
                self.report(
                    ProblemCode::MissingTranslation,
                    &path,
                    format!(
                        "text missing in {}; the module declares languages [{}]",
                        names.join(" and "),
                        languages
                            .iter()
                            .map(|l| l.code())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
            }
            for lang in Lang::ALL {
                let length = text.exact(lang).map_or(0, |t| t.chars().count());
                if length > MAX_TEXT_CHARS {
                    self.report(
                        ProblemCode::TooLarge,
                        &path,
                        format!("the {lang} text is {length} characters; at most {MAX_TEXT_CHARS} are allowed"),
                    );
                }
            }
        }
    }

    /// Dimensions and maturity levels: defined in the core module only.
    fn check_framework(&mut self) {
        let m = self.module;
        if m.kind == ModuleKind::Sector {
            if !m.dimensions.is_empty() {
                self.report(
                    ProblemCode::CoreOnly,
                    "dimensions",
                    "dimensions are defined once, in the core module; a sector module scores into them by id".into(),
                );
            }
            if !m.maturity_levels.is_empty() {
                self.report(
                    ProblemCode::CoreOnly,
                    "maturity_levels",
                    "maturity levels are defined once, in the core module".into(),
                );
            }
            if self.context.core.is_none() {
                self.report(
                    ProblemCode::NoCore,
                    "",
                    "no valid core module is loaded, so this sector module's dimensions cannot be checked".into(),
                );
            }
            return;
        }
        if m.dimensions.is_empty() {
            self.report(
                ProblemCode::NoCore,
                "dimensions",
                "the core module must define the dimensions every module scores into".into(),
            );
        }
        let mut seen = HashSet::new();
        for (i, d) in m.dimensions.iter().enumerate() {
            self.check_id(
                &d.id,
                &format!("dimensions[{i}].id"),
                "dimension",
                &mut seen,
            );
            if d.weight.is_nan() || d.weight <= 0.0 {
                self.report(
                    ProblemCode::NonPositiveWeight,
                    &format!("dimensions[{i}].weight"),
                    format!("dimension weight is {}; it must be above 0", d.weight),
                );
            }
        }
        self.check_maturity_levels();
    }

    fn check_maturity_levels(&mut self) {
        let levels = &self.module.maturity_levels;
        let numbers: Vec<u8> = levels.iter().map(|l| l.level).collect();
        if numbers != [1, 2, 3, 4, 5] {
            self.report(
                ProblemCode::MaturityLevels,
                "maturity_levels",
                format!(
                    "there must be five maturity levels numbered 1 to 5 in order; found {numbers:?}"
                ),
            );
        }
        let mut ranges = Vec::new();
        for (i, l) in levels.iter().enumerate() {
            let valid = |x: f64| (0.0..=100.0).contains(&x);
            if !valid(l.from) || !valid(l.to) || l.from >= l.to {
                self.report(
                    ProblemCode::OutOfRange,
                    &format!("maturity_levels[{i}].from"),
                    format!(
                        "level {} runs from {} to {}; thresholds must lie within 0-100 with `from` below `to`",
                        l.level, l.from, l.to
                    ),
                );
            } else {
                ranges.push((i, l));
            }
        }
        ranges.sort_by(|a, b| a.1.from.total_cmp(&b.1.from));
        let mut covered = 0.0;
        for (i, level) in ranges {
            let path = format!("maturity_levels[{i}].from");
            if level.from > covered {
                self.report(
                    ProblemCode::MaturityGap,
                    &path,
                    format!(
                        "scores from {covered} to {} belong to no maturity level; level {} should start at {covered}",
                        level.from, level.level
                    ),
                );
            } else if level.from < covered {
                self.report(
                    ProblemCode::MaturityOverlap,
                    &path,
                    format!(
                        "level {} starts at {} but scores up to {covered} already belong to a lower level",
                        level.level, level.from
                    ),
                );
            }
            covered = level.to.max(covered);
        }
        if !levels.is_empty() && covered < 100.0 {
            self.report(
                ProblemCode::MaturityGap,
                "maturity_levels",
                format!("scores from {covered} to 100 belong to no maturity level"),
            );
        }
    }

    fn check_id(&mut self, id: &str, path: &str, what: &str, seen: &mut HashSet<String>) {
        if !is_valid_id(id) {
            self.report(
                ProblemCode::InvalidId,
                path,
                format!("{what} id `{id}` may use only a-z, 0-9, '.', '_' and '-'"),
            );
        }
        if !seen.insert(id.to_string()) {
            self.report(
                ProblemCode::DuplicateId,
                path,
                format!("{what} id `{id}` is used twice in this module"),
            );
        }
    }

    /// The module (other than this one) that already uses an id of this kind.
    fn taken_elsewhere(&self, kind: IdKind, id: &str) -> Option<String> {
        self.taken.get(&(kind, id)).map(|m| m.to_string())
    }

    fn check_contacts(&mut self) {
        let mut seen = HashSet::new();
        for (i, contact) in self.module.contacts.iter().enumerate() {
            let path = format!("contacts[{i}].id");
            self.check_id(&contact.id, &path, "contact", &mut seen);
            if let Some(other) = self.taken_elsewhere(IdKind::Contact, &contact.id) {
                self.report(
                    ProblemCode::DuplicateId,
                    &path,
                    format!(
                        "contact id `{}` is already defined in module `{other}`",
                        contact.id
                    ),
                );
            }
            self.check_strategy_ref(
                &contact.strategy_ref,
                &format!("contacts[{i}].strategy_ref"),
            );
        }
    }

    fn check_sections_and_questions(&mut self) {
        let mut section_ids = HashSet::new();
        let mut question_ids = HashSet::new();
        for (s, section) in self.module.sections.iter().enumerate() {
            let path = format!("sections[{s}]");
            self.check_id(
                &section.id,
                &format!("{path}.id"),
                "section",
                &mut section_ids,
            );
            if section.questions.is_empty() {
                self.report(
                    ProblemCode::EmptyOptions,
                    &format!("{path}.questions"),
                    format!("section `{}` has no questions", section.id),
                );
            }
            if let Some(condition) = &section.show_if {
                self.check_condition(condition, &format!("{path}.show_if"));
            }
            for (q, question) in section.questions.iter().enumerate() {
                self.check_question(
                    question,
                    &format!("{path}.questions[{q}]"),
                    &mut question_ids,
                );
            }
        }
    }

    fn check_question(&mut self, question: &'a Question, path: &str, seen: &mut HashSet<String>) {
        self.check_id(&question.id, &format!("{path}.id"), "question", seen);
        if let Some(other) = self.taken_elsewhere(IdKind::Question, &question.id) {
            self.report(
                ProblemCode::DuplicateId,
                &format!("{path}.id"),
                format!(
                    "question id `{}` is already used in module `{other}`",
                    question.id
                ),
            );
        }
        self.check_strategy_ref(&question.strategy_ref, &format!("{path}.strategy_ref"));
        if question.weight.is_nan() || question.weight <= 0.0 {
            self.report(
                ProblemCode::NonPositiveWeight,
                &format!("{path}.weight"),
                format!("weight is {}; it must be above 0 (leave a question out rather than weigh it 0)", question.weight),
            );
        }
        self.check_kind(&question.kind, &format!("{path}.kind"));
        let scored = question.kind.is_scored();
        match (&question.dimension, scored) {
            (None, true) => self.report(
                ProblemCode::MissingDimension,
                &format!("{path}.id"),
                format!(
                    "{} question `{}` is scored but names no dimension; add e.g. `dimension: \"{}\"`",
                    question.kind.name(),
                    question.id,
                    self.dimensions.first().copied().unwrap_or("strategy")
                ),
            ),
            (Some(dimension), true) => self.check_dimension_ref(dimension, &format!("{path}.dimension")),
            (Some(_), false) => self.report(
                ProblemCode::UnusedDimension,
                &format!("{path}.dimension"),
                format!("{} questions are not scored, so their dimension is never used", question.kind.name()),
            ),
            (None, false) => {}
        }
        if scored && question.help.is_none() {
            self.report(
                ProblemCode::MissingHelp,
                &format!("{path}.id"),
                format!(
                    "question `{}` has no help text; explain the terms it uses",
                    question.id
                ),
            );
        }
        if let Some(condition) = &question.show_if {
            self.check_condition(condition, &format!("{path}.show_if"));
        }
    }

    fn check_kind(&mut self, kind: &QuestionKind, path: &str) {
        match kind {
            QuestionKind::SingleChoice { options } => self.check_options(options, path),
            QuestionKind::MultipleChoice { options, cap } => {
                self.check_options(options, path);
                if !(*cap > 0.0 && *cap <= MAX_OPTION_SCORE) {
                    self.report(
                        ProblemCode::OutOfRange,
                        &format!("{path}.cap"),
                        format!("cap is {cap}; it must be above 0 and at most {MAX_OPTION_SCORE}"),
                    );
                } else {
                    let reachable: f64 = options.iter().map(|o| o.score.max(0.0)).sum();
                    if !options.is_empty() && reachable < *cap {
                        self.report(
                            ProblemCode::CapUnreachable,
                            &format!("{path}.cap"),
                            format!("cap is {cap} but all options together score only {reachable}, so the question can never reach full score"),
                        );
                    }
                }
            }
            QuestionKind::Scale { labels } => {
                if labels.len() != SCALE_STEPS {
                    self.report(
                        ProblemCode::ScaleLabels,
                        &format!("{path}.labels"),
                        format!("a scale has {SCALE_STEPS} steps (0-4) and needs one label each; found {}", labels.len()),
                    );
                }
            }
            QuestionKind::YesNo { yes, no } => {
                for (value, field) in [(yes, "yes"), (no, "no")] {
                    if !(0.0..=MAX_OPTION_SCORE).contains(value) {
                        self.report(
                            ProblemCode::OutOfRange,
                            &format!("{path}.{field}"),
                            format!("score {value} is outside 0-{MAX_OPTION_SCORE}"),
                        );
                    }
                }
            }
            QuestionKind::FreeText | QuestionKind::Info => {}
        }
    }

    fn check_options(&mut self, options: &[Choice], path: &str) {
        if options.is_empty() {
            self.report(
                ProblemCode::EmptyOptions,
                &format!("{path}.options"),
                "the option list is empty; a choice question needs at least two options".into(),
            );
        }
        if options.len() > MAX_OPTIONS {
            self.report(
                ProblemCode::TooMany,
                &format!("{path}.options"),
                format!(
                    "{} options; at most {MAX_OPTIONS} are allowed",
                    options.len()
                ),
            );
            return;
        }
        let mut seen = HashSet::new();
        for (o, option) in options.iter().enumerate() {
            let option_path = format!("{path}.options[{o}]");
            self.check_id(
                &option.id,
                &format!("{option_path}.id"),
                "option",
                &mut seen,
            );
            if option.id == DONT_KNOW || option.id == NOT_APPLICABLE {
                self.report(
                    ProblemCode::InvalidId,
                    &format!("{option_path}.id"),
                    format!("`{}` is reserved; use the question's `dont_know` / `not_applicable` settings instead", option.id),
                );
            }
            if !(0.0..=MAX_OPTION_SCORE).contains(&option.score) {
                self.report(
                    ProblemCode::OutOfRange,
                    &format!("{option_path}.score"),
                    format!("score {} is outside 0-{MAX_OPTION_SCORE}", option.score),
                );
            }
        }
    }

    fn check_dimension_ref(&mut self, dimension: &str, path: &str) {
        if !self.dimensions.contains(&dimension) {
            let known = self.dimensions.clone();
            let listing = if known.is_empty() {
                "no dimensions are defined (the core module defines them)".to_string()
            } else {
                format!("dimensions are {}", known.join(", "))
            };
            self.report(
                ProblemCode::UnknownDimension,
                path,
                format!(
                    "unknown dimension `{dimension}`{}; {listing}",
                    did_you_mean(dimension, &known)
                ),
            );
        }
    }

    fn check_recommendations(&mut self) {
        let mut seen = HashSet::new();
        for (r, rec) in self.module.recommendations.iter().enumerate() {
            let path = format!("recommendations[{r}]");
            self.check_id(&rec.id, &format!("{path}.id"), "recommendation", &mut seen);
            if let Some(other) = self.taken_elsewhere(IdKind::Recommendation, &rec.id) {
                self.report(
                    ProblemCode::DuplicateId,
                    &format!("{path}.id"),
                    format!(
                        "recommendation id `{}` is already used in module `{other}`",
                        rec.id
                    ),
                );
            }
            self.check_dimension_ref(&rec.dimension, &format!("{path}.dimension"));
            self.check_strategy_ref(&rec.strategy_ref, &format!("{path}.strategy_ref"));
            for (h, contact) in rec.help_from.iter().enumerate() {
                if !self.contacts.contains(contact.as_str()) {
                    let mut known: Vec<&str> = self.contacts.iter().copied().collect();
                    known.sort_unstable();
                    self.report(
                        ProblemCode::UnknownContact,
                        &format!("{path}.help_from[{h}]"),
                        format!(
                            "unknown contact `{contact}`{}; contacts are {}",
                            did_you_mean(contact, &known),
                            known.join(", ")
                        ),
                    );
                }
            }
            self.check_condition(&rec.when, &format!("{path}.when"));
        }
    }

    /// Checks every id a condition names, and that it fits the question's kind.
    fn check_condition(&mut self, condition: &'a Condition, path: &str) {
        let before = self.problems.iter().filter(|p| p.is_error()).count();
        self.check_condition_refs(condition, path);
        if self.problems.iter().filter(|p| p.is_error()).count() > before {
            self.broken.insert(condition);
        }
    }

    fn check_condition_refs(&mut self, condition: &'a Condition, path: &str) {
        match condition {
            Condition::All(list) | Condition::Any(list) => {
                for (i, inner) in list.iter().enumerate() {
                    self.check_condition_refs(inner, &format!("{path}[0][{i}]"));
                }
            }
            Condition::Not(inner) => self.check_condition_refs(inner, &format!("{path}[0]")),
            Condition::Answered(q) => {
                self.check_question_ref(q, &format!("{path}[0]"));
            }
            Condition::AnswerIs { question, option }
            | Condition::AnswerIncludes { question, option } => {
                let includes = matches!(condition, Condition::AnswerIncludes { .. });
                let Some(target) = self.check_question_ref(question, &format!("{path}.question"))
                else {
                    return;
                };
                let kind = &target.kind;
                let name = kind.name();
                let multiple = matches!(kind, QuestionKind::MultipleChoice { .. });
                if !kind.is_scored() {
                    self.report(
                        ProblemCode::WrongQuestionKind,
                        &format!("{path}.question"),
                        format!("`{question}` is a {name} question, which has no options; use Answered(\"{question}\") instead"),
                    );
                    return;
                }
                if includes && !multiple {
                    self.report(
                        ProblemCode::WrongQuestionKind,
                        path,
                        format!("AnswerIncludes works on MultipleChoice questions; `{question}` is {name}, so use AnswerIs"),
                    );
                    return;
                }
                let special = option == DONT_KNOW || option == NOT_APPLICABLE;
                if !includes && multiple && !special {
                    self.report(
                        ProblemCode::WrongQuestionKind,
                        path,
                        format!("`{question}` is a MultipleChoice question; use AnswerIncludes(question: \"{question}\", option: \"{option}\")"),
                    );
                    return;
                }
                let mut valid = match kind {
                    QuestionKind::MultipleChoice { options, .. } if includes => {
                        options.iter().map(|o| o.id.clone()).collect()
                    }
                    other => other.answer_ids(),
                };
                if !includes {
                    if target.dont_know {
                        valid.push(DONT_KNOW.to_string());
                    }
                    if target.not_applicable {
                        valid.push(NOT_APPLICABLE.to_string());
                    }
                }
                if !valid.contains(option) {
                    let hint = if option == DONT_KNOW || option == NOT_APPLICABLE {
                        format!(" (`{question}` does not offer `{option}`)")
                    } else {
                        did_you_mean(option, &valid)
                    };
                    self.report(
                        ProblemCode::UnknownOption,
                        &format!("{path}.option"),
                        format!(
                            "question `{question}` has no option `{option}`{hint}; its options are {}",
                            valid.join(", ")
                        ),
                    );
                }
            }
            Condition::DimensionAtLeast { dimension, score }
            | Condition::DimensionBelow { dimension, score } => {
                self.check_dimension_ref(dimension, &format!("{path}.dimension"));
                if !(0.0..=100.0).contains(score) {
                    self.report(
                        ProblemCode::OutOfRange,
                        &format!("{path}.score"),
                        format!("dimension scores run from 0 to 100; {score} is outside"),
                    );
                }
            }
            Condition::SectorIs(sectors) => {
                for (i, sector) in sectors.iter().enumerate() {
                    let known = self.context.sectors.iter().any(|s| s == sector)
                        || self.module.sector() == Some(sector.as_str());
                    if !known {
                        let sectors = self.context.sectors.clone();
                        self.report(
                            ProblemCode::UnknownSector,
                            &format!("{path}[0][{i}]"),
                            format!(
                                "no sector module `{sector}` is loaded{}",
                                did_you_mean(sector, &sectors)
                            ),
                        );
                    }
                }
            }
            Condition::OrganisationIs(_) | Condition::PublicBody | Condition::SizeIs(_) => {}
        }
    }

    /// Resolves a question a condition names, reporting unknown and foreign ids.
    fn check_question_ref(&mut self, id: &str, path: &str) -> Option<&'a Question> {
        if let Some(found) = self.questions.get(id) {
            return Some(found.question);
        }
        let foreign = self
            .context
            .accepted
            .iter()
            .find(|m| m.questions().any(|q| q.id == id))
            .map(|m| m.id.clone());
        match foreign {
            Some(module) => self.report(
                ProblemCode::ForeignReference,
                path,
                format!(
                    "`{id}` belongs to sector module `{module}`; a module may refer only to its own questions and the core module's"
                ),
            ),
            None => {
                let known: Vec<&str> = self.questions.keys().copied().collect();
                let hint = did_you_mean(id, &known);
                self.report(ProblemCode::UnknownQuestion, path, format!("unknown question `{id}`{hint}"));
            }
        }
        None
    }

    /// The conditions that must hold for a question to be shown: its section's, then its own.
    fn visibility_conditions(&self, id: &str) -> Vec<&'a Condition> {
        self.questions
            .get(id)
            .map(|q| {
                q.section
                    .show_if
                    .iter()
                    .chain(q.question.show_if.iter())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Finds `show_if` cycles and references to the question itself or later
    /// ones. Returns whether a cycle was found (the search is skipped then).
    fn check_visibility_order(&mut self) -> bool {
        let own: Vec<(&'a Question, String, usize)> = self
            .questions
            .values()
            .filter(|q| std::ptr::eq(q.module, self.module))
            .map(|q| (q.question, q.path.clone(), q.order))
            .collect();
        // Cycles: depth-first search over "is shown depending on".
        let mut cyclic = false;
        let mut state: HashMap<&str, u8> = HashMap::new(); // 1 = on stack, 2 = done
        let mut sorted = own.clone();
        sorted.sort_by_key(|(_, _, order)| *order);
        let mut in_cycle: HashSet<&str> = HashSet::new();
        for (question, path, _) in &sorted {
            let mut stack = Vec::new();
            if let Some(cycle) = self.find_cycle(&question.id, &mut state, &mut stack) {
                cyclic = true;
                in_cycle.extend(cycle.iter().copied());
                self.report(
                    ProblemCode::Cycle,
                    &format!("{path}.show_if"),
                    format!(
                        "conditions depend on each other in a circle: {}",
                        cycle.join(" → ")
                    ),
                );
            }
        }
        // Forward references among the rest.
        for section_index in 0..self.module.sections.len() {
            let section = &self.module.sections[section_index];
            if let Some(condition) = &section.show_if {
                let first = section
                    .questions
                    .first()
                    .and_then(|q| self.questions.get(q.id.as_str()));
                if let Some(first) = first {
                    let order = first.order;
                    let path = format!("sections[{section_index}].show_if");
                    self.report_forward_refs(
                        condition,
                        order,
                        &path,
                        &format!("section `{}`", section.id),
                        &in_cycle,
                    );
                }
            }
        }
        for (question, path, order) in sorted {
            if in_cycle.contains(question.id.as_str()) {
                continue;
            }
            if let Some(condition) = &question.show_if {
                self.report_forward_refs(
                    condition,
                    order,
                    &format!("{path}.show_if"),
                    &format!("question `{}`", question.id),
                    &in_cycle,
                );
            }
        }
        cyclic
    }

    fn find_cycle(
        &self,
        id: &'a str,
        state: &mut HashMap<&'a str, u8>,
        stack: &mut Vec<&'a str>,
    ) -> Option<Vec<&'a str>> {
        match state.get(id) {
            Some(2) => return None,
            Some(1) => {
                let start = stack.iter().position(|s| *s == id).unwrap_or(0);
                let mut cycle = stack[start..].to_vec();
                cycle.push(id);
                return Some(cycle);
            }
            _ => {}
        }
        state.insert(id, 1);
        stack.push(id);
        let mut found = None;
        for condition in self.visibility_conditions(id) {
            for next in condition.questions() {
                if let Some(next) = self.questions.get_key_value(next).map(|(k, _)| *k)
                    && found.is_none()
                {
                    found = self.find_cycle(next, state, stack);
                }
            }
        }
        stack.pop();
        state.insert(id, 2);
        found
    }

    fn report_forward_refs(
        &mut self,
        condition: &'a Condition,
        order: usize,
        path: &str,
        owner: &str,
        in_cycle: &HashSet<&str>,
    ) {
        let mut offenders = Vec::new();
        for q in condition.questions() {
            if in_cycle.contains(q) {
                continue;
            }
            if let Some(target) = self.questions.get(q)
                && target.order >= order
            {
                offenders.push(q);
            }
        }
        offenders.dedup();
        for q in offenders {
            let what = if owner.ends_with(&format!("`{q}`")) {
                "itself".to_string()
            } else {
                format!("`{q}`, which comes later")
            };
            self.report(
                ProblemCode::ForwardReference,
                path,
                format!("{owner} is shown depending on {what}; a condition can only look at questions answered before it"),
            );
        }
    }

    /// Proves by search that every `show_if` can hold and every recommendation can fire.
    fn check_reachability(&mut self) {
        let module = self.module;
        for (s, section) in module.sections.iter().enumerate() {
            if let Some(condition) = &section.show_if {
                let order = section
                    .questions
                    .first()
                    .and_then(|q| self.questions.get(q.id.as_str()))
                    .map_or(usize::MAX, |q| q.order);
                let path = format!("sections[{s}].show_if");
                match self.reachable(condition, Usage::Visibility { order }) {
                    Reach::Never => {
                        self.report(
                            ProblemCode::NeverTrue,
                            &path,
                            format!("section `{}` can never be shown: no set of answers makes its condition true", section.id),
                        );
                        self.reachability
                            .never_shown
                            .extend(section.questions.iter().map(|q| q.id.clone()));
                    }
                    Reach::Unknown(n) => self.too_complex(&path, n),
                    Reach::Possible => {}
                }
            }
            for (q, question) in section.questions.iter().enumerate() {
                if let Some(condition) = &question.show_if {
                    let order = self
                        .questions
                        .get(question.id.as_str())
                        .map_or(usize::MAX, |q| q.order);
                    let path = format!("sections[{s}].questions[{q}].show_if");
                    match self.reachable(condition, Usage::Visibility { order }) {
                        Reach::Never => {
                            self.report(
                                ProblemCode::NeverTrue,
                                &path,
                                format!(
                                    "question `{}` can never be shown: no set of answers makes its condition true (it may depend on a question that is itself hidden, or on contradicting answers)",
                                    question.id
                                ),
                            );
                            if !self.reachability.never_shown.contains(&question.id) {
                                self.reachability.never_shown.push(question.id.clone());
                            }
                        }
                        Reach::Unknown(n) => self.too_complex(&path, n),
                        Reach::Possible => {}
                    }
                }
            }
        }
        for (r, rec) in module.recommendations.iter().enumerate() {
            let path = format!("recommendations[{r}].when");
            let reach = self.reachable(&rec.when, Usage::Trigger);
            self.reachability.recommendations[r] = self.trigger_reach(&rec.when, &reach);
            match reach {
                Reach::Never => self.report(
                    ProblemCode::UnreachableRecommendation,
                    &path,
                    format!(
                        "recommendation `{}` can never be triggered: {NEVER_TRIGGERED}",
                        rec.id
                    ),
                ),
                Reach::Unknown(n) => self.too_complex(&path, n),
                Reach::Possible => {}
            }
        }
    }

    /// The search's verdict on a trigger, as data. A broken condition is
    /// passed as possible by [`Checker::reachable`] (to keep noise down), so it
    /// is told apart here; a never-shown question it names is the likely reason.
    fn trigger_reach(&self, condition: &Condition, reach: &Reach) -> TriggerReach {
        if self.broken.contains(&(condition as *const Condition)) {
            return TriggerReach::NotSearched {
                reason: NOT_SEARCHED_BROKEN,
            };
        }
        match reach {
            Reach::Possible => TriggerReach::Reachable,
            Reach::Unknown(combinations) => TriggerReach::Unproven {
                combinations: *combinations,
            },
            Reach::Never => {
                let mut hidden: Vec<&str> = condition
                    .questions()
                    .into_iter()
                    .filter(|q| self.reachability.never_shown.iter().any(|h| h == q))
                    .collect();
                hidden.dedup();
                let reason = match hidden.as_slice() {
                    [] => NEVER_TRIGGERED.to_string(),
                    names => format!(
                        "{NEVER_TRIGGERED}; it names {}, which can never be shown",
                        names
                            .iter()
                            .map(|q| format!("`{q}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                };
                TriggerReach::Unreachable { reason }
            }
        }
    }

    fn too_complex(&mut self, path: &str, combinations: usize) {
        self.report(ProblemCode::TooComplex,
            path,
            format!("the condition has {combinations} answer combinations, more than the {MAX_COMBINATIONS} checked; it was not proven to be reachable"),
        );
    }

    /// Tries every combination of what the condition depends on.
    fn reachable(&self, condition: &'a Condition, usage: Usage) -> Reach {
        if self.broken.contains(&(condition as *const Condition)) {
            return Reach::Possible;
        }
        // Gather the questions involved, following the conditions that hide them.
        let mut involved: Vec<&'a str> = Vec::new();
        let mut pending: Vec<&'a Condition> = vec![condition];
        let mut conditions: Vec<&'a Condition> = Vec::new();
        while let Some(c) = pending.pop() {
            conditions.push(c);
            for q in c.questions() {
                if let Some((key, _)) = self.questions.get_key_value(q)
                    && !involved.contains(key)
                {
                    involved.push(key);
                    pending.extend(self.visibility_conditions(key));
                }
            }
        }
        let mut mentioned_options: HashMap<&str, Vec<&str>> = HashMap::new();
        let mut thresholds: HashMap<&str, Vec<f64>> = HashMap::new();
        let (mut uses_org, mut uses_size, mut sectors) = (false, false, Vec::<&str>::new());
        for c in &conditions {
            c.visit(&mut |atom| match atom {
                Condition::AnswerIncludes { question, option } => {
                    mentioned_options
                        .entry(question.as_str())
                        .or_default()
                        .push(option.as_str());
                }
                Condition::DimensionAtLeast { dimension, score }
                | Condition::DimensionBelow { dimension, score } => {
                    thresholds
                        .entry(dimension.as_str())
                        .or_default()
                        .push(*score);
                }
                Condition::OrganisationIs(_) | Condition::PublicBody => uses_org = true,
                Condition::SizeIs(_) => uses_size = true,
                Condition::SectorIs(list) => sectors.extend(list.iter().map(String::as_str)),
                _ => {}
            });
        }

        // The domain of every variable.
        let question_domains: Vec<Vec<Option<Answer>>> = involved
            .iter()
            .map(|id| self.answer_domain(self.questions[id].question, mentioned_options.get(id)))
            .collect();
        let mut dims: Vec<&str> = thresholds.keys().copied().collect();
        dims.sort_unstable();
        let dim_domains: Vec<Vec<Option<f64>>> = dims
            .iter()
            .map(|d| {
                let mut values = vec![None];
                if self.dimension_can_score(d, usage) {
                    values.extend([Some(0.0), Some(100.0)]);
                    for t in &thresholds[d] {
                        values.push(Some(t.clamp(0.0, 100.0)));
                        values.push(Some((t - 0.5).clamp(0.0, 100.0)));
                    }
                }
                values
            })
            .collect();
        let orgs: Vec<Option<OrgType>> = if uses_org {
            self.module.applies_to.iter().copied().map(Some).collect()
        } else {
            vec![self.module.applies_to.first().copied()]
        };
        let sizes: Vec<Option<SizeBand>> = if uses_size {
            std::iter::once(None)
                .chain(SizeBand::ALL.into_iter().map(Some))
                .collect()
        } else {
            vec![None]
        };
        sectors.sort_unstable();
        sectors.dedup();
        let own_sector = self.module.sector();
        let free_sectors: Vec<&str> = sectors
            .into_iter()
            .filter(|s| Some(*s) != own_sector)
            .collect();

        let mut radices: Vec<usize> = question_domains.iter().map(Vec::len).collect();
        radices.extend(dim_domains.iter().map(Vec::len));
        radices.push(orgs.len().max(1));
        radices.push(sizes.len());
        radices.extend(free_sectors.iter().map(|_| 2));
        let total = radices
            .iter()
            .try_fold(1usize, |acc, r| acc.checked_mul(*r))
            .unwrap_or(usize::MAX);
        if total > MAX_COMBINATIONS {
            return Reach::Unknown(total);
        }

        let visibility: HashMap<&str, Vec<&Condition>> = involved
            .iter()
            .map(|id| (*id, self.visibility_conditions(id)))
            .collect();
        let mut digits = vec![0usize; radices.len()];
        // One set of imagined facts, updated in place for every combination.
        let mut facts = Imagined {
            answers: HashMap::with_capacity(involved.len()),
            visibility: &visibility,
            dimensions: HashMap::with_capacity(dims.len()),
            organisation: None,
            size: None,
            sectors: Vec::with_capacity(free_sectors.len() + 1),
            depth: std::cell::Cell::new(0),
        };
        for _ in 0..total {
            let mut i = 0;
            for (id, domain) in involved.iter().zip(&question_domains) {
                match &domain[digits[i]] {
                    Some(answer) => {
                        facts.answers.insert(id, answer.clone());
                    }
                    None => {
                        facts.answers.remove(id);
                    }
                }
                i += 1;
            }
            for (d, domain) in dims.iter().zip(&dim_domains) {
                facts.dimensions.insert(d, domain[digits[i]]);
                i += 1;
            }
            facts.organisation = orgs.get(digits[i]).copied().flatten();
            i += 1;
            facts.size = sizes[digits[i]];
            i += 1;
            facts.sectors.clear();
            facts.sectors.extend(own_sector);
            for s in &free_sectors {
                if digits[i] == 1 {
                    facts.sectors.push(s);
                }
                i += 1;
            }
            if condition.holds(&facts) {
                return Reach::Possible;
            }
            // Next combination (mixed-radix counter).
            for (digit, radix) in digits.iter_mut().zip(&radices) {
                *digit += 1;
                if *digit < *radix {
                    break;
                }
                *digit = 0;
            }
        }
        Reach::Never
    }

    /// Whether a dimension can have a score where the condition is evaluated.
    fn dimension_can_score(&self, dimension: &str, usage: Usage) -> bool {
        self.questions.values().any(|q| {
            q.question.kind.is_scored()
                && q.question.dimension.as_deref() == Some(dimension)
                && match usage {
                    Usage::Visibility { order } => q.order < order,
                    Usage::Trigger => true,
                }
        })
    }

    /// Every answer worth trying for a question (`None` = unanswered).
    fn answer_domain(
        &self,
        question: &Question,
        mentioned: Option<&Vec<&str>>,
    ) -> Vec<Option<Answer>> {
        let mut domain = vec![None];
        match &question.kind {
            QuestionKind::SingleChoice { options } => {
                domain.extend(options.iter().map(|o| Some(Answer::Choice(o.id.clone()))));
            }
            QuestionKind::MultipleChoice { options, .. } => {
                // Subsets of the options conditions mention, plus one other option.
                let mut relevant: Vec<String> = mentioned
                    .map(|m| m.iter().map(|s| s.to_string()).collect())
                    .unwrap_or_default();
                relevant.sort();
                relevant.dedup();
                relevant.truncate(8);
                if let Some(other) = options.iter().find(|o| !relevant.contains(&o.id)) {
                    relevant.push(other.id.clone());
                }
                for mask in 0..(1usize << relevant.len()) {
                    let chosen = relevant
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| mask & (1 << i) != 0)
                        .map(|(_, id)| id.clone())
                        .collect();
                    domain.push(Some(Answer::Choices(chosen)));
                }
            }
            QuestionKind::Scale { .. } => {
                domain.extend((0..SCALE_STEPS as u8).map(|s| Some(Answer::Scale(s))))
            }
            QuestionKind::YesNo { .. } => {
                domain.extend([Some(Answer::YesNo(true)), Some(Answer::YesNo(false))])
            }
            QuestionKind::FreeText => domain.push(Some(Answer::Text("…".into()))),
            QuestionKind::Info => {}
        }
        if question.kind.is_scored() {
            if question.dont_know {
                domain.push(Some(Answer::DontKnow));
            }
            if question.not_applicable {
                domain.push(Some(Answer::NotApplicable));
            }
        }
        domain
    }
}

enum Reach {
    Possible,
    Never,
    /// Too many combinations to try; carries how many.
    Unknown(usize),
}

/// Answers imagined by the reachability search. A question whose own
/// conditions do not hold is hidden, exactly as in a real assessment.
struct Imagined<'a, 'b> {
    answers: HashMap<&'a str, Answer>,
    visibility: &'b HashMap<&'a str, Vec<&'a Condition>>,
    dimensions: HashMap<&'a str, Option<f64>>,
    organisation: Option<OrgType>,
    size: Option<SizeBand>,
    sectors: Vec<&'a str>,
    depth: std::cell::Cell<usize>,
}

impl Facts for Imagined<'_, '_> {
    fn answer(&self, question: &str) -> Option<&Answer> {
        let answer = self.answers.get(question)?;
        // Cycles are rejected before the search runs; the depth guard is a backstop.
        if self.depth.get() > 64 {
            return None;
        }
        self.depth.set(self.depth.get() + 1);
        let visible = self
            .visibility
            .get(question)
            .is_none_or(|conditions| conditions.iter().all(|c| c.holds(self)));
        self.depth.set(self.depth.get() - 1);
        visible.then_some(answer)
    }

    fn dimension_score(&self, dimension: &str) -> Option<f64> {
        self.dimensions.get(dimension).copied().flatten()
    }

    fn organisation(&self) -> Option<OrgType> {
        self.organisation
    }

    fn size(&self) -> Option<SizeBand> {
        self.size
    }

    fn has_sector(&self, sector: &str) -> bool {
        self.sectors.contains(&sector)
    }
}
