//! `tenken scope …` end to end on the small demo: a role takes items out of a department's
//! scope, and the counts, the Excel answer sheets (and their import), the results workbook,
//! the notice and the committee report follow; answers to out-of-scope items are refused with
//! the store unchanged; answers stored before stay stored, not counted.

mod common;

use std::io::Read;
use std::path::Path;
use std::process::Command;

use common::*;

/// The CSIRT item (respondent tier executive): not asked of an ordinary department.
const CSIRT: &str = "AU-01-00-014";

fn xlsx_strings(path: &Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name("xl/sharedStrings.xml")
        .unwrap()
        .read_to_string(&mut s)
        .unwrap();
    s
}

fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-raw", path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/setup.sh");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_role_takes_items_out_and_counts_sheets_and_reports_follow() {
    let env = Env::new();
    let data = env.data();
    let demo = json(&data, &["demo", "--size", "small"]);
    let a = demo["assessment_id"].as_i64().unwrap().to_string();
    let path = |n: &str| env.path(n).to_str().unwrap().to_string();

    let before = json(&data, &["scope", "show", &a]);
    let n = before["item_count"].as_u64().unwrap();
    let depts = before["departments"].as_array().unwrap().len() as u64;
    assert!(before["departments"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["items_in"] == n && d["role"].is_null()));
    let listed = |data: &Path| -> (u64, u64) {
        let l = json(data, &["assessment", "list"]);
        let x = l
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"].as_i64() == a.parse().ok())
            .unwrap()
            .clone();
        (
            x["item_count"].as_u64().unwrap(),
            x["answered_count"].as_u64().unwrap(),
        )
    };
    let (items0, answered0) = listed(&data);
    assert_eq!(items0, n * depts);

    // 市民課 becomes an ordinary department.
    let d = json(
        &data,
        &["scope", "role", &a, "--department", "市民課", "general"],
    );
    let (inn, out) = (
        d["items_in"].as_u64().unwrap(),
        d["items_out"].as_u64().unwrap(),
    );
    assert!(out > 0 && inn + out == n, "{d}");
    let hidden = d["hidden_answers"].as_u64().unwrap();
    let (items1, answered1) = listed(&data);
    assert_eq!(items1, n * depts - out);
    assert_eq!(
        answered1,
        answered0 - hidden,
        "hidden answers are not counted"
    );
    let human = ok(&data, &["scope", "show", &a]);
    assert!(
        human.contains("一般の課") && human.contains("対象外"),
        "{human}"
    );

    let per = json(&data, &["scope", "show", &a, "--department", "市民課"]);
    let csirt = per["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["item_id"] == CSIRT)
        .unwrap()
        .clone();
    assert_eq!(
        (csirt["applies"].as_bool(), csirt["by"].as_str()),
        (Some(false), Some("rule"))
    );

    // Answering it is refused, with the store unchanged.
    let fp = fingerprint(&data);
    assert_refused(
        &data,
        &[
            "answer",
            "set",
            &a,
            "--department",
            "市民課",
            "--item",
            CSIRT,
            "--rating",
            "○",
        ],
        "out_of_scope",
        &["範囲外", CSIRT],
    );
    assert_same(
        &fp,
        &fingerprint(&data),
        "after a refused out-of-scope answer",
    );

    // Sheets: 市民課's lists only the items it is asked; 総務課's every item.
    let sheets = env.path("sheets");
    ok(
        &data,
        &["xlsx", "sheets", &a, "--out", sheets.to_str().unwrap()],
    );
    let shimin = xlsx_strings(&sheets.join("市民課.xlsx"));
    assert!(
        !shimin.contains(CSIRT) && shimin.contains("点検範囲外"),
        "市民課 sheet"
    );
    assert!(xlsx_strings(&sheets.join("総務課.xlsx")).contains(CSIRT));
    // Re-importing the fresh sheet changes nothing; after a scope change it is refused.
    let r = json(
        &data,
        &[
            "xlsx",
            "import",
            sheets.join("市民課.xlsx").to_str().unwrap(),
        ],
    );
    assert!(r.to_string().contains("市民課"), "{r}");
    let s = json(
        &data,
        &[
            "scope",
            "set",
            &a,
            "--department",
            "市民課",
            "--item",
            CSIRT,
            "in",
        ],
    );
    assert_eq!(
        (s["applies"].as_bool(), s["by"].as_str()),
        (Some(true), Some("item"))
    );
    let fp = fingerprint(&data);
    let r = run(
        &data,
        &[
            "--json",
            "xlsx",
            "import",
            sheets.join("市民課.xlsx").to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, Some(1), "{r:?}");
    assert!(
        r.stdout.contains("xlsx-item-list") || r.stdout.contains("項目の一覧"),
        "{r:?}"
    );
    assert_same(&fp, &fingerprint(&data), "after a refused stale sheet");
    ok(
        &data,
        &[
            "scope",
            "set",
            &a,
            "--department",
            "市民課",
            "--item",
            CSIRT,
            "default",
        ],
    );

    // The results workbook marks the cell out of scope instead of a rating.
    ok(
        &data,
        &["xlsx", "results", &a, "--out", &path("results.xlsx")],
    );
    assert!(xlsx_strings(&env.path("results.xlsx")).contains("範囲外"));

    // The notice of 市民課 lists only its items; the committee report's matrix says
    // which cells are out of scope (not 対象外) and its counts follow the scope.
    ok(
        &data,
        &[
            "report",
            &a,
            "--department",
            "市民課",
            "--out",
            &path("notice.pdf"),
        ],
    );
    let notice = pdf_text(&env.path("notice.pdf"));
    let findings = json(&data, &["finding", "list", &a]);
    let cited_by_finding = findings
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["department"] == "市民課" && f["item_id"] == CSIRT);
    assert!(
        cited_by_finding || !notice.contains(CSIRT),
        "notice lists an out-of-scope item"
    );
    assert!(
        notice.contains("AU-04-02-001") || notice.contains("AU-06"),
        "in-scope items listed"
    );
    ok(&data, &["report", &a, "--out", &path("report.pdf")]);
    let report = pdf_text(&env.path("report.pdf"));
    assert!(report.contains("範囲外"), "matrix legend");
    let total = (items1).to_string();
    let grouped = if total.len() > 3 {
        format!(
            "{},{}",
            &total[..total.len() - 3],
            &total[total.len() - 3..]
        )
    } else {
        total.clone()
    };
    assert!(
        report.contains(&grouped),
        "the report counts {grouped} items asked"
    );

    // The audit log records each scope change.
    let log = json(&data, &["log", "--limit", "10"]);
    let actions: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert!(actions.contains(&"scope.item"), "{actions:?}");

    // Back to no role: every item, every stored answer counted again.
    ok(
        &data,
        &["scope", "role", &a, "--department", "市民課", "none"],
    );
    assert_eq!(listed(&data), (items0, answered0));
}

#[test]
fn scope_rule_changes_one_cell_and_bad_values_are_refused() {
    let env = Env::new();
    let data = env.data();
    let demo = json(&data, &["demo", "--size", "small"]);
    let a = demo["assessment_id"].as_i64().unwrap().to_string();
    ok(
        &data,
        &["scope", "role", &a, "--department", "市民課", "general"],
    );
    let r = json(
        &data,
        &[
            "scope",
            "rule",
            &a,
            "--tier",
            "executive",
            "--role",
            "general",
            "in",
        ],
    );
    assert_eq!(
        (r["applies"].as_bool(), r["builtin"].as_bool()),
        (Some(true), Some(false))
    );
    let per = json(&data, &["scope", "show", &a, "--department", "市民課"]);
    assert!(per["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["item_id"] == CSIRT && i["applies"] == true));
    let fp = fingerprint(&data);
    assert_refused(
        &data,
        &[
            "scope",
            "set",
            &a,
            "--department",
            "存在しない課",
            "--item",
            CSIRT,
            "out",
        ],
        "unknown_department",
        &["存在しない課"],
    );
    assert_refused(
        &data,
        &[
            "scope",
            "set",
            &a,
            "--department",
            "市民課",
            "--item",
            "AU-99",
            "out",
        ],
        "unknown_item",
        &["AU-99"],
    );
    assert_same(&fp, &fingerprint(&data), "after refused scope changes");
    // A role outside the list is refused by the argument parser (exit 2, nothing written).
    let r = run(
        &data,
        &["scope", "role", &a, "--department", "市民課", "boss"],
    );
    assert_eq!(r.code, Some(2), "{r:?}");
}
