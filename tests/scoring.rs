//! Scoring, recommendations, comparison and migration.
//!
//! The hand-computed tests use the worked example of `docs/scoring.md`, with
//! the arithmetic written out. The property tests run on the real shipped
//! catalogue with random answers. The reachability test proves, by search,
//! that every shipped recommendation fires for some set of answers.

use std::collections::{BTreeMap, HashSet};

use airedo::assessment::migrate::{Change, migrate};
use airedo::assessment::{Assessment, GivenAnswer, Profile, parse_assessment, to_ron};
use airedo::catalogue::{Catalogue, Origin, SourceFile};
use airedo::compare::compare;
use airedo::evaluation::evaluate;
use airedo::questionnaire::{Answer, Lang, Module, OrgType, QuestionKind, SizeBand};
use airedo::scoring::{QuestionState, level_of};
use proptest::prelude::*;

mod common;

/// The questionnaire of the worked example in docs/scoring.md.
const EXAMPLE_CORE: &str = r#"Module(
    format: 1, id: "core", version: 1, kind: Core,
    applies_to: [Company, Municipality], languages: [sv, en],
    title: (sv: "Exempel", en: "Example"), summary: (sv: "Exempel", en: "Example"),
    description: (sv: "Exempel", en: "Example"), strategy_ref: "1",
    dimensions: [
        (id: "strategy", name: (sv: "Strategi", en: "Strategy"), description: (sv: "S", en: "S"), weight: 1.0),
        (id: "data", name: (sv: "Data", en: "Data"), description: (sv: "D", en: "D"), weight: 2.0),
    ],
    maturity_levels: [
        (level: 1, name: (sv: "Utforskande", en: "Exploring"), description: (sv: "1", en: "1"), from: 0.0, to: 20.0),
        (level: 2, name: (sv: "Förberedande", en: "Preparing"), description: (sv: "2", en: "2"), from: 20.0, to: 40.0),
        (level: 3, name: (sv: "Prövande", en: "Piloting"), description: (sv: "3", en: "3"), from: 40.0, to: 60.0),
        (level: 4, name: (sv: "Etablerad", en: "Established"), description: (sv: "4", en: "4"), from: 60.0, to: 80.0),
        (level: 5, name: (sv: "Ledande", en: "Leading"), description: (sv: "5", en: "5"), from: 80.0, to: 100.0),
    ],
    contacts: [(id: "edih", name: (sv: "EDIH", en: "EDIH"), description: (sv: "E", en: "E"), strategy_ref: "3.1")],
    sections: [(
        id: "core.s", title: (sv: "Avsnitt", en: "Section"),
        questions: [
            (id: "q1", text: (sv: "F1", en: "Q1"), help: (sv: "H", en: "H"), dimension: "strategy", strategy_ref: "1",
             kind: SingleChoice(options: [(id: "a", label: (sv: "A", en: "A"), score: 0.0), (id: "b", label: (sv: "B", en: "B"), score: 2.0), (id: "c", label: (sv: "C", en: "C"), score: 4.0)])),
            (id: "q2", text: (sv: "F2", en: "Q2"), help: (sv: "H", en: "H"), dimension: "strategy", weight: 2.0, strategy_ref: "1",
             kind: Scale(labels: [(sv: "0", en: "0"), (sv: "1", en: "1"), (sv: "2", en: "2"), (sv: "3", en: "3"), (sv: "4", en: "4")])),
            (id: "q3", text: (sv: "F3", en: "Q3"), help: (sv: "H", en: "H"), dimension: "data", strategy_ref: "1",
             kind: YesNo(yes: 4.0, no: 0.0), not_applicable: true),
            (id: "q4", text: (sv: "F4", en: "Q4"), help: (sv: "H", en: "H"), dimension: "data", strategy_ref: "1",
             kind: MultipleChoice(options: [(id: "none", label: (sv: "Inget", en: "None"), score: 0.0, exclusive: true), (id: "x", label: (sv: "X", en: "X"), score: 1.0), (id: "y", label: (sv: "Y", en: "Y"), score: 2.0), (id: "z", label: (sv: "Z", en: "Z"), score: 3.0)], cap: 4.0)),
            (id: "q5", text: (sv: "F5", en: "Q5"), help: (sv: "H", en: "H"), dimension: "data", strategy_ref: "1",
             kind: SingleChoice(options: [(id: "lo", label: (sv: "L", en: "L"), score: 1.0), (id: "hi", label: (sv: "H", en: "H"), score: 3.0)])),
            (id: "q6", text: (sv: "F6", en: "Q6"), strategy_ref: "1", kind: FreeText),
            (id: "q7", text: (sv: "F7", en: "Q7"), help: (sv: "H", en: "H"), dimension: "strategy", strategy_ref: "1",
             kind: YesNo(yes: 4.0, no: 0.0), show_if: AnswerIs(question: "q1", option: "c")),
        ],
    )],
    recommendations: [
        (id: "r.high_strategy", title: (sv: "Skriv en plan", en: "Write a plan"), text: (sv: "T", en: "T"), dimension: "strategy",
         when: AnswerIs(question: "q1", option: "b"), priority: High, horizon: Now, help_from: ["edih"], strategy_ref: "1"),
        (id: "r.high_data", title: (sv: "Ordna data", en: "Sort out data"), text: (sv: "T", en: "T"), dimension: "data",
         when: DimensionBelow(dimension: "data", score: 80.0), priority: High, horizon: ThreeMonths, strategy_ref: "1"),
        (id: "r.medium", title: (sv: "Ta reda på", en: "Find out"), text: (sv: "T", en: "T"), dimension: "data",
         when: AnswerIs(question: "q5", option: "dont_know"), priority: Medium, horizon: TwelveMonths, strategy_ref: "1"),
        (id: "r.low", title: (sv: "Börja", en: "Start"), text: (sv: "T", en: "T"), dimension: "data",
         when: AnswerIs(question: "q3", option: "no"), priority: Low, horizon: Now, strategy_ref: "1"),
        (id: "r.duplicate", title: (sv: "Skriv en plan", en: "Write a plan"), text: (sv: "T", en: "T"), dimension: "strategy",
         when: Answered("q2"), priority: High, horizon: Now, strategy_ref: "1"),
    ],
)"#;

