//! Migrations: from empty, from every earlier schema version, and refusal of a newer one.

use rusqlite::Connection;
use tenken_core::store::schema::{latest, MIGRATIONS};
use tenken_core::store::Store;

fn tables(conn: &Connection) -> Vec<String> {
    let mut s = conn
        .prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
        .unwrap();
    s.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn from_empty_reaches_latest() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.schema_version().unwrap(), latest());
    let conn = Connection::open(dir.path().join("tenken.db")).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn from_every_earlier_version_keeps_data_and_matches_fresh_schema() {
    let fresh_dir = tempfile::tempdir().unwrap();
    Store::open(fresh_dir.path()).unwrap();
    let fresh = tables(&Connection::open(fresh_dir.path().join("tenken.db")).unwrap());
    for version in 1..=MIGRATIONS.len() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tenken.db");
        {
            let conn = Connection::open(&path).unwrap();
            for sql in &MIGRATIONS[..version] {
                conn.execute_batch(sql).unwrap();
            }
            conn.pragma_update(None, "user_version", version as i64)
                .unwrap();
            conn.execute("INSERT INTO organisations (name, created_at) VALUES ('旧版町', '2025-04-01T00:00:00Z')", []).unwrap();
        }
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(
            store.schema_version().unwrap(),
            latest(),
            "from version {version}"
        );
        assert_eq!(
            store.list_organisations().unwrap()[0].name,
            "旧版町",
            "data kept from version {version}"
        );
        drop(store);
        assert_eq!(
            tables(&Connection::open(&path).unwrap()),
            fresh,
            "schema from version {version} differs from a fresh one"
        );
    }
}

#[test]
fn newer_schema_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    let path = dir.path().join("tenken.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", latest() + 1)
            .unwrap();
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(dir.path())
        .err()
        .expect("a newer schema must be refused");
    assert_eq!(err.code(), "schema_too_new");
    let msg = err.localized(tenken_core::Lang::Ja);
    assert!(
        msg.contains("新しい版") && msg.contains(&(latest() + 1).to_string()),
        "{msg}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the newer database must not be changed"
    );
}

#[test]
fn not_a_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tenken.db");
    std::fs::write(&path, "これはデータベースではありません\n").unwrap();
    let err = Store::open(dir.path()).err().expect("must refuse");
    assert_eq!(err.code(), "not_a_database");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "これはデータベースではありません\n"
    );
    assert!(!dir.path().join("tenken.db-wal").exists());
}

/// The columns `table` has in `conn`'s schema `db`.
fn columns(conn: &Connection, db: &str, table: &str) -> Vec<String> {
    let mut s = conn
        .prepare(&format!(
            "SELECT name FROM {db}.pragma_table_info('{table}')"
        ))
        .unwrap();
    s.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Migration 5 (ids that travel, one audit-log chain per device) converts a store of every
/// earlier version WITH data — the demo, an evidence file, the audit log — and leaves the
/// export (what the report is made from) and `verify` as they were.
#[test]
fn team_migration_keeps_exports_and_the_audit_chain_from_every_version() {
    use tenken_core::{demo, export, verify};
    let src = tempfile::tempdir().unwrap();
    let (a, prev) = {
        let mut s = Store::open(src.path()).unwrap();
        let r = demo::fill(&mut s, demo::Size::Small).unwrap();
        (r.assessment_id, r.previous_assessment_id)
    };
    let exports_of = |s: &Store| {
        (
            serde_json::to_value(export::export(s, a).unwrap()).unwrap(),
            serde_json::to_value(export::export(s, prev).unwrap()).unwrap(),
        )
    };
    let original = exports_of(&Store::open_read_only(src.path()).unwrap());
    let log_len = Store::open(src.path())
        .unwrap()
        .audit_log(None)
        .unwrap()
        .len();
    assert!(log_len > 10);
    let team_tables = [
        "store_meta",
        "team_shares",
        "team_memberships",
        "team_merges",
        "team_conflicts",
    ];
    for version in 1..=4usize {
        let dir = tempfile::tempdir().unwrap();
        let status = std::process::Command::new("cp")
            .arg("-a")
            .arg(src.path().join("evidence"))
            .arg(dir.path())
            .status();
        assert!(
            status.map(|s| s.success()).unwrap_or(false) || !src.path().join("evidence").exists()
        );
        {
            // The store as version `version` wrote it: the same rows, the columns that existed.
            let conn = Connection::open(dir.path().join("tenken.db")).unwrap();
            for sql in &MIGRATIONS[..version] {
                conn.execute_batch(sql).unwrap();
            }
            conn.pragma_update(None, "user_version", version as i64)
                .unwrap();
            conn.execute(
                "ATTACH DATABASE ?1 AS src",
                [src.path().join("tenken.db").to_str().unwrap()],
            )
            .unwrap();
            conn.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
            let mut names: Vec<String> = conn
                .prepare("SELECT name FROM main.sqlite_master WHERE type = 'table'")
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            names.retain(|n| !team_tables.contains(&n.as_str()));
            for t in names {
                let cols = columns(&conn, "main", &t);
                let list = cols.join(", ");
                let select = if t == "audit_log" {
                    // One laptop's log: seq was the chain position.
                    list.replace("seq", "chain_seq AS seq")
                } else {
                    list.clone()
                };
                conn.execute_batch(&format!(
                    "INSERT INTO main.{t} ({list}) SELECT {select} FROM src.{t}"
                ))
                .unwrap();
            }
            conn.execute_batch("DETACH DATABASE src").unwrap();
        }
        let s = Store::open(dir.path()).unwrap();
        assert_eq!(s.schema_version().unwrap(), latest());
        let migrated = exports_of(&s);
        if version == 4 {
            assert!(
                migrated == original,
                "exports after migrating from 4 differ"
            );
        }
        // From older versions the columns added later (profile, policy originals) take their
        // defaults; the field records must be as they were.
        for key in [
            "answers",
            "findings",
            "interviews",
            "evidence",
            "remarks",
            "departments",
            "organisation",
        ] {
            for (m, o) in [(&migrated.0, &original.0), (&migrated.1, &original.1)] {
                assert!(m[key] == o[key], "{key} after migrating from {version}");
                assert!(
                    o[key].is_object()
                        || o[key].as_array().is_some_and(|a| !a.is_empty())
                        || key != "answers"
                );
            }
        }
        let v = verify::verify(&s).unwrap();
        assert!(
            v.ok,
            "verify after migrating from {version}: {:?}",
            v.problems
        );
        assert_eq!(v.log_entries_checked, log_len);
        let log = s.audit_log(None).unwrap();
        assert!(log
            .iter()
            .all(|e| e.device == log[0].device && e.device.len() == 32));
        assert!(log
            .iter()
            .enumerate()
            .all(|(i, e)| e.chain_seq == i as i64 + 1 && e.seq == e.chain_seq));
        drop(s);
        // New entries continue the same chain, with global ids far above the old ones.
        let mut s = Store::open(dir.path()).unwrap();
        let org = s.list_organisations().unwrap()[0].id;
        s.add_organisation("移行後町", None).unwrap();
        let _ = org;
        let log = s.audit_log(None).unwrap();
        let last = log.last().unwrap();
        assert_eq!(last.chain_seq, log_len as i64 + 1);
        assert!(last.seq > 1 << 22);
        assert!(verify::verify(&s).unwrap().ok);
    }
}
