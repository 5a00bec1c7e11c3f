//! What the report says, part by part, built from the core's results.
//!
//! Every number here is read from the [`Evaluation`]; nothing is scored
//! again, so the report cannot disagree with the app or `airedo score`.

use std::collections::BTreeSet;

use super::ReportInput;
use super::chart::{self, Axis};
use super::layout::{
    Area, Column, Flow, Geometry, Item, Page, Span, Table, TextStyle, fit, line_box, wrap,
};
use super::style::{self, INDENT};
use super::texts::Texts;
use crate::compare::compare;
use crate::questionnaire::{
    Lang, MAX_OPTION_SCORE, MaturityLevel, Module, ModuleKind, QuestionKind,
};
use crate::recommend::Triggered;
use crate::scoring::{DimensionScore, QuestionState};
use crate::strategy;
use crate::wording::{
    answer_text, contact, contact_name, long_date, number_text, optional_score_text, score_text,
    signed_score_text,
};

/// Lays out the whole report.
pub fn pages(input: &ReportInput) -> Vec<Page> {
    let mut writer = Writer::new(input);
    writer.cover();
    writer.summary();
    writer.first_steps();
    writer.comparison();
    writer.peers();
    writer.spread();
    writer.dimensions();
    writer.sectors();
    writer.appendix();
    writer.methodology();
    writer.sources();
    let mut pages = writer.flow.paginate();
    furnish(&mut pages, input, &Geometry::A4);
    pages
}

struct Writer<'a, 'c> {
    input: &'a ReportInput<'a, 'c>,
    core: &'c Module,
    lang: Lang,
    t: &'static Texts,
    flow: Flow,
}

impl<'a, 'c> Writer<'a, 'c> {
    fn new(input: &'a ReportInput<'a, 'c>) -> Writer<'a, 'c> {
        Writer {
            input,
            core: input.evaluation.modules[0],
            lang: input.lang,
            t: Texts::get(input.lang),
            flow: Flow::new(Geometry::A4),
        }
    }

