//! Several respondents merged, and many organisations rolled up into an
//! anonymised benchmark (`airedo::group`, `airedo merge`, `airedo rollup`),
//! on the shipped catalogue and variants of the example assessments.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use airedo::assessment::{Assessment, GivenAnswer, Timestamp, parse_assessment, to_ron};
use airedo::catalogue::Catalogue;
use airedo::evaluation::evaluate;
use airedo::group::merge::{MergeError, merge, read_and_merge, spread_path};
use airedo::group::rollup::{GroupBy, MIN_GROUP_SIZE, from_ron, rollup};
use airedo::group::stats::quantile;
use airedo::questionnaire::{Answer, OrgType};

const FIRM: &str = include_str!("../examples/manufacturing-firm.ron");
const MUNICIPALITY: &str = include_str!("../examples/municipality.ron");

fn example(text: &str) -> Assessment {
    parse_assessment("example", text.as_bytes()).unwrap()
}

fn answer(assessment: &mut Assessment, question: &str, answer: Answer) {
    assessment
        .answers
        .get_mut(question)
        .unwrap_or_else(|| panic!("{question} is answered in the example"))
        .answer = answer;
}

fn write(dir: &Path, name: &str, assessment: &Assessment) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, to_ron(assessment)).unwrap();
    path
}

fn overall(catalogue: &Catalogue, assessment: &Assessment) -> Option<f64> {
    evaluate(catalogue, assessment).unwrap().results.overall
}

/// Three respondents of the manufacturing firm who differ on five questions.
fn three_respondents() -> Vec<Assessment> {
    let answers = [
        // plan, ai_first, owner, goals, data.quality
        (1, 0, false, "none", Answer::Scale(1)),
        (4, 3, true, "general", Answer::DontKnow),
        (2, 0, true, "measurable", Answer::DontKnow),
    ];
    let names = [Some("Göran Åkerlund"), None, Some("Lina Berg")];
    let roles = [Some("VD"), Some("IT-ansvarig"), None];
    answers
        .into_iter()
        .zip(names.into_iter().zip(roles))
        .map(|((plan, ai_first, owner, goals, quality), (name, role))| {
            let mut a = example(FIRM);
            answer(&mut a, "core.strategy.plan", Answer::Scale(plan));
            answer(&mut a, "core.strategy.ai_first", Answer::Scale(ai_first));
            answer(&mut a, "core.strategy.owner", Answer::YesNo(owner));
            answer(&mut a, "core.strategy.goals", Answer::Choice(goals.into()));
            answer(&mut a, "core.data.quality", quality);
            a.respondent.name = name.map(String::from);
            a.respondent.role = role.map(String::from);
            a
        })
        .collect()
}

fn inputs(assessments: Vec<Assessment>) -> Vec<(PathBuf, Assessment)> {
    assessments
        .into_iter()
        .enumerate()
        .map(|(i, a)| (PathBuf::from(format!("r{}.ron", i + 1)), a))
        .collect()
}

