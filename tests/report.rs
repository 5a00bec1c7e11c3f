//! The PDF report, read back: the real examples and the real catalogue go in,
//! the real PDF is parsed with lopdf, and what a reader gets is checked
//! against the core's own results.

use std::collections::BTreeSet;

use airedo::assessment::{Assessment, Profile, Timestamp, parse_assessment};
use airedo::catalogue::Catalogue;
use airedo::evaluation::{Evaluation, evaluate};
use airedo::questionnaire::{Answer, Lang, OrgType, QuestionKind, SizeBand};
use airedo::report::{self, Geometry, Item, Page, ReportInput};
use airedo::wording::score_text;
use lopdf::{Document, Object};

mod common;

const EXAMPLES: [&str; 3] = [
    "examples/manufacturing-firm.ron",
    "examples/municipality.ron",
    "examples/region-health-transport.ron",
];

/// A fixed moment (2026-11-23 10:00 UTC), so reports are comparable.
const GENERATED: i64 = 1_795_428_000;

fn example(path: &str) -> Assessment {
    let bytes = std::fs::read(path).unwrap();
    parse_assessment(path, &bytes).unwrap()
}

fn build(catalogue: &Catalogue, evaluation: &Evaluation, lang: Lang) -> report::Report {
    report::build(&ReportInput {
        catalogue,
        evaluation,
        previous: None,
        peers: None,
        spread: None,
        lang,
        generated: GENERATED,
    })
    .unwrap()
}

/// The text of every page, as lopdf extracts it through the fonts'
/// /ToUnicode maps: what copying out of the PDF gives.
fn pdf_text(doc: &Document) -> String {
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).unwrap()
}

/// The body text of every page, without the running header and footer, so
/// that text running over a page break reads on (squashed, see [`flat`]).
fn body_text(doc: &Document, pages: &[Page]) -> String {
    let mut out = String::new();
    for (number, page) in doc.get_pages().keys().zip(pages) {
        let mut text = flat(&doc.extract_text(&[*number]).unwrap());
        for item in &page.furniture {
            if let Item::Text {
                text: furniture, ..
            } = item
            {
                text = text.replacen(&flat(furniture), "", 1);
            }
        }
        out.push_str(&text);
    }
    out
}

