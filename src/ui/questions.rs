//! The questions: one section per page, a side navigation with completion,
//! the right widget for each kind of question, and keyboard use.
//!
//! Keyboard: Tab moves between answers in reading order; with an answer
//! focused, the number keys 1-9 pick an option and the arrow keys move the
//! choice; Enter goes to the next section; Ctrl+J jumps to the next
//! unanswered question.

use eframe::egui::{self, Key, Modifiers};

use super::{Action, App, Page, texts::Texts, theme};
use crate::questionnaire::{Answer, Lang, Question, QuestionKind};
use crate::scoring::QuestionState;

/// The pages (section indexes) a respondent can see, in order.
fn visible_pages(e: &crate::evaluation::Evaluation) -> Vec<usize> {
    e.results
        .completion
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| s.visible)
        .map(|(i, _)| i)
        .collect()
}

/// The id of an answer widget: question id and option index.
fn option_id(question: &str, index: usize) -> egui::Id {
    egui::Id::unique(("answer", question, index))
}

pub fn navigation(app: &App, ui: &mut egui::Ui, current: usize) -> Vec<Action> {
    let t = app.texts();
    let lang = app.lang();
    let tokens = theme::tokens(app.settings.dark);
    let mut actions = Vec::new();
    let Some(e) = app.evaluation() else {
        return actions;
    };
    let sections = app.sections();
    ui.add_space(8.0);
    ui.label(theme::subheading(t.sections));
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (i, (completion, (_, section))) in e
            .results
            .completion
            .sections
            .iter()
            .zip(&sections)
            .enumerate()
        {
            if !completion.visible {
                continue;
            }
            let done = completion.total > 0 && completion.answered == completion.total;
            let text = format!(
                "{}  {}/{}",
                section.title.get(lang),
                completion.answered,
                completion.total
            );
            // Done sections in green, except the selected one, which keeps
            // the selection's own (contrasting) text colour.
            let label = egui::RichText::new(text);
            let label = if done && i != current {
                label.color(tokens.good)
            } else {
                label
            };
            let response = ui.selectable_label(i == current, label);
            let description = format!(
                "{}, {} {} {} {}",
                section.title.get(lang),
                completion.answered,
                t.of,
                completion.total,
                t.answered_of
            );
            response.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::Button, true, i == current, &description)
            });
            if response.clicked() {
                actions.push(Action::Go(Page::Section(i)));
            }
        }
        ui.separator();
        if ui.selectable_label(false, t.results).clicked() {
            actions.push(Action::Go(Page::Results));
        }
        if ui.selectable_label(false, t.edit_profile).clicked() {
            actions.push(Action::EditProfile);
        }
    });
    actions
}

/// Moves to the section of the first unanswered question and focuses it.
pub fn jump_to_next_unanswered(app: &mut App) {
    let Some(e) = app.evaluation() else { return };
    let Some(first) = e.results.unanswered().first().map(|s| s.to_string()) else {
        app.notice = Some(super::Notice::Info(app.texts().all_answered.to_string()));
        return;
    };
    let sections = app.sections();
    if let Some(index) = sections
        .iter()
        .position(|(_, s)| s.questions.iter().any(|q| q.id == first))
    {
        app.page = Page::Section(index);
        app.pending_focus = Some(option_id(&first, 0));
    }
}

