//! Backup and restore: a folder holding a consistent copy of the database (SQLite online
//! backup API, safe while the app is open) and every evidence file, verified after writing.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::evidence::{hash_file, EvidenceFiles};
use crate::store::{audit_log, schema, Store, DB_FILE};

pub const MANIFEST: &str = "tenken-backup.json";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Manifest {
    pub format: u32,
    pub created_at: String,
    pub schema_version: i64,
    pub evidence: Vec<ManifestFile>,
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
    Error::BackupInvalid { path: path.to_path_buf(), reason: reason.to_string() }
}

/// Writes a backup of `store` into `dest` (which must not exist or be empty), then verifies it.
pub fn backup(store: &Store, dest: &Path) -> Result<BackupReport> {
    if dest.exists() && fs::read_dir(dest).map_err(|e| Error::io(dest, e))?.next().is_some() {
        return Err(Error::invalid("backup folder", dest.display(), "存在しないか空のフォルダ / a new or empty folder"));
    }
    fs::create_dir_all(dest).map_err(|e| Error::DataDirNotWritable { path: dest.to_path_buf(), reason: e.to_string() })?;
    store.backup_database_to(&dest.join(DB_FILE))?;
    // The files the copied database refers to (read from the copy: consistent with it).
    let copy = Connection::open_with_flags(dest.join(DB_FILE), OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let mut stmt = copy.prepare("SELECT DISTINCT sha256, size FROM evidence WHERE sha256 IS NOT NULL ORDER BY sha256")?;
    let files: Vec<ManifestFile> = stmt
        .query_map([], |r| Ok(ManifestFile { sha256: r.get(0)?, size: r.get::<_, i64>(1)? as u64 }))?
        .collect::<rusqlite::Result<_>>()?;
    drop(stmt);
    let schema_version: i64 = copy.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    drop(copy);
    let target = EvidenceFiles::new(dest);
    let mut bytes = fs::metadata(dest.join(DB_FILE)).map(|m| m.len()).unwrap_or(0);
    for f in &files {
        let from = store.evidence_files().path_of(&f.sha256);
        let to = target.path_of(&f.sha256);
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        bytes += fs::copy(&from, &to).map_err(|e| Error::io(&from, e))?;
    }
    let manifest = Manifest {
        format: 1,
        created_at: crate::clock::stamp(store.now()),
        schema_version,
        evidence: files,
    };
    let mpath = dest.join(MANIFEST);
    fs::write(&mpath, serde_json::to_vec_pretty(&manifest)?).map_err(|e| Error::io(&mpath, e))?;
    check_backup(dest)?;
    Ok(BackupReport { path: dest.to_path_buf(), schema_version, evidence_files: manifest.evidence.len(), bytes })
}

/// Verifies a backup folder: manifest, database integrity, audit-log chain, every file's hash.
pub fn check_backup(dir: &Path) -> Result<Manifest> {
    let mpath = dir.join(MANIFEST);
    let raw = fs::read(&mpath).map_err(|e| invalid(dir, format!("{MANIFEST}: {e}")))?;
    let manifest: Manifest = serde_json::from_slice(&raw).map_err(|e| invalid(dir, format!("{MANIFEST}: {e}")))?;
    if manifest.schema_version > schema::latest() {
        return Err(Error::SchemaTooNew { path: dir.join(DB_FILE), found: manifest.schema_version, supported: schema::latest() });
    }
    let db = dir.join(DB_FILE);
    if !db.is_file() {
        return Err(invalid(dir, format!("{DB_FILE} がありません / is missing")));
    }
    let conn = Connection::open_with_flags(&db, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|e| invalid(dir, e))?;
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(|e| invalid(dir, e))?;
    if integrity != "ok" {
        return Err(invalid(dir, format!("integrity_check: {integrity}")));
    }
    let chain = audit_log::check_chain(&conn)?;
    if let Some(p) = chain.first() {
        return Err(invalid(dir, p));
    }
    let files = EvidenceFiles::new(dir);
    for f in &manifest.evidence {
        let p = files.path_of(&f.sha256);
        match hash_file(&p) {
            Ok((sha, size)) if sha == f.sha256 && size == f.size => {}
            Ok(_) => return Err(invalid(dir, format!("{}: SHA-256 が一致しません / hash mismatch", p.display()))),
            Err(e) => return Err(invalid(dir, format!("{}: {e}", p.display()))),
        }
    }
    Ok(manifest)
}

/// Restores a verified backup into `data_dir`. An existing database is kept beside it as
/// `tenken.db.before-restore-<time>`; evidence files are added (content-addressed, so nothing
/// existing is overwritten).
pub fn restore(backup_dir: &Path, data_dir: &Path) -> Result<PathBuf> {
    let manifest = check_backup(backup_dir)?;
    fs::create_dir_all(data_dir).map_err(|e| Error::DataDirNotWritable { path: data_dir.to_path_buf(), reason: e.to_string() })?;
    let db = data_dir.join(DB_FILE);
    let mut kept = PathBuf::new();
    if db.exists() {
        // Fold the WAL into the main file before moving it aside.
        if let Ok(c) = Connection::open(&db) {
            let _ = c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        }
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
        kept = data_dir.join(format!("{DB_FILE}.before-restore-{stamp}"));
        fs::rename(&db, &kept).map_err(|e| Error::io(&db, e))?;
        for suffix in ["-wal", "-shm"] {
            let _ = fs::remove_file(data_dir.join(format!("{DB_FILE}{suffix}")));
        }
    }
    let from_files = EvidenceFiles::new(backup_dir);
    let to_files = EvidenceFiles::new(data_dir);
    for f in &manifest.evidence {
        let to = to_files.path_of(&f.sha256);
        if !to.exists() {
            if let Some(parent) = to.parent() {
                fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
            }
            fs::copy(from_files.path_of(&f.sha256), &to).map_err(|e| Error::io(&to, e))?;
        }
    }
    fs::copy(backup_dir.join(DB_FILE), &db).map_err(|e| Error::io(&db, e))?;
    // Opening brings it to this build's schema and WAL mode.
    Store::open(data_dir)?;
    Ok(kept)
}
