//! tenken-report: the PDF 監査報告書 / 自己点検結果報告書.
//!
//! `content` turns an [`AssessmentExport`] and a language into blocks; `layout` turns blocks
//! into pages of positioned boxes (pure; two passes so that the 目次 carries page numbers);
//! `pdf` writes the boxes with printpdf, embedding a subset of the bundled IPAexGothic.
//! `stamp` computes the fingerprint of the data, printed on the last page and stored in the
//! PDF metadata with per-part digests so that `verify-report` can say what changed.

pub mod content;
pub mod docx;
pub mod font;
pub mod layout;
pub mod pdf;
pub mod sections;
pub mod stamp;
pub mod text;
pub mod verify;

use chrono::NaiveDate;
use tenken_core::export::AssessmentExport;
use tenken_core::i18n::Arg;
use tenken_core::Lang;

pub use content::Kind;
pub use sections::Issue;
pub use stamp::{diff, fingerprint, Change, Stamp};

/// Which document to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Doc {
    /// The committee report.
    Committee,
    /// The result notice to one department.
    Notice(String),
    /// The old full-detail report (benchmark only).
    Full,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("PDF writer: {0}")]
    Pdf(String),
    #[error("layout did not settle: {0} pages then {1}")]
    Unstable(usize, usize),
    #[error("no department {0} in the assessment")]
    UnknownDepartment(String),
}

/// What a render produced, besides the bytes.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: usize,
    pub fingerprint: String,
    /// The digest of the document written into it (and recorded for a final).
    pub document_digest: String,
    /// Seconds spent in layout and in the PDF writer.
    pub layout_seconds: f64,
    pub write_seconds: f64,
}

