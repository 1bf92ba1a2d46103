//! The generated files themselves: real data validation, protection, the hidden sheet, the
//! results workbook, and LibreOffice opening them.

mod common;

use std::path::Path;
use std::process::Command;

use calamine::{Data, Reader, Xlsx};
use common::*;
use tenken_core::demo;
use tenken_core::Lang;
use tenken_xlsx::{import, sheets, ImportStatus, FIRST_ROW};

#[test]
fn the_answer_column_has_a_real_dropdown_and_only_input_cells_are_unlocked() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(&dir.path().join("data"));
    let a = self_inspection(&mut s, self_staff());
    let n = s.assessment(a).unwrap().checklist.items.len() as u32;
    let files = sheets(&s, a, dir.path(), &out_of(&s)).unwrap();

    let workbook = zip_part(&files[0], "xl/workbook.xml");
    let names: Vec<&str> = workbook
        .match_indices("<sheet name=\"")
        .map(|(i, m)| &workbook[i + m.len()..])
        .map(|t| &t[..t.find('"').unwrap()])
        .collect();
    assert_eq!(names, ["記入方法", "点検表", "_tenken"]);
    assert!(
        workbook.contains(r#"<sheet name="_tenken" sheetId="3" state="veryHidden""#),
        "{workbook}"
    );

    let sheet = zip_part(&files[0], "xl/worksheets/sheet2.xml");
    let dv_start = sheet
        .find("<dataValidation type=\"list\"")
        .expect("a list data validation");
    let dv = &sheet[dv_start..dv_start + sheet[dv_start..].find("</dataValidation>").unwrap()];
    let range = format!("sqref=\"F{}:F{}\"", FIRST_ROW + 1, FIRST_ROW + n);
    assert!(
        dv.contains(&range),
        "validation covers every answer cell ({range}): {dv}"
    );
    assert!(dv.contains("<formula1>\"実施している,一部実施している,実施していない,わからない,該当なし\"</formula1>"), "{dv}");
    assert!(sheet.contains("<sheetProtection"), "the sheet is protected");

    // The answer and note cells use an unlocked style; the question cells do not.
    let styles = zip_part(&files[0], "xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs").unwrap()..styles.find("</cellXfs>").unwrap()];
    let xf: Vec<&str> = xfs.split("<xf ").skip(1).collect();
    let style_of = |cell: &str| -> usize {
        let i = sheet.find(&format!("<c r=\"{cell}\"")).unwrap();
        let tag = &sheet[i..i + sheet[i..].find('>').unwrap()];
        tag.split_once(" s=\"")
            .map(|(_, r)| r[..r.find('"').unwrap()].parse().unwrap())
            .unwrap_or(0)
    };
    let unlocked = |cell: &str| xf[style_of(cell)].contains("locked=\"0\"");
    let first = FIRST_ROW + 1;
    assert!(unlocked(&format!("F{first}")) && unlocked(&format!("G{first}")));
    assert!(!unlocked(&format!("A{first}")) && !unlocked(&format!("D{first}")));
}

#[test]
fn the_hidden_sheet_identifies_assessment_department_and_checklist() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(&dir.path().join("data"));
    let a = self_inspection(&mut s, self_staff());
    let files = sheets(&s, a, dir.path(), &out_of(&s)).unwrap();
    let mut wb: Xlsx<_> = calamine::open_workbook(&files[1]).unwrap();
    let r = wb.worksheet_range("_tenken").unwrap();
    let kv = |row: u32| match (r.get_value((row, 0)), r.get_value((row, 1))) {
        (Some(Data::String(k)), Some(Data::String(v))) => (k.clone(), v.clone()),
        other => panic!("{other:?}"),
    };
    let a_row = s.assessment(a).unwrap();
    let d = s.department(a, "市民課").unwrap();
    assert_eq!(kv(0), ("format".into(), "tenken-xlsx/1".into()));
    assert_eq!(kv(1), ("assessment_id".into(), a.to_string()));
    assert_eq!(kv(3), ("assessment_title".into(), a_row.title.clone()));
    assert_eq!(kv(4), ("department_id".into(), d.id.to_string()));
    assert_eq!(kv(5), ("department_name".into(), "市民課".into()));
    assert_eq!(kv(6), ("checklist_id".into(), "self_staff".into()));
    assert_eq!(
        kv(7),
        ("checklist_version".into(), a_row.checklist.version.clone())
    );
    assert_eq!(kv(9).0, "issued_at");
    assert!(kv(9).1.starts_with("2026-10-01T09:"));
    assert_eq!(
        kv(11),
        (
            "items_digest".into(),
            tenken_xlsx::items_digest(a_row.checklist.items.iter().map(|i| i.id.as_str()))
        )
    );
}

#[test]
fn department_names_become_safe_file_names() {
    assert_eq!(tenken_xlsx::file_name_for("総務課"), "総務課");
    assert_eq!(tenken_xlsx::file_name_for("企画/財政課"), "企画_財政課");
    assert_eq!(tenken_xlsx::file_name_for("a:b*c?\"<>|"), "a_b_c_____");
    assert_eq!(tenken_xlsx::file_name_for("CON"), "_CON");
    assert_eq!(tenken_xlsx::file_name_for(" ..."), "部署");
}

