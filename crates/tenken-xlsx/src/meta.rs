//! The hidden sheet `_tenken`: which assessment, department and checklist a sheet belongs to,
//! when it was issued, and the answers as issued (to tell the department's changes apart).
//!
//! Layout: `A1:B13` key/value pairs (all text), row 15 a header, then one row per item:
//! item id, rating key as issued (empty = 未評価), note as issued.

use calamine::{Data, Range};
use rust_xlsxwriter::{Worksheet, XlsxError};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// Name of the hidden sheet.
pub const META_SHEET: &str = "_tenken";
/// Format tag written in `B1`; a sheet with another tag is refused.
pub const FORMAT: &str = "tenken-xlsx/1";

const KEYS: [&str; 13] = [
    "format",
    "assessment_id",
    "assessment_created_at",
    "assessment_title",
    "department_id",
    "department_name",
    "checklist_id",
    "checklist_version",
    "scale",
    "issued_at",
    "item_count",
    "items_digest",
    "note",
];
const ITEMS_HEADER_ROW: u32 = 14;

/// What the hidden sheet says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SheetMeta {
    pub assessment_id: i64,
    pub assessment_created_at: String,
    pub assessment_title: String,
    pub department_id: i64,
    pub department_name: String,
    pub checklist_id: String,
    pub checklist_version: String,
    pub scale: String,
    /// The store's time when the sheet was made (same format as `updated_at`).
    pub issued_at: String,
    /// SHA-256 of the item ids in sheet order, one per line.
    pub items_digest: String,
    /// (item id, rating key as issued, note as issued), in sheet order.
    pub items: Vec<(String, Option<String>, String)>,
}

/// SHA-256 (hex) of item ids joined by newlines.
pub fn items_digest<'a>(ids: impl IntoIterator<Item = &'a str>) -> String {
    let mut h = Sha256::new();
    for id in ids {
        h.update(id.as_bytes());
        h.update(b"\n");
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

impl SheetMeta {
    pub(crate) fn write(&self, ws: &mut Worksheet) -> Result<(), XlsxError> {
        ws.set_name(META_SHEET)?;
        let values = [
            FORMAT.to_string(),
            self.assessment_id.to_string(),
            self.assessment_created_at.clone(),
            self.assessment_title.clone(),
            self.department_id.to_string(),
            self.department_name.clone(),
            self.checklist_id.clone(),
            self.checklist_version.clone(),
            self.scale.clone(),
            self.issued_at.clone(),
            self.items.len().to_string(),
            self.items_digest.clone(),
            "このシートは tenken が取り込みに使います。変更しないでください。".to_string(),
        ];
        for (r, (k, v)) in KEYS.iter().zip(values.iter()).enumerate() {
            ws.write_string(r as u32, 0, *k)?;
            ws.write_string(r as u32, 1, v)?;
        }
        ws.write_string(ITEMS_HEADER_ROW, 0, "item_id")?;
        ws.write_string(ITEMS_HEADER_ROW, 1, "issued_rating")?;
        ws.write_string(ITEMS_HEADER_ROW, 2, "issued_note")?;
        for (i, (id, rating, note)) in self.items.iter().enumerate() {
            let r = ITEMS_HEADER_ROW + 1 + i as u32;
            ws.write_string(r, 0, id)?;
            if let Some(k) = rating {
                ws.write_string(r, 1, k)?;
            }
            if !note.is_empty() {
                ws.write_string(r, 2, note)?;
            }
        }
        ws.set_very_hidden(true);
        ws.protect();
        Ok(())
    }

    /// Reads the hidden sheet; `Err(key)` names the first key that is missing or unreadable.
    pub(crate) fn read(range: &Range<Data>) -> Result<SheetMeta, String> {
        let text = |r: u32, c: u32| -> String {
            match range.get_value((r, c)) {
                Some(Data::String(s)) => s.clone(),
                Some(Data::Empty) | None => String::new(),
                Some(other) => other.to_string(),
            }
        };
        for (r, k) in KEYS.iter().enumerate() {
            if text(r as u32, 0) != *k {
                return Err(k.to_string());
            }
        }
        if text(0, 1) != FORMAT {
            return Err("format".into());
        }
        let num = |r: u32, key: &str| {
            text(r, 1)
                .trim()
                .parse::<i64>()
                .map_err(|_| key.to_string())
        };
        let count = num(10, "item_count")? as usize;
        let mut items = Vec::with_capacity(count);
        for i in 0..count {
            let r = ITEMS_HEADER_ROW + 1 + i as u32;
            let id = text(r, 0);
            if id.is_empty() {
                return Err("item_id".into());
            }
            let rating = Some(text(r, 1)).filter(|s| !s.is_empty());
            items.push((id, rating, text(r, 2)));
        }
        let meta = SheetMeta {
            assessment_id: num(1, "assessment_id")?,
            assessment_created_at: text(2, 1),
            assessment_title: text(3, 1),
            department_id: num(4, "department_id")?,
            department_name: text(5, 1),
            checklist_id: text(6, 1),
            checklist_version: text(7, 1),
            scale: text(8, 1),
            issued_at: text(9, 1),
            items_digest: text(11, 1),
            items,
        };
        if items_digest(meta.items.iter().map(|i| i.0.as_str())) != meta.items_digest {
            return Err("items_digest".into());
        }
        Ok(meta)
    }
}
