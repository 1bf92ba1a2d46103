//! Policy screen: import a policy file, see its sections beside the text, correct topics.

use serde::Serialize;
use tauri::State;
use tenken_core::views::{self, PolicyChanges, PolicySummary, PolicyView};

use crate::command_error::CommandResult;
use crate::paths;
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_policies(
    state: State<'_, AppState>,
    organisation_id: i64,
) -> CommandResult<Vec<PolicySummary>> {
    state.with_store(|store| views::policies(store, organisation_id))
}

#[tauri::command(async)]
pub fn policy_view(state: State<'_, AppState>, id: i64) -> CommandResult<PolicyView> {
    let lang = state.lang();
    state.with_store(|store| views::policy(store, id, lang))
}

/// The stored document and what changed since the previous import of the same kind.
#[derive(Debug, Serialize, ts_rs::TS)]
pub struct PolicyImport {
    pub policy: PolicyView,
    pub changes: PolicyChanges,
}

/// Imports the file at `path` (from the file dialog or a drop) for the organisation.
#[tauri::command(async)]
pub fn import_policy(
    state: State<'_, AppState>,
    organisation_id: i64,
    path: String,
) -> CommandResult<PolicyImport> {
    let lang = state.lang();
    state.with_store_mut(|store| {
        let file = paths::existing_file(&path)?;
        // Regular files only (a FIFO would hang), any format: text, PDF, DOCX, HTML (sniffed).
        let bytes = tenken_core::store::read_policy_file(&file)?;
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let doc = store.import_policy(&organisation_id.to_string(), &name, &bytes)?;
        Ok(PolicyImport {
            changes: views::policy_changes_in(store, doc.id, lang)?,
            policy: views::policy(store, doc.id, lang)?,
        })
    })
}

#[tauri::command(async)]
pub fn policy_changes(state: State<'_, AppState>, id: i64) -> CommandResult<PolicyChanges> {
    let lang = state.lang();
    state.with_store(|store| views::policy_changes_in(store, id, lang))
}

/// `section`: a citation of this policy; None records that the policy lacks the topic.
#[tauri::command(async)]
pub fn correct_topic(
    state: State<'_, AppState>,
    policy_id: i64,
    topic: String,
    section: Option<String>,
) -> CommandResult<PolicyView> {
    let lang = state.lang();
    state.with_store_mut(|store| {
        store.correct_topic(policy_id, &topic, section.as_deref())?;
        views::policy(store, policy_id, lang)
    })
}
