//! A small page-layout layer: headings, paragraphs, bullet lists, tables and
//! drawings flowed onto A4 pages, wrapped with the font's real glyph widths.
//!
//! printpdf only places glyphs where it is told; everything about where text
//! goes is decided here, as plain data (pages of positioned [`Item`]s), so
//! tests can check that nothing crosses a margin without reading a PDF.
//!
//! Coordinates are points, measured from the page's top-left corner with y
//! growing downwards; the PDF writer turns them round.
//!
//! Rules the pagination keeps:
//! - a line of text is never cut: paragraphs break between lines;
//! - a heading stays on the page with the start of what follows it;
//! - a paragraph leaves neither one line alone at the foot of a page nor one
//!   line alone at the top of the next;
//! - a table row moves to the next page whole, under a repeated header row,
//!   unless it is taller than a page, when it breaks between lines;
//! - space before a block is dropped at the top of a page.

use super::fonts::{Face, metrics, printable};

/// An RGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// A rectangle, from its top-left corner.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Area {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

impl Area {
    pub fn right(&self) -> f32 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f32 {
        self.y + self.height
    }

    /// Whether `other` lies inside this area (allowing for rounding).
    pub fn contains(&self, other: &Area) -> bool {
        const SLACK: f32 = 0.01;
        other.x >= self.x - SLACK
            && other.y >= self.y - SLACK
            && other.right() <= self.right() + SLACK
            && other.bottom() <= self.bottom() + SLACK
    }
}

/// The page size and the areas on it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    /// Nothing is printed outside this area.
    pub margins: Area,
    /// Where the flowing content goes: the margin area less the bands for
    /// the running header and footer.
    pub body: Area,
}

impl Geometry {
    /// A4 portrait (210 × 297 mm) with 20 mm side margins and 15 mm at top
    /// and bottom, leaving bands for the running header and footer.
    pub const A4: Geometry = {
        const MM: f32 = 72.0 / 25.4;
        let width = 210.0 * MM;
        let height = 297.0 * MM;
        let side = 20.0 * MM;
        let top = 15.0 * MM;
        let bottom = 15.0 * MM;
        let header_band = 12.0 * MM;
        let footer_band = 10.0 * MM;
        Geometry {
            width,
            height,
            margins: Area {
                x: side,
                y: top,
                width: width - 2.0 * side,
                height: height - top - bottom,
            },
            body: Area {
                x: side,
                y: top + header_band,
                width: width - 2.0 * side,
                height: height - top - bottom - header_band - footer_band,
            },
        }
    };
}

/// How a piece of text is set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextStyle {
    pub face: Face,
    pub size: f32,
    /// Distance from one baseline to the next.
    pub leading: f32,
    pub color: Rgb,
}

impl TextStyle {
    pub fn with_face(self, face: Face) -> TextStyle {
        TextStyle { face, ..self }
    }

    pub fn with_color(self, color: Rgb) -> TextStyle {
        TextStyle { color, ..self }
    }
}

/// A run of text within a paragraph. Face and colour default to the
/// paragraph's style.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub text: String,
    pub face: Option<Face>,
    pub color: Option<Rgb>,
}

impl Span {
    /// Text in the paragraph's own face.
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            face: None,
            color: None,
        }
    }

    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            face: Some(Face::Bold),
            color: None,
        }
    }

    pub fn colored(self, color: Rgb) -> Span {
        Span {
            color: Some(color),
            ..self
        }
    }
}

/// Something drawn on a page, in page coordinates.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// One line of text (never wrapped further) starting at `x`.
    Text {
        x: f32,
        baseline: f32,
        text: String,
        face: Face,
        size: f32,
        color: Rgb,
        /// The measured advance width of `text`.
        width: f32,
    },
    Rect {
        area: Area,
        fill: Rgb,
    },
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        color: Rgb,
    },
    Polygon {
        points: Vec<(f32, f32)>,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
    },
}

