//! `import`: a filled sheet back into the store, all-or-nothing per file.
//!
//! Order: read the file → the hidden sheet → the assessment, checklist version, item list and
//! department it names → every header, item id and answer cell of 「点検表」 (all problems are
//! collected, not only the first) → a three-way comparison of each answer field (rating, note):
//!
//! | sheet vs issued | tenken vs issued            | result                                      |
//! |-----------------|-----------------------------|---------------------------------------------|
//! | same            | any                         | tenken's value stays (the department left it) |
//! | changed         | same, or equal to the sheet | the sheet's value                           |
//! | changed         | changed after issue, differs from the sheet | **conflict**                |
//!
//! A conflict refuses the whole file unless [`ConflictPolicy`] says which side wins. When
//! nothing is refused, every change is written in one transaction (`Store::record_answers`),
//! with one audit-log entry per changed answer; values equal to tenken's write nothing.

use std::collections::HashMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Range, Reader, Xlsx};
use serde::Serialize;
use tenken_core::i18n::{tr, Arg};
use tenken_core::store::{AnswerChange, Assessment, Response};
use tenken_core::{Lang, Result, Store};

use crate::meta::{items_digest, SheetMeta, META_SHEET};
use crate::sheets::{ANSWER_COL, FIRST_ROW, HEADERS, HEADER_ROW, ITEM_COL, MAIN_SHEET, NOTE_COL};
use crate::{cell_name, label};

/// Which side wins when the department and the auditor both changed an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictPolicy {
    /// Refuse the file (nothing imported) and list the conflicts. The default.
    #[default]
    Refuse,
    /// The sheet's value wins (`--accept-sheet`).
    Sheet,
    /// tenken's value stays; the rest of the file is imported (`--keep-tenken`).
    Tenken,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    pub on_conflict: ConflictPolicy,
    /// Validate and compare only; write nothing.
    pub dry_run: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportStatus {
    /// Answers were written.
    Imported,
    /// Valid, and nothing differs from tenken.
    Unchanged,
    /// Not imported: see `problems` (and `conflicts`). The store is unchanged.
    Refused,
    /// `--dry-run`: valid, and `changed` lists what an import would change; nothing written.
    Checked,
}

/// Something wrong with a file, where it is, and a Fluent message id with its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The file's name ("総務課.xlsx").
    pub file: String,
    pub sheet: Option<String>,
    pub cell: Option<String>,
    /// The Fluent message id (`xlsx-…`), stable for scripts.
    pub code: String,
    pub args: Vec<(String, String)>,
}

impl Problem {
    /// Where: `総務課.xlsx!F14` (the checklist sheet), `総務課.xlsx!_tenken!B2`, or the file.
    pub fn location(&self) -> String {
        match (&self.sheet, &self.cell) {
            (Some(s), Some(c)) if s == MAIN_SHEET => format!("{}!{c}", self.file),
            (Some(s), Some(c)) => format!("{}!{s}!{c}", self.file),
            (Some(s), None) => format!("{}!{s}", self.file),
            _ => self.file.clone(),
        }
    }

    /// `総務課.xlsx!F14: 「はい」は選択肢にありません（…）`
    pub fn message(&self, lang: Lang) -> String {
        let args: Vec<(&str, Arg)> = self
            .args
            .iter()
            .map(|(k, v)| (k.as_str(), Arg::Text(v.clone())))
            .collect();
        format!("{}: {}", self.location(), tr(lang, &self.code, &args))
    }
}

/// One answer field changed on both sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    pub item_id: String,
    pub department: String,
    pub cell: String,
    /// "rating" or "note".
    pub field: String,
    /// tenken's value (a rating as its Japanese label; "" = 未評価 / empty).
    pub tenken: String,
    pub sheet: String,
    /// When tenken's answer was last changed.
    pub tenken_updated_at: String,
}

