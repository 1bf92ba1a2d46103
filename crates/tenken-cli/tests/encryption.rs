//! Encryption at rest (#13) through the real `tenken` binary: nothing readable on disk, the
//! passphrase contract (`passphrase_required`, `wrong_passphrase`, nothing changed), a damaged
//! keys file and a truncated evidence file named, `encrypt`/`decrypt` killed at random moments
//! (the plain store or the encrypted one, never neither), backup/restore and recovery.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use serde_json::Value;

const PASS: &str = "correct horse battery";
/// Known plaintexts, each longer than 16 bytes.
const FINDING: &str = "暗号化後に登録した指摘事項の本文：持出し端末の台帳がない";
const DEPARTMENT: &str = "情報政策課セキュリティ対策係";
const EVIDENCE: &str = "証跡ファイルの中身：サーバ室入退室記録簿（令和8年度）の写し。\n";

/// A `tenken` command with the given passphrase environment (`None`: none).
fn cmd_with(pass: Option<&str>, new: Option<&str>) -> Command {
    let mut c = cmd();
    c.env_remove("TENKEN_PASSPHRASE")
        .env_remove("TENKEN_NEW_PASSPHRASE")
        .stdin(Stdio::null());
    if let Some(p) = pass {
        c.env("TENKEN_PASSPHRASE", p);
    }
    if let Some(p) = new {
        c.env("TENKEN_NEW_PASSPHRASE", p);
    }
    c
}

fn run_with(data: &Path, pass: Option<&str>, new: Option<&str>, args: &[&str]) -> Run {
    let mut c = cmd_with(pass, new);
    c.arg("--data-dir").arg(data).args(args);
    run_cmd(c)
}

#[track_caller]
fn ok_with(data: &Path, pass: Option<&str>, new: Option<&str>, args: &[&str]) -> Value {
    let mut a = vec!["--json"];
    a.extend_from_slice(args);
    let r = run_with(data, pass, new, &a);
    assert!(r.ok(), "tenken {a:?}: {r:?}");
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

/// Every file under `dir` with its bytes' SHA-256: "nothing changed" at the byte level.
fn files_state(dir: &Path) -> String {
    let mut out = vec![];
    fn walk(d: &Path, out: &mut Vec<String>) {
        let Ok(rd) = std::fs::read_dir(d) else { return };
        for e in rd.flatten() {
            let p = e.path();
            let name = p.to_string_lossy().to_string();
            let size = std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0);
            if p.is_dir() {
                walk(&p, out);
            } else if name.ends_with("-shm") || (name.ends_with("-wal") && size == 0) {
                // A read-only connection to a WAL database leaves these (empty) behind.
            } else {
                out.push(format!(
                    "{} {}",
                    p.display(),
                    sha256_hex(&std::fs::read(&p).unwrap_or_default())
                ));
            }
        }
    }
    walk(dir, &mut out);
    out.sort();
    out.join("\n")
}

fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    fn walk(d: &Path, out: &mut Vec<PathBuf>) {
        let Ok(rd) = std::fs::read_dir(d) else { return };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push(p);
            }
        }
    }
    walk(dir, &mut out);
    out
}

/// The first 16-byte run of `needle` found in `hay`, if any.
fn shares_16_bytes(hay: &[u8], needle: &[u8]) -> bool {
    needle.windows(16).any(|n| hay.windows(16).any(|w| w == n))
}

