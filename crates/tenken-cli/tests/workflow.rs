//! The documented flow works end to end and its outputs are right.

mod common;

use common::*;
use serde_json::Value;

fn answers_by_item(export: &Value, department: &str) -> std::collections::BTreeMap<String, Value> {
    export["answers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["department"] == department)
        .map(|a| {
            (
                a["item_id"].as_str().unwrap().to_string(),
                a["rating"].clone(),
            )
        })
        .collect()
}

#[test]
fn documented_flow() {
    let env = Env::new();
    let d = env.data();

    // Organisation and policy.
    let org = json(
        &d,
        &[
            "org",
            "add",
            "南幌町",
            "--addressee",
            "情報セキュリティ委員会",
        ],
    );
    assert_eq!(org["name"], "南幌町");
    assert_eq!(org["addressee"], "情報セキュリティ委員会");
    let pol = policy_fixture();
    let policy = json(
        &d,
        &["policy", "import", pol.to_str().unwrap(), "--org", "南幌町"],
    );
    assert_eq!(policy["kind"], "basic_policy");
    assert_eq!(policy["source_name"], "000_f30b78bf79fe382b.txt");
    assert!(
        !policy["parsed"]["sections"].as_array().unwrap().is_empty(),
        "the policy has sections"
    );
    let pid = policy["id"].as_i64().unwrap().to_string();
    let listed = json(&d, &["policy", "list", "--org", "南幌町"]);
    assert_eq!(listed.as_array().unwrap().len(), 1);

    // Assessment bound to the policy.
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
            &pid,
            "--period-start",
            "2026-10-01",
            "--period-end",
            "2026-12-25",
            "--auditor",
            "監査 太郎",
        ],
    );
    let aid = a["id"].as_i64().unwrap();
    let a_s = aid.to_string();
    assert_eq!(a["fiscal_year"], 2026);
    assert_eq!(a["fiscal_year_label"], "令和8年度");
    assert_eq!(a["kind"], "internal_audit");
    assert_eq!(a["scale"], "audit");
    assert_eq!(a["policy_document_id"].as_i64().unwrap().to_string(), pid);
    assert_eq!(a["checklist"]["id"], "audit");
    assert_eq!(a["auditors"][0], "監査 太郎");
    let item1 = a["checklist"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == ITEM1)
        .expect("item kept");
    assert!(
        item1["citation"].as_str().is_some_and(|c| !c.is_empty()),
        "bound to the policy: citation {item1}"
    );

    // Departments (human output names them).
    let out = ok(&d, &["department", "add", &a_s, "総務課", "税務課"]);
    assert!(
        out.contains("登録しました: 総務課") && out.contains("登録しました: 税務課"),
        "{out}"
    );
    let deps = json(&d, &["department", "list", &a_s]);
    let names: Vec<&str> = deps
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["総務課", "税務課"]);

    // Interview.
    let i = json(
        &d,
        &[
            "interview",
            "add",
            &a_s,
            "--department",
            "総務課",
            "--date",
            "2026-11-05",
            "--place",
            "第1会議室",
            "--attendees",
            "総務課長",
            "--auditor",
            "監査 太郎",
        ],
    );
    assert_eq!(i["held_on"], "2026-11-05");
    assert_eq!(i["department"], "総務課");
    let out = ok(&d, &["interview", "list", &a_s]);
    assert!(
        out.contains("令和8年11月5日") && out.contains("第1会議室"),
        "{out}"
    );

    // Answers: by key, by symbol, by Japanese label; a note; clearing.
    let r1 = json(
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
    assert_eq!(r1["rating"], "conform");
    let r2 = json(
        &d,
        &[
            "answer",
            "set",
            &a_s,
            "--department",
            "総務課",
            "--item",
            ITEM2,
            "--rating",
            "○",
        ],
    );
    assert_eq!(r2["rating"], "conform");
    let r3 = json(
        &d,
        &[
            "answer",
            "set",
            &a_s,
            "--department",
            "総務課",
            "--item",
            ITEM3,
            "--rating",
            "適合",
        ],
    );
    assert_eq!(r3["rating"], "conform");
    let r4 = json(
        &d,
        &[
            "answer",
            "set",
            &a_s,
            "--department",
            "税務課",
            "--item",
            ITEM1,
            "--rating",
            "△",
            "--note",
            "一部の端末で未実施",
        ],
    );
    assert_eq!(r4["rating"], "partial");
    assert_eq!(r4["note"], "一部の端末で未実施");
    let r5 = json(
        &d,
        &[
            "answer",
            "set",
            &a_s,
            "--department",
            "税務課",
            "--item",
            ITEM2,
            "--rating",
            "不適合",
        ],
    );
    assert_eq!(r5["rating"], "nonconform");
    // A note alone keeps the rating.
    let r6 = json(
        &d,
        &[
            "answer",
            "set",
            &a_s,
            "--department",
            "税務課",
            "--item",
            ITEM2,
            "--note",
            "規程なし",
        ],
    );
    assert_eq!(r6["rating"], "nonconform");
    assert_eq!(r6["note"], "規程なし");
    let out = ok(
        &d,
        &[
            "answer",
            "set",
            &a_s,
            "--department",
            "総務課",
            "--item",
            ITEM4,
            "--rating",
            "－",
        ],
    );
    assert!(out.contains("保存しました") && out.contains("na"), "{out}");
    let j = json(
        &d,
        &[
            "answer",
            "set",
            &a_s,
            "--department",
            "総務課",
            "--item",
            ITEM4,
            "--rating",
            "unrated",
        ],
    );
    assert_eq!(j["rating"], Value::Null);
    let list = ok(&d, &["answer", "list", &a_s, "--department", "税務課"]);
    assert!(
        list.contains("△ 一部不適合") && list.contains("× 不適合"),
        "{list}"
    );

    // Findings: add, update.
    let f = json(
        &d,
        &[
            "finding",
            "add",
            &a_s,
            "--department",
            "税務課",
            "--item",
            ITEM2,
            "--fact",
            "情報セキュリティ管理者が任命されていない",
            "--risk",
            "責任の所在が不明確",
            "--recommendation",
            "任命し名簿に記載する",
            "--classification",
            "軽微な不適合",
            "--priority",
            "high",
            "--due",
            "2027-03-31",
            "--owner",
            "税務課長",
        ],
    );
    let fid = f["id"].as_i64().unwrap();
    assert_eq!(f["number"], 1);
    assert_eq!(f["classification"], "minor");
    assert_eq!(f["priority"], "high");
    assert_eq!(f["status"], "open");
    assert_eq!(f["due_date"], "2027-03-31");
    assert!(
        f["cited_clause"].as_str().is_some_and(|c| !c.is_empty()),
        "defaults to the item's citation: {f}"
    );
    let f2 = json(
        &d,
        &[
            "finding",
            "add",
            &a_s,
            "--department",
            "総務課",
            "--fact",
            "入退室記録が保存されていない",
            "--classification",
            "observation",
        ],
    );
    assert_eq!(f2["number"], 2);
    assert_eq!(f2["priority"], "medium");
    let u = json(
        &d,
        &[
            "finding",
            "update",
            &fid.to_string(),
            "--status",
            "in_progress",
            "--classification",
            "major",
            "--due",
            "2027-01-31",
        ],
    );
    assert_eq!(u["status"], "in_progress");
    assert_eq!(u["classification"], "major");
    assert_eq!(u["due_date"], "2027-01-31");
    assert_eq!(
        u["fact"], "情報セキュリティ管理者が任命されていない",
        "unchanged fields kept"
    );
    let out = ok(&d, &["finding", "list", &a_s]);
    assert!(
        out.contains("指摘1") && out.contains("重大な不適合") && out.contains("対応中"),
        "{out}"
    );

    // Evidence: a file linked to an answer, a paper document, a link afterwards.
    let content = "情報セキュリティ管理者名簿（令和8年4月1日現在）\n総務課長 …\n".repeat(100);
    let file = env.file("src/管理者名簿.txt", content.as_bytes());
    let sha = sha256_hex(content.as_bytes());
    let link = format!("総務課:{ITEM1}");
    let e1 = json(
        &d,
        &[
            "evidence",
            "add",
            &a_s,
            "--file",
            file.to_str().unwrap(),
            "--link-item",
            &link,
            "--link-finding",
            &fid.to_string(),
        ],
    );
    assert_eq!(e1["kind"], "file");
    assert_eq!(e1["sha256"], sha.as_str());
    assert_eq!(e1["size"], content.len() as u64);
    assert_eq!(e1["title"], "管理者名簿.txt");
    assert_eq!(e1["original_name"], "管理者名簿.txt");
    assert_eq!(e1["media_type"], "text/plain");
    let stored = evidence_path(&d, &sha);
    assert_eq!(
        stored_plain(&d, &sha),
        content.as_bytes(),
        "the stored copy is the file"
    );
    assert!(
        std::fs::metadata(&stored).unwrap().permissions().readonly(),
        "stored read-only"
    );
    let e2 = json(
        &d,
        &[
            "evidence",
            "add",
            &a_s,
            "--paper",
            "情報セキュリティ実施手順書",
            "--location",
            "総務課 書庫 3段目",
            "--description",
            "原本",
        ],
    );
    assert_eq!(e2["kind"], "paper");
    assert_eq!(e2["location"], "総務課 書庫 3段目");
    assert_eq!(e2["sha256"], Value::Null);
    let e2id = e2["id"].as_i64().unwrap().to_string();
    let linked = json(
        &d,
        &[
            "evidence",
            "link",
            &e2id,
            "--item",
            &format!("税務課:{ITEM2}"),
            "--finding",
            &fid.to_string(),
        ],
    );
    let links = linked["links"].as_array().unwrap();
    assert_eq!(links.len(), 2, "{linked}");
    assert!(links
        .iter()
        .any(|l| l["kind"] == "response" && l["department"] == "税務課" && l["item_id"] == ITEM2));
    assert!(links
        .iter()
        .any(|l| l["kind"] == "finding" && l["finding_id"] == fid && l["number"] == 1));
    // Linking again is idempotent.
    let again = json(
        &d,
        &["evidence", "link", &e2id, "--finding", &fid.to_string()],
    );
    assert_eq!(again["links"].as_array().unwrap().len(), 2);
    let out = ok(&d, &["evidence", "list", &a_s]);
    assert!(
        out.contains(&sha)
            && out.contains("[総務課 書庫 3段目]")
            && out.contains(&format!("→ {link}")),
        "{out}"
    );
    // Adding the same content again deduplicates the stored file.
    let copy = env.file("src/copy.txt", content.as_bytes());
    let e3 = json(
        &d,
        &[
            "evidence",
            "add",
            &a_s,
            "--file",
            copy.to_str().unwrap(),
            "--title",
            "名簿（写し）",
        ],
    );
    assert_eq!(e3["sha256"], sha.as_str());
    assert_eq!(e3["title"], "名簿（写し）");

    // Remarks and summary.
    json(
        &d,
        &[
            "remark",
            "add",
            &a_s,
            "--kind",
            "good",
            "--department",
            "総務課",
            "研修の受講率が高い",
        ],
    );
    json(
        &d,
        &[
            "assessment",
            "summary",
            &a_s,
            "全体として概ね適切に運用されている。",
        ],
    );

    // Export: the finding, the evidence with its real SHA-256, the answers.
    let export = json(&d, &["export", &a_s]);
    assert_eq!(export["format"], 1);
    assert_eq!(export["organisation"]["name"], "南幌町");
    assert_eq!(export["assessment"]["id"], aid);
    assert_eq!(
        export["assessment"]["summary"],
        "全体として概ね適切に運用されている。"
    );
    assert_eq!(export["policy"]["source_name"], "000_f30b78bf79fe382b.txt");
    let findings = export["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 2);
    assert_eq!(findings[0]["id"], fid);
    assert_eq!(
        findings[0]["fact"],
        "情報セキュリティ管理者が任命されていない"
    );
    assert_eq!(findings[0]["classification"], "major");
    assert_eq!(findings[0]["status"], "in_progress");
    assert_eq!(findings[0]["department"], "税務課");
    let ev = export["evidence"].as_array().unwrap();
    assert_eq!(ev.len(), 3);
    assert_eq!(ev[0]["sha256"], sha.as_str());
    assert_eq!(
        ev[0]["links"].as_array().unwrap().len(),
        2,
        "answer and finding: {}",
        ev[0]
    );
    assert_eq!(ev[1]["kind"], "paper");
    let so = answers_by_item(&export, "総務課");
    assert_eq!(so[ITEM1], "conform");
    assert_eq!(so[ITEM2], "conform");
    assert_eq!(so[ITEM3], "conform");
    assert_eq!(so[ITEM4], Value::Null);
    let ze = answers_by_item(&export, "税務課");
    assert_eq!(ze[ITEM1], "partial");
    assert_eq!(ze[ITEM2], "nonconform");
    assert_eq!(export["interviews"][0]["place"], "第1会議室");
    assert_eq!(export["remarks"][0]["text"], "研修の受講率が高い");
    assert_eq!(export["departments"].as_array().unwrap().len(), 2);
    // Export is deterministic, and --out writes the same document.
    let out_file = env.path("export.json");
    let msg = ok(&d, &["export", &a_s, "--out", out_file.to_str().unwrap()]);
    assert!(msg.contains("書き出しました"), "{msg}");
    let written: Value = serde_json::from_slice(&file_bytes(&out_file)).unwrap();
    assert_eq!(written, export);

    // Assessment list.
    let list = json(&d, &["assessment", "list"]);
    let arr = list.as_array().expect("an array");
    assert_eq!(arr.len(), 1);
    assert_eq!(arr[0]["id"], aid);
    assert_eq!(arr[0]["title"], "令和8年度 情報セキュリティ監査");
    assert_eq!(arr[0]["fiscal_year"], 2026);
    assert_eq!(arr[0]["kind"], "internal_audit");
    assert_eq!(arr[0]["answered_count"], 5);
    assert_eq!(arr[0]["finding_count"], 2);
    assert_eq!(arr[0]["department_count"], 2);

    // The audit log recorded it all, and verify passes.
    let log = json(&d, &["log", "--limit", "1000"]);
    let actions: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    for a in [
        "organisation.add",
        "policy.import",
        "assessment.create",
        "department.add",
        "answer.set",
        "finding.add",
        "finding.update",
        "evidence.add",
        "evidence.link",
    ] {
        assert!(actions.contains(&a), "log lacks {a}: {actions:?}");
    }
    assert!(log
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["actor"] == "e2e-tester"));
    let v = json(&d, &["verify"]);
    assert_eq!(v["ok"], true, "{v}");
    assert_eq!(
        v["evidence_files_checked"], 2,
        "deduplicated (the evidence file and the policy's original): {v}"
    );
}

