//! Human-readable output of the CLI (Japanese by default). Labels come from Fluent.

use chrono::NaiveDate;
use tenken_core::calendar::{english_date, fiscal_year_label_en, wareki_date};
use tenken_core::checklist::derive::Derivation;
use tenken_core::checklist::Checklist;
use tenken_core::demo::DemoReport;
use tenken_core::i18n::{group_digits, tr};
use tenken_core::store::{
    Assessment, AssessmentSummary, Evidence, EvidenceLink, Finding, Response,
};
use tenken_core::verify::VerifyReport;
use tenken_core::{Lang, ScaleKind};
use tenken_policy::{Node, ParsedPolicy};

pub fn date(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::Ja => wareki_date(d),
        Lang::En => english_date(d),
    }
}

fn fy(lang: Lang, year: i32, label: &str) -> String {
    match lang {
        Lang::Ja => label.to_string(),
        Lang::En => fiscal_year_label_en(year),
    }
}

pub fn demo(lang: Lang, r: &DemoReport) -> String {
    tr(
        lang,
        "cli-demo-done",
        &[
            ("assessment", r.assessment_id.into()),
            ("departments", r.departments.into()),
            ("answers", group_digits(r.answers as i64).into()),
            ("findings", r.findings.into()),
            ("evidence", group_digits(r.evidence as i64).into()),
        ],
    )
}

pub fn assessments(lang: Lang, list: &[AssessmentSummary]) -> String {
    if list.is_empty() {
        return tr(lang, "cli-no-assessments", &[]);
    }
    list.iter()
        .map(|a| {
            format!(
                "{:>4}  {}  {}  {}  {}  {}\n",
                a.id,
                fy(lang, a.fiscal_year, &a.fiscal_year_label),
                a.kind.label(lang),
                a.title,
                a.organisation_name,
                tr(
                    lang,
                    "cli-progress",
                    &[
                        ("answered", group_digits(a.answered_count).into()),
                        ("items", group_digits(a.item_count).into()),
                        ("departments", a.department_count.into()),
                        ("findings", a.finding_count.into()),
                    ]
                )
            )
        })
        .collect()
}

pub fn assessment(lang: Lang, a: &Assessment) -> String {
    let period = match (a.period_start, a.period_end) {
        (Some(s), Some(e)) => format!("{} – {}", date(lang, s), date(lang, e)),
        _ => String::new(),
    };
    format!(
        "{}  {}\n{}: {}\n{}: {}\n{}: {} v{} ({} {})\n{}: {}\n{}: {}\n",
        fy(lang, a.fiscal_year, &a.fiscal_year_label),
        a.title,
        tr(lang, "cli-kind", &[]),
        a.kind.label(lang),
        tr(lang, "cli-period", &[]),
        period,
        tr(lang, "cli-checklist", &[]),
        a.checklist.title.get(lang),
        a.checklist.version,
        a.checklist.items.len(),
        tr(lang, "cli-items", &[]),
        tr(lang, "cli-scale", &[]),
        a.scale.label(lang),
        tr(lang, "cli-auditors", &[]),
        a.auditors.join("、"),
    )
}

pub fn answers(lang: Lang, a: &Assessment, list: &[Response]) -> String {
    list.iter()
        .map(|r| {
            let rating = r
                .rating
                .as_deref()
                .map(|k| a.scale.rating_label(k, lang))
                .unwrap_or_else(|| unrated(lang, a.scale));
            let cite = a
                .checklist
                .item(&r.item_id)
                .and_then(|i| i.citation.clone())
                .unwrap_or_default();
            format!(
                "{}  {}  {}  {}  {}\n",
                r.department, r.item_id, cite, rating, r.note
            )
        })
        .collect()
}

fn unrated(lang: Lang, scale: ScaleKind) -> String {
    match scale {
        ScaleKind::Audit => tr(lang, "rating-audit-unrated", &[]),
        ScaleKind::SelfInspection => "—".into(),
    }
}

pub fn findings(lang: Lang, a: &Assessment, list: &[Finding]) -> String {
    list.iter()
        .map(|f| {
            format!(
                "{}  {}  {}  {}  {}  {}  {}\n    {}\n",
                tr(lang, "cli-finding-no", &[("n", f.number.into())]),
                f.department,
                f.cited_clause,
                a.classification.class_label(&f.classification, lang),
                f.priority.label(lang),
                f.status.label(lang),
                f.due_date.map(|d| date(lang, d)).unwrap_or_default(),
                f.fact
            )
        })
        .collect()
}

