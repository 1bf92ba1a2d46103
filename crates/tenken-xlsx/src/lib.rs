//! tenken-xlsx: the Excel round trip of a self-inspection.
//!
//! - [`sheets`]: one `.xlsx` per department in scope — instructions (「記入方法」), the checklist
//!   (「点検表」) with a dropdown (real data validation) of the assessment's scale in the 回答
//!   column, everything protected but 回答 and 備考, and a hidden sheet `_tenken` naming the
//!   assessment, department, checklist version, issue time and the answers as issued.
//! - [`import`]: reads a filled sheet back, validates every cell, and imports all-or-nothing
//!   per file in one transaction (`Store::record_answers`).
//! - [`results`]: a workbook for filtering and sorting: results matrix, findings, evidence.
//!
//! Conflicts (see [`ConflictPolicy`]): an answer the department changed on the sheet (its cell
//! differs from what was issued) while tenken's answer was also changed after the sheet was
//! issued, to a different value, is a conflict. By default a file with a conflict is refused
//! whole (nothing imported, every conflict listed); `ConflictPolicy::Sheet` lets the sheet win,
//! `ConflictPolicy::Tenken` keeps tenken's answers and imports the rest. A cell the department
//! left as issued never overwrites tenken.

mod fill;
mod import;
mod meta;
mod results;
mod sheets;

pub use fill::fill_cells;
pub use import::{
    import, import_with, Conflict, ConflictPolicy, ImportOptions, ImportReport, ImportStatus,
    Problem,
};
pub use meta::{items_digest, SheetMeta, FORMAT, META_SHEET};
pub use results::results;
pub use sheets::{
    file_name_for, sheets, ANSWER_COL, FIRST_ROW, HEADERS, HEADER_ROW, INSTRUCTIONS_SHEET,
    ITEM_COL, MAIN_SHEET, NOTE_COL,
};

use tenken_core::{Error, Lang};

/// Column letters of a 0-based column index (0 → A, 26 → AA).
pub fn col_name(col: u16) -> String {
    let mut n = col as u32 + 1;
    let mut s = Vec::new();
    while n > 0 {
        let r = ((n - 1) % 26) as u8;
        s.push(b'A' + r);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// "F14" for 0-based (row, col).
pub fn cell_name(row: u32, col: u16) -> String {
    format!("{}{}", col_name(col), row + 1)
}

/// Any writer error as a core I/O error on `path`.
pub(crate) fn xlsx_err(path: &std::path::Path, e: impl std::fmt::Display) -> Error {
    Error::io(path, std::io::Error::other(e.to_string()))
}

/// Japanese label of a rating key on the assessment's scale ("○ 適合", "実施している").
pub(crate) fn label(scale: tenken_core::ScaleKind, key: &str) -> String {
    scale.rating_label(key, Lang::Ja)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names() {
        assert_eq!(col_name(0), "A");
        assert_eq!(col_name(5), "F");
        assert_eq!(col_name(25), "Z");
        assert_eq!(col_name(26), "AA");
        assert_eq!(col_name(701), "ZZ");
        assert_eq!(col_name(702), "AAA");
        assert_eq!(cell_name(13, 5), "F14");
    }
}
