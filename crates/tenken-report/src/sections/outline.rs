//! 監査の概要: purpose, scope, criteria, checklist, period, team, method, interviews.

use tenken_core::i18n::group_digits;

use crate::layout::{Block, Col, Table, BODY_W};

use super::{h1, h2, Ctx};

pub fn outline(c: &Ctx, n: usize) -> Vec<Block> {
    let (e, a) = (c.e, &c.e.assessment);
    let mut b = vec![];
    let yes = if c.audit() { "yes" } else { "no" };
    b.push(h1(
        c.num(n, c.t("report-sec-overview", &[("audit", yes.into())]))
    ));
    let mut ov = Table::new(vec![Col::label(86.0), Col::left(BODY_W - 86.0)], None, 9.0);
    ov.rows.push(vec![
        c.t("report-ov-purpose", &[]),
        c.t("report-ov-purpose-text", &[("audit", yes.into())]),
    ]);
    let names: Vec<&str> = e.departments.iter().map(|d| d.name.as_str()).collect();
    ov.rows.push(vec![
        c.t("report-ov-scope", &[]),
        c.t(
            "report-ov-scope-text",
            &[
                ("count", group_digits(names.len() as i64).into()),
                ("names", names.join(&c.sep).into()),
            ],
        ),
    ]);
    let criteria = match &e.policy {
        Some(p) => c.t(
            "report-ov-criteria-text",
            &[
                (
                    "policy",
                    p.title
                        .clone()
                        .unwrap_or_else(|| p.source_name.clone())
                        .into(),
                ),
                ("date", c.date_str(&p.imported_at).into()),
            ],
        ),
        None => c.t("report-ov-criteria-none", &[]),
    };
    ov.rows.push(vec![c.t("report-ov-criteria", &[]), criteria]);
    ov.rows.push(vec![
        c.t("report-ov-checklist", &[]),
        c.t(
            "report-ov-checklist-text",
            &[
                ("title", a.checklist.title.get(c.lang).into()),
                ("version", (&a.checklist.version).into()),
                ("items", group_digits(a.checklist.items.len() as i64).into()),
            ],
        ),
    ]);
    ov.rows.push(vec![
        c.t("report-ov-period", &[]),
        c.t(
            "report-ov-period-text",
            &[
                ("from", c.date_or_none(a.period_start).into()),
                ("to", c.date_or_none(a.period_end).into()),
            ],
        ),
    ]);
    ov.rows
        .push(vec![c.t("report-ov-team", &[]), a.auditors.join(&c.sep)]);
    let methods: Vec<String> = tenken_core::checklist::METHODS
        .iter()
        .filter(|key| {
            a.checklist
                .items
                .iter()
                .any(|i| i.methods.iter().any(|x| x == *key))
        })
        .map(|k| c.t(&format!("method-{k}"), &[]))
        .collect();
    ov.rows
        .push(vec![c.t("report-ov-method", &[]), methods.join(&c.sep)]);
    b.push(Block::Table(ov));
    if !e.interviews.is_empty() {
        b.push(h2(c.t("report-ov-interviews", &[]), false));
        b.push(Block::Table(interviews(c, None)));
    }
    b
}

/// The interviews held (of one department, or all).
pub fn interviews(c: &Ctx, department: Option<&str>) -> Table {
    let mut it = Table::new(
        vec![
            Col::left(100.0),
            Col::left(82.0),
            Col::left(70.0),
            Col::left(BODY_W - 100.0 - 82.0 - 70.0 - 80.0),
            Col::left(80.0),
        ],
        Some(vec![
            c.t("report-col-department", &[]),
            c.t("report-col-date", &[]),
            c.t("report-col-place", &[]),
            c.t("report-col-attendees", &[]),
            c.t("report-col-auditor", &[]),
        ]),
        8.0,
    );
    for i in
        c.e.interviews
            .iter()
            .filter(|i| department.is_none_or(|d| d == i.department))
    {
        it.rows.push(vec![
            i.department.clone(),
            c.date(i.held_on),
            i.place.clone(),
            i.attendees.clone(),
            i.auditor.clone(),
        ]);
    }
    it
}
