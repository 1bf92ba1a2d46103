//! Excel round trip in the window: answer sheets per department out, filled sheets back in
//! (dialog or drop; each file all-or-nothing), using tenken-xlsx like the CLI does.

use serde::{Deserialize, Serialize};
use tauri::State;
use tenken_xlsx::{ConflictPolicy, ImportOptions, ImportStatus};

use crate::command_error::CommandResult;
use crate::paths;
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SheetsWritten {
    pub folder: String,
    pub files: Vec<String>,
}

/// Writes one .xlsx per department into `Documents/tenken/sheets/<assessment>-<time>/`
/// (outside the data folder).
#[tauri::command(async)]
pub fn xlsx_sheets(state: State<'_, AppState>, assessment_id: i64) -> CommandResult<SheetsWritten> {
    let output = state.output();
    let folder = state.output_dir().join("sheets").join(format!(
        "{assessment_id}-{}",
        chrono::Local::now().format("%Y%m%d-%H%M%S")
    ));
    state.with_store(|store| {
        let files = tenken_xlsx::sheets(store, assessment_id, &folder, &output)?;
        Ok(SheetsWritten {
            folder: folder.display().to_string(),
            files: files.iter().map(|f| f.display().to_string()).collect(),
        })
    })
}

/// Opens the folder of written answer sheets (`Documents/tenken/sheets`).
#[tauri::command(async)]
pub fn open_sheets_folder(state: State<'_, AppState>) -> CommandResult<()> {
    let lang = state.lang();
    crate::paths::reveal_folder(&state.output_dir().join("sheets"))
        .map_err(|e| crate::command_error::CommandError::from_core(&e, lang))
}

/// What to do when a department's answer and the auditor's later change disagree.
#[derive(Debug, Clone, Copy, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum OnConflict {
    /// Refuse the file and list the conflicts (default).
    Refuse,
    /// The sheet's value wins.
    Sheet,
    /// tenken's value stays; the rest is imported.
    Tenken,
}

/// The outcome of one file, with its messages in the UI's language.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SheetImport {
    pub file: String,
    /// imported | unchanged | refused
    pub status: String,
    pub department: Option<String>,
    pub changed: u32,
    pub unchanged: u32,
    /// "総務課.xlsx!D14: 「はい」は選択肢にありません", …
    pub problems: Vec<String>,
    pub conflicts: Vec<String>,
    pub summary: String,
}

#[tauri::command(async)]
pub fn xlsx_import(
    state: State<'_, AppState>,
    paths: Vec<String>,
    on_conflict: OnConflict,
) -> CommandResult<Vec<SheetImport>> {
    let lang = state.lang();
    let opts = ImportOptions {
        on_conflict: match on_conflict {
            OnConflict::Refuse => ConflictPolicy::Refuse,
            OnConflict::Sheet => ConflictPolicy::Sheet,
            OnConflict::Tenken => ConflictPolicy::Tenken,
        },
        dry_run: false,
    };
    state.with_store_mut(|store| {
        let files = paths
            .iter()
            .map(|p| paths::existing_file(p))
            .collect::<tenken_core::Result<Vec<_>>>()?;
        let mut out = Vec::new();
        for f in files {
            let r = tenken_xlsx::import_with(store, &f, &opts)?;
            let name = f
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            out.push(SheetImport {
                file: f.display().to_string(),
                status: match r.status {
                    ImportStatus::Imported => "imported",
                    ImportStatus::Unchanged => "unchanged",
                    ImportStatus::Refused => "refused",
                    ImportStatus::Checked => "checked",
                }
                .into(),
                department: r.department.clone(),
                changed: r.changed.len() as u32,
                unchanged: r.unchanged as u32,
                problems: r.problems.iter().map(|p| p.message(lang)).collect(),
                conflicts: r
                    .conflicts
                    .iter()
                    .map(|c| format!("{name}!{}", c.message(lang)))
                    .collect(),
                summary: r
                    .localized(lang)
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .to_string(),
            });
        }
        Ok(out)
    })
}
