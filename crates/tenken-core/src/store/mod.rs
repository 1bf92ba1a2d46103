//! The store: one SQLite file (`tenken.db`) plus the evidence folder, under the data dir.
//!
//! Every change runs in one `BEGIN IMMEDIATE` transaction together with its audit-log entry,
//! so a change and its record of who/when/what are never separated.

mod assessments;
pub mod audit_log;
mod edits;
mod evidence;
mod findings;
pub mod ids;
mod organisations;
mod policies;
mod reports;
mod responses;
mod stats;
pub use stats::StoreCounts;
pub mod schema;
mod scope;

pub use assessments::*;
pub use edits::*;
pub use evidence::*;
pub use findings::*;
pub use organisations::*;
pub use policies::*;
pub use reports::*;
pub use responses::*;
pub use scope::*;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior};
use serde::Serialize;

use crate::clock::{stamp, Clock, SystemClock};
use crate::crypto::DataKey;
use crate::error::{Error, Result};
use crate::evidence::EvidenceFiles;

/// The database file name inside the data dir.
pub const DB_FILE: &str = "tenken.db";

/// An open store.
pub struct Store {
    conn: Connection,
    dir: PathBuf,
    clock: Arc<dyn Clock>,
    actor: String,
    evidence: EvidenceFiles,
    /// The data key of an encrypted store (None: a plain store).
    key: Option<Arc<DataKey>>,
    /// Assessments read once per process: their frozen checklist never changes.
    cache: std::cell::RefCell<std::collections::HashMap<i64, Arc<Assessment>>>,
}

/// A write in progress: the transaction, its time stamp and who makes it.
pub struct Tx<'a> {
    pub(crate) tx: rusqlite::Transaction<'a>,
    pub(crate) now: String,
    pub(crate) actor: &'a str,
}

impl Tx<'_> {
    /// Appends the audit-log entry for a change made in this transaction.
    pub fn log<B: Serialize, A: Serialize>(
        &self,
        action: &str,
        entity: &str,
        entity_id: impl ToString,
        before: Option<&B>,
        after: Option<&A>,
    ) -> Result<()> {
        audit_log::append(
            &self.tx,
            &self.now,
            self.actor,
            action,
            entity,
            &entity_id.to_string(),
            before,
            after,
        )
    }
}

/// The person making changes: `TENKEN_ACTOR`, else the OS user name.
pub fn default_actor() -> String {
    std::env::var("TENKEN_ACTOR")
        .or_else(|_| std::env::var("USER"))
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "unknown".to_string())
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

fn ensure_writable_dir(dir: &Path) -> Result<()> {
    let not_writable = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::StorageFull => Error::io(dir, e),
        _ => Error::DataDirNotWritable {
            path: dir.to_path_buf(),
            reason: e.to_string(),
        },
    };
    crate::private::create_dir_all(dir).map_err(not_writable)?;
    crate::private::tighten_data_dir(dir);
    let probe = dir.join(format!(".tenken-write-test-{}", std::process::id()));
    let written = std::fs::write(&probe, b"ok");
    // Removed whatever happened: a full disk can create the file and then fail to write it.
    let removed = std::fs::remove_file(&probe);
    written.map_err(not_writable)?;
    match removed {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(not_writable(e)),
        _ => Ok(()),
    }
}