fn plain_sqlite_refuses(db: &Path) {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap();
    let r = c.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    });
    assert!(r.is_err(), "{} opened without the key", db.display());
    if Path::new("/usr/bin/sqlite3").exists() {
        let out = Command::new("sqlite3")
            .arg(db)
            .arg("SELECT count(*) FROM sqlite_master;")
            .output()
            .unwrap();
        assert!(
            !out.status.success(),
            "sqlite3 read {}: {}",
            db.display(),
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

/// A populated plain store, encrypted, with more records written after encryption.
fn encrypted_populated() -> (Populated, PathBuf) {
    let p = populated();
    let d = p.data();
    let out = ok_with(&d, None, Some(PASS), &["encrypt"]);
    assert_eq!(out["encrypted"], true);
    assert!(out["recovery_key"].as_str().unwrap().len() >= 52);
    let a = p.assessment.to_string();
    ok_with(&d, Some(PASS), None, &["department", "add", &a, DEPARTMENT]);
    ok_with(
        &d,
        Some(PASS),
        None,
        &[
            "finding",
            "add",
            &a,
            "--department",
            DEPARTMENT,
            "--item",
            ITEM3,
            "--fact",
            FINDING,
            "--classification",
            "minor",
        ],
    );
    let ev = p
        .env
        .file("src/入退室記録.txt", EVIDENCE.repeat(20).as_bytes());
    ok_with(
        &d,
        Some(PASS),
        None,
        &["evidence", "add", &a, "--file", ev.to_str().unwrap()],
    );
    (p, ev)
}

#[test]
fn nothing_on_disk_is_readable_without_the_key_nor_holds_a_known_plaintext() {
    if encrypted_mode() {
        return; // these tests encrypt plain stores themselves
    }
    let (p, ev) = encrypted_populated();
    let d = p.data();
    // Keep the WAL in place: a keyed reader stays open while one more finding is written.
    let keyed = {
        let c = rusqlite::Connection::open(d.join("tenken.db")).unwrap();
        let key = tenken_core::crypto::unlock(
            &d,
            &tenken_core::crypto::Secret::Passphrase(PASS.to_string().into()),
        )
        .unwrap();
        key.apply(&c).unwrap();
        c.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
        c.query_row("SELECT count(*) FROM findings", [], |r| r.get::<_, i64>(0))
            .unwrap();
        c
    };
    let a = p.assessment.to_string();
    ok_with(
        &d,
        Some(PASS),
        None,
        &["remark", "add", &a, "--kind", "good", FINDING],
    );
    let wal = d.join("tenken.db-wal");
    assert!(
        std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0) > 0,
        "the WAL holds the last write"
    );
    // Neither the database nor the database with its WAL opens with plain SQLite.
    plain_sqlite_refuses(&d.join("tenken.db"));
    let copy = p.env.path("copy");
    std::fs::create_dir_all(&copy).unwrap();
    std::fs::copy(d.join("tenken.db"), copy.join("tenken.db")).unwrap();
    std::fs::copy(&wal, copy.join("tenken.db-wal")).unwrap();
    plain_sqlite_refuses(&copy.join("tenken.db"));
    // No 16-byte run of a known plaintext in any file of the data folder.
    let knowns: Vec<(&str, Vec<u8>)> = vec![
        ("finding", FINDING.as_bytes().to_vec()),
        ("department", DEPARTMENT.as_bytes().to_vec()),
        ("evidence", std::fs::read(&ev).unwrap()),
        ("earlier evidence", std::fs::read(&p.evidence_file).unwrap()),
        (
            "earlier finding",
            "任命通知が確認できない".as_bytes().to_vec(),
        ),
        (
            "policy",
            std::fs::read(policy_fixture()).unwrap()[..4096].to_vec(),
        ),
        ("sqlite header", b"SQLite format 3\0".to_vec()),
    ];
    let files = all_files(&d);
    assert!(files.iter().any(|f| f.ends_with("tenken.db-wal")));
    assert!(
        files
            .iter()
            .filter(|f| f.starts_with(d.join("evidence")))
            .count()
            >= 3
    );
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        for (what, k) in &knowns {
            assert!(
                !shares_16_bytes(&bytes, k),
                "{} holds a 16-byte run of the {what}",
                f.display()
            );
        }
        // Evidence file names are keyed: no plaintext SHA-256 appears as a name.
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        assert_ne!(name, sha256_hex(EVIDENCE.repeat(20).as_bytes()));
    }
    drop(keyed);
    // With the passphrase everything reads back and verifies.
    let v = ok_with(&d, Some(PASS), None, &["verify"]);
    assert_eq!(v["ok"], true, "{v}");
    assert_eq!(v["evidence_files_checked"], 3, "{v}");
}

