//! Scope per department: roles, tier × role rules and per-item inclusions decide which items a
//! department is asked; counts, the dashboard, the interview sheet, the export and the report's
//! readiness follow; answers to out-of-scope items are refused, answers stored before an item
//! went out of scope are kept but not counted; every change is logged; migration from every
//! earlier schema leaves every item in scope.

use std::sync::Arc;

use rusqlite::Connection;
use tenken_core::checklist::Bank;
use tenken_core::clock::FixedClock;
use tenken_core::store::schema::MIGRATIONS;
use tenken_core::store::{AnswerChange, NewAssessment, Store};
use tenken_core::{views, AssessmentKind, ClassificationScheme, Lang, ScaleKind};

/// An executive-tier item (CSIRT) and a staff-tier item of the audit bank.
const CSIRT: &str = "AU-01-00-014";

fn store(dir: &std::path::Path) -> Store {
    Store::open_with(
        dir,
        Arc::new(FixedClock::at("2026-10-01T09:00:00Z")),
        "監査 太郎".into(),
    )
    .unwrap()
}

fn setup(dir: &std::path::Path) -> (Store, i64) {
    let mut s = store(dir);
    let org = s.add_organisation("東雲市", None).unwrap().id;
    let a = s
        .create_assessment_with_departments(
            &NewAssessment {
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
                previous_assessment_id: None,
            },
            &["情報政策課".into(), "市民課".into()],
        )
        .unwrap()
        .id;
    (s, a)
}

fn tier_counts(s: &Store, a: i64) -> std::collections::HashMap<String, u32> {
    let mut m = std::collections::HashMap::new();
    for i in &s.assessment(a).unwrap().checklist.items {
        *m.entry(i.tier.clone()).or_default() += 1;
    }
    m
}

fn rate(s: &mut Store, a: i64, d: &str, item: &str, r: &str) -> tenken_core::Result<()> {
    s.record_answer(
        a,
        d,
        item,
        &AnswerChange {
            rating: Some(r.into()),
            note: None,
        },
    )
    .map(|_| ())
}