#[test]
fn merge_arithmetic_matches_a_hand_computation() {
    let catalogue = Catalogue::builtin();
    let respondents = three_respondents();
    let own: Vec<Option<f64>> = respondents.iter().map(|a| overall(&catalogue, a)).collect();
    let merged = merge(&catalogue, &inputs(respondents)).unwrap();

    // Labels: name and role, else "respondent N".
    let labels: Vec<&str> = merged
        .respondents
        .iter()
        .map(|r| r.label.as_str())
        .collect();
    assert_eq!(
        labels,
        [
            "Göran Åkerlund (VD)",
            "respondent 2 (IT-ansvarig)",
            "Lina Berg"
        ]
    );
    let merged_own: Vec<Option<f64>> = merged.respondents.iter().map(|r| r.overall).collect();
    assert_eq!(merged_own, own, "each respondent's own score is theirs");

    let spread = |id: &str| merged.questions.iter().find(|q| q.question == id).unwrap();
    // plan: scale 1, 4, 2 → min 1, median 2, max 4; combined step 2.
    let plan = spread("core.strategy.plan");
    assert_eq!(
        (plan.min(), plan.median(), plan.max(), plan.n()),
        (Some(1.0), Some(2.0), Some(4.0), 3)
    );
    assert_eq!(plan.combined, Answer::Scale(2));
    // owner: no (0), yes (4), yes (4) → median 4 → yes.
    let owner = spread("core.strategy.owner");
    assert_eq!(
        (owner.min(), owner.median(), owner.max()),
        (Some(0.0), Some(4.0), Some(4.0))
    );
    assert_eq!(owner.combined, Answer::YesNo(true));
    // goals: none (0), general (2), measurable (4) → median 2 → general.
    let goals = spread("core.strategy.goals");
    assert_eq!(goals.median(), Some(2.0));
    assert_eq!(goals.combined, Answer::Choice("general".into()));
    // quality: scale 1 and two "don't know": counted apart, and as more said
    // "don't know" than gave a score, the combined answer is "don't know".
    let quality = spread("core.data.quality");
    assert_eq!(
        (quality.n(), quality.dont_know, quality.median()),
        (1, 2, Some(1.0))
    );
    assert_eq!(quality.combined, Answer::DontKnow);
    // Free text is never merged.
    assert!(
        merged
            .combined
            .answers
            .values()
            .all(|g| !matches!(g.answer, Answer::Text(_)))
    );
    assert!(
        merged
            .questions
            .iter()
            .all(|q| q.question != "core.use_cases.wish")
    );

    // Disagreements: owner and goals range 4, plan and ai_first range 3,
    // each pair in answering order (owner, plan, ai_first, goals).
    let order: Vec<(&str, f64)> = merged
        .disagreements()
        .iter()
        .map(|q| (q.question.as_str(), q.range()))
        .collect();
    assert_eq!(
        order,
        [
            ("core.strategy.owner", 4.0),
            ("core.strategy.goals", 4.0),
            ("core.strategy.plan", 3.0),
            ("core.strategy.ai_first", 3.0),
        ]
    );
    // Who said what: every respondent's own answer, in order.
    let said: Vec<(usize, &Answer)> = order_answers(&merged, "core.strategy.owner");
    assert_eq!(
        said,
        [
            (0, &Answer::YesNo(false)),
            (1, &Answer::YesNo(true)),
            (2, &Answer::YesNo(true))
        ]
    );

    // The combined assessment by hand: the example's answers with the
    // medians above and without free text, scored the normal way.
    let mut by_hand = example(FIRM);
    answer(&mut by_hand, "core.strategy.plan", Answer::Scale(2));
    answer(&mut by_hand, "core.strategy.ai_first", Answer::Scale(0));
    answer(&mut by_hand, "core.strategy.owner", Answer::YesNo(true));
    answer(
        &mut by_hand,
        "core.strategy.goals",
        Answer::Choice("general".into()),
    );
    answer(&mut by_hand, "core.data.quality", Answer::DontKnow);
    by_hand
        .answers
        .retain(|_, g| !matches!(g.answer, Answer::Text(_)));
    assert_eq!(merged.overall, overall(&catalogue, &by_hand));
    assert_eq!(merged.overall, overall(&catalogue, &merged.combined));
    let combined_results = evaluate(&catalogue, &merged.combined).unwrap().results;
    let by_hand_results = evaluate(&catalogue, &by_hand).unwrap().results;
    assert_eq!(combined_results.dimensions, by_hand_results.dimensions);
    assert_eq!(
        merged.combined.respondent.role.as_deref(),
        Some("Sammanställning av 3 svarande")
    );
    assert_eq!(merged.combined.respondent.name, None);
}

fn order_answers<'m>(
    merged: &'m airedo::group::merge::Merged,
    id: &str,
) -> Vec<(usize, &'m Answer)> {
    let q = merged.questions.iter().find(|q| q.question == id).unwrap();
    q.answers.iter().map(|(r, a)| (*r, a)).collect()
}

#[test]
fn an_even_split_takes_the_lower_middle() {
    let catalogue = Catalogue::builtin();
    let mut low = example(FIRM);
    let mut high = example(FIRM);
    answer(&mut low, "core.strategy.plan", Answer::Scale(1));
    answer(&mut high, "core.strategy.plan", Answer::Scale(4));
    answer(
        &mut low,
        "core.strategy.goals",
        Answer::Choice("none".into()),
    );
    answer(
        &mut high,
        "core.strategy.goals",
        Answer::Choice("measurable".into()),
    );
    answer(&mut low, "core.strategy.owner", Answer::YesNo(false));
    answer(&mut high, "core.strategy.owner", Answer::YesNo(true));
    let merged = merge(&catalogue, &inputs(vec![high, low])).unwrap();
    let combined = |id: &str| &merged.combined.answers[id].answer;
    // Scale 1 and 4: median 2.5, the step nearest with halves down is 2.
    assert_eq!(combined("core.strategy.plan"), &Answer::Scale(2));
    // Choices 0 and 4: median 2, both as near; the lower is taken.
    assert_eq!(
        combined("core.strategy.goals"),
        &Answer::Choice("none".into())
    );
    assert_eq!(combined("core.strategy.owner"), &Answer::YesNo(false));
}

