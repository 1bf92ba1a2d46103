//! 前年度指摘事項の改善状況 (only where a previous assessment exists).

use tenken_core::i18n::group_digits;

use crate::layout::{Block, Col, Table, BODY_W};

use super::{h1, para, Ctx};

/// The previous year's findings (of one department, or all) with their status and the
/// findings of this year that follow them up.
pub fn table(c: &Ctx, department: Option<&str>) -> Option<Table> {
    let p = c.e.previous.as_ref()?;
    let mut pt = Table::new(
        vec![
            Col::center(30.0),
            Col::left(80.0),
            Col::left(BODY_W - 30.0 - 80.0 - 70.0 - 60.0 - 60.0),
            Col::left(70.0),
            Col::left(60.0),
            Col::left(60.0),
        ],
        Some(vec![
            c.t("report-col-number", &[]),
            c.t("report-col-department", &[]),
            c.t("report-col-fact", &[]),
            c.t("report-col-clause", &[]),
            c.t("report-col-status", &[]),
            c.t("report-col-followup", &[]),
        ]),
        8.5,
    );
    for pf in p
        .findings
        .iter()
        .filter(|f| department.is_none_or(|d| d == f.department))
    {
        let follow: Vec<String> =
            c.e.findings
                .iter()
                .filter(|f| f.follows_up == Some(pf.id))
                .map(|f| f.number.to_string())
                .collect();
        pt.rows.push(vec![
            pf.number.to_string(),
            pf.department.clone(),
            pf.fact.clone(),
            pf.cited_clause.clone(),
            pf.status.label(c.lang),
            if follow.is_empty() {
                c.none.clone()
            } else {
                follow.join(&c.sep)
            },
        ]);
    }
    (!pt.rows.is_empty()).then_some(pt)
}

/// The section; empty when there is no previous assessment.
pub fn followup(c: &Ctx, n: usize) -> Vec<Block> {
    let Some(p) = &c.e.previous else {
        return vec![];
    };
    let mut b = vec![h1(c.num(n, c.t("report-sec-previous", &[])))];
    match table(c, None) {
        None => b.push(para(c.t("report-prev-none", &[]))),
        Some(t) => {
            b.push(para(c.t(
                "report-prev-intro",
                &[
                    ("title", (&p.title).into()),
                    ("count", group_digits(p.findings.len() as i64).into()),
                ],
            )));
            b.push(Block::Table(t));
        }
    }
    b
}
