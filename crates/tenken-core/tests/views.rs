//! The window's read-side projections on a real store: the dashboard's department × area
//! counts and scores, the interview sheet (grouping, answers, previous year's open findings),
//! the policy view and what a re-import changed.

use std::sync::Arc;

use tenken_core::checklist::derive::Profile;
use tenken_core::checklist::Bank;
use tenken_core::clock::FixedClock;
use tenken_core::store::{AnswerChange, FindingChange, NewAssessment, NewFinding, Store};
use tenken_core::views;
use tenken_core::{AssessmentKind, ClassificationScheme, FindingStatus, Lang};

const SEED_000: &[u8] = include_bytes!("../../../tests/fixtures/policies/000_f30b78bf79fe382b.txt");

fn store(dir: &std::path::Path) -> Store {
    Store::open_with(
        dir,
        Arc::new(FixedClock::at("2026-10-01T09:00:00Z")),
        "監査 太郎".into(),
    )
    .unwrap()
}

fn create(s: &mut Store, year: i32, policy: Option<i64>, previous: Option<i64>) -> i64 {
    let org = s.list_organisations().unwrap()[0].id;
    let (checklist, _) = views::derive_for_store(
        s,
        &Bank::builtin().unwrap(),
        "audit",
        policy,
        None,
        &Profile::default(),
    )
    .unwrap();
    let a = s
        .create_assessment(&NewAssessment {
            organisation_id: org,
            fiscal_year: year,
            kind: AssessmentKind::InternalAudit,
            title: format!("{year} 監査"),
            period_start: None,
            period_end: None,
            auditors: vec![],
            scale: checklist.scale,
            classification: ClassificationScheme::FourLevel,
            checklist,
            policy_document_id: policy,
            standards_document_id: None,
            profile: Profile::default(),
            previous_assessment_id: previous,
        })
        .unwrap();
    s.add_department(a.id, "総務課").unwrap();
    s.add_department(a.id, "情報政策課").unwrap();
    a.id
}

fn rate(s: &mut Store, a: i64, dept: &str, item: &str, rating: &str) {
    s.record_answer(
        a,
        dept,
        item,
        &AnswerChange {
            rating: Some(rating.into()),
            note: None,
        },
    )
    .unwrap();
}

#[test]
fn dashboard_counts_answers_and_scores_per_department_and_area() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    s.add_organisation("南幌町", None).unwrap();
    let p = s.import_policy("南幌町", "000.txt", SEED_000).unwrap().id;
    let a = create(&mut s, 2026, Some(p), None);
    let items: Vec<(String, String)> = s
        .assessment(a)
        .unwrap()
        .checklist
        .items
        .iter()
        .map(|i| (i.id.clone(), i.topic.clone()))
        .collect();
    let physical: Vec<&String> = items
        .iter()
        .filter(|(_, t)| t == "physical")
        .map(|(id, _)| id)
        .take(4)
        .collect();
    assert_eq!(physical.len(), 4);
    // 総務課, physical: ○ ○ × and 対象外 (answered, not scored).
    rate(&mut s, a, "総務課", physical[0], "conform");
    rate(&mut s, a, "総務課", physical[1], "conform");
    rate(&mut s, a, "総務課", physical[2], "nonconform");
    rate(&mut s, a, "総務課", physical[3], "na");
    let d = views::dashboard(&s, a, Lang::Ja).unwrap();
    let area = d.areas.iter().position(|x| x.key == "physical").unwrap();
    assert_eq!(d.areas[area].title, "物理的セキュリティ");
    let row = &d.rows[0];
    assert_eq!(row.department.name, "総務課");
    let cell = &row.cells[area];
    assert_eq!((cell.answered, cell.scored, cell.worst), (4, 3, 1));
    // (2 + 2 + 0) / (3 × 2) = 66.7 % → 67
    assert_eq!(cell.score_percent, Some(67));
    assert_eq!(
        cell.items as usize,
        items.iter().filter(|(_, t)| t == "physical").count()
    );
    // The other department has answered nothing: no score, not a zero.
    assert_eq!(d.rows[1].cells[area].score_percent, None);
    assert_eq!(d.total.answered, 4);
    assert_eq!(d.total.items as usize, 2 * items.len());
    // Areas in chapter order; every item counted once per department.
    let counted: u32 = row.cells.iter().map(|c| c.items).sum();
    assert_eq!(counted as usize, items.len());
    assert_eq!(
        d.departments_not_interviewed,
        vec!["総務課".to_string(), "情報政策課".to_string()]
    );
    assert!(d
        .required_unanswered
        .iter()
        .any(|(dep, n)| dep == "総務課" && *n > 0));
    // English labels.
    let en = views::dashboard(&s, a, Lang::En).unwrap();
    assert_eq!(en.areas[area].title, "Physical security");
}