/// Text without any white space. lopdf joins the text of separate drawing
/// operations without spaces (it does not infer them from positions), and a
/// sentence may wrap anywhere, so both sides of a comparison are squashed.
fn flat(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn info_string(doc: &Document, key: &[u8]) -> String {
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .unwrap();
    match info.get(key).unwrap() {
        Object::String(bytes, _) if bytes.starts_with(&[0xfe, 0xff]) => {
            let units: Vec<u16> = bytes[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).unwrap()
        }
        Object::String(bytes, _) => String::from_utf8_lossy(bytes).into_owned(),
        other => panic!("{other:?}"),
    }
}

/// Every item inside its area: the body inside the body, the running header
/// and footer inside the margins.
fn assert_within_margins(pages: &[Page]) {
    let g = Geometry::A4;
    for (number, page) in pages.iter().enumerate() {
        for item in &page.body {
            assert!(
                g.body.contains(&item.bounds()),
                "page {}: {item:?} leaves the body {:?}",
                number + 1,
                g.body
            );
        }
        for item in &page.furniture {
            assert!(
                g.margins.contains(&item.bounds()),
                "page {}: {item:?} leaves the margins",
                number + 1
            );
        }
    }
}

#[test]
fn every_example_in_both_languages_matches_the_core() {
    let catalogue = Catalogue::builtin();
    let core = catalogue.core().unwrap();
    for path in EXAMPLES {
        let assessment = example(path);
        let evaluation = evaluate(&catalogue, &assessment).unwrap();
        for lang in [Lang::Sv, Lang::En] {
            let report = build(&catalogue, &evaluation, lang);
            let doc = Document::load_mem(&report.pdf).unwrap();
            let context = format!("{path} ({lang:?})");

            // The page count the layout made is the page count of the file,
            // and the footer counts the same pages.
            let count = report.pages.len();
            assert_eq!(doc.get_pages().len(), count, "{context}");
            assert!(count >= 10, "{context}: only {count} pages");
            let text = flat(&pdf_text(&doc));
            let page_word = if lang == Lang::Sv { "Sida" } else { "Page" };
            let of = if lang == Lang::Sv { "av" } else { "of" };
            assert!(
                text.contains(&flat(&format!("{page_word} {count} {of} {count}"))),
                "{context}: no footer on the last page"
            );

            // The organisation, every dimension with its score and level,
            // and the overall score, as the core computed them.
            assert!(text.contains(&flat(&assessment.profile.name)), "{context}");
            let text_has = |needle: &str| text.contains(&flat(needle));
            let level_word = if lang == Lang::Sv { "nivå" } else { "level" };
            for d in &evaluation.results.dimensions {
                let dimension = core.dimensions.iter().find(|x| x.id == d.id).unwrap();
                let name = dimension.name.get(lang);
                assert!(text_has(name), "{context}: {name} missing");
                let expected = format!(
                    "{} · {level_word} {}",
                    score_text(d.score.unwrap(), lang),
                    d.level.unwrap()
                );
                assert!(text_has(&expected), "{context}: `{expected}` missing");
            }
            let overall = evaluation.results.overall.unwrap();
            let overall_text = score_text(overall, lang);
            let points = if lang == Lang::Sv {
                "poäng av 100"
            } else {
                "points out of 100"
            };
            assert!(
                text_has(&format!("{overall_text} {points}")),
                "{context}: overall score {overall_text} missing"
            );
            let level = core
                .maturity_level(evaluation.results.level.unwrap())
                .unwrap();
            assert!(text_has(level.name.get(lang)), "{context}");

            // Every recommendation that fired, by its title; and every first
            // step's strategy reference.
            for triggered in &evaluation.advice.ranked {
                let title = flat(triggered.recommendation.title.get(lang));
                assert!(text.contains(&title), "{context}: `{title}` missing");
            }
            for step in evaluation.advice.first_steps() {
                let reference = format!(
                    "723 final, {} {}",
                    if lang == Lang::Sv {
                        "avsnitt"
                    } else {
                        "section"
                    },
                    step.recommendation.strategy_ref
                );
                assert!(text_has(&reference), "{context}: `{reference}` missing");
            }

            // Every part is there.
            let parts: &[&str] = match lang {
                Lang::Sv => &[
                    "Sammanfattning",
                    "Resultat per dimension",
                    "Första stegen",
                    "Dimensionerna en och en",
                    "Er sektor i EU:s strategi",
                    "Bilaga: frågor och svar",
                    "Så beräknas resultatet",
                    "Källor",
                ],
                Lang::En => &[
                    "Summary",
                    "Results by dimension",
                    "First steps",
                    "The dimensions one by one",
                    "Your sector in the EU strategy",
                    "Appendix: questions and answers",
                    "How the results are computed",
                    "Sources",
                ],
            };
            for part in parts {
                assert!(text_has(part), "{context}: part `{part}` missing");
            }
            assert_within_margins(&report.pages);
        }
    }
}

#[test]
fn the_pdf_embeds_subset_fonts_and_says_who_and_what_it_is() {
    let catalogue = Catalogue::builtin();
    let assessment = example(EXAMPLES[1]);
    let evaluation = evaluate(&catalogue, &assessment).unwrap();
    let report = build(&catalogue, &evaluation, Lang::Sv);
    let doc = Document::load_mem(&report.pdf).unwrap();

    // Two faces, each a Type0 font whose descendant embeds a subset program
    // (a six-letter tag before the name) and maps back to Unicode.
    let mut faces = BTreeSet::new();
    for (_, object) in doc.objects.iter() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Type").and_then(Object::as_name).ok() != Some(b"FontDescriptor") {
            continue;
        }
        let name =
            String::from_utf8(dict.get(b"FontName").unwrap().as_name().unwrap().to_vec()).unwrap();
        assert_eq!(name.find('+'), Some(6), "{name} is not marked as a subset");
        let program = dict
            .get(b"FontFile2")
            .and_then(Object::as_reference)
            .expect("the font program is embedded");
        let stream = doc.get_object(program).unwrap().as_stream().unwrap();
        let bytes = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone());
        assert!(
            bytes.len() > 1_000 && bytes.len() < 120_000,
            "{name}: a {} byte program is not a subset",
            bytes.len()
        );
        faces.insert(name[7..].to_string());
    }
    assert_eq!(
        faces,
        BTreeSet::from(["NotoSans-Bold".to_string(), "NotoSans-Regular".to_string()])
    );
    for (_, object) in doc.objects.iter() {
        if let Ok(dict) = object.as_dict()
            && dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0")
        {
            assert!(dict.has(b"ToUnicode"), "a font without /ToUnicode");
        }
    }

    // Metadata: title, author, language, creation date, and a title bar
    // that shows the title rather than the file name.
    assert_eq!(
        info_string(&doc, b"Title"),
        "Rapport om AI-mognad – Älvdalby kommun"
    );
    assert_eq!(info_string(&doc, b"Author"), "Älvdalby kommun");
    assert!(info_string(&doc, b"CreationDate").starts_with("D:20261123"));
    let catalog = doc.catalog().unwrap();
    assert_eq!(
        catalog.get(b"Lang").unwrap().as_str().unwrap(),
        b"sv-SE".as_slice()
    );
    let prefs = catalog
        .get(b"ViewerPreferences")
        .unwrap()
        .as_dict()
        .unwrap();
    assert_eq!(
        prefs.get(b"DisplayDocTitle").unwrap(),
        &Object::Boolean(true)
    );
    assert!(catalog.has(b"Outlines"), "no outline for navigation");

    // The English report says so.
    let english = build(&catalogue, &evaluation, Lang::En);
    let doc = Document::load_mem(&english.pdf).unwrap();
    assert_eq!(
        doc.catalog()
            .unwrap()
            .get(b"Lang")
            .unwrap()
            .as_str()
            .unwrap(),
        b"en-GB".as_slice()
    );
    assert!(info_string(&doc, b"Title").starts_with("AI readiness report"));
}

