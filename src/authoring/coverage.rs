//! What a questionnaire module covers, as data.
//!
//! An author adding or changing a module wants to know more than "no
//! errors": which dimensions it scores into and how far, whether every piece
//! of advice can actually be given, which parts of the strategy it draws on
//! and which texts still lack a language. [`Coverage`] answers that for one
//! module, measured against the catalogue it joins. `airedo check --coverage`
//! prints it; the app's author preview is meant to show the same value.
//!
//! Nothing here proves or scores anything a second way: the highest scores
//! use the scoring method's own notion of an answer's points
//! ([`QuestionKind::score_range`], weights, divided by
//! [`MAX_OPTION_SCORE`]), reachability is the validator's search
//! ([`validate_with_reachability`]), and texts carry the ids of the
//! translators' sheet ([`module_texts`], from `airedo strings`), so a text
//! reported missing here is the row to fill in there.

use crate::catalogue::{Catalogue, SourceFile};
use crate::questionnaire::load::parse_module;
use crate::questionnaire::source_map::Position;
use crate::questionnaire::validate::{Context, Source, TriggerReach, validate_with_reachability};
use crate::questionnaire::{Lang, MAX_OPTION_SCORE, Module, ModuleKind, Question, Text};
use crate::strategy;

use super::strings::module_texts;

/// What one module covers.
#[derive(Clone, Debug, PartialEq)]
pub struct Coverage {
    /// The module id.
    pub module: String,
    pub version: u32,
    pub kind: ModuleKind,
    /// The file as named in messages (`builtin:core.ron` for shipped ones).
    pub file: String,
    /// The languages the module declares.
    pub languages: Vec<Lang>,
    /// Every dimension of the catalogue (the core module's order), then any
    /// unknown dimension the module's questions name.
    pub dimensions: Vec<DimensionCoverage>,
    /// The module's questions that can never be shown, in file order.
    pub never_shown: Vec<String>,
    /// Every recommendation, in file order, with whether it can fire.
    pub recommendations: Vec<RecommendationCoverage>,
    /// The strategy sections cited, in the strategy's order (unknown last).
    pub citations: Vec<Citation>,
    /// The texts missing a language the module declares or the app speaks.
    pub missing_texts: Vec<MissingText>,
}

/// The questions a module scores into one dimension, and how far they reach.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionCoverage {
    pub id: String,
    /// The name from the core module; `None` for an unknown dimension.
    pub name: Option<Text>,
    /// Scored questions of this module in the dimension.
    pub questions: usize,
    /// Of those, the ones shown only when a condition (the question's or
    /// its section's) holds.
    pub conditional: usize,
    /// Their weights added up.
    pub weight: f64,
    /// Σ weight × (best answer ÷ 4): what the questions earn when every one
    /// is given its best answer (`docs/scoring.md` §1 and §3).
    pub best_weighted_share: f64,
    /// The dimension's weight over every module in force, this one included
    /// (in place of any module in force with its id).
    pub catalogue_weight: f64,
}

impl DimensionCoverage {
    /// The dimension's score, 0–100, when every question here is shown and
    /// given its best answer and nothing else is answered; `None` when the
    /// module asks nothing in the dimension.
    pub fn best_score(&self) -> Option<f64> {
        (self.weight > 0.0).then(|| 100.0 * self.best_weighted_share / self.weight)
    }

    /// The most of the dimension's 100 points these questions can earn when
    /// every module in force is answered: 100 × weight × share ÷ (sum of all
    /// weights), added up, as `docs/scoring.md` §3 counts points.
    pub fn max_points(&self) -> f64 {
        if self.catalogue_weight > 0.0 {
            100.0 * self.best_weighted_share / self.catalogue_weight
        } else {
            0.0
        }
    }
}

/// One recommendation and whether some set of answers triggers it.
#[derive(Clone, Debug, PartialEq)]
pub struct RecommendationCoverage {
    pub id: String,
    pub dimension: String,
    /// The validator's verdict.
    pub reach: TriggerReach,
}

impl RecommendationCoverage {
    pub fn is_reachable(&self) -> bool {
        self.reach == TriggerReach::Reachable
    }
}

