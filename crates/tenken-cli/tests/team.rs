//! The audit team (issue #12) through the real CLI: three laptops (a lead and two members),
//! share → join → work → return → merge in both orders and twice, a conflict resolved, a
//! second round with unreturned work, refused packages (store unchanged), and SIGKILL during
//! merge.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::*;
use serde_json::Value;

const A: &str = "2"; // the demo's current assessment

fn copy_dir(from: &Path, to: &Path) {
    let st = std::process::Command::new("cp")
        .arg("-a")
        .arg(from)
        .arg(to)
        .status()
        .unwrap();
    assert!(st.success());
}

struct Team {
    env: Env,
    lead: PathBuf,
    m1: PathBuf,
    m2: PathBuf,
    r1: PathBuf,
    r2: PathBuf,
}

fn answer(data: &Path, dept: &str, item: &str) -> (Value, Value) {
    let e = json(data, &["export", A]);
    let a = e["answers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["department"] == dept && a["item_id"] == item)
        .cloned()
        .unwrap_or(Value::Null);
    (a["rating"].clone(), a["note"].clone())
}

/// Lead shares 総務課+市民課 with member 1 and 市民課+税務課 with member 2; both work (the
/// same answer changed differently, one same evidence file) and return.
fn team() -> Team {
    let env = Env::new();
    let lead = env.path("lead");
    let (m1, m2) = (env.path("m1"), env.path("m2"));
    ok(&lead, &["demo"]);
    let (s1, s2) = (env.path("s1.zip"), env.path("s2.zip"));
    ok(
        &lead,
        &[
            "team",
            "share",
            A,
            "--out",
            s1.to_str().unwrap(),
            "--departments",
            "総務課,市民課",
            "--member",
            "一郎",
        ],
    );
    ok(
        &lead,
        &[
            "team",
            "share",
            A,
            "--out",
            s2.to_str().unwrap(),
            "--departments",
            "市民課,税務課",
            "--member",
            "二郎",
        ],
    );
    let j = json(&m1, &["team", "join", s1.to_str().unwrap()]);
    assert_eq!(j["departments"], serde_json::json!(["総務課", "市民課"]));
    ok(&m2, &["team", "join", s2.to_str().unwrap()]);
    let same = env.file(
        "same.pdf",
        b"%PDF-1.4 the same scanned document on both laptops",
    );
    let only = env.file("m1.txt", b"only member 1 has this");
    let s = same.to_str().unwrap();
    // The same answer, changed differently: the conflict.
    ok(
        &m1,
        &[
            "answer",
            "set",
            A,
            "--department",
            "市民課",
            "--item",
            "AU-01-00-001",
            "--rating",
            "conform",
            "--note",
            "一郎の所見",
        ],
    );
    ok(
        &m2,
        &[
            "answer",
            "set",
            A,
            "--department",
            "市民課",
            "--item",
            "AU-01-00-001",
            "--rating",
            "nonconform",
            "--note",
            "二郎の所見",
        ],
    );
    // Changed to the same value on both: no conflict.
    ok(
        &m1,
        &[
            "answer",
            "set",
            A,
            "--department",
            "市民課",
            "--item",
            "AU-01-00-003",
            "--rating",
            "partial",
            "--note",
            "同じ",
        ],
    );
    ok(
        &m2,
        &[
            "answer",
            "set",
            A,
            "--department",
            "市民課",
            "--item",
            "AU-01-00-003",
            "--rating",
            "partial",
            "--note",
            "同じ",
        ],
    );
    ok(
        &m1,
        &[
            "answer",
            "set",
            A,
            "--department",
            "総務課",
            "--item",
            "AU-01-00-003",
            "--rating",
            "nonconform",
            "--note",
            "一郎だけ",
        ],
    );
    ok(
        &m2,
        &[
            "answer",
            "set",
            A,
            "--department",
            "税務課",
            "--item",
            "AU-01-00-003",
            "--rating",
            "partial",
            "--note",
            "二郎だけ",
        ],
    );
    ok(
        &m1,
        &[
            "finding",
            "add",
            A,
            "--department",
            "総務課",
            "--fact",
            "一郎の指摘",
            "--classification",
            "minor",
        ],
    );
    ok(
        &m2,
        &[
            "finding",
            "add",
            A,
            "--department",
            "税務課",
            "--fact",
            "二郎の指摘",
            "--classification",
            "minor",
        ],
    );
    ok(
        &m1,
        &[
            "evidence",
            "add",
            A,
            "--file",
            s,
            "--link-item",
            "総務課:AU-01-00-003",
        ],
    );
    ok(
        &m1,
        &["evidence", "add", A, "--file", only.to_str().unwrap()],
    );
    ok(
        &m2,
        &[
            "evidence",
            "add",
            A,
            "--file",
            s,
            "--link-item",
            "税務課:AU-01-00-003",
        ],
    );
    ok(
        &m1,
        &[
            "remark",
            "add",
            A,
            "--department",
            "総務課",
            "--kind",
            "good",
            "一郎の良好事項",
        ],
    );
    let (r1, r2) = (env.path("r1.zip"), env.path("r2.zip"));
    let rr = json(&m1, &["team", "return", A, "--out", r1.to_str().unwrap()]);
    assert!(rr["changes"].as_u64().unwrap() >= 6, "{rr}");
    ok(&m2, &["team", "return", A, "--out", r2.to_str().unwrap()]);
    // On encrypted stores (TENKEN_TEST_ENCRYPTED=1) every package is an encrypted one.
    for p in [&s1, &s2, &r1, &r2] {
        assert_eq!(is_sealed_file(p), encrypted_mode(), "{}", p.display());
    }
    Team {
        env,
        lead,
        m1,
        m2,
        r1,
        r2,
    }
}

fn findings(data: &Path) -> Vec<(i64, String)> {
    let e = json(data, &["export", A]);
    e["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["number"].as_i64().unwrap(),
                f["fact"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn check_merged(data: &Path, t: &Team) {
    let f = findings(data);
    let mut numbers: Vec<i64> = f.iter().map(|x| x.0).collect();
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), f.len(), "finding numbers unique: {f:?}");
    assert_eq!(f.iter().filter(|x| x.1 == "一郎の指摘").count(), 1);
    assert_eq!(f.iter().filter(|x| x.1 == "二郎の指摘").count(), 1);
    assert_eq!(
        answer(data, "総務課", "AU-01-00-003"),
        (Value::from("nonconform"), Value::from("一郎だけ"))
    );
    assert_eq!(
        answer(data, "税務課", "AU-01-00-003"),
        (Value::from("partial"), Value::from("二郎だけ"))
    );
    assert_eq!(
        answer(data, "市民課", "AU-01-00-003"),
        (Value::from("partial"), Value::from("同じ"))
    );
    let e = json(data, &["export", A]);
    let same = sha256_hex(b"%PDF-1.4 the same scanned document on both laptops");
    let rows = e["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["sha256"] == same.as_str())
        .count();
    assert_eq!(rows, 2, "each member's evidence record is kept");
    // Its name on disk: the SHA-256, or the keyed name in an encrypted store.
    let stored = evidence_path(data, &same);
    let name = stored.file_name().unwrap().to_string_lossy().to_string();
    let files: Vec<_> = walk(&data.join("evidence"))
        .into_iter()
        .filter(|p| p.ends_with(&name))
        .collect();
    assert_eq!(files.len(), 1, "the file is stored once: {files:?}");
    assert!(e["remarks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["text"] == "一郎の良好事項"));
    let v = json(data, &["verify"]);
    assert_eq!(v["ok"], true, "{v}");
    let _ = t;
}

fn walk(dir: &Path) -> Vec<String> {
    let mut out = vec![];
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p.to_string_lossy().to_string());
            }
        }
    }
    out
}

#[test]
fn three_laptops_merge_in_either_order_and_twice() {
    let t = team();
    let (r1, r2) = (t.r1.to_str().unwrap(), t.r2.to_str().unwrap());
    let lead2 = t.env.path("lead2");
    copy_dir(&t.lead, &lead2);

    let m = json(&t.lead, &["team", "merge", r1, r2]);
    assert_eq!(m["conflicts"].as_array().unwrap().len(), 1, "{m}");
    let c = &m["conflicts"][0];
    assert_eq!(c["kind"], "answer");
    assert_eq!(c["department"], "市民課");
    assert_eq!(c["item"], "AU-01-00-001");
    assert!(c["id"].as_i64().is_some());
    assert!(c["lead"].is_object() && c["member"].is_object(), "{c}");
    assert_eq!(m["packages"].as_array().unwrap().len(), 2);
    assert!(m["applied"].as_u64().unwrap() >= 10, "{m}");
    check_merged(&t.lead, &t);

    // The other order, one package at a time, on a copy of the lead's laptop.
    let a = json(&lead2, &["team", "merge", r2]);
    assert_eq!(a["conflicts"].as_array().unwrap().len(), 0, "{a}");
    let b = json(&lead2, &["team", "merge", r1]);
    assert_eq!(b["conflicts"].as_array().unwrap().len(), 1, "{b}");
    check_merged(&lead2, &t);
    let facts = |d: &Path| {
        let mut f: Vec<String> = findings(d).into_iter().map(|x| x.1).collect();
        f.sort();
        f
    };
    assert_eq!(facts(&t.lead), facts(&lead2));

    // Twice = once.
    let before = fingerprint(&t.lead);
    let again = json(&t.lead, &["team", "merge", r2, r1]);
    assert_eq!(again["applied"], 0, "{again}");
    assert!(again["packages"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["already_merged"] == true));
    assert_same(
        &before,
        &fingerprint(&t.lead),
        "merging the same packages again",
    );
    check_merged(&t.lead, &t);

    // The conflict is listed, then resolved for the member.
    let list = json(&t.lead, &["team", "conflicts", A]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    let id = list[0]["id"].as_i64().unwrap().to_string();
    let member = list[0]["member"].clone();
    let r = json(&t.lead, &["team", "resolve", &id, "--keep", "member"]);
    assert_eq!(r["status"], "member");
    assert_eq!(
        answer(&t.lead, "市民課", "AU-01-00-001"),
        (member["rating"].clone(), member["note"].clone())
    );
    assert_refused(
        &t.lead,
        &["team", "resolve", &id, "--keep", "lead"],
        "conflict_resolved",
        &[&id],
    );
    assert_refused(
        &t.lead,
        &["team", "resolve", "999999", "--keep", "lead"],
        "unknown_conflict",
        &["999999"],
    );
    let log = json(&t.lead, &["log"]);
    assert!(
        log.to_string().contains("team.resolve"),
        "the resolution is in the audit log"
    );
    assert_eq!(json(&t.lead, &["verify"])["ok"], true);
    // The report is made from everything merged.
    let pdf = t.env.path("report.pdf");
    ok(&t.lead, &["report", A, "--out", pdf.to_str().unwrap()]);
    assert!(std::fs::metadata(&pdf).unwrap().len() > 1000);

    // Second round: the lead shares again; member 1 has work not yet returned.
    let s3 = t.env.path("s3.zip");
    ok(
        &t.lead,
        &[
            "team",
            "share",
            A,
            "--out",
            s3.to_str().unwrap(),
            "--departments",
            "総務課,市民課",
            "--member",
            "一郎",
        ],
    );
    ok(
        &t.m1,
        &[
            "answer",
            "set",
            A,
            "--department",
            "総務課",
            "--item",
            "AU-01-00-001",
            "--rating",
            "na",
            "--note",
            "未返却の作業",
        ],
    );
    let j = json(&t.m1, &["team", "join", s3.to_str().unwrap()]);
    assert!(j["unreturned_changes_kept"].as_u64().unwrap() >= 1, "{j}");
    assert_eq!(
        answer(&t.m1, "総務課", "AU-01-00-001"),
        (Value::from("na"), Value::from("未返却の作業"))
    );
    // The lead's decision arrived, and the member's earlier work is still there.
    assert_eq!(
        answer(&t.m1, "市民課", "AU-01-00-001"),
        (member["rating"].clone(), member["note"].clone())
    );
    assert!(findings(&t.m1).iter().any(|f| f.1 == "一郎の指摘"));
    assert_eq!(json(&t.m1, &["verify"])["ok"], true);
    // Returned and merged: the unreturned answer reaches the lead.
    let r3 = t.env.path("r3.zip");
    ok(&t.m1, &["team", "return", A, "--out", r3.to_str().unwrap()]);
    let m3 = json(&t.lead, &["team", "merge", r3.to_str().unwrap()]);
    assert_eq!(m3["conflicts"].as_array().unwrap().len(), 0, "{m3}");
    assert_eq!(
        answer(&t.lead, "総務課", "AU-01-00-001"),
        (Value::from("na"), Value::from("未返却の作業"))
    );
    assert_eq!(json(&t.lead, &["verify"])["ok"], true);
    // The member's side databases (baseline, state last returned) follow the store: on an
    // encrypted store none is a plain SQLite file holding the member's answers.
    for m in [&t.m1, &t.m2] {
        for f in std::fs::read_dir(m.join("team")).unwrap() {
            let bytes = std::fs::read(f.unwrap().path()).unwrap();
            let plain = bytes.starts_with(b"SQLite format 3");
            assert_eq!(plain, !encrypted_mode(), "{}", m.display());
        }
    }
}

/// The zip of a package file: the file itself, or opened with the harness's package
/// passphrase when it is an encrypted package (in encrypted mode every package is).
fn package_zip(src: &Path) -> (Vec<u8>, bool) {
    let raw = std::fs::read(src).unwrap();
    if tenken_core::crypto::sealed::is_sealed(&raw) {
        let zip = tenken_core::crypto::sealed::open(&raw, TEST_PACKAGE_PASSPHRASE).unwrap();
        (zip, true)
    } else {
        (raw, false)
    }
}

/// Writes `zip` to `dest`, sealed with the harness's package passphrase when `sealed`.
fn write_package(dest: &Path, zip: Vec<u8>, sealed: bool) {
    let bytes = if sealed {
        std::env::set_var("TENKEN_TEST_WEAK_KDF", "1");
        tenken_core::crypto::sealed::seal(&zip, TEST_PACKAGE_PASSPHRASE).unwrap()
    } else {
        zip
    };
    std::fs::write(dest, bytes).unwrap();
}

/// Rewrites a package's zip (sealed again when it was): `edit(name, bytes)` returns the bytes
/// to store (manifest included); `extra` parts are appended, not listed in the manifest.
fn rewrite_with(
    src: &Path,
    dest: &Path,
    edit: impl Fn(&str, Vec<u8>) -> Vec<u8>,
    extra: &[(&str, &[u8])],
) {
    use std::io::{Read, Write};
    let (zip, sealed) = package_zip(src);
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut out);
        for i in 0..z.len() {
            let mut f = z.by_index(i).unwrap();
            let name = f.name().unwrap().to_string();
            let mut b = vec![];
            f.read_to_end(&mut b).unwrap();
            w.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(&edit(&name, b)).unwrap();
        }
        for (name, b) in extra {
            w.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(b).unwrap();
        }
        w.finish().unwrap();
    }
    write_package(dest, out.into_inner(), sealed);
}

