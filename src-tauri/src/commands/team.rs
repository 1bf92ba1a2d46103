//! The audit team in the window: share with a member, join, return, merge returns, list and
//! decide conflicts, and who holds which departments. Each command calls the core use case the
//! CLI's `tenken team …` calls. An encrypted store writes encrypted packages: share and return
//! then take the team's package passphrase (the window asks for it twice); join and merge take
//! it when a chosen file is an encrypted package (`team_package_encrypted`).

use serde::Deserialize;
use tauri::State;
use tenken_core::team::{
    Conflict, ConflictView, JoinReport, MergeReport, ReturnReport, ShareReport, TeamStatus,
};
use zeroize::Zeroizing;

use crate::command_error::{CommandError, CommandResult};
use crate::paths;
use crate::state::AppState;

/// Which departments each member holds and when each last returned.
#[tauri::command(async)]
pub fn team_status(state: State<'_, AppState>, assessment_id: i64) -> CommandResult<TeamStatus> {
    state.with_store(|store| store.team_status(assessment_id))
}

/// Writes a share package to `path` (from the save dialog, which already asked before
/// replacing a file; never inside the data folder).
#[tauri::command(async)]
pub fn team_share(
    state: State<'_, AppState>,
    assessment_id: i64,
    path: String,
    member: String,
    departments: Option<Vec<String>>,
    package_passphrase: Option<String>,
) -> CommandResult<ShareReport> {
    let data_dir = state.data_dir();
    let pp = package_passphrase.map(Zeroizing::new);
    state.with_store_mut(|store| {
        let dest = paths::new_zip_file(&path)?;
        let out = tenken_core::output::Output::new(&data_dir, true);
        store.team_share(
            assessment_id,
            departments.as_deref(),
            &member,
            &out,
            &dest,
            pp.as_deref().map(|p| p.as_str()),
        )
    })
}

/// Whether any of the chosen files is an encrypted team package (the window then asks for the
/// package passphrase before joining or merging).
#[tauri::command(async)]
pub fn team_package_encrypted(
    state: State<'_, AppState>,
    paths: Vec<String>,
) -> CommandResult<bool> {
    let check = || -> tenken_core::Result<bool> {
        let files = paths
            .iter()
            .map(|p| paths::existing_file(p))
            .collect::<tenken_core::Result<Vec<_>>>()?;
        Ok(tenken_core::team::package::first_encrypted(&files)?.is_some())
    };
    check().map_err(|e| CommandError::from_core(&e, state.lang()))
}

/// Opens a share package from the lead into this store (a member's laptop).
#[tauri::command(async)]
pub fn team_join(
    state: State<'_, AppState>,
    path: String,
    package_passphrase: Option<String>,
) -> CommandResult<JoinReport> {
    let pp = package_passphrase.map(Zeroizing::new);
    state.with_store_mut(|store| {
        store.team_join(
            &paths::existing_file(&path)?,
            pp.as_deref().map(|p| p.as_str()),
        )
    })
}

/// Writes this member's return package to `path` (from the save dialog).
#[tauri::command(async)]
pub fn team_return(
    state: State<'_, AppState>,
    assessment_id: i64,
    path: String,
    package_passphrase: Option<String>,
) -> CommandResult<ReturnReport> {
    let data_dir = state.data_dir();
    let pp = package_passphrase.map(Zeroizing::new);
    state.with_store_mut(|store| {
        let dest = paths::new_zip_file(&path)?;
        let out = tenken_core::output::Output::new(&data_dir, true);
        store.team_return(
            assessment_id,
            &out,
            &dest,
            pp.as_deref().map(|p| p.as_str()),
        )
    })
}

/// Merges return packages (open dialog with several files, or a drop): all verified first,
/// then applied in one transaction.
#[tauri::command(async)]
pub fn team_merge(
    state: State<'_, AppState>,
    paths: Vec<String>,
    package_passphrase: Option<String>,
) -> CommandResult<MergeReport> {
    let pp = package_passphrase.map(Zeroizing::new);
    state.with_store_mut(|store| {
        let files = paths
            .iter()
            .map(|p| paths::existing_file(p))
            .collect::<tenken_core::Result<Vec<_>>>()?;
        store.team_merge(&files, pp.as_deref().map(|p| p.as_str()))
    })
}

/// The conflicts of an assessment, open ones first, with when the lead's value last changed.
#[tauri::command(async)]
pub fn team_conflicts(
    state: State<'_, AppState>,
    assessment_id: i64,
) -> CommandResult<Vec<ConflictView>> {
    state.with_store(|store| store.team_conflict_views(assessment_id))
}

/// One decision of the conflict screen.
#[derive(Debug, Clone, Copy, Deserialize, ts_rs::TS)]
pub struct ConflictChoice {
    pub id: i64,
    /// true: the member's values; false: the lead's.
    pub keep_member: bool,
}

/// Decides conflicts, each an ordinary edit with its audit-log entry (`team resolve`).
/// Every conflict must still be open before the first is decided.
#[tauri::command(async)]
pub fn team_resolve(
    state: State<'_, AppState>,
    assessment_id: i64,
    choices: Vec<ConflictChoice>,
) -> CommandResult<Vec<Conflict>> {
    state.with_store_mut(|store| {
        let all = store.team_conflicts(assessment_id)?;
        for choice in &choices {
            match all.iter().find(|c| c.id == choice.id) {
                None => return Err(tenken_core::Error::UnknownConflict(choice.id)),
                Some(c) if c.status != "open" => {
                    return Err(tenken_core::Error::ConflictResolved(c.id))
                }
                Some(_) => {}
            }
        }
        choices
            .iter()
            .map(|c| store.team_resolve(c.id, c.keep_member))
            .collect()
    })
}
