//! `tenken export`: a whole assessment as one JSON document — everything needed to rebuild
//! its report without the store (organisation, policy, frozen checklist, scope, interviews,
//! answers, findings, remarks, evidence with links, and the previous year's findings).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::store::{
    Assessment, Department, Evidence, Finding, Interview, Organisation, Remark, Response, Store,
};

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
    /// Scope per department: the items each department is not asked (absent = every item
    /// applies). Their answers, if any were stored, are left out of `answers`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub out_of_scope: BTreeMap<String, BTreeSet<String>>,
}

impl AssessmentExport {
    /// Whether `item` is asked of `department` (scope per department).
    pub fn in_scope(&self, department: &str, item: &str) -> bool {
        self.out_of_scope
            .get(department)
            .is_none_or(|items| !items.contains(item))
    }
}

/// Department name → the item ids out of its scope (only departments with any).
fn out_of_scope(
    store: &Store,
    a: &crate::store::Assessment,
    departments: &[Department],
) -> Result<BTreeMap<String, BTreeSet<String>>> {
    let m = store.scope_map(a.id)?;
    let mut out = BTreeMap::new();
    for d in departments {
        let items: BTreeSet<String> = a
            .checklist
            .items
            .iter()
            .filter(|i| !m.applies(d.id, i))
            .map(|i| i.id.clone())
            .collect();
        if !items.is_empty() {
            out.insert(d.name.clone(), items);
        }
    }
    Ok(out)
}

