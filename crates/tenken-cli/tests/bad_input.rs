//! Every bad input is refused with a non-zero exit, a Japanese message naming the problem and
//! where, a stable JSON error code, and an unchanged store.

mod common;

use common::*;

fn s(n: i64) -> String {
    n.to_string()
}

#[test]
fn unknown_assessment_id() {
    let p = populated();
    let d = p.data();
    for args in [
        vec![
            "answer",
            "set",
            "999",
            "--department",
            "総務課",
            "--item",
            ITEM1,
            "--rating",
            "conform",
        ],
        vec!["department", "add", "999", "経理課"],
        vec![
            "finding",
            "add",
            "999",
            "--department",
            "総務課",
            "--fact",
            "x",
            "--classification",
            "minor",
        ],
        vec![
            "evidence",
            "add",
            "999",
            "--paper",
            "規程集",
            "--location",
            "書庫",
        ],
        vec!["interview", "add", "999", "--department", "総務課"],
        vec!["assessment", "show", "999"],
        vec!["assessment", "summary", "999", "総評"],
        vec!["export", "999"],
    ] {
        assert_refused(
            &d,
            &args,
            "unknown_assessment",
            &["点検・監査「999」が見つかりません"],
        );
    }
    // Not a number at all: named as given.
    assert_refused(
        &d,
        &[
            "answer",
            "set",
            "abc",
            "--department",
            "総務課",
            "--item",
            ITEM1,
            "--rating",
            "○",
        ],
        "unknown_assessment",
        &["「abc」"],
    );
}

#[test]
fn unknown_department() {
    let p = populated();
    let d = p.data();
    let a = s(p.assessment);
    let needle = format!("部署「経理課」は点検・監査 {a} の対象部署にありません");
    for args in [
        vec![
            "answer",
            "set",
            &a,
            "--department",
            "経理課",
            "--item",
            ITEM1,
            "--rating",
            "conform",
        ],
        vec![
            "finding",
            "add",
            &a,
            "--department",
            "経理課",
            "--fact",
            "x",
            "--classification",
            "minor",
        ],
        vec![
            "interview",
            "add",
            &a,
            "--department",
            "経理課",
            "--date",
            "2026-10-01",
        ],
        vec![
            "remark",
            "add",
            &a,
            "--kind",
            "good",
            "--department",
            "経理課",
            "よくできている",
        ],
        vec!["answer", "list", &a, "--department", "経理課"],
    ] {
        assert_refused(&d, &args, "unknown_department", &[&needle]);
    }
    let link = format!("経理課:{ITEM1}");
    let f = p.evidence_file.to_str().unwrap().to_string();
    assert_refused(
        &d,
        &["evidence", "add", &a, "--file", &f, "--link-item", &link],
        "unknown_department",
        &[&needle],
    );
    assert_refused(
        &d,
        &["evidence", "link", &s(p.evidence), "--item", &link],
        "unknown_department",
        &[&needle],
    );
}

#[test]
fn unknown_item_id() {
    let p = populated();
    let d = p.data();
    let a = s(p.assessment);
    let needle = format!("項目「AU-99-99-999」は点検・監査 {a} のチェックリストにありません");
    let link = "総務課:AU-99-99-999";
    let f = p.evidence_file.to_str().unwrap().to_string();
    for args in [
        vec![
            "answer",
            "set",
            &a,
            "--department",
            "総務課",
            "--item",
            "AU-99-99-999",
            "--rating",
            "conform",
        ],
        vec![
            "finding",
            "add",
            &a,
            "--department",
            "総務課",
            "--item",
            "AU-99-99-999",
            "--fact",
            "x",
            "--classification",
            "minor",
        ],
        vec!["evidence", "add", &a, "--file", &f, "--link-item", link],
        vec![
            "evidence",
            "add",
            &a,
            "--paper",
            "規程集",
            "--link-item",
            link,
        ],
        vec!["evidence", "link", &s(p.evidence), "--item", link],
    ] {
        assert_refused(&d, &args, "unknown_item", &[&needle]);
    }
}