impl Conflict {
    pub fn message(&self, lang: Lang) -> String {
        let shown = |v: &str| {
            if v.is_empty() {
                tr(
                    lang,
                    if self.field == "rating" {
                        "xlsx-unrated"
                    } else {
                        "xlsx-empty"
                    },
                    &[],
                )
            } else {
                v.to_string()
            }
        };
        let args = [
            ("item", Arg::Text(self.item_id.clone())),
            ("department", Arg::Text(self.department.clone())),
            (
                "field",
                Arg::Text(tr(lang, &format!("xlsx-field-{}", self.field), &[])),
            ),
            ("store", Arg::Text(shown(&self.tenken))),
            ("sheet", Arg::Text(shown(&self.sheet))),
        ];
        format!("{}: {}", self.cell, tr(lang, "xlsx-conflict", &args))
    }
}

/// What importing one file did.
#[derive(Debug, Clone, Serialize)]
pub struct ImportReport {
    pub file: PathBuf,
    pub status: ImportStatus,
    pub assessment_id: Option<i64>,
    pub department: Option<String>,
    /// Item ids whose answer was written (or would be, with `dry_run`).
    pub changed: Vec<String>,
    /// Items whose answer already matched (or where tenken's value stays).
    pub unchanged: usize,
    pub conflicts: Vec<Conflict>,
    pub conflict_policy: ConflictPolicy,
    pub problems: Vec<Problem>,
}

impl ImportReport {
    pub fn ok(&self) -> bool {
        self.status != ImportStatus::Refused
    }

    fn file_name(&self) -> String {
        file_name(&self.file)
    }

    /// Human lines: the status, then every problem and conflict.
    pub fn localized(&self, lang: Lang) -> String {
        let dept = Arg::Text(self.department.clone().unwrap_or_default());
        let file = Arg::Text(self.file_name());
        let mut lines = vec![match self.status {
            ImportStatus::Imported => tr(
                lang,
                "xlsx-status-imported",
                &[
                    ("file", file),
                    ("changed", self.changed.len().into()),
                    ("department", dept),
                    ("unchanged", self.unchanged.into()),
                ],
            ),
            ImportStatus::Unchanged => tr(
                lang,
                "xlsx-status-unchanged",
                &[
                    ("file", file),
                    ("department", dept),
                    ("unchanged", self.unchanged.into()),
                ],
            ),
            ImportStatus::Refused => tr(lang, "xlsx-status-refused", &[("file", file)]),
            ImportStatus::Checked => tr(
                lang,
                "xlsx-status-checked",
                &[
                    ("file", file),
                    ("changed", self.changed.len().into()),
                    ("department", dept),
                    ("unchanged", self.unchanged.into()),
                ],
            ),
        }];
        lines.extend(
            self.problems
                .iter()
                .map(|p| format!("  {}", p.message(lang))),
        );
        lines.extend(
            self.conflicts
                .iter()
                .map(|c| format!("  {}!{}", self.file_name(), c.message(lang))),
        );
        if self.ok() && !self.conflicts.is_empty() {
            let id = if self.conflict_policy == ConflictPolicy::Tenken {
                "xlsx-kept-tenken"
            } else {
                "xlsx-accepted-sheet"
            };
            lines.push(format!(
                "  {}",
                tr(lang, id, &[("count", self.conflicts.len().into())])
            ));
        }
        lines.join("\n")
    }

    /// JSON with messages in `lang` beside the codes.
    pub fn json(&self, lang: Lang) -> serde_json::Value {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        v["ok"] = self.ok().into();
        v["messages"] = self
            .problems
            .iter()
            .map(|p| p.message(lang))
            .collect::<Vec<_>>()
            .into();
        if let Some(cs) = v["conflicts"].as_array_mut() {
            for (c, orig) in cs.iter_mut().zip(&self.conflicts) {
                c["message"] = orig.message(lang).into();
            }
        }
        v
    }
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| p.display().to_string())
}

/// Imports one filled sheet, refusing it on any conflict.
pub fn import(store: &mut Store, file: &Path) -> Result<ImportReport> {
    import_with(store, file, &ImportOptions::default())
}

