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

#[tauri::command(async)]
pub fn export_report(state: State<'_, AppState>, assessment_id: i64, progress: Channel<ReportProgress>) -> CommandResult<ReportResult> {
    let lang = state.lang();
    let data = state.with_store(|store| export::export(store, assessment_id))?;
    let dir = reports_dir(&state);
    let err = |e: Error| CommandError::from_core(&e, lang);
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
    let name = format!("{}-{}-{}.pdf", data.assessment.fiscal_year, assessment_id, chrono::Local::now().format("%Y%m%d-%H%M%S"));
    let file = dir.join(name);
    state.output().write(&file, &r.bytes).map_err(err)?;
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