fn rewrite(src: &Path, dest: &Path, edit: impl Fn(&str, Vec<u8>) -> Vec<u8>) {
    rewrite_with(src, dest, edit, &[]);
}

#[test]
fn bad_packages_are_refused_with_the_store_unchanged() {
    let t = team();
    let env = &t.env;
    let r1 = t.r1.to_str().unwrap();
    // Truncated.
    let bytes = std::fs::read(&t.r1).unwrap();
    let cut = env.file("cut.zip", &bytes[..bytes.len() / 2]);
    assert_refused(
        &t.lead,
        &["team", "merge", cut.to_str().unwrap()],
        "team_package_invalid",
        &["cut.zip"],
    );
    // Tampered: a changed byte in the changeset, manifest untouched.
    let tampered = env.path("tampered.zip");
    rewrite(&t.r1, &tampered, |name, mut b| {
        if name == "changes.changeset" {
            let n = b.len() - 3;
            b[n] ^= 0x20;
        }
        b
    });
    assert_refused(
        &t.lead,
        &["team", "merge", tampered.to_str().unwrap()],
        "team_package_invalid",
        &["changes.changeset"],
    );
    // A part added that the manifest does not list.
    let added = env.path("added.zip");
    rewrite_with(&t.r1, &added, |_, b| b, &[("extra.bin", b"x")]);
    assert_refused(
        &t.lead,
        &["team", "merge", added.to_str().unwrap()],
        "team_package_invalid",
        &["extra.bin"],
    );
    // Newer schema.
    let newer = env.path("newer.zip");
    rewrite(&t.r1, &newer, |name, b| {
        if name == "manifest.json" {
            let mut m: Value = serde_json::from_slice(&b).unwrap();
            m["schema_version"] = 999.into();
            serde_json::to_vec(&m).unwrap()
        } else {
            b
        }
    });
    assert_refused(
        &t.lead,
        &["team", "merge", newer.to_str().unwrap()],
        "team_package_too_new",
        &["999"],
    );
    // Wrong kind both ways.
    let s1 = env.path("s1.zip");
    assert_refused(
        &t.lead,
        &["team", "merge", s1.to_str().unwrap()],
        "team_package_wrong_kind",
        &["s1.zip"],
    );
    assert_refused(
        &t.m2,
        &["team", "join", r1],
        "team_package_wrong_kind",
        &["r1.zip"],
    );
    // Foreign: another lead's store (its own demo), and a share given to another lead.
    let other = env.path("other");
    ok(&other, &["demo"]);
    assert_refused(
        &other,
        &["team", "merge", r1],
        "team_package_foreign",
        &["r1.zip"],
    );
    // A package of another organisation's assessment joined into a member's store whose ids
    // belong to other records.
    let so = env.path("so.zip");
    ok(&other, &["team", "share", A, "--out", so.to_str().unwrap()]);
    assert_refused(
        &t.m1,
        &["team", "join", so.to_str().unwrap()],
        "team_package_foreign",
        &["so.zip"],
    );
    // One bad package among good ones: nothing merged.
    let before = fingerprint(&t.lead);
    let r = run(&t.lead, &["team", "merge", r1, cut.to_str().unwrap()]);
    assert!(!r.ok());
    assert_same(
        &before,
        &fingerprint(&t.lead),
        "a merge with one bad package",
    );
    // The store was never touched: the good packages still merge.
    let m = json(&t.lead, &["team", "merge", r1, t.r2.to_str().unwrap()]);
    assert_eq!(m["conflicts"].as_array().unwrap().len(), 1);
}