fn example_catalogue() -> Catalogue {
    let catalogue = Catalogue::from_sources(vec![SourceFile {
        name: "example-core.ron".into(),
        bytes: EXAMPLE_CORE.as_bytes().to_vec(),
        origin: Origin::Checked,
        shipped: false,
    }]);
    assert!(catalogue.problems.is_empty(), "{:?}", catalogue.problems);
    catalogue
}

fn company() -> Profile {
    Profile {
        name: "Åkerlunds Mekaniska AB".into(),
        organisation: OrgType::Company,
        size: Some(SizeBand::Small),
        place: Some("Borås".into()),
        primary_sector: None,
        other_sectors: vec![],
    }
}

fn answers(list: &[(&str, Answer)]) -> Assessment {
    let mut assessment = Assessment::new(company(), Lang::Sv);
    for (id, answer) in list {
        assessment.answers.insert(
            id.to_string(),
            GivenAnswer {
                answer: answer.clone(),
                module: "core".into(),
                version: 1,
            },
        );
    }
    assessment
}

/// The answers of the worked example.
fn worked_example() -> Assessment {
    answers(&[
        ("q1", Answer::Choice("b".into())),
        ("q2", Answer::Scale(3)),
        ("q3", Answer::YesNo(true)),
        ("q4", Answer::Choices(vec!["y".into(), "z".into()])),
        ("q5", Answer::DontKnow),
        ("q6", Answer::Text("Offerter".into())),
        ("q7", Answer::YesNo(true)), // hidden: q1 is not "c"
    ])
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn the_worked_example_scores_as_computed_by_hand() {
    let catalogue = example_catalogue();
    let e = evaluate(&catalogue, &worked_example()).unwrap();
    let r = &e.results;
    // Strategy: q1 = 2/4 = 0.5 (weight 1), q2 = 3/4 = 0.75 (weight 2); q7 hidden.
    // 100 × (1 × 0.5 + 2 × 0.75) / (1 + 2) = 100 × 2 / 3 = 66.666…
    let strategy = r.dimension("strategy").unwrap();
    assert!(close(strategy.score, 200.0 / 3.0), "{:?}", strategy.score);
    assert_eq!(strategy.level, Some(4));
    // Data: q3 = 1.0, q4 = min(2 + 3, 4)/4 = 1.0, q5 = don't know = lowest (1)/4 = 0.25.
    // 100 × (1.0 + 1.0 + 0.25) / 3 = 75.
    let data = r.dimension("data").unwrap();
    assert!(close(data.score, 75.0), "{:?}", data.score);
    assert_eq!(
        (data.answered, data.dont_know, data.not_applicable),
        (3, 1, 0)
    );
    // Overall: (1 × 66.666… + 2 × 75) / (1 + 2) = 72.222…
    assert!(
        close(r.overall, (200.0 / 3.0 + 150.0) / 3.0),
        "{:?}",
        r.overall
    );
    assert_eq!(r.level, Some(4));
    // Completion: q1–q5 shown and answered; q6 is unscored; q7 hidden.
    assert_eq!((r.completion.answered, r.completion.total), (5, 5));
    assert_eq!(r.question("q7").unwrap().state, QuestionState::Hidden);
    assert_eq!(r.question("q6").unwrap().state, QuestionState::Unscored);
}

#[test]
fn contributions_explain_the_score() {
    let catalogue = example_catalogue();
    let e = evaluate(&catalogue, &worked_example()).unwrap();
    let strategy = e.results.dimension("strategy").unwrap();
    // q1's part is 100 × 1/3 = 33.3 points: it earned 0.5 of it, 16.7.
    // q2's part is 100 × 2/3 = 66.7 points: it earned 0.75 of it, 50.0.
    let q1 = &strategy.contributions[0];
    let q2 = &strategy.contributions[1];
    assert!((q1.points - 100.0 / 6.0).abs() < 1e-9 && (q1.lost - 100.0 / 6.0).abs() < 1e-9);
    assert!((q2.points - 50.0).abs() < 1e-9 && (q2.lost - 100.0 / 6.0).abs() < 1e-9);
    // The earned points add up to the score.
    let total: f64 = strategy.contributions.iter().map(|c| c.points).sum();
    assert!(close(strategy.score, total));
    assert_eq!(strategy.raised_most(1)[0].question, "q2");
    let data = e.results.dimension("data").unwrap();
    let worst = data.lowered_most(1)[0];
    assert_eq!(worst.question, "q5");
    assert!(worst.dont_know);
}

#[test]
fn not_applicable_is_left_out_and_changes_no_other_dimension() {
    let catalogue = example_catalogue();
    let mut assessment = worked_example();
    assessment.answers.get_mut("q3").unwrap().answer = Answer::NotApplicable;
    let e = evaluate(&catalogue, &assessment).unwrap();
    // Data: 100 × (1.0 + 0.25) / 2 = 62.5.
    assert!(close(e.results.dimension("data").unwrap().score, 62.5));
    assert!(close(
        e.results.dimension("strategy").unwrap().score,
        200.0 / 3.0
    ));
    assert_eq!(e.results.dimension("data").unwrap().not_applicable, 1);
}

#[test]
fn a_shown_follow_up_counts_and_exclusive_options_win() {
    let catalogue = example_catalogue();
    let mut assessment = worked_example();
    assessment.answers.get_mut("q1").unwrap().answer = Answer::Choice("c".into());
    assessment.answers.get_mut("q4").unwrap().answer =
        Answer::Choices(vec!["none".into(), "z".into()]);
    let e = evaluate(&catalogue, &assessment).unwrap();
    // Strategy: q1 = 1.0 (w 1), q2 = 0.75 (w 2), q7 now shown = 1.0 (w 1): 100 × 3.5 / 4 = 87.5.
    assert!(close(e.results.dimension("strategy").unwrap().score, 87.5));
    // Data: q3 = 1.0, q4 = "none of these" = 0, q5 = 0.25: 100 × 1.25 / 3.
    assert!(close(
        e.results.dimension("data").unwrap().score,
        125.0 / 3.0
    ));
}

#[test]
fn unanswered_questions_lower_completion_not_the_score() {
    let catalogue = example_catalogue();
    let e = evaluate(&catalogue, &answers(&[("q1", Answer::Choice("b".into()))])).unwrap();
    assert!(close(e.results.dimension("strategy").unwrap().score, 50.0));
    assert_eq!(e.results.dimension("data").unwrap().score, None);
    // Only strategy has a score, so overall is strategy's.
    assert!(close(e.results.overall, 50.0));
    assert_eq!(
        (e.results.completion.answered, e.results.completion.total),
        (1, 5)
    );
    assert_eq!(e.results.unanswered(), vec!["q2", "q3", "q4", "q5"]);
}

#[test]
fn levels_follow_the_thresholds_in_the_data() {
    let catalogue = example_catalogue();
    let levels = &catalogue.core().unwrap().maturity_levels;
    let level = |s: f64| level_of(levels, s).map(|l| l.level);
    assert_eq!(level(0.0), Some(1));
    assert_eq!(level(19.99), Some(1));
    assert_eq!(level(20.0), Some(2));
    assert_eq!(level(79.99), Some(4));
    assert_eq!(level(80.0), Some(5));
    assert_eq!(level(100.0), Some(5));
}

#[test]
fn recommendations_are_ranked_deduplicated_and_grouped() {
    let catalogue = example_catalogue();
    let e = evaluate(&catalogue, &worked_example()).unwrap();
    // High first. Data (75) is 5 points from level 5; strategy (66.7) is 13.3
    // from it: the smaller gap first. Two strategy recommendations share the
    // title "Write a plan": r.duplicate names q2 (weight 2), r.high_strategy
    // names q1 (weight 1), so r.duplicate ranks first and the other is
    // dropped. r.low does not fire (q3 is yes).
    assert_eq!(
        e.advice.ids(),
        vec!["r.high_data", "r.duplicate", "r.medium"]
    );
    assert!((e.advice.ranked[0].gap.unwrap() - 5.0).abs() < 1e-9);
    let groups = e.advice.by_horizon();
    let ids = |i: usize| {
        groups[i]
            .1
            .iter()
            .map(|t| t.recommendation.id.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(0), vec!["r.duplicate"]);
    assert_eq!(ids(1), vec!["r.high_data"]);
    assert_eq!(ids(2), vec!["r.medium"]);
    assert_eq!(e.advice.first_steps().len(), 3);
    assert_eq!(
        e.advice.ranked[2].reasons,
        vec!["q5 is answered dont_know".to_string()]
    );
}

#[test]
fn comparison_shows_changes_and_new_and_resolved_advice() {
    let catalogue = example_catalogue();
    let before = evaluate(&catalogue, &worked_example()).unwrap();
    let mut later = worked_example();
    later.answers.get_mut("q3").unwrap().answer = Answer::YesNo(false);
    later.answers.get_mut("q5").unwrap().answer = Answer::Choice("hi".into());
    let after = evaluate(&catalogue, &later).unwrap();
    let c = compare(
        (&before.results, &before.advice),
        (&after.results, &after.advice),
    );
    // Data: before 75; after 100 × (0 + 1.0 + 0.75) / 3 = 58.33.
    let data = c.dimensions.iter().find(|d| d.id == "data").unwrap();
    assert!((data.change().unwrap() - (175.0 / 3.0 - 75.0)).abs() < 1e-9);
    assert_eq!((data.level_before, data.level_after), (Some(4), Some(3)));
    assert_eq!(c.new_recommendations, vec!["r.low"]);
    assert_eq!(c.resolved_recommendations, vec!["r.medium"]);
}

#[test]
fn migration_keeps_fitting_answers_and_sets_the_rest_aside() {
    let catalogue = example_catalogue();
    let mut old = worked_example();
    for given in old.answers.values_mut() {
        given.version = 0; // answered under an older version
    }
    old.answers.get_mut("q1").unwrap().answer = Answer::Choice("gone".into());
    old.answers.insert(
        "removed".into(),
        GivenAnswer {
            answer: Answer::YesNo(true),
            module: "core".into(),
            version: 0,
        },
    );
    let (migrated, note) = migrate(&old, &catalogue);
    assert!(!migrated.answers.contains_key("q1"));
    assert!(
        migrated.retired_answers.contains_key("q1")
            && migrated.retired_answers.contains_key("removed")
    );
    assert_eq!(migrated.answers["q2"].version, 1);
    // Retired: q1 (its option is gone) and `removed`; kept: q2–q7.
    assert_eq!(note.retired(), 2);
    assert_eq!(note.kept(), 6);
    let q1 = note.answers.iter().find(|a| a.question == "q1").unwrap();
    assert_eq!(
        q1.change,
        Change::NoLongerFits {
            reason: "option `gone` is no longer offered".into()
        }
    );
    // Current answers are left alone.
    let (same, note) = migrate(&worked_example(), &catalogue);
    assert!(note.is_empty());
    assert_eq!(same, worked_example());
}

#[test]
fn an_assessment_file_round_trips() {
    let assessment = worked_example();
    let text = to_ron(&assessment);
    assert!(text.contains("Åkerlunds Mekaniska AB"));
    assert_eq!(
        parse_assessment("a.ron", text.as_bytes()).unwrap(),
        assessment
    );
}

#[test]
fn the_documented_assessment_file_parses_and_fits_the_catalogue() {
    let doc = include_str!("../docs/assessment-file.md");
    let example = doc
        .split("```ron\n")
        .nth(1)
        .unwrap()
        .split("\n```")
        .next()
        .unwrap();
    let assessment = parse_assessment("doc.ron", example.as_bytes()).unwrap();
    let catalogue = Catalogue::builtin();
    let e = evaluate(&catalogue, &assessment).unwrap();
    assert!(
        e.results.invalid_answers.is_empty(),
        "{:?}",
        e.results.invalid_answers
    );
    assert!(
        e.results.missing_modules.is_empty(),
        "{:?}",
        e.results.missing_modules
    );
    assert!(e.migration.is_empty());
}

// ---------------------------------------------------------------------------
// Properties, on the real catalogue with random answers.

/// A small deterministic random source, so failures reproduce from the seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Which end of each question's range random answers lean towards.
#[derive(Clone, Copy)]
enum Tilt {
    Low,
    High,
    Any,
}

fn random_answer(
    rng: &mut Rng,
    kind: &QuestionKind,
    dont_know: bool,
    na: bool,
    tilt: Tilt,
) -> Option<Answer> {
    if rng.chance(8) {
        return None;
    }
    if dont_know && kind.is_scored() && rng.chance(8) {
        return Some(Answer::DontKnow);
    }
    if na && rng.chance(5) {
        return Some(Answer::NotApplicable);
    }
    let pick = |rng: &mut Rng, n: usize| match tilt {
        Tilt::Low if rng.chance(70) => 0,
        Tilt::High if rng.chance(70) => n - 1,
        _ => rng.below(n),
    };
    Some(match kind {
        QuestionKind::SingleChoice { options } => {
            let mut sorted: Vec<_> = options.iter().collect();
            sorted.sort_by(|a, b| a.score.total_cmp(&b.score));
            Answer::Choice(sorted[pick(rng, sorted.len())].id.clone())
        }
        QuestionKind::MultipleChoice { options, .. } => {
            let chance = match tilt {
                Tilt::Low => 15,
                Tilt::High => 80,
                Tilt::Any => 50,
            };
            Answer::Choices(
                options
                    .iter()
                    .filter(|_| rng.chance(chance))
                    .map(|o| o.id.clone())
                    .collect(),
            )
        }
        QuestionKind::Scale { .. } => Answer::Scale(pick(rng, 5) as u8),
        QuestionKind::YesNo { yes, no } => {
            let high_is_yes = yes >= no;
            Answer::YesNo((pick(rng, 2) == 1) == high_is_yes)
        }
        QuestionKind::FreeText => Answer::Text("Anteckning med åäö".into()),
        QuestionKind::Info => return None,
    })
}

/// A random assessment of an organisation the sector module applies to.
fn random_assessment(
    catalogue: &Catalogue,
    seed: u64,
    sector: Option<&Module>,
    tilt: Tilt,
) -> Assessment {
    let mut rng = Rng(seed.max(1));
    let core = catalogue.core().unwrap();
    let types: Vec<OrgType> = match sector {
        Some(m) => m.applies_to.clone(),
        None => core.applies_to.clone(),
    };
    let organisation = types[rng.below(types.len())];
    let size = if rng.chance(10) {
        None
    } else {
        Some(SizeBand::ALL[rng.below(5)])
    };
    let mut profile = company();
    profile.organisation = organisation;
    profile.size = size;
    profile.primary_sector = sector.map(|m| m.id.clone());
    let mut assessment = Assessment::new(profile, Lang::Sv);
    let modules: Vec<&Module> = std::iter::once(core).chain(sector).collect();
    for module in modules {
        for q in module.questions() {
            if let Some(answer) =
                random_answer(&mut rng, &q.kind, q.dont_know, q.not_applicable, tilt)
            {
                assessment.answers.insert(
                    q.id.clone(),
                    GivenAnswer {
                        answer,
                        module: module.id.clone(),
                        version: module.version,
                    },
                );
            }
        }
    }
    assessment
}

fn shipped() -> &'static Catalogue {
    static CATALOGUE: std::sync::OnceLock<Catalogue> = std::sync::OnceLock::new();
    CATALOGUE.get_or_init(Catalogue::builtin)
}

fn pick_sector(seed: u64) -> Option<&'static Module> {
    let sectors: Vec<&Module> = shipped().sectors().collect();
    let i = (seed % (sectors.len() as u64 + 1)) as usize;
    sectors.get(i).copied()
}

