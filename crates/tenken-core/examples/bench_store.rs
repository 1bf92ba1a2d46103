//! Store benchmark: answer write latency over 10,000 acknowledged writes (each one committed
//! with synchronous=FULL, as in the app) and the time to open a store holding
//! 60 departments × 300 items of responses.
//!
//! Each figure is measured on a plain store and on an encrypted one (SQLCipher, evidence in
//! ChaCha20-Poly1305 STREAM; the open includes the Argon2id key derivation at the tuned cost)
//! in the same run, with the ratio. `-- --no-1gib` skips adding a 1 GiB evidence file.
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

const PASS: &str = "bench passphrase";

/// An empty store, encrypted when asked (with the tuned Argon2id cost).
fn open_fresh(dir: &std::path::Path, encrypted: bool) -> Store {
    if !encrypted {
        return Store::open(dir).unwrap();
    }
    drop(Store::open(dir).unwrap());
    tenken_core::crypto::convert::encrypt(dir, PASS).unwrap();
    Store::open_keyed(dir, Some(unlock(dir))).unwrap()
}

fn unlock(dir: &std::path::Path) -> std::sync::Arc<tenken_core::crypto::DataKey> {
    std::sync::Arc::new(
        tenken_core::crypto::unlock(
            dir,
            &tenken_core::crypto::Secret::Passphrase(PASS.to_string().into()),
        )
        .unwrap(),
    )
}

fn new_store(
    dir: &std::path::Path,
    items: usize,
    departments: usize,
    encrypted: bool,
) -> (Store, i64, Vec<String>) {
    let mut store = open_fresh(dir, encrypted);
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

struct Figures {
    p99_write_ms: f64,
    open_ms: f64,
    gib_s: Option<f64>,
}

fn main() {
    let with_gib = !std::env::args().any(|a| a == "--no-1gib");
    let plain = run(false, with_gib);
    let enc = run(true, with_gib);
    println!("== encrypted vs plain ==");
    println!(
        "answer write p99: {:.3} ms vs {:.3} ms = {:.2}× (goal ≤ 1.5×)",
        enc.p99_write_ms,
        plain.p99_write_ms,
        enc.p99_write_ms / plain.p99_write_ms
    );
    println!(
        "store open incl. key derivation: {:.0} ms (goal ≤ 1,500 ms; plain {:.0} ms)",
        enc.open_ms, plain.open_ms
    );
    if let (Some(e), Some(p)) = (enc.gib_s, plain.gib_s) {
        println!(
            "adding a 1 GiB evidence file: {e:.2} s vs {p:.2} s = {:.2}× (goal ≤ 2×)",
            e / p
        );
    }
}

fn run(encrypted: bool, with_gib: bool) -> Figures {
    println!(
        "== {} store ==",
        if encrypted { "encrypted" } else { "plain" }
    );
    let ratings = ["conform", "partial", "nonconform", "na"];
    // 1. Write latency, durable commits.
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, a, items) = new_store(tmp.path(), 300, 60, encrypted);
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
    let p99_write_ms = percentile(&lat, 0.99);
    println!("answer write (synchronous=FULL, {n} acknowledged writes): median {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        percentile(&lat, 0.5), percentile(&lat, 0.99), lat[n - 1]);
    drop(store);

    // 2. Open a store holding 60 departments × 300 items of responses.
    let tmp2 = tempfile::tempdir().unwrap();
    let (mut store, a, items) = new_store(tmp2.path(), 300, 60, encrypted);
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
        // An encrypted store: the passphrase's key derivation is part of opening it.
        let key = encrypted.then(|| unlock(tmp2.path()));
        let store = Store::open_keyed(tmp2.path(), key).unwrap();
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
    let open_ms = percentile(&opens, 0.5);

    // 3. Adding a 1 GiB evidence file (streamed: hashed, encrypted when the store is, flushed).
    let gib_s = with_gib.then(|| {
        let src_dir = tempfile::tempdir().unwrap();
        let src = src_dir.path().join("big.bin");
        {
            use std::io::Write;
            let mut f = std::io::BufWriter::new(std::fs::File::create(&src).unwrap());
            let block: Vec<u8> = (0..1 << 20).map(|i| (i * 7 % 251) as u8).collect();
            for i in 0..1024u32 {
                let mut b = block.clone();
                b[..4].copy_from_slice(&i.to_le_bytes());
                f.write_all(&b).unwrap();
            }
        }
        let store = Store::open_keyed(tmp2.path(), encrypted.then(|| unlock(tmp2.path()))).unwrap();
        let t = Instant::now();
        let s = store.evidence_files().store(&src, &mut |_| {}).unwrap();
        let secs = t.elapsed().as_secs_f64();
        assert_eq!(s.size, 1 << 30);
        println!("add a 1 GiB evidence file: {secs:.2} s");
        secs
    });
    Figures {
        p99_write_ms,
        open_ms,
        gib_s,
    }
}
