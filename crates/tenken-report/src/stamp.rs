//! The report's fingerprint: SHA-256 of a canonical serialization of the exact data the report
//! is made from (the export minus volatile bookkeeping fields, keys sorted), plus short digests
//! of each part, so that `verify-report` can say what changed without the old data.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde_json::Value;
use sha2::{Digest, Sha256};
use tenken_core::export::AssessmentExport;

/// Fields that record when something was written, not what the report shows.
const VOLATILE: [&str; 4] = ["created_at", "updated_at", "recorded_at", "imported_at"];

/// Canonical JSON: keys sorted (whatever serde_json's map order is), volatile keys dropped,
/// no whitespace.
fn canonical(v: &Value, out: &mut String) {
    match v {
        Value::Object(map) => {
            let sorted: BTreeMap<&String, &Value> = map
                .iter()
                .filter(|(k, _)| !VOLATILE.contains(&k.as_str()))
                .collect();
            out.push('{');
            for (i, (k, v)) in sorted.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                canonical(v, out);
            }
            out.push('}');
        }
        Value::Array(xs) => {
            out.push('[');
            for (i, x) in xs.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(x, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

fn hash_value(v: &Value) -> String {
    let mut s = String::new();
    canonical(v, &mut s);
    hex(&Sha256::digest(s.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

fn to_value<T: serde::Serialize>(x: &T) -> Value {
    serde_json::to_value(x).unwrap_or(Value::Null)
}

/// SHA-256 (hex) of the canonical data of an export.
pub fn fingerprint(export: &AssessmentExport) -> String {
    hash_value(&to_value(export))
}

/// The parts of the data, in report order, with their keys in the PDF metadata.
pub const SECTIONS: [&str; 10] = [
    "assessment",
    "summary",
    "checklist",
    "departments",
    "interviews",
    "answers",
    "findings",
    "remarks",
    "evidence",
    "previous",
];

const SHORT: usize = 12;
const TINY: usize = 8;

/// The fingerprint and the digests of the parts, as carried in a PDF's metadata.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Stamp {
    pub fingerprint: String,
    pub sections: BTreeMap<String, String>,
    /// Per finding (by number).
    pub findings: BTreeMap<i64, String>,
    /// Answers per department (by name).
    pub answers: BTreeMap<String, String>,
    /// The assessment's id in the store the report was made from.
    pub assessment_id: Option<i64>,
    /// Who the assessment is: its organisation, id and creation time, hashed (tells a
    /// different assessment with the same id, e.g. in another store, from changed records).
    pub assessment_key: Option<String>,
    /// The department of a notice (None: the committee report).
    pub department: Option<String>,
    /// The final version (None: a draft).
    pub version: Option<i64>,
    /// The document digest written beside the stamp (see [`crate::pdf::document_digest`]).
    pub document: Option<String>,
}

/// The identity of an assessment: organisation id and name, assessment id and creation time.
pub fn assessment_key(e: &AssessmentExport) -> String {
    let s = format!(
        "{}\u{1f}{}\u{1f}{}\u{1f}{}",
        e.organisation.id, e.organisation.name, e.assessment.id, e.assessment.created_at
    );
    hex(&Sha256::digest(s.as_bytes()))[..16].to_string()
}

fn esc(n: &str) -> String {
    n.replace('%', "%25")
        .replace('=', "%3D")
        .replace(',', "%2C")
        .replace(';', "%3B")
}
fn unesc(n: &str) -> String {
    n.replace("%3B", ";")
        .replace("%2C", ",")
        .replace("%3D", "=")
        .replace("%25", "%")
}

impl Stamp {
    pub fn of(e: &AssessmentExport) -> Stamp {
        let mut assessment = to_value(&e.assessment);
        if let Value::Object(m) = &mut assessment {
            m.remove("checklist");
            m.remove("summary");
        }
        let meta = serde_json::json!({ "format": e.format, "organisation": to_value(&e.organisation), "assessment": assessment, "policy": to_value(&e.policy) });
        let short = |v: &Value, n: usize| hash_value(v)[..n].to_string();
        let mut sections = BTreeMap::new();
        let parts: [(&str, Value); 10] = [
            ("assessment", meta),
            ("summary", Value::String(e.assessment.summary.clone())),
            ("checklist", to_value(&e.assessment.checklist)),
            ("departments", to_value(&e.departments)),
            ("interviews", to_value(&e.interviews)),
            ("answers", to_value(&e.answers)),
            ("findings", to_value(&e.findings)),
            ("remarks", to_value(&e.remarks)),
            ("evidence", to_value(&e.evidence)),
            ("previous", to_value(&e.previous)),
        ];
        for (k, v) in parts {
            sections.insert(k.to_string(), short(&v, SHORT));
        }
        let findings = e
            .findings
            .iter()
            .map(|f| (f.number, short(&to_value(f), TINY)))
            .collect();
        let mut by_dept: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        for d in &e.departments {
            by_dept.entry(d.name.clone()).or_default();
        }
        for a in &e.answers {
            by_dept
                .entry(a.department.clone())
                .or_default()
                .push(to_value(a));
        }
        let answers = by_dept
            .into_iter()
            .map(|(k, v)| (k, short(&Value::Array(v), TINY)))
            .collect();
        Stamp {
            fingerprint: fingerprint(e),
            sections,
            findings,
            answers,
            assessment_id: Some(e.assessment.id),
            assessment_key: Some(assessment_key(e)),
            department: None,
            version: None,
            document: None,
        }
    }

    /// The PDF Keywords text: `tenken-fingerprint:<hex>; assessment:<hex>; …`.
    pub fn keywords(&self) -> String {
        let mut s = format!("tenken-fingerprint:{}; tenken-stamp:1", self.fingerprint);
        if let Some(id) = self.assessment_id {
            let _ = write!(s, "; assessment-id:{id}");
        }
        if let Some(k) = &self.assessment_key {
            let _ = write!(s, "; assessment-key:{k}");
        }
        match self.version {
            Some(v) => {
                let _ = write!(s, "; version:{v}");
            }
            None => s.push_str("; version:draft"),
        }
        if let Some(d) = &self.department {
            let _ = write!(s, "; department:{}", esc(d));
        }
        for k in SECTIONS {
            if let Some(v) = self.sections.get(k) {
                let _ = write!(s, "; {k}:{v}");
            }
        }
        s.push_str("; finding-each:");
        s.push_str(
            &self
                .findings
                .iter()
                .map(|(n, h)| format!("{n}={h}"))
                .collect::<Vec<_>>()
                .join(","),
        );
        s.push_str("; answers-by-department:");
        // Department names never contain '=' ',' or ';' in practice; escape them anyway.
        s.push_str(
            &self
                .answers
                .iter()
                .map(|(n, h)| format!("{}={h}", esc(n)))
                .collect::<Vec<_>>()
                .join(","),
        );
        s
    }

    /// Reads a Keywords text written by [`Stamp::keywords`].
    pub fn parse(keywords: &str) -> Option<Stamp> {
        let mut st = Stamp::default();
        for part in keywords.split(';') {
            let part = part.trim();
            let Some((k, v)) = part.split_once(':') else {
                continue;
            };
            match k {
                "tenken-fingerprint" => st.fingerprint = v.to_string(),
                "assessment-id" => st.assessment_id = v.parse().ok(),
                "assessment-key" => st.assessment_key = Some(v.to_string()),
                "version" => st.version = v.parse().ok(),
                "department" => st.department = Some(unesc(v)),
                crate::pdf::DOCUMENT_KEY => st.document = Some(v.to_string()),
                "finding-each" => {
                    for kv in v.split(',').filter(|x| !x.is_empty()) {
                        let (n, h) = kv.split_once('=')?;
                        st.findings.insert(n.parse().ok()?, h.to_string());
                    }
                }
                "answers-by-department" => {
                    for kv in v.split(',').filter(|x| !x.is_empty()) {
                        let (n, h) = kv.rsplit_once('=')?;
                        st.answers.insert(unesc(n), h.to_string());
                    }
                }
                k if SECTIONS.contains(&k) => {
                    st.sections.insert(k.to_string(), v.to_string());
                }
                _ => {}
            }
        }
        (st.fingerprint.len() == 64 && st.fingerprint.bytes().all(|b| b.is_ascii_hexdigit()))
            .then_some(st)
    }
}

/// One difference between the data a report was made from and the data now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A part of the data changed (one of [`SECTIONS`]).
    Section(String),
    FindingChanged(i64),
    FindingAdded(i64),
    FindingRemoved(i64),
    /// The answers of one department changed (or it was added or removed).
    AnswersChanged(String),
}

/// What changed between the data a report was made from (its stamp) and `current`.
/// Empty when the fingerprints match.
pub fn diff(old: &Stamp, current: &AssessmentExport) -> Vec<Change> {
    let new = Stamp::of(current);
    if new.fingerprint == old.fingerprint {
        return vec![];
    }
    let mut out = vec![];
    for k in SECTIONS {
        if old.sections.get(k) != new.sections.get(k) {
            out.push(Change::Section(k.to_string()));
        }
    }
    for (n, h) in &new.findings {
        match old.findings.get(n) {
            None => out.push(Change::FindingAdded(*n)),
            Some(o) if o != h => out.push(Change::FindingChanged(*n)),
            _ => {}
        }
    }
    for n in old.findings.keys() {
        if !new.findings.contains_key(n) {
            out.push(Change::FindingRemoved(*n));
        }
    }
    let depts: std::collections::BTreeSet<&String> =
        old.answers.keys().chain(new.answers.keys()).collect();
    for d in depts {
        if old.answers.get(d) != new.answers.get(d) {
            out.push(Change::AnswersChanged(d.clone()));
        }
    }
    if out.is_empty() {
        // Something outside the parts (e.g. the export format) differs.
        out.push(Change::Section("assessment".into()));
    }
    out
}