/// An assessment of a firm with every module selected, every question
/// answered, a 200-character name with å, ä and ö, and 5,000-character
/// notes and free-text answers.
fn everything_at_length(catalogue: &Catalogue) -> Assessment {
    let name: String = "Åkerström & Öhman Ärlighetsbolaget AB Göteborg "
        .chars()
        .cycle()
        .take(200)
        .collect();
    assert_eq!(name.chars().count(), 200);
    let sectors: Vec<String> = catalogue.sectors().map(|m| m.id.clone()).collect();
    let mut assessment = Assessment::new(
        Profile {
            name: name.trim().to_string(),
            organisation: OrgType::Company,
            size: Some(SizeBand::Medium),
            place: Some("Västra Götaland".into()),
            primary_sector: sectors.first().cloned(),
            other_sectors: sectors[1..].to_vec(),
        },
        Lang::Sv,
    );
    assessment.respondent.name = Some("Märta Åström-Öberg".into());
    assessment.respondent.role = Some("VD".into());
    let long_text: String = "Vi har diskuterat frågan länge på ledningsgruppens möten och är överens om att någon åtgärd behövs snart. "
        .chars()
        .cycle()
        .take(5_000)
        .collect();
    let modules: Vec<_> = assessment.modules(catalogue).0;
    let mut answers = Vec::new();
    for module in &modules {
        for (i, question) in module.questions().enumerate() {
            let answer = match &question.kind {
                QuestionKind::SingleChoice { options } => {
                    Answer::Choice(options[i % options.len()].id.clone())
                }
                QuestionKind::MultipleChoice { options, .. } => {
                    Answer::Choices(vec![options[0].id.clone()])
                }
                QuestionKind::Scale { .. } => Answer::Scale((i % 5) as u8),
                QuestionKind::YesNo { .. } => Answer::YesNo(i % 2 == 0),
                QuestionKind::FreeText => Answer::Text(long_text.clone()),
                QuestionKind::Info => continue,
            };
            answers.push((question.id.clone(), *module, answer));
        }
        for section in &module.sections {
            assessment
                .notes
                .insert(section.id.clone(), long_text.clone());
        }
    }
    for (id, module, answer) in answers {
        assessment.set_answer(&id, module, answer);
    }
    assessment.updated = Timestamp::from_unix(GENERATED);
    assessment
}

