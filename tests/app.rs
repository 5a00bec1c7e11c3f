//! The desktop app, driven through its accessibility tree with egui_kittest:
//! a whole assessment from the start screen to the results, once as a
//! company in Swedish and once as a municipality in English, checking that
//! the scores shown are the core's; keyboard use; resuming after a restart;
//! and a snapshot of every screen in both languages.
//!
//! The harness fails on any input widget without an accessible name and on
//! any missing glyph, so every test here also checks those.

use std::path::Path;

use airedo::assessment::parse_assessment;
use airedo::catalogue::Catalogue;
use airedo::evaluation::evaluate;
use airedo::questionnaire::{Lang, Question, QuestionKind};
use airedo::storage::Store;
use airedo::ui::texts::{Texts, score_text};
use airedo::ui::{App, Page};
use eframe::egui::{self, Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn harness(data: &Path, size: egui::Vec2) -> Harness<'static, App> {
    let app = App::new(Store::new(data), Vec::new());
    let mut harness = Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run();
    harness
}

const WINDOW: egui::Vec2 = egui::vec2(1180.0, 820.0);

/// Opens the assessment at `path` as the app's Open does, and shows its results.
fn open_on_results(harness: &mut Harness<'static, App>, path: std::path::PathBuf) {
    harness.state_mut().apply(airedo::ui::Action::Open(path));
    harness.run();
    harness
        .state_mut()
        .apply(airedo::ui::Action::Go(Page::Results));
    harness.run();
}

/// An example assessment from `examples/`, parsed.
fn example(path: &str) -> airedo::assessment::Assessment {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    parse_assessment(path, &std::fs::read(full).unwrap()).unwrap()
}

fn labels(harness: &Harness<App>, role: Role) -> Vec<String> {
    harness
        .query_all_by_role(role)
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .collect()
}

/// What the app shows for each answerable question: the radio labels, or
/// the checkbox labels of a multiple choice.
fn shown_options(t: &Texts, lang: Lang, q: &Question) -> (Role, Vec<String>) {
    let mut radios: Vec<String> = match &q.kind {
        QuestionKind::SingleChoice { options } => options
            .iter()
            .map(|o| o.label.get(lang).to_string())
            .collect(),
        QuestionKind::Scale { labels } => labels
            .iter()
            .enumerate()
            .map(|(i, l)| format!("{i} – {}", l.get(lang)))
            .collect(),
        QuestionKind::YesNo { .. } => vec![t.yes.to_string(), t.no.to_string()],
        QuestionKind::MultipleChoice { options, .. } => options
            .iter()
            .map(|o| o.label.get(lang).to_string())
            .collect(),
        _ => Vec::new(),
    };
    if q.kind.is_scored() {
        if q.dont_know {
            radios.push(t.dont_know.to_string());
        }
        if q.not_applicable {
            radios.push(t.not_applicable.to_string());
        }
    }
    let role = if matches!(q.kind, QuestionKind::MultipleChoice { .. }) {
        Role::CheckBox
    } else {
        Role::RadioButton
    };
    (role, radios)
}

/// Answers every shown question on the current page by clicking, then moves on.
fn answer_page(harness: &mut Harness<App>, seed: usize) {
    let Page::Section(page) = harness.state().page.clone() else {
        panic!("not on a question page")
    };
    let lang = harness.state().lang();
    let t = Texts::get(lang);
    let ids: Vec<String> = harness.state().sections()[page]
        .1
        .questions
        .iter()
        .map(|q| q.id.clone())
        .collect();
    for (n, id) in ids.iter().enumerate() {
        let app = harness.state();
        let e = app.evaluation().unwrap();
        if !e.results.is_visible(id) {
            continue;
        }
        let question = e
            .modules
            .iter()
            .flat_map(|m| m.questions())
            .find(|q| q.id == *id)
            .unwrap()
            .clone();
        // Where this question's widgets start among the page's widgets of that role.
        let (role, options) = shown_options(t, lang, &question);
        if options.is_empty() {
            if matches!(question.kind, QuestionKind::FreeText) {
                let nodes: Vec<_> = harness.query_all_by_label(t.your_answer).collect();
                if let Some(node) = nodes.first() {
                    node.focus();
                    node.type_text("Offerter och ritningar – åäö");
                }
                harness.run();
            }
            continue;
        }
        let before: usize = app.sections()[page]
            .1
            .questions
            .iter()
            .take_while(|q| q.id != *id)
            .filter(|q| e.results.is_visible(&q.id))
            .map(|q| shown_options(t, lang, q))
            .filter(|(r, _)| *r == role)
            .map(|(_, o)| o.len())
            .sum();
        // Skip "don't know" and "not applicable" most of the time, to vary the scores.
        let real = match &question.kind {
            QuestionKind::SingleChoice { options }
            | QuestionKind::MultipleChoice { options, .. } => options.len(),
            QuestionKind::Scale { .. } => 5,
            _ => 2,
        };
        let pick = (n * 7 + seed) % real;
        let nodes: Vec<_> = harness.query_all_by_role(role).collect();
        let node = &nodes[before + pick];
        assert_eq!(
            node.accesskit_node().label().unwrap_or_default(),
            options[pick],
            "{id}"
        );
        node.click_accesskit();
        harness.run();
    }
}

