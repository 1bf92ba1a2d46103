//! Start screen: the organisations and a summary of each assessment.

use tauri::State;
use tenken_core::{AssessmentSummary, Organisation};

use crate::command_error::CommandResult;
use crate::state::AppState;

// `async`: runs off the main thread, so a slow query never freezes the window.
#[tauri::command(async)]
pub fn list_organisations(state: State<'_, AppState>) -> CommandResult<Vec<Organisation>> {
    state.with_store(|store| store.list_organisations())
}

#[tauri::command(async)]
pub fn list_assessments(state: State<'_, AppState>) -> CommandResult<Vec<AssessmentSummary>> {
    state.with_store(|store| store.list_assessments())
}

#[tauri::command(async)]
pub fn add_organisation(state: State<'_, AppState>, name: String) -> CommandResult<Organisation> {
    state.with_store_mut(|store| store.add_organisation(&name, None))
}
