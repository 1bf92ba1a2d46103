//! Report: the PDF 監査報告書 written into `Documents/tenken/reports` (outside the data
//! folder, never over an existing file), with progress and its fingerprint; the folder can be
//! opened in the file manager.

use std::path::PathBuf;

use serde::Serialize;
use tauri::ipc::Channel;
use tauri::State;
use tenken_core::{export, Error};

use crate::command_error::{CommandError, CommandResult};
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ReportProgress {
    pub percent: u32,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ReportResult {
    pub file: String,
    pub folder: String,
    pub pages: u32,
    pub bytes: u64,
    pub fingerprint: String,
    /// 第N版 of a final report (recorded in the store); None for a draft (watermarked 案).
    pub version: Option<i64>,
    /// The department of a notice; None for the committee report.
    pub department: Option<String>,
}

/// Notices written into one folder.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct NoticesResult {
    pub folder: String,
    pub files: Vec<ReportResult>,
}

fn lang_key(lang: tenken_core::Lang) -> String {
    match lang {
        tenken_core::Lang::Ja => "ja".into(),
        tenken_core::Lang::En => "en".into(),
    }
}

/// Records a final report just written to `file`; removes the file when the store refuses
/// (another issue took the version meanwhile), so no file claims a version the store lacks.
fn record_final(
    state: &AppState,
    e: &export::AssessmentExport,
    department: Option<&str>,
    version: i64,
    r: &tenken_report::Rendered,
    file: &std::path::Path,
) -> CommandResult<()> {
    let lang = state.lang();
    let recorded = state.with_store_mut(|store| {
        store.record_report(&tenken_core::store::NewReportIssue {
            assessment_id: e.assessment.id,
            department: department.map(String::from),
            version,
            format: "pdf".into(),
            language: lang_key(lang),
            fingerprint: r.fingerprint.clone(),
            document_sha256: r.document_digest.clone(),
        })
    });
    if recorded.is_err() {
        let _ = std::fs::remove_file(file);
    }
    recorded.map(|_| ())
}

/// A free file name in `dir`: `name.pdf`, else `name (2).pdf`, …
fn free_name(dir: &std::path::Path, stem: &str) -> PathBuf {
    let mut file = dir.join(format!("{stem}.pdf"));
    let mut n = 2;
    while file.exists() {
        file = dir.join(format!("{stem} ({n}).pdf"));
        n += 1;
    }
    file
}

/// The final reports issued for an assessment (committee report first, then each
/// department's notices, by version).
#[tauri::command(async)]
pub fn report_issues(
    state: State<'_, AppState>,
    assessment_id: i64,
) -> CommandResult<Vec<tenken_core::store::ReportIssue>> {
    state.with_store(|store| store.report_issues(assessment_id))
}

/// Writes the result notices (監査結果通知) of one department (`department_id`) or of every
/// department into `folder` (chosen with the folder picker; never the data folder), one PDF
/// each named `NN_部署名.pdf` (`… (2).pdf` when taken). With `final_report` each is issued as
/// the department's next version and recorded.
#[tauri::command(async)]
pub fn export_notices(
    state: State<'_, AppState>,
    assessment_id: i64,
    department_id: Option<i64>,
    folder: String,
    final_report: Option<bool>,
) -> CommandResult<NoticesResult> {
    use tenken_report::{Doc, Issue};
    let lang = state.lang();
    let err = |e: Error| CommandError::from_core(&e, lang);
    let dir = crate::paths::existing_dir(&folder).map_err(err)?;
    state.output().check_dir(&dir).map_err(err)?;
    let final_ = final_report.unwrap_or(false);
    let (data, docs) = state.with_store(|store| {
        let data = export::export(store, assessment_id)?;
        let chosen: Vec<(usize, String)> = match department_id {
            Some(d) => {
                let d = store.department(assessment_id, &d.to_string())?;
                let k = data
                    .departments
                    .iter()
                    .position(|x| x.id == d.id)
                    .unwrap_or(0);
                vec![(k, d.name)]
            }
            None => data
                .departments
                .iter()
                .enumerate()
                .map(|(k, d)| (k, d.name.clone()))
                .collect(),
        };
        let mut docs = vec![];
        for (k, name) in chosen {
            let issue = if final_ {
                Issue::Final {
                    version: store.next_report_version(assessment_id, Some(&name))?,
                }
            } else {
                Issue::Draft
            };
            docs.push((k, name, issue));
        }
        Ok((data, docs))
    })?;
    let today = chrono::Local::now().date_naive();
    let jobs: Vec<(Doc, Issue)> = docs
        .iter()
        .map(|(_, name, issue)| (Doc::Notice(name.clone()), *issue))
        .collect();
    let rendered = tenken_report::render_many(&data, &jobs, lang, today);
    let mut files = vec![];
    for ((k, name, issue), r) in docs.iter().zip(rendered) {
        let stem = format!("{:02}_{}", k + 1, crate::paths::file_name_part(name));
        let file = free_name(&dir, &stem);
        let r = r.map_err(|e| err(Error::io(&file, std::io::Error::other(e.to_string()))))?;
        state.output().write(&file, &r.bytes).map_err(err)?;
        let version = match issue {
            Issue::Final { version } => {
                record_final(&state, &data, Some(name), *version, &r, &file)?;
                Some(*version)
            }
            Issue::Draft => None,
        };
        files.push(ReportResult {
            file: file.display().to_string(),
            folder: dir.display().to_string(),
            pages: r.pages as u32,
            bytes: r.bytes.len() as u64,
            fingerprint: r.fingerprint,
            version,
            department: Some(name.clone()),
        });
    }
    Ok(NoticesResult {
        folder: dir.display().to_string(),
        files,
    })
}

