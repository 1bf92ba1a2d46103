//! Findings (指摘事項): numbered per assessment, citing the organisation's own clause, with
//! their follow-up (status, owner, due date, link to an earlier year's finding).

use chrono::NaiveDate;
use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::{optional, Store};
use crate::domain::{FindingStatus, Priority};
use crate::error::{Error, Result};

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NewFinding {
    pub department: String,
    pub item_id: Option<String>,
    /// The organisation's clause; defaults to the item's citation (or its model section).
    pub cited_clause: Option<String>,
    pub fact: String,
    pub risk: String,
    pub recommendation: String,
    /// A class of the assessment's classification preset (key or label).
    pub classification: String,
    pub priority: Option<Priority>,
    pub due_date: Option<NaiveDate>,
    pub owner: String,
    pub status: Option<FindingStatus>,
    pub follows_up: Option<i64>,
}

/// Changes to a finding; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct FindingChange {
    pub cited_clause: Option<String>,
    pub fact: Option<String>,
    pub risk: Option<String>,
    pub recommendation: Option<String>,
    pub classification: Option<String>,
    pub priority: Option<Priority>,
    pub due_date: Option<Option<NaiveDate>>,
    pub owner: Option<String>,
    pub status: Option<FindingStatus>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Finding {
    pub id: i64,
    pub assessment_id: i64,
    /// 指摘番号 within the assessment (1, 2, …).
    pub number: i64,
    pub department_id: i64,
    pub department: String,
    pub item_id: Option<String>,
    pub cited_clause: String,
    pub fact: String,
    pub risk: String,
    pub recommendation: String,
    pub classification: String,
    pub priority: Priority,
    pub due_date: Option<NaiveDate>,
    pub owner: String,
    pub status: FindingStatus,
    pub follows_up: Option<i64>,
    pub created_at: String,
    pub updated_at: String,
}

const SELECT: &str = "SELECT f.id, f.assessment_id, f.number, f.department_id, d.name, f.item_id, f.cited_clause, f.fact,
    f.risk, f.recommendation, f.classification, f.priority, f.due_date, f.owner, f.status, f.follows_up_finding_id,
    f.created_at, f.updated_at FROM findings f JOIN departments d ON d.id = f.department_id";

fn row(r: &rusqlite::Row) -> rusqlite::Result<Finding> {
    let bad = |v: String| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("bad value {v}").into(),
        )
    };
    let priority: String = r.get(11)?;
    let status: String = r.get(14)?;
    let due: Option<String> = r.get(12)?;
    Ok(Finding {
        id: r.get(0)?,
        assessment_id: r.get(1)?,
        number: r.get(2)?,
        department_id: r.get(3)?,
        department: r.get(4)?,
        item_id: r.get(5)?,
        cited_clause: r.get(6)?,
        fact: r.get(7)?,
        risk: r.get(8)?,
        recommendation: r.get(9)?,
        classification: r.get(10)?,
        priority: Priority::from_key(&priority).ok_or_else(|| bad(priority.clone()))?,
        due_date: due.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
        owner: r.get(13)?,
        status: FindingStatus::from_key(&status).ok_or_else(|| bad(status.clone()))?,
        follows_up: r.get(15)?,
        created_at: r.get(16)?,
        updated_at: r.get(17)?,
    })
}

impl NewFinding {
    /// The finding with every text checked against its field's limit and trimmed.
    fn cleaned(&self) -> Result<NewFinding> {
        use crate::text::{clean, clean_opt, Limit};
        Ok(NewFinding {
            department: self.department.clone(),
            item_id: self.item_id.clone(),
            cited_clause: clean_opt("clause", self.cited_clause.as_deref(), Limit::LINE)?,
            fact: clean("fact", &self.fact, Limit::NOTE)?,
            risk: clean("risk", &self.risk, Limit::NOTE)?,
            recommendation: clean("recommendation", &self.recommendation, Limit::NOTE)?,
            classification: self.classification.clone(),
            priority: self.priority,
            due_date: self.due_date,
            owner: clean("owner", &self.owner, Limit::NAME)?,
            status: self.status,
            follows_up: self.follows_up,
        })
    }
}

impl FindingChange {
    fn cleaned(&self) -> Result<FindingChange> {
        use crate::text::{clean_opt, Limit};
        Ok(FindingChange {
            cited_clause: clean_opt("clause", self.cited_clause.as_deref(), Limit::LINE)?,
            fact: clean_opt("fact", self.fact.as_deref(), Limit::NOTE)?,
            risk: clean_opt("risk", self.risk.as_deref(), Limit::NOTE)?,
            recommendation: clean_opt(
                "recommendation",
                self.recommendation.as_deref(),
                Limit::NOTE,
            )?,
            owner: clean_opt("owner", self.owner.as_deref(), Limit::NAME)?,
            ..self.clone()
        })
    }
}

impl Store {
    fn checked_class(&self, assessment: i64, input: &str) -> Result<String> {
        let a = self.frozen(assessment)?;
        a.classification
            .parse_class(input)
            .map(str::to_string)
            .ok_or_else(|| Error::UnknownClassification {
                value: input.to_string(),
                scheme: a.classification.key().to_string(),
                choices: a.classification.choices_text(crate::Lang::Ja),
            })
    }

