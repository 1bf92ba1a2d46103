//! 別紙2 証跡一覧: one row per piece of evidence, with the full SHA-256.

use tenken_core::i18n::group_digits;
use tenken_core::store::{Evidence, EvidenceLink};
use tenken_core::EvidenceKind;

use crate::font::Metrics;
use crate::layout::{Block, Col, Table, BODY_W};

use super::{h1, para, Ctx};

const SIZE: f32 = 5.5;

/// The evidence table (of the pieces given).
pub fn table(c: &Ctx, evidence: &[&Evidence]) -> Table {
    let m = Metrics::get();
    let hash_w = evidence
        .iter()
        .filter_map(|ev| ev.sha256.as_deref())
        .map(|h| m.width(h, SIZE))
        .fold(m.width(&"0".repeat(64), SIZE), f32::max)
        + 7.0;
    let (no_w, size_w, date_w) = (20.0, 28.0, 40.0);
    let rest = BODY_W - no_w - size_w - date_w - hash_w;
    let mut et = Table::new(
        vec![
            Col::right(no_w),
            Col::left(rest * 0.625),
            Col::right(size_w),
            Col::left(date_w),
            Col::left(hash_w),
            Col::left(rest * 0.375),
        ],
        Some(vec![
            c.t("report-col-number", &[]),
            c.t("report-col-evidence-name", &[]),
            c.t("report-col-size", &[]),
            c.t("report-col-evidence-date", &[]),
            c.t("report-col-sha", &[]),
            c.t("report-col-supports", &[]),
        ]),
        SIZE,
    );
    et.compact = true;
    for (k, ev) in evidence.iter().enumerate() {
        // Files by name; paper documents and observations marked as such (their place and
        // description are in the store and the notices).
        let name = if ev.kind == EvidenceKind::File {
            ev.title.clone()
        } else {
            format!("{} [{}]", ev.title, ev.kind.label(c.lang))
        };
        let supports: Vec<String> = ev
            .links
            .iter()
            .map(|l| match l {
                EvidenceLink::Response {
                    department,
                    item_id,
                } => format!("{department} {item_id}"),
                EvidenceLink::Finding { number, .. } => c.t(
                    "report-ev-finding",
                    &[("number", number.to_string().into())],
                ),
            })
            .collect();
        let size = ev
            .size
            .map(|s| group_digits(s as i64))
            .unwrap_or_else(|| c.none.clone());
        // ISO dates here: one line per piece of evidence.
        let day = ev
            .file_date
            .as_deref()
            .unwrap_or(&ev.recorded_at)
            .get(..10)
            .unwrap_or_default()
            .to_string();
        et.rows.push(vec![
            (k + 1).to_string(),
            name,
            size,
            day,
            ev.sha256.clone().unwrap_or_else(|| c.none.clone()),
            supports.join(&c.sep),
        ]);
    }
    et
}

pub fn evidence(c: &Ctx) -> Vec<Block> {
    let all: Vec<&Evidence> = c.e.evidence.iter().collect();
    vec![
        Block::PageBreak,
        h1(c.t("report-sec-app-evidence", &[])),
        para(c.t(
            "report-app-evidence-intro",
            &[("count", group_digits(all.len() as i64).into())],
        )),
        Block::Table(table(c, &all)),
    ]
}
