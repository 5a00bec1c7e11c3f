//! The results: overall level, radar chart, one bar per dimension with the
//! answers that drove it, recommendations by horizon, comparison, export.

use eframe::egui;

use super::{Action, App, chart, dialogs, theme};
use crate::compare::compare;
use crate::evaluation::evaluate;
use crate::wording::{contact_name, score_text, signed_score_text};

pub fn show(app: &mut App, ui: &mut egui::Ui) -> Vec<Action> {
    let t = app.texts();
    let lang = app.lang();
    let tokens = *theme::tokens(app.settings.dark);
    let mut actions = Vec::new();
    let Some(e) = app.evaluation() else {
        return actions;
    };
    let Some(core) = app.catalogue.core() else {
        return actions;
    };
    let r = &e.results;
    let level_of = |level: Option<u8>| level.and_then(|n| core.maturity_level(n));
    let dimension_name = |id: &str| core.dimension(id).map_or("", |d| d.name.get(lang));
    let question_text = |id: &str| {
        e.question(id)
            .map_or(id.to_string(), |q| q.text.get(lang).to_string())
    };
    let mut export = None;
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.add_space(10.0);
            ui.heading(format!("{}: {}", t.results, e.assessment.profile.name));
            ui.add_space(6.0);
            theme::card(&tokens).show(ui, |ui| {
                ui.set_width(ui.available_width());
                match (r.overall, level_of(r.level)) {
                    (Some(score), Some(level)) => {
                        ui.label(theme::subheading(format!(
                            "{}: {} {} {} – {}",
                            t.overall,
                            t.level,
                            level.level,
                            t.level_of_5,
                            level.name.get(lang)
                        )));
                        ui.label(format!("{} {}", score_text(score, lang), t.score));
                        ui.label(level.description.get(lang));
                    }
                    _ => {
                        ui.label(t.nothing_answered);
                    }
                }
                let c = &r.completion;
                ui.colored_label(
                    tokens.text_weak,
                    format!(
                        "{} {} {} {} · {} {}",
                        c.answered,
                        t.of,
                        c.total,
                        t.questions_answered,
                        r.dont_know_count(),
                        t.dont_know_count
                    ),
                );
            });
            ui.add_space(10.0);

            // The radar and the bars side by side when there is room.
            let axes: Vec<chart::Axis> = r
                .dimensions
                .iter()
                .map(|d| chart::Axis {
                    name: dimension_name(&d.id),
                    score: d.score,
                })
                .collect();
            let description = format!(
                "{}: {}",
                t.radar_title,
                r.dimensions
                    .iter()
                    .map(|d| format!(
                        "{} {}",
                        dimension_name(&d.id),
                        d.score
                            .map_or_else(|| "–".to_string(), |s| score_text(s, lang))
                    ))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            ui.label(theme::subheading(t.dimensions));
            let peers = app
                .benchmark
                .as_ref()
                .and_then(|b| crate::group::peers::peers_of(b, &e.assessment.profile));
            if app.benchmark.is_some() {
                ui.horizontal_wrapped(|ui| {
                    match &peers {
                        Some(peers) => {
                            let group = crate::group::peers::describe(peers, &app.catalogue, lang);
                            ui.colored_label(
                                tokens.text_weak,
                                t.peers_intro.replace("{group}", &group),
                            );
                        }
                        None => {
                            ui.colored_label(tokens.warn, t.peers_none);
                        }
                    }
                    if ui.button(t.forget_benchmark).clicked() {
                        actions.push(Action::ForgetBenchmark);
                    }
                });
            }
            ui.horizontal_wrapped(|ui| {
                ui.vertical(|ui| {
                    ui.set_max_width(430.0);
                    chart::radar(ui, &axes, &tokens, &description);
                });
                ui.vertical(|ui| {
                    ui.set_max_width(440.0);
                    for d in &r.dimensions {
                        let name = dimension_name(&d.id);
                        let level = level_of(d.level);
                        let summary = match (d.score, level) {
                            (Some(s), Some(l)) => format!(
                                "{} – {} {}: {}",
                                score_text(s, lang),
                                t.level,
                                l.level,
                                l.name.get(lang)
                            ),
                            _ => t.nothing_answered.to_string(),
                        };
                        ui.label(egui::RichText::new(name).strong());
                        chart::bar(ui, d.score, d.level, &tokens, &format!("{name}: {summary}"));
                        ui.label(summary);
                        if let Some(line) = peers
                            .as_ref()
                            .and_then(|p| p.dimension(&d.id))
                            .map(|dist| peers_line(t, lang, d.score, dist))
                        {
                            ui.colored_label(tokens.text_weak, line);
                        }
                        ui.add_space(4.0);
                    }
                });
            });
            ui.add_space(8.0);
            ui.label(theme::subheading(t.why));
            for d in &r.dimensions {
                egui::CollapsingHeader::new(dimension_name(&d.id))
                    .id_salt(("why", &d.id))
                    .show(ui, |ui| {
                        if d.contributions.is_empty() {
                            ui.label(t.nothing_answered);
                            return;
                        }
                        ui.label(egui::RichText::new(t.raised_most).strong());
                        for c in d.raised_most(3) {
                            ui.label(format!(
                                "+{} {} – {}",
                                score_text(c.points, lang),
                                t.score,
                                question_text(&c.question)
                            ));
                        }
                        ui.label(egui::RichText::new(t.lowered_most).strong());
                        for c in d.lowered_most(3) {
                            let dont_know = if c.dont_know {
                                format!(" ({})", t.dont_know)
                            } else {
                                String::new()
                            };
                            ui.label(format!(
                                "–{} {} – {}{dont_know}",
                                score_text(c.lost, lang),
                                t.score,
                                question_text(&c.question)
                            ));
                        }
                    });
            }
            ui.add_space(10.0);

            ui.label(theme::subheading(t.recommendations));
            if e.advice.ranked.is_empty() {
                ui.label(t.no_recommendations);
            }
            let contact_name = |id: &str| contact_name(&app.catalogue, id, lang);
            let first = e.advice.first_step_ids();
            for (horizon, list) in e.advice.by_horizon() {
                if list.is_empty() {
                    continue;
                }
                ui.label(
                    egui::RichText::new(horizon.name(lang))
                        .strong()
                        .color(tokens.accent),
                );
                for triggered in list {
                    let rec = triggered.recommendation;
                    theme::card(&tokens).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        let mut title = rec.title.get(lang).to_string();
                        if first.contains(&rec.id.as_str()) {
                            title = format!("{title}  ({})", t.first_steps.to_lowercase());
                        }
                        ui.label(egui::RichText::new(title).strong());
                        ui.label(rec.text.get(lang));
                        let helpers: Vec<String> =
                            rec.help_from.iter().map(|h| contact_name(h)).collect();
                        if !helpers.is_empty() {
                            ui.label(format!("{}: {}", t.who_can_help, helpers.join("; ")));
                        }
                        ui.colored_label(
                            tokens.text_weak,
                            format!(
                                "{} · {} · {}: {}, {} {}",
                                rec.priority.name(lang),
                                dimension_name(&rec.dimension),
                                t.source,
                                crate::strategy::DOCUMENT,
                                t.section_ref,
                                rec.strategy_ref
                            ),
                        );
                    });
                    ui.add_space(4.0);
                }
            }

            if let Some(previous) = app.session.as_ref().and_then(|s| s.previous())
                && let Some(before) = evaluate(&app.catalogue, previous)
            {
                let comparison =
                    compare((&before.results, &before.advice), (&e.results, &e.advice));
                ui.add_space(10.0);
                ui.label(theme::subheading(format!(
                    "{} ({})",
                    t.comparison,
                    previous.updated.date()
                )));
                egui::Grid::new("comparison").striped(true).show(ui, |ui| {
                    ui.label("");
                    ui.label(egui::RichText::new(t.before).strong());
                    ui.label(egui::RichText::new(t.after).strong());
                    ui.label(egui::RichText::new(t.change).strong());
                    ui.end_row();
                    let fmt =
                        |s: Option<f64>| s.map_or_else(|| "–".to_string(), |s| score_text(s, lang));
                    for d in &comparison.dimensions {
                        ui.label(dimension_name(&d.id));
                        ui.label(fmt(d.before));
                        ui.label(fmt(d.after));
                        ui.label(
                            d.change()
                                .map_or_else(|| "–".to_string(), |c| signed_score_text(c, lang)),
                        );
                        ui.end_row();
                    }
                    ui.label(egui::RichText::new(t.overall).strong());
                    ui.label(fmt(comparison.overall_before));
                    ui.label(fmt(comparison.overall_after));
                    ui.label(
                        comparison
                            .overall_change()
                            .map_or_else(|| "–".to_string(), |c| signed_score_text(c, lang)),
                    );
                    ui.end_row();
                });
            }

            if let Some(session) = app.session.as_ref().filter(|s| s.earlier.len() >= 2) {
                // Three or more assessments: the whole line, not only the last step.
                let earlier: Vec<&crate::assessment::Assessment> = session.earlier.iter().collect();
                let history =
                    crate::history::history(&app.catalogue, &earlier, &session.assessment);
                ui.add_space(10.0);
                ui.label(theme::subheading(t.timeline));
                ui.colored_label(tokens.text_weak, t.timeline_intro);
                timeline(ui, &history, core, t, lang, &tokens);
            }

            ui.add_space(14.0);
            ui.label(theme::subheading(t.export));
            ui.horizontal_wrapped(|ui| {
                if app.pdf_job.is_some() {
                    ui.add_enabled(false, egui::Button::new(t.making_pdf));
                    ui.spinner();
                } else if ui.button(t.export_pdf).clicked() {
                    export = Some(dialogs::Purpose::ExportPdf);
                }
                if ui.button(t.save_copy).clicked() {
                    export = Some(dialogs::Purpose::SaveCopy);
                }
                if ui.button(t.export_csv).clicked() {
                    export = Some(dialogs::Purpose::ExportCsv);
                }
                if ui.button(t.load_benchmark).clicked() {
                    export = Some(dialogs::Purpose::LoadBenchmark);
                }
            });
            ui.add_space(20.0);
        });
    drop(e);
    if let Some(purpose) = export {
        let stem = app.session.as_ref().map_or_else(String::new, |s| {
            crate::storage::safe_stem(&s.assessment.profile.name)
        });
        let file_name = match purpose {
            dialogs::Purpose::ExportPdf => format!("{stem}-{}.pdf", t.report_file_suffix),
            dialogs::Purpose::ExportCsv => format!("{stem}-{}.csv", t.answers_file_suffix),
            _ => format!("{stem}.ron"),
        };
        app.dialogs.open(ui.ctx(), purpose, &file_name);
    }
    dialogs::path_fallback(app, ui, &mut actions);
    actions
}