#[test]
fn missing_or_wrong_passphrase_changes_nothing() {
    if encrypted_mode() {
        return; // these tests encrypt plain stores themselves
    }
    let (p, ev) = encrypted_populated();
    let d = p.data();
    let a = p.assessment.to_string();
    let state = || files_state(&d);
    let commands: Vec<Vec<&str>> = vec![
        vec!["org", "list"],
        vec!["org", "add", "新しい団体"],
        vec!["verify"],
        vec!["log"],
        vec!["export", &a],
        vec!["evidence", "add", &a, "--file", ev.to_str().unwrap()],
        vec!["decrypt"],
        vec!["passphrase", "change"],
        vec!["demo", "--if-empty"],
    ];
    for args in &commands {
        assert_refused_with(args, "passphrase_required", &[], state, |x| {
            run_with(&d, None, Some("a new passphrase"), x)
        });
        assert_refused_with(args, "wrong_passphrase", &[], state, |x| {
            run_with(&d, Some("not the passphrase"), Some("a new passphrase"), x)
        });
    }
    // From a file: a wrong one too; a missing file is an io error; nothing changed.
    let wrong = p.env.file("wrong.txt", b"not the passphrase\n");
    let wrong_s = wrong.to_str().unwrap();
    assert_refused_with(
        &["--passphrase-file", wrong_s, "org", "list"],
        "wrong_passphrase",
        &[],
        state,
        |x| run_with(&d, None, None, x),
    );
    let right = p.env.file("right.txt", format!("{PASS}\n").as_bytes());
    let v = ok_with(
        &d,
        Some("not the passphrase"),
        None,
        &["--passphrase-file", right.to_str().unwrap(), "org", "list"],
    );
    assert_eq!(v[0]["name"], "南幌町", "the file wins over the environment");
}

#[test]
fn a_damaged_keys_file_is_named_and_nothing_changes() {
    if encrypted_mode() {
        return;
    }
    let (p, _) = encrypted_populated();
    let d = p.data();
    let keys = d.join("tenken-keys.json");
    let good = std::fs::read_to_string(&keys).unwrap();
    let v: Value = serde_json::from_str(&good).unwrap();
    let ct = v["passphrase"]["ciphertext"].as_str().unwrap();
    let flipped: String = ct
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if i == 5 {
                if c == '0' {
                    '1'
                } else {
                    '0'
                }
            } else {
                c
            }
        })
        .collect();
    for damaged in [
        good.replace(ct, &flipped),
        good[..good.len() / 3].to_string(),
    ] {
        std::fs::write(&keys, &damaged).unwrap();
        let state = || files_state(&d);
        for args in [vec!["org", "list"], vec!["verify"], vec!["decrypt"]] {
            assert_refused_with(
                &args,
                "keys_file_invalid",
                &["tenken-keys.json"],
                state,
                |x| run_with(&d, Some(PASS), None, x),
            );
        }
    }
    std::fs::write(&keys, &good).unwrap();
    ok_with(&d, Some(PASS), None, &["verify"]);
}

#[test]
fn a_truncated_evidence_file_is_named_by_verify_and_backup_refuses() {
    if encrypted_mode() {
        return;
    }
    let (p, _) = encrypted_populated();
    let d = p.data();
    // The evidence file added after encryption: found by its keyed name; truncated by 10 bytes.
    let key = tenken_core::crypto::unlock(
        &d,
        &tenken_core::crypto::Secret::Passphrase(PASS.to_string().into()),
    )
    .unwrap();
    let name = key
        .evidence_keys()
        .name_of(&sha256_hex(EVIDENCE.repeat(20).as_bytes()));
    let victim = d.join("evidence").join(&name[..2]).join(&name);
    let bytes = std::fs::read(&victim).unwrap();
    let mut perm = std::fs::metadata(&victim).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perm.set_readonly(false);
    std::fs::set_permissions(&victim, perm).unwrap();
    std::fs::write(&victim, &bytes[..bytes.len() - 10]).unwrap();
    let before = files_state(&d);
    let r = run_with(&d, Some(PASS), None, &["--json", "verify"]);
    assert_eq!(r.code, Some(1), "{r:?}");
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["ok"], false);
    let problems = v["problems"].to_string();
    assert!(
        problems.contains(&name),
        "verify names the file: {problems}"
    );
    // The record too, by its id ("evidence <id>: …").
    let names_record = problems.split("evidence ").skip(1).any(|rest| {
        let id: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        !id.is_empty() && rest[id.len()..].starts_with(':')
    });
    assert!(names_record, "and the record: {problems}");
    assert!(
        problems.contains("truncated"),
        "and what is wrong: {problems}"
    );
    assert_eq!(before, files_state(&d), "verify changed nothing");
    let bk = p.env.path("bk");
    let r = run_with(
        &d,
        Some(PASS),
        None,
        &["--json", "backup", bk.to_str().unwrap()],
    );
    assert_eq!(
        r.code,
        Some(1),
        "a backup of a damaged store is refused: {r:?}"
    );
    assert!(!bk.exists(), "the failed backup is removed");
}

