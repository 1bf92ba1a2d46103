//! Evidence records (監査証拠): stored files, paper-document references and observations,
//! each linkable to any number of responses and findings.

use std::path::Path;

use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::Store;
use crate::domain::EvidenceKind;
use crate::error::{Error, Result};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Evidence {
    pub id: i64,
    pub assessment_id: i64,
    pub kind: EvidenceKind,
    pub title: String,
    pub sha256: Option<String>,
    pub original_name: Option<String>,
    pub size: Option<u64>,
    pub media_type: Option<String>,
    /// The file's own date (modification time), as YYYY-MM-DD.
    pub file_date: Option<String>,
    /// 保管場所 of a paper document.
    pub location: String,
    pub description: String,
    pub recorded_at: String,
    pub links: Vec<EvidenceLink>,
}

/// What a piece of evidence supports.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EvidenceLink {
    Response { department: String, item_id: String },
    Finding { finding_id: i64, number: i64 },
}

/// A target given when linking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    Response { department: String, item_id: String },
    Finding(i64),
}

impl Store {
    /// Copies a file into the evidence store (streamed, deduplicated) and records it.
    pub fn add_file_evidence(
        &mut self,
        assessment: i64,
        path: &Path,
        title: Option<&str>,
        progress: &mut dyn FnMut(u64),
    ) -> Result<Evidence> {
        self.frozen(assessment)?; // validate before copying anything
        let title = crate::text::clean_opt("title", title, crate::text::Limit::NAME)?;
        let title = title.as_deref();
        let meta = std::fs::metadata(path).ok();
        let stored = self.evidence_files().store(path, progress)?;
        // The file's own name, fit to show on one line (a new-line in a name broke lists).
        let name = path
            .file_name()
            .map(|n| crate::text::display_name(&n.to_string_lossy()))
            .unwrap_or_default();
        let media = mime_guess::from_path(path)
            .first_or_octet_stream()
            .essence_str()
            .to_string();
        let file_date = meta.and_then(|m| m.modified().ok()).map(|t| {
            chrono::DateTime::<chrono::Utc>::from(t)
                .date_naive()
                .to_string()
        });
        let title = title
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .unwrap_or(&name)
            .to_string();
        self.insert_evidence(
            assessment,
            EvidenceKind::File,
            &title,
            Some(&stored.sha256),
            Some(&name),
            Some(stored.size),
            Some(&media),
            file_date.as_deref(),
            "",
            "",
        )
    }

    /// Records a reference to a paper document (文書名, 保管場所).
    pub fn add_paper_evidence(
        &mut self,
        assessment: i64,
        title: &str,
        location: &str,
        description: &str,
    ) -> Result<Evidence> {
        self.frozen(assessment)?;
        self.insert_evidence(
            assessment,
            EvidenceKind::Paper,
            title,
            None,
            None,
            None,
            None,
            None,
            location,
            description,
        )
    }

