//! Backup and restore round trip, tamper detection by `verify`, and a 1 GiB evidence file
//! added in bounded memory.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::*;
use serde_json::Value;

fn export(data: &Path, a: i64) -> Value {
    json(data, &["export", &a.to_string()])
}

fn stored_path(data: &Path, sha: &str) -> std::path::PathBuf {
    evidence_path(data, sha)
}

#[test]
fn backup_then_restore_into_a_fresh_data_dir_gives_the_same_export() {
    let p = populated();
    let d = p.data();
    let a = p.assessment.to_string();
    json(
        &d,
        &[
            "evidence",
            "add",
            &a,
            "--paper",
            "規程集",
            "--location",
            "書庫",
        ],
    );
    let expected = export(&d, p.assessment);

    let bk = p.env.path("backup/2026-11");
    let b = json(&d, &["backup", bk.to_str().unwrap()]);
    // The evidence file and the imported policy's original file.
    assert_eq!(b["evidence_files"], 2);
    let version: i64 = open_db(&d)
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert!(version >= 1);
    assert_eq!(b["schema_version"], version);
    assert!(bk.join("tenken.db").is_file() && bk.join("tenken-backup.json").is_file());
    let sha = expected["evidence"][0]["sha256"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(stored_plain(&bk, &sha), file_bytes(&p.evidence_file));
    let human = ok(&d, &["backup", p.env.path("backup2").to_str().unwrap()]);
    assert!(
        human.contains("バックアップを作成し、検証しました") && human.contains("証跡ファイル 2 件"),
        "{human}"
    );

    let fresh = p.env.path("fresh");
    let r = json(&fresh, &["restore", bk.to_str().unwrap()]);
    assert_eq!(r["restored_into"], fresh.to_str().unwrap());
    assert!(
        r["previous_database"].is_null(),
        "nothing to keep aside in a fresh data dir: {r}"
    );
    assert_eq!(
        export(&fresh, p.assessment),
        expected,
        "same export after restore"
    );
    assert_eq!(stored_plain(&fresh, &sha), file_bytes(&p.evidence_file));
    let v = json(&fresh, &["verify"]);
    assert_eq!(v["ok"], true, "{v}");
    assert_eq!(
        v["evidence_files_checked"], 2,
        "the evidence file and the policy's original"
    );

    if encrypted_mode() {
        // Restoring over another encrypted store (another data key) is refused: its database
        // could not be kept aside readable. Decrypt it first (see crypto::restore_with).
        return;
    }
    // Restoring over an existing store keeps the previous database aside.
    let other = p.env.path("other");
    json(&other, &["org", "add", "栗山町"]);
    let r = json(&other, &["restore", bk.to_str().unwrap()]);
    let kept = r["previous_database"].as_str().unwrap();
    assert!(kept.contains("tenken.db.before-restore-"), "{r}");
    assert!(Path::new(kept).is_file());
    assert_eq!(export(&other, p.assessment), expected);
    let orgs = json(&other, &["org", "list"]);
    assert_eq!(orgs.as_array().unwrap().len(), 1);
    assert_eq!(orgs[0]["name"], "南幌町");
}

#[test]
fn restore_refuses_a_tampered_backup_and_changes_nothing() {
    if encrypted_mode() {
        // Plain-store wording (the file named by its SHA-256); the encrypted case names the
        // keyed file: tests/encryption.rs.
        return;
    }
    let p = populated();
    let d = p.data();
    let bk = p.env.path("bk");
    json(&d, &["backup", bk.to_str().unwrap()]);
    let ex = export(&d, p.assessment);
    let sha = ex["evidence"][0]["sha256"].as_str().unwrap().to_string();
    let f = stored_path(&bk, &sha);
    make_writable(&f);
    let mut bytes = file_bytes(&f);
    bytes[0] ^= 1;
    std::fs::write(&f, &bytes).unwrap();
    let target = p.env.path("target");
    json(&target, &["org", "add", "栗山町"]);
    let bks = bk.to_str().unwrap().to_string();
    let state = || format!("{} {:?}", fingerprint(&target), listing(&target));
    assert_refused_with(
        &["restore", &bks],
        "backup_invalid",
        &[&bks, &sha],
        state,
        |a| run(&target, a),
    );
}

fn make_writable(p: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(p).unwrap().permissions().mode();
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode | 0o200)).unwrap();
}

fn verify_fails(data: &Path) -> (String, Value) {
    let r = run(data, &["verify"]);
    assert_ne!(r.code, Some(0), "verify should fail: {r:?}");
    assert!(
        r.stdout.contains("検証で") && r.stdout.contains("件の問題が見つかりました"),
        "{}",
        r.stdout
    );
    let j = run(data, &["--json", "verify"]);
    assert_ne!(j.code, Some(0), "verify --json should fail: {j:?}");
    let v: Value = serde_json::from_str(&j.stdout).unwrap();
    assert_eq!(v["ok"], false);
    (r.stdout, v)
}

