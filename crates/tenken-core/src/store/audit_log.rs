//! The audit log: every change (who, when, what, before → after), each entry chained to the
//! previous one by SHA-256, so that a removed, reordered or edited entry is detected.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::Result;

/// The `prev_hash` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct LogEntry {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub prev_hash: String,
    pub hash: String,
}

/// The hash of an entry: SHA-256 over its fields (length-prefixed, so that no two different
/// entries serialise the same) and the previous entry's hash.
#[allow(clippy::too_many_arguments)]
pub fn entry_hash(
    prev_hash: &str,
    seq: i64,
    at: &str,
    actor: &str,
    action: &str,
    entity: &str,
    entity_id: &str,
    before: Option<&str>,
    after: Option<&str>,
) -> String {
    let mut h = Sha256::new();
    let seq = seq.to_string();
    for part in [
        Some(prev_hash),
        Some(seq.as_str()),
        Some(at),
        Some(actor),
        Some(action),
        Some(entity),
        Some(entity_id),
        before,
        after,
    ] {
        match part {
            Some(p) => {
                h.update((p.len() as u64).to_le_bytes());
                h.update(p.as_bytes());
            }
            None => h.update(u64::MAX.to_le_bytes()),
        }
    }
    format!("{:x}", h.finalize())
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn append<B: Serialize, A: Serialize>(
    conn: &Connection,
    at: &str,
    actor: &str,
    action: &str,
    entity: &str,
    entity_id: &str,
    before: Option<&B>,
    after: Option<&A>,
) -> Result<()> {
    let last: Option<(i64, String)> = conn
        .query_row(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (seq, prev) = match last {
        Some((s, h)) => (s + 1, h),
        None => (1, GENESIS.to_string()),
    };
    let before = before.map(serde_json::to_string).transpose()?;
    let after = after.map(serde_json::to_string).transpose()?;
    let hash = entry_hash(
        &prev,
        seq,
        at,
        actor,
        action,
        entity,
        entity_id,
        before.as_deref(),
        after.as_deref(),
    );
    conn.execute(
        "INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![seq, at, actor, action, entity, entity_id, before, after, prev, hash],
    )?;
    Ok(())
}

/// Reads the log, newest last; `limit` keeps only the last N entries.
pub fn entries(conn: &Connection, limit: Option<usize>) -> Result<Vec<LogEntry>> {
    let sql = "SELECT seq, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash FROM
               (SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?1) ORDER BY seq";
    let mut stmt = conn.prepare(sql)?;
    let lim = limit.map(|l| l as i64).unwrap_or(-1);
    let rows = stmt.query_map([lim], |r| {
        let before: Option<String> = r.get(6)?;
        let after: Option<String> = r.get(7)?;
        Ok(LogEntry {
            seq: r.get(0)?,
            at: r.get(1)?,
            actor: r.get(2)?,
            action: r.get(3)?,
            entity: r.get(4)?,
            entity_id: r.get(5)?,
            before: before.and_then(|s| serde_json::from_str(&s).ok()),
            after: after.and_then(|s| serde_json::from_str(&s).ok()),
            prev_hash: r.get(8)?,
            hash: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Checks the chain from the first entry: sequence without gaps, each `prev_hash` equal to the
/// previous `hash`, each `hash` recomputed. Returns one line per problem.
pub fn check_chain(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT seq, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash FROM audit_log ORDER BY seq",
    )?;
    let mut rows = stmt.query([])?;
    let mut problems = vec![];
    let mut expected_prev = GENESIS.to_string();
    let mut expected_seq = 1i64;
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        let (at, actor, action, entity, entity_id): (String, String, String, String, String) =
            (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?);
        let before: Option<String> = r.get(6)?;
        let after: Option<String> = r.get(7)?;
        let prev: String = r.get(8)?;
        let hash: String = r.get(9)?;
        if seq != expected_seq {
            problems.push(format!(
                "audit log: entry {expected_seq} is missing (next is {seq})"
            ));
        }
        if prev != expected_prev {
            problems.push(format!(
                "audit log: entry {seq} does not follow the previous entry (prev_hash mismatch)"
            ));
        }
        let recomputed = entry_hash(
            &prev,
            seq,
            &at,
            &actor,
            &action,
            &entity,
            &entity_id,
            before.as_deref(),
            after.as_deref(),
        );
        if recomputed != hash {
            problems.push(format!(
                "audit log: entry {seq} was altered (hash mismatch)"
            ));
        }
        expected_prev = hash;
        expected_seq = seq + 1;
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_separates_fields() {
        let a = entry_hash(GENESIS, 1, "t", "ab", "c", "e", "1", None, None);
        let b = entry_hash(GENESIS, 1, "t", "a", "bc", "e", "1", None, None);
        let c = entry_hash(GENESIS, 1, "t", "ab", "c", "e", "1", Some(""), None);
        assert_ne!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.len(), 64);
    }

    #[test]
    fn chain_detects_edit_removal_and_reorder() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(crate::store::schema::MIGRATIONS[0])
            .unwrap();
        for i in 0..4 {
            append(
                &conn,
                "2026-11-21T00:00:00Z",
                "auditor",
                "answer.set",
                "response",
                &i.to_string(),
                None::<&()>,
                Some(&i),
            )
            .unwrap();
        }
        assert!(check_chain(&conn).unwrap().is_empty());
        conn.execute("UPDATE audit_log SET after_json = '99' WHERE seq = 2", [])
            .unwrap();
        let p = check_chain(&conn).unwrap();
        assert!(p.iter().any(|p| p.contains("entry 2 was altered")), "{p:?}");
        conn.execute("UPDATE audit_log SET after_json = '1' WHERE seq = 2", [])
            .unwrap();
        assert!(check_chain(&conn).unwrap().is_empty());
        conn.execute("DELETE FROM audit_log WHERE seq = 3", [])
            .unwrap();
        let p = check_chain(&conn).unwrap();
        assert!(p.iter().any(|p| p.contains("entry 3 is missing")), "{p:?}");
        assert!(
            p.iter().any(|p| p.contains("entry 4 does not follow")),
            "{p:?}"
        );
    }
}
