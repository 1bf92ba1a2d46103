//! Corrections and removals made from the window: the report's front matter (監査期間,
//! 監査人, 宛先), interviews, remarks, and the removal of records created by mistake.
//!
//! Every change is one transaction with its audit-log entry; a removal logs the whole
//! record as it was (before-state JSON, after = null). Removal rules — a removal that would
//! leave another record pointing at nothing, or silently take recorded work with it, is
//! refused with [`Error::InUse`] naming what is in the way:
//!
//! | removed            | refused while it has …                                                   | removed with it |
//! |--------------------|--------------------------------------------------------------------------|-----------------|
//! | organisation       | assessments                                                              | its policy documents, topic corrections, departments |
//! | assessment         | findings, evidence, or a later assessment that follows it                | scope, interviews, remarks, unrated empty answers; ratings and notes refuse |
//! | department (scope) | ratings or notes, findings, interviews, remarks in this assessment        | empty answers of the department |
//! | finding            | evidence links, or a later finding that follows it up                     | — |
//! | remark, interview  | —                                                                        | — |
//! | evidence link      | —                                                                        | — |
//! | evidence           | an issued final report citing it (`reports_citing_evidence`)             | its links; the stored file stays (content store, may be shared) |

use chrono::NaiveDate;
use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::{Assessment, Interview, LinkTarget, Organisation, Remark, Store};
use crate::calendar::{check_date, DateRule};
use crate::domain::RemarkKind;
use crate::error::{Error, Result};
use crate::text::{clean, Limit};

/// New values for an interview's record (all fields replaced). The date is required: the
/// window asks for it rather than assuming today.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct InterviewChange {
    pub held_on: NaiveDate,
    pub place: String,
    pub attendees: String,
    pub auditor: String,
}

fn in_use(what: &str, name: impl ToString, blocker: &str, count: i64) -> Error {
    Error::InUse {
        what: what.into(),
        name: name.to_string(),
        blocker: blocker.into(),
        count,
    }
}

impl Store {
    fn count(&self, sql: &str, v: impl rusqlite::ToSql) -> Result<i64> {
        Ok(self.conn().query_row(sql, [v], |r| r.get(0))?)
    }

    fn forget_cached(&self, assessment: i64) {
        self.cache.borrow_mut().remove(&assessment);
    }