/// Imports one filled sheet. `Err` only for store failures (database, I/O of the store);
/// everything wrong with the file is a `Refused` report with its problems.
pub fn import_with(store: &mut Store, file: &Path, opts: &ImportOptions) -> Result<ImportReport> {
    let started = std::time::Instant::now();
    let report = import_sheet(store, file, opts);
    match &report {
        Ok(r) => tracing::info!(target: "tenken", event = "xlsx_import", status = ?r.status,
            assessment = r.assessment_id, changed = r.changed.len(), unchanged = r.unchanged,
            conflicts = r.conflicts.len(), problems = r.problems.len(),
            duration_ms = started.elapsed().as_millis() as u64),
        Err(e) => tracing::error!(target: "tenken", event = "xlsx_import_failed", code = e.code()),
    }
    report
}

fn import_sheet(store: &mut Store, file: &Path, opts: &ImportOptions) -> Result<ImportReport> {
    let mut report = ImportReport {
        file: file.to_path_buf(),
        status: ImportStatus::Refused,
        assessment_id: None,
        department: None,
        changed: vec![],
        unchanged: 0,
        conflicts: vec![],
        conflict_policy: opts.on_conflict,
        problems: vec![],
    };
    let name = file_name(file);
    let problem =
        |sheet: Option<&str>, cell: Option<String>, code: &str, args: &[(&str, String)]| Problem {
            file: name.clone(),
            sheet: sheet.map(str::to_string),
            cell,
            code: code.to_string(),
            args: args
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        };
    macro_rules! refuse {
        ($p:expr) => {{
            report.problems.push($p);
            return Ok(report);
        }};
    }

    // The file: a regular file of sane size, whose parts do not inflate beyond a bound
    // (a few kilobytes of zip can expand to gigabytes).
    match std::fs::metadata(file) {
        Ok(m) if !m.is_file() => refuse!(problem(
            None,
            None,
            "xlsx-unreadable",
            &[("reason", "not a regular file".into())]
        )),
        Ok(m) if m.len() > MAX_FILE_BYTES => refuse!(problem(
            None,
            None,
            "xlsx-too-large",
            &[("limit", mib(MAX_FILE_BYTES))]
        )),
        Ok(_) => {}
        Err(e) => refuse!(problem(
            None,
            None,
            "xlsx-unreadable",
            &[("reason", e.to_string())]
        )),
    }
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => refuse!(problem(
            None,
            None,
            "xlsx-unreadable",
            &[("reason", e.to_string())]
        )),
    };
    if bytes.is_empty() {
        refuse!(problem(None, None, "xlsx-empty-file", &[]));
    }
    if let Err(p) = check_inflation(&bytes, &problem) {
        refuse!(p);
    }
    let mut wb: Xlsx<_> = match Xlsx::new(Cursor::new(bytes)) {
        Ok(w) => w,
        Err(e) => refuse!(problem(
            None,
            None,
            "xlsx-not-xlsx",
            &[("reason", e.to_string())]
        )),
    };
    let names = wb.sheet_names();
    if !names.iter().any(|n| n == META_SHEET) {
        refuse!(problem(None, None, "xlsx-no-meta", &[]));
    }
    if !names.iter().any(|n| n == MAIN_SHEET) {
        refuse!(problem(
            Some(MAIN_SHEET),
            None,
            "xlsx-missing-sheet",
            &[("sheet", MAIN_SHEET.to_string())]
        ));
    }
    let meta_range = match wb.worksheet_range(META_SHEET) {
        Ok(r) => r,
        Err(e) => refuse!(problem(
            None,
            None,
            "xlsx-not-xlsx",
            &[("reason", e.to_string())]
        )),
    };
    let meta = match SheetMeta::read(&meta_range) {
        Ok(m) => m,
        Err(key) => refuse!(problem(
            Some(META_SHEET),
            None,
            "xlsx-bad-meta",
            &[("key", key)]
        )),
    };
    report.assessment_id = Some(meta.assessment_id);
    report.department = Some(meta.department_name.clone());

    // The assessment, checklist and department it names.
    let a: Assessment = match store.assessment(meta.assessment_id) {
        Ok(a) => a,
        Err(tenken_core::Error::UnknownAssessment(_)) => refuse!(problem(
            None,
            None,
            "xlsx-unknown-assessment",
            &[
                ("id", meta.assessment_id.to_string()),
                ("title", meta.assessment_title.clone())
            ]
        )),
        Err(e) => return Err(e),
    };
    if a.created_at != meta.assessment_created_at {
        refuse!(problem(
            None,
            None,
            "xlsx-other-assessment",
            &[
                ("id", meta.assessment_id.to_string()),
                ("sheet", meta.assessment_title.clone()),
                ("store", a.title.clone())
            ]
        ));
    }
    if a.checklist.id != meta.checklist_id
        || a.checklist.version != meta.checklist_version
        || a.scale.key() != meta.scale
    {
        refuse!(problem(
            None,
            None,
            "xlsx-checklist-version",
            &[
                (
                    "sheet",
                    format!("{} {}", meta.checklist_id, meta.checklist_version)
                ),
                (
                    "store",
                    format!("{} {}", a.checklist.id, a.checklist.version)
                )
            ]
        ));
    }
    let department = match store.department(a.id, &meta.department_id.to_string()) {
        Ok(d) if d.name == meta.department_name => d,
        Ok(_) | Err(tenken_core::Error::UnknownDepartment { .. }) => refuse!(problem(
            None,
            None,
            "xlsx-unknown-department",
            &[
                ("department", meta.department_name.clone()),
                ("id", meta.department_id.to_string())
            ]
        )),
        Err(e) => return Err(e),
    };
    // The items asked of this department now (scope per department): a sheet issued before
    // the scope changed lists other items and is refused rather than half-read.
    let asked = store.items_in_scope(a.id, department.id)?;
    if items_digest(asked.iter().map(|i| i.id.as_str())) != meta.items_digest {
        refuse!(problem(
            None,
            None,
            "xlsx-item-list",
            &[
                ("sheet", meta.items.len().to_string()),
                ("store", asked.len().to_string())
            ]
        ));
    }

    // Every cell of 点検表.
    let range = match wb.worksheet_range(MAIN_SHEET) {
        Ok(r) => r,
        Err(e) => refuse!(problem(
            Some(MAIN_SHEET),
            None,
            "xlsx-not-xlsx",
            &[("reason", e.to_string())]
        )),
    };
    // A formula whose result was not saved (some tools write them so) reads as an empty cell:
    // it must not clear an answer.
    let formulas = wb.worksheet_formula(MAIN_SHEET).unwrap_or_default();
    let (sheet_values, problems) = read_cells(&range, &formulas, &a, &meta, &|cell, code, args| {
        problem(Some(MAIN_SHEET), Some(cell), code, args)
    });
    if !problems.is_empty() {
        report.problems = problems;
        return Ok(report);
    }

    // Three-way comparison.
    let stored: HashMap<String, Response> = store
        .answers(a.id, Some(&department.id.to_string()))?
        .into_iter()
        .map(|r| (r.item_id.clone(), r))
        .collect();
    let mut changes: Vec<(String, AnswerChange)> = vec![];
    for (i, ((item, issued_rating, issued_note), (sheet_rating, sheet_note))) in
        meta.items.iter().zip(sheet_values).enumerate()
    {
        let row = FIRST_ROW + i as u32;
        let s = stored.get(item);
        let tenken_rating = s.and_then(|r| r.rating.clone());
        let tenken_note = s.map(|r| r.note.clone()).unwrap_or_default();
        let changed_after_issue = s.is_some_and(|r| r.updated_at > meta.issued_at);
        let mut merge = |field: &str,
                         col: u16,
                         issued: Option<String>,
                         sheet: Option<String>,
                         tenken: Option<String>,
                         shown: &dyn Fn(&Option<String>) -> String| {
            if sheet == issued || sheet == tenken || tenken == issued || !changed_after_issue {
                return if sheet == issued { tenken } else { sheet };
            }
            report.conflicts.push(Conflict {
                item_id: item.clone(),
                department: department.name.clone(),
                cell: cell_name(row, col),
                field: field.to_string(),
                tenken: shown(&tenken),
                sheet: shown(&sheet),
                tenken_updated_at: s.map(|r| r.updated_at.clone()).unwrap_or_default(),
            });
            match opts.on_conflict {
                ConflictPolicy::Sheet => sheet,
                ConflictPolicy::Tenken | ConflictPolicy::Refuse => tenken,
            }
        };
        let rating_label =
            |k: &Option<String>| k.as_deref().map(|k| label(a.scale, k)).unwrap_or_default();
        let note_text = |n: &Option<String>| n.clone().unwrap_or_default();
        let new_rating = merge(
            "rating",
            ANSWER_COL,
            issued_rating.clone(),
            sheet_rating,
            tenken_rating.clone(),
            &rating_label,
        );
        let new_note = merge(
            "note",
            NOTE_COL,
            Some(issued_note.clone()),
            Some(sheet_note),
            Some(tenken_note.clone()),
            &note_text,
        )
        .unwrap_or_default();
        if new_rating == tenken_rating && new_note == tenken_note {
            report.unchanged += 1;
        } else {
            report.changed.push(item.clone());
            changes.push((
                item.clone(),
                AnswerChange {
                    rating: Some(new_rating.unwrap_or_else(|| "unrated".into())),
                    note: Some(new_note),
                },
            ));
        }
    }
    if !report.conflicts.is_empty() && opts.on_conflict == ConflictPolicy::Refuse {
        report.problems.push(problem(
            None,
            None,
            "xlsx-conflicts-refused",
            &[("count", report.conflicts.len().to_string())],
        ));
        report.changed.clear();
        return Ok(report);
    }
    if !opts.dry_run && !changes.is_empty() {
        store.record_answers(a.id, &department.id.to_string(), &changes)?;
    }
    report.status = if report.changed.is_empty() {
        ImportStatus::Unchanged
    } else if opts.dry_run {
        ImportStatus::Checked
    } else {
        ImportStatus::Imported
    };
    Ok(report)
}