/// A strategy section the module cites, and what cites it.
#[derive(Clone, Debug, PartialEq)]
pub struct Citation {
    /// The section number, e.g. `"2.7"`.
    pub section: String,
    /// Readable ids of what cites it: `module`, `question.<id>`,
    /// `recommendation.<id>`, `contact.<id>`, in file order.
    pub cited_by: Vec<String>,
}

impl Citation {
    /// The section's title, `None` when it is not a section of the strategy.
    pub fn title(&self, lang: Lang) -> Option<&'static str> {
        strategy::title(&self.section, lang)
    }

    /// How many citing items start with `prefix` (`"question."` …).
    pub fn count(&self, prefix: &str) -> usize {
        self.cited_by
            .iter()
            .filter(|id| id.starts_with(prefix))
            .count()
    }
}

/// A text missing one or more languages.
#[derive(Clone, Debug, PartialEq)]
pub struct MissingText {
    /// The id it has in the translators' sheet: `question.<id>.help`
    /// (see [`module_texts`]).
    pub id: String,
    /// Where the text stands in the file.
    pub position: Position,
    /// The languages it lacks, out of the module's and the app's.
    pub missing: Vec<Lang>,
}

/// A file that could not be measured because it does not parse; its
/// problems are in the catalogue's.
#[derive(Clone, Debug, PartialEq)]
pub struct NotParsed {
    pub file: String,
}

impl Coverage {
    /// Measures every file that parses, in order, against `catalogue`.
    pub fn of_files(
        files: &[SourceFile],
        catalogue: &Catalogue,
    ) -> Vec<Result<Coverage, NotParsed>> {
        files
            .iter()
            .map(|file| {
                let parsed = parse_module(&file.name, &file.bytes);
                let module = parsed.module.ok_or_else(|| NotParsed {
                    file: file.name.clone(),
                })?;
                let source = Source {
                    module: &module,
                    file: &file.name,
                    source_map: &parsed.source_map,
                    shipped: file.shipped,
                };
                Ok(Coverage::of_module(&source, catalogue))
            })
            .collect()
    }

    /// Measures one parsed module, as it would be in `catalogue`. The module
    /// need not be valid: coverage helps most while it is being written.
    pub fn of_module(source: &Source, catalogue: &Catalogue) -> Coverage {
        let module = source.module;
        let (_, reachability) = validate_with_reachability(source, &context(module, catalogue));
        let recommendations = module
            .recommendations
            .iter()
            .zip(reachability.recommendations)
            .map(|(rec, reach)| RecommendationCoverage {
                id: rec.id.clone(),
                dimension: rec.dimension.clone(),
                reach,
            })
            .collect();
        Coverage {
            module: module.id.clone(),
            version: module.version,
            kind: module.kind,
            file: source.file.to_string(),
            languages: module.languages.clone(),
            dimensions: dimensions(module, catalogue),
            never_shown: reachability.never_shown,
            recommendations,
            citations: citations(module),
            missing_texts: missing_texts(source),
        }
    }

    /// The recommendations some set of answers triggers.
    pub fn reachable(&self) -> impl Iterator<Item = &RecommendationCoverage> {
        self.recommendations.iter().filter(|r| r.is_reachable())
    }

    /// The recommendations not proven to be triggerable.
    pub fn not_reachable(&self) -> impl Iterator<Item = &RecommendationCoverage> {
        self.recommendations.iter().filter(|r| !r.is_reachable())
    }

    /// The dimension with this id.
    pub fn dimension(&self, id: &str) -> Option<&DimensionCoverage> {
        self.dimensions.iter().find(|d| d.id == id)
    }
}

/// What the validator checks the module against: the catalogue's core, the
/// other modules in force (their ids are taken) and every sector id.
fn context<'a>(module: &'a Module, catalogue: &'a Catalogue) -> Context<'a> {
    let others: Vec<&Module> = catalogue
        .entries
        .iter()
        .map(|e| &e.module)
        .filter(|m| m.id != module.id)
        .collect();
    Context {
        core: catalogue.core().filter(|core| core.id != module.id),
        sectors: others
            .iter()
            .filter_map(|m| m.sector())
            .chain(module.sector())
            .collect(),
        accepted: others,
    }
}

