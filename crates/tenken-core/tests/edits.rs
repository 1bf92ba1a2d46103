//! The window's corrections (period, auditors, addressee, interviews, remarks) and removals:
//! each one audit-log entry with the before-state; removals refused where they would break a
//! record, with nothing changed.

use std::sync::Arc;

use chrono::NaiveDate;
use tenken_core::checklist::Bank;
use tenken_core::clock::FixedClock;
use tenken_core::store::{
    AnswerChange, InterviewChange, LinkTarget, NewAssessment, NewFinding, NewInterview, Store,
};
use tenken_core::{AssessmentKind, ClassificationScheme, Error, Lang, RemarkKind, ScaleKind};

const ITEM: &str = "AU-04-02-001";

fn store(dir: &std::path::Path) -> Store {
    Store::open_with(
        dir,
        Arc::new(FixedClock::at("2026-10-01T09:00:00Z")),
        "監査 太郎".into(),
    )
    .unwrap()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn new_assessment(org: i64, previous: Option<i64>) -> NewAssessment {
    NewAssessment {
        organisation_id: org,
        fiscal_year: 2026,
        kind: AssessmentKind::InternalAudit,
        title: "令和8年度 情報セキュリティ監査".into(),
        period_start: None,
        period_end: None,
        auditors: vec![],
        scale: ScaleKind::Audit,
        classification: ClassificationScheme::FourLevel,
        checklist: Bank::builtin().unwrap().get("audit").unwrap().clone(),
        policy_document_id: None,
        standards_document_id: None,
        profile: Default::default(),
        previous_assessment_id: previous,
    }
}

/// A store with one organisation and one assessment scoped to 総務課 and 市民課.
fn setup(dir: &std::path::Path) -> (Store, i64, i64) {
    let mut s = store(dir);
    let org = s.add_organisation("東雲市", None).unwrap().id;
    let a = s
        .create_assessment_with_departments(
            &new_assessment(org, None),
            &["総務課".into(), "市民課".into()],
        )
        .unwrap()
        .id;
    (s, org, a)
}

fn last(s: &Store) -> tenken_core::store::audit_log::LogEntry {
    s.audit_log(Some(1)).unwrap().pop().unwrap()
}

fn log_len(s: &Store) -> usize {
    s.audit_log(None).unwrap().len()
}

fn in_use(e: Error) -> (String, String) {
    match e {
        Error::InUse { what, blocker, .. } => (what, blocker),
        other => panic!("expected in_use, got {other:?}"),
    }
}

#[test]
fn report_front_matter_is_editable_and_logged() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, org, a) = setup(dir.path());

    let got = s
        .set_period(a, Some(d("2026-10-01")), Some(d("2026-11-30")))
        .unwrap();
    assert_eq!(
        (got.period_start, got.period_end),
        (Some(d("2026-10-01")), Some(d("2026-11-30")))
    );
    let e = last(&s);
    assert_eq!(e.action, "assessment.period");
    assert_eq!(e.before.unwrap()["start"], serde_json::Value::Null);
    assert_eq!(e.after.unwrap()["end"], "2026-11-30");
    // End before start: refused, nothing changed.
    let n = log_len(&s);
    assert_eq!(
        s.set_period(a, Some(d("2026-12-01")), Some(d("2026-11-30")))
            .unwrap_err()
            .code(),
        "invalid_value"
    );
    assert_eq!(s.assessment(a).unwrap().period_end, Some(d("2026-11-30")));
    assert_eq!(log_len(&s), n);

    let got = s
        .set_auditors(a, &[" 監査 太郎 ".into(), "".into(), "検査 花子".into()])
        .unwrap();
    assert_eq!(got.auditors, ["監査 太郎", "検査 花子"]);
    assert_eq!(last(&s).action, "assessment.auditors");
    assert_eq!(
        s.set_auditors(a, &["甲".into(), "甲".into()])
            .unwrap_err()
            .code(),
        "already_exists"
    );
    assert_eq!(
        s.assessment(a).unwrap().auditors,
        ["監査 太郎", "検査 花子"]
    );

    let o = s
        .set_addressee(org, " 東雲市情報セキュリティ委員会 ")
        .unwrap();
    assert_eq!(o.addressee.as_deref(), Some("東雲市情報セキュリティ委員会"));
    let e = last(&s);
    assert_eq!(
        (e.action.as_str(), e.before.unwrap()),
        ("organisation.addressee", serde_json::Value::Null)
    );
    assert_eq!(s.set_addressee(org, "  ").unwrap().addressee, None);
    // Everything reaches the export the report is made from.
    s.set_addressee(org, "東雲市長").unwrap();
    let x = tenken_core::export::export(&s, a).unwrap();
    assert_eq!(x.organisation.addressee.as_deref(), Some("東雲市長"));
    assert_eq!(x.assessment.auditors, ["監査 太郎", "検査 花子"]);
    assert_eq!(x.assessment.period_start, Some(d("2026-10-01")));
}

