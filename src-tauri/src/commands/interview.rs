//! Interview mode: one department's sheet, ratings and notes saved as they are typed.

use tauri::State;
use tenken_core::store::{AnswerChange, Interview, NewInterview, Response};
use tenken_core::views::{self, InterviewSheet};

use crate::command_error::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn interview_sheet(
    state: State<'_, AppState>,
    assessment_id: i64,
    department_id: i64,
) -> CommandResult<InterviewSheet> {
    let lang = state.lang();
    state.with_store(|store| {
        views::interview_sheet(store, assessment_id, &department_id.to_string(), lang)
    })
}

/// Saves a rating and/or a note (`None` leaves it as it is; rating "unrated" clears it).
#[tauri::command(async)]
pub fn record_answer(
    state: State<'_, AppState>,
    assessment_id: i64,
    department_id: i64,
    item_id: String,
    rating: Option<String>,
    note: Option<String>,
) -> CommandResult<Response> {
    state.with_store_mut(|store| {
        store.record_answer(
            assessment_id,
            &department_id.to_string(),
            &item_id,
            &AnswerChange { rating, note },
        )
    })
}

/// Records that an interview with the department took place (date, place, attendees).
#[tauri::command(async)]
pub fn start_interview(
    state: State<'_, AppState>,
    assessment_id: i64,
    department_id: i64,
    interview: NewInterview,
) -> CommandResult<Interview> {
    state.with_store_mut(|store| {
        store.add_interview(assessment_id, &department_id.to_string(), &interview)
    })
}

#[tauri::command(async)]
pub fn save_interview_notes(
    state: State<'_, AppState>,
    interview_id: i64,
    notes: String,
) -> CommandResult<Interview> {
    state.with_store_mut(|store| store.set_interview_notes(interview_id, &notes))
}
