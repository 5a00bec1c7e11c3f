//! Design tokens and the one place they are applied to egui's style.
//!
//! Colours, spacing and type sizes live here and nowhere else; screens ask
//! for `Tokens` rather than picking colours of their own.

use std::sync::Arc;

use eframe::egui::{self, Color32, FontData, FontDefinitions, FontFamily, FontId, TextStyle};

/// The bold face, for headings.
pub const BOLD: &str = "bold";

/// Colours and sizes for one theme.
#[derive(Clone, Copy, Debug)]
pub struct Tokens {
    /// Body text.
    pub text: Color32,
    pub accent: Color32,
    pub accent_soft: Color32,
    pub text_weak: Color32,
    pub surface: Color32,
    pub card: Color32,
    pub border: Color32,
    pub good: Color32,
    pub warn: Color32,
    pub bad: Color32,
    /// One colour per maturity level, 1 to 5.
    pub levels: [Color32; 5],
}

pub const LIGHT: Tokens = Tokens {
    text: Color32::from_rgb(0x22, 0x28, 0x2e),
    accent: Color32::from_rgb(0x1f, 0x5f, 0x8b),
    accent_soft: Color32::from_rgb(0xdc, 0xe9, 0xf3),
    text_weak: Color32::from_rgb(0x4f, 0x5b, 0x66),
    surface: Color32::from_rgb(0xf6, 0xf7, 0xf9),
    card: Color32::WHITE,
    border: Color32::from_rgb(0xd5, 0xdb, 0xe1),
    good: Color32::from_rgb(0x2e, 0x7d, 0x32),
    warn: Color32::from_rgb(0x9a, 0x5b, 0x00),
    bad: Color32::from_rgb(0xb3, 0x26, 0x1e),
    levels: [
        Color32::from_rgb(0xc6, 0x5d, 0x3b),
        Color32::from_rgb(0xd9, 0x96, 0x2b),
        Color32::from_rgb(0x8f, 0xa8, 0x3c),
        Color32::from_rgb(0x3f, 0x8f, 0x6b),
        Color32::from_rgb(0x1f, 0x5f, 0x8b),
    ],
};

pub const DARK: Tokens = Tokens {
    text: Color32::from_rgb(0xdd, 0xe2, 0xe7),
    accent: Color32::from_rgb(0x7c, 0xb7, 0xe3),
    accent_soft: Color32::from_rgb(0x1d, 0x33, 0x45),
    text_weak: Color32::from_rgb(0xa9, 0xb4, 0xbe),
    surface: Color32::from_rgb(0x17, 0x1a, 0x1e),
    card: Color32::from_rgb(0x21, 0x25, 0x2b),
    border: Color32::from_rgb(0x3a, 0x41, 0x49),
    good: Color32::from_rgb(0x81, 0xc7, 0x84),
    warn: Color32::from_rgb(0xf0, 0xb4, 0x5a),
    bad: Color32::from_rgb(0xef, 0x8a, 0x80),
    levels: [
        Color32::from_rgb(0xe0, 0x7b, 0x58),
        Color32::from_rgb(0xe8, 0xb0, 0x4f),
        Color32::from_rgb(0xb0, 0xc8, 0x5e),
        Color32::from_rgb(0x66, 0xbb, 0x8f),
        Color32::from_rgb(0x7c, 0xb7, 0xe3),
    ],
};

pub fn tokens(dark: bool) -> &'static Tokens {
    if dark { &DARK } else { &LIGHT }
}

/// Noto Sans, embedded: it covers Swedish fully and is the report's font too.
pub fn fonts() -> FontDefinitions {
    let mut fonts = FontDefinitions::empty();
    fonts.font_data.insert(
        "noto".into(),
        Arc::new(FontData::from_static(include_bytes!(
            "../../assets/fonts/NotoSans-Regular.ttf"
        ))),
    );
    fonts.font_data.insert(
        BOLD.into(),
        Arc::new(FontData::from_static(include_bytes!(
            "../../assets/fonts/NotoSans-Bold.ttf"
        ))),
    );
    fonts
        .families
        .insert(FontFamily::Proportional, vec!["noto".into()]);
    fonts
        .families
        .insert(FontFamily::Monospace, vec!["noto".into()]);
    fonts.families.insert(
        FontFamily::Name(BOLD.into()),
        vec![BOLD.into(), "noto".into()],
    );
    fonts
}

