//! The PDF writer: positioned boxes → PDF with printpdf's low-level operations. The font is
//! embedded as a subset (printpdf's default features), text is real text (ToUnicode), so it
//! can be searched and copied.

use printpdf::{
    Codepoint, Color as PColor, FontId, Line, LinePoint, Mm, Op as POp, PaintMode, ParsedFont,
    PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem,
    TextMatrix,
};

use crate::font::{Metrics, FONT_BYTES};
use crate::layout::{Color, Op, Page, PAGE_H};

pub struct Meta {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub keywords: String,
    pub created: chrono::DateTime<chrono::Utc>,
}

fn rgb(c: Color) -> PColor {
    PColor::Rgb(Rgb {
        r: c.0,
        g: c.1,
        b: c.2,
        icc_profile: None,
    })
}

/// Coordinates rounded to 0.1 pt: shorter content streams, no visible difference.
fn r(v: f32) -> f32 {
    (v * 10.0).round() / 10.0
}

fn pt(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point {
            x: Pt(r(x)),
            y: Pt(r(PAGE_H - y)),
        },
        bezier: false,
    }
}

/// Glyph ids from our own cmap table (printpdf's per-character lookup was 53% of the
/// writer's time on the large report); the character rides along for ToUnicode.
fn glyphs(m: &Metrics, text: &str) -> Vec<Codepoint> {
    text.chars()
        .map(|c| Codepoint {
            gid: m.glyph(c),
            offset: 0.0,
            cid: Some(c.to_string()),
        })
        .collect()
}

fn page_ops(page: &Page, font: &FontId) -> Vec<POp> {
    let m = Metrics::get();
    let mut ops = Vec::with_capacity(page.ops.len() * 3);
    let mut fill: Option<Color> = None;
    let mut stroke: Option<(Color, f32)> = None;
    // Graphics first (backgrounds, rules), then all text in one text object.
    for o in &page.ops {
        match o {
            Op::Rect {
                x,
                y,
                w,
                h,
                fill: c,
            } => {
                if fill != Some(*c) {
                    ops.push(POp::SetFillColor { col: rgb(*c) });
                    fill = Some(*c);
                }
                let mut rc =
                    Rect::from_xywh(Pt(r(*x)), Pt(r(PAGE_H - y - h)), Pt(r(*w)), Pt(r(*h)));
                rc.mode = Some(PaintMode::Fill);
                ops.push(POp::DrawRectangle { rectangle: rc });
            }
            Op::Frame {
                x,
                y,
                w,
                h,
                width,
                color,
            } => {
                if stroke != Some((*color, *width)) {
                    ops.push(POp::SetOutlineColor { col: rgb(*color) });
                    ops.push(POp::SetOutlineThickness { pt: Pt(*width) });
                    stroke = Some((*color, *width));
                }
                let mut rc =
                    Rect::from_xywh(Pt(r(*x)), Pt(r(PAGE_H - y - h)), Pt(r(*w)), Pt(r(*h)));
                rc.mode = Some(PaintMode::Stroke);
                ops.push(POp::DrawRectangle { rectangle: rc });
            }
            Op::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                color,
            } => {
                if stroke != Some((*color, *width)) {
                    ops.push(POp::SetOutlineColor { col: rgb(*color) });
                    ops.push(POp::SetOutlineThickness { pt: Pt(*width) });
                    stroke = Some((*color, *width));
                }
                ops.push(POp::DrawLine {
                    line: Line {
                        points: vec![pt(*x1, *y1), pt(*x2, *y2)],
                        is_closed: false,
                    },
                });
            }
            Op::Text { .. } | Op::Turned { .. } => {}
        }
    }
    let mut size: Option<f32> = None;
    let mut in_text = false;
    for o in &page.ops {
        let (x, y, s, text, color, angle) = match o {
            Op::Text {
                x,
                y,
                size,
                text,
                color,
            } => (x, y, size, text, color, 0.0),
            Op::Turned {
                x,
                y,
                size,
                text,
                color,
                angle,
            } => (x, y, size, text, color, *angle),
            _ => continue,
        };
        {
            if !in_text {
                ops.push(POp::StartTextSection);
                in_text = true;
            }
            if size != Some(*s) {
                ops.push(POp::SetFont {
                    font: PdfFontHandle::External(font.clone()),
                    size: Pt(*s),
                });
                size = Some(*s);
            }
            if fill != Some(*color) {
                ops.push(POp::SetFillColor { col: rgb(*color) });
                fill = Some(*color);
            }
            let matrix = if angle == 0.0 {
                TextMatrix::Translate(Pt(r(*x)), Pt(r(PAGE_H - y)))
            } else {
                let (sin, cos) = angle.to_radians().sin_cos();
                TextMatrix::Raw([cos, sin, -sin, cos, r(*x), r(PAGE_H - y)])
            };
            ops.push(POp::SetTextMatrix { matrix });
            ops.push(POp::ShowText {
                items: vec![TextItem::GlyphIds(glyphs(m, text))],
            });
        }
    }
    if in_text {
        ops.push(POp::EndTextSection);
    }
    ops
}

