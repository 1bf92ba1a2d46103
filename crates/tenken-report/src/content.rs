//! Report content: an `AssessmentExport` and a language → blocks for `layout`. Every fixed
//! string comes from Fluent (`locales/*/report.ftl`); numbers and dates are formatted here.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use tenken_core::calendar::{english_date, fiscal_year_label, fiscal_year_label_en, wareki_date};
use tenken_core::checklist::TOPIC_KEYS;
use tenken_core::export::AssessmentExport;
use tenken_core::i18n::{group_digits, tr, Arg};
use tenken_core::store::EvidenceLink;
use tenken_core::{AssessmentKind, EvidenceKind, Lang, ScaleKind};

use crate::font::Metrics;
use crate::layout::{Bar, Block, Chart, Col, Color, Cover, Table, BODY_W};

pub struct Content {
    pub blocks: Vec<Block>,
    /// Running header text and PDF title.
    pub title: String,
    pub marking: String,
}

pub(crate) fn t(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    tr(lang, id, args)
}

pub(crate) fn date(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::Ja => wareki_date(d),
        Lang::En => english_date(d),
    }
}

fn date_str(lang: Lang, s: &str) -> String {
    // "2026-11-21" or an RFC 3339 timestamp.
    NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").map(|d| date(lang, d)).unwrap_or_else(|_| s.to_string())
}

fn is_audit(kind: AssessmentKind) -> bool {
    kind != AssessmentKind::SelfInspection
}

pub fn title(e: &AssessmentExport, lang: Lang) -> String {
    let year = match lang {
        Lang::Ja => fiscal_year_label(e.assessment.fiscal_year),
        Lang::En => fiscal_year_label_en(e.assessment.fiscal_year),
    };
    let kind = if is_audit(e.assessment.kind) { "audit" } else { "self_inspection" };
    t(lang, "report-title", &[("year", year.into()), ("kind", kind.into())])
}

fn series_colors(scale: ScaleKind) -> Vec<Color> {
    match scale {
        ScaleKind::Audit => vec![Color(0.27, 0.60, 0.38), Color(0.96, 0.72, 0.22), Color(0.80, 0.24, 0.22), Color(0.62, 0.62, 0.62)],
        ScaleKind::SelfInspection => {
            vec![Color(0.27, 0.60, 0.38), Color(0.96, 0.72, 0.22), Color(0.80, 0.24, 0.22), Color(0.55, 0.45, 0.72), Color(0.62, 0.62, 0.62)]
        }
    }
}
const UNRATED: Color = Color(0.90, 0.90, 0.90);

/// Counts of each rating (scale order) and of unrated checks.
#[derive(Default, Clone)]
struct Tally {
    counts: Vec<u32>,
    unrated: u32,
}

impl Tally {
    fn new(n: usize) -> Tally {
        Tally { counts: vec![0; n], unrated: 0 }
    }
    fn total(&self) -> u32 {
        self.counts.iter().sum::<u32>() + self.unrated
    }
    /// Share of the first (best) rating among the rated checks that count.
    fn rate(&self, scale: ScaleKind) -> String {
        let scored: u32 = scale.ratings().iter().zip(&self.counts).filter(|(r, _)| r.score.is_some()).map(|(_, c)| *c).sum();
        if scored == 0 {
            return "-".into();
        }
        format!("{:.1}%", 100.0 * self.counts[0] as f64 / scored as f64)
    }
}

