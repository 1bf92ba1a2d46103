//! Store use cases on a real SQLite file: answers, findings, evidence links, policy import
//! and corrections, frozen checklists and revisions, export.

use std::sync::Arc;

use tenken_core::checklist::derive::{compare, derive, Profile};
use tenken_core::checklist::{load_str, Bank};
use tenken_core::clock::FixedClock;
use tenken_core::store::{
    AnswerChange, FindingChange, LinkTarget, NewAssessment, NewFinding, Store,
};
use tenken_core::{export, AssessmentKind, ClassificationScheme, FindingStatus, Lang, ScaleKind};

const SEED_000: &[u8] = include_bytes!("../../../tests/fixtures/policies/000_f30b78bf79fe382b.txt");

fn store(dir: &std::path::Path) -> Store {
    Store::open_with(
        dir,
        Arc::new(FixedClock::at("2026-10-01T09:00:00Z")),
        "監査 太郎".into(),
    )
    .unwrap()
}

fn assessment(store: &mut Store, policy: Option<i64>, profile: Profile) -> i64 {
    let org = store.list_organisations().unwrap()[0].id;
    let bank = Bank::builtin().unwrap();
    let checklist = match policy {
        Some(p) => {
            derive(
                bank.get("audit").unwrap(),
                &store.policy(p).unwrap().parsed,
                None,
                &profile,
            )
            .0
        }
        None => bank.get("audit").unwrap().clone(),
    };
    let a = store
        .create_assessment(&NewAssessment {
            organisation_id: org,
            fiscal_year: 2026,
            kind: AssessmentKind::InternalAudit,
            title: "令和8年度 情報セキュリティ監査".into(),
            period_start: None,
            period_end: None,
            auditors: vec!["監査 太郎".into()],
            scale: ScaleKind::Audit,
            classification: ClassificationScheme::FourLevel,
            checklist,
            policy_document_id: policy,
            standards_document_id: None,
            profile,
            previous_assessment_id: None,
        })
        .unwrap();
    store.add_department(a.id, "総務課").unwrap();
    a.id
}

#[test]
fn answers_validate_item_and_scale_and_keep_fields() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    s.add_organisation("南幌町", None).unwrap();
    let a = assessment(&mut s, None, Profile::default());
    let item = "AU-04-02-001";
    let r = s
        .record_answer(
            a,
            "総務課",
            item,
            &AnswerChange {
                rating: Some("○".into()),
                note: Some("記録あり".into()),
            },
        )
        .unwrap();
    assert_eq!(r.rating.as_deref(), Some("conform"));
    // A note alone keeps the rating; a label in English works too.
    let r = s
        .record_answer(
            a,
            "総務課",
            item,
            &AnswerChange {
                rating: None,
                note: Some("追記".into()),
            },
        )
        .unwrap();
    assert_eq!(
        (r.rating.as_deref(), r.note.as_str()),
        (Some("conform"), "追記")
    );
    let r = s
        .record_answer(
            a,
            "総務課",
            item,
            &AnswerChange {
                rating: Some("Partly nonconforming".into()),
                note: None,
            },
        )
        .unwrap();
    assert_eq!(r.rating.as_deref(), Some("partial"));
    let e = s
        .record_answer(
            a,
            "総務課",
            item,
            &AnswerChange {
                rating: Some("はい".into()),
                note: None,
            },
        )
        .unwrap_err();
    assert_eq!(e.code(), "rating_not_in_scale");
    let msg = e.localized(Lang::Ja);
    assert!(
        msg.contains("はい")
            && msg.contains(item)
            && msg.contains("総務課")
            && msg.contains("○ 適合"),
        "{msg}"
    );
    assert_eq!(
        s.record_answer(a, "総務課", "AU-99-99-999", &AnswerChange::default())
            .unwrap_err()
            .code(),
        "unknown_item"
    );
    assert_eq!(
        s.record_answer(a, "人事課", item, &AnswerChange::default())
            .unwrap_err()
            .code(),
        "unknown_department"
    );
    assert_eq!(s.answers(a, None).unwrap().len(), 1);
    // Cleared rating.
    let r = s
        .record_answer(
            a,
            "総務課",
            item,
            &AnswerChange {
                rating: Some("unrated".into()),
                note: None,
            },
        )
        .unwrap();
    assert_eq!(r.rating, None);
    let log = s.audit_log(None).unwrap();
    let last = log.last().unwrap();
    assert_eq!(
        (last.action.as_str(), last.actor.as_str()),
        ("answer.set", "監査 太郎")
    );
    assert_eq!(last.before.as_ref().unwrap()["rating"], "partial");
    assert!(last.after.as_ref().unwrap()["rating"].is_null());
}