impl Item {
    /// A line of text in `style`, measured; characters the font lacks are
    /// replaced first (see [`printable`]).
    pub fn text(x: f32, baseline: f32, text: &str, style: TextStyle) -> Item {
        let text = printable(text, style.face);
        let width = metrics(style.face).width(&text, style.size);
        Item::Text {
            x,
            baseline,
            text,
            face: style.face,
            size: style.size,
            color: style.color,
            width,
        }
    }

    /// A line of text in `style` that ends at `right`.
    pub fn text_right(right: f32, baseline: f32, text: &str, style: TextStyle) -> Item {
        let mut item = Item::text(right, baseline, text, style);
        if let Item::Text { x, width, .. } = &mut item {
            *x -= *width;
        }
        item
    }

    /// The area the item covers: for text, its advance width from the
    /// ascender to the descender; for lines, including their thickness.
    pub fn bounds(&self) -> Area {
        match self {
            Item::Text {
                x,
                baseline,
                face,
                size,
                width,
                ..
            } => {
                let m = metrics(*face);
                let top = baseline - m.ascent(*size);
                Area {
                    x: *x,
                    y: top,
                    width: *width,
                    height: m.ascent(*size) + m.descent(*size),
                }
            }
            Item::Rect { area, .. } => *area,
            Item::Line {
                from, to, width, ..
            } => {
                // Butt caps (PDF's default): the stroke reaches `width / 2`
                // either side of the line, not beyond its ends.
                let (dx, dy) = (to.0 - from.0, to.1 - from.1);
                let length = (dx * dx + dy * dy).sqrt().max(f32::EPSILON);
                let (nx, ny) = (-dy / length * width / 2.0, dx / length * width / 2.0);
                let xs = [from.0 + nx, from.0 - nx, to.0 + nx, to.0 - nx];
                let ys = [from.1 + ny, from.1 - ny, to.1 + ny, to.1 - ny];
                let (x0, x1) = (
                    xs.iter().copied().fold(f32::MAX, f32::min),
                    xs.iter().copied().fold(f32::MIN, f32::max),
                );
                let (y0, y1) = (
                    ys.iter().copied().fold(f32::MAX, f32::min),
                    ys.iter().copied().fold(f32::MIN, f32::max),
                );
                Area {
                    x: x0,
                    y: y0,
                    width: x1 - x0,
                    height: y1 - y0,
                }
            }
            Item::Polygon { points, stroke, .. } => {
                let half = stroke.map_or(0.0, |(_, w)| w / 2.0);
                let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
                for &(x, y) in points {
                    x0 = x0.min(x);
                    y0 = y0.min(y);
                    x1 = x1.max(x);
                    y1 = y1.max(y);
                }
                Area {
                    x: x0 - half,
                    y: y0 - half,
                    width: x1 - x0 + 2.0 * half,
                    height: y1 - y0 + 2.0 * half,
                }
            }
        }
    }

    fn shift_down(&mut self, dy: f32) {
        match self {
            Item::Text { baseline, .. } => *baseline += dy,
            Item::Rect { area, .. } => area.y += dy,
            Item::Line { from, to, .. } => {
                from.1 += dy;
                to.1 += dy;
            }
            Item::Polygon { points, .. } => {
                for point in points {
                    point.1 += dy;
                }
            }
        }
    }
}

/// One laid-out page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// The flowing content, inside [`Geometry::body`].
    pub body: Vec<Item>,
    /// The running header and footer, inside [`Geometry::margins`].
    pub furniture: Vec<Item>,
    /// Headings that start on this page and go into the PDF's outline
    /// (the navigation pane).
    pub bookmarks: Vec<String>,
}

impl Page {
    /// Every piece of text on the page, in drawing order.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.body
            .iter()
            .chain(&self.furniture)
            .filter_map(|item| match item {
                Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
    }
}

/// One line of wrapped text: runs of one face and colour, placed from the
/// line's start.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub runs: Vec<Run>,
    pub width: f32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub x: f32,
    pub text: String,
    pub face: Face,
    pub color: Rgb,
}

