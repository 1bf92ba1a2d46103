//! Responses: the rating and note of one item for one department (the hot path of an
//! interview: one small transaction per keystroke-level change).

use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::{optional, Store};
use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Response {
    pub id: i64,
    pub department_id: i64,
    pub department: String,
    pub item_id: String,
    /// A key of the assessment's scale; None = 未評価.
    pub rating: Option<String>,
    pub note: String,
    pub updated_at: String,
}

/// What to change in an answer. `None` fields are left as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerChange {
    /// A rating as typed (key, symbol or label); "unrated"/"未評価" clears it.
    pub rating: Option<String>,
    pub note: Option<String>,
}

const SELECT: &str =
    "SELECT r.id, r.department_id, d.name, r.item_id, r.rating, r.note, r.updated_at
    FROM responses r JOIN departments d ON d.id = r.department_id";

fn row(r: &rusqlite::Row) -> rusqlite::Result<Response> {
    Ok(Response {
        id: r.get(0)?,
        department_id: r.get(1)?,
        department: r.get(2)?,
        item_id: r.get(3)?,
        rating: r.get(4)?,
        note: r.get(5)?,
        updated_at: r.get(6)?,
    })
}

/// What a typed rating asks for: `None` leave it, `Some(None)` clear it (only when asked for
/// with "unrated" / "未評価"), `Some(Some(key))` set it. A blank rating is refused: an empty
/// argument or field must never clear a judged item silently.
fn rating_change(
    scale: crate::ScaleKind,
    typed: Option<&str>,
    item: &str,
    department: &str,
) -> Result<Option<Option<&'static str>>> {
    match typed.map(str::trim) {
        None => Ok(None),
        Some("") => Err(Error::RatingBlank {
            item: item.to_string(),
            department: department.to_string(),
        }),
        Some("unrated" | "未評価") => Ok(Some(None)),
        Some(r) => {
            let rating = scale
                .parse_rating(r)
                .ok_or_else(|| Error::RatingNotInScale {
                    rating: crate::text::preview(r, 40),
                    scale: scale.key().to_string(),
                    choices: scale.choices_text(crate::Lang::Ja),
                    item: item.to_string(),
                    department: department.to_string(),
                })?;
            Ok(Some(Some(rating.key)))
        }
    }
}

impl Store {
    /// Records (or changes) the answer of `item` for `department`. Validates the item against
    /// the frozen checklist and the rating against the assessment's scale before writing.
    pub fn record_answer(
        &mut self,
        assessment: i64,
        department: &str,
        item: &str,
        change: &AnswerChange,
    ) -> Result<Response> {
        let a = self.frozen(assessment)?;
        let d = self.department(assessment, department)?;
        let Some(it) = a.checklist.item(item) else {
            return Err(Error::UnknownItem {
                assessment,
                item: item.to_string(),
            });
        };
        self.check_in_scope(assessment, &d, it)?;
        let rating = rating_change(a.scale, change.rating.as_deref(), item, &d.name)?;
        let note =
            crate::text::clean_opt("note", change.note.as_deref(), crate::text::Limit::NOTE)?;
        let before = self.response(assessment, d.id, item)?;
        let new_rating = match rating {
            Some(r) => r.map(str::to_string),
            None => before.as_ref().and_then(|b| b.rating.clone()),
        };
        let new_note = note
            .or_else(|| before.as_ref().map(|b| b.note.clone()))
            .unwrap_or_default();
        self.write(|t| {
            t.tx.execute(
                "INSERT INTO responses (assessment_id, department_id, item_id, rating, note, updated_at, id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (assessment_id, department_id, item_id)
                 DO UPDATE SET rating = excluded.rating, note = excluded.note, updated_at = excluded.updated_at",
                params![assessment, d.id, item, new_rating, new_note, t.now, super::ids::new_id()],
            )?;
            let id: i64 = t.tx.query_row(
                "SELECT id FROM responses WHERE assessment_id = ?1 AND department_id = ?2 AND item_id = ?3",
                params![assessment, d.id, item],
                |r| r.get(0),
            )?;
            let after = Response {
                id,
                department_id: d.id,
                department: d.name.clone(),
                item_id: item.to_string(),
                rating: new_rating.clone(),
                note: new_note.clone(),
                updated_at: t.now.clone(),
            };
            let slim = |r: &Response| serde_json::json!({"rating": r.rating, "note": r.note});
            t.log("answer.set", "response", format!("{assessment}/{}/{item}", d.id), before.as_ref().map(slim).as_ref(), Some(&slim(&after)))?;
            Ok(after)
        })
    }