#[test]
fn results_workbook_has_matrix_findings_and_evidence_with_filters() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(&dir.path().join("data"));
    let rep = demo::fill(&mut s, demo::Size::Small).unwrap();
    let a = rep.assessment_id;
    let out = dir.path().join("結果.xlsx");
    tenken_xlsx::results(&s, a, &out, &out_of(&s)).unwrap();
    let mut wb: Xlsx<_> = calamine::open_workbook(&out).unwrap();
    assert_eq!(wb.sheet_names(), ["結果", "指摘事項", "証跡"]);
    let m = wb.worksheet_range("結果").unwrap();
    let deps = s.departments(a).unwrap();
    let items = s.assessment(a).unwrap().checklist.items.len();
    assert_eq!(
        m.get_value((0, 4)),
        Some(&Data::String(deps[0].name.clone()))
    );
    assert_eq!(m.height(), items + 1);
    // Every answered rating appears as its label.
    for r in s
        .answers(a, None)
        .unwrap()
        .iter()
        .filter(|r| r.rating.is_some())
        .take(50)
    {
        let row = s
            .assessment(a)
            .unwrap()
            .checklist
            .items
            .iter()
            .position(|i| i.id == r.item_id)
            .unwrap() as u32
            + 1;
        let col = deps.iter().position(|d| d.id == r.department_id).unwrap() as u32 + 4;
        let label =
            tenken_core::ScaleKind::Audit.rating_label(r.rating.as_deref().unwrap(), Lang::Ja);
        assert_eq!(m.get_value((row, col)), Some(&Data::String(label)));
    }
    let f = wb.worksheet_range("指摘事項").unwrap();
    assert_eq!(f.height(), s.findings(a).unwrap().len() + 1);
    let e = wb.worksheet_range("証跡").unwrap();
    let ev = s.evidence_list(a).unwrap();
    assert_eq!(e.height(), ev.len() + 1);
    let sha = ev
        .iter()
        .find_map(|e| e.sha256.clone())
        .expect("the demo has a file");
    assert!(e
        .rows()
        .any(|row| row.get(6) == Some(&Data::String(sha.clone()))));
    for part in [
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
        "xl/worksheets/sheet3.xml",
    ] {
        let xml = zip_part(&out, part);
        assert!(xml.contains("<autoFilter ref=\"A1:"), "{part}: autofilter");
        assert!(xml.contains("state=\"frozen\""), "{part}: frozen header");
    }
    let findings_xml = zip_part(&out, "xl/worksheets/sheet2.xml");
    assert!(
        findings_xml.contains("<autoFilter ref=\"A1:M"),
        "findings: all 13 columns filterable"
    );
}

fn libreoffice() -> Option<&'static str> {
    ["libreoffice", "soffice"].into_iter().find(|b| {
        Command::new(b)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// Converts with LibreOffice headless into `outdir`; its own profile dir so that parallel runs
/// (and a desktop LibreOffice) do not collide.
fn convert(
    bin: &str,
    file: &Path,
    to: &str,
    outdir: &Path,
    profile: &Path,
) -> std::process::Output {
    Command::new(bin)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
        .arg(outdir)
        .arg(file)
        .output()
        .unwrap()
}

#[test]
fn libreoffice_opens_generated_files_and_its_resave_imports() {
    let Some(bin) = libreoffice() else {
        println!("NOTE: libreoffice not installed (apt-get install libreoffice-calc); skipping the LibreOffice check");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(&dir.path().join("data"));
    let a = self_inspection(&mut s, self_staff());
    let files = sheets(&s, a, &dir.path().join("sheets"), &out_of(&s)).unwrap();
    let results = dir.path().join("results.xlsx");
    tenken_xlsx::results(&s, a, &results, &out_of(&s)).unwrap();
    let profile = dir.path().join("lo-profile");
    let csv_dir = dir.path().join("csv");
    for f in [&files[0], &results] {
        let out = convert(bin, f, "csv", &csv_dir, &profile);
        assert!(
            out.status.success(),
            "{}: {}",
            f.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let csv = csv_dir.join(f.with_extension("csv").file_name().unwrap());
        let bytes = std::fs::read(&csv).unwrap_or_else(|e| {
            panic!(
                "{}: {e}\n{}",
                csv.display(),
                String::from_utf8_lossy(&out.stdout)
            )
        });
        assert!(!bytes.is_empty());
    }

    // A department using LibreOffice: it answers, LibreOffice saves the workbook as .xlsx again,
    // and tenken still reads the result (hidden sheet, validation and all).
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
    fill(
        &files[0],
        &filled,
        &[
            (&items[0], "実施している", Some("LibreOffice で記入")),
            (&items[1], "該当なし", None),
        ],
    );
    let resaved_dir = dir.path().join("resaved");
    let out = convert(
        bin,
        &filled,
        "xlsx:Calc MS Excel 2007 XML",
        &resaved_dir,
        &profile,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let resaved = resaved_dir.join("総務課.xlsx");
    let sheet = zip_part(&resaved, "xl/worksheets/sheet2.xml");
    assert!(
        sheet.contains("type=\"list\""),
        "LibreOffice keeps the dropdown"
    );
    let r = import(&mut s, &resaved).unwrap();
    assert_eq!(
        r.status,
        ImportStatus::Imported,
        "{}",
        r.localized(Lang::Ja)
    );
    assert_eq!(r.changed.len(), 2);
    let got = s.answer(a, "総務課", &items[0]).unwrap().unwrap();
    assert_eq!(
        (got.rating.as_deref(), got.note.as_str()),
        (Some("implemented"), "LibreOffice で記入")
    );
}