/// Breaks `spans` into lines no wider than `width`, at spaces; a word wider
/// than a line is broken between characters. `\n` forces a new line. Spans
/// with no space between them stay together, as one word.
pub fn wrap(spans: &[Span], style: TextStyle, width: f32) -> Vec<Line> {
    let width = width.max(style.size);
    let mut lines = Vec::new();
    let mut line = Line {
        runs: Vec::new(),
        width: 0.0,
    };
    let mut pending_space: Option<Piece> = None;
    for token in tokens(spans, style) {
        match token {
            Token::Break => {
                lines.push(std::mem::replace(&mut line, Line::empty()));
                pending_space = None;
            }
            Token::Space(space) => {
                if !line.runs.is_empty() {
                    pending_space = Some(space);
                }
            }
            Token::Word(pieces) => {
                let word_width: f32 = pieces.iter().map(|p| p.width).sum();
                let gap = pending_space.as_ref().map_or(0.0, |p| p.width);
                if line.width + gap + word_width <= width {
                    if let Some(space) = pending_space.take() {
                        line.push(space);
                    }
                    pieces.into_iter().for_each(|p| line.push(p));
                } else if word_width <= width {
                    lines.push(std::mem::replace(&mut line, Line::empty()));
                    pieces.into_iter().for_each(|p| line.push(p));
                } else {
                    // Wider than any line: fill lines character by character.
                    if !line.runs.is_empty() {
                        lines.push(std::mem::replace(&mut line, Line::empty()));
                    }
                    for piece in pieces {
                        let m = metrics(piece.face);
                        for ch in piece.text.chars() {
                            let text = ch.to_string();
                            let w = m.width(&text, style.size);
                            if line.width + w > width && !line.runs.is_empty() {
                                lines.push(std::mem::replace(&mut line, Line::empty()));
                            }
                            line.push(Piece {
                                text,
                                width: w,
                                ..piece
                            });
                        }
                    }
                }
                pending_space = None;
            }
        }
    }
    if !line.runs.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// A measured piece of a word, or a space, in one face and colour.
#[derive(Clone, Debug)]
struct Piece {
    text: String,
    face: Face,
    color: Rgb,
    width: f32,
}

enum Token {
    /// Pieces with no space between them (one word, maybe in two faces).
    Word(Vec<Piece>),
    Space(Piece),
    Break,
}

fn tokens(spans: &[Span], style: TextStyle) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    for span in spans {
        let face = span.face.unwrap_or(style.face);
        let color = span.color.unwrap_or(style.color);
        let m = metrics(face);
        let text = span.text.replace("\r\n", "\n");
        for (i, hard_line) in text.split('\n').enumerate() {
            if i > 0 {
                tokens.push(Token::Break);
            }
            let hard_line = printable(hard_line, face);
            let mut rest = hard_line.as_str();
            while !rest.is_empty() {
                let is_space = rest.starts_with(' ');
                let end = rest
                    .find(|c: char| (c == ' ') != is_space)
                    .unwrap_or(rest.len());
                let (chunk, tail) = rest.split_at(end);
                rest = tail;
                if is_space {
                    if !matches!(tokens.last(), Some(Token::Space(_))) {
                        tokens.push(Token::Space(Piece {
                            text: " ".to_string(),
                            face,
                            color,
                            width: m.width(" ", style.size),
                        }));
                    }
                    continue;
                }
                let piece = Piece {
                    text: chunk.to_string(),
                    face,
                    color,
                    width: m.width(chunk, style.size),
                };
                match tokens.last_mut() {
                    Some(Token::Word(pieces)) => pieces.push(piece),
                    _ => tokens.push(Token::Word(vec![piece])),
                }
            }
        }
    }
    tokens
}

impl Line {
    fn empty() -> Line {
        Line {
            runs: Vec::new(),
            width: 0.0,
        }
    }

    fn push(&mut self, piece: Piece) {
        match self.runs.last_mut() {
            Some(run) if run.face == piece.face && run.color == piece.color => {
                run.text.push_str(&piece.text);
            }
            _ => self.runs.push(Run {
                x: self.width,
                text: piece.text,
                face: piece.face,
                color: piece.color,
            }),
        }
        self.width += piece.width;
    }