fn merges(data: &Path) -> i64 {
    let c = open_db(data);
    c.query_row("SELECT count(*) FROM team_merges", [], |r| r.get(0))
        .unwrap()
}

fn dice(seed: u64) -> impl FnMut(u64) -> u64 {
    let mut s = seed;
    move |n| {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (s >> 33) % n.max(1)
    }
}

#[test]
fn merge_killed_at_random_moments_is_all_or_nothing() {
    let t = team();
    let (r1, r2) = (t.r1.to_str().unwrap(), t.r2.to_str().unwrap());
    // How long a whole merge takes here.
    let probe = t.env.path("probe");
    copy_dir(&t.lead, &probe);
    let start = Instant::now();
    ok(&probe, &["team", "merge", r1, r2]);
    let full = start.elapsed();
    let merged_print = {
        let e = json(&probe, &["export", A]);
        (
            e["answers"].as_array().unwrap().len(),
            e["findings"].as_array().unwrap().len(),
        )
    };
    // The database as it was (evidence files arriving before the transaction are content-
    // addressed and harmless: they are not part of the comparison).
    let rows = |d: &Path| {
        fingerprint(d)
            .split("evidence files\n")
            .next()
            .unwrap()
            .to_string()
    };
    let before_print = rows(&t.lead);
    let mut roll = dice(12);
    let (mut before_count, mut after_count) = (0, 0);
    for round in 0..50 {
        let d = t.env.path(&format!("k{round}"));
        copy_dir(&t.lead, &d);
        let after = Duration::from_micros(roll(full.as_micros() as u64 * 12 / 10 + 1));
        let mut c = cmd();
        c.arg("--data-dir")
            .arg(&d)
            .args(["team", "merge", r1, r2])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        let mut child = c.spawn().unwrap();
        std::thread::sleep(after);
        let _ = child.kill();
        let _ = child.wait();
        let c = open_db(&d);
        let ic: String = c
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ic, "ok", "round {round}");
        drop(c);
        match merges(&d) {
            0 => {
                before_count += 1;
                assert_same(&before_print, &rows(&d), "killed merge, before");
            }
            2 => {
                after_count += 1;
                let e = json(&d, &["export", A]);
                assert_eq!(
                    (
                        e["answers"].as_array().unwrap().len(),
                        e["findings"].as_array().unwrap().len()
                    ),
                    merged_print,
                    "round {round}"
                );
            }
            n => panic!("round {round}: {n} of 2 packages merged — half a merge"),
        }
        assert_eq!(json(&d, &["verify"])["ok"], true, "round {round}");
        let _ = std::fs::remove_dir_all(&d);
    }
    eprintln!("killed merges: {before_count} before, {after_count} complete (full merge {full:?})");
}