pub fn show(app: &mut App, ui: &mut egui::Ui, current: usize) -> Vec<Action> {
    let t = app.texts();
    let lang = app.lang();
    let tokens = *theme::tokens(app.settings.dark);
    let mut actions = Vec::new();
    let App {
        catalogue,
        session,
        pending_focus,
        ..
    } = app;
    let Some(session) = session.as_ref() else {
        return actions;
    };
    let Some(e) = crate::evaluation::evaluate(catalogue, &session.assessment) else {
        return actions;
    };
    let pages = visible_pages(&e);
    // A section hidden by a changed answer: move to the nearest shown one.
    let current = if pages.contains(&current) {
        current
    } else {
        match pages.iter().find(|p| **p > current).or(pages.last()) {
            Some(page) => {
                actions.push(Action::Go(Page::Section(*page)));
                *page
            }
            None => return actions,
        }
    };
    let sections = super::sections_of(catalogue, Some(session));
    let Some((module, section)) = sections.get(current).copied() else {
        return actions;
    };
    let position = pages.iter().position(|p| *p == current).unwrap_or(0);
    let previous = position.checked_sub(1).and_then(|i| pages.get(i)).copied();
    let next = pages.get(position + 1).copied();
    let assessment = &session.assessment;

    // Keyboard shortcuts that act on the page.
    let focus = ui.memory(|m| m.focused());
    let editing_text = focus.is_some_and(|id| ui.ctx().text_edit_focused() || is_text(id, section));
    let mut go_next = false;
    if ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::J)) {
        actions.push(Action::NextUnanswered);
    }
    if !editing_text && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter)) {
        go_next = true;
    }

    let c = &e.results.completion;
    ui.add_space(6.0);
    ui.label(format!(
        "{} {} {} {}",
        c.answered, t.of, c.total, t.questions_answered
    ));
    ui.add(egui::ProgressBar::new(c.ratio() as f32).desired_height(8.0));
    ui.add_space(4.0);
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.colored_label(
                tokens.text_weak,
                format!(
                    "{} {} {} {} · {}",
                    t.section_of,
                    position + 1,
                    t.of,
                    pages.len(),
                    module.title.get(lang)
                ),
            );
            ui.heading(section.title.get(lang));
            if let Some(description) = &section.description {
                ui.label(description.get(lang));
            }
            ui.add_space(8.0);
            let mut number = 0;
            for question in &section.questions {
                let state = e.results.question(&question.id).map(|q| &q.state);
                if state == Some(&QuestionState::Hidden) {
                    continue;
                }
                if question.kind.is_scored() || matches!(question.kind, QuestionKind::FreeText) {
                    number += 1;
                }
                let answer = assessment.answers.get(&question.id).map(|g| &g.answer);
                theme::card(&tokens).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    if let Some(answer) =
                        question_ui(ui, t, lang, question, number, answer, pending_focus)
                    {
                        actions.push(Action::Answer {
                            question: question.id.clone(),
                            module: module.id.clone(),
                            answer,
                        });
                    }
                });
                ui.add_space(6.0);
            }
            // Notes for the section.
            let mut note = assessment
                .notes
                .get(&section.id)
                .cloned()
                .unwrap_or_default();
            let label = ui.label(egui::RichText::new(t.notes).strong());
            let response = ui
                .add(
                    egui::TextEdit::multiline(&mut note)
                        .desired_rows(3)
                        .desired_width(f32::INFINITY)
                        .id(notes_id(&section.id)),
                )
                .labelled_by(label.id);
            if response.changed() {
                actions.push(Action::Note {
                    section: section.id.clone(),
                    text: note,
                });
            }
            ui.add_space(10.0);
            // Stable ids: the buttons keep their identity however many
            // questions the page shows.
            ui.push_id("page_navigation", |ui| {
                ui.horizontal(|ui| {
                    if let Some(previous) = previous
                        && ui.button(t.back).clicked()
                    {
                        actions.push(Action::Go(Page::Section(previous)));
                    }
                    let (label, target) = match next {
                        Some(next) => (t.next, Page::Section(next)),
                        None => (t.to_results, Page::Results),
                    };
                    if ui.button(label).clicked() || go_next {
                        actions.push(Action::Go(target));
                    }
                    let jump = ui.button(t.next_unanswered).on_hover_text("Ctrl+J");
                    if jump.clicked() {
                        actions.push(Action::NextUnanswered);
                    }
                });
            });
            ui.add_space(20.0);
        });
    actions
}

fn notes_id(section: &str) -> egui::Id {
    egui::Id::unique(("notes", section))
}

fn is_text(id: egui::Id, section: &crate::questionnaire::Section) -> bool {
    id == notes_id(&section.id)
        || section
            .questions
            .iter()
            .any(|q| id == option_id(&q.id, 0) && matches!(q.kind, QuestionKind::FreeText))
}

/// The choices a question offers, as (label, answer) in display order,
/// "don't know" and "not applicable" last.
fn choices(t: &Texts, lang: Lang, question: &Question) -> Vec<(String, Answer)> {
    let mut list: Vec<(String, Answer)> = match &question.kind {
        QuestionKind::SingleChoice { options } => options
            .iter()
            .map(|o| (o.label.get(lang).to_string(), Answer::Choice(o.id.clone())))
            .collect(),
        QuestionKind::Scale { labels } => labels
            .iter()
            .enumerate()
            .map(|(step, label)| {
                (
                    format!("{step} – {}", label.get(lang)),
                    Answer::Scale(step as u8),
                )
            })
            .collect(),
        QuestionKind::YesNo { .. } => vec![
            (t.yes.to_string(), Answer::YesNo(true)),
            (t.no.to_string(), Answer::YesNo(false)),
        ],
        QuestionKind::MultipleChoice { .. } | QuestionKind::FreeText | QuestionKind::Info => {
            Vec::new()
        }
    };
    if question.kind.is_scored() {
        if question.dont_know {
            list.push((t.dont_know.to_string(), Answer::DontKnow));
        }
        if question.not_applicable {
            list.push((t.not_applicable.to_string(), Answer::NotApplicable));
        }
    }
    list
}