fn visible_set(e: &airedo::evaluation::Evaluation) -> Vec<bool> {
    e.results
        .questions
        .iter()
        .map(|q| q.state != QuestionState::Hidden)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_score_lies_between_0_and_100(seed in any::<u64>()) {
        let a = random_assessment(shipped(), seed, pick_sector(seed), Tilt::Any);
        let e = evaluate(shipped(), &a).unwrap();
        for d in &e.results.dimensions {
            if let Some(s) = d.score { prop_assert!((0.0..=100.0).contains(&s), "{} = {s}", d.id); }
        }
        if let Some(s) = e.results.overall { prop_assert!((0.0..=100.0).contains(&s)); }
        prop_assert!(e.results.completion.answered <= e.results.completion.total);
    }

    #[test]
    fn raising_one_answer_never_lowers_its_dimension_or_the_overall_score(seed in any::<u64>(), which in any::<usize>()) {
        let catalogue = shipped();
        let a = random_assessment(catalogue, seed, pick_sector(seed), Tilt::Any);
        let before = evaluate(catalogue, &a).unwrap();
        // Raise one shown, scored single-choice or scale answer to the top.
        let candidates: Vec<(String, Answer, String)> = before.modules.iter().flat_map(|m| m.questions()).filter_map(|q| {
            let best = match &q.kind {
                QuestionKind::SingleChoice { options } => Answer::Choice(options.iter().max_by(|a, b| a.score.total_cmp(&b.score))?.id.clone()),
                QuestionKind::Scale { .. } => Answer::Scale(4),
                _ => return None,
            };
            before.results.is_visible(&q.id).then(|| (q.id.clone(), best, q.dimension.clone().unwrap()))
        }).collect();
        prop_assume!(!candidates.is_empty());
        let (id, best, dimension) = &candidates[which % candidates.len()];
        let mut raised = a.clone();
        let given = raised.answers.entry(id.clone()).or_insert(GivenAnswer { answer: best.clone(), module: String::new(), version: 0 });
        given.answer = best.clone();
        given.module = before.modules.iter().find(|m| m.questions().any(|q| q.id == *id)).unwrap().id.clone();
        given.version = 1;
        let after = evaluate(catalogue, &raised).unwrap();
        // A raised answer may reveal follow-ups whose earlier answers then count;
        // the property is about the answer itself.
        prop_assume!(visible_set(&before) == visible_set(&after));
        let old = before.results.dimension(dimension).unwrap().score;
        let new = after.results.dimension(dimension).unwrap().score;
        // Raising means replacing a scored answer; adding an answer where there
        // was none (or "not applicable") is a different change.
        let was_scored = matches!(
            before.results.question(id).map(|q| &q.state),
            Some(QuestionState::Scored { .. } | QuestionState::DontKnow { .. })
        );
        if was_scored {
            prop_assert!(new.unwrap() >= old.unwrap() - 1e-9, "{dimension}: {old:?} -> {new:?}");
            prop_assert!(after.results.overall.unwrap() >= before.results.overall.unwrap() - 1e-9);
        }
    }

    #[test]
    fn not_applicable_never_changes_the_other_dimensions(seed in any::<u64>(), which in any::<usize>()) {
        let catalogue = shipped();
        let a = random_assessment(catalogue, seed, pick_sector(seed), Tilt::Any);
        let before = evaluate(catalogue, &a).unwrap();
        let candidates: Vec<(&str, &str)> = before.modules.iter().flat_map(|m| m.questions())
            .filter(|q| q.not_applicable && before.results.is_visible(&q.id))
            .map(|q| (q.id.as_str(), q.dimension.as_deref().unwrap()))
            .collect();
        prop_assume!(!candidates.is_empty());
        let (id, dimension) = candidates[which % candidates.len()];
        let module = before.modules.iter().find(|m| m.questions().any(|q| q.id == id)).unwrap();
        let mut changed = a.clone();
        changed.answers.insert(id.to_string(), GivenAnswer { answer: Answer::NotApplicable, module: module.id.clone(), version: module.version });
        let after = evaluate(catalogue, &changed).unwrap();
        prop_assume!(visible_set(&before) == visible_set(&after));
        for (b, c) in before.results.dimensions.iter().zip(&after.results.dimensions) {
            if b.id != dimension {
                prop_assert_eq!(b.score, c.score, "{} changed", b.id);
            }
        }
    }

    #[test]
    fn answers_to_hidden_questions_are_ignored(seed in any::<u64>()) {
        let catalogue = shipped();
        let a = random_assessment(catalogue, seed, pick_sector(seed), Tilt::Any);
        let before = evaluate(catalogue, &a).unwrap();
        let hidden: Vec<String> = before.results.questions.iter().filter(|q| q.state == QuestionState::Hidden).map(|q| q.id.clone()).collect();
        let mut stripped = a.clone();
        for id in &hidden { stripped.answers.remove(id); }
        let after = evaluate(catalogue, &stripped).unwrap();
        prop_assert_eq!(&before.results.dimensions, &after.results.dimensions);
        prop_assert_eq!(before.results.overall, after.results.overall);
        prop_assert_eq!(before.advice.ids(), after.advice.ids());
    }

    #[test]
    fn results_are_deterministic_and_independent_of_answer_order(seed in any::<u64>()) {
        let catalogue = shipped();
        let a = random_assessment(catalogue, seed, pick_sector(seed), Tilt::Any);
        let first = evaluate(catalogue, &a).unwrap();
        // Insert the same answers in reverse order, and through the file format.
        let mut reversed = a.clone();
        reversed.answers = a.answers.iter().rev().map(|(k, v)| (k.clone(), v.clone())).collect::<Vec<_>>().into_iter().collect::<BTreeMap<_, _>>();
        let reread = parse_assessment("a.ron", to_ron(&reversed).as_bytes()).unwrap();
        let second = evaluate(catalogue, &reread).unwrap();
        prop_assert_eq!(&first.results, &second.results);
        prop_assert_eq!(first.advice.ids(), second.advice.ids());
    }
}

