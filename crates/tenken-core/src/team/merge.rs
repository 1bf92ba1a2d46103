//! `team merge` (lead): a member's changeset applied with SQLite's `Connection::apply_strm`
//! and a conflict handler; conflicts stored for a person to decide (`team conflicts`,
//! `team resolve`).
//!
//! The handler's rules, per changed row (the changeset holds the baseline's value and the
//! member's value of every changed column):
//! - DATA (the lead's row differs from the baseline): columns where the lead already has
//!   the member's value are unchanged; where the lead still has the baseline value the
//!   member's value applies (REPLACE); where the lead has a third value → a **conflict**,
//!   stored, the row left as the lead has it (OMIT). `updated_at` and finding numbers are
//!   bookkeeping and never conflict.
//! - CONFLICT (a row the member created already exists: merged before): equal → unchanged.
//! - CONSTRAINT on a response: both sides answered the same item (natural key assessment ×
//!   department × item) → compared after the apply: equal → unchanged, else a conflict; the
//!   member's evidence links move to the lead's row.
//! - NOTFOUND: a row the member changed was removed by the lead → a conflict.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rusqlite::session::{ChangesetItem, ConflictAction, ConflictType};
use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::{json, Value};

use super::{package, FIELD_TABLES};
use crate::error::{Error, Result};
use crate::store::{audit_log, Store};

/// A conflict as listed by `merge --json` and `team conflicts`.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Conflict {
    pub id: i64,
    pub kind: String,
    pub department: Option<String>,
    pub item: Option<String>,
    #[cfg_attr(feature = "ts", ts(type = "Record<string, unknown> | null"))]
    pub lead: Value,
    #[cfg_attr(feature = "ts", ts(type = "Record<string, unknown> | null"))]
    pub member: Value,
    pub member_name: String,
    pub member_at: Option<String>,
    pub status: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PackageReport {
    pub file: String,
    pub sha256: String,
    pub member: String,
    pub device: String,
    pub baseline_id: String,
    pub applied: usize,
    pub unchanged: usize,
    pub conflicts: usize,
    pub log_entries_added: usize,
    pub evidence_files: usize,
    /// The same package was merged before: nothing to do.
    pub already_merged: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MergeReport {
    pub applied: usize,
    pub unchanged: usize,
    pub conflicts: Vec<Conflict>,
    pub packages: Vec<PackageReport>,
}

/// A conflict found while applying (before it is stored).
#[derive(Debug, Clone)]
pub(crate) struct RawConflict {
    table: String,
    row_id: i64,
    department_id: Option<i64>,
    item_id: Option<String>,
    lead: Value,
    member: Value,
    member_at: Option<String>,
}

pub(crate) struct Outcome {
    pub applied: usize,
    pub unchanged: usize,
    pub conflicts: Vec<RawConflict>,
}

#[derive(Default)]
struct State {
    unchanged: usize,
    conflicts: Vec<RawConflict>,
    /// Responses the member created for an item the lead has an answer for: (member's row).
    pending: Vec<BTreeMap<String, Value>>,
    abort: Option<String>,
}

fn to_json(v: ValueRef) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => json!(i),
        ValueRef::Real(f) => json!(f),
        ValueRef::Text(t) => json!(String::from_utf8_lossy(t)),
        ValueRef::Blob(b) => json!(b.iter().map(|x| format!("{x:02x}")).collect::<String>()),
    }
}

fn kind_of(table: &str) -> &'static str {
    match table {
        "responses" => "answer",
        "findings" => "finding",
        "interviews" => "interview",
        "remarks" => "remark",
        "evidence" => "evidence",
        _ => "evidence_link",
    }
}

/// Columns that are bookkeeping, never a conflict: when a record was last touched, and the
/// finding numbers the lead's store assigns.
fn bookkeeping(table: &str, col: &str) -> bool {
    col == "updated_at" || (table == "findings" && col == "number")
}

fn columns(conn: &Connection) -> Result<HashMap<String, Vec<String>>> {
    let mut out = HashMap::new();
    for t in FIELD_TABLES {
        let mut stmt = conn.prepare(&format!(
            "SELECT name FROM pragma_table_info('{t}') ORDER BY cid"
        ))?;
        let cols: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        out.insert(t.to_string(), cols);
    }
    Ok(out)
}