#[test]
fn unknown_finding_id() {
    let p = populated();
    let d = p.data();
    let a = s(p.assessment);
    for args in [
        vec!["finding", "update", "999", "--fact", "変更"],
        vec!["finding", "update", "999", "--status", "done"],
        vec![
            "evidence",
            "add",
            &a,
            "--paper",
            "規程集",
            "--link-finding",
            "999",
        ],
        vec!["evidence", "link", &s(p.evidence), "--finding", "999"],
    ] {
        assert_refused(
            &d,
            &args,
            "unknown_finding",
            &["指摘事項 999 が見つかりません"],
        );
    }
}

#[test]
fn unknown_evidence_id() {
    let p = populated();
    let d = p.data();
    let item = format!("総務課:{ITEM1}");
    let f = s(p.finding);
    assert_refused(
        &d,
        &["evidence", "link", "999", "--item", &item],
        "unknown_evidence",
        &["証跡 999 が見つかりません"],
    );
    assert_refused(
        &d,
        &["evidence", "link", "999", "--finding", &f],
        "unknown_evidence",
        &["証跡 999 が見つかりません"],
    );
}

/// A link command with one good and one bad target links nothing (all or nothing).
#[test]
fn evidence_link_with_one_bad_target_links_nothing() {
    let p = populated();
    let d = p.data();
    let good = format!("総務課:{ITEM3}");
    let f = s(p.finding);
    assert_refused(
        &d,
        &[
            "evidence",
            "link",
            &s(p.evidence),
            "--item",
            &good,
            "--item",
            "総務課:AU-99-99-999",
        ],
        "unknown_item",
        &["AU-99-99-999"],
    );
    assert_refused(
        &d,
        &[
            "evidence",
            "link",
            &s(p.evidence),
            "--item",
            &good,
            "--item",
            "経理課:AU-01-00-001",
        ],
        "unknown_department",
        &["経理課"],
    );
    assert_refused(
        &d,
        &[
            "evidence",
            "link",
            &s(p.evidence),
            "--item",
            &good,
            "--finding",
            "999",
        ],
        "unknown_finding",
        &["999"],
    );
    assert_refused(
        &d,
        &[
            "evidence",
            "link",
            &s(p.evidence),
            "--finding",
            &f,
            "--finding",
            "999",
        ],
        "unknown_finding",
        &["999"],
    );
}

#[test]
fn rating_not_in_scale_lists_the_choices() {
    let p = populated();
    let d = p.data();
    let a = s(p.assessment);
    let err = assert_refused(
        &d,
        &[
            "answer",
            "set",
            &a,
            "--department",
            "総務課",
            "--item",
            ITEM3,
            "--rating",
            "はい",
        ],
        "rating_not_in_scale",
        &[
            "評価「はい」",
            "部署「総務課」",
            ITEM3,
            "選択肢",
            "conform (○ 適合)",
            "partial (△ 一部不適合)",
            "nonconform (× 不適合)",
            "na (－ 対象外)",
        ],
    );
    assert!(err.contains("尺度「audit」"), "{err}");
    // An answered item keeps its rating when the change is refused.
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
            "実施している",
        ],
        "rating_not_in_scale",
        &["実施している"],
    );
}

#[test]
fn rating_choices_follow_the_language() {
    let p = populated();
    let a = s(p.assessment);
    let r = run(
        &p.data(),
        &[
            "--lang",
            "en",
            "answer",
            "set",
            &a,
            "--department",
            "総務課",
            "--item",
            ITEM3,
            "--rating",
            "yes",
        ],
    );
    assert_ne!(r.code, Some(0));
    assert!(r.stderr.starts_with("Error: "), "{}", r.stderr);
    assert!(
        r.stderr.contains("rating \"yes\" is not in the scale"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("conform (○ Conforms)"),
        "English choices: {}",
        r.stderr
    );
    assert!(
        !r.stderr.contains("適合"),
        "no Japanese labels in English: {}",
        r.stderr
    );
}

#[test]
fn unknown_classification_lists_the_choices() {
    let p = populated();
    let d = p.data();
    let a = s(p.assessment);
    let needles = [
        "区分「重要」",
        "four_level",
        "major (重大な不適合)",
        "minor (軽微な不適合)",
        "observation (観察事項)",
        "recommendation (推奨事項)",
    ];
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
            "重要",
        ],
        "unknown_classification",
        &needles,
    );
    assert_refused(
        &d,
        &[
            "finding",
            "update",
            &s(p.finding),
            "--classification",
            "重要",
        ],
        "unknown_classification",
        &needles,
    );
}