#[test]
fn global_flags_before_and_after_the_subcommand() {
    let p = populated();
    let d = p.data();
    let ds = d.to_str().unwrap();
    let run_plain = |args: &[&str]| {
        let mut c = cmd();
        c.args(args);
        run_cmd(c)
    };
    let before = run_plain(&["--json", "--data-dir", ds, "assessment", "list"]);
    let after = run_plain(&["assessment", "list", "--json", "--data-dir", ds]);
    let middle = run_plain(&["assessment", "--data-dir", ds, "list", "--json"]);
    assert!(
        before.ok() && after.ok() && middle.ok(),
        "{before:?} {after:?} {middle:?}"
    );
    let v: Value = serde_json::from_str(&before.stdout).unwrap();
    assert!(v.is_array());
    assert_eq!(before.stdout, after.stdout);
    assert_eq!(before.stdout, middle.stdout);
    // --lang before and after.
    let en1 = run_plain(&["--lang", "en", "--data-dir", ds, "assessment", "list"]);
    let en2 = run_plain(&["assessment", "list", "--data-dir", ds, "--lang", "en"]);
    assert!(en1.ok() && en2.ok());
    assert_eq!(en1.stdout, en2.stdout);
    assert!(
        en1.stdout.contains("FY2026") && en1.stdout.contains("Internal audit"),
        "{}",
        en1.stdout
    );
    // The data dir from the environment.
    let mut c = cmd();
    c.env("TENKEN_DATA_DIR", &d)
        .args(["assessment", "list", "--json"]);
    let from_env = run_cmd(c);
    assert_eq!(from_env.stdout, before.stdout);
    // Errors in JSON after the subcommand too.
    let e = run_plain(&[
        "answer",
        "set",
        "999",
        "--department",
        "x",
        "--item",
        "y",
        "--json",
        "--data-dir",
        ds,
    ]);
    let v: Value = serde_json::from_str(e.stderr.trim()).unwrap_or_else(|_| panic!("{e:?}"));
    assert_eq!(v["error"]["code"], "unknown_assessment");
}

