//! The Excel round trip on a real store: generate → fill (as the department would) → import,
//! and every way a returned file can be wrong, each leaving the store unchanged.

mod common;

use common::*;
use tenken_core::store::AnswerChange;
use tenken_core::Lang;
use tenken_xlsx::{
    cell_name, import, import_with, sheets, ConflictPolicy, ImportOptions, ImportStatus,
    ANSWER_COL, NOTE_COL,
};

fn answer(store: &tenken_core::Store, a: i64, dept: &str, item: &str) -> (Option<String>, String) {
    store
        .answer(a, dept, item)
        .unwrap()
        .map(|r| (r.rating, r.note))
        .unwrap_or_default()
}

#[test]
fn round_trip_fills_the_store_and_reimport_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(&dir.path().join("data"));
    let a = self_inspection(&mut s, self_staff());
    let items: Vec<String> = s
        .assessment(a)
        .unwrap()
        .checklist
        .items
        .iter()
        .map(|i| i.id.clone())
        .collect();
    // An answer given before the sheets go out is pre-filled.
    s.record_answer(
        a,
        "総務課",
        &items[0],
        &AnswerChange {
            rating: Some("implemented".into()),
            note: Some("面談で確認".into()),
        },
    )
    .unwrap();

    let out = dir.path().join("out");
    let files = sheets(&s, a, &out, &out_of(&s)).unwrap();
    let names: Vec<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().to_string())
        .collect();
    assert_eq!(names, ["総務課.xlsx", "市民課.xlsx"]);
    let rows = item_rows(&files[0]);
    assert_eq!(rows.len(), items.len());
    assert_eq!(
        cell_text(&files[0], rows[&items[0]], ANSWER_COL),
        "実施している"
    );
    assert_eq!(
        cell_text(&files[0], rows[&items[0]], NOTE_COL),
        "面談で確認"
    );

    // The department answers every item, with labels exactly as the dropdown offers them.
    let labels = [
        "実施している",
        "一部実施している",
        "実施していない",
        "わからない",
        "該当なし",
    ];
    let notes: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(i, _)| {
            if i % 3 == 0 {
                format!("備考 {i} <&>")
            } else {
                String::new()
            }
        })
        .collect();
    let filled_answers: Vec<(&str, &str, Option<&str>)> = items
        .iter()
        .enumerate()
        .map(|(i, id)| {
            (
                id.as_str(),
                labels[i % labels.len()],
                Some(notes[i].as_str()),
            )
        })
        .collect();
    let filled = dir.path().join("返送_総務課.xlsx");
    fill(&files[0], &filled, &filled_answers);

    let log_before = s.audit_log(None).unwrap().len();
    let r = import(&mut s, &filled).unwrap();
    assert_eq!(
        r.status,
        ImportStatus::Imported,
        "{}",
        r.localized(Lang::Ja)
    );
    assert!(r.problems.is_empty() && r.conflicts.is_empty());
    let keys = [
        "implemented",
        "partial",
        "not_implemented",
        "unknown",
        "not_applicable",
    ];
    for (i, id) in items.iter().enumerate() {
        assert_eq!(
            answer(&s, a, "総務課", id),
            (Some(keys[i % keys.len()].to_string()), notes[i].clone()),
            "{id}"
        );
    }
    // items[0] was already 実施している with its note replaced by "備考 0 <&>": all items change.
    assert_eq!(r.changed.len(), items.len());
    let log = s.audit_log(None).unwrap();
    assert_eq!(
        log.len(),
        log_before + items.len(),
        "one audit-log entry per changed answer"
    );
    assert!(log[log_before..].iter().all(|e| e.action == "answer.set"));
    // 市民課 untouched.
    assert!(s.answers(a, Some("市民課")).unwrap().is_empty());
    assert!(r
        .localized(Lang::Ja)
        .contains(&format!("{} 件を取り込みました", items.len())));

    // The same file again: nothing changes, no audit-log entry.
    let before = snapshot(&s, a);
    let r = import(&mut s, &filled).unwrap();
    assert_eq!(
        r.status,
        ImportStatus::Unchanged,
        "{}",
        r.localized(Lang::Ja)
    );
    assert_eq!(r.unchanged, items.len());
    assert_eq!(snapshot(&s, a), before);

    // A fresh sheet now carries the imported answers.
    let again = sheets(&s, a, &dir.path().join("out2"), &out_of(&s)).unwrap();
    let rows = item_rows(&again[0]);
    assert_eq!(
        cell_text(&again[0], rows[&items[1]], ANSWER_COL),
        "一部実施している"
    );
}