#[test]
fn bad_dates() {
    let p = populated();
    let d = p.data();
    let a = s(p.assessment);
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
            "2026-13-40",
        ],
        "invalid_value",
        &["--due の値「2026-13-40」が正しくありません", "YYYY-MM-DD"],
    );
    assert_refused(
        &d,
        &["finding", "update", &s(p.finding), "--due", "2026-13-40"],
        "invalid_value",
        &["--due", "2026-13-40"],
    );
    assert_refused(
        &d,
        &[
            "interview",
            "add",
            &a,
            "--department",
            "総務課",
            "--date",
            "2026-02-30",
        ],
        "invalid_value",
        &["--date", "2026-02-30"],
    );
    assert_refused(
        &d,
        &[
            "assessment",
            "create",
            "--org",
            "南幌町",
            "--fiscal-year",
            "2027",
            "--kind",
            "internal_audit",
            "--title",
            "t",
            "--checklist",
            "audit",
            "--period-start",
            "2027/04/01",
        ],
        "invalid_value",
        &["--period-start", "2027/04/01"],
    );
}

#[test]
fn missing_evidence_file() {
    let p = populated();
    let d = p.data();
    let a = s(p.assessment);
    let missing = p.env.path("src/ない.pdf");
    let m = missing.to_str().unwrap();
    let link = format!("総務課:{ITEM1}");
    assert_refused(
        &d,
        &["evidence", "add", &a, "--file", m],
        "evidence_file_missing",
        &[&format!("証跡ファイル {m} が見つかりません")],
    );
    assert_refused(
        &d,
        &["evidence", "add", &a, "--file", m, "--link-item", &link],
        "evidence_file_missing",
        &[m],
    );
}

#[test]
fn unreadable_evidence_file() {
    let p = populated();
    let d = p.data();
    let a = s(p.assessment);
    // A directory is never a readable evidence file, even for root.
    let dir = p.env.path("src");
    let dp = dir.to_str().unwrap();
    assert_refused(
        &d,
        &["evidence", "add", &a, "--file", dp],
        "evidence_file_unreadable",
        &[&format!("証跡ファイル {dp} を読み取れません")],
    );
    if !is_root() {
        use std::os::unix::fs::PermissionsExt;
        let f = p.env.file("src/secret.pdf", b"secret");
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o000)).unwrap();
        let fp = f.to_str().unwrap();
        assert_refused(
            &d,
            &["evidence", "add", &a, "--file", fp],
            "evidence_file_unreadable",
            &[fp],
        );
    }
}

#[test]
fn data_dir_not_writable() {
    let env = Env::new();
    let file = env.file("plain.txt", b"just a file\n");
    let bad = file.join("sub");
    let b = bad.to_str().unwrap().to_string();
    let state = || format!("{:?} {:?}", std::fs::read(&file).ok(), listing(env.root()));
    let runner = |args: &[&str]| {
        let mut c = cmd();
        c.arg("--data-dir").arg(&bad).args(args);
        run_cmd(c)
    };
    for args in [
        vec!["org", "add", "南幌町"],
        vec!["org", "list"],
        vec!["demo"],
        vec!["verify"],
    ] {
        assert_refused_with(
            &args,
            "data_dir_not_writable",
            &[
                &format!("データフォルダ {b} に書き込めません"),
                "--data-dir",
            ],
            state,
            runner,
        );
    }
    // The same through the environment variable.
    let env_runner = |args: &[&str]| {
        let mut c = cmd();
        c.env("TENKEN_DATA_DIR", &bad).args(args);
        run_cmd(c)
    };
    assert_refused_with(
        &["org", "list"],
        "data_dir_not_writable",
        &[&b],
        state,
        env_runner,
    );
    assert!(!bad.exists());
}

