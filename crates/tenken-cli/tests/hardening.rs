//! The hostile-input campaign of issue #10, class by class: outputs that would overwrite the
//! store, restores that would lose the kept copy or accept a forged backup, read-only and full
//! disks, silent clears, control characters, huge values, absurd dates, zip bombs. Each bad
//! input: non-zero exit, a message naming the problem and where, the store byte-identical.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use proptest::prelude::*;

fn s(n: i64) -> String {
    n.to_string()
}

#[test]
fn no_output_may_land_in_the_data_folder() {
    let p = populated();
    let d = p.data();
    let a = s(p.assessment);
    let db = d.join("tenken.db");
    let db_s = db.to_str().unwrap().to_string();
    let ev = d.join("evidence").join("new.pdf");
    let ev_s = ev.to_str().unwrap().to_string();
    let inner = d.join("sheets");
    let inner_s = inner.to_str().unwrap().to_string();
    for args in [
        vec!["report", &a, "--out", &db_s, "--force"],
        vec!["report", &a, "--out", &ev_s],
        vec!["export", &a, "--out", &db_s, "--force"],
        vec!["xlsx", "results", &a, "--out", &db_s, "--force"],
        vec!["xlsx", "sheets", &a, "--out", &inner_s],
        vec!["backup", &inner_s],
    ] {
        assert_refused(
            &d,
            &args,
            "output_inside_data_dir",
            &["データフォルダ", "何も書き込んでいません"],
        );
    }
    // Through a symbolic link that points into the data folder.
    let link = p.env.path("innocent.pdf");
    std::os::unix::fs::symlink(&db, &link).unwrap();
    assert_refused(
        &d,
        &["report", &a, "--out", link.to_str().unwrap(), "--force"],
        "output_inside_data_dir",
        &["innocent.pdf"],
    );
    assert!(!inner.exists());
}

#[test]
fn an_existing_output_needs_force_and_is_replaced_whole() {
    let p = populated();
    let d = p.data();
    let a = s(p.assessment);
    let out = p.env.file("report.pdf", b"the committee's copy");
    let out_s = out.to_str().unwrap();
    for args in [
        vec!["report", &a, "--out", out_s],
        vec!["export", &a, "--out", out_s],
        vec!["xlsx", "results", &a, "--out", out_s],
    ] {
        assert_refused(&d, &args, "output_exists", &["report.pdf", "--force"]);
        assert_eq!(file_bytes(&out), b"the committee's copy");
    }
    ok(&d, &["report", &a, "--out", out_s, "--force"]);
    assert!(file_bytes(&out).starts_with(b"%PDF-"));
    let names = listing(p.env.root());
    assert!(
        names.iter().all(|n| !n.contains("tenken-tmp")),
        "no temporary file left: {names:?}"
    );
}

#[test]
fn two_restores_in_one_second_keep_both_earlier_databases() {
    let p = populated();
    let d = p.data();
    let bk = p.env.path("bk");
    ok(&d, &["backup", bk.to_str().unwrap()]);
    ok(&d, &["org", "add", "二度目の団体"]);
    let before_first = fingerprint(&d);
    ok(&d, &["restore", bk.to_str().unwrap()]);
    ok(&d, &["org", "add", "三度目の団体"]);
    ok(&d, &["restore", bk.to_str().unwrap()]);
    let kept: Vec<String> = listing(&d)
        .into_iter()
        .filter(|n| n.contains("before-restore"))
        .collect();
    assert_eq!(kept.len(), 2, "each restore keeps its own copy: {kept:?}");
    // Each kept copy is a whole database: one holds the second organisation, one the third.
    let orgs = |name: &str| {
        let c = open_path(&d.join(name), &d);
        let v: Vec<String> = c
            .prepare("SELECT name FROM organisations")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        v
    };
    let all: Vec<Vec<String>> = kept.iter().map(|k| orgs(k)).collect();
    assert!(
        all.iter().any(|o| o.contains(&"二度目の団体".to_string())),
        "{all:?}"
    );
    assert!(
        all.iter().any(|o| o.contains(&"三度目の団体".to_string())),
        "{all:?}"
    );
    assert!(!before_first.is_empty());
}