fn handle(
    state: &Mutex<State>,
    cols: &HashMap<String, Vec<String>>,
    ct: ConflictType,
    item: ChangesetItem,
) -> ConflictAction {
    let mut st = state.lock().unwrap_or_else(|p| p.into_inner());
    let Ok(op) = item.op() else {
        st.abort = Some("changeset".into());
        return ConflictAction::SQLITE_CHANGESET_ABORT;
    };
    let table = op.table_name().to_string();
    let n = op.number_of_columns() as usize;
    let code = op.code();
    let Some(names) = cols.get(&table) else {
        st.abort = Some(format!("table {table}"));
        return ConflictAction::SQLITE_CHANGESET_ABORT;
    };
    let col = |i: usize| names.get(i).map(String::as_str).unwrap_or("?");
    let idx = |name: &str| names.iter().position(|c| c == name);
    use rusqlite::hooks::Action;
    match ct {
        ConflictType::SQLITE_CHANGESET_DATA if code == Action::SQLITE_UPDATE => {
            let (mut lead, mut member) = (serde_json::Map::new(), serde_json::Map::new());
            let (mut differs, mut conflict) = (false, false);
            for i in 0..n {
                let Ok(new) = item.new_value(i) else { continue };
                let new = to_json(new);
                let cur = item.conflict(i).map(to_json).unwrap_or(Value::Null);
                let old = item.old_value(i).map(to_json).unwrap_or(Value::Null);
                if bookkeeping(&table, col(i)) {
                    continue;
                }
                if cur != new {
                    differs = true;
                    if cur != old {
                        conflict = true;
                    }
                }
                lead.insert(col(i).into(), cur);
                member.insert(col(i).into(), new);
            }
            if !differs {
                st.unchanged += 1;
                return ConflictAction::SQLITE_CHANGESET_OMIT;
            }
            if !conflict {
                return ConflictAction::SQLITE_CHANGESET_REPLACE;
            }
            let current = |name: &str| idx(name).and_then(|i| item.conflict(i).ok()).map(to_json);
            let row_id = item
                .conflict(0)
                .ok()
                .and_then(|v| v.as_i64().ok())
                .unwrap_or(0);
            let member_at = idx("updated_at")
                .and_then(|i| item.new_value(i).ok())
                .map(to_json)
                .and_then(|v| v.as_str().map(String::from));
            st.conflicts.push(RawConflict {
                table: table.clone(),
                row_id,
                department_id: current("department_id").and_then(|v| v.as_i64()),
                item_id: current("item_id").and_then(|v| v.as_str().map(String::from)),
                lead: Value::Object(lead),
                member: Value::Object(member),
                member_at,
            });
            ConflictAction::SQLITE_CHANGESET_OMIT
        }
        ConflictType::SQLITE_CHANGESET_DATA => {
            // The member removed a record the lead changed.
            let mut lead = serde_json::Map::new();
            for i in 0..n {
                if let Ok(v) = item.conflict(i) {
                    lead.insert(col(i).into(), to_json(v));
                }
            }
            let row_id = lead.get("id").and_then(Value::as_i64).unwrap_or(0);
            st.conflicts.push(RawConflict {
                table: table.clone(),
                row_id,
                department_id: lead.get("department_id").and_then(Value::as_i64),
                item_id: lead
                    .get("item_id")
                    .and_then(|v| v.as_str().map(String::from)),
                lead: Value::Object(lead),
                member: Value::Null,
                member_at: None,
            });
            ConflictAction::SQLITE_CHANGESET_OMIT
        }
        ConflictType::SQLITE_CHANGESET_NOTFOUND => {
            if code == Action::SQLITE_DELETE {
                st.unchanged += 1;
                return ConflictAction::SQLITE_CHANGESET_OMIT;
            }
            let mut member = serde_json::Map::new();
            for i in 0..n {
                if let Ok(v) = item.new_value(i) {
                    member.insert(col(i).into(), to_json(v));
                }
            }
            let row_id = item
                .old_value(0)
                .ok()
                .and_then(|v| v.as_i64().ok())
                .unwrap_or(0);
            st.conflicts.push(RawConflict {
                table: table.clone(),
                row_id,
                department_id: None,
                item_id: None,
                lead: Value::Null,
                member: Value::Object(member),
                member_at: None,
            });
            ConflictAction::SQLITE_CHANGESET_OMIT
        }
        ConflictType::SQLITE_CHANGESET_CONFLICT => {
            let mut same = true;
            for i in 0..n {
                if bookkeeping(&table, col(i)) {
                    continue;
                }
                let new = item.new_value(i).map(to_json).unwrap_or(Value::Null);
                let cur = item.conflict(i).map(to_json).unwrap_or(Value::Null);
                if new != cur {
                    same = false;
                }
            }
            if same {
                st.unchanged += 1;
                return ConflictAction::SQLITE_CHANGESET_OMIT;
            }
            let (mut lead, mut member) = (serde_json::Map::new(), serde_json::Map::new());
            for i in 0..n {
                let new = item.new_value(i).map(to_json).unwrap_or(Value::Null);
                let cur = item.conflict(i).map(to_json).unwrap_or(Value::Null);
                if new != cur && !bookkeeping(&table, col(i)) {
                    lead.insert(col(i).into(), cur);
                    member.insert(col(i).into(), new);
                }
            }
            let full = |name: &str| idx(name).and_then(|i| item.new_value(i).ok()).map(to_json);
            st.conflicts.push(RawConflict {
                table: table.clone(),
                row_id: full("id").and_then(|v| v.as_i64()).unwrap_or(0),
                department_id: full("department_id").and_then(|v| v.as_i64()),
                item_id: full("item_id").and_then(|v| v.as_str().map(String::from)),
                lead: Value::Object(lead),
                member: Value::Object(member),
                member_at: full("updated_at").and_then(|v| v.as_str().map(String::from)),
            });
            ConflictAction::SQLITE_CHANGESET_OMIT
        }
        ConflictType::SQLITE_CHANGESET_CONSTRAINT
            if table == "responses" && code == Action::SQLITE_INSERT =>
        {
            let mut row = BTreeMap::new();
            for i in 0..n {
                row.insert(
                    col(i).to_string(),
                    item.new_value(i).map(to_json).unwrap_or(Value::Null),
                );
            }
            st.pending.push(row);
            ConflictAction::SQLITE_CHANGESET_OMIT
        }
        ConflictType::SQLITE_CHANGESET_CONSTRAINT if table == "evidence_links" => {
            st.unchanged += 1;
            ConflictAction::SQLITE_CHANGESET_OMIT
        }
        // References to rows moved by the natural-key rule are fixed after the apply and
        // checked before the commit.
        ConflictType::SQLITE_CHANGESET_FOREIGN_KEY => ConflictAction::SQLITE_CHANGESET_OMIT,
        _ => {
            st.abort = Some(format!("{table}: {ct:?}"));
            ConflictAction::SQLITE_CHANGESET_ABORT
        }
    }
}

