//! 総評: the auditor's text, then results by policy area and by department (tables and charts).

use std::collections::{BTreeMap, HashMap};

use tenken_core::i18n::group_digits;
use tenken_core::ScaleKind;

use crate::layout::{Bar, Block, Chart, Col, Color, Table, BODY_W};

use super::{capitalize, h1, h2, note, para, Ctx};

pub fn series_colors(scale: ScaleKind) -> Vec<Color> {
    match scale {
        ScaleKind::Audit => vec![
            Color(0.27, 0.60, 0.38),
            Color(0.96, 0.72, 0.22),
            Color(0.80, 0.24, 0.22),
            Color(0.62, 0.62, 0.62),
        ],
        ScaleKind::SelfInspection => {
            vec![
                Color(0.27, 0.60, 0.38),
                Color(0.96, 0.72, 0.22),
                Color(0.80, 0.24, 0.22),
                Color(0.55, 0.45, 0.72),
                Color(0.62, 0.62, 0.62),
            ]
        }
    }
}
pub const UNRATED: Color = Color(0.90, 0.90, 0.90);

/// Counts of each rating (scale order) and of unrated checks.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Tally {
    pub counts: Vec<u32>,
    pub unrated: u32,
}

impl Tally {
    pub fn new(n: usize) -> Tally {
        Tally {
            counts: vec![0; n],
            unrated: 0,
        }
    }
    pub fn total(&self) -> u32 {
        self.counts.iter().sum::<u32>() + self.unrated
    }
    /// Share of the first (best) rating among the rated checks that count (None: none rated).
    pub fn ratio(&self, scale: ScaleKind) -> Option<f64> {
        let scored: u32 = scale
            .ratings()
            .iter()
            .zip(&self.counts)
            .filter(|(r, _)| r.score.is_some())
            .map(|(_, c)| *c)
            .sum();
        (scored > 0).then(|| self.counts[0] as f64 / scored as f64)
    }
    pub fn rate(&self, scale: ScaleKind) -> String {
        self.ratio(scale)
            .map(|r| format!("{:.1}%", 100.0 * r))
            .unwrap_or_else(|| "-".into())
    }
    fn add(&mut self, idx: Option<usize>) {
        match idx {
            Some(i) => self.counts[i] += 1,
            None => self.unrated += 1,
        }
    }
}

/// Tallies by policy area, by department and in total.
pub struct Tallies {
    pub by_topic: BTreeMap<String, Tally>,
    pub by_dept: Vec<Tally>,
    pub total: Tally,
}

pub fn tallies(c: &Ctx) -> Tallies {
    let ratings = c.scale().ratings();
    let rating_index: HashMap<&str, usize> = ratings
        .iter()
        .enumerate()
        .map(|(i, r)| (r.key, i))
        .collect();
    let mut by_topic: BTreeMap<String, Tally> = BTreeMap::new();
    let mut by_dept = vec![];
    let mut total = Tally::new(ratings.len());
    for d in &c.e.departments {
        let mut td = Tally::new(ratings.len());
        for item in &c.e.assessment.checklist.items {
            if !c.in_scope(&d.name, &item.id) {
                continue;
            }
            let idx = c
                .answer
                .get(&(d.name.as_str(), item.id.as_str()))
                .and_then(|r| r.rating.as_deref())
                .and_then(|k| rating_index.get(k))
                .copied();
            by_topic
                .entry(item.topic.clone())
                .or_insert_with(|| Tally::new(ratings.len()))
                .add(idx);
            td.add(idx);
            total.add(idx);
        }
        by_dept.push(td);
    }
    Tallies {
        by_topic,
        by_dept,
        total,
    }
}

/// The header, columns and rows of a tally table.
pub struct TallyTable<'c, 'a> {
    c: &'c Ctx<'a>,
}

