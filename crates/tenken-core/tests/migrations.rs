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
