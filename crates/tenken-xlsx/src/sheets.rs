//! `sheets`: one workbook per department in scope.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, Format, FormatAlign, FormatBorder,
    ProtectionOptions, Workbook,
};
use tenken_core::checklist::derive::topic_title;
use tenken_core::checklist::Item;
use tenken_core::output::Output;
use tenken_core::store::{Assessment, Department, Response};
use tenken_core::{Error, Result, Store};

use crate::meta::{items_digest, SheetMeta};
use crate::{label, xlsx_err};

/// The instructions sheet (first).
pub const INSTRUCTIONS_SHEET: &str = "記入方法";
/// The checklist sheet (second: `xl/worksheets/sheet2.xml`).
pub const MAIN_SHEET: &str = "点検表";
/// Column headers of the checklist sheet, in order.
pub const HEADERS: [&str; 7] = [
    "項目ID",
    "引用条項",
    "分野",
    "質問",
    "確認する資料",
    "回答",
    "備考",
];
/// 0-based row of the header; items start on the next row.
pub const HEADER_ROW: u32 = 2;
pub const FIRST_ROW: u32 = HEADER_ROW + 1;
pub const ITEM_COL: u16 = 0;
pub const ANSWER_COL: u16 = 5;
pub const NOTE_COL: u16 = 6;

/// A file name for a department: characters Windows and macOS refuse become `_`, reserved
/// device names get a `_` in front, and nothing is left empty.
pub fn file_name_for(department: &str) -> String {
    let mut s: String = department
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    s = s
        .trim()
        .trim_end_matches(['.', ' '])
        .trim_start_matches('.')
        .to_string();
    if s.is_empty() {
        s = "部署".into();
    }
    let stem = s.split('.').next().unwrap_or("").to_ascii_uppercase();
    let reserved = ["CON", "PRN", "AUX", "NUL"].contains(&stem.as_str())
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit());
    if reserved {
        s.insert(0, '_');
    }
    // Keep names reasonably short (bytes, at a char boundary).
    while s.len() > 120 {
        s.pop();
    }
    s
}

/// Writes one `.xlsx` per department in scope into `out_dir` (created if needed), named
/// `<部署名>.xlsx`; returns the files in scope order. Written through `output` (never into the
/// data folder, never over an existing file unless forced); every target is checked before the
/// first is written, and the files already written are removed when a later one fails.
pub fn sheets(
    store: &Store,
    assessment: i64,
    out_dir: &Path,
    output: &Output,
) -> Result<Vec<PathBuf>> {
    let a = store.assessment(assessment)?;
    let departments = store.departments(assessment)?;
    output.check_dir(out_dir)?;
    let issued_at = store.timestamp();
    let mut by_department: HashMap<i64, HashMap<String, Response>> = HashMap::new();
    for r in store.answers(assessment, None)? {
        by_department
            .entry(r.department_id)
            .or_default()
            .insert(r.item_id.clone(), r);
    }
    let scope = store.scope_map(assessment)?;
    let mut used = HashSet::new();
    let mut out: Vec<PathBuf> = Vec::with_capacity(departments.len());
    let mut planned = Vec::with_capacity(departments.len());
    for d in &departments {
        let mut name = file_name_for(&d.name);
        if !used.insert(name.to_lowercase()) {
            name = format!("{name}-{}", d.id);
            used.insert(name.to_lowercase());
        }
        let path = out_dir.join(format!("{name}.xlsx"));
        let empty = HashMap::new();
        let answers = by_department.get(&d.id).unwrap_or(&empty);
        // Scope per department: the sheet lists only the items asked of this department.
        let items: Vec<&Item> = a
            .checklist
            .items
            .iter()
            .filter(|i| scope.applies(d.id, i))
            .collect();
        let meta = SheetMeta {
            assessment_id: a.id,
            assessment_created_at: a.created_at.clone(),
            assessment_title: a.title.clone(),
            department_id: d.id,
            department_name: d.name.clone(),
            checklist_id: a.checklist.id.clone(),
            checklist_version: a.checklist.version.clone(),
            scale: a.scale.key().to_string(),
            issued_at: issued_at.clone(),
            items_digest: items_digest(items.iter().map(|i| i.id.as_str())),
            items: items
                .iter()
                .map(|i| {
                    let r = answers.get(&i.id);
                    (
                        i.id.clone(),
                        r.and_then(|r| r.rating.clone()),
                        r.map(|r| r.note.clone()).unwrap_or_default(),
                    )
                })
                .collect(),
        };
        planned.push((path, d, meta, items));
    }
    for (path, _, _, _) in &planned {
        output.check_file(path)?;
    }
    std::fs::create_dir_all(out_dir).map_err(|e| Error::io(out_dir, e))?;
    for (path, d, meta, items) in &planned {
        let written = workbook_bytes(&a, d, meta, items)
            .map_err(|e| xlsx_err(path, e))
            .and_then(|bytes| output.write(path, &bytes));
        if let Err(e) = written {
            for done in &out {
                let _ = std::fs::remove_file(done);
            }
            return Err(e);
        }
        out.push(path.clone());
    }
    Ok(out)
}

