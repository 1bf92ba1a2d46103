//! Turning a plain store into an encrypted one and back, in place, so that a process killed at
//! any moment leaves either the old store or the converted one — never neither.
//!
//! Everything new is built in `DATA/.tenken-convert/` first: `target` (written first: what is
//! being built), the database (`sqlcipher_export` through `ATTACH … KEY`), every evidence file
//! (one by one), a team member's side databases (`team/baseline-<id>.db`,
//! `team/returned-<id>.db`: keyed with the store key like the store, re-keyed the same way),
//! and for `encrypt` the keys file. The copy is verified (integrity, row counts,
//! every file decrypted against its SHA-256) before the one step that commits: `encrypt`
//! renames the staged keys file into the data folder, `decrypt` moves the data folder's keys
//! file into the staging folder. A store is encrypted exactly when the keys file is there, so:
//!
//! - staging present, not committed (the keys file still says the old mode) → removed (roll back);
//! - staging present and committed → the staged database, evidence folder and team folder are
//!   moved in (each step can be repeated), then the staging folder (with the old files) is
//!   removed.
//!
//! `finish_pending` does this; every open of a store calls it first.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;
use zeroize::Zeroizing;

use super::{
    is_encrypted, new_keys, read_keys, rewrap_passphrase, unlock, write_keys_file, DataKey, Secret,
    KEYS_FILE,
};
use crate::error::{Error, Result};
use crate::evidence::EvidenceFiles;
use crate::store::{Store, DB_FILE};

/// The staging folder of a conversion in progress.
pub const STAGING: &str = ".tenken-convert";
const TARGET: &str = "target";
const OLD_KEYS: &str = "keys-old.json";
const NEW_EVIDENCE: &str = "evidence";
const OLD_EVIDENCE: &str = "evidence-old";
/// A team member's side databases (`team/mod.rs`), in the data folder and staged.
const TEAM: &str = "team";
const OLD_TEAM: &str = "team-old";

/// What `encrypt` did.
#[derive(Debug, Serialize)]
pub struct Encrypted {
    /// The recovery key: shown once, never stored.
    #[serde(skip)]
    pub recovery_key: Zeroizing<String>,
    pub evidence_files: usize,
    pub kdf: super::Kdf,
}

/// What `decrypt` did.
#[derive(Debug, Serialize)]
pub struct Decrypted {
    pub evidence_files: usize,
}

/// Completes or rolls back a conversion a killed process left behind (see the module text).
pub fn finish_pending(dir: &Path) -> Result<()> {
    crate::backup::finish_pending_restore(dir)?;
    let staging = dir.join(STAGING);
    if !staging.is_dir() {
        return Ok(());
    }
    let target = fs::read_to_string(staging.join(TARGET)).unwrap_or_default();
    let committed = match target.as_str() {
        "encrypted" => is_encrypted(dir),
        "plain" => !is_encrypted(dir),
        _ => false,
    };
    if committed {
        roll_forward(dir, &staging)?;
    }
    fs::remove_dir_all(&staging).map_err(|e| Error::io(&staging, e))?;
    crate::output::sync_parent(&staging);
    Ok(())
}

fn roll_forward(dir: &Path, staging: &Path) -> Result<()> {
    let staged_db = staging.join(DB_FILE);
    let db = dir.join(DB_FILE);
    if staged_db.exists() {
        // The old database's WAL was folded in before the copy was made; it must not be
        // applied to the new file.
        for suffix in ["-wal", "-shm"] {
            let p = dir.join(format!("{DB_FILE}{suffix}"));
            match fs::remove_file(&p) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(Error::io(&p, e)),
                _ => {}
            }
        }
        fs::rename(&staged_db, &db).map_err(|e| Error::io(&db, e))?;
        crate::output::sync_parent(&db);
    }
    swap_in(dir, staging, NEW_EVIDENCE, "evidence", OLD_EVIDENCE)?;
    swap_in(dir, staging, TEAM, TEAM, OLD_TEAM)
}

