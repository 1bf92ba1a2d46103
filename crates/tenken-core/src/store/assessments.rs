//! Assessments (a year's 自己点検 or 監査) with their scope (departments), interviews and
//! remarks (良好事項 / 特記事項).

use std::sync::Arc;

use chrono::NaiveDate;
use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::{optional, Store, Tx};
use crate::calendar::fiscal_year_label;
use crate::checklist::derive::Profile;
use crate::checklist::Checklist;
use crate::domain::{AssessmentKind, ClassificationScheme, RemarkKind, ScaleKind};
use crate::error::{Error, Result};

/// What is needed to start an assessment.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewAssessment {
    pub organisation_id: i64,
    pub fiscal_year: i32,
    pub kind: AssessmentKind,
    pub title: String,
    pub period_start: Option<NaiveDate>,
    pub period_end: Option<NaiveDate>,
    pub auditors: Vec<String>,
    pub scale: ScaleKind,
    pub classification: ClassificationScheme,
    /// The checklist as bound when the assessment starts; frozen from then on.
    pub checklist: Checklist,
    pub policy_document_id: Option<i64>,
    /// The organisation's 対策基準 cited beside the 基本方針, if imported.
    #[serde(default)]
    pub standards_document_id: Option<i64>,
    /// The applicability facts the checklist was derived with (kept to re-derive later).
    #[serde(default)]
    pub profile: Profile,
    pub previous_assessment_id: Option<i64>,
}

/// An assessment with its frozen checklist.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Assessment {
    pub id: i64,
    pub organisation_id: i64,
    pub fiscal_year: i32,
    pub fiscal_year_label: String,
    pub kind: AssessmentKind,
    pub title: String,
    pub period_start: Option<NaiveDate>,
    pub period_end: Option<NaiveDate>,
    pub auditors: Vec<String>,
    pub scale: ScaleKind,
    pub classification: ClassificationScheme,
    pub checklist: Checklist,
    pub policy_document_id: Option<i64>,
    pub standards_document_id: Option<i64>,
    pub profile: Profile,
    pub previous_assessment_id: Option<i64>,
    /// 総評: the auditor's overall comment.
    pub summary: String,
    pub created_at: String,
}