fn reports_dir(state: &AppState) -> PathBuf {
    state.output_dir().join("reports")
}

/// The report's file name as people name it: `令和8年度_情報セキュリティ監査報告書_東雲市.pdf`
/// (English: `FY2026_information_security_audit_report_Shinonome.pdf`).
fn default_name(data: &export::AssessmentExport, lang: tenken_core::Lang) -> String {
    let audit = data.assessment.kind != tenken_core::AssessmentKind::SelfInspection;
    let (year, what) = match lang {
        tenken_core::Lang::Ja => (
            tenken_core::calendar::fiscal_year_label(data.assessment.fiscal_year),
            if audit {
                "情報セキュリティ監査報告書"
            } else {
                "情報セキュリティ自己点検報告書"
            },
        ),
        tenken_core::Lang::En => (
            format!("FY{}", data.assessment.fiscal_year),
            if audit {
                "information_security_audit_report"
            } else {
                "information_security_self_inspection_report"
            },
        ),
    };
    let org = crate::paths::file_name_part(&data.organisation.name).replace(' ', "_");
    format!("{year}_{what}_{org}.pdf")
}

/// The folder and file name the save dialog proposes.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ReportTarget {
    pub folder: String,
    pub name: String,
}

#[tauri::command(async)]
pub fn report_target(
    state: State<'_, AppState>,
    assessment_id: i64,
) -> CommandResult<ReportTarget> {
    let lang = state.lang();
    let data = state.with_store(|store| export::export(store, assessment_id))?;
    Ok(ReportTarget {
        folder: reports_dir(&state).display().to_string(),
        name: default_name(&data, lang),
    })
}

/// Writes the report to `path` (chosen in the save dialog; never inside the data folder), or
/// without one into the output folder's `reports/` under its default name (`…_東雲市 (2).pdf`
/// when that exists).
#[tauri::command(async)]
pub fn export_report(
    state: State<'_, AppState>,
    assessment_id: i64,
    path: Option<String>,
    final_report: Option<bool>,
    progress: Channel<ReportProgress>,
) -> CommandResult<ReportResult> {
    let lang = state.lang();
    let (data, issue) = state.with_store(|store| {
        let issue = if final_report.unwrap_or(false) {
            tenken_report::Issue::Final {
                version: store.next_report_version(assessment_id, None)?,
            }
        } else {
            tenken_report::Issue::Draft
        };
        Ok((export::export(store, assessment_id)?, issue))
    })?;
    let err = |e: Error| CommandError::from_core(&e, lang);
    let chosen = path
        .map(|p| crate::paths::new_pdf_file(&p))
        .transpose()
        .map_err(err)?;
    let dir = chosen
        .as_ref()
        .and_then(|p| p.parent().map(|d| d.to_path_buf()))
        .unwrap_or_else(|| reports_dir(&state));
    std::fs::create_dir_all(&dir).map_err(|e| err(Error::io(&dir, e)))?;
    let mut shown = u32::MAX;
    let mut on_progress = |done: usize, total: usize| {
        let p = (done * 100 / total.max(1)) as u32;
        if p != shown {
            shown = p;
            let _ = progress.send(ReportProgress { percent: p });
        }
    };
    let today = chrono::Local::now().date_naive();
    let r = tenken_report::render_doc(
        &data,
        &tenken_report::Doc::Committee,
        lang,
        today,
        issue,
        &mut on_progress,
    )
    .map_err(|e| err(Error::io(&dir, std::io::Error::other(e.to_string()))))?;
    let file = match chosen {
        // The save dialog already asked before replacing an existing file.
        Some(f) => {
            tenken_core::output::Output::new(&state.data_dir(), true)
                .write(&f, &r.bytes)
                .map_err(err)?;
            f
        }
        None => {
            let name = default_name(&data, lang);
            let stem = name.trim_end_matches(".pdf").to_string();
            let mut file = dir.join(&name);
            let mut n = 2;
            while file.exists() {
                file = dir.join(format!("{stem} ({n}).pdf"));
                n += 1;
            }
            state.output().write(&file, &r.bytes).map_err(err)?;
            file
        }
    };
    let version = match issue {
        tenken_report::Issue::Final { version } => {
            record_final(&state, &data, None, version, &r, &file)?;
            Some(version)
        }
        tenken_report::Issue::Draft => None,
    };
    Ok(ReportResult {
        file: file.display().to_string(),
        folder: dir.display().to_string(),
        pages: r.pages as u32,
        bytes: r.bytes.len() as u64,
        fingerprint: r.fingerprint,
        version,
        department: None,
    })
}

/// Opens the reports folder in the desktop's file manager. Only this folder can be opened:
/// no path comes from the UI.
#[tauri::command(async)]
pub fn open_reports_folder(state: State<'_, AppState>) -> CommandResult<()> {
    let lang = state.lang();
    crate::paths::reveal_folder(&reports_dir(&state)).map_err(|e| CommandError::from_core(&e, lang))
}
