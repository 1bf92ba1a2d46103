//! The operational log: a workflow of CLI commands leaves the expected events in the log
//! folder (`TENKEN_LOG_DIR`), with durations and error codes, and none of what the auditor
//! typed or attached (notes, findings, remarks, evidence content or file names, interview notes).

mod common;

use std::path::Path;

use common::*;
use serde_json::Value;

/// Texts the workflow types or attaches: none may reach the log.
const NOTE: &str = "NOTE-SECRET 回答メモ：共有フォルダのパスワードは金庫に保管";
const FACT: &str = "FINDING-SECRET 指摘：退職者アカウントが残存";
const EVIDENCE: &str = "EVIDENCE-SECRET 証跡の中身：管理者パスワード一覧";
const EVIDENCE_NAME: &str = "EVIDENCE-NAME-SECRET.txt";
const REMARK: &str = "REMARK-SECRET 良好事項の本文";
const BAD_NOTE: &str = "BAD-INPUT-SECRET 存在しない項目へのメモ";

fn tenken(data: &Path, logs: &Path, args: &[&str]) -> Run {
    let mut c = cmd();
    c.env("TENKEN_LOG_DIR", logs)
        .env_remove("TENKEN_LOG")
        .arg("--data-dir")
        .arg(data)
        .args(args);
    run_cmd(c)
}

#[track_caller]
fn tenken_ok(data: &Path, logs: &Path, args: &[&str]) -> Value {
    let mut a = vec!["--json"];
    a.extend_from_slice(args);
    let r = tenken(data, logs, &a);
    assert!(r.ok(), "tenken {args:?}: {r:?}");
    serde_json::from_str(&r.stdout).unwrap_or(Value::Null)
}

/// Every log file's text, and its JSON lines.
fn read_logs(logs: &Path) -> (String, Vec<Value>) {
    let mut text = String::new();
    for entry in std::fs::read_dir(logs).expect("the log folder exists") {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        assert!(
            name.starts_with("tenken.") && name.ends_with(".log"),
            "unexpected file in the log folder: {name}"
        );
        text.push_str(&std::fs::read_to_string(&path).unwrap());
    }
    let events = text
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    (text, events)
}

fn field<'a>(e: &'a Value, name: &str) -> &'a Value {
    &e["fields"][name]
}

fn events<'a>(all: &'a [Value], name: &str) -> Vec<&'a Value> {
    all.iter().filter(|e| field(e, "event") == name).collect()
}

