//! Policy documents: the organisation's own 基本方針 / 対策基準 as imported, with the parsed
//! section tree (see the `tenken-policy` crate).

use rusqlite::params;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::Path;

use super::{optional, Store};
use crate::error::{Error, Result};
use tenken_policy::ParsedPolicy;

/// A stored policy document (without its raw text; see `policy_text`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PolicyDocument {
    pub id: i64,
    pub organisation_id: i64,
    /// "basic_policy" (基本方針) or "standards" (対策基準).
    pub kind: String,
    pub source_name: String,
    pub title: Option<String>,
    pub text_sha256: String,
    pub encoding: String,
    /// The format of the imported file: `text`, `pdf`, `docx` or `html`.
    pub source_format: String,
    /// SHA-256 of the file as imported, kept in the evidence folder (None for documents
    /// imported before tenken kept originals).
    pub original_sha256: Option<String>,
    pub imported_at: String,
    /// The parsed text with the auditor's topic corrections applied.
    pub parsed: ParsedPolicy,
    /// The auditor's corrections of the topic mapping (kept per text: a re-import of the
    /// same text gets them again).
    pub corrections: Vec<TopicCorrection>,
}

/// The auditor's correction of where a topic is in the text (None = the policy lacks it).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct TopicCorrection {
    pub topic: String,
    pub number_path: Option<Vec<u32>>,
    pub citation: Option<String>,
    pub corrected_at: String,
}

fn find_section<'a>(
    nodes: &'a [tenken_policy::Node],
    wanted: &str,
) -> Option<&'a tenken_policy::Node> {
    for n in nodes {
        let path = n
            .number_path
            .iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
            .join(".");
        if !n.number_path.is_empty() && (n.citation == wanted || path == wanted) {
            return Some(n);
        }
        if let Some(f) = find_section(&n.children, wanted) {
            return Some(f);
        }
    }
    None
}

/// The largest policy file read (a 300-page PDF is a few MB).
pub const MAX_POLICY_FILE: u64 = 256 << 20;