fn next(harness: &mut Harness<App>) {
    let t = Texts::get(harness.state().lang());
    let label = if harness
        .query_by_role_and_label(Role::Button, t.next)
        .is_some()
    {
        t.next
    } else {
        t.to_results
    };
    harness
        .get_by_role_and_label(Role::Button, label)
        .click_accesskit();
    harness.run();
}

fn fill_profile(harness: &mut Harness<App>, name: &str, org: &str, size: &str, sector: &str) {
    let t = Texts::get(harness.state().lang());
    harness.get_by_label(t.new_assessment).click_accesskit();
    harness.run();
    let field = harness.get_by_label(t.org_name);
    field.focus();
    field.type_text(name);
    harness.run();
    harness
        .get_by_role_and_label(Role::RadioButton, org)
        .click_accesskit();
    harness.run();
    harness
        .get_by_role_and_label(Role::RadioButton, size)
        .click_accesskit();
    harness.run();
    harness
        .get_by_role_and_label(Role::RadioButton, sector)
        .click_accesskit();
    harness.run();
    harness.get_by_label(t.start_questions).click_accesskit();
    harness.run();
}

/// A small energy company named `name`, one page answered, on the results page.
fn small_company_results(harness: &mut Harness<App>, name: &str) {
    fill_profile(
        harness,
        name,
        "Företag",
        "Liten (10–49 anställda)",
        "Energi",
    );
    answer_page(harness, 1);
    harness
        .state_mut()
        .apply(airedo::ui::Action::Go(Page::Results));
    harness.run();
}

/// Runs frames until the PDF export under way has finished.
fn wait_for_pdf_export(harness: &mut Harness<App>) {
    let start = std::time::Instant::now();
    while harness.state().pdf_job.is_some() {
        assert!(start.elapsed().as_secs() < 30, "the export never finished");
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.run();
    }
}

/// Walks every page, answering, until the results.
fn answer_everything(harness: &mut Harness<App>, seed: usize) {
    let mut pages = 0;
    while matches!(harness.state().page, Page::Section(_)) {
        answer_page(harness, seed);
        next(harness);
        pages += 1;
        assert!(pages < 60, "the pages never end");
    }
    assert_eq!(harness.state().page, Page::Results);
}

/// The results screen shows exactly the core's scores for the saved file.
fn assert_results_match_the_core(harness: &Harness<App>) {
    let app = harness.state();
    let lang = app.lang();
    let t = Texts::get(lang);
    let session = app.session.as_ref().unwrap();
    // Score what is on disk, independently of the app's state.
    let saved = parse_assessment("saved", &std::fs::read(&session.path).unwrap()).unwrap();
    assert_eq!(
        saved.answers, session.assessment.answers,
        "every answer was saved"
    );
    let catalogue = Catalogue::builtin();
    let e = evaluate(&catalogue, &saved).unwrap();
    let core = catalogue.core().unwrap();
    let overall = e.results.overall.unwrap();
    let level = core
        .maturity_levels
        .iter()
        .find(|l| Some(l.level) == e.results.level)
        .unwrap();
    harness.get_by_label(&format!("{} {}", score_text(overall, lang), t.score));
    harness.get_by_label(&format!(
        "{}: {} {} {} – {}",
        t.overall,
        t.level,
        level.level,
        t.level_of_5,
        level.name.get(lang)
    ));
    for d in &e.results.dimensions {
        let name = core
            .dimensions
            .iter()
            .find(|x| x.id == d.id)
            .unwrap()
            .name
            .get(lang);
        let l = core
            .maturity_levels
            .iter()
            .find(|l| Some(l.level) == d.level)
            .unwrap();
        let summary = format!(
            "{} – {} {}: {}",
            score_text(d.score.unwrap(), lang),
            t.level,
            l.level,
            l.name.get(lang)
        );
        harness.get_by_label(&summary);
        harness.get_by_label(&format!("{name}: {summary}"));
    }
    for triggered in e.advice.first_steps() {
        harness.get_by_label_contains(triggered.recommendation.title.get(lang));
    }
}

#[test]
fn a_company_answers_everything_in_swedish_and_sees_the_core_scores() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = harness(data.path(), WINDOW);
    harness.snapshot("start_sv");
    fill_profile(
        &mut harness,
        "Åkerlunds Mekaniska AB",
        "Företag",
        "Liten (10–49 anställda)",
        "Tillverkning, teknik och byggverksamhet",
    );
    assert_eq!(harness.state().page, Page::Section(0));
    harness.snapshot("questions_sv");
    answer_everything(&mut harness, 3);
    assert_results_match_the_core(&harness);
    harness.snapshot("results_sv");
    // "Why?" opens per dimension and names the answers that moved it, in
    // points (this also renders the minus sign, so its glyph is checked).
    let t = Texts::get(Lang::Sv);
    harness
        .get_by_role_and_label(Role::DisclosureTriangle, "Strategi och ledarskap")
        .click_accesskit();
    harness.run();
    harness.get_by_label(t.raised_most);
    harness.get_by_label(t.lowered_most);
    let catalogue = Catalogue::builtin();
    let saved = &harness.state().session.as_ref().unwrap().assessment;
    let e = evaluate(&catalogue, saved).unwrap();
    let worst = e.results.dimension("strategy").unwrap().lowered_most(1)[0];
    let text = catalogue
        .question(&worst.question)
        .unwrap()
        .1
        .text
        .get(Lang::Sv);
    harness.get_by_label(&format!(
        "–{} {} – {text}",
        score_text(worst.lost, Lang::Sv),
        t.score
    ));
    // The saved file is in the data folder, under a safe name.
    let path = harness.state().session.as_ref().unwrap().path.clone();
    assert!(path.starts_with(data.path().join("assessments")));
    assert_eq!(path.file_name().unwrap(), "åkerlunds-mekaniska-ab.ron");
}

