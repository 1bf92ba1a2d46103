//! 承認欄 and the fingerprint, together on the last page.

use crate::layout::{Block, Col, Color, Table, BODY_W};

use super::{h1, h2, para, Ctx};

/// The fingerprint paragraph block (also on each notice).
pub fn fingerprint(c: &Ctx) -> Vec<Block> {
    vec![
        h2(c.t("report-fp-title", &[]), false),
        para(c.t("report-fp-text", &[])),
        Block::Para {
            text: format!("SHA-256: {}", c.fingerprint),
            size: 9.0,
            indent: 12.0,
            color: Color::BLACK,
        },
        Block::Para {
            text: c.t("report-generated", &[("date", c.date(c.today).into())]),
            size: 8.0,
            indent: 0.0,
            color: Color::GREY,
        },
    ]
}

pub fn approval(c: &Ctx) -> Vec<Block> {
    let mut b = vec![
        Block::PageBreak,
        h1(c.t("report-sec-approval", &[])),
        para(c.t("report-approval-intro", &[])),
    ];
    let mut ap = Table::new(
        vec![
            Col::left(180.0),
            Col::left(150.0),
            Col::center(105.0),
            Col::center(BODY_W - 435.0),
        ],
        Some(vec![
            c.t("report-approval-role", &[]),
            c.t("report-approval-name", &[]),
            c.t("report-approval-date", &[]),
            c.t("report-approval-seal", &[]),
        ]),
        9.0,
    );
    ap.min_row_h = 40.0;
    ap.keep_together = true;
    let blank_date = c.t("report-approval-date-blank", &[]);
    for role in [
        "report-role-ciso",
        "report-role-committee",
        "report-role-lead",
    ] {
        ap.rows.push(vec![
            c.t(role, &[]),
            String::new(),
            blank_date.clone(),
            String::new(),
        ]);
    }
    b.push(Block::Table(ap));
    b.extend(fingerprint(c));
    b
}