/// Moves the staged folder `staged` in as `DATA/live`; the folder there before goes into the
/// staging folder as `old` (removed with it). Each rename can be repeated after a kill.
fn swap_in(dir: &Path, staging: &Path, staged: &str, live: &str, old: &str) -> Result<()> {
    let new = staging.join(staged);
    if !new.exists() {
        return Ok(());
    }
    let here = dir.join(live);
    if here.exists() {
        let mut kept = staging.join(old);
        let mut n = 0;
        while kept.exists() {
            n += 1;
            kept = staging.join(format!("{old}-{n}"));
        }
        fs::rename(&here, &kept).map_err(|e| Error::io(&here, e))?;
    }
    fs::rename(&new, &here).map_err(|e| Error::io(&here, e))?;
    crate::output::sync_parent(&here);
    Ok(())
}

/// Starts a conversion: a fresh staging folder with its `target` written and flushed.
fn begin(dir: &Path, target: &str) -> Result<PathBuf> {
    let staging = dir.join(STAGING);
    if staging.exists() {
        fs::remove_dir_all(&staging).map_err(|e| Error::io(&staging, e))?;
    }
    crate::private::create_dir_all(&staging).map_err(|e| Error::io(&staging, e))?;
    let t = staging.join(TARGET);
    let written = (|| {
        let mut f = fs::File::create(&t)?;
        std::io::Write::write_all(&mut f, target.as_bytes())?;
        f.sync_all()
    })();
    written.map_err(|e| Error::io(&t, e))?;
    crate::output::sync_parent(&t);
    crate::output::sync_parent(&staging);
    Ok(staging)
}

/// Folds the WAL into the database file; refused while another process holds the store.
fn fold_wal(store: &Store) -> Result<()> {
    let busy: i64 = store
        .conn()
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
    if busy != 0 {
        return Err(Error::io(
            store.db_path(),
            std::io::Error::other("the database is in use (close the window first) / データベースが使用中です（画面を閉じてから実行してください）"),
        ));
    }
    Ok(())
}

/// Copies the open store's database into `dest` with `sqlcipher_export`, encrypted with `key`
/// (an empty key: plain), and its schema version.
fn export_db(store: &Store, dest: &Path, key: Option<&DataKey>) -> Result<()> {
    export_connection(store.conn(), dest, key, store.schema_version()?)
}

/// `sqlcipher_export` of everything `conn` holds into a new file `dest`, keyed with `key` (None:
/// plain), with `user_version` set to `version`; the copy is made private to the user.
fn export_connection(
    conn: &rusqlite::Connection,
    dest: &Path,
    key: Option<&DataKey>,
    version: i64,
) -> Result<()> {
    let k = match key {
        Some(k) => k.sqlcipher_key(),
        None => Zeroizing::new(String::new()),
    };
    conn.execute(
        "ATTACH DATABASE ?1 AS tenken_convert KEY ?2",
        rusqlite::params![dest.to_string_lossy(), &*k],
    )?;
    let done = (|| {
        conn.query_row("SELECT sqlcipher_export('tenken_convert')", [], |_| Ok(()))?;
        conn.pragma_update(Some("tenken_convert"), "user_version", version)?;
        Ok::<_, Error>(())
    })();
    let detached = conn.execute("DETACH DATABASE tenken_convert", []);
    done?;
    detached?;
    crate::private::make_file_private(dest);
    Ok(())
}

/// Every table's row count: the copy must hold what the original holds.
fn row_counts(conn: &rusqlite::Connection) -> Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )?;
    let tables: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = vec![];
    for t in tables {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))?;
        out.push((t, n));
    }
    Ok(out)
}

