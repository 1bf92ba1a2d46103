//! `cargo run --release -p tenken-xlsx --example bench_xlsx`
//!
//! The large demo (60 departments × the audit checklist): generate every department's sheet,
//! let each department change every answer (cells written into the files, not timed), then
//! import all 60 files back. Goals: generating ≤ 5 s, importing ≤ 5 s.

use std::time::Instant;

use tenken_core::{demo, Store};
use tenken_xlsx::{cell_name, import, sheets, ImportStatus, ANSWER_COL, FIRST_ROW};

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("data")).expect("store");
    let t = Instant::now();
    let rep = demo::fill(&mut store, demo::Size::Large).expect("demo");
    let a = store.assessment(rep.assessment_id).expect("assessment");
    let items = a.checklist.items.len();
    println!(
        "large demo: {} departments × {} items ({:.1} s to build)",
        rep.departments,
        items,
        t.elapsed().as_secs_f64()
    );

    let out = dir.path().join("sheets");
    let t = Instant::now();
    let files = sheets(
        &store,
        a.id,
        &out,
        &tenken_core::output::Output::new(store.dir(), true),
    )
    .expect("sheets");
    let generate = t.elapsed();
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).map(|m| m.len()).unwrap_or(0))
        .sum();
    println!(
        "generate: {} files in {:.2} s ({:.0} KB each on average)  goal ≤ 5 s",
        files.len(),
        generate.as_secs_f64(),
        bytes as f64 / files.len() as f64 / 1024.0
    );

    // The departments answer: every item gets a label different from the demo's.
    let labels: Vec<String> = a
        .scale
        .ratings()
        .iter()
        .map(|r| a.scale.rating_label(r.key, tenken_core::Lang::Ja))
        .collect();
    let filled_dir = dir.path().join("filled");
    std::fs::create_dir_all(&filled_dir).expect("dir");
    let t = Instant::now();
    let mut filled = vec![];
    for (n, f) in files.iter().enumerate() {
        let cells: Vec<(String, String)> = (0..items)
            .map(|i| {
                (
                    cell_name(FIRST_ROW + i as u32, ANSWER_COL),
                    labels[(i + n) % labels.len()].clone(),
                )
            })
            .collect();
        let dst = filled_dir.join(f.file_name().expect("name"));
        tenken_xlsx::fill_cells(f, &dst, &cells).expect("fill");
        filled.push(dst);
    }
    println!(
        "(filling the copies, not timed: {:.2} s)",
        t.elapsed().as_secs_f64()
    );

    let log_before = store.audit_log(None).expect("log").len();
    let t = Instant::now();
    let mut changed = 0;
    for f in &filled {
        let r = import(&mut store, f).expect("import");
        assert_eq!(
            r.status,
            ImportStatus::Imported,
            "{}",
            r.localized(tenken_core::Lang::Ja)
        );
        changed += r.changed.len();
    }
    let import_time = t.elapsed();
    let logged = store.audit_log(None).expect("log").len() - log_before;
    println!(
        "import: {} files, {} answers changed ({} audit-log entries) in {:.2} s  goal ≤ 5 s",
        filled.len(),
        changed,
        logged,
        import_time.as_secs_f64()
    );

    let t = Instant::now();
    for f in &filled {
        let r = import(&mut store, f).expect("import");
        assert_eq!(r.status, ImportStatus::Unchanged);
    }
    println!(
        "re-import (nothing changes): {:.2} s",
        t.elapsed().as_secs_f64()
    );

    let t = Instant::now();
    tenken_xlsx::results(
        &store,
        a.id,
        &dir.path().join("results.xlsx"),
        &tenken_core::output::Output::new(store.dir(), true),
    )
    .expect("results");
    println!("results workbook: {:.2} s", t.elapsed().as_secs_f64());
    let ok = generate.as_secs_f64() <= 5.0 && import_time.as_secs_f64() <= 5.0;
    println!(
        "{}",
        if ok {
            "both within goal"
        } else {
            "GOAL MISSED"
        }
    );
}
