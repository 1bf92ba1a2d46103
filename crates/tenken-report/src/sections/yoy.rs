//! 前年度との比較: this year against the previous assessment, by policy area and by department
//! (rates, findings by class, improved and worsened answers), with a chart. Items are matched
//! by checklist item id and departments by name; only what both years have is compared.

use std::collections::{BTreeMap, HashMap, HashSet};

use tenken_core::i18n::group_digits;
use tenken_core::store::Response;
use tenken_core::ScaleKind;

use crate::layout::{Block, Col, Table, BODY_W};

use super::summary::{Tally, TallyTable};
use super::{h1, h2, para, Ctx};

/// The comparison's numbers (pure, tested by hand).
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Items in both checklists, in this year's order.
    pub common_items: Vec<String>,
    pub items_now: usize,
    pub items_before: usize,
    /// Departments in both years' scope, in this year's order.
    pub common_departments: Vec<String>,
    /// (previous, current) tallies over the common items and departments.
    pub by_topic: BTreeMap<String, (Tally, Tally)>,
    pub by_dept: Vec<(String, Tally, Tally)>,
    pub total: (Tally, Tally),
    /// Answers (department × item) whose score rose / fell (both years scored).
    pub improved: usize,
    pub worsened: usize,
    /// Findings per class key: (previous, current).
    pub findings: Vec<(String, usize, usize)>,
}

fn tally_of(
    scale: ScaleKind,
    answers: &HashMap<(&str, &str), &Response>,
    depts: &[&str],
    items: &[(&str, &str)],
    both: &dyn Fn(&str, &str) -> bool,
) -> Tally {
    let ratings = scale.ratings();
    let mut t = Tally::new(ratings.len());
    for d in depts {
        for (id, _) in items {
            if !both(d, id) {
                continue;
            }
            match answers
                .get(&(*d, *id))
                .and_then(|r| r.rating.as_deref())
                .and_then(|k| ratings.iter().position(|r| r.key == k))
            {
                Some(i) => t.counts[i] += 1,
                None => t.unrated += 1,
            }
        }
    }
    t
}

/// None when there is no previous assessment or it has no answers (an export made before).
pub fn compare(c: &Ctx) -> Option<Comparison> {
    let p = c.e.previous.as_ref()?;
    if p.answers.is_empty() {
        return None;
    }
    let scale = c.scale();
    if p.scale.is_some_and(|s| s != scale) {
        return None;
    }
    let before_items: HashSet<&str> = if p.items.is_empty() {
        p.answers.iter().map(|a| a.item_id.as_str()).collect()
    } else {
        p.items.iter().map(String::as_str).collect()
    };
    let items: Vec<(&str, &str)> =
        c.e.assessment
            .checklist
            .items
            .iter()
            .filter(|i| before_items.contains(i.id.as_str()))
            .map(|i| (i.id.as_str(), i.topic.as_str()))
            .collect();
    let before_depts: HashSet<&str> = p
        .departments
        .iter()
        .map(|d| d.name.as_str())
        .chain(p.answers.iter().map(|a| a.department.as_str()))
        .collect();
    let depts: Vec<&str> =
        c.e.departments
            .iter()
            .map(|d| d.name.as_str())
            .filter(|d| before_depts.contains(d))
            .collect();
    let before: HashMap<(&str, &str), &Response> = p
        .answers
        .iter()
        .map(|r| ((r.department.as_str(), r.item_id.as_str()), r))
        .collect();
    let now = &c.answer;
    // Scope per department: a pair is compared only where it was asked in both years.
    let both =
        |d: &str, i: &str| c.in_scope(d, i) && p.out_of_scope.get(d).is_none_or(|s| !s.contains(i));
    let mut by_topic = BTreeMap::new();
    for k in &c.topics {
        let these: Vec<(&str, &str)> = items.iter().filter(|(_, t)| t == k).copied().collect();
        if !these.is_empty() {
            by_topic.insert(
                k.clone(),
                (
                    tally_of(scale, &before, &depts, &these, &both),
                    tally_of(scale, now, &depts, &these, &both),
                ),
            );
        }
    }
    let by_dept = depts
        .iter()
        .map(|d| {
            (
                d.to_string(),
                tally_of(scale, &before, &[d], &items, &both),
                tally_of(scale, now, &[d], &items, &both),
            )
        })
        .collect();
    let total = (
        tally_of(scale, &before, &depts, &items, &both),
        tally_of(scale, now, &depts, &items, &both),
    );
    let score = |m: &HashMap<(&str, &str), &Response>, d: &str, i: &str| {
        m.get(&(d, i))
            .and_then(|r| r.rating.as_deref())
            .and_then(|k| scale.ratings().iter().find(|r| r.key == k))
            .and_then(|r| r.score)
    };
    let (mut improved, mut worsened) = (0, 0);
    for d in &depts {
        for (i, _) in &items {
            if !both(d, i) {
                continue;
            }
            if let (Some(a), Some(b)) = (score(&before, d, i), score(now, d, i)) {
                if b > a {
                    improved += 1;
                } else if b < a {
                    worsened += 1;
                }
            }
        }
    }
    let scheme = c.e.assessment.classification;
    let findings = scheme
        .classes()
        .iter()
        .map(|k| {
            (
                k.to_string(),
                p.findings.iter().filter(|f| f.classification == *k).count(),
                c.e.findings
                    .iter()
                    .filter(|f| f.classification == *k)
                    .count(),
            )
        })
        .collect();
    Some(Comparison {
        common_items: items.iter().map(|(i, _)| i.to_string()).collect(),
        items_now: c.e.assessment.checklist.items.len(),
        items_before: before_items.len(),
        common_departments: depts.iter().map(|d| d.to_string()).collect(),
        by_topic,
        by_dept,
        total,
        improved,
        worsened,
        findings,
    })
}