#[test]
fn not_a_sqlite_database() {
    let env = Env::new();
    let d = env.data();
    std::fs::create_dir_all(&d).unwrap();
    let db = d.join("tenken.db");
    let text = "これはデータベースではありません。\nmeeting notes, not SQLite\n".repeat(20);
    std::fs::write(&db, &text).unwrap();
    let dbs = db.to_str().unwrap().to_string();
    let state = || format!("{:?} {:?}", std::fs::read(&db).unwrap(), listing(&d));
    let runner = |args: &[&str]| run(&d, args);
    for args in [
        vec!["org", "list"],
        vec!["org", "add", "南幌町"],
        vec!["demo"],
        vec!["demo", "--if-empty"],
        vec!["verify"],
        vec!["assessment", "list"],
    ] {
        assert_refused_with(
            &args,
            "not_a_database",
            &[
                &format!("{dbs} は tenken のデータベース（SQLite）ではありません"),
                "何も変更していません",
            ],
            state,
            runner,
        );
    }
    assert_eq!(
        std::fs::read_to_string(&db).unwrap(),
        text,
        "byte-identical"
    );
    assert_eq!(
        listing(&d),
        vec!["tenken.db"],
        "no -wal/-shm or other files left beside it"
    );

    // A short file (under the 16-byte SQLite header) too.
    std::fs::write(&db, "hello").unwrap();
    assert_refused_with(&["org", "list"], "not_a_database", &[&dbs], state, runner);
    assert_eq!(std::fs::read(&db).unwrap(), b"hello");
}

#[test]
fn database_from_a_newer_schema() {
    if encrypted_mode() {
        // The schema version of an encrypted database cannot be read from its header before
        // opening it, so a refused read-only open leaves empty -wal/-shm files (nothing else).
        return;
    }
    let p = populated();
    let d = p.data();
    let db = d.join("tenken.db");
    {
        let c = open_db_write(&d);
        c.pragma_update(None, "user_version", 999).unwrap();
    }
    let bytes = file_bytes(&db);
    let dbs = db.to_str().unwrap().to_string();
    let state = || {
        format!(
            "{:?} {:?}",
            sha256_hex(&std::fs::read(&db).unwrap()),
            listing(&d)
        )
    };
    let runner = |args: &[&str]| run(&d, args);
    let a = s(p.assessment);
    for args in [
        vec!["org", "list"],
        vec!["assessment", "list"],
        vec![
            "answer",
            "set",
            &a,
            "--department",
            "総務課",
            "--item",
            ITEM3,
            "--rating",
            "○",
        ],
        vec!["verify"],
        vec!["backup", p.env.path("bk").to_str().unwrap()],
    ] {
        assert_refused_with(
            &args,
            "schema_too_new",
            &[
                &dbs,
                "新しい版の tenken で作成されています",
                "スキーマ 999",
                "何も変更していません",
            ],
            state,
            runner,
        );
    }
    assert_eq!(file_bytes(&db), bytes, "byte-identical");
    assert!(!p.env.path("bk").exists(), "no backup written");
    let c = open_path(&db, &d);
    let v: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, 999);
}

// ---- checklists ----

const MINI: &str = r#"[checklist]
id = "mini"
version = "1"
title = { ja = "小さなチェックリスト", en = "Mini" }
scale = "audit"

[[items]]
id = "MI-001"
section = "1"
topic = "organization"
question = { ja = "責任者が定められているか。", en = "Is there an officer?" }
look_at = { ja = ["体制図"], en = ["Chart"] }
methods = ["document"]
tier = "staff"
required = true

[[items]]
id = "MI-002"
section = "4.2"
topic = "physical"
question = { ja = "サーバ室は施錠されているか。", en = "Is the server room locked?" }
look_at = { ja = ["入退室記録"], en = ["Entry log"] }
methods = ["onsite"]
tier = "staff"
required = false
"#;

