//! 良好事項・特記事項.

use crate::layout::{Block, Col, Table, BODY_W};

use super::{h1, para, Ctx};

/// The remarks (of one department and the organisation-wide ones, or all).
pub fn table(c: &Ctx, department: Option<&str>) -> Option<Table> {
    let remarks: Vec<_> =
        c.e.remarks
            .iter()
            .filter(|r| department.is_none_or(|d| r.department.as_deref().is_none_or(|x| x == d)))
            .collect();
    if remarks.is_empty() {
        return None;
    }
    let mut rt = Table::new(
        vec![Col::left(80.0), Col::left(100.0), Col::left(BODY_W - 180.0)],
        Some(vec![
            c.t("report-col-kind", &[]),
            c.t("report-col-department", &[]),
            c.t("report-col-content", &[]),
        ]),
        9.0,
    );
    for r in remarks {
        rt.rows.push(vec![
            r.kind.label(c.lang),
            r.department
                .clone()
                .unwrap_or_else(|| c.t("report-remark-org-wide", &[])),
            r.text.clone(),
        ]);
    }
    Some(rt)
}

pub fn remarks(c: &Ctx, n: usize) -> Vec<Block> {
    let mut b = vec![h1(c.num(n, c.t("report-sec-remarks", &[])))];
    match table(c, None) {
        Some(t) => b.push(Block::Table(t)),
        None => b.push(para(c.t("report-remarks-none", &[]))),
    }
    b
}