#[test]
fn a_backup_whose_database_was_edited_is_refused() {
    let p = populated();
    let d = p.data();
    let bk = p.env.path("bk");
    ok(&d, &["backup", bk.to_str().unwrap()]);
    {
        let c = open_db_write(&bk);
        c.execute("UPDATE findings SET fact = 'forged'", [])
            .unwrap();
    }
    assert_refused(
        &d,
        &["restore", bk.to_str().unwrap()],
        "backup_invalid",
        &["SHA-256"],
    );
    // A manifest without the database's digest cannot be verified either.
    let m = bk.join("tenken-backup.json");
    let mut v: serde_json::Value = serde_json::from_slice(&file_bytes(&m)).unwrap();
    v.as_object_mut().unwrap().remove("database");
    std::fs::write(&m, serde_json::to_vec(&v).unwrap()).unwrap();
    assert_refused(
        &d,
        &["restore", bk.to_str().unwrap()],
        "backup_invalid",
        &["SHA-256"],
    );
}

/// A tmpfs of `size` mounted at `dir` (root only), unmounted on drop.
struct Mount(std::path::PathBuf);
impl Mount {
    fn tmpfs(dir: &Path, size: &str) -> Option<Mount> {
        std::fs::create_dir_all(dir).unwrap();
        let ok = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0700"),
                "tmpfs",
            ])
            .arg(dir)
            .status()
            .ok()?
            .success();
        ok.then(|| Mount(dir.to_path_buf()))
    }
    fn remount_read_only(&self) {
        assert!(Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.0)
            .status()
            .unwrap()
            .success());
    }
}
impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

fn copy_dir(from: &Path, to: &Path) {
    assert!(Command::new("cp")
        .arg("-a")
        .arg(format!("{}/.", from.display()))
        .arg(to)
        .status()
        .unwrap()
        .success());
}

#[test]
fn reading_commands_work_on_a_read_only_store() {
    if !is_root() {
        eprintln!("skipped: mounting a read-only file system needs root");
        return;
    }
    let p = populated();
    let a = s(p.assessment);
    let ro = p.env.path("ro");
    let Some(m) = Mount::tmpfs(&ro, "64m") else {
        eprintln!("skipped: tmpfs cannot be mounted here");
        return;
    };
    copy_dir(&p.data(), &ro);
    m.remount_read_only();
    for args in [
        vec!["org", "list"],
        vec!["verify"],
        vec!["finding", "list", &a],
        vec!["log"],
    ] {
        ok(&ro, &args);
    }
    let out = p.env.path("out");
    std::fs::create_dir_all(&out).unwrap();
    ok(
        &ro,
        &["export", &a, "--out", out.join("e.json").to_str().unwrap()],
    );
    ok(
        &ro,
        &["report", &a, "--out", out.join("r.pdf").to_str().unwrap()],
    );
    ok(&ro, &["backup", out.join("bk").to_str().unwrap()]);
    ok(
        &p.env.path("fresh"),
        &["restore", out.join("bk").to_str().unwrap()],
    );
    // A write is refused with the reason.
    let r = run(&ro, &["org", "add", "新しい団体"]);
    assert_ne!(r.code, Some(0));
}