    /// Sets the 監査期間 (either end may be left open; start ≤ end).
    pub fn set_period(
        &mut self,
        assessment: i64,
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
    ) -> Result<Assessment> {
        let a = self.assessment(assessment)?;
        for (field, d) in [("period_start", start), ("period_end", end)] {
            if let Some(d) = d {
                check_date(field, d, a.fiscal_year, DateRule::Fieldwork)?;
            }
        }
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                return Err(Error::invalid(
                    "period",
                    format!("{s} – {e}"),
                    "開始日 ≤ 終了日 / start ≤ end",
                ));
            }
        }
        self.write(|t| {
            t.tx.execute(
                "UPDATE assessments SET period_start = ?1, period_end = ?2 WHERE id = ?3",
                params![
                    start.map(|d| d.to_string()),
                    end.map(|d| d.to_string()),
                    assessment
                ],
            )?;
            t.log(
                "assessment.period",
                "assessment",
                assessment,
                Some(&serde_json::json!({"start": a.period_start, "end": a.period_end})),
                Some(&serde_json::json!({"start": start, "end": end})),
            )
        })?;
        self.forget_cached(assessment);
        self.assessment(assessment)
    }

    /// Sets the auditors (作成者 / 監査人), in order; blank names are dropped, repeats refused.
    pub fn set_auditors(&mut self, assessment: i64, auditors: &[String]) -> Result<Assessment> {
        let a = self.assessment(assessment)?;
        let names: Vec<String> = auditors
            .iter()
            .map(|n| clean("auditor", n, Limit::NAME))
            .collect::<Result<Vec<_>>>()?
            .into_iter()
            .filter(|n| !n.is_empty())
            .collect();
        if let Some(dup) = names
            .iter()
            .enumerate()
            .find(|(i, n)| names[..*i].contains(n))
            .map(|(_, n)| n)
        {
            return Err(Error::AlreadyExists {
                what: "auditor".into(),
                name: dup.clone(),
            });
        }
        self.write(|t| {
            t.tx.execute(
                "UPDATE assessments SET auditors_json = ?1 WHERE id = ?2",
                params![serde_json::to_string(&names)?, assessment],
            )?;
            t.log(
                "assessment.auditors",
                "assessment",
                assessment,
                Some(&a.auditors),
                Some(&names),
            )
        })?;
        self.forget_cached(assessment);
        self.assessment(assessment)
    }

    /// Sets who receives the report (宛先, printed with 御中); empty clears it.
    pub fn set_addressee(&mut self, organisation: i64, addressee: &str) -> Result<Organisation> {
        let o = self.organisation(&organisation.to_string())?;
        let cleaned = clean("addressee", addressee, Limit::NAME)?;
        let value = Some(cleaned.as_str()).filter(|s| !s.is_empty());
        self.write(|t| {
            t.tx.execute(
                "UPDATE organisations SET addressee = ?1 WHERE id = ?2",
                params![value, organisation],
            )?;
            t.log(
                "organisation.addressee",
                "organisation",
                organisation,
                Some(&o.addressee),
                Some(&value),
            )
        })?;
        self.organisation(&organisation.to_string())
    }

    /// Replaces an interview's date, place, attendees and auditor (its notes stay).
    pub fn update_interview(&mut self, id: i64, change: &InterviewChange) -> Result<Interview> {
        let before = self.interview(id)?;
        let fy = self.assessment(before.assessment_id)?.fiscal_year;
        check_date("date", change.held_on, fy, DateRule::Fieldwork)?;
        let change = InterviewChange {
            held_on: change.held_on,
            place: clean("place", &change.place, Limit::LINE)?,
            attendees: clean("attendees", &change.attendees, Limit::LINE)?,
            auditor: clean("auditor", &change.auditor, Limit::NAME)?,
        };
        self.write(|t| {
            t.tx.execute(
                "UPDATE interviews SET held_on = ?1, place = ?2, attendees = ?3, auditor = ?4, updated_at = ?5 WHERE id = ?6",
                params![change.held_on.to_string(), change.place, change.attendees, change.auditor, t.now, id],
            )?;
            let b = InterviewChange { held_on: before.held_on, place: before.place.clone(), attendees: before.attendees.clone(), auditor: before.auditor.clone() };
            t.log("interview.update", "interview", id, Some(&b), Some(&change))
        })?;
        self.interview(id)
    }

    /// Removes an interview record (its notes go with it; logged in full).
    pub fn remove_interview(&mut self, id: i64) -> Result<()> {
        let before = self.interview(id)?;
        self.write(|t| {
            t.tx.execute("DELETE FROM interviews WHERE id = ?1", [id])?;
            t.log(
                "interview.remove",
                "interview",
                id,
                Some(&before),
                None::<&()>,
            )
        })
    }

    pub fn remark(&self, id: i64) -> Result<Remark> {
        let assessment: Option<i64> = super::optional(self.conn().query_row(
            "SELECT assessment_id FROM remarks WHERE id = ?1",
            [id],
            |r| r.get(0),
        ))?;
        let a = assessment.ok_or_else(|| {
            Error::invalid(
                "remark",
                id,
                "登録済みの良好事項・特記事項 / a recorded remark",
            )
        })?;
        self.remarks(a)?
            .into_iter()
            .find(|r| r.id == id)
            .ok_or_else(|| {
                Error::invalid(
                    "remark",
                    id,
                    "登録済みの良好事項・特記事項 / a recorded remark",
                )
            })
    }

    /// Rewrites a remark: its kind, text and department (None = the whole organisation).
    pub fn update_remark(
        &mut self,
        id: i64,
        kind: RemarkKind,
        department: Option<&str>,
        text: &str,
    ) -> Result<Remark> {
        let before = self.remark(id)?;
        let text = clean("text", text, Limit::NOTE)?;
        let text = text.as_str();
        if text.is_empty() {
            return Err(Error::invalid("text", text, "空でない文 / non-empty text"));
        }
        let assessment: i64 = self.conn().query_row(
            "SELECT assessment_id FROM remarks WHERE id = ?1",
            [id],
            |r| r.get(0),
        )?;
        let d = department
            .map(|d| self.department(assessment, d))
            .transpose()?;
        self.write(|t| {
            t.tx.execute(
                "UPDATE remarks SET kind = ?1, department_id = ?2, text = ?3 WHERE id = ?4",
                params![kind.key(), d.as_ref().map(|d| d.id), text.trim(), id],
            )?;
            let after = Remark {
                id,
                department: d.map(|d| d.name),
                kind,
                text: text.trim().into(),
                created_at: before.created_at.clone(),
            };
            t.log("remark.update", "remark", id, Some(&before), Some(&after))
        })?;
        self.remark(id)
    }

    pub fn remove_remark(&mut self, id: i64) -> Result<()> {
        let before = self.remark(id)?;
        self.write(|t| {
            t.tx.execute("DELETE FROM remarks WHERE id = ?1", [id])?;
            t.log("remark.remove", "remark", id, Some(&before), None::<&()>)
        })
    }

    /// Removes an organisation registered by mistake (refused while it has assessments).
    pub fn remove_organisation(&mut self, id: i64) -> Result<()> {
        let o = self.organisation(&id.to_string())?;
        let n = self.count(
            "SELECT count(*) FROM assessments WHERE organisation_id = ?1",
            id,
        )?;
        if n > 0 {
            return Err(in_use("organisation", &o.name, "assessment", n));
        }
        let policies: Vec<serde_json::Value> = self.rows("SELECT id, kind, source_name, text_sha256, imported_at FROM policy_documents WHERE organisation_id = ?1 ORDER BY id", [id], |r| {
                Ok(serde_json::json!({"id": r.get::<_, i64>(0)?, "kind": r.get::<_, String>(1)?, "source_name": r.get::<_, String>(2)?,
                    "text_sha256": r.get::<_, String>(3)?, "imported_at": r.get::<_, String>(4)?}))
            })?;
        let before = serde_json::json!({"organisation": o, "policies": policies});
        self.write(|t| {
            t.tx.execute(
                "DELETE FROM topic_corrections WHERE organisation_id = ?1",
                [id],
            )?;
            t.tx.execute(
                "DELETE FROM policy_documents WHERE organisation_id = ?1",
                [id],
            )?;
            t.tx.execute("DELETE FROM departments WHERE organisation_id = ?1", [id])?;
            t.tx.execute("DELETE FROM organisations WHERE id = ?1", [id])?;
            t.log(
                "organisation.remove",
                "organisation",
                id,
                Some(&before),
                None::<&()>,
            )
        })
    }

    /// Removes an assessment started by mistake, with its scope, interviews and remarks.
    /// Refused while it holds findings, evidence, ratings or notes, or a later assessment
    /// follows it.
    pub fn remove_assessment(&mut self, id: i64) -> Result<()> {
        let a = self.assessment(id)?;
        for (blocker, sql) in [
            ("finding", "SELECT count(*) FROM findings WHERE assessment_id = ?1"),
            ("evidence", "SELECT count(*) FROM evidence WHERE assessment_id = ?1"),
            ("answer", "SELECT count(*) FROM responses WHERE assessment_id = ?1 AND (rating IS NOT NULL OR note <> '')"),
            ("assessment", "SELECT count(*) FROM assessments WHERE previous_assessment_id = ?1"),
            // What went to the committee, and what the team exchanged, stays with its assessment.
            ("issued-report", "SELECT count(*) FROM report_issues WHERE assessment_id = ?1"),
            ("team-record", "SELECT (SELECT count(*) FROM team_shares WHERE assessment_id = ?1)
                + (SELECT count(*) FROM team_memberships WHERE assessment_id = ?1)
                + (SELECT count(*) FROM team_merges WHERE assessment_id = ?1)"),
        ] {
            let n = self.count(sql, id)?;
            if n > 0 {
                return Err(in_use("assessment", &a.title, blocker, n));
            }
        }
        let before = serde_json::json!({
            "title": a.title, "fiscal_year": a.fiscal_year, "kind": a.kind, "organisation_id": a.organisation_id,
            "period_start": a.period_start, "period_end": a.period_end, "auditors": a.auditors, "summary": a.summary,
            "checklist": {"id": a.checklist.id, "version": a.checklist.version, "items": a.checklist.items.len()},
            "departments": self.departments(id)?, "interviews": self.interviews(id)?, "remarks": self.remarks(id)?,
            "created_at": a.created_at,
        });
        self.write(|t| {
            for sql in [
                "DELETE FROM responses WHERE assessment_id = ?1",
                "DELETE FROM interviews WHERE assessment_id = ?1",
                "DELETE FROM remarks WHERE assessment_id = ?1",
                "DELETE FROM scope_items WHERE assessment_id = ?1",
                "DELETE FROM scope_rules WHERE assessment_id = ?1",
                "DELETE FROM assessment_departments WHERE assessment_id = ?1",
                "DELETE FROM assessments WHERE id = ?1",
            ] {
                t.tx.execute(sql, [id])?;
            }
            t.log(
                "assessment.remove",
                "assessment",
                id,
                Some(&before),
                None::<&()>,
            )
        })?;
        self.forget_cached(id);
        Ok(())
    }

    /// Takes a department out of an assessment's scope (added by mistake). Refused while
    /// anything was recorded for it in this assessment.
    pub fn remove_department(&mut self, assessment: i64, department: &str) -> Result<()> {
        self.assessment(assessment)?;
        let d = self.department(assessment, department)?;
        let args = params![assessment, d.id];
        for (blocker, sql) in [
            ("answer", "SELECT count(*) FROM responses WHERE assessment_id = ?1 AND department_id = ?2 AND (rating IS NOT NULL OR note <> '')"),
            ("finding", "SELECT count(*) FROM findings WHERE assessment_id = ?1 AND department_id = ?2"),
            ("interview", "SELECT count(*) FROM interviews WHERE assessment_id = ?1 AND department_id = ?2"),
            ("remark", "SELECT count(*) FROM remarks WHERE assessment_id = ?1 AND department_id = ?2"),
            ("evidence-link", "SELECT count(*) FROM evidence_links l JOIN responses r ON r.id = l.response_id WHERE r.assessment_id = ?1 AND r.department_id = ?2"),
        ] {
            let n: i64 = self.conn().query_row(sql, args, |r| r.get(0))?;
            if n > 0 {
                return Err(in_use("department", &d.name, blocker, n));
            }
        }
        self.write(|t| {
            t.tx.execute("DELETE FROM responses WHERE assessment_id = ?1 AND department_id = ?2", params![assessment, d.id])?;
            t.tx.execute("DELETE FROM scope_items WHERE assessment_id = ?1 AND department_id = ?2", params![assessment, d.id])?;
            t.tx.execute("DELETE FROM assessment_departments WHERE assessment_id = ?1 AND department_id = ?2", params![assessment, d.id])?;
            t.log("department.remove", "assessment_department", format!("{assessment}/{}", d.id), Some(&d), None::<&()>)
        })
    }

    /// Removes a finding raised by mistake. Refused while evidence is linked to it (unlink
    /// first) or a later finding follows it up. Numbers of other findings stay as they are.
    pub fn remove_finding(&mut self, id: i64) -> Result<()> {
        let f = self.finding(id)?;
        let name = format!("No.{}", f.number);
        let links = self.count(
            "SELECT count(*) FROM evidence_links WHERE finding_id = ?1",
            id,
        )?;
        if links > 0 {
            return Err(in_use("finding", &name, "evidence-link", links));
        }
        let follow = self.count(
            "SELECT count(*) FROM findings WHERE follows_up_finding_id = ?1",
            id,
        )?;
        if follow > 0 {
            return Err(in_use("finding", &name, "finding", follow));
        }
        self.write(|t| {
            t.tx.execute("DELETE FROM findings WHERE id = ?1", [id])?;
            t.log("finding.remove", "finding", id, Some(&f), None::<&()>)
        })
    }

    /// Removes one link of a piece of evidence (the evidence stays).
    pub fn unlink_evidence(
        &mut self,
        evidence_id: i64,
        target: &LinkTarget,
    ) -> Result<super::Evidence> {
        let ev = self.evidence(evidence_id)?;
        let a = ev.assessment_id;
        let (sql, v): (&str, i64) = match target {
            LinkTarget::Response {
                department,
                item_id,
            } => {
                let r = self.answer(a, department, item_id)?.ok_or_else(|| {
                    Error::invalid("link", item_id, "記録済みの紐付け / an existing link")
                })?;
                ("response_id", r.id)
            }
            LinkTarget::Finding(f) => ("finding_id", *f),
        };
        let link: Option<i64> = super::optional(self.conn().query_row(
            &format!("SELECT id FROM evidence_links WHERE evidence_id = ?1 AND {sql} = ?2"),
            params![evidence_id, v],
            |r| r.get(0),
        ))?;
        let link =
            link.ok_or_else(|| Error::invalid("link", v, "記録済みの紐付け / an existing link"))?;
        let before = match target {
            LinkTarget::Response {
                department,
                item_id,
            } => {
                serde_json::json!({"response_id": v, "department": department, "item_id": item_id})
            }
            LinkTarget::Finding(f) => serde_json::json!({"finding_id": f}),
        };
        self.write(|t| {
            t.tx.execute("DELETE FROM evidence_links WHERE id = ?1", [link])?;
            t.log(
                "evidence.unlink",
                "evidence",
                evidence_id,
                Some(&before),
                None::<&()>,
            )
        })?;
        self.evidence(evidence_id)
    }

    /// The final reports (`report_issues`) that cite a piece of evidence: the committee
    /// reports of its assessment issued at or after it was recorded (their 証跡一覧 lists
    /// every piece of evidence of the assessment), and the notices issued at or after it was
    /// recorded to a department it is linked to (a notice lists the evidence linked to that
    /// department's answers and findings).
    pub fn reports_citing_evidence(&self, id: i64) -> Result<i64> {
        self.evidence(id)?;
        Ok(self.conn().query_row(
            "SELECT count(*) FROM report_issues ri JOIN evidence e ON e.id = ?1
             WHERE ri.assessment_id = e.assessment_id AND ri.issued_at >= e.recorded_at
               AND (ri.department = '' OR EXISTS (
                   SELECT 1 FROM evidence_links l
                   LEFT JOIN responses r ON r.id = l.response_id
                   LEFT JOIN findings f ON f.id = l.finding_id
                   JOIN departments d ON d.id = coalesce(r.department_id, f.department_id)
                   WHERE l.evidence_id = e.id AND (ri.department = d.name OR ri.department = CAST(d.id AS TEXT))))",
            [id],
            |r| r.get(0),
        )?)
    }

    /// Removes an evidence record made by mistake, with its links (each one in the logged
    /// before-state). Refused while an issued final report cites it
    /// ([`Store::reports_citing_evidence`]). A stored file stays in the content store (it may
    /// be shared by another record).
    pub fn remove_evidence(&mut self, id: i64) -> Result<()> {
        let ev = self.evidence(id)?;
        let cited = self.reports_citing_evidence(id)?;
        if cited > 0 {
            return Err(in_use("evidence", &ev.title, "issued-report", cited));
        }
        self.write(|t| {
            t.tx.execute("DELETE FROM evidence_links WHERE evidence_id = ?1", [id])?;
            t.tx.execute("DELETE FROM evidence WHERE id = ?1", [id])?;
            t.log("evidence.remove", "evidence", id, Some(&ev), None::<&()>)
        })
    }
}
