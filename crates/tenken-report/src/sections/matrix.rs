//! 別紙1: the results matrix — items × departments, one symbol per cell, the citation per
//! row; the departments in column groups that fit the page, each group a table whose header
//! row (and item column) repeats on every page.

use tenken_core::i18n::group_digits;

use crate::font::Metrics;
use crate::layout::{Block, Col, Table, BODY_W};

use super::{h1, h2, note, Ctx};

pub const CELL_W: f32 = 18.0;
const SIZE: f32 = 6.5;

/// The one-character symbol of a rating (index in the scale), or of 未評価 (None).
pub fn symbol(c: &Ctx, key: Option<&str>) -> String {
    const SHORT: [&str; 5] = ["○", "△", "×", "？", "－"];
    match key {
        None => c.t("report-matrix-unrated", &[]),
        Some(k) => {
            let ratings = c.scale().ratings();
            match ratings.iter().position(|r| r.key == k) {
                Some(i) if ratings[i].symbol.chars().count() == 1 => ratings[i].symbol.to_string(),
                // Scales with word symbols (実施, 一部 …): the same shapes, in scale order, the last being "does not apply".
                Some(i) if i + 1 == ratings.len() && ratings[i].score.is_none() => "－".into(),
                Some(i) => SHORT[i.min(3)].to_string(),
                None => "?".into(),
            }
        }
    }
}

/// The departments split into groups of at most `per_group`, of nearly equal size.
pub fn groups(n: usize, per_group: usize) -> Vec<std::ops::Range<usize>> {
    if n == 0 {
        return vec![];
    }
    let k = n.div_ceil(per_group.max(1));
    let size = n.div_ceil(k);
    (0..k)
        .map(|g| g * size..((g + 1) * size).min(n))
        .filter(|r| !r.is_empty())
        .collect()
}

pub fn matrix(c: &Ctx) -> Vec<Block> {
    let (e, items) = (c.e, &c.e.assessment.checklist.items);
    let mut b = vec![Block::PageBreak, h1(c.t("report-sec-app-matrix", &[]))];
    let legend: Vec<String> = c
        .scale()
        .ratings()
        .iter()
        .map(|r| {
            legend_entry(
                &symbol(c, Some(r.key)),
                &c.scale().rating_label(r.key, c.lang),
            )
        })
        .chain(std::iter::once(legend_entry(
            &symbol(c, None),
            &c.t("report-col-unrated", &[]),
        )))
        .chain((!e.out_of_scope.is_empty()).then(|| {
            format!(
                "{} {}",
                c.t("report-matrix-out-of-scope", &[]),
                c.t("report-out-of-scope", &[])
            )
        }))
        .collect();
    b.push(Block::Para {
        text: c.t(
            "report-app-matrix-intro",
            &[
                ("items", group_digits(items.len() as i64).into()),
                (
                    "departments",
                    group_digits(e.departments.len() as i64).into(),
                ),
                ("legend", legend.join(&c.sep).into()),
            ],
        ),
        size: 9.0,
        indent: 0.0,
        color: crate::layout::Color::BLACK,
    });
    let m = Metrics::get();
    let id_w = items
        .iter()
        .map(|i| m.width(&i.id, SIZE))
        .fold(m.width(&c.t("report-col-number", &[]), SIZE), f32::max)
        + 7.0;
    let cite_w = 64.0;
    let per_group = ((BODY_W - id_w - cite_w) / CELL_W).floor() as usize;
    let gs = groups(e.departments.len(), per_group);
    for (g, range) in gs.iter().enumerate() {
        if gs.len() > 1 {
            b.push(h2(
                c.t(
                    "report-app-matrix-group",
                    &[
                        ("group", (g + 1).into()),
                        ("groups", gs.len().into()),
                        ("from", (range.start + 1).into()),
                        ("to", range.end.into()),
                        ("total", e.departments.len().into()),
                    ],
                ),
                false,
            ));
        }
        let mut cols = vec![Col::left(id_w), Col::left(cite_w)];
        cols.extend(range.clone().map(|_| Col::center(CELL_W)));
        let mut head = vec![c.t("report-col-number", &[]), c.t("report-col-clause", &[])];
        head.extend(e.departments[range.clone()].iter().map(|d| d.name.clone()));
        let mut t = Table::new(cols, Some(head), SIZE);
        t.header_size = Some(5.5);
        t.compact = true;
        for item in items {
            let mut row = vec![
                item.id.clone(),
                item.citation.clone().unwrap_or_else(|| c.none.clone()),
            ];
            for d in &e.departments[range.clone()] {
                if !c.in_scope(&d.name, &item.id) {
                    row.push(c.t("report-matrix-out-of-scope", &[]));
                    continue;
                }
                row.push(symbol(
                    c,
                    c.answer
                        .get(&(d.name.as_str(), item.id.as_str()))
                        .and_then(|r| r.rating.as_deref()),
                ));
            }
            t.rows.push(row);
        }
        b.push(Block::Table(t));
    }
    b.push(note(c.t("report-app-matrix-note", &[])));
    b
}