/// The largest workbook accepted (an answer sheet of 300 items is well under 1 MiB).
const MAX_FILE_BYTES: u64 = 32 << 20;
/// The most one part may inflate to, and all parts together.
const MAX_PART_BYTES: u64 = 64 << 20;
const MAX_TOTAL_BYTES: u64 = 256 << 20;
/// The most parts a workbook may have.
const MAX_PARTS: usize = 10_000;

fn mib(bytes: u64) -> String {
    format!("{} MiB", bytes >> 20)
}

/// Builds a problem from (sheet, cell, message id, arguments).
type ProblemAt<'a> = dyn Fn(Option<&str>, Option<String>, &str, &[(&str, String)]) -> Problem + 'a;

/// Inflates every part into nothing, counting, and stops at the bounds: a zip bomb is refused
/// before the spreadsheet reader inflates anything into memory.
fn check_inflation(bytes: &[u8], problem: &ProblemAt) -> std::result::Result<(), Problem> {
    use std::io::Read;
    let not_xlsx = |reason: String| problem(None, None, "xlsx-not-xlsx", &[("reason", reason)]);
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| not_xlsx(e.to_string()))?;
    if zip.len() > MAX_PARTS {
        return Err(problem(
            None,
            None,
            "xlsx-too-many-parts",
            &[
                ("count", zip.len().to_string()),
                ("limit", MAX_PARTS.to_string()),
            ],
        ));
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| not_xlsx(e.to_string()))?;
        let name = part
            .name()
            .map(|n| n.to_string())
            .unwrap_or_else(|_| format!("#{i}"));
        let n = std::io::copy(
            &mut (&mut part).take(MAX_PART_BYTES + 1),
            &mut std::io::sink(),
        )
        .map_err(|e| not_xlsx(format!("{name}: {e}")))?;
        total += n;
        if n > MAX_PART_BYTES || total > MAX_TOTAL_BYTES {
            return Err(problem(
                None,
                None,
                "xlsx-inflates-too-much",
                &[
                    ("part", name),
                    ("limit", mib(MAX_PART_BYTES)),
                    ("total", mib(MAX_TOTAL_BYTES)),
                ],
            ));
        }
    }
    Ok(())
}

