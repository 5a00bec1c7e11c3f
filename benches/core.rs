//! Speed of the core: loading and validating the whole catalogue, scoring a
//! full assessment, making its PDF report, and rolling up 1,000 assessment
//! files into a benchmark. Run with `cargo bench`;
//! figures go in the issue notes.

use std::hint::black_box;

use airedo::assessment::parse_assessment;
use airedo::authoring::preview::Preview;
use airedo::catalogue::Catalogue;
use airedo::evaluation::evaluate;
use criterion::{Criterion, criterion_group, criterion_main};

/// The largest example: a region with health care and public transport.
const LARGEST_EXAMPLE: &str = include_str!("../examples/region-health-transport.ron");

fn catalogue(c: &mut Criterion) {
    c.bench_function("load and validate the shipped catalogue", |b| {
        b.iter(|| {
            let catalogue = Catalogue::from_sources(black_box(Catalogue::builtin_sources()));
            assert!(catalogue.problems.is_empty());
            catalogue
        })
    });
}

fn scoring(c: &mut Criterion) {
    let catalogue = Catalogue::builtin();
    let assessment = parse_assessment("example", LARGEST_EXAMPLE.as_bytes()).unwrap();
    c.bench_function("score and recommend a full assessment", |b| {
        b.iter(|| evaluate(black_box(&catalogue), black_box(&assessment)).unwrap())
    });
    c.bench_function("parse an assessment file", |b| {
        b.iter(|| parse_assessment("example", black_box(LARGEST_EXAMPLE.as_bytes())).unwrap())
    });
}

fn report(c: &mut Criterion) {
    let catalogue = Catalogue::builtin();
    let assessment = parse_assessment("example", LARGEST_EXAMPLE.as_bytes()).unwrap();
    let evaluation = evaluate(&catalogue, &assessment).unwrap();
    let input = airedo::report::ReportInput {
        catalogue: &catalogue,
        evaluation: &evaluation,
        previous: Some(&evaluation),
        peers: None,
        spread: None,
        lang: airedo::questionnaire::Lang::Sv,
        generated: 1_795_428_000,
    };
    // The whole report, and its two halves: laying out the pages, and
    // writing them as PDF (font subsetting and compression included).
    c.bench_function("report: lay out and write the largest example", |b| {
        b.iter(|| airedo::report::build(black_box(&input)).unwrap())
    });
    c.bench_function("report: lay out the pages", |b| {
        b.iter(|| airedo::report::lay_out(black_box(&input)))
    });
    let size = airedo::report::build(&input).unwrap().pdf.len();
    println!("report for the largest example: {size} bytes");
}

/// The author preview's cost per poll (hashing the watched files) and per
/// reload after a save (reading and validating the module with the shipped
/// catalogue): both must fit well inside the 300 ms poll interval.
fn preview(c: &mut Criterion) {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("robotics.ron");
    std::fs::copy("questionnaires/robotics.ron", &file).unwrap();
    let mut preview = Preview::open(vec![folder.path().to_path_buf()], Vec::new());
    c.bench_function("preview: look for a change (none)", |b| {
        b.iter(|| assert!(!preview.poll()))
    });
    let text = std::fs::read_to_string(&file).unwrap();
    let mut round = 0u64;
    c.bench_function("preview: reload after a save", |b| {
        b.iter(|| {
            // A different text each time, so every poll sees a change.
            round += 1;
            std::fs::write(&file, format!("{text}\n// save {round}\n")).unwrap();
            assert!(preview.poll());
        })
    });
}

/// Writes `count` assessment files of distinct organisations into `dir`,
/// cycling through the three examples with a varied answer, as a region's
/// folder of assessments would look.
fn write_assessments(dir: &std::path::Path, count: usize) -> Vec<std::path::PathBuf> {
    let examples = [
        include_str!("../examples/manufacturing-firm.ron"),
        include_str!("../examples/municipality.ron"),
        LARGEST_EXAMPLE,
    ];
    let bases: Vec<_> = examples
        .iter()
        .map(|text| parse_assessment("example", text.as_bytes()).unwrap())
        .collect();
    let catalogue = Catalogue::builtin();
    let core = catalogue.core().unwrap();
    (0..count)
        .map(|n| {
            let mut assessment = bases[n % bases.len()].clone();
            assessment.profile.name = format!("Organisation {n}");
            assessment.answers.insert(
                "core.strategy.plan".into(),
                airedo::assessment::GivenAnswer {
                    answer: airedo::questionnaire::Answer::Scale((n % 5) as u8),
                    module: core.id.clone(),
                    version: core.version,
                },
            );
            let path = dir.join(format!("org-{n}.ron"));
            std::fs::write(&path, airedo::assessment::to_ron(&assessment)).unwrap();
            path
        })
        .collect()
}

fn rollup(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let files = write_assessments(dir.path(), 1000);
    let catalogue = Catalogue::builtin();
    let created = airedo::assessment::Timestamp("2026-12-01T00:00:00Z".into());
    let mut group = c.benchmark_group("rollup");
    group.sample_size(10);
    group.bench_function("read, score and roll up 1,000 assessment files", |b| {
        b.iter(|| {
            let rollup =
                airedo::group::rollup::rollup(black_box(&files), &catalogue, created.clone())
                    .unwrap();
            assert_eq!(rollup.benchmark.organisations, 1000);
            rollup
        })
    });
    group.finish();
}

criterion_group!(benches, catalogue, scoring, report, preview, rollup);
criterion_main!(benches);
