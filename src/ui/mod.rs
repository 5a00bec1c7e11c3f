//! The desktop app: a thin egui shell over the core.
//!
//! The app shows state and turns clicks into calls on the core: scoring,
//! recommendations and storage all live outside this folder. Each screen is
//! a module with a function that draws it from the state it needs and
//! returns what the user asked for as an [`Action`], applied after the
//! frame (the pattern of egui's own demo app).

pub mod author;
mod chart;
mod dialogs;
mod profile;
mod questions;
mod results;
mod start;
pub mod texts;
pub mod theme;

use std::path::PathBuf;

use eframe::egui;

use crate::assessment::Assessment;
use crate::assessment::{ASSESSMENT_FORMAT, ReadError};
use crate::catalogue::Catalogue;
use crate::evaluation::{Evaluation, evaluate};
use crate::questionnaire::{Answer, Lang, Module, Section};
use crate::storage::{self, OpenError, OpenReason, Settings, Store, StoredAssessment};

pub use texts::Texts;

/// Every section of the modules an assessment answers, in answering order.
pub fn sections_of<'c>(
    catalogue: &'c Catalogue,
    session: Option<&Session>,
) -> Vec<(&'c Module, &'c Section)> {
    let Some(session) = session else {
        return Vec::new();
    };
    let (modules, _) = session.assessment.modules(catalogue);
    modules
        .into_iter()
        .flat_map(|m| m.sections.iter().map(move |s| (m, s)))
        .collect()
}

/// Where the user is.
#[derive(Clone, Debug, PartialEq)]
pub enum Page {
    Start,
    Profile,
    /// The n-th section in answering order (hidden sections are skipped).
    Section(usize),
    Results,
}

/// What a screen asks the app to do, applied after drawing.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Go(Page),
    NewAssessment,
    EditProfile,
    Open(PathBuf),
    ImportPath(PathBuf),
    CloseAssessment,
    SetLanguage(Lang),
    SetDark(bool),
    ReloadCatalogue,
    SubmitProfile,
    Answer {
        question: String,
        module: String,
        answer: Option<Answer>,
    },
    Note {
        section: String,
        text: String,
    },
    NextUnanswered,
    SaveCopyTo(PathBuf),
    ExportCsvTo(PathBuf),
    /// Make the PDF report on a background thread and save it here.
    ExportPdfTo(PathBuf),
    /// Compare results with the benchmark in this file from now on.
    LoadBenchmark(PathBuf),
    /// Stop comparing with a benchmark.
    ForgetBenchmark,
}

/// The assessment being answered.
pub struct Session {
    /// Where it is saved after every change.
    pub path: PathBuf,
    pub assessment: Assessment,
    pub save_error: Option<String>,
    /// Whether the last change has been saved.
    pub saved: bool,
    /// Earlier assessments of the same organisation in the store, oldest
    /// first: the timeline, and the last one is what results compare with.
    pub earlier: Vec<Assessment>,
}

impl Session {
    /// The latest earlier assessment of the same organisation, if any.
    pub fn previous(&self) -> Option<&Assessment> {
        self.earlier.last()
    }
}

/// A PDF report being made on a background thread.
pub struct PdfJob {
    pub path: PathBuf,
    receiver: std::sync::mpsc::Receiver<Result<usize, String>>,
}

/// A message shown at the bottom of the window until the next one.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    Info(String),
    Error(String),
}

/// The whole app.
pub struct App {
    pub store: Store,
    pub settings: Settings,
    pub catalogue: Catalogue,
    /// Extra questionnaire folders (besides the data folder's).
    pub questionnaire_dirs: Vec<PathBuf>,
    pub page: Page,
    pub session: Option<Session>,
    pub recent: Vec<StoredAssessment>,
    pub open_errors: Vec<OpenError>,
    pub notice: Option<Notice>,
    pub show_problems: bool,
    pub profile_form: profile::ProfileForm,
    pub dialogs: dialogs::Dialogs,
    /// The PDF export under way, if any.
    pub pdf_job: Option<PdfJob>,
    /// A widget to focus and scroll to on the next frame.
    pub pending_focus: Option<egui::Id>,
    /// The benchmark results are compared with (`airedo rollup`), if any.
    pub benchmark: Option<crate::group::rollup::Benchmark>,
    /// Set in author mode (`airedo preview`): the files being previewed.
    pub author: Option<author::AuthorMode>,
    installed: bool,
    applied_zoom: f32,
}