/// Copies a data folder (files keep their bytes).
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        let t = to.join(e.file_name());
        if p.is_dir() {
            copy_dir(&p, &t);
        } else {
            std::fs::copy(&p, &t).unwrap();
        }
    }
}

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

fn kill_after(data: &Path, args: &[&str], pass: Option<&str>, new: Option<&str>, after: Duration) {
    let mut c = cmd_with(pass, new);
    c.arg("--data-dir")
        .arg(data)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let mut child = c.spawn().unwrap();
    std::thread::sleep(after);
    let _ = child.kill();
    let _ = child.wait();
}

/// What the store holds, read with the passphrase (which a plain store ignores), and whether
/// it is encrypted: (encrypted, organisations, evidence count, verify ok).
fn observe(d: &Path) -> (bool, String, String) {
    let orgs = ok_with(d, Some(PASS), None, &["org", "list"]).to_string();
    let v = ok_with(d, Some(PASS), None, &["verify"]);
    assert_eq!(v["ok"], true, "{v}");
    let encrypted = d.join("tenken-keys.json").exists();
    if encrypted {
        plain_sqlite_refuses(&d.join("tenken.db"));
    } else {
        let c = rusqlite::Connection::open_with_flags(
            d.join("tenken.db"),
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .unwrap();
        c.query_row("SELECT count(*) FROM organisations", [], |r| {
            r.get::<_, i64>(0)
        })
        .unwrap();
    }
    assert!(
        !d.join(".tenken-convert").exists(),
        "the staging folder is gone"
    );
    (encrypted, orgs, v["evidence_files_checked"].to_string())
}

fn killed_at_random_moments(from_encrypted: bool) {
    if encrypted_mode() {
        return;
    }
    let p = populated();
    let base = p.data();
    // A larger evidence file so the conversion takes a while.
    let big = p.env.file("src/big.bin", &vec![0xa5u8; 24 << 20]);
    ok(
        &base,
        &[
            "evidence",
            "add",
            &p.assessment.to_string(),
            "--file",
            big.to_str().unwrap(),
        ],
    );
    if from_encrypted {
        ok_with(&base, None, Some(PASS), &["encrypt"]);
    }
    let args: &[&str] = if from_encrypted {
        &["decrypt"]
    } else {
        &["encrypt"]
    };
    let reference = observe(&base);
    // The whole conversion's time, on a copy.
    let probe = p.env.path("probe");
    copy_dir(&base, &probe);
    let t = Instant::now();
    ok_with(&probe, Some(PASS), Some(PASS), args);
    let whole = t.elapsed().as_micros() as u64;
    let mut dice = Dice(0xc0ffee ^ from_encrypted as u64);
    let (mut before, mut after) = (0, 0);
    for round in 0..30 {
        let d = p.env.path(&format!("round{round}"));
        copy_dir(&base, &d);
        kill_after(
            &d,
            args,
            Some(PASS),
            Some(PASS),
            // Up to three times the measured time: under load (the whole suite running in
            // parallel) a conversion takes longer than when it was measured alone.
            Duration::from_micros(dice.below(3 * whole)),
        );
        let seen = observe(&d);
        assert_eq!(seen.1, reference.1, "round {round}: the records");
        assert_eq!(seen.2, reference.2, "round {round}: the evidence files");
        if seen.0 == from_encrypted {
            before += 1;
        } else {
            after += 1;
        }
        std::fs::remove_dir_all(&d).unwrap();
    }
    eprintln!("30 rounds: {before} left as before, {after} converted ({whole} µs whole)");
    assert!(
        before > 0 && after > 0,
        "kills landed before and after the commit: {before}/{after}"
    );
}

#[test]
fn encrypt_killed_at_random_moments_leaves_the_plain_or_the_encrypted_store() {
    killed_at_random_moments(false);
}

#[test]
fn decrypt_killed_at_random_moments_leaves_the_encrypted_or_the_plain_store() {
    killed_at_random_moments(true);
}

#[test]
fn backup_is_encrypted_and_restore_needs_the_passphrase_or_the_recovery_key() {
    if encrypted_mode() {
        return;
    }
    let p = populated();
    let d = p.data();
    let rk = p.env.path("recovery.txt");
    ok_with(
        &d,
        None,
        Some(PASS),
        &["encrypt", "--recovery-key-out", rk.to_str().unwrap()],
    );
    let bk = p.env.path("bk");
    ok_with(&d, Some(PASS), None, &["backup", bk.to_str().unwrap()]);
    plain_sqlite_refuses(&bk.join("tenken.db"));
    for f in all_files(&bk) {
        let bytes = std::fs::read(&f).unwrap();
        assert!(!shares_16_bytes(
            &bytes,
            "任命通知が確認できない".as_bytes()
        ));
        assert!(!shares_16_bytes(
            &bytes,
            &std::fs::read(&p.evidence_file).unwrap()
        ));
    }
    // Into a new folder: without a secret refused, nothing created.
    let fresh = p.env.path("fresh");
    let r = run_with(
        &fresh,
        None,
        None,
        &["--json", "restore", bk.to_str().unwrap()],
    );
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("passphrase_required"), "{}", r.stderr);
    assert!(!fresh.exists());
    let r = run_with(
        &fresh,
        Some("wrong passphrase"),
        None,
        &["--json", "restore", bk.to_str().unwrap()],
    );
    assert!(r.stderr.contains("wrong_passphrase"), "{}", r.stderr);
    // With the recovery key.
    ok_with(
        &fresh,
        None,
        None,
        &[
            "restore",
            bk.to_str().unwrap(),
            "--recovery-key-file",
            rk.to_str().unwrap(),
        ],
    );
    let v = ok_with(&fresh, Some(PASS), None, &["verify"]);
    assert_eq!(v["ok"], true, "{v}");
    plain_sqlite_refuses(&fresh.join("tenken.db"));
    // Over the store itself, with the passphrase.
    ok_with(&d, Some(PASS), None, &["org", "add", "後で消える団体"]);
    ok_with(&d, Some(PASS), None, &["restore", bk.to_str().unwrap()]);
    let orgs = ok_with(&d, Some(PASS), None, &["org", "list"]);
    assert_eq!(orgs.as_array().unwrap().len(), 1);
}