/// A department's result for every item, with the question and the note (for its notice,
/// and the old full-detail report).
pub fn department_results(c: &Ctx, department: &str) -> Table {
    let items = &c.e.assessment.checklist.items;
    let id_w = items
        .iter()
        .map(|i| Metrics::get().width(&i.id, 7.0))
        .fold(40.0, f32::max)
        + 7.0;
    let cols = vec![
        Col::left(id_w),
        Col::left(300.0 - id_w),
        Col::left(54.0),
        Col::left(58.0),
        Col::left(BODY_W - 300.0 - 54.0 - 58.0),
    ];
    let head = [
        "report-col-number",
        "report-col-item",
        "report-col-clause",
        "report-col-result",
        "report-col-note",
    ];
    let mut at = Table::new(cols, Some(head.iter().map(|k| c.t(k, &[])).collect()), 7.0);
    at.compact = true;
    for item in items.iter().filter(|i| c.in_scope(department, &i.id)) {
        let r = c.answer.get(&(department, item.id.as_str()));
        at.rows.push(vec![
            item.id.clone(),
            item.question.get(c.lang).to_string(),
            item.citation.clone().unwrap_or_else(|| c.none.clone()),
            c.rating_label(r.and_then(|r| r.rating.as_deref())),
            r.map(|r| r.note.clone()).unwrap_or_default(),
        ]);
    }
    at
}

/// The old full-detail appendix: every department's full list (for the benchmark only).
pub fn full(c: &Ctx) -> Vec<Block> {
    let mut b = vec![Block::PageBreak, h1(c.t("report-sec-app-results", &[]))];
    for (k, d) in c.e.departments.iter().enumerate() {
        b.push(h2(format!("1-{} {}", k + 1, d.name), true));
        b.push(Block::Table(department_results(c, &d.name)));
    }
    b
}

/// One legend entry: the symbol, then the label — once, when the label already starts with
/// the symbol (the audit scale's labels are "○ 適合", "× 不適合", …).
fn legend_entry(symbol: &str, label: &str) -> String {
    if label.starts_with(symbol) {
        label.to_string()
    } else {
        format!("{symbol} {label}")
    }
}

#[cfg(test)]
mod tests {
    use super::{groups, legend_entry};

    #[test]
    fn a_legend_entry_names_its_symbol_once() {
        assert_eq!(legend_entry("○", "○ 適合"), "○ 適合");
        assert_eq!(legend_entry("○", "実施している"), "○ 実施している");
        assert_eq!(legend_entry("未", "未評価"), "未評価");
    }

    #[test]
    fn groups_cover_every_department_once_and_are_balanced() {
        for n in 0..130 {
            for per in 1..30 {
                let gs = groups(n, per);
                let flat: Vec<usize> = gs.iter().flat_map(|r| r.clone()).collect();
                assert_eq!(flat, (0..n).collect::<Vec<_>>(), "n {n} per {per}");
                assert!(gs.iter().all(|r| r.len() <= per));
                if let (Some(max), Some(min)) = (
                    gs.iter().map(|r| r.len()).max(),
                    gs.iter().map(|r| r.len()).min(),
                ) {
                    assert!(max - min <= gs.len(), "n {n} per {per}: {gs:?}");
                }
            }
        }
        assert_eq!(groups(60, 21).len(), 3);
    }
}
