//! Policy documents: the organisation's own 基本方針 / 対策基準 as imported, with the parsed
//! section tree (see the `tenken-policy` crate).

use rusqlite::params;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

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
    pub imported_at: String,
    pub parsed: ParsedPolicy,
}

impl Store {
    /// Decodes, parses and stores a policy text for an organisation.
    pub fn import_policy(&mut self, organisation: &str, source_name: &str, bytes: &[u8]) -> Result<PolicyDocument> {
        let org = self.organisation(organisation)?;
        let parsed = tenken_policy::parse_bytes(bytes)
            .map_err(|e| Error::PolicyUnreadable { file: source_name.to_string(), reason: e.to_string() })?;
        let text = tenken_policy::decode(bytes)
            .map_err(|e| Error::PolicyUnreadable { file: source_name.to_string(), reason: e.to_string() })?;
        let sha = format!("{:x}", Sha256::digest(text.as_bytes()));
        let kind = if parsed.kind == "standards" { "standards" } else { "basic_policy" };
        let id = self.write(|t| {
            t.tx.execute(
                "INSERT INTO policy_documents (organisation_id, kind, source_name, title, raw_text, text_sha256, encoding, parsed_json, imported_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![org.id, kind, source_name, parsed.title, text, sha, parsed.encoding, serde_json::to_string(&parsed)?, t.now],
            )?;
            let id = t.tx.last_insert_rowid();
            let logged = serde_json::json!({"source_name": source_name, "kind": kind, "sha256": sha, "sections": parsed.sections.len()});
            t.log("policy.import", "policy_document", id, None::<&()>, Some(&logged))?;
            Ok(id)
        })?;
        self.policy(id)
    }

    pub fn policy(&self, id: i64) -> Result<PolicyDocument> {
        self.policies_where("id = ?1", id)?.pop().ok_or(Error::UnknownPolicy(id))
    }

    /// The policy documents of an organisation, oldest first.
    pub fn policies(&self, organisation_id: i64) -> Result<Vec<PolicyDocument>> {
        self.policies_where("organisation_id = ?1", organisation_id)
    }

    /// The raw text of a policy document as imported (decoded to UTF-8).
    pub fn policy_text(&self, id: i64) -> Result<String> {
        optional(self.conn().query_row("SELECT raw_text FROM policy_documents WHERE id = ?1", [id], |r| r.get(0)))?
            .ok_or(Error::UnknownPolicy(id))
    }

    fn policies_where(&self, cond: &str, v: i64) -> Result<Vec<PolicyDocument>> {
        let sql = format!(
            "SELECT id, organisation_id, kind, source_name, title, text_sha256, encoding, imported_at, parsed_json
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
                    imported_at: r.get(7)?,
                    parsed: ParsedPolicy::default(),
                },
                parsed,
            ))
        })?;
        let mut out = vec![];
        for row in rows {
            let (mut doc, parsed) = row?;
            doc.parsed = serde_json::from_str(&parsed)?;
            out.push(doc);
        }
        Ok(out)
    }
}