fn check_is_sqlite(path: &Path) -> Result<()> {
    use std::io::Read;
    let Ok(mut f) = std::fs::File::open(path) else {
        return Ok(());
    }; // absent: created below
    let mut head = [0u8; 16];
    let n = f.read(&mut head).map_err(|e| Error::io(path, e))?;
    if n == 0 {
        return Ok(()); // an empty file is a new database to SQLite
    }
    if n < 16 || &head != SQLITE_MAGIC {
        return Err(Error::NotADatabase {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// `PRAGMA user_version` read from the database header (bytes 60–63, big-endian).
fn header_user_version(path: &Path) -> Option<i64> {
    use std::io::Read;
    let mut head = [0u8; 64];
    std::fs::File::open(path).ok()?.read_exact(&mut head).ok()?;
    Some(i32::from_be_bytes([head[60], head[61], head[62], head[63]]) as i64)
}

fn map_open_error(path: &Path, e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) | Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            Error::NotADatabase {
                path: path.to_path_buf(),
            }
        }
        Some(rusqlite::ErrorCode::ReadOnly) | Some(rusqlite::ErrorCode::CannotOpen) => {
            Error::DataDirNotWritable {
                path: path.to_path_buf(),
                reason: e.to_string(),
            }
        }
        _ => Error::Database(e),
    }
}

impl Store {
    /// Opens (creating if needed) the store in `dir` with the system clock.
    pub fn open(dir: &Path) -> Result<Store> {
        Store::open_with(dir, Arc::new(SystemClock), default_actor())
    }

    /// Opens the store with an explicit clock and actor (tests, imports).
    pub fn open_with(dir: &Path, clock: Arc<dyn Clock>, actor: String) -> Result<Store> {
        Store::open_with_key(dir, clock, actor, None)
    }

    /// Opens (creating if needed) the store in `dir`, encrypted with `key` when given (see
    /// `crypto`). An encrypted store opened without a key is refused (`passphrase_required`).
    pub fn open_keyed(dir: &Path, key: Option<Arc<DataKey>>) -> Result<Store> {
        Store::open_with_key(dir, Arc::new(SystemClock), default_actor(), key)
    }

    /// `open_with` for an encrypted store (`key`) or a plain one (None). Logged: the mode, the
    /// schema, the duration, or the error's code.
    pub fn open_with_key(
        dir: &Path,
        clock: Arc<dyn Clock>,
        actor: String,
        key: Option<Arc<DataKey>>,
    ) -> Result<Store> {
        let started = std::time::Instant::now();
        let encrypted = key.is_some();
        let store = Store::open_writable(dir, clock, actor, key);
        match &store {
            Ok(_) => tracing::info!(target: "tenken", event = "store_open", mode = "write",
                data_dir = %dir.display(), encrypted, schema = schema::latest(),
                duration_ms = crate::logging::millis_since(started)),
            Err(e) => {
                tracing::error!(target: "tenken", event = "store_open_failed", mode = "write",
                encrypted, code = e.code())
            }
        }
        store
    }

    fn open_writable(
        dir: &Path,
        clock: Arc<dyn Clock>,
        actor: String,
        key: Option<Arc<DataKey>>,
    ) -> Result<Store> {
        crate::crypto::convert::finish_pending(dir)?;
        if key.is_none() && crate::crypto::is_encrypted(dir) {
            return Err(Error::PassphraseRequired {
                path: dir.to_path_buf(),
            });
        }
        ensure_writable_dir(dir)?;
        let path = dir.join(DB_FILE);
        if key.is_none() {
            check_is_sqlite(&path)?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(&path, flags).map_err(|e| map_open_error(&path, e))?;
        if let Some(k) = &key {
            k.apply(&conn).map_err(|e| map_open_error(&path, e))?;
        }
        crate::private::make_file_private(&path);
        // Refuse a newer schema before changing anything (journal mode included).
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| map_open_error(&path, e))?;
        if version > schema::latest() {
            return Err(Error::SchemaTooNew {
                path,
                found: version,
                supported: schema::latest(),
            });
        }
        configure(&conn).map_err(|e| map_open_error(&path, e))?;
        let mut store = Store {
            conn,
            dir: dir.to_path_buf(),
            clock,
            actor,
            evidence: evidence_files(dir, &key),
            key,
            cache: Default::default(),
        };
        store.migrate()?;
        ids::set_device(&audit_log::device_id(&store.conn)?);
        ids::continue_above(store.largest_id()?);
        Ok(store)
    }

    /// Opens the store for reading only: nothing in the data folder is created or changed, so
    /// reading commands (lists, `verify`, `export`, `report`, `backup`) work on a read-only
    /// medium and on a full disk. A store of an older schema is brought up to date first when
    /// the folder is writable; otherwise it is refused with the reason.
    pub fn open_read_only(dir: &Path) -> Result<Store> {
        Store::open_read_only_keyed(dir, None)
    }

    /// `open_read_only` for an encrypted store (`key`) or a plain one (None). Logged like
    /// `open_with_key`.
    pub fn open_read_only_keyed(dir: &Path, key: Option<Arc<DataKey>>) -> Result<Store> {
        let started = std::time::Instant::now();
        let encrypted = key.is_some();
        let store = Store::open_reading(dir, key);
        match &store {
            Ok(_) => tracing::info!(target: "tenken", event = "store_open", mode = "read",
                data_dir = %dir.display(), encrypted, duration_ms = crate::logging::millis_since(started)),
            Err(e) => tracing::error!(target: "tenken", event = "store_open_failed", mode = "read",
                encrypted, code = e.code()),
        }
        store
    }

    fn open_reading(dir: &Path, key: Option<Arc<DataKey>>) -> Result<Store> {
        if dir.join(crate::crypto::convert::STAGING).exists() {
            crate::crypto::convert::finish_pending(dir)?;
        }
        if key.is_none() && crate::crypto::is_encrypted(dir) {
            return Err(Error::PassphraseRequired {
                path: dir.to_path_buf(),
            });
        }
        let path = dir.join(DB_FILE);
        if !path.is_file() {
            // Nothing to read: an empty store behaves as a new one (created only if writable).
            return Store::open_keyed(dir, key);
        }
        if key.is_none() {
            check_is_sqlite(&path)?;
            // The schema version from the file header first: a newer database is refused
            // before SQLite opens it (a read-only connection would leave -wal/-shm files
            // behind). An encrypted header cannot be read without the key.
            if let Some(found) = header_user_version(&path).filter(|v| *v > schema::latest()) {
                return Err(Error::SchemaTooNew {
                    path,
                    found,
                    supported: schema::latest(),
                });
            }
        }
        let conn = open_read_only_connection(&path, key.as_deref())?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| map_open_error(&path, e))?;
        if version > schema::latest() {
            return Err(Error::SchemaTooNew {
                path,
                found: version,
                supported: schema::latest(),
            });
        }
        if version < schema::latest() {
            drop(conn);
            return Store::open_keyed(dir, key);
        }
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(|e| map_open_error(&path, e))?;
        conn.busy_timeout(std::time::Duration::from_millis(5000))?;
        Ok(Store {
            conn,
            dir: dir.to_path_buf(),
            clock: Arc::new(SystemClock),
            actor: default_actor(),
            evidence: evidence_files(dir, &key),
            key,
            cache: Default::default(),
        })
    }

    fn migrate(&mut self) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let started = std::time::Instant::now();
        for (i, sql) in schema::MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        }
        tx.commit()?;
        if version < schema::latest() {
            tracing::info!(target: "tenken", event = "store_migrate", from = version,
                to = schema::latest(), duration_ms = crate::logging::millis_since(started));
        }
        Ok(())
    }

    /// Runs `f` as one atomic change with its audit-log entries.
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&Tx) -> Result<T>) -> Result<T> {
        let now = stamp(self.clock.now());
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let t = Tx {
            tx,
            now,
            actor: &self.actor,
        };
        let out = f(&t)?;
        t.tx.commit()?;
        Ok(out)
    }

    /// Bulk loading (demo data): commits are not fsync'ed one by one. Turned off again at the
    /// end, which also checkpoints, so the result is as durable as any other write.
    pub fn set_bulk(&mut self, on: bool) -> Result<()> {
        self.conn
            .pragma_update(None, "synchronous", if on { "OFF" } else { "FULL" })?;
        if !on {
            self.conn
                .query_row("PRAGMA wal_checkpoint(FULL)", [], |_| Ok(()))?;
        }
        Ok(())
    }

    /// Folds the WAL into the database file and leaves it as one self-contained file (rollback
    /// journal mode), then closes the store: the file can then be moved as a whole.
    pub(crate) fn close_as_single_file(self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        self.conn.pragma_update(None, "journal_mode", "DELETE")?;
        self.conn.close().map_err(|(_, e)| Error::Database(e))
    }

    /// The largest id of the tables whose ids come from `ids::new_id` (each a primary-key
    /// lookup).
    fn largest_id(&self) -> Result<i64> {
        let mut largest = 0;
        for (table, key) in [
            ("interviews", "id"),
            ("responses", "id"),
            ("findings", "id"),
            ("remarks", "id"),
            ("evidence", "id"),
            ("evidence_links", "id"),
            ("audit_log", "seq"),
            ("team_merges", "id"),
        ] {
            let max: Option<i64> =
                self.conn
                    .query_row(&format!("SELECT max({key}) FROM {table}"), [], |r| r.get(0))?;
            largest = largest.max(max.unwrap_or(0));
        }
        Ok(largest)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs a query and maps every row with `map`: the one shape every list reader of the
    /// store shares (prepare, bind, map, collect), with the statement cached.
    pub(crate) fn rows<T, P: rusqlite::Params>(
        &self,
        sql: &str,
        params: P,
        map: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(params, map)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub(crate) fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    /// Who makes changes through this store (recorded in the audit log).
    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// The data dir this store lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The database file.
    pub fn db_path(&self) -> PathBuf {
        self.dir.join(DB_FILE)
    }

    pub fn evidence_files(&self) -> &EvidenceFiles {
        &self.evidence
    }

    /// `PRAGMA synchronous` of the store's connection (2 = FULL; tests).
    pub fn synchronous_level(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA synchronous", [], |r| r.get(0))?)
    }

    /// The data key of an encrypted store (None: a plain store).
    pub fn data_key(&self) -> Option<&Arc<DataKey>> {
        self.key.as_ref()
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// True when the store holds no organisation (a fresh data dir).
    pub fn is_empty(&self) -> Result<bool> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM organisations", [], |r| r.get(0))?;
        Ok(n == 0)
    }

    /// The audit log, newest last (`limit`: only the last N entries).
    pub fn audit_log(&self, limit: Option<usize>) -> Result<Vec<audit_log::LogEntry>> {
        audit_log::entries(&self.conn, limit)
    }

    /// `PRAGMA integrity_check`: an empty list when the file is sound.
    pub fn integrity_problems(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows.into_iter().filter(|r| r != "ok").collect())
    }

    /// Foreign-key violations (should never happen: foreign keys are enforced).
    pub fn foreign_key_problems(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let rows = stmt
            .query_map([], |r| {
                Ok(format!(
                    "{} rowid {:?} → {}",
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<i64>>(1)?,
                    r.get::<_, String>(2)?
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// A consistent copy of the database into `dest` (SQLite online backup API).
    pub fn backup_database_to(&self, dest: &Path) -> Result<()> {
        let mut out = Connection::open(dest).map_err(|e| map_open_error(dest, e))?;
        // An encrypted store's copy is encrypted with the same key (SQLCipher's backup works
        // encrypted → encrypted only).
        if let Some(k) = &self.key {
            k.apply(&out)?;
        }
        let backup = rusqlite::backup::Backup::new(&self.conn, &mut out)?;
        backup.run_to_completion(1024, std::time::Duration::from_millis(0), None)?;
        drop(backup);
        out.pragma_update(None, "journal_mode", "DELETE")?;
        Ok(())
    }
}

/// A read-only connection. A WAL database needs its `-shm` file; when the folder is read-only
/// and that file cannot be created, the database is opened as immutable (nothing else can
/// change a file on a read-only medium).
fn open_read_only_connection(path: &Path, key: Option<&DataKey>) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let first = Connection::open_with_flags(path, flags).and_then(|c| {
        if let Some(k) = key {
            k.apply(&c)?;
        }
        c.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })?;
        Ok(c)
    });
    match first {
        Ok(c) => Ok(c),
        Err(_) => {
            let uri = format!("file:{}?immutable=1", uri_path(path));
            let c = Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
                .map_err(|e| map_open_error(path, e))?;
            if let Some(k) = key {
                k.apply(&c).map_err(|e| map_open_error(path, e))?;
            }
            c.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                r.get::<_, i64>(0)
            })
            .map_err(|e| map_open_error(path, e))?;
            Ok(c)
        }
    }
}