#[test]
fn findings_are_numbered_cite_the_item_and_follow_up() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    let org = s.add_organisation("南幌町", None).unwrap();
    let p = s.import_policy(&org.name, "000.txt", SEED_000).unwrap();
    let profile = Profile {
        network_model: Some("alpha".into()),
        cloud: true,
        social_media: true,
    };
    let prev = assessment(&mut s, Some(p.id), profile.clone());
    let a = assessment(&mut s, Some(p.id), profile);
    let item = s
        .assessment(a)
        .unwrap()
        .checklist
        .items
        .iter()
        .find(|i| i.topic == "physical")
        .unwrap()
        .id
        .clone();
    let new = |fact: &str| NewFinding {
        department: "総務課".into(),
        item_id: Some(item.clone()),
        fact: fact.into(),
        classification: "軽微な不適合".into(),
        ..Default::default()
    };
    let old = s.add_finding(prev, &new("昨年の指摘")).unwrap();
    let f1 = s.add_finding(a, &new("入退室記録に漏れ")).unwrap();
    let f2 = s
        .add_finding(
            a,
            &NewFinding {
                follows_up: Some(old.id),
                ..new("ID削除漏れ")
            },
        )
        .unwrap();
    assert_eq!((f1.number, f2.number), (1, 2));
    assert_eq!(
        f1.cited_clause, "第8条第4号",
        "defaults to the item's citation"
    );
    assert_eq!(f1.classification, "minor");
    assert_eq!(f2.follows_up, Some(old.id));
    assert_eq!(
        s.add_finding(
            a,
            &NewFinding {
                classification: "指摘".into(),
                ..new("x")
            }
        )
        .unwrap_err()
        .code(),
        "unknown_classification"
    );
    assert_eq!(
        s.add_finding(a, &new("  ")).unwrap_err().code(),
        "invalid_value"
    );
    let done = s
        .update_finding(
            f1.id,
            &FindingChange {
                status: Some(FindingStatus::Done),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(done.status, FindingStatus::Done);
    assert_eq!(done.fact, "入退室記録に漏れ");
}

#[test]
fn evidence_links_to_several_items_and_findings() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    s.add_organisation("南幌町", None).unwrap();
    let a = assessment(&mut s, None, Profile::default());
    let f = dir.path().join("入退室管理簿.csv");
    std::fs::write(&f, "日付,氏名\n").unwrap();
    let ev = s.add_file_evidence(a, &f, None, &mut |_| {}).unwrap();
    assert_eq!(ev.title, "入退室管理簿.csv");
    assert_eq!(ev.media_type.as_deref(), Some("text/csv"));
    for item in ["AU-04-02-001", "AU-04-02-002"] {
        s.link_evidence(
            ev.id,
            &LinkTarget::Response {
                department: "総務課".into(),
                item_id: item.into(),
            },
        )
        .unwrap();
    }
    let fid = s
        .add_finding(
            a,
            &NewFinding {
                department: "総務課".into(),
                fact: "記録漏れ".into(),
                classification: "minor".into(),
                ..Default::default()
            },
        )
        .unwrap()
        .id;
    let ev = s.link_evidence(ev.id, &LinkTarget::Finding(fid)).unwrap();
    assert_eq!(ev.links.len(), 3);
    // Linking twice is a no-op.
    assert_eq!(
        s.link_evidence(ev.id, &LinkTarget::Finding(fid))
            .unwrap()
            .links
            .len(),
        3
    );
    // The same content twice is stored once.
    let copy = dir.path().join("copy.csv");
    std::fs::copy(&f, &copy).unwrap();
    let ev2 = s
        .add_file_evidence(a, &copy, Some("写し"), &mut |_| {})
        .unwrap();
    assert_eq!(ev2.sha256, ev.sha256);
    let files: Vec<_> = walk(&dir.path().join("evidence"));
    assert_eq!(files.len(), 1, "{files:?}");
}

