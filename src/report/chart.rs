//! The radar chart and the dimension bars as vector drawings, the report's
//! counterpart of the app's charts: rings at the level boundaries, one axis
//! per dimension, bars coloured by level.

use std::f32::consts::{FRAC_PI_2, TAU};

use super::layout::{Area, Item, Line, Span, TextStyle, line_box, wrap};
use super::style;

/// One dimension as the charts show it.
pub struct Axis {
    pub name: String,
    /// 0–100, `None` when not scored.
    pub score: Option<f64>,
    pub level: Option<u8>,
    /// The score as printed, e.g. `43,0`.
    pub label: String,
}

/// A radar chart `height` points tall, centred across `width` from `left`
/// (y from the drawing's top). `rings` are the level boundaries, 0–100.
/// The axis names stay inside the drawing, however they wrap.
pub fn radar(axes: &[Axis], rings: &[f64], left: f32, width: f32, height: f32) -> Vec<Item> {
    let label_style = style::SMALL.with_color(style::TEXT);
    let score_style = style::LABEL.with_color(style::ACCENT);
    let label_width = 112.0;
    let cx = left + width / 2.0;
    let cy = height / 2.0;
    let radius = (height / 2.0 - 34.0).min(width / 2.0 - label_width - 16.0);
    let n = axes.len().max(3);
    let at = |i: usize, value: f32| {
        let angle = -FRAC_PI_2 + i as f32 * TAU / n as f32;
        (
            cx + angle.cos() * radius * value,
            cy + angle.sin() * radius * value,
        )
    };
    let mut items = Vec::new();
    // Rings at every level boundary; the outermost is 100.
    for ring in rings.iter().filter(|r| **r > 0.0 && **r <= 100.0) {
        let value = (*ring / 100.0) as f32;
        items.push(Item::Polygon {
            points: (0..n).map(|i| at(i, value)).collect(),
            fill: None,
            stroke: Some((style::BORDER, 0.6)),
        });
    }
    for (i, axis) in axes.iter().enumerate() {
        items.push(Item::Line {
            from: (cx, cy),
            to: at(i, 1.0),
            width: 0.6,
            color: style::BORDER,
        });
        // The name (wrapped) and the score, outside the outer ring.
        let (ax, ay) = at(i, 1.0);
        let dx = ax - cx;
        let lines: Vec<Line> = wrap(&[Span::plain(axis.name.as_str())], label_style, label_width);
        let (line_height, baseline) = line_box(label_style);
        let block_height = (lines.len() + 1) as f32 * line_height;
        let top = if (ay - cy).abs() < 1.0 {
            ay - block_height / 2.0
        } else if ay < cy {
            ay - block_height - 6.0
        } else {
            ay + 6.0
        }
        .clamp(0.0, (height - block_height).max(0.0));
        let place = |line_width: f32| -> f32 {
            if dx.abs() < 1.0 {
                ax - line_width / 2.0
            } else if dx > 0.0 {
                ax + 8.0
            } else {
                ax - 8.0 - line_width
            }
        };
        for (row, line) in lines.iter().enumerate() {
            let x = place(line.width);
            let y = top + row as f32 * line_height + baseline;
            items.extend(line.items(x, y, label_style.size));
        }
        let score_y = top + lines.len() as f32 * line_height + baseline;
        let mut score = Item::text(0.0, score_y, &axis.label, score_style);
        if let Item::Text { x, width, .. } = &mut score {
            *x = place(*width);
        }
        items.push(score);
    }
    let values: Vec<(f32, f32)> = axes
        .iter()
        .enumerate()
        .map(|(i, a)| at(i, (a.score.unwrap_or(0.0).clamp(0.0, 100.0) / 100.0) as f32))
        .collect();
    items.push(Item::Polygon {
        points: values.clone(),
        fill: Some(style::ACCENT_SOFT),
        stroke: Some((style::ACCENT, 1.6)),
    });
    for (x, y) in values {
        items.push(Item::Polygon {
            points: (0..8)
                .map(|k| {
                    let a = k as f32 * TAU / 8.0;
                    (x + a.cos() * 2.4, y + a.sin() * 2.4)
                })
                .collect(),
            fill: Some(style::ACCENT),
            stroke: None,
        });
    }
    items
}

/// The height of one bar row.
pub const BAR_ROW: f32 = 24.0;

/// One row per dimension: name, a bar coloured by level with ticks at the
/// level boundaries, and the score with the level.
pub fn bars(axes: &[Axis], rings: &[f64], left: f32, width: f32, level_word: &str) -> Vec<Item> {
    let name_style: TextStyle = style::SMALL.with_color(style::TEXT);
    let value_style: TextStyle = style::LABEL.with_color(style::TEXT);
    let name_width = width * 0.36;
    let value_width = 78.0;
    let bar_left = left + name_width + 8.0;
    let bar_width = width - name_width - value_width - 16.0;
    let bar_height = 9.0;
    let mut items = Vec::new();
    for (row, axis) in axes.iter().enumerate() {
        let top = row as f32 * BAR_ROW;
        let middle = top + BAR_ROW / 2.0;
        let name = super::layout::fit(&axis.name, name_style, name_width);
        items.push(Item::text(left, middle + 3.0, &name, name_style));
        let track = Area {
            x: bar_left,
            y: middle - bar_height / 2.0,
            width: bar_width,
            height: bar_height,
        };
        items.push(Item::Rect {
            area: track,
            fill: style::SURFACE,
        });
        if let Some(score) = axis.score {
            items.push(Item::Rect {
                area: Area {
                    width: bar_width * (score.clamp(0.0, 100.0) / 100.0) as f32,
                    ..track
                },
                fill: style::level_color(axis.level),
            });
        }
        for ring in rings.iter().filter(|r| **r > 0.0 && **r < 100.0) {
            let x = bar_left + bar_width * (*ring / 100.0) as f32;
            items.push(Item::Line {
                from: (x, track.y),
                to: (x, track.bottom()),
                width: 1.0,
                color: style::WHITE,
            });
        }
        let value = match axis.level {
            Some(level) => format!("{} · {level_word} {level}", axis.label),
            None => axis.label.clone(),
        };
        items.push(Item::text_right(
            left + width,
            middle + 3.0,
            &value,
            value_style,
        ));
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::layout::Geometry;

    /// Long dimension names wrap and stay inside the drawing, on every side.
    #[test]
    fn the_charts_stay_inside_their_drawing_whatever_the_names() {
        let body = Geometry::A4.body;
        let axes: Vec<Axis> = (0..8)
            .map(|i| Axis {
                name: format!("Förtroende, regelefterlevnad, säkerhet och ännu mer text {i}"),
                score: Some(f64::from(i) * 14.0),
                level: Some((i % 5 + 1) as u8),
                label: format!("{i}4,5"),
            })
            .collect();
        let rings = [20.0, 40.0, 60.0, 80.0, 100.0];
        let height = 270.0;
        let drawing = Area {
            x: body.x,
            y: 0.0,
            width: body.width,
            height,
        };
        for item in radar(&axes, &rings, body.x, body.width, height) {
            assert!(drawing.contains(&item.bounds()), "{item:?}");
        }
        let bars_area = Area {
            height: BAR_ROW * axes.len() as f32,
            ..drawing
        };
        for item in bars(&axes, &rings, body.x, body.width, "nivå") {
            assert!(bars_area.contains(&item.bounds()), "{item:?}");
        }
    }
}