impl<'c, 'a> TallyTable<'c, 'a> {
    pub fn new(c: &'c Ctx<'a>) -> Self {
        TallyTable { c }
    }
    fn rate_id(&self) -> &'static str {
        if self.c.scale() == ScaleKind::Audit {
            "report-col-rate-audit"
        } else {
            "report-col-rate-self"
        }
    }
    pub fn table(&self, first: &str) -> Table {
        let c = self.c;
        let ratings = c.scale().ratings();
        let mut h = vec![c.t(first, &[]), c.t("report-col-total", &[])];
        for r in ratings {
            h.push(c.scale().rating_label(r.key, c.lang));
        }
        h.push(c.t("report-col-unrated", &[]));
        h.push(capitalize(&c.t(self.rate_id(), &[])));
        let first_w = 150.0;
        let ncols = ratings.len() + 4;
        let nw = (BODY_W - first_w) / (ncols - 1) as f32;
        let mut cols = vec![Col::left(first_w)];
        cols.extend((1..ncols).map(|_| Col::right(nw)));
        Table::new(cols, Some(h), 8.0)
    }
    pub fn row(&self, label: String, tl: &Tally) -> Vec<String> {
        let mut r = vec![label, group_digits(tl.total() as i64)];
        for n in &tl.counts {
            r.push(group_digits(*n as i64));
        }
        r.push(group_digits(tl.unrated as i64));
        r.push(tl.rate(self.c.scale()));
        r
    }
    pub fn chart(&self, bars: Vec<(String, &Tally)>, label_w: f32, size: f32) -> Vec<Block> {
        let c = self.c;
        let scale = c.scale();
        let series: Vec<(String, Color)> = scale
            .ratings()
            .iter()
            .zip(series_colors(scale))
            .map(|(r, col)| (scale.rating_label(r.key, c.lang), col))
            .chain(std::iter::once((c.t("report-col-unrated", &[]), UNRATED)))
            .collect();
        let bars = bars
            .into_iter()
            .map(|(label, tl)| {
                let mut values = tl.counts.clone();
                values.push(tl.unrated);
                Bar {
                    label,
                    values,
                    right: tl.rate(scale),
                }
            })
            .collect();
        vec![
            Block::Chart(Chart {
                series,
                bars,
                label_w,
                size,
            }),
            note(c.t(
                "report-chart-note",
                &[("rate", c.t(self.rate_id(), &[]).into())],
            )),
        ]
    }
}

pub fn summary(c: &Ctx, n: usize) -> Vec<Block> {
    let (e, a) = (c.e, &c.e.assessment);
    let mut b = vec![h1(c.num(n, c.t("report-sec-summary", &[])))];
    if a.summary.trim().is_empty() {
        b.push(para(c.t("report-sum-none", &[])));
    } else {
        for p in a.summary.split('\n').filter(|p| !p.trim().is_empty()) {
            b.push(Block::Para {
                text: p.trim().to_string(),
                size: 10.0,
                indent: 0.0,
                color: Color::BLACK,
            });
        }
    }
    let ts = tallies(c);
    let rated = ts.total.total() - ts.total.unrated;
    b.push(para(
        c.t(
            "report-sum-counts",
            &[
                ("total", group_digits(ts.total.total() as i64).into()),
                (
                    "departments",
                    group_digits(e.departments.len() as i64).into(),
                ),
                ("items", group_digits(a.checklist.items.len() as i64).into()),
                ("rated", group_digits(rated as i64).into()),
                ("findings", group_digits(e.findings.len() as i64).into()),
                (
                    "scoped",
                    if e.out_of_scope.is_empty() {
                        "no"
                    } else {
                        "yes"
                    }
                    .into(),
                ),
                (
                    "out",
                    group_digits(
                        (e.departments.len() * a.checklist.items.len()) as i64
                            - ts.total.total() as i64,
                    )
                    .into(),
                ),
            ],
        ),
    ));
    let tt = TallyTable::new(c);
    b.push(h2(c.t("report-sum-by-area", &[]), true));
    let mut area = tt.table("report-col-area");
    let topics: Vec<(String, &Tally)> = c
        .topics
        .iter()
        .filter_map(|k| ts.by_topic.get(k).map(|tl| (c.topic_label(k), tl)))
        .collect();
    for (label, tl) in &topics {
        area.rows.push(tt.row(label.clone(), tl));
    }
    area.rows.push(tt.row(c.t("report-total", &[]), &ts.total));
    b.push(Block::Table(area));
    b.push(h2(c.t("report-chart-by-area", &[]), false));
    b.extend(tt.chart(topics, 150.0, 8.0));
    b.push(h2(c.t("report-sum-by-dept", &[]), true));
    let mut dept = tt.table("report-col-department");
    for (d, tl) in e.departments.iter().zip(&ts.by_dept) {
        dept.rows.push(tt.row(d.name.clone(), tl));
    }
    b.push(Block::Table(dept));
    b.push(h2(c.t("report-chart-by-dept", &[]), false));
    b.extend(
        tt.chart(
            e.departments
                .iter()
                .zip(&ts.by_dept)
                .map(|(d, tl)| (d.name.clone(), tl))
                .collect(),
            120.0,
            7.5,
        ),
    );
    b
}
