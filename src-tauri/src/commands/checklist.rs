//! Checklist screen: derive a bank checklist against the organisation's policy, then freeze it
//! into a new assessment with its departments.

use serde::{Deserialize, Serialize};
use tauri::State;
use tenken_core::checklist::derive::{Derivation, Profile};
use tenken_core::checklist::Bank;
use tenken_core::store::NewAssessment;
use tenken_core::views::{self, ChecklistInfo};
use tenken_core::{AssessmentKind, ClassificationScheme};

use crate::command_error::{CommandError, CommandResult};
use crate::state::AppState;

fn bank(lang: tenken_core::Lang) -> CommandResult<Bank> {
    Bank::builtin().map_err(|e| CommandError::from_core(&e, lang))
}

#[tauri::command(async)]
pub fn list_checklists(state: State<'_, AppState>) -> CommandResult<Vec<ChecklistInfo>> {
    let lang = state.lang();
    Ok(views::checklists(&bank(lang)?, lang))
}

#[derive(Debug, Deserialize, ts_rs::TS)]
pub struct DeriveRequest {
    pub checklist_id: String,
    pub policy_id: Option<i64>,
    pub standards_id: Option<i64>,
    pub profile: Profile,
}

#[derive(Debug, Serialize, ts_rs::TS)]
pub struct DeriveResult {
    /// None when no policy was chosen (the bank's checklist as is, citing model sections).
    pub derivation: Option<Derivation>,
    pub items: u32,
}

#[tauri::command(async)]
pub fn derive_checklist(
    state: State<'_, AppState>,
    request: DeriveRequest,
) -> CommandResult<DeriveResult> {
    let b = bank(state.lang())?;
    state.with_store(|store| {
        let (c, d) = views::derive_for_store(
            store,
            &b,
            &request.checklist_id,
            request.policy_id,
            request.standards_id,
            &request.profile,
        )?;
        Ok(DeriveResult {
            derivation: d,
            items: c.items.len() as u32,
        })
    })
}

#[derive(Debug, Deserialize, ts_rs::TS)]
pub struct CreateAssessmentRequest {
    pub organisation_id: i64,
    pub fiscal_year: i32,
    pub kind: AssessmentKind,
    pub title: String,
    pub classification: ClassificationScheme,
    pub auditors: Vec<String>,
    pub departments: Vec<String>,
    pub derive: DeriveRequest,
}

/// Freezes the derived checklist into a new assessment with its departments, in order, in one
/// transaction (see `Store::create_assessment_with_departments`).
#[tauri::command(async)]
pub fn create_assessment(
    state: State<'_, AppState>,
    request: CreateAssessmentRequest,
) -> CommandResult<i64> {
    let b = bank(state.lang())?;
    state.with_store_mut(|store| {
        let d = &request.derive;
        let (frozen, _) = views::derive_for_store(
            store,
            &b,
            &d.checklist_id,
            d.policy_id,
            d.standards_id,
            &d.profile,
        )?;
        let new = NewAssessment {
            organisation_id: store.organisation(&request.organisation_id.to_string())?.id,
            fiscal_year: request.fiscal_year,
            kind: request.kind,
            title: request.title.trim().to_string(),
            period_start: None,
            period_end: None,
            auditors: request
                .auditors
                .iter()
                .map(|a| a.trim().to_string())
                .filter(|a| !a.is_empty())
                .collect(),
            scale: frozen.scale,
            classification: request.classification,
            checklist: frozen,
            policy_document_id: d.policy_id,
            standards_document_id: d.standards_id,
            profile: d.profile.clone(),
            previous_assessment_id: None,
        };
        Ok(store
            .create_assessment_with_departments(&new, &request.departments)?
            .id)
    })
}