#[test]
fn long_input_never_leaves_the_margins() {
    let catalogue = Catalogue::builtin();
    let assessment = everything_at_length(&catalogue);
    let evaluation = evaluate(&catalogue, &assessment).unwrap();
    assert_eq!(evaluation.modules.len(), catalogue.entries.len());
    for lang in [Lang::Sv, Lang::En] {
        let report = build(&catalogue, &evaluation, lang);
        assert_within_margins(&report.pages);
        // The long name wraps on the cover and is cut with an ellipsis in
        // the running header; it is never lost.
        let doc = Document::load_mem(&report.pdf).unwrap();
        let text = flat(&pdf_text(&doc));
        assert!(text.contains(&flat(&assessment.profile.name)));
        let header = report.pages[1]
            .furniture
            .iter()
            .find_map(|item| match item {
                Item::Text { text, .. } if text.starts_with("Åkerström") => Some(text.clone()),
                _ => None,
            })
            .expect("the name in the running header");
        assert!(header.ends_with('…'), "{header}");
        // Every note, in full: its 5,000 characters come back out.
        let note = flat(assessment.notes.values().next().unwrap());
        assert!(body_text(&doc, &report.pages).contains(&note));
        // No page is empty, and the footer counts them all.
        for (i, page) in report.pages.iter().enumerate() {
            assert!(page.texts().count() > 3, "page {} is empty", i + 1);
        }
        assert!(report.pages.len() > 60, "{} pages", report.pages.len());
    }
}

/// A benchmark of `count` manufacturing firms, each the example firm with
/// its own name and a different answer on the strategy plan, rolled up by
/// the real `group::rollup`.
fn manufacturers_benchmark(catalogue: &Catalogue, count: u8) -> airedo::group::rollup::Benchmark {
    let folder = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for i in 0..count {
        let mut firm = example(EXAMPLES[0]);
        firm.profile.name = format!("Verkstad {i}");
        firm.answers.get_mut("core.strategy.plan").unwrap().answer = Answer::Scale(i % 5);
        let path = folder.path().join(format!("firm-{i}.ron"));
        std::fs::write(&path, airedo::assessment::to_ron(&firm)).unwrap();
        files.push(path);
    }
    let created = Timestamp("2026-11-30T12:00:00Z".into());
    airedo::group::rollup::rollup(&files, catalogue, created)
        .unwrap()
        .benchmark
}

