//! Author mode (`airedo preview PATH`): the app shows the author's
//! questionnaire files as a respondent sees them, reloads them within a
//! second of every save, and explains itself in a side panel.
//!
//! The watching, the last good version and the insight are core code
//! (`authoring::preview`); this module only polls it and draws it.

use std::time::{Duration, Instant};

use eframe::egui;

use super::{App, Page, theme};
use crate::authoring::preview::{Preview, insight};

/// How often the files are looked at: well within the promised second.
pub const POLL_EVERY: Duration = Duration::from_millis(300);

/// The preview an app in author mode shows.
pub struct AuthorMode {
    pub preview: Preview,
    last_poll: Instant,
}

impl AuthorMode {
    pub fn new(preview: Preview) -> AuthorMode {
        AuthorMode {
            preview,
            last_poll: Instant::now(),
        }
    }
}

impl App {
    /// An app in author mode over `preview`, answering a fresh assessment
    /// that is kept in memory only: an author's trial answers are never saved.
    pub fn author(store: crate::storage::Store, preview: Preview) -> App {
        let mut app = App::new(store, Vec::new());
        app.catalogue = preview.catalogue.clone();
        let assessment = preview.assessment(app.lang());
        let path = app.store.root().join("preview-not-saved.ron");
        app.start_session(path, assessment);
        app.author = Some(AuthorMode::new(preview));
        app.page = Page::Section(app.first_authored_page());
        app
    }

    /// The first page of the author's own modules (after the core's, if
    /// the author previews sector modules), or the first page.
    pub fn first_authored_page(&self) -> usize {
        let (Some(author), Some(evaluation)) = (&self.author, self.evaluation()) else {
            return 0;
        };
        evaluation
            .results
            .completion
            .sections
            .iter()
            .position(|s| s.visible && author.preview.modules.contains(&s.module))
            .unwrap_or(0)
    }

    /// Looks at the author's files now; on a change, shows the new version
    /// and keeps the answers whose questions still exist. True if reloaded.
    pub fn poll_author(&mut self) -> bool {
        let Some(author) = &mut self.author else {
            return false;
        };
        author.last_poll = Instant::now();
        if !author.preview.poll() {
            return false;
        }
        if author.preview.showing_last_good {
            // The new save is broken: its problems show, the screen stays.
            return true;
        }
        self.catalogue = author.preview.catalogue.clone();
        if let Some(session) = &mut self.session {
            author.preview.keep_answers(&mut session.assessment.answers);
            // A module added, renamed or removed: offer what is there now.
            let profile = &mut session.assessment.profile;
            (profile.primary_sector, profile.other_sectors) = author.preview.sectors();
        }
        true
    }

    /// Polls when it is time, and asks for the next frame in time for the
    /// next poll (the app otherwise repaints only on input).
    pub(super) fn tick_author(&mut self, ctx: &egui::Context) {
        let Some(author) = &self.author else {
            return;
        };
        if author.last_poll.elapsed() >= POLL_EVERY {
            self.poll_author();
        }
        ctx.request_repaint_after(POLL_EVERY);
    }
}

/// The side panel: the files' problems, then what the logic did.
pub fn panel(app: &App, ui: &mut egui::Ui) {
    let Some(author) = &app.author else {
        return;
    };
    let t = app.texts();
    let tokens = theme::tokens(app.settings.dark);
    let preview = &author.preview;
    let lang = app.lang();
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.add_space(6.0);
        ui.label(theme::subheading(t.author_title));
        for path in &preview.paths {
            ui.label(egui::RichText::new(path.display().to_string()).monospace());
        }
        ui.colored_label(
            tokens.text_weak,
            t.author_loads.replace("{n}", &preview.loads.to_string()),
        );
        ui.add_space(6.0);

        if preview.showing_last_good {
            ui.colored_label(tokens.warn, t.author_last_good);
        }
        if preview.problems.is_empty() {
            ui.colored_label(tokens.good, t.author_no_problems);
        } else {
            ui.label(theme::subheading(
                t.author_problems
                    .replace("{n}", &preview.problems.len().to_string()),
            ));
            for shown in &preview.problems {
                let colour = if shown.problem.is_error() {
                    tokens.bad
                } else {
                    tokens.warn
                };
                ui.colored_label(colour, shown.problem.to_string());
                if let Some(line) = &shown.source_line {
                    ui.label(quoted_line(
                        shown.problem.line,
                        line,
                        shown.marked.clone(),
                        colour,
                        tokens.text,
                    ));
                }
                ui.add_space(4.0);
            }
        }
        if preview.modules.is_empty() {
            ui.colored_label(tokens.bad, t.author_nothing_loads);
            return;
        }

        let Some(evaluation) = app.evaluation() else {
            return;
        };
        let insight = insight(&evaluation, &preview.modules, lang);
        ui.separator();
        ui.label(theme::subheading(t.author_scores));
        for dimension in &insight.dimensions {
            let score = dimension
                .score
                .map_or_else(|| t.not_scored_yet.to_string(), |s| format!("{s:.1}"));
            ui.label(format!("{}: {score}", dimension.name));
        }
        ui.separator();
        ui.label(theme::subheading(
            t.author_fired
                .replace("{n}", &insight.fired.len().to_string()),
        ));
        for fired in &insight.fired {
            ui.label(egui::RichText::new(format!("{} ({})", fired.title, fired.id)).strong());
            for reason in &fired.reasons {
                ui.colored_label(
                    tokens.text_weak,
                    format!("  {}: {reason}", t.author_because),
                );
            }
        }
        ui.separator();
        ui.label(theme::subheading(
            t.author_hidden
                .replace("{n}", &insight.hidden.len().to_string()),
        ));
        for hidden in &insight.hidden {
            ui.label(format!("{} ({})", hidden.text, hidden.id));
            let rule = if hidden.by_section {
                t.author_hidden_by_section
            } else {
                t.author_hidden_by_question
            };
            ui.colored_label(tokens.text_weak, format!("  {rule}: {}", hidden.condition));
        }
    });
}

/// `  73 | the line`, with the word the problem points at underlined in
/// `mark` (screen readers get the line as it is).
fn quoted_line(
    number: usize,
    line: &str,
    marked: Option<std::ops::Range<usize>>,
    mark: egui::Color32,
    text: egui::Color32,
) -> egui::text::LayoutJob {
    let plain = egui::TextFormat {
        color: text,
        ..Default::default()
    };
    let mut job = egui::text::LayoutJob::default();
    job.append(&format!("{number:>5} | "), 0.0, plain.clone());
    match marked {
        Some(range) => {
            job.append(&line[..range.start], 0.0, plain.clone());
            job.append(
                &line[range.clone()],
                0.0,
                egui::TextFormat {
                    color: mark,
                    underline: egui::Stroke::new(1.5, mark),
                    ..Default::default()
                },
            );
            job.append(&line[range.end..], 0.0, plain);
        }
        None => job.append(line, 0.0, plain),
    }
    job
}