/// Draws one question; returns a changed answer (`Some(None)` clears it).
fn question_ui(
    ui: &mut egui::Ui,
    t: &Texts,
    lang: Lang,
    question: &Question,
    number: usize,
    answer: Option<&Answer>,
    pending_focus: &mut Option<egui::Id>,
) -> Option<Option<Answer>> {
    let text = question.text.get(lang);
    if matches!(question.kind, QuestionKind::Info) {
        ui.label(text);
        return None;
    }
    ui.label(egui::RichText::new(format!("{number}. {text}")).strong());
    if let Some(help) = &question.help {
        egui::CollapsingHeader::new(t.what_it_means)
            .id_salt(("help", &question.id))
            .show(ui, |ui| ui.label(help.get(lang)));
    }
    ui.label(
        egui::RichText::new(format!(
            "{}: {}, {} {}",
            t.source,
            crate::strategy::DOCUMENT,
            t.section_ref,
            question.strategy_ref
        ))
        .small(),
    );
    let mut changed = None;
    let wanted = *pending_focus;
    let focus = |response: &egui::Response, id: egui::Id| {
        if wanted == Some(id) {
            response.request_focus();
            response.scroll_to_me(Some(egui::Align::Center));
        }
    };
    match &question.kind {
        QuestionKind::FreeText => {
            let mut value = match answer {
                Some(Answer::Text(text)) => text.clone(),
                _ => String::new(),
            };
            let label = ui.label(t.your_answer);
            let response = ui
                .add(
                    egui::TextEdit::multiline(&mut value)
                        .desired_rows(2)
                        .desired_width(f32::INFINITY)
                        .id(option_id(&question.id, 0)),
                )
                .labelled_by(label.id);
            focus(&response, option_id(&question.id, 0));
            if response.changed() {
                changed = Some((!value.trim().is_empty()).then_some(Answer::Text(value)));
            }
        }
        QuestionKind::MultipleChoice { options, .. } => {
            let chosen: Vec<String> = match answer {
                Some(Answer::Choices(ids)) => ids.clone(),
                _ => Vec::new(),
            };
            let mut ids: Vec<egui::Id> = Vec::new();
            for (i, option) in options.iter().enumerate() {
                let mut on = chosen.contains(&option.id);
                let id = option_id(&question.id, i);
                ids.push(id);
                let response = ui
                    .push_id(id, |ui| ui.checkbox(&mut on, option.label.get(lang)))
                    .inner;
                focus(&response, option_id(&question.id, i));
                if response.changed() {
                    let mut next: Vec<String> = if option.exclusive && on {
                        Vec::new()
                    } else {
                        chosen
                            .iter()
                            .filter(|c| {
                                *c != &option.id
                                    && !options.iter().any(|o| o.exclusive && &o.id == *c)
                            })
                            .cloned()
                            .collect()
                    };
                    if on {
                        next.push(option.id.clone());
                    }
                    next.sort_by_key(|id| options.iter().position(|o| &o.id == id));
                    changed = Some(Some(Answer::Choices(next)));
                }
            }
            let special = choices(t, lang, question);
            for (offset, (label, value)) in special.into_iter().enumerate() {
                let i = options.len() + offset;
                let mut on = answer == Some(&value);
                let response = ui
                    .push_id(option_id(&question.id, i), |ui| ui.checkbox(&mut on, label))
                    .inner;
                focus(&response, option_id(&question.id, i));
                if response.changed() {
                    changed = Some(on.then_some(value));
                }
            }
        }
        _ => {
            let list = choices(t, lang, question);
            let selected = list.iter().position(|(_, a)| Some(a) == answer);
            let mut focused_index = None;
            for (i, (label, value)) in list.iter().enumerate() {
                let id = option_id(&question.id, i);
                let response = ui
                    .push_id(id, |ui| ui.radio(selected == Some(i), label.as_str()))
                    .inner;
                focus(&response, id);
                if response.has_focus() {
                    focused_index = Some(i);
                }
                if response.clicked() {
                    changed = Some(Some(value.clone()));
                }
            }
            // Number keys pick, arrows move, while one of the options has focus.
            if let Some(focused) = focused_index {
                let picked = ui.input_mut(|input| {
                    let digits = [
                        Key::Num1,
                        Key::Num2,
                        Key::Num3,
                        Key::Num4,
                        Key::Num5,
                        Key::Num6,
                        Key::Num7,
                        Key::Num8,
                        Key::Num9,
                    ];
                    if let Some(n) = digits
                        .iter()
                        .position(|k| input.consume_key(Modifiers::NONE, *k))
                    {
                        return Some(n);
                    }
                    let from = selected.unwrap_or(focused);
                    if input.consume_key(Modifiers::NONE, Key::ArrowDown)
                        || input.consume_key(Modifiers::NONE, Key::ArrowRight)
                    {
                        return Some((from + 1).min(list.len() - 1));
                    }
                    if input.consume_key(Modifiers::NONE, Key::ArrowUp)
                        || input.consume_key(Modifiers::NONE, Key::ArrowLeft)
                    {
                        return Some(from.saturating_sub(1));
                    }
                    None
                });
                if let Some(n) = picked.filter(|n| *n < list.len()) {
                    changed = Some(Some(list[n].1.clone()));
                    *pending_focus = Some(option_id(&question.id, n));
                    ui.ctx().request_repaint();
                    return changed;
                }
            }
        }
    }
    if wanted.is_some_and(|id| (0..32).any(|i| id == option_id(&question.id, i))) {
        *pending_focus = None;
    }
    changed
}
