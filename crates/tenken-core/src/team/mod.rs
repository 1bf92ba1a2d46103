//! The audit team without a server (issue #12): the lead **shares** an assessment with a
//! member as a package file, the member **joins** it, works offline and **returns** a package
//! of their changes, and the lead **merges** it.
//!
//! The member's changes are an SQLite session changeset (`Session::diff` of the member's
//! rows against the baseline that was shared); the lead applies it with `Connection::apply`
//! and a conflict handler (`merge.rs`). A package is a zip whose manifest lists the SHA-256 of
//! every part (`package.rs`).

pub mod merge;
pub mod package;
pub mod status;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::output::Output;
use crate::store::{audit_log, ids, Store};
use package::{Manifest, Package};

pub use merge::{Conflict, MergeReport};
pub use status::{ConflictView, TeamMember, TeamStatus};

/// The tables whose rows members create and change in the field: the changeset covers these.
pub const FIELD_TABLES: &[&str] = &[
    "interviews",
    "responses",
    "findings",
    "remarks",
    "evidence",
    "evidence_links",
];

/// Every file a package database refers to: evidence files and the policies' original files.
const FILES_SQL: &str = "SELECT sha256 FROM evidence WHERE sha256 IS NOT NULL
     UNION SELECT original_sha256 FROM policy_documents WHERE original_sha256 IS NOT NULL";

/// The folder in the data dir where a member keeps the baseline of what they joined.
const TEAM_DIR: &str = "team";

fn team_dir(store: &Store) -> PathBuf {
    store.dir().join(TEAM_DIR)
}

fn baseline_path(store: &Store, assessment: i64) -> PathBuf {
    team_dir(store).join(format!("baseline-{assessment}.db"))
}

fn returned_path(store: &Store, assessment: i64) -> PathBuf {
    team_dir(store).join(format!("returned-{assessment}.db"))
}

/// A temporary file name beside `dir` (removed by the caller).
fn temp_db(dir: &Path, what: &str) -> PathBuf {
    dir.join(format!(
        ".tenken-team-{what}-{}-{}.db",
        std::process::id(),
        ids::new_id()
    ))
}

struct TempFile(PathBuf);
impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
        let _ = std::fs::remove_file(self.0.with_extension("db-journal"));
    }
}

/// Which rows of an assessment travel: the departments (ids) chosen.
fn department_ids(
    store: &Store,
    assessment: i64,
    names: Option<&[String]>,
) -> Result<Vec<(i64, String)>> {
    let all: Vec<(i64, String)> = store
        .departments(assessment)?
        .into_iter()
        .map(|d| (d.id, d.name))
        .collect();
    match names {
        None => Ok(all),
        Some(names) => {
            let mut out = vec![];
            for n in names {
                let n = n.trim();
                match all.iter().find(|(_, name)| name == n) {
                    Some(d) if !out.contains(d) => out.push(d.clone()),
                    Some(_) => {}
                    None => {
                        return Err(Error::UnknownDepartment {
                            assessment,
                            department: n.to_string(),
                        })
                    }
                }
            }
            Ok(out)
        }
    }
}

/// The SQLCipher key of the store's side databases (baseline, state last returned, the
/// temporary extract): the store's own key, so nothing of an encrypted store is kept plain in
/// its data folder; empty for a plain store. `encrypt`/`decrypt` re-key them with the store
/// (`crypto::convert`). Packages are sealed with the team's package passphrase instead
/// (`package_passphrase`).
fn side_key(store: &Store) -> Zeroizing<String> {
    match store.data_key() {
        Some(k) => k.sqlcipher_key(),
        None => Zeroizing::new(String::new()),
    }
}

/// The package passphrase a package written by this store is sealed with: an encrypted store
/// writes encrypted packages (the passphrase is required, at least `MIN_PASSPHRASE_CHARS`
/// characters); a plain store writes plain ones (a passphrase given is not used). Checked
/// before anything is written.
fn package_passphrase<'a>(
    store: &Store,
    dest: &Path,
    passphrase: Option<&'a str>,
) -> Result<Option<&'a str>> {
    if store.data_key().is_none() {
        return Ok(None);
    }
    let p = package::need(dest, passphrase)?;
    crate::crypto::check_new_passphrase(p)?;
    Ok(Some(p))
}