/// The number of row changes in a changeset.
pub(crate) fn count_changes(changes: &[u8]) -> Result<usize> {
    use fallible_streaming_iterator::FallibleStreamingIterator;
    let mut input: &[u8] = changes;
    let reader: &mut dyn std::io::Read = &mut input;
    let mut it = rusqlite::session::ChangesetIter::start_strm(&reader)?;
    let mut n = 0;
    while it.next()?.is_some() {
        n += 1;
    }
    Ok(n)
}

/// Checks that every change belongs to `assessment` (INSERTs name it; changed rows are
/// looked up) and to a field table.
fn check_changes(
    conn: &Connection,
    assessment: i64,
    changes: &[u8],
    cols: &HashMap<String, Vec<String>>,
) -> std::result::Result<(), String> {
    use fallible_streaming_iterator::FallibleStreamingIterator;
    use rusqlite::hooks::Action;
    let mut input: &[u8] = changes;
    let reader: &mut dyn std::io::Read = &mut input;
    let mut it =
        rusqlite::session::ChangesetIter::start_strm(&reader).map_err(|e| e.to_string())?;
    while let Some(item) = it.next().map_err(|e| e.to_string())? {
        let op = item.op().map_err(|e| e.to_string())?;
        let table = op.table_name().to_string();
        let names = cols.get(&table).ok_or_else(|| format!("table {table}"))?;
        if op.number_of_columns() as usize != names.len() {
            return Err(format!("{table}: columns"));
        }
        let Some(a_col) = names.iter().position(|c| c == "assessment_id") else {
            continue;
        };
        let owner = if op.code() == Action::SQLITE_INSERT {
            item.new_value(a_col).ok().and_then(|v| v.as_i64().ok())
        } else {
            let id = item.old_value(0).ok().and_then(|v| v.as_i64().ok());
            match id {
                Some(id) => conn
                    .query_row(
                        &format!("SELECT assessment_id FROM {table} WHERE id = ?1"),
                        [id],
                        |r| r.get(0),
                    )
                    .optional()
                    .map_err(|e| e.to_string())?
                    .or(Some(assessment)),
                None => None,
            }
        };
        if owner != Some(assessment) {
            return Err(format!(
                "{table}: 別の点検・監査の記録 / a record of another assessment"
            ));
        }
    }
    Ok(())
}

