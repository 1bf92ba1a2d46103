//! 監査結果通知: the notice to one department — addressee, its results, its findings in full,
//! its previous-year findings, a request for an improvement plan by a date, its fingerprint.
//! Made from the export narrowed to the department ([`narrow`]), so nothing of another
//! department can appear in it.

use chrono::{Days, NaiveDate};
use tenken_core::export::AssessmentExport;
use tenken_core::i18n::group_digits;
use tenken_core::store::{EvidenceLink, Finding};

use crate::layout::{Block, Color};

use super::summary::{tallies, TallyTable};
use super::{approval, cover, findings, followup, h1, h2, matrix, para, remarks, Ctx};

/// Days between the notice and the improvement plan's due date.
pub const PLAN_DAYS: u64 = 30;

pub fn plan_due(today: NaiveDate) -> NaiveDate {
    today
        .checked_add_days(Days::new(PLAN_DAYS))
        .unwrap_or(today)
}

/// The export restricted to one department: its scope entry, interviews, answers, findings,
/// remarks (and the organisation-wide ones), the evidence linked to its answers or findings
/// (with only those links), and its previous-year findings. None if it is not in scope.
pub fn narrow(e: &AssessmentExport, department: &str) -> Option<AssessmentExport> {
    let dept = e.departments.iter().find(|d| d.name == department)?.clone();
    let findings: Vec<Finding> = e
        .findings
        .iter()
        .filter(|f| f.department == department)
        .cloned()
        .collect();
    let ids: Vec<i64> = findings.iter().map(|f| f.id).collect();
    let evidence = e
        .evidence
        .iter()
        .filter_map(|ev| {
            let links: Vec<EvidenceLink> = ev
                .links
                .iter()
                .filter(|l| match l {
                    EvidenceLink::Response { department: d, .. } => d == department,
                    EvidenceLink::Finding { finding_id, .. } => ids.contains(finding_id),
                })
                .cloned()
                .collect();
            (!links.is_empty()).then(|| {
                let mut ev = ev.clone();
                ev.links = links;
                ev
            })
        })
        .collect();
    let mut out = e.clone();
    out.departments = vec![dept];
    out.interviews.retain(|i| i.department == department);
    out.answers.retain(|a| a.department == department);
    out.out_of_scope.retain(|d, _| d == department);
    out.findings = findings;
    out.remarks
        .retain(|r| r.department.as_deref().is_none_or(|d| d == department));
    out.evidence = evidence;
    if let Some(p) = &mut out.previous {
        p.findings.retain(|f| f.department == department);
        p.departments.retain(|d| d.name == department);
        p.answers.retain(|a| a.department == department);
    }
    Some(out)
}

/// The notice's title: 「令和8年度 情報セキュリティ監査結果通知」.
pub fn title(c: &Ctx) -> String {
    let year = match c.lang {
        tenken_core::Lang::Ja => {
            tenken_core::calendar::fiscal_year_label(c.e.assessment.fiscal_year)
        }
        tenken_core::Lang::En => {
            tenken_core::calendar::fiscal_year_label_en(c.e.assessment.fiscal_year)
        }
    };
    c.t(
        "notice-title",
        &[
            ("year", year.into()),
            ("audit", if c.audit() { "yes" } else { "no" }.into()),
        ],
    )
}

/// The notice, from an export already narrowed to its one department.
pub fn notice(c: &Ctx) -> Vec<Block> {
    let e = c.e;
    let Some(d) = e.departments.first() else {
        return vec![];
    };
    let dept = d.name.as_str();
    let due = c.date(plan_due(c.today));
    let mut b = cover::cover(
        c,
        title(c),
        c.t(
            "notice-subtitle",
            &[
                ("department", dept.into()),
                ("title", (&e.assessment.title).into()),
            ],
        ),
        c.t("notice-addressee", &[("department", dept.into())]),
    );
    // 1 Request.
    b.push(h1(c.num(1, c.t("notice-sec-request", &[]))));
    let all: Vec<&Finding> = e.findings.iter().collect();
    b.push(para(c.t(
        "notice-request-text",
        &[
            ("title", (&e.assessment.title).into()),
            ("count", group_digits(all.len() as i64).into()),
            ("breakdown", findings::breakdown(c, &all).into()),
            ("due", due.clone().into()),
        ],
    )));
    b.push(Block::Para {
        text: c.t("notice-plan-items", &[("due", due.into())]),
        size: 9.0,
        indent: 12.0,
        color: Color::BLACK,
    });
    // 2 Results.
    b.push(h1(c.num(2, c.t("notice-sec-results", &[]))));
    let ts = tallies(c);
    let tt = TallyTable::new(c);
    let mut area = tt.table("report-col-area");
    for k in &c.topics {
        if let Some(tl) = ts.by_topic.get(k) {
            area.rows.push(tt.row(c.topic_label(k), tl));
        }
    }
    area.rows.push(tt.row(c.t("report-total", &[]), &ts.total));
    b.push(Block::Table(area));
    // 3 Findings in full.
    b.push(h1(c.num(3, c.t("report-sec-findings", &[]))));
    b.extend(findings::detail(c, &all));
    // 4 Previous year.
    let mut n = 4;
    if e.previous.is_some() {
        b.push(h1(c.num(n, c.t("report-sec-previous", &[]))));
        match followup::table(c, Some(dept)) {
            Some(t) => b.push(Block::Table(t)),
            None => b.push(para(c.t("notice-prev-none", &[]))),
        }
        n += 1;
    }
    if let Some(t) = remarks::table(c, Some(dept)) {
        b.push(h1(c.num(n, c.t("report-sec-remarks", &[]))));
        b.push(Block::Table(t));
        n += 1;
    }
    // Results per item.
    b.push(Block::PageBreak);
    b.push(h1(c.num(n, c.t("notice-sec-items", &[]))));
    b.push(Block::Table(matrix::department_results(c, dept)));
    b.push(h2(c.t("notice-sec-end", &[]), false));
    b.extend(approval::fingerprint(c));
    b
}
