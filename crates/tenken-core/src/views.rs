//! Read-side projections for the window: what one screen shows, built from the store in one
//! call (policy with its sections, the derivation to freeze, the assessment dashboard, the
//! interview sheet of one department). Pure reads; every change goes through `Store`.
//! Labels come localized in the caller's language, so the window never re-implements them.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::checklist::derive::{derive, Derivation, Profile};
use crate::checklist::{Bank, Checklist, TOPIC_KEYS};
use crate::domain::{AssessmentKind, ClassificationScheme, FindingStatus, ScaleKind};
use crate::error::Result;
use crate::i18n::{tr, Lang};
use crate::store::{Department, Finding, Interview, Store};

/// A checklist of the bank, as offered when deriving.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ChecklistInfo {
    pub id: String,
    pub version: String,
    pub title: String,
    pub scale: ScaleKind,
    pub items: u32,
}

pub fn checklists(bank: &Bank, lang: Lang) -> Vec<ChecklistInfo> {
    bank.checklists
        .iter()
        .map(|c| ChecklistInfo {
            id: c.id.clone(),
            version: c.version.clone(),
            title: c.title.get(lang).to_string(),
            scale: c.scale,
            items: c.items.len() as u32,
        })
        .collect()
}

/// A stored policy document in lists.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PolicySummary {
    pub id: i64,
    pub organisation_id: i64,
    /// basic_policy | standards
    pub kind: String,
    pub source_name: String,
    pub title: Option<String>,
    pub text_sha256: String,
    pub encoding: String,
    pub imported_at: String,
    pub sections: u32,
    pub segments: Vec<String>,
}

/// One section in document order (the tree flattened; `depth` 0 = top level).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SectionRow {
    pub depth: u32,
    pub label: String,
    /// Empty for grouping headings (章・節), which cannot be cited.
    pub citation: String,
    pub title: Option<String>,
    pub text: String,
    /// 1-based line of the heading in the original text.
    pub line: u32,
}

/// Where the policy covers one topic, and whether the auditor set it by hand.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TopicRow {
    pub key: String,
    pub title: String,
    /// None: the policy has no section for this topic.
    pub citation: Option<String>,
    pub corrected: bool,
}

/// A policy as the policy screen shows it: sections beside the original text.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PolicyView {
    pub summary: PolicySummary,
    pub sections: Vec<SectionRow>,
    pub topics: Vec<TopicRow>,
    pub warnings: Vec<String>,
    /// The original text as imported (decoded to UTF-8), line by line.
    pub lines: Vec<String>,
}

/// What changed between an earlier import of the same kind and a newer one.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PolicyChanges {
    pub previous_id: Option<i64>,
    pub same_text: bool,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    /// Same citation, different title or text.
    pub changed: Vec<String>,
    /// Topics whose citation moved: "physical: 第8条第4号 → 第8条第5号".
    pub topics_moved: Vec<String>,
    pub segments_before: Vec<String>,
    pub segments_after: Vec<String>,
}

fn summary(d: &crate::store::PolicyDocument) -> PolicySummary {
    PolicySummary {
        id: d.id,
        organisation_id: d.organisation_id,
        kind: d.kind.clone(),
        source_name: d.source_name.clone(),
        title: d.title.clone(),
        text_sha256: d.text_sha256.clone(),
        encoding: d.encoding.clone(),
        imported_at: d.imported_at.clone(),
        sections: count_nodes(&d.parsed.sections) as u32,
        segments: d.parsed.segments.clone(),
    }
}

fn count_nodes(nodes: &[tenken_policy::Node]) -> usize {
    nodes.iter().map(|n| 1 + count_nodes(&n.children)).sum()
}

fn flatten(nodes: &[tenken_policy::Node], depth: u32, out: &mut Vec<SectionRow>) {
    for n in nodes {
        out.push(SectionRow {
            depth,
            label: n.label.clone(),
            citation: if n.number_path.is_empty() {
                String::new()
            } else {
                n.citation.clone()
            },
            title: n.title.clone(),
            text: n.text.clone(),
            line: n.line as u32,
        });
        flatten(&n.children, depth + 1, out);
    }
}

/// The localized title of a policy topic (`physical` → 物理的セキュリティ).
pub fn topic_label(key: &str, lang: Lang) -> String {
    tr(lang, &format!("topic-{}", key.replace('_', "-")), &[])
}

pub fn policies(store: &Store, organisation_id: i64) -> Result<Vec<PolicySummary>> {
    Ok(store
        .policies(organisation_id)?
        .iter()
        .map(summary)
        .collect())
}