#[test]
fn the_report_sets_the_scores_beside_organisations_like_it() {
    let catalogue = Catalogue::builtin();
    let benchmark = manufacturers_benchmark(&catalogue, 6);
    let firm = example(EXAMPLES[0]);
    let peers = airedo::group::peers::peers_of(&benchmark, &firm.profile).unwrap();
    assert_eq!(
        peers.group,
        &airedo::group::rollup::GroupBy::Sector("manufacturing".into())
    );
    let evaluation = evaluate(&catalogue, &firm).unwrap();
    let report = report::build(&ReportInput {
        catalogue: &catalogue,
        evaluation: &evaluation,
        previous: None,
        peers: Some(peers),
        spread: None,
        lang: Lang::Sv,
        generated: GENERATED,
    })
    .unwrap();
    let text = flat(&pdf_text(&Document::load_mem(&report.pdf).unwrap()));
    assert!(text.contains(&flat("Jämfört med organisationer som er")));
    assert!(text.contains(&flat("6 organisationer i sektorn Tillverkning")));
    // The strategy row: the firm's score, the group's median and middle half.
    let strategy = peers.dimension("strategy").unwrap();
    let score = evaluation
        .results
        .dimension("strategy")
        .unwrap()
        .score
        .unwrap();
    let expected = format!(
        "Strategi och ledarskap {} {} {}–{} 6",
        score_text(score, Lang::Sv),
        score_text(strategy.median, Lang::Sv),
        score_text(strategy.q1, Lang::Sv),
        score_text(strategy.q3, Lang::Sv),
    );
    assert!(text.contains(&flat(&expected)), "`{expected}` missing");
    // No one in the benchmark is named.
    assert!(!text.contains("Verkstad 3"));
    assert_within_margins(&report.pages);

    // Without a benchmark the section is not there.
    let plain = build(&catalogue, &evaluation, Lang::Sv);
    let text = flat(&pdf_text(&Document::load_mem(&plain.pdf).unwrap()));
    assert!(!text.contains(&flat("Jämfört med organisationer som er")));
}

#[test]
fn a_combined_assessment_shows_where_the_answers_differ() {
    let catalogue = Catalogue::builtin();
    let folder = tempfile::tempdir().unwrap();
    // Three people at one firm: they agree on everything but the plan
    // (0, 2 and 4) and the owner question (no, no, yes).
    let mut files = Vec::new();
    for (i, (plan, owner)) in [(0, false), (2, false), (4, true)].into_iter().enumerate() {
        let mut firm = example(EXAMPLES[0]);
        firm.respondent.name = Some(format!("Person {i}"));
        firm.answers.get_mut("core.strategy.plan").unwrap().answer = Answer::Scale(plan);
        firm.answers.get_mut("core.strategy.owner").unwrap().answer = Answer::YesNo(owner);
        let path = folder.path().join(format!("{i}.ron"));
        std::fs::write(&path, airedo::assessment::to_ron(&firm)).unwrap();
        files.push(path);
    }
    let merged = airedo::group::merge::read_and_merge(&files, &catalogue).unwrap();
    let spread = merged.spread_file();
    let evaluation = evaluate(&catalogue, &merged.combined).unwrap();
    let report = report::build(&ReportInput {
        catalogue: &catalogue,
        evaluation: &evaluation,
        previous: None,
        peers: None,
        spread: Some(&spread),
        lang: Lang::Sv,
        generated: GENERATED,
    })
    .unwrap();
    let text = flat(&pdf_text(&Document::load_mem(&report.pdf).unwrap()));
    assert!(text.contains(&flat("Där svaren skiljer sig")));
    assert!(text.contains(&flat("svar från 3 personer")));
    let question = |id: &str| {
        let (_, q) = catalogue.question(id).unwrap();
        q.text.get(Lang::Sv).to_string()
    };
    // The owner question (0 to 4) and the plan (0, 2, 4): lowest, median,
    // highest and count. A long question wraps in its cell, so the figures
    // come out of the PDF in the middle of its text: look for each apart.
    let at = text.find(&flat("Där svaren skiljer sig")).unwrap();
    let end = text[at..].find(&flat("Dimensionerna en och en")).unwrap() + at;
    let table = &text[at..end];
    for (id, figures) in [
        ("core.strategy.owner", "0043"),
        ("core.strategy.plan", "0243"),
    ] {
        let start: String = flat(&question(id)).chars().take(30).collect();
        assert!(table.contains(&start), "{id} missing from {table}");
        assert!(
            table.contains(figures),
            "{figures} for {id} missing from {table}"
        );
    }
    // A question they agreed on is not listed.
    let agreed: String = flat(&question("core.strategy.ai_first"))
        .chars()
        .take(30)
        .collect();
    assert!(!table.contains(&agreed), "{table}");
    // Each person's own score, by their label.
    assert!(
        table.contains(&flat("Person 0 (VD och delägare)")),
        "{table}"
    );
    assert_within_margins(&report.pages);
}

