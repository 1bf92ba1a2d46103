//! The cover page and the 目次.

use crate::layout::{Block, Cover};

use super::{Ctx, Issue};

/// The version line of the cover: 「案」 or 「第1版」.
pub fn issue_label(c: &Ctx) -> String {
    match c.issue {
        Issue::Draft => c.t("report-issue-draft", &[]),
        Issue::Final { version } => c.t("report-issue-final", &[("version", version.into())]),
    }
}

/// A cover; `addressee` as printed (「東雲市情報セキュリティ委員会　御中」).
pub fn cover(c: &Ctx, title: String, subtitle: String, addressee: String) -> Vec<Block> {
    let a = &c.e.assessment;
    vec![Block::Cover(Cover {
        marking: c.t("report-handling", &[]),
        addressee,
        title,
        subtitle,
        issue: issue_label(c),
        organisation: c.e.organisation.name.clone(),
        date: c.date(c.today),
        prepared: c.t(
            "report-cover-prepared",
            &[("who", a.auditors.join(&c.sep).into())],
        ),
        notice: c.t("report-cover-notice", &[]),
    })]
}

/// The committee report's cover and 目次.
pub fn committee(c: &Ctx) -> Vec<Block> {
    let mut b = cover(
        c,
        c.title(),
        c.t(
            "report-cover-assessment",
            &[("title", (&c.e.assessment.title).into())],
        ),
        match c
            .e
            .organisation
            .addressee
            .as_deref()
            .filter(|a| !a.trim().is_empty())
        {
            Some(a) => c.t("report-addressee", &[("addressee", a.into())]),
            None => String::new(),
        },
    );
    b.push(Block::Toc {
        title: c.t("report-toc", &[]),
    });
    b
}