    fn text<'t>(&self, text: &'t crate::questionnaire::Text) -> &'t str {
        text.get(self.lang)
    }

    fn dimension_name(&self, id: &str) -> String {
        self.core
            .dimension(id)
            .map_or_else(|| id.to_string(), |d| self.text(&d.name).to_string())
    }

    fn level(&self, level: Option<u8>) -> Option<&'c MaturityLevel> {
        level.and_then(|n| self.core.maturity_level(n))
    }

    /// "Nivå 3 av 5 – Prövande".
    fn level_phrase(&self, level: &MaturityLevel) -> String {
        format!(
            "{} {} {} {} – {}",
            self.t.level,
            level.level,
            self.t.of,
            self.core.maturity_levels.len(),
            self.text(&level.name)
        )
    }

    fn h1(&mut self, text: &str) {
        self.flow.page_break();
        self.flow.heading(text, style::H1, true);
        self.flow.space(6.0);
    }

    fn h2(&mut self, text: &str) {
        self.flow.space(14.0);
        self.flow.heading(text, style::H2, false);
        self.flow.space(3.0);
    }

    fn h3(&mut self, text: &str) {
        self.flow.space(8.0);
        self.flow.heading(text, style::H3, false);
        self.flow.space(1.0);
    }

    fn para(&mut self, text: &str) {
        self.flow.paragraph(&[Span::plain(text)], style::BODY, 0.0);
        self.flow.space(5.0);
    }

    fn small(&mut self, text: &str, indent: f32) {
        self.flow
            .paragraph(&[Span::plain(text)], style::SMALL, indent);
    }

    /// A paragraph that introduces what follows and stays with it.
    fn lead(&mut self, text: &str) {
        self.flow.paragraph(&[Span::plain(text)], style::BODY, 0.0);
        self.flow.keep_with_next();
        self.flow.space(5.0);
    }

    fn bullet(&mut self, spans: &[Span]) {
        self.flow.list_item("•", spans, style::BODY, INDENT);
        self.flow.space(2.0);
    }

    // ----- Cover ---------------------------------------------------------

    fn cover(&mut self) {
        let t = self.t;
        let e = self.input.evaluation;
        let profile = &e.assessment.profile;
        self.flow.space(36.0);
        self.flow
            .paragraph(&[Span::plain(t.kicker)], style::COVER_KICKER, 0.0);
        self.flow.space(4.0);
        self.flow
            .paragraph(&[Span::plain(t.title)], style::COVER_TITLE, 0.0);
        self.flow.space(14.0);
        self.flow
            .paragraph(&[Span::plain(profile.name.as_str())], style::COVER_ORG, 0.0);
        self.flow.space(18.0);

        let mut organisation = profile.organisation.name(self.lang).to_string();
        if let Some(size) = profile.size {
            organisation.push_str(&format!(", {}", size.name(self.lang).to_lowercase()));
        }
        let sectors: Vec<&str> = e
            .modules
            .iter()
            .filter(|m| m.kind == ModuleKind::Sector)
            .map(|m| self.text(&m.title))
            .collect();
        let respondent = [
            e.assessment.respondent.name.as_deref(),
            e.assessment.respondent.role.as_deref(),
        ]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(", ");
        let mut rows = vec![(t.organisation_type, organisation)];
        if let Some(place) = profile.place.as_ref().filter(|p| !p.trim().is_empty()) {
            rows.push((t.place, place.clone()));
        }
        rows.push((
            t.sectors,
            if sectors.is_empty() {
                t.no_sector.to_string()
            } else {
                sectors.join("; ")
            },
        ));
        rows.push((t.date, long_date(e.assessment.updated.date(), self.lang)));
        rows.push((
            t.respondent,
            if respondent.is_empty() {
                t.not_given.to_string()
            } else {
                respondent
            },
        ));
        let table = Table {
            columns: vec![Column::left(1.0), Column::left(2.6)],
            header: Vec::new(),
            rows: rows
                .into_iter()
                .map(|(label, value)| {
                    vec![
                        vec![Span::bold(label).colored(style::TEXT_WEAK)],
                        vec![Span::plain(value)],
                    ]
                })
                .collect(),
        };
        let mut plain = style::TABLE;
        plain.stripe = None;
        plain.text = style::BODY;
        self.flow.table(&table, plain);
        self.flow.space(24.0);

        // The overall result, in a panel with the level's colour down its side.
        let results = &e.results;
        let width = self.flow.width();
        let left = self.flow.geometry().body.x;
        let mut panel = TextPanel {
            items: Vec::new(),
            y: 16.0,
            left: left + 18.0,
            width: width - 36.0,
        };
        panel.line(&[Span::plain(t.overall_level)], style::LABEL);
        match (results.overall, self.level(results.level)) {
            (Some(score), Some(level)) => {
                panel.y += 4.0;
                panel.line(
                    &[Span::bold(self.level_phrase(level))],
                    style::H2.with_color(style::TEXT),
                );
                panel.line(
                    &[
                        Span::bold(score_text(score, self.lang)),
                        Span::plain(format!(" {}", t.points_of_100)),
                    ],
                    style::BODY,
                );
                panel.y += 4.0;
                panel.line(&[Span::plain(self.text(&level.description))], style::BODY);
            }
            _ => panel.line(&[Span::plain(t.not_scored)], style::BODY),
        }
        let c = &results.completion;
        panel.y += 4.0;
        panel.line(
            &[Span::plain(format!(
                "{} {} {} {}",
                c.answered, t.of, c.total, t.questions_answered
            ))],
            style::SMALL,
        );
        let (y, items) = (panel.y, panel.items);
        let height = y + 12.0;
        let mut panel = vec![
            Item::Rect {
                area: Area {
                    x: left,
                    y: 0.0,
                    width,
                    height,
                },
                fill: style::SURFACE,
            },
            Item::Rect {
                area: Area {
                    x: left,
                    y: 0.0,
                    width: 6.0,
                    height,
                },
                fill: style::level_color(results.level),
            },
        ];
        panel.extend(items);
        self.flow.drawing(height, panel);
        self.flow.space(28.0);
        self.small(t.cover_basis, 0.0);
        self.flow.space(4.0);
        self.small(t.cover_privacy, 0.0);
    }

    // ----- Summary and charts ---------------------------------------------

    fn summary(&mut self) {
        let t = self.t;
        self.h1(t.summary);
        let sentences = summary_sentences(self);
        self.para(&sentences.join(" "));
        self.h2(t.results);
        let e = self.input.evaluation;
        let axes: Vec<Axis> = e
            .results
            .dimensions
            .iter()
            .map(|d| Axis {
                name: self.dimension_name(&d.id),
                score: d.score,
                level: d.level,
                label: optional_score_text(d.score, self.lang),
            })
            .collect();
        let rings: Vec<f64> = self.core.maturity_levels.iter().map(|l| l.to).collect();
        let left = self.flow.geometry().body.x;
        let width = self.flow.width();
        let radar_height = 270.0;
        self.flow.drawing(
            radar_height,
            chart::radar(&axes, &rings, left, width, radar_height),
        );
        self.flow.space(10.0);
        let bars = chart::bars(&axes, &rings, left, width, t.level_lower);
        self.flow.drawing(chart::BAR_ROW * axes.len() as f32, bars);
        self.flow.space(8.0);
        self.small(t.radar_caption, 0.0);
    }

    // ----- First steps and contacts ------------------------------------

    fn recommendation_meta(&self, triggered: &Triggered) -> String {
        let t = self.t;
        let rec = triggered.recommendation;
        let helpers: Vec<String> = rec
            .help_from
            .iter()
            .map(|id| contact_name(self.input.catalogue, id, self.lang))
            .collect();
        let mut parts = vec![
            rec.priority.name(self.lang).to_string(),
            format!("{}: {}", t.when, rec.horizon.name(self.lang).to_lowercase()),
        ];
        if !helpers.is_empty() {
            parts.push(format!("{}: {}", t.who_can_help, helpers.join("; ")));
        }
        parts.push(format!(
            "{}: {}, {} {}",
            t.source,
            strategy::DOCUMENT,
            t.section,
            rec.strategy_ref
        ));
        parts.join(" · ")
    }

    fn first_steps(&mut self) {
        let t = self.t;
        let e = self.input.evaluation;
        self.h1(t.first_steps);
        if e.advice.ranked.is_empty() {
            self.para(t.no_recommendations);
            return;
        }
        self.lead(t.first_steps_intro);
        for (i, step) in e.advice.first_steps().iter().enumerate() {
            let rec = step.recommendation;
            self.flow.space(6.0);
            self.flow.list_item(
                &format!("{}.", i + 1),
                &[Span::bold(self.text(&rec.title))],
                style::BODY,
                INDENT,
            );
            self.flow.keep_with_next();
            self.flow
                .paragraph(&[Span::plain(self.text(&rec.text))], style::BODY, INDENT);
            self.flow.space(1.0);
            let meta = self.recommendation_meta(step);
            self.small(&meta, INDENT);
        }

        // Everyone the recommendations point to, once each.
        let mut seen = BTreeSet::new();
        let contacts: Vec<_> = e
            .advice
            .ranked
            .iter()
            .flat_map(|r| &r.recommendation.help_from)
            .filter(|id| seen.insert(id.as_str()))
            .filter_map(|id| contact(self.input.catalogue, id))
            .collect();
        if contacts.is_empty() {
            return;
        }
        self.h2(t.contacts);
        self.lead(t.contacts_intro);
        for c in contacts {
            self.bullet(&[
                Span::bold(self.text(&c.name)),
                Span::plain(format!(
                    ": {} ({} {})",
                    self.text(&c.description),
                    t.section,
                    c.strategy_ref
                )),
            ]);
        }
    }

    // ----- Organisations like you -------------------------------------------

    fn peers(&mut self) {
        let Some(peers) = self.input.peers else {
            return;
        };
        let t = self.t;
        let lang = self.lang;
        let e = self.input.evaluation;
        self.h1(t.peers);
        let group = crate::group::peers::describe(&peers, self.input.catalogue, lang);
        self.para(&t.peers_intro.replace("{group}", &group));
        let figure = |d: Option<&crate::group::rollup::Distribution>| match d {
            Some(d) => (
                score_text(d.median, lang),
                format!("{}–{}", score_text(d.q1, lang), score_text(d.q3, lang)),
                d.n.to_string(),
            ),
            None => ("–".into(), "–".into(), "–".into()),
        };
        let mut rows: Vec<Vec<Vec<Span>>> = e
            .results
            .dimensions
            .iter()
            .map(|d| {
                let (median, middle, n) = figure(peers.dimension(&d.id));
                vec![
                    vec![Span::plain(self.dimension_name(&d.id))],
                    vec![Span::plain(optional_score_text(d.score, lang))],
                    vec![Span::plain(median)],
                    vec![Span::plain(middle)],
                    vec![Span::plain(n)],
                ]
            })
            .collect();
        let (median, middle, n) = figure(peers.overall());
        rows.push(vec![
            vec![Span::bold(t.overall)],
            vec![Span::bold(optional_score_text(e.results.overall, lang))],
            vec![Span::bold(median)],
            vec![Span::bold(middle)],
            vec![Span::bold(n)],
        ]);
        let number = Column::right(0.8);
        self.flow.table(
            &Table {
                columns: vec![
                    Column::left(2.4),
                    number,
                    number,
                    Column::right(1.1),
                    Column::right(0.5),
                ],
                header: vec![
                    t.dimension.into(),
                    t.peers_you.into(),
                    t.peers_median.into(),
                    t.peers_middle.into(),
                    t.peers_n.into(),
                ],
                rows,
            },
            style::TABLE,
        );
        self.small(t.peers_note, 0.0);
    }

    // ----- Where the answers differ (a combined assessment) ------------------

    /// The questions to list: those the respondents scored at least a step
    /// apart, widest first, at most this many.
    const MOST_DIFFERENT: usize = 10;

    fn spread(&mut self) {
        let Some(spread) = self.input.spread else {
            return;
        };
        let t = self.t;
        let lang = self.lang;
        let e = self.input.evaluation;
        self.h1(t.spread);
        self.para(
            &t.spread_intro
                .replace("{n}", &spread.respondents.len().to_string()),
        );
        let own: Vec<String> = spread
            .respondents
            .iter()
            .map(|r| format!("{}: {}", r.label, optional_score_text(r.overall, lang)))
            .collect();
        self.para(&format!("{} {}.", t.spread_respondents, own.join("; ")));
        let mut differing: Vec<&crate::group::merge::SpreadQuestion> = spread
            .questions
            .iter()
            .filter(|q| matches!((q.min, q.max), (Some(lo), Some(hi)) if hi - lo >= 1.0))
            .collect();
        // Widest first; the questions' own order breaks ties.
        differing.sort_by(|a, b| {
            let width = |q: &crate::group::merge::SpreadQuestion| {
                q.max.unwrap_or(0.0) - q.min.unwrap_or(0.0)
            };
            width(b).total_cmp(&width(a))
        });
        differing.truncate(Self::MOST_DIFFERENT);
        if differing.is_empty() {
            self.para(t.spread_none);
            return;
        }
        let number = |x: Option<f64>| x.map_or_else(|| "–".to_string(), |x| number_text(x, lang));
        let rows = differing
            .iter()
            .map(|q| {
                let text = e.question(&q.question).map_or_else(
                    || q.question.clone(),
                    |question| question.text.get(lang).to_string(),
                );
                vec![
                    vec![Span::plain(text)],
                    vec![Span::plain(number(q.min))],
                    vec![Span::plain(number(q.median))],
                    vec![Span::plain(number(q.max))],
                    vec![Span::plain(q.n.to_string())],
                ]
            })
            .collect();
        let number_column = Column::right(0.7);
        self.flow.table(
            &Table {
                columns: vec![
                    Column::left(3.2),
                    number_column,
                    number_column,
                    number_column,
                    Column::right(0.5),
                ],
                header: vec![
                    t.spread_question.into(),
                    t.spread_lowest.into(),
                    t.spread_median.into(),
                    t.spread_highest.into(),
                    t.peers_n.into(),
                ],
                rows,
            },
            style::TABLE,
        );
        self.small(t.spread_note, 0.0);
    }

    // ----- Comparison -----------------------------------------------------

    fn comparison(&mut self) {
        let Some(previous) = self.input.previous else {
            return;
        };
        let t = self.t;
        let e = self.input.evaluation;
        let comparison = compare(
            (&previous.results, &previous.advice),
            (&e.results, &e.advice),
        );
        self.h1(t.comparison);
        let when = long_date(previous.assessment.updated.date(), self.lang);
        let now = long_date(e.assessment.updated.date(), self.lang);
        self.para(&match self.lang {
            Lang::Sv => format!("Den föregående bedömningen gjordes {when}, den här {now}."),
            Lang::En => format!("The previous assessment was made on {when}, this one on {now}."),
        });
        let lang = self.lang;
        let change =
            |c: Option<f64>| c.map_or_else(|| "–".to_string(), |c| signed_score_text(c, lang));
        let mut rows: Vec<Vec<Vec<Span>>> = comparison
            .dimensions
            .iter()
            .map(|d| {
                vec![
                    vec![Span::plain(self.dimension_name(&d.id))],
                    vec![Span::plain(optional_score_text(d.before, lang))],
                    vec![Span::plain(optional_score_text(d.after, lang))],
                    vec![Span::plain(change(d.change()))],
                ]
            })
            .collect();
        rows.push(vec![
            vec![Span::bold(t.overall)],
            vec![Span::bold(optional_score_text(
                comparison.overall_before,
                lang,
            ))],
            vec![Span::bold(optional_score_text(
                comparison.overall_after,
                lang,
            ))],
            vec![Span::bold(change(comparison.overall_change()))],
        ]);
        let number = Column::right(0.8);
        self.flow.table(
            &Table {
                columns: vec![Column::left(2.6), number, number, number],
                header: vec![
                    t.dimension.into(),
                    t.before.into(),
                    t.after.into(),
                    t.change.into(),
                ],
                rows,
            },
            style::TABLE,
        );
        let title = |id: &str| -> String {
            e.modules
                .iter()
                .chain(previous.modules.iter())
                .flat_map(|m| &m.recommendations)
                .find(|r| r.id == id)
                .map_or_else(|| id.to_string(), |r| r.title.get(lang).to_string())
        };
        for (heading, ids) in [
            (t.new_recommendations, &comparison.new_recommendations),
            (
                t.resolved_recommendations,
                &comparison.resolved_recommendations,
            ),
        ] {
            if ids.is_empty() {
                continue;
            }
            self.h3(heading);
            for id in ids {
                self.bullet(&[Span::plain(title(id))]);
            }
        }
    }

    // ----- One part per dimension ----------------------------------------

    fn question_text(&self, id: &str) -> String {
        self.input
            .evaluation
            .question(id)
            .map_or_else(|| id.to_string(), |q| self.text(&q.text).to_string())
    }

    fn answer_of(&self, id: &str) -> Option<String> {
        let e = self.input.evaluation;
        let question = e.question(id)?;
        let given = e.assessment.answers.get(id)?;
        Some(answer_text(question, &given.answer, self.lang))
    }

    fn dimensions(&mut self) {
        let t = self.t;
        let e = self.input.evaluation;
        self.h1(t.dimensions);
        let first = e.advice.first_step_ids();
        for (index, d) in e.results.dimensions.iter().enumerate() {
            if index > 0 {
                self.flow.space(10.0);
            }
            self.dimension(d, &first);
        }
    }

    /// The answers that moved a dimension most: points, question, answer.
    fn drivers(
        &mut self,
        heading: &str,
        none: &str,
        sign: &str,
        color: super::layout::Rgb,
        drivers: &[(f64, &str)],
    ) {
        let t = self.t;
        self.h3(heading);
        if drivers.is_empty() {
            self.para(none);
        }
        for &(points, question) in drivers {
            let answer = self.answer_of(question).unwrap_or_default();
            self.bullet(&[
                Span::bold(format!(
                    "{sign}{} {}",
                    score_text(points, self.lang),
                    t.points
                ))
                .colored(color),
                Span::plain(format!(" – {}", self.question_text(question))),
                Span::plain(format!(" ({}: {answer})", t.answer.to_lowercase()))
                    .colored(style::TEXT_WEAK),
            ]);
        }
    }

    fn dimension(&mut self, d: &DimensionScore, first: &[&str]) {
        let t = self.t;
        let e = self.input.evaluation;
        let name = self.dimension_name(&d.id);
        self.h2(&name);
        let level = self.level(d.level);
        match (d.score, level) {
            (Some(score), Some(level)) => {
                self.flow.paragraph(
                    &[
                        Span::bold(format!(
                            "{} {}",
                            score_text(score, self.lang),
                            t.points_of_100
                        ))
                        .colored(style::level_color(d.level)),
                        Span::plain(format!(" · {}", self.level_phrase(level))),
                    ],
                    style::BODY,
                    0.0,
                );
                self.flow.keep_with_next();
                let left = self.flow.geometry().body.x;
                let width = self.flow.width();
                let bar = vec![
                    Item::Rect {
                        area: Area {
                            x: left,
                            y: 3.0,
                            width,
                            height: 5.0,
                        },
                        fill: style::SURFACE,
                    },
                    Item::Rect {
                        area: Area {
                            x: left,
                            y: 3.0,
                            width: width * (score.clamp(0.0, 100.0) / 100.0) as f32,
                            height: 5.0,
                        },
                        fill: style::level_color(d.level),
                    },
                ];
                self.flow.drawing(11.0, bar);
                self.flow.keep_with_next();
                self.flow.space(4.0);
                if let Some(dimension) = self.core.dimension(&d.id) {
                    self.flow.paragraph(
                        &[
                            Span::bold(format!("{}: ", t.what_it_covers)),
                            Span::plain(self.text(&dimension.description)),
                        ],
                        style::BODY,
                        0.0,
                    );
                    self.flow.keep_with_next();
                    self.flow.space(3.0);
                }
                self.flow.paragraph(
                    &[
                        Span::bold(format!("{}: ", t.level_means)),
                        Span::plain(self.text(&level.description)),
                    ],
                    style::BODY,
                    0.0,
                );
            }
            _ => self.para(t.not_scored),
        }

        if !d.contributions.is_empty() {
            let raised: Vec<(f64, &str)> = d
                .raised_most(3)
                .into_iter()
                .map(|c| (c.points, c.question.as_str()))
                .collect();
            self.drivers(t.raised_most, t.nothing_raised, "+", style::GOOD, &raised);
            let lowered: Vec<(f64, &str)> = d
                .lowered_most(3)
                .into_iter()
                .map(|c| (c.lost, c.question.as_str()))
                .collect();
            self.drivers(t.lowered_most, t.nothing_lowered, "–", style::BAD, &lowered);
        }

        self.h3(t.recommendations);
        let recommendations: Vec<&Triggered> = e
            .advice
            .ranked
            .iter()
            .filter(|r| r.recommendation.dimension == d.id)
            .collect();
        if recommendations.is_empty() {
            self.para(t.no_dimension_recommendations);
        }
        for triggered in recommendations {
            let rec = triggered.recommendation;
            let mut title = vec![Span::bold(self.text(&rec.title))];
            // A first step is described in full under "First steps" already.
            let step = first.iter().position(|id| *id == rec.id);
            if let Some(step) = step {
                title.push(
                    Span::plain(format!(" – {} {}", t.first_step_mark, step + 1))
                        .colored(style::ACCENT),
                );
            }
            self.flow.space(4.0);
            self.flow.list_item("•", &title, style::BODY, INDENT);
            self.flow.keep_with_next();
            if step.is_none() {
                self.flow
                    .paragraph(&[Span::plain(self.text(&rec.text))], style::BODY, INDENT);
            }
            let meta = self.recommendation_meta(triggered);
            self.small(&meta, INDENT);
        }
    }

    // ----- Sectors --------------------------------------------------------

    fn sectors(&mut self) {
        let t = self.t;
        let e = self.input.evaluation;
        self.h1(t.sector_part);
        let sectors: Vec<&Module> = e
            .modules
            .iter()
            .copied()
            .filter(|m| m.kind == ModuleKind::Sector)
            .collect();
        if sectors.is_empty() {
            let count = count_word(self.input.catalogue.sectors().count(), self.lang);
            self.para(&match self.lang {
                Lang::Sv => format!("Ingen sektormodul valdes för den här bedömningen. AI-redo har moduler för {count} sektorer som strategin pekar ut flaggskeppsinitiativ för; lägg till en sektor för att se vad de kan ge er."),
                Lang::En => format!("No sector module was chosen for this assessment. AI-redo has modules for {count} sectors the strategy names flagship actions for; add a sector to see what they can offer you."),
            });
            return;
        }
        self.para(t.sector_intro);
        for module in sectors {
            self.h2(&format!(
                "{} ({} {})",
                self.text(&module.title),
                t.section,
                module.strategy_ref
            ));
            self.para(self.text(&module.description));
            if !module.contacts.is_empty() {
                self.h3(t.flagships);
                for c in &module.contacts {
                    self.bullet(&[
                        Span::bold(self.text(&c.name)),
                        Span::plain(format!(": {}", self.text(&c.description))),
                    ]);
                }
            }
            self.h3(t.sector_recommendations);
            let fired: Vec<&Triggered> = e
                .advice
                .ranked
                .iter()
                .filter(|r| r.module.id == module.id)
                .collect();
            if fired.is_empty() {
                self.para(t.no_sector_recommendations);
            }
            for r in fired {
                self.bullet(&[
                    Span::bold(self.text(&r.recommendation.title)),
                    Span::plain(format!(
                        " ({}: {})",
                        t.dimension.to_lowercase(),
                        self.dimension_name(&r.recommendation.dimension)
                    ))
                    .colored(style::TEXT_WEAK),
                ]);
            }
        }
    }

    // ----- Appendix -------------------------------------------------------

    fn appendix(&mut self) {
        let t = self.t;
        let e = self.input.evaluation;
        let lang = self.lang;
        self.h1(t.appendix);
        self.para(t.appendix_intro);
        for module in &e.modules {
            self.h2(self.text(&module.title));
            let mut hidden = 0;
            for section in &module.sections {
                let (shown, not_shown): (Vec<_>, Vec<_>) = section
                    .questions
                    .iter()
                    .filter(|q| !matches!(q.kind, QuestionKind::Info))
                    .partition(|q| e.results.is_visible(&q.id));
                hidden += not_shown.len();
                let note = e
                    .assessment
                    .notes
                    .get(&section.id)
                    .filter(|n| !n.trim().is_empty());
                if shown.is_empty() && note.is_none() {
                    continue;
                }
                self.h3(self.text(&section.title));
                for q in shown {
                    self.flow.space(3.0);
                    self.flow
                        .paragraph(&[Span::bold(self.text(&q.text))], style::BODY, 0.0);
                    self.flow.keep_with_next();
                    let state = e.results.question(&q.id).map(|r| &r.state);
                    let answer = e
                        .assessment
                        .answers
                        .get(&q.id)
                        .map(|g| answer_text(q, &g.answer, lang));
                    let of_max = |raw: f64| {
                        format!(
                            "{} {} {} {}",
                            number_text(raw, lang),
                            t.of,
                            number_text(MAX_OPTION_SCORE, lang),
                            t.points
                        )
                    };
                    let points = match state {
                        Some(QuestionState::Scored { raw }) => Some(of_max(*raw)),
                        Some(QuestionState::DontKnow { raw }) => {
                            Some(format!("{}: {}", t.dont_know, of_max(*raw)))
                        }
                        Some(QuestionState::NotApplicable) => {
                            Some(t.not_applicable_note.to_string())
                        }
                        _ => None,
                    };
                    let mut spans =
                        vec![Span::plain(format!("{}: ", t.answer)).colored(style::TEXT_WEAK)];
                    match answer {
                        Some(answer) => spans.push(Span::plain(answer)),
                        None => spans.push(Span::plain(t.not_answered).colored(style::TEXT_WEAK)),
                    }
                    if let Some(points) = points {
                        spans.push(Span::plain(format!(" ({points})")).colored(style::TEXT_WEAK));
                    }
                    self.flow.paragraph(&spans, style::BODY, INDENT);
                }
                if let Some(note) = note {
                    self.flow.space(5.0);
                    self.flow.paragraph(
                        &[
                            Span::bold(format!("{}: ", t.note)),
                            Span::plain(note.as_str()),
                        ],
                        style::BODY,
                        0.0,
                    );
                }
            }
            if hidden > 0 {
                self.flow.space(6.0);
                self.small(&format!("{}: {hidden}", t.hidden_questions), 0.0);
            }
        }
        if !e.migration.is_empty() {
            self.h3(t.set_aside);
            for line in e.migration.lines() {
                self.bullet(&[Span::plain(line)]);
            }
        }
        if !e.results.missing_modules.is_empty() {
            self.h3(t.missing_modules);
            self.para(&e.results.missing_modules.join(", "));
        }
    }

    // ----- Methodology and sources ----------------------------------------

    fn methodology(&mut self) {
        let t = self.t;
        let lang = self.lang;
        self.h1(t.methodology);
        for text in [
            t.method_answers,
            t.method_dimensions,
            t.method_overall,
            t.method_recommendations,
            t.method_transparency,
        ] {
            self.para(text);
        }
        self.h3(t.levels_table);
        let levels = &self.core.maturity_levels;
        let rows = levels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let last = i + 1 == levels.len();
                let (from, to) = (number_text(l.from, lang), number_text(l.to, lang));
                let range = match (lang, last) {
                    (Lang::Sv, false) => format!("{from} till under {to}"),
                    (Lang::En, false) => format!("{from} to under {to}"),
                    (Lang::Sv, true) => format!("{from} till {to}"),
                    (Lang::En, true) => format!("{from} to {to}"),
                };
                vec![
                    vec![Span::plain(l.level.to_string())],
                    vec![Span::bold(self.text(&l.name))],
                    vec![Span::plain(range)],
                    vec![Span::plain(self.text(&l.description))],
                ]
            })
            .collect();
        self.flow.table(
            &Table {
                columns: vec![
                    Column::left(0.45),
                    Column::left(1.1),
                    Column::left(1.0),
                    Column::left(3.4),
                ],
                header: vec![
                    t.level.into(),
                    t.name.into(),
                    t.scores.into(),
                    t.meaning.into(),
                ],
                rows,
            },
            style::TABLE,
        );
        self.h3(t.weights_table);
        let e = self.input.evaluation;
        let rows = e
            .results
            .dimensions
            .iter()
            .map(|d| {
                vec![
                    vec![Span::plain(self.dimension_name(&d.id))],
                    vec![Span::plain(number_text(d.weight, lang))],
                    vec![Span::plain(d.answered.to_string())],
                    vec![Span::plain(d.dont_know.to_string())],
                ]
            })
            .collect();
        let number = Column::right(0.8);
        self.flow.table(
            &Table {
                columns: vec![Column::left(2.6), number, number, number],
                header: vec![
                    t.dimension.into(),
                    t.weight.into(),
                    t.answered.into(),
                    capitalise(t.dont_know),
                ],
                rows,
            },
            style::TABLE,
        );
    }

    fn sources(&mut self) {
        let t = self.t;
        let e = self.input.evaluation;
        self.h1(t.sources);
        self.lead(t.sources_intro);
        let mut cited: BTreeSet<&str> = BTreeSet::new();
        for module in &e.modules {
            cited.insert(&module.strategy_ref);
            for q in module.questions() {
                if e.results.is_visible(&q.id) {
                    cited.insert(&q.strategy_ref);
                }
            }
        }
        for r in &e.advice.ranked {
            cited.insert(&r.recommendation.strategy_ref);
            for id in &r.recommendation.help_from {
                if let Some(c) = contact(self.input.catalogue, id) {
                    cited.insert(&c.strategy_ref);
                }
            }
        }
        let rows = strategy::section_numbers()
            .into_iter()
            .filter(|s| cited.contains(s))
            .map(|s| {
                vec![
                    vec![Span::plain(s)],
                    vec![Span::plain(strategy::title(s, self.lang).unwrap_or(""))],
                ]
            })
            .collect();
        self.flow.table(
            &Table {
                columns: vec![Column::left(0.7), Column::left(5.0)],
                header: vec![capitalise(t.section), t.name.into()],
                rows,
            },
            style::TABLE,
        );
        self.flow.space(10.0);
        self.small(t.document, 0.0);
    }
}

