//! `tenken export`: a whole assessment as one JSON document — everything needed to rebuild
//! its report without the store (organisation, policy, frozen checklist, scope, interviews,
//! answers, findings, remarks, evidence with links, and the previous year's findings).

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::store::{Assessment, Department, Evidence, Finding, Interview, Organisation, Remark, Response, Store};

/// Bumped when the shape changes incompatibly.
pub const EXPORT_FORMAT: u32 = 1;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PolicyRef {
    pub id: i64,
    pub kind: String,
    pub source_name: String,
    pub title: Option<String>,
    pub text_sha256: String,
    pub imported_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AssessmentExport {
    pub format: u32,
    pub organisation: Organisation,
    pub assessment: Assessment,
    pub policy: Option<PolicyRef>,
    pub departments: Vec<Department>,
    pub interviews: Vec<Interview>,
    pub answers: Vec<Response>,
    pub findings: Vec<Finding>,
    pub remarks: Vec<Remark>,
    pub evidence: Vec<Evidence>,
    /// The assessment this one follows (its findings, for 前年度指摘事項の改善状況).
    pub previous: Option<PreviousAssessment>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PreviousAssessment {
    pub id: i64,
    pub title: String,
    pub fiscal_year: i32,
    pub findings: Vec<Finding>,
}

/// Reads everything of one assessment. Deterministic: same store, same output.
pub fn export(store: &Store, assessment: i64) -> Result<AssessmentExport> {
    let a = store.assessment(assessment)?;
    let organisation = store.organisation(&a.organisation_id.to_string())?;
    let policy = match a.policy_document_id {
        Some(p) => {
            let d = store.policy(p)?;
            Some(PolicyRef { id: d.id, kind: d.kind, source_name: d.source_name, title: d.title, text_sha256: d.text_sha256, imported_at: d.imported_at })
        }
        None => None,
    };
    let previous = match a.previous_assessment_id {
        Some(p) => {
            let prev = store.assessment(p)?;
            Some(PreviousAssessment { id: prev.id, title: prev.title, fiscal_year: prev.fiscal_year, findings: store.findings(p)? })
        }
        None => None,
    };
    Ok(AssessmentExport {
        format: EXPORT_FORMAT,
        organisation,
        departments: store.departments(assessment)?,
        interviews: store.interviews(assessment)?,
        answers: store.answers(assessment, None)?,
        findings: store.findings(assessment)?,
        remarks: store.remarks(assessment)?,
        evidence: store.evidence_list(assessment)?,
        assessment: a,
        policy,
        previous,
    })
}
