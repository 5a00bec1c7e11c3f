//! The report's typeface: Noto Sans, the app's own font, measured with its
//! real glyph advances and embedded as a subset of the glyphs a report uses.
//!
//! We subset here rather than through printpdf: printpdf subsets only with
//! its `text_layout` feature, which brings in a whole HTML layout engine.
//! allsorts, which printpdf already depends on, does the subsetting; the
//! subset keeps a Unicode cmap, so printpdf maps text to the subset's glyphs
//! and writes a `/ToUnicode` map from them, and copied text comes out right.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile, subset};
use allsorts::tag;
use printpdf::ParsedFont;

/// The two faces the report uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    Regular,
    Bold,
}

impl Face {
    fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"),
            Face::Bold => include_bytes!("../../assets/fonts/NotoSans-Bold.ttf"),
        }
    }

    /// The PostScript name written into the PDF.
    fn postscript_name(self) -> &'static str {
        match self {
            Face::Regular => "NotoSans-Regular",
            Face::Bold => "NotoSans-Bold",
        }
    }
}

/// What the layout (and the subsetter) needs to know about one face.
pub struct Metrics {
    units_per_em: f32,
    /// Glyph id and advance width (in font units) of every character the
    /// face maps.
    glyphs: HashMap<char, (u16, u16)>,
    /// Ascender and descender (negative), in font units.
    ascent: f32,
    descent: f32,
}

impl Metrics {
    fn parse(face: Face) -> Metrics {
        let font = ParsedFont::from_bytes(face.bytes(), 0, &mut Vec::new())
            .expect("the embedded Noto Sans parses");
        let glyphs = font
            .codepoint_to_glyph
            .iter()
            .filter_map(|(&codepoint, &gid)| {
                let ch = char::from_u32(codepoint)?;
                Some((ch, (gid, font.get_glyph_width(gid).unwrap_or(0))))
            })
            .collect();
        Metrics {
            units_per_em: f32::from(font.units_per_em),
            glyphs,
            ascent: f32::from(font.font_metrics.ascent),
            descent: f32::from(font.font_metrics.descent),
        }
    }

    /// Whether the face has a glyph for `ch`.
    pub fn covers(&self, ch: char) -> bool {
        self.glyphs.contains_key(&ch)
    }

    fn advance(&self, ch: char) -> Option<u16> {
        self.glyphs.get(&ch).map(|&(_, advance)| advance)
    }

    /// The width of `text` set at `size` points, in points. Characters
    /// without a glyph are measured as the `?` that replaces them.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let fallback = self.advance('?').unwrap_or(0);
        let units: u32 = text
            .chars()
            .map(|ch| u32::from(self.advance(ch).unwrap_or(fallback)))
            .sum();
        units as f32 * size / self.units_per_em
    }

    /// How far glyphs rise above the baseline at `size`, in points.
    pub fn ascent(&self, size: f32) -> f32 {
        self.ascent * size / self.units_per_em
    }

    /// How far glyphs fall below the baseline at `size`, in points (positive).
    pub fn descent(&self, size: f32) -> f32 {
        -self.descent * size / self.units_per_em
    }
}

/// The metrics of `face`, parsed once per process.
pub fn metrics(face: Face) -> &'static Metrics {
    static REGULAR: OnceLock<Metrics> = OnceLock::new();
    static BOLD: OnceLock<Metrics> = OnceLock::new();
    match face {
        Face::Regular => REGULAR.get_or_init(|| Metrics::parse(Face::Regular)),
        Face::Bold => BOLD.get_or_init(|| Metrics::parse(Face::Bold)),
    }
}

