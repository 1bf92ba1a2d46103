//! Backup and restore: a folder holding a consistent copy of the database (SQLite online
//! backup API, safe while the app is open) and every evidence file, verified after writing.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};

use crate::crypto::{DataKey, KEYS_FILE};
use crate::error::{Error, Result};
use crate::evidence::{hash_file, EvidenceFiles};
use crate::store::{audit_log, schema, Store, DB_FILE};

pub const MANIFEST: &str = "tenken-backup.json";

/// The manifest format written by this build. Format 2 added the database's SHA-256: a
/// backup whose database was edited after it was written is refused.
pub const MANIFEST_FORMAT: u32 = 2;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Manifest {
    pub format: u32,
    pub created_at: String,
    pub schema_version: i64,
    /// SHA-256 and size of `tenken.db` as written into the backup.
    #[serde(default)]
    pub database: Option<ManifestFile>,
    pub evidence: Vec<ManifestFile>,
    /// A backup of an encrypted store: the database and files are encrypted with the store's
    /// data key, the keys file is copied beside them, and `evidence` lists each file by its
    /// keyed name and encrypted size (never the plaintext SHA-256).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub encrypted: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ManifestFile {
    pub sha256: String,
    pub size: u64,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct BackupReport {
    pub path: PathBuf,
    pub schema_version: i64,
    pub evidence_files: usize,
    pub bytes: u64,
}

fn invalid(path: &Path, reason: impl ToString) -> Error {
    Error::BackupInvalid {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    }
}

/// Writes a backup of `store` into `dest` (which must not exist or be empty, and must not be
/// inside the data folder), then verifies it. Only reads the store, so it works from a
/// read-only data folder and when the data folder's disk is full. When writing fails (the
/// backup medium is full, say), what was written is removed again.
pub fn backup(store: &Store, dest: &Path) -> Result<BackupReport> {
    let started = std::time::Instant::now();
    let report = backup_into(store, dest);
    match &report {
        Ok(_) => tracing::info!(target: "tenken", event = "backup",
            duration_ms = crate::logging::millis_since(started)),
        Err(e) => tracing::error!(target: "tenken", event = "backup_failed", code = e.code()),
    }
    report
}

fn backup_into(store: &Store, dest: &Path) -> Result<BackupReport> {
    crate::output::Output::new(store.dir(), false).check_dir(dest)?;
    let existed = dest.exists();
    if existed
        && fs::read_dir(dest)
            .map_err(|e| Error::io(dest, e))?
            .next()
            .is_some()
    {
        return Err(Error::invalid(
            "backup folder",
            dest.display(),
            "存在しないか空のフォルダ / a new or empty folder",
        ));
    }
    crate::private::create_dir_all(dest).map_err(|e| match e.kind() {
        std::io::ErrorKind::StorageFull => Error::io(dest, e),
        _ => Error::DataDirNotWritable {
            path: dest.to_path_buf(),
            reason: e.to_string(),
        },
    })?;
    let result = write_backup(store, dest);
    if result.is_err() {
        remove_contents(dest);
        if !existed {
            let _ = fs::remove_dir(dest);
        }
    }
    result
}

fn write_backup(store: &Store, dest: &Path) -> Result<BackupReport> {
    let db = dest.join(DB_FILE);
    store.backup_database_to(&db)?;
    crate::private::make_file_private(&db);
    // The files the copied database refers to (read from the copy: consistent with it).
    let key = store.data_key().cloned();
    let copy = open_copy(&db, key.as_deref())?;
    let files = referenced_files(&copy)?;
    let schema_version: i64 = copy.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    drop(copy);
    let (db_sha, db_size) = hash_file(&db).map_err(|e| Error::io(&db, e))?;
    let target = EvidenceFiles::with_keys(dest, key.as_ref().map(|k| Arc::new(k.evidence_keys())));
    let mut bytes = db_size;
    let mut listed = Vec::with_capacity(files.len());
    for f in &files {
        let from = store.evidence_files().path_of(&f.sha256);
        let to = target.path_of(&f.sha256);
        if let Some(parent) = to.parent() {
            crate::private::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        bytes += fs::copy(&from, &to).map_err(|e| {
            if e.kind() == std::io::ErrorKind::StorageFull {
                Error::io(&to, e)
            } else {
                Error::io(&from, e)
            }
        })?;
        listed.push(match &key {
            // Encrypted: the keyed name and the encrypted size.
            Some(_) => ManifestFile {
                sha256: to
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default(),
                size: fs::metadata(&to).map_err(|e| Error::io(&to, e))?.len(),
            },
            None => f.clone(),
        });
    }
    if key.is_some() {
        let k = dest.join(KEYS_FILE);
        fs::copy(store.dir().join(KEYS_FILE), &k).map_err(|e| Error::io(&k, e))?;
        crate::private::make_file_private(&k);
    }
    let manifest = Manifest {
        format: MANIFEST_FORMAT,
        created_at: crate::clock::stamp(store.now()),
        schema_version,
        database: Some(ManifestFile {
            sha256: db_sha,
            size: db_size,
        }),
        evidence: listed,
        encrypted: key.is_some(),
    };
    let mpath = dest.join(MANIFEST);
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&mpath)
        .map_err(|e| Error::io(&mpath, e))?;
    std::io::Write::write_all(&mut f, &serde_json::to_vec_pretty(&manifest)?)
        .map_err(|e| Error::io(&mpath, e))?;
    f.sync_all().map_err(|e| Error::io(&mpath, e))?;
    check_backup_with(dest, key.as_ref())?;
    Ok(BackupReport {
        path: dest.to_path_buf(),
        schema_version,
        evidence_files: manifest.evidence.len(),
        bytes,
    })
}

/// Every evidence file a database refers to (digest and size), sorted.
fn referenced_files(conn: &Connection) -> Result<Vec<ManifestFile>> {
    // Policy documents keep their original file there too (since migration 3; older backups
    // have no such column).
    let originals: i64 = conn.query_row(
        "SELECT count(*) FROM pragma_table_info('policy_documents') WHERE name = 'original_sha256'",
        [],
        |r| r.get(0),
    )?;
    let sql = if originals > 0 {
        "SELECT sha256, size FROM evidence WHERE sha256 IS NOT NULL
         UNION SELECT original_sha256, original_size FROM policy_documents WHERE original_sha256 IS NOT NULL ORDER BY 1"
    } else {
        "SELECT DISTINCT sha256, size FROM evidence WHERE sha256 IS NOT NULL ORDER BY sha256"
    };
    let mut stmt = conn.prepare(sql)?;
    let files = stmt
        .query_map([], |r| {
            Ok(ManifestFile {
                sha256: r.get(0)?,
                size: r.get::<_, i64>(1)? as u64,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(files)
}

/// Removes everything inside `dir` (a failed backup), best effort.
fn remove_contents(dir: &Path) {
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            let _ = if p.is_dir() {
                fs::remove_dir_all(&p)
            } else {
                fs::remove_file(&p)
            };
        }
    }
}

/// A backup's database opened read-only (keyed when encrypted).
fn open_copy(db: &Path, key: Option<&DataKey>) -> Result<Connection> {
    let c = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    if let Some(k) = key {
        k.apply(&c)?;
    }
    Ok(c)
}

/// True when the backup in `dir` is of an encrypted store (its keys file is there).
pub fn is_encrypted_backup(dir: &Path) -> bool {
    dir.join(KEYS_FILE).is_file()
}

/// The data key of the backup of an encrypted store in `dir`, unwrapped from the backup's own
/// keys file with its passphrase or recovery key (a damaged keys file: `keys_file_invalid`).
pub fn backup_key(dir: &Path, secret: &crate::crypto::Secret) -> Result<Arc<DataKey>> {
    Ok(Arc::new(crate::crypto::unlock_file(
        &dir.join(KEYS_FILE),
        secret,
    )?))
}

/// Verifies a backup folder: manifest, database integrity, audit-log chain, every file's hash.
pub fn check_backup(dir: &Path) -> Result<Manifest> {
    check_backup_with(dir, None)
}

/// `check_backup` for a backup of an encrypted store (`key`: its data key, unwrapped from the
/// backup's keys file): every file is decrypted and checked against its SHA-256.
pub fn check_backup_with(dir: &Path, key: Option<&Arc<DataKey>>) -> Result<Manifest> {
    let mpath = dir.join(MANIFEST);
    let raw = fs::read(&mpath).map_err(|e| invalid(dir, format!("{MANIFEST}: {e}")))?;
    let manifest: Manifest =
        serde_json::from_slice(&raw).map_err(|e| invalid(dir, format!("{MANIFEST}: {e}")))?;
    if manifest.schema_version > schema::latest() {
        return Err(Error::SchemaTooNew {
            path: dir.join(DB_FILE),
            found: manifest.schema_version,
            supported: schema::latest(),
        });
    }
    let db = dir.join(DB_FILE);
    if !db.is_file() {
        return Err(invalid(dir, format!("{DB_FILE} がありません / is missing")));
    }
    // The database must be the one the manifest describes: an edited copy is refused.
    let Some(expected) = &manifest.database else {
        return Err(invalid(
            dir,
            format!("{MANIFEST} にデータベースの SHA-256 がありません（形式 {}）。検証できないため復元しません / the manifest has no SHA-256 of the database (format {}), so the backup cannot be verified", manifest.format, manifest.format),
        ));
    };
    match hash_file(&db) {
        Ok((sha, size)) if sha == expected.sha256 && size == expected.size => {}
        Ok(_) => return Err(invalid(dir, format!("{DB_FILE}: 内容が {MANIFEST} の SHA-256 と一致しません（バックアップ後に変更されています） / does not match the SHA-256 in the manifest (changed after the backup)"))),
        Err(e) => return Err(invalid(dir, format!("{DB_FILE}: {e}"))),
    }
    let key = match (manifest.encrypted, key) {
        (false, _) => None,
        (true, Some(k)) => Some(k.clone()),
        (true, None) => {
            return Err(Error::PassphraseRequired {
                path: dir.to_path_buf(),
            })
        }
    };
    let conn = open_copy(&db, key.as_deref()).map_err(|e| invalid(dir, e))?;
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| invalid(dir, e))?;
    if integrity != "ok" {
        return Err(invalid(dir, format!("integrity_check: {integrity}")));
    }
    let chain = audit_log::check_chain(&conn)?;
    if let Some(p) = chain.first() {
        return Err(invalid(dir, p));
    }
    // Every file the database refers to must be in the manifest (and so in the folder).
    let listed: std::collections::HashSet<&str> = manifest
        .evidence
        .iter()
        .map(|f| f.sha256.as_str())
        .collect();
    let referenced = referenced_files(&conn)?;
    drop(conn);
    if let Some(k) = &key {
        let files = EvidenceFiles::with_keys(dir, Some(Arc::new(k.evidence_keys())));
        for f in &referenced {
            let p = files.path_of(&f.sha256);
            let name = p.file_name().map(|n| n.to_string_lossy().to_string());
            if !name.as_deref().is_some_and(|n| listed.contains(n)) {
                return Err(invalid(
                    dir,
                    format!(
                        "{MANIFEST}: 証跡ファイル {} が一覧にありません / is not listed",
                        p.display()
                    ),
                ));
            }
            if let Some(problem) = files.check(&f.sha256, Some(f.size)) {
                return Err(invalid(dir, problem));
            }
        }
        return Ok(manifest);
    }
    if let Some(missing) = referenced
        .into_iter()
        .find(|f| !listed.contains(f.sha256.as_str()))
    {
        return Err(invalid(
            dir,
            format!(
                "{MANIFEST}: 証跡 {} が一覧にありません / evidence {} is not listed",
                missing.sha256, missing.sha256
            ),
        ));
    }
    let files = EvidenceFiles::new(dir);
    for f in &manifest.evidence {
        let p = files.path_of(&f.sha256);
        match hash_file(&p) {
            Ok((sha, size)) if sha == f.sha256 && size == f.size => {}
            Ok(_) => {
                return Err(invalid(
                    dir,
                    format!("{}: SHA-256 が一致しません / hash mismatch", p.display()),
                ))
            }
            Err(e) => return Err(invalid(dir, format!("{}: {e}", p.display()))),
        }
    }
    Ok(manifest)
}

/// Restores a verified backup into `data_dir`, as one step that a killed process cannot
/// leave half done: the backup's database is copied beside the current one and flushed, the
/// current database is kept under a new name (`tenken.db.before-restore-<time>`, never over an
/// earlier kept copy), and the copy then replaces it by a rename. Evidence files are added
/// first (content-addressed: nothing existing is overwritten). Returns the kept copy's path
/// (empty when there was no database).
pub fn restore(backup_dir: &Path, data_dir: &Path) -> Result<PathBuf> {
    restore_with(backup_dir, data_dir, None)
}

/// `restore` of a backup of an encrypted store (`key`: its data key). The restored store is
/// encrypted with the backup's keys file (the data folder's own keys file is kept when it holds
/// the same data key: its passphrase may be newer). Switching keys files is crash-safe: the
/// incoming keys file waits as `.tenken-restore-keys.json`, marked with the incoming
/// database's first bytes, until the database is in place (`finish_pending_restore`).
/// Logged with its duration, or the error's code.
pub fn restore_with(
    backup_dir: &Path,
    data_dir: &Path,
    key: Option<Arc<DataKey>>,
) -> Result<PathBuf> {
    let started = std::time::Instant::now();
    let kept = restore_into(backup_dir, data_dir, key);
    match &kept {
        Ok(_) => {
            tracing::info!(target: "tenken", event = "restore", data_dir = %data_dir.display(),
            duration_ms = crate::logging::millis_since(started))
        }
        Err(e) => tracing::error!(target: "tenken", event = "restore_failed", code = e.code()),
    }
    kept
}

fn restore_into(backup_dir: &Path, data_dir: &Path, key: Option<Arc<DataKey>>) -> Result<PathBuf> {
    let manifest = check_backup_with(backup_dir, key.as_ref())?;
    if manifest.encrypted {
        if let Some(k) = key {
            return restore_encrypted(backup_dir, data_dir, k);
        }
    }
    if crate::crypto::is_encrypted(data_dir) {
        // A plain backup into an encrypted data folder would leave a plain database beside a
        // keys file: decrypt the store first, or restore into another folder.
        return Err(Error::AlreadyEncrypted {
            path: data_dir.to_path_buf(),
        });
    }
    crate::private::create_dir_all(data_dir).map_err(|e| Error::DataDirNotWritable {
        path: data_dir.to_path_buf(),
        reason: e.to_string(),
    })?;
    remove_stale_restore_files(data_dir);
    let from_files = EvidenceFiles::new(backup_dir);
    let to_files = EvidenceFiles::new(data_dir);
    for f in &manifest.evidence {
        let to = to_files.path_of(&f.sha256);
        if !to.exists() {
            copy_evidence(&from_files.path_of(&f.sha256), &to, &f.sha256)?;
        }
    }
    // The new database, complete and on disk, beside the current one.
    let db = data_dir.join(DB_FILE);
    let incoming = data_dir.join(format!("{RESTORING}{}", std::process::id()));
    let copied = copy_synced(&backup_dir.join(DB_FILE), &incoming);
    if let Err(e) = copied {
        let _ = fs::remove_file(&incoming);
        return Err(e);
    }
    crate::private::make_file_private(&incoming);
    let mut kept = PathBuf::new();
    if db.exists() {
        match keep_aside(data_dir, &db, None) {
            Ok(k) => kept = k,
            Err(e) => {
                let _ = fs::remove_file(&incoming);
                return Err(e);
            }
        }
    }
    fs::rename(&incoming, &db).map_err(|e| Error::io(&db, e))?;
    crate::output::sync_parent(&db);
    // Opening brings it to this build's schema and WAL mode.
    Store::open(data_dir)?;
    Ok(kept)
}

/// The prefix of a database being restored (removed when a restore was killed midway).
const RESTORING: &str = ".tenken.db.restoring-";

fn remove_stale_restore_files(data_dir: &Path) {
    if let Ok(entries) = fs::read_dir(data_dir) {
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with(RESTORING) {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}

/// Folds the WAL into the database and keeps a copy of it under a name not used before
/// (a hard link: the current database stays in place until the rename replaces it).
fn keep_aside(data_dir: &Path, db: &Path, key: Option<&DataKey>) -> Result<PathBuf> {
    let c =
        Connection::open(db).map_err(|e| Error::io(db, std::io::Error::other(e.to_string())))?;
    if let Some(k) = key {
        k.apply(&c)?;
    }
    let busy: i64 = c
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))
        .unwrap_or(1);
    drop(c);
    if busy != 0 {
        return Err(Error::io(db, std::io::Error::other("the database is in use (close the window first) / データベースが使用中です（画面を閉じてから復元してください）")));
    }
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    for n in 0..1000 {
        let name = if n == 0 {
            format!("{DB_FILE}.before-restore-{stamp}")
        } else {
            format!("{DB_FILE}.before-restore-{stamp}-{n}")
        };
        let kept = data_dir.join(name);
        let made = fs::hard_link(db, &kept).or_else(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => Err(e),
            // No hard links on this file system: a copy that never replaces a file.
            _ => copy_new(db, &kept),
        });
        match made {
            Ok(()) => {
                for suffix in ["-wal", "-shm"] {
                    let _ = fs::remove_file(data_dir.join(format!("{DB_FILE}{suffix}")));
                }
                return Ok(kept);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(Error::io(&kept, e)),
        }
    }
    Err(Error::io(
        data_dir,
        std::io::Error::other("too many kept copies in one second"),
    ))
}

fn copy_new(from: &Path, to: &Path) -> std::io::Result<()> {
    let mut src = fs::File::open(from)?;
    let mut dst = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(to)?;
    std::io::copy(&mut src, &mut dst)?;
    dst.sync_all()
}

fn copy_synced(from: &Path, to: &Path) -> Result<()> {
    let mut src = fs::File::open(from).map_err(|e| Error::io(from, e))?;
    let mut dst = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(to)
        .map_err(|e| Error::io(to, e))?;
    std::io::copy(&mut src, &mut dst).map_err(|e| Error::io(to, e))?;
    dst.sync_all().map_err(|e| Error::io(to, e))
}

/// Copies one evidence file into the store: to a temporary name, verified, then renamed.
fn copy_evidence(from: &Path, to: &Path, sha256: &str) -> Result<()> {
    let parent = to.parent().unwrap_or(Path::new("."));
    crate::private::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    let tmp = crate::output::temp_beside(to);
    let done = (|| {
        copy_synced(from, &tmp)?;
        let (sha, _) = hash_file(&tmp).map_err(|e| Error::io(&tmp, e))?;
        if sha != sha256 {
            return Err(Error::BackupInvalid {
                path: from.to_path_buf(),
                reason: "SHA-256 が一致しません / hash mismatch".into(),
            });
        }
        crate::private::make_read_only(&tmp).map_err(|e| Error::io(&tmp, e))?;
        fs::rename(&tmp, to).map_err(|e| Error::io(to, e))
    })();
    if done.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    done
}

/// The incoming keys file of a restore that switches keys (see `restore_with`).
pub(crate) const RESTORE_KEYS: &str = ".tenken-restore-keys.json";

#[derive(Serialize, Deserialize)]
struct PendingKeys {
    /// Hex of the incoming database's first 16 bytes (SQLCipher's random salt).
    db_head: String,
    keys: crate::crypto::KeysFile,
}

fn db_head(db: &Path) -> Option<String> {
    use std::io::Read;
    let mut head = [0u8; 16];
    fs::File::open(db).ok()?.read_exact(&mut head).ok()?;
    Some(crate::crypto::hex(&head))
}

/// Completes a restore killed between moving the database in and putting its keys file in
/// place, or drops the incoming keys file when the database was not moved in.
pub(crate) fn finish_pending_restore(data_dir: &Path) -> Result<()> {
    let marker = data_dir.join(RESTORE_KEYS);
    let Ok(raw) = fs::read(&marker) else {
        return Ok(());
    };
    if let Ok(p) = serde_json::from_slice::<PendingKeys>(&raw) {
        if db_head(&data_dir.join(DB_FILE)).as_deref() == Some(p.db_head.as_str()) {
            crate::crypto::write_keys_file(&data_dir.join(KEYS_FILE), &p.keys)?;
        }
    }
    fs::remove_file(&marker).map_err(|e| Error::io(&marker, e))?;
    crate::output::sync_parent(&marker);
    Ok(())
}

fn restore_encrypted(backup_dir: &Path, data_dir: &Path, key: Arc<DataKey>) -> Result<PathBuf> {
    crate::private::create_dir_all(data_dir).map_err(|e| Error::DataDirNotWritable {
        path: data_dir.to_path_buf(),
        reason: e.to_string(),
    })?;
    crate::crypto::convert::finish_pending(data_dir)?;
    remove_stale_restore_files(data_dir);
    let incoming_keys = crate::crypto::read_keys_file(&backup_dir.join(KEYS_FILE))?;
    let same_key = if crate::crypto::is_encrypted(data_dir) {
        let current = crate::crypto::read_keys(data_dir)?;
        if current.recovery != incoming_keys.recovery {
            // Another store's key: its database could not be kept aside readable.
            return Err(Error::AlreadyEncrypted {
                path: data_dir.to_path_buf(),
            });
        }
        true
    } else {
        false
    };
    let ek = Arc::new(key.evidence_keys());
    let from_files = EvidenceFiles::with_keys(backup_dir, Some(ek.clone()));
    let to_files = EvidenceFiles::with_keys(data_dir, Some(ek.clone()));
    let referenced = referenced_files(&open_copy(&backup_dir.join(DB_FILE), Some(&key))?)?;
    for f in &referenced {
        let to = to_files.path_of(&f.sha256);
        if !to.exists() {
            let from = from_files.path_of(&f.sha256);
            let parent = to.parent().unwrap_or(Path::new("."));
            crate::private::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
            let tmp = crate::output::temp_beside(&to);
            let done = (|| {
                copy_synced(&from, &tmp)?;
                let plain = fs::File::open(&tmp)
                    .and_then(|r| crate::crypto::stream::DecryptReader::new(r, &ek))
                    .and_then(|mut r| crate::evidence::hash_stream(&mut r, None, &mut |_| {}));
                match plain {
                    Ok((sha, _)) if sha == f.sha256 => {}
                    _ => {
                        return Err(Error::BackupInvalid {
                            path: from.clone(),
                            reason: "SHA-256 が一致しません / hash mismatch".into(),
                        })
                    }
                }
                crate::private::make_read_only(&tmp).map_err(|e| Error::io(&tmp, e))?;
                fs::rename(&tmp, &to).map_err(|e| Error::io(&to, e))
            })();
            if done.is_err() {
                let _ = fs::remove_file(&tmp);
            }
            done?;
        }
    }
    let db = data_dir.join(DB_FILE);
    let incoming = data_dir.join(format!("{RESTORING}{}", std::process::id()));
    if let Err(e) = copy_synced(&backup_dir.join(DB_FILE), &incoming) {
        let _ = fs::remove_file(&incoming);
        return Err(e);
    }
    crate::private::make_file_private(&incoming);
    if !same_key {
        let pending = PendingKeys {
            db_head: db_head(&incoming).unwrap_or_default(),
            keys: incoming_keys,
        };
        let marker = data_dir.join(RESTORE_KEYS);
        let written = fs::write(&marker, serde_json::to_vec(&pending)?)
            .and_then(|_| fs::File::open(&marker)?.sync_all());
        if let Err(e) = written {
            let _ = fs::remove_file(&incoming);
            let _ = fs::remove_file(&marker);
            return Err(Error::io(&marker, e));
        }
        crate::private::make_file_private(&marker);
        crate::output::sync_parent(&marker);
    }
    let mut kept = PathBuf::new();
    if db.exists() {
        match keep_aside(data_dir, &db, same_key.then_some(&*key)) {
            Ok(k) => kept = k,
            Err(e) => {
                let _ = fs::remove_file(&incoming);
                let _ = fs::remove_file(data_dir.join(RESTORE_KEYS));
                return Err(e);
            }
        }
    }
    fs::rename(&incoming, &db).map_err(|e| Error::io(&db, e))?;
    crate::output::sync_parent(&db);
    finish_pending_restore(data_dir)?;
    Store::open_keyed(data_dir, Some(key))?;
    Ok(kept)
}