fn pdf_date(t: chrono::DateTime<chrono::Utc>) -> printpdf::OffsetDateTime {
    use chrono::{Datelike, Timelike};
    printpdf::OffsetDateTime::new_in_offset(
        printpdf::date::Date {
            year: t.year(),
            month: t.month() as u8,
            day: t.day() as u8,
        },
        printpdf::date::Time {
            hour: t.hour() as u8,
            minute: t.minute() as u8,
            second: t.second() as u8,
            millisecond: 0,
        },
        printpdf::date::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    )
}

/// Writes the pages as a PDF; returns the bytes and the document digest written into it.
pub fn write(
    pages: &[Page],
    meta: &Meta,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(Vec<u8>, String), String> {
    let mut doc = PdfDocument::new(&meta.title);
    // Parsed once per process (60 notices in a row would parse the 6 MB font 60 times).
    static FONT: std::sync::OnceLock<Option<ParsedFont>> = std::sync::OnceLock::new();
    let font = FONT
        .get_or_init(|| ParsedFont::from_bytes(FONT_BYTES, 0, &mut vec![]))
        .as_ref()
        .ok_or("the bundled font could not be parsed")?;
    let font_id = doc.add_font(font);
    let mut out = Vec::with_capacity(pages.len());
    for (i, p) in pages.iter().enumerate() {
        out.push(PdfPage::new(Mm(210.0), Mm(297.0), page_ops(p, &font_id)));
        if i % 32 == 0 {
            progress(i, pages.len());
        }
    }
    doc.with_pages(out);
    let info = &mut doc.metadata.info;
    info.document_title = meta.title.clone();
    info.author = meta.author.clone();
    info.subject = meta.subject.clone();
    info.keywords = vec![meta.keywords.clone()];
    info.creator = "tenken".into();
    info.producer = format!("tenken {} (printpdf)", env!("CARGO_PKG_VERSION"));
    info.creation_date = pdf_date(meta.created);
    info.modification_date = pdf_date(meta.created);
    info.metadata_date = pdf_date(meta.created);
    let mut warnings = vec![];
    // printpdf builds the document (font subset, ToUnicode); lopdf writes it with object and
    // cross-reference streams, which packs the ~4 small objects per page (−7% on 900 pages).
    let mut lo = doc.to_lopdf_document(&PdfSaveOptions::default(), &mut warnings);
    lo.compress();
    // The document digest covers everything reachable from the catalog (pages, content
    // streams, fonts, ToUnicode maps), not the Info dictionary that carries it.
    let digest = document_digest(&lo);
    let keywords = format!("{}; {DOCUMENT_KEY}:{digest}", meta.keywords);
    if let Ok(lopdf::Object::Reference(id)) = lo.trailer.get(b"Info").cloned() {
        if let Ok(info) = lo.get_dictionary_mut(id) {
            info.set("Keywords", text_string(&keywords));
        }
    }
    let mut bytes = Vec::new();
    lo.save_modern(&mut bytes).map_err(|e| e.to_string())?;
    progress(pages.len(), pages.len());
    Ok((bytes, digest))
}

/// The key of the document digest in the Keywords entry.
pub const DOCUMENT_KEY: &str = "document-sha256";

/// A PDF text string: PDFDocEncoding for ASCII, else UTF-16BE with a BOM.
fn text_string(s: &str) -> lopdf::Object {
    if s.is_ascii() {
        lopdf::Object::String(s.as_bytes().to_vec(), lopdf::StringFormat::Literal)
    } else {
        let mut b = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            b.extend_from_slice(&u.to_be_bytes());
        }
        lopdf::Object::String(b, lopdf::StringFormat::Hexadecimal)
    }
}