pub fn policy(store: &Store, id: i64, lang: Lang) -> Result<PolicyView> {
    let d = store.policy(id)?;
    let mut sections = Vec::new();
    flatten(&d.parsed.sections, 0, &mut sections);
    let corrected: Vec<&str> = d.corrections.iter().map(|c| c.topic.as_str()).collect();
    let topics = TOPIC_KEYS
        .iter()
        .map(|k| TopicRow {
            key: k.to_string(),
            title: topic_label(k, lang),
            citation: d.parsed.topics.get(*k).map(|t| t.citation.clone()),
            corrected: corrected.contains(k),
        })
        .collect();
    let text = store.policy_text(id)?;
    Ok(PolicyView {
        summary: summary(&d),
        sections,
        topics,
        warnings: d.parsed.warnings.clone(),
        lines: text.lines().map(str::to_string).collect(),
    })
}

/// Compares `id` with the latest earlier document of the same organisation and kind.
pub fn policy_changes(store: &Store, id: i64) -> Result<PolicyChanges> {
    policy_changes_in(store, id, Lang::Ja)
}

/// What changed against the previous text of the same kind: sections in document order
/// (第1条, 第2条, … 第10条, not as text), topics by their localized names.
pub fn policy_changes_in(store: &Store, id: i64, lang: Lang) -> Result<PolicyChanges> {
    let new = store.policy(id)?;
    let Some(old) = store
        .policies(new.organisation_id)?
        .into_iter()
        .rfind(|d| d.kind == new.kind && d.id < id)
    else {
        return Ok(PolicyChanges {
            segments_after: new.parsed.segments.clone(),
            ..Default::default()
        });
    };
    let index = |d: &crate::store::PolicyDocument| {
        let mut rows = Vec::new();
        flatten(&d.parsed.sections, 0, &mut rows);
        let mut seen = std::collections::HashSet::new();
        let ordered: Vec<SectionRow> = rows
            .into_iter()
            .filter(|r| !r.citation.is_empty() && seen.insert(r.citation.clone()))
            .collect();
        let by_citation: BTreeMap<String, SectionRow> = ordered
            .iter()
            .map(|r| (r.citation.clone(), r.clone()))
            .collect();
        (ordered, by_citation)
    };
    let ((a_rows, a), (b_rows, b)) = (index(&old), index(&new));
    let name = |r: &SectionRow| match &r.title {
        Some(t) => format!("{} {}", r.citation, t),
        None => r.citation.clone(),
    };
    let mut c = PolicyChanges {
        previous_id: Some(old.id),
        same_text: old.text_sha256 == new.text_sha256,
        segments_before: old.parsed.segments.clone(),
        segments_after: new.parsed.segments.clone(),
        ..Default::default()
    };
    for r in &b_rows {
        match a.get(&r.citation) {
            None => c.added.push(name(r)),
            Some(o) if o.title != r.title || o.text != r.text => c.changed.push(name(r)),
            Some(_) => {}
        }
    }
    c.removed = a_rows
        .iter()
        .filter(|r| !b.contains_key(&r.citation))
        .map(name)
        .collect();
    for k in TOPIC_KEYS {
        let before = old
            .parsed
            .topics
            .get(k)
            .map(|t| t.citation.as_str())
            .unwrap_or("—");
        let after = new
            .parsed
            .topics
            .get(k)
            .map(|t| t.citation.as_str())
            .unwrap_or("—");
        if before != after {
            c.topics_moved
                .push(format!("{}: {before} → {after}", topic_label(k, lang)));
        }
    }
    Ok(c)
}

/// The checklist bound to the stored policy documents (or the bank's as is, without a policy),
/// with the derivation report. The one place both the window and `assessment create` use.
pub fn derive_for_store(
    store: &Store,
    bank: &Bank,
    checklist: &str,
    policy: Option<i64>,
    standards: Option<i64>,
    profile: &Profile,
) -> Result<(Checklist, Option<Derivation>)> {
    let base = bank.get(checklist)?;
    let Some(p) = policy else {
        return Ok((base.clone(), None));
    };
    let pol = store.policy(p)?;
    let std_doc = standards.map(|s| store.policy(s)).transpose()?;
    let (bound, d) = derive(
        base,
        &pol.parsed,
        std_doc.as_ref().map(|s| &s.parsed),
        profile,
    );
    Ok((bound, Some(d)))
}

/// One choice of the assessment's scale, labelled.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RatingChoice {
    pub key: String,
    pub symbol: String,
    pub label: String,
    /// Counts in the score (not 対象外 / 該当なし).
    pub scored: bool,
}