/// Opens the staged database (with `key` when encrypted) and checks it against the original.
fn verify_db(store: &Store, staged: &Path, key: Option<&DataKey>) -> Result<()> {
    let bad = |reason: String| Error::io(staged, std::io::Error::other(reason));
    let c =
        rusqlite::Connection::open_with_flags(staged, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    if let Some(k) = key {
        k.apply(&c)?;
        let mut stmt = c.prepare("PRAGMA cipher_integrity_check")?;
        let problems: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if !problems.is_empty() {
            return Err(bad(format!(
                "cipher_integrity_check: {}",
                problems.join("; ")
            )));
        }
    }
    let ok: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if ok != "ok" {
        return Err(bad(format!("integrity_check: {ok}")));
    }
    let v: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if v != store.schema_version()? || row_counts(&c)? != row_counts(store.conn())? {
        return Err(bad("the copy differs from the original".into()));
    }
    Ok(())
}

/// Every stored file (plaintext SHA-256 and size) the store refers to, once each.
fn recorded_files(store: &Store) -> Result<Vec<(String, Option<u64>)>> {
    let mut seen = std::collections::BTreeMap::new();
    for (_, sha, size) in store
        .evidence_files_recorded()?
        .into_iter()
        .chain(store.policy_originals_recorded()?)
    {
        seen.entry(sha).or_insert(size);
    }
    Ok(seen.into_iter().collect())
}

/// Copies every stored file from `store` into `to` (re-encrypted or decrypted on the way) and
/// checks each copy by reading it back.
fn copy_evidence(store: &Store, to: &EvidenceFiles) -> Result<usize> {
    // Always a new folder, even an empty one: the old folder (with files no record refers
    // to) is replaced as a whole, so no file of the other kind stays behind.
    crate::private::create_dir_all(to.root()).map_err(|e| Error::io(to.root(), e))?;
    let files = recorded_files(store)?;
    for (sha, size) in &files {
        let from = store.evidence_files();
        let src = from.path_of(sha);
        let mut r = from.open(sha).map_err(|e| Error::io(&src, e))?;
        let stored = to.store_stream(&mut r)?;
        if &stored.sha256 != sha || size.is_some_and(|s| s != stored.size) {
            return Err(Error::io(
                &src,
                std::io::Error::other(format!(
                    "content does not match its recorded SHA-256 {sha}: run tenken verify"
                )),
            ));
        }
        if let Some(p) = to.check(sha, *size) {
            return Err(Error::io(to.path_of(sha), std::io::Error::other(p)));
        }
    }
    let _ = fs::remove_dir_all(to.root().join("tmp"));
    Ok(files.len())
}

/// Copies a team member's side databases (`DATA/team/*.db`) into `staging/team`, re-keyed from
/// `from` to `to` (None: plain), each checked (integrity, schema version, row counts) by
/// opening the copy. A side database that does not open with `from` is tried as the other
/// form (a baseline an older build left plain in an encrypted store). Temporary files of a
/// team command (`.tenken-team-*`) are not copied. Returns how many were copied; nothing is
/// staged when the store has no team folder.
fn copy_team(
    dir: &Path,
    staging: &Path,
    from: Option<&DataKey>,
    to: Option<&DataKey>,
) -> Result<usize> {
    let src = dir.join(TEAM);
    if !src.is_dir() {
        return Ok(0);
    }
    let dest = staging.join(TEAM);
    crate::private::create_dir_all(&dest).map_err(|e| Error::io(&dest, e))?;
    let mut n = 0;
    for e in fs::read_dir(&src).map_err(|e| Error::io(&src, e))? {
        let e = e.map_err(|e| Error::io(&src, e))?;
        let name = e.file_name().to_string_lossy().to_string();
        if name.starts_with('.') || !name.ends_with(".db") || !e.path().is_file() {
            continue;
        }
        rekey_side(&e.path(), from, to, &dest.join(&name))?;
        n += 1;
    }
    crate::output::sync_parent(&dest.join("x"));
    Ok(n)
}

/// One side database from `path` (keyed with `from`) into `dest` (keyed with `to`), checked.
fn rekey_side(
    path: &Path,
    from: Option<&DataKey>,
    to: Option<&DataKey>,
    dest: &Path,
) -> Result<()> {
    let bad = |reason: String| Error::io(path, std::io::Error::other(reason));
    // Opened with the default flags, only read: an attached database inherits the flags, and
    // the copy must be created.
    let open = |key: Option<&DataKey>| -> Result<rusqlite::Connection> {
        let c = rusqlite::Connection::open(path)?;
        if let Some(k) = key {
            k.apply(&c)?;
        }
        c.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))?;
        Ok(c)
    };
    let c = match open(from) {
        Ok(c) => c,
        Err(first) => match from {
            Some(_) => open(None).map_err(|_| first)?,
            None => return Err(bad(format!("not a database this store can read: {first}"))),
        },
    };
    let v: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    export_connection(&c, dest, to, v)?;
    fs::File::open(dest)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::io(dest, e))?;
    // The copy opens with the new key and holds what the original holds.
    let copy =
        rusqlite::Connection::open_with_flags(dest, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    if let Some(k) = to {
        k.apply(&copy)?;
    }
    let ok: String = copy.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    let cv: i64 = copy.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if ok != "ok" || cv != v || row_counts(&copy)? != row_counts(&c)? {
        return Err(Error::io(
            dest,
            std::io::Error::other("the re-keyed copy differs from the original"),
        ));
    }
    Ok(())
}