/// MINI with line `line` (1-based) replaced by `with` (which may hold several lines).
fn edit(line: usize, with: &str) -> String {
    MINI.lines()
        .enumerate()
        .map(|(i, l)| {
            if i + 1 == line {
                with.to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// (file name, content, line of the problem, words of the message)
fn broken_checklists() -> Vec<(&'static str, String, usize, Vec<&'static str>)> {
    vec![
        (
            "unknown-key.toml",
            edit(14, "tier = \"staff\"\ncolour = \"red\""),
            15,
            vec!["colour"],
        ),
        (
            "unknown-header-key.toml",
            edit(3, "version = \"1\"\nowner = \"総務課\""),
            4,
            vec!["owner"],
        ),
        (
            "bad-topic.toml",
            edit(20, "topic = \"weather\""),
            20,
            vec![
                "項目 MI-002",
                "topic の値「weather」は使えません",
                "organization",
            ],
        ),
        (
            "duplicate-id.toml",
            edit(18, "id = \"MI-001\""),
            18,
            vec!["項目 id「MI-001」が重複しています"],
        ),
        (
            "syntax.toml",
            edit(15, "required = yes"),
            15,
            vec!["TOML の書式エラー"],
        ),
        (
            "unterminated.toml",
            edit(9, "section = \"1"),
            9,
            vec!["TOML の書式エラー"],
        ),
    ]
}

#[test]
fn checklist_validate_good_file() {
    let env = Env::new();
    let f = env.file("mini.toml", MINI.as_bytes());
    let out = ok(&env.data(), &["checklist", "validate", f.to_str().unwrap()]);
    assert!(out.contains("OK  mini  v1  2 項目"), "{out}");
}

#[test]
fn checklist_validate_reports_file_and_line() {
    let env = Env::new();
    for (name, src, line, words) in broken_checklists() {
        let f = env.file(&format!("ck/{name}"), src.as_bytes());
        let fs_ = f.to_str().unwrap().to_string();
        let at = format!("{fs_}:{line}: ");
        let mut needles = vec!["チェックリストに誤りがあります", at.as_str()];
        needles.extend(words.iter().copied());
        let state = || format!("{:?}", std::fs::read(&f).unwrap());
        let err = assert_refused_with(
            &["checklist", "validate", &fs_],
            "checklist_invalid",
            &needles,
            state,
            |a| run(&env.data(), a),
        );
        // Exactly one problem, on that line.
        assert_eq!(err.matches(&format!("{fs_}:")).count(), 1, "{name}: {err}");
        std::fs::remove_file(&f).unwrap();
    }
}

#[test]
fn checklists_dir_reports_file_and_line_and_changes_nothing() {
    let p = populated();
    let d = p.data();
    for (name, src, line, words) in broken_checklists() {
        let dir = p.env.path(&format!("bank-{name}"));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join(name);
        std::fs::write(&f, &src).unwrap();
        let at = format!("{}:{line}: ", f.display());
        let mut needles = vec![at.as_str()];
        needles.extend(words.iter().copied());
        let ds = dir.to_str().unwrap();
        assert_refused(
            &d,
            &["--checklists", ds, "checklist", "list"],
            "checklist_invalid",
            &needles,
        );
        assert_refused(
            &d,
            &["checklist", "validate", "--checklists", ds],
            "checklist_invalid",
            &needles,
        );
        assert_refused(
            &d,
            &[
                "--checklists",
                ds,
                "assessment",
                "create",
                "--org",
                "南幌町",
                "--fiscal-year",
                "2027",
                "--kind",
                "self_inspection",
                "--title",
                "t",
                "--checklist",
                "mini",
            ],
            "checklist_invalid",
            &needles,
        );
    }
}

#[test]
fn checklists_dir_duplicate_checklist_id_across_files() {
    let p = populated();
    let dir = p.env.path("bank");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.toml"), MINI).unwrap();
    std::fs::write(dir.join("b.toml"), MINI).unwrap();
    let at = format!("{}:2: ", dir.join("b.toml").display());
    assert_refused(
        &p.data(),
        &["--checklists", dir.to_str().unwrap(), "checklist", "list"],
        "checklist_invalid",
        &[
            &at,
            "チェックリスト id「mini」は別のファイルでも使われています",
        ],
    );
}

// ---- demo, backup, restore ----

#[test]
fn demo_on_a_non_empty_store() {
    let p = populated();
    let d = p.data();
    let ds = d.to_str().unwrap();
    assert_refused(
        &d,
        &["demo"],
        "store_not_empty",
        &[&format!("データフォルダ {ds} には既にデータがあります")],
    );
    assert_refused(&d, &["demo", "--size", "large"], "store_not_empty", &[ds]);
    let before = fingerprint(&d);
    let r = run(&d, &["demo", "--if-empty"]);
    assert!(r.ok(), "{r:?}");
    assert!(
        r.stdout.contains("デモデータは作成しませんでした"),
        "{}",
        r.stdout
    );
    let j = json(&d, &["demo", "--if-empty"]);
    assert_eq!(j["skipped"], true);
    assert_eq!(fingerprint(&d), before);
}

#[test]
fn demo_if_empty_fills_an_empty_store() {
    let env = Env::new();
    let d = env.data();
    let j = json(&d, &["demo", "--if-empty"]);
    assert!(j["findings"].as_i64().unwrap() > 0, "{j}");
    let list = json(&d, &["assessment", "list"]);
    assert!(!list.as_array().unwrap().is_empty());
    let r = run(&d, &["verify"]);
    assert!(r.ok(), "{r:?}");
}

#[test]
fn backup_into_a_non_empty_folder() {
    let p = populated();
    let d = p.data();
    let dest = p.env.path("backup");
    std::fs::create_dir_all(&dest).unwrap();
    std::fs::write(dest.join("keep.txt"), "大事なファイル").unwrap();
    let ds = dest.to_str().unwrap().to_string();
    let state = || {
        format!(
            "{} {:?} {:?}",
            fingerprint(&d),
            listing(&dest),
            std::fs::read(dest.join("keep.txt")).ok()
        )
    };
    assert_refused_with(
        &["backup", &ds],
        "invalid_value",
        &[&format!("「{ds}」"), "空のフォルダ"],
        state,
        |a| run(&d, a),
    );
}

#[test]
fn restore_from_a_folder_that_is_not_a_backup() {
    let p = populated();
    let d = p.data();
    let notbk = p.env.path("not-a-backup");
    std::fs::create_dir_all(&notbk).unwrap();
    std::fs::write(notbk.join("tenken.db"), "nope").unwrap();
    let n = notbk.to_str().unwrap().to_string();
    let state = || {
        format!(
            "{} {:?} {}",
            fingerprint(&d),
            listing(&d),
            sha256_hex(&std::fs::read(d.join("tenken.db")).unwrap())
        )
    };
    assert_refused_with(
        &["restore", &n],
        "backup_invalid",
        &[
            &format!("バックアップ {n} は使用できません"),
            "tenken-backup.json",
        ],
        state,
        |a| run(&d, a),
    );
    // A missing folder, too.
    let gone = p.env.path("gone");
    let g = gone.to_str().unwrap().to_string();
    assert_refused_with(&["restore", &g], "backup_invalid", &[&g], state, |a| {
        run(&d, a)
    });
    // A manifest that is not JSON.
    std::fs::write(notbk.join("tenken-backup.json"), "{ broken").unwrap();
    assert_refused_with(
        &["restore", &n],
        "backup_invalid",
        &[&n, "tenken-backup.json"],
        state,
        |a| run(&d, a),
    );
}

#[test]
fn unknown_organisation_and_checklist() {
    let p = populated();
    let d = p.data();
    assert_refused(
        &d,
        &[
            "assessment",
            "create",
            "--org",
            "栗山町",
            "--fiscal-year",
            "2027",
            "--kind",
            "internal_audit",
            "--title",
            "t",
            "--checklist",
            "audit",
        ],
        "unknown_organisation",
        &["団体「栗山町」が見つかりません"],
    );
    assert_refused(
        &d,
        &[
            "assessment",
            "create",
            "--org",
            "南幌町",
            "--fiscal-year",
            "2027",
            "--kind",
            "internal_audit",
            "--title",
            "t",
            "--checklist",
            "nope",
        ],
        "unknown_checklist",
        &["チェックリスト「nope」が見つかりません"],
    );
    let pol = policy_fixture();
    assert_refused(
        &d,
        &["policy", "import", pol.to_str().unwrap(), "--org", "栗山町"],
        "unknown_organisation",
        &["栗山町"],
    );
}

#[test]
fn department_add_is_all_or_nothing() {
    let p = populated();
    let d = p.data();
    let a = s(p.assessment);
    assert_refused(
        &d,
        &["department", "add", &a, "企画課", "総務課"],
        "already_exists",
        &["総務課"],
    );
    assert_refused(
        &d,
        &["department", "add", &a, "企画課", "企画課"],
        "already_exists",
        &["企画課"],
    );
    assert_refused(
        &d,
        &["department", "add", &a, "企画課", "  "],
        "invalid_value",
        &["department"],
    );
}