#[test]
fn roles_rules_and_items_decide_what_is_asked_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, a) = setup(dir.path());
    let tiers = tier_counts(&s, a);
    let n = s.assessment(a).unwrap().checklist.items.len() as u32;
    // Before any role: every item for everyone (stores made before scope keep their counts).
    let v = s.scope(a).unwrap();
    assert!(v
        .departments
        .iter()
        .all(|d| d.items_in == n && d.items_out == 0));

    // 市民課 is an ordinary department: manager and staff items only; the CSIRT is not asked.
    let d = s.set_department_role(a, "市民課", Some("general")).unwrap();
    let general = tiers["manager"] + tiers["staff"];
    assert_eq!((d.items_in, d.items_out), (general, n - general));
    let e = s.audit_log(Some(1)).unwrap().pop().unwrap();
    assert_eq!(e.action, "scope.role");
    assert_eq!(e.before.unwrap()["role"], serde_json::Value::Null);
    assert_eq!(e.after.unwrap()["role"], "general");
    s.set_department_role(a, "情報政策課", Some("systems"))
        .unwrap();

    // The interview sheet lists only what is asked, and says how many are left out.
    let sheet = views::interview_sheet(&s, a, "市民課", Lang::Ja).unwrap();
    assert_eq!(sheet.items.len() as u32, general);
    assert_eq!(sheet.out_of_scope, n - general);
    assert!(!sheet.items.iter().any(|i| i.id == CSIRT));

    // Answering an out-of-scope item is refused, nothing changes.
    let log = s.audit_log(None).unwrap().len();
    let err = rate(&mut s, a, "市民課", CSIRT, "○").unwrap_err();
    assert_eq!(err.code(), "out_of_scope");
    assert!(err.localized(Lang::Ja).contains("範囲外"));
    assert!(err.localized(Lang::Ja).contains("対象外の評価とは別"));
    let err = s
        .record_answers(
            a,
            "市民課",
            &[(
                CSIRT.into(),
                AnswerChange {
                    rating: Some("○".into()),
                    note: None,
                },
            )],
        )
        .unwrap_err();
    assert_eq!(err.code(), "out_of_scope");
    assert_eq!(s.audit_log(None).unwrap().len(), log);
    assert!(s.answer(a, "市民課", CSIRT).unwrap().is_none());

    // The rule for executive × general can be changed for this assessment, and set back.
    let r = s
        .set_scope_rule(a, "executive", "general", Some(true))
        .unwrap();
    assert!(r.applies && !r.builtin);
    assert_eq!(
        s.scope(a).unwrap().departments[1].items_in,
        general + tiers["executive"]
    );
    rate(&mut s, a, "市民課", CSIRT, "○").unwrap();
    s.set_scope_rule(a, "executive", "general", None).unwrap();
    let e = s.audit_log(Some(1)).unwrap().pop().unwrap();
    assert_eq!(e.action, "scope.rule");
    assert_eq!(e.before.unwrap()["applies"], true);
    assert_eq!(e.after.unwrap()["applies"], serde_json::Value::Null);

    // The answer given while in scope stays stored, but is neither counted nor shown.
    let v = s.scope(a).unwrap();
    assert_eq!(v.departments[1].hidden_answers, 1);
    assert!(s.answer(a, "市民課", CSIRT).unwrap().is_some());
    let dash = views::dashboard(&s, a, Lang::Ja).unwrap();
    let systems = n - tiers["executive"];
    assert_eq!(dash.total.items, general + systems);
    assert_eq!(dash.total.answered, 0);
    let listed = s
        .list_assessments()
        .unwrap()
        .into_iter()
        .find(|x| x.id == a)
        .unwrap();
    assert_eq!(
        (listed.item_count, listed.answered_count),
        ((general + systems) as i64, 0)
    );
    let export = tenken_core::export::export(&s, a).unwrap();
    assert!(
        export.answers.is_empty(),
        "the hidden answer is not exported"
    );
    assert!(!export.in_scope("市民課", CSIRT));
    assert!(export.in_scope("情報政策課", "AU-04-02-001"));
    assert_eq!(
        export.out_of_scope["市民課"].len() as u32,
        n - general,
        "{:?}",
        export.out_of_scope.keys()
    );
    tenken_core::export::validate(&export).unwrap();
    // An export that reports an answer to an item out of scope is refused.
    let mut bad = export.clone();
    let mut r = s.answer(a, "市民課", CSIRT).unwrap().unwrap();
    r.department = "市民課".into();
    bad.answers.push(r);
    assert_eq!(
        tenken_core::export::validate(&bad).unwrap_err().code(),
        "out_of_scope"
    );

    // An individual inclusion beats the role's rule: the stored answer counts again.
    let i = s.set_item_scope(a, "市民課", CSIRT, Some(true)).unwrap();
    assert!(i.applies && i.by == "item" && !i.hidden_answer);
    let dash = views::dashboard(&s, a, Lang::Ja).unwrap();
    assert_eq!(dash.total.answered, 1);
    assert_eq!(dash.total.items, general + systems + 1);
    let e = s.audit_log(Some(1)).unwrap().pop().unwrap();
    assert_eq!(e.action, "scope.item");
    assert_eq!(e.after.unwrap()["included"], true);

    // An individual exclusion of an item the rule would ask.
    let staff = s
        .assessment(a)
        .unwrap()
        .checklist
        .items
        .iter()
        .find(|i| i.tier == "staff")
        .unwrap()
        .id
        .clone();
    s.set_item_scope(a, "情報政策課", &staff, Some(false))
        .unwrap();
    let items = s.department_scope(a, "情報政策課").unwrap();
    let it = items.iter().find(|i| i.item_id == staff).unwrap();
    assert!(!it.applies && it.by == "item");
    assert!(items
        .iter()
        .filter(|i| i.tier == "executive")
        .all(|i| !i.applies && i.by == "rule"));
}

#[test]
fn bad_scope_input_is_refused_with_nothing_changed() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, a) = setup(dir.path());
    let log = s.audit_log(None).unwrap().len();
    let code = |r: tenken_core::Result<()>| r.unwrap_err().code();
    assert_eq!(
        code(s.set_department_role(a, "市民課", Some("boss")).map(|_| ())),
        "invalid_value"
    );
    assert_eq!(
        code(
            s.set_department_role(a, "存在しない課", Some("general"))
                .map(|_| ())
        ),
        "unknown_department"
    );
    assert_eq!(
        code(
            s.set_scope_rule(a, "intern", "general", Some(true))
                .map(|_| ())
        ),
        "invalid_value"
    );
    assert_eq!(
        code(
            s.set_item_scope(a, "市民課", "AU-99-99-999", Some(false))
                .map(|_| ())
        ),
        "unknown_item"
    );
    assert_eq!(
        code(
            s.set_item_scope(999, "市民課", CSIRT, Some(false))
                .map(|_| ())
        ),
        "unknown_assessment"
    );
    // Setting what is already set writes nothing.
    s.set_department_role(a, "市民課", None).unwrap();
    s.set_item_scope(a, "市民課", CSIRT, None).unwrap();
    assert_eq!(s.audit_log(None).unwrap().len(), log);
}