fn scoped(answers: Vec<Response>, out: &BTreeMap<String, BTreeSet<String>>) -> Vec<Response> {
    answers
        .into_iter()
        .filter(|r| {
            out.get(&r.department)
                .is_none_or(|s| !s.contains(&r.item_id))
        })
        .collect()
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PreviousAssessment {
    pub id: i64,
    pub title: String,
    pub fiscal_year: i32,
    pub findings: Vec<Finding>,
    /// Its checklist's item ids (the year comparison matches items by id).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
    /// Its scope and answers (for the year comparison).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<Department>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<Response>,
    /// Its scope per department (department → items not asked), as in `out_of_scope`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub out_of_scope: BTreeMap<String, BTreeSet<String>>,
    /// Its rating scale (None in exports made before the comparison existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<crate::ScaleKind>,
}

/// Reads everything of one assessment. Deterministic: same store, same output.
pub fn export(store: &Store, assessment: i64) -> Result<AssessmentExport> {
    let a = store.assessment(assessment)?;
    let organisation = store.organisation(&a.organisation_id.to_string())?;
    let policy = match a.policy_document_id {
        Some(p) => {
            let d = store.policy(p)?;
            Some(PolicyRef {
                id: d.id,
                kind: d.kind,
                source_name: d.source_name,
                title: d.title,
                text_sha256: d.text_sha256,
                imported_at: d.imported_at,
            })
        }
        None => None,
    };
    let previous = match a.previous_assessment_id {
        Some(p) => {
            let prev = store.assessment(p)?;
            let prev_departments = store.departments(p)?;
            let prev_out = out_of_scope(store, &prev, &prev_departments)?;
            Some(PreviousAssessment {
                id: prev.id,
                items: prev.checklist.items.iter().map(|i| i.id.clone()).collect(),
                scale: Some(prev.scale),
                title: prev.title,
                fiscal_year: prev.fiscal_year,
                findings: store.findings(p)?,
                answers: scoped(store.answers(p, None)?, &prev_out),
                departments: prev_departments,
                out_of_scope: prev_out,
            })
        }
        None => None,
    };
    let departments = store.departments(assessment)?;
    let out_of_scope = out_of_scope(store, &a, &departments)?;
    Ok(AssessmentExport {
        format: EXPORT_FORMAT,
        organisation,
        departments,
        interviews: store.interviews(assessment)?,
        answers: scoped(store.answers(assessment, None)?, &out_of_scope),
        out_of_scope,
        findings: store.findings(assessment)?,
        remarks: store.remarks(assessment)?,
        evidence: store.evidence_list(assessment)?,
        assessment: a,
        policy,
        previous,
    })
}

/// Checks an export file as strictly as the store checks what it stores, so that a report
/// made `--from-export` shows nothing the store would have refused: the format, every
/// department, item, rating, classification, date, finding number and evidence link. The
/// error names the field and the record (`answers[3].rating`, department, item).
pub fn validate(e: &AssessmentExport) -> Result<()> {
    use std::collections::{HashMap, HashSet};

    use crate::calendar::{check_date, DateRule};
    use crate::error::Error;
    use crate::store::EvidenceLink;

    let a = &e.assessment;
    let fy = a.fiscal_year;
    if e.format != EXPORT_FORMAT {
        return Err(Error::invalid("format", e.format, EXPORT_FORMAT));
    }
    if a.checklist.items.is_empty() {
        return Err(Error::invalid(
            "assessment.checklist.items",
            "[]",
            "凍結されたチェックリストの項目 / the frozen checklist's items",
        ));
    }
    let items: HashSet<&str> = a.checklist.items.iter().map(|i| i.id.as_str()).collect();
    let mut depts = HashSet::new();
    for (k, d) in e.departments.iter().enumerate() {
        if d.name.trim().is_empty() || !depts.insert(d.name.as_str()) {
            return Err(Error::invalid(
                &format!("departments[{k}].name"),
                &d.name,
                "空でない、重複しない部署名 / a department name, non-empty and not repeated",
            ));
        }
    }
    let dept = |field: String, name: &str| -> Result<()> {
        if depts.contains(name) {
            Ok(())
        } else {
            Err(Error::invalid(
                &field,
                name,
                format!(
                    "対象部署のいずれか / one of the departments in scope ({})",
                    e.departments.len()
                ),
            ))
        }
    };
    let item = |field: String, id: &str| -> Result<()> {
        if items.contains(id) {
            Ok(())
        } else {
            Err(Error::invalid(
                &field,
                id,
                "凍結されたチェックリストの項目 ID / an item id of the frozen checklist",
            ))
        }
    };
    for (field, d) in [
        ("assessment.period_start", a.period_start),
        ("assessment.period_end", a.period_end),
    ] {
        if let Some(d) = d {
            check_date(field, d, fy, DateRule::Fieldwork)?;
        }
    }
    if let (Some(s), Some(t)) = (a.period_start, a.period_end) {
        if s > t {
            return Err(Error::invalid(
                "assessment.period_end",
                t,
                format!("{s} 以降 / on or after {s}"),
            ));
        }
    }
    for (d, out) in &e.out_of_scope {
        dept(format!("out_of_scope.{d}"), d)?;
        for i in out {
            item(format!("out_of_scope.{d}"), i)?;
        }
    }
    for (k, i) in e.interviews.iter().enumerate() {
        dept(format!("interviews[{k}].department"), &i.department)?;
        check_date(
            &format!("interviews[{k}].held_on"),
            i.held_on,
            fy,
            DateRule::Fieldwork,
        )?;
    }
    let mut answered = HashSet::new();
    for (k, r) in e.answers.iter().enumerate() {
        dept(format!("answers[{k}].department"), &r.department)?;
        item(format!("answers[{k}].item_id"), &r.item_id)?;
        if !e.in_scope(&r.department, &r.item_id) {
            return Err(Error::OutOfScope {
                department: r.department.clone(),
                item: r.item_id.clone(),
            });
        }
        if !answered.insert((r.department.as_str(), r.item_id.as_str())) {
            return Err(Error::invalid(
                &format!("answers[{k}]"),
                format!("{} {}", r.department, r.item_id),
                "部署・項目ごとに1件 / one answer per department and item",
            ));
        }
        if let Some(rating) = &r.rating {
            if !a.scale.ratings().iter().any(|x| x.key == rating) {
                return Err(Error::RatingNotInScale {
                    rating: rating.clone(),
                    scale: a.scale.key().to_string(),
                    choices: a
                        .scale
                        .ratings()
                        .iter()
                        .map(|x| x.key)
                        .collect::<Vec<_>>()
                        .join(", "),
                    item: r.item_id.clone(),
                    department: r.department.clone(),
                });
            }
        }
    }
    let check_class = |c: &str, scheme: crate::ClassificationScheme| -> Result<()> {
        if scheme.classes().contains(&c) {
            Ok(())
        } else {
            Err(Error::UnknownClassification {
                value: c.to_string(),
                scheme: scheme.key().to_string(),
                choices: scheme.choices_text(crate::Lang::Ja),
            })
        }
    };
    let mut numbers: HashMap<i64, i64> = HashMap::new();
    for (k, f) in e.findings.iter().enumerate() {
        dept(format!("findings[{k}].department"), &f.department)?;
        if let Some(i) = &f.item_id {
            item(format!("findings[{k}].item_id"), i)?;
        }
        check_class(&f.classification, a.classification)?;
        if f.number < 1 || numbers.insert(f.number, f.id).is_some() {
            return Err(Error::invalid(
                &format!("findings[{k}].number"),
                f.number,
                "1 以上で重複しない番号 / a number from 1, not repeated",
            ));
        }
        if f.fact.trim().is_empty() {
            return Err(Error::invalid(
                &format!("findings[{k}].fact"),
                &f.fact,
                "事実（空でない文） / the fact observed",
            ));
        }
        if let Some(d) = f.due_date {
            check_date(&format!("findings[{k}].due_date"), d, fy, DateRule::Due)?;
        }
        if let Some(p) = f.follows_up {
            if !e
                .previous
                .as_ref()
                .is_some_and(|prev| prev.findings.iter().any(|x| x.id == p))
            {
                return Err(Error::invalid(
                    &format!("findings[{k}].follows_up"),
                    p,
                    "前年度の指摘事項の ID / the id of a previous-year finding",
                ));
            }
        }
    }
    for (k, r) in e.remarks.iter().enumerate() {
        if let Some(d) = &r.department {
            dept(format!("remarks[{k}].department"), d)?;
        }
    }
    for (k, ev) in e.evidence.iter().enumerate() {
        if let Some(h) = &ev.sha256 {
            if h.len() != 64 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(Error::invalid(
                    &format!("evidence[{k}].sha256"),
                    h,
                    "SHA-256 (64 hex digits)",
                ));
            }
        }
        for (j, l) in ev.links.iter().enumerate() {
            match l {
                EvidenceLink::Response {
                    department,
                    item_id,
                } => {
                    dept(format!("evidence[{k}].links[{j}].department"), department)?;
                    item(format!("evidence[{k}].links[{j}].item_id"), item_id)?;
                }
                EvidenceLink::Finding { finding_id, number } => {
                    if numbers.get(number) != Some(finding_id) {
                        return Err(Error::invalid(
                            &format!("evidence[{k}].links[{j}]"),
                            format!("{finding_id}/{number}"),
                            "この監査の指摘事項 / a finding of this assessment",
                        ));
                    }
                }
            }
        }
    }
    // The text limits and control characters the store enforces on input (text.rs).
    {
        use crate::text::{clean, Limit};
        let mut texts: Vec<(String, &str, Limit)> = vec![
            (
                "organisation.name".into(),
                e.organisation.name.as_str(),
                Limit::NAME,
            ),
            ("assessment.title".into(), a.title.as_str(), Limit::LINE),
            ("assessment.summary".into(), a.summary.as_str(), Limit::LONG),
        ];
        if let Some(x) = &e.organisation.addressee {
            texts.push(("organisation.addressee".into(), x, Limit::NAME));
        }
        for (k, x) in a.auditors.iter().enumerate() {
            texts.push((format!("assessment.auditors[{k}]"), x, Limit::NAME));
        }
        for (k, d) in e.departments.iter().enumerate() {
            texts.push((format!("departments[{k}].name"), &d.name, Limit::NAME));
        }
        for (k, i) in e.interviews.iter().enumerate() {
            texts.push((format!("interviews[{k}].place"), &i.place, Limit::LINE));
            texts.push((
                format!("interviews[{k}].attendees"),
                &i.attendees,
                Limit::LINE,
            ));
            texts.push((format!("interviews[{k}].auditor"), &i.auditor, Limit::NAME));
            texts.push((format!("interviews[{k}].notes"), &i.notes, Limit::LONG));
        }
        for (k, r) in e.answers.iter().enumerate() {
            texts.push((
                format!("answers[{k}].note ({} {})", r.department, r.item_id),
                &r.note,
                Limit::NOTE,
            ));
        }
        for (k, f) in e.findings.iter().enumerate() {
            texts.push((
                format!("findings[{k}].cited_clause"),
                &f.cited_clause,
                Limit::LINE,
            ));
            texts.push((format!("findings[{k}].fact"), &f.fact, Limit::NOTE));
            texts.push((format!("findings[{k}].risk"), &f.risk, Limit::NOTE));
            texts.push((
                format!("findings[{k}].recommendation"),
                &f.recommendation,
                Limit::NOTE,
            ));
            texts.push((format!("findings[{k}].owner"), &f.owner, Limit::NAME));
        }
        for (k, r) in e.remarks.iter().enumerate() {
            texts.push((format!("remarks[{k}].text"), &r.text, Limit::NOTE));
        }
        for (k, ev) in e.evidence.iter().enumerate() {
            texts.push((format!("evidence[{k}].title"), &ev.title, Limit::NAME));
            texts.push((format!("evidence[{k}].location"), &ev.location, Limit::LINE));
            texts.push((
                format!("evidence[{k}].description"),
                &ev.description,
                Limit::NOTE,
            ));
        }
        for (field, value, limit) in texts {
            clean(&field, value, limit)?;
        }
    }
    if let Some(p) = &e.previous {
        for (k, f) in p.findings.iter().enumerate() {
            if f.fact.trim().is_empty() {
                return Err(Error::invalid(
                    &format!("previous.findings[{k}].fact"),
                    &f.fact,
                    "事実（空でない文） / the fact observed",
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{fill, Size};
    use crate::error::Error;

    fn demo() -> AssessmentExport {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("data")).unwrap();
        let d = fill(&mut store, Size::Small).unwrap();
        export(&store, d.assessment_id).unwrap()
    }

    #[test]
    fn an_export_is_refused_where_the_store_would_refuse_it_naming_field_and_record() {
        let e = demo();
        validate(&e).unwrap();
        let bad = |f: &dyn Fn(&mut AssessmentExport)| {
            let mut x = e.clone();
            f(&mut x);
            validate(&x).unwrap_err()
        };
        match bad(&|x| x.answers[3].rating = Some("excellent".into())) {
            Error::RatingNotInScale {
                rating,
                item,
                department,
                ..
            } => {
                assert_eq!(rating, "excellent");
                assert_eq!(item, e.answers[3].item_id);
                assert_eq!(department, e.answers[3].department);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            bad(&|x| x.findings[0].classification = "catastrophic".into()),
            Error::UnknownClassification { .. }
        ));
        let field = |err: Error| match err {
            Error::Invalid { field, .. } => field,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            field(bad(&|x| x.answers[1].item_id = "NO-SUCH-ITEM".into())),
            "answers[1].item_id"
        );
        assert_eq!(
            field(bad(&|x| x.answers[2].department = "存在しない課".into())),
            "answers[2].department"
        );
        assert_eq!(
            field(bad(
                &|x| x.findings[1].due_date = chrono::NaiveDate::from_ymd_opt(1, 1, 1)
            )),
            "findings[1].due_date"
        );
        assert_eq!(
            field(bad(&|x| x.findings[1].number = x.findings[0].number)),
            "findings[1].number"
        );
        assert_eq!(
            field(bad(&|x| x.findings[0].item_id = Some("X-1".into()))),
            "findings[0].item_id"
        );
        assert_eq!(
            field(bad(&|x| x.evidence[0].sha256 = Some("zz".into()))),
            "evidence[0].sha256"
        );
        assert_eq!(field(bad(&|x| x.format = 99)), "format");
        match bad(&|x| x.findings[2].fact = "あ".repeat(10_001)) {
            Error::TextTooLong { field, limit, .. } => {
                assert_eq!((field.as_str(), limit), ("findings[2].fact", 10_000))
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            bad(&|x| x.remarks[0].text = "警告\u{1b}[31m".into()),
            Error::ControlCharacter { .. }
        ));
        assert_eq!(
            field(bad(&|x| x.assessment.checklist.items.clear())),
            "assessment.checklist.items"
        );
        assert_eq!(
            field(bad(&|x| {
                let a = x.answers[0].clone();
                x.answers.push(a)
            })),
            format!("answers[{}]", e.answers.len())
        );
    }
}