pub fn build(e: &AssessmentExport, lang: Lang, fingerprint: &str, today: NaiveDate) -> Content {
    let a = &e.assessment;
    let audit = is_audit(a.kind);
    let scale = a.scale;
    let none = t(lang, "report-none", &[]);
    let sep = t(lang, "report-list-sep", &[]);
    let title = title(e, lang);
    let marking = t(lang, "report-handling", &[]);
    let num = |n: usize, text: String| match lang {
        Lang::Ja => format!("{n}　{text}"),
        Lang::En => format!("{n}. {text}"),
    };
    let mut b: Vec<Block> = vec![];
    let para = |text: String| Block::Para { text, size: 9.5, indent: 0.0, color: Color::BLACK };
    let h1 = |text: String| Block::Heading { level: 1, text, toc: true };
    let h2 = |text: String, toc: bool| Block::Heading { level: 2, text, toc };

    // Cover.
    let addressee = e.organisation.addressee.clone().unwrap_or_default();
    b.push(Block::Cover(Cover {
        marking: marking.clone(),
        addressee: if addressee.is_empty() { String::new() } else { t(lang, "report-addressee", &[("addressee", addressee.into())]) },
        title: title.clone(),
        subtitle: t(lang, "report-cover-assessment", &[("title", (&a.title).into())]),
        organisation: e.organisation.name.clone(),
        date: date(lang, today),
        prepared: t(lang, "report-cover-prepared", &[("who", a.auditors.join(&sep).into())]),
        notice: t(lang, "report-cover-notice", &[]),
    }));
    b.push(Block::Toc { title: t(lang, "report-toc", &[]) });

    // 1 監査の概要.
    let yes = if audit { "yes" } else { "no" };
    b.push(h1(num(1, t(lang, "report-sec-overview", &[("audit", yes.into())]))));
    let mut ov = Table::new(vec![Col::label(86.0), Col::left(BODY_W - 86.0)], None, 9.0);
    ov.rows.push(vec![t(lang, "report-ov-purpose", &[]), t(lang, "report-ov-purpose-text", &[("audit", yes.into())])]);
    let names: Vec<&str> = e.departments.iter().map(|d| d.name.as_str()).collect();
    ov.rows.push(vec![
        t(lang, "report-ov-scope", &[]),
        t(lang, "report-ov-scope-text", &[("count", group_digits(names.len() as i64).into()), ("names", names.join(&sep).into())]),
    ]);
    let criteria = match &e.policy {
        Some(p) => t(
            lang,
            "report-ov-criteria-text",
            &[("policy", p.title.clone().unwrap_or_else(|| p.source_name.clone()).into()), ("date", date_str(lang, &p.imported_at).into())],
        ),
        None => t(lang, "report-ov-criteria-none", &[]),
    };
    ov.rows.push(vec![t(lang, "report-ov-criteria", &[]), criteria]);
    ov.rows.push(vec![
        t(lang, "report-ov-checklist", &[]),
        t(
            lang,
            "report-ov-checklist-text",
            &[
                ("title", a.checklist.title.get(lang).into()),
                ("version", (&a.checklist.version).into()),
                ("items", group_digits(a.checklist.items.len() as i64).into()),
            ],
        ),
    ]);
    let d_or = |d: Option<NaiveDate>| d.map(|d| date(lang, d)).unwrap_or_else(|| none.clone());
    ov.rows.push(vec![
        t(lang, "report-ov-period", &[]),
        t(lang, "report-ov-period-text", &[("from", d_or(a.period_start).into()), ("to", d_or(a.period_end).into())]),
    ]);
    ov.rows.push(vec![t(lang, "report-ov-team", &[]), a.auditors.join(&sep)]);
    let mut methods: Vec<&str> = vec![];
    for key in tenken_core::checklist::METHODS {
        if a.checklist.items.iter().any(|i| i.methods.iter().any(|x| x == key)) {
            methods.push(key);
        }
    }
    let methods: Vec<String> = methods.iter().map(|k| t(lang, &format!("method-{k}"), &[])).collect();
    ov.rows.push(vec![t(lang, "report-ov-method", &[]), methods.join(&sep)]);
    b.push(Block::Table(ov));
    if !e.interviews.is_empty() {
        b.push(h2(t(lang, "report-ov-interviews", &[]), false));
        let mut it = Table::new(
            vec![Col::left(100.0), Col::left(82.0), Col::left(70.0), Col::left(BODY_W - 100.0 - 82.0 - 70.0 - 80.0), Col::left(80.0)],
            Some(vec![
                t(lang, "report-col-department", &[]),
                t(lang, "report-col-date", &[]),
                t(lang, "report-col-place", &[]),
                t(lang, "report-col-attendees", &[]),
                t(lang, "report-col-auditor", &[]),
            ]),
            8.0,
        );
        for i in &e.interviews {
            it.rows.push(vec![i.department.clone(), date(lang, i.held_on), i.place.clone(), i.attendees.clone(), i.auditor.clone()]);
        }
        b.push(Block::Table(it));
    }

    // 2 総評.
    b.push(h1(num(2, t(lang, "report-sec-summary", &[]))));
    if a.summary.trim().is_empty() {
        b.push(para(t(lang, "report-sum-none", &[])));
    } else {
        for p in a.summary.split('\n').filter(|p| !p.trim().is_empty()) {
            b.push(Block::Para { text: p.trim().to_string(), size: 10.0, indent: 0.0, color: Color::BLACK });
        }
    }
    let ratings = scale.ratings();
    let rating_index: HashMap<&str, usize> = ratings.iter().enumerate().map(|(i, r)| (r.key, i)).collect();
    let answer: HashMap<(&str, &str), &tenken_core::store::Response> =
        e.answers.iter().map(|r| ((r.department.as_str(), r.item_id.as_str()), r)).collect();
    let items = &a.checklist.items;
    let mut topics: Vec<String> = TOPIC_KEYS.iter().filter(|k| items.iter().any(|i| i.topic == **k)).map(|k| k.to_string()).collect();
    for i in items {
        if !topics.contains(&i.topic) {
            topics.push(i.topic.clone());
        }
    }
    let mut by_topic: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut by_dept: Vec<Tally> = vec![];
    let mut total = Tally::new(ratings.len());
    for d in &e.departments {
        let mut td = Tally::new(ratings.len());
        for item in items {
            let tt = by_topic.entry(item.topic.as_str()).or_insert_with(|| Tally::new(ratings.len()));
            let idx = answer.get(&(d.name.as_str(), item.id.as_str())).and_then(|r| r.rating.as_deref()).and_then(|k| rating_index.get(k));
            match idx {
                Some(i) => {
                    tt.counts[*i] += 1;
                    td.counts[*i] += 1;
                    total.counts[*i] += 1;
                }
                None => {
                    tt.unrated += 1;
                    td.unrated += 1;
                    total.unrated += 1;
                }
            }
        }
        by_dept.push(td);
    }
    let rated = total.total() - total.unrated;
    b.push(para(t(
        lang,
        "report-sum-counts",
        &[
            ("total", group_digits(total.total() as i64).into()),
            ("departments", group_digits(e.departments.len() as i64).into()),
            ("items", group_digits(items.len() as i64).into()),
            ("rated", group_digits(rated as i64).into()),
            ("findings", group_digits(e.findings.len() as i64).into()),
        ],
    )));
    let rate_id = if scale == ScaleKind::Audit { "report-col-rate-audit" } else { "report-col-rate-self" };
    let head = |first: &str| {
        let mut h = vec![t(lang, first, &[]), t(lang, "report-col-total", &[])];
        for r in ratings {
            h.push(scale.rating_label(r.key, lang));
        }
        h.push(t(lang, "report-col-unrated", &[]));
        h.push(capitalize(&t(lang, rate_id, &[])));
        h
    };
    let first_w = 150.0;
    let ncols = ratings.len() + 4; // label, total, each rating, unrated, rate
    let nw = (BODY_W - first_w) / (ncols - 1) as f32;
    let tally_row = |label: String, tl: &Tally| {
        let mut r = vec![label, group_digits(tl.total() as i64)];
        for c in &tl.counts {
            r.push(group_digits(*c as i64));
        }
        r.push(group_digits(tl.unrated as i64));
        r.push(tl.rate(scale));
        r
    };
    let mut cols = vec![Col::left(first_w)];
    cols.extend((1..ncols).map(|_| Col::right(nw)));
    let topic_label = |k: &str| {
        let id = format!("report-topic-{k}");
        match tenken_core::i18n::try_tr(lang, &id, &[]) {
            Ok(s) => s,
            Err(_) => t(lang, "report-topic-other", &[]),
        }
    };
    let series: Vec<(String, Color)> = ratings
        .iter()
        .zip(series_colors(scale))
        .map(|(r, c)| (scale.rating_label(r.key, lang), c))
        .chain(std::iter::once((t(lang, "report-col-unrated", &[]), UNRATED)))
        .collect();
    let bar = |label: String, tl: &Tally| {
        let mut values = tl.counts.clone();
        values.push(tl.unrated);
        Bar { label, values, right: tl.rate(scale) }
    };
    let note = t(lang, "report-chart-note", &[("rate", t(lang, rate_id, &[]).into())]);
    // By policy area: table, then chart.
    b.push(h2(t(lang, "report-sum-by-area", &[]), true));
    let mut tt = Table::new(cols.clone(), Some(head("report-col-area")), 8.0);
    for k in &topics {
        if let Some(tl) = by_topic.get(k.as_str()) {
            tt.rows.push(tally_row(topic_label(k), tl));
        }
    }
    tt.rows.push(tally_row(t(lang, "report-total", &[]), &total));
    b.push(Block::Table(tt));
    b.push(h2(t(lang, "report-chart-by-area", &[]), false));
    b.push(Block::Chart(Chart {
        series: series.clone(),
        bars: topics.iter().filter_map(|k| by_topic.get(k.as_str()).map(|tl| bar(topic_label(k), tl))).collect(),
        label_w: 150.0,
        size: 8.0,
    }));
    b.push(Block::Para { text: note.clone(), size: 7.5, indent: 0.0, color: Color::GREY });
    // By department.
    b.push(h2(t(lang, "report-sum-by-dept", &[]), true));
    let mut td = Table::new(cols, Some(head("report-col-department")), 8.0);
    for (d, tl) in e.departments.iter().zip(&by_dept) {
        td.rows.push(tally_row(d.name.clone(), tl));
    }
    b.push(Block::Table(td));
    b.push(h2(t(lang, "report-chart-by-dept", &[]), false));
    b.push(Block::Chart(Chart {
        series,
        bars: e.departments.iter().zip(&by_dept).map(|(d, tl)| bar(d.name.clone(), tl)).collect(),
        label_w: 120.0,
        size: 7.5,
    }));
    b.push(Block::Para { text: note, size: 7.5, indent: 0.0, color: Color::GREY });

    // 3 指摘事項.
    b.push(Block::PageBreak);
    b.push(h1(num(3, t(lang, "report-sec-findings", &[]))));
    if e.findings.is_empty() {
        b.push(para(t(lang, "report-findings-none", &[])));
    } else {
        let scheme = a.classification;
        let breakdown: Vec<String> = scheme
            .classes()
            .iter()
            .map(|c| (c, e.findings.iter().filter(|f| f.classification == *c).count()))
            .filter(|(_, n)| *n > 0)
            .map(|(c, n)| t(lang, "report-class-count", &[("label", scheme.class_label(c, lang).into()), ("count", group_digits(n as i64).into())]))
            .collect();
        b.push(para(t(
            lang,
            "report-findings-intro",
            &[("count", group_digits(e.findings.len() as i64).into()), ("breakdown", breakdown.join(&sep).into())],
        )));
        let mut ev_of: HashMap<i64, Vec<&str>> = HashMap::new();
        for ev in &e.evidence {
            for l in &ev.links {
                if let EvidenceLink::Finding { finding_id, .. } = l {
                    ev_of.entry(*finding_id).or_default().push(ev.title.as_str());
                }
            }
        }
        let prev_number: HashMap<i64, i64> = e.previous.iter().flat_map(|p| p.findings.iter().map(|f| (f.id, f.number))).collect();
        let lw = 66.0;
        let vw = (BODY_W - 2.0 * lw) / 2.0;
        for f in &e.findings {
            b.push(Block::Heading {
                level: 3,
                text: t(lang, "report-finding-title", &[("number", f.number.to_string().into()), ("department", (&f.department).into())]),
                toc: false,
            });
            let mut ft = Table::new(vec![Col::label(lw), Col::left(vw), Col::label(lw), Col::left(vw)], None, 8.5);
            ft.keep_together = true;
            let or_none = |s: &str| if s.trim().is_empty() { none.clone() } else { s.to_string() };
            ft.rows.push(vec![t(lang, "report-f-department", &[]), f.department.clone(), t(lang, "report-f-owner", &[]), or_none(&f.owner)]);
            ft.rows.push(vec![
                t(lang, "report-f-class", &[]),
                scheme.class_label(&f.classification, lang),
                t(lang, "report-f-priority", &[]),
                f.priority.label(lang),
            ]);
            ft.rows.push(vec![
                t(lang, "report-f-due", &[]),
                d_or(f.due_date),
                t(lang, "report-f-status", &[]),
                f.status.label(lang),
            ]);
            ft.rows.push(vec![t(lang, "report-f-clause", &[]), or_none(&f.cited_clause)]);
            if let Some(item) = f.item_id.as_deref() {
                let q = a.checklist.item(item).map(|i| i.question.get(lang).to_string()).unwrap_or_default();
                ft.rows.push(vec![t(lang, "report-f-item", &[]), format!("{item}　{q}").trim().to_string()]);
            }
            ft.rows.push(vec![t(lang, "report-f-fact", &[]), or_none(&f.fact)]);
            ft.rows.push(vec![t(lang, "report-f-risk", &[]), or_none(&f.risk)]);
            ft.rows.push(vec![t(lang, "report-f-recommendation", &[]), or_none(&f.recommendation)]);
            if let Some(evs) = ev_of.get(&f.id) {
                ft.rows.push(vec![t(lang, "report-f-evidence", &[]), evs.join(&sep)]);
            }
            if let Some(n) = f.follows_up.and_then(|p| prev_number.get(&p)) {
                ft.rows.push(vec![t(lang, "report-f-previous", &[]), t(lang, "report-f-followup", &[("number", n.to_string().into())])]);
            }
            b.push(Block::Table(ft));
        }
    }

    // 4 良好事項・特記事項.
    b.push(h1(num(4, t(lang, "report-sec-remarks", &[]))));
    if e.remarks.is_empty() {
        b.push(para(t(lang, "report-remarks-none", &[])));
    } else {
        let mut rt = Table::new(
            vec![Col::left(80.0), Col::left(100.0), Col::left(BODY_W - 180.0)],
            Some(vec![t(lang, "report-col-kind", &[]), t(lang, "report-col-department", &[]), t(lang, "report-col-content", &[])]),
            9.0,
        );
        for r in &e.remarks {
            rt.rows.push(vec![r.kind.label(lang), r.department.clone().unwrap_or_else(|| t(lang, "report-remark-org-wide", &[])), r.text.clone()]);
        }
        b.push(Block::Table(rt));
    }

    // 5 前年度指摘事項の改善状況 (only where a previous assessment exists).
    let mut n = 5;
    if let Some(p) = &e.previous {
        b.push(h1(num(n, t(lang, "report-sec-previous", &[]))));
        n += 1;
        let _ = n;
        if p.findings.is_empty() {
            b.push(para(t(lang, "report-prev-none", &[])));
        } else {
            b.push(para(t(lang, "report-prev-intro", &[("title", (&p.title).into()), ("count", group_digits(p.findings.len() as i64).into())])));
            let mut pt = Table::new(
                vec![Col::center(30.0), Col::left(80.0), Col::left(BODY_W - 30.0 - 80.0 - 70.0 - 60.0 - 60.0), Col::left(70.0), Col::left(60.0), Col::left(60.0)],
                Some(vec![
                    t(lang, "report-col-number", &[]),
                    t(lang, "report-col-department", &[]),
                    t(lang, "report-col-fact", &[]),
                    t(lang, "report-col-clause", &[]),
                    t(lang, "report-col-status", &[]),
                    t(lang, "report-col-followup", &[]),
                ]),
                8.5,
            );
            for pf in &p.findings {
                let follow: Vec<String> = e.findings.iter().filter(|f| f.follows_up == Some(pf.id)).map(|f| f.number.to_string()).collect();
                pt.rows.push(vec![
                    pf.number.to_string(),
                    pf.department.clone(),
                    pf.fact.clone(),
                    pf.cited_clause.clone(),
                    pf.status.label(lang),
                    if follow.is_empty() { none.clone() } else { follow.join(&sep) },
                ]);
            }
            b.push(Block::Table(pt));
        }
    }

    // 別紙1: results per department and item.
    b.push(Block::PageBreak);
    b.push(h1(t(lang, "report-sec-app-results", &[])));
    b.push(para(t(lang, "report-app-results-intro", &[])));
    let unrated = t(lang, "report-col-unrated", &[]);
    let rating_labels: HashMap<&str, String> = ratings.iter().map(|r| (r.key, scale.rating_label(r.key, lang))).collect();
    let id_w = items.iter().map(|i| Metrics::get().width(&i.id, 7.0)).fold(40.0, f32::max) + 7.0;
    let app_cols = vec![Col::left(id_w), Col::left(300.0 - id_w), Col::left(54.0), Col::left(58.0), Col::left(BODY_W - 300.0 - 54.0 - 58.0)];
    let app_head = vec![
        t(lang, "report-col-number", &[]),
        t(lang, "report-col-item", &[]),
        t(lang, "report-col-clause", &[]),
        t(lang, "report-col-result", &[]),
        t(lang, "report-col-note", &[]),
    ];
    for (k, d) in e.departments.iter().enumerate() {
        let label = match lang {
            Lang::Ja => format!("1-{}　{}", k + 1, d.name),
            Lang::En => format!("1-{} {}", k + 1, d.name),
        };
        b.push(h2(label, true));
        let mut at = Table::new(app_cols.clone(), Some(app_head.clone()), 7.0);
        for item in items {
            let r = answer.get(&(d.name.as_str(), item.id.as_str()));
            let result = r.and_then(|r| r.rating.as_deref()).and_then(|k| rating_labels.get(k).cloned()).unwrap_or_else(|| unrated.clone());
            at.rows.push(vec![
                item.id.clone(),
                item.question.get(lang).to_string(),
                item.citation.clone().unwrap_or_else(|| none.clone()),
                result,
                r.map(|r| r.note.clone()).unwrap_or_default(),
            ]);
        }
        b.push(Block::Table(at));
    }

    // 別紙2: evidence.
    b.push(Block::PageBreak);
    b.push(h1(t(lang, "report-sec-app-evidence", &[])));
    b.push(para(t(lang, "report-app-evidence-intro", &[("count", group_digits(e.evidence.len() as i64).into())])));
    let m = Metrics::get();
    let hash_size = 6.0;
    let hash_w = e
        .evidence
        .iter()
        .filter_map(|ev| ev.sha256.as_deref())
        .map(|h| m.width(h, hash_size))
        .fold(m.width(&"0".repeat(64), hash_size), f32::max)
        + 8.0;
    let rest = BODY_W - 24.0 - 64.0 - hash_w;
    let mut et = Table::new(
        vec![Col::right(24.0), Col::left(rest * 0.57), Col::left(64.0), Col { size: Some(hash_size), ..Col::left(hash_w) }, Col::left(rest * 0.43)],
        Some(vec![
            t(lang, "report-col-number", &[]),
            t(lang, "report-col-evidence-name", &[]),
            format!("{}\n{}", t(lang, "report-col-size", &[]), t(lang, "report-col-evidence-date", &[])),
            t(lang, "report-col-sha", &[]),
            t(lang, "report-col-supports", &[]),
        ]),
        7.0,
    );
    let finding_word = t(lang, "report-sec-findings", &[]);
    for (k, ev) in e.evidence.iter().enumerate() {
        let mut name = format!("{}\n[{}]", ev.title, ev.kind.label(lang));
        if ev.kind == EvidenceKind::Paper && !ev.location.is_empty() {
            name.push('\n');
            name.push_str(&t(lang, "report-ev-paper", &[("location", (&ev.location).into())]));
        }
        let supports: Vec<String> = ev
            .links
            .iter()
            .map(|l| match l {
                EvidenceLink::Response { department, item_id } => format!("{department} {item_id}"),
                EvidenceLink::Finding { number, .. } => format!("{finding_word} {number}"),
            })
            .collect();
        let size = ev.size.map(|s| t(lang, "report-size", &[("n", group_digits(s as i64).into())])).unwrap_or_else(|| none.clone());
        let day = ev.file_date.as_deref().map(|d| date_str(lang, d)).unwrap_or_else(|| date_str(lang, &ev.recorded_at));
        et.rows.push(vec![(k + 1).to_string(), name, format!("{size}\n{day}"), ev.sha256.clone().unwrap_or_else(|| none.clone()), supports.join("\n")]);
    }
    b.push(Block::Table(et));

    // 承認欄 and the fingerprint, together on the last page.
    b.push(Block::PageBreak);
    b.push(h1(t(lang, "report-sec-approval", &[])));
    b.push(para(t(lang, "report-approval-intro", &[])));
    let mut ap = Table::new(
        vec![Col::left(180.0), Col::left(150.0), Col::center(105.0), Col::center(BODY_W - 435.0)],
        Some(vec![
            t(lang, "report-approval-role", &[]),
            t(lang, "report-approval-name", &[]),
            t(lang, "report-approval-date", &[]),
            t(lang, "report-approval-seal", &[]),
        ]),
        9.0,
    );
    ap.min_row_h = 40.0;
    ap.keep_together = true;
    let blank_date = t(lang, "report-approval-date-blank", &[]);
    for role in ["report-role-ciso", "report-role-committee", "report-role-lead"] {
        ap.rows.push(vec![t(lang, role, &[]), String::new(), blank_date.clone(), String::new()]);
    }
    b.push(Block::Table(ap));
    b.push(h2(t(lang, "report-fp-title", &[]), false));
    b.push(para(t(lang, "report-fp-text", &[])));
    b.push(Block::Para { text: format!("SHA-256: {fingerprint}"), size: 9.0, indent: 12.0, color: Color::BLACK });
    b.push(Block::Para { text: t(lang, "report-generated", &[("date", date(lang, today).into())]), size: 8.0, indent: 0.0, color: Color::GREY });

    let running = match lang {
        Lang::Ja => format!("{}　{}", e.organisation.name, title),
        Lang::En => format!("{} — {}", e.organisation.name, title),
    };
    Content { blocks: b, title: running, marking }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}