impl App {
    /// The app over a store (the data folder) and questionnaire folders.
    pub fn new(store: Store, questionnaire_dirs: Vec<PathBuf>) -> App {
        let settings = store.settings();
        let mut app = App {
            catalogue: Catalogue::default(),
            store,
            settings,
            questionnaire_dirs,
            page: Page::Start,
            session: None,
            recent: Vec::new(),
            open_errors: Vec::new(),
            notice: None,
            show_problems: false,
            profile_form: profile::ProfileForm::default(),
            dialogs: dialogs::Dialogs::default(),
            pdf_job: None,
            pending_focus: None,
            author: None,
            benchmark: None,
            installed: false,
            applied_zoom: 0.0,
        };
        app.reload_catalogue();
        app.refresh_recent();
        app.resume();
        if let Some(path) = app.settings.benchmark.clone() {
            app.load_benchmark(path);
        }
        app
    }

    pub fn lang(&self) -> Lang {
        self.settings.language
    }

    pub fn texts(&self) -> &'static Texts {
        Texts::get(self.lang())
    }

    fn user_questionnaire_dirs(&self) -> Vec<PathBuf> {
        std::iter::once(self.store.root().join("questionnaires"))
            .chain(self.questionnaire_dirs.iter().cloned())
            .collect()
    }

    pub fn reload_catalogue(&mut self) {
        if self.author.is_some() {
            self.poll_author();
            return;
        }
        self.catalogue = Catalogue::load(&self.user_questionnaire_dirs());
    }

    pub fn refresh_recent(&mut self) {
        let (recent, errors) = self.store.list(&self.catalogue);
        self.recent = recent;
        // A file left in place (a pipe, or one waiting for a broken module
        // file to be fixed) comes back on every listing: say it once.
        for error in errors {
            let repeated = error.moved_to.is_none()
                && self
                    .open_errors
                    .iter()
                    .any(|e| e.path == error.path && e.moved_to.is_none());
            if !repeated {
                self.open_errors.push(error);
            }
        }
    }

    /// Reopens the assessment that was open when the app closed, on its page.
    fn resume(&mut self) {
        let Some(path) = self.settings.last_open.clone() else {
            return;
        };
        if !path.exists() {
            return;
        }
        // Read the page first: opening records a page of its own.
        let page = self.settings.last_page.clone();
        self.open(path);
        if let Some(page) = page {
            self.page = match page.as_str() {
                "results" => Page::Results,
                "profile" => Page::Profile,
                other => other
                    .strip_prefix("section:")
                    .and_then(|n| n.parse().ok())
                    .map_or(Page::Section(0), Page::Section),
            };
            self.remember_place();
        }
    }

    /// Every section of the selected modules, in answering order.
    pub fn sections(&self) -> Vec<(&Module, &Section)> {
        sections_of(&self.catalogue, self.session.as_ref())
    }

    pub fn evaluation(&self) -> Option<Evaluation<'_>> {
        let session = self.session.as_ref()?;
        evaluate(&self.catalogue, &session.assessment)
    }

    /// Opens an assessment file; a file that cannot be read is moved aside.
    fn open(&mut self, path: PathBuf) {
        match storage::open(&path, &self.catalogue) {
            Ok(assessment) => {
                self.start_session(path, assessment);
                self.page = Page::Section(0);
                self.remember_place();
            }
            Err(error) => {
                self.notice = Some(Notice::Error(format!(
                    "{}: {}",
                    self.texts().open_failed,
                    self.open_error_text(&error)
                )));
                if error.moved_to.is_some() {
                    self.open_errors.push(error);
                }
                self.refresh_recent();
            }
        }
    }

    /// Why a file could not be opened, in the app's language, and where it went.
    pub fn open_error_text(&self, error: &OpenError) -> String {
        let t = self.texts();
        let name = error.path.file_name().map_or_else(
            || error.path.display().to_string(),
            |n| n.to_string_lossy().to_string(),
        );
        let why = match &error.reason {
            OpenReason::Io(io) => format!("{}: {io}", t.file_unreadable),
            OpenReason::Read(ReadError::Empty) => t.file_empty.to_string(),
            OpenReason::Read(ReadError::Invalid(problem)) => t
                .file_damaged
                .replace("{line}", &problem.line.to_string())
                .replace("{col}", &problem.col.to_string()),
            OpenReason::Read(ReadError::NewerFormat { found }) => t
                .file_newer
                .replace("{found}", &found.to_string())
                .replace("{current}", &ASSESSMENT_FORMAT.to_string()),
            OpenReason::Read(ReadError::UnknownFormat { found }) => t
                .file_unknown_format
                .replace("{found}", &found.to_string())
                .replace("{current}", &ASSESSMENT_FORMAT.to_string()),
            OpenReason::Read(ReadError::UnknownQuestionnaires { ids }) => t
                .file_unknown_questionnaire
                .replace("{ids}", &format!("«{}»", ids.join("», «")))
                .replace(
                    "{folder}",
                    &self
                        .store
                        .root()
                        .join("questionnaires")
                        .display()
                        .to_string(),
                ),
        };
        let mut text = format!("{name}: {why}");
        if let Some(to) = &error.moved_to {
            text.push(' ');
            text.push_str(&t.moved_to.replace("{path}", &to.display().to_string()));
        }
        text
    }

    /// Compares results with the benchmark in `path` from now on, and
    /// remembers it; a file that cannot be used is said so and forgotten.
    fn load_benchmark(&mut self, path: PathBuf) {
        match crate::group::peers::read_benchmark(&path) {
            Ok(benchmark) => {
                self.benchmark = Some(benchmark);
                self.settings.benchmark = Some(path);
            }
            Err(message) => {
                self.notice = Some(Notice::Error(format!(
                    "{}: {message}",
                    self.texts().benchmark_failed
                )));
                self.benchmark = None;
                self.settings.benchmark = None;
            }
        }
        // Settings are a convenience: failing to save them loses nothing.
        let _ = self.store.save_settings(&self.settings);
    }

    /// Makes `assessment`, saved at `path`, the one being answered.
    fn start_session(&mut self, path: PathBuf, assessment: Assessment) {
        let others = self
            .recent
            .iter()
            .filter(|r| r.path != path)
            .map(|r| &r.assessment);
        let earlier = crate::history::earlier(&assessment, others)
            .into_iter()
            .cloned()
            .collect();
        self.session = Some(Session {
            path,
            assessment,
            save_error: None,
            saved: false,
            earlier,
        });
    }

    /// Saves the open assessment now; every change calls this.
    fn save(&mut self) {
        let Some(session) = &mut self.session else {
            return;
        };
        if self.author.is_some() {
            // An author's trial answers are kept in memory only.
            session.saved = false;
            return;
        }
        session.assessment.updated = crate::assessment::Timestamp::now();
        match self.store.save(&session.path, &session.assessment) {
            Ok(()) => {
                session.save_error = None;
                session.saved = true;
            }
            Err(error) => {
                session.saved = false;
                session.save_error = Some(error.to_string());
            }
        }
    }

    fn remember_place(&mut self) {
        if self.author.is_some() {
            // The preview is not an assessment to resume next time.
            return;
        }
        self.settings.last_open = self.session.as_ref().map(|s| s.path.clone());
        self.settings.last_page = Some(match &self.page {
            Page::Start => "start".to_string(),
            Page::Profile => "profile".to_string(),
            Page::Section(n) => format!("section:{n}"),
            Page::Results => "results".to_string(),
        });
        // Settings are a convenience: failing to save them loses no answer.
        let _ = self.store.save_settings(&self.settings);
    }

    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Go(page) => {
                self.page = page;
                self.remember_place();
            }
            Action::EditProfile => {
                self.profile_form.loaded = false;
                self.page = Page::Profile;
            }
            Action::NewAssessment => {
                self.profile_form = profile::ProfileForm::default();
                self.session = None;
                self.page = Page::Profile;
            }
            Action::Open(path) => self.open(path),
            Action::ImportPath(path) => match storage::read(&path, &self.catalogue) {
                Ok(assessment) => {
                    let target = self.store.new_path(&assessment.profile.name);
                    match self.store.save(&target, &assessment) {
                        Ok(()) => {
                            self.refresh_recent();
                            self.open(target);
                        }
                        Err(e) => {
                            self.notice = Some(Notice::Error(format!(
                                "{}: {e}",
                                self.texts().export_failed
                            )))
                        }
                    }
                }
                Err(error) => {
                    self.notice = Some(Notice::Error(format!(
                        "{}: {}",
                        self.texts().open_failed,
                        self.open_error_text(&error)
                    )))
                }
            },
            Action::CloseAssessment => {
                self.session = None;
                self.page = Page::Start;
                self.settings.last_open = None;
                self.refresh_recent();
                self.remember_place();
            }
            Action::SetLanguage(lang) => {
                self.settings.language = lang;
                let _ = self.store.save_settings(&self.settings);
            }
            Action::SetDark(dark) => {
                self.settings.dark = dark;
                let _ = self.store.save_settings(&self.settings);
            }
            Action::ReloadCatalogue => self.reload_catalogue(),
            Action::SubmitProfile => self.submit_profile(),
            Action::Answer {
                question,
                module,
                answer,
            } => {
                let Some(session) = &mut self.session else {
                    return;
                };
                match answer {
                    Some(answer) => {
                        if let Some(module) = self.catalogue.module(&module) {
                            session.assessment.set_answer(&question, module, answer);
                        }
                    }
                    None => {
                        session.assessment.answers.remove(&question);
                    }
                }
                self.save();
            }
            Action::Note { section, text } => {
                let Some(session) = &mut self.session else {
                    return;
                };
                if text.is_empty() {
                    session.assessment.notes.remove(&section);
                } else {
                    session.assessment.notes.insert(section, text);
                }
                self.save();
            }
            Action::NextUnanswered => questions::jump_to_next_unanswered(self),
            Action::SaveCopyTo(path) => {
                let result = self.session.as_ref().map(|s| {
                    storage::save_atomically(
                        &path,
                        crate::assessment::to_ron(&s.assessment).as_bytes(),
                    )
                });
                self.report_export(result, &path);
            }
            Action::ExportPdfTo(path) => self.start_pdf_export(path),
            Action::LoadBenchmark(path) => self.load_benchmark(path),
            Action::ForgetBenchmark => {
                self.benchmark = None;
                self.settings.benchmark = None;
                let _ = self.store.save_settings(&self.settings);
            }
            Action::ExportCsvTo(path) => {
                let csv = self
                    .evaluation()
                    .map(|e| crate::export::answers_csv(&e, self.lang()));
                let result = csv.map(|csv| storage::save_atomically(&path, csv.as_bytes()));
                self.report_export(result, &path);
            }
        }
    }

    /// Makes the report off the UI thread: the window stays responsive, and
    /// [`App::poll_pdf_export`] says how it went. The thread works on copies,
    /// so answers given meanwhile neither wait for it nor change the report.
    fn start_pdf_export(&mut self, path: PathBuf) {
        if self.pdf_job.is_some() {
            return;
        }
        let Some(session) = &self.session else {
            return;
        };
        let catalogue = self.catalogue.clone();
        let assessment = session.assessment.clone();
        let previous = session.previous().cloned();
        let benchmark = self.benchmark.clone();
        // A combined assessment's spread, if `airedo merge` left one beside it.
        let spread = crate::group::merge::read_spread_beside(&session.path)
            .ok()
            .flatten();
        let (sender, receiver) = std::sync::mpsc::channel();
        let target = path.clone();
        std::thread::spawn(move || {
            let result = crate::report::write_assessment(
                &catalogue,
                &assessment,
                crate::report::Extras {
                    previous: previous.as_ref(),
                    benchmark: benchmark.as_ref(),
                    spread: spread.as_ref(),
                },
                None,
                &target,
            )
            .map(|written| written.pages)
            .map_err(|e| e.to_string());
            let _ = sender.send(result);
        });
        self.pdf_job = Some(PdfJob { path, receiver });
    }

    /// Says how a finished PDF export went; keeps the UI repainting while
    /// one is running so the answer shows without a mouse move.
    fn poll_pdf_export(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.pdf_job else {
            return;
        };
        let t = self.texts();
        let result = match job.receiver.try_recv() {
            Ok(result) => result,
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(50));
                return;
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                Err("the report could not be made".to_string())
            }
        };
        let path = job.path.display().to_string();
        self.notice = Some(match result {
            Ok(pages) => Notice::Info(format!("{} {path} ({pages} {})", t.pdf_saved, t.pages)),
            Err(e) => Notice::Error(format!("{} {path}: {e}", t.export_failed)),
        });
        self.pdf_job = None;
    }

    fn report_export(&mut self, result: Option<std::io::Result<()>>, path: &std::path::Path) {
        let t = self.texts();
        self.notice = Some(match result {
            Some(Ok(())) => Notice::Info(format!("{} {}", t.exported_to, path.display())),
            Some(Err(e)) => Notice::Error(format!("{} {}: {e}", t.export_failed, path.display())),
            None => return,
        });
    }

    fn submit_profile(&mut self) {
        let lang = self.lang();
        let Some(profile) = self.profile_form.validate(lang) else {
            return;
        };
        let (name, role) = (
            self.profile_form.respondent_name.trim(),
            self.profile_form.respondent_role.trim(),
        );
        let respondent = crate::assessment::Respondent {
            name: (!name.is_empty()).then(|| name.to_string()),
            role: (!role.is_empty()).then(|| role.to_string()),
        };
        match &mut self.session {
            Some(session) => {
                session.assessment.profile = profile;
                session.assessment.respondent = respondent;
            }
            None => {
                let mut assessment = Assessment::new(profile, lang);
                assessment.respondent = respondent;
                let path = self.store.new_path(&assessment.profile.name);
                self.start_session(path, assessment);
            }
        }
        self.save();
        self.refresh_recent();
        self.page = Page::Section(0);
        self.remember_place();
    }

    /// Draws one frame: the whole window.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.installed {
            // Fonts and text styles apply from the next pass on: draw nothing now.
            theme::install(&ctx);
            ctx.set_zoom_factor(self.settings.zoom.clamp(0.5, 3.0));
            self.applied_zoom = self.settings.zoom.clamp(0.5, 3.0);
            self.installed = true;
            ctx.request_discard("install fonts and text styles");
            return;
        }
        ctx.set_theme(if self.settings.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        // Ctrl + / Ctrl - zoom is egui's; remember the result.
        let zoom = ctx.zoom_factor();
        if (zoom - self.applied_zoom).abs() > f32::EPSILON {
            self.applied_zoom = zoom;
            self.settings.zoom = zoom;
            let _ = self.store.save_settings(&self.settings);
        }
        self.poll_pdf_export(&ctx);
        self.tick_author(&ctx);
        if self.author.is_some() && self.page == Page::Start {
            // The preview has no list of assessments to go back to.
            self.page = Page::Section(0);
        }
        let mut actions = self.dialogs.poll(&ctx, self.texts(), &mut self.notice);

        egui::Panel::top("top_bar").show(ui, |ui| actions.extend(self.top_bar(ui)));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar(ui));
        if self.author.is_some() {
            egui::Panel::right("author")
                .resizable(true)
                .default_size(360.0)
                .show(ui, |ui| author::panel(self, ui));
        }
        let page = self.page.clone();
        match page {
            Page::Start => {
                egui::CentralPanel::default().show(ui, |ui| actions.extend(start::show(self, ui)))
            }
            Page::Profile => {
                egui::CentralPanel::default().show(ui, |ui| actions.extend(profile::show(self, ui)))
            }
            Page::Section(n) => {
                if self.session.is_none() {
                    self.page = Page::Start;
                    return;
                }
                egui::Panel::left("sections")
                    .resizable(true)
                    .default_size(260.0)
                    .show(ui, |ui| actions.extend(questions::navigation(self, ui, n)));
                egui::CentralPanel::default()
                    .show(ui, |ui| actions.extend(questions::show(self, ui, n)))
            }
            Page::Results => {
                if self.session.is_none() {
                    self.page = Page::Start;
                    return;
                }
                egui::CentralPanel::default().show(ui, |ui| actions.extend(results::show(self, ui)))
            }
        };
        for action in actions {
            self.apply(action);
        }
    }

    fn top_bar(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let t = self.texts();
        let mut actions = Vec::new();
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            // The preview has no start page, and closing would leave it empty.
            let authoring = self.author.is_some();
            if !authoring && ui.button(t.home).clicked() {
                actions.push(Action::Go(Page::Start));
            }
            ui.label(theme::subheading(t.app_name));
            if let Some(session) = self.session.as_ref().filter(|_| !authoring) {
                ui.separator();
                ui.label(&session.assessment.profile.name);
                if ui.button(t.close_assessment).clicked() {
                    actions.push(Action::CloseAssessment);
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let dark = self.settings.dark;
                let label = if dark { t.light_theme } else { t.dark_theme };
                if ui.button(label).clicked() {
                    actions.push(Action::SetDark(!dark));
                }
                for lang in [Lang::En, Lang::Sv] {
                    let name = match lang {
                        Lang::Sv => "Svenska",
                        Lang::En => "English",
                    };
                    if ui.selectable_label(self.lang() == lang, name).clicked() {
                        actions.push(Action::SetLanguage(lang));
                    }
                }
                ui.label(t.language);
            });
        });
        ui.add_space(2.0);
        actions
    }

    fn status_bar(&self, ui: &mut egui::Ui) {
        let t = self.texts();
        let tokens = theme::tokens(self.settings.dark);
        ui.horizontal(|ui| {
            if let Some(session) = &self.session {
                match (&session.save_error, session.saved) {
                    (Some(error), _) => {
                        ui.colored_label(tokens.bad, format!("{}: {error}", t.save_failed));
                    }
                    (None, true) => {
                        ui.colored_label(tokens.good, t.saved);
                    }
                    (None, false) => {}
                }
                ui.separator();
            }
            match &self.notice {
                Some(Notice::Info(text)) => {
                    ui.label(text);
                }
                Some(Notice::Error(text)) => {
                    ui.colored_label(tokens.bad, text);
                }
                None => {
                    ui.colored_label(tokens.text_weak, t.offline_note);
                }
            }
        });
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }
}