#[test]
fn a_full_disk_leaves_no_stray_files_and_backups_still_work() {
    if !is_root() {
        eprintln!("skipped: filling a disk needs a tmpfs mount (root)");
        return;
    }
    let p = populated();
    let a = s(p.assessment);
    let full = p.env.path("full");
    let Some(_m) = Mount::tmpfs(&full, "8m") else {
        eprintln!("skipped: tmpfs cannot be mounted here");
        return;
    };
    copy_dir(&p.data(), &full);
    // Fill what is left.
    let _ = Command::new("dd")
        .args(["if=/dev/zero", "bs=1M", "count=64"])
        .arg(format!("of={}", full.join("filler").display()))
        .stderr(std::process::Stdio::null())
        .status();
    // Compared by bytes (opening the database to dump it needs space for its -shm file).
    let state = |dir: &Path| {
        (
            sha256_hex(&file_bytes(&dir.join("tenken.db"))),
            listing(dir),
            listing(&dir.join("evidence")),
        )
    };
    let before = state(&full);
    let big = p.env.file("big.bin", &vec![7u8; 2 << 20]);
    let r = run(
        &full,
        &["evidence", "add", &a, "--file", big.to_str().unwrap()],
    );
    assert_ne!(r.code, Some(0), "{r:?}");
    assert_eq!(
        before,
        state(&full),
        "evidence add on a full disk changed the store"
    );
    let stray: Vec<String> = listing(&full)
        .into_iter()
        .filter(|n| n.contains("tenken-write-test") || n.contains("tenken-tmp"))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
    // The backup goes elsewhere, so it works.
    ok(&full, &["backup", p.env.path("bk").to_str().unwrap()]);
    // Demo into a full folder fails and leaves it as it was.
    let empty = p.env.path("empty-full");
    let Some(_m2) = Mount::tmpfs(&empty, "1m") else {
        return;
    };
    let before = listing(&empty);
    let r = run(&empty, &["demo", "--size", "large"]);
    assert_ne!(r.code, Some(0), "{r:?}");
    let after: Vec<String> = listing(&empty)
        .into_iter()
        .filter(|n| !n.starts_with("tenken.db"))
        .filter(|n| !(encrypted_mode() && n == "tenken-keys.json"))
        .collect();
    assert!(
        after.iter().all(|n| before.contains(n) || n == "evidence"),
        "{after:?}"
    );
    ok(&p.env.path("elsewhere"), &["demo"]);
}

#[test]
fn a_blank_rating_never_clears_silently() {
    let p = populated();
    let d = p.data();
    let a = s(p.assessment);
    for r in ["", " ", "\u{3000}"] {
        assert_refused(
            &d,
            &[
                "answer",
                "set",
                &a,
                "--department",
                "総務課",
                "--item",
                ITEM1,
                "--rating",
                r,
            ],
            "rating_blank",
            &["--clear", "何も変更していません"],
        );
    }
    let v = json(
        &d,
        &[
            "answer",
            "set",
            &a,
            "--department",
            "総務課",
            "--item",
            ITEM1,
            "--clear",
        ],
    );
    assert!(v["rating"].is_null(), "{v}");
}

#[test]
fn control_characters_and_huge_values_are_refused_naming_the_field() {
    let p = populated();
    let d = p.data();
    let a = s(p.assessment);
    let esc = "見た\u{1b}[2J内容";
    assert_refused(
        &d,
        &[
            "answer",
            "set",
            &a,
            "--department",
            "総務課",
            "--item",
            ITEM2,
            "--note",
            esc,
        ],
        "control_character",
        &["note", "U+001B"],
    );
    assert_refused(
        &d,
        &["org", "add", "団体\u{7}"],
        "control_character",
        &["name", "U+0007"],
    );
    let huge = "あ".repeat(40_000);
    let e = assert_refused(
        &d,
        &[
            "answer",
            "set",
            &a,
            "--department",
            "総務課",
            "--item",
            ITEM2,
            "--note",
            &huge,
        ],
        "text_too_long",
        &["10,000", "40,000"],
    );
    assert!(
        e.len() < 2_000,
        "the message does not echo the value: {} bytes",
        e.len()
    );
    let e = assert_refused(
        &d,
        &[
            "finding",
            "add",
            &a,
            "--department",
            "総務課",
            "--fact",
            &"x".repeat(100_000),
            "--classification",
            "minor",
        ],
        "text_too_long",
        &["fact"],
    );
    assert!(e.len() < 2_000);
    // Tabs and new-lines are kept in a note.
    let v = json(
        &d,
        &[
            "answer",
            "set",
            &a,
            "--department",
            "総務課",
            "--item",
            ITEM2,
            "--note",
            "一行目\n\t二行目",
        ],
    );
    assert_eq!(v["note"], "一行目\n\t二行目");
}

