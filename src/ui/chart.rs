//! The radar chart and the dimension bars, painted with egui's Painter.
//! Each carries a text description for screen readers.

use eframe::egui::{self, Color32, Pos2, Sense, Shape, Stroke, Vec2};

use super::theme::Tokens;

/// One axis of the radar: a name and a 0–100 score (`None` = not scored).
pub struct Axis<'a> {
    pub name: &'a str,
    pub score: Option<f64>,
}

/// A radar chart of up to a dozen axes, with rings at every level boundary.
pub fn radar(
    ui: &mut egui::Ui,
    axes: &[Axis],
    tokens: &Tokens,
    description: &str,
) -> egui::Response {
    let width = ui.available_width().clamp(300.0, 460.0);
    let (response, painter) = ui.allocate_painter(Vec2::new(width, width * 0.78), Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, description));
    let rect = response.rect;
    let center = rect.center();
    // Leave room at the sides for names of up to ~18 characters a line.
    let radius = (rect.height() * 0.34).min(rect.width() * 0.22);
    let n = axes.len().max(3);
    let point = |i: usize, value: f32| {
        let angle = -std::f32::consts::FRAC_PI_2 + i as f32 * std::f32::consts::TAU / n as f32;
        center + Vec2::angled(angle) * radius * value
    };
    let grid = Stroke::new(1.0, tokens.border);
    for ring in 1..=5 {
        let ring_points: Vec<Pos2> = (0..n).map(|i| point(i, ring as f32 / 5.0)).collect();
        painter.add(Shape::closed_line(ring_points, grid));
    }
    let text_color = ui.visuals().text_color();
    for (i, axis) in axes.iter().enumerate() {
        painter.line_segment([center, point(i, 1.0)], grid);
        let anchor = point(i, 1.16);
        let align = if (anchor.x - center.x).abs() < 8.0 {
            egui::Align2::CENTER_CENTER
        } else if anchor.x > center.x {
            egui::Align2::LEFT_CENTER
        } else {
            egui::Align2::RIGHT_CENTER
        };
        painter.text(
            anchor,
            align,
            wrap(axis.name, 18),
            egui::FontId::proportional(12.5),
            text_color,
        );
    }
    let values: Vec<Pos2> = axes
        .iter()
        .enumerate()
        .map(|(i, a)| point(i, (a.score.unwrap_or(0.0) / 100.0) as f32))
        .collect();
    let fill = Color32::from_rgba_unmultiplied(
        tokens.accent.r(),
        tokens.accent.g(),
        tokens.accent.b(),
        60,
    );
    painter.add(Shape::convex_polygon(values.clone(), fill, Stroke::NONE));
    painter.add(Shape::closed_line(
        values.clone(),
        Stroke::new(2.0, tokens.accent),
    ));
    for p in values {
        painter.circle_filled(p, 3.5, tokens.accent);
    }
    response
}

/// A horizontal bar for one dimension, coloured by its level.
pub fn bar(
    ui: &mut egui::Ui,
    score: Option<f64>,
    level: Option<u8>,
    tokens: &Tokens,
    description: &str,
) -> egui::Response {
    let width = ui.available_width().min(360.0);
    let (response, painter) = ui.allocate_painter(Vec2::new(width, 14.0), Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, description));
    let rect = response.rect;
    painter.rect_filled(rect, 4.0, tokens.accent_soft);
    if let Some(score) = score {
        let filled = egui::Rect::from_min_size(
            rect.min,
            Vec2::new(rect.width() * (score / 100.0) as f32, rect.height()),
        );
        let color = level.map_or(tokens.accent, |l| {
            tokens.levels[usize::from(l.clamp(1, 5)) - 1]
        });
        painter.rect_filled(filled, 4.0, color);
    }
    for boundary in [20.0, 40.0, 60.0, 80.0] {
        let x = rect.left() + rect.width() * boundary / 100.0;
        painter.line_segment(
            [Pos2::new(x, rect.top()), Pos2::new(x, rect.bottom())],
            Stroke::new(1.0, tokens.card),
        );
    }
    response
}

/// A small line of scores (0–100) over time; gaps where a score is missing.
/// Screen readers get `description`, which lists the scores.
pub fn sparkline(
    ui: &mut egui::Ui,
    scores: &[Option<f64>],
    tokens: &Tokens,
    description: &str,
) -> egui::Response {
    let (response, painter) = ui.allocate_painter(Vec2::new(120.0, 22.0), Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, description));
    let rect = response.rect.shrink(3.0);
    painter.line_segment(
        [rect.left_bottom(), rect.right_bottom()],
        Stroke::new(1.0, tokens.border),
    );
    let step = rect.width() / (scores.len().max(2) - 1) as f32;
    let at = |i: usize, score: f64| {
        Pos2::new(
            rect.left() + step * i as f32,
            rect.bottom() - rect.height() * (score.clamp(0.0, 100.0) / 100.0) as f32,
        )
    };
    let points: Vec<Option<Pos2>> = scores
        .iter()
        .enumerate()
        .map(|(i, s)| s.map(|s| at(i, s)))
        .collect();
    for pair in points.windows(2) {
        if let [Some(a), Some(b)] = pair {
            painter.line_segment([*a, *b], Stroke::new(2.0, tokens.accent));
        }
    }
    for point in points.iter().flatten() {
        painter.circle_filled(*point, 2.5, tokens.accent);
    }
    response
}

/// Breaks a name into lines of at most `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines.join("\n")
}