// ---- Encrypted team packages (#13) and a member's side databases through encrypt/decrypt ----

/// The team's package passphrase in these tests (not any store's passphrase).
const PKG: &str = "チームで決めた package passphrase";
/// Known plaintexts, each longer than 16 bytes.
const LEAD_NOTE: &str = "配布前に監査責任者が書いた所見：持出し端末の台帳が未整備";
const MEMBER_NOTE: &str = "メンバーが現地で書いた所見：サーバ室の入退室記録が欠落";
const MEMBER_NOTE2: &str = "暗号化の後にメンバーが書いた所見：USBメモリの管理簿なし";
const MEMBER_NOTE3: &str = "復号の後にメンバーが書いた所見：パスワードの定期変更なし";

/// Runs tenken on `data` without the harness's preparation (no store is encrypted behind the
/// test's back): the store passphrase always (a plain store ignores it), stdin closed, and
/// `env` on top (e.g. the package passphrase).
fn tk(data: &Path, env: &[(&str, &str)], args: &[&str]) -> Run {
    let mut c = cmd();
    c.env("TENKEN_PASSPHRASE", TEST_PASSPHRASE)
        .env_remove("TENKEN_PACKAGE_PASSPHRASE")
        .stdin(std::process::Stdio::null());
    for (k, v) in env {
        c.env(k, v);
    }
    c.arg("--data-dir").arg(data).args(args);
    run_cmd(c)
}