// ---------------------------------------------------------------------------
// No shipped recommendation is dead.

#[test]
fn every_shipped_recommendation_fires_for_some_set_of_answers() {
    let catalogue = shipped();
    let mut unfired: HashSet<String> = catalogue
        .entries
        .iter()
        .flat_map(|e| &e.module.recommendations)
        .map(|r| r.id.clone())
        .collect();
    let total = unfired.len();
    let modules: Vec<Option<&Module>> = std::iter::once(None)
        .chain(catalogue.sectors().map(Some))
        .collect();
    let mut seed = 0x5eed_u64;
    'search: for round in 0..400 {
        for sector in &modules {
            for tilt in [Tilt::Low, Tilt::High, Tilt::Any] {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let a = random_assessment(catalogue, seed, *sector, tilt);
                let e = evaluate(catalogue, &a).unwrap();
                for id in e.advice.ids() {
                    unfired.remove(id);
                }
                if unfired.is_empty() {
                    eprintln!(
                        "all {total} recommendations fired within {} rounds",
                        round + 1
                    );
                    break 'search;
                }
            }
        }
    }
    let mut unfired: Vec<String> = unfired.into_iter().collect();
    unfired.sort();
    assert!(
        unfired.is_empty(),
        "never triggered by any of the tried answer sets: {unfired:?}"
    );
}