/// Applies fonts, sizes, spacing and both themes' colours to the context.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(fonts());
    for (theme, tokens) in [(egui::Theme::Light, &LIGHT), (egui::Theme::Dark, &DARK)] {
        ctx.style_mut_of(theme, |style| {
            style.text_styles = [
                (
                    TextStyle::Heading,
                    FontId::new(24.0, FontFamily::Name(BOLD.into())),
                ),
                (TextStyle::Body, FontId::new(15.0, FontFamily::Proportional)),
                (
                    TextStyle::Button,
                    FontId::new(15.0, FontFamily::Proportional),
                ),
                (
                    TextStyle::Small,
                    FontId::new(12.5, FontFamily::Proportional),
                ),
                (
                    TextStyle::Monospace,
                    FontId::new(13.0, FontFamily::Monospace),
                ),
                (
                    TextStyle::Name("subheading".into()),
                    FontId::new(18.0, FontFamily::Name(BOLD.into())),
                ),
            ]
            .into();
            style.spacing.item_spacing = egui::vec2(10.0, 8.0);
            style.spacing.button_padding = egui::vec2(12.0, 6.0);
            style.spacing.interact_size.y = 28.0;
            style.visuals.selection.bg_fill = tokens.accent;
            // Text on the accent colour: white on the light theme's deep blue,
            // near-black on the dark theme's light blue.
            style.visuals.selection.stroke.color = if theme == egui::Theme::Light {
                Color32::WHITE
            } else {
                Color32::from_rgb(0x10, 0x14, 0x18)
            };
            style.visuals.hyperlink_color = tokens.accent;
            style.visuals.panel_fill = tokens.surface;
            style.visuals.window_fill = tokens.card;
            style.visuals.extreme_bg_color = tokens.card;
            style.visuals.widgets.noninteractive.bg_stroke.color = tokens.border;
            // Body text with clear contrast on both themes (egui's defaults are
            // mid-grey, too faint for long reading).
            style.visuals.widgets.noninteractive.fg_stroke.color = tokens.text;
        });
    }
}

/// A sub-heading in the bold face.
pub fn subheading(text: impl Into<String>) -> egui::RichText {
    egui::RichText::new(text).text_style(TextStyle::Name("subheading".into()))
}

/// A card: a framed group on the card colour.
pub fn card(tokens: &Tokens) -> egui::Frame {
    egui::Frame::new()
        .fill(tokens.card)
        .stroke(egui::Stroke::new(1.0, tokens.border))
        .corner_radius(8.0)
        .inner_margin(egui::Margin::same(14))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::layout::Rgb;
    use crate::report::style;

    fn rgb(c: Color32) -> Rgb {
        Rgb(c.r(), c.g(), c.b())
    }

    /// The printed report uses the light theme's colours, so the report and
    /// the screen look like one product.
    #[test]
    fn the_report_prints_in_the_light_themes_colours() {
        assert_eq!(rgb(LIGHT.text), style::TEXT);
        assert_eq!(rgb(LIGHT.text_weak), style::TEXT_WEAK);
        assert_eq!(rgb(LIGHT.accent), style::ACCENT);
        assert_eq!(rgb(LIGHT.accent_soft), style::ACCENT_SOFT);
        assert_eq!(rgb(LIGHT.surface), style::SURFACE);
        assert_eq!(rgb(LIGHT.border), style::BORDER);
        assert_eq!(rgb(LIGHT.good), style::GOOD);
        assert_eq!(rgb(LIGHT.bad), style::BAD);
        assert_eq!(LIGHT.levels.map(rgb), style::LEVELS);
    }
}
