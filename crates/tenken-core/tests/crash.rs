//! A writer process is SIGKILLed at random moments during a stream of answer writes, 100+
//! rounds. Every write it had acknowledged must be present afterwards, the database must pass
//! `integrity_check`, and the audit-log chain must still verify.
//!
//! The writer is this same test binary re-executed with `TENKEN_CRASH_WRITER` set (the
//! `writer_child` test below does the writing only then), so no extra binary is needed.
//! The same runs on an encrypted store (SQLCipher, WAL) with the writer unlocking it.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tenken_core::checklist::load_str;
use tenken_core::store::{AnswerChange, NewAssessment, Store};
use tenken_core::{AssessmentKind, ClassificationScheme, ScaleKind};

const CHECKLIST: &str = include_str!("../../../tests/fixtures/checklists/mini-audit.toml");
const RATINGS: [&str; 3] = ["conform", "partial", "nonconform"];

fn setup(dir: &Path) -> i64 {
    let mut store = Store::open(dir).unwrap();
    let org = store.add_organisation("試験町", None).unwrap();
    let checklist = load_str("mini-audit.toml", CHECKLIST).unwrap();
    let a = store
        .create_assessment(&NewAssessment {
            organisation_id: org.id,
            fiscal_year: 2026,
            kind: AssessmentKind::InternalAudit,
            title: "令和8年度 監査".into(),
            period_start: None,
            period_end: None,
            auditors: vec![],
            scale: ScaleKind::Audit,
            classification: ClassificationScheme::FourLevel,
            checklist,
            policy_document_id: None,
            standards_document_id: None,
            profile: Default::default(),
            previous_assessment_id: None,
        })
        .unwrap();
    store.add_department(a.id, "総務課").unwrap();
    a.id
}

/// The writer: sets the note of item `k % 5` to "n" for n = start, start+1, … and prints
/// "ACK n" after each commit returns.
#[test]
fn writer_child() {
    let Ok(dir) = std::env::var("TENKEN_CRASH_WRITER") else {
        return;
    };
    let start: u64 = std::env::var("TENKEN_CRASH_START")
        .unwrap()
        .parse()
        .unwrap();
    let mut store = Store::open_keyed(Path::new(&dir), key(Path::new(&dir))).unwrap();
    let a = store.list_assessments().unwrap()[0].id;
    let items: Vec<String> = store
        .assessment(a)
        .unwrap()
        .checklist
        .items
        .iter()
        .map(|i| i.id.clone())
        .collect();
    let mut out = std::io::stdout().lock();
    for n in start.. {
        let item = &items[(n % items.len() as u64) as usize];
        let change = AnswerChange {
            rating: Some(RATINGS[(n % 3) as usize].into()),
            note: Some(n.to_string()),
        };
        store.record_answer(a, "総務課", item, &change).unwrap();
        use std::io::Write;
        writeln!(out, "ACK {n}").unwrap();
        out.flush().unwrap();
    }
}

const PASSPHRASE: &str = "crash test passphrase";

/// The data key when the store is encrypted.
fn key(dir: &Path) -> Option<std::sync::Arc<tenken_core::crypto::DataKey>> {
    tenken_core::crypto::is_encrypted(dir).then(|| {
        std::sync::Arc::new(
            tenken_core::crypto::unlock(
                dir,
                &tenken_core::crypto::Secret::Passphrase(PASSPHRASE.to_string().into()),
            )
            .unwrap(),
        )
    })
}

#[test]
fn acknowledged_writes_survive_sigkill() {
    sigkill_rounds(false);
}

#[test]
fn acknowledged_writes_survive_sigkill_on_an_encrypted_store() {
    sigkill_rounds(true);
}

fn sigkill_rounds(encrypted: bool) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let a = setup(&dir);
    if encrypted {
        std::env::set_var("TENKEN_TEST_WEAK_KDF", "1");
        tenken_core::crypto::convert::encrypt(&dir, PASSPHRASE).unwrap();
        assert!(Store::open(&dir).is_err(), "no longer opens without a key");
    }
    let exe = std::env::current_exe().unwrap();
    let mut next_start = 1u64;
    // Deterministic pseudo-random kill delays between 2 and 60 ms.
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut total_acked = 0u64;
    let rounds = 100;
    for round in 0..rounds {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = Duration::from_millis(2 + seed % 59);
        let mut child = Command::new(&exe)
            .args(["--exact", "writer_child", "--nocapture", "--test-threads=1"])
            .env("TENKEN_CRASH_WRITER", &dir)
            .env("TENKEN_CRASH_START", next_start.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut last = None;
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(n) = line.strip_prefix("ACK ") {
                    last = Some(n.trim().parse::<u64>().unwrap());
                }
            }
            last
        });
        let t0 = Instant::now();
        while t0.elapsed() < delay {
            std::thread::sleep(Duration::from_millis(1));
        }
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let last_acked = reader.join().unwrap();

        // Every acknowledged write is there: for each item, the stored note is at least the
        // last value acknowledged for it (a write may have committed just before the kill
        // without its ACK being read, so "later" is allowed; "earlier" is a lost write).
        let store = Store::open_keyed(&dir, key(&dir)).unwrap();
        assert!(
            store.integrity_problems().unwrap().is_empty(),
            "round {round}: integrity_check failed"
        );
        if let Some(last) = last_acked {
            total_acked += last + 1 - next_start;
            let answers = store.answers(a, None).unwrap();
            let items = answers.len() as u64;
            for n in last.saturating_sub(items - 1).max(next_start)..=last {
                let item_idx = (n % 5) as usize;
                let stored: u64 = answers
                    .iter()
                    .find(|r| {
                        r.item_id == store.assessment(a).unwrap().checklist.items[item_idx].id
                    })
                    .map(|r| r.note.parse().unwrap())
                    .unwrap_or(0);
                assert!(
                    stored >= n,
                    "round {round}: acknowledged write {n} lost (stored {stored})"
                );
            }
            next_start = last + 1;
        }
        // Continue numbering after whatever actually committed.
        let max_stored = store
            .answers(a, None)
            .unwrap()
            .iter()
            .map(|r| r.note.parse::<u64>().unwrap())
            .max()
            .unwrap_or(0);
        next_start = next_start.max(max_stored + 1);
        let report = tenken_core::verify::verify(&store).unwrap();
        assert!(report.ok, "round {round}: {:?}", report.problems);
    }
    assert!(
        total_acked > rounds as u64,
        "the writer acknowledged too few writes ({total_acked}) for the test to mean anything"
    );
    eprintln!("{rounds} rounds, {total_acked} acknowledged writes, none lost");
}