/// Reads a policy file the user named: regular files only (a folder, FIFO or device is refused
/// before it is opened, so nothing can hang), at most `MAX_POLICY_FILE` bytes.
pub fn read_policy_file(path: &Path) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::PolicyNotAFile {
            path: path.to_path_buf(),
        });
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Swapped for a FIFO between the check and the open: do not block on it.
        #[cfg(any(target_os = "linux", target_os = "android"))]
        opts.custom_flags(0o4000);
        #[cfg(any(target_os = "macos", target_os = "ios", target_os = "freebsd"))]
        opts.custom_flags(0x0004);
    }
    let f = opts.open(path).map_err(|e| Error::io(path, e))?;
    let meta = f.metadata().map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::PolicyNotAFile {
            path: path.to_path_buf(),
        });
    }
    if meta.len() > MAX_POLICY_FILE {
        return Err(Error::PolicyRefused {
            file: path.display().to_string(),
            problem: tenken_import::Problem::TooLarge {
                limit_mib: MAX_POLICY_FILE >> 20,
            },
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    f.take(MAX_POLICY_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > MAX_POLICY_FILE {
        return Err(Error::PolicyRefused {
            file: path.display().to_string(),
            problem: tenken_import::Problem::TooLarge {
                limit_mib: MAX_POLICY_FILE >> 20,
            },
        });
    }
    Ok(bytes)
}

/// Reads and parses a policy file of any supported format (text, PDF, DOCX, HTML) without
/// storing it; refuses what `import_policy` would refuse.
pub fn parse_policy(
    source_name: &str,
    bytes: &[u8],
    force: bool,
) -> Result<tenken_import::Imported> {
    tenken_import::parse(bytes, force).map_err(|problem| Error::PolicyRefused {
        file: source_name.to_string(),
        problem,
    })
}

impl Store {
    /// Reads, parses and stores a policy file for an organisation (refused without numbered
    /// sections; see `import_policy_forced`).
    pub fn import_policy(
        &mut self,
        organisation: &str,
        source_name: &str,
        bytes: &[u8],
    ) -> Result<PolicyDocument> {
        self.import_policy_with(organisation, source_name, bytes, false)
    }

    /// `import_policy`, keeping a text without numbered sections when `force` (never an empty one).
    pub fn import_policy_with(
        &mut self,
        organisation: &str,
        source_name: &str,
        bytes: &[u8],
        force: bool,
    ) -> Result<PolicyDocument> {
        let started = std::time::Instant::now();
        let org = self.organisation(organisation)?;
        let imported = parse_policy(source_name, bytes, force)?;
        let (parsed, text) = (imported.parsed, imported.extracted.text);
        let sha = format!("{:x}", Sha256::digest(text.as_bytes()));
        let kind = if parsed.kind == "standards" {
            "standards"
        } else {
            "basic_policy"
        };
        // The original first (content-addressed: a failed transaction leaves at most an
        // unreferenced copy, never a row without its file).
        let original = self.evidence_files().store_bytes(bytes)?;
        let id = self.write(|t| {
            t.tx.execute(
                "INSERT INTO policy_documents (organisation_id, kind, source_name, title, raw_text, text_sha256, encoding, parsed_json, imported_at,
                                               source_format, original_sha256, original_size)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    org.id,
                    kind,
                    source_name,
                    parsed.title,
                    text,
                    sha,
                    parsed.encoding,
                    serde_json::to_string(&parsed)?,
                    t.now,
                    parsed.source_format,
                    original.sha256,
                    original.size as i64
                ],
            )?;
            let id = t.tx.last_insert_rowid();
            let logged = serde_json::json!({"source_name": source_name, "kind": kind, "sha256": sha, "sections": parsed.sections.len(),
                "source_format": parsed.source_format, "original_sha256": original.sha256, "forced": force});
            t.log("policy.import", "policy_document", id, None::<&()>, Some(&logged))?;
            Ok(id)
        })?;
        tracing::info!(target: "tenken", event = "policy_import", policy = id,
            organisation = org.id, format = %parsed.source_format, bytes = bytes.len(),
            sections = parsed.sections.len(), forced = force,
            duration_ms = crate::logging::millis_since(started));
        self.policy(id)
    }

    /// Removes a wrongly imported policy document. Refused while an assessment was derived from
    /// it; the audit log keeps what was removed (and the original file stays in the evidence
    /// folder, content-addressed).
    pub fn remove_policy(&mut self, id: i64) -> Result<PolicyDocument> {
        let doc = self.policy(id)?;
        let users: Vec<i64> = self.rows(
            "SELECT id FROM assessments WHERE policy_document_id = ?1 OR standards_document_id = ?1 ORDER BY id",
            [id],
            |r| r.get(0),
        )?;
        if !users.is_empty() {
            return Err(Error::PolicyInUse {
                id,
                assessments: users,
            });
        }
        let before = serde_json::json!({
            "organisation_id": doc.organisation_id, "kind": doc.kind, "source_name": doc.source_name, "title": doc.title,
            "text_sha256": doc.text_sha256, "encoding": doc.encoding, "source_format": doc.source_format,
            "original_sha256": doc.original_sha256, "imported_at": doc.imported_at, "sections": doc.parsed.sections.len(),
        });
        self.write(|t| {
            t.tx.execute("DELETE FROM policy_documents WHERE id = ?1", [id])?;
            t.log(
                "policy.remove",
                "policy_document",
                id,
                Some(&before),
                None::<&()>,
            )
        })?;
        Ok(doc)
    }

    /// Corrects the topic mapping of a stored policy: `section` is the organisation's citation
    /// ("第8条第4号", "6(4)") or its number path ("8.4"); None records that the policy does not
    /// have this topic.
    pub fn correct_topic(
        &mut self,
        policy: i64,
        topic: &str,
        section: Option<&str>,
    ) -> Result<PolicyDocument> {
        let doc = self.policy(policy)?;
        if !crate::checklist::TOPIC_KEYS.contains(&topic) {
            return Err(Error::invalid(
                "topic",
                topic,
                crate::checklist::TOPIC_KEYS.join(", "),
            ));
        }
        let target = match section {
            Some(s) => {
                let n = find_section(&doc.parsed.sections, s.trim()).ok_or_else(|| {
                    Error::invalid(
                        "section",
                        s,
                        format!("ポリシー文書 {policy} にある条項 / a section of policy {policy}"),
                    )
                })?;
                Some((n.number_path.clone(), n.citation.clone()))
            }
            None => None,
        };
        let before = doc.parsed.topics.get(topic).cloned();
        self.write(|t| {
            t.tx.execute(
                "INSERT INTO topic_corrections (organisation_id, text_sha256, topic, number_path_json, citation, corrected_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (organisation_id, text_sha256, topic) DO UPDATE SET
                 number_path_json = excluded.number_path_json, citation = excluded.citation, corrected_at = excluded.corrected_at",
                params![
                    doc.organisation_id,
                    doc.text_sha256,
                    topic,
                    target.as_ref().map(|(p, _)| serde_json::to_string(p)).transpose()?,
                    target.as_ref().map(|(_, c)| c.clone()),
                    t.now
                ],
            )?;
            let after = target.as_ref().map(|(p, c)| serde_json::json!({"number_path": p, "citation": c}));
            t.log("policy.correct_topic", "policy_document", format!("{policy}/{topic}"), before.as_ref(), after.as_ref())
        })?;
        self.policy(policy)
    }

    fn corrections(&self, organisation_id: i64, sha: &str) -> Result<Vec<TopicCorrection>> {
        self.rows(
            "SELECT topic, number_path_json, citation, corrected_at FROM topic_corrections
             WHERE organisation_id = ?1 AND text_sha256 = ?2 ORDER BY topic",
            params![organisation_id, sha],
            |r| {
                let path: Option<String> = r.get(1)?;
                Ok(TopicCorrection {
                    topic: r.get(0)?,
                    number_path: path.and_then(|p| serde_json::from_str(&p).ok()),
                    citation: r.get(2)?,
                    corrected_at: r.get(3)?,
                })
            },
        )
    }

    pub fn policy(&self, id: i64) -> Result<PolicyDocument> {
        self.policies_where("id = ?1", id)?
            .pop()
            .ok_or(Error::UnknownPolicy(id))
    }

    /// The policy documents of an organisation, oldest first.
    pub fn policies(&self, organisation_id: i64) -> Result<Vec<PolicyDocument>> {
        self.policies_where("organisation_id = ?1", organisation_id)
    }

    /// The text of a policy document as imported (decoded to UTF-8; for PDF, DOCX and HTML the
    /// text extracted from the file).
    pub fn policy_text(&self, id: i64) -> Result<String> {
        optional(self.conn().query_row(
            "SELECT raw_text FROM policy_documents WHERE id = ?1",
            [id],
            |r| r.get(0),
        ))?
        .ok_or(Error::UnknownPolicy(id))
    }

    /// The original files of the policy documents: (policy id, sha256, size).
    pub fn policy_originals_recorded(&self) -> Result<Vec<(i64, String, Option<u64>)>> {
        self.rows("SELECT id, original_sha256, original_size FROM policy_documents WHERE original_sha256 IS NOT NULL ORDER BY id", [], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get::<_, Option<i64>>(2)?.map(|s| s as u64),
            ))
        })
    }

    fn policies_where(&self, cond: &str, v: i64) -> Result<Vec<PolicyDocument>> {
        let sql = format!(
            "SELECT id, organisation_id, kind, source_name, title, text_sha256, encoding, imported_at, parsed_json,
                    source_format, original_sha256
             FROM policy_documents WHERE {cond} ORDER BY id"
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt.query_map([v], |r| {
            let parsed: String = r.get(8)?;
            Ok((
                PolicyDocument {
                    id: r.get(0)?,
                    organisation_id: r.get(1)?,
                    kind: r.get(2)?,
                    source_name: r.get(3)?,
                    title: r.get(4)?,
                    text_sha256: r.get(5)?,
                    encoding: r.get(6)?,
                    source_format: r.get(9)?,
                    original_sha256: r.get(10)?,
                    imported_at: r.get(7)?,
                    parsed: ParsedPolicy::default(),
                    corrections: vec![],
                },
                parsed,
            ))
        })?;
        let mut out = vec![];
        for row in rows {
            let (mut doc, parsed) = row?;
            doc.parsed = serde_json::from_str(&parsed)?;
            doc.corrections = self.corrections(doc.organisation_id, &doc.text_sha256)?;
            for c in &doc.corrections {
                match (&c.number_path, &c.citation) {
                    (Some(p), Some(cit)) => {
                        doc.parsed.topics.insert(
                            c.topic.clone(),
                            tenken_policy::TopicRef {
                                number_path: p.clone(),
                                citation: cit.clone(),
                            },
                        );
                    }
                    _ => {
                        doc.parsed.topics.remove(&c.topic);
                    }
                }
            }
            out.push(doc);
        }
        Ok(out)
    }
}
