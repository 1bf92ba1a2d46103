//! Store benchmark: answer write latency over 10,000 acknowledged writes (each one committed
//! with synchronous=FULL, as in the app) and the time to open a store holding
//! 60 departments × 300 items of responses.
//!
//! Run: `cargo run --release -p tenken-core --example bench_store`

use std::time::Instant;

use tenken_core::checklist::{Checklist, Conditions, Item, Text, TextList};
use tenken_core::store::{AnswerChange, NewAssessment, Store};
use tenken_core::{AssessmentKind, ClassificationScheme, ScaleKind};

fn checklist(n: usize) -> Checklist {
    let items = (0..n)
        .map(|i| Item {
            id: format!("B-{:02}-{:04}", 1 + i % 9, i),
            section: format!("{}.1", 1 + i % 9),
            topic: "physical".into(),
            question: Text {
                ja: format!("項目{i}の確認をしているか。"),
                en: format!("Is item {i} checked?"),
            },
            look_at: TextList::default(),
            methods: vec!["interview".into()],
            tier: "manager".into(),
            required: i % 3 == 0,
            when: Conditions::default(),
            citation: Some(format!("第8条第{}号", 1 + i % 9)),
            standards_citation: None,
        })
        .collect();
    Checklist {
        id: "bench".into(),
        version: "1".into(),
        title: Text {
            ja: "ベンチ".into(),
            en: "Bench".into(),
        },
        scale: ScaleKind::Audit,
        items,
    }
}

fn new_store(dir: &std::path::Path, items: usize, departments: usize) -> (Store, i64, Vec<String>) {
    let mut store = Store::open(dir).unwrap();
    let org = store.add_organisation("ベンチ市", None).unwrap();
    let c = checklist(items);
    let ids = c.items.iter().map(|i| i.id.clone()).collect();
    let a = store
        .create_assessment(&NewAssessment {
            organisation_id: org.id,
            fiscal_year: 2026,
            kind: AssessmentKind::InternalAudit,
            title: "ベンチ".into(),
            period_start: None,
            period_end: None,
            auditors: vec![],
            scale: ScaleKind::Audit,
            classification: ClassificationScheme::FourLevel,
            checklist: c,
            policy_document_id: None,
            standards_document_id: None,
            profile: Default::default(),
            previous_assessment_id: None,
        })
        .unwrap();
    for d in 0..departments {
        store.add_department(a.id, &format!("部署{d:02}")).unwrap();
    }
    (store, a.id, ids)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let ratings = ["conform", "partial", "nonconform", "na"];
    // 1. Write latency, durable commits.
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, a, items) = new_store(tmp.path(), 300, 60);
    let n = 10_000;
    let mut lat = Vec::with_capacity(n);
    for k in 0..n {
        let change = AnswerChange {
            rating: Some(ratings[k % 4].into()),
            note: Some(format!("メモ {k}")),
        };
        let dept = format!("部署{:02}", k % 60);
        let t = Instant::now();
        store
            .record_answer(a, &dept, &items[(k * 7) % items.len()], &change)
            .unwrap();
        lat.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    lat.sort_by(|x, y| x.partial_cmp(y).unwrap());
    println!("answer write (synchronous=FULL, {n} acknowledged writes): median {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        percentile(&lat, 0.5), percentile(&lat, 0.99), lat[n - 1]);
    drop(store);

    // 2. Open a store holding 60 departments × 300 items of responses.
    let tmp2 = tempfile::tempdir().unwrap();
    let (mut store, a, items) = new_store(tmp2.path(), 300, 60);
    store.set_bulk(true).unwrap();
    for d in 0..60 {
        for (i, item) in items.iter().enumerate() {
            let change = AnswerChange {
                rating: Some(ratings[(d + i) % 4].into()),
                note: Some("確認済み".into()),
            };
            store
                .record_answer(a, &format!("部署{d:02}"), item, &change)
                .unwrap();
        }
    }
    store.set_bulk(false).unwrap();
    drop(store);
    let mut opens = vec![];
    let mut firsts = vec![];
    for _ in 0..7 {
        let t = Instant::now();
        let store = Store::open(tmp2.path()).unwrap();
        let list = store.list_assessments().unwrap();
        opens.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(list[0].answered_count, 18_000);
        let t = Instant::now();
        let answers = store.answers(a, Some("部署07")).unwrap();
        let _ = store.assessment(a).unwrap();
        firsts.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(answers.len(), 300);
    }
    opens.sort_by(|x, y| x.partial_cmp(y).unwrap());
    firsts.sort_by(|x, y| x.partial_cmp(y).unwrap());
    println!("open store with 60 departments × 300 items (18,000 responses) and list assessments: median {:.2} ms, max {:.2} ms",
        percentile(&opens, 0.5), opens[opens.len() - 1]);
    println!(
        "then load one department's 300 answers + the frozen checklist: median {:.2} ms",
        percentile(&firsts, 0.5)
    );
    let size = std::fs::metadata(tmp2.path().join("tenken.db"))
        .map(|m| m.len())
        .unwrap_or(0);
    println!("database size: {:.1} MB", size as f64 / 1e6);
}