/// The command line end to end: three people's files merged, a region's
/// files rolled up, and the combined file's report showing both the spread
/// (found beside it) and the peers (from `--benchmark`).
#[test]
fn the_cli_reports_a_merged_assessment_against_a_benchmark() {
    let data = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let region = folder.path().join("region");
    std::fs::create_dir_all(&region).unwrap();
    let mut people = Vec::new();
    for i in 0..3u8 {
        let mut firm = example(EXAMPLES[0]);
        firm.respondent.name = Some(format!("Person {i}"));
        firm.answers.get_mut("core.strategy.plan").unwrap().answer = Answer::Scale(i * 2);
        let path = folder.path().join(format!("person-{i}.ron"));
        std::fs::write(&path, airedo::assessment::to_ron(&firm)).unwrap();
        people.push(path.display().to_string());
    }
    for i in 0..6u8 {
        let mut firm = example(EXAMPLES[0]);
        firm.profile.name = format!("Grannverkstad {i}");
        firm.answers.get_mut("core.strategy.plan").unwrap().answer = Answer::Scale(i % 5);
        std::fs::write(
            region.join(format!("{i}.ron")),
            airedo::assessment::to_ron(&firm),
        )
        .unwrap();
    }
    let combined = folder.path().join("combined.ron");
    let benchmark = folder.path().join("benchmark.ron");
    let pdf = folder.path().join("combined.pdf");
    let rollup_pdf = folder.path().join("rollup.pdf");
    let path = |p: &std::path::Path| p.display().to_string();
    let mut merge = vec!["merge".to_string()];
    merge.extend(people);
    merge.extend(["-o".into(), path(&combined)]);
    let runs: [Vec<String>; 3] = [
        merge,
        vec![
            "rollup".into(),
            path(&region),
            "-o".into(),
            path(&benchmark),
            "--pdf".into(),
            path(&rollup_pdf),
        ],
        vec![
            "report".into(),
            path(&combined),
            "--benchmark".into(),
            path(&benchmark),
            "-o".into(),
            path(&pdf),
        ],
    ];
    for args in &runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out, err) = common::airedo(data.path(), &args);
        assert_eq!(code, 0, "{args:?}: {out}{err}");
    }
    let text = flat(&pdf_text(&Document::load(&pdf).unwrap()));
    assert!(text.contains(&flat("Där svaren skiljer sig")));
    assert!(text.contains(&flat("6 organisationer i sektorn Tillverkning")));
    assert!(
        !text.contains(&flat("Grannverkstad")),
        "no one in the benchmark is named"
    );

    // The region's own PDF: the overall picture and the common first steps.
    let document = Document::load(&rollup_pdf).unwrap();
    let text = flat(&pdf_text(&document));
    for expected in [
        "Regional sammanställning av AI-mognad",
        "Alla organisationer (6 organisationer)",
        "Sektor: Tillverkning, teknik och byggverksamhet (6 organisationer)",
        "De vanligaste första stegen",
    ] {
        assert!(
            text.contains(&flat(expected)),
            "`{expected}` missing from the roll-up"
        );
    }
    assert!(
        !text.contains(&flat("Grannverkstad")),
        "no one in the roll-up is named"
    );
    assert!(!text.contains(&flat("Borås")), "no place in the roll-up");
}

