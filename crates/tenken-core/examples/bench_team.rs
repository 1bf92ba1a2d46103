//! Benchmark (issue #12): merging 3 return packages at the large demo scale — 60 departments
//! split across 3 members, every item answered by the members. Prints the package sizes and
//! the merge time (goal ≤ 2 s).
//!
//! `cargo run --release -p tenken-core --example bench_team`

use std::time::Instant;

use tenken_core::output::Output;
use tenken_core::store::AnswerChange;
use tenken_core::{demo, Store};

fn main() {
    let root = std::env::temp_dir().join(format!("tenken-bench-team-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).unwrap();
    let lead_dir = root.join("lead");
    let r = demo::install(&lead_dir, demo::Size::Large).expect("demo");
    let a = r.assessment_id;
    let mut lead = Store::open(&lead_dir).unwrap();
    let depts: Vec<String> = lead
        .departments(a)
        .unwrap()
        .into_iter()
        .map(|d| d.name)
        .collect();
    let items: Vec<String> = lead
        .assessment(a)
        .unwrap()
        .checklist
        .items
        .iter()
        .map(|i| i.id.clone())
        .collect();
    println!(
        "departments {}, items {} per department",
        depts.len(),
        items.len()
    );
    let out = Output::without_store(true);
    let mut returns = vec![];
    for (m, chunk) in depts.chunks(depts.len().div_ceil(3)).enumerate() {
        let share = root.join(format!("share{m}.zip"));
        let s = lead
            .team_share(a, Some(chunk), &format!("member{m}"), &out, &share, None)
            .unwrap();
        let mdir = root.join(format!("m{m}"));
        let mut ms = Store::open(&mdir).unwrap();
        ms.team_join(&share, None).unwrap();
        let t = Instant::now();
        for d in chunk {
            let changes: Vec<(String, AnswerChange)> = items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let rating = ["conform", "partial", "nonconform", "na"][(i + m) % 4];
                    (
                        item.clone(),
                        AnswerChange {
                            rating: Some(rating.into()),
                            note: Some(format!("member{m} {d} {i}")),
                        },
                    )
                })
                .collect();
            ms.record_answers(a, d, &changes).unwrap();
        }
        let answered = t.elapsed();
        let ret = root.join(format!("return{m}.zip"));
        let t = Instant::now();
        let rr = ms.team_return(a, &out, &ret, None).unwrap();
        println!(
            "member{m}: {} departments, share {} KiB, answering {:.2} s, return {:.2} s: {} changes, {} KiB, {} log entries",
            chunk.len(),
            s.bytes / 1024,
            answered.as_secs_f64(),
            t.elapsed().as_secs_f64(),
            rr.changes,
            rr.bytes / 1024,
            rr.log_entries
        );
        returns.push(ret);
    }
    let t = Instant::now();
    let m = lead.team_merge(&returns, None).unwrap();
    let took = t.elapsed();
    println!(
        "merge of {} packages: {:.3} s (goal ≤ 2 s): applied {}, unchanged {}, conflicts {}",
        returns.len(),
        took.as_secs_f64(),
        m.applied,
        m.unchanged,
        m.conflicts.len()
    );
    let t = Instant::now();
    let again = lead.team_merge(&returns, None).unwrap();
    println!(
        "merging the same packages again: {:.3} s, applied {}",
        t.elapsed().as_secs_f64(),
        again.applied
    );
    let t = Instant::now();
    let v = tenken_core::verify::verify(&lead).unwrap();
    println!(
        "verify: ok={} ({} log entries) {:.2} s",
        v.ok,
        v.log_entries_checked,
        t.elapsed().as_secs_f64()
    );
    let _ = std::fs::remove_dir_all(&root);
}