#[test]
fn a_workflow_is_logged_without_its_content() {
    let env = Env::new();
    let d = env.data();
    let logs = env.path("logs");
    let out = env.path("out");
    std::fs::create_dir_all(&out).unwrap();

    tenken_ok(&d, &logs, &["org", "add", "南幌町"]);
    let pol = policy_fixture();
    let p = tenken_ok(
        &d,
        &logs,
        &["policy", "import", pol.to_str().unwrap(), "--org", "南幌町"],
    );
    let pid = p["id"].as_i64().unwrap().to_string();
    let a = tenken_ok(
        &d,
        &logs,
        &[
            "assessment",
            "create",
            "--org",
            "南幌町",
            "--fiscal-year",
            "2026",
            "--kind",
            "internal_audit",
            "--title",
            "令和8年度 監査",
            "--checklist",
            "audit",
            "--policy",
            &pid,
        ],
    );
    let a = a["id"].as_i64().unwrap().to_string();
    tenken_ok(&d, &logs, &["department", "add", &a, "総務課"]);
    tenken_ok(
        &d,
        &logs,
        &[
            "answer",
            "set",
            &a,
            "--department",
            "総務課",
            "--item",
            ITEM1,
            "--rating",
            "conform",
            "--note",
            NOTE,
        ],
    );
    tenken_ok(
        &d,
        &logs,
        &[
            "finding",
            "add",
            &a,
            "--department",
            "総務課",
            "--item",
            ITEM2,
            "--fact",
            FACT,
            "--classification",
            "minor",
        ],
    );
    let ev = env.file(&format!("src/{EVIDENCE_NAME}"), EVIDENCE.as_bytes());
    tenken_ok(
        &d,
        &logs,
        &["evidence", "add", &a, "--file", ev.to_str().unwrap()],
    );
    tenken_ok(&d, &logs, &["remark", "add", &a, "--kind", "good", REMARK]);
    // A refused command: its error code is logged, not its message (which quotes the input).
    let bad = tenken(
        &d,
        &logs,
        &[
            "--json",
            "answer",
            "set",
            &a,
            "--department",
            "総務課",
            "--item",
            "NO-SUCH-ITEM",
            "--note",
            BAD_NOTE,
        ],
    );
    assert!(!bad.ok(), "{bad:?}");
    let report = out.join("report.pdf");
    tenken_ok(
        &d,
        &logs,
        &["report", &a, "--out", report.to_str().unwrap()],
    );
    let sheets = out.join("sheets");
    tenken_ok(
        &d,
        &logs,
        &["xlsx", "sheets", &a, "--out", sheets.to_str().unwrap()],
    );
    let sheet = std::fs::read_dir(&sheets)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    tenken_ok(&d, &logs, &["xlsx", "import", sheet.to_str().unwrap()]);
    tenken_ok(&d, &logs, &["backup", out.join("backup").to_str().unwrap()]);
    // --verbose: the same events on stderr as readable lines.
    let verbose = tenken(&d, &logs, &["--verbose", "assessment", "list"]);
    assert!(verbose.ok(), "{verbose:?}");
    assert!(
        verbose.stderr.contains("store_open") && verbose.stderr.contains("command"),
        "--verbose prints the log to stderr: {}",
        verbose.stderr
    );
    let quiet = tenken(&d, &logs, &["assessment", "list"]);
    assert!(!quiet.stderr.contains("store_open"), "{}", quiet.stderr);

    let (text, all) = read_logs(&logs);
    for secret in [NOTE, FACT, EVIDENCE, EVIDENCE_NAME, REMARK, BAD_NOTE] {
        for part in secret.split(' ') {
            assert!(!text.contains(part), "the log holds {part:?}:\n{text}");
        }
    }

    let started = events(&all, "start");
    assert!(started.len() >= 12, "one start per run: {}", started.len());
    assert_eq!(field(started[0], "program"), "tenken");
    assert_eq!(field(started[0], "version"), env!("CARGO_PKG_VERSION"));

    let migrate = events(&all, "store_migrate");
    assert_eq!(
        migrate.len(),
        1,
        "the new store is migrated once: {migrate:?}"
    );
    assert_eq!(field(migrate[0], "from"), 0);
    assert!(field(migrate[0], "to").as_i64().unwrap() >= 4);
    assert!(events(&all, "store_open")
        .iter()
        .all(|e| field(e, "data_dir") == d.to_str().unwrap() && field(e, "duration_ms").is_u64()));

    let import = events(&all, "policy_import");
    assert_eq!(import.len(), 1);
    assert_eq!(field(import[0], "format"), "text");
    assert!(field(import[0], "sections").as_u64().unwrap() > 0);
    assert!(field(import[0], "duration_ms").is_u64());

    let render = events(&all, "report_render");
    assert_eq!(render.len(), 1, "{render:?}");
    assert_eq!(field(render[0], "format"), "pdf");
    assert!(field(render[0], "pages").as_u64().unwrap() > 0);
    assert_eq!(
        field(render[0], "bytes").as_u64().unwrap(),
        std::fs::metadata(&report).unwrap().len()
    );
    assert!(field(render[0], "duration_ms").is_u64());

    let xlsx = events(&all, "xlsx_import");
    assert_eq!(xlsx.len(), 1, "{xlsx:?}");
    assert!(field(xlsx[0], "duration_ms").is_u64());
    assert_eq!(events(&all, "backup").len(), 1);

    let commands = events(&all, "command");
    let failed: Vec<_> = commands
        .iter()
        .filter(|e| field(e, "ok") == false)
        .collect();
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert_eq!(field(failed[0], "command"), "answer set");
    assert_eq!(field(failed[0], "code"), "unknown_item");
    assert_eq!(failed[0]["level"], "ERROR");
    assert!(commands
        .iter()
        .any(|e| field(e, "command") == "policy import" && field(e, "ok") == true));
    assert!(commands.iter().all(|e| field(e, "duration_ms").is_u64()));
}

#[test]
fn an_unwritable_log_folder_does_not_stop_a_command() {
    let env = Env::new();
    let blocker = env.file("not-a-folder", b"x");
    let r = tenken(
        &env.data(),
        &blocker.join("logs"),
        &["--json", "org", "list"],
    );
    assert!(r.ok(), "{r:?}");
}
