//! Shared helpers of the end-to-end CLI tests: run the real `tenken` binary on a temporary
//! data dir, fingerprint the store, and check refusals (exit code, message, JSON code, and
//! that nothing changed).
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags};
use serde_json::Value;
use sha2::{Digest, Sha256};

pub const BIN: &str = env!("CARGO_BIN_EXE_tenken");

/// The binary under test: `TENKEN_TEST_BIN` when set (a copy of the build, when several
/// worktrees share one target folder and overwrite `target/debug/tenken`), else cargo's.
pub fn bin() -> std::ffi::OsString {
    std::env::var_os("TENKEN_TEST_BIN").unwrap_or_else(|| BIN.into())
}

/// The public policy text used by the workflow (南幌町 情報セキュリティ基本方針).
pub fn policy_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/policies/000_f30b78bf79fe382b.txt")
}

/// Items that the audit checklist keeps when bound to the fixture policy.
pub const ITEM1: &str = "AU-01-00-001";
pub const ITEM2: &str = "AU-01-00-002";
pub const ITEM3: &str = "AU-01-00-003";
pub const ITEM4: &str = "AU-01-00-004";

/// The result of one run of the binary.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn ok(&self) -> bool {
        self.code == Some(0)
    }
}

/// `TENKEN_TEST_ENCRYPTED=1`: the suites run against encrypted stores. Every fresh data
/// folder is encrypted (`tenken encrypt`) before its first command, and every command gets
/// the passphrase in `TENKEN_PASSPHRASE` (keys files use the tests' cheap Argon2id cost).
pub fn encrypted_mode() -> bool {
    std::env::var_os("TENKEN_TEST_ENCRYPTED").is_some_and(|v| v == "1")
}

/// The passphrase of the harness's encrypted stores.
pub const TEST_PASSPHRASE: &str = "harness passphrase 暗号化";
/// The team's package passphrase in encrypted mode: an encrypted store writes encrypted team
/// packages (`TENKEN_PACKAGE_PASSPHRASE`).
pub const TEST_PACKAGE_PASSPHRASE: &str = "harness team package パスフレーズ";

/// A `tenken` command with a clean environment (no data dir, checklists or passphrases from
/// the caller; the harness passphrase and package passphrase in encrypted mode).
pub fn cmd() -> Command {
    let mut c = Command::new(bin());
    c.env_remove("TENKEN_DATA_DIR")
        .env_remove("TENKEN_CHECKLISTS")
        .env_remove("TENKEN_PASSPHRASE")
        .env_remove("TENKEN_NEW_PASSPHRASE")
        .env_remove("TENKEN_PACKAGE_PASSPHRASE")
        .env("TENKEN_TEST_WEAK_KDF", "1")
        .env("TENKEN_ACTOR", "e2e-tester")
        // Logs of test runs stay out of the tester's own log folder.
        .env(
            "TENKEN_LOG_DIR",
            std::env::temp_dir().join("tenken-cli-test-logs"),
        );
    if encrypted_mode() {
        c.env("TENKEN_PASSPHRASE", TEST_PASSPHRASE)
            .env("TENKEN_PACKAGE_PASSPHRASE", TEST_PACKAGE_PASSPHRASE);
    }
    c
}

/// Commands that never open the data folder's store, or bring their own (restore).
fn leaves_store_alone(args: &[&str]) -> bool {
    let first = args
        .iter()
        .find(|a| !a.starts_with("--") && **a != "ja" && **a != "en")
        .copied()
        .unwrap_or("");
    matches!(first, "encrypt" | "restore" | "checklist" | "verify-report")
        || (first == "policy" && args.contains(&"parse"))
        || args.contains(&"--from-export")
}

/// In encrypted mode, a fresh data folder is encrypted before its first command.
pub fn prepare(data: &Path, args: &[&str]) {
    if !encrypted_mode()
        || leaves_store_alone(args)
        || data.join("tenken-keys.json").exists()
        || data.join("tenken.db").exists()
    {
        return;
    }
    let mut c = cmd();
    c.arg("--data-dir").arg(data).arg("encrypt");
    let r = run_cmd(c);
    assert!(
        r.ok(),
        "encrypting the fresh store {}: {r:?}",
        data.display()
    );
}