/// `text` with every character the face cannot draw replaced: tabs and other
/// spaces by a space, a minus sign by an en dash, anything else by `?`.
/// Text that reaches the PDF has a glyph for every character, so a reader
/// never sees an empty box.
pub fn printable(text: &str, face: Face) -> String {
    let metrics = metrics(face);
    text.chars()
        .filter(|ch| !matches!(ch, '\u{200b}'..='\u{200f}' | '\u{feff}' | '\u{ad}'))
        .map(|ch| match ch {
            _ if metrics.covers(ch) => ch,
            '\u{2212}' => '–',
            ch if ch.is_whitespace() || ch.is_control() => ' ',
            _ => '?',
        })
        .collect()
}

/// A subset of `face` holding the glyphs for `chars` (and `.notdef`), ready
/// for printpdf. Its name carries the six-letter tag PDF uses to mark a
/// subset, derived from the characters so that equal subsets get equal tags.
pub fn subset_font(face: Face, chars: &BTreeSet<char>) -> Result<ParsedFont, String> {
    let known = &metrics(face).glyphs;
    let mut glyphs: Vec<u16> = chars
        .iter()
        .filter_map(|ch| known.get(ch).map(|&(gid, _)| gid))
        .filter(|&gid| gid != 0)
        .collect();
    glyphs.sort_unstable();
    glyphs.dedup();
    glyphs.insert(0, 0);
    let scope = ReadScope::new(face.bytes());
    let font_data = scope.read::<FontData<'_>>().map_err(|e| e.to_string())?;
    let provider = font_data.table_provider(0).map_err(|e| e.to_string())?;
    // The tables a PDF font program needs (those of allsorts' PDF profile)
    // plus OS/2, from which printpdf takes the weight it writes as /StemV.
    let tables = vec![
        tag::CMAP,
        tag::HEAD,
        tag::CVT,
        tag::FPGM,
        tag::HHEA,
        tag::HMTX,
        tag::MAXP,
        tag::NAME,
        tag::OS_2,
        tag::POST,
        tag::PREP,
    ];
    let bytes = subset(
        &provider,
        &glyphs,
        &SubsetProfile::Custom(tables),
        CmapTarget::Unicode,
    )
    .map_err(|e| format!("{e:?}"))?;
    let mut font = ParsedFont::from_bytes(&bytes, 0, &mut Vec::new())
        .ok_or("the font subset does not parse")?;
    font.font_name = Some(format!(
        "{}+{}",
        subset_tag(face, chars),
        face.postscript_name()
    ));
    Ok(font)
}

/// Six capital letters from a hash (FNV-1a) of the face and the characters.
fn subset_tag(face: Face, chars: &BTreeSet<char>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let face_byte = face as u32;
    for value in std::iter::once(face_byte).chain(chars.iter().map(|&c| u32::from(c))) {
        for byte in value.to_le_bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    (0..6)
        .map(|i| char::from(b'A' + ((hash >> (i * 8)) % 26) as u8))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font() {
        let m = metrics(Face::Regular);
        let w = m.width("Å", 10.0);
        assert!(w > 5.0 && w < 8.0, "{w}");
        assert!(m.width("WWW", 10.0) > m.width("iii", 10.0));
        assert_eq!(m.width("", 12.0), 0.0);
        assert!(metrics(Face::Bold).width("åäö", 10.0) > m.width("åäö", 10.0));
    }

    #[test]
    fn text_without_glyphs_is_replaced() {
        assert_eq!(printable("Åsa\töl − 2 😀", Face::Regular), "Åsa öl – 2 ?");
    }

    #[test]
    fn a_subset_keeps_the_characters_and_is_small() {
        let chars: BTreeSet<char> = "Kommunens AI-mognad: åäö ÅÄÖ 43,0".chars().collect();
        let font = subset_font(Face::Regular, &chars).unwrap();
        for ch in &chars {
            assert!(
                font.lookup_glyph_index(u32::from(*ch)).is_some(),
                "{ch} missing"
            );
        }
        assert!(
            font.original_bytes.len() < 40_000,
            "{}",
            font.original_bytes.len()
        );
        let name = font.font_name.unwrap();
        assert!(name.ends_with("+NotoSans-Regular"), "{name}");
        assert_eq!(name.find('+'), Some(6));
    }
}