/// Renders the report, dated today. `progress(done, total)` is called as work proceeds.
pub fn render(
    export: &AssessmentExport,
    lang: Lang,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<u8>, ReportError> {
    render_at(export, lang, chrono::Local::now().date_naive(), progress).map(|r| r.bytes)
}

/// Lays out the report pages only (for tests and tools).
pub fn layout_pages(
    export: &AssessmentExport,
    lang: Lang,
    today: NaiveDate,
) -> Result<(Vec<layout::Page>, Vec<layout::TocEntry>), ReportError> {
    let fp = fingerprint(export);
    let c = content::build(export, lang, &fp, today);
    let (pages, toc) = paginate(&c, lang, &mut |_, _| {})?;
    Ok((pages, toc))
}

fn paginate(
    c: &content::Content,
    lang: Lang,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(Vec<layout::Page>, Vec<layout::TocEntry>), ReportError> {
    let m = font::Metrics::get();
    let n = c.blocks.len();
    // Pass 1 finds where the headings land; pass 2 prints those numbers in the 目次.
    let first = layout::layout(m, &c.blocks, &[], &mut |d, _| progress(d, 3 * n));
    let second = layout::layout(m, &c.blocks, &first.toc, &mut |d, _| progress(n + d, 3 * n));
    if second.pages.len() != first.pages.len() || second.toc != first.toc {
        return Err(ReportError::Unstable(first.pages.len(), second.pages.len()));
    }
    let mut pages = second.pages;
    let label = |n: usize, total: usize| {
        content::t(
            lang,
            "report-page",
            &[
                ("n", Arg::Number(n as i64)),
                ("total", Arg::Number(total as i64)),
            ],
        )
    };
    layout::decorate(
        m,
        &mut pages,
        &c.title,
        &c.marking,
        &label,
        c.watermark.as_deref(),
    );
    Ok((pages, second.toc))
}

/// Renders the committee report as a draft, as of `today` (the date printed on the cover).
pub fn render_at(
    export: &AssessmentExport,
    lang: Lang,
    today: NaiveDate,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Rendered, ReportError> {
    render_doc(export, &Doc::Committee, lang, today, Issue::Draft, progress)
}

/// The data a document is made from: the export, or for a notice the export narrowed to
/// its department.
pub fn data_of<'e>(
    export: &'e AssessmentExport,
    doc: &Doc,
) -> Result<std::borrow::Cow<'e, AssessmentExport>, ReportError> {
    match doc {
        Doc::Notice(d) => sections::notice::narrow(export, d)
            .map(std::borrow::Cow::Owned)
            .ok_or_else(|| ReportError::UnknownDepartment(d.clone())),
        _ => Ok(std::borrow::Cow::Borrowed(export)),
    }
}

/// The stamp a document of `export` carries (before its document digest).
pub fn stamp_of(export: &AssessmentExport, doc: &Doc, issue: Issue) -> Result<Stamp, ReportError> {
    let data = data_of(export, doc)?;
    let mut stamp = Stamp::of(&data);
    if let Doc::Notice(d) = doc {
        stamp.department = Some(d.clone());
    }
    if let Issue::Final { version } = issue {
        stamp.version = Some(version);
    }
    Ok(stamp)
}

/// Renders one document: the committee report, a department's notice, or the old full report.
pub fn render_doc(
    export: &AssessmentExport,
    doc: &Doc,
    lang: Lang,
    today: NaiveDate,
    issue: Issue,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Rendered, ReportError> {
    let t0 = std::time::Instant::now();
    let data = data_of(export, doc)?;
    let export: &AssessmentExport = &data;
    let mut stamp = Stamp::of(export);
    if let Doc::Notice(d) = doc {
        stamp.department = Some(d.clone());
    }
    if let Issue::Final { version } = issue {
        stamp.version = Some(version);
    }
    let kind = match doc {
        Doc::Committee => Kind::Committee,
        Doc::Notice(_) => Kind::Notice,
        Doc::Full => Kind::Full,
    };
    let c = content::build_kind(export, &kind, lang, &stamp.fingerprint, today, issue);
    let n = c.blocks.len();
    let (pages, _) = paginate(&c, lang, progress)?;
    let layout_seconds = t0.elapsed().as_secs_f64();
    let t1 = std::time::Instant::now();
    let title = c.doc_title.clone();
    let meta = pdf::Meta {
        title: title.clone(),
        author: export.organisation.name.clone(),
        subject: format!(
            "{} — {} — tenken-fingerprint:{}",
            title, export.assessment.title, stamp.fingerprint
        ),
        keywords: stamp.keywords(),
        created: chrono::Utc::now(),
    };
    let np = pages.len();
    let (bytes, document_digest) = pdf::write(&pages, &meta, &mut |d, total| {
        progress(2 * n + d * n / total.max(1), 3 * n)
    })
    .map_err(ReportError::Pdf)?;
    tracing::info!(target: "tenken", event = "report_render", format = "pdf",
        kind = kind_name(doc), final_ = matches!(issue, Issue::Final { .. }), pages = np,
        bytes = bytes.len(), duration_ms = t0.elapsed().as_millis() as u64);
    Ok(Rendered {
        bytes,
        pages: np,
        fingerprint: stamp.fingerprint,
        document_digest,
        layout_seconds,
        write_seconds: t1.elapsed().as_secs_f64(),
    })
}

/// The kind of document, for log events (a notice's department name is not logged).
fn kind_name(doc: &Doc) -> &'static str {
    match doc {
        Doc::Committee => "committee",
        Doc::Notice(_) => "notice",
        Doc::Full => "full",
    }
}

/// The editable working copy (DOCX) of a document: the same sections as the PDF.
pub fn render_docx(
    export: &AssessmentExport,
    doc: &Doc,
    lang: Lang,
    today: NaiveDate,
    issue: Issue,
) -> Result<Rendered, ReportError> {
    let t0 = std::time::Instant::now();
    let data = data_of(export, doc)?;
    let export: &AssessmentExport = &data;
    let fingerprint = fingerprint(export);
    let kind = match doc {
        Doc::Committee => Kind::Committee,
        Doc::Notice(_) => Kind::Notice,
        Doc::Full => Kind::Full,
    };
    let c = content::build_kind(export, &kind, lang, &fingerprint, today, issue);
    let note = content::t(
        lang,
        "report-docx-working-copy",
        &[("fingerprint", fingerprint.clone().into())],
    );
    let hint = content::t(lang, "report-docx-toc-hint", &[]);
    let layout_seconds = t0.elapsed().as_secs_f64();
    let t1 = std::time::Instant::now();
    let bytes =
        docx::write(&c.blocks, &c.doc_title, &c.title, &note, &hint).map_err(ReportError::Pdf)?;
    tracing::info!(target: "tenken", event = "report_render", format = "docx",
        kind = kind_name(doc), bytes = bytes.len(), duration_ms = t0.elapsed().as_millis() as u64);
    Ok(Rendered {
        bytes,
        pages: 0,
        fingerprint,
        document_digest: String::new(),
        layout_seconds,
        write_seconds: t1.elapsed().as_secs_f64(),
    })
}

/// Renders several documents (e.g. every department's notice) on all cores; results in order.
pub fn render_many(
    export: &AssessmentExport,
    docs: &[(Doc, Issue)],
    lang: Lang,
    today: NaiveDate,
) -> Vec<Result<Rendered, ReportError>> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 8)
        .min(docs.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut out: Vec<Option<Result<Rendered, ReportError>>> =
        (0..docs.len()).map(|_| None).collect();
    let done = std::sync::Mutex::new(&mut out);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some((doc, issue)) = docs.get(i) else {
                    break;
                };
                let r = render_doc(export, doc, lang, today, *issue, &mut |_, _| {});
                if let Ok(mut g) = done.lock() {
                    g[i] = Some(r);
                }
            });
        }
    });
    out.into_iter()
        .map(|r| r.unwrap_or(Err(ReportError::Pdf("not rendered".into()))))
        .collect()
}

/// The fingerprint a tenken PDF carries, if any.
pub fn read_fingerprint(pdf_bytes: &[u8]) -> Option<String> {
    read_stamp(pdf_bytes).map(|s| s.fingerprint)
}

/// The fingerprint and per-part digests a tenken PDF carries, if any.
pub fn read_stamp(pdf_bytes: &[u8]) -> Option<Stamp> {
    pdf::read_keywords(pdf_bytes).and_then(|k| Stamp::parse(&k))
}

/// A change, said in `lang` (for `verify-report`).
pub fn describe(change: &Change, lang: Lang) -> String {
    let t = |id: &str, args: &[(&str, Arg)]| content::t(lang, id, args);
    match change {
        Change::Section(s) => t(
            "report-change-section",
            &[("part", t(&format!("report-part-{s}"), &[]).into())],
        ),
        Change::FindingChanged(n) => t(
            "report-change-finding-changed",
            &[("number", n.to_string().into())],
        ),
        Change::FindingAdded(n) => t(
            "report-change-finding-added",
            &[("number", n.to_string().into())],
        ),
        Change::FindingRemoved(n) => t(
            "report-change-finding-removed",
            &[("number", n.to_string().into())],
        ),
        Change::AnswersChanged(d) => t("report-change-answers", &[("department", d.into())]),
    }
}