/// `path` percent-encoded for an SQLite `file:` URI.
fn uri_path(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let text = abs.to_string_lossy().replace('\\', "/");
    let mut out = String::new();
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' | b':' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    if !out.starts_with('/') {
        out.insert(0, '/');
    }
    out
}

/// The evidence folder of `dir`, encrypted with keys derived from `key` when given.
fn evidence_files(dir: &Path, key: &Option<Arc<DataKey>>) -> EvidenceFiles {
    EvidenceFiles::with_keys(dir, key.as_ref().map(|k| Arc::new(k.evidence_keys())))
}

/// Connection settings, chosen for an auditor's laptop:
/// - `journal_mode=WAL`: readers (the window) never block the writer; a crash leaves the
///   database consistent.
/// - `synchronous=FULL`: in WAL mode each commit is fsync'ed before it is acknowledged, so an
///   acknowledged answer survives a power cut or a pulled plug, not only a killed process
///   (`NORMAL` would only survive the latter). The cost is one fsync per commit, measured by
///   `tenken-bench` to stay well under the 5 ms p99 goal.
/// - `foreign_keys=ON`: SQLite leaves them off by default.
/// - `busy_timeout=5000`: a second tenken process (CLI beside the window) waits instead of failing.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_millis(5000))?;
    Ok(())
}

/// Reads an optional single row.
pub(crate) fn optional<T>(r: rusqlite::Result<T>) -> Result<Option<T>> {
    Ok(r.optional()?)
}
