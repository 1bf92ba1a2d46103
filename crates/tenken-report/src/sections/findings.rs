//! 指摘事項: the committee's findings table (every finding one row, the fact in full) and the
//! full text of findings (risk, recommendation, evidence) for the department notices.

use std::collections::HashMap;

use tenken_core::i18n::group_digits;
use tenken_core::store::{EvidenceLink, Finding};

use crate::layout::{Block, Col, Table, BODY_W};

use super::{h1, para, Ctx};

/// "重大な不適合 3 件、軽微な不適合 5 件".
pub fn breakdown(c: &Ctx, findings: &[&Finding]) -> String {
    let scheme = c.e.assessment.classification;
    scheme
        .classes()
        .iter()
        .map(|k| {
            (
                k,
                findings.iter().filter(|f| f.classification == *k).count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| {
            c.t(
                "report-class-count",
                &[
                    ("label", scheme.class_label(k, c.lang).into()),
                    ("count", group_digits(n as i64).into()),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(&c.sep)
}

fn intro(c: &Ctx, findings: &[&Finding]) -> Block {
    para(c.t(
        "report-findings-intro",
        &[
            ("count", group_digits(findings.len() as i64).into()),
            ("breakdown", breakdown(c, findings).into()),
        ],
    ))
}

/// The findings table: one row per finding.
pub fn table(c: &Ctx, findings: &[&Finding]) -> Table {
    let scheme = c.e.assessment.classification;
    let fixed = [22.0, 62.0, 58.0, 0.0, 50.0, 30.0, 58.0, 36.0]; // the due date (令和9年3月31日) on one line
    let fact_w = BODY_W - fixed.iter().sum::<f32>();
    let cols: Vec<Col> = fixed
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i == 0 {
                Col::center(*w)
            } else if i == 3 {
                Col::left(fact_w)
            } else {
                Col::left(*w)
            }
        })
        .collect();
    let head = [
        "report-col-number",
        "report-col-department",
        "report-col-clause",
        "report-col-fact",
        "report-f-class",
        "report-f-priority",
        "report-f-due",
        "report-f-status",
    ];
    let mut t = Table::new(cols, Some(head.iter().map(|k| c.t(k, &[])).collect()), 7.0);
    for f in findings {
        t.rows.push(vec![
            f.number.to_string(),
            f.department.clone(),
            c.or_none(&f.cited_clause),
            c.or_none(&f.fact),
            scheme.class_label(&f.classification, c.lang),
            f.priority.label(c.lang),
            c.date_or_none(f.due_date),
            f.status.label(c.lang),
        ]);
    }
    t
}

/// The committee report's section: a count by class and the table of every finding.
pub fn committee(c: &Ctx, n: usize) -> Vec<Block> {
    let mut b = vec![
        Block::PageBreak,
        h1(c.num(n, c.t("report-sec-findings", &[]))),
    ];
    let all: Vec<&Finding> = c.e.findings.iter().collect();
    if all.is_empty() {
        b.push(para(c.t("report-findings-none", &[])));
        return b;
    }
    b.push(intro(c, &all));
    b.push(para(c.t("report-findings-table-note", &[])));
    b.push(Block::Table(table(c, &all)));
    b
}

/// Each finding in full (department, owner, class, priority, due, status, clause, item, fact,
/// risk, recommendation, evidence, the previous year's finding it follows up).
pub fn detail(c: &Ctx, findings: &[&Finding]) -> Vec<Block> {
    let (e, a) = (c.e, &c.e.assessment);
    let scheme = a.classification;
    let mut b = vec![];
    if findings.is_empty() {
        b.push(para(c.t("report-findings-none", &[])));
        return b;
    }
    b.push(intro(c, findings));
    let mut ev_of: HashMap<i64, Vec<&str>> = HashMap::new();
    for ev in &e.evidence {
        for l in &ev.links {
            if let EvidenceLink::Finding { finding_id, .. } = l {
                ev_of
                    .entry(*finding_id)
                    .or_default()
                    .push(ev.title.as_str());
            }
        }
    }
    let prev_number: HashMap<i64, i64> = e
        .previous
        .iter()
        .flat_map(|p| p.findings.iter().map(|f| (f.id, f.number)))
        .collect();
    let lw = 66.0;
    let vw = (BODY_W - 2.0 * lw) / 2.0;
    for f in findings {
        b.push(Block::Heading {
            level: 3,
            text: c.t(
                "report-finding-title",
                &[
                    ("number", f.number.to_string().into()),
                    ("department", (&f.department).into()),
                ],
            ),
            toc: false,
        });
        let mut ft = Table::new(
            vec![Col::label(lw), Col::left(vw), Col::label(lw), Col::left(vw)],
            None,
            8.5,
        );
        ft.keep_together = true;
        ft.rows.push(vec![
            c.t("report-f-department", &[]),
            f.department.clone(),
            c.t("report-f-owner", &[]),
            c.or_none(&f.owner),
        ]);
        ft.rows.push(vec![
            c.t("report-f-class", &[]),
            scheme.class_label(&f.classification, c.lang),
            c.t("report-f-priority", &[]),
            f.priority.label(c.lang),
        ]);
        ft.rows.push(vec![
            c.t("report-f-due", &[]),
            c.date_or_none(f.due_date),
            c.t("report-f-status", &[]),
            f.status.label(c.lang),
        ]);
        ft.rows.push(vec![
            c.t("report-f-clause", &[]),
            c.or_none(&f.cited_clause),
        ]);
        if let Some(item) = f.item_id.as_deref() {
            let q = a
                .checklist
                .item(item)
                .map(|i| i.question.get(c.lang).to_string())
                .unwrap_or_default();
            ft.rows.push(vec![
                c.t("report-f-item", &[]),
                format!("{item}　{q}").trim().to_string(),
            ]);
        }
        ft.rows
            .push(vec![c.t("report-f-fact", &[]), c.or_none(&f.fact)]);
        ft.rows
            .push(vec![c.t("report-f-risk", &[]), c.or_none(&f.risk)]);
        ft.rows.push(vec![
            c.t("report-f-recommendation", &[]),
            c.or_none(&f.recommendation),
        ]);
        if let Some(evs) = ev_of.get(&f.id) {
            ft.rows
                .push(vec![c.t("report-f-evidence", &[]), evs.join(&c.sep)]);
        }
        if let Some(n) = f.follows_up.and_then(|p| prev_number.get(&p)) {
            ft.rows.push(vec![
                c.t("report-f-previous", &[]),
                c.t("report-f-followup", &[("number", n.to_string().into())]),
            ]);
        }
        b.push(Block::Table(ft));
    }
    b
}

/// The old full-detail section (every finding in full): kept for the throughput benchmark.
pub fn full(c: &Ctx, n: usize) -> Vec<Block> {
    let mut b = vec![
        Block::PageBreak,
        h1(c.num(n, c.t("report-sec-findings", &[]))),
    ];
    b.extend(detail(c, &c.e.findings.iter().collect::<Vec<_>>()));
    b
}