#[test]
fn passphrase_change_and_recovery_rewrap_only() {
    if encrypted_mode() {
        return;
    }
    let p = populated();
    let d = p.data();
    let rk = p.env.path("recovery.txt");
    ok_with(
        &d,
        None,
        Some(PASS),
        &["encrypt", "--recovery-key-out", rk.to_str().unwrap()],
    );
    let db_before = std::fs::read(d.join("tenken.db")).unwrap();
    // Too short, and an unchanged store.
    let state = || files_state(&d);
    assert_refused_with(
        &["passphrase", "change"],
        "passphrase_too_short",
        &[],
        state,
        |x| run_with(&d, Some(PASS), Some("short"), x),
    );
    assert_refused_with(
        &["passphrase", "change"],
        "passphrase_required",
        &[],
        state,
        |x| run_with(&d, Some(PASS), None, x),
    );
    ok_with(
        &d,
        Some(PASS),
        Some("second passphrase"),
        &["passphrase", "change"],
    );
    assert_eq!(
        std::fs::read(d.join("tenken.db")).unwrap(),
        db_before,
        "re-wrap only"
    );
    let r = run_with(&d, Some(PASS), None, &["--json", "org", "list"]);
    assert!(r.stderr.contains("wrong_passphrase"));
    ok_with(&d, Some("second passphrase"), None, &["org", "list"]);
    // Forgotten: the recovery key sets a third one.
    let bad = p.env.file("bad-recovery.txt", b"AAAA-BBBB\n");
    assert_refused_with(
        &["recover", "--recovery-key-file", bad.to_str().unwrap()],
        "wrong_recovery_key",
        &[],
        state,
        |x| run_with(&d, None, Some("third passphrase"), x),
    );
    ok_with(
        &d,
        None,
        Some("third passphrase"),
        &["recover", "--recovery-key-file", rk.to_str().unwrap()],
    );
    ok_with(&d, Some("third passphrase"), None, &["verify"]);
    // Decrypt: back to a plain store that opens without a passphrase.
    ok_with(&d, Some("third passphrase"), None, &["decrypt"]);
    assert!(!d.join("tenken-keys.json").exists());
    let v = ok_with(&d, None, None, &["verify"]);
    assert_eq!(v["ok"], true);
    assert_eq!(
        ok_with(&d, None, None, &["org", "list"])[0]["name"],
        "南幌町"
    );
    // encrypt twice / decrypt a plain store: refused.
    assert_refused_with(&["decrypt"], "not_encrypted", &[], state, |x| {
        run_with(&d, None, None, x)
    });
}