#[test]
fn files_of_different_organisations_are_refused() {
    let catalogue = Catalogue::builtin();
    let dir = tempfile::tempdir().unwrap();
    let firm = write(dir.path(), "verkstad.ron", &example(FIRM));
    let municipality = write(dir.path(), "kommun.ron", &example(MUNICIPALITY));
    let error = read_and_merge(&[firm.clone(), municipality.clone()], &catalogue).unwrap_err();
    assert!(matches!(error, MergeError::DifferentOrganisations { .. }));
    let message = error.to_string();
    assert!(
        message.contains("verkstad.ron") && message.contains("kommun.ron"),
        "{message}"
    );

    let data = tempfile::tempdir().unwrap();
    let (code, _, stderr) = common::airedo(
        data.path(),
        &[
            "merge",
            firm.to_str().unwrap(),
            municipality.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 2);
    assert!(
        stderr.contains("verkstad.ron") && stderr.contains("kommun.ron"),
        "{stderr}"
    );
    assert!(!dir.path().join("combined.ron").exists(), "nothing written");
}

#[test]
fn an_unreadable_file_is_skipped_and_listed() {
    let catalogue = Catalogue::builtin();
    let dir = tempfile::tempdir().unwrap();
    let [a, b, _] = <[Assessment; 3]>::try_from(three_respondents()).unwrap();
    let first = write(dir.path(), "a.ron", &a);
    let second = write(dir.path(), "b.ron", &b);
    let broken = dir.path().join("broken.ron");
    fs::write(&broken, "Assessment(format: 1,").unwrap();
    let files = [first, broken.clone(), second];
    let merged = read_and_merge(&files, &catalogue).unwrap();
    assert_eq!(merged.respondents.len(), 2);
    assert_eq!(merged.skipped.len(), 1);
    assert_eq!(merged.skipped[0].path, broken);
    assert!(!merged.skipped[0].reason.is_empty());
    assert_eq!(
        fs::read_to_string(&broken).unwrap(),
        "Assessment(format: 1,",
        "input untouched"
    );

    // One readable file is not enough.
    let error = read_and_merge(&files[..2], &catalogue).unwrap_err();
    assert!(
        matches!(error, MergeError::TooFew { readable: 1, .. }),
        "{error}"
    );
}

#[test]
fn answers_to_older_module_versions_are_migrated_and_reported() {
    let catalogue = Catalogue::builtin();
    let [current, mut older, _] = <[Assessment; 3]>::try_from(three_respondents()).unwrap();
    for given in older.answers.values_mut() {
        given.version = 0;
    }
    let expected = overall(&catalogue, &older);
    let merged = merge(&catalogue, &inputs(vec![current, older.clone()])).unwrap();
    assert!(merged.respondents[0].migration.is_empty());
    let note = &merged.respondents[1].migration;
    assert_eq!(note.kept(), older.answers.len());
    assert_eq!(merged.respondents[1].overall, expected);
    // The combined file is written at the current versions.
    let core = catalogue.core().unwrap();
    assert!(
        merged
            .combined
            .answers
            .values()
            .all(|g: &GivenAnswer| g.module != core.id || g.version == core.version)
    );
}

#[test]
fn merge_on_the_command_line_writes_a_combined_file_that_scores() {
    let catalogue = Catalogue::builtin();
    let dir = tempfile::tempdir().unwrap();
    let [a, b, mut c] = <[Assessment; 3]>::try_from(three_respondents()).unwrap();
    for given in c.answers.values_mut() {
        given.version = 0;
    }
    let files = [
        write(dir.path(), "a.ron", &a),
        write(dir.path(), "b.ron", &b),
        write(dir.path(), "c.ron", &c),
    ];
    let before: Vec<Vec<u8>> = files.iter().map(|f| fs::read(f).unwrap()).collect();
    let out = dir.path().join("team.ron");
    let data = tempfile::tempdir().unwrap();
    let mut args = vec!["merge"];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    args.extend(["-o", out.to_str().unwrap()]);
    let (code, stdout, stderr) = common::airedo(data.path(), &args);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Largest disagreements"), "{stdout}");
    assert!(stdout.contains("core.strategy.owner"), "{stdout}");
    assert!(stdout.contains("Migration of Lina Berg"), "{stdout}");
    let after: Vec<Vec<u8>> = files.iter().map(|f| fs::read(f).unwrap()).collect();
    assert_eq!(before, after, "inputs untouched");

    // The combined file is an ordinary assessment; `airedo score` gives the
    // score the core gave the merge.
    let merged = read_and_merge(&files, &catalogue).unwrap();
    let written = airedo::storage::read(&out, &catalogue).unwrap();
    assert_eq!(written, merged.combined);
    let (code, json, _) = common::airedo(data.path(), &["score", out.to_str().unwrap(), "--json"]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let expected = (merged.overall.unwrap() * 10.0).round() / 10.0;
    assert_eq!(json["overall"]["score"].as_f64(), Some(expected));
    // The spread sits beside it.
    let spread = fs::read_to_string(spread_path(&out)).unwrap();
    assert!(spread.contains("core.strategy.plan"), "{spread}");
    assert!(dir.path().join("team.spread.ron").exists());

    // The JSON form, with a skipped file and exit 1.
    let broken = dir.path().join("broken.ron");
    fs::write(&broken, "").unwrap();
    let out2 = dir.path().join("team2.ron");
    let (code, json, stderr) = common::airedo(
        data.path(),
        &[
            "merge",
            files[0].to_str().unwrap(),
            broken.to_str().unwrap(),
            files[1].to_str().unwrap(),
            "-o",
            out2.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("broken.ron"), "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["respondents"].as_array().unwrap().len(), 2);
    assert_eq!(json["skipped"].as_array().unwrap().len(), 1);
    assert_eq!(json["disagreements"][0]["question"], "core.strategy.owner");
}

/// An organisation with every identifying detail set to a marked string.
fn identifiable(base: &str, n: usize, organisation: OrgType) -> Assessment {
    let mut a = example(base);
    a.profile.name = format!("Hemligt Namn {n} AB");
    a.profile.organisation = organisation;
    a.profile.place = Some(format!("Hemlig Ort {n}"));
    a.respondent.name = Some(format!("Hemlig Person {n}"));
    a.respondent.role = Some(format!("Hemlig Roll {n}"));
    a.notes
        .insert("strategy".into(), format!("Hemlig anteckning {n}"));
    for given in a.answers.values_mut() {
        if let Answer::Text(text) = &mut given.answer {
            *text = format!("Hemlig fritext {n}");
        }
    }
    a
}

#[test]
fn the_benchmark_holds_no_names_places_people_notes_or_free_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut secrets = Vec::new();
    for n in 0..12 {
        let (base, org) = if n % 2 == 0 {
            (FIRM, OrgType::Company)
        } else {
            (MUNICIPALITY, OrgType::Municipality)
        };
        let a = identifiable(base, n, org);
        assert!(
            a.answers
                .values()
                .any(|g| matches!(g.answer, Answer::Text(_)))
        );
        secrets.push(a.profile.name.clone());
        write(dir.path(), &format!("hemligt-filnamn-{n}.ron"), &a);
    }
    let out = tempfile::tempdir().unwrap();
    let benchmark = out.path().join("benchmark.ron");
    let data = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = common::airedo(
        data.path(),
        &[
            "rollup",
            dir.path().to_str().unwrap(),
            "-o",
            benchmark.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("12 organisations"), "{stdout}");
    let bytes = fs::read(&benchmark).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    for marker in ["Hemlig", "hemlig", "HEMLIG", "filnamn", "Borås", "Åkerlund"] {
        assert!(
            !text.contains(marker),
            "`{marker}` in the benchmark:\n{text}"
        );
    }
    // Nor anything from the examples' own free text and notes.
    for a in [example(FIRM), example(MUNICIPALITY)] {
        let mut strings = vec![a.profile.name.clone()];
        strings.extend(a.profile.place.clone());
        strings.extend(a.respondent.name.clone());
        strings.extend(a.respondent.role.clone());
        strings.extend(a.notes.values().cloned());
        for s in strings {
            assert!(!text.contains(&s), "`{s}` in the benchmark");
        }
    }
    let parsed = from_ron(&text).unwrap();
    assert_eq!(parsed.organisations, 12);
    assert_eq!(parsed.format, airedo::group::rollup::BENCHMARK_FORMAT);
}

#[test]
fn a_group_of_four_is_suppressed_and_five_is_shown() {
    let catalogue = Catalogue::builtin();
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    let mut company_scores = Vec::new();
    for n in 0..5 {
        let mut a = identifiable(FIRM, n, OrgType::Company);
        // Different scores per company, so the quartiles are checked.
        answer(&mut a, "core.strategy.plan", Answer::Scale(n as u8));
        company_scores.push(overall(&catalogue, &a).unwrap());
        files.push(write(dir.path(), &format!("c{n}.ron"), &a));
    }
    for n in 0..4 {
        let a = identifiable(MUNICIPALITY, 10 + n, OrgType::Municipality);
        files.push(write(dir.path(), &format!("m{n}.ron"), &a));
    }
    // An older file of company 0, with higher answers: left out.
    let mut older = identifiable(FIRM, 0, OrgType::Company);
    answer(&mut older, "core.strategy.plan", Answer::Scale(4));
    answer(&mut older, "core.strategy.owner", Answer::YesNo(true));
    older.updated = Timestamp("2020-01-01T00:00:00Z".into());
    files.push(write(dir.path(), "c0-old.ron", &older));

    let rollup = rollup(&files, &catalogue, Timestamp("2026-12-01T00:00:00Z".into())).unwrap();
    let b = &rollup.benchmark;
    assert_eq!((b.organisations, rollup.duplicates), (9, 1));
    let group = |by: GroupBy| b.groups.iter().find(|g| g.by == by).unwrap();
    let municipalities = group(GroupBy::OrganisationType(OrgType::Municipality));
    assert_eq!(municipalities.organisations, 4);
    assert_eq!(
        municipalities.figures, None,
        "a group of 4 shows no figures"
    );
    let companies = group(GroupBy::OrganisationType(OrgType::Company));
    assert_eq!(companies.organisations, MIN_GROUP_SIZE);
    let d = companies
        .figures
        .as_ref()
        .unwrap()
        .overall
        .as_ref()
        .unwrap();
    let r1 = |v: f64| (v * 10.0).round() / 10.0;
    assert_eq!(d.n, 5);
    assert_eq!(d.q1, r1(quantile(&company_scores, 0.25).unwrap()));
    assert_eq!(d.median, r1(quantile(&company_scores, 0.5).unwrap()));
    assert_eq!(d.q3, r1(quantile(&company_scores, 0.75).unwrap()));
    // By hand: five scores sorted; quartiles of five values are the 2nd and 4th.
    let mut sorted = company_scores.clone();
    sorted.sort_by(f64::total_cmp);
    assert_eq!(
        (d.q1, d.median, d.q3),
        (r1(sorted[1]), r1(sorted[2]), r1(sorted[3]))
    );
    assert_eq!(group(GroupBy::All).organisations, 9);
    assert_eq!(group(GroupBy::Sector("public_sector".into())).figures, None);
    // First steps are named only when at least five organisations share them.
    assert!(!b.first_steps.is_empty());
    assert!(
        b.first_steps
            .iter()
            .all(|s| s.organisations >= MIN_GROUP_SIZE)
    );
    let municipal_only: Vec<String> = evaluate(&catalogue, &example(MUNICIPALITY))
        .unwrap()
        .advice
        .first_step_ids()
        .into_iter()
        .map(String::from)
        .filter(|id| {
            !evaluate(&catalogue, &example(FIRM))
                .unwrap()
                .advice
                .first_step_ids()
                .contains(&id.as_str())
        })
        .collect();
    assert!(!municipal_only.is_empty());
    for id in municipal_only {
        assert!(
            b.first_steps.iter().all(|s| s.recommendation != id),
            "{id} fired for 4"
        );
    }
}

#[test]
fn rollup_on_the_command_line_lists_unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..6 {
        write(
            dir.path(),
            &format!("f{n}.ron"),
            &identifiable(FIRM, n, OrgType::Company),
        );
    }
    fs::write(dir.path().join("trasig.ron"), "inte ron").unwrap();
    fs::write(dir.path().join("readme.txt"), "not an assessment").unwrap();
    let out = dir.path().join("out").join("benchmark.ron");
    let data = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = common::airedo(
        data.path(),
        &[
            "rollup",
            dir.path().to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stderr.contains("trasig.ron"), "{stderr}");
    assert!(!stderr.contains("readme.txt"), "{stderr}");
    let benchmark = from_ron(&fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(benchmark.organisations, 6);
    assert!(!fs::read_to_string(&out).unwrap().contains("trasig"));
}