    /// Raises a finding.
    pub fn add_finding(&mut self, assessment: i64, new: &NewFinding) -> Result<Finding> {
        let new = &new.cleaned()?;
        let a = self.frozen(assessment)?;
        if let Some(due) = new.due_date {
            crate::calendar::check_date("due", due, a.fiscal_year, crate::calendar::DateRule::Due)?;
        }
        let d = self.department(assessment, &new.department)?;
        let item = match &new.item_id {
            Some(i) => Some(
                a.checklist
                    .item(i)
                    .ok_or_else(|| Error::UnknownItem {
                        assessment,
                        item: i.clone(),
                    })?
                    .clone(),
            ),
            None => None,
        };
        if new.fact.trim().is_empty() {
            return Err(Error::invalid(
                "fact",
                &new.fact,
                "事実（空でない文） / the fact observed",
            ));
        }
        let class = self.checked_class(assessment, &new.classification)?;
        if let Some(prev) = new.follows_up {
            let p = self.finding(prev)?;
            if p.assessment_id == assessment {
                return Err(Error::invalid(
                    "follows_up",
                    prev,
                    "前回以前の点検・監査の指摘事項 / a finding of an earlier assessment",
                ));
            }
        }
        let cited = new
            .cited_clause
            .clone()
            .filter(|c| !c.trim().is_empty())
            .or_else(|| item.as_ref().and_then(|i| i.citation.clone()))
            .unwrap_or_default();
        let id = super::ids::new_id();
        self.write(|t| {
            t.tx.execute(
                "INSERT INTO findings (assessment_id, number, department_id, item_id, cited_clause, fact, risk, recommendation,
                 classification, priority, due_date, owner, status, follows_up_finding_id, created_at, updated_at, id)
                 VALUES (?1, (SELECT coalesce(max(number), 0) + 1 FROM findings WHERE assessment_id = ?1), ?2, ?3, ?4, ?5, ?6,
                 ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, ?15)",
                params![
                    assessment,
                    d.id,
                    new.item_id,
                    cited,
                    new.fact.trim(),
                    new.risk.trim(),
                    new.recommendation.trim(),
                    class,
                    new.priority.unwrap_or(Priority::Medium).key(),
                    new.due_date.map(|d| d.to_string()),
                    new.owner.trim(),
                    new.status.unwrap_or(FindingStatus::Open).key(),
                    new.follows_up,
                    t.now,
                    id
                ],
            )?;
            t.log("finding.add", "finding", id, None::<&()>, Some(new))?;
            Ok(id)
        })?;
        self.finding(id)
    }

    /// Edits a finding (status changes included).
    pub fn update_finding(&mut self, id: i64, change: &FindingChange) -> Result<Finding> {
        let change = &change.cleaned()?;
        let before = self.finding(id)?;
        if let Some(Some(due)) = change.due_date {
            let fy = self.frozen(before.assessment_id)?.fiscal_year;
            crate::calendar::check_date("due", due, fy, crate::calendar::DateRule::Due)?;
        }
        let class = match &change.classification {
            Some(c) => self.checked_class(before.assessment_id, c)?,
            None => before.classification.clone(),
        };
        if change.fact.as_ref().is_some_and(|f| f.trim().is_empty()) {
            return Err(Error::invalid(
                "fact",
                "",
                "事実（空でない文） / the fact observed",
            ));
        }
        let mut after = before.clone();
        after.cited_clause = change.cited_clause.clone().unwrap_or(after.cited_clause);
        after.fact = change.fact.clone().unwrap_or(after.fact);
        after.risk = change.risk.clone().unwrap_or(after.risk);
        after.recommendation = change
            .recommendation
            .clone()
            .unwrap_or(after.recommendation);
        after.classification = class;
        after.priority = change.priority.unwrap_or(after.priority);
        after.due_date = change.due_date.unwrap_or(after.due_date);
        after.owner = change.owner.clone().unwrap_or(after.owner);
        after.status = change.status.unwrap_or(after.status);
        self.write(|t| {
            t.tx.execute(
                "UPDATE findings SET cited_clause = ?1, fact = ?2, risk = ?3, recommendation = ?4, classification = ?5,
                 priority = ?6, due_date = ?7, owner = ?8, status = ?9, updated_at = ?10 WHERE id = ?11",
                params![
                    after.cited_clause,
                    after.fact,
                    after.risk,
                    after.recommendation,
                    after.classification,
                    after.priority.key(),
                    after.due_date.map(|d| d.to_string()),
                    after.owner,
                    after.status.key(),
                    t.now,
                    id
                ],
            )?;
            t.log("finding.update", "finding", id, Some(&before), Some(&after))
        })?;
        self.finding(id)
    }

    pub fn finding(&self, id: i64) -> Result<Finding> {
        optional(
            self.conn()
                .query_row(&format!("{SELECT} WHERE f.id = ?1"), [id], row),
        )?
        .ok_or(Error::UnknownFinding(id))
    }

    /// The findings of an assessment, by number.
    pub fn findings(&self, assessment: i64) -> Result<Vec<Finding>> {
        self.frozen(assessment)?;
        self.rows(
            &format!("{SELECT} WHERE f.assessment_id = ?1 ORDER BY f.number"),
            [assessment],
            row,
        )
    }
}
