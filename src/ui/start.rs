//! The start screen: recent assessments, new / open / import, and a notice
//! when questionnaire files failed to load.

use eframe::egui;

use super::{Action, App, dialogs, theme};
use crate::evaluation::evaluate;

pub fn show(app: &mut App, ui: &mut egui::Ui) -> Vec<Action> {
    let t = app.texts();
    let lang = app.lang();
    let tokens = theme::tokens(app.settings.dark);
    let mut actions = Vec::new();
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.add_space(12.0);
            ui.heading(t.app_name);
            ui.label(t.tagline);
            ui.add_space(12.0);

            if app.catalogue.has_errors() {
                theme::card(tokens).show(ui, |ui| {
                    ui.colored_label(tokens.warn, t.problems_notice);
                    ui.horizontal(|ui| {
                        let label = if app.show_problems {
                            t.hide_problems
                        } else {
                            t.show_problems
                        };
                        if ui.button(label).clicked() {
                            app.show_problems = !app.show_problems;
                        }
                        if ui.button(t.reload).clicked() {
                            actions.push(Action::ReloadCatalogue);
                        }
                    });
                    if app.show_problems {
                        for problem in &app.catalogue.problems {
                            ui.label(egui::RichText::new(problem.to_string()).monospace());
                        }
                    }
                });
                ui.add_space(8.0);
            }
            if !app.open_errors.is_empty() {
                theme::card(tokens).show(ui, |ui| {
                    ui.colored_label(tokens.warn, t.moved_aside);
                    for error in &app.open_errors {
                        ui.label(app.open_error_text(error));
                    }
                });
                ui.add_space(8.0);
            }

            ui.horizontal(|ui| {
                if ui.button(t.new_assessment).clicked() {
                    actions.push(Action::NewAssessment);
                }
                if ui.button(t.open_file).clicked() {
                    app.dialogs.open(ui.ctx(), dialogs::Purpose::Open, "");
                }
                if ui.button(t.import_file).clicked() {
                    app.dialogs.open(ui.ctx(), dialogs::Purpose::Import, "");
                }
            });
            dialogs::path_fallback(app, ui, &mut actions);
            ui.add_space(16.0);

            ui.label(theme::subheading(t.recent));
            if app.recent.is_empty() {
                ui.label(t.no_recent);
            }
            for stored in &app.recent {
                let a = &stored.assessment;
                let evaluation = evaluate(&app.catalogue, a);
                theme::card(tokens).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal(|ui| {
                        ui.vertical(|ui| {
                            ui.label(egui::RichText::new(&a.profile.name).strong());
                            let sectors: Vec<&str> = evaluation
                                .as_ref()
                                .map(|e| {
                                    e.modules
                                        .iter()
                                        .skip(1)
                                        .map(|m| m.title.get(lang))
                                        .collect()
                                })
                                .unwrap_or_default();
                            let mut line = a.profile.organisation.name(lang).to_string();
                            if !sectors.is_empty() {
                                line.push_str(" · ");
                                line.push_str(&sectors.join(", "));
                            }
                            ui.colored_label(tokens.text_weak, line);
                            let mut status = format!("{} {}", t.updated, a.updated.date());
                            if let Some(e) = &evaluation {
                                let c = &e.results.completion;
                                status.push_str(&format!(
                                    " · {} {} {} {}",
                                    c.answered, t.of, c.total, t.answered_of
                                ));
                                match (e.results.level, e.results.overall) {
                                    (Some(level), Some(_)) => {
                                        let name = app
                                            .catalogue
                                            .core()
                                            .and_then(|core| core.maturity_level(level))
                                            .map(|l| l.name.get(lang))
                                            .unwrap_or("");
                                        status.push_str(&format!(" · {} {level}: {name}", t.level));
                                    }
                                    _ => status.push_str(&format!(" · {}", t.not_scored_yet)),
                                }
                            }
                            ui.colored_label(tokens.text_weak, status);
                        });
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            let button = ui.button(t.open);
                            let name = format!("{} {}", t.open, a.profile.name);
                            button.widget_info(|| {
                                egui::WidgetInfo::labeled(egui::Role::Button, true, &name)
                            });
                            if button.clicked() {
                                actions.push(Action::Open(stored.path.clone()));
                            }
                        });
                    });
                });
                ui.add_space(6.0);
            }
        });
    actions
}