fn walk(p: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![];
    for e in std::fs::read_dir(p).unwrap().flatten() {
        let path = e.path();
        if path.is_dir() {
            if !path.ends_with("tmp") {
                out.extend(walk(&path));
            }
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn frozen_checklist_survives_bank_edits_and_revised_policy_shows_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    let org = s.add_organisation("南幌町", None).unwrap();
    let p = s.import_policy(&org.name, "000.txt", SEED_000).unwrap();
    let profile = Profile {
        network_model: Some("alpha".into()),
        cloud: true,
        social_media: true,
    };
    let a = assessment(&mut s, Some(p.id), profile.clone());
    let frozen = s.assessment(a).unwrap().checklist;

    // The bank is edited: an item re-worded, one removed, one added.
    let bank = Bank::builtin().unwrap();
    let mut edited = bank.get("audit").unwrap().clone();
    edited.version = "2027.1".into();
    edited.items[0].question.ja = "改めた文言か。".into();
    let removed = edited.items.remove(1).id;
    let mut added = edited.items[2].clone();
    added.id = "AU-01-00-999".into();
    edited.items.push(added);
    assert_eq!(
        s.assessment(a).unwrap().checklist,
        frozen,
        "editing the bank never changes a past assessment"
    );

    // A revised policy text: 第8条 renumbered to 第9条 … (insert an article before it).
    let text = String::from_utf8(SEED_000.to_vec()).unwrap();
    let revised = text.replacen(
        "（情報セキュリティ対策）",
        "（新設）\n\n第7条の2 新しい条文を置く。\n\n（情報セキュリティ対策）",
        1,
    );
    let p2 = s
        .import_policy(&org.name, "000-revised.txt", revised.as_bytes())
        .unwrap();
    assert_eq!(
        s.assessment(a).unwrap().checklist,
        frozen,
        "importing a revised policy never changes a past assessment"
    );

    let fresh = derive(&edited, &s.policy(p2.id).unwrap().parsed, None, &profile).0;
    let r = compare(&frozen, &fresh);
    assert_eq!(r.added, vec!["AU-01-00-999".to_string()]);
    assert_eq!(r.removed, vec![removed]);
    assert_eq!(r.reworded, vec![frozen.items[0].id.clone()]);
    assert_eq!(
        (r.from_version.as_str(), r.to_version.as_str()),
        ("2026.1", "2027.1")
    );
    let _ = load_str; // (loader covered in tests/bank.rs)
}

#[test]
fn topic_corrections_survive_reimport_of_the_same_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    let org = s.add_organisation("南幌町", None).unwrap();
    let p = s.import_policy(&org.name, "000.txt", SEED_000).unwrap();
    assert_eq!(p.parsed.topics["physical"].citation, "第8条第4号");
    let c = s
        .correct_topic(p.id, "physical", Some("第8条第5号"))
        .unwrap();
    assert_eq!(c.parsed.topics["physical"].citation, "第8条第5号");
    assert_eq!(c.parsed.topics["physical"].number_path, vec![8, 5]);
    let c = s.correct_topic(p.id, "procedures", None).unwrap();
    assert!(!c.parsed.topics.contains_key("procedures"));
    assert_eq!(
        s.correct_topic(p.id, "physical", Some("第99条"))
            .unwrap_err()
            .code(),
        "invalid_value"
    );
    assert_eq!(
        s.correct_topic(p.id, "fysical", None).unwrap_err().code(),
        "invalid_value"
    );
    // Same text again (e.g. re-imported from another folder): corrections apply.
    let again = s
        .import_policy(&org.name, "000-copy.txt", SEED_000)
        .unwrap();
    assert_eq!(again.parsed.topics["physical"].citation, "第8条第5号");
    assert!(!again.parsed.topics.contains_key("procedures"));
    assert_eq!(again.corrections.len(), 2);
}

#[test]
fn export_is_deterministic_and_complete() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    let r = tenken_core::demo::fill(&mut s, tenken_core::demo::Size::Small).unwrap();
    let e1 = serde_json::to_string(&export::export(&s, r.assessment_id).unwrap()).unwrap();
    let e2 = serde_json::to_string(&export::export(&s, r.assessment_id).unwrap()).unwrap();
    assert_eq!(e1, e2);
    let e = export::export(&s, r.assessment_id).unwrap();
    assert_eq!(e.findings.len(), r.findings);
    assert_eq!(e.evidence.len(), r.evidence);
    assert_eq!(
        e.answers.iter().filter(|a| a.rating.is_some()).count(),
        r.answers
    );
    assert_eq!(e.previous.as_ref().unwrap().findings.len(), 3);
    assert!(
        e.findings.iter().all(|f| f.cited_clause.starts_with('第')),
        "every finding cites the demo city's own clause"
    );
    assert!(e.evidence.iter().all(|ev| !ev.links.is_empty()));
    assert_eq!(
        tenken_core::demo::fill(&mut s, tenken_core::demo::Size::Small)
            .unwrap_err()
            .code(),
        "store_not_empty"
    );
}

#[test]
fn an_assessment_starts_with_its_departments_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    s.add_organisation("南幌町", None).unwrap();
    let org = s.list_organisations().unwrap()[0].id;
    let checklist = Bank::builtin().unwrap().get("audit").unwrap().clone();
    let new = NewAssessment {
        organisation_id: org,
        fiscal_year: 2026,
        kind: AssessmentKind::InternalAudit,
        title: "令和8年度 監査".into(),
        period_start: None,
        period_end: None,
        auditors: vec![],
        scale: ScaleKind::Audit,
        classification: ClassificationScheme::FourLevel,
        checklist,
        policy_document_id: None,
        standards_document_id: None,
        profile: Profile::default(),
        previous_assessment_id: None,
    };
    let names = |v: &[&str]| v.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    let log_before = s.audit_log(None).unwrap().len();
    let e = s
        .create_assessment_with_departments(&new, &names(&["総務課", " 税務課 ", "総務課"]))
        .unwrap_err();
    assert_eq!(e.code(), "already_exists");
    assert!(e.localized(Lang::Ja).contains("総務課"));
    assert_eq!(
        s.create_assessment_with_departments(&new, &names(&["", "  "]))
            .unwrap_err()
            .code(),
        "invalid_value"
    );
    assert!(
        s.list_assessments().unwrap().is_empty(),
        "a refused list stores nothing"
    );
    assert_eq!(s.audit_log(None).unwrap().len(), log_before);
    let a = s
        .create_assessment_with_departments(&new, &names(&["総務課", " 税務課 ", "", "市民課"]))
        .unwrap();
    let depts: Vec<String> = s
        .departments(a.id)
        .unwrap()
        .into_iter()
        .map(|d| d.name)
        .collect();
    assert_eq!(depts, ["総務課", "税務課", "市民課"]);
}