#[test]
fn interview_details_are_updated_and_remarks_edited_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _, a) = setup(dir.path());
    let i = s
        .add_interview(
            a,
            "総務課",
            &NewInterview {
                held_on: Some(d("2026-10-05")),
                notes: "メモ".into(),
                ..Default::default()
            },
        )
        .unwrap();
    let change = InterviewChange {
        held_on: d("2026-10-07"),
        place: "第2会議室".into(),
        attendees: "総務課長 山田".into(),
        auditor: "監査 太郎".into(),
    };
    let got = s.update_interview(i.id, &change).unwrap();
    assert_eq!(
        (got.held_on, got.place.as_str(), got.notes.as_str()),
        (d("2026-10-07"), "第2会議室", "メモ")
    );
    let e = last(&s);
    assert_eq!(e.action, "interview.update");
    assert_eq!(e.before.unwrap()["held_on"], "2026-10-05");
    assert_eq!(
        s.update_interview(999, &change).unwrap_err().code(),
        "unknown_interview"
    );

    let r = s
        .add_remark(a, None, RemarkKind::Good, "職員の意識が高い")
        .unwrap();
    let got = s
        .update_remark(
            r.id,
            RemarkKind::Notable,
            Some("市民課"),
            "窓口の画面が来庁者から見える",
        )
        .unwrap();
    assert_eq!(
        (got.kind, got.department.as_deref()),
        (RemarkKind::Notable, Some("市民課"))
    );
    let e = last(&s);
    assert_eq!(e.action, "remark.update");
    assert_eq!(e.before.unwrap()["text"], "職員の意識が高い");
    // Empty text and an unknown department are refused; the remark keeps its text.
    assert_eq!(
        s.update_remark(r.id, RemarkKind::Good, None, "  ")
            .unwrap_err()
            .code(),
        "invalid_value"
    );
    assert_eq!(
        s.update_remark(r.id, RemarkKind::Good, Some("財政課"), "x")
            .unwrap_err()
            .code(),
        "unknown_department"
    );
    assert_eq!(
        s.remarks(a).unwrap()[0].text,
        "窓口の画面が来庁者から見える"
    );

    s.remove_remark(r.id).unwrap();
    let e = last(&s);
    assert_eq!((e.action.as_str(), e.after), ("remark.remove", None));
    assert_eq!(e.before.unwrap()["text"], "窓口の画面が来庁者から見える");
    assert!(s.remarks(a).unwrap().is_empty());
}

#[test]
fn organisation_removal_refused_with_assessments_and_logged_without() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, org, _) = setup(dir.path());
    let n = log_len(&s);
    let err = s.remove_organisation(org).unwrap_err();
    assert_eq!(err.code(), "in_use");
    assert!(
        err.localized(Lang::Ja).contains("点検・監査"),
        "{}",
        err.localized(Lang::Ja)
    );
    assert_eq!(in_use(err), ("organisation".into(), "assessment".into()));
    assert_eq!(log_len(&s), n);

    let spare = s
        .add_organisation("誤登録町", Some("誤登録町長"))
        .unwrap()
        .id;
    s.remove_organisation(spare).unwrap();
    assert!(s.find_organisation("誤登録町").unwrap().is_none());
    let e = last(&s);
    assert_eq!(e.action, "organisation.remove");
    assert_eq!(e.before.unwrap()["organisation"]["name"], "誤登録町");
    assert_eq!(s.integrity_problems().unwrap(), Vec::<String>::new());
}

