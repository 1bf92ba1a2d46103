//! What the report prints, edited in the window (総評, 監査期間, 宛先, 監査人, interview details,
//! 良好事項・特記事項), and the removal of records created by mistake (each confirmed in the
//! UI; the core refuses where a removal would break a record, see store/edits.rs).

use chrono::NaiveDate;
use serde::Deserialize;
use tauri::State;
use tenken_core::readiness::{self, ReportDetails};
use tenken_core::store::{Interview, InterviewChange, NewInterview, Remark};
use tenken_core::RemarkKind;

use super::evidence::LinkRequest;
use crate::command_error::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn report_details(
    state: State<'_, AppState>,
    assessment_id: i64,
) -> CommandResult<ReportDetails> {
    let lang = state.lang();
    state.with_store(|store| readiness::report_details(store, assessment_id, lang))
}

/// The report's front matter, saved together from the report screen's form.
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct FrontMatter {
    pub summary: String,
    pub period_start: Option<NaiveDate>,
    pub period_end: Option<NaiveDate>,
    pub auditors: Vec<String>,
    pub addressee: String,
}

/// Saves each part that changed (one logged transaction per part).
#[tauri::command(async)]
pub fn save_front_matter(
    state: State<'_, AppState>,
    assessment_id: i64,
    front: FrontMatter,
) -> CommandResult<ReportDetails> {
    let lang = state.lang();
    state.with_store_mut(|store| {
        let now = readiness::report_details(store, assessment_id, lang)?;
        if let (Some(s), Some(e)) = (front.period_start, front.period_end) {
            if e < s {
                return Err(tenken_core::Error::invalid(
                    "period",
                    format!("{s} – {e}"),
                    "開始日 ≤ 終了日 / start ≤ end",
                ));
            }
        }
        if (front.period_start, front.period_end) != (now.period_start, now.period_end) {
            store.set_period(assessment_id, front.period_start, front.period_end)?;
        }
        let auditors: Vec<String> = front
            .auditors
            .iter()
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
            .collect();
        if auditors != now.auditors {
            store.set_auditors(assessment_id, &auditors)?;
        }
        if front.addressee.trim() != now.addressee {
            store.set_addressee(now.organisation_id, &front.addressee)?;
        }
        if front.summary != now.summary {
            store.set_summary(assessment_id, &front.summary)?;
        }
        readiness::report_details(store, assessment_id, lang)
    })
}

/// Records an interview; the date is required (the window asks for it).
#[tauri::command(async)]
pub fn add_interview(
    state: State<'_, AppState>,
    assessment_id: i64,
    department_id: i64,
    change: InterviewChange,
) -> CommandResult<Interview> {
    let new = NewInterview {
        held_on: Some(change.held_on),
        place: change.place,
        attendees: change.attendees,
        auditor: change.auditor,
        notes: String::new(),
    };
    state.with_store_mut(|store| {
        store.add_interview(assessment_id, &department_id.to_string(), &new)
    })
}

#[tauri::command(async)]
pub fn update_interview(
    state: State<'_, AppState>,
    interview_id: i64,
    change: InterviewChange,
) -> CommandResult<Interview> {
    state.with_store_mut(|store| store.update_interview(interview_id, &change))
}

#[tauri::command(async)]
pub fn remove_interview(state: State<'_, AppState>, interview_id: i64) -> CommandResult<()> {
    state.with_store_mut(|store| store.remove_interview(interview_id))
}

fn department_name(
    store: &tenken_core::Store,
    assessment_id: i64,
    department_id: Option<i64>,
) -> tenken_core::Result<Option<String>> {
    department_id
        .map(|d| {
            store
                .department(assessment_id, &d.to_string())
                .map(|d| d.name)
        })
        .transpose()
}

#[tauri::command(async)]
pub fn add_remark(
    state: State<'_, AppState>,
    assessment_id: i64,
    kind: RemarkKind,
    department_id: Option<i64>,
    text: String,
) -> CommandResult<Remark> {
    state.with_store_mut(|store| {
        let d = department_name(store, assessment_id, department_id)?;
        store.add_remark(assessment_id, d.as_deref(), kind, &text)
    })
}

#[tauri::command(async)]
pub fn update_remark(
    state: State<'_, AppState>,
    assessment_id: i64,
    remark_id: i64,
    kind: RemarkKind,
    department_id: Option<i64>,
    text: String,
) -> CommandResult<Remark> {
    state.with_store_mut(|store| {
        let d = department_name(store, assessment_id, department_id)?;
        store.update_remark(remark_id, kind, d.as_deref(), &text)
    })
}

#[tauri::command(async)]
pub fn remove_remark(state: State<'_, AppState>, remark_id: i64) -> CommandResult<()> {
    state.with_store_mut(|store| store.remove_remark(remark_id))
}

#[tauri::command(async)]
pub fn remove_organisation(state: State<'_, AppState>, organisation_id: i64) -> CommandResult<()> {
    state.with_store_mut(|store| store.remove_organisation(organisation_id))
}

#[tauri::command(async)]
pub fn remove_assessment(state: State<'_, AppState>, assessment_id: i64) -> CommandResult<()> {
    state.with_store_mut(|store| store.remove_assessment(assessment_id))
}

#[tauri::command(async)]
pub fn remove_department(
    state: State<'_, AppState>,
    assessment_id: i64,
    department_id: i64,
) -> CommandResult<()> {
    state.with_store_mut(|store| store.remove_department(assessment_id, &department_id.to_string()))
}

#[tauri::command(async)]
pub fn remove_finding(state: State<'_, AppState>, finding_id: i64) -> CommandResult<()> {
    state.with_store_mut(|store| store.remove_finding(finding_id))
}

#[tauri::command(async)]
pub fn unlink_evidence(
    state: State<'_, AppState>,
    assessment_id: i64,
    evidence_id: i64,
    link: LinkRequest,
) -> CommandResult<tenken_core::store::Evidence> {
    state.with_store_mut(|store| {
        let t = super::evidence::target(store, assessment_id, &link)?;
        store.unlink_evidence(evidence_id, &t)
    })
}

#[tauri::command(async)]
pub fn remove_evidence(state: State<'_, AppState>, evidence_id: i64) -> CommandResult<()> {
    state.with_store_mut(|store| store.remove_evidence(evidence_id))
}