/// `tenken encrypt`: the plain store in `dir` becomes an encrypted one under `passphrase`.
pub fn encrypt(dir: &Path, passphrase: &str) -> Result<Encrypted> {
    finish_pending(dir)?;
    if is_encrypted(dir) {
        return Err(Error::AlreadyEncrypted {
            path: dir.to_path_buf(),
        });
    }
    // Checked (and the Argon2id cost tuned) before anything is written.
    let key = Arc::new(DataKey::random()?);
    let (keys, recovery_key) = new_keys(&key, passphrase)?;
    let store = Store::open(dir)?;
    fold_wal(&store)?;
    let staging = begin(dir, "encrypted")?;
    let built = (|| {
        let staged_db = staging.join(DB_FILE);
        export_db(&store, &staged_db, Some(&key))?;
        verify_db(&store, &staged_db, Some(&key))?;
        let to = EvidenceFiles::with_keys(&staging, Some(Arc::new(key.evidence_keys())));
        let n = copy_evidence(&store, &to)?;
        copy_team(dir, &staging, None, Some(&key))?;
        write_keys_file(&staging.join(KEYS_FILE), &keys)?;
        Ok::<_, Error>(n)
    })();
    drop(store);
    let evidence_files = match built {
        Ok(n) => n,
        Err(e) => {
            let _ = fs::remove_dir_all(&staging);
            return Err(e);
        }
    };
    // The commit: from here on the data folder holds an encrypted store.
    let keys_path = dir.join(KEYS_FILE);
    fs::rename(staging.join(KEYS_FILE), &keys_path).map_err(|e| Error::io(&keys_path, e))?;
    crate::output::sync_parent(&keys_path);
    finish_pending(dir)?;
    convert_kept_copies(dir, None, Some(&key));
    Store::open_keyed(dir, Some(key))?;
    Ok(Encrypted {
        recovery_key,
        evidence_files,
        kdf: keys.kdf,
    })
}

