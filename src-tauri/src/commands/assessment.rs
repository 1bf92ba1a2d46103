//! Assessment dashboard: departments × policy areas, open findings, what is left.

use tauri::State;
use tenken_core::views::{self, AssessmentHead, Dashboard};

use crate::command_error::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn dashboard(state: State<'_, AppState>, assessment_id: i64) -> CommandResult<Dashboard> {
    let lang = state.lang();
    state.with_store(|store| views::dashboard(store, assessment_id, lang))
}

#[tauri::command(async)]
pub fn assessment_head(
    state: State<'_, AppState>,
    assessment_id: i64,
) -> CommandResult<AssessmentHead> {
    let lang = state.lang();
    state.with_store(|store| views::assessment_head(store, assessment_id, lang))
}

/// One line of the year comparison: the share of the best rating among the scored checks,
/// previous year and this year, in percent (one decimal); None where nothing was scored.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct YearRow {
    pub label: String,
    pub before_percent: Option<f64>,
    pub now_percent: Option<f64>,
}

/// This year against the previous assessment of the same organisation, as the report's
/// 前年度との比較 computes it (common items and departments only; scope followed).
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct YearComparison {
    pub previous_title: String,
    pub previous_fiscal_year: i32,
    pub common_items: u32,
    pub items_now: u32,
    pub items_before: u32,
    pub departments: u32,
    pub improved: u32,
    pub worsened: u32,
    pub total: YearRow,
    pub by_area: Vec<YearRow>,
    pub by_department: Vec<YearRow>,
    /// [classification label, previous year, this year].
    pub findings: Vec<(String, u32, u32)>,
}

/// None when there is no previous assessment to compare with (or it used another scale).
#[tauri::command(async)]
pub fn year_comparison(
    state: State<'_, AppState>,
    assessment_id: i64,
) -> CommandResult<Option<YearComparison>> {
    use tenken_report::sections::{yoy, Ctx};
    let lang = state.lang();
    let e = state.with_store(|store| tenken_core::export::export(store, assessment_id))?;
    let today = chrono::Local::now().date_naive();
    let c = Ctx::new(&e, lang, "", today, tenken_report::Issue::Draft);
    let Some(cmp) = yoy::compare(&c) else {
        return Ok(None);
    };
    let p = e
        .previous
        .as_ref()
        .expect("compare needs a previous assessment");
    let scale = e.assessment.scale;
    let pct = |t: &tenken_report::sections::summary::Tally| {
        t.ratio(scale).map(|r| (1000.0 * r).round() / 10.0)
    };
    let row = |label: String, (a, b): (&_, &_)| YearRow {
        label,
        before_percent: pct(a),
        now_percent: pct(b),
    };
    Ok(Some(YearComparison {
        previous_title: p.title.clone(),
        previous_fiscal_year: p.fiscal_year,
        common_items: cmp.common_items.len() as u32,
        items_now: cmp.items_now as u32,
        items_before: cmp.items_before as u32,
        departments: cmp.common_departments.len() as u32,
        improved: cmp.improved as u32,
        worsened: cmp.worsened as u32,
        total: row(String::new(), (&cmp.total.0, &cmp.total.1)),
        by_area: c
            .topics
            .iter()
            .filter_map(|k| {
                cmp.by_topic
                    .get(k)
                    .map(|v| row(c.topic_label(k), (&v.0, &v.1)))
            })
            .collect(),
        by_department: cmp
            .by_dept
            .iter()
            .map(|(d, a, b)| row(d.clone(), (a, b)))
            .collect(),
        findings: cmp
            .findings
            .iter()
            .map(|(k, a, b)| {
                (
                    e.assessment.classification.class_label(k, lang),
                    *a as u32,
                    *b as u32,
                )
            })
            .collect(),
    }))
}
