//! `verify-report`: is this PDF, as a document, the one tenken wrote (and, if final, the one
//! recorded), is it a report of this assessment, and do the records still say what it says?

use serde::Serialize;
use tenken_core::export::{export, AssessmentExport};
use tenken_core::{Error, Lang, Store};

use crate::stamp::{assessment_key, Stamp};
use crate::{data_of, describe, diff, Change, Doc};

/// The outcome, in the order checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Document intact, same assessment, records unchanged.
    Match,
    /// The PDF's content is not what tenken wrote (or not the recorded final version).
    DocumentAltered,
    /// The report is of another assessment than the one it is checked against.
    DifferentAssessment,
    /// The records changed after the report was made.
    RecordsChanged,
}

/// Why a document counts as altered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Altered {
    /// Its content does not hash to the digest written in it.
    Digest,
    /// It carries no document digest.
    NoDigest,
    /// It says it is a final version that was never recorded.
    VersionNotRecorded,
    /// It is not the document recorded for its version.
    NotTheRecordedDocument,
}

#[derive(Debug, Clone, Serialize)]
pub struct Verification {
    pub status: Status,
    #[serde(rename = "match")]
    pub matches: bool,
    /// The assessment checked against.
    pub assessment: i64,
    /// The assessment the report says it is of.
    pub report_assessment: Option<i64>,
    /// The department of a notice.
    pub department: Option<String>,
    /// The final version (None: a draft).
    pub version: Option<i64>,
    pub issued_at: Option<String>,
    pub issued_by: Option<String>,
    pub altered: Option<Altered>,
    pub report_fingerprint: String,
    pub current_fingerprint: Option<String>,
    pub document_digest: String,
    #[serde(skip)]
    pub changes: Vec<Change>,
}

impl Verification {
    /// The changes said in `lang`.
    pub fn described(&self, lang: Lang) -> Vec<String> {
        self.changes.iter().map(|c| describe(c, lang)).collect()
    }
}

/// Reads the stamp and computes the document digest; None if the file is no tenken report.
pub fn read(pdf: &[u8]) -> Option<(Stamp, String)> {
    let (k, digest) = crate::pdf::read_keywords_and_digest(pdf)?;
    Some((Stamp::parse(&k)?, digest))
}

/// Checks a report PDF (already read: its stamp and document digest) against the store.
/// `assessment`: the one to check against (default: the one the report names).
pub fn verify(
    store: &Store,
    stamp: &Stamp,
    digest: &str,
    assessment: Option<i64>,
) -> Result<Verification, Error> {
    let id = match (assessment, stamp.assessment_id) {
        (Some(a), _) | (None, Some(a)) => a,
        (None, None) => return Err(Error::invalid("ASSESSMENT", "", "id")),
    };
    let mut v = Verification {
        status: Status::Match,
        matches: false,
        assessment: id,
        report_assessment: stamp.assessment_id,
        department: stamp.department.clone(),
        version: stamp.version,
        issued_at: None,
        issued_by: None,
        altered: None,
        report_fingerprint: stamp.fingerprint.clone(),
        current_fingerprint: None,
        document_digest: digest.to_string(),
        changes: vec![],
    };
    // 1. The document: the digest written in it, and for a final the one recorded.
    v.altered = match &stamp.document {
        None => Some(Altered::NoDigest),
        Some(d) if d != digest => Some(Altered::Digest),
        Some(_) => None,
    };
    if let (None, Some(version), Some(report_id)) = (v.altered, stamp.version, stamp.assessment_id)
    {
        let recorded = match store.report_issue(report_id, stamp.department.as_deref(), version) {
            Ok(r) => r,
            Err(Error::UnknownAssessment(_)) | Err(Error::UnknownDepartment { .. }) => None,
            Err(e) => return Err(e),
        };
        match recorded {
            None => v.altered = Some(Altered::VersionNotRecorded),
            Some(r) if r.document_sha256 != digest || r.fingerprint != stamp.fingerprint => {
                v.altered = Some(Altered::NotTheRecordedDocument)
            }
            Some(r) => {
                v.issued_at = Some(r.issued_at);
                v.issued_by = Some(r.issued_by);
            }
        }
    }
    if v.altered.is_some() {
        v.status = Status::DocumentAltered;
        return Ok(v);
    }
    // 2. The assessment: the one named, and the same one (organisation, id, creation).
    if stamp.assessment_id.is_some_and(|r| r != id) {
        v.status = Status::DifferentAssessment;
        return Ok(v);
    }
    let current: AssessmentExport = match export(store, id) {
        Ok(e) => e,
        Err(Error::UnknownAssessment(_)) => {
            v.status = Status::DifferentAssessment;
            return Ok(v);
        }
        Err(e) => return Err(e),
    };
    if stamp
        .assessment_key
        .as_ref()
        .is_some_and(|k| *k != assessment_key(&current))
    {
        v.status = Status::DifferentAssessment;
        return Ok(v);
    }
    // 3. The records (for a notice: narrowed to its department, as it was made).
    let doc = match &stamp.department {
        Some(d) => Doc::Notice(d.clone()),
        None => Doc::Committee,
    };
    let data = match data_of(&current, &doc) {
        Ok(d) => d,
        Err(_) => {
            // The department is no longer in scope: the records changed.
            v.status = Status::RecordsChanged;
            v.changes = vec![Change::Section("departments".into())];
            return Ok(v);
        }
    };
    v.current_fingerprint = Some(crate::fingerprint(&data));
    v.changes = diff(stamp, &data);
    v.status = if v.changes.is_empty() {
        Status::Match
    } else {
        Status::RecordsChanged
    };
    v.matches = v.status == Status::Match;
    Ok(v)
}
