//! Speed of the core: loading and validating the whole catalogue, scoring a
//! full assessment, and making its PDF report. Run with `cargo bench`;
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

criterion_group!(benches, catalogue, scoring, report, preview);
criterion_main!(benches);