/// The window icon, drawn in code so no image decoder is needed.
pub fn icon() -> egui::IconData {
    const SIZE: u32 = 64;
    let mut rgba = Vec::with_capacity((SIZE * SIZE * 4) as usize);
    let accent = theme::LIGHT.accent;
    for y in 0..SIZE {
        for x in 0..SIZE {
            let (fx, fy) = (x as f32 + 0.5 - 32.0, y as f32 + 0.5 - 32.0);
            // A rounded square with three rising bars.
            let inside = fx.abs() < 30.0
                && fy.abs() < 30.0
                && (fx.abs() < 22.0
                    || fy.abs() < 22.0
                    || (fx.abs() - 22.0).hypot(fy.abs() - 22.0) < 8.0);
            let bar = |x0: f32, height: f32| {
                fx >= x0 && fx < x0 + 10.0 && fy < 18.0 && fy >= 18.0 - height
            };
            let white = bar(-19.0, 14.0) || bar(-5.0, 24.0) || bar(9.0, 34.0);
            let (r, g, b, a) = if !inside {
                (0, 0, 0, 0)
            } else if white {
                (255, 255, 255, 255)
            } else {
                (accent.r(), accent.g(), accent.b(), 255)
            };
            rgba.extend([r, g, b, a]);
        }
    }
    egui::IconData {
        rgba,
        width: SIZE,
        height: SIZE,
    }
}

/// Opens the app window. Returns when the window closes.
pub fn run(questionnaire_dirs: Vec<PathBuf>) -> eframe::Result {
    open_window("AI-redo", move |store| App::new(store, questionnaire_dirs))
}

/// Opens the app in author mode over questionnaire files or folders
/// (`airedo preview PATH`), with `user_dirs` loaded as the app loads them.
pub fn run_preview(paths: Vec<PathBuf>, user_dirs: Vec<PathBuf>) -> eframe::Result {
    open_window("AI-redo – förhandsgranskning", move |store| {
        App::author(
            store,
            crate::authoring::preview::Preview::open(paths, user_dirs),
        )
    })
}

fn open_window(title: &str, make: impl FnOnce(Store) -> App + 'static) -> eframe::Result {
    let store = Store::default_location()
        .unwrap_or_else(|| Store::new(std::env::temp_dir().join("airedo")));
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            .with_app_id("airedo")
            .with_inner_size([1180.0, 800.0])
            .with_min_inner_size([1024.0, 700.0])
            .with_icon(icon()),
        ..Default::default()
    };
    eframe::run_native(
        "AI-redo",
        options,
        Box::new(move |_creation| Ok(Box::new(make(store)))),
    )
}
