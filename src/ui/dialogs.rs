//! File dialogs on a background thread, so the window never freezes.
//!
//! rfd's async dialogs are driven to completion on their own thread; the
//! result comes back through a channel and wakes the UI. When no dialog can
//! be shown (no desktop portal and no zenity on Linux, rfd returns "nothing"
//! at once, just like Cancel), the user is told and can type a path instead.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use eframe::egui;

use super::{Action, App, Notice, Texts};

/// What a dialog is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Open,
    Import,
    SaveCopy,
    ExportCsv,
    ExportPdf,
    /// A benchmark file from `airedo rollup`, to compare with.
    LoadBenchmark,
}

impl Purpose {
    fn action(self, path: PathBuf) -> Action {
        match self {
            Purpose::Open => Action::Open(path),
            Purpose::Import => Action::ImportPath(path),
            Purpose::SaveCopy => Action::SaveCopyTo(path),
            Purpose::ExportCsv => Action::ExportCsvTo(path),
            Purpose::ExportPdf => Action::ExportPdfTo(path),
            Purpose::LoadBenchmark => Action::LoadBenchmark(path),
        }
    }
}

/// A dialog answered faster than this was not seen by a person.
const TOO_FAST: Duration = Duration::from_millis(300);

#[derive(Default)]
pub struct Dialogs {
    pending: Option<(Purpose, Instant, mpsc::Receiver<Option<PathBuf>>)>,
    /// The typed-path fallback, always available.
    pub typed_path: String,
}

impl Dialogs {
    /// Shows a file dialog for `purpose` without blocking the UI;
    /// `file_name` is the name a save dialog suggests.
    pub fn open(&mut self, ctx: &egui::Context, purpose: Purpose, file_name: &str) {
        if self.pending.is_some() {
            return;
        }
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        let file_name = file_name.to_string();
        std::thread::spawn(move || {
            let (filter, extension) = match purpose {
                Purpose::Open | Purpose::Import | Purpose::SaveCopy | Purpose::LoadBenchmark => {
                    ("AI-redo", "ron")
                }
                Purpose::ExportCsv => ("CSV", "csv"),
                Purpose::ExportPdf => ("PDF", "pdf"),
            };
            let dialog = rfd::AsyncFileDialog::new().add_filter(filter, &[extension]);
            let path = pollster::block_on(async move {
                let file = match purpose {
                    Purpose::Open | Purpose::Import | Purpose::LoadBenchmark => {
                        dialog.pick_file().await
                    }
                    Purpose::SaveCopy | Purpose::ExportCsv | Purpose::ExportPdf => {
                        dialog.set_file_name(&file_name).save_file().await
                    }
                };
                file.map(|f| f.path().to_path_buf())
            });
            let _ = sender.send(path);
            ctx.request_repaint();
        });
        self.pending = Some((purpose, Instant::now(), receiver));
    }

    /// Turns a finished dialog into an action; says so when none could be shown.
    pub fn poll(
        &mut self,
        _ctx: &egui::Context,
        t: &Texts,
        notice: &mut Option<Notice>,
    ) -> Vec<Action> {
        let Some((purpose, started, receiver)) = &self.pending else {
            return Vec::new();
        };
        match receiver.try_recv() {
            Ok(Some(path)) => {
                let action = purpose.action(path);
                self.pending = None;
                vec![action]
            }
            Ok(None) | Err(mpsc::TryRecvError::Disconnected) => {
                if started.elapsed() < TOO_FAST {
                    *notice = Some(Notice::Error(t.no_dialog.to_string()));
                }
                self.pending = None;
                Vec::new()
            }
            Err(mpsc::TryRecvError::Empty) => Vec::new(),
        }
    }
}

/// The typed-path fallback for opening or importing a file.
pub fn path_fallback(app: &mut App, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let t = app.texts();
    let purposes: &[Purpose] = match app.page {
        super::Page::Results => &[
            Purpose::ExportPdf,
            Purpose::SaveCopy,
            Purpose::ExportCsv,
            Purpose::LoadBenchmark,
        ],
        _ => &[Purpose::Open, Purpose::Import],
    };
    ui.horizontal(|ui| {
        let label = ui.label(t.or_type_path);
        ui.add(
            egui::TextEdit::singleline(&mut app.dialogs.typed_path)
                .desired_width(360.0)
                .hint_text(t.path),
        )
        .labelled_by(label.id);
        for purpose in purposes {
            let name = match purpose {
                Purpose::Open => t.open,
                Purpose::Import => t.import_file.trim_end_matches('…'),
                Purpose::SaveCopy => t.save_copy.trim_end_matches('…'),
                Purpose::ExportCsv => t.export_csv.trim_end_matches('…'),
                Purpose::ExportPdf => t.export_pdf.trim_end_matches('…'),
                Purpose::LoadBenchmark => t.load_benchmark.trim_end_matches('…'),
            };
            let enabled = !app.dialogs.typed_path.trim().is_empty();
            if ui.add_enabled(enabled, egui::Button::new(name)).clicked() {
                actions.push(purpose.action(PathBuf::from(app.dialogs.typed_path.trim())));
            }
        }
    });
}
