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
    /// The laptop (device id) whose chain this entry belongs to.
    #[serde(default)]
    pub device: String,
    /// The entry's position in its device's chain (1, 2, 3 …).
    #[serde(default)]
    pub chain_seq: i64,
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

/// This store's device id (migration 5 gives every store one).
pub fn device_id(conn: &Connection) -> Result<String> {
    Ok(conn.query_row(
        "SELECT value FROM store_meta WHERE key = 'device_id'",
        [],
        |r| r.get(0),
    )?)
}

/// Appends an entry to this device's chain. `seq` (the row id) is a global id
/// ([`crate::store::ids::new_id`]), so entries made on different laptops can be merged;
/// the chain position is `chain_seq` (1, 2, 3 … per device), and it is what the hash covers.
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
    let device = device_id(conn)?;
    let last: Option<(i64, String)> = conn
        .query_row(
            "SELECT chain_seq, hash FROM audit_log WHERE device = ?1 ORDER BY chain_seq DESC LIMIT 1",
            [&device],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (chain_seq, prev) = match last {
        Some((s, h)) => (s + 1, h),
        None => (1, GENESIS.to_string()),
    };
    let before = before.map(serde_json::to_string).transpose()?;
    let after = after.map(serde_json::to_string).transpose()?;
    let hash = entry_hash(
        &prev,
        chain_seq,
        at,
        actor,
        action,
        entity,
        entity_id,
        before.as_deref(),
        after.as_deref(),
    );
    conn.execute(
        "INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash, device, chain_seq)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![crate::store::ids::new_id(), at, actor, action, entity, entity_id, before, after, prev, hash, device, chain_seq],
    )?;
    Ok(())
}

/// An entry as stored (before/after as the JSON text that was hashed): what a team return
/// package carries, so that the chain can be checked on the lead's laptop.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RawEntry {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
    pub prev_hash: String,
    pub hash: String,
    pub device: String,
    pub chain_seq: i64,
}

/// One device's chain, in order.
pub fn device_chain(conn: &Connection, device: &str) -> Result<Vec<RawEntry>> {
    let mut stmt = conn.prepare(
        "SELECT seq, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash, device, chain_seq
         FROM audit_log WHERE device = ?1 ORDER BY chain_seq",
    )?;
    let rows = stmt.query_map([device], |r| {
        Ok(RawEntry {
            seq: r.get(0)?,
            at: r.get(1)?,
            actor: r.get(2)?,
            action: r.get(3)?,
            entity: r.get(4)?,
            entity_id: r.get(5)?,
            before_json: r.get(6)?,
            after_json: r.get(7)?,
            prev_hash: r.get(8)?,
            hash: r.get(9)?,
            device: r.get(10)?,
            chain_seq: r.get(11)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Reads the log, newest last; `limit` keeps only the last N entries.
pub fn entries(conn: &Connection, limit: Option<usize>) -> Result<Vec<LogEntry>> {
    let sql = "SELECT seq, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash, device, chain_seq FROM
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
            device: r.get(10)?,
            chain_seq: r.get(11)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn has_devices(conn: &Connection) -> Result<bool> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM pragma_table_info('audit_log') WHERE name = 'chain_seq'",
        [],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}

/// Checks every device's chain from its first entry: positions without gaps, each `prev_hash`
/// equal to the previous `hash`, each `hash` recomputed. This store's own chain is named
/// "audit log"; another laptop's (merged) chain "audit log (device …)". Returns one line per
/// problem. A database from before migration 5 has one chain, checked by `seq`.
pub fn check_chain(conn: &Connection) -> Result<Vec<String>> {
    let devices = has_devices(conn)?;
    let sql = if devices {
        "SELECT chain_seq, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash, device
         FROM audit_log ORDER BY device, chain_seq"
    } else {
        "SELECT seq, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash, '' FROM audit_log ORDER BY seq"
    };
    let own = if devices {
        device_id(conn).unwrap_or_default()
    } else {
        String::new()
    };
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query([])?;
    let mut problems = vec![];
    let mut expected_prev = GENESIS.to_string();
    let mut expected_seq = 1i64;
    let mut current_device: Option<String> = None;
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        let (at, actor, action, entity, entity_id): (String, String, String, String, String) =
            (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?);
        let before: Option<String> = r.get(6)?;
        let after: Option<String> = r.get(7)?;
        let prev: String = r.get(8)?;
        let hash: String = r.get(9)?;
        let device: String = r.get(10)?;
        if current_device.as_deref() != Some(device.as_str()) {
            expected_prev = GENESIS.to_string();
            expected_seq = 1;
            current_device = Some(device.clone());
        }
        let name = if device == own {
            "audit log".to_string()
        } else {
            format!("audit log (device {device})")
        };
        if seq != expected_seq {
            problems.push(format!(
                "{name}: entry {expected_seq} is missing (next is {seq})"
            ));
        }
        if prev != expected_prev {
            problems.push(format!(
                "{name}: entry {seq} does not follow the previous entry (prev_hash mismatch)"
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
            problems.push(format!("{name}: entry {seq} was altered (hash mismatch)"));
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
        for m in crate::store::schema::MIGRATIONS {
            conn.execute_batch(m).unwrap();
        }
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
        conn.execute(
            "UPDATE audit_log SET after_json = '99' WHERE chain_seq = 2",
            [],
        )
        .unwrap();
        let p = check_chain(&conn).unwrap();
        assert!(p.iter().any(|p| p.contains("entry 2 was altered")), "{p:?}");
        conn.execute(
            "UPDATE audit_log SET after_json = '1' WHERE chain_seq = 2",
            [],
        )
        .unwrap();
        assert!(check_chain(&conn).unwrap().is_empty());
        conn.execute("DELETE FROM audit_log WHERE chain_seq = 3", [])
            .unwrap();
        let p = check_chain(&conn).unwrap();
        assert!(p.iter().any(|p| p.contains("entry 3 is missing")), "{p:?}");
        assert!(
            p.iter().any(|p| p.contains("entry 4 does not follow")),
            "{p:?}"
        );
    }
}