/// Applies `changes` to `conn` (inside the caller's transaction). `join`: on the member's
/// side (no finding renumbering by the lead; the caller refuses on any conflict).
pub(crate) fn apply_changes(
    conn: &Connection,
    assessment: i64,
    changes: &[u8],
    _join: bool,
) -> Result<Outcome> {
    let cols = columns(conn)?;
    check_changes(conn, assessment, changes, &cols).map_err(|r| {
        Error::invalid(
            "changes",
            r,
            "この点検・監査の記録の変更 / changes to this assessment's records",
        )
    })?;
    let total = count_changes(changes)?;
    // Finding numbers: the lead's store assigns them. Existing ones are parked below zero
    // while the member's new findings come in, then restored; new findings get the next
    // numbers in the order they were created.
    let existing: HashSet<i64> = {
        let mut stmt = conn.prepare("SELECT id FROM findings WHERE assessment_id = ?1")?;
        let rows = stmt.query_map([assessment], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    conn.execute(
        "UPDATE findings SET number = -abs(number) WHERE assessment_id = ?1",
        [assessment],
    )?;
    let state = Arc::new(Mutex::new(State::default()));
    let (st, c) = (state.clone(), cols.clone());
    let mut input: &[u8] = changes;
    conn.apply_strm(&mut input, None::<fn(&str) -> bool>, move |ct, item| {
        handle(&st, &c, ct, item)
    })
    .map_err(|e| {
        let why = state
            .lock()
            .ok()
            .and_then(|s| s.abort.clone())
            .unwrap_or_default();
        Error::invalid(
            "changes",
            format!("{why} {e}"),
            "適用できる変更 / changes that apply",
        )
    })?;
    let mut st = std::mem::take(&mut *state.lock().unwrap_or_else(|p| p.into_inner()));
    // Responses both sides created for the same item.
    for row in std::mem::take(&mut st.pending) {
        let g = |k: &str| row.get(k).cloned().unwrap_or(Value::Null);
        let (member_id, dept, item) = (
            g("id").as_i64().unwrap_or(0),
            g("department_id").as_i64().unwrap_or(0),
            g("item_id").as_str().unwrap_or("").to_string(),
        );
        let lead: Option<(i64, Option<String>, String)> = conn
            .query_row(
                "SELECT id, rating, note FROM responses WHERE assessment_id = ?1 AND department_id = ?2 AND item_id = ?3",
                params![assessment, dept, item],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((lead_id, rating, note)) = lead else {
            return Err(Error::invalid(
                "changes",
                format!("responses {member_id}"),
                "適用できる変更 / changes that apply",
            ));
        };
        conn.execute(
            "UPDATE OR IGNORE evidence_links SET response_id = ?1 WHERE response_id = ?2",
            [lead_id, member_id],
        )?;
        conn.execute(
            "DELETE FROM evidence_links WHERE response_id = ?1",
            [member_id],
        )?;
        let (lr, ln) = (json!(rating), json!(note));
        if lr == g("rating") && ln == g("note") {
            st.unchanged += 1;
        } else {
            st.conflicts.push(RawConflict {
                table: "responses".into(),
                row_id: lead_id,
                department_id: Some(dept),
                item_id: Some(item),
                lead: json!({"rating": lr, "note": ln}),
                member: json!({"rating": g("rating"), "note": g("note")}),
                member_at: g("updated_at").as_str().map(String::from),
            });
        }
    }
    let fk: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
        r.get(0)
    })?;
    if fk > 0 {
        return Err(Error::invalid(
            "changes",
            format!("{fk} foreign key problems"),
            "適用できる変更 / changes that apply",
        ));
    }
    renumber(conn, assessment, &existing)?;
    let unchanged = st.unchanged;
    let conflicts = st.conflicts;
    Ok(Outcome {
        applied: total.saturating_sub(unchanged + conflicts.len()),
        unchanged,
        conflicts,
    })
}

fn renumber(conn: &Connection, assessment: i64, existing: &HashSet<i64>) -> Result<()> {
    let mut stmt =
        conn.prepare("SELECT id FROM findings WHERE assessment_id = ?1 ORDER BY created_at, id")?;
    let all: Vec<i64> = stmt
        .query_map([assessment], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let new: Vec<i64> = all
        .iter()
        .copied()
        .filter(|id| !existing.contains(id))
        .collect();
    for (i, id) in new.iter().enumerate() {
        conn.execute(
            "UPDATE findings SET number = ?1 WHERE id = ?2",
            params![-(1_000_000_000 + i as i64), id],
        )?;
    }
    conn.execute("UPDATE findings SET number = -number WHERE assessment_id = ?1 AND number < 0 AND number > -1000000000", [assessment])?;
    let max: i64 = conn.query_row(
        "SELECT coalesce(max(number), 0) FROM findings WHERE assessment_id = ?1",
        [assessment],
        |r| r.get(0),
    )?;
    for (i, id) in new.iter().enumerate() {
        conn.execute(
            "UPDATE findings SET number = ?1 WHERE id = ?2",
            params![max + 1 + i as i64, id],
        )?;
    }
    Ok(())
}

/// Checks a member's audit-log chain: from the first entry, without gaps, every hash
/// recomputed, all of `device`; and the entries already merged before are the same.
fn check_chain(
    conn: &Connection,
    device: &str,
    chain: &[audit_log::RawEntry],
) -> std::result::Result<(), String> {
    let mut prev = audit_log::GENESIS.to_string();
    for (i, e) in chain.iter().enumerate() {
        if e.device != device || e.chain_seq != i as i64 + 1 || e.prev_hash != prev {
            return Err(format!("audit log entry {}", e.chain_seq));
        }
        let (before, after) = (&e.before_json, &e.after_json);
        let h = audit_log::entry_hash(
            &prev,
            e.chain_seq,
            &e.at,
            &e.actor,
            &e.action,
            &e.entity,
            &e.entity_id,
            before.as_deref(),
            after.as_deref(),
        );
        if h != e.hash {
            return Err(format!("audit log entry {} (hash)", e.chain_seq));
        }
        let here: Option<String> = conn
            .query_row(
                "SELECT hash FROM audit_log WHERE device = ?1 AND chain_seq = ?2",
                params![device, e.chain_seq],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| e.to_string())?;
        if here.is_some_and(|h| h != e.hash) {
            return Err(format!(
                "audit log entry {} differs from the one merged before",
                e.chain_seq
            ));
        }
        prev = e.hash.clone();
    }
    Ok(())
}

fn department_name(conn: &Connection, id: Option<i64>) -> Result<Option<String>> {
    let Some(id) = id else { return Ok(None) };
    Ok(conn
        .query_row("SELECT name FROM departments WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?)
}

fn conflict_row(conn: &Connection, r: &rusqlite::Row) -> rusqlite::Result<Conflict> {
    let dept: Option<i64> = r.get(3)?;
    let lead: String = r.get(5)?;
    let member: String = r.get(6)?;
    Ok(Conflict {
        id: r.get(0)?,
        kind: r.get(1)?,
        department: department_name(conn, dept).ok().flatten(),
        item: r.get(4)?,
        lead: serde_json::from_str(&lead).unwrap_or(Value::Null),
        member: serde_json::from_str(&member).unwrap_or(Value::Null),
        member_name: r.get(7)?,
        member_at: r.get(8)?,
        status: r.get(9)?,
    })
}

const CONFLICT_COLUMNS: &str = "id, kind, table_name, department_id, item_id, lead_json, member_json, member, member_at, status, row_id";

impl Store {
    /// `team merge` (lead): every package checked first, then all applied in one transaction.
    /// Encrypted packages are opened with `package_passphrase` (one for all: the team's).
    /// Logged with its counts and duration (never the merged values).
    pub fn team_merge(
        &mut self,
        paths: &[PathBuf],
        package_passphrase: Option<&str>,
    ) -> Result<MergeReport> {
        let started = std::time::Instant::now();
        let r = self.merge_packages(paths, package_passphrase);
        let ms = started.elapsed().as_millis() as u64;
        match &r {
            Ok(m) => tracing::info!(target: "tenken", event = "team_merge", packages = paths.len(),
                applied = m.applied, unchanged = m.unchanged, conflicts = m.conflicts.len(), duration_ms = ms),
            Err(e) => {
                tracing::warn!(target: "tenken", event = "team_merge", packages = paths.len(),
                code = e.code(), duration_ms = ms)
            }
        }
        r
    }

    fn merge_packages(
        &mut self,
        paths: &[PathBuf],
        package_passphrase: Option<&str>,
    ) -> Result<MergeReport> {
        let own = self.device_id()?;
        let mut packages = vec![];
        for path in paths {
            let pkg = super::read_package(path, package_passphrase)?;
            let m = &pkg.manifest;
            if m.kind != "return" {
                return Err(Error::TeamPackageWrongKind {
                    path: path.clone(),
                    expected: "return".into(),
                    found: m.kind.clone(),
                });
            }
            let foreign = |reason: String| Error::TeamPackageForeign {
                path: path.clone(),
                reason,
            };
            if m.lead_device != own {
                return Err(foreign(
                    "このデータが配布したものではありません / not shared by this store".into(),
                ));
            }
            let shared: Option<i64> = self
                .conn()
                .query_row(
                    "SELECT assessment_id FROM team_shares WHERE baseline_id = ?1",
                    [&m.baseline_id],
                    |r| r.get(0),
                )
                .optional()?;
            if shared != Some(m.assessment_id) {
                return Err(foreign(format!(
                    "配布 {} がありません / no share {}",
                    m.baseline_id, m.baseline_id
                )));
            }
            let (org, title, _) = super::identity(self, m.assessment_id)?;
            if org != m.organisation || title != m.assessment_title {
                return Err(foreign(format!(
                    "{} / {}",
                    m.organisation, m.assessment_title
                )));
            }
            if m.device == own {
                return Err(foreign(
                    "このデータ自身のパッケージです / made by this store".into(),
                ));
            }
            let changes = pkg.part(path, package::CHANGES)?.to_vec();
            let chain: Vec<audit_log::RawEntry> =
                serde_json::from_slice(pkg.part(path, package::AUDIT)?).map_err(|e| {
                    Error::TeamPackageInvalid {
                        path: path.clone(),
                        reason: e.to_string(),
                    }
                })?;
            check_chain(self.conn(), &m.device, &chain).map_err(|reason| {
                Error::TeamPackageInvalid {
                    path: path.clone(),
                    reason,
                }
            })?;
            let cols = columns(self.conn())?;
            check_changes(self.conn(), m.assessment_id, &changes, &cols).map_err(|reason| {
                Error::TeamPackageInvalid {
                    path: path.clone(),
                    reason,
                }
            })?;
            let files: Vec<(String, Vec<u8>)> = pkg
                .evidence(path)?
                .into_iter()
                .map(|(s, b)| (s.to_string(), b.to_vec()))
                .collect();
            packages.push((
                path.clone(),
                pkg.manifest.clone(),
                pkg.sha256.clone(),
                changes,
                chain,
                files,
            ));
        }
        // The same packages give the same result in any order.
        packages.sort_by(|a, b| {
            (&a.1.device, &a.1.baseline_id, &a.2).cmp(&(&b.1.device, &b.1.baseline_id, &b.2))
        });
        packages.dedup_by(|a, b| a.2 == b.2);
        for p in &packages {
            for (_, bytes) in &p.5 {
                self.evidence_files().store_bytes(bytes)?;
            }
        }
        self.write(|t| {
            let mut report = MergeReport { applied: 0, unchanged: 0, conflicts: vec![], packages: vec![] };
            for (path, m, sha, changes, chain, files) in &packages {
                let a = m.assessment_id;
                let mut pr = PackageReport {
                    file: path.display().to_string(),
                    sha256: sha.clone(),
                    member: m.member.clone(),
                    device: m.device.clone(),
                    baseline_id: m.baseline_id.clone(),
                    applied: 0,
                    unchanged: 0,
                    conflicts: 0,
                    log_entries_added: 0,
                    evidence_files: files.len(),
                    already_merged: false,
                };
                let done: bool = t.tx.query_row("SELECT count(*) FROM team_merges WHERE package_sha256 = ?1", [sha], |r| r.get::<_, i64>(0))? > 0;
                if done {
                    pr.already_merged = true;
                    report.packages.push(pr);
                    continue;
                }
                // Changes merged before from the same member and baseline: only what changed
                // since then is applied (the earlier changeset inverted, then this one).
                let previous: Option<Vec<u8>> = t.tx.query_row(
                    "SELECT changeset FROM team_merges WHERE member_device = ?1 AND baseline_id = ?2 ORDER BY id DESC LIMIT 1",
                    params![m.device, m.baseline_id],
                    |r| r.get(0),
                ).optional()?;
                let effective = match &previous {
                    None => changes.clone(),
                    Some(prev) => {
                        let mut inv = Vec::new();
                        rusqlite::session::invert_strm(&mut &prev[..], &mut inv)?;
                        let mut out = Vec::new();
                        rusqlite::session::concat_strm(&mut &inv[..], &mut &changes[..], &mut out)?;
                        out
                    }
                };
                let outcome = apply_changes(&t.tx, a, &effective, false)?;
                pr.applied = outcome.applied;
                pr.unchanged = outcome.unchanged;
                pr.conflicts = outcome.conflicts.len();
                for c in outcome.conflicts {
                    t.tx.execute(
                        "INSERT OR IGNORE INTO team_conflicts (assessment_id, kind, table_name, row_id, department_id, item_id, lead_json, member_json,
                         member, member_device, member_at, baseline_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                        params![a, kind_of(&c.table), c.table, c.row_id, c.department_id, c.item_id, c.lead.to_string(), c.member.to_string(),
                                m.member, m.device, c.member_at, m.baseline_id, t.now],
                    )?;
                    let id: i64 = t.tx.query_row(
                        "SELECT id FROM team_conflicts WHERE assessment_id = ?1 AND table_name = ?2 AND row_id = ?3 AND member_device = ?4 AND member_json = ?5",
                        params![a, c.table, c.row_id, m.device, c.member.to_string()],
                        |r| r.get(0),
                    )?;
                    let conflict = t.tx.query_row(&format!("SELECT {CONFLICT_COLUMNS} FROM team_conflicts WHERE id = ?1"), [id], |r| conflict_row(&t.tx, r))?;
                    report.conflicts.push(conflict);
                }
                // The member's audit-log chain, entries not merged before.
                for e in chain {
                    let known: bool = t.tx.query_row("SELECT count(*) FROM audit_log WHERE device = ?1 AND chain_seq = ?2", params![e.device, e.chain_seq], |r| r.get::<_, i64>(0))? > 0;
                    if known {
                        continue;
                    }
                    let taken: bool = t.tx.query_row("SELECT count(*) FROM audit_log WHERE seq = ?1", [e.seq], |r| r.get::<_, i64>(0))? > 0;
                    let seq = if taken { crate::store::ids::new_id() } else { e.seq };
                    t.tx.execute(
                        "INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash, device, chain_seq)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                        params![seq, e.at, e.actor, e.action, e.entity, e.entity_id, e.before_json, e.after_json, e.prev_hash, e.hash, e.device, e.chain_seq],
                    )?;
                    pr.log_entries_added += 1;
                }
                t.tx.execute(
                    "INSERT INTO team_merges (id, assessment_id, baseline_id, member_device, member, package_sha256, applied, unchanged, conflicts, changeset, merged_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                    params![crate::store::ids::new_id(), a, m.baseline_id, m.device, m.member, sha, pr.applied as i64, pr.unchanged as i64, pr.conflicts as i64, changes, t.now],
                )?;
                let head = chain.last().map(|e| json!({"chain_seq": e.chain_seq, "hash": e.hash}));
                let logged = json!({"package_sha256": sha, "member": m.member, "device": m.device, "baseline_id": m.baseline_id,
                                    "chain_head": head, "applied": pr.applied, "unchanged": pr.unchanged, "conflicts": pr.conflicts});
                t.log("team.merge", "assessment", a, None::<&()>, Some(&logged))?;
                report.applied += pr.applied;
                report.unchanged += pr.unchanged;
                report.packages.push(pr);
            }
            Ok(report)
        })
    }

    /// `team conflicts`: the conflicts of an assessment, open ones first.
    pub fn team_conflicts(&self, assessment: i64) -> Result<Vec<Conflict>> {
        super::identity(self, assessment)?;
        self.rows(
            &format!("SELECT {CONFLICT_COLUMNS} FROM team_conflicts WHERE assessment_id = ?1 ORDER BY status != 'open', id"),
            [assessment],
            |r| conflict_row(self.conn(), r),
        )
    }

    /// `team resolve`: keeps the lead's or the member's values; an ordinary edit with its
    /// audit-log entry.
    pub fn team_resolve(&mut self, id: i64, keep_member: bool) -> Result<Conflict> {
        let (table, row_id, status, lead, member): (String, i64, String, String, String) = self
            .conn()
            .query_row("SELECT table_name, row_id, status, lead_json, member_json FROM team_conflicts WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .optional()?
            .ok_or(Error::UnknownConflict(id))?;
        if status != "open" {
            return Err(Error::ConflictResolved(id));
        }
        let member_v: Value = serde_json::from_str(&member)?;
        let lead_v: Value = serde_json::from_str(&lead)?;
        let cols = columns(self.conn())?;
        let names = cols.get(&table).cloned().unwrap_or_default();
        let values = match (&member_v, &lead_v) {
            (Value::Object(m), Value::Object(_)) if keep_member => {
                let mut v = vec![];
                for (k, val) in m {
                    if !names.contains(k) || k == "id" {
                        return Err(Error::invalid(
                            "conflict",
                            id,
                            "記録の列 / a column of the record",
                        ));
                    }
                    v.push((k.clone(), val.clone()));
                }
                Some(v)
            }
            _ if keep_member => {
                return Err(Error::invalid("keep", "member", "lead（一方が削除した記録は監査責任者の版のみ） / lead (a record removed on one side keeps the lead's version)"));
            }
            _ => None,
        };
        self.write(|t| {
            if let Some(values) = &values {
                for (k, v) in values {
                    let sql = format!("UPDATE {table} SET {k} = ?1 WHERE id = ?2");
                    let param: rusqlite::types::Value = match v {
                        Value::Null => rusqlite::types::Value::Null,
                        Value::Number(n) if n.is_i64() => {
                            rusqlite::types::Value::Integer(n.as_i64().unwrap_or(0))
                        }
                        Value::Number(n) => rusqlite::types::Value::Real(n.as_f64().unwrap_or(0.0)),
                        Value::String(s) => rusqlite::types::Value::Text(s.clone()),
                        other => rusqlite::types::Value::Text(other.to_string()),
                    };
                    t.tx.execute(&sql, params![param, row_id])?;
                }
                if names.iter().any(|c| c == "updated_at") {
                    t.tx.execute(
                        &format!("UPDATE {table} SET updated_at = ?1 WHERE id = ?2"),
                        params![t.now, row_id],
                    )?;
                }
            }
            let keep = if keep_member { "member" } else { "lead" };
            t.tx.execute(
                "UPDATE team_conflicts SET status = ?1, resolved_at = ?2 WHERE id = ?3",
                params![keep, t.now, id],
            )?;
            let after = if keep_member { &member_v } else { &lead_v };
            t.log(
                "team.resolve",
                &table,
                row_id,
                Some(&lead_v),
                Some(&json!({"conflict": id, "keep": keep, "values": after})),
            )?;
            Ok(())
        })?;
        self.conn()
            .query_row(
                &format!("SELECT {CONFLICT_COLUMNS} FROM team_conflicts WHERE id = ?1"),
                [id],
                |r| conflict_row(self.conn(), r),
            )
            .map_err(Into::into)
    }
}

/// `verify`: every merged chain is anchored by the lead's merge records — each anchor's entry
/// is in its chain, and no chain goes beyond its last anchor.
pub fn check_anchors(conn: &Connection) -> Result<Vec<String>> {
    let own = audit_log::device_id(conn)?;
    let mut heads: HashMap<String, i64> = HashMap::new();
    let mut problems = vec![];
    let mut stmt = conn.prepare(
        "SELECT after_json FROM audit_log WHERE action = 'team.merge' ORDER BY device, chain_seq",
    )?;
    let rows: Vec<Option<String>> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for after in rows.into_iter().flatten() {
        let v: Value = serde_json::from_str(&after).unwrap_or(Value::Null);
        let device = v["device"].as_str().unwrap_or("").to_string();
        let Some(seq) = v["chain_head"]["chain_seq"].as_i64() else {
            continue;
        };
        let hash = v["chain_head"]["hash"].as_str().unwrap_or("");
        let here: Option<String> = conn
            .query_row(
                "SELECT hash FROM audit_log WHERE device = ?1 AND chain_seq = ?2",
                params![device, seq],
                |r| r.get(0),
            )
            .optional()?;
        if here.as_deref() != Some(hash) {
            problems.push(format!("audit log (device {device}): entry {seq} recorded by a merge is missing or altered"));
        }
        let h = heads.entry(device).or_insert(0);
        *h = (*h).max(seq);
    }
    let mut stmt = conn.prepare(
        "SELECT device, max(chain_seq) FROM audit_log WHERE device != ?1 GROUP BY device",
    )?;
    let rows: Vec<(String, i64)> = stmt
        .query_map([&own], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (device, max) in rows {
        match heads.get(&device) {
            Some(h) if *h == max => {}
            _ => problems.push(format!(
                "audit log (device {device}): entries not recorded by any merge"
            )),
        }
    }
    Ok(problems)
}

#[allow(dead_code)]
fn _path(_: &Path) {}