#[test]
fn a_municipality_answers_everything_in_english_and_sees_the_core_scores() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = harness(data.path(), WINDOW);
    harness.get_by_label("English").click_accesskit();
    harness.run();
    assert_eq!(harness.state().lang(), Lang::En);
    harness.snapshot("start_en");
    let t = Texts::get(Lang::En);
    harness.get_by_label(t.new_assessment).click_accesskit();
    harness.run();
    harness.snapshot("profile_en");
    // A missing name is reported next to the field, and nothing starts.
    harness.get_by_label(t.start_questions).click_accesskit();
    harness.run();
    harness.get_by_label(t.name_required);
    assert_eq!(harness.state().page, Page::Profile);
    harness.get_by_label(t.cancel).click_accesskit();
    harness.run();
    fill_profile(
        &mut harness,
        "Älvdalby kommun",
        "Municipality",
        "Large (750 employees or more)",
        "Public sector",
    );
    harness.snapshot("questions_en");
    answer_everything(&mut harness, 5);
    assert_results_match_the_core(&harness);
    harness.snapshot("results_en");
}

#[test]
fn the_profile_screen_in_swedish_and_the_dark_theme() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = harness(data.path(), WINDOW);
    harness
        .get_by_label(Texts::get(Lang::Sv).new_assessment)
        .click_accesskit();
    harness.run();
    harness.snapshot("profile_sv");
    harness
        .get_by_label(Texts::get(Lang::Sv).dark_theme)
        .click_accesskit();
    harness.run();
    assert!(harness.state().settings.dark);
    harness.snapshot("profile_sv_dark");
}

#[test]
fn the_keyboard_alone_picks_answers_and_moves_on() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = harness(data.path(), WINDOW);
    fill_profile(
        &mut harness,
        "Tangentbordet AB",
        "Företag",
        "Mikro (färre än 10 anställda)",
        "Ingen särskild sektor (bara grundfrågorna)",
    );
    // Ctrl+J focuses the first unanswered question's first option.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::J);
    harness.run();
    let first = harness.state().evaluation().unwrap().results.unanswered()[0].to_string();
    // "2" picks the second option; the arrow key moves the choice on.
    harness.key_press(Key::Num2);
    harness.run();
    let answer = |h: &Harness<App>| {
        h.state()
            .session
            .as_ref()
            .unwrap()
            .assessment
            .answers
            .get(&first)
            .map(|a| a.answer.clone())
    };
    let second = answer(&harness).expect("the number key answered");
    harness.key_press(Key::ArrowDown);
    harness.run();
    assert_ne!(answer(&harness), Some(second), "the arrow moved the choice");
    // Enter moves to the next section.
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().page, Page::Section(1));
}

#[test]
fn closing_halfway_and_reopening_resumes_where_the_user_left_off() {
    let data = tempfile::tempdir().unwrap();
    {
        let mut harness = harness(data.path(), WINDOW);
        fill_profile(
            &mut harness,
            "Halvvägs AB",
            "Företag",
            "Liten (10–49 anställda)",
            "Energi",
        );
        answer_page(&mut harness, 1);
        next(&mut harness);
        answer_page(&mut harness, 2);
        assert_eq!(harness.state().page, Page::Section(1));
    }
    // A new app over the same data folder: the same assessment, the same page.
    let harness = harness(data.path(), WINDOW);
    let app = harness.state();
    assert_eq!(app.page, Page::Section(1));
    let session = app.session.as_ref().expect("the assessment is open again");
    assert_eq!(session.assessment.profile.name, "Halvvägs AB");
    assert!(session.assessment.answers.len() > 5);
}

/// Files the app cannot open, each with the start of what the app says.
fn unopenable_files() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let good = std::fs::read_to_string("examples/manufacturing-firm.ron").unwrap();
    vec![
        (
            "avbruten",
            good.as_bytes()[..good.len() / 3].to_vec(),
            "avbruten.ron: Filen är skadad eller är ingen bedömningsfil (fel på rad",
        ),
        (
            "skräp",
            (0..2048u32).map(|i| (i * 7919 % 251) as u8).collect(),
            "skräp.ron: Filen är skadad eller är ingen bedömningsfil",
        ),
        ("tom", Vec::new(), "tom.ron: Filen är tom."),
        (
            "framtida",
            good.replace("format: 1,", "format: 3,").into_bytes(),
            "framtida.ron: Filen är sparad av en nyare version av AI-redo (filformat 3; den här versionen läser format 1).",
        ),
        (
            "okänd-sektor",
            good.replace(
                "primary_sector: \"manufacturing\"",
                "primary_sector: \"tourism\"",
            )
            .into_bytes(),
            "okänd-sektor.ron: Bedömningen besvarar frågeformuläret «tourism», som inte finns på den här datorn.",
        ),
    ]
}