#[test]
fn removing_a_department_or_assessment_takes_its_scope_along() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, a) = setup(dir.path());
    s.set_department_role(a, "市民課", Some("general")).unwrap();
    s.set_item_scope(a, "市民課", CSIRT, Some(true)).unwrap();
    s.set_scope_rule(a, "staff", "systems", Some(false))
        .unwrap();
    s.remove_department(a, "市民課").unwrap();
    assert_eq!(s.foreign_key_problems().unwrap(), Vec::<String>::new());
    // Added again, it starts without a role or inclusions.
    s.add_department(a, "市民課").unwrap();
    let d = s.scope(a).unwrap().departments.pop().unwrap();
    assert_eq!((d.role, d.overrides.len()), (None, 0));
    s.remove_assessment(a).unwrap();
    assert_eq!(s.foreign_key_problems().unwrap(), Vec::<String>::new());
}

/// A store created at every earlier schema version, with an assessment, two departments and
/// answers, opens with every item in scope and its counts unchanged; scope can then be set.
#[test]
fn migration_from_every_earlier_schema_keeps_every_item_in_scope() {
    let checklist = serde_json::json!({
        "id": "audit", "version": "2026.1", "title": {"ja": "監査", "en": "Audit"}, "scale": "audit",
        "items": [
            {"id": "X-1", "section": "1", "topic": "organization", "question": {"ja": "CSIRTは", "en": "CSIRT?"},
             "look_at": {"ja": [], "en": []}, "methods": ["interview"], "tier": "executive", "required": true},
            {"id": "X-2", "section": "6", "topic": "human", "question": {"ja": "研修は", "en": "Training?"},
             "look_at": {"ja": [], "en": []}, "methods": ["interview"], "tier": "staff", "required": false}
        ]
    });
    for version in 1..MIGRATIONS.len() {
        let dir = tempfile::tempdir().unwrap();
        {
            let conn = Connection::open(dir.path().join("tenken.db")).unwrap();
            for sql in &MIGRATIONS[..version] {
                conn.execute_batch(sql).unwrap();
            }
            conn.pragma_update(None, "user_version", version as i64)
                .unwrap();
            conn.execute_batch(&format!(
                "INSERT INTO organisations (id, name, created_at) VALUES (1, '旧版町', '2025-04-01T00:00:00Z');
                 INSERT INTO assessments (id, organisation_id, fiscal_year, kind, title, scale, classification, checklist_json, created_at)
                   VALUES (1, 1, 2025, 'internal_audit', '令和7年度 監査', 'audit', 'four_level', '{}', '2025-04-01T00:00:00Z');
                 INSERT INTO departments (id, organisation_id, name) VALUES (1, 1, '総務課'), (2, 1, '市民課');
                 INSERT INTO assessment_departments (assessment_id, department_id, position) VALUES (1, 1, 0), (1, 2, 1);
                 INSERT INTO responses (assessment_id, department_id, item_id, rating, updated_at)
                   VALUES (1, 2, 'X-1', 'conform', '2025-05-01T00:00:00Z'), (1, 2, 'X-2', 'partial', '2025-05-01T00:00:00Z');",
                checklist.to_string().replace('\'', "''")
            ))
            .unwrap();
        }
        let mut s = store(dir.path());
        let v = s.scope(1).unwrap();
        assert!(
            v.departments
                .iter()
                .all(|d| d.role.is_none() && d.items_in == 2 && d.items_out == 0),
            "from version {version}: {v:?}"
        );
        let listed = &s.list_assessments().unwrap()[0];
        assert_eq!(
            (listed.item_count, listed.answered_count),
            (4, 2),
            "from version {version}"
        );
        // Now 市民課 is an ordinary department: the CSIRT answer is kept but not counted.
        s.set_department_role(1, "市民課", Some("general")).unwrap();
        let listed = &s.list_assessments().unwrap()[0];
        assert_eq!(
            (listed.item_count, listed.answered_count),
            (3, 1),
            "from version {version}"
        );
        assert_eq!(s.answers(1, None).unwrap().len(), 2);
    }
}
