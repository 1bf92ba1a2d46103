//! Benchmark: the large demo (60 departments × the audit checklist, ~800 findings, 3,000
//! evidence entries). Run in release:
//! `cargo run --release -p tenken-report --example bench_report [-- --en] [-- --keep DIR]`
//! Prints: the committee report (goal ≤ 1 s, ≤ 150 pages), all 60 department notices (goal
//! ≤ 3 s), and the old full-detail report as a throughput figure (pages per second).

use std::time::Instant;

use tenken_core::demo::{fill, Size};
use tenken_core::export::export;
use tenken_core::{Lang, Store};
use tenken_report::{render_doc, Doc, Issue};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let keep = args
        .iter()
        .position(|a| a == "--keep")
        .and_then(|i| args.get(i + 1))
        .map(std::path::PathBuf::from);
    let dir = tempfile::tempdir().expect("temp dir");
    let t = Instant::now();
    let mut store = Store::open(&dir.path().join("data")).expect("store");
    let demo = fill(&mut store, Size::Large).expect("demo");
    let e = export(&store, demo.assessment_id).expect("export");
    eprintln!(
        "setup: {:.1} s — {} departments, {} items, {} answers, {} findings, {} evidence",
        t.elapsed().as_secs_f64(),
        e.departments.len(),
        e.assessment.checklist.items.len(),
        e.answers.len(),
        e.findings.len(),
        e.evidence.len()
    );
    let lang = if args.iter().any(|a| a == "--en") {
        Lang::En
    } else {
        Lang::Ja
    };
    let today = chrono::Local::now().date_naive();
    let best = |doc: &Doc, runs: usize| {
        let mut best = f64::MAX;
        let mut last = None;
        for _ in 0..runs {
            let t = Instant::now();
            let r = render_doc(&e, doc, lang, today, Issue::Draft, &mut |_, _| {}).expect("render");
            best = best.min(t.elapsed().as_secs_f64());
            last = Some(r);
        }
        (best, last.unwrap())
    };
    // The same report from an encrypted copy of the store (export read through SQLCipher),
    // beside the plain one: export + committee PDF, best of 3 each.
    {
        let plain_dir = dir.path().join("data");
        let enc_dir = dir.path().join("encrypted");
        std::fs::create_dir_all(&enc_dir).expect("dir");
        store
            .backup_database_to(&enc_dir.join("tenken.db"))
            .expect("copy");
        copy_tree(&plain_dir.join("evidence"), &enc_dir.join("evidence"));
        tenken_core::crypto::convert::encrypt(&enc_dir, "bench passphrase").expect("encrypt");
        let t = Instant::now();
        let key = std::sync::Arc::new(
            tenken_core::crypto::unlock(
                &enc_dir,
                &tenken_core::crypto::Secret::Passphrase("bench passphrase".to_string().into()),
            )
            .expect("unlock"),
        );
        let unlock_s = t.elapsed().as_secs_f64();
        let timed = |s: &Store| {
            let mut best = f64::MAX;
            for _ in 0..3 {
                let t = Instant::now();
                let e = export(s, demo.assessment_id).expect("export");
                render_doc(
                    &e,
                    &Doc::Committee,
                    lang,
                    today,
                    Issue::Draft,
                    &mut |_, _| {},
                )
                .expect("render");
                best = best.min(t.elapsed().as_secs_f64());
            }
            best
        };
        let plain_store = Store::open_read_only(&plain_dir).expect("plain");
        let enc_store = Store::open_read_only_keyed(&enc_dir, Some(key)).expect("encrypted");
        let p = timed(&plain_store);
        let en = timed(&enc_store);
        println!(
            "export + committee report: encrypted {en:.2} s vs plain {p:.2} s = {:.2}× (goal ≤ 1.3×); key derivation {unlock_s:.2} s",
            en / p
        );
    }
    let (s, r) = best(&Doc::Committee, 3);
    println!(
        "committee report: {s:.2} s (best of 3; layout {:.2} s, PDF writer {:.2} s), {} pages, {:.2} MB — goals ≤ 1 s {}, ≤ 150 pages {}",
        r.layout_seconds,
        r.write_seconds,
        r.pages,
        r.bytes.len() as f64 / 1_048_576.0,
        if s <= 1.0 { "met" } else { "MISSED" },
        if r.pages <= 150 { "met" } else { "MISSED" }
    );
    if let Some(k) = &keep {
        std::fs::write(k.join("committee.pdf"), &r.bytes).expect("write");
    }
    let t = Instant::now();
    let (mut pages, mut lay, mut wr) = (0, 0.0, 0.0);
    for d in &e.departments {
        let r = render_doc(
            &e,
            &Doc::Notice(d.name.clone()),
            lang,
            today,
            Issue::Draft,
            &mut |_, _| {},
        )
        .expect("notice");
        pages += r.pages;
        lay += r.layout_seconds;
        wr += r.write_seconds;
        if let Some(k) = &keep {
            std::fs::write(k.join(format!("notice-{}.pdf", d.name)), &r.bytes).expect("write");
        }
    }
    let s = t.elapsed().as_secs_f64();
    println!("all {} notices, one after another: {s:.2} s (layout {lay:.2} s, PDF writer {wr:.2} s), {pages} pages", e.departments.len());
    let docs: Vec<(Doc, Issue)> = e
        .departments
        .iter()
        .map(|d| (Doc::Notice(d.name.clone()), Issue::Draft))
        .collect();
    let t = Instant::now();
    let all = tenken_report::render_many(&e, &docs, lang, today);
    let s = t.elapsed().as_secs_f64();
    assert!(all.iter().all(|r| r.is_ok()));
    println!(
        "all {} notices on {} threads (as `report --all-departments`): {s:.2} s — goal ≤ 3 s {}",
        e.departments.len(),
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1),
        if s <= 3.0 { "met" } else { "MISSED" }
    );
    let t = Instant::now();
    let d =
        tenken_report::render_docx(&e, &Doc::Committee, lang, today, Issue::Draft).expect("docx");
    println!(
        "committee report as DOCX: {:.2} s, {:.2} MB",
        t.elapsed().as_secs_f64(),
        d.bytes.len() as f64 / 1_048_576.0
    );
    if let Some(k) = &keep {
        std::fs::write(k.join("committee.docx"), &d.bytes).expect("write");
    }
    let (s, r) = best(&Doc::Full, 1);
    println!(
        "old full-detail report: {s:.2} s, {} pages, {:.0} pages/s, {:.2} MB",
        r.pages,
        r.pages as f64 / s,
        r.bytes.len() as f64 / 1_048_576.0
    );
}

/// Copies a folder tree (the demo's evidence files, for the encrypted copy).
fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("dir");
    for e in std::fs::read_dir(from).expect("read dir").flatten() {
        let t = to.join(e.file_name());
        if e.path().is_dir() {
            copy_tree(&e.path(), &t);
        } else {
            std::fs::copy(e.path(), &t).expect("copy");
        }
    }
}
