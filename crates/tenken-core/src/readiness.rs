//! The report's front matter as the window edits it (総評, 監査期間, 宛先, 監査人, interviews,
//! remarks), and what is still empty before the PDF is made («総評が未入力です»).

use chrono::NaiveDate;
use serde::Serialize;

use crate::i18n::tr;
use crate::store::{Interview, Remark, Store};
use crate::{Lang, Result};

/// Something the report would print empty.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Gap {
    /// Stable key: summary, period, addressee, auditors, interview, interview-details, unrated.
    pub key: String,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReportDetails {
    pub assessment_id: i64,
    pub organisation_id: i64,
    pub organisation_name: String,
    /// 宛先 without 御中 (the report adds it).
    pub addressee: String,
    pub summary: String,
    pub period_start: Option<NaiveDate>,
    pub period_end: Option<NaiveDate>,
    pub auditors: Vec<String>,
    pub interviews: Vec<Interview>,
    pub remarks: Vec<Remark>,
    pub gaps: Vec<Gap>,
}

pub fn report_details(store: &Store, assessment: i64, lang: Lang) -> Result<ReportDetails> {
    let a = store.assessment(assessment)?;
    let org = store.organisation(&a.organisation_id.to_string())?;
    let departments = store.departments(assessment)?;
    let interviews = store.interviews(assessment)?;
    let remarks = store.remarks(assessment)?;
    let mut gaps = Vec::new();
    let mut gap = |key: &str, message: String| {
        gaps.push(Gap {
            key: key.into(),
            message,
        })
    };
    if a.summary.trim().is_empty() {
        gap("summary", tr(lang, "gap-summary", &[]));
    }
    if a.period_start.is_none() || a.period_end.is_none() {
        gap("period", tr(lang, "gap-period", &[]));
    }
    if org.addressee.as_deref().unwrap_or("").trim().is_empty() {
        gap("addressee", tr(lang, "gap-addressee", &[]));
    }
    if a.auditors.is_empty() {
        gap("auditors", tr(lang, "gap-auditors", &[]));
    }
    for d in &departments {
        if !interviews.iter().any(|i| i.department_id == d.id) {
            gap(
                "interview",
                tr(
                    lang,
                    "gap-interview",
                    &[("department", d.name.as_str().into())],
                ),
            );
        }
    }
    for i in &interviews {
        if i.place.trim().is_empty() || i.attendees.trim().is_empty() || i.auditor.trim().is_empty()
        {
            let date = match lang {
                Lang::Ja => crate::calendar::wareki_date(i.held_on),
                Lang::En => crate::calendar::english_date(i.held_on),
            };
            gap(
                "interview-details",
                tr(
                    lang,
                    "gap-interview-details",
                    &[
                        ("department", i.department.as_str().into()),
                        ("date", date.into()),
                    ],
                ),
            );
        }
    }
    let (items, rated) = match store.scoped_counts(assessment)? {
        Some(counts) => counts,
        None => (
            a.checklist.items.len() as i64 * departments.len() as i64,
            store.conn().query_row(
                "SELECT count(*) FROM responses WHERE assessment_id = ?1 AND rating IS NOT NULL",
                [assessment],
                |r| r.get(0),
            )?,
        ),
    };
    if rated < items {
        gap(
            "unrated",
            tr(lang, "gap-unrated", &[("count", (items - rated).into())]),
        );
    }
    Ok(ReportDetails {
        assessment_id: assessment,
        organisation_id: org.id,
        organisation_name: org.name,
        addressee: org.addressee.unwrap_or_default(),
        summary: a.summary,
        period_start: a.period_start,
        period_end: a.period_end,
        auditors: a.auditors,
        interviews,
        remarks,
        gaps,
    })
}
