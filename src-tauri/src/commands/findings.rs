//! Findings: list, raise (also from the interview screen), edit, close with evidence.

use chrono::NaiveDate;
use serde::Deserialize;
use tauri::State;
use tenken_core::store::{Finding, FindingChange, NewFinding};
use tenken_core::{Error, FindingStatus, Priority};

use crate::command_error::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_findings(
    state: State<'_, AppState>,
    assessment_id: i64,
) -> CommandResult<Vec<Finding>> {
    state.with_store(|store| store.findings(assessment_id))
}

#[tauri::command(async)]
pub fn add_finding(
    state: State<'_, AppState>,
    assessment_id: i64,
    finding: NewFinding,
) -> CommandResult<Finding> {
    state.with_store_mut(|store| store.add_finding(assessment_id, &finding))
}

/// The edit form's content: every field, as shown (an empty due date clears it).
#[derive(Debug, Deserialize, ts_rs::TS)]
pub struct FindingEdit {
    pub cited_clause: String,
    pub fact: String,
    pub risk: String,
    pub recommendation: String,
    pub classification: String,
    pub priority: Priority,
    /// YYYY-MM-DD or empty.
    pub due_date: String,
    pub owner: String,
    pub status: FindingStatus,
}

#[tauri::command(async)]
pub fn update_finding(
    state: State<'_, AppState>,
    finding_id: i64,
    edit: FindingEdit,
) -> CommandResult<Finding> {
    state.with_store_mut(|store| {
        let due = match edit.due_date.trim() {
            "" => None,
            d => Some(
                NaiveDate::parse_from_str(d, "%Y-%m-%d")
                    .map_err(|_| Error::invalid("due_date", d, "YYYY-MM-DD"))?,
            ),
        };
        let change = FindingChange {
            cited_clause: Some(edit.cited_clause),
            fact: Some(edit.fact),
            risk: Some(edit.risk),
            recommendation: Some(edit.recommendation),
            classification: Some(edit.classification),
            priority: Some(edit.priority),
            due_date: Some(due),
            owner: Some(edit.owner),
            status: Some(edit.status),
        };
        store.update_finding(finding_id, &change)
    })
}