/// One policy area (a topic of the measures) as grouped on screens.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Area {
    pub key: String,
    pub title: String,
}

/// The assessment's header as screens show it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AssessmentHead {
    pub id: i64,
    pub organisation_id: i64,
    pub organisation_name: String,
    pub title: String,
    pub fiscal_year: i32,
    pub fiscal_year_label: String,
    pub kind: AssessmentKind,
    pub scale: ScaleKind,
    pub classification: ClassificationScheme,
    pub checklist_id: String,
    pub checklist_version: String,
    pub ratings: Vec<RatingChoice>,
    /// The classification preset's classes, labelled ([key, label]).
    pub classes: Vec<(String, String)>,
    pub departments: Vec<Department>,
}

pub fn assessment_head(store: &Store, id: i64, lang: Lang) -> Result<AssessmentHead> {
    // The frozen copy is parsed once per store and shared (300 items parse in milliseconds,
    // but an interview switches department many times).
    let a = store.frozen(id)?;
    let org = store
        .list_organisations()?
        .into_iter()
        .find(|o| o.id == a.organisation_id);
    Ok(AssessmentHead {
        id,
        organisation_id: a.organisation_id,
        organisation_name: org.map(|o| o.name).unwrap_or_default(),
        title: a.title.clone(),
        fiscal_year: a.fiscal_year,
        fiscal_year_label: a.fiscal_year_label.clone(),
        kind: a.kind,
        scale: a.scale,
        classification: a.classification,
        checklist_id: a.checklist.id.clone(),
        checklist_version: a.checklist.version.clone(),
        ratings: a
            .scale
            .ratings()
            .iter()
            .map(|r| RatingChoice {
                key: r.key.to_string(),
                symbol: r.symbol.to_string(),
                label: a.scale.rating_label(r.key, lang),
                scored: r.score.is_some(),
            })
            .collect(),
        classes: a
            .classification
            .classes()
            .iter()
            .map(|k| (k.to_string(), a.classification.class_label(k, lang)))
            .collect(),
        departments: store.departments(id)?,
    })
}

/// Progress and results of one department in one area.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Cell {
    pub items: u32,
    pub answered: u32,
    /// Answered items that count in the score (not 対象外 / 該当なし).
    pub scored: u32,
    /// Share of the best rating over scored answers, 0–100; None before any scored answer.
    pub score_percent: Option<u32>,
    /// Answers with the worst rating (× 不適合 / 実施していない).
    pub worst: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DashboardRow {
    pub department: Department,
    pub cells: Vec<Cell>,
    pub total: Cell,
    pub open_findings: u32,
    pub interviews: u32,
}

/// The assessment dashboard: departments × policy areas, open findings, what is left.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Dashboard {
    pub head: AssessmentHead,
    pub areas: Vec<Area>,
    pub rows: Vec<DashboardRow>,
    pub total: Cell,
    pub open_findings: Vec<Finding>,
    /// Departments without any interview recorded.
    pub departments_not_interviewed: Vec<String>,
    /// Required items (最低限) still unanswered, per department: [department, count].
    pub required_unanswered: Vec<(String, u32)>,
    pub evidence_count: u32,
}

/// The areas of a checklist in chapter order (the order items first appear).
fn areas_of(c: &Checklist, lang: Lang) -> Vec<Area> {
    let mut keys: Vec<(u32, &str)> = Vec::new();
    for i in &c.items {
        if !keys.iter().any(|(_, k)| *k == i.topic) {
            keys.push((i.chapter(), &i.topic));
        }
    }
    keys.sort_by_key(|(ch, k)| (*ch, TOPIC_KEYS.iter().position(|t| t == k)));
    keys.into_iter()
        .map(|(_, k)| Area {
            key: k.to_string(),
            title: topic_label(k, lang),
        })
        .collect()
}

/// Counts answers into a `Cell`; the score is a sum until `cell()` turns it into a percentage.
#[derive(Clone, Default)]
struct Tally {
    cell: Cell,
    score_sum: u32,
}

impl Tally {
    fn add(&mut self, rating: Option<&str>, scale: ScaleKind) {
        self.cell.items += 1;
        let Some(r) = rating.and_then(|k| scale.ratings().iter().find(|x| x.key == k)) else {
            return;
        };
        self.cell.answered += 1;
        if let Some(s) = r.score {
            self.cell.scored += 1;
            self.score_sum += s.max(0) as u32;
            if s == worst_score(scale) {
                self.cell.worst += 1;
            }
        }
    }

