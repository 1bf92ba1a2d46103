//! Layout: report content (blocks) → pages of positioned boxes. Pure: no PDF, no I/O, so
//! pagination rules are unit-tested here. Coordinates are points from the page's top-left
//! corner; text `y` is the baseline.

use crate::font::Metrics;
use crate::text::wrap;

pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
pub const MARGIN_X: f32 = 50.0;
pub const BODY_TOP: f32 = 64.0;
pub const BODY_BOTTOM: f32 = PAGE_H - 56.0;
pub const BODY_W: f32 = PAGE_W - 2.0 * MARGIN_X;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color(pub f32, pub f32, pub f32);

impl Color {
    pub const BLACK: Color = Color(0.0, 0.0, 0.0);
    pub const GREY: Color = Color(0.35, 0.35, 0.35);
    pub const RULE: Color = Color(0.55, 0.55, 0.55);
    pub const SHADE: Color = Color(0.92, 0.93, 0.95);
    pub const ACCENT: Color = Color(0.12, 0.23, 0.45);
    pub const RED: Color = Color(0.70, 0.10, 0.10);
}

/// The draft watermark's colour: light enough to read the page through.
pub const WATERMARK: Color = Color(0.86, 0.86, 0.86);

/// A positioned box.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        text: String,
        color: Color,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Color,
    },
    /// A filled rectangle (top-left corner).
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Color,
    },
    /// A stroked rectangle outline.
    Frame {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        width: f32,
        color: Color,
    },
    /// Text turned `angle` degrees counter-clockwise about its start (the draft watermark).
    Turned {
        x: f32,
        y: f32,
        size: f32,
        text: String,
        color: Color,
        angle: f32,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub ops: Vec<Op>,
}

