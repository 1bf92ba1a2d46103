//! Assessment dashboard: departments × policy areas, open findings, what is left.

use tauri::State;
use tenken_core::views::{self, AssessmentHead, Dashboard};

use crate::command_error::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn dashboard(state: State<'_, AppState>, assessment_id: i64) -> CommandResult<Dashboard> {
    let lang = state.lang();
    state.with_store(|store| views::dashboard(store, assessment_id, lang))
}

#[tauri::command(async)]
pub fn assessment_head(
    state: State<'_, AppState>,
    assessment_id: i64,
) -> CommandResult<AssessmentHead> {
    let lang = state.lang();
    state.with_store(|store| views::assessment_head(store, assessment_id, lang))
}
