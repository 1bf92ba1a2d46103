//! Report content: an `AssessmentExport` and a language → blocks for `layout`, put together
//! from the sections in [`crate::sections`]. Every fixed string comes from Fluent
//! (`locales/*/report.ftl`); numbers and dates are formatted there.

use chrono::NaiveDate;
use tenken_core::export::AssessmentExport;
use tenken_core::Lang;

use crate::layout::Block;
use crate::sections::{self, Ctx, Issue};

pub(crate) use crate::sections::t;
pub use crate::sections::title;

/// Which document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// The committee report (short: findings one row each, the compact matrix).
    Committee,
    /// The result notice to one department (made from the export narrowed to it).
    Notice,
    /// The old full-detail report (every finding and every department's results in full):
    /// kept for the throughput benchmark.
    Full,
}

pub struct Content {
    pub blocks: Vec<Block>,
    /// Running header text.
    pub title: String,
    /// The document's title (PDF metadata).
    pub doc_title: String,
    pub marking: String,
    /// The diagonal watermark of a draft (None for a final).
    pub watermark: Option<String>,
}

/// The committee report, as a draft (kept for callers of the first API).
pub fn build(e: &AssessmentExport, lang: Lang, fingerprint: &str, today: NaiveDate) -> Content {
    build_kind(e, &Kind::Committee, lang, fingerprint, today, Issue::Draft)
}

pub fn build_kind(
    e: &AssessmentExport,
    kind: &Kind,
    lang: Lang,
    fingerprint: &str,
    today: NaiveDate,
    issue: Issue,
) -> Content {
    let c = Ctx::new(e, lang, fingerprint, today, issue);
    let mut b: Vec<Block> = vec![];
    let doc_title = match kind {
        Kind::Notice => {
            b.extend(sections::notice::notice(&c));
            let dept = e
                .departments
                .first()
                .map(|d| d.name.clone())
                .unwrap_or_default();
            format!("{}（{}）", sections::notice::title(&c), dept)
        }
        Kind::Committee | Kind::Full => {
            b.extend(sections::cover::committee(&c));
            b.extend(sections::outline::outline(&c, 1));
            b.extend(sections::summary::summary(&c, 2));
            b.extend(if *kind == Kind::Full {
                sections::findings::full(&c, 3)
            } else {
                sections::findings::committee(&c, 3)
            });
            b.extend(sections::remarks::remarks(&c, 4));
            let mut n = 5;
            let prev = sections::followup::followup(&c, n);
            if !prev.is_empty() {
                b.extend(prev);
                n += 1;
            }
            b.extend(sections::yoy::yoy(&c, n));
            b.extend(if *kind == Kind::Full {
                sections::matrix::full(&c)
            } else {
                sections::matrix::matrix(&c)
            });
            b.extend(sections::evidence::evidence(&c));
            b.extend(sections::approval::approval(&c));
            title(e, lang)
        }
    };
    let running = match lang {
        Lang::Ja => format!("{}　{}", e.organisation.name, doc_title),
        Lang::En => format!("{} — {}", e.organisation.name, doc_title),
    };
    let watermark = (issue == Issue::Draft).then(|| c.t("report-watermark", &[]));
    Content {
        blocks: b,
        title: running,
        doc_title,
        marking: c.t("report-handling", &[]),
        watermark,
    }
}