#[test]
fn the_comparison_part_shows_the_core_changes() {
    let catalogue = Catalogue::builtin();
    let after = example(EXAMPLES[1]);
    // The earlier assessment: the same municipality before it answered two
    // data questions as well.
    let mut before = after.clone();
    let data_questions: Vec<String> = evaluate(&catalogue, &after)
        .unwrap()
        .results
        .dimensions
        .iter()
        .find(|d| d.id == "data")
        .unwrap()
        .contributions
        .iter()
        .filter(|c| c.points > 0.0)
        .map(|c| c.question.clone())
        .take(2)
        .collect();
    for id in &data_questions {
        before.answers.insert(
            id.clone(),
            airedo::assessment::GivenAnswer {
                answer: Answer::DontKnow,
                ..before.answers[id].clone()
            },
        );
    }
    before.updated = Timestamp("2026-05-04T09:00:00Z".into());
    let before_eval = evaluate(&catalogue, &before).unwrap();
    let after_eval = evaluate(&catalogue, &after).unwrap();
    let comparison = airedo::compare::compare(
        (&before_eval.results, &before_eval.advice),
        (&after_eval.results, &after_eval.advice),
    );
    let change = comparison
        .dimensions
        .iter()
        .find(|d| d.id == "data")
        .unwrap()
        .change()
        .unwrap();
    assert!(change > 0.0);
    let report = report::build(&ReportInput {
        catalogue: &catalogue,
        evaluation: &after_eval,
        previous: Some(&before_eval),
        peers: None,
        spread: None,
        lang: Lang::Sv,
        generated: GENERATED,
    })
    .unwrap();
    let text = flat(&pdf_text(&Document::load_mem(&report.pdf).unwrap()));
    assert!(text.contains(&flat("Jämförelse med föregående bedömning")));
    assert!(text.contains(&flat("4 maj 2026")));
    let expected = format!(
        "Data och infrastruktur {} {} +{}",
        score_text(comparison.dimensions[1].before.unwrap(), Lang::Sv),
        score_text(comparison.dimensions[1].after.unwrap(), Lang::Sv),
        score_text(change, Lang::Sv)
    );
    let at = text.find(&flat("Jämförelse med föregående")).unwrap();
    assert!(
        text.contains(&flat(&expected)),
        "`{expected}` missing from {}",
        &text[at..at + 600]
    );
    assert_within_margins(&report.pages);
}

#[test]
fn the_cli_writes_the_report_and_refuses_what_it_cannot_use() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = dir.path().join("rapport.pdf");
    let out_arg = out.to_str().unwrap();
    let (code, stdout, stderr) = common::airedo(
        &data,
        &[
            "report",
            EXAMPLES[1],
            "-o",
            out_arg,
            "--lang",
            "en",
            "--compare",
            EXAMPLES[1],
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("wrote "), "{stdout}");
    let doc = Document::load(&out).unwrap();
    let text = flat(&pdf_text(&doc));
    assert!(text.contains(&flat("Comparison with the previous assessment")));
    assert!(text.contains(&flat("AI readiness report")));

    // Without -o the report goes beside the assessment.
    let copy = dir.path().join("kommun.ron");
    std::fs::copy(EXAMPLES[1], &copy).unwrap();
    let (code, _, stderr) = common::airedo(&data, &["report", copy.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(dir.path().join("kommun.pdf").exists());

    // A file that is not an assessment, and a comparison with another
    // organisation, are refused with a message and no PDF.
    let bad = dir.path().join("trasig.ron");
    std::fs::write(&bad, "Assessment(format: 1, profile: (").unwrap();
    let (code, _, stderr) = common::airedo(&data, &["report", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("trasig.ron"), "{stderr}");
    assert!(!dir.path().join("trasig.pdf").exists());
    let x = dir.path().join("x.pdf");
    let (code, _, stderr) = common::airedo(
        &data,
        &[
            "report",
            EXAMPLES[1],
            "--compare",
            EXAMPLES[0],
            "-o",
            x.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("same organisation"), "{stderr}");
    assert!(!x.exists());
}