#[test]
fn unopenable_assessments_are_explained_moved_aside_and_the_app_keeps_running() {
    let data = tempfile::tempdir().unwrap();
    let folder = data.path().join("assessments");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy("examples/municipality.ron", folder.join("hel.ron")).unwrap();
    let files = unopenable_files();
    for (stem, bytes, _) in &files {
        std::fs::write(folder.join(format!("{stem}.ron")), bytes).unwrap();
    }
    let mut harness = harness(data.path(), WINDOW);
    let t = Texts::get(Lang::Sv);
    harness.get_by_label_contains(t.moved_aside);
    for (stem, bytes, message) in &files {
        let shown = harness.get_by_label_contains(message);
        let node = shown.accesskit_node();
        let label = node.label().or_else(|| node.value()).unwrap_or_default();
        assert!(label.contains("Filen flyttades oförändrad till"), "{label}");
        assert!(!folder.join(format!("{stem}.ron")).exists());
        let moved: Vec<_> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with(&format!("{stem}."))
            })
            .collect();
        assert_eq!(moved.len(), 1, "{moved:?}");
        assert_eq!(
            &std::fs::read(&moved[0]).unwrap(),
            bytes,
            "{stem}: unchanged"
        );
        assert!(label.contains(&moved[0].display().to_string()), "{label}");
    }
    // The good assessment is still listed, and the app still works.
    let listed = &harness.state().recent;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].assessment.profile.name, "Älvdalby kommun");
    assert!(
        harness
            .query_all_by_label_contains("Älvdalby kommun")
            .next()
            .is_some()
    );
    harness
        .get_by_role_and_label(Role::Button, t.new_assessment)
        .click_accesskit();
    harness.run();
    assert_eq!(harness.state().page, Page::Profile);
}

#[test]
fn opening_or_importing_a_bad_file_says_why_and_loses_nothing() {
    let data = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let mut harness = harness(data.path(), WINDOW);
    let t = Texts::get(Lang::Sv);
    for (stem, bytes, message) in unopenable_files() {
        for import in [true, false] {
            let path = outside.path().join(format!("{stem}.ron"));
            std::fs::write(&path, &bytes).unwrap();
            harness.state_mut().dialogs.typed_path = path.display().to_string();
            harness.run();
            let button = if import {
                t.import_file.trim_end_matches('…')
            } else {
                t.open
            };
            harness
                .query_all_by_role_and_label(Role::Button, button)
                .next()
                .unwrap()
                .click_accesskit();
            harness.run();
            let Some(airedo::ui::Notice::Error(notice)) = harness.state().notice.clone() else {
                panic!("{stem}: no error notice");
            };
            assert!(notice.starts_with(t.open_failed), "{notice}");
            assert!(notice.contains(message), "{notice}");
            if import {
                // Import only reads: the file stays where it was, unchanged.
                assert_eq!(std::fs::read(&path).unwrap(), bytes);
                assert!(!notice.contains("flyttades"), "{notice}");
            } else {
                // Opened files are saved to, so a bad one is moved aside.
                assert!(!path.exists());
                assert!(
                    notice.contains("Filen flyttades oförändrad till"),
                    "{notice}"
                );
            }
            assert!(harness.state().session.is_none());
            assert_eq!(harness.state().page, Page::Start);
        }
    }
    // Nothing bad was copied into the store.
    assert!(harness.state().recent.is_empty());
}

#[test]
fn broken_questionnaire_files_show_a_notice_with_every_problem() {
    let data = tempfile::tempdir().unwrap();
    let folder = data.path().join("questionnaires");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("turism.ron"),
        "Module(\n  format: 1,\n  id: \"turism\"\n  version: 1,\n)",
    )
    .unwrap();
    let mut harness = harness(data.path(), WINDOW);
    let t = Texts::get(Lang::Sv);
    harness.get_by_label(t.problems_notice);
    harness.get_by_label(t.show_problems).click_accesskit();
    harness.run();
    harness.get_by_label_contains("turism.ron:4:3: error[syntax]");
    // Fixing the file and reloading clears the notice.
    std::fs::remove_file(folder.join("turism.ron")).unwrap();
    harness.get_by_label(t.reload).click_accesskit();
    harness.run();
    assert!(harness.query_by_label(t.problems_notice).is_none());
}

#[test]
fn the_questions_fit_a_small_window() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = harness(data.path(), egui::vec2(1024.0, 700.0));
    fill_profile(
        &mut harness,
        "Liten skärm AB",
        "Företag",
        "Medelstor (50–249 anställda)",
        "Energi",
    );
    harness.snapshot("questions_sv_1024x700");
    assert!(!labels(&harness, Role::RadioButton).is_empty());
}

#[test]
fn results_compare_with_the_previous_assessment_of_the_same_organisation() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::new(data.path());
    let mut earlier = example("examples/manufacturing-firm.ron");
    earlier.updated = airedo::assessment::Timestamp("2026-05-01T10:00:00Z".into());
    store.save(&store.new_path("tidigare"), &earlier).unwrap();
    let mut later = example("examples/manufacturing-firm.ron");
    later.answers.get_mut("core.strategy.owner").unwrap().answer =
        airedo::questionnaire::Answer::YesNo(true);
    let later_path = store.new_path("senare");
    store.save(&later_path, &later).unwrap();

    let mut harness = harness(data.path(), WINDOW);
    let t = Texts::get(Lang::Sv);
    harness
        .get_all_by_role_and_label(Role::Button, &format!("{} {}", t.open, later.profile.name))
        .next()
        .unwrap()
        .click_accesskit();
    harness.run();
    harness
        .state_mut()
        .apply(airedo::ui::Action::Go(Page::Results));
    harness.run();
    harness.get_by_label(&format!("{} (2026-05-01)", t.comparison));
    // The strategy dimension went up: its change is shown with a plus sign.
    let catalogue = Catalogue::builtin();
    let before = evaluate(&catalogue, &earlier).unwrap();
    let after = evaluate(&catalogue, &later).unwrap();
    let change = after.results.dimension("strategy").unwrap().score.unwrap()
        - before.results.dimension("strategy").unwrap().score.unwrap();
    assert!(change > 0.0);
    harness.get_by_label(&format!("+{}", score_text(change, Lang::Sv)));
}