type CellProblem<'a> = dyn Fn(String, &str, &[(&str, String)]) -> Problem + 'a;

/// Reads the header, item ids and answers; returns (rating key, note) per item, or problems.
fn read_cells(
    range: &Range<Data>,
    formulas: &Range<String>,
    a: &Assessment,
    meta: &SheetMeta,
    problem: &CellProblem,
) -> (Vec<(Option<String>, String)>, Vec<Problem>) {
    let text = |r: u32, c: u16| -> String {
        match range.get_value((r, c as u32)) {
            Some(Data::String(s)) => s.clone(),
            Some(Data::Empty) | None => String::new(),
            Some(other) => other.to_string(),
        }
    };
    let uncomputed = |r: u32, c: u16| -> bool {
        let has_formula = formulas
            .get_value((r, c as u32))
            .is_some_and(|f| !f.trim().is_empty());
        has_formula && matches!(range.get_value((r, c as u32)), Some(Data::Empty) | None)
    };
    let mut problems = vec![];
    for (c, h) in HEADERS.iter().enumerate() {
        let found = text(HEADER_ROW, c as u16);
        if found.trim() != *h {
            problems.push(problem(
                cell_name(HEADER_ROW, c as u16),
                "xlsx-bad-header",
                &[("expected", h.to_string()), ("found", found)],
            ));
        }
    }
    if !problems.is_empty() {
        return (vec![], problems); // columns moved: the cells below mean something else
    }
    let choices = a
        .scale
        .ratings()
        .iter()
        .map(|r| label(a.scale, r.key))
        .collect::<Vec<_>>()
        .join(" / ");
    let mut values = Vec::with_capacity(meta.items.len());
    for (i, (item, _, _)) in meta.items.iter().enumerate() {
        let r = FIRST_ROW + i as u32;
        let found = text(r, ITEM_COL);
        if found.trim() != item {
            problems.push(problem(
                cell_name(r, ITEM_COL),
                "xlsx-item-moved",
                &[("expected", item.clone()), ("found", found)],
            ));
            continue;
        }
        for col in [ANSWER_COL, NOTE_COL] {
            if uncomputed(r, col) {
                problems.push(problem(cell_name(r, col), "xlsx-formula-no-value", &[]));
            }
        }
        let answer = text(r, ANSWER_COL);
        let rating = match answer.trim() {
            "" | "未評価" | "unrated" => None,
            s => match a.scale.parse_rating(s) {
                Some(rt) => Some(rt.key.to_string()),
                None => {
                    problems.push(problem(
                        cell_name(r, ANSWER_COL),
                        "xlsx-not-in-choices",
                        &[("value", s.to_string()), ("choices", choices.clone())],
                    ));
                    None
                }
            },
        };
        let note = match tenken_core::text::clean(
            "note",
            &text(r, NOTE_COL),
            tenken_core::text::Limit::NOTE,
        ) {
            Ok(n) => n,
            Err(e) => {
                problems.push(problem(
                    cell_name(r, NOTE_COL),
                    "xlsx-bad-text",
                    &[
                        ("reason", e.localized(Lang::Ja)),
                        ("reason_en", e.localized(Lang::En)),
                    ],
                ));
                String::new()
            }
        };
        values.push((rating, note));
    }
    let below = FIRST_ROW + meta.items.len() as u32;
    let extra = text(below, ITEM_COL);
    if !extra.trim().is_empty() {
        problems.push(problem(
            cell_name(below, ITEM_COL),
            "xlsx-extra-row",
            &[("found", extra)],
        ));
    }
    (values, problems)
}
