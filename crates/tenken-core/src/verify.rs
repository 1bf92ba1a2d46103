//! `tenken verify`: is everything still as recorded? The SQLite file (integrity and foreign
//! keys), every evidence file (re-hashed), and the audit-log chain.

use serde::Serialize;

use crate::error::Result;
use crate::store::{audit_log, Store};

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct VerifyReport {
    pub ok: bool,
    pub evidence_files_checked: usize,
    pub log_entries_checked: usize,
    pub problems: Vec<String>,
}

/// Checks the whole store. Never changes anything.
pub fn verify(store: &Store) -> Result<VerifyReport> {
    let mut problems: Vec<String> = store
        .integrity_problems()?
        .into_iter()
        .map(|p| format!("database: {p}"))
        .collect();
    problems.extend(
        store
            .foreign_key_problems()?
            .into_iter()
            .map(|p| format!("database: foreign key {p}")),
    );
    let files = store.evidence_files_recorded()?;
    let mut seen = std::collections::HashSet::new();
    for (id, sha, size) in &files {
        if seen.insert(sha.clone()) {
            if let Some(p) = store.evidence_files().check(sha, *size) {
                problems.push(format!("evidence {id}: {p}"));
            }
        }
    }
    for (id, sha, size) in store.policy_originals_recorded()? {
        if seen.insert(sha.clone()) {
            if let Some(p) = store.evidence_files().check(&sha, size) {
                problems.push(format!("policy document {id} (original file): {p}"));
            }
        }
    }
    let chain = audit_log::check_chain(store.conn())?;
    let log_entries: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))?;
    problems.extend(chain);
    problems.extend(crate::team::merge::check_anchors(store.conn())?);
    Ok(VerifyReport {
        ok: problems.is_empty(),
        evidence_files_checked: seen.len(),
        log_entries_checked: log_entries as usize,
        problems,
    })
}