#[test]
fn a_value_outside_the_scale_names_file_cell_and_value_and_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(&dir.path().join("data"));
    let a = self_inspection(&mut s, self_staff());
    let files = sheets(&s, a, dir.path(), &out_of(&s)).unwrap();
    let items: Vec<String> = s
        .assessment(a)
        .unwrap()
        .checklist
        .items
        .iter()
        .map(|i| i.id.clone())
        .collect();
    let filled = dir.path().join("filled").join("総務課.xlsx");
    std::fs::create_dir_all(filled.parent().unwrap()).unwrap();
    // Good answers beside one bad one and one bad-but-close one: the file is refused whole.
    fill(
        &files[0],
        &filled,
        &[
            (&items[0], "実施している", None),
            (&items[5], "はい", None),
            (&items[6], "○", Some("x")),
        ],
    );
    let before = snapshot(&s, a);
    let r = import(&mut s, &filled).unwrap();
    assert_eq!(r.status, ImportStatus::Refused);
    assert_eq!(snapshot(&s, a), before, "nothing imported");
    let rows = item_rows(&files[0]);
    let cell = cell_name(rows[&items[5]], ANSWER_COL);
    let msgs: Vec<String> = r.problems.iter().map(|p| p.message(Lang::Ja)).collect();
    assert_eq!(msgs.len(), 2, "every bad cell is reported: {msgs:?}");
    assert!(
        msgs[0].starts_with(&format!("総務課.xlsx!{cell}: 「はい」は選択肢にありません")),
        "{}",
        msgs[0]
    );
    assert!(msgs[0]
        .contains("実施している / 一部実施している / 実施していない / わからない / 該当なし"));
    assert!(msgs[1].contains(&format!(
        "総務課.xlsx!{}: 「○」",
        cell_name(rows[&items[6]], ANSWER_COL)
    )));
    let en = r.problems[0].message(Lang::En);
    assert!(
        en.starts_with(&format!(
            "総務課.xlsx!{cell}: \"はい\" is not one of the choices"
        )),
        "{en}"
    );
    let json = r.json(Lang::Ja);
    assert_eq!(json["ok"], false);
    assert_eq!(json["problems"][0]["code"], "xlsx-not-in-choices");
    assert_eq!(json["problems"][0]["cell"], cell.as_str());
}