    /// The cell, with the score as the share of the best rating (rounded), None before any
    /// scored answer.
    fn cell(self, scale: ScaleKind) -> Cell {
        let best = scale
            .ratings()
            .iter()
            .filter_map(|x| x.score)
            .max()
            .unwrap_or(1)
            .max(1) as u32;
        let n = self.cell.scored;
        Cell {
            score_percent: (n > 0).then(|| (self.score_sum * 100 + best * n / 2) / (best * n)),
            ..self.cell
        }
    }
}

/// The lowest real score of a scale (× 不適合 / 実施していない; わからない's −1 is not a result).
fn worst_score(scale: ScaleKind) -> i32 {
    scale
        .ratings()
        .iter()
        .filter_map(|x| x.score)
        .filter(|s| *s >= 0)
        .min()
        .unwrap_or(0)
}

pub fn dashboard(store: &Store, id: i64, lang: Lang) -> Result<Dashboard> {
    let head = assessment_head(store, id, lang)?;
    let a = store.frozen(id)?;
    let areas = areas_of(&a.checklist, lang);
    let answers = store.answers(id, None)?;
    let by: HashMap<(i64, &str), Option<&str>> = answers
        .iter()
        .map(|r| ((r.department_id, r.item_id.as_str()), r.rating.as_deref()))
        .collect();
    let findings = store.findings(id)?;
    let interviews = store.interviews(id)?;
    let scope = store.scope_map(id)?;
    let mut rows = Vec::new();
    let mut grand = Tally::default();
    let mut required_unanswered = Vec::new();
    for d in &head.departments {
        let mut cells = vec![Tally::default(); areas.len()];
        let mut total = Tally::default();
        let mut req = 0;
        for item in a.checklist.items.iter().filter(|i| scope.applies(d.id, i)) {
            let rating = by.get(&(d.id, item.id.as_str())).copied().flatten();
            let ai = areas
                .iter()
                .position(|ar| ar.key == item.topic)
                .unwrap_or(0);
            cells[ai].add(rating, a.scale);
            total.add(rating, a.scale);
            grand.add(rating, a.scale);
            if item.required && rating.is_none() {
                req += 1;
            }
        }
        if req > 0 {
            required_unanswered.push((d.name.clone(), req));
        }
        rows.push(DashboardRow {
            department: d.clone(),
            cells: cells.into_iter().map(|c| c.cell(a.scale)).collect(),
            total: total.cell(a.scale),
            open_findings: findings
                .iter()
                .filter(|f| f.department_id == d.id && is_open(f.status))
                .count() as u32,
            interviews: interviews
                .iter()
                .filter(|i| i.department_id == d.id)
                .count() as u32,
        });
    }
    Ok(Dashboard {
        departments_not_interviewed: rows
            .iter()
            .filter(|r| r.interviews == 0)
            .map(|r| r.department.name.clone())
            .collect(),
        head,
        areas,
        rows,
        total: grand.cell(a.scale),
        open_findings: findings.into_iter().filter(|f| is_open(f.status)).collect(),
        required_unanswered,
        evidence_count: store.evidence_list(id)?.len() as u32,
    })
}

fn is_open(s: FindingStatus) -> bool {
    s != FindingStatus::Done
}

/// One item on the interview sheet, with the department's answer.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SheetItem {
    pub id: String,
    pub area: String,
    /// The organisation's clause (or the model section where no policy was bound).
    pub citation: String,
    pub standards_citation: Option<String>,
    pub question: String,
    pub look_at: Vec<String>,
    /// Localized method names (ヒアリング, 文書確認, …).
    pub methods: Vec<String>,
    pub required: bool,
    pub rating: Option<String>,
    pub note: String,
    pub evidence: u32,
    /// 指摘番号 of findings raised from this item.
    pub findings: Vec<i64>,
    /// The same item's rating and note for this department in the previous assessment.
    pub previous_rating: Option<String>,
    pub previous_note: String,
}

/// The interview screen of one department: items grouped by area in checklist order.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct InterviewSheet {
    pub head: AssessmentHead,
    pub department: Department,
    pub areas: Vec<Area>,
    pub items: Vec<SheetItem>,
    /// This department's findings of the previous assessment that are not 完了.
    pub previous_open_findings: Vec<Finding>,
    pub interviews: Vec<Interview>,
    /// Items of the checklist out of this department's scope (not asked, not listed; not the
    /// rating 対象外).
    pub out_of_scope: u32,
}

