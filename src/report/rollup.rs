//! The roll-up PDF (`airedo rollup DIR --pdf rollup.pdf`): the overall
//! picture of a region's or a network's organisations, for the region or
//! the EDIH that collected the files.
//!
//! It says only what the benchmark file says (counts, quartiles and the
//! most common first steps), so it is exactly as anonymous: no names, no
//! free text, no figures for a group of fewer than five. It is laid out and
//! written by the same layer as the recommendation report.

use super::content::running_header_and_footer;
use super::layout::{Column, Flow, Geometry, Page, Span, Table};
use super::{Report, ReportError, pdf, style};
use crate::catalogue::Catalogue;
use crate::group::rollup::{Benchmark, Distribution, Figures, Group, GroupBy};
use crate::questionnaire::Lang;
use crate::wording::{long_date, score_text};

/// Lays out and writes the roll-up of `benchmark`; `generated` is the
/// moment it is made, in seconds since 1970 (the PDF's creation date).
pub fn build(
    benchmark: &Benchmark,
    catalogue: &Catalogue,
    lang: Lang,
    generated: i64,
) -> Result<Report, ReportError> {
    let pages = lay_out(benchmark, catalogue, lang);
    let t = Words::get(lang);
    let meta = pdf::Metadata {
        title: t.title.to_string(),
        author: "AI-redo".to_string(),
        subject: t.subject.to_string(),
        keywords: vec!["AI".into(), "AI-redo".into(), "COM(2025) 723".into()],
        language: match lang {
            Lang::Sv => "sv-SE".into(),
            Lang::En => "en-GB".into(),
        },
        created: generated,
        creator: format!("AI-redo {}", crate::APP_VERSION),
    };
    let bytes = pdf::write(&pages, &Geometry::A4, &meta).map_err(ReportError::Pdf)?;
    Ok(Report { pages, pdf: bytes })
}

/// The roll-up's pages, laid out but not written.
pub fn lay_out(benchmark: &Benchmark, catalogue: &Catalogue, lang: Lang) -> Vec<Page> {
    let t = Words::get(lang);
    let mut flow = Flow::new(Geometry::A4);
    let date = long_date(benchmark.created.date(), lang);
    flow.heading(t.title, style::H1, true);
    flow.space(6.0);
    let intro = t
        .intro
        .replace("{n}", &benchmark.organisations.to_string())
        .replace("{date}", &date)
        .replace("{min}", &benchmark.min_group_size.to_string());
    paragraph(&mut flow, &intro);
    let hidden: Vec<String> = benchmark
        .groups
        .iter()
        .filter(|g| g.figures.is_none())
        .map(|g| {
            format!(
                "{} ({})",
                group_title(&g.by, catalogue, lang),
                g.organisations
            )
        })
        .collect();
    if !hidden.is_empty() {
        let line = t
            .hidden
            .replace("{min}", &benchmark.min_group_size.to_string());
        paragraph(&mut flow, &format!("{line} {}.", hidden.join(", ")));
    }

    let shown: Vec<(&Group, &Figures)> = benchmark
        .groups
        .iter()
        .filter_map(|g| Some((g, g.figures.as_ref()?)))
        .collect();
    for (group, figures) in &shown {
        flow.space(10.0);
        let title = format!(
            "{} ({} {})",
            group_title(&group.by, catalogue, lang),
            group.organisations,
            t.organisations
        );
        flow.heading(&title, style::H2, true);
        flow.space(3.0);
        flow.table(&figures_table(figures, catalogue, lang, t), style::TABLE);
    }
    flow.page_break();
    flow.heading(t.first_steps, style::H1, true);
    flow.space(6.0);
    if benchmark.first_steps.is_empty() {
        paragraph(&mut flow, t.no_first_steps);
    } else {
        paragraph(
            &mut flow,
            &t.first_steps_intro
                .replace("{min}", &benchmark.min_group_size.to_string()),
        );
        let rows = benchmark
            .first_steps
            .iter()
            .map(|step| {
                vec![
                    vec![Span::plain(step.title.get(lang))],
                    vec![Span::plain(step.organisations.to_string())],
                ]
            })
            .collect();
        flow.table(
            &Table {
                columns: vec![Column::left(4.0), Column::right(1.0)],
                header: vec![t.step.into(), t.organisations_column.into()],
                rows,
            },
            style::TABLE,
        );
    }
    flow.space(8.0);
    flow.paragraph(&[Span::plain(t.how)], style::SMALL, 0.0);

    let mut pages = flow.paginate();
    running_header_and_footer(&mut pages, &Geometry::A4, (t.title, ""), &date, lang);
    pages
}

fn paragraph(flow: &mut Flow, text: &str) {
    flow.paragraph(&[Span::plain(text)], style::BODY, 0.0);
    flow.space(5.0);
}