pub fn evidence_one(lang: Lang, e: &Evidence) -> String {
    let links: Vec<String> = e
        .links
        .iter()
        .map(|l| match l {
            EvidenceLink::Response {
                department,
                item_id,
            } => format!("{department}:{item_id}"),
            EvidenceLink::Finding { number, .. } => {
                tr(lang, "cli-finding-no", &[("n", (*number).into())])
            }
        })
        .collect();
    let mut s = format!("{:>5}  {}  {}", e.id, e.kind.label(lang), e.title);
    if let (Some(sha), Some(size)) = (&e.sha256, e.size) {
        s += &format!("  {} bytes  SHA-256 {sha}", group_digits(size as i64));
    }
    if !e.location.is_empty() {
        s += &format!("  [{}]", e.location);
    }
    if !links.is_empty() {
        s += &format!("  → {}", links.join(", "));
    }
    s
}

pub fn verify(lang: Lang, r: &VerifyReport) -> String {
    let mut s = String::new();
    for p in &r.problems {
        s += &format!("NG  {p}\n");
    }
    let key = if r.ok {
        "cli-verify-ok"
    } else {
        "cli-verify-ng"
    };
    s += &tr(
        lang,
        key,
        &[
            ("files", r.evidence_files_checked.into()),
            ("entries", r.log_entries_checked.into()),
            ("problems", r.problems.len().into()),
        ],
    );
    s
}

fn tree(out: &mut String, nodes: &[Node], depth: usize) {
    for n in nodes {
        let title = n.title.clone().unwrap_or_default();
        out.push_str(&format!(
            "{}{}  {}  [{}]\n",
            "  ".repeat(depth),
            n.label,
            title,
            n.citation
        ));
        tree(out, &n.children, depth + 1);
    }
}

pub fn policy(lang: Lang, p: &ParsedPolicy) -> String {
    let mut s = format!("{}\n", p.title.clone().unwrap_or_default());
    tree(&mut s, &p.sections, 0);
    s += &format!("\n{}:\n", tr(lang, "cli-topics", &[]));
    for (k, t) in &p.topics {
        s += &format!("  {k:<22} {}\n", t.citation);
    }
    s += &format!(
        "{}: {}\n",
        tr(lang, "cli-segments", &[]),
        p.segments.join(", ")
    );
    for w in &p.warnings {
        s += &format!("! {w}\n");
    }
    s
}

pub fn checklist(lang: Lang, c: &Checklist) -> String {
    let mut s = format!("{}  v{}  {}\n", c.id, c.version, c.title.get(lang));
    for i in &c.items {
        s += &format!(
            "{}  {:<5} {}{}\n",
            i.id,
            i.section,
            i.question.get(lang),
            if i.required { " *" } else { "" }
        );
    }
    s
}

pub fn derivation(lang: Lang, d: &Derivation) -> String {
    let mut s = tr(lang, "cli-derive-kept", &[("n", d.kept.len().into())]) + "\n";
    for k in &d.kept {
        s += &format!("  {}  {:<16} {}\n", k.id, k.citation, k.question);
    }
    s += &(tr(
        lang,
        "cli-derive-left-out",
        &[("n", d.left_out.len().into())],
    ) + "\n");
    for l in &d.left_out {
        s += &format!(
            "  {}  {}\n",
            l.id,
            if lang == Lang::Ja {
                &l.reason
            } else {
                &l.reason_en
            }
        );
    }
    s += &(tr(
        lang,
        "cli-derive-uncovered",
        &[("n", d.coverage.uncovered_sections.len().into())],
    ) + "\n");
    for u in &d.coverage.uncovered_sections {
        s += &format!(
            "  {}  {}\n",
            u.citation,
            u.title.clone().unwrap_or_default()
        );
    }
    if !d.coverage.topics_not_found.is_empty() {
        s += &format!(
            "{}: {}\n",
            tr(lang, "cli-derive-topics-missing", &[]),
            d.coverage.topics_not_found.join(", ")
        );
    }
    s
}

pub fn revision(lang: Lang, r: &tenken_core::checklist::derive::Revision) -> String {
    let mut s = tr(
        lang,
        "cli-revision",
        &[
            ("from", r.from_version.clone().into()),
            ("to", r.to_version.clone().into()),
        ],
    ) + "\n";
    for (key, list) in [
        ("cli-revision-added", &r.added),
        ("cli-revision-removed", &r.removed),
        ("cli-revision-reworded", &r.reworded),
    ] {
        s += &format!(
            "{}: {}\n",
            tr(lang, key, &[("n", list.len().into())]),
            list.join(", ")
        );
    }
    s += &format!(
        "{}\n",
        tr(
            lang,
            "cli-revision-recited",
            &[("n", r.recited.len().into())]
        )
    );
    for c in &r.recited {
        s += &format!(
            "  {}  {} → {}\n",
            c.id,
            c.from.clone().unwrap_or_else(|| "—".into()),
            c.to.clone().unwrap_or_else(|| "—".into())
        );
    }
    s
}