#[test]
fn assessment_removal_refused_with_work_recorded_and_logged_when_empty() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, org, a) = setup(dir.path());
    s.record_answer(
        a,
        "総務課",
        ITEM,
        &AnswerChange {
            rating: Some("conform".into()),
            note: None,
        },
    )
    .unwrap();
    assert_eq!(
        in_use(s.remove_assessment(a).unwrap_err()),
        ("assessment".into(), "answer".into())
    );
    assert!(s.assessment(a).is_ok());

    // A later assessment follows the first: the first cannot go.
    let b = s
        .create_assessment_with_departments(&new_assessment(org, Some(a)), &["総務課".into()])
        .unwrap()
        .id;
    s.record_answer(
        a,
        "総務課",
        ITEM,
        &AnswerChange {
            rating: Some("unrated".into()),
            note: None,
        },
    )
    .unwrap();
    assert_eq!(in_use(s.remove_assessment(a).unwrap_err()).1, "assessment");

    // The empty second one (an interview and a remark only) is removed, logged with them.
    s.add_interview(
        b,
        "総務課",
        &NewInterview {
            held_on: Some(d("2026-10-02")),
            ..Default::default()
        },
    )
    .unwrap();
    s.add_remark(b, None, RemarkKind::Good, "良好").unwrap();
    s.remove_assessment(b).unwrap();
    assert_eq!(s.assessment(b).unwrap_err().code(), "unknown_assessment");
    let e = last(&s);
    assert_eq!(e.action, "assessment.remove");
    let before = e.before.unwrap();
    assert_eq!(before["remarks"][0]["text"], "良好");
    assert_eq!(before["departments"][0]["name"], "総務課");
    assert_eq!(s.foreign_key_problems().unwrap(), Vec::<String>::new());
    // Now the first can go too (its only answer is unrated and empty).
    s.remove_assessment(a).unwrap();
    assert!(s.list_assessments().unwrap().is_empty());
}

#[test]
fn department_removal_refused_when_recorded_and_logged_when_not() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _, a) = setup(dir.path());
    s.record_answer(
        a,
        "総務課",
        ITEM,
        &AnswerChange {
            rating: None,
            note: Some("メモ".into()),
        },
    )
    .unwrap();
    assert_eq!(
        in_use(s.remove_department(a, "総務課").unwrap_err()),
        ("department".into(), "answer".into())
    );
    s.add_interview(
        a,
        "市民課",
        &NewInterview {
            held_on: Some(d("2026-10-02")),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        in_use(s.remove_department(a, "市民課").unwrap_err()).1,
        "interview"
    );
    let i = s.interviews(a).unwrap()[0].id;
    s.remove_interview(i).unwrap();
    assert_eq!(last(&s).action, "interview.remove");
    s.remove_department(a, "市民課").unwrap();
    let e = last(&s);
    assert_eq!(e.action, "department.remove");
    assert_eq!(e.before.unwrap()["name"], "市民課");
    assert_eq!(
        s.departments(a)
            .unwrap()
            .iter()
            .map(|d| d.name.as_str())
            .collect::<Vec<_>>(),
        ["総務課"]
    );
}