    /// Records a plain observation.
    pub fn add_observation(
        &mut self,
        assessment: i64,
        title: &str,
        description: &str,
    ) -> Result<Evidence> {
        self.frozen(assessment)?;
        self.insert_evidence(
            assessment,
            EvidenceKind::Observation,
            title,
            None,
            None,
            None,
            None,
            None,
            "",
            description,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn insert_evidence(
        &mut self,
        assessment: i64,
        kind: EvidenceKind,
        title: &str,
        sha256: Option<&str>,
        original_name: Option<&str>,
        size: Option<u64>,
        media_type: Option<&str>,
        file_date: Option<&str>,
        location: &str,
        description: &str,
    ) -> Result<Evidence> {
        use crate::text::{clean, Limit};
        let title = clean("title", title, Limit::NAME)?;
        let location = clean("location", location, Limit::LINE)?;
        let description = clean("description", description, Limit::NOTE)?;
        let (title, location, description) =
            (title.as_str(), location.as_str(), description.as_str());
        if title.is_empty() {
            return Err(Error::invalid(
                "title",
                title,
                "空でない名称 / a non-empty title",
            ));
        }
        let id = super::ids::new_id();
        self.write(|t| {
            t.tx.execute(
                "INSERT INTO evidence (assessment_id, kind, title, sha256, original_name, size, media_type, file_date, location,
                 description, recorded_at, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![assessment, kind.key(), title.trim(), sha256, original_name, size.map(|s| s as i64), media_type, file_date, location, description, t.now, id],
            )?;
            let logged = serde_json::json!({"kind": kind, "title": title, "sha256": sha256, "size": size, "location": location});
            t.log("evidence.add", "evidence", id, None::<&()>, Some(&logged))?;
            Ok(id)
        })?;
        self.evidence(id)
    }

    /// Links evidence to a response (created unrated if not answered yet) or a finding.
    pub fn link_evidence(&mut self, evidence_id: i64, target: &LinkTarget) -> Result<Evidence> {
        let ev = self.evidence(evidence_id)?;
        let a = ev.assessment_id;
        let (response_id, finding_id) = match target {
            LinkTarget::Response {
                department,
                item_id,
            } => {
                let r = match self.answer(a, department, item_id)? {
                    Some(r) => r,
                    None => self.record_answer(a, department, item_id, &Default::default())?,
                };
                (Some(r.id), None)
            }
            LinkTarget::Finding(f) => {
                let f = self.finding(*f)?;
                if f.assessment_id != a {
                    return Err(Error::invalid(
                        "finding",
                        f.id,
                        format!("点検・監査 {a} の指摘事項 / a finding of assessment {a}"),
                    ));
                }
                (None, Some(f.id))
            }
        };
        self.write(|t| {
            let n = t.tx.execute(
                "INSERT OR IGNORE INTO evidence_links (evidence_id, response_id, finding_id, id) VALUES (?1, ?2, ?3, ?4)",
                params![evidence_id, response_id, finding_id, super::ids::new_id()],
            )?;
            if n > 0 {
                let logged = serde_json::json!({"response_id": response_id, "finding_id": finding_id});
                t.log("evidence.link", "evidence", evidence_id, None::<&()>, Some(&logged))?;
            }
            Ok(())
        })?;
        self.evidence(evidence_id)
    }

    pub fn evidence(&self, id: i64) -> Result<Evidence> {
        self.evidence_where("e.id = ?1", id)?
            .pop()
            .ok_or(Error::UnknownEvidence(id))
    }

    /// All evidence of an assessment, in the order recorded.
    pub fn evidence_list(&self, assessment: i64) -> Result<Vec<Evidence>> {
        self.frozen(assessment)?;
        self.evidence_where("e.assessment_id = ?1", assessment)
    }

    fn evidence_where(&self, cond: &str, v: i64) -> Result<Vec<Evidence>> {
        let sql = format!(
            "SELECT e.id, e.assessment_id, e.kind, e.title, e.sha256, e.original_name, e.size, e.media_type, e.file_date,
             e.location, e.description, e.recorded_at FROM evidence e WHERE {cond} ORDER BY e.id"
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let mut out: Vec<Evidence> = stmt
            .query_map([v], |r| {
                let kind: String = r.get(2)?;
                Ok(Evidence {
                    id: r.get(0)?,
                    assessment_id: r.get(1)?,
                    kind: EvidenceKind::from_key(&kind).unwrap_or(EvidenceKind::Observation),
                    title: r.get(3)?,
                    sha256: r.get(4)?,
                    original_name: r.get(5)?,
                    size: r.get::<_, Option<i64>>(6)?.map(|s| s as u64),
                    media_type: r.get(7)?,
                    file_date: r.get(8)?,
                    location: r.get(9)?,
                    description: r.get(10)?,
                    recorded_at: r.get(11)?,
                    links: vec![],
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        // Links of all these evidence rows in one query.
        let link_sql = format!(
            "SELECT l.evidence_id, d.name, r.item_id, f.id, f.number FROM evidence_links l
             JOIN evidence e ON e.id = l.evidence_id
             LEFT JOIN responses r ON r.id = l.response_id
             LEFT JOIN findings f ON f.id = l.finding_id
             LEFT JOIN departments d ON d.id = r.department_id
             WHERE {cond} ORDER BY l.id"
        );
        let mut stmt = self.conn().prepare(&link_sql)?;
        let mut rows = stmt.query([v])?;
        let index: std::collections::HashMap<i64, usize> =
            out.iter().enumerate().map(|(i, e)| (e.id, i)).collect();
        while let Some(r) = rows.next()? {
            let eid: i64 = r.get(0)?;
            let link = match r.get::<_, Option<i64>>(3)? {
                Some(fid) => EvidenceLink::Finding {
                    finding_id: fid,
                    number: r.get(4)?,
                },
                None => EvidenceLink::Response {
                    department: r.get(1)?,
                    item_id: r.get(2)?,
                },
            };
            if let Some(&i) = index.get(&eid) {
                out[i].links.push(link);
            }
        }
        Ok(out)
    }

    /// Every stored file the database refers to: (evidence id, sha256, size).
    pub fn evidence_files_recorded(&self) -> Result<Vec<(i64, String, Option<u64>)>> {
        self.rows(
            "SELECT id, sha256, size FROM evidence WHERE sha256 IS NOT NULL ORDER BY id",
            [],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get::<_, Option<i64>>(2)?.map(|s| s as u64),
                ))
            },
        )
    }
}
