//! Derivation benchmark: binding the audit checklist to a policy (seed 000, with the
//! synthetic 対策基準) — goal ≤ 20 ms.
//!
//! Run: `cargo run --release -p tenken-core --example bench_derive`

use std::time::Instant;

use tenken_core::checklist::derive::{derive, Profile};
use tenken_core::checklist::Bank;

fn main() {
    let root = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/policies/"
    );
    let policy = tenken_policy::parse_bytes(
        &std::fs::read(format!("{root}000_f30b78bf79fe382b.txt")).unwrap(),
    )
    .unwrap();
    let standards = tenken_policy::parse_bytes(
        &std::fs::read(format!("{root}synthetic-taisaku-kijun.txt")).unwrap(),
    )
    .unwrap();
    let bank = Bank::builtin().unwrap();
    let audit = bank.get("audit").unwrap();
    let profile = Profile {
        network_model: Some("beta".into()),
        cloud: true,
        social_media: true,
    };
    let mut times = vec![];
    let mut kept = 0;
    for _ in 0..200 {
        let t = Instant::now();
        let (bound, d) = derive(audit, &policy, Some(&standards), &profile);
        let json = serde_json::to_string(&d).unwrap();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        kept = bound.items.len();
        std::hint::black_box(json);
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "derive audit checklist ({} items → {kept} kept) against seed 000 + 対策基準, incl. JSON: median {:.3} ms, p99 {:.3} ms",
        audit.items.len(),
        times[times.len() / 2],
        times[(times.len() * 99) / 100]
    );
    let t = Instant::now();
    let bank = Bank::builtin().unwrap();
    println!(
        "load and validate the whole bank ({} checklists): {:.2} ms",
        bank.checklists.len(),
        t.elapsed().as_secs_f64() * 1000.0
    );
}