/// The modules in force with `module` in place of the one with its id.
fn modules_with<'a>(module: &'a Module, catalogue: &'a Catalogue) -> Vec<&'a Module> {
    catalogue
        .entries
        .iter()
        .map(|e| &e.module)
        .filter(|m| m.id != module.id)
        .chain(std::iter::once(module))
        .collect()
}

/// One row per dimension: the core's, in order, then unknown ones named here.
fn dimensions(module: &Module, catalogue: &Catalogue) -> Vec<DimensionCoverage> {
    let core = match module.kind {
        ModuleKind::Core => Some(module),
        ModuleKind::Sector => catalogue.core(),
    };
    let known: Vec<(&str, Option<&Text>)> = core
        .map(|c| {
            c.dimensions
                .iter()
                .map(|d| (d.id.as_str(), Some(&d.name)))
                .collect()
        })
        .unwrap_or_default();
    let mut rows = known;
    for question in module.questions().filter(|q| q.kind.is_scored()) {
        if let Some(id) = question.dimension.as_deref()
            && !rows.iter().any(|(known, _)| *known == id)
        {
            rows.push((id, None));
        }
    }
    let everything = modules_with(module, catalogue);
    rows.into_iter()
        .map(|(id, name)| {
            let mut row = tally(module, id);
            row.name = name.cloned();
            row.catalogue_weight = everything.iter().map(|m| tally(m, id).weight).sum();
            row
        })
        .collect()
}

/// Counts and adds up one module's scored questions in one dimension.
fn tally(module: &Module, dimension: &str) -> DimensionCoverage {
    let mut row = DimensionCoverage {
        id: dimension.to_string(),
        name: None,
        questions: 0,
        conditional: 0,
        weight: 0.0,
        best_weighted_share: 0.0,
        catalogue_weight: 0.0,
    };
    for section in &module.sections {
        for question in &section.questions {
            let Some(best) = best_share(question) else {
                continue;
            };
            if question.dimension.as_deref() != Some(dimension) {
                continue;
            }
            row.questions += 1;
            if section.show_if.is_some() || question.show_if.is_some() {
                row.conditional += 1;
            }
            row.weight += question.weight;
            row.best_weighted_share += question.weight * best;
        }
    }
    row
}

/// The share (0–1) the best answer earns, as scoring counts it: the highest
/// raw score divided by 4. `None` for unscored kinds.
fn best_share(question: &Question) -> Option<f64> {
    let (_, highest) = question.kind.score_range()?;
    Some(highest / MAX_OPTION_SCORE)
}

/// Every `strategy_ref` in the module, grouped by section.
fn citations(module: &Module) -> Vec<Citation> {
    let mut refs: Vec<(&str, String)> = vec![(module.strategy_ref.as_str(), "module".into())];
    refs.extend(
        module
            .contacts
            .iter()
            .map(|c| (c.strategy_ref.as_str(), format!("contact.{}", c.id))),
    );
    refs.extend(
        module
            .questions()
            .map(|q| (q.strategy_ref.as_str(), format!("question.{}", q.id))),
    );
    refs.extend(
        module
            .recommendations
            .iter()
            .map(|r| (r.strategy_ref.as_str(), format!("recommendation.{}", r.id))),
    );
    let mut citations: Vec<Citation> = Vec::new();
    for (section, by) in refs {
        match citations.iter_mut().find(|c| c.section == section) {
            Some(citation) => citation.cited_by.push(by),
            None => citations.push(Citation {
                section: section.to_string(),
                cited_by: vec![by],
            }),
        }
    }
    citations.sort_by_key(|c| (document_order(&c.section), c.section.clone()));
    citations
}

/// A section's place in the strategy; unknown sections sort last.
fn document_order(section: &str) -> usize {
    strategy::SECTIONS
        .iter()
        .position(|(s, _, _)| *s == section)
        .unwrap_or(usize::MAX)
}

/// Texts missing any language the module declares or the app speaks.
fn missing_texts(source: &Source) -> Vec<MissingText> {
    let mut wanted = source.module.languages.clone();
    wanted.extend(Lang::ALL);
    wanted.sort();
    wanted.dedup();
    module_texts(source.module)
        .into_iter()
        .filter_map(|text| {
            let missing = text.text.missing(&wanted);
            (!missing.is_empty()).then(|| MissingText {
                position: source.source_map.locate(&text.path),
                id: text.id,
                missing,
            })
        })
        .collect()
}