// ---------------------------------------------------------------------------
// The examples and the command line.

const EXAMPLES: [&str; 3] = [
    "examples/manufacturing-firm.ron",
    "examples/municipality.ron",
    "examples/region-health-transport.ron",
];

fn example(path: &str) -> Assessment {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    parse_assessment(path, &std::fs::read(full).unwrap()).unwrap()
}

/// The binary, with a fresh, empty data folder.
fn airedo(args: &[&str]) -> (i32, String, String) {
    let data = tempfile::tempdir().unwrap();
    common::airedo(data.path(), args)
}

#[test]
fn the_examples_are_complete_current_and_cover_the_three_cases() {
    let catalogue = shipped();
    let kinds: Vec<(OrgType, Option<String>, Vec<String>)> = EXAMPLES
        .iter()
        .map(|path| {
            let a = example(path);
            let e = evaluate(catalogue, &a).unwrap();
            assert!(e.migration.is_empty(), "{path}: {:?}", e.migration.lines());
            assert!(
                e.results.invalid_answers.is_empty(),
                "{path}: {:?}",
                e.results.invalid_answers
            );
            assert!(e.results.missing_modules.is_empty(), "{path}");
            assert!(
                e.results.completion.ratio() > 0.9,
                "{path}: {:?}",
                e.results.unanswered()
            );
            assert!(
                e.results.overall.is_some() && !e.advice.ranked.is_empty(),
                "{path}"
            );
            (
                a.profile.organisation,
                a.profile.primary_sector.clone(),
                a.profile.other_sectors.clone(),
            )
        })
        .collect();
    assert_eq!(kinds[0].0, OrgType::Company);
    assert_eq!(kinds[0].1.as_deref(), Some("manufacturing"));
    assert_eq!(kinds[1].0, OrgType::Municipality);
    assert_eq!(kinds[2].0, OrgType::Region);
    assert_eq!(
        (kinds[2].1.as_deref(), kinds[2].2.as_slice()),
        (Some("health"), ["mobility".to_string()].as_slice())
    );
}