pub fn run_cmd(mut c: Command) -> Run {
    let out: Output = c.output().expect("run tenken");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// Runs `tenken --data-dir DATA ARGS…`.
pub fn run(data: &Path, args: &[&str]) -> Run {
    prepare(data, args);
    let mut c = cmd();
    c.arg("--data-dir").arg(data).args(args);
    run_cmd(c)
}

/// Runs and requires success; returns stdout.
#[track_caller]
pub fn ok(data: &Path, args: &[&str]) -> String {
    let r = run(data, args);
    assert!(r.ok(), "tenken {args:?} failed: {r:?}");
    r.stdout
}

/// Runs with `--json` and requires success; returns the parsed stdout.
#[track_caller]
pub fn json(data: &Path, args: &[&str]) -> Value {
    let mut a = vec!["--json"];
    a.extend_from_slice(args);
    let out = ok(data, &a);
    serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("tenken {args:?}: stdout is not JSON ({e}): {out}"))
}

/// A fresh temporary folder; the data dir is `ROOT/data` (not created yet).
pub struct Env {
    pub tmp: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            tmp: tempfile::tempdir().expect("tempdir"),
        }
    }
    pub fn root(&self) -> &Path {
        self.tmp.path()
    }
    pub fn data(&self) -> PathBuf {
        self.tmp.path().join("data")
    }
    pub fn path(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }
    /// Writes a file under the temporary root and returns its path.
    pub fn file(&self, name: &str, content: &[u8]) -> PathBuf {
        let p = self.path(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, content).unwrap();
        p
    }
}

/// What the populated store holds (ids as created by `populated`).
pub struct Populated {
    pub env: Env,
    pub assessment: i64,
    pub finding: i64,
    pub evidence_file: PathBuf,
    pub evidence: i64,
}

impl Populated {
    pub fn data(&self) -> PathBuf {
        self.env.data()
    }
}

/// A store with an organisation, the fixture policy, an audit assessment bound to it, two
/// departments, answers, a finding and a file evidence.
pub fn populated() -> Populated {
    let env = Env::new();
    let d = env.data();
    json(&d, &["org", "add", "南幌町"]);
    let pol = policy_fixture();
    let p = json(
        &d,
        &["policy", "import", pol.to_str().unwrap(), "--org", "南幌町"],
    );
    let policy_id = p["id"].as_i64().unwrap().to_string();
    let a = json(
        &d,
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
            "令和8年度 情報セキュリティ監査",
            "--checklist",
            "audit",
            "--policy",
            &policy_id,
        ],
    );
    let aid = a["id"].as_i64().unwrap();
    let a_s = aid.to_string();
    json(&d, &["department", "add", &a_s, "総務課", "税務課"]);
    json(
        &d,
        &[
            "answer",
            "set",
            &a_s,
            "--department",
            "総務課",
            "--item",
            ITEM1,
            "--rating",
            "conform",
        ],
    );
    let f = json(
        &d,
        &[
            "finding",
            "add",
            &a_s,
            "--department",
            "総務課",
            "--item",
            ITEM2,
            "--fact",
            "任命通知が確認できない",
            "--classification",
            "minor",
        ],
    );
    let ev_path = env.file("src/体制図.txt", "情報セキュリティ体制図\n".as_bytes());
    let ev = json(
        &d,
        &[
            "evidence",
            "add",
            &a_s,
            "--file",
            ev_path.to_str().unwrap(),
            "--link-item",
            &format!("総務課:{ITEM1}"),
        ],
    );
    Populated {
        assessment: aid,
        finding: f["id"].as_i64().unwrap(),
        evidence: ev["id"].as_i64().unwrap(),
        evidence_file: ev_path,
        env,
    }
}

