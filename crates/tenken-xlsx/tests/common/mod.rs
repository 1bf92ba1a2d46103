//! Shared helpers: a store on a fixed clock, a self-inspection with two departments, reading a
//! generated sheet with calamine, and playing the department (filling cells in the zip).
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use calamine::{Data, Reader, Xlsx};
use tenken_core::checklist::{Bank, Checklist};
use tenken_core::clock::FixedClock;
use tenken_core::store::{NewAssessment, Response, Store};
use tenken_core::{AssessmentKind, ClassificationScheme, ScaleKind};
use tenken_xlsx::{cell_name, ANSWER_COL, FIRST_ROW, ITEM_COL, MAIN_SHEET, NOTE_COL};

pub const CLOCK_START: &str = "2026-10-01T09:00:00Z";

/// Outputs of the store's tests: outside its data folder, replacing files of earlier steps.
pub fn out_of(store: &Store) -> tenken_core::output::Output {
    tenken_core::output::Output::new(store.dir(), true)
}

pub fn store(dir: &Path) -> Store {
    Store::open_with(
        dir,
        Arc::new(FixedClock::at(CLOCK_START)),
        "監査 太郎".into(),
    )
    .unwrap()
}

pub fn self_staff() -> Checklist {
    Bank::builtin().unwrap().get("self_staff").unwrap().clone()
}

/// An organisation and a self-inspection over `checklist` with 総務課 and 市民課.
pub fn self_inspection(store: &mut Store, checklist: Checklist) -> i64 {
    let org = store.add_organisation("東雲市", None).unwrap().id;
    let a = store
        .create_assessment(&NewAssessment {
            organisation_id: org,
            fiscal_year: 2026,
            kind: AssessmentKind::SelfInspection,
            title: "令和8年度 情報セキュリティ自己点検".into(),
            period_start: None,
            period_end: None,
            auditors: vec!["監査 太郎".into()],
            scale: ScaleKind::SelfInspection,
            classification: ClassificationScheme::FourLevel,
            checklist,
            policy_document_id: None,
            standards_document_id: None,
            profile: Default::default(),
            previous_assessment_id: None,
        })
        .unwrap();
    store.add_department(a.id, "総務課").unwrap();
    store.add_department(a.id, "市民課").unwrap();
    a.id
}

/// What must not change when a file is refused: every answer and the audit log's length.
pub fn snapshot(store: &Store, a: i64) -> (Vec<Response>, usize) {
    (
        store.answers(a, None).unwrap(),
        store.audit_log(None).unwrap().len(),
    )
}

/// Item id → 0-based row, found by reading the generated file with calamine.
pub fn item_rows(file: &Path) -> HashMap<String, u32> {
    let mut wb: Xlsx<_> = calamine::open_workbook(file).unwrap();
    let range = wb.worksheet_range(MAIN_SHEET).unwrap();
    let mut out = HashMap::new();
    let mut r = FIRST_ROW;
    while let Some(Data::String(id)) = range.get_value((r, ITEM_COL as u32)) {
        out.insert(id.clone(), r);
        r += 1;
    }
    out
}

/// The text of a cell of 点検表.
pub fn cell_text(file: &Path, row: u32, col: u16) -> String {
    let mut wb: Xlsx<_> = calamine::open_workbook(file).unwrap();
    let range = wb.worksheet_range(MAIN_SHEET).unwrap();
    match range.get_value((row, col as u32)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Empty) | None => String::new(),
        Some(d) => d.to_string(),
    }
}

/// Plays the department: writes a filled copy of `src` to `dst` with (item, answer, note).
pub fn fill(src: &Path, dst: &Path, answers: &[(&str, &str, Option<&str>)]) {
    let rows = item_rows(src);
    let mut cells = vec![];
    for (item, answer, note) in answers {
        let r = rows[*item];
        cells.push((cell_name(r, ANSWER_COL), answer.to_string()));
        if let Some(n) = note {
            cells.push((cell_name(r, NOTE_COL), n.to_string()));
        }
    }
    tenken_xlsx::fill_cells(src, dst, &cells).unwrap();
}

/// One part of the zip, as text.
pub fn zip_part(file: &Path, name: &str) -> String {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}
