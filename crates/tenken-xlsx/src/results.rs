//! `results`: one workbook for people who want to filter and sort in Excel — 「結果」 (items ×
//! departments, ratings as labels), 「指摘事項」 and 「証跡」 (with SHA-256). Each sheet has its
//! header on row 1 (frozen) and an autofilter over the whole table.

use std::collections::HashMap;
use std::path::Path;

use rust_xlsxwriter::{Color, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError};
use tenken_core::checklist::derive::topic_title;
use tenken_core::output::Output;
use tenken_core::store::EvidenceLink;
use tenken_core::{Lang, Result, Store};

use crate::{label, xlsx_err};

fn header(
    ws: &mut Worksheet,
    names: &[String],
    widths: &[f64],
) -> std::result::Result<(), XlsxError> {
    let f = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border(FormatBorder::Thin)
        .set_text_wrap();
    for (c, h) in names.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &f)?;
        ws.set_column_width(c as u16, *widths.get(c).unwrap_or(&14.0))?;
    }
    Ok(())
}

fn finish(
    ws: &mut Worksheet,
    rows: u32,
    cols: u16,
    freeze_cols: u16,
) -> std::result::Result<(), XlsxError> {
    ws.autofilter(0, 0, rows.max(1), cols.saturating_sub(1))?;
    ws.set_freeze_panes(1, freeze_cols)?;
    Ok(())
}

/// Writes the results workbook of an assessment to `out_file`, through `output` (never into
/// the data folder, never over an existing file unless forced).
pub fn results(store: &Store, assessment: i64, out_file: &Path, output: &Output) -> Result<()> {
    output.check_file(out_file)?;
    let a = store.assessment(assessment)?;
    let departments = store.departments(assessment)?;
    let answers = store.answers(assessment, None)?;
    let findings = store.findings(assessment)?;
    let evidence = store.evidence_list(assessment)?;
    let scope = store.scope_map(assessment)?;
    let mut rating: HashMap<(i64, &str), &str> = HashMap::new();
    for r in &answers {
        if let Some(k) = &r.rating {
            rating.insert((r.department_id, r.item_id.as_str()), k.as_str());
        }
    }
    let write = || -> std::result::Result<Vec<u8>, XlsxError> {
        let mut wb = Workbook::new();
        let wrap = Format::new().set_text_wrap();
        let date = Format::new().set_num_format("yyyy-mm-dd");

        // 結果: items × departments.
        let ws = wb.add_worksheet();
        ws.set_name("結果")?;
        let mut names: Vec<String> = ["項目ID", "引用条項", "分野", "質問"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        names.extend(departments.iter().map(|d| d.name.clone()));
        let mut widths = vec![10.0, 18.0, 20.0, 50.0];
        widths.extend(departments.iter().map(|_| 14.0));
        header(ws, &names, &widths)?;
        for (i, item) in a.checklist.items.iter().enumerate() {
            let r = 1 + i as u32;
            ws.write_string(r, 0, &item.id)?;
            ws.write_string(
                r,
                1,
                item.citation
                    .clone()
                    .unwrap_or_else(|| item.section.clone()),
            )?;
            ws.write_string(
                r,
                2,
                format!("{} {}", item.chapter(), topic_title(&item.topic)),
            )?;
            ws.write_string(r, 3, &item.question.ja)?;
            for (c, d) in departments.iter().enumerate() {
                if !scope.applies(d.id, item) {
                    ws.write_string(r, 4 + c as u16, "範囲外")?;
                    continue;
                }
                let text = rating
                    .get(&(d.id, item.id.as_str()))
                    .map(|k| label(a.scale, k))
                    .unwrap_or_else(|| "未評価".into());
                ws.write_string(r, 4 + c as u16, text)?;
            }
        }
        finish(ws, a.checklist.items.len() as u32, names.len() as u16, 1)?;

        // 指摘事項.
        let ws = wb.add_worksheet();
        ws.set_name("指摘事項")?;
        let names: Vec<String> = [
            "番号",
            "部署",
            "項目ID",
            "引用条項",
            "分類",
            "事実",
            "リスク",
            "改善提言",
            "優先度",
            "期限",
            "担当",
            "状況",
            "更新日時",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        header(
            ws,
            &names,
            &[
                6.0, 14.0, 10.0, 18.0, 14.0, 50.0, 40.0, 50.0, 8.0, 12.0, 14.0, 10.0, 22.0,
            ],
        )?;
        for (i, f) in findings.iter().enumerate() {
            let r = 1 + i as u32;
            ws.write_number(r, 0, f.number as f64)?;
            ws.write_string(r, 1, &f.department)?;
            ws.write_string(r, 2, f.item_id.clone().unwrap_or_default())?;
            ws.write_string(r, 3, &f.cited_clause)?;
            ws.write_string(
                r,
                4,
                a.classification.class_label(&f.classification, Lang::Ja),
            )?;
            ws.write_string_with_format(r, 5, &f.fact, &wrap)?;
            ws.write_string_with_format(r, 6, &f.risk, &wrap)?;
            ws.write_string_with_format(r, 7, &f.recommendation, &wrap)?;
            ws.write_string(r, 8, f.priority.label(Lang::Ja))?;
            if let Some(d) = f.due_date {
                use chrono::Datelike;
                let dt = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                ws.write_datetime_with_format(r, 9, &dt, &date)?;
            }
            ws.write_string(r, 10, &f.owner)?;
            ws.write_string(r, 11, f.status.label(Lang::Ja))?;
            ws.write_string(r, 12, &f.updated_at)?;
        }
        finish(ws, findings.len() as u32, names.len() as u16, 1)?;

        // 証跡.
        let ws = wb.add_worksheet();
        ws.set_name("証跡")?;
        let names: Vec<String> = [
            "ID",
            "種類",
            "名称",
            "ファイル名",
            "サイズ（バイト）",
            "日付",
            "SHA-256",
            "保管場所",
            "説明",
            "対象",
            "記録日時",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        header(
            ws,
            &names,
            &[
                6.0, 10.0, 30.0, 24.0, 14.0, 12.0, 68.0, 20.0, 30.0, 30.0, 22.0,
            ],
        )?;
        for (i, e) in evidence.iter().enumerate() {
            let r = 1 + i as u32;
            ws.write_number(r, 0, e.id as f64)?;
            ws.write_string(r, 1, e.kind.label(Lang::Ja))?;
            ws.write_string(r, 2, &e.title)?;
            ws.write_string(r, 3, e.original_name.clone().unwrap_or_default())?;
            if let Some(s) = e.size {
                ws.write_number(r, 4, s as f64)?;
            }
            ws.write_string(r, 5, e.file_date.clone().unwrap_or_default())?;
            ws.write_string(r, 6, e.sha256.clone().unwrap_or_default())?;
            ws.write_string(r, 7, &e.location)?;
            ws.write_string(r, 8, &e.description)?;
            let links: Vec<String> = e
                .links
                .iter()
                .map(|l| match l {
                    EvidenceLink::Response {
                        department,
                        item_id,
                    } => format!("{department}:{item_id}"),
                    EvidenceLink::Finding { number, .. } => format!("指摘{number}"),
                })
                .collect();
            ws.write_string(r, 9, links.join(", "))?;
            ws.write_string(r, 10, &e.recorded_at)?;
        }
        finish(ws, evidence.len() as u32, names.len() as u16, 0)?;
        wb.save_to_buffer()
    };
    let bytes = write().map_err(|e| xlsx_err(out_file, e))?;
    output.write(out_file, &bytes)
}
