//! Laid-out pages to PDF bytes, through printpdf.
//!
//! Everything about position was decided by the layout; this module only
//! translates items into PDF operators (turning the y axis round), embeds the
//! font subsets, and fills in the metadata a reader or a screen reader looks
//! for: title, author, subject, creation date, language and an outline.

use std::collections::{BTreeMap, BTreeSet};

use lopdf::Object;
use printpdf::{
    Color, FontId, LinePoint, Mm, OffsetDateTime, Op, PaintMode, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rect, TextItem, TextMatrix,
    WindingOrder,
};

use super::fonts::{Face, subset_font};
use super::layout::{Geometry, Item, Page, Rgb};

/// What the PDF says about itself.
#[derive(Clone, Debug)]
pub struct Metadata {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub keywords: Vec<String>,
    /// A BCP 47 tag, `sv-SE` or `en-GB`, written as the catalogue's /Lang.
    pub language: String,
    /// When the report was made, in seconds since 1970 (UTC).
    pub created: i64,
    pub creator: String,
}

/// The PDF for `pages`.
pub fn write(pages: &[Page], geometry: &Geometry, meta: &Metadata) -> Result<Vec<u8>, String> {
    let mut doc = PdfDocument::new(&meta.title);
    let created = OffsetDateTime::from_unix_timestamp(meta.created)
        .or_else(|_| OffsetDateTime::from_unix_timestamp(0))
        .map_err(|e| e.to_string())?;
    let info = &mut doc.metadata.info;
    info.author = meta.author.clone();
    info.subject = meta.subject.clone();
    info.keywords = meta.keywords.clone();
    info.creator = meta.creator.clone();
    info.producer = format!("{} (printpdf)", meta.creator);
    info.creation_date = created;
    info.modification_date = created;
    info.metadata_date = created;

    // Embed each face as a subset of the characters it has to show.
    let mut used: BTreeMap<Face, BTreeSet<char>> = BTreeMap::new();
    for item in pages.iter().flat_map(|p| p.body.iter().chain(&p.furniture)) {
        if let Item::Text { text, face, .. } = item {
            used.entry(*face).or_default().extend(text.chars());
        }
    }
    let mut font_ids: BTreeMap<Face, FontId> = BTreeMap::new();
    for (face, chars) in &used {
        let font = subset_font(*face, chars)?;
        font_ids.insert(*face, doc.add_font(&font));
    }

    let mut pdf_pages = Vec::with_capacity(pages.len());
    for (index, page) in pages.iter().enumerate() {
        let ops = page_ops(page, geometry, &font_ids);
        pdf_pages.push(PdfPage::new(
            Mm::from(Pt(geometry.width)),
            Mm::from(Pt(geometry.height)),
            ops,
        ));
        for bookmark in &page.bookmarks {
            doc.add_bookmark(bookmark, index + 1);
        }
    }
    doc.pages = pdf_pages;

    let options = PdfSaveOptions {
        // Compression happens below, after the catalogue is complete.
        optimize: false,
        ..PdfSaveOptions::default()
    };
    let mut warnings = Vec::new();
    let mut lo = printpdf::to_lopdf_doc(&doc, &options, &mut warnings);
    finish_document(&mut lo, meta)?;
    lo.compress();
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes)
}

/// Adds what printpdf leaves out of the document catalogue: the language
/// (screen readers pick their voice from it), "show the title, not the file
/// name", and the outline's page mode as the name the standard requires.
/// Drops the PDF/X version printpdf writes into the document information
/// whatever the conformance: the report makes no such claim. /Lang needs
/// PDF 1.4; the file is marked 1.7, whose features it stays within.
fn finish_document(doc: &mut lopdf::Document, meta: &Metadata) -> Result<(), String> {
    doc.version = "1.7".to_string();
    if let Ok(info_id) = doc.trailer.get(b"Info").and_then(Object::as_reference)
        && let Ok(info) = doc.get_dictionary_mut(info_id)
    {
        for key in [&b"GTS_PDFXVersion"[..], b"Identifier", b"Trapped"] {
            info.remove(key);
        }
    }
    let catalog = doc.catalog_mut().map_err(|e| e.to_string())?;
    catalog.set(
        "Lang",
        Object::String(
            meta.language.as_bytes().to_vec(),
            lopdf::StringFormat::Literal,
        ),
    );
    catalog.set(
        "ViewerPreferences",
        lopdf::Dictionary::from_iter(vec![("DisplayDocTitle", Object::Boolean(true))]),
    );
    if catalog.has(b"Outlines") {
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
    Ok(())
}

fn color(rgb: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb::new(
        f32::from(rgb.0) / 255.0,
        f32::from(rgb.1) / 255.0,
        f32::from(rgb.2) / 255.0,
        None,
    ))
}