#[test]
fn finding_removal_needs_unlinking_first() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _, a) = setup(dir.path());
    let f = s
        .add_finding(
            a,
            &NewFinding {
                department: "総務課".into(),
                item_id: Some(ITEM.into()),
                fact: "記録がない".into(),
                classification: "minor".into(),
                ..Default::default()
            },
        )
        .unwrap();
    let ev = s
        .add_paper_evidence(a, "入退室管理簿", "総務課書庫", "")
        .unwrap();
    s.link_evidence(ev.id, &LinkTarget::Finding(f.id)).unwrap();
    s.link_evidence(
        ev.id,
        &LinkTarget::Response {
            department: "総務課".into(),
            item_id: ITEM.into(),
        },
    )
    .unwrap();

    let n = log_len(&s);
    let err = s.remove_finding(f.id).unwrap_err();
    assert_eq!(in_use(err), ("finding".into(), "evidence-link".into()));
    assert_eq!(log_len(&s), n);
    assert_eq!(s.evidence(ev.id).unwrap().links.len(), 2);

    let got = s
        .unlink_evidence(ev.id, &LinkTarget::Finding(f.id))
        .unwrap();
    assert_eq!(got.links.len(), 1);
    let e = last(&s);
    assert_eq!(
        (e.action.as_str(), e.before.unwrap()["finding_id"].as_i64()),
        ("evidence.unlink", Some(f.id))
    );
    // Unlinking what is not linked is refused.
    assert_eq!(
        s.unlink_evidence(ev.id, &LinkTarget::Finding(f.id))
            .unwrap_err()
            .code(),
        "invalid_value"
    );

    s.remove_finding(f.id).unwrap();
    let e = last(&s);
    assert_eq!(e.action, "finding.remove");
    assert_eq!(e.before.unwrap()["fact"], "記録がない");
    assert!(s.findings(a).unwrap().is_empty());

    s.unlink_evidence(
        ev.id,
        &LinkTarget::Response {
            department: "総務課".into(),
            item_id: ITEM.into(),
        },
    )
    .unwrap();
    s.remove_evidence(ev.id).unwrap();
    let e = last(&s);
    assert_eq!(e.action, "evidence.remove");
    assert_eq!(e.before.unwrap()["title"], "入退室管理簿");
    assert_eq!(s.evidence(ev.id).unwrap_err().code(), "unknown_evidence");
    assert_eq!(s.foreign_key_problems().unwrap(), Vec::<String>::new());
}

#[test]
fn report_screen_lists_what_is_still_empty() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, org, a) = setup(dir.path());
    let keys = |s: &Store| {
        tenken_core::readiness::report_details(s, a, Lang::Ja)
            .unwrap()
            .gaps
            .into_iter()
            .map(|g| g.key)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        keys(&s),
        [
            "summary",
            "period",
            "addressee",
            "auditors",
            "interview",
            "interview",
            "unrated"
        ]
    );
    let d = tenken_core::readiness::report_details(&s, a, Lang::Ja).unwrap();
    assert!(
        d.gaps[0].message.contains("総評が未入力です"),
        "{:?}",
        d.gaps[0]
    );
    assert!(d.gaps.iter().any(|g| g.message.contains("市民課")));
    s.set_summary(a, "概ね良好").unwrap();
    s.set_period(a, Some(d_("2026-10-01")), Some(d_("2026-11-30")))
        .unwrap();
    s.set_addressee(org, "東雲市長").unwrap();
    s.set_auditors(a, &["監査 太郎".into()]).unwrap();
    s.add_interview(
        a,
        "総務課",
        &NewInterview {
            held_on: Some(d_("2026-10-05")),
            ..Default::default()
        },
    )
    .unwrap();
    let i = s
        .add_interview(
            a,
            "市民課",
            &NewInterview {
                held_on: Some(d_("2026-10-06")),
                place: "会議室".into(),
                attendees: "課長".into(),
                auditor: "監査 太郎".into(),
                notes: String::new(),
            },
        )
        .unwrap();
    let _ = i;
    // 総務課's interview lacks its place, attendees and auditor; nothing is rated.
    assert_eq!(keys(&s), ["interview-details", "unrated"]);
    let en = tenken_core::readiness::report_details(&s, a, Lang::En).unwrap();
    assert!(
        en.gaps[0].message.contains("5 October 2026"),
        "{:?}",
        en.gaps[0]
    );
}

fn d_(s: &str) -> NaiveDate {
    d(s)
}

