//! The committee report of the large demo (60 departments, 242 items, 800 findings, 3,000
//! pieces of evidence), checked with poppler-utils: at most 150 pages, every finding one row,
//! every evidence SHA-256, and every item × department cell of the matrix.

use std::collections::HashMap;
use std::process::Command;

use chrono::NaiveDate;
use tenken_core::demo::{fill, Size};
use tenken_core::export::export;
use tenken_core::{Lang, Store};
use tenken_report::{render_doc, Doc, Issue};

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_large_committee_report_is_short_and_complete() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("data")).unwrap();
    let demo = fill(&mut store, Size::Large).unwrap();
    let e = export(&store, demo.assessment_id).unwrap();
    assert_eq!(e.departments.len(), 60);
    let r = render_doc(
        &e,
        &Doc::Committee,
        Lang::Ja,
        NaiveDate::from_ymd_opt(2027, 1, 15).unwrap(),
        Issue::Draft,
        &mut |_, _| {},
    )
    .unwrap();
    let f = dir.path().join("committee.pdf");
    std::fs::write(&f, &r.bytes).unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(args[0])
            .args(&args[1..])
            .arg(&f)
            .args(if args[0] == "pdftotext" {
                vec!["-"]
            } else {
                vec![]
            })
            .output()
            .expect("poppler-utils");
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let info = run(&["pdfinfo"]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert_eq!(pages, r.pages);
    assert!(pages <= 150, "{pages} pages");

    // Every finding one row: number, department, cited clause and fact, in that order.
    let raw = squash(&run(&["pdftotext", "-raw"]));
    for fd in &e.findings {
        let row = squash(&format!(
            "{}{}{}{}",
            fd.number, fd.department, fd.cited_clause, fd.fact
        ));
        assert!(raw.contains(&row), "finding {} row", fd.number);
    }
    // Every evidence SHA-256, whole on one line.
    let layout = run(&["pdftotext", "-layout"]);
    for ev in &e.evidence {
        if let Some(h) = &ev.sha256 {
            assert!(layout.contains(h.as_str()), "evidence {h}");
        }
    }
    // The matrix: each item's row in every column group; together one symbol per department.
    let symbols = ['○', '△', '×', '－', '未'];
    let items: Vec<&str> = e
        .assessment
        .checklist
        .items
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    let mut cells: HashMap<&str, usize> = HashMap::new();
    let mut groups: HashMap<&str, usize> = HashMap::new();
    for line in layout.lines() {
        let mut words = line.split_whitespace();
        let Some(first) = words.next() else { continue };
        if let Some(id) = items.iter().find(|i| **i == first) {
            let n: usize = words
                .map(|w| {
                    if w.chars().all(|c| symbols.contains(&c)) {
                        w.chars().count()
                    } else {
                        0
                    }
                })
                .sum();
            if n > 0 {
                *cells.entry(id).or_default() += n;
                *groups.entry(id).or_default() += 1;
            }
        }
    }
    for id in &items {
        assert_eq!(
            cells.get(id).copied().unwrap_or(0),
            60,
            "matrix cells of item {id}"
        );
        assert!(
            groups.get(id).copied().unwrap_or(0) >= 3,
            "item {id} in every column group"
        );
    }
}