#[test]
fn interview_sheet_groups_by_area_and_shows_last_years_open_findings() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    s.add_organisation("南幌町", None).unwrap();
    let p = s.import_policy("南幌町", "000.txt", SEED_000).unwrap().id;
    let last_year = create(&mut s, 2025, Some(p), None);
    let item = s
        .assessment(last_year)
        .unwrap()
        .checklist
        .items
        .iter()
        .find(|i| i.topic == "physical")
        .unwrap()
        .id
        .clone();
    let new = |fact: &str, dept: &str| NewFinding {
        department: dept.into(),
        item_id: Some(item.clone()),
        fact: fact.into(),
        classification: "minor".into(),
        ..Default::default()
    };
    s.add_finding(last_year, &new("入退室記録が不十分", "総務課"))
        .unwrap();
    let done = s
        .add_finding(last_year, &new("鍵の管理簿がない", "総務課"))
        .unwrap();
    s.update_finding(
        done.id,
        &FindingChange {
            status: Some(FindingStatus::Done),
            ..Default::default()
        },
    )
    .unwrap();
    s.add_finding(last_year, &new("別部門の指摘", "情報政策課"))
        .unwrap();
    s.record_answer(
        last_year,
        "総務課",
        &item,
        &AnswerChange {
            rating: Some("nonconform".into()),
            note: Some("記録なし".into()),
        },
    )
    .unwrap();

    // This year's assessment does not name the previous one: the latest earlier year is used.
    let a = create(&mut s, 2026, Some(p), None);
    s.record_answer(
        a,
        "総務課",
        &item,
        &AnswerChange {
            rating: Some("partial".into()),
            note: Some("記録簿を確認".into()),
        },
    )
    .unwrap();
    s.add_finding(a, &new("今年の指摘", "総務課")).unwrap();
    let sheet = views::interview_sheet(&s, a, "総務課", Lang::Ja).unwrap();
    let facts: Vec<&str> = sheet
        .previous_open_findings
        .iter()
        .map(|f| f.fact.as_str())
        .collect();
    assert_eq!(
        facts,
        vec!["入退室記録が不十分"],
        "only this department's findings that are not 完了"
    );
    let it = sheet.items.iter().find(|i| i.id == item).unwrap();
    assert_eq!(
        (it.rating.as_deref(), it.note.as_str(), it.citation.as_str()),
        (Some("partial"), "記録簿を確認", "第8条第4号")
    );
    assert_eq!(it.findings, vec![1]);
    // Last year's rating and note of the same item and department, beside this year's.
    assert_eq!(
        (it.previous_rating.as_deref(), it.previous_note.as_str()),
        (Some("nonconform"), "記録なし")
    );
    assert!(sheet
        .items
        .iter()
        .filter(|i| i.id != item)
        .all(|i| i.previous_rating.is_none() && i.previous_note.is_empty()));
    assert!(
        it.methods.iter().all(|m| !m.starts_with("method-")),
        "methods are localized: {:?}",
        it.methods
    );
    // Grouped: once an area ends it never comes back.
    let mut seen: Vec<&str> = vec![];
    for i in &sheet.items {
        if seen.last() != Some(&i.area.as_str()) {
            assert!(
                !seen.contains(&i.area.as_str()),
                "area {} appears twice",
                i.area
            );
            seen.push(&i.area);
        }
    }
    assert_eq!(
        sheet.items.len(),
        s.assessment(a).unwrap().checklist.items.len()
    );
    assert_eq!(
        sheet
            .head
            .ratings
            .iter()
            .map(|r| r.key.as_str())
            .collect::<Vec<_>>(),
        ["conform", "partial", "nonconform", "na"]
    );
    assert_eq!(
        views::interview_sheet(&s, a, "人事課", Lang::Ja)
            .unwrap_err()
            .code(),
        "unknown_department"
    );
}