    /// Records many answers of one department at once (an imported Excel sheet): every item
    /// and rating is validated first, then all changes are written in one transaction with one
    /// audit-log entry per answer that actually changes. Answers equal to what is stored are
    /// skipped (no write, no log entry), so importing the same data twice changes nothing.
    /// Returns the answers that changed.
    pub fn record_answers(
        &mut self,
        assessment: i64,
        department: &str,
        changes: &[(String, AnswerChange)],
    ) -> Result<Vec<Response>> {
        let a = self.frozen(assessment)?;
        let d = self.department(assessment, department)?;
        let stored: std::collections::HashMap<String, Response> = self
            .answers(assessment, Some(&d.id.to_string()))?
            .into_iter()
            .map(|r| (r.item_id.clone(), r))
            .collect();
        // (item, before, new rating, new note) of every real change, all validated before writing.
        let mut planned: Vec<(&str, Option<&Response>, Option<String>, String)> = vec![];
        let scope = self.scope_map(assessment)?;
        for (item, change) in changes {
            let Some(it) = a.checklist.item(item) else {
                return Err(Error::UnknownItem {
                    assessment,
                    item: item.clone(),
                });
            };
            if !scope.applies(d.id, it) {
                return Err(Error::OutOfScope {
                    department: d.name.clone(),
                    item: item.clone(),
                });
            }
            let before = stored.get(item.as_str());
            let new_rating = match rating_change(a.scale, change.rating.as_deref(), item, &d.name)?
            {
                None => before.and_then(|b| b.rating.clone()),
                Some(r) => r.map(str::to_string),
            };
            let note = crate::text::clean_opt(
                &format!("note ({item})"),
                change.note.as_deref(),
                crate::text::Limit::NOTE,
            )?;
            let new_note = note
                .or_else(|| before.map(|b| b.note.clone()))
                .unwrap_or_default();
            let same = match before {
                Some(b) => b.rating == new_rating && b.note == new_note,
                None => new_rating.is_none() && new_note.is_empty(),
            };
            if !same {
                planned.retain(|p| p.0 != item.as_str()); // the last change of an item wins
                planned.push((item.as_str(), before, new_rating, new_note));
            }
        }
        if planned.is_empty() {
            return Ok(vec![]);
        }
        self.write(|t| {
            let mut out = Vec::with_capacity(planned.len());
            let mut upsert = t.tx.prepare_cached(
                "INSERT INTO responses (assessment_id, department_id, item_id, rating, note, updated_at, id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (assessment_id, department_id, item_id)
                 DO UPDATE SET rating = excluded.rating, note = excluded.note, updated_at = excluded.updated_at
                 RETURNING id",
            )?;
            let slim = |rating: &Option<String>, note: &str| serde_json::json!({"rating": rating, "note": note});
            for (item, before, rating, note) in &planned {
                let id: i64 = upsert.query_row(params![assessment, d.id, item, rating, note, t.now, super::ids::new_id()], |r| r.get(0))?;
                let b = before.map(|b| slim(&b.rating, &b.note));
                t.log("answer.set", "response", format!("{assessment}/{}/{item}", d.id), b.as_ref(), Some(&slim(rating, note)))?;
                out.push(Response {
                    id,
                    department_id: d.id,
                    department: d.name.clone(),
                    item_id: item.to_string(),
                    rating: rating.clone(),
                    note: note.clone(),
                    updated_at: t.now.clone(),
                });
            }
            Ok(out)
        })
    }

    /// The store's current time as stamped on stored rows (e.g. `updated_at`): what an exported
    /// sheet records as its issue time, so that later changes can be told apart.
    pub fn timestamp(&self) -> String {
        crate::clock::stamp(self.now())
    }

    fn response(
        &self,
        assessment: i64,
        department_id: i64,
        item: &str,
    ) -> Result<Option<Response>> {
        optional(self.conn().query_row(
            &format!(
                "{SELECT} WHERE r.assessment_id = ?1 AND r.department_id = ?2 AND r.item_id = ?3"
            ),
            params![assessment, department_id, item],
            row,
        ))
    }

    /// The answer of one item, if any.
    pub fn answer(
        &self,
        assessment: i64,
        department: &str,
        item: &str,
    ) -> Result<Option<Response>> {
        let d = self.department(assessment, department)?;
        self.response(assessment, d.id, item)
    }

    /// All answers of an assessment (optionally one department), by department then item.
    pub fn answers(&self, assessment: i64, department: Option<&str>) -> Result<Vec<Response>> {
        self.frozen(assessment)?;
        let dept = department
            .map(|d| self.department(assessment, d))
            .transpose()?;
        self.rows(&format!(
            "{SELECT} JOIN assessment_departments ad ON ad.assessment_id = r.assessment_id AND ad.department_id = r.department_id
             WHERE r.assessment_id = ?1 AND (?2 IS NULL OR r.department_id = ?2) ORDER BY ad.position, r.item_id"
        ), params![assessment, dept.map(|d| d.id)], row)
    }
}