#[test]
fn lang_en_gives_english() {
    let p = populated();
    let d = p.data();
    let a = p.assessment.to_string();
    let list = ok(&d, &["--lang", "en", "assessment", "list"]);
    assert!(
        list.contains("FY2026 (Reiwa 8)")
            && list.contains("Internal audit")
            && list.contains("answered 1/"),
        "{list}"
    );
    assert!(!list.contains("令和8年度  内部監査"), "{list}");
    let ja = ok(&d, &["assessment", "list"]);
    assert!(ja.contains("令和8年度") && ja.contains("内部監査"), "{ja}");
    let saved = ok(
        &d,
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
            "Conforms",
        ],
    );
    assert!(saved.starts_with("Saved"), "{saved}");
    let r = run(
        &d,
        &["--lang", "en", "finding", "update", "999", "--fact", "x"],
    );
    assert_ne!(r.code, Some(0));
    assert!(r.stderr.starts_with("Error: "), "{}", r.stderr);
    assert!(
        r.stderr.contains("999") && r.stderr.is_ascii(),
        "English message: {}",
        r.stderr
    );
    let r = run(
        &d,
        &[
            "--lang",
            "en",
            "answer",
            "set",
            &a,
            "--department",
            "経理課",
            "--item",
            ITEM1,
        ],
    );
    assert!(
        r.stderr
            .contains("Department \"経理課\" is not in the scope of assessment"),
        "{}",
        r.stderr
    );
    let v = ok(&d, &["--lang", "en", "verify"]);
    assert!(v.contains("Verification passed"), "{v}");
}