#[test]
fn absurd_dates_are_refused_with_the_range() {
    let p = populated();
    let d = p.data();
    let a = s(p.assessment);
    for due in ["0001-01-01", "2019-04-01", "2099-01-01"] {
        assert_refused(
            &d,
            &[
                "finding",
                "add",
                &a,
                "--department",
                "総務課",
                "--fact",
                "x",
                "--classification",
                "minor",
                "--due",
                due,
            ],
            "invalid_value",
            &[due, "～"],
        );
    }
    assert_refused(
        &d,
        &[
            "interview",
            "add",
            &a,
            "--department",
            "総務課",
            "--date",
            "1900-01-01",
        ],
        "invalid_value",
        &["1900-01-01"],
    );
}

#[test]
fn an_evidence_name_with_a_new_line_is_shown_on_one_line() {
    let p = populated();
    let d = p.data();
    let a = s(p.assessment);
    let f = p.env.file("scan\n2026.txt", b"scanned");
    let v = json(&d, &["evidence", "add", &a, "--file", f.to_str().unwrap()]);
    assert_eq!(v["title"], "scan 2026.txt", "{v}");
    let list = ok(&d, &["evidence", "list", &a]);
    assert!(list.lines().any(|l| l.contains("scan 2026.txt")), "{list}");
}

#[test]
fn stored_evidence_and_the_database_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let p = populated();
    let d = p.data();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&d), 0o700);
    assert_eq!(mode(&d.join("tenken.db")) & 0o077, 0);
    let mut stack = vec![d.join("evidence")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let e = e.unwrap().path();
            if e.is_dir() {
                assert_eq!(mode(&e), 0o700, "{}", e.display());
                stack.push(e);
            } else {
                assert_eq!(mode(&e), 0o400, "{}", e.display());
            }
        }
    }
}

#[test]
fn xlsx_dry_run_says_nothing_was_written() {
    let p = populated();
    let d = p.data();
    let a = s(p.assessment);
    let out = p.env.path("sheets");
    ok(&d, &["xlsx", "sheets", &a, "--out", out.to_str().unwrap()]);
    let sheet = std::fs::read_dir(&out)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = ok(
        &d,
        &["xlsx", "import", "--dry-run", sheet.to_str().unwrap()],
    );
    assert!(!text.contains("取り込みました"), "{text}");
}

#[test]
fn a_zip_bomb_is_refused_without_inflating_it() {
    use std::io::Write;
    let p = populated();
    let d = p.data();
    let bomb = p.env.path("bomb.xlsx");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&bomb).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    z.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..300 {
        z.write_all(&zeros).unwrap();
    }
    z.finish().unwrap();
    assert!(std::fs::metadata(&bomb).unwrap().len() < 2 << 20);
    let before = fingerprint(&d);
    let r = run(&d, &["xlsx", "import", bomb.to_str().unwrap()]);
    assert_ne!(r.code, Some(0));
    assert!(
        r.stdout.contains("展開すると大きくなりすぎます")
            || r.stderr.contains("展開すると大きくなりすぎます"),
        "{r:?}"
    );
    assert_same(&before, &fingerprint(&d), "xlsx import of a zip bomb");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]
    /// Whatever a note holds, either it is stored as given (trimmed) or refused with a code,
    /// and no control character ever reaches the terminal.
    #[test]
    fn any_note_is_stored_cleanly_or_refused(note in "[\\x01-\\x1f\\x7fa-zあ-ん\\u{202e}\\t\\n ]{1,40}") {
        let p = populated();
        let d = p.data();
        let a = s(p.assessment);
        let r = run(&d, &["answer", "set", &a, "--department", "総務課", "--item", ITEM3, "--note", &note]);
        let shown = format!("{}{}", r.stdout, r.stderr);
        prop_assert!(shown.chars().all(|c| !c.is_control() || c == '\n' || c == '\t'), "{shown:?}");
        if r.code != Some(0) {
            prop_assert!(r.stderr.contains("制御文字") || r.stderr.contains("空"), "{}", r.stderr);
        }
    }
}