/// One row per dimension and the overall score: first quartile, median,
/// third quartile and how many organisations have the score.
fn figures_table(figures: &Figures, catalogue: &Catalogue, lang: Lang, t: &Words) -> Table {
    let cells = |name: Span, d: Option<&Distribution>| match d {
        Some(d) => vec![
            vec![name],
            vec![Span::plain(score_text(d.q1, lang))],
            vec![Span::plain(score_text(d.median, lang))],
            vec![Span::plain(score_text(d.q3, lang))],
            vec![Span::plain(d.n.to_string())],
        ],
        None => vec![
            vec![name],
            vec![Span::plain("–")],
            vec![Span::plain("–")],
            vec![Span::plain("–")],
            vec![Span::plain("–")],
        ],
    };
    let core = catalogue.core();
    let mut rows: Vec<Vec<Vec<Span>>> = figures
        .dimensions
        .iter()
        .map(|d| {
            let name = core
                .and_then(|m| m.dimension(&d.dimension))
                .map_or(d.dimension.as_str(), |dim| dim.name.get(lang));
            cells(Span::plain(name), d.distribution.as_ref())
        })
        .collect();
    rows.push(cells(Span::bold(t.overall), figures.overall.as_ref()));
    let number = Column::right(0.8);
    Table {
        columns: vec![
            Column::left(2.6),
            number,
            number,
            number,
            Column::right(0.5),
        ],
        header: vec![
            t.dimension.into(),
            t.q1.into(),
            t.median.into(),
            t.q3.into(),
            t.n.into(),
        ],
        rows,
    }
}

/// A group's name as a heading: "Alla organisationer", "Kommun", "Sektor:
/// Energi".
pub fn group_title(by: &GroupBy, catalogue: &Catalogue, lang: Lang) -> String {
    let t = Words::get(lang);
    match by {
        GroupBy::All => t.all.to_string(),
        GroupBy::OrganisationType(kind) => kind.name(lang).to_string(),
        GroupBy::Sector(id) => {
            let title = catalogue
                .module(id)
                .map_or(id.as_str(), |m| m.title.get(lang));
            format!("{}: {title}", t.sector)
        }
    }
}

/// The roll-up's own words; the rest it shares with nothing.
struct Words {
    title: &'static str,
    subject: &'static str,
    intro: &'static str,
    organisations: &'static str,
    organisations_column: &'static str,
    hidden: &'static str,
    first_steps: &'static str,
    first_steps_intro: &'static str,
    no_first_steps: &'static str,
    step: &'static str,
    how: &'static str,
    overall: &'static str,
    dimension: &'static str,
    q1: &'static str,
    median: &'static str,
    q3: &'static str,
    n: &'static str,
    all: &'static str,
    sector: &'static str,
}

impl Words {
    fn get(lang: Lang) -> &'static Words {
        match lang {
            Lang::Sv => &SV,
            Lang::En => &EN,
        }
    }
}

const SV: Words = Words {
    title: "Regional sammanställning av AI-mognad",
    subject: "Anonymiserad sammanställning av organisationers AI-mognad enligt EU:s strategi för AI-tillämpningar (COM(2025) 723)",
    intro: "Sammanställningen bygger på bedömningar från {n} organisationer och gjordes {date}. Den innehåller bara antal och fördelningar av poäng (0–100): inga namn, orter, personer eller fritextsvar. En grupp med färre än {min} organisationer visas inte för sig. Mittenhälften är spannet mellan första och tredje kvartilen, där hälften av organisationerna ligger.",
    organisations: "organisationer",
    organisations_column: "Organisationer",
    hidden: "Grupper med färre än {min} organisationer visas inte:",
    first_steps: "De vanligaste första stegen",
    first_steps_intro: "Rekommendationerna som oftast var bland organisationernas första steg, med hur många organisationer de gällde. Ett steg visas bara om det gällde minst {min} organisationer.",
    no_first_steps: "Inget första steg gällde tillräckligt många organisationer för att visas.",
    step: "Första steg",
    how: "Poängen räknas som i AI-redos rapporter (docs/scoring.md): varje dimension 0–100 och en sammantagen poäng vägd över dimensionerna. Kvartilerna räknas som Excels KVARTIL.INK.",
    overall: "Sammantaget",
    dimension: "Dimension",
    q1: "Första kvartil",
    median: "Median",
    q3: "Tredje kvartil",
    n: "Antal",
    all: "Alla organisationer",
    sector: "Sektor",
};

const EN: Words = Words {
    title: "Regional summary of AI readiness",
    subject: "Anonymised summary of organisations' AI readiness after the EU Apply AI Strategy (COM(2025) 723)",
    intro: "The summary is built from the assessments of {n} organisations and was made on {date}. It holds only counts and distributions of scores (0–100): no names, places, people or free-text answers. A group of fewer than {min} organisations is not shown on its own. The middle half is the range between the first and third quartile, where half of the organisations lie.",
    organisations: "organisations",
    organisations_column: "Organisations",
    hidden: "Groups of fewer than {min} organisations are not shown:",
    first_steps: "The most common first steps",
    first_steps_intro: "The recommendations most often among the organisations' first steps, with how many organisations they applied to. A step is shown only if it applied to at least {min} organisations.",
    no_first_steps: "No first step applied to enough organisations to be shown.",
    step: "First step",
    how: "Scores are computed as in AI-redo's reports (docs/scoring.md): each dimension 0–100 and an overall score weighted over the dimensions. Quartiles are computed as Excel's QUARTILE.INC.",
    overall: "Overall",
    dimension: "Dimension",
    q1: "First quartile",
    median: "Median",
    q3: "Third quartile",
    n: "Count",
    all: "All organisations",
    sector: "Sector",
};