#[test]
fn a_conflict_refuses_the_file_unless_a_side_is_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(&dir.path().join("data"));
    let a = self_inspection(&mut s, self_staff());
    let items: Vec<String> = s
        .assessment(a)
        .unwrap()
        .checklist
        .items
        .iter()
        .map(|i| i.id.clone())
        .collect();
    let (x, y, z) = (&items[0], &items[1], &items[2]);
    s.record_answer(
        a,
        "総務課",
        x,
        &AnswerChange {
            rating: Some("implemented".into()),
            note: None,
        },
    )
    .unwrap();
    s.record_answer(
        a,
        "総務課",
        z,
        &AnswerChange {
            rating: Some("implemented".into()),
            note: None,
        },
    )
    .unwrap();
    let files = sheets(&s, a, dir.path(), &out_of(&s)).unwrap();
    // After issuing, the auditor changes x and z in tenken.
    s.record_answer(
        a,
        "総務課",
        x,
        &AnswerChange {
            rating: Some("not_implemented".into()),
            note: None,
        },
    )
    .unwrap();
    s.record_answer(
        a,
        "総務課",
        z,
        &AnswerChange {
            rating: Some("partial".into()),
            note: None,
        },
    )
    .unwrap();
    // The department changes x too (conflict), answers y, and leaves z as issued (no conflict:
    // tenken's newer value stays).
    let filled = dir.path().join("filled.xlsx");
    fill(
        &files[0],
        &filled,
        &[(x, "一部実施している", None), (y, "実施している", None)],
    );

    let before = snapshot(&s, a);
    let r = import(&mut s, &filled).unwrap();
    assert_eq!(r.status, ImportStatus::Refused);
    assert_eq!(snapshot(&s, a), before, "a conflict refuses the whole file");
    assert_eq!(r.conflicts.len(), 1, "{:?}", r.conflicts);
    let c = &r.conflicts[0];
    assert_eq!(
        (c.item_id.as_str(), c.department.as_str(), c.field.as_str()),
        (x.as_str(), "総務課", "rating")
    );
    assert_eq!(
        (c.tenken.as_str(), c.sheet.as_str()),
        ("実施していない", "一部実施している")
    );
    let text = r.localized(Lang::Ja);
    assert!(
        text.contains("tenken では「実施していない」、シートでは「一部実施している」"),
        "{text}"
    );
    assert!(text.contains("--accept-sheet"), "{text}");

    // --keep-tenken: x stays, y is imported, z stays.
    let r = import_with(
        &mut s,
        &filled,
        &ImportOptions {
            on_conflict: ConflictPolicy::Tenken,
            dry_run: false,
        },
    )
    .unwrap();
    assert_eq!(r.status, ImportStatus::Imported);
    assert_eq!(r.changed, vec![y.clone()]);
    assert_eq!(
        answer(&s, a, "総務課", x).0.as_deref(),
        Some("not_implemented")
    );
    assert_eq!(answer(&s, a, "総務課", y).0.as_deref(), Some("implemented"));
    assert_eq!(answer(&s, a, "総務課", z).0.as_deref(), Some("partial"));

    // --accept-sheet: the sheet's x wins; z (untouched on the sheet) still stays.
    let r = import_with(
        &mut s,
        &filled,
        &ImportOptions {
            on_conflict: ConflictPolicy::Sheet,
            dry_run: false,
        },
    )
    .unwrap();
    assert_eq!(r.status, ImportStatus::Imported);
    assert_eq!(r.changed, vec![x.clone()]);
    assert_eq!(answer(&s, a, "総務課", x).0.as_deref(), Some("partial"));
    assert_eq!(answer(&s, a, "総務課", z).0.as_deref(), Some("partial"));
    // And now the file agrees with tenken: importing it again changes nothing, with no conflict.
    let before = snapshot(&s, a);
    let r = import(&mut s, &filled).unwrap();
    assert_eq!((r.status, r.conflicts.len()), (ImportStatus::Unchanged, 0));
    assert_eq!(snapshot(&s, a), before);
}