#[track_caller]
fn tk_json(data: &Path, env: &[(&str, &str)], args: &[&str]) -> Value {
    let mut a = vec!["--json"];
    a.extend_from_slice(args);
    let r = tk(data, env, &a);
    assert!(r.ok(), "tenken {a:?}: {r:?}");
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

const WITH_PKG: &[(&str, &str)] = &[("TENKEN_PACKAGE_PASSPHRASE", PKG)];

fn encrypt_store(data: &Path) {
    tk_json(
        data,
        &[("TENKEN_NEW_PASSPHRASE", TEST_PASSPHRASE)],
        &["encrypt"],
    );
    assert!(data.join("tenken-keys.json").exists());
}

fn set_note(data: &Path, env: &[(&str, &str)], dept: &str, item: &str, note: &str) {
    tk_json(
        data,
        env,
        &[
            "answer",
            "set",
            A,
            "--department",
            dept,
            "--item",
            item,
            "--rating",
            "partial",
            "--note",
            note,
        ],
    );
}

fn note_at(data: &Path, dept: &str, item: &str) -> Value {
    let e = tk_json(data, &[], &["export", A]);
    e["answers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["department"] == dept && a["item_id"] == item)
        .map(|a| a["note"].clone())
        .unwrap_or(Value::Null)
}

fn shares_16_bytes(hay: &[u8], needle: &[u8]) -> bool {
    needle.len() >= 16 && needle.windows(16).any(|w| hay.windows(16).any(|h| h == w))
}

fn is_sealed_file(p: &Path) -> bool {
    tenken_core::crypto::sealed::is_sealed(&std::fs::read(p).unwrap())
}

/// Refused with `code` naming `needles`, the store `data` unchanged (human and JSON output).
#[track_caller]
fn refused(data: &Path, env: &[(&str, &str)], args: &[&str], code: &str, needles: &[&str]) {
    assert_refused_with(
        args,
        code,
        needles,
        || fingerprint(data),
        |a| tk(data, env, a),
    );
}

#[test]
fn encrypted_stores_write_encrypted_packages_that_need_the_package_passphrase() {
    let env = Env::new();
    let (lead, m1, m2) = (env.path("lead"), env.path("m1"), env.path("m2"));
    tk_json(&lead, &[], &["demo"]);
    set_note(&lead, &[], "総務課", "AU-01-00-002", LEAD_NOTE);
    encrypt_store(&lead);
    let share = env.path("share.zip");
    let s = share.to_str().unwrap();
    let share_args = [
        "team",
        "share",
        A,
        "--out",
        s,
        "--departments",
        "総務課,市民課",
        "--member",
        "一郎",
    ];
    // No package passphrase (no terminal): refused, nothing written.
    refused(
        &lead,
        &[],
        &share_args,
        "package_passphrase_required",
        &["share.zip", "TENKEN_PACKAGE_PASSPHRASE"],
    );
    assert!(!share.exists());
    refused(
        &lead,
        &[("TENKEN_PACKAGE_PASSPHRASE", "short")],
        &share_args,
        "passphrase_too_short",
        &["8"],
    );
    assert!(!share.exists());
    // From a file (one final line break is not part of it).
    let pfile = env.file("pkg-pass.txt", format!("{PKG}\n").as_bytes());
    let mut with_file = vec!["--package-passphrase-file", pfile.to_str().unwrap()];
    with_file.extend_from_slice(&share_args);
    let r = tk_json(&lead, &[], &with_file);
    let raw = std::fs::read(&share).unwrap();
    assert!(raw.starts_with(b"TNKPKG\0\x01"), "an encrypted package");
    assert_eq!(r["bytes"].as_u64().unwrap(), raw.len() as u64);
    // The sealed file shares no 16-byte run with the zip inside (nor with the note, which
    // is in the zip's database).
    let zip = tenken_core::crypto::sealed::open(&raw, PKG).unwrap();
    assert!(zip.starts_with(b"PK"));
    let windows: std::collections::HashSet<&[u8]> = zip.windows(16).collect();
    assert!(
        !raw.windows(16).any(|w| windows.contains(w)),
        "a 16-byte run of the plaintext zip in the encrypted package"
    );
    assert!(!shares_16_bytes(&raw, LEAD_NOTE.as_bytes()));

    // A plain member's store: no passphrase, a wrong one, the store passphrase: refused,
    // nothing changed; the right one joins.
    tk_json(&m1, &[], &["org", "list"]);
    refused(
        &m1,
        &[],
        &["team", "join", s],
        "package_passphrase_required",
        &["share.zip"],
    );
    for wrong in ["チームで決めた package passphrasE", TEST_PASSPHRASE] {
        refused(
            &m1,
            &[("TENKEN_PACKAGE_PASSPHRASE", wrong)],
            &["team", "join", s],
            "wrong_package_passphrase",
            &["share.zip"],
        );
    }
    let j = tk_json(&m1, WITH_PKG, &["team", "join", s]);
    assert_eq!(j["departments"], serde_json::json!(["総務課", "市民課"]));
    assert_eq!(
        j["package_sha256"],
        sha256_hex(&zip),
        "a package's SHA-256 is its zip's"
    );
    assert_eq!(note_at(&m1, "総務課", "AU-01-00-002"), LEAD_NOTE);
    // A plain store returns a plain package (a passphrase given is not used).
    set_note(&m1, &[], "総務課", "AU-01-00-003", MEMBER_NOTE);
    let r1 = env.path("r1.zip");
    tk_json(
        &m1,
        WITH_PKG,
        &["team", "return", A, "--out", r1.to_str().unwrap()],
    );
    assert!(std::fs::read(&r1).unwrap().starts_with(b"PK"), "plain");
    // The encrypted lead merges it without a package passphrase.
    let m = tk_json(&lead, &[], &["team", "merge", r1.to_str().unwrap()]);
    assert!(m["applied"].as_u64().unwrap() >= 1, "{m}");
    assert_eq!(note_at(&lead, "総務課", "AU-01-00-003"), MEMBER_NOTE);

    // An encrypted member's store: joins the encrypted share, returns an encrypted package.
    tk_json(&m2, &[], &["org", "list"]);
    encrypt_store(&m2);
    let s2 = env.path("share2.zip");
    tk_json(
        &lead,
        WITH_PKG,
        &[
            "team",
            "share",
            A,
            "--out",
            s2.to_str().unwrap(),
            "--departments",
            "税務課",
            "--member",
            "二郎",
        ],
    );
    tk_json(&m2, WITH_PKG, &["team", "join", s2.to_str().unwrap()]);
    set_note(&m2, &[], "税務課", "AU-01-00-003", MEMBER_NOTE2);
    let r2 = env.path("r2.zip");
    let r2s = r2.to_str().unwrap();
    refused(
        &m2,
        &[],
        &["team", "return", A, "--out", r2s],
        "package_passphrase_required",
        &["r2.zip"],
    );
    assert!(!r2.exists());
    tk_json(&m2, WITH_PKG, &["team", "return", A, "--out", r2s]);
    assert!(is_sealed_file(&r2));
    assert!(!shares_16_bytes(
        &std::fs::read(&r2).unwrap(),
        MEMBER_NOTE2.as_bytes()
    ));
    refused(
        &lead,
        &[],
        &["team", "merge", r2s],
        "package_passphrase_required",
        &["r2.zip"],
    );
    refused(
        &lead,
        &[("TENKEN_PACKAGE_PASSPHRASE", "wrong package passphrase")],
        &["team", "merge", r1.to_str().unwrap(), r2s],
        "wrong_package_passphrase",
        &["r2.zip"],
    );
    // Tampered (one byte of a chunk) and cut short: refused naming the file, nothing changed.
    let raw2 = std::fs::read(&r2).unwrap();
    let mut flipped = raw2.clone();
    let i = raw2.len() / 2;
    flipped[i] ^= 0x01;
    let tampered = env.file("tampered.zip", &flipped);
    let cut = env.file("cut.zip", &raw2[..raw2.len() - 7]);
    for bad in [&tampered, &cut] {
        refused(
            &lead,
            WITH_PKG,
            &["team", "merge", bad.to_str().unwrap()],
            "team_package_invalid",
            &[bad.file_name().unwrap().to_str().unwrap()],
        );
    }
    // A tampered share is refused by join too.
    let mut sflip = raw.clone();
    let n = sflip.len() - 20;
    sflip[n] ^= 0x80;
    let stampered = env.file("stampered.zip", &sflip);
    refused(
        &m2,
        WITH_PKG,
        &["team", "join", stampered.to_str().unwrap()],
        "team_package_invalid",
        &["stampered.zip"],
    );
    // The right passphrase merges; the same package again is recognised (already merged).
    let m = tk_json(&lead, WITH_PKG, &["team", "merge", r2s]);
    assert!(m["applied"].as_u64().unwrap() >= 1, "{m}");
    assert_eq!(note_at(&lead, "税務課", "AU-01-00-003"), MEMBER_NOTE2);
    let before = fingerprint(&lead);
    let again = tk_json(
        &lead,
        WITH_PKG,
        &["team", "merge", r2s, r1.to_str().unwrap()],
    );
    assert_eq!(again["applied"], 0, "{again}");
    assert!(again["packages"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["already_merged"] == true));
    assert_same(
        &before,
        &fingerprint(&lead),
        "merging the same packages again",
    );
    assert_eq!(tk_json(&lead, &[], &["verify"])["ok"], true);
}

/// Every file in the member's team folder: (name, bytes).
fn team_files(data: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = vec![];
    for e in std::fs::read_dir(data.join("team")).unwrap().flatten() {
        out.push((
            e.file_name().to_string_lossy().to_string(),
            std::fs::read(e.path()).unwrap(),
        ));
    }
    out.sort();
    out
}

/// A plain lead and a plain member who joined and returned once.
fn joined_plain_member(env: &Env) -> (PathBuf, PathBuf) {
    let (lead, m) = (env.path("lead"), env.path("m"));
    tk_json(&lead, &[], &["demo"]);
    set_note(&lead, &[], "総務課", "AU-01-00-002", LEAD_NOTE);
    let share = env.path("share.zip");
    tk_json(
        &lead,
        &[],
        &[
            "team",
            "share",
            A,
            "--out",
            share.to_str().unwrap(),
            "--departments",
            "総務課,市民課",
        ],
    );
    tk_json(&m, &[], &["team", "join", share.to_str().unwrap()]);
    set_note(&m, &[], "総務課", "AU-01-00-003", MEMBER_NOTE);
    let r0 = env.path("r0.zip");
    tk_json(
        &m,
        &[],
        &["team", "return", A, "--out", r0.to_str().unwrap()],
    );
    tk_json(&lead, &[], &["team", "merge", r0.to_str().unwrap()]);
    (lead, m)
}

#[test]
fn encrypt_and_decrypt_convert_a_members_side_databases() {
    let env = Env::new();
    let (lead, m) = joined_plain_member(&env);
    // Plain: the baseline and the state last returned are SQLite files holding the notes
    // (the grep below can find them).
    let files = team_files(&m);
    let names: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(names, ["baseline-2.db", "returned-2.db"], "{names:?}");
    assert!(files.iter().all(|f| f.1.starts_with(b"SQLite format 3")));
    assert!(shares_16_bytes(&files[0].1, LEAD_NOTE.as_bytes()));
    assert!(shares_16_bytes(&files[1].1, MEMBER_NOTE.as_bytes()));

    encrypt_store(&m);
    let files = team_files(&m);
    assert_eq!(
        files.len(),
        2,
        "{:?}",
        files.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for (name, bytes) in &files {
        assert!(!bytes.starts_with(b"SQLite format 3"), "{name} is plain");
        for known in [LEAD_NOTE, MEMBER_NOTE] {
            assert!(
                !shares_16_bytes(bytes, known.as_bytes()),
                "{name} holds {known}"
            );
        }
        let c = rusqlite::Connection::open(m.join("team").join(name)).unwrap();
        assert!(
            c.query_row("SELECT count(*) FROM sqlite_master", [], |r| r
                .get::<_, i64>(0))
                .is_err(),
            "{name} opens with plain SQLite"
        );
    }
    assert!(!m.join(".tenken-convert").exists());
    // Return works on the encrypted store (an encrypted package) and carries only the change
    // since the last return; the lead merges it.
    set_note(&m, &[], "市民課", "AU-01-00-003", MEMBER_NOTE2);
    let r1 = env.path("r1.zip");
    let rr = tk_json(
        &m,
        WITH_PKG,
        &["team", "return", A, "--out", r1.to_str().unwrap()],
    );
    assert!(is_sealed_file(&r1));
    assert!(rr["changes"].as_u64().unwrap() >= 1, "{rr}");
    let merged = tk_json(&lead, WITH_PKG, &["team", "merge", r1.to_str().unwrap()]);
    assert_eq!(merged["conflicts"].as_array().unwrap().len(), 0, "{merged}");
    assert_eq!(note_at(&lead, "市民課", "AU-01-00-003"), MEMBER_NOTE2);
    assert_eq!(note_at(&lead, "総務課", "AU-01-00-003"), MEMBER_NOTE);
    // After the return the state last returned is written keyed as well.
    assert!(team_files(&m)
        .iter()
        .all(|f| !f.1.starts_with(b"SQLite format 3")));

    // Decrypt: the side databases are plain again; return works with a plain package.
    tk_json(&m, &[], &["decrypt"]);
    assert!(!m.join("tenken-keys.json").exists());
    let files = team_files(&m);
    assert_eq!(files.len(), 2);
    assert!(files.iter().all(|f| f.1.starts_with(b"SQLite format 3")));
    assert!(shares_16_bytes(&files[1].1, MEMBER_NOTE2.as_bytes()));
    set_note(&m, &[], "市民課", "AU-01-00-004", MEMBER_NOTE3);
    let r2 = env.path("r2.zip");
    tk_json(
        &m,
        &[],
        &["team", "return", A, "--out", r2.to_str().unwrap()],
    );
    assert!(std::fs::read(&r2).unwrap().starts_with(b"PK"));
    let merged = tk_json(&lead, &[], &["team", "merge", r2.to_str().unwrap()]);
    assert_eq!(merged["conflicts"].as_array().unwrap().len(), 0, "{merged}");
    assert_eq!(note_at(&lead, "市民課", "AU-01-00-004"), MEMBER_NOTE3);
    assert_eq!(tk_json(&m, &[], &["verify"])["ok"], true);
    assert_eq!(tk_json(&lead, &[], &["verify"])["ok"], true);
}

#[test]
fn a_members_encrypt_killed_at_random_moments_leaves_a_store_that_returns() {
    if encrypted_mode() {
        return;
    }
    let env = Env::new();
    let (_lead, m) = joined_plain_member(&env);
    set_note(&m, &[], "市民課", "AU-01-00-003", MEMBER_NOTE2);
    // The whole conversion's time, on a copy.
    let probe = env.path("probe");
    copy_dir(&m, &probe);
    let t = Instant::now();
    tk_json(
        &probe,
        &[("TENKEN_NEW_PASSPHRASE", TEST_PASSPHRASE)],
        &["encrypt"],
    );
    let whole = t.elapsed().as_micros() as u64;
    let mut roll = dice(77);
    let (mut before, mut after) = (0, 0);
    for round in 0..12 {
        let d = env.path(&format!("k{round}"));
        copy_dir(&m, &d);
        let mut c = cmd();
        c.env("TENKEN_NEW_PASSPHRASE", TEST_PASSPHRASE)
            .arg("--data-dir")
            .arg(&d)
            .arg("encrypt")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        let mut child = c.spawn().unwrap();
        std::thread::sleep(Duration::from_micros(roll(3 * whole)));
        let _ = child.kill();
        let _ = child.wait();
        // Whichever form the store is in, the member can still return (the side databases
        // follow it) and verify passes.
        let out = env.path(&format!("k{round}.zip"));
        let rr = tk_json(
            &d,
            WITH_PKG,
            &["team", "return", A, "--out", out.to_str().unwrap()],
        );
        assert!(rr["changes"].as_u64().unwrap() >= 1, "round {round}: {rr}");
        let encrypted = d.join("tenken-keys.json").exists();
        assert_eq!(is_sealed_file(&out), encrypted, "round {round}");
        for (name, bytes) in team_files(&d) {
            assert_eq!(
                bytes.starts_with(b"SQLite format 3"),
                !encrypted,
                "round {round}: {name}"
            );
        }
        assert!(!d.join(".tenken-convert").exists(), "round {round}");
        assert_eq!(tk_json(&d, &[], &["verify"])["ok"], true, "round {round}");
        if encrypted {
            after += 1;
        } else {
            before += 1;
        }
        let _ = std::fs::remove_dir_all(&d);
    }
    eprintln!("12 rounds: {before} left plain, {after} encrypted ({whole} µs whole)");
}