#[test]
fn policy_view_and_changes_after_a_revised_import() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    s.add_organisation("南幌町", None).unwrap();
    let first = s.import_policy("南幌町", "000.txt", SEED_000).unwrap().id;
    let v = views::policy(&s, first, Lang::Ja).unwrap();
    assert_eq!(v.summary.segments, vec!["mynumber", "lgwan", "internet"]);
    let physical = v.topics.iter().find(|t| t.key == "physical").unwrap();
    assert_eq!(
        (physical.citation.as_deref(), physical.corrected),
        (Some("第8条第4号"), false)
    );
    // 第2章 (a grouping heading, not citable) > 第8条 > 第8条第4号
    assert!(v
        .sections
        .iter()
        .any(|r| r.citation == "第8条第4号" && r.depth == 2));
    assert!(v
        .sections
        .iter()
        .any(|r| r.citation.is_empty() && r.depth == 0 && r.label.contains("章")));
    assert_eq!(
        v.lines.len(),
        String::from_utf8_lossy(SEED_000).lines().count()
    );
    // First import: nothing to compare with.
    assert_eq!(views::policy_changes(&s, first).unwrap().previous_id, None);
    // The same text again: same_text, nothing changed.
    let again = s.import_policy("南幌町", "000.txt", SEED_000).unwrap().id;
    let c = views::policy_changes(&s, again).unwrap();
    assert_eq!((c.previous_id, c.same_text), (Some(first), true));
    assert!(
        c.added.is_empty()
            && c.removed.is_empty()
            && c.changed.is_empty()
            && c.topics_moved.is_empty()
    );
    // A revision without LGWAN and with one article's text changed.
    let text = String::from_utf8_lossy(SEED_000).to_string();
    let revised = text.replace("ＬＧＷＡＮ", "庁内").replace("LGWAN", "庁内");
    assert_ne!(revised, text, "seed 000 mentions LGWAN");
    let third = s
        .import_policy("南幌町", "000-rev.txt", revised.as_bytes())
        .unwrap()
        .id;
    let c = views::policy_changes(&s, third).unwrap();
    assert_eq!(c.previous_id, Some(again));
    assert!(!c.same_text);
    assert!(!c.changed.is_empty(), "{c:?}");
    assert!(
        c.segments_before.contains(&"lgwan".to_string())
            && !c.segments_after.contains(&"lgwan".to_string()),
        "{c:?}"
    );
    // Sections in document order (第2条 before 第10条), not sorted as text.
    let article = |line: &str| {
        line.trim_start_matches('第')
            .split('条')
            .next()
            .and_then(|n| n.parse::<u32>().ok())
            .unwrap_or(0)
    };
    let numbers: Vec<u32> = c.changed.iter().map(|l| article(l)).collect();
    assert!(numbers.windows(2).all(|w| w[0] <= w[1]), "{:?}", c.changed);
    // A correction shows as corrected in the view.
    s.correct_topic(third, "physical", Some("第8条第5号"))
        .unwrap();
    let v = views::policy(&s, third, Lang::En).unwrap();
    let physical = v.topics.iter().find(|t| t.key == "physical").unwrap();
    assert_eq!(
        (
            physical.citation.as_deref(),
            physical.corrected,
            physical.title.as_str()
        ),
        (Some("第8条第5号"), true, "Physical security")
    );
}