/// SHA-256 of a canonical walk of everything reachable from the document catalog: streams
/// decompressed, dictionary keys sorted, references numbered in the order first met (so the
/// digest does not depend on object numbers or compression). The Info dictionary is outside it.
pub fn document_digest(doc: &lopdf::Document) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    document_walk(doc, &mut |b| h.update(b));
    let d = h.finalize();
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// The canonical walk behind [`document_digest`], fed to `out` piece by piece.
pub fn document_walk(doc: &lopdf::Document, out: &mut dyn FnMut(&[u8])) {
    use lopdf::Object;
    use std::collections::HashMap;
    type Seen = HashMap<lopdf::ObjectId, u64>;
    fn walk(doc: &lopdf::Document, o: &Object, h: &mut dyn FnMut(&[u8]), seen: &mut Seen) {
        match o {
            Object::Null => h(b"n"),
            Object::Boolean(b) => h(if *b { b"t" } else { b"f" }),
            // Numbers by value: a writer may put 0.0 as "0", read back as an integer.
            Object::Integer(i) => {
                h(b"#");
                h(i.to_string().as_bytes());
            }
            Object::Real(r) => {
                h(b"#");
                if r.fract() == 0.0 && r.abs() < 1e15 {
                    h((*r as i64).to_string().as_bytes());
                } else {
                    h(format!("{r:.3}").as_bytes());
                }
            }
            Object::Name(n) => {
                h(b"/");
                h(&(n.len() as u64).to_le_bytes());
                h(n);
            }
            Object::String(s, _) => {
                h(b"s");
                h(&(s.len() as u64).to_le_bytes());
                h(s);
            }
            Object::Array(xs) => {
                h(b"[");
                h(&(xs.len() as u64).to_le_bytes());
                for x in xs {
                    walk(doc, x, h, seen);
                }
            }
            Object::Dictionary(d) => dict(doc, d, &[], h, seen),
            Object::Stream(st) => {
                dict(
                    doc,
                    &st.dict,
                    &[b"Length", b"Filter", b"DecodeParms"],
                    h,
                    seen,
                );
                let content = if st.dict.get(b"Filter").is_ok() {
                    st.decompressed_content()
                        .unwrap_or_else(|_| st.content.clone())
                } else {
                    st.content.clone()
                };
                h(b"S");
                h(&(content.len() as u64).to_le_bytes());
                h(&content);
            }
            Object::Reference(id) => {
                if let Some(n) = seen.get(id) {
                    h(b"R");
                    h(&n.to_le_bytes());
                } else {
                    let n = seen.len() as u64;
                    seen.insert(*id, n);
                    h(b"O");
                    match doc.get_object(*id) {
                        Ok(x) => walk(doc, x, h, seen),
                        Err(_) => h(b"?"),
                    }
                }
            }
        }
    }
    fn dict(
        doc: &lopdf::Document,
        d: &lopdf::Dictionary,
        skip: &[&[u8]],
        h: &mut dyn FnMut(&[u8]),
        seen: &mut Seen,
    ) {
        let mut keys: Vec<(&Vec<u8>, &Object)> = d
            .iter()
            .filter(|(k, _)| !skip.contains(&k.as_slice()))
            .collect();
        keys.sort_by(|a, b| a.0.cmp(b.0));
        h(b"<");
        h(&(keys.len() as u64).to_le_bytes());
        for (k, v) in keys {
            h(&(k.len() as u64).to_le_bytes());
            h(k);
            walk(doc, v, h, seen);
        }
    }
    let mut seen = HashMap::new();
    match doc.trailer.get(b"Root") {
        Ok(root) => walk(doc, root, out, &mut seen),
        Err(_) => out(b"no catalog"),
    }
}

/// The digest of a PDF file's document (see [`document_digest`]); None if it is not a PDF.
pub fn file_digest(pdf: &[u8]) -> Option<String> {
    lopdf::Document::load_mem(pdf)
        .ok()
        .map(|d| document_digest(&d))
}

/// The Keywords entry of a PDF's document information dictionary.
pub fn read_keywords(pdf: &[u8]) -> Option<String> {
    let doc = lopdf::Document::load_mem(pdf).ok()?;
    keywords_of(&doc)
}

/// The Keywords entry and the document digest of a PDF, loaded once.
pub fn read_keywords_and_digest(pdf: &[u8]) -> Option<(String, String)> {
    let doc = lopdf::Document::load_mem(pdf).ok()?;
    Some((keywords_of(&doc)?, document_digest(&doc)))
}

fn keywords_of(doc: &lopdf::Document) -> Option<String> {
    let info = doc.trailer.get(b"Info").ok()?;
    let dict = match info {
        lopdf::Object::Reference(r) => doc.get_dictionary(*r).ok()?,
        lopdf::Object::Dictionary(d) => d,
        _ => return None,
    };
    let bytes = dict.get(b"Keywords").ok()?.as_str().ok()?;
    Some(decode_text_string(bytes))
}

/// A PDF text string: UTF-16BE with a BOM, or (for our ASCII content) PDFDocEncoding.
fn decode_text_string(b: &[u8]) -> String {
    if b.len() >= 2 && b[0] == 0xFE && b[1] == 0xFF {
        let units: Vec<u16> = b[2..]
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else if b.len() >= 3 && b[..3] == [0xEF, 0xBB, 0xBF] {
        String::from_utf8_lossy(&b[3..]).into_owned()
    } else {
        b.iter().map(|&c| c as char).collect()
    }
}