/// One line of the assessment list.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AssessmentSummary {
    pub id: i64,
    pub organisation_id: i64,
    pub organisation_name: String,
    pub title: String,
    pub fiscal_year: i32,
    pub fiscal_year_label: String,
    pub kind: AssessmentKind,
    pub checklist_id: String,
    pub department_count: i64,
    /// Items in the checklist × departments in scope.
    pub item_count: i64,
    /// Responses with a rating.
    pub answered_count: i64,
    pub finding_count: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Department {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NewInterview {
    pub held_on: Option<NaiveDate>,
    pub place: String,
    pub attendees: String,
    pub auditor: String,
    pub notes: String,
}

impl NewInterview {
    fn cleaned(&self) -> Result<NewInterview> {
        use crate::text::{clean, Limit};
        Ok(NewInterview {
            held_on: self.held_on,
            place: clean("place", &self.place, Limit::LINE)?,
            attendees: clean("attendees", &self.attendees, Limit::LINE)?,
            auditor: clean("auditor", &self.auditor, Limit::NAME)?,
            notes: clean("notes", &self.notes, Limit::LONG)?,
        })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Interview {
    pub id: i64,
    pub assessment_id: i64,
    pub department_id: i64,
    pub department: String,
    pub held_on: NaiveDate,
    pub place: String,
    pub attendees: String,
    pub auditor: String,
    pub notes: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Remark {
    pub id: i64,
    pub department: Option<String>,
    pub kind: RemarkKind,
    pub text: String,
    pub created_at: String,
}

fn parse_date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

fn key_err(field: &str, v: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("bad {field} '{v}'").into(),
    )
}

const SELECT: &str = "SELECT id, organisation_id, fiscal_year, kind, title, period_start, period_end, auditors_json, scale,
    classification, checklist_json, policy_document_id, previous_assessment_id, summary, created_at, standards_document_id,
    profile_json FROM assessments";

fn row(r: &rusqlite::Row) -> rusqlite::Result<Assessment> {
    let kind: String = r.get(3)?;
    let scale: String = r.get(8)?;
    let class: String = r.get(9)?;
    let auditors: String = r.get(7)?;
    let checklist: String = r.get(10)?;
    let fy: i32 = r.get(2)?;
    Ok(Assessment {
        id: r.get(0)?,
        organisation_id: r.get(1)?,
        fiscal_year: fy,
        fiscal_year_label: fiscal_year_label(fy),
        kind: AssessmentKind::from_key(&kind).ok_or_else(|| key_err("kind", &kind))?,
        title: r.get(4)?,
        period_start: parse_date(r.get(5)?),
        period_end: parse_date(r.get(6)?),
        auditors: serde_json::from_str(&auditors).unwrap_or_default(),
        scale: ScaleKind::from_key(&scale).ok_or_else(|| key_err("scale", &scale))?,
        classification: ClassificationScheme::from_key(&class)
            .ok_or_else(|| key_err("classification", &class))?,
        checklist: serde_json::from_str(&checklist)
            .map_err(|e| key_err("checklist_json", &e.to_string()))?,
        policy_document_id: r.get(11)?,
        previous_assessment_id: r.get(12)?,
        summary: r.get(13)?,
        created_at: r.get(14)?,
        standards_document_id: r.get(15)?,
        profile: serde_json::from_str(&r.get::<_, String>(16)?).unwrap_or_default(),
    })
}

/// Reads an id given on the command line or in the UI ("12").
pub fn parse_id(s: &str, unknown: impl FnOnce(String) -> Error) -> Result<i64> {
    s.trim().parse::<i64>().map_err(|_| unknown(s.to_string()))
}

impl Store {
    /// Starts an assessment, freezing the checklist it uses.
    pub fn create_assessment(&mut self, new: &NewAssessment) -> Result<Assessment> {
        self.check_new_assessment(new)?;
        let id = self.write(|t| insert_assessment(t, new))?;
        self.assessment(id)
    }

    /// Starts an assessment with its departments in scope (in this order), all in one
    /// transaction: a bad department list (empty, blank or repeated name) stores nothing.
    pub fn create_assessment_with_departments(
        &mut self,
        new: &NewAssessment,
        departments: &[String],
    ) -> Result<Assessment> {
        self.check_new_assessment(new)?;
        let names: Vec<String> = departments
            .iter()
            .map(|d| crate::text::clean("department", d, crate::text::Limit::NAME))
            .collect::<Result<Vec<_>>>()?
            .into_iter()
            .filter(|d| !d.is_empty())
            .collect();
        if names.is_empty() {
            return Err(Error::invalid(
                "departments",
                "",
                "1つ以上の部署名 / at least one department",
            ));
        }
        if let Some(dup) = names
            .iter()
            .enumerate()
            .find(|(i, n)| names[..*i].contains(n))
            .map(|(_, n)| n)
        {
            return Err(Error::AlreadyExists {
                what: "department".into(),
                name: dup.clone(),
            });
        }
        let id = self.write(|t| {
            let id = insert_assessment(t, new)?;
            for n in &names {
                insert_department(t, new.organisation_id, id, n)?;
            }
            Ok(id)
        })?;
        self.assessment(id)
    }

    fn check_new_assessment(&self, new: &NewAssessment) -> Result<()> {
        use crate::text::{clean, Limit};
        clean("title", &new.title, Limit::LINE)?;
        for a in &new.auditors {
            clean("auditor", a, Limit::NAME)?;
        }
        for (field, d) in [
            ("period_start", new.period_start),
            ("period_end", new.period_end),
        ] {
            if let Some(d) = d {
                crate::calendar::check_date(
                    field,
                    d,
                    new.fiscal_year,
                    crate::calendar::DateRule::Fieldwork,
                )?;
            }
        }
        if new.title.trim().is_empty() {
            return Err(Error::invalid(
                "title",
                &new.title,
                "空でない表題 / a non-empty title",
            ));
        }
        if !(1900..=2200).contains(&new.fiscal_year) {
            return Err(Error::invalid(
                "fiscal_year",
                new.fiscal_year,
                "西暦の年度 / a Gregorian fiscal year such as 2026",
            ));
        }
        if let (Some(s), Some(e)) = (new.period_start, new.period_end) {
            if e < s {
                return Err(Error::invalid(
                    "period",
                    format!("{s} – {e}"),
                    "開始日 ≤ 終了日 / start ≤ end",
                ));
            }
        }
        if new.checklist.scale != new.scale {
            return Err(Error::invalid(
                "scale",
                new.scale.key(),
                format!(
                    "チェックリスト {} の尺度 {} / the checklist's scale",
                    new.checklist.id,
                    new.checklist.scale.key()
                ),
            ));
        }
        self.organisation(&new.organisation_id.to_string())?;
        if let Some(p) = new.previous_assessment_id {
            self.assessment(p)?;
        }
        for p in [new.policy_document_id, new.standards_document_id]
            .into_iter()
            .flatten()
        {
            if self.policy(p)?.organisation_id != new.organisation_id {
                return Err(Error::invalid(
                    "policy",
                    p,
                    "同じ団体のポリシー文書 / a policy of the same organisation",
                ));
            }
        }
        Ok(())
    }

    pub fn assessment(&self, id: i64) -> Result<Assessment> {
        optional(
            self.conn()
                .query_row(&format!("{SELECT} WHERE id = ?1"), [id], row),
        )?
        .ok_or_else(|| Error::UnknownAssessment(id.to_string()))
    }

    /// The frozen checklist and scale of an assessment, cached: they never change.
    pub(crate) fn frozen(&self, id: i64) -> Result<Arc<Assessment>> {
        if let Some(a) = self.cache.borrow().get(&id) {
            return Ok(a.clone());
        }
        let a = Arc::new(self.assessment(id)?);
        self.cache.borrow_mut().insert(id, a.clone());
        Ok(a)
    }

    pub fn list_assessments(&self) -> Result<Vec<AssessmentSummary>> {
        let sql = "SELECT a.id, a.organisation_id, o.name, a.title, a.fiscal_year, a.kind,
                json_extract(a.checklist_json, '$.id'),
                (SELECT count(*) FROM assessment_departments d WHERE d.assessment_id = a.id),
                json_array_length(a.checklist_json, '$.items'),
                (SELECT count(*) FROM responses r WHERE r.assessment_id = a.id AND r.rating IS NOT NULL),
                (SELECT count(*) FROM findings f WHERE f.assessment_id = a.id)
            FROM assessments a JOIN organisations o ON o.id = a.organisation_id
            ORDER BY a.fiscal_year DESC, a.id";
        let mut out: Vec<AssessmentSummary> = self.rows(sql, [], |r| {
            let kind: String = r.get(5)?;
            let fy: i32 = r.get(4)?;
            let departments: i64 = r.get(7)?;
            let items: i64 = r.get(8)?;
            Ok(AssessmentSummary {
                id: r.get(0)?,
                organisation_id: r.get(1)?,
                organisation_name: r.get(2)?,
                title: r.get(3)?,
                fiscal_year: fy,
                fiscal_year_label: fiscal_year_label(fy),
                kind: AssessmentKind::from_key(&kind).ok_or_else(|| key_err("kind", &kind))?,
                checklist_id: r.get(6)?,
                department_count: departments,
                item_count: items * departments,
                answered_count: r.get(9)?,
                finding_count: r.get(10)?,
            })
        })?;
        for s in &mut out {
            if let Some((items, answered)) = self.scoped_counts(s.id)? {
                s.item_count = items;
                s.answered_count = answered;
            }
        }
        Ok(out)
    }

    /// Sets the 総評 text.
    pub fn set_summary(&mut self, assessment: i64, text: &str) -> Result<()> {
        let text = crate::text::clean("summary", text, crate::text::Limit::LONG)?;
        let text = text.as_str();
        let before = self.assessment(assessment)?.summary;
        self.write(|t| {
            t.tx.execute(
                "UPDATE assessments SET summary = ?1 WHERE id = ?2",
                params![text, assessment],
            )?;
            t.log(
                "assessment.summary",
                "assessment",
                assessment,
                Some(&before),
                Some(&text),
            )
        })
    }

    /// Adds a department to the assessment's scope (registering it for the organisation if new).
    pub fn add_department(&mut self, assessment: i64, name: &str) -> Result<Department> {
        let a = self.frozen(assessment)?;
        let name = crate::text::clean("department", name, crate::text::Limit::NAME)?;
        if name.is_empty() {
            return Err(Error::invalid(
                "department",
                &name,
                "空でない部署名 / a non-empty name",
            ));
        }
        if self.departments(assessment)?.iter().any(|d| d.name == name) {
            return Err(Error::AlreadyExists {
                what: "department".into(),
                name,
            });
        }
        self.write(|t| insert_department(t, a.organisation_id, assessment, &name))
    }

    /// The departments in scope, in the order they were added.
    pub fn departments(&self, assessment: i64) -> Result<Vec<Department>> {
        self.rows(
            "SELECT d.id, d.name FROM assessment_departments ad JOIN departments d ON d.id = ad.department_id
             WHERE ad.assessment_id = ?1 ORDER BY ad.position",
        [assessment], |r| {
            Ok(Department {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })
    }

    /// A department in scope, by id or name.
    pub fn department(&self, assessment: i64, reference: &str) -> Result<Department> {
        let r = reference.trim();
        optional(self.conn().query_row(
            "SELECT d.id, d.name FROM assessment_departments ad JOIN departments d ON d.id = ad.department_id
             WHERE ad.assessment_id = ?1 AND (d.name = ?2 OR CAST(d.id AS TEXT) = ?2)",
            params![assessment, r],
            |row| Ok(Department { id: row.get(0)?, name: row.get(1)? }),
        ))?
        .ok_or_else(|| Error::UnknownDepartment { assessment, department: reference.to_string() })
    }

    /// Records an interview held with a department.
    pub fn add_interview(
        &mut self,
        assessment: i64,
        department: &str,
        new: &NewInterview,
    ) -> Result<Interview> {
        let new = &new.cleaned()?;
        let a = self.frozen(assessment)?;
        if let Some(d) = new.held_on {
            crate::calendar::check_date(
                "date",
                d,
                a.fiscal_year,
                crate::calendar::DateRule::Fieldwork,
            )?;
        }
        let d = self.department(assessment, department)?;
        let held_on = new.held_on.unwrap_or_else(|| self.now().date_naive());
        let id = super::ids::new_id();
        self.write(|t| {
            t.tx.execute(
                "INSERT INTO interviews (assessment_id, department_id, held_on, place, attendees, auditor, notes, updated_at, id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![assessment, d.id, held_on.to_string(), new.place, new.attendees, new.auditor, new.notes, t.now, id],
            )?;
            t.log("interview.add", "interview", id, None::<&()>, Some(new))?;
            Ok(id)
        })?;
        self.interview(id)
    }

    pub fn interview(&self, id: i64) -> Result<Interview> {
        self.interviews_where("i.id = ?1", id)?
            .pop()
            .ok_or(Error::UnknownInterview(id))
    }

    pub fn interviews(&self, assessment: i64) -> Result<Vec<Interview>> {
        self.frozen(assessment)?;
        self.interviews_where("i.assessment_id = ?1", assessment)
    }

    fn interviews_where(&self, cond: &str, v: i64) -> Result<Vec<Interview>> {
        let sql = format!(
            "SELECT i.id, i.assessment_id, i.department_id, d.name, i.held_on, i.place, i.attendees, i.auditor, i.notes, i.updated_at
             FROM interviews i JOIN departments d ON d.id = i.department_id WHERE {cond} ORDER BY i.held_on, i.id"
        );
        self.rows(&sql, [v], |r| {
            Ok(Interview {
                id: r.get(0)?,
                assessment_id: r.get(1)?,
                department_id: r.get(2)?,
                department: r.get(3)?,
                held_on: parse_date(r.get(4)?).unwrap_or_default(),
                place: r.get(5)?,
                attendees: r.get(6)?,
                auditor: r.get(7)?,
                notes: r.get(8)?,
                updated_at: r.get(9)?,
            })
        })
    }

    /// Replaces an interview's notes (autosave from the window).
    pub fn set_interview_notes(&mut self, id: i64, notes: &str) -> Result<Interview> {
        let notes = crate::text::clean("notes", notes, crate::text::Limit::LONG)?;
        let notes = notes.as_str();
        let before = self.interview(id)?;
        self.write(|t| {
            t.tx.execute(
                "UPDATE interviews SET notes = ?1, updated_at = ?2 WHERE id = ?3",
                params![notes, t.now, id],
            )?;
            t.log(
                "interview.notes",
                "interview",
                id,
                Some(&before.notes),
                Some(&notes),
            )
        })?;
        self.interview(id)
    }

    /// Records a 良好事項 or 特記事項, optionally for one department.
    pub fn add_remark(
        &mut self,
        assessment: i64,
        department: Option<&str>,
        kind: RemarkKind,
        text: &str,
    ) -> Result<Remark> {
        self.frozen(assessment)?;
        let text = crate::text::clean("text", text, crate::text::Limit::NOTE)?;
        let text = text.as_str();
        if text.is_empty() {
            return Err(Error::invalid("text", text, "空でない文 / non-empty text"));
        }
        let d = department
            .map(|d| self.department(assessment, d))
            .transpose()?;
        let id = super::ids::new_id();
        self.write(|t| {
            t.tx.execute(
                "INSERT INTO remarks (assessment_id, department_id, kind, text, created_at, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![assessment, d.as_ref().map(|d| d.id), kind.key(), text.trim(), t.now, id],
            )?;
            let r = Remark { id, department: d.as_ref().map(|d| d.name.clone()), kind, text: text.trim().into(), created_at: t.now.clone() };
            t.log("remark.add", "remark", id, None::<&()>, Some(&r))?;
            Ok(r)
        })
    }

    pub fn remarks(&self, assessment: i64) -> Result<Vec<Remark>> {
        self.rows(
            "SELECT r.id, d.name, r.kind, r.text, r.created_at FROM remarks r LEFT JOIN departments d ON d.id = r.department_id
             WHERE r.assessment_id = ?1 ORDER BY r.id",
        [assessment], |r| {
            let kind: String = r.get(2)?;
            Ok(Remark {
                id: r.get(0)?,
                department: r.get(1)?,
                kind: RemarkKind::from_key(&kind).ok_or_else(|| key_err("kind", &kind))?,
                text: r.get(3)?,
                created_at: r.get(4)?,
            })
        })
    }
}

/// Inserts an assessment row and its audit-log entry (checked by `check_new_assessment`).
fn insert_assessment(t: &Tx, new: &NewAssessment) -> Result<i64> {
    t.tx.execute(
        "INSERT INTO assessments (organisation_id, fiscal_year, kind, title, period_start, period_end, auditors_json, scale,
         classification, checklist_json, policy_document_id, previous_assessment_id, created_at, standards_document_id, profile_json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        params![
            new.organisation_id,
            new.fiscal_year,
            new.kind.key(),
            new.title.trim(),
            new.period_start.map(|d| d.to_string()),
            new.period_end.map(|d| d.to_string()),
            serde_json::to_string(&new.auditors)?,
            new.scale.key(),
            new.classification.key(),
            serde_json::to_string(&new.checklist)?,
            new.policy_document_id,
            new.previous_assessment_id,
            t.now,
            new.standards_document_id,
            serde_json::to_string(&new.profile)?
        ],
    )?;
    let id = t.tx.last_insert_rowid();
    let logged = serde_json::json!({
        "title": new.title, "fiscal_year": new.fiscal_year, "kind": new.kind,
        "checklist": {"id": new.checklist.id, "version": new.checklist.version, "items": new.checklist.items.len()},
    });
    t.log(
        "assessment.create",
        "assessment",
        id,
        None::<&()>,
        Some(&logged),
    )?;
    Ok(id)
}

/// Puts a department in an assessment's scope, registering it for the organisation if new.
fn insert_department(
    t: &Tx,
    organisation_id: i64,
    assessment: i64,
    name: &str,
) -> Result<Department> {
    t.tx.execute(
        "INSERT OR IGNORE INTO departments (organisation_id, name) VALUES (?1, ?2)",
        params![organisation_id, name],
    )?;
    let id: i64 = t.tx.query_row(
        "SELECT id FROM departments WHERE organisation_id = ?1 AND name = ?2",
        params![organisation_id, name],
        |r| r.get(0),
    )?;
    t.tx.execute(
        "INSERT INTO assessment_departments (assessment_id, department_id, position)
         VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM assessment_departments WHERE assessment_id = ?1))",
        params![assessment, id],
    )?;
    let d = Department {
        id,
        name: name.to_string(),
    };
    t.log(
        "department.add",
        "assessment_department",
        format!("{assessment}/{id}"),
        None::<&()>,
        Some(&d),
    )?;
    Ok(d)
}