/// Opens a side database, keyed first when `key` is not empty.
fn open_side(path: &Path, key: &str) -> Result<Connection> {
    let conn = Connection::open(path).map_err(|e| Error::io(path, std::io::Error::other(e)))?;
    if !key.is_empty() {
        conn.pragma_update(None, "key", key)?;
    }
    Ok(conn)
}

/// Copies the plain database `from` into `to`, encrypted with `key` (`sqlcipher_export`), or
/// as a plain file copy when `key` is empty.
fn copy_side(from: &Path, to: &Path, key: &str) -> Result<()> {
    if key.is_empty() {
        std::fs::copy(from, to).map_err(|e| Error::io(to, e))?;
        return Ok(());
    }
    let conn = open_side(from, "")?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    conn.execute(
        "ATTACH DATABASE ?1 AS side KEY ?2",
        rusqlite::params![to.to_string_lossy(), key],
    )?;
    let done = (|| -> Result<()> {
        conn.query_row("SELECT sqlcipher_export('side')", [], |_| Ok(()))?;
        conn.pragma_update(Some("side"), "user_version", version)?;
        Ok(())
    })();
    let detached = conn.execute("DETACH DATABASE side", []);
    done?;
    detached?;
    Ok(())
}

/// Creates an empty database with the store's schema at `path` (keyed when `key` is not empty).
fn create_package_db(path: &Path, key: &str) -> Result<Connection> {
    let conn = open_side(path, key)?;
    conn.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA foreign_keys = OFF;")?;
    let tx = conn.unchecked_transaction()?;
    for sql in crate::store::schema::MIGRATIONS {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", crate::store::schema::latest())?;
    // The package carries no audit log and no device of its own.
    tx.execute_batch("DELETE FROM store_meta; DELETE FROM audit_log;")?;
    tx.commit()?;
    Ok(conn)
}

/// Copies the rows of `assessment` for `departments` from the store into the package
/// database at `dest` (attached to the store's connection as `pkg`). The same selection is the
/// share package and, on the member's side, the state the member's changes are diffed from.
fn extract(
    conn: &Connection,
    dest: &Path,
    key: &str,
    assessment: i64,
    departments: &[i64],
) -> Result<()> {
    drop(create_package_db(dest, key)?);
    conn.execute(
        "ATTACH DATABASE ?1 AS pkg KEY ?2",
        rusqlite::params![dest.to_string_lossy(), key],
    )?;
    // The package leaves out what the member does not get (the previous assessment, earlier
    // findings followed up): those references are cleared below.
    conn.execute_batch("PRAGMA foreign_keys = OFF")?;
    let r = (|| -> Result<()> {
        let tx = conn.unchecked_transaction()?;
        tx.execute_batch("CREATE TEMP TABLE IF NOT EXISTS team_depts (id INTEGER PRIMARY KEY); DELETE FROM temp.team_depts;")?;
        for d in departments {
            tx.execute("INSERT INTO temp.team_depts (id) VALUES (?1)", [d])?;
        }
        let a = assessment;
        let sql = format!(
            "INSERT INTO pkg.organisations SELECT o.* FROM main.organisations o JOIN main.assessments a ON a.organisation_id = o.id WHERE a.id = {a};
             INSERT INTO pkg.policy_documents SELECT p.* FROM main.policy_documents p JOIN main.assessments a
                 ON p.id IN (a.policy_document_id, a.standards_document_id) WHERE a.id = {a};
             INSERT INTO pkg.assessments SELECT * FROM main.assessments WHERE id = {a};
             UPDATE pkg.assessments SET previous_assessment_id = NULL;
             INSERT INTO pkg.departments SELECT * FROM main.departments WHERE id IN (SELECT id FROM temp.team_depts);
             INSERT INTO pkg.assessment_departments SELECT * FROM main.assessment_departments
                 WHERE assessment_id = {a} AND department_id IN (SELECT id FROM temp.team_depts);
             INSERT INTO pkg.scope_rules SELECT * FROM main.scope_rules WHERE assessment_id = {a};
             INSERT INTO pkg.scope_items SELECT * FROM main.scope_items
                 WHERE assessment_id = {a} AND department_id IN (SELECT id FROM temp.team_depts);
             INSERT INTO pkg.responses SELECT * FROM main.responses
                 WHERE assessment_id = {a} AND department_id IN (SELECT id FROM temp.team_depts);
             INSERT INTO pkg.findings SELECT * FROM main.findings
                 WHERE assessment_id = {a} AND department_id IN (SELECT id FROM temp.team_depts);
             UPDATE pkg.findings SET follows_up_finding_id = NULL;
             INSERT INTO pkg.interviews SELECT * FROM main.interviews
                 WHERE assessment_id = {a} AND department_id IN (SELECT id FROM temp.team_depts);
             INSERT INTO pkg.remarks SELECT * FROM main.remarks
                 WHERE assessment_id = {a} AND (department_id IS NULL OR department_id IN (SELECT id FROM temp.team_depts));
             INSERT INTO pkg.evidence_links SELECT l.* FROM main.evidence_links l
                 WHERE l.response_id IN (SELECT id FROM pkg.responses) OR l.finding_id IN (SELECT id FROM pkg.findings);
             INSERT INTO pkg.evidence SELECT * FROM main.evidence WHERE assessment_id = {a}
                 AND (id IN (SELECT evidence_id FROM pkg.evidence_links) OR id NOT IN (SELECT evidence_id FROM main.evidence_links));"
        );
        tx.execute_batch(&sql)?;
        tx.commit()?;
        Ok(())
    })();
    let detached = conn.execute("DETACH DATABASE pkg", []);
    let fk = conn.execute_batch("PRAGMA foreign_keys = ON");
    r?;
    detached?;
    fk?;
    Ok(())
}

fn identity(store: &Store, assessment: i64) -> Result<(String, String, i64)> {
    crate::store::optional(store.conn().query_row(
        "SELECT o.name, a.title, a.fiscal_year FROM assessments a JOIN organisations o ON o.id = a.organisation_id WHERE a.id = ?1",
        [assessment],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    ))?
    .ok_or_else(|| Error::UnknownAssessment(assessment.to_string()))
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ShareReport {
    pub baseline_id: String,
    pub assessment_id: i64,
    pub member: String,
    pub departments: Vec<String>,
    pub responses: usize,
    pub findings: usize,
    pub evidence_files: usize,
    pub bytes: u64,
}

fn count(conn: &Connection, table: &str) -> Result<usize> {
    Ok(
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
            r.get::<_, i64>(0)
        })? as usize,
    )
}