#[test]
fn verify_names_a_changed_evidence_file() {
    if encrypted_mode() {
        // Plain-store wording; the encrypted case: tests/encryption.rs (truncated file).
        return;
    }
    let p = populated();
    let d = p.data();
    assert!(run(&d, &["verify"]).ok());
    let ex = export(&d, p.assessment);
    let sha = ex["evidence"][0]["sha256"].as_str().unwrap().to_string();
    let f = stored_path(&d, &sha);
    make_writable(&f);
    let mut bytes = file_bytes(&f);
    let mid = bytes.len() / 2;
    bytes[mid] = bytes[mid].wrapping_add(1);
    std::fs::write(&f, &bytes).unwrap();
    let before = fingerprint(&d);
    let (out, v) = verify_fails(&d);
    let fs_ = f.display().to_string();
    assert!(
        out.contains(&format!(
            "NG  evidence {}: {fs_}: content changed",
            p.evidence
        )),
        "{out}"
    );
    let problems = v["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 1, "{v}");
    assert!(problems[0].as_str().unwrap().contains(&fs_));
    assert_eq!(fingerprint(&d), before, "verify changes nothing");

    // A removed file is named too.
    std::fs::remove_file(&f).unwrap();
    let (out, _) = verify_fails(&d);
    assert!(out.contains(&fs_), "{out}");
}

#[test]
fn verify_names_an_edited_audit_log_entry() {
    let p = populated();
    let d = p.data();
    let seq: i64;
    {
        let c = open_db_write(&d);
        seq = c
            .query_row(
                "SELECT chain_seq FROM audit_log WHERE action = 'finding.add'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let n = c
            .execute(
                "UPDATE audit_log SET actor = 'someone-else' WHERE chain_seq = ?1",
                [seq],
            )
            .unwrap();
        assert_eq!(n, 1);
    }
    let (out, v) = verify_fails(&d);
    let needle = format!("audit log: entry {seq} was altered");
    assert!(out.contains(&needle), "{out}");
    assert_eq!(
        v["problems"].as_array().unwrap().len(),
        1,
        "only that entry: {v}"
    );

    // Editing the after-value of another entry names that one as well.
    {
        let c = open_db_write(&d);
        c.execute("UPDATE audit_log SET after_json = '{\"rating\":\"nonconform\",\"note\":\"\"}' WHERE action = 'answer.set'", []).unwrap();
    }
    let (out, _) = verify_fails(&d);
    assert!(out.contains(&needle), "{out}");
    assert_eq!(out.matches("was altered").count(), 2, "{out}");
}

#[test]
fn verify_reports_a_deleted_audit_log_entry() {
    let p = populated();
    let d = p.data();
    let total: i64;
    {
        let c = open_db_write(&d);
        total = c
            .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
            .unwrap();
        assert!(total >= 5);
        assert_eq!(
            c.execute("DELETE FROM audit_log WHERE chain_seq = 3", [])
                .unwrap(),
            1
        );
    }
    let (out, v) = verify_fails(&d);
    assert!(
        out.contains("audit log: entry 3 is missing (next is 4)"),
        "{out}"
    );
    assert!(
        out.contains("audit log: entry 4 does not follow the previous entry"),
        "{out}"
    );
    assert_eq!(v["log_entries_checked"], total - 1);

    // Deleting the last entry is not visible to a chain check alone; the first entry is.
    let p2 = populated();
    let d2 = p2.data();
    {
        let c = open_db_write(&d2);
        c.execute("DELETE FROM audit_log WHERE chain_seq = 1", [])
            .unwrap();
    }
    let (out, _) = verify_fails(&d2);
    assert!(out.contains("audit log: entry 1 is missing"), "{out}");
}

/// VmRSS of a process in kB, if it still runs.
fn vm_rss_kb(pid: u32) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = s.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn one_gib_evidence_file_in_bounded_memory() {
    const SIZE: u64 = 1 << 30;
    let p = populated();
    let d = p.data();
    let big = p.env.path("src/disk-image.bin");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(SIZE).unwrap();
    drop(f);
    // SHA-256 of 1 GiB of zeros, streamed.
    let expected = sha256_stream(std::io::Read::take(std::io::repeat(0), SIZE));

    let mut c = cmd();
    c.arg("--data-dir").arg(&d).args([
        "--json",
        "evidence",
        "add",
        &p.assessment.to_string(),
        "--file",
        big.to_str().unwrap(),
    ]);
    c.stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let start = Instant::now();
    let mut child = c.spawn().unwrap();
    let pid = child.id();
    let mut peak_kb = 0u64;
    let mut samples = 0;
    // Stdout/stderr are small (one JSON document); the pipe buffer holds them.
    let status = loop {
        if let Some(kb) = vm_rss_kb(pid) {
            peak_kb = peak_kb.max(kb);
            samples += 1;
        }
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        assert!(
            start.elapsed() < Duration::from_secs(600),
            "evidence add took too long"
        );
        std::thread::sleep(Duration::from_millis(10));
    };
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        status.success(),
        "{status:?} {stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(samples >= 1, "sampled the child's memory");
    assert!(peak_kb < 150 * 1024, "peak VmRSS {peak_kb} kB ≥ 150 MB");
    eprintln!(
        "1 GiB evidence add: {:?}, peak VmRSS {} kB, {samples} samples",
        start.elapsed(),
        peak_kb
    );

    let ev: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(ev["size"], SIZE);
    assert_eq!(ev["sha256"], expected.as_str());
    let stored = stored_path(&d, &expected);
    let on_disk = std::fs::metadata(&stored).unwrap().len();
    if encrypted_mode() {
        // 16 bytes per 64 KiB chunk and a 40-byte header.
        assert_eq!(on_disk, SIZE + 40 + 16 * SIZE.div_ceil(64 * 1024));
    } else {
        assert_eq!(on_disk, SIZE);
    }
    let listed = json(&d, &["evidence", "list", &p.assessment.to_string()]);
    let rec = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == ev["id"])
        .unwrap();
    assert_eq!(rec["size"], SIZE);
    assert_eq!(rec["sha256"], expected.as_str());
    // The stored copy re-hashes to the same digest (decrypted in an encrypted store).
    if !encrypted_mode() {
        assert_eq!(
            sha256_stream(std::fs::File::open(&stored).unwrap()),
            expected
        );
    }
    assert!(
        listing(&d.join("evidence/tmp")).is_empty(),
        "no temporary file left"
    );
}
