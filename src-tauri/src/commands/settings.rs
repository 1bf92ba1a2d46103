//! Settings: language (remembered), the data folder, backup and restore.

use serde::Serialize;
use tauri::State;
use tenken_core::backup;
use tenken_core::Lang;

use crate::command_error::CommandResult;
use crate::paths;
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Settings {
    pub language: Lang,
    pub data_dir: String,
    pub database: String,
    pub schema_version: i64,
}

#[tauri::command(async)]
pub fn settings(state: State<'_, AppState>) -> CommandResult<Settings> {
    let language = state.lang();
    let data_dir = state.data_dir().display().to_string();
    state.with_store(|store| {
        Ok(Settings {
            language,
            data_dir,
            database: store.db_path().display().to_string(),
            schema_version: store.schema_version()?,
        })
    })
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct BackupDone {
    pub path: String,
    pub evidence_files: u32,
    pub bytes: u64,
}

/// Backs the store up into a new (or empty) folder inside `parent`: `tenken-backup-<time>`.
#[tauri::command(async)]
pub fn backup_data(state: State<'_, AppState>, parent: String) -> CommandResult<BackupDone> {
    state.with_store(|store| {
        let parent = paths::existing_dir(&parent)?;
        let dest = parent.join(format!(
            "tenken-backup-{}",
            chrono::Local::now().format("%Y%m%d-%H%M%S")
        ));
        let r = backup::backup(store, &dest)?;
        Ok(BackupDone {
            path: r.path.display().to_string(),
            evidence_files: r.evidence_files as u32,
            bytes: r.bytes,
        })
    })
}

/// What the window needs to know of a backup folder before restoring it.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct BackupInfo {
    /// A backup of an encrypted store: its passphrase is asked for.
    pub encrypted: bool,
}

#[tauri::command(async)]
pub fn backup_info(state: State<'_, AppState>, backup_dir: String) -> CommandResult<BackupInfo> {
    let lang = state.lang();
    let src = paths::existing_dir(&backup_dir)
        .map_err(|e| crate::command_error::CommandError::from_core(&e, lang))?;
    Ok(BackupInfo {
        encrypted: backup::is_encrypted_backup(&src),
    })
}

/// Restores a verified backup into the current data folder (the database in use is kept
/// beside it as `tenken.db.before-restore-<time>`), then reopens the store. A backup of an
/// encrypted store needs the passphrase it had (`passphrase`); the store is then reopened with
/// that backup's key.
#[tauri::command(async)]
pub fn restore_data(
    state: State<'_, AppState>,
    backup_dir: String,
    passphrase: Option<String>,
) -> CommandResult<String> {
    let passphrase = passphrase.map(zeroize::Zeroizing::new);
    state.with_store_closed(|data_dir, reopen_key| {
        let src = paths::existing_dir(&backup_dir)?;
        if !backup::is_encrypted_backup(&src) {
            backup::check_backup(&src)?;
            let kept = backup::restore(&src, data_dir)?;
            return Ok(kept.display().to_string());
        }
        let Some(p) = passphrase else {
            return Err(tenken_core::Error::PassphraseRequired { path: src });
        };
        let key = backup::backup_key(&src, &tenken_core::crypto::Secret::Passphrase(p))?;
        let kept = backup::restore_with(&src, data_dir, Some(key.clone()))?;
        *reopen_key = Some(key);
        Ok(kept.display().to_string())
    })
}

/// Switches to another data folder (created if new; an existing tenken store is opened as is)
/// and remembers it for the next start, unless `--data-dir` / `TENKEN_DATA_DIR` override it.
#[tauri::command(async)]
pub fn switch_data_dir(state: State<'_, AppState>, path: String) -> CommandResult<Settings> {
    let lang = state.lang();
    let dir = paths::new_or_existing_dir(&path)
        .map_err(|e| crate::command_error::CommandError::from_core(&e, lang))?;
    state.switch_data_dir(&dir)?;
    crate::data_dir::remember(&dir).map_err(|e| {
        crate::command_error::CommandError::from_core(&tenken_core::Error::io(&dir, e), lang)
    })?;
    settings(state)
}
