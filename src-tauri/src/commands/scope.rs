//! Scope per department (the scope editor): departments' roles, the tier × role rules and
//! per-item inclusions/exclusions. Each change is one logged transaction in the core.

use tauri::State;
use tenken_core::store::{DepartmentScope, ItemScope, ScopeRule, ScopeView};

use crate::command_error::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn scope_view(state: State<'_, AppState>, assessment_id: i64) -> CommandResult<ScopeView> {
    state.with_store(|store| store.scope(assessment_id))
}

/// Every item's scope for one department (by id), in checklist order.
#[tauri::command(async)]
pub fn department_scope(
    state: State<'_, AppState>,
    assessment_id: i64,
    department_id: i64,
) -> CommandResult<Vec<ItemScope>> {
    let lang = state.lang();
    state.with_store(|store| {
        let a = store.assessment(assessment_id)?;
        let mut items = store.department_scope(assessment_id, &department_id.to_string())?;
        for i in &mut items {
            if let Some(it) = a.checklist.item(&i.item_id) {
                i.question = it.question.get(lang).to_string();
            }
        }
        Ok(items)
    })
}

/// `role`: management / systems / general, or None (every item applies).
#[tauri::command(async)]
pub fn set_department_role(
    state: State<'_, AppState>,
    assessment_id: i64,
    department_id: i64,
    role: Option<String>,
) -> CommandResult<DepartmentScope> {
    state.with_store_mut(|store| {
        store.set_department_role(assessment_id, &department_id.to_string(), role.as_deref())
    })
}

/// `applies`: None = back to the built-in rule.
#[tauri::command(async)]
pub fn set_scope_rule(
    state: State<'_, AppState>,
    assessment_id: i64,
    tier: String,
    role: String,
    applies: Option<bool>,
) -> CommandResult<ScopeRule> {
    state.with_store_mut(|store| store.set_scope_rule(assessment_id, &tier, &role, applies))
}

/// `included`: None = back to the role's rule.
#[tauri::command(async)]
pub fn set_item_scope(
    state: State<'_, AppState>,
    assessment_id: i64,
    department_id: i64,
    item_id: String,
    included: Option<bool>,
) -> CommandResult<ItemScope> {
    state.with_store_mut(|store| {
        store.set_item_scope(
            assessment_id,
            &department_id.to_string(),
            &item_id,
            included,
        )
    })
}
