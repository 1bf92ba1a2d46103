//! Writing values into the input cells of a generated sheet without Excel: the cell XML of
//! 「点検表」 (`xl/worksheets/sheet2.xml`) is edited inside the zip, every other part is copied
//! byte for byte. Used by the tests and the benchmark to play the department; it only touches
//! cells that already exist (every 回答 and 備考 cell of a generated sheet does).

use std::io::{Read, Write};
use std::path::Path;

use tenken_core::{Error, Result};

use crate::xlsx_err;

/// The part holding 「点検表」 in a generated workbook.
pub const MAIN_SHEET_PART: &str = "xl/worksheets/sheet2.xml";

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Replaces the cell `r` (e.g. "F14") in a worksheet's XML with an inline string (or a blank
/// cell when `text` is empty), keeping its style (and so its unlocked format).
fn set_cell(xml: &str, r: &str, text: &str) -> Option<String> {
    let open = format!("<c r=\"{r}\"");
    let start = xml.find(&open)?;
    let tag_end = start + xml[start..].find('>')?;
    let self_closing = xml[..tag_end].ends_with('/');
    let end = if self_closing {
        tag_end + 1
    } else {
        tag_end + xml[tag_end..].find("</c>")? + 4
    };
    let tag = &xml[start..tag_end];
    let style = tag
        .split_once(" s=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(s, _)| format!(" s=\"{s}\""))
        .unwrap_or_default();
    let cell = if text.is_empty() {
        format!("<c r=\"{r}\"{style}/>")
    } else {
        format!(
            "<c r=\"{r}\"{style} t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
            escape(text)
        )
    };
    Some(format!("{}{}{}", &xml[..start], cell, &xml[end..]))
}

/// Copies `src` to `dst` with the given cells of 「点検表」 set to text (A1 references).
pub fn fill_cells(src: &Path, dst: &Path, cells: &[(String, String)]) -> Result<()> {
    let file = std::fs::File::open(src).map_err(|e| Error::io(src, e))?;
    let mut zin =
        zip::ZipArchive::new(std::io::BufReader::new(file)).map_err(|e| xlsx_err(src, e))?;
    let out = std::fs::File::create(dst).map_err(|e| Error::io(dst, e))?;
    let mut zout = zip::ZipWriter::new(std::io::BufWriter::new(out));
    for i in 0..zin.len() {
        let entry = zin.by_index(i).map_err(|e| xlsx_err(src, e))?;
        let name = entry.name().map_err(|e| xlsx_err(src, e))?.to_string();
        if name != MAIN_SHEET_PART {
            zout.raw_copy_file(entry).map_err(|e| xlsx_err(dst, e))?;
            continue;
        }
        let mut entry = entry;
        let mut xml = String::new();
        entry
            .read_to_string(&mut xml)
            .map_err(|e| Error::io(src, e))?;
        drop(entry);
        for (r, text) in cells {
            xml = set_cell(&xml, r, text)
                .ok_or_else(|| xlsx_err(src, format!("cell {r} not found in {MAIN_SHEET_PART}")))?;
        }
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zout.start_file(MAIN_SHEET_PART, opts)
            .map_err(|e| xlsx_err(dst, e))?;
        zout.write_all(xml.as_bytes())
            .map_err(|e| Error::io(dst, e))?;
    }
    zout.finish()
        .map_err(|e| xlsx_err(dst, e))?
        .flush()
        .map_err(|e| Error::io(dst, e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::set_cell;

    #[test]
    fn replaces_blank_and_filled_cells_keeping_style() {
        let xml = r#"<row r="4"><c r="F4" s="3"/><c r="G4" s="3" t="s"><v>7</v></c></row>"#;
        let x = set_cell(xml, "F4", "○ 適合").unwrap();
        let x = set_cell(&x, "G4", "a<b").unwrap();
        assert_eq!(
            x,
            r#"<row r="4"><c r="F4" s="3" t="inlineStr"><is><t xml:space="preserve">○ 適合</t></is></c><c r="G4" s="3" t="inlineStr"><is><t xml:space="preserve">a&lt;b</t></is></c></row>"#
        );
        assert_eq!(
            set_cell(&x, "F4", "").unwrap(),
            r#"<row r="4"><c r="F4" s="3"/><c r="G4" s="3" t="inlineStr"><is><t xml:space="preserve">a&lt;b</t></is></c></row>"#
        );
        assert!(set_cell(xml, "H4", "x").is_none());
    }
}
