//! `tenken report` / `verify-report` end to end: drafts and finals (versions recorded), notices
//! per department and for all, the three verification outcomes with exit 1, and an export file
//! with a value the store would refuse.

mod common;

use common::*;

#[test]
fn finals_are_versioned_and_verify_tells_the_three_cases_apart() {
    let env = Env::new();
    let data = env.data();
    let demo = json(&data, &["demo", "--size", "small"]);
    let a = demo["assessment_id"].as_i64().unwrap().to_string();
    let prev = demo["previous_assessment_id"].as_i64().unwrap().to_string();
    let out = |n: &str| env.path(n).to_str().unwrap().to_string();

    let draft = json(&data, &["report", &a, "--out", &out("draft.pdf")]);
    assert_eq!(draft["draft"], true);
    assert_eq!(draft["version"], serde_json::Value::Null);
    let v1 = json(&data, &["report", &a, "--final", "--out", &out("v1.pdf")]);
    assert_eq!(v1["version"], 1);
    let v2 = json(&data, &["report", &a, "--final", "--out", &out("v2.pdf")]);
    assert_eq!(v2["version"], 2);

    // Match: exit 0, the version named.
    let r = run(&data, &["--json", "verify-report", &out("v2.pdf")]);
    assert!(r.ok(), "{r:?}");
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        (
            v["status"].as_str(),
            v["version"].as_i64(),
            v["match"].as_bool()
        ),
        (Some("match"), Some(2), Some(true))
    );
    let human = ok(&data, &["verify-report", &out("v2.pdf")]);
    assert!(human.contains("第2版"), "{human}");

    // One glyph changed: document altered.
    let bytes = std::fs::read(out("v1.pdf")).unwrap();
    let mut doc = lopdf::Document::load_mem(&bytes).unwrap();
    let page = doc.get_pages()[&2];
    let mut content = doc.get_page_content(page);
    let at = content.windows(2).position(|w| w == b"Tm").unwrap();
    let close = at + content[at..].iter().position(|b| *b == b'>').unwrap();
    content[close - 1] = if content[close - 1] == b'1' {
        b'2'
    } else {
        b'1'
    };
    doc.change_page_content(page, content).unwrap();
    doc.save(out("forged.pdf")).unwrap();
    let r = run(&data, &["--json", "verify-report", &out("forged.pdf")]);
    assert_eq!(r.code, Some(1), "{r:?}");
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["status"], "document_altered");
    let r = run(&data, &["verify-report", &out("forged.pdf")]);
    assert!(r.stdout.contains("文書の改変"), "{r:?}");

    // The wrong assessment: a different assessment.
    let r = run(&data, &["--json", "verify-report", &out("v1.pdf"), &prev]);
    assert_eq!(r.code, Some(1));
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["status"], "different_assessment");
    assert!(run(&data, &["verify-report", &out("v1.pdf"), &prev])
        .stdout
        .contains("別の監査"));

    // Records changed since.
    ok(
        &data,
        &[
            "remark",
            "add",
            &a,
            "--kind",
            "good",
            "報告書の後に追加した良好事項。",
        ],
    );
    let r = run(&data, &["--json", "verify-report", &out("v1.pdf")]);
    assert_eq!(r.code, Some(1));
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["status"], "records_changed");
    assert!(v["changes"].as_array().is_some_and(|c| !c.is_empty()));

    // Notices: one department, and all into a folder (versions per department).
    let n = json(
        &data,
        &[
            "report",
            &a,
            "--department",
            "総務課",
            "--final",
            "--out",
            &out("n.pdf"),
        ],
    );
    assert_eq!(
        (n["department"].as_str(), n["version"].as_i64()),
        (Some("総務課"), Some(1))
    );
    let all = json(
        &data,
        &[
            "report",
            &a,
            "--all-departments",
            "--final",
            "--out",
            &out("notices"),
        ],
    );
    let files = all["files"].as_array().unwrap();
    assert_eq!(files.len(), 5);
    let somu = files.iter().find(|f| f["department"] == "総務課").unwrap();
    assert_eq!(somu["version"], 2);
    for f in files {
        assert!(
            ok(&data, &["verify-report", f["file"].as_str().unwrap()]).contains("への監査結果通知")
        );
    }
    assert!(!run(
        &data,
        &[
            "report",
            &a,
            "--department",
            "存在しない課",
            "--out",
            &out("x.pdf")
        ]
    )
    .ok());
    assert!(!env.path("x.pdf").exists());
}

#[test]
fn an_export_with_a_rating_not_in_the_scale_makes_no_report() {
    let env = Env::new();
    let data = env.data();
    let demo = json(&data, &["demo", "--size", "small"]);
    let a = demo["assessment_id"].as_i64().unwrap().to_string();
    let mut e = json(&data, &["export", &a]);
    e["answers"][2]["rating"] = "excellent".into();
    let file = env.file("bad.json", serde_json::to_string(&e).unwrap().as_bytes());
    let pdf = env.path("bad.pdf");
    let r = run(
        &data,
        &[
            "--json",
            "report",
            "--from-export",
            file.to_str().unwrap(),
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, Some(1), "{r:?}");
    let err: serde_json::Value =
        serde_json::from_str(r.stdout.trim().lines().last().unwrap_or("{}")).unwrap_or_default();
    let text = format!("{} {}", r.stdout, r.stderr);
    assert!(text.contains("excellent"), "{text}");
    assert!(
        text.contains(e["answers"][2]["item_id"].as_str().unwrap()),
        "names the item: {text}"
    );
    assert!(!err.is_null());
    assert!(!pdf.exists(), "no PDF written");
}