pub fn interview_sheet(
    store: &Store,
    id: i64,
    department: &str,
    lang: Lang,
) -> Result<InterviewSheet> {
    let head = assessment_head(store, id, lang)?;
    let a = store.frozen(id)?;
    let dept = store.department(id, department)?;
    let areas = areas_of(&a.checklist, lang);
    let answers: HashMap<String, crate::store::Response> = store
        .answers(id, Some(&dept.id.to_string()))?
        .into_iter()
        .map(|r| (r.item_id.clone(), r))
        .collect();
    let findings = store.findings(id)?;
    let mut evidence: HashMap<&str, u32> = HashMap::new();
    let ev = store.evidence_list(id)?;
    for e in &ev {
        for l in &e.links {
            if let crate::store::EvidenceLink::Response {
                department,
                item_id,
            } = l
            {
                if *department == dept.name {
                    *evidence.entry(item_id.as_str()).or_default() += 1;
                }
            }
        }
    }
    let previous = previous_of(store, &a)?;
    let mut before: HashMap<String, (Option<String>, String)> = HashMap::new();
    if let Some(p) = previous {
        let mut stmt = store.conn().prepare_cached(
            "SELECT item_id, rating, note FROM responses WHERE assessment_id = ?1 AND department_id = ?2 AND (rating IS NOT NULL OR note <> '')",
        )?;
        let rows = stmt.query_map(rusqlite::params![p, dept.id], |r| {
            Ok((r.get::<_, String>(0)?, (r.get(1)?, r.get(2)?)))
        })?;
        for row in rows {
            let (k, v) = row?;
            before.insert(k, v);
        }
    }
    let scope = store.scope_map(id)?;
    let mut out_of_scope = 0;
    let mut items: Vec<SheetItem> = a
        .checklist
        .items
        .iter()
        .filter(|i| {
            let applies = scope.applies(dept.id, i);
            out_of_scope += u32::from(!applies);
            applies
        })
        .map(|i| {
            let r = answers.get(&i.id);
            SheetItem {
                id: i.id.clone(),
                area: i.topic.clone(),
                citation: i.citation.clone().unwrap_or_else(|| i.section.clone()),
                standards_citation: i.standards_citation.clone(),
                question: i.question.get(lang).to_string(),
                look_at: match lang {
                    Lang::Ja => i.look_at.ja.clone(),
                    Lang::En => i.look_at.en.clone(),
                },
                methods: i
                    .methods
                    .iter()
                    .map(|m| tr(lang, &format!("method-{m}"), &[]))
                    .collect(),
                required: i.required,
                rating: r.and_then(|r| r.rating.clone()),
                note: r.map(|r| r.note.clone()).unwrap_or_default(),
                evidence: evidence.get(i.id.as_str()).copied().unwrap_or(0),
                findings: findings
                    .iter()
                    .filter(|f| f.department_id == dept.id && f.item_id.as_deref() == Some(&i.id))
                    .map(|f| f.number)
                    .collect(),
                previous_rating: before.get(&i.id).and_then(|b| b.0.clone()),
                previous_note: before.get(&i.id).map(|b| b.1.clone()).unwrap_or_default(),
            }
        })
        .collect();
    // Grouped by area (areas in chapter order), checklist order within an area.
    items.sort_by_key(|i| areas.iter().position(|a| a.key == i.area));
    let previous_open_findings = match previous {
        Some(p) => store
            .findings(p)?
            .into_iter()
            .filter(|f| f.department == dept.name && is_open(f.status))
            .collect(),
        None => Vec::new(),
    };
    let interviews = store
        .interviews(id)?
        .into_iter()
        .filter(|i| i.department_id == dept.id)
        .collect();
    Ok(InterviewSheet {
        head,
        department: dept,
        areas,
        items,
        previous_open_findings,
        interviews,
        out_of_scope,
    })
}

/// The assessment's previous one: the one it names, else the latest earlier year of the same
/// organisation and kind.
fn previous_of(store: &Store, a: &crate::store::Assessment) -> Result<Option<i64>> {
    if a.previous_assessment_id.is_some() {
        return Ok(a.previous_assessment_id);
    }
    let found = store.conn().query_row(
        "SELECT id FROM assessments WHERE organisation_id = ?1 AND kind = ?2 AND fiscal_year < ?3
         ORDER BY fiscal_year DESC, id DESC LIMIT 1",
        rusqlite::params![a.organisation_id, a.kind.key(), a.fiscal_year],
        |r| r.get(0),
    );
    crate::store::optional(found)
}