/// The store's database opened read-only (unlocked with the harness passphrase when the
/// store is encrypted).
pub fn open_db(data: &Path) -> Connection {
    let db = data.join("tenken.db");
    let conn = Connection::open_with_flags(
        &db,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .expect("open tenken.db read-only");
    if let Some(key) = harness_key(data) {
        key.apply(&conn).expect("key the connection");
    }
    conn
}

/// The data key of an encrypted data (or backup) folder, unlocked with the harness passphrase.
pub fn harness_key(data: &Path) -> Option<tenken_core::crypto::DataKey> {
    tenken_core::crypto::is_encrypted(data).then(|| {
        tenken_core::crypto::unlock(
            data,
            &tenken_core::crypto::Secret::Passphrase(TEST_PASSPHRASE.to_string().into()),
        )
        .expect("unlock with the harness passphrase")
    })
}

/// A database file opened read-only, keyed with the data key of the folder `keys_from` when
/// that folder is encrypted (kept copies, backups).
pub fn open_path(path: &Path, keys_from: &Path) -> Connection {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if let Some(k) = harness_key(keys_from) {
        k.apply(&conn).expect("key the connection");
    }
    conn
}

/// The store's database opened for writing (tests that tamper with it), keyed when encrypted.
pub fn open_db_write(data: &Path) -> Connection {
    let conn = Connection::open(data.join("tenken.db")).expect("open tenken.db");
    if let Some(k) = harness_key(data) {
        k.apply(&conn).expect("key the connection");
    }
    conn
}

/// Where a stored file lives in a data (or backup) folder: `evidence/ab/<sha256>`, or the
/// keyed name in an encrypted one.
pub fn evidence_path(data: &Path, sha: &str) -> PathBuf {
    let name = match harness_key(data) {
        Some(k) => k.evidence_keys().name_of(sha),
        None => sha.to_string(),
    };
    data.join("evidence").join(&name[..2]).join(&name)
}

/// The content of a stored file (decrypted in an encrypted folder).
pub fn stored_plain(data: &Path, sha: &str) -> Vec<u8> {
    let files = tenken_core::evidence::EvidenceFiles::with_keys(
        data,
        harness_key(data).map(|k| std::sync::Arc::new(k.evidence_keys())),
    );
    let mut out = vec![];
    files
        .copy_plain(sha, &mut out)
        .expect("read the stored file");
    out
}

fn value_text(v: ValueRef) -> String {
    match v {
        ValueRef::Null => "NULL".into(),
        ValueRef::Integer(i) => format!("i:{i}"),
        ValueRef::Real(f) => format!("r:{f}"),
        ValueRef::Text(t) => format!("t:{}", String::from_utf8_lossy(t)),
        ValueRef::Blob(b) => format!("b:{b:02x?}"),
    }
}

/// Every row of every table (ordered), the schema version, and the evidence files (path and
/// size, without `evidence/tmp`). Opens the database read-only.
pub fn fingerprint(data: &Path) -> String {
    let mut out = String::new();
    let db = data.join("tenken.db");
    if db.exists() {
        let conn = open_db(data);
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        out.push_str(&format!("user_version {v}\n"));
        let mut stmt = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap();
        let tables: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for t in tables {
            out.push_str(&format!("table {t}\n"));
            let mut stmt = conn
                .prepare(&format!("SELECT * FROM \"{t}\" ORDER BY rowid"))
                .unwrap();
            let n = stmt.column_count();
            let mut rows = stmt.query([]).unwrap();
            while let Some(r) = rows.next().unwrap() {
                let cells: Vec<String> =
                    (0..n).map(|i| value_text(r.get_ref(i).unwrap())).collect();
                out.push_str(&cells.join(" | "));
                out.push('\n');
            }
        }
    } else {
        out.push_str("no database\n");
    }
    out.push_str("evidence files\n");
    let root = data.join("evidence");
    let mut files = vec![];
    walk(&root, &root.join("tmp"), &mut files);
    files.sort();
    for (p, size) in files {
        out.push_str(&format!(
            "{} {size}\n",
            p.strip_prefix(data).unwrap().display()
        ));
    }
    out
}

fn walk(dir: &Path, skip: &Path, out: &mut Vec<(PathBuf, u64)>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd {
        let p = e.unwrap().path();
        if p == skip {
            continue;
        }
        let m = std::fs::symlink_metadata(&p).unwrap();
        if m.is_dir() {
            walk(&p, skip, out);
        } else {
            out.push((p, m.len()));
        }
    }
}

/// Runs `args` twice (human, then `--json`) and checks each refusal: non-zero exit, every
/// needle in the message, the stable JSON code, and the store unchanged. Returns the human stderr.
#[track_caller]
pub fn assert_refused(data: &Path, args: &[&str], code: &str, needles: &[&str]) -> String {
    assert_refused_with(args, code, needles, || fingerprint(data), |a| run(data, a))
}

/// Like `assert_refused`, with an own "state" snapshot and runner.
#[track_caller]
pub fn assert_refused_with(
    args: &[&str],
    code: &str,
    needles: &[&str],
    state: impl Fn() -> String,
    runner: impl Fn(&[&str]) -> Run,
) -> String {
    let before = state();
    let human = runner(args);
    assert_ne!(
        human.code,
        Some(0),
        "tenken {args:?} should fail: {human:?}"
    );
    assert!(
        human.code.is_some(),
        "tenken {args:?} was killed: {human:?}"
    );
    assert!(
        human.stderr.starts_with("エラー: "),
        "tenken {args:?}: stderr is not a Japanese error: {}",
        human.stderr
    );
    for n in needles {
        assert!(
            human.stderr.contains(n),
            "tenken {args:?}: stderr lacks {n:?}: {}",
            human.stderr
        );
    }
    assert_same(&before, &state(), &format!("tenken {args:?}"));

    let mut a = vec!["--json"];
    a.extend_from_slice(args);
    let j = runner(&a);
    assert_ne!(j.code, Some(0), "tenken {a:?} should fail: {j:?}");
    assert!(j.code.is_some(), "tenken {a:?} was killed: {j:?}");
    let v: Value = serde_json::from_str(j.stderr.trim())
        .unwrap_or_else(|e| panic!("tenken {a:?}: stderr is not JSON ({e}): {}", j.stderr));
    let obj = v.as_object().expect("JSON object");
    assert_eq!(obj.len(), 1, "only `error` at top level: {v}");
    assert_eq!(v["error"]["code"], code, "tenken {a:?}: wrong code: {v}");
    let msg = v["error"]["message"].as_str().expect("message string");
    for n in needles {
        assert!(
            msg.contains(n),
            "tenken {a:?}: JSON message lacks {n:?}: {msg}"
        );
    }
    assert!(
        j.stdout.is_empty(),
        "nothing on stdout on error: {}",
        j.stdout
    );
    assert_same(&before, &state(), &format!("tenken {a:?}"));
    human.stderr
}

/// Fails with the lines that differ (shortened), not two whole dumps.
#[track_caller]
pub fn assert_same(before: &str, after: &str, what: &str) {
    if before == after {
        return;
    }
    let short = |l: &str| l.chars().take(300).collect::<String>();
    let b: std::collections::HashSet<&str> = before.lines().collect();
    let a: std::collections::HashSet<&str> = after.lines().collect();
    let mut diff = String::new();
    for l in before.lines().filter(|l| !a.contains(l)) {
        diff += &format!("- {}\n", short(l));
    }
    for l in after.lines().filter(|l| !b.contains(l)) {
        diff += &format!("+ {}\n", short(l));
    }
    panic!("{what} changed the store:\n{diff}");
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// SHA-256 of a reader, streamed in 1 MiB chunks.
pub fn sha256_stream(mut r: impl Read) -> String {
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = r.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    format!("{:x}", h.finalize())
}

pub fn is_root() -> bool {
    // /proc/self/status "Uid:" real uid; no libc needed.
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(2) == Some("0"))
        })
        .unwrap_or(false)
}

pub fn file_bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The names in a folder, sorted.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.map(|e| e.unwrap().file_name().to_string_lossy().to_string())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}