fn workbook_bytes(
    a: &Assessment,
    d: &Department,
    meta: &SheetMeta,
    items: &[&Item],
) -> std::result::Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut wb = Workbook::new();
    let choices: Vec<String> = a
        .scale
        .ratings()
        .iter()
        .map(|r| label(a.scale, r.key))
        .collect();

    // 1. 記入方法
    let title = Format::new().set_bold().set_font_size(14);
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    {
        let ws = wb.add_worksheet();
        ws.set_name(INSTRUCTIONS_SHEET)?;
        ws.set_column_width(0, 16)?;
        ws.set_column_width(1, 90)?;
        ws.write_string_with_format(0, 0, format!("{} 点検表の記入方法", a.title), &title)?;
        let info = [
            ("点検・監査", a.title.clone()),
            ("部署", d.name.clone()),
            (
                "チェックリスト",
                format!("{}（版 {}）", a.checklist.id, a.checklist.version),
            ),
            ("項目数", items.len().to_string()),
            ("発行日時", meta.issued_at.clone()),
        ];
        for (i, (k, v)) in info.iter().enumerate() {
            ws.write_string_with_format(2 + i as u32, 0, *k, &bold)?;
            ws.write_string(2 + i as u32, 1, v)?;
        }
        let steps = [
            format!("1. 「{MAIN_SHEET}」シートの各項目について、「回答」欄（F列）のセルを選ぶと表示される ▼ の一覧から、当てはまるものを一つ選んでください。"),
            format!("   選択肢: {}", choices.join(" ／ ")),
            "2. 補足があれば「備考」欄（G列）に自由に記入してください（改善の予定、該当しない理由など）。".to_string(),
            "3. 回答欄と備考欄のほかは保護されています。行・列の追加、削除、並べ替えはしないでください。".to_string(),
            "4. 隠しシート「_tenken」は取り込みに使う情報です。変更・削除しないでください。".to_string(),
            "5. 記入が終わったら、.xlsx 形式のまま上書き保存し、監査担当者に返送してください。".to_string(),
            "6. 回答を空欄のまま返送した項目は「未評価」として扱われます。".to_string(),
        ];
        let omitted = a.checklist.items.len() - items.len();
        let steps: Vec<String> = steps
            .into_iter()
            .chain((omitted > 0).then(|| format!(
                "（この部署の点検範囲外の {omitted} 項目は、この表に載せていません。「該当なし」の回答とは別で、回答は不要です。）"
            )))
            .collect();
        ws.write_string_with_format(8, 0, "記入のしかた", &bold)?;
        for (i, s) in steps.iter().enumerate() {
            ws.write_string_with_format(9 + i as u32, 1, s, &wrap)?;
        }
        ws.protect();
    }

    // 2. 点検表
    {
        let ws = wb.add_worksheet();
        ws.set_name(MAIN_SHEET)?;
        let header = Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xDDEBF7))
            .set_border(FormatBorder::Thin)
            .set_text_wrap();
        let cell = Format::new()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin);
        let input = Format::new()
            .set_unlocked()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin)
            .set_background_color(Color::RGB(0xFFF2CC));
        for (c, w) in [10.0, 18.0, 20.0, 60.0, 30.0, 18.0, 40.0]
            .iter()
            .enumerate()
        {
            ws.set_column_width(c as u16, *w)?;
        }
        ws.write_string_with_format(0, 0, format!("{} 点検表 — {}", a.title, d.name), &title)?;
        ws.write_string(
            1,
            0,
            "黄色の「回答」欄は一覧から選び、「備考」欄は自由に記入してください。",
        )?;
        for (c, h) in crate::HEADERS.iter().enumerate() {
            ws.write_string_with_format(HEADER_ROW, c as u16, *h, &header)?;
        }
        for (i, (item, (_, rating, note))) in items.iter().zip(meta.items.iter()).enumerate() {
            let r = FIRST_ROW + i as u32;
            let citation = item
                .citation
                .clone()
                .unwrap_or_else(|| item.section.clone());
            ws.write_string_with_format(r, 0, &item.id, &cell)?;
            ws.write_string_with_format(r, 1, citation, &cell)?;
            ws.write_string_with_format(
                r,
                2,
                format!("{} {}", item.chapter(), topic_title(&item.topic)),
                &cell,
            )?;
            ws.write_string_with_format(r, 3, &item.question.ja, &cell)?;
            ws.write_string_with_format(r, 4, item.look_at.ja.join("\n"), &cell)?;
            match rating {
                Some(k) => ws.write_string_with_format(r, ANSWER_COL, label(a.scale, k), &input)?,
                None => ws.write_blank(r, ANSWER_COL, &input)?,
            };
            if note.is_empty() {
                ws.write_blank(r, NOTE_COL, &input)?;
            } else {
                ws.write_string_with_format(r, NOTE_COL, note, &input)?;
            }
        }
        let last = FIRST_ROW + items.len().max(1) as u32 - 1;
        let dv = DataValidation::new()
            .allow_list_strings(&choices)?
            .set_error_style(DataValidationErrorStyle::Stop)
            .set_error_title("回答")?
            .set_error_message("一覧から選んでください。")?;
        ws.add_data_validation(FIRST_ROW, ANSWER_COL, last, ANSWER_COL, &dv)?;
        ws.set_freeze_panes(FIRST_ROW, 1)?;
        let opts = ProtectionOptions {
            format_columns: true,
            format_rows: true,
            ..Default::default()
        };
        ws.protect_with_options(&opts);
    }

    // 3. _tenken (very hidden)
    meta.write(wb.add_worksheet())?;
    wb.save_to_buffer()
}