fn point(x: f32, y: f32, geometry: &Geometry) -> LinePoint {
    LinePoint {
        p: Point {
            x: Pt(x),
            y: Pt(geometry.height - y),
        },
        bezier: false,
    }
}

fn page_ops(page: &Page, geometry: &Geometry, fonts: &BTreeMap<Face, FontId>) -> Vec<Op> {
    let mut ops = Vec::new();
    let items: Vec<&Item> = page.body.iter().chain(&page.furniture).collect();
    // Rectangle fills first, then lines and polygons, then text: a row's
    // fill never covers the rule of the row above, and nothing hides text.
    let (fills, strokes): (Vec<&Item>, Vec<&Item>) = items
        .iter()
        .copied()
        .filter(|item| !matches!(item, Item::Text { .. }))
        .partition(|item| matches!(item, Item::Rect { .. }));
    for item in fills.into_iter().chain(strokes) {
        match item {
            Item::Rect { area, fill } => {
                ops.push(Op::SetFillColor { col: color(*fill) });
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(area.x),
                        y: Pt(geometry.height - area.bottom()),
                        width: Pt(area.width),
                        height: Pt(area.height),
                        mode: Some(PaintMode::Fill),
                        winding_order: Some(WindingOrder::NonZero),
                    },
                });
            }
            Item::Line {
                from,
                to,
                width,
                color: c,
            } => {
                ops.push(Op::SetOutlineColor { col: color(*c) });
                ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                ops.push(Op::DrawLine {
                    line: printpdf::Line {
                        points: vec![point(from.0, from.1, geometry), point(to.0, to.1, geometry)],
                        is_closed: false,
                    },
                });
            }
            Item::Polygon {
                points,
                fill,
                stroke,
            } => {
                let ring = PolygonRing {
                    points: points.iter().map(|&(x, y)| point(x, y, geometry)).collect(),
                };
                if let Some(fill) = fill {
                    ops.push(Op::SetFillColor { col: color(*fill) });
                    ops.push(Op::DrawPolygon {
                        polygon: Polygon {
                            rings: vec![ring.clone()],
                            mode: PaintMode::Fill,
                            winding_order: WindingOrder::NonZero,
                        },
                    });
                }
                if let Some((c, width)) = stroke {
                    ops.push(Op::SetOutlineColor { col: color(*c) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                    ops.push(Op::DrawPolygon {
                        polygon: Polygon {
                            rings: vec![ring],
                            mode: PaintMode::Stroke,
                            winding_order: WindingOrder::NonZero,
                        },
                    });
                }
            }
            Item::Text { .. } => {}
        }
    }
    let mut current: Option<(Face, f32)> = None;
    let mut current_color: Option<Rgb> = None;
    let mut in_text = false;
    for item in &items {
        let Item::Text {
            x,
            baseline,
            text,
            face,
            size,
            color: c,
            ..
        } = item
        else {
            continue;
        };
        let Some(font) = fonts.get(face) else {
            continue;
        };
        if !in_text {
            ops.push(Op::StartTextSection);
            in_text = true;
        }
        if current != Some((*face, *size)) {
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(font.clone()),
                size: Pt(*size),
            });
            current = Some((*face, *size));
        }
        if current_color != Some(*c) {
            ops.push(Op::SetFillColor { col: color(*c) });
            current_color = Some(*c);
        }
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(*x), Pt(geometry.height - baseline)),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(text.clone())],
        });
    }
    if in_text {
        ops.push(Op::EndTextSection);
    }
    ops
}