/// Evidence linked to answers and findings may be removed with its links, unless an issued
/// final report cites it: a committee report issued after it was recorded, or a notice to a
/// department it is linked to (report_issues).
#[test]
fn evidence_removal_takes_links_along_unless_an_issued_report_cites_it() {
    use tenken_core::store::NewReportIssue;
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _, a) = setup(dir.path());
    let f = s
        .add_finding(
            a,
            &NewFinding {
                department: "総務課".into(),
                item_id: Some(ITEM.into()),
                fact: "記録がない".into(),
                classification: "minor".into(),
                ..Default::default()
            },
        )
        .unwrap();
    let linked = |s: &mut Store, title: &str, dept: &str| {
        let ev = s.add_paper_evidence(a, title, "書庫", "").unwrap();
        s.link_evidence(
            ev.id,
            &LinkTarget::Response {
                department: dept.into(),
                item_id: ITEM.into(),
            },
        )
        .unwrap();
        ev
    };
    // Linked to an answer and a finding, no report issued: removed with both links.
    let first = linked(&mut s, "入退室管理簿", "総務課");
    s.link_evidence(first.id, &LinkTarget::Finding(f.id))
        .unwrap();
    s.remove_evidence(first.id).unwrap();
    let e = last(&s);
    assert_eq!(e.action, "evidence.remove");
    let before = e.before.unwrap();
    assert_eq!(before["title"], "入退室管理簿");
    assert_eq!(before["links"].as_array().unwrap().len(), 2, "{before}");
    assert_eq!(s.evidence(first.id).unwrap_err().code(), "unknown_evidence");
    assert_eq!(s.foreign_key_problems().unwrap(), Vec::<String>::new());
    s.remove_finding(f.id).unwrap(); // its link went with the evidence

    // A notice to 市民課 issued: evidence linked to 市民課 is cited, 総務課's is not.
    let shimin = linked(&mut s, "市民課の台帳", "市民課");
    let somu = linked(&mut s, "総務課の台帳", "総務課");
    let issue = |s: &mut Store, department: Option<&str>| {
        let version = s.next_report_version(a, department).unwrap();
        s.record_report(&NewReportIssue {
            assessment_id: a,
            department: department.map(str::to_string),
            version,
            format: "pdf".into(),
            language: "ja".into(),
            fingerprint: "a".repeat(64),
            document_sha256: "b".repeat(64),
        })
        .unwrap();
    };
    issue(&mut s, Some("市民課"));
    let n = log_len(&s);
    let err = s.remove_evidence(shimin.id).unwrap_err();
    let msg = err.localized(Lang::Ja);
    assert!(
        msg.contains("発行済み") && msg.contains("市民課の台帳"),
        "{msg}"
    );
    assert_eq!(in_use(err), ("evidence".into(), "issued-report".into()));
    assert_eq!(log_len(&s), n);
    assert_eq!(s.evidence(shimin.id).unwrap().links.len(), 1);
    assert_eq!(s.reports_citing_evidence(somu.id).unwrap(), 0);

    // The committee report lists every piece of evidence recorded before it was issued.
    issue(&mut s, None);
    assert_eq!(
        in_use(s.remove_evidence(somu.id).unwrap_err()),
        ("evidence".into(), "issued-report".into())
    );
    assert_eq!(s.reports_citing_evidence(shimin.id).unwrap(), 2);
    drop(s);

    // Evidence recorded after the last issue is in no issued report: it may go.
    let mut later = Store::open_with(
        dir.path(),
        Arc::new(FixedClock::at("2026-10-02T09:00:00Z")),
        "監査 太郎".into(),
    )
    .unwrap();
    let fresh = linked(&mut later, "後日の写真", "市民課");
    assert_eq!(later.reports_citing_evidence(fresh.id).unwrap(), 0);
    later.remove_evidence(fresh.id).unwrap();
    assert!(later.evidence(shimin.id).is_ok() && later.evidence(somu.id).is_ok());
}

#[test]
fn an_assessment_with_an_issued_report_is_not_removed() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _, a) = setup(dir.path());
    s.record_report(&tenken_core::store::NewReportIssue {
        assessment_id: a,
        department: None,
        version: 1,
        format: "pdf".into(),
        language: "ja".into(),
        fingerprint: "a".repeat(64),
        document_sha256: "b".repeat(64),
    })
    .unwrap();
    let n = log_len(&s);
    let err = s.remove_assessment(a).unwrap_err();
    assert!(err.localized(Lang::Ja).contains("発行済み"), "{err:?}");
    assert_eq!(in_use(err), ("assessment".into(), "issued-report".into()));
    assert_eq!(log_len(&s), n);
    assert!(s.assessment(a).is_ok());
    assert_eq!(s.report_issues(a).unwrap().len(), 1);
}