#[test]
fn sheets_of_another_assessment_or_checklist_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    // The sheet comes from store A.
    let mut sa = store(&dir.path().join("a"));
    let a = self_inspection(&mut sa, self_staff());
    let items: Vec<String> = sa
        .assessment(a)
        .unwrap()
        .checklist
        .items
        .iter()
        .map(|i| i.id.clone())
        .collect();
    let files = sheets(&sa, a, &dir.path().join("out"), &out_of(&sa)).unwrap();
    let filled = dir.path().join("filled.xlsx");
    fill(&files[0], &filled, &[(&items[0], "実施している", None)]);

    let check = |s: &mut tenken_core::Store, a: i64, code: &str, expect: &str| {
        let before = snapshot(s, a);
        let r = import(s, &filled).unwrap();
        assert_eq!(r.status, ImportStatus::Refused);
        assert_eq!(r.problems[0].code, code, "{}", r.localized(Lang::Ja));
        let msg = r.problems[0].message(Lang::Ja);
        assert!(msg.contains(expect), "{msg}");
        assert_eq!(snapshot(s, a), before);
    };

    // A store whose assessment 1 is another one (different title, made at another time).
    let mut sb = store(&dir.path().join("b"));
    sb.add_organisation("別の町", None).unwrap();
    let b = self_inspection(&mut sb, self_staff());
    sb.set_summary(b, "x").unwrap();
    check(
        &mut sb,
        b,
        "xlsx-other-assessment",
        "別の点検・監査のシートです",
    );

    // A store without that assessment at all.
    let mut empty = store(&dir.path().join("e"));
    let r = import(&mut empty, &filled).unwrap();
    assert_eq!(r.problems[0].code, "xlsx-unknown-assessment");
    assert!(empty.audit_log(None).unwrap().is_empty());

    // The same assessment (same creation stamp) but an older checklist version.
    let mut sc = store(&dir.path().join("c"));
    let mut old = self_staff();
    old.version = "2025.1".into();
    let c = self_inspection(&mut sc, old);
    check(&mut sc, c, "xlsx-checklist-version", "チェックリストの版が違います（シート: self_staff 2026.1、この点検・監査: self_staff 2025.1）");

    // Same version, but an item list that differs.
    let mut sd = store(&dir.path().join("d"));
    let mut fewer = self_staff();
    fewer.items.pop();
    let d = self_inspection(&mut sd, fewer);
    check(&mut sd, d, "xlsx-item-list", "項目の一覧が違います");

    // The right store accepts it.
    let r = import(&mut sa, &filled).unwrap();
    assert_eq!(
        r.status,
        ImportStatus::Imported,
        "{}",
        r.localized(Lang::Ja)
    );
}

#[test]
fn empty_and_unanswered_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(&dir.path().join("data"));
    let a = self_inspection(&mut s, self_staff());
    let files = sheets(&s, a, dir.path(), &out_of(&s)).unwrap();
    let before = snapshot(&s, a);

    // A 0-byte file.
    let empty = dir.path().join("空.xlsx");
    std::fs::write(&empty, b"").unwrap();
    let r = import(&mut s, &empty).unwrap();
    assert_eq!(r.status, ImportStatus::Refused);
    assert_eq!(r.problems[0].message(Lang::Ja), "空.xlsx: 空のファイルです");
    assert_eq!(snapshot(&s, a), before);

    // A sheet returned without a single answer: valid, nothing to change.
    let r = import(&mut s, &files[1]).unwrap();
    assert_eq!(
        r.status,
        ImportStatus::Unchanged,
        "{}",
        r.localized(Lang::Ja)
    );
    assert_eq!(snapshot(&s, a), before);

    // A missing file.
    let r = import(&mut s, &dir.path().join("ない.xlsx")).unwrap();
    assert_eq!(r.problems[0].code, "xlsx-unreadable");
    assert_eq!(snapshot(&s, a), before);
}