#[test]
fn self_inspection_scale() {
    let env = Env::new();
    let d = env.data();
    json(&d, &["org", "add", "栗山町"]);
    let a = json(
        &d,
        &[
            "assessment",
            "create",
            "--org",
            "栗山町",
            "--fiscal-year",
            "2026",
            "--kind",
            "self_inspection",
            "--title",
            "職員自己点検",
            "--checklist",
            "self_staff",
            "--classification",
            "two_level",
        ],
    );
    let a_s = a["id"].as_i64().unwrap().to_string();
    let item = a["checklist"]["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    json(&d, &["department", "add", &a_s, "総務課"]);
    let r = json(
        &d,
        &[
            "answer",
            "set",
            &a_s,
            "--department",
            "総務課",
            "--item",
            &item,
            "--rating",
            "実施している",
        ],
    );
    assert_eq!(r["rating"], "implemented");
    let r = json(
        &d,
        &[
            "answer",
            "set",
            &a_s,
            "--department",
            "総務課",
            "--item",
            &item,
            "--rating",
            "該当なし",
        ],
    );
    assert_eq!(r["rating"], "not_applicable");
    // The audit scale's symbols are not choices here; the message lists this scale's.
    assert_refused(
        &d,
        &[
            "answer",
            "set",
            &a_s,
            "--department",
            "総務課",
            "--item",
            &item,
            "--rating",
            "○",
        ],
        "rating_not_in_scale",
        &[
            "評価「○」",
            "implemented (実施している)",
            "not_applicable (該当なし)",
        ],
    );
    // two_level classification.
    let f = json(
        &d,
        &[
            "finding",
            "add",
            &a_s,
            "--department",
            "総務課",
            "--fact",
            "パスワードの付箋",
            "--classification",
            "指摘",
        ],
    );
    assert_eq!(f["classification"], "finding");
    assert_refused(
        &d,
        &[
            "finding",
            "add",
            &a_s,
            "--department",
            "総務課",
            "--fact",
            "x",
            "--classification",
            "major",
        ],
        "unknown_classification",
        &["区分「major」", "finding (指摘)", "opinion (意見)"],
    );
}