#[test]
fn results_show_the_organisations_progress_over_time() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::new(data.path());
    // Three assessments a year apart, each a step further on strategy.
    let mut assessments = Vec::new();
    for (date, plan) in [("2024-11-20", 0), ("2025-11-20", 2), ("2026-11-20", 4)] {
        let mut assessment = example("examples/manufacturing-firm.ron");
        assessment.updated = airedo::assessment::Timestamp(format!("{date}T10:00:00Z"));
        assessment
            .answers
            .get_mut("core.strategy.plan")
            .unwrap()
            .answer = airedo::questionnaire::Answer::Scale(plan);
        store.save(&store.new_path(date), &assessment).unwrap();
        assessments.push(assessment);
    }
    // Another organisation's file is not on the line.
    let mut other = example("examples/manufacturing-firm.ron");
    other.profile.name = "Annat Företag AB".into();
    store.save(&store.new_path("annat"), &other).unwrap();

    let mut harness = harness(data.path(), WINDOW);
    let t = Texts::get(Lang::Sv);
    let latest = assessments.last().unwrap();
    let earlier: Vec<&airedo::assessment::Assessment> = assessments[..2].iter().collect();
    let path = store.assessments_dir().join("2026-11-20.ron");
    open_on_results(&mut harness, path);
    harness.get_by_label(t.timeline);
    for date in ["2024-11-20", "2025-11-20", "2026-11-20"] {
        harness.get_by_label(date);
    }
    // The other organisation's file (saved 2026-11-19) is not a column.
    assert!(harness.query_by_label("2026-11-19").is_none());
    // Every line says the core's scores, in order.
    let catalogue = Catalogue::builtin();
    let history = airedo::history::history(&catalogue, &earlier, latest);
    assert_eq!(history.points.len(), 3);
    let core = catalogue.core().unwrap();
    for (id, _) in &history.points[0].dimensions {
        let name = core.dimension(id).unwrap().name.get(Lang::Sv);
        let scores: Vec<String> = history
            .points
            .iter()
            .map(|p| p.score(id).map_or("–".into(), |s| score_text(s, Lang::Sv)))
            .collect();
        harness.get_by_label(&format!("{name}: {}", scores.join(" → ")));
    }
    let change = history.change("strategy").unwrap();
    assert!(change > 0.0, "{change}");
    assert!(
        harness
            .query_all_by_label(&format!("+{}", score_text(change, Lang::Sv)))
            .next()
            .is_some()
    );
}

#[test]
fn results_show_organisations_like_you_from_a_benchmark_file() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::new(data.path());
    // A region's benchmark of seven manufacturing firms, from the real roll-up.
    let region = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for i in 0..7u8 {
        let mut firm = example("examples/manufacturing-firm.ron");
        firm.profile.name = format!("Verkstad {i}");
        firm.answers.get_mut("core.strategy.plan").unwrap().answer =
            airedo::questionnaire::Answer::Scale(i % 5);
        let path = region.path().join(format!("{i}.ron"));
        std::fs::write(&path, airedo::assessment::to_ron(&firm)).unwrap();
        files.push(path);
    }
    let catalogue = Catalogue::builtin();
    let created = airedo::assessment::Timestamp("2026-11-30T12:00:00Z".into());
    let benchmark = airedo::group::rollup::rollup(&files, &catalogue, created)
        .unwrap()
        .benchmark;
    let benchmark_file = region.path().join("benchmark.ron");
    std::fs::write(&benchmark_file, airedo::group::rollup::to_ron(&benchmark)).unwrap();

    let own = example("examples/manufacturing-firm.ron");
    let path = store.new_path("egen");
    store.save(&path, &own).unwrap();
    let mut harness = harness(data.path(), WINDOW);
    let t = Texts::get(Lang::Sv);
    open_on_results(&mut harness, path);
    assert!(
        harness
            .query_by_label_contains("Organisationer som er")
            .is_none()
    );
    // The typed-path fallback loads it, as the file dialog would.
    harness.state_mut().dialogs.typed_path = benchmark_file.display().to_string();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, t.load_benchmark.trim_end_matches('…'))
        .click_accesskit();
    harness.run();
    harness.get_by_label_contains("7 organisationer i sektorn Tillverkning");
    let peers = airedo::group::peers::peers_of(&benchmark, &own.profile).unwrap();
    let strategy = peers.dimension("strategy").unwrap();
    let line = format!(
        "Organisationer som er: median {}, mittenhälften {}–{} (7 st)",
        score_text(strategy.median, Lang::Sv),
        score_text(strategy.q1, Lang::Sv),
        score_text(strategy.q3, Lang::Sv),
    );
    assert!(
        harness.query_all_by_label_contains(&line).next().is_some(),
        "{line}"
    );
    // Remembered for the next start; forgotten on request.
    assert_eq!(
        Store::new(data.path()).settings().benchmark,
        Some(benchmark_file.clone())
    );
    harness
        .get_by_role_and_label(Role::Button, t.forget_benchmark)
        .click_accesskit();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Organisationer som er")
            .is_none()
    );
    assert_eq!(Store::new(data.path()).settings().benchmark, None);
}

