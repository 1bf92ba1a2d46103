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
    progress: Channel<ReportProgress>,
) -> CommandResult<ReportResult> {
    let lang = state.lang();
    let data = state.with_store(|store| export::export(store, assessment_id))?;
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
    let r = tenken_report::render_at(&data, lang, today, &mut on_progress)
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
    Ok(ReportResult {
        file: file.display().to_string(),
        folder: dir.display().to_string(),
        pages: r.pages as u32,
        bytes: r.bytes.len() as u64,
        fingerprint: r.fingerprint,
    })
}

/// Opens the reports folder in the desktop's file manager. Only this folder can be opened:
/// no path comes from the UI.
#[tauri::command(async)]
pub fn open_reports_folder(state: State<'_, AppState>) -> CommandResult<()> {
    let lang = state.lang();
    crate::paths::reveal_folder(&reports_dir(&state)).map_err(|e| CommandError::from_core(&e, lang))
}
