//! The report's design tokens: colours and the type scale, in one place.
//!
//! The colours are the app's light theme, so the printed report and the
//! screen look like one product (a test in `ui::theme` holds them equal).

use super::fonts::Face;
use super::layout::{Rgb, TableStyle, TextStyle};

pub const TEXT: Rgb = Rgb(0x22, 0x28, 0x2e);
pub const TEXT_WEAK: Rgb = Rgb(0x4f, 0x5b, 0x66);
pub const ACCENT: Rgb = Rgb(0x1f, 0x5f, 0x8b);
pub const ACCENT_SOFT: Rgb = Rgb(0xdc, 0xe9, 0xf3);
pub const SURFACE: Rgb = Rgb(0xf6, 0xf7, 0xf9);
pub const BORDER: Rgb = Rgb(0xd5, 0xdb, 0xe1);
pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
pub const GOOD: Rgb = Rgb(0x2e, 0x7d, 0x32);
pub const BAD: Rgb = Rgb(0xb3, 0x26, 0x1e);
/// One colour per maturity level, 1 to 5.
pub const LEVELS: [Rgb; 5] = [
    Rgb(0xc6, 0x5d, 0x3b),
    Rgb(0xd9, 0x96, 0x2b),
    Rgb(0x8f, 0xa8, 0x3c),
    Rgb(0x3f, 0x8f, 0x6b),
    Rgb(0x1f, 0x5f, 0x8b),
];

/// The colour of maturity level `level` (clamped to 1–5).
pub fn level_color(level: Option<u8>) -> Rgb {
    level.map_or(BORDER, |l| LEVELS[usize::from(l.clamp(1, 5)) - 1])
}

const fn style(face: Face, size: f32, leading: f32, color: Rgb) -> TextStyle {
    TextStyle {
        face,
        size,
        leading,
        color,
    }
}

pub const BODY: TextStyle = style(Face::Regular, 10.0, 14.5, TEXT);
pub const SMALL: TextStyle = style(Face::Regular, 8.5, 12.0, TEXT_WEAK);
pub const LABEL: TextStyle = style(Face::Bold, 8.5, 12.0, TEXT_WEAK);
pub const H1: TextStyle = style(Face::Bold, 20.0, 26.0, ACCENT);
pub const H2: TextStyle = style(Face::Bold, 14.0, 19.0, TEXT);
pub const H3: TextStyle = style(Face::Bold, 11.0, 15.5, TEXT);
pub const COVER_KICKER: TextStyle = style(Face::Bold, 11.0, 15.0, ACCENT);
pub const COVER_TITLE: TextStyle = style(Face::Bold, 26.0, 32.0, TEXT);
pub const COVER_ORG: TextStyle = style(Face::Bold, 20.0, 26.0, ACCENT);
pub const BIG_NUMBER: TextStyle = style(Face::Bold, 30.0, 36.0, TEXT);
pub const FURNITURE: TextStyle = style(Face::Regular, 8.0, 10.0, TEXT_WEAK);

pub const TABLE: TableStyle = TableStyle {
    text: style(Face::Regular, 9.0, 12.5, TEXT),
    header_fill: ACCENT_SOFT,
    stripe: Some(SURFACE),
    rule: BORDER,
    padding: 4.0,
};

/// Indent of list items and of text under a heading.
pub const INDENT: f32 = 14.0;