/// `airedo merge` writes an ordinary assessment file: the app opens it and
/// shows the combined score.
#[test]
fn the_app_opens_a_combined_assessment_and_shows_its_score() {
    let data = tempfile::tempdir().unwrap();
    let people = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (i, plan) in [0u8, 2, 4].into_iter().enumerate() {
        let mut firm = example("examples/manufacturing-firm.ron");
        firm.respondent.name = Some(format!("Person {i}"));
        firm.answers.get_mut("core.strategy.plan").unwrap().answer =
            airedo::questionnaire::Answer::Scale(plan);
        let path = people.path().join(format!("{i}.ron"));
        std::fs::write(&path, airedo::assessment::to_ron(&firm)).unwrap();
        files.push(path);
    }
    let catalogue = Catalogue::builtin();
    let merged = airedo::group::merge::read_and_merge(&files, &catalogue).unwrap();
    let store = Store::new(data.path());
    let path = store.new_path("sammanstallning");
    store.save(&path, &merged.combined).unwrap();

    let mut harness = harness(data.path(), WINDOW);
    let t = Texts::get(Lang::Sv);
    open_on_results(&mut harness, path);
    let overall = evaluate(&catalogue, &merged.combined)
        .unwrap()
        .results
        .overall
        .unwrap();
    assert_eq!(Some(overall), merged.overall);
    harness.get_by_label(&format!("{} {}", score_text(overall, Lang::Sv), t.score));
    let session = harness.state().session.as_ref().unwrap();
    assert_eq!(
        session.assessment.respondent.role.as_deref(),
        Some("Sammanställning av 3 svarande")
    );
}

#[test]
fn ctrl_plus_zooms_and_the_zoom_is_remembered() {
    let data = tempfile::tempdir().unwrap();
    {
        let mut harness = harness(data.path(), WINDOW);
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
        harness.run();
        assert!(
            harness.state().settings.zoom > 1.0,
            "zoom {}",
            harness.state().settings.zoom
        );
    }
    let settings = Store::new(data.path()).settings();
    assert!(settings.zoom > 1.0);
    let harness = harness(data.path(), WINDOW);
    assert!(harness.ctx.zoom_factor() > 1.0);
}

#[test]
fn a_typed_path_saves_a_copy_and_the_csv_when_no_dialog_is_used() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let mut harness = harness(data.path(), WINDOW);
    small_company_results(&mut harness, "Exportören AB");
    let t = Texts::get(Lang::Sv);
    for (button, file) in [(t.save_copy, "kopia.ron"), (t.export_csv, "svar.csv")] {
        let path = out.path().join(file);
        let input = harness.get_by_role_and_label(Role::TextInput, t.or_type_path);
        input.focus();
        input.type_text(path.to_str().unwrap());
        harness.run();
        harness
            .get_by_role_and_label(Role::Button, button.trim_end_matches('…'))
            .click_accesskit();
        harness.run();
        assert!(path.exists(), "{file} was not written");
        let notice = format!("{} {}", t.exported_to, path.display());
        assert_eq!(
            harness.state().notice,
            Some(airedo::ui::Notice::Info(notice))
        );
        // Clear the field for the next export.
        harness.state_mut().dialogs.typed_path.clear();
        harness.run();
    }
    let copy = parse_assessment(
        "copy",
        &std::fs::read(out.path().join("kopia.ron")).unwrap(),
    )
    .unwrap();
    assert_eq!(copy.profile.name, "Exportören AB");
    // The CSV has a row, with its answer, for every question answered on page one.
    let csv = std::fs::read_to_string(out.path().join("svar.csv")).unwrap();
    for (id, _) in copy.answers.iter() {
        let row = csv
            .lines()
            .find(|l| l.contains(&format!(",{id},")))
            .unwrap_or_else(|| panic!("no row for {id}"));
        assert!(!row.ends_with(",,"), "{row}");
    }
}

#[test]
fn the_pdf_export_runs_in_the_background_and_says_where_the_file_went() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let mut harness = harness(data.path(), WINDOW);
    small_company_results(&mut harness, "Rapportörens Återvinning AB");
    let t = Texts::get(Lang::Sv);
    // The button is there, enabled, with its name for screen readers.
    harness
        .get_by_role_and_label(Role::Button, t.export_pdf)
        .click_accesskit();
    harness.run();
    // No dialog can be shown here: type the path instead.
    harness.state_mut().notice = None;
    let path = out.path().join("rapport.pdf");
    let input = harness.get_by_role_and_label(Role::TextInput, t.or_type_path);
    input.focus();
    input.type_text(path.to_str().unwrap());
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, t.export_pdf.trim_end_matches('…'))
        .click_accesskit();
    harness.run();
    // The report is made off the UI thread; frames keep coming meanwhile.
    wait_for_pdf_export(&mut harness);
    let Some(airedo::ui::Notice::Info(notice)) = harness.state().notice.clone() else {
        panic!("no success notice: {:?}", harness.state().notice);
    };
    assert!(
        notice.starts_with(&format!("{} {}", t.pdf_saved, path.display())),
        "{notice}"
    );
    assert!(notice.ends_with(&format!("{})", t.pages)), "{notice}");
    let pdf = lopdf::Document::load(&path).unwrap();
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    assert!(notice.contains(&format!("({} {})", pages.len(), t.pages)));
    let text: String = pdf
        .extract_text(&pages)
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(text.contains("RapportörensÅtervinningAB"));

    // A path that cannot be written (its folder is a file) is reported,
    // and the app goes on.
    let file = out.path().join("en-fil.txt");
    std::fs::write(&file, "inte en mapp").unwrap();
    let bad = file.join("rapport.pdf");
    harness
        .state_mut()
        .apply(airedo::ui::Action::ExportPdfTo(bad.clone()));
    wait_for_pdf_export(&mut harness);
    let Some(airedo::ui::Notice::Error(error)) = harness.state().notice.clone() else {
        panic!("no error notice: {:?}", harness.state().notice);
    };
    assert!(error.starts_with(t.export_failed), "{error}");
    assert!(!bad.exists());
}

