//! `tenken restore` and `tenken demo` SIGKILLed at random moments: the data folder holds
//! either what it held before or the complete result, never half of it, and `verify` passes.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::*;

/// A small deterministic random source (no extra dependency).
struct Dice(u64);
impl Dice {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

/// Starts `tenken args` on `data` and kills it after `after` (if it is still running).
fn run_and_kill(data: &Path, args: &[&str], after: Duration) {
    let mut c = cmd();
    c.arg("--data-dir")
        .arg(data)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let mut child = c.spawn().expect("spawn tenken");
    std::thread::sleep(after);
    let _ = child.kill(); // SIGKILL on Unix
    let _ = child.wait();
}

fn organisations(data: &Path) -> Vec<String> {
    let v = json(data, &["org", "list"]);
    let mut names: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    names
}

fn timed(data: &Path, args: &[&str]) -> Duration {
    let t = Instant::now();
    ok(data, args);
    t.elapsed()
}

#[test]
fn restore_killed_at_random_moments_leaves_the_old_or_the_restored_store() {
    let p = populated();
    let d = p.data();
    let bk = p.env.path("bk");
    ok(&d, &["backup", bk.to_str().unwrap()]);
    let restored = organisations(&d);
    let mut dice = Dice(0x5eed_4e57_02e5);
    let whole = timed(&d, &["restore", bk.to_str().unwrap()]).as_micros() as u64;
    for round in 0..30 {
        let extra = format!("団体{round}");
        ok(&d, &["org", "add", &extra]);
        let before = organisations(&d);
        run_and_kill(
            &d,
            &["restore", bk.to_str().unwrap()],
            Duration::from_micros(dice.below(whole + whole / 2)),
        );
        let after = organisations(&d);
        assert!(
            after == before || after == restored,
            "round {round}: {after:?} is neither {before:?} nor {restored:?}"
        );
        let v = json(&d, &["verify"]);
        assert_eq!(v["ok"], true, "round {round}: {v}");
    }
    // Every kept copy is a whole database.
    for k in listing(&d)
        .into_iter()
        .filter(|n| n.contains("before-restore"))
    {
        let c = open_path(&d.join(&k), &d);
        let check: String = c
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "{k}");
    }
}

#[test]
fn demo_killed_at_random_moments_leaves_an_empty_or_a_complete_store() {
    let env = Env::new();
    let probe = env.path("probe");
    let whole = timed(&probe, &["demo"]).as_micros() as u64;
    let complete = organisations(&probe);
    let mut dice = Dice(0xde30_0001);
    for round in 0..20 {
        let d = env.path(&format!("d{round}"));
        run_and_kill(
            &d,
            &["demo"],
            Duration::from_micros(dice.below(whole + whole / 4)),
        );
        let orgs = organisations(&d);
        assert!(
            orgs.is_empty() || orgs == complete,
            "round {round}: half-built store {orgs:?}"
        );
        let v = json(&d, &["verify"]);
        assert_eq!(v["ok"], true, "round {round}: {v}");
        if orgs.is_empty() {
            ok(&d, &["demo"]); // what was left does not stand in the way
            assert_eq!(organisations(&d), complete);
        }
    }
}