#[test]
fn score_json_equals_the_core_results() {
    let catalogue = shipped();
    for path in EXAMPLES {
        let (code, out, err) = airedo(&["score", path, "--json"]);
        assert_eq!(code, 0, "{err}");
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        let e = evaluate(catalogue, &example(path)).unwrap();
        let round = |x: f64| (x * 10.0).round() / 10.0;
        assert_eq!(json["format"], 1);
        assert_eq!(
            json["overall"]["score"].as_f64(),
            e.results.overall.map(round),
            "{path}"
        );
        assert_eq!(
            json["overall"]["level"].as_u64(),
            e.results.level.map(u64::from)
        );
        for (d, j) in e
            .results
            .dimensions
            .iter()
            .zip(json["dimensions"].as_array().unwrap())
        {
            assert_eq!(j["id"], d.id.as_str());
            assert_eq!(j["score"].as_f64(), d.score.map(round), "{path} {}", d.id);
        }
        assert_eq!(
            json["completion"]["answered"].as_u64(),
            Some(e.results.completion.answered as u64)
        );
        let ids: Vec<&str> = json["recommendations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, e.advice.ids(), "{path}");
        assert!(json["first_steps"].as_array().unwrap().len() <= 5);
    }
}

#[test]
fn score_prints_profile_dimensions_levels_completion_and_first_steps() {
    let (code, out, err) = airedo(&["score", EXAMPLES[2]]);
    assert_eq!(code, 0, "{err}");
    let a = example(EXAMPLES[2]);
    assert!(out.starts_with(&a.profile.name), "{out}");
    for heading in [
        "Sectors:",
        "Answered",
        "DIMENSION",
        "SCORE",
        "Overall",
        "First steps",
    ] {
        assert!(out.contains(heading), "{heading} missing in\n{out}");
    }
    let core = shipped().core().unwrap();
    for d in &core.dimensions {
        assert!(out.contains(d.name.get(Lang::Sv)), "{}", d.id);
    }
    // In English on request.
    let (_, out_en, _) = airedo(&["score", EXAMPLES[2], "--lang", "en"]);
    assert!(out_en.contains("Data and infrastructure"), "{out_en}");
}

#[test]
fn compare_shows_the_change_and_refuses_different_organisations() {
    let dir = tempfile::tempdir().unwrap();
    let mut later = example(EXAMPLES[0]);
    let owner = "core.strategy.owner";
    later.answers.get_mut(owner).unwrap().answer = Answer::YesNo(true);
    let later_path = dir.path().join("later.ron");
    std::fs::write(&later_path, to_ron(&later)).unwrap();
    let (code, out, err) = airedo(&[
        "compare",
        EXAMPLES[0],
        later_path.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let strategy = json["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "strategy")
        .unwrap();
    assert!(strategy["change"].as_f64().unwrap() > 0.0, "{strategy}");
    let resolved: Vec<&str> = json["resolved_recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert!(resolved.contains(&"core.appoint_owner"), "{resolved:?}");

    let (code, out, _) = airedo(&["compare", EXAMPLES[0], later_path.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(
        out.contains("- Utse en ansvarig för AI i ledningen"),
        "{out}"
    );

    let (code, _, err) = airedo(&["compare", EXAMPLES[0], EXAMPLES[1]]);
    assert_eq!(code, 2);
    assert!(err.contains("different organisations"), "{err}");
}

#[test]
fn score_reports_a_broken_file_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(
        &path,
        "Assessment(format: 1, app_version: \"0.1.0\",\n  created: 7,",
    )
    .unwrap();
    let (code, _, err) = airedo(&["score", path.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains(&format!("{}:2:", path.display())), "{err}");
    std::fs::write(
        &path,
        to_ron(&example(EXAMPLES[0])).replace("format: 1", "format: 9"),
    )
    .unwrap();
    let (code, _, err) = airedo(&["score", path.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("assessment format 9 by a newer AI-redo"),
        "{err}"
    );
}

#[test]
fn answers_export_as_csv_with_swedish_letters_and_quoting() {
    let catalogue = shipped();
    let e = evaluate(catalogue, &example(EXAMPLES[2])).unwrap();
    let csv = airedo::export::answers_csv(&e, Lang::Sv);
    // A byte-order mark keeps å, ä and ö in spreadsheet programs.
    assert!(csv.starts_with('\u{feff}'));
    let rows: Vec<&str> = csv
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .filter(|r| !r.is_empty())
        .collect();
    assert_eq!(
        rows[0],
        "modul,avsnitt,fråga-id,fråga,svar,poäng (0-4),anteckning"
    );
    // One row per shown question that takes an answer.
    let shown = e
        .results
        .questions
        .iter()
        .filter(|q| q.state != QuestionState::Hidden)
        .filter(|q| {
            !matches!(
                catalogue.question(&q.id).unwrap().1.kind,
                QuestionKind::Info
            )
        })
        .count();
    assert_eq!(rows.len() - 1, shown);
    // A "don't know" is written as such and scores its question's lowest.
    let dont_know = rows
        .iter()
        .find(|r| r.contains("Vet inte"))
        .expect("the example has a don't know");
    assert!(dont_know.contains(",Vet inte,"), "{dont_know}");
    // Fields with commas are quoted.
    assert!(
        rows.iter().any(|r| r.contains("\"")),
        "some field needs quoting"
    );
}

#[test]
fn history_lines_up_one_organisations_assessments_oldest_first() {
    use airedo::assessment::Timestamp;
    use airedo::history::{earlier, history};
    let catalogue = Catalogue::builtin();
    let base = parse_assessment(
        "examples/municipality.ron",
        &std::fs::read("examples/municipality.ron").unwrap(),
    )
    .unwrap();
    let at = |date: &str, plan: u8| {
        let mut a = base.clone();
        a.updated = Timestamp(format!("{date}T08:00:00Z"));
        a.answers.get_mut("core.strategy.plan").unwrap().answer = Answer::Scale(plan);
        a
    };
    let current = at("2026-06-01", 4);
    let later = at("2026-09-01", 4);
    let oldest = at("2024-06-01", 0);
    let middle = at("2025-06-01", 2);
    let mut stranger = at("2025-01-01", 1);
    stranger.profile.name = "Grannkommunen".into();
    // Out of order, with a later file and another organisation among them.
    let others = [&middle, &later, &stranger, &oldest];
    let found = earlier(&current, others);
    assert_eq!(
        found,
        [&oldest, &middle],
        "same organisation, earlier, oldest first"
    );
    let line = history(&catalogue, &found, &current);
    let dates: Vec<&str> = line.points.iter().map(|p| p.updated.date()).collect();
    assert_eq!(dates, ["2024-06-01", "2025-06-01", "2026-06-01"]);
    // Each point is the core's own score of that file.
    for (point, assessment) in line.points.iter().zip([&oldest, &middle, &current]) {
        let results = evaluate(&catalogue, assessment).unwrap().results;
        assert_eq!(point.overall, results.overall);
        assert_eq!(
            point.score("strategy"),
            results.dimension("strategy").unwrap().score
        );
    }
    let first = line.points[0].score("strategy").unwrap();
    let last = line.points[2].score("strategy").unwrap();
    assert_eq!(line.change("strategy"), Some(last - first));
    assert!(last > first);
    assert_eq!(line.change("no-such-dimension"), None);
}