    /// The line as text items, its start at `x` and its baseline at `baseline`.
    pub fn items(&self, x: f32, baseline: f32, size: f32) -> Vec<Item> {
        self.runs
            .iter()
            .map(|run| {
                let width = metrics(run.face).width(&run.text, size);
                Item::Text {
                    x: x + run.x,
                    baseline,
                    text: run.text.clone(),
                    face: run.face,
                    size,
                    color: run.color,
                    width,
                }
            })
            .collect()
    }
}

/// The height of one line of `style` and its baseline from the line's top:
/// the leading, or the font's ascender-to-descender height if that is
/// taller, with the glyphs centred in it. Every glyph of a line then stays
/// inside the line's box, and so inside the page's body.
pub fn line_box(style: TextStyle) -> (f32, f32) {
    let m = metrics(style.face);
    let glyphs = m.ascent(style.size) + m.descent(style.size);
    let height = style.leading.max(glyphs);
    (height, (height - glyphs) / 2.0 + m.ascent(style.size))
}

/// A table: column widths as shares of the body width, a header row that is
/// repeated on every page the table runs onto, and rows of text cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Vec<Span>>>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Column {
    /// Share of the table's width; the shares are scaled to add up to one.
    pub share: f32,
    pub align: Align,
}

impl Column {
    pub fn left(share: f32) -> Column {
        Column {
            share,
            align: Align::Left,
        }
    }