/// "+3.2 pt" / "−1.0 pt" / "-".
fn delta(scale: ScaleKind, before: &Tally, now: &Tally) -> String {
    match (before.ratio(scale), now.ratio(scale)) {
        (Some(a), Some(b)) => {
            let d = 100.0 * (b - a);
            if d.abs() < 0.05 {
                "±0.0 pt".into()
            } else if d > 0.0 {
                format!("+{d:.1} pt")
            } else {
                format!("−{:.1} pt", -d)
            }
        }
        _ => "-".into(),
    }
}

pub fn yoy(c: &Ctx, n: usize) -> Vec<Block> {
    let Some(cmp) = compare(c) else { return vec![] };
    let p =
        c.e.previous
            .as_ref()
            .expect("compare needs a previous assessment");
    let scale = c.scale();
    let mut b = vec![h1(c.num(n, c.t("report-sec-yoy", &[])))];
    b.push(para(c.t(
        "report-yoy-intro",
        &[
            ("title", (&p.title).into()),
            ("common", group_digits(cmp.common_items.len() as i64).into()),
            ("now", group_digits(cmp.items_now as i64).into()),
            ("before", group_digits(cmp.items_before as i64).into()),
            (
                "departments",
                group_digits(cmp.common_departments.len() as i64).into(),
            ),
            ("improved", group_digits(cmp.improved as i64).into()),
            ("worsened", group_digits(cmp.worsened as i64).into()),
        ],
    )));
    let rate_table = |first: &str| {
        let w = (BODY_W - 170.0) / 3.0;
        Table::new(
            vec![
                Col::left(170.0),
                Col::right(w),
                Col::right(w),
                Col::right(w),
            ],
            Some(vec![
                c.t(first, &[]),
                c.t("report-yoy-before", &[]),
                c.t("report-yoy-now", &[]),
                c.t("report-yoy-delta", &[]),
            ]),
            8.0,
        )
    };
    let row = |label: String, (a, bb): (&Tally, &Tally)| {
        vec![label, a.rate(scale), bb.rate(scale), delta(scale, a, bb)]
    };
    b.push(h2(c.t("report-yoy-by-area", &[]), true));
    let mut ta = rate_table("report-col-area");
    for (k, (a, bb)) in c
        .topics
        .iter()
        .filter_map(|k| cmp.by_topic.get(k).map(|v| (k, v)))
    {
        ta.rows.push(row(c.topic_label(k), (a, bb)));
    }
    ta.rows
        .push(row(c.t("report-total", &[]), (&cmp.total.0, &cmp.total.1)));
    b.push(Block::Table(ta));
    // The chart: each area's two years as stacked bars, one above the other.
    b.push(h2(c.t("report-yoy-chart", &[]), false));
    let (yb, yn) = (c.t("report-yoy-before", &[]), c.t("report-yoy-now", &[]));
    let mut bars: Vec<(String, &Tally)> = vec![];
    for (k, (a, bb)) in c
        .topics
        .iter()
        .filter_map(|k| cmp.by_topic.get(k).map(|v| (k, v)))
    {
        // The year first: a long area name is cut at the end, never the year.
        let label = |year: &str| match c.lang {
            tenken_core::Lang::Ja => format!("{year}　{}", c.topic_label(k)),
            tenken_core::Lang::En => format!("{year}: {}", c.topic_label(k)),
        };
        bars.push((label(&yb), a));
        bars.push((label(&yn), bb));
    }
    b.extend(TallyTable::new(c).chart(bars, 170.0, 7.5));
    b.push(h2(c.t("report-yoy-by-dept", &[]), true));
    let mut td = rate_table("report-col-department");
    for (d, a, bb) in &cmp.by_dept {
        td.rows.push(row(d.clone(), (a, bb)));
    }
    b.push(Block::Table(td));
    b.push(h2(c.t("report-yoy-findings", &[]), false));
    let w = (BODY_W - 170.0) / 2.0;
    let mut tf = Table::new(
        vec![Col::left(170.0), Col::right(w), Col::right(w)],
        Some(vec![
            c.t("report-f-class", &[]),
            c.t("report-yoy-before", &[]),
            c.t("report-yoy-now", &[]),
        ]),
        8.0,
    );
    let scheme = c.e.assessment.classification;
    for (k, a, bb) in &cmp.findings {
        tf.rows.push(vec![
            scheme.class_label(k, c.lang),
            group_digits(*a as i64),
            group_digits(*bb as i64),
        ]);
    }
    b.push(Block::Table(tf));
    b
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sections::{Ctx, Issue};
    use tenken_core::demo::{fill, Size};
    use tenken_core::export::export;
    use tenken_core::{Lang, Store};

    /// A hand-made case: one department, this year's checklist cut to its first four items;
    /// last year's checklist had the first three and one item since dropped.
    #[test]
    fn the_comparison_matches_a_hand_computed_case() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("data")).unwrap();
        let demo = fill(&mut store, Size::Small).unwrap();
        let mut e = export(&store, demo.assessment_id).unwrap();
        e.assessment.checklist.items.truncate(4);
        let ids: Vec<String> = e
            .assessment
            .checklist
            .items
            .iter()
            .map(|i| i.id.clone())
            .collect();
        let d = e.departments[0].clone();
        e.departments = vec![d.clone()];
        let template = e.answers[0].clone();
        let answer = |item: &str, rating: &str| Response {
            department: d.name.clone(),
            item_id: item.into(),
            rating: Some(rating.into()),
            ..template.clone()
        };
        // This year: ○ △ ○ －.  Last year: △ × ○ (and ○ for the dropped item).
        e.answers = vec![
            answer(&ids[0], "conform"),
            answer(&ids[1], "partial"),
            answer(&ids[2], "conform"),
            answer(&ids[3], "na"),
        ];
        let p = e.previous.as_mut().unwrap();
        p.items = vec![
            ids[0].clone(),
            ids[1].clone(),
            ids[2].clone(),
            "DROPPED-1".into(),
        ];
        p.departments = vec![
            d.clone(),
            tenken_core::store::Department {
                id: 999,
                name: "廃止された課".into(),
            },
        ];
        p.answers = vec![
            answer(&ids[0], "partial"),
            answer(&ids[1], "nonconform"),
            answer(&ids[2], "conform"),
            answer("DROPPED-1", "conform"),
        ];
        let prev_classes: Vec<String> = p
            .findings
            .iter()
            .map(|f| f.classification.clone())
            .collect();
        let fp = crate::fingerprint(&e);
        let c = Ctx::new(
            &e,
            Lang::Ja,
            &fp,
            chrono::NaiveDate::from_ymd_opt(2027, 1, 15).unwrap(),
            Issue::Draft,
        );
        let cmp = compare(&c).unwrap();
        assert_eq!(
            cmp.common_items,
            ids[..3].to_vec(),
            "the dropped item and the new fourth are not compared"
        );
        assert_eq!((cmp.items_now, cmp.items_before), (4, 4));
        assert_eq!(cmp.common_departments, vec![d.name.clone()]);
        // Rates over the 3 common items: now ○△○ → 2/3; before △×○ → 1/3.
        assert_eq!(cmp.total.1.counts, vec![2, 1, 0, 0]);
        assert_eq!(cmp.total.0.counts, vec![1, 1, 1, 0]);
        assert_eq!(cmp.total.1.rate(ScaleKind::Audit), "66.7%");
        assert_eq!(cmp.total.0.rate(ScaleKind::Audit), "33.3%");
        assert_eq!(
            delta(ScaleKind::Audit, &cmp.total.0, &cmp.total.1),
            "+33.3 pt"
        );
        // △→○ and ×→△ improved; ○→○ unchanged.
        assert_eq!((cmp.improved, cmp.worsened), (2, 0));
        // Findings by class: last year's as stored, this year's as stored.
        for (k, before, now) in &cmp.findings {
            assert_eq!(*before, prev_classes.iter().filter(|x| *x == k).count());
            assert_eq!(
                *now,
                e.findings.iter().filter(|f| f.classification == *k).count()
            );
        }
        // And the section says it.
        let text: String = yoy(&c, 6)
            .iter()
            .filter_map(|b| {
                if let Block::Para { text, .. } = b {
                    Some(text.clone())
                } else {
                    None
                }
            })
            .collect();
        assert!(text.contains("3 項目"), "{text}");
    }

    /// Scope per department: a department × item pair out of scope in either year is not
    /// compared (neither counted as unrated nor as improved or worsened).
    #[test]
    fn pairs_out_of_scope_in_either_year_are_not_compared() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("data")).unwrap();
        let demo = fill(&mut store, Size::Small).unwrap();
        let mut e = export(&store, demo.assessment_id).unwrap();
        e.assessment.checklist.items.truncate(3);
        let ids: Vec<String> = e
            .assessment
            .checklist
            .items
            .iter()
            .map(|i| i.id.clone())
            .collect();
        let d = e.departments[0].clone();
        e.departments = vec![d.clone()];
        let template = e.answers[0].clone();
        let answer = |item: &str, rating: &str| Response {
            department: d.name.clone(),
            item_id: item.into(),
            rating: Some(rating.into()),
            ..template.clone()
        };
        // This year ○ ○ (third item out of scope); last year × × × (first item out of scope).
        e.answers = vec![answer(&ids[0], "conform"), answer(&ids[1], "conform")];
        e.out_of_scope = [(d.name.clone(), [ids[2].clone()].into())].into();
        let p = e.previous.as_mut().unwrap();
        p.items = ids.clone();
        p.departments = vec![d.clone()];
        p.answers = vec![answer(&ids[1], "nonconform"), answer(&ids[2], "nonconform")];
        p.out_of_scope = [(d.name.clone(), [ids[0].clone()].into())].into();
        let fp = crate::fingerprint(&e);
        let c = Ctx::new(
            &e,
            Lang::Ja,
            &fp,
            chrono::NaiveDate::from_ymd_opt(2027, 1, 15).unwrap(),
            Issue::Draft,
        );
        let cmp = compare(&c).unwrap();
        // Only the second item was asked in both years: × → ○.
        assert_eq!(cmp.total.1.counts, vec![1, 0, 0, 0]);
        assert_eq!(cmp.total.0.counts, vec![0, 0, 1, 0]);
        assert_eq!((cmp.total.0.unrated, cmp.total.1.unrated), (0, 0));
        assert_eq!((cmp.improved, cmp.worsened), (1, 0));
    }
}