#[test]
fn closing_the_assessment_returns_to_the_start_and_is_not_resumed() {
    let data = tempfile::tempdir().unwrap();
    {
        let mut harness = harness(data.path(), WINDOW);
        fill_profile(
            &mut harness,
            "Stängt AB",
            "Företag",
            "Liten (10–49 anställda)",
            "Energi",
        );
        harness
            .get_by_label(Texts::get(Lang::Sv).close_assessment)
            .click_accesskit();
        harness.run();
        assert_eq!(harness.state().page, Page::Start);
        assert!(harness.state().session.is_none());
        // It is listed among the recent assessments, ready to open again.
        harness.get_by_label(&format!("{} Stängt AB", Texts::get(Lang::Sv).open));
    }
    let harness = harness(data.path(), WINDOW);
    assert_eq!(harness.state().page, Page::Start);
    assert!(harness.state().session.is_none());
}

#[test]
fn the_embedded_font_has_every_character_the_app_and_the_questionnaires_use() {
    let data = tempfile::tempdir().unwrap();
    let harness = harness(data.path(), WINDOW);
    let mut text = String::new();
    for lang in [Lang::Sv, Lang::En] {
        for t in Texts::get(lang).all() {
            text.push_str(t);
        }
        for org in airedo::questionnaire::OrgType::ALL {
            text.push_str(org.name(lang));
        }
        for size in airedo::questionnaire::SizeBand::ALL {
            text.push_str(size.name(lang));
        }
    }
    for entry in &Catalogue::builtin().entries {
        text.push_str(&ron::to_string(&entry.module).unwrap());
    }
    let mut chars: Vec<char> = text.chars().collect();
    chars.sort_unstable();
    chars.dedup();
    for family in [
        egui::FontFamily::Proportional,
        egui::FontFamily::Name(airedo::ui::theme::BOLD.into()),
    ] {
        let font = egui::FontId::new(15.0, family.clone());
        let missing: Vec<String> = chars
            .iter()
            .filter(|c| !c.is_control())
            .filter(|c| !harness.ctx.fonts_mut(|f| f.has_glyph(&font, **c)))
            .map(|c| format!("{c} (U+{:04X})", *c as u32))
            .collect();
        assert!(missing.is_empty(), "{family:?} lacks: {missing:?}");
    }
}

/// Presses Tab until the widget with this role and label has focus.
fn tab_to(harness: &mut Harness<App>, role: Role, label: &str) {
    for _ in 0..80 {
        if harness
            .query_by_role_and_label(role, label)
            .is_some_and(|n| n.is_focused())
        {
            return;
        }
        harness.key_press(Key::Tab);
        harness.run();
    }
    panic!("Tab never reached {role:?} {label:?}");
}

#[test]
fn the_start_and_profile_screens_work_with_the_keyboard_alone() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = harness(data.path(), WINDOW);
    let t = Texts::get(Lang::Sv);
    tab_to(&mut harness, Role::Button, t.new_assessment);
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().page, Page::Profile);
    tab_to(&mut harness, Role::TextInput, t.org_name);
    harness
        .get_by_role_and_label(Role::TextInput, t.org_name)
        .type_text("Tangentbordsbolaget AB");
    harness.run();
    tab_to(&mut harness, Role::RadioButton, "Företag");
    harness.key_press(Key::Space);
    harness.run();
    tab_to(&mut harness, Role::RadioButton, "Liten (10–49 anställda)");
    harness.key_press(Key::Space);
    harness.run();
    tab_to(&mut harness, Role::Button, t.start_questions);
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().page, Page::Section(0));
    let profile = &harness.state().session.as_ref().unwrap().assessment.profile;
    assert_eq!(profile.name, "Tangentbordsbolaget AB");
    assert_eq!(
        profile.organisation,
        airedo::questionnaire::OrgType::Company
    );
    assert_eq!(profile.size, Some(airedo::questionnaire::SizeBand::Small));
}

// ---------------------------------------------------------------------------
// Author mode (`airedo preview`): live reload, kept answers, broken saves.
// ---------------------------------------------------------------------------

/// An app in author mode over a copy of the shipped robotics module.
fn preview_harness(folder: &Path, data: &Path) -> Harness<'static, App> {
    std::fs::copy("questionnaires/robotics.ron", folder.join("robotics.ron")).unwrap();
    let preview = airedo::authoring::preview::Preview::open(vec![folder.to_path_buf()], Vec::new());
    let app = App::author(Store::new(data), preview);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run();
    harness
}

/// Waits past one poll interval and draws, as the real window does.
fn after_a_poll(harness: &mut Harness<'static, App>) {
    std::thread::sleep(airedo::ui::author::POLL_EVERY + std::time::Duration::from_millis(50));
    harness.run();
}