impl Page {
    /// All text of the page in drawing order (for tests).
    pub fn text(&self) -> String {
        self.ops
            .iter()
            .filter_map(|o| match o {
                Op::Text { text, .. } | Op::Turned { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Align {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Col {
    pub width: f32,
    pub align: Align,
    /// A label column (shaded background).
    pub shade: bool,
    /// Font size of this column's body cells (default: the table's).
    pub size: Option<f32>,
}

impl Col {
    pub fn left(width: f32) -> Col {
        Col {
            width,
            align: Align::Left,
            shade: false,
            size: None,
        }
    }
    pub fn right(width: f32) -> Col {
        Col {
            width,
            align: Align::Right,
            shade: false,
            size: None,
        }
    }
    pub fn center(width: f32) -> Col {
        Col {
            width,
            align: Align::Center,
            shade: false,
            size: None,
        }
    }
    pub fn label(width: f32) -> Col {
        Col {
            width,
            align: Align::Left,
            shade: true,
            size: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub cols: Vec<Col>,
    /// Repeated at the top of every page the table continues on.
    pub header: Option<Vec<String>>,
    pub rows: Vec<Vec<String>>,
    pub size: f32,
    /// Font size of the header row (default: `size`).
    pub header_size: Option<f32>,
    /// Tighter rows (long lists: the matrix, the evidence list).
    pub compact: bool,
    /// Start on a new page rather than split, when the whole table fits on one page.
    pub keep_together: bool,
    pub min_row_h: f32,
}

impl Table {
    pub fn new(cols: Vec<Col>, header: Option<Vec<String>>, size: f32) -> Table {
        Table {
            cols,
            header,
            rows: vec![],
            size,
            header_size: None,
            compact: false,
            keep_together: false,
            min_row_h: 0.0,
        }
    }
    fn pad_y(&self) -> f32 {
        if self.compact {
            1.2
        } else {
            CELL_PAD_Y
        }
    }
    fn line_h(&self, size: f32) -> f32 {
        if self.compact {
            size * 1.25
        } else {
            line_h(size)
        }
    }
}

/// One row of a stacked bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub values: Vec<u32>,
    pub right: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub series: Vec<(String, Color)>,
    pub bars: Vec<Bar>,
    pub label_w: f32,
    pub size: f32,
}

/// The cover page, drawn at fixed positions.
#[derive(Debug, Clone, PartialEq)]
pub struct Cover {
    pub marking: String,
    pub addressee: String,
    pub title: String,
    pub subtitle: String,
    /// 「案」 or 「第1版」.
    pub issue: String,
    pub organisation: String,
    pub date: String,
    pub prepared: String,
    pub notice: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Cover(Cover),
    /// The table of contents, filled from the first pass's page numbers.
    Toc {
        title: String,
    },
    /// A heading; `toc` headings are listed in the table of contents.
    Heading {
        level: u8,
        text: String,
        toc: bool,
    },
    Para {
        text: String,
        size: f32,
        indent: f32,
        color: Color,
    },
    Table(Table),
    Chart(Chart),
    Space(f32),
    PageBreak,
}

/// A table-of-contents entry: level, text, page number (1-based).
#[derive(Debug, Clone, PartialEq)]
pub struct TocEntry {
    pub level: u8,
    pub text: String,
    pub page: usize,
}

pub struct Laid {
    pub pages: Vec<Page>,
    pub toc: Vec<TocEntry>,
}

const CELL_PAD_X: f32 = 3.0;
const CELL_PAD_Y: f32 = 2.2;

fn line_h(size: f32) -> f32 {
    size * 1.38
}
fn para_line_h(size: f32) -> f32 {
    size * 1.75
}

fn heading_size(level: u8) -> f32 {
    match level {
        1 => 15.0,
        2 => 11.5,
        _ => 10.0,
    }
}
fn heading_h(level: u8) -> f32 {
    match level {
        1 => 34.0,
        2 => 24.0,
        _ => 20.0,
    }
}

struct Flow<'a> {
    m: &'a Metrics,
    pages: Vec<Page>,
    page: Page,
    y: f32,
    toc: Vec<TocEntry>,
}

impl<'a> Flow<'a> {
    fn new_page(&mut self) {
        let done = std::mem::take(&mut self.page);
        self.pages.push(done);
        self.y = BODY_TOP;
    }
    fn page_no(&self) -> usize {
        self.pages.len() + 1
    }
    fn at_top(&self) -> bool {
        self.y <= BODY_TOP + 0.1
    }
    fn room(&self) -> f32 {
        BODY_BOTTOM - self.y
    }
    fn text(&mut self, x: f32, y: f32, size: f32, text: &str, color: Color) {
        if !text.is_empty() {
            self.page.ops.push(Op::Text {
                x,
                y,
                size,
                text: text.to_string(),
                color,
            });
        }
    }
}

/// Lays out `blocks` on A4 pages. `toc` holds the page numbers for the table of contents
/// (from a previous pass; empty on the first).
pub fn layout(
    m: &Metrics,
    blocks: &[Block],
    toc: &[TocEntry],
    progress: &mut dyn FnMut(usize, usize),
) -> Laid {
    let mut f = Flow {
        m,
        pages: vec![],
        page: Page::default(),
        y: BODY_TOP,
        toc: vec![],
    };
    let mut toc_entries: Vec<TocEntry> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading {
                level,
                text,
                toc: true,
            } => Some(TocEntry {
                level: *level,
                text: text.clone(),
                page: 0,
            }),
            _ => None,
        })
        .collect();
    if toc.len() == toc_entries.len() {
        toc_entries = toc.to_vec();
    }
    for (i, b) in blocks.iter().enumerate() {
        if i % 64 == 0 {
            progress(i, blocks.len());
        }
        match b {
            Block::Cover(c) => cover(&mut f, c),
            Block::Toc { title } => toc_block(&mut f, title, &toc_entries),
            Block::Heading { level, text, toc } => {
                let need = heading_h(*level) + first_height(m, blocks.get(i + 1));
                if !f.at_top() && f.room() < need {
                    f.new_page();
                }
                if *level == 1 && !f.at_top() {
                    f.y += 8.0;
                }
                let size = heading_size(*level);
                let base = f.y + size * 1.15;
                let color = if *level == 1 {
                    Color::ACCENT
                } else {
                    Color::BLACK
                };
                let lines = wrap(m, text, size, BODY_W);
                let text0 = lines.first().cloned().unwrap_or_default();
                f.text(MARGIN_X, base, size, &text0, color);
                if *level == 1 {
                    f.page.ops.push(Op::Line {
                        x1: MARGIN_X,
                        y1: base + 6.0,
                        x2: PAGE_W - MARGIN_X,
                        y2: base + 6.0,
                        width: 1.2,
                        color: Color::ACCENT,
                    });
                } else if *level == 2 {
                    f.page.ops.push(Op::Rect {
                        x: MARGIN_X - 6.0,
                        y: base - size * 0.95,
                        w: 3.0,
                        h: size * 1.1,
                        fill: Color::ACCENT,
                    });
                }
                if *toc {
                    f.toc.push(TocEntry {
                        level: *level,
                        text: text.clone(),
                        page: f.page_no(),
                    });
                }
                f.y += heading_h(*level);
            }
            Block::Para {
                text,
                size,
                indent,
                color,
            } => para(&mut f, text, *size, *indent, *color),
            Block::Table(t) => table(&mut f, t),
            Block::Chart(c) => chart(&mut f, c),
            Block::Space(h) => {
                if !f.at_top() {
                    f.y += h;
                }
            }
            Block::PageBreak => {
                if !f.at_top() || !f.page.ops.is_empty() {
                    f.new_page();
                }
            }
        }
    }
    if !f.page.ops.is_empty() || f.pages.is_empty() {
        f.new_page();
    }
    progress(blocks.len(), blocks.len());
    Laid {
        pages: f.pages,
        toc: f.toc,
    }
}

/// The least height the start of a block needs (a heading is never left alone at a page
/// bottom: it moves to the next page with this much of what follows).
fn first_height(m: &Metrics, b: Option<&Block>) -> f32 {
    match b {
        Some(Block::Heading { level, .. }) => heading_h(*level) + 3.0 * line_h(10.0),
        Some(Block::Para { size, .. }) => 2.0 * para_line_h(*size),
        Some(Block::Table(t)) => {
            let header = t
                .header
                .as_ref()
                .map(|h| cells_height(t, &cell_lines(m, t, h, true)))
                .unwrap_or(0.0);
            let first = t.rows.first().map(|r| row_height(m, t, r)).unwrap_or(0.0);
            if t.keep_together {
                table_height(m, t).min(BODY_BOTTOM - BODY_TOP - 30.0)
            } else {
                header + first.min(4.0 * t.line_h(t.size))
            }
        }
        Some(Block::Chart(c)) => 2.0 * bar_h(c.size) + 16.0,
        _ => 0.0,
    }
}

fn para(f: &mut Flow, text: &str, size: f32, indent: f32, color: Color) {
    let lh = para_line_h(size);
    for line in wrap(f.m, text, size, BODY_W - indent) {
        if f.room() < lh {
            f.new_page();
        }
        let y = f.y + size * 1.2;
        f.text(MARGIN_X + indent, y, size, &line, color);
        f.y += lh;
    }
    f.y += size * 0.6;
}

/// The cells of a row with their x, width, column and font size: a row with fewer cells
/// than columns has its last cell span the remaining columns.
fn spans(t: &Table, n: usize, header: bool) -> Vec<(f32, f32, &Col, f32)> {
    let mut out = vec![];
    let mut x = MARGIN_X;
    for (i, c) in t.cols.iter().enumerate().take(n.max(1)) {
        let w = if i + 1 == n && n < t.cols.len() {
            t.cols[i..].iter().map(|c| c.width).sum()
        } else {
            c.width
        };
        let size = if header {
            t.header_size.unwrap_or(t.size)
        } else {
            c.size.unwrap_or(t.size)
        };
        out.push((x, w, c, size));
        x += w;
    }
    out
}

type Cells = Vec<(Vec<String>, f32)>;

fn cell_lines(m: &Metrics, t: &Table, row: &[String], header: bool) -> Cells {
    spans(t, row.len(), header)
        .into_iter()
        .zip(row)
        .map(|((_, w, _, size), s)| {
            let size = if header {
                header_fit(m, s, size, w - 2.0 * CELL_PAD_X)
            } else {
                size
            };
            (wrap(m, s, size, w - 2.0 * CELL_PAD_X), size)
        })
        .collect()
}

/// A header cell's size: smaller until every space-separated word fits the column, so that
/// "Priority" is never split as "Priori/ty" (down to 4.5 pt; Japanese has no such words).
fn header_fit(m: &Metrics, text: &str, size: f32, width: f32) -> f32 {
    let widest = |s: f32| {
        text.split_whitespace()
            .filter(|w| w.is_ascii())
            .map(|w| m.width(w, s))
            .fold(0.0, f32::max)
    };
    let mut s = size;
    while s > 4.5 && widest(s) > width + 0.01 {
        s -= 0.25;
    }
    s
}

fn cells_height(t: &Table, cells: &Cells) -> f32 {
    let h = cells
        .iter()
        .map(|(l, s)| l.len() as f32 * t.line_h(*s))
        .fold(0.0, f32::max);
    (h + 2.0 * t.pad_y()).max(t.min_row_h)
}

fn lines_height(t: &Table, n: usize) -> f32 {
    (n as f32 * t.line_h(t.size) + 2.0 * t.pad_y()).max(t.min_row_h)
}

fn row_height(m: &Metrics, t: &Table, row: &[String]) -> f32 {
    cells_height(t, &cell_lines(m, t, row, false))
}

fn table_height(m: &Metrics, t: &Table) -> f32 {
    t.header
        .as_ref()
        .map(|h| cells_height(t, &cell_lines(m, t, h, true)))
        .unwrap_or(0.0)
        + t.rows.iter().map(|r| row_height(m, t, r)).sum::<f32>()
}

/// Draws one row (or the lines `from..to` of a row taller than a page) at the current position.
fn draw_row(
    f: &mut Flow,
    t: &Table,
    cells: &Cells,
    from: usize,
    to: Option<usize>,
    header: bool,
    rules: bool,
) {
    let h = match to {
        None => cells_height(t, cells),
        Some(to) => lines_height(t, to - from),
    };
    let top = f.y;
    let total_w: f32 = t.cols.iter().map(|c| c.width).sum();
    if header {
        f.page.ops.push(Op::Rect {
            x: MARGIN_X,
            y: top,
            w: total_w,
            h,
            fill: Color::SHADE,
        });
    }
    let sp = spans(t, cells.len(), header);
    for ((x, w, c, size), (lines, _)) in sp.iter().zip(cells) {
        if c.shade && !header {
            f.page.ops.push(Op::Rect {
                x: *x,
                y: top,
                w: *w,
                h,
                fill: Color::SHADE,
            });
        }
        let to = to.unwrap_or(lines.len()).min(lines.len());
        for (k, line) in lines.iter().enumerate().take(to).skip(from) {
            let baseline = top + t.pad_y() + (k - from) as f32 * t.line_h(*size) + size * 1.08;
            let lw = f.m.width(line, *size);
            let align = if header { Align::Center } else { c.align };
            let tx = match align {
                Align::Left => x + CELL_PAD_X,
                Align::Right => x + w - CELL_PAD_X - lw,
                Align::Center => x + (w - lw) / 2.0,
            };
            f.text(tx, baseline, *size, line, Color::BLACK);
        }
    }
    // Grid: the row's bottom and the cell rules.
    let thin = 0.4;
    f.page.ops.push(Op::Line {
        x1: MARGIN_X,
        y1: top + h,
        x2: MARGIN_X + total_w,
        y2: top + h,
        width: thin,
        color: Color::RULE,
    });
    if rules {
        f.page.ops.push(Op::Line {
            x1: MARGIN_X,
            y1: top,
            x2: MARGIN_X,
            y2: top + h,
            width: thin,
            color: Color::RULE,
        });
        for (x, w, _, _) in &sp {
            f.page.ops.push(Op::Line {
                x1: x + w,
                y1: top,
                x2: x + w,
                y2: top + h,
                width: thin,
                color: Color::RULE,
            });
        }
    }
    f.y += h;
}

/// The table with a column widened (taken from the widest other column) where an English
/// word would be split: a header word even at the smallest header size, or a word of a body
/// cell ("Recommendation", "Medium") at its size. Runs longer than 24 characters (hashes,
/// identifiers) are left to break by character.
fn widened(m: &Metrics, t: &Table) -> Option<Table> {
    let min = 4.5;
    let word_w = |text: &str, size: f32| {
        text.split_whitespace()
            .filter(|w| w.is_ascii() && w.len() <= 24 && w.chars().any(|c| c.is_ascii_alphabetic()))
            .map(|w| m.width(w, size))
            .fold(0.0, f32::max)
    };
    let mut need = vec![0.0f32; t.cols.len()];
    if let Some(h) = &t.header {
        for (i, x) in h.iter().enumerate().take(t.cols.len()) {
            need[i] = need[i].max(word_w(x, min));
        }
    }
    for r in &t.rows {
        if r.len() != t.cols.len() {
            continue; // spanning cells have room
        }
        for (i, x) in r.iter().enumerate() {
            need[i] = need[i].max(word_w(x, t.cols[i].size.unwrap_or(t.size)));
        }
    }
    let mut out: Option<Table> = None;
    for (i, need) in need.iter().enumerate() {
        let cur = out.as_ref().unwrap_or(t);
        let need = need + 2.0 * CELL_PAD_X + 0.5;
        let deficit = need - cur.cols.get(i)?.width;
        if deficit <= 0.0 {
            continue;
        }
        let Some((j, _)) = cur
            .cols
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .max_by(|a, b| a.1.width.total_cmp(&b.1.width))
        else {
            continue;
        };
        if cur.cols[j].width - deficit < 40.0 {
            continue;
        }
        let mut next = cur.clone();
        next.cols[i].width += deficit;
        next.cols[j].width -= deficit;
        out = Some(next);
    }
    out
}

fn table(f: &mut Flow, t: &Table) {
    let m = f.m;
    let wide = widened(m, t);
    let t = wide.as_ref().unwrap_or(t);
    let header_cells = t.header.as_ref().map(|h| cell_lines(m, t, h, true));
    let header_h = header_cells
        .as_ref()
        .map(|c| cells_height(t, c))
        .unwrap_or(0.0);
    let body = BODY_BOTTOM - BODY_TOP;
    if t.keep_together && !f.at_top() {
        let h = table_height(m, t);
        if h <= body && h > f.room() {
            f.new_page();
        }
    }
    let total_w: f32 = t.cols.iter().map(|c| c.width).sum();
    // Tables whose rows all have one cell per column get their column rules drawn once per
    // page (shorter content streams); rows with spanning cells draw their own.
    let uniform = t.rows.iter().all(|r| r.len() == t.cols.len());
    let mut seg_top;
    let close = |f: &mut Flow, seg_top: f32| {
        if uniform && f.y > seg_top {
            let mut x = MARGIN_X;
            f.page.ops.push(Op::Line {
                x1: x,
                y1: seg_top,
                x2: x,
                y2: f.y,
                width: 0.4,
                color: Color::RULE,
            });
            for c in &t.cols {
                x += c.width;
                f.page.ops.push(Op::Line {
                    x1: x,
                    y1: seg_top,
                    x2: x,
                    y2: f.y,
                    width: 0.4,
                    color: Color::RULE,
                });
            }
        }
    };
    let start_page = |f: &mut Flow| {
        let top = f.y;
        f.page.ops.push(Op::Line {
            x1: MARGIN_X,
            y1: top,
            x2: MARGIN_X + total_w,
            y2: top,
            width: 0.4,
            color: Color::RULE,
        });
        if let Some(hc) = &header_cells {
            draw_row(f, t, hc, 0, None, true, !uniform);
        }
    };
    let first_row_h = t.rows.first().map(|r| row_height(m, t, r)).unwrap_or(0.0);
    if !f.at_top()
        && f.room() < header_h + first_row_h.min(3.0 * t.line_h(t.size) + 2.0 * t.pad_y())
    {
        f.new_page();
    }
    seg_top = f.y;
    start_page(f);
    for row in &t.rows {
        let cells = cell_lines(m, t, row, false);
        let n = cells.iter().map(|c| c.0.len()).max().unwrap_or(1);
        let h = cells_height(t, &cells);
        if h <= f.room() {
            draw_row(f, t, &cells, 0, None, false, !uniform);
            continue;
        }
        if h <= body - header_h {
            // Keep the row whole: continue the table on the next page.
            close(f, seg_top);
            f.new_page();
            seg_top = f.y;
            start_page(f);
            draw_row(f, t, &cells, 0, None, false, !uniform);
            continue;
        }
        // A row taller than a page: split it between lines.
        let mut from = 0;
        while from < n {
            let fit =
                (((f.room() - 2.0 * t.pad_y()) / t.line_h(t.size)).floor() as usize).min(n - from);
            if fit == 0 {
                close(f, seg_top);
                f.new_page();
                seg_top = f.y;
                start_page(f);
                continue;
            }
            draw_row(f, t, &cells, from, Some(from + fit), false, !uniform);
            from += fit;
            if from < n {
                close(f, seg_top);
                f.new_page();
                seg_top = f.y;
                start_page(f);
            }
        }
    }
    close(f, seg_top);
    f.y += 8.0;
}

fn bar_h(size: f32) -> f32 {
    size * 1.9
}

fn chart(f: &mut Flow, c: &Chart) {
    let size = c.size;
    let bh = bar_h(size);
    // The legend, wrapped onto more lines when it does not fit the width.
    let legend = |f: &mut Flow| {
        let x0 = MARGIN_X + c.label_w;
        let mut x = x0;
        let mut y = f.y;
        for (name, col) in &c.series {
            let w = 11.0 + f.m.width(name, size) + 14.0;
            if x > x0 && x + w - 14.0 > PAGE_W - MARGIN_X {
                x = x0;
                y += 13.0;
            }
            f.page.ops.push(Op::Rect {
                x,
                y: y + 2.0,
                w: 8.0,
                h: 8.0,
                fill: *col,
            });
            f.text(x + 11.0, y + 9.0, size, name, Color::BLACK);
            x += w;
        }
        f.y = y + 16.0;
    };
    if f.room() < 16.0 + 2.0 * bh {
        f.new_page();
    }
    legend(f);
    let right_w = 40.0;
    let bar_w = BODY_W - c.label_w - right_w - 6.0;
    let x0 = MARGIN_X + c.label_w;
    for b in &c.bars {
        if f.room() < bh {
            f.new_page();
            legend(f);
        }
        let y = f.y;
        let label_lines = wrap(f.m, &b.label, size, c.label_w - 6.0);
        let label = label_lines.first().cloned().unwrap_or_default();
        let label = if label_lines.len() > 1 {
            format!("{label}…")
        } else {
            label
        };
        f.text(
            MARGIN_X,
            y + bh * 0.5 + size * 0.38,
            size,
            &label,
            Color::BLACK,
        );
        let total: u32 = b.values.iter().sum();
        let mut x = x0;
        if total > 0 {
            for (v, (_, col)) in b.values.iter().zip(&c.series) {
                let w = bar_w * *v as f32 / total as f32;
                if w > 0.0 {
                    f.page.ops.push(Op::Rect {
                        x,
                        y: y + 2.0,
                        w,
                        h: bh - 4.0,
                        fill: *col,
                    });
                }
                x += w;
            }
        }
        f.page.ops.push(Op::Frame {
            x: x0,
            y: y + 2.0,
            w: bar_w,
            h: bh - 4.0,
            width: 0.4,
            color: Color::RULE,
        });
        let rw = f.m.width(&b.right, size);
        f.text(
            PAGE_W - MARGIN_X - rw,
            y + bh * 0.5 + size * 0.38,
            size,
            &b.right,
            Color::BLACK,
        );
        f.y += bh;
    }
    // Scale: 0, 50, 100 %.
    let y = f.y + 1.0;
    for (p, label) in [(0.0, "0%"), (0.5, "50%"), (1.0, "100%")] {
        let x = x0 + bar_w * p;
        f.page.ops.push(Op::Line {
            x1: x,
            y1: y,
            x2: x,
            y2: y + 3.0,
            width: 0.4,
            color: Color::RULE,
        });
        let w = f.m.width(label, 7.0);
        f.text(x - w / 2.0, y + 11.0, 7.0, label, Color::GREY);
    }
    f.y += 20.0;
}

fn centered(f: &mut Flow, y: f32, size: f32, text: &str, color: Color) {
    let w = f.m.width(text, size);
    f.text((PAGE_W - w) / 2.0, y, size, text, color);
}

fn cover(f: &mut Flow, c: &Cover) {
    let m = f.m;
    // 取扱注意 marking, boxed at the top right.
    let mw = m.width(&c.marking, 12.0) + 16.0;
    let x = PAGE_W - MARGIN_X - mw;
    f.page.ops.push(Op::Frame {
        x,
        y: 78.0,
        w: mw,
        h: 22.0,
        width: 1.2,
        color: Color::RED,
    });
    f.text(x + 8.0, 94.0, 12.0, &c.marking, Color::RED);
    f.text(MARGIN_X, 150.0, 12.0, &c.addressee, Color::BLACK);
    // The version (第1版) or 案, boxed at the top left.
    if !c.issue.is_empty() {
        let iw = m.width(&c.issue, 12.0) + 16.0;
        f.page.ops.push(Op::Frame {
            x: MARGIN_X,
            y: 78.0,
            w: iw,
            h: 22.0,
            width: 1.0,
            color: Color::ACCENT,
        });
        f.text(MARGIN_X + 8.0, 94.0, 12.0, &c.issue, Color::ACCENT);
    }
    let mut y = 300.0;
    for line in wrap(m, &c.title, 22.0, BODY_W) {
        centered(f, y, 22.0, &line, Color::BLACK);
        y += 34.0;
    }
    f.page.ops.push(Op::Line {
        x1: MARGIN_X + 40.0,
        y1: y - 16.0,
        x2: PAGE_W - MARGIN_X - 40.0,
        y2: y - 16.0,
        width: 1.0,
        color: Color::ACCENT,
    });
    y += 8.0;
    for line in wrap(m, &c.subtitle, 11.0, BODY_W - 80.0) {
        centered(f, y, 11.0, &line, Color::GREY);
        y += 18.0;
    }
    let mut y = 560.0;
    for (text, size) in [
        (&c.date, 12.0),
        (&c.organisation, 14.0),
        (&c.prepared, 11.0),
    ] {
        for line in wrap(m, text, size, BODY_W - 80.0) {
            centered(f, y, size, &line, Color::BLACK);
            y += size * 1.8;
        }
        y += 6.0;
    }
    let mut y = 720.0;
    f.page.ops.push(Op::Frame {
        x: MARGIN_X,
        y: y - 14.0,
        w: BODY_W,
        h: 44.0,
        width: 0.6,
        color: Color::RULE,
    });
    for line in wrap(m, &c.notice, 8.5, BODY_W - 20.0) {
        f.text(MARGIN_X + 10.0, y, 8.5, &line, Color::GREY);
        y += 13.0;
    }
    f.new_page();
}

fn toc_block(f: &mut Flow, title: &str, entries: &[TocEntry]) {
    if !f.at_top() {
        f.new_page();
    }
    let size = 15.0;
    f.text(MARGIN_X, f.y + size * 1.15, size, title, Color::ACCENT);
    f.page.ops.push(Op::Line {
        x1: MARGIN_X,
        y1: f.y + size * 1.15 + 6.0,
        x2: PAGE_W - MARGIN_X,
        y2: f.y + size * 1.15 + 6.0,
        width: 1.2,
        color: Color::ACCENT,
    });
    f.y += 44.0;
    for e in entries {
        let size = if e.level == 1 { 11.0 } else { 10.0 };
        let indent = if e.level == 1 { 0.0 } else { 16.0 };
        let lh = if e.level == 1 { 26.0 } else { 20.0 };
        if f.room() < lh {
            f.new_page();
        }
        let y = f.y + size * 1.2;
        let num = e.page.to_string();
        let nw = f.m.width(&num, size);
        let tw = f.m.width(&e.text, size);
        f.text(MARGIN_X + indent, y, size, &e.text, Color::BLACK);
        f.text(PAGE_W - MARGIN_X - nw, y, size, &num, Color::BLACK);
        // A dotted leader between the title and the page number.
        let (x1, x2) = (MARGIN_X + indent + tw + 6.0, PAGE_W - MARGIN_X - nw - 6.0);
        if x2 > x1 {
            f.page.ops.push(Op::Line {
                x1,
                y1: y,
                x2,
                y2: y,
                width: 0.5,
                color: Color::RULE,
            });
        }
        f.y += lh;
    }
    f.new_page();
}

/// Adds the running header and footer (title, marking, "n / N") to every page.
pub fn decorate(
    m: &Metrics,
    pages: &mut [Page],
    title: &str,
    marking: &str,
    page_label: &dyn Fn(usize, usize) -> String,
    watermark: Option<&str>,
) {
    let total = pages.len();
    let mark = watermark.filter(|w| !w.is_empty()).map(|w| {
        // Diagonal across the middle of the page, bottom-left to top-right, behind the text.
        let size = if w.chars().count() <= 2 {
            200.0
        } else {
            (560.0 / m.width(w, 1.0)).min(140.0)
        };
        let (wd, c) = (m.width(w, size), std::f32::consts::FRAC_1_SQRT_2);
        let (x, y) = (
            PAGE_W / 2.0 - wd / 2.0 * c + size * 0.35 * c,
            PAGE_H / 2.0 + wd / 2.0 * c + size * 0.35 * c,
        );
        Op::Turned {
            x,
            y,
            size,
            text: w.to_string(),
            color: WATERMARK,
            angle: 45.0,
        }
    });
    for (i, p) in pages.iter_mut().enumerate() {
        if let Some(op) = &mark {
            p.ops.insert(0, op.clone());
        }
        let size = 7.5;
        let y = 36.0;
        let mw = m.width(marking, size);
        let title_lines = wrap(m, title, size, BODY_W - mw - 20.0);
        p.ops.push(Op::Text {
            x: MARGIN_X,
            y,
            size,
            text: title_lines[0].clone(),
            color: Color::GREY,
        });
        p.ops.push(Op::Text {
            x: PAGE_W - MARGIN_X - mw,
            y,
            size,
            text: marking.to_string(),
            color: Color::RED,
        });
        p.ops.push(Op::Line {
            x1: MARGIN_X,
            y1: y + 5.0,
            x2: PAGE_W - MARGIN_X,
            y2: y + 5.0,
            width: 0.5,
            color: Color::RULE,
        });
        let label = page_label(i + 1, total);
        let w = m.width(&label, 8.5);
        let fy = PAGE_H - 30.0;
        p.ops.push(Op::Line {
            x1: MARGIN_X,
            y1: fy - 12.0,
            x2: PAGE_W - MARGIN_X,
            y2: fy - 12.0,
            width: 0.5,
            color: Color::RULE,
        });
        p.ops.push(Op::Text {
            x: (PAGE_W - w) / 2.0,
            y: fy,
            size: 8.5,
            text: label,
            color: Color::BLACK,
        });
        p.ops.push(Op::Text {
            x: PAGE_W - MARGIN_X - mw,
            y: fy,
            size,
            text: marking.to_string(),
            color: Color::RED,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m() -> &'static Metrics {
        Metrics::get()
    }
    fn run(blocks: &[Block]) -> Laid {
        layout(m(), blocks, &[], &mut |_, _| {})
    }
    fn texts(p: &Page) -> Vec<(f32, String)> {
        p.ops
            .iter()
            .filter_map(|o| {
                if let Op::Text { y, text, .. } = o {
                    Some((*y, text.clone()))
                } else {
                    None
                }
            })
            .collect()
    }

    fn big_table(rows: usize) -> Table {
        let mut t = Table::new(
            vec![Col::left(60.0), Col::left(BODY_W - 60.0)],
            Some(vec!["番号".into(), "内容".into()]),
            9.0,
        );
        for i in 0..rows {
            t.rows.push(vec![
                format!("R{i}"),
                "情報資産管理台帳が令和5年度から更新されていなかった。".into(),
            ]);
        }
        t
    }

    #[test]
    fn table_header_repeats_on_every_page_it_continues_on() {
        let laid = run(&[Block::Table(big_table(200))]);
        assert!(laid.pages.len() >= 3, "{}", laid.pages.len());
        for p in &laid.pages {
            let t = texts(p);
            assert_eq!(t[0].1, "番号", "page starts with the header row");
            assert!(t.iter().all(|(y, _)| *y <= BODY_BOTTOM && *y >= BODY_TOP));
        }
        let all: Vec<String> = laid
            .pages
            .iter()
            .flat_map(|p| texts(p).into_iter().map(|t| t.1))
            .collect();
        for i in 0..200 {
            assert!(all.contains(&format!("R{i}")), "row {i} present exactly");
        }
    }

    #[test]
    fn a_heading_is_never_left_alone_at_the_bottom_of_a_page() {
        for filler in 30..60 {
            let mut blocks = vec![];
            for _ in 0..filler {
                blocks.push(Block::Para {
                    text: "本文。".into(),
                    size: 10.0,
                    indent: 0.0,
                    color: Color::BLACK,
                });
            }
            blocks.push(Block::Heading {
                level: 2,
                text: "見出し".into(),
                toc: true,
            });
            blocks.push(Block::Table(big_table(3)));
            let laid = run(&blocks);
            let (pi, page) = laid
                .pages
                .iter()
                .enumerate()
                .find(|(_, p)| p.text().contains("見出し"))
                .unwrap();
            let t = texts(page);
            let hi = t.iter().position(|x| x.1 == "見出し").unwrap();
            assert!(
                t.len() > hi + 2,
                "filler {filler}: heading on page {pi} followed by its table on the same page"
            );
            assert_eq!(laid.toc[0].page, pi + 1);
        }
    }

    #[test]
    fn keep_together_moves_a_short_table_to_the_next_page() {
        let mut blocks = vec![];
        for _ in 0..38 {
            blocks.push(Block::Para {
                text: "本文。".into(),
                size: 10.0,
                indent: 0.0,
                color: Color::BLACK,
            });
        }
        let mut t = big_table(6);
        t.keep_together = true;
        blocks.push(Block::Table(t));
        let laid = run(&blocks);
        let with_rows: Vec<usize> = laid
            .pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.text().contains("R0") || p.text().contains("R5"))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(
            with_rows.len(),
            1,
            "first and last row on one page: {with_rows:?}"
        );
    }

    #[test]
    fn english_header_words_are_never_split_the_cell_shrinks_instead() {
        let mut t = Table::new(
            vec![Col::left(30.0), Col::left(34.0), Col::left(BODY_W - 64.0)],
            Some(vec![
                "Priority".into(),
                "Classification status".into(),
                "Fact".into(),
            ]),
            8.0,
        );
        t.rows.push(vec!["High".into(), "Open".into(), "x".into()]);
        t.rows
            .push(vec!["Medium".into(), "Recommendation".into(), "x".into()]);
        let laid = run(&[Block::Table(t)]);
        let words: Vec<String> = texts(&laid.pages[0]).into_iter().map(|t| t.1).collect();
        assert!(
            words.contains(&"Medium".to_string()) && words.contains(&"Recommendation".to_string()),
            "body words whole: {words:?}"
        );
        assert!(words.contains(&"Priority".to_string()), "{words:?}");
        assert!(words.contains(&"Classification".to_string()), "{words:?}");
        assert!(words.contains(&"status".to_string()), "{words:?}");
        // Japanese headers still wrap by character as before.
        let mut j = Table::new(vec![Col::left(30.0)], Some(vec!["一部不適合".into()]), 8.0);
        j.rows.push(vec!["○".into()]);
        let laid = run(&[Block::Table(j)]);
        assert!(texts(&laid.pages[0]).iter().filter(|t| t.1 != "○").count() >= 2);
    }

    #[test]
    fn rows_taller_than_a_page_are_split_between_lines() {
        let mut t = Table::new(vec![Col::left(100.0)], Some(vec!["H".into()]), 9.0);
        t.rows.push(vec!["長い本文。".repeat(400)]);
        let laid = run(&[Block::Table(t)]);
        assert!(laid.pages.len() >= 2);
        let joined: String = laid
            .pages
            .iter()
            .flat_map(|p| texts(p).into_iter().map(|t| t.1).filter(|t| t != "H"))
            .collect();
        assert_eq!(joined, "長い本文。".repeat(400));
    }
}