/// Lines of text stacked in a fixed-width panel (the cover's result box).
struct TextPanel {
    items: Vec<Item>,
    y: f32,
    left: f32,
    width: f32,
}

impl TextPanel {
    fn line(&mut self, spans: &[Span], text_style: TextStyle) {
        let (height, baseline) = line_box(text_style);
        for line in wrap(spans, text_style, self.width) {
            self.items
                .extend(line.items(self.left, self.y + baseline, text_style.size));
            self.y += height;
        }
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Three to five plain sentences: the overall level, the strongest and the
/// weakest dimension, the first steps, and what would make the picture surer.
fn summary_sentences(w: &Writer) -> Vec<String> {
    let e = w.input.evaluation;
    let r = &e.results;
    let lang = w.lang;
    let name = e.assessment.profile.name.trim();
    let mut sentences = Vec::new();
    let (Some(overall), Some(level)) = (r.overall, w.level(r.level)) else {
        sentences.push(match lang {
            Lang::Sv => format!("{name} har ännu inte besvarat några frågor med poäng, så det finns inget resultat att sammanfatta."),
            Lang::En => format!("{name} has not yet answered any scored questions, so there is no result to summarise."),
        });
        return sentences;
    };
    let level_name = w.text(&level.name).to_lowercase();
    let score = score_text(overall, lang);
    let levels = w.core.maturity_levels.len();
    sentences.push(match lang {
        Lang::Sv => format!(
            "{name} når sammantaget nivå {} av {levels}, {level_name}, med {score} av 100 poäng.",
            level.level
        ),
        Lang::En => format!(
            "Overall, {name} reaches level {} of {levels}, {level_name}, with {score} points out of 100.",
            level.level
        ),
    });
    let scored: Vec<&DimensionScore> = r.dimensions.iter().filter(|d| d.score.is_some()).collect();
    let strongest = scored.iter().max_by(|a, b| {
        a.score
            .partial_cmp(&b.score)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let weakest = scored.iter().min_by(|a, b| {
        a.score
            .partial_cmp(&b.score)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    if let (Some(strong), Some(weak)) = (strongest, weakest)
        && scored.len() > 1
        && strong.score != weak.score
    {
        let s = |d: &DimensionScore| optional_score_text(d.score, lang);
        sentences.push(match lang {
            Lang::Sv => format!(
                "Starkast är ni inom {} ({} poäng), och mest finns att vinna inom {} ({} poäng).",
                w.dimension_name(&strong.id).to_lowercase(),
                s(strong),
                w.dimension_name(&weak.id).to_lowercase(),
                s(weak)
            ),
            Lang::En => format!(
                "You are strongest in {} ({} points), and there is most to gain in {} ({} points).",
                w.dimension_name(&strong.id).to_lowercase(),
                s(strong),
                w.dimension_name(&weak.id).to_lowercase(),
                s(weak)
            ),
        });
    }
    let steps: Vec<String> = e
        .advice
        .first_steps()
        .iter()
        .take(3)
        .map(|s| {
            let title = w.text(&s.recommendation.title);
            lower_first(title.trim_end_matches('.'))
        })
        .collect();
    if !steps.is_empty() {
        let list = join_list(&steps, lang);
        sentences.push(match lang {
            Lang::Sv => format!("De första stegen är att {list}."),
            Lang::En => format!("The first steps are to {list}."),
        });
    }
    let dont_know = r.dont_know_count();
    let open = r.completion.total.saturating_sub(r.completion.answered);
    if open > 0 {
        let n = capitalise(&count_word(open, lang));
        sentences.push(match (lang, open) {
            (Lang::Sv, 1) => {
                "En fråga är obesvarad; resultatet blir säkrare när den besvaras.".to_string()
            }
            (Lang::En, 1) => {
                "One question is unanswered; the results become surer once it is answered."
                    .to_string()
            }
            (Lang::Sv, _) => {
                format!("{n} frågor är obesvarade; resultatet blir säkrare när de besvaras.")
            }
            (Lang::En, _) => format!(
                "{n} questions are unanswered; the results become surer once they are answered."
            ),
        });
    } else if dont_know > 0 {
        let n = capitalise(&count_word(dont_know, lang));
        sentences.push(match (lang, dont_know) {
            (Lang::Sv, 1) => "En fråga besvarades med ”vet inte”; att ta reda på svaret är ett bra steg i sig.".to_string(),
            (Lang::En, 1) => "One question was answered \"don't know\"; finding out the answer is a good step in itself.".to_string(),
            (Lang::Sv, _) => format!("{n} frågor besvarades med ”vet inte”; att ta reda på svaren är ett bra steg i sig."),
            (Lang::En, _) => format!("{n} questions were answered \"don't know\"; finding out the answers is a good step in itself."),
        });
    }
    sentences
}

/// Numbers up to twelve in words, as both languages write them in prose.
fn count_word(n: usize, lang: Lang) -> String {
    const SV: [&str; 13] = [
        "noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva",
        "tolv",
    ];
    const EN: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    match lang {
        Lang::Sv => SV.get(n).map_or_else(|| n.to_string(), |w| w.to_string()),
        Lang::En => EN.get(n).map_or_else(|| n.to_string(), |w| w.to_string()),
    }
}

/// "a, b och c" / "a, b and c".
fn join_list(items: &[String], lang: Lang) -> String {
    let and = match lang {
        Lang::Sv => "och",
        Lang::En => "and",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

/// The first letter in lower case, unless the first word is an acronym
/// ("AI", "EDIH") or a name in capitals.
fn lower_first(text: &str) -> String {
    let first_word = text.split_whitespace().next().unwrap_or("");
    let letters: Vec<char> = first_word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return text.to_string();
    }
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

/// Adds the running header and the footer to every page but the cover.
fn furnish(pages: &mut [Page], input: &ReportInput, geometry: &Geometry) {
    let t = Texts::get(input.lang);
    let date = long_date(input.evaluation.assessment.updated.date(), input.lang);
    let name = input.evaluation.assessment.profile.name.trim();
    running_header_and_footer(pages, geometry, (t.title, name), &date, input.lang);
}

/// On every page but the first: `AI-redo · TITLE` and `name` at the top,
/// `date` and "page X of Y" at the bottom. Shared with the roll-up.
pub(super) fn running_header_and_footer(
    pages: &mut [Page],
    geometry: &Geometry,
    (title, name): (&str, &str),
    date: &str,
    lang: Lang,
) {
    let t = Texts::get(lang);
    let count = pages.len();
    let m = geometry.margins;
    let s = style::FURNITURE;
    let header_baseline = m.y + super::fonts::metrics(s.face).ascent(s.size);
    let footer_baseline = m.bottom() - super::fonts::metrics(s.face).descent(s.size);
    let report = Item::text(m.x, header_baseline, &format!("AI-redo · {title}"), s);
    let name = fit(name, s, m.width - report.bounds().width - 24.0);
    let name = Item::text_right(m.right(), header_baseline, &name, s);
    for (index, page) in pages.iter_mut().enumerate().skip(1) {
        page.furniture.push(report.clone());
        page.furniture.push(name.clone());
        page.furniture.push(Item::Line {
            from: (m.x, header_baseline + 6.0),
            to: (m.right(), header_baseline + 6.0),
            width: 0.5,
            color: style::BORDER,
        });
        page.furniture
            .push(Item::text(m.x, footer_baseline, date, s));
        let number = format!("{} {} {} {count}", t.page, index + 1, t.of);
        page.furniture
            .push(Item::text_right(m.right(), footer_baseline, &number, s));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_naturally() {
        let items: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        assert_eq!(join_list(&items, Lang::Sv), "a, b och c");
        assert_eq!(join_list(&items[..1], Lang::En), "a");
        assert_eq!(lower_first("Utse en ägare"), "utse en ägare");
        assert_eq!(lower_first("EDIH kan hjälpa"), "EDIH kan hjälpa");
    }
}