    /// For numbers: right-aligned, so the digits line up.
    pub fn right(share: f32) -> Column {
        Column {
            share,
            align: Align::Right,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// How tables look.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TableStyle {
    pub text: TextStyle,
    pub header_fill: Rgb,
    /// The fill of every second row, if any.
    pub stripe: Option<Rgb>,
    pub rule: Rgb,
    pub padding: f32,
}

/// A unit of content pagination never splits.
#[derive(Clone, Debug, Default)]
struct Fragment {
    height: f32,
    /// Items with x on the page and y relative to the fragment's top.
    items: Vec<Item>,
    space_before: f32,
    keep_with_next: bool,
    page_break_before: bool,
    /// The table header to put first when this fragment starts a page.
    repeat: Option<usize>,
    /// A heading's title, for the outline.
    bookmark: Option<String>,
}

/// Content flowed onto pages: add blocks in reading order, then
/// [`Flow::paginate`].
pub struct Flow {
    geometry: Geometry,
    fragments: Vec<Fragment>,
    /// Table headers, referred to by `Fragment::repeat`.
    headers: Vec<Fragment>,
    pending_space: f32,
    pending_break: bool,
}

impl Flow {
    pub fn new(geometry: Geometry) -> Flow {
        Flow {
            geometry,
            fragments: Vec::new(),
            headers: Vec::new(),
            pending_space: 0.0,
            pending_break: false,
        }
    }

    pub fn geometry(&self) -> &Geometry {
        &self.geometry
    }

    /// The width blocks are set in.
    pub fn width(&self) -> f32 {
        self.geometry.body.width
    }

    fn push(&mut self, mut fragment: Fragment) {
        fragment.space_before += std::mem::take(&mut self.pending_space);
        fragment.page_break_before |= std::mem::take(&mut self.pending_break);
        self.fragments.push(fragment);
    }

    /// Vertical space before the next block (dropped at the top of a page).
    pub fn space(&mut self, points: f32) {
        self.pending_space += points;
    }

    /// The next block starts a new page.
    pub fn page_break(&mut self) {
        self.pending_break = true;
    }

    /// The last block added stays on the page with the next one.
    pub fn keep_with_next(&mut self) {
        if let Some(last) = self.fragments.last_mut() {
            last.keep_with_next = true;
        }
    }

    /// A heading: kept with what follows, and put in the PDF's outline when
    /// `outline` is set.
    pub fn heading(&mut self, text: &str, style: TextStyle, outline: bool) {
        let first = self.fragments.len();
        self.paragraph(&[Span::plain(text)], style, 0.0);
        let added = self.fragments.len() - first;
        for fragment in &mut self.fragments[first..] {
            fragment.keep_with_next = true;
        }
        if outline && added > 0 {
            self.fragments[first].bookmark = Some(printable(text, Face::Regular));
        }
    }

    /// A paragraph, indented by `indent` points.
    pub fn paragraph(&mut self, spans: &[Span], style: TextStyle, indent: f32) {
        let x = self.geometry.body.x + indent;
        let lines = wrap(spans, style, self.width() - indent);
        self.push_lines(&lines, style, x, None);
    }

    /// A bulleted (`marker` = "•") or numbered ("1.") list item: the marker
    /// hangs in the indent, the text wraps aligned after it.
    pub fn list_item(&mut self, marker: &str, spans: &[Span], style: TextStyle, indent: f32) {
        let x = self.geometry.body.x + indent;
        let lines = wrap(spans, style, self.width() - indent);
        let marker_x = self.geometry.body.x + indent * 0.3;
        self.push_lines(&lines, style, x, Some((marker, marker_x)));
    }

    fn push_lines(
        &mut self,
        lines: &[Line],
        style: TextStyle,
        x: f32,
        marker: Option<(&str, f32)>,
    ) {
        let (height, baseline) = line_box(style);
        let count = lines.len();
        for (i, line) in lines.iter().enumerate() {
            // The marker first, so that it is read before its text.
            let mut items = Vec::new();
            if i == 0
                && let Some((marker, marker_x)) = marker
            {
                items.push(Item::text(marker_x, baseline, marker, style));
            }
            items.extend(line.items(x, baseline, style.size));
            // Neither the first nor the last line of a paragraph is left alone.
            let keep_with_next = count >= 2 && (i == 0 || i + 2 == count);
            self.push(Fragment {
                height,
                items,
                keep_with_next,
                ..Fragment::default()
            });
        }
    }

    /// A drawing `height` points tall; `items` have x on the page and y from
    /// the drawing's top. It is never split.
    pub fn drawing(&mut self, height: f32, items: Vec<Item>) {
        self.push(Fragment {
            height,
            items,
            ..Fragment::default()
        });
    }

    /// A table the width of the body.
    pub fn table(&mut self, table: &Table, style: TableStyle) {
        let total: f32 = table
            .columns
            .iter()
            .map(|c| c.share)
            .sum::<f32>()
            .max(f32::EPSILON);
        let mut x = self.geometry.body.x;
        let columns: Vec<(f32, f32, Align)> = table
            .columns
            .iter()
            .map(|c| {
                let width = self.width() * c.share / total;
                let column = (x, width, c.align);
                x += width;
                column
            })
            .collect();
        // A table without a header row (key–value lists) repeats nothing.
        let mut header_index = None;
        if !table.header.is_empty() {
            let header_cells: Vec<Vec<Span>> = table
                .header
                .iter()
                .map(|h| vec![Span::bold(h.as_str())])
                .collect();
            let header = self
                .table_rows(&header_cells, &columns, style, Some(style.header_fill), 0.0)
                .into_iter()
                .next()
                .unwrap_or_default();
            self.headers.push(header.clone());
            header_index = Some(self.headers.len() - 1);
            self.push(Fragment {
                keep_with_next: true,
                ..header
            });
        }
        let header_height = header_index.map_or(0.0, |h| self.headers[h].height);
        for (i, row) in table.rows.iter().enumerate() {
            let fill = style.stripe.filter(|_| i % 2 == 1);
            for slice in self.table_rows(row, &columns, style, fill, header_height) {
                self.push(Fragment {
                    repeat: header_index,
                    ..slice
                });
            }
        }
    }

    /// One table row as fragments: one, or several slices when the row is
    /// taller than a page can hold below the repeated header row
    /// (`header_height` tall).
    fn table_rows(
        &self,
        cells: &[Vec<Span>],
        columns: &[(f32, f32, Align)],
        style: TableStyle,
        fill: Option<Rgb>,
        header_height: f32,
    ) -> Vec<Fragment> {
        let pad = style.padding;
        let text = style.text;
        let wrapped: Vec<Vec<Line>> = columns
            .iter()
            .enumerate()
            .map(|(i, (_, width, _))| {
                let spans = cells.get(i).map_or(&[][..], Vec::as_slice);
                wrap(spans, text, width - 2.0 * pad)
            })
            .collect();
        let line_count = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let (leading, baseline) = line_box(text);
        // Room for a slice: a page less the repeated header row.
        let per_slice =
            (((self.geometry.body.height - header_height - 2.0 * pad) / leading).floor() as usize)
                .max(1);
        let mut fragments = Vec::new();
        let mut start = 0;
        while start < line_count {
            let end = (start + per_slice).min(line_count);
            let height = (end - start) as f32 * leading + 2.0 * pad;
            let mut items = Vec::new();
            let left = columns.first().map_or(self.geometry.body.x, |c| c.0);
            if let Some(fill) = fill {
                items.push(Item::Rect {
                    area: Area {
                        x: left,
                        y: 0.0,
                        width: self.width(),
                        height,
                    },
                    fill,
                });
            }
            // Row by row, then cell by cell: the order a reader (and a
            // screen reader, or copying) takes the text in.
            for row in start..end {
                for ((x, width, align), lines) in columns.iter().zip(&wrapped) {
                    let Some(line) = lines.get(row) else { continue };
                    let line_x = match align {
                        Align::Left => x + pad,
                        Align::Right => x + width - pad - line.width,
                    };
                    let y = pad + (row - start) as f32 * leading + baseline;
                    items.extend(line.items(line_x, y, text.size));
                }
            }
            items.push(Item::Line {
                from: (left, height - 0.25),
                to: (left + self.width(), height - 0.25),
                width: 0.5,
                color: style.rule,
            });
            fragments.push(Fragment {
                height,
                items,
                ..Fragment::default()
            });
            start = end;
        }
        fragments
    }

    /// Places the fragments on pages.
    pub fn paginate(self) -> Vec<Page> {
        let body = self.geometry.body;
        let mut pages = vec![Page::default()];
        let mut y = body.y;
        let mut empty = true;
        let fragments = &self.fragments;
        let mut i = 0;
        while i < fragments.len() {
            let fragment = &fragments[i];
            if fragment.page_break_before && !empty {
                pages.push(Page::default());
                y = body.y;
                empty = true;
            }
            let space = if empty { 0.0 } else { fragment.space_before };
            // The fragment and everything it is kept with must fit together,
            // unless even a whole page could not hold them.
            let mut need = space + fragment.height;
            let mut j = i;
            while fragments[j].keep_with_next && j + 1 < fragments.len() {
                j += 1;
                if fragments[j].page_break_before {
                    break;
                }
                need += fragments[j].space_before + fragments[j].height;
            }
            let repeat_height = fragment.repeat.map_or(0.0, |h| self.headers[h].height);
            let fits_fresh = need - space + repeat_height <= body.height;
            let needs_new_page = if fits_fresh {
                y + need > body.bottom() + 0.01
            } else {
                y + space + fragment.height > body.bottom() + 0.01
            };
            if needs_new_page && !empty {
                pages.push(Page::default());
                y = body.y;
                empty = true;
                continue;
            }
            let page = pages.last_mut().expect("one page at least");
            if empty && let Some(header) = fragment.repeat.map(|h| &self.headers[h]) {
                place(page, header, y);
                y += header.height;
            }
            y += if empty { 0.0 } else { fragment.space_before };
            place(page, fragment, y);
            if let Some(bookmark) = &fragment.bookmark {
                page.bookmarks.push(bookmark.clone());
            }
            y += fragment.height;
            empty = false;
            i += 1;
        }
        pages
    }
}

fn place(page: &mut Page, fragment: &Fragment, y: f32) {
    for item in &fragment.items {
        let mut item = item.clone();
        item.shift_down(y);
        page.body.push(item);
    }
}

/// `text` cut to fit `width` in `style`, ending in "…" when cut.
pub fn fit(text: &str, style: TextStyle, width: f32) -> String {
    let text = printable(text, style.face);
    let m = metrics(style.face);
    if m.width(&text, style.size) <= width {
        return text;
    }
    let ellipsis = m.width("…", style.size);
    let mut out = String::new();
    let mut used = 0.0;
    for ch in text.chars() {
        let w = m.width(&ch.to_string(), style.size);
        if used + w + ellipsis > width {
            break;
        }
        used += w;
        out.push(ch);
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: TextStyle = TextStyle {
        face: Face::Regular,
        size: 10.0,
        leading: 14.0,
        color: Rgb(0, 0, 0),
    };

    fn texts(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.runs.iter().map(|r| r.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn wrapping_breaks_at_spaces_within_the_width() {
        let text = "Att börja med AI kräver en plan, data av god kvalitet och människor som vet vad de gör.";
        let lines = wrap(&[Span::plain(text)], BODY, 120.0);
        assert!(lines.len() > 2);
        for line in &lines {
            assert!(line.width <= 120.0, "{line:?}");
        }
        assert_eq!(texts(&lines).join(" "), text);
    }

    #[test]
    fn a_word_longer_than_a_line_is_broken_between_characters() {
        let word = "Ö".repeat(200);
        let lines = wrap(&[Span::plain(format!("Före {word} efter"))], BODY, 100.0);
        assert!(lines.len() > 5);
        assert!(lines.iter().all(|l| l.width <= 100.0));
        assert_eq!(
            texts(&lines).concat().replace(' ', ""),
            format!("Före{word}efter")
        );
    }

    #[test]
    fn spans_keep_their_faces_and_hard_breaks_hold() {
        let lines = wrap(
            &[Span::bold("Nivå 3:"), Span::plain(" Prövande\nNästa rad")],
            BODY,
            400.0,
        );
        assert_eq!(texts(&lines), ["Nivå 3: Prövande", "Nästa rad"]);
        assert_eq!(lines[0].runs[0].face, Face::Bold);
        assert_eq!(lines[0].runs[1].face, Face::Regular);
        assert!(lines[0].runs[1].x > 0.0);
    }

    #[test]
    fn pagination_never_leaves_the_body() {
        let mut flow = Flow::new(Geometry::A4);
        for i in 0..40 {
            flow.heading(&format!("Rubrik {i}"), BODY.with_face(Face::Bold), true);
            flow.paragraph(&[Span::plain("ord ".repeat(300))], BODY, 0.0);
            flow.space(8.0);
        }
        let pages = flow.paginate();
        assert!(pages.len() > 10);
        for page in &pages {
            for item in &page.body {
                assert!(Geometry::A4.body.contains(&item.bounds()), "{item:?}");
            }
        }
        // Every heading is followed on its page by the start of its text.
        for page in &pages {
            if let Some(Item::Text { text, .. }) = page.body.last() {
                assert!(
                    !text.starts_with("Rubrik"),
                    "heading left alone at a page foot"
                );
            }
        }
    }

    #[test]
    fn a_table_row_taller_than_a_page_is_split_and_the_header_repeats() {
        let mut flow = Flow::new(Geometry::A4);
        let table = Table {
            columns: vec![Column::left(1.0), Column::left(3.0)],
            header: vec!["Fråga".into(), "Svar".into()],
            rows: vec![
                vec![vec![Span::plain("kort")], vec![Span::plain("ja")]],
                vec![
                    vec![Span::plain("lång")],
                    vec![Span::plain("mycket text ".repeat(900))],
                ],
            ],
        };
        let style = TableStyle {
            text: BODY,
            header_fill: Rgb(200, 200, 200),
            stripe: Some(Rgb(240, 240, 240)),
            rule: Rgb(100, 100, 100),
            padding: 4.0,
        };
        flow.table(&table, style);
        let pages = flow.paginate();
        assert!(pages.len() >= 2);
        for page in &pages {
            assert_eq!(
                page.texts().next(),
                Some("Fråga"),
                "header first on every page"
            );
            for item in &page.body {
                assert!(Geometry::A4.body.contains(&item.bounds()), "{item:?}");
            }
        }
    }

    #[test]
    fn fit_cuts_with_an_ellipsis() {
        let long = "Å".repeat(200);
        let cut = fit(&long, BODY, 100.0);
        assert!(cut.ends_with('…'));
        assert!(metrics(Face::Regular).width(&cut, 10.0) <= 100.0);
        assert_eq!(fit("kort", BODY, 100.0), "kort");
    }
}
