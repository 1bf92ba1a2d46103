//! Evidence: files (copied into the content-addressed store, with progress), paper-document
//! references and observations; each linkable to any number of answers and findings.

use serde::{Deserialize, Serialize};
use tauri::ipc::Channel;
use tauri::State;
use tenken_core::store::{Evidence, LinkTarget};

use crate::command_error::CommandResult;
use crate::paths;
use crate::state::AppState;

/// What a piece of evidence is linked to: an item of a department, or a finding.
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LinkRequest {
    Response { department_id: i64, item_id: String },
    Finding { finding_id: i64 },
}

/// Progress of a file copy: bytes done of total.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct CopyProgress {
    pub done: u64,
    pub total: u64,
}

pub(crate) fn target(
    store: &tenken_core::Store,
    assessment_id: i64,
    link: &LinkRequest,
) -> tenken_core::Result<LinkTarget> {
    Ok(match link {
        LinkRequest::Response {
            department_id,
            item_id,
        } => {
            let d = store.department(assessment_id, &department_id.to_string())?;
            LinkTarget::Response {
                department: d.name,
                item_id: item_id.clone(),
            }
        }
        LinkRequest::Finding { finding_id } => LinkTarget::Finding(*finding_id),
    })
}

fn link_all(
    store: &mut tenken_core::Store,
    ev: Evidence,
    assessment_id: i64,
    links: &[LinkRequest],
) -> tenken_core::Result<Evidence> {
    let mut ev = ev;
    for l in links {
        let t = target(store, assessment_id, l)?;
        ev = store.link_evidence(ev.id, &t)?;
    }
    Ok(ev)
}

#[tauri::command(async)]
pub fn list_evidence(
    state: State<'_, AppState>,
    assessment_id: i64,
) -> CommandResult<Vec<Evidence>> {
    state.with_store(|store| store.evidence_list(assessment_id))
}

/// Copies the file at `path` into the evidence store (streamed; `progress` gets byte counts)
/// and links it. Links are checked before the copy starts.
#[tauri::command(async)]
pub fn add_file_evidence(
    state: State<'_, AppState>,
    assessment_id: i64,
    path: String,
    title: String,
    links: Vec<LinkRequest>,
    progress: Channel<CopyProgress>,
) -> CommandResult<Evidence> {
    state.with_store_mut(|store| {
        let file = paths::existing_file(&path)?;
        for l in &links {
            target(store, assessment_id, l)?;
        }
        let total = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        let mut last = 0u64;
        let mut report = |done: u64| {
            // At most ~100 messages per file.
            if done == total || done - last >= (total / 100).max(1 << 20) {
                last = done;
                let _ = progress.send(CopyProgress { done, total });
            }
        };
        let ev = store.add_file_evidence(assessment_id, &file, Some(&title), &mut report)?;
        link_all(store, ev, assessment_id, &links)
    })
}

/// A paper document (`location` = 保管場所) or, with `location` None, an observation.
#[tauri::command(async)]
pub fn add_record_evidence(
    state: State<'_, AppState>,
    assessment_id: i64,
    title: String,
    location: Option<String>,
    description: String,
    links: Vec<LinkRequest>,
) -> CommandResult<Evidence> {
    state.with_store_mut(|store| {
        for l in &links {
            target(store, assessment_id, l)?;
        }
        let ev = match location {
            Some(loc) => store.add_paper_evidence(assessment_id, &title, &loc, &description)?,
            None => store.add_observation(assessment_id, &title, &description)?,
        };
        link_all(store, ev, assessment_id, &links)
    })
}

#[tauri::command(async)]
pub fn link_evidence(
    state: State<'_, AppState>,
    assessment_id: i64,
    evidence_id: i64,
    link: LinkRequest,
) -> CommandResult<Evidence> {
    state.with_store_mut(|store| {
        let t = target(store, assessment_id, &link)?;
        store.link_evidence(evidence_id, &t)
    })
}
