//! The SQLCipher engine under an encrypted store: WAL, `synchronous=FULL`, the online backup
//! API (encrypted → encrypted) and the session extension, each on a keyed database; and the
//! store's refusals without the key.

use std::path::Path;
use std::sync::Arc;

use rusqlite::{Connection, OpenFlags};
use tenken_core::crypto::{self, convert, DataKey, Secret};
use tenken_core::Store;

const PASS: &str = "engine test passphrase";

fn encrypted_store(dir: &Path) -> Arc<DataKey> {
    std::env::set_var("TENKEN_TEST_WEAK_KDF", "1");
    let mut s = Store::open(dir).unwrap();
    s.add_organisation("暗号化試験町総務部情報政策課", None)
        .unwrap();
    drop(s);
    convert::encrypt(dir, PASS).unwrap();
    Arc::new(crypto::unlock(dir, &Secret::Passphrase(PASS.to_string().into())).unwrap())
}

fn plain_open_fails(db: &Path) {
    let c = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let e = c
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })
        .unwrap_err();
    assert_eq!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase),
        "{e}"
    );
}

#[test]
fn wal_and_synchronous_full_on_an_encrypted_store() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let key = encrypted_store(&dir);
    let mut store = Store::open_keyed(&dir, Some(key.clone())).unwrap();
    let c = Connection::open(dir.join("tenken.db")).unwrap();
    key.apply(&c).unwrap();
    let mode: String = c
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let cipher: String = c
        .query_row("PRAGMA cipher_version", [], |r| r.get(0))
        .unwrap();
    assert!(!cipher.is_empty(), "SQLCipher is the engine");
    // A second connection keeps the WAL file in place while the store writes.
    c.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    store
        .add_organisation("ウォール書込試験の団体名前", None)
        .unwrap();
    let wal = dir.join("tenken.db-wal");
    let wal_bytes = std::fs::read(&wal).unwrap();
    assert!(wal_bytes.len() > 4096, "the write is in the WAL");
    let needle = "ウォール書込試験の団体名前".as_bytes();
    assert!(!wal_bytes
        .windows(16)
        .any(|w| needle.windows(16).any(|n| n == w)));
    let n: i64 = c
        .query_row("SELECT count(*) FROM organisations", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 2, "the other keyed connection reads the WAL");
    plain_open_fails(&dir.join("tenken.db"));
    drop(store);
    drop(c);
}

#[test]
fn synchronous_is_full_on_the_keyed_connection() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let key = encrypted_store(&dir);
    let mut store = Store::open_keyed(&dir, Some(key)).unwrap();
    assert_eq!(store.synchronous_level().unwrap(), 2, "FULL");
    // Bulk mode switches it off and back: the switch works on a keyed connection too.
    store.set_bulk(true).unwrap();
    assert_eq!(store.synchronous_level().unwrap(), 0);
    store.set_bulk(false).unwrap();
    assert_eq!(store.synchronous_level().unwrap(), 2);
    assert_eq!(
        store.schema_version().unwrap(),
        tenken_core::store::schema::latest()
    );
}

#[test]
fn backup_api_copies_encrypted_to_encrypted() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let key = encrypted_store(&dir);
    let store = Store::open_keyed(&dir, Some(key.clone())).unwrap();
    let dest = tmp.path().join("copy.db");
    store.backup_database_to(&dest).unwrap();
    plain_open_fails(&dest);
    let c = Connection::open(&dest).unwrap();
    key.apply(&c).unwrap();
    let name: String = c
        .query_row("SELECT name FROM organisations", [], |r| r.get(0))
        .unwrap();
    assert_eq!(name, "暗号化試験町総務部情報政策課");
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

#[test]
fn session_extension_records_and_applies_changes_between_encrypted_databases() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let key = encrypted_store(&dir);
    let store = Store::open_keyed(&dir, Some(key.clone())).unwrap();
    let copy = tmp.path().join("copy.db");
    store.backup_database_to(&copy).unwrap();
    drop(store);
    // Changes recorded by a session on the encrypted store…
    let c = Connection::open(dir.join("tenken.db")).unwrap();
    key.apply(&c).unwrap();
    let mut session = rusqlite::session::Session::new(&c).unwrap();
    session.attach(None::<&str>).unwrap();
    c.execute(
        "INSERT INTO organisations (name, created_at) VALUES ('差分適用試験の団体', '2026-12-02T00:00:00Z')",
        [],
    )
    .unwrap();
    let changeset = session.changeset().unwrap();
    drop(session);
    // …applied to another encrypted database.
    let other = Connection::open(&copy).unwrap();
    key.apply(&other).unwrap();
    other
        .apply(&changeset, None::<fn(&str) -> bool>, |_, _| {
            rusqlite::session::ConflictAction::SQLITE_CHANGESET_ABORT
        })
        .unwrap();
    let n: i64 = other
        .query_row(
            "SELECT count(*) FROM organisations WHERE name = '差分適用試験の団体'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 1);
    plain_open_fails(&copy);
}

#[test]
fn without_the_key_the_store_is_refused_and_unchanged() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    encrypted_store(&dir);
    let before = std::fs::read(dir.join("tenken.db")).unwrap();
    assert_eq!(
        Store::open(&dir).err().unwrap().code(),
        "passphrase_required"
    );
    assert_eq!(
        Store::open_read_only(&dir).err().unwrap().code(),
        "passphrase_required"
    );
    assert_eq!(
        crypto::unlock(
            &dir,
            &Secret::Passphrase("not the passphrase".to_string().into())
        )
        .unwrap_err()
        .code(),
        "wrong_passphrase"
    );
    assert_eq!(std::fs::read(dir.join("tenken.db")).unwrap(), before);
    assert!(!dir.join("tenken.db-wal").exists());
}

#[test]
fn encrypt_then_decrypt_gives_back_the_same_records_and_files() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    std::env::set_var("TENKEN_TEST_WEAK_KDF", "1");
    let mut s = Store::open(&dir).unwrap();
    s.add_organisation("往復試験町", None).unwrap();
    let original = s.evidence_files().store_bytes(&vec![7u8; 200_000]).unwrap();
    drop(s);
    let plain_path = Store::open(&dir)
        .unwrap()
        .evidence_files()
        .path_of(&original.sha256);
    assert!(plain_path.exists());
    // A database kept aside by an earlier restore follows the store.
    let kept = dir.join("tenken.db.before-restore-20261201T000000Z");
    std::fs::copy(dir.join("tenken.db"), &kept).unwrap();
    // Not referenced by a record: a stray file is not carried over.
    convert::encrypt(&dir, PASS).unwrap();
    plain_open_fails(&kept);
    assert!(!plain_path.exists(), "no plain file left behind");
    assert!(!dir.join(convert::STAGING).exists());
    convert::decrypt(&dir, &Secret::Passphrase(PASS.to_string().into())).unwrap();
    assert!(!crypto::is_encrypted(&dir));
    let c = Connection::open_with_flags(&kept, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let n: i64 = c
        .query_row("SELECT count(*) FROM organisations", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1, "the kept copy is plain again");
    let s = Store::open(&dir).unwrap();
    assert_eq!(s.list_organisations().unwrap()[0].name, "往復試験町");
}
