//! Benchmark: the large demo (60 departments × the audit checklist, ~800 findings, 3,000
//! evidence entries) → PDF report. Run in release:
//! `cargo run --release -p tenken-report --example bench_report`
//! Prints seconds (layout vs PDF writer), pages and bytes; goals ≤ 3 s and ≤ 3 MB.

use std::time::Instant;

use tenken_core::demo::{fill, Size};
use tenken_core::export::export;
use tenken_core::{Lang, Store};

fn main() {
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
    let lang = if std::env::args().any(|a| a == "--en") { Lang::En } else { Lang::Ja };
    let runs = 3;
    let mut best = f64::MAX;
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        let r = tenken_report::render_at(&e, lang, chrono::Local::now().date_naive(), &mut |_, _| {}).expect("render");
        let s = t.elapsed().as_secs_f64();
        eprintln!("  run: {s:.2} s (layout {:.2} s, PDF writer {:.2} s)", r.layout_seconds, r.write_seconds);
        best = best.min(s);
        last = Some(r);
    }
    let r = last.unwrap();
    let out = std::env::temp_dir().join("tenken-bench-report.pdf");
    std::fs::write(&out, &r.bytes).expect("write");
    println!(
        "report: {best:.2} s (best of {runs}), {} pages, {} bytes ({:.2} MB) -> {}",
        r.pages,
        r.bytes.len(),
        r.bytes.len() as f64 / 1_048_576.0,
        out.display()
    );
    println!("goals: <= 3 s {}, <= 3 MB {}", if best <= 3.0 { "met" } else { "MISSED" }, if r.bytes.len() <= 3 * 1_048_576 { "met" } else { "MISSED" });
}