/// `tenken decrypt`: the encrypted store in `dir` becomes a plain one again.
pub fn decrypt(dir: &Path, secret: &Secret) -> Result<Decrypted> {
    finish_pending(dir)?;
    if !is_encrypted(dir) {
        return Err(Error::NotEncrypted {
            path: dir.to_path_buf(),
        });
    }
    let key = Arc::new(unlock(dir, secret)?);
    let store = Store::open_keyed(dir, Some(key.clone()))?;
    fold_wal(&store)?;
    let staging = begin(dir, "plain")?;
    let built = (|| {
        let staged_db = staging.join(DB_FILE);
        export_db(&store, &staged_db, None)?;
        verify_db(&store, &staged_db, None)?;
        let n = copy_evidence(&store, &EvidenceFiles::new(&staging))?;
        copy_team(dir, &staging, Some(&key), None)?;
        Ok::<_, Error>(n)
    })();
    drop(store);
    let evidence_files = match built {
        Ok(n) => n,
        Err(e) => {
            let _ = fs::remove_dir_all(&staging);
            return Err(e);
        }
    };
    // The commit: the keys file leaves the data folder.
    let keys_path = dir.join(KEYS_FILE);
    let old = staging.join(OLD_KEYS);
    fs::rename(&keys_path, &old).map_err(|e| Error::io(&keys_path, e))?;
    crate::output::sync_parent(&keys_path);
    finish_pending(dir)?;
    convert_kept_copies(dir, Some(&key), None);
    Store::open(dir)?;
    Ok(Decrypted { evidence_files })
}

/// `tenken passphrase change` (`secret`: the current passphrase) and `tenken recover`
/// (`secret`: the recovery key): the data key is re-wrapped under `new_passphrase`; nothing
/// else changes.
pub fn set_passphrase(dir: &Path, secret: &Secret, new_passphrase: &str) -> Result<()> {
    finish_pending(dir)?;
    if !is_encrypted(dir) {
        return Err(Error::NotEncrypted {
            path: dir.to_path_buf(),
        });
    }
    let keys = read_keys(dir)?;
    let key = unlock(dir, secret)?;
    let new = rewrap_passphrase(&keys, &key, new_passphrase)?;
    write_keys_file(&dir.join(KEYS_FILE), &new)
}

/// The databases `restore` kept aside (`tenken.db.before-restore-…`) follow the store: encrypted
/// by `encrypt` (no plain copy stays behind), made plain by `decrypt` (the key that could open
/// them leaves with the keys file). Each through a temporary file and a rename, so a kill
/// leaves the copy in one form or the other. Best effort: a copy that does not open with the
/// old key (from an earlier store) is left as it is.
fn convert_kept_copies(dir: &Path, from: Option<&DataKey>, to: Option<&DataKey>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = format!("{DB_FILE}.before-restore-");
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        if !name.starts_with(&prefix) {
            continue;
        }
        let tmp = dir.join(format!(".{name}.converting"));
        let _ = fs::remove_file(&tmp);
        if name.ends_with("-wal") || name.ends_with("-shm") {
            continue;
        }
        let path = e.path();
        let done = (|| {
            let c = rusqlite::Connection::open(&path)?;
            if let Some(k) = from {
                k.apply(&c)?;
            }
            let v: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            let k = match to {
                Some(k) => k.sqlcipher_key(),
                None => Zeroizing::new(String::new()),
            };
            c.execute(
                "ATTACH DATABASE ?1 AS tenken_convert KEY ?2",
                rusqlite::params![tmp.to_string_lossy(), &*k],
            )?;
            c.query_row("SELECT sqlcipher_export('tenken_convert')", [], |_| Ok(()))?;
            c.pragma_update(Some("tenken_convert"), "user_version", v)?;
            c.execute("DETACH DATABASE tenken_convert", [])?;
            drop(c);
            fs::File::open(&tmp)
                .and_then(|f| f.sync_all())
                .map_err(|e| Error::io(&tmp, e))?;
            crate::private::make_file_private(&tmp);
            fs::rename(&tmp, &path).map_err(|e| Error::io(&path, e))?;
            Ok::<_, Error>(())
        })();
        if done.is_err() {
            let _ = fs::remove_file(&tmp);
        }
    }
    crate::output::sync_parent(&dir.join(DB_FILE));
}