#[test]
fn corrupted_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(&dir.path().join("data"));
    let a = self_inspection(&mut s, self_staff());
    let files = sheets(&s, a, dir.path(), &out_of(&s)).unwrap();
    let before = snapshot(&s, a);
    let bytes = std::fs::read(&files[0]).unwrap();

    // Random bytes (fixed-seed xorshift).
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let noise: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    let random = dir.path().join("random.xlsx");
    std::fs::write(&random, noise).unwrap();
    // A zip cut in half (a mail attachment that did not arrive whole).
    let truncated = dir.path().join("truncated.xlsx");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    // The zip's head only.
    let head = dir.path().join("head.xlsx");
    std::fs::write(&head, &bytes[..200]).unwrap();
    for f in [&random, &truncated, &head] {
        let r = import(&mut s, f).unwrap();
        assert_eq!(r.status, ImportStatus::Refused);
        assert_eq!(
            r.problems[0].code,
            "xlsx-not-xlsx",
            "{}",
            r.localized(Lang::Ja)
        );
        assert!(r.problems[0]
            .message(Lang::Ja)
            .contains("Excel ファイル（.xlsx）として読めません"));
        assert_eq!(snapshot(&s, a), before);
    }

    // A real workbook that tenken did not issue.
    let other = dir.path().join("results.xlsx");
    tenken_xlsx::results(&s, a, &other, &out_of(&s)).unwrap();
    let r = import(&mut s, &other).unwrap();
    assert_eq!(r.problems[0].code, "xlsx-no-meta");
    assert_eq!(snapshot(&s, a), before);
}

#[test]
fn rows_moved_or_added_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(&dir.path().join("data"));
    let a = self_inspection(&mut s, self_staff());
    let files = sheets(&s, a, dir.path(), &out_of(&s)).unwrap();
    let items: Vec<String> = s
        .assessment(a)
        .unwrap()
        .checklist
        .items
        .iter()
        .map(|i| i.id.clone())
        .collect();
    let rows = item_rows(&files[0]);
    // Someone unprotected the sheet and typed over an item id.
    let moved = dir.path().join("moved.xlsx");
    let r0 = rows[&items[0]];
    tenken_xlsx::fill_cells(&files[0], &moved, &[(cell_name(r0, 0), items[1].clone())]).unwrap();
    let before = snapshot(&s, a);
    let r = import(&mut s, &moved).unwrap();
    assert_eq!(r.problems[0].code, "xlsx-item-moved");
    assert!(r.problems[0].message(Lang::Ja).starts_with(&format!(
        "moved.xlsx!A{}: 項目ID は「{}」のはず",
        r0 + 1,
        items[0]
    )));
    assert_eq!(snapshot(&s, a), before);
}

#[test]
fn record_answers_validates_everything_before_writing_anything() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(&dir.path().join("data"));
    let a = self_inspection(&mut s, self_staff());
    let items: Vec<String> = s
        .assessment(a)
        .unwrap()
        .checklist
        .items
        .iter()
        .map(|i| i.id.clone())
        .collect();
    let ch = |r: &str| AnswerChange {
        rating: Some(r.into()),
        note: None,
    };
    let before = snapshot(&s, a);
    let e = s
        .record_answers(
            a,
            "総務課",
            &[
                (items[0].clone(), ch("実施している")),
                ("NO-SUCH".into(), ch("実施している")),
            ],
        )
        .unwrap_err();
    assert_eq!(e.code(), "unknown_item");
    let e = s
        .record_answers(
            a,
            "総務課",
            &[
                (items[0].clone(), ch("実施している")),
                (items[1].clone(), ch("はい")),
            ],
        )
        .unwrap_err();
    assert_eq!(e.code(), "rating_not_in_scale");
    assert_eq!(snapshot(&s, a), before);
    // Two changes, one entry each, one transaction; the same again writes nothing.
    let batch = [
        (items[0].clone(), ch("実施している")),
        (
            items[1].clone(),
            AnswerChange {
                rating: Some("partial".into()),
                note: Some("n".into()),
            },
        ),
    ];
    assert_eq!(s.record_answers(a, "総務課", &batch).unwrap().len(), 2);
    assert_eq!(s.audit_log(None).unwrap().len(), before.1 + 2);
    assert!(s.record_answers(a, "総務課", &batch).unwrap().is_empty());
    assert_eq!(s.audit_log(None).unwrap().len(), before.1 + 2);
    assert!(
        tenken_core::verify::verify(&s).unwrap().ok,
        "the audit-log chain stays valid"
    );
}