/// Evidence files referenced by the package database, not in `except` (their SHA-256).
fn evidence_parts(
    store: &Store,
    conn: &Connection,
    except: &BTreeSet<String>,
) -> Result<Vec<(String, Vec<u8>)>> {
    let shas: BTreeSet<String> = {
        let mut stmt = conn.prepare(FILES_SQL)?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut out = vec![];
    for sha in shas.difference(except) {
        // The plaintext (decrypted in an encrypted store), its SHA-256 checked as it streams.
        let files = store.evidence_files();
        let path = files.path_of(sha);
        let mut bytes = vec![];
        let read = files.copy_plain(sha, &mut bytes);
        if let Err(e) = read {
            if e.kind() != std::io::ErrorKind::InvalidData {
                return Err(Error::io(&path, e));
            }
        }
        if package::sha256_hex(&bytes) != *sha {
            return Err(Error::invalid(
                "evidence",
                sha,
                "SHA-256 の一致する証跡ファイル / an evidence file matching its SHA-256",
            ));
        }
        out.push((format!("{}{sha}", package::EVIDENCE_DIR), bytes));
    }
    Ok(out)
}

fn manifest(
    store: &Store,
    kind: &str,
    assessment: i64,
    lead_device: &str,
    baseline_id: &str,
    member: &str,
    departments: Vec<String>,
) -> Result<Manifest> {
    let (organisation, title, fiscal_year) = identity(store, assessment)?;
    Ok(Manifest {
        format: package::FORMAT,
        kind: kind.into(),
        schema_version: store.schema_version()?,
        organisation,
        assessment_id: assessment,
        assessment_title: title,
        fiscal_year,
        lead_device: lead_device.into(),
        baseline_id: baseline_id.into(),
        device: store.device_id()?,
        member: member.into(),
        departments,
        created_at: crate::clock::stamp(store.now()),
        created_by: store.actor().to_string(),
        parts: vec![],
    })
}

impl Store {
    /// This store's device id (random, made by migration 5).
    pub fn device_id(&self) -> Result<String> {
        audit_log::device_id(self.conn())
    }

    /// `team share` (lead): a package of `assessment` for a member — the organisation, the
    /// policy, the assessment with its frozen checklist, the chosen departments (default all)
    /// with their answers, findings, interviews, remarks and evidence (files included).
    pub fn team_share(
        &mut self,
        assessment: i64,
        departments: Option<&[String]>,
        member: &str,
        out: &Output,
        dest: &Path,
        package_passphrase: Option<&str>,
    ) -> Result<ShareReport> {
        let member = crate::text::clean("member", member, crate::text::Limit::LINE)?;
        let member = member.trim().to_string();
        let depts = department_ids(self, assessment, departments)?;
        out.check_file(dest)?;
        let seal_with = self::package_passphrase(self, dest, package_passphrase)?;
        let tmp = TempFile(temp_db(self.dir(), "share"));
        let ids: Vec<i64> = depts.iter().map(|d| d.0).collect();
        extract(self.conn(), &tmp.0, "", assessment, &ids)?;
        let baseline_id = format!("{:016x}", ids::new_id());
        let lead = self.device_id()?;
        let names: Vec<String> = depts.iter().map(|d| d.1.clone()).collect();
        let m = manifest(
            self,
            "share",
            assessment,
            &lead,
            &baseline_id,
            &member,
            names.clone(),
        )?;
        let pkg_conn = Connection::open(&tmp.0)?;
        let (responses, findings) = (
            count(&pkg_conn, "responses")?,
            count(&pkg_conn, "findings")?,
        );
        let mut parts = vec![];
        let files = evidence_parts(self, &pkg_conn, &BTreeSet::new())?;
        drop(pkg_conn);
        parts.push((
            package::DATA.to_string(),
            std::fs::read(&tmp.0).map_err(|e| Error::io(&tmp.0, e))?,
        ));
        let evidence_files = files.len();
        parts.extend(files);
        let mut bytes = vec![];
        package::write(&mut bytes, m, &parts)?;
        let bytes = package::seal(bytes, seal_with)?;
        out.write(dest, &bytes)?;
        let report = ShareReport {
            baseline_id: baseline_id.clone(),
            assessment_id: assessment,
            member: member.clone(),
            departments: names.clone(),
            responses,
            findings,
            evidence_files,
            bytes: bytes.len() as u64,
        };
        self.write(|t| {
            t.tx.execute(
                "INSERT INTO team_shares (baseline_id, assessment_id, member, departments_json, shared_at, shared_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![baseline_id, assessment, member, serde_json::to_string(&names)?, t.now, t.actor],
            )?;
            t.log("team.share", "assessment", assessment, None::<&()>, Some(&report))?;
            Ok(())
        })?;
        Ok(report)
    }

    /// `team join` (member): opens a share package into this store. Joining a newer share of
    /// the same assessment keeps the member's work not yet returned (re-applied on top of
    /// the new baseline) or, where it overlaps the lead's changes, refuses and changes nothing.
    /// An encrypted package needs `package_passphrase` whatever this store is.
    pub fn team_join(
        &mut self,
        path: &Path,
        package_passphrase: Option<&str>,
    ) -> Result<JoinReport> {
        let pkg = package::read(path, package_passphrase)?;
        let m = &pkg.manifest;
        if m.kind != "share" {
            return Err(Error::TeamPackageWrongKind {
                path: path.into(),
                expected: "share".into(),
                found: m.kind.clone(),
            });
        }
        let foreign = |reason: String| Error::TeamPackageForeign {
            path: path.into(),
            reason,
        };
        let own = self.device_id()?;
        if m.lead_device == own {
            return Err(foreign(
                "このデータ自身が配布したパッケージです / this store made the package".into(),
            ));
        }
        let data = pkg.part(path, package::DATA)?;
        std::fs::create_dir_all(team_dir(self)).map_err(|e| Error::io(team_dir(self), e))?;
        let incoming = TempFile(temp_db(&team_dir(self), "incoming"));
        std::fs::write(&incoming.0, data).map_err(|e| Error::io(&incoming.0, e))?;
        let a = m.assessment_id;
        let membership: Option<(String, String)> = crate::store::optional(self.conn().query_row(
            "SELECT lead_device, baseline_id FROM team_memberships WHERE assessment_id = ?1",
            [a],
            |r| Ok((r.get(0)?, r.get(1)?)),
        ))?;
        {
            let p = Connection::open(&incoming.0)?;
            let (org, title): (String, String) = p
                .query_row("SELECT o.name, a.title FROM assessments a JOIN organisations o ON o.id = a.organisation_id WHERE a.id = ?1", [a], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?
                .ok_or_else(|| Error::TeamPackageInvalid { path: path.into(), reason: "data.db: 点検・監査がありません / no assessment".into() })?;
            if org != m.organisation || title != m.assessment_title {
                return Err(Error::TeamPackageInvalid {
                    path: path.into(),
                    reason: "manifest ≠ data.db".into(),
                });
            }
            match &membership {
                Some((lead, _)) if *lead != m.lead_device => {
                    return Err(foreign(format!("点検・監査 {a} は別の監査責任者から配布されています / assessment {a} was shared by another lead")))
                }
                Some(_) => {}
                None => {
                    // First join: the package's ids must not belong to other records here.
                    let exists: bool = self.conn().query_row("SELECT count(*) FROM assessments WHERE id = ?1", [a], |r| r.get::<_, i64>(0))? > 0;
                    if exists {
                        return Err(foreign(format!("このデータには既に点検・監査 {a} があります / this store already holds an assessment {a}")));
                    }
                    for (table, key) in [("organisations", "name"), ("departments", "name"), ("policy_documents", "text_sha256")] {
                        let mut stmt = p.prepare(&format!("SELECT id, {key} FROM {table}"))?;
                        let rows: Vec<(i64, String)> = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
                        for (id, value) in rows {
                            let here: Option<String> = crate::store::optional(self.conn().query_row(&format!("SELECT {key} FROM {table} WHERE id = ?1"), [id], |r| r.get(0)))?;
                            if here.is_some_and(|h| h != value) {
                                return Err(foreign(format!("{table} {id} はこのデータでは別の記録です（チーム作業には別のデータフォルダを使ってください） / {table} {id} is another record in this store (use a separate data folder for team work)")));
                            }
                        }
                    }
                }
            }
        }
        for (_, bytes) in pkg.evidence(path)? {
            self.evidence_files().store_bytes(bytes)?;
        }
        // The member's work not yet returned: their changes since the last return (or join).
        let unreturned: Option<Vec<u8>> = match &membership {
            None => None,
            Some(_) => {
                let since = if returned_path(self, a).exists() {
                    returned_path(self, a)
                } else {
                    baseline_path(self, a)
                };
                let depts = self.membership_departments(a)?;
                Some(self.changes_since(a, &depts, &since)?)
            }
        };
        let depts_json = serde_json::to_string(&m.departments)?;
        let new_baseline = TempFile(temp_db(&team_dir(self), "baseline"));
        copy_side(&incoming.0, &new_baseline.0, &side_key(self))?;
        let incoming_path = incoming.0.to_string_lossy().to_string();
        self.conn()
            .execute("ATTACH DATABASE ?1 AS pkg KEY ''", [&incoming_path])?;
        let report = self.write(|t| {
            t.tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
            let r = (|| -> Result<JoinReport> {
                if membership.is_some() {
                    for table in ["evidence_links", "evidence", "findings", "responses", "interviews", "remarks", "scope_items", "scope_rules", "assessment_departments"] {
                        if table == "evidence_links" {
                            t.tx.execute("DELETE FROM evidence_links WHERE evidence_id IN (SELECT id FROM evidence WHERE assessment_id = ?1)
                                OR response_id IN (SELECT id FROM responses WHERE assessment_id = ?1) OR finding_id IN (SELECT id FROM findings WHERE assessment_id = ?1)", [a])?;
                        } else {
                            t.tx.execute(&format!("DELETE FROM {table} WHERE assessment_id = ?1"), [a])?;
                        }
                    }
                    t.tx.execute("DELETE FROM assessments WHERE id = ?1", [a])?;
                }
                t.tx.execute_batch(
                    "INSERT OR IGNORE INTO main.organisations SELECT * FROM pkg.organisations;
                     INSERT OR IGNORE INTO main.policy_documents SELECT * FROM pkg.policy_documents;
                     INSERT OR IGNORE INTO main.departments SELECT * FROM pkg.departments;
                     INSERT INTO main.assessments SELECT * FROM pkg.assessments;
                     INSERT INTO main.assessment_departments SELECT * FROM pkg.assessment_departments;
                     INSERT INTO main.scope_rules SELECT * FROM pkg.scope_rules;
                     INSERT INTO main.scope_items SELECT * FROM pkg.scope_items;
                     INSERT INTO main.interviews SELECT * FROM pkg.interviews;
                     INSERT INTO main.responses SELECT * FROM pkg.responses;
                     INSERT INTO main.findings SELECT * FROM pkg.findings;
                     INSERT INTO main.remarks SELECT * FROM pkg.remarks;
                     INSERT INTO main.evidence SELECT * FROM pkg.evidence;
                     INSERT INTO main.evidence_links SELECT * FROM pkg.evidence_links;",
                )?;
                let mut kept = 0;
                if let Some(changes) = &unreturned {
                    let outcome = merge::apply_changes(&t.tx, a, changes, true)?;
                    if !outcome.conflicts.is_empty() {
                        return Err(Error::TeamJoinConflict { assessment: a, count: outcome.conflicts.len() });
                    }
                    kept = outcome.applied;
                }
                t.tx.execute(
                    "INSERT INTO team_memberships (assessment_id, lead_device, baseline_id, member, departments_json, joined_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT (assessment_id) DO UPDATE SET lead_device = excluded.lead_device, baseline_id = excluded.baseline_id,
                     member = excluded.member, departments_json = excluded.departments_json, joined_at = excluded.joined_at",
                    params![a, m.lead_device, m.baseline_id, m.member, depts_json, t.now],
                )?;
                let report = JoinReport {
                    assessment_id: a,
                    baseline_id: m.baseline_id.clone(),
                    departments: m.departments.clone(),
                    unreturned_changes_kept: kept,
                    package_sha256: pkg.sha256.clone(),
                };
                t.log("team.join", "assessment", a, None::<&()>, Some(&report))?;
                // The baseline file moves in before the commit: a crash in between leaves a
                // baseline newer than the store, which the next join replaces.
                std::fs::rename(&new_baseline.0, baseline_path_in(&team_dir_of(t), a)).map_err(|e| Error::io(&new_baseline.0, e))?;
                Ok(report)
            })();
            let report = r?;
            t.tx.execute_batch("PRAGMA defer_foreign_keys = OFF")?;
            Ok(report)
        });
        let detached = self.conn().execute("DETACH DATABASE pkg", []);
        let report = report?;
        detached?;
        let _ = std::fs::remove_file(returned_path(self, a));
        Ok(report)
    }

    fn membership_departments(&self, assessment: i64) -> Result<Vec<i64>> {
        let json: String = crate::store::optional(self.conn().query_row(
            "SELECT departments_json FROM team_memberships WHERE assessment_id = ?1",
            [assessment],
            |r| r.get(0),
        ))?
        .ok_or(Error::TeamNotJoined(assessment))?;
        let names: Vec<String> = serde_json::from_str(&json)?;
        Ok(department_ids(self, assessment, Some(&names))?
            .into_iter()
            .map(|d| d.0)
            .collect())
    }

    /// The changeset of this store's rows of `assessment` (those departments) against the
    /// database `since` (a baseline or the state last returned): `Session::diff` per table.
    fn changes_since(&self, assessment: i64, departments: &[i64], since: &Path) -> Result<Vec<u8>> {
        let current = TempFile(temp_db(&team_dir(self), "current"));
        let key = side_key(self);
        extract(self.conn(), &current.0, &key, assessment, departments)?;
        diff_files(&current.0, since, &key)
    }

    /// `team return` (member): a package of the member's changes since the baseline — the
    /// changeset, the evidence files it adds and this laptop's audit-log chain.
    pub fn team_return(
        &mut self,
        assessment: i64,
        out: &Output,
        dest: &Path,
        package_passphrase: Option<&str>,
    ) -> Result<ReturnReport> {
        let (lead, baseline_id, member, names_json): (String, String, String, String) = crate::store::optional(self.conn().query_row(
            "SELECT lead_device, baseline_id, member, departments_json FROM team_memberships WHERE assessment_id = ?1",
            [assessment],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        ))?
        .ok_or(Error::TeamNotJoined(assessment))?;
        out.check_file(dest)?;
        let seal_with = self::package_passphrase(self, dest, package_passphrase)?;
        let depts = self.membership_departments(assessment)?;
        let base = baseline_path(self, assessment);
        let current = TempFile(temp_db(&team_dir(self), "current"));
        let key = side_key(self);
        extract(self.conn(), &current.0, &key, assessment, &depts)?;
        let changes = diff_files(&current.0, &base, &key)?;
        let baseline_files: BTreeSet<String> = {
            let c = open_side(&base, &key)?;
            let mut stmt = c.prepare(FILES_SQL)?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let files = {
            let c = open_side(&current.0, &key)?;
            evidence_parts(self, &c, &baseline_files)?
        };
        let own = self.device_id()?;
        let chain = audit_log::device_chain(self.conn(), &own)?;
        let names: Vec<String> = serde_json::from_str(&names_json)?;
        let m = manifest(
            self,
            "return",
            assessment,
            &lead,
            &baseline_id,
            &member,
            names,
        )?;
        let changes_count = merge::count_changes(&changes)?;
        let mut parts = vec![
            (package::CHANGES.to_string(), changes),
            (package::AUDIT.to_string(), serde_json::to_vec(&chain)?),
        ];
        let evidence_files = files.len();
        parts.extend(files);
        let mut bytes = vec![];
        package::write(&mut bytes, m, &parts)?;
        let bytes = package::seal(bytes, seal_with)?;
        out.write(dest, &bytes)?;
        let report = ReturnReport {
            assessment_id: assessment,
            baseline_id,
            changes: changes_count,
            evidence_files,
            log_entries: chain.len(),
            bytes: bytes.len() as u64,
        };
        let snapshot = returned_path(self, assessment);
        self.write(|t| {
            t.tx.execute(
                "UPDATE team_memberships SET returned_at = ?1 WHERE assessment_id = ?2",
                params![t.now, assessment],
            )?;
            t.log(
                "team.return",
                "assessment",
                assessment,
                None::<&()>,
                Some(&report),
            )?;
            std::fs::copy(&current.0, &snapshot).map_err(|e| Error::io(&snapshot, e))?;
            Ok(())
        })?;
        Ok(report)
    }
}

fn team_dir_of(t: &crate::store::Tx) -> PathBuf {
    let path: String =
        t.tx.query_row(
            "SELECT file FROM pragma_database_list WHERE name = 'main'",
            [],
            |r| r.get(0),
        )
        .unwrap_or_default();
    Path::new(&path)
        .parent()
        .map(|p| p.join(TEAM_DIR))
        .unwrap_or_else(|| PathBuf::from(TEAM_DIR))
}

fn baseline_path_in(dir: &Path, assessment: i64) -> PathBuf {
    dir.join(format!("baseline-{assessment}.db"))
}

/// `Session::diff`: the changeset that turns `since` into `current`, for the field tables.
fn diff_files(current: &Path, since: &Path, key: &str) -> Result<Vec<u8>> {
    let conn = open_side(current, key)?;
    conn.execute(
        "ATTACH DATABASE ?1 AS since KEY ?2",
        rusqlite::params![since.to_string_lossy(), key],
    )?;
    let mut out = Vec::new();
    {
        let mut session = rusqlite::session::Session::new(&conn)?;
        for t in FIELD_TABLES {
            session.attach(Some(*t))?;
            session.diff::<&str, &str>("since", t)?;
        }
        session.changeset_strm(&mut out)?;
    }
    Ok(out)
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct JoinReport {
    pub assessment_id: i64,
    pub baseline_id: String,
    pub departments: Vec<String>,
    /// Changes of the member not yet returned, kept on top of the new share.
    pub unreturned_changes_kept: usize,
    pub package_sha256: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReturnReport {
    pub assessment_id: i64,
    pub baseline_id: String,
    pub changes: usize,
    pub evidence_files: usize,
    pub log_entries: usize,
    pub bytes: u64,
}

pub(crate) fn read_package(path: &Path, passphrase: Option<&str>) -> Result<Package> {
    package::read(path, passphrase)
}