fn edit(path: &Path, edit: impl FnOnce(String) -> String) {
    let text = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, edit(text)).unwrap();
}

const TASK_MAPPING_SV: &str = "Har ni gått igenom vilka arbetsuppgifter som är enformiga";

#[test]
fn the_preview_reloads_after_a_save_and_keeps_the_answers_whose_ids_remain() {
    let folder = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut harness = preview_harness(folder.path(), data.path());
    // It opens on the author's module, not the core's first section.
    harness.get_by_label_contains(TASK_MAPPING_SV);
    harness
        .get_by_role_and_label(Role::RadioButton, "Nej, det har vi inte gjort")
        .click_accesskit();
    harness.run();
    harness
        .get_by_label_contains("Industrirobotar bakom skyddsstängsel")
        .click_accesskit();
    harness.run();
    let answers = &harness.state().session.as_ref().unwrap().assessment.answers;
    assert!(answers.contains_key("robotics.task_mapping"));
    assert!(answers.contains_key("robotics.current_use"));
    // The answer fires a recommendation; the panel says which and why.
    harness.get_by_label_contains("(robotics.map_tasks)");
    harness.get_by_label_contains("eftersom: robotics.task_mapping is answered no");

    // The author rewords one question and renames another, with its uses.
    let file = folder.path().join("robotics.ron");
    edit(&file, |text| {
        text.replacen(
            TASK_MAPPING_SV,
            "Har ni kartlagt vilka arbetsuppgifter som är enformiga",
            1,
        )
        .replace("robotics.current_use", "robotics.robots_in_use")
    });
    after_a_poll(&mut harness);
    harness.get_by_label_contains("Har ni kartlagt vilka arbetsuppgifter");
    assert!(harness.query_by_label_contains(TASK_MAPPING_SV).is_none());
    let state = harness.state();
    assert_eq!(state.author.as_ref().unwrap().preview.loads, 2);
    let answers = &state.session.as_ref().unwrap().assessment.answers;
    assert!(
        answers.contains_key("robotics.task_mapping"),
        "kept: its id remains"
    );
    assert!(
        !answers.contains_key("robotics.current_use"),
        "dropped: its id is gone"
    );
    assert!(!answers.contains_key("robotics.robots_in_use"));
    // Nothing was saved anywhere: trial answers stay in memory.
    assert!(!data.path().join("assessments").exists());
}

#[test]
fn a_broken_save_shows_its_problems_while_the_last_good_version_stays() {
    let folder = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut harness = preview_harness(folder.path(), data.path());
    let t = Texts::get(Lang::Sv);
    harness.get_by_label(t.author_no_problems);
    let file = folder.path().join("robotics.ron");
    let good = std::fs::read_to_string(&file).unwrap();
    edit(&file, |text| {
        text.replacen(TASK_MAPPING_SV, "Helt ny text", 1).replacen(
            "kind: SingleChoice",
            "kind: SingelChoice",
            1,
        )
    });
    after_a_poll(&mut harness);
    // The problem, located, with its source line and the bad word marked.
    let line = good[..good.find("kind: SingleChoice").unwrap()]
        .lines()
        .count();
    let located = format!("robotics.ron:{line}:");
    let problem = harness.get_by_label_contains(&located);
    let node = problem.accesskit_node();
    let label = node.label().or_else(|| node.value()).unwrap_or_default();
    assert!(label.contains("error[unknown-variant]"), "{label}");
    assert!(label.contains("did you mean `SingleChoice`"), "{label}");
    let quote = harness.get_by_label_contains("kind: SingelChoice(options: [");
    let node = quote.accesskit_node();
    let quote = node.label().or_else(|| node.value()).unwrap_or_default();
    assert!(quote.starts_with(&format!("{line:>5} | ")), "{quote}");
    assert!(quote.ends_with("kind: SingelChoice(options: ["), "{quote}");
    let marked = &harness.state().author.as_ref().unwrap().preview.problems[0];
    let range = marked.marked.clone().unwrap();
    assert_eq!(&marked.source_line.as_ref().unwrap()[range], "SingelChoice");
    harness.get_by_label(t.author_last_good);
    // The last good version is still on screen, not the broken one.
    harness.get_by_label_contains(TASK_MAPPING_SV);
    assert!(harness.query_by_label_contains("Helt ny text").is_none());

    // Fixed: the new version shows and the problems are gone.
    edit(&file, |text| {
        text.replacen("kind: SingelChoice", "kind: SingleChoice", 1)
    });
    after_a_poll(&mut harness);
    harness.get_by_label_contains("Helt ny text");
    harness.get_by_label(t.author_no_problems);
    assert!(harness.query_by_label(t.author_last_good).is_none());
}

#[test]
fn the_preview_panel_names_hidden_questions_and_their_conditions() {
    let folder = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut harness = preview_harness(folder.path(), data.path());
    harness.get_by_label_contains("(robotics.ai_in_robots)");
    assert!(
        harness
            .query_all_by_label_contains(
                "visas bara om: any of (robotics.current_use includes industrial"
            )
            .next()
            .is_some()
    );
    // Answering what reveals it takes it off the list.
    harness
        .get_by_label_contains("Industrirobotar bakom skyddsstängsel")
        .click_accesskit();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("(robotics.ai_in_robots)")
            .is_none()
    );
}