/// One row per dimension (and the overall score): the score at each date,
/// a line of the scores, and the change from the first to the last.
fn timeline(
    ui: &mut egui::Ui,
    history: &crate::history::History,
    core: &crate::questionnaire::Module,
    t: &super::Texts,
    lang: crate::questionnaire::Lang,
    tokens: &theme::Tokens,
) {
    let fmt = |s: Option<f64>| s.map_or_else(|| "–".to_string(), |s| score_text(s, lang));
    let Some(last) = history.points.last() else {
        return;
    };
    egui::Grid::new("timeline").striped(true).show(ui, |ui| {
        ui.label("");
        for point in &history.points {
            ui.label(egui::RichText::new(point.updated.date()).strong());
        }
        ui.label("");
        ui.label(egui::RichText::new(t.change).strong());
        ui.end_row();
        let row = |ui: &mut egui::Ui, name: &str, scores: Vec<Option<f64>>, change: Option<f64>| {
            ui.label(name);
            for score in &scores {
                ui.label(fmt(*score));
            }
            let spoken = format!(
                "{name}: {}",
                scores
                    .iter()
                    .map(|s| fmt(*s))
                    .collect::<Vec<_>>()
                    .join(" → ")
            );
            chart::sparkline(ui, &scores, tokens, &spoken);
            ui.label(change.map_or_else(|| "–".to_string(), |c| signed_score_text(c, lang)));
            ui.end_row();
        };
        for (id, _) in &last.dimensions {
            let scores = history.points.iter().map(|p| p.score(id)).collect();
            let name = core.dimension(id).map_or(id.as_str(), |d| d.name.get(lang));
            row(ui, name, scores, history.change(id));
        }
        let overall = history.points.iter().map(|p| p.overall).collect();
        row(ui, t.overall, overall, history.overall_change());
    });
}

/// "Organisations like you: median 42,0, middle half 30,0–55,0 (12) – you
/// are in the middle half."
fn peers_line(
    t: &super::Texts,
    lang: crate::questionnaire::Lang,
    score: Option<f64>,
    dist: &crate::group::rollup::Distribution,
) -> String {
    use crate::group::peers::{Standing, standing};
    let mut line = t
        .peers_line
        .replace("{median}", &score_text(dist.median, lang))
        .replace("{q1}", &score_text(dist.q1, lang))
        .replace("{q3}", &score_text(dist.q3, lang))
        .replace("{n}", &dist.n.to_string());
    if let Some(score) = score {
        let where_ = match standing(score, dist) {
            Standing::LowestQuarter => t.standing_low,
            Standing::MiddleHalf => t.standing_middle,
            Standing::HighestQuarter => t.standing_high,
        };
        line.push_str(" – ");
        line.push_str(where_);
    }
    line
}
