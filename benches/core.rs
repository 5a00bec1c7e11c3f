//! Speed of the core: loading and validating the whole catalogue, and scoring
//! a full assessment. Run with `cargo bench`; figures go in the issue notes.

use std::hint::black_box;

use airedo::assessment::parse_assessment;
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

criterion_group!(benches, catalogue, scoring);
criterion_main!(benches);