/// Rewrites one cell of 「点検表」 (`xl/worksheets/sheet2.xml`) as a formula with no saved
/// result, as some tools write them.
fn formula_without_value(src: &std::path::Path, dst: &std::path::Path, cell: &str) {
    use std::io::{Read, Write};
    let mut zin = zip::ZipArchive::new(std::fs::File::open(src).unwrap()).unwrap();
    let mut zout = zip::ZipWriter::new(std::fs::File::create(dst).unwrap());
    for i in 0..zin.len() {
        let mut e = zin.by_index(i).unwrap();
        let name = e.name().unwrap().to_string();
        let mut body = vec![];
        e.read_to_end(&mut body).unwrap();
        if name == "xl/worksheets/sheet2.xml" {
            let xml = String::from_utf8(body).unwrap();
            let open = format!("<c r=\"{cell}\"");
            let start = xml.find(&open).unwrap();
            let tag_end = start + xml[start..].find('>').unwrap();
            let end = if xml[..tag_end].ends_with('/') {
                tag_end + 1
            } else {
                tag_end + xml[tag_end..].find("</c>").unwrap() + 4
            };
            body = format!(
                "{}<c r=\"{cell}\" t=\"str\"><f>IF(TRUE,\"○\",\"\")</f></c>{}",
                &xml[..start],
                &xml[end..]
            )
            .into_bytes();
        }
        zout.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zout.write_all(&body).unwrap();
    }
    zout.finish().unwrap();
}

#[test]
fn a_formula_without_its_value_and_a_huge_or_control_character_note_are_refused_by_cell() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(&dir.path().join("data"));
    let a = self_inspection(&mut s, self_staff());
    let items: Vec<String> = s
        .assessment(a)
        .unwrap()
        .checklist
        .items
        .iter()
        .map(|i| i.id.clone())
        .collect();
    s.record_answer(
        a,
        "総務課",
        &items[0],
        &AnswerChange {
            rating: Some("implemented".into()),
            note: None,
        },
    )
    .unwrap();
    let files = sheets(&s, a, &dir.path().join("out"), &out_of(&s)).unwrap();
    let rows = item_rows(&files[0]);
    let before = snapshot(&s, a);

    // The formula cell would read as blank and clear the stored rating: refused, naming it.
    let cell = cell_name(rows[&items[0]], ANSWER_COL);
    let f = dir.path().join("formula.xlsx");
    formula_without_value(&files[0], &f, &cell);
    let r = import(&mut s, &f).unwrap();
    assert_eq!(r.status, ImportStatus::Refused);
    assert!(
        r.problems
            .iter()
            .any(|p| p.code == "xlsx-formula-no-value" && p.cell.as_deref() == Some(cell.as_str())),
        "{:?}",
        r.problems
    );
    assert_eq!(snapshot(&s, a), before);

    let huge = "あ".repeat(40_000);
    let g = dir.path().join("filled").join("総務課.xlsx");
    std::fs::create_dir_all(g.parent().unwrap()).unwrap();
    fill(
        &files[0],
        &g,
        &[
            (&items[1], "実施している", Some(&huge)),
            (&items[2], "実施している", Some("見た\u{1b}[2J")),
        ],
    );
    let r = import(&mut s, &g).unwrap();
    assert_eq!(r.status, ImportStatus::Refused);
    let msgs: Vec<String> = r.problems.iter().map(|p| p.message(Lang::Ja)).collect();
    assert!(
        msgs.iter()
            .any(|m| m.contains(&cell_name(rows[&items[1]], NOTE_COL)) && m.contains("10,000")),
        "{msgs:?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m.contains(&cell_name(rows[&items[2]], NOTE_COL)) && m.contains("U+001B")),
        "{msgs:?}"
    );
    assert!(
        msgs.iter().all(|m| m.len() < 1_000),
        "no message echoes the whole value"
    );
    assert_eq!(snapshot(&s, a), before);
}
