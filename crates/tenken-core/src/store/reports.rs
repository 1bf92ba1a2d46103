//! Final reports issued: a version number per assessment (the committee report) or per
//! department (its notice), with when, who, the data fingerprint and the PDF's document digest,
//! so that `verify-report` can name the version and tell a re-stamped forgery.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::Store;
use crate::error::{Error, Result};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReportIssue {
    pub id: i64,
    pub assessment_id: i64,
    /// The department of a notice; None for the committee report.
    pub department: Option<String>,
    /// 第N版.
    pub version: i64,
    /// "pdf".
    pub format: String,
    pub language: String,
    pub fingerprint: String,
    pub document_sha256: String,
    pub issued_at: String,
    pub issued_by: String,
}

/// A final report to record (its version must be [`Store::next_report_version`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReportIssue {
    pub assessment_id: i64,
    pub department: Option<String>,
    pub version: i64,
    pub format: String,
    pub language: String,
    pub fingerprint: String,
    pub document_sha256: String,
}

const SELECT: &str =
    "SELECT id, assessment_id, department, version, format, language, fingerprint, document_sha256, issued_at, issued_by FROM report_issues";

fn row(r: &rusqlite::Row) -> rusqlite::Result<ReportIssue> {
    let d: String = r.get(2)?;
    Ok(ReportIssue {
        id: r.get(0)?,
        assessment_id: r.get(1)?,
        department: (!d.is_empty()).then_some(d),
        version: r.get(3)?,
        format: r.get(4)?,
        language: r.get(5)?,
        fingerprint: r.get(6)?,
        document_sha256: r.get(7)?,
        issued_at: r.get(8)?,
        issued_by: r.get(9)?,
    })
}

fn hex64(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

impl Store {
    /// The version the next final report (of the assessment, or of one department's notice) gets.
    pub fn next_report_version(&self, assessment: i64, department: Option<&str>) -> Result<i64> {
        self.assessment(assessment)?;
        let n: i64 = self.conn().query_row(
            "SELECT coalesce(max(version), 0) FROM report_issues WHERE assessment_id = ?1 AND department = ?2",
            params![assessment, department.unwrap_or("")],
            |r| r.get(0),
        )?;
        Ok(n + 1)
    }

    /// Records a final report. Refused if its version is not the next one (another issue came
    /// first) or the digests are not SHA-256 hex.
    pub fn record_report(&mut self, r: &NewReportIssue) -> Result<ReportIssue> {
        if let Some(d) = &r.department {
            self.department(r.assessment_id, d)?;
        }
        if !hex64(&r.fingerprint) || !hex64(&r.document_sha256) {
            return Err(Error::invalid(
                "fingerprint",
                &r.fingerprint,
                "SHA-256 (64 hex digits)",
            ));
        }
        let next = self.next_report_version(r.assessment_id, r.department.as_deref())?;
        if r.version != next {
            return Err(Error::invalid("version", r.version, format!("{next}")));
        }
        self.write(|t| {
            t.tx.execute(
                "INSERT INTO report_issues (assessment_id, department, version, format, language, fingerprint, document_sha256, issued_at, issued_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![r.assessment_id, r.department.as_deref().unwrap_or(""), r.version, r.format, r.language, r.fingerprint, r.document_sha256, t.now, t.actor],
            )?;
            let id = t.tx.last_insert_rowid();
            let issue = ReportIssue {
                id,
                assessment_id: r.assessment_id,
                department: r.department.clone(),
                version: r.version,
                format: r.format.clone(),
                language: r.language.clone(),
                fingerprint: r.fingerprint.clone(),
                document_sha256: r.document_sha256.clone(),
                issued_at: t.now.clone(),
                issued_by: t.actor.to_string(),
            };
            t.log("report.issue", "report_issue", id, None::<&()>, Some(&issue))?;
            Ok(issue)
        })
    }

    /// The final reports of an assessment, committee report first, then by department and version.
    pub fn report_issues(&self, assessment: i64) -> Result<Vec<ReportIssue>> {
        self.rows(
            &format!("{SELECT} WHERE assessment_id = ?1 ORDER BY department, version"),
            [assessment],
            row,
        )
    }

    /// One recorded final report, if any.
    pub fn report_issue(
        &self,
        assessment: i64,
        department: Option<&str>,
        version: i64,
    ) -> Result<Option<ReportIssue>> {
        Ok(self
            .conn()
            .query_row(
                &format!("{SELECT} WHERE assessment_id = ?1 AND department = ?2 AND version = ?3"),
                params![assessment, department.unwrap_or(""), version],
                row,
            )
            .optional()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{fill, Size};

    #[test]
    fn versions_count_up_per_assessment_and_per_department_and_a_stale_version_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("data")).unwrap();
        let demo = fill(&mut store, Size::Small).unwrap();
        let a = demo.assessment_id;
        let new = |v: i64, d: Option<&str>| NewReportIssue {
            assessment_id: a,
            department: d.map(String::from),
            version: v,
            format: "pdf".into(),
            language: "ja".into(),
            fingerprint: "a".repeat(64),
            document_sha256: "b".repeat(64),
        };
        assert_eq!(store.next_report_version(a, None).unwrap(), 1);
        store.record_report(&new(1, None)).unwrap();
        assert_eq!(store.next_report_version(a, None).unwrap(), 2);
        assert_eq!(store.next_report_version(a, Some("総務課")).unwrap(), 1);
        let before = store.audit_log(None).unwrap().len();
        assert!(
            store.record_report(&new(1, None)).is_err(),
            "version 1 again"
        );
        assert!(
            store.record_report(&new(3, None)).is_err(),
            "version 3 skips 2"
        );
        assert!(store.record_report(&new(1, Some("存在しない課"))).is_err());
        assert_eq!(
            store.audit_log(None).unwrap().len(),
            before,
            "nothing written on refusal"
        );
        store.record_report(&new(1, Some("総務課"))).unwrap();
        let list = store.report_issues(a).unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].department, None);
        assert_eq!(list[1].department.as_deref(), Some("総務課"));
        assert!(store.report_issue(a, None, 1).unwrap().is_some());
        assert!(store.report_issue(a, None, 2).unwrap().is_none());
    }
}
