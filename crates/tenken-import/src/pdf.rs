//! PDF → lines, on `lopdf` (object parsing and stream decoding only; the text is ours).
//!
//! Each page's content stream is interpreted for its text operators: every glyph gets its
//! characters (font's ToUnicode CMap first; else the predefined CMap: UniJIS-UCS2/UTF16 codes
//! are Unicode, 90ms-RKSJ codes are Shift_JIS, EUC-H codes EUC-JP; else the simple font's
//! encoding with Differences) and its position (text and graphics matrices, widths, Tc/Tw/Tz,
//! TJ adjustments, form XObjects). `/ActualText` replaces the glyphs of its span; `/Artifact`
//! content (pagination chrome in tagged PDFs) is left out. Glyphs are then sorted into lines
//! by position (content-stream order is not reading order), lines repeated at the top or
//! bottom of most pages (headers, footers, page numbers) are dropped, spaces at Japanese/Latin
//! font switches removed and Kangxi radicals folded. Hard line breaks stay: the text parser
//! joins them as it does for any text.
//!
//! Identity-H fonts without ToUnicode carry glyph ids only; their text is refused as
//! undecodable rather than guessed.

use crate::normalize::{fold_radicals, join_script_spaces};
use crate::{limits, Problem, SourceFormat};
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;
use std::rc::Rc;
use std::time::{Duration, Instant};

type M = [f32; 6];
const ID: M = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(a: &M, b: &M) -> M {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn num(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => 0.0,
    }
}

fn damaged(reason: impl ToString) -> Problem {
    Problem::Damaged {
        format: SourceFormat::Pdf,
        reason: reason.to_string(),
    }
}

/// How a font's string bytes split into codes and, without ToUnicode, become text.
#[derive(Debug, Clone, PartialEq)]
enum Coding {
    /// Simple font: one byte per code; text from the encoding table.
    Simple(Box<[Option<char>; 256]>),
    /// Identity-H/V: two-byte glyph ids (text only through ToUnicode).
    Identity,
    /// UniJIS-UCS2-*: two-byte UCS-2 codes.
    Ucs2,
    /// UniJIS-UTF16-*: UTF-16BE codes (surrogate pairs are 4 bytes).
    Utf16,
    /// 90ms-RKSJ-* and other RKSJ CMaps: Shift_JIS codes.
    Sjis,
    /// EUC-H/V: EUC-JP codes.
    Euc,
    /// H/V: JIS X 0208 row/cell in two bytes.
    Jis,
    /// An embedded CMap: code lengths from its codespace ranges (text through ToUnicode).
    Ranges(Vec<(usize, u32, u32)>),
}

#[derive(Debug)]
struct Font {
    coding: Coding,
    to_unicode: Option<HashMap<u32, String>>,
    /// Code (or CID for Identity) → width in 1/1000 text space units.
    widths: HashMap<u32, f32>,
    default_width: f32,
    two_byte: bool,
}

struct Glyph {
    x: f32,
    y: f32,
    w: f32,
    size: f32,
    text: String,
}

struct Line {
    text: String,
}

#[derive(Clone)]
struct GState {
    ctm: M,
    font: Option<Rc<Font>>,
    size: f32,
    tc: f32,
    tw: f32,
    th: f32,
    tl: f32,
    rise: f32,
}

enum Mark {
    Plain,
    Artifact,
    Actual { text: String, start: usize },
}

struct Page<'a> {
    doc: &'a Document,
    glyphs: Vec<Glyph>,
    undecodable: usize,
    decoded: usize,
    marks: Vec<Mark>,
    fonts: HashMap<ObjectId, Rc<Font>>,
    deadline: Instant,
    ops: usize,
}

/// A PDF text string (UTF-16BE with BOM, UTF-8 with BOM, else PDFDocEncoding ≈ Latin-1).
fn text_string(b: &[u8]) -> String {
    if let Some(rest) = b.strip_prefix(&[0xFE, 0xFF]) {
        let u: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&u);
    }
    if let Some(rest) = b.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    b.iter().map(|&c| c as char).collect()
}

fn utf16be(b: &[u8]) -> String {
    let u: Vec<u16> = b
        .chunks(2)
        .map(|c| {
            if c.len() == 2 {
                u16::from_be_bytes([c[0], c[1]])
            } else {
                c[0] as u16
            }
        })
        .collect();
    String::from_utf16_lossy(&u)
}

fn be(b: &[u8]) -> u32 {
    b.iter().take(4).fold(0u32, |a, &x| (a << 8) | x as u32)
}

#[derive(Debug)]
enum Tok {
    Hex(Vec<u8>),
    Open,
    Close,
    Word(Vec<u8>),
    Name(Vec<u8>),
}

fn tokens(data: &[u8]) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        match c {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let mut hex = Vec::new();
                i += 1;
                while i < data.len() && data[i] != b'>' {
                    if data[i].is_ascii_hexdigit() {
                        hex.push(data[i]);
                    }
                    i += 1;
                }
                i += 1;
                if hex.len() % 2 == 1 {
                    hex.push(b'0');
                }
                let bytes = hex
                    .chunks(2)
                    .map(|p| {
                        u8::from_str_radix(std::str::from_utf8(p).unwrap_or("00"), 16).unwrap_or(0)
                    })
                    .collect();
                out.push(Tok::Hex(bytes));
                continue;
            }
            b'(' => {
                let mut depth = 0;
                while i < data.len() {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            b'[' => out.push(Tok::Open),
            b']' => out.push(Tok::Close),
            b'/' => {
                let s = i + 1;
                i += 1;
                while i < data.len() && !b" \t\r\n/[]<>(){}%".contains(&data[i]) {
                    i += 1;
                }
                out.push(Tok::Name(data[s..i].to_vec()));
                continue;
            }
            c if c.is_ascii_whitespace() => {}
            _ => {
                let s = i;
                while i < data.len() && !b" \t\r\n/[]<>(){}%".contains(&data[i]) {
                    i += 1;
                }
                out.push(Tok::Word(data[s..i].to_vec()));
                if i == s {
                    i += 1;
                }
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Codespace ranges of a CMap: (byte length, low code, high code).
type Codespace = Vec<(usize, u32, u32)>;

/// A ToUnicode (or embedded encoding) CMap: code → text, and the codespace ranges.
fn parse_cmap(data: &[u8]) -> (HashMap<u32, String>, Codespace) {
    let toks = tokens(data);
    let mut map = HashMap::new();
    let mut space = Vec::new();
    let mut i = 0;
    let budget = 200_000usize;
    let glyph_name = |n: &[u8]| -> Option<String> {
        let s = std::str::from_utf8(n).ok()?;
        let hex = s.strip_prefix("uni").or_else(|| s.strip_prefix('u'))?;
        u32::from_str_radix(hex.get(..hex.len().min(6))?, 16)
            .ok()
            .and_then(char::from_u32)
            .map(String::from)
    };
    while i < toks.len() {
        match &toks[i] {
            Tok::Word(w) if w == b"begincodespacerange" => {
                i += 1;
                while i + 1 < toks.len() {
                    match (&toks[i], &toks[i + 1]) {
                        (Tok::Hex(lo), Tok::Hex(hi)) => {
                            space.push((lo.len().clamp(1, 4), be(lo), be(hi)));
                            i += 2;
                        }
                        _ => break,
                    }
                }
            }
            Tok::Word(w) if w == b"beginbfchar" => {
                i += 1;
                while i + 1 < toks.len() && map.len() < budget {
                    match (&toks[i], &toks[i + 1]) {
                        (Tok::Hex(src), Tok::Hex(dst)) => {
                            map.insert(be(src), utf16be(dst));
                            i += 2;
                        }
                        (Tok::Hex(src), Tok::Name(n)) => {
                            if let Some(t) = glyph_name(n) {
                                map.insert(be(src), t);
                            }
                            i += 2;
                        }
                        _ => break,
                    }
                }
            }
            Tok::Word(w) if w == b"beginbfrange" => {
                i += 1;
                while i + 2 < toks.len() && map.len() < budget {
                    let (Tok::Hex(lo), Tok::Hex(hi)) = (&toks[i], &toks[i + 1]) else {
                        break;
                    };
                    let (lo, hi) = (be(lo), be(hi));
                    let hi = hi.min(lo.saturating_add(65_535));
                    match &toks[i + 2] {
                        Tok::Hex(dst) => {
                            let mut units: Vec<u16> = dst
                                .chunks(2)
                                .map(|c| {
                                    if c.len() == 2 {
                                        u16::from_be_bytes([c[0], c[1]])
                                    } else {
                                        c[0] as u16
                                    }
                                })
                                .collect();
                            if units.is_empty() {
                                units.push(0);
                            }
                            for code in lo..=hi {
                                map.insert(code, String::from_utf16_lossy(&units));
                                if let Some(last) = units.last_mut() {
                                    *last = last.wrapping_add(1);
                                }
                            }
                            i += 3;
                        }
                        Tok::Open => {
                            let mut j = i + 3;
                            let mut code = lo;
                            while j < toks.len() {
                                match &toks[j] {
                                    Tok::Hex(dst) => {
                                        if code <= hi {
                                            map.insert(code, utf16be(dst));
                                        }
                                        code = code.saturating_add(1);
                                    }
                                    Tok::Close => break,
                                    _ => {}
                                }
                                j += 1;
                            }
                            i = j + 1;
                        }
                        _ => break,
                    }
                }
            }
            _ => i += 1,
        }
    }
    (map, space)
}

/// Latin glyph names of Differences arrays (the common ones; `uniXXXX` in general).
fn glyph_char(name: &[u8]) -> Option<char> {
    let s = std::str::from_utf8(name).ok()?;
    if s.chars().count() == 1 && s.is_ascii() {
        return s.chars().next();
    }
    if let Some(h) = s.strip_prefix("uni").or_else(|| s.strip_prefix('u')) {
        if let Ok(v) = u32::from_str_radix(h.get(..h.len().min(6))?, 16) {
            return char::from_u32(v);
        }
    }
    let digits = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    if let Some(d) = digits.iter().position(|d| *d == s) {
        return char::from_digit(d as u32, 10);
    }
    Some(match s {
        "space" | "nbspace" => ' ',
        "period" => '.',
        "comma" => ',',
        "colon" => ':',
        "semicolon" => ';',
        "hyphen" | "minus" => '-',
        "parenleft" => '(',
        "parenright" => ')',
        "bracketleft" => '[',
        "bracketright" => ']',
        "slash" => '/',
        "quotesingle" | "quoteright" => '\'',
        "quotedbl" => '"',
        "ampersand" => '&',
        "percent" => '%',
        "underscore" => '_',
        "at" => '@',
        "numbersign" => '#',
        "plus" => '+',
        "equal" => '=',
        "question" => '?',
        "exclam" => '!',
        _ => return None,
    })
}

fn simple_table(doc: &Document, font: &Dictionary) -> Box<[Option<char>; 256]> {
    let mut t: Box<[Option<char>; 256]> = Box::new([None; 256]);
    // WinAnsi as the base for everything (Standard and MacRoman agree on ASCII).
    for (b, slot) in t.iter_mut().enumerate() {
        let one = [b as u8];
        let (s, _, _) = encoding_rs::WINDOWS_1252.decode(&one);
        let c = s.chars().next();
        *slot = c.filter(|c| !c.is_control() && *c != '\u{FFFD}');
    }
    let enc = font
        .get(b"Encoding")
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .map(|(_, o)| o);
    if let Some(Object::Dictionary(d)) = enc {
        if let Ok(Object::Array(diffs)) = d
            .get(b"Differences")
            .and_then(|o| doc.dereference(o))
            .map(|(_, o)| o)
        {
            let mut code = 0usize;
            for item in diffs {
                match item {
                    Object::Integer(n) => code = (*n).clamp(0, 255) as usize,
                    Object::Name(n) => {
                        if code < 256 {
                            t[code] = glyph_char(n);
                        }
                        code += 1;
                    }
                    _ => {}
                }
            }
        }
    }
    t
}

fn load_font(doc: &Document, font: &Dictionary) -> Font {
    let deref = |o: &Object| doc.dereference(o).ok().map(|(_, o)| o.clone());
    let subtype = font
        .get(b"Subtype")
        .ok()
        .and_then(|o| o.as_name().ok())
        .unwrap_or(b"");
    let to_unicode = font
        .get(b"ToUnicode")
        .ok()
        .and_then(deref)
        .and_then(|o| {
            o.as_stream().ok().and_then(|s| {
                s.decompressed_content_with_limit(limits::PDF_STREAM)
                    .ok()
                    .or_else(|| Some(s.content.clone()))
            })
        })
        .map(|data| parse_cmap(&data).0)
        .filter(|m| !m.is_empty());
    if subtype == b"Type0" {
        let enc = font.get(b"Encoding").ok().and_then(deref);
        let coding = match &enc {
            Some(Object::Name(n)) => {
                let n = String::from_utf8_lossy(n).to_string();
                if n.starts_with("Identity") {
                    Coding::Identity
                } else if n.contains("UCS2") {
                    Coding::Ucs2
                } else if n.contains("UTF16") {
                    Coding::Utf16
                } else if n.contains("RKSJ") {
                    Coding::Sjis
                } else if n.starts_with("EUC") {
                    Coding::Euc
                } else if n == "H" || n == "V" {
                    Coding::Jis
                } else {
                    Coding::Identity
                }
            }
            Some(Object::Stream(s)) => {
                let data = s
                    .decompressed_content_with_limit(limits::PDF_STREAM)
                    .unwrap_or_else(|_| s.content.clone());
                let (_, space) = parse_cmap(&data);
                if space.is_empty() {
                    Coding::Identity
                } else {
                    Coding::Ranges(space)
                }
            }
            _ => Coding::Identity,
        };
        let desc = font
            .get(b"DescendantFonts")
            .ok()
            .and_then(deref)
            .and_then(|a| a.as_array().ok().and_then(|a| a.first().cloned()))
            .and_then(|o| deref(&o))
            .and_then(|o| o.as_dict().ok().cloned());
        let mut widths = HashMap::new();
        let mut dw = 1000.0;
        if let Some(d) = desc {
            if let Ok(v) = d.get(b"DW") {
                dw = num(v);
            }
            if let Some(Object::Array(w)) = d.get(b"W").ok().and_then(deref) {
                let mut k = 0;
                while k + 1 < w.len() && widths.len() < 100_000 {
                    let first = num(&w[k]) as u32;
                    match deref(&w[k + 1]) {
                        Some(Object::Array(ws)) => {
                            for (j, x) in ws.iter().enumerate() {
                                widths.insert(first.saturating_add(j as u32), num(x));
                            }
                            k += 2;
                        }
                        Some(last) if k + 2 < w.len() => {
                            let last = num(&last) as u32;
                            let wv = num(&w[k + 2]);
                            for c in first..=last.min(first.saturating_add(65_535)) {
                                widths.insert(c, wv);
                            }
                            k += 3;
                        }
                        _ => break,
                    }
                }
            }
        }
        Font {
            two_byte: true,
            coding,
            to_unicode,
            widths,
            default_width: dw,
        }
    } else {
        let first = font.get(b"FirstChar").map(num).unwrap_or(0.0) as u32;
        let mut widths = HashMap::new();
        if let Some(Object::Array(w)) = font.get(b"Widths").ok().and_then(deref) {
            for (j, x) in w.iter().take(256).enumerate() {
                widths.insert(
                    first.saturating_add(j as u32),
                    deref(x).map(|o| num(&o)).unwrap_or(0.0),
                );
            }
        }
        let missing = font
            .get(b"FontDescriptor")
            .ok()
            .and_then(deref)
            .and_then(|d| {
                d.as_dict()
                    .ok()
                    .and_then(|d| d.get(b"MissingWidth").ok().map(num))
            })
            .unwrap_or(500.0);
        Font {
            two_byte: false,
            coding: Coding::Simple(simple_table(doc, font)),
            to_unicode,
            widths,
            default_width: missing,
        }
    }
}

/// Splits a shown string into (code, code length, text or None when undecodable).
fn decode_codes(font: &Font, s: &[u8]) -> Vec<(u32, Option<String>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let len = match &font.coding {
            Coding::Simple(_) => 1,
            Coding::Identity | Coding::Ucs2 | Coding::Jis => 2,
            Coding::Utf16 => {
                if (0xD8..=0xDB).contains(&s[i]) {
                    4
                } else {
                    2
                }
            }
            Coding::Sjis => {
                if matches!(s[i], 0x81..=0x9F | 0xE0..=0xFC) {
                    2
                } else {
                    1
                }
            }
            Coding::Euc => {
                if s[i] == 0x8F {
                    3
                } else if s[i] >= 0x80 {
                    2
                } else {
                    1
                }
            }
            Coding::Ranges(space) => {
                let mut l = 2;
                for n in 1..=4usize {
                    if i + n <= s.len() {
                        let c = be(&s[i..i + n]);
                        if space
                            .iter()
                            .any(|&(sl, lo, hi)| sl == n && c >= lo && c <= hi)
                        {
                            l = n;
                            break;
                        }
                    }
                }
                l
            }
        };
        let end = (i + len).min(s.len());
        let bytes = &s[i..end];
        let code = be(bytes);
        let from_map = font.to_unicode.as_ref().and_then(|m| m.get(&code).cloned());
        let text = from_map.or_else(|| match &font.coding {
            Coding::Simple(t) => t[bytes[0] as usize].map(String::from),
            Coding::Ucs2 | Coding::Utf16 => Some(utf16be(bytes)),
            Coding::Sjis => encoding_rs::SHIFT_JIS
                .decode_without_bom_handling_and_without_replacement(bytes)
                .map(|c| c.into_owned()),
            Coding::Euc => encoding_rs::EUC_JP
                .decode_without_bom_handling_and_without_replacement(bytes)
                .map(|c| c.into_owned()),
            Coding::Jis => {
                let e = [bytes[0] | 0x80, bytes.get(1).copied().unwrap_or(0) | 0x80];
                encoding_rs::EUC_JP
                    .decode_without_bom_handling_and_without_replacement(&e)
                    .map(|c| c.into_owned())
            }
            Coding::Identity | Coding::Ranges(_) => None,
        });
        out.push((code, text));
        i = end;
    }
    out
}

impl Font {
    fn width(&self, code: u32, text: Option<&str>) -> f32 {
        if let Some(w) = self.widths.get(&code) {
            return *w;
        }
        match self.coding {
            // Predefined CMaps: the CID is unknown here; half-width characters are half an em.
            Coding::Ucs2 | Coding::Utf16 | Coding::Sjis | Coding::Euc | Coding::Jis => {
                let half = text
                    .and_then(|t| t.chars().next())
                    .is_some_and(|c| c.is_ascii() || ('\u{FF61}'..='\u{FF9F}').contains(&c));
                if half {
                    500.0
                } else {
                    self.default_width
                }
            }
            _ => self.default_width,
        }
    }
}

fn fonts_of(doc: &Document, resources: &Dictionary) -> HashMap<Vec<u8>, ObjectIdOrDict> {
    let mut out = HashMap::new();
    let Some(fd) = resources
        .get(b"Font")
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok())
    else {
        return out;
    };
    for (name, v) in fd.iter() {
        match v {
            Object::Reference(id) => {
                out.insert(name.clone(), ObjectIdOrDict::Id(*id));
            }
            Object::Dictionary(d) => {
                out.insert(name.clone(), ObjectIdOrDict::Dict(d.clone()));
            }
            _ => {}
        }
    }
    out
}

#[derive(Clone)]
enum ObjectIdOrDict {
    Id(ObjectId),
    Dict(Dictionary),
}

impl<'a> Page<'a> {
    fn font(&mut self, f: &ObjectIdOrDict) -> Option<Rc<Font>> {
        match f {
            ObjectIdOrDict::Id(id) => {
                if let Some(font) = self.fonts.get(id) {
                    return Some(font.clone());
                }
                let d = self.doc.get_dictionary(*id).ok()?;
                let font = Rc::new(load_font(self.doc, d));
                self.fonts.insert(*id, font.clone());
                Some(font)
            }
            ObjectIdOrDict::Dict(d) => Some(Rc::new(load_font(self.doc, d))),
        }
    }

    fn in_artifact(&self) -> bool {
        self.marks.iter().any(|m| matches!(m, Mark::Artifact))
    }

    fn run(
        &mut self,
        content: &[u8],
        resources: &Dictionary,
        gs0: GState,
        depth: usize,
    ) -> Result<(), Problem> {
        if depth > 8 {
            return Ok(());
        }
        let ops = lopdf::content::Content::decode(content)
            .map_err(|e| damaged(format!("content stream: {e}")))?;
        let fonts = fonts_of(self.doc, resources);
        let xobjects = resources
            .get(b"XObject")
            .ok()
            .and_then(|o| self.doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok().cloned());
        let mut gs = gs0;
        let mut stack: Vec<GState> = Vec::new();
        let mut tm = ID;
        let mut tlm = ID;
        for op in &ops.operations {
            self.ops += 1;
            if self.ops.is_multiple_of(4096) && Instant::now() > self.deadline {
                return Err(Problem::Timeout {
                    seconds: crate::TIME_BOUND.as_secs(),
                });
            }
            let o = &op.operands;
            let n = |k: usize| o.get(k).map(num).unwrap_or(0.0);
            match op.operator.as_str() {
                "q" if stack.len() < 256 => {
                    stack.push(gs.clone());
                }
                "Q" => {
                    if let Some(g) = stack.pop() {
                        gs = g;
                    }
                }
                "cm" => gs.ctm = mul(&[n(0), n(1), n(2), n(3), n(4), n(5)], &gs.ctm),
                "BT" => {
                    tm = ID;
                    tlm = ID;
                }
                "Tf" => {
                    gs.font = o
                        .first()
                        .and_then(|x| x.as_name().ok())
                        .and_then(|name| fonts.get(name).cloned())
                        .and_then(|f| self.font(&f));
                    gs.size = n(1);
                }
                "Tc" => gs.tc = n(0),
                "Tw" => gs.tw = n(0),
                "Tz" => gs.th = n(0) / 100.0,
                "TL" => gs.tl = n(0),
                "Ts" => gs.rise = n(0),
                "Td" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                    tm = tlm;
                }
                "TD" => {
                    gs.tl = -n(1);
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                    tm = tlm;
                }
                "Tm" => {
                    tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                    tm = tlm;
                }
                "T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.tl], &tlm);
                    tm = tlm;
                }
                "Tj" => {
                    if let Some(Object::String(s, _)) = o.first() {
                        self.show(&gs, &mut tm, s);
                    }
                }
                "'" | "\"" => {
                    if op.operator == "\"" {
                        gs.tw = n(0);
                        gs.tc = n(1);
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.tl], &tlm);
                    tm = tlm;
                    if let Some(Object::String(s, _)) = o.last() {
                        self.show(&gs, &mut tm, s);
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = o.first() {
                        for it in items {
                            match it {
                                Object::String(s, _) => self.show(&gs, &mut tm, s),
                                Object::Integer(_) | Object::Real(_) => {
                                    let tx = -num(it) / 1000.0 * gs.size * gs.th;
                                    tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                                }
                                _ => {}
                            }
                        }
                    }
                }
                "BMC" => {
                    let artifact = o.first().and_then(|x| x.as_name().ok()) == Some(b"Artifact");
                    self.marks.push(if artifact {
                        Mark::Artifact
                    } else {
                        Mark::Plain
                    });
                }
                "BDC" => {
                    let tag = o.first().and_then(|x| x.as_name().ok()).unwrap_or(b"");
                    let props = match o.get(1) {
                        Some(Object::Dictionary(d)) => Some(d.clone()),
                        Some(Object::Name(name)) => resources
                            .get(b"Properties")
                            .ok()
                            .and_then(|p| self.doc.dereference(p).ok())
                            .and_then(|(_, p)| p.as_dict().ok())
                            .and_then(|p| p.get(name).ok())
                            .and_then(|v| self.doc.dereference(v).ok())
                            .and_then(|(_, v)| v.as_dict().ok().cloned()),
                        _ => None,
                    };
                    let actual = props
                        .as_ref()
                        .and_then(|p| p.get(b"ActualText").ok())
                        .and_then(|v| match v {
                            Object::String(s, _) => Some(text_string(s)),
                            _ => None,
                        });
                    let mark = if tag == b"Artifact" {
                        Mark::Artifact
                    } else if let Some(text) = actual {
                        Mark::Actual {
                            text,
                            start: self.glyphs.len(),
                        }
                    } else {
                        Mark::Plain
                    };
                    if self.marks.len() < 256 {
                        self.marks.push(mark);
                    }
                }
                "EMC" => {
                    if let Some(Mark::Actual { text, start }) = self.marks.pop() {
                        if self.glyphs.len() > start {
                            let first = &self.glyphs[start];
                            let last = self.glyphs.last().map(|g| g.x + g.w).unwrap_or(first.x);
                            let merged = Glyph {
                                x: first.x,
                                y: first.y,
                                w: (last - first.x).max(0.0),
                                size: first.size,
                                text,
                            };
                            self.glyphs.truncate(start);
                            self.glyphs.push(merged);
                        }
                    }
                }
                "Do" => {
                    let Some(name) = o.first().and_then(|x| x.as_name().ok()) else {
                        continue;
                    };
                    let Some(x) = xobjects
                        .as_ref()
                        .and_then(|x| x.get(name).ok())
                        .and_then(|v| self.doc.dereference(v).ok())
                        .map(|(_, v)| v)
                    else {
                        continue;
                    };
                    let Ok(stream) = x.as_stream() else { continue };
                    if stream
                        .dict
                        .get(b"Subtype")
                        .ok()
                        .and_then(|s| s.as_name().ok())
                        != Some(b"Form")
                    {
                        continue;
                    }
                    let data = stream
                        .decompressed_content_with_limit(limits::PDF_STREAM)
                        .unwrap_or_else(|_| stream.content.clone());
                    let res = stream
                        .dict
                        .get(b"Resources")
                        .ok()
                        .and_then(|r| self.doc.dereference(r).ok())
                        .and_then(|(_, r)| r.as_dict().ok().cloned())
                        .unwrap_or_else(|| resources.clone());
                    let mut inner = gs.clone();
                    if let Ok(Object::Array(m)) = stream.dict.get(b"Matrix") {
                        if m.len() == 6 {
                            let m: Vec<f32> = m.iter().map(num).collect();
                            inner.ctm = mul(&[m[0], m[1], m[2], m[3], m[4], m[5]], &gs.ctm);
                        }
                    }
                    self.run(&data, &res, inner, depth + 1)?;
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn show(&mut self, gs: &GState, tm: &mut M, s: &[u8]) {
        let Some(font) = gs.font.clone() else { return };
        let artifact = self.in_artifact();
        for (code, text) in decode_codes(&font, s) {
            let w0 = font.width(code, text.as_deref()) / 1000.0;
            let space = text.as_deref() == Some(" ") && !font.two_byte;
            let tx = (w0 * gs.size + gs.tc + if space { gs.tw } else { 0.0 }) * gs.th;
            let trm = mul(
                &mul(&[gs.size * gs.th, 0.0, 0.0, gs.size, 0.0, gs.rise], tm),
                &gs.ctm,
            );
            let next = mul(&mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm), &gs.ctm);
            let (x, y) = (trm[4], trm[5]);
            let size = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt().max(0.1);
            let here = mul(tm, &gs.ctm);
            let w = ((next[4] - here[4]).powi(2) + (next[5] - here[5]).powi(2)).sqrt();
            *tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm);
            if artifact {
                continue;
            }
            match text {
                Some(t) => {
                    if t.chars().any(|c| !c.is_whitespace()) {
                        self.decoded += 1;
                    }
                    self.glyphs.push(Glyph {
                        x,
                        y,
                        w,
                        size,
                        text: t,
                    });
                }
                None => self.undecodable += 1,
            }
        }
    }
}

/// Glyphs of one page → lines, top to bottom, each read left to right.
fn lines_of(mut glyphs: Vec<Glyph>) -> Vec<Line> {
    glyphs.retain(|g| !g.text.is_empty() && g.x.is_finite() && g.y.is_finite());
    glyphs.sort_by(|a, b| b.y.partial_cmp(&a.y).unwrap_or(std::cmp::Ordering::Equal));
    let mut groups: Vec<Vec<Glyph>> = Vec::new();
    let mut line_y = f32::NAN;
    let mut line_size = 0.0f32;
    for g in glyphs {
        let tol = 0.5 * g.size.max(line_size).max(1.0);
        if groups.is_empty() || (line_y - g.y).abs() > tol {
            line_y = g.y;
            line_size = g.size;
            groups.push(Vec::new());
        }
        if let Some(last) = groups.last_mut() {
            last.push(g);
        }
    }
    let mut out = Vec::new();
    for mut gs in groups {
        gs.sort_by(|a, b| a.x.partial_cmp(&b.x).unwrap_or(std::cmp::Ordering::Equal));
        let mut text = String::new();
        let mut prev: Option<&Glyph> = None;
        for g in &gs {
            if let Some(p) = prev {
                // The same glyph drawn twice with a small offset (fake bold, shadow).
                if p.text == g.text && (g.x - p.x).abs() < 0.2 * g.size {
                    continue;
                }
                let gap = g.x - (p.x + p.w);
                if gap > 0.25 * g.size.max(p.size)
                    && !text.ends_with(' ')
                    && !g.text.starts_with(' ')
                {
                    text.push(' ');
                }
            }
            text.push_str(&g.text);
            prev = Some(g);
        }
        let text = text.trim().to_string();
        if !text.is_empty() {
            out.push(Line { text });
        }
    }
    out
}

/// Page chrome: a line's text with digits folded and spaces removed.
fn chrome_key(s: &str) -> String {
    let mut k = String::new();
    for c in s.chars() {
        if c.is_whitespace() {
            continue;
        }
        let c = if c.is_ascii_digit() || ('０'..='９').contains(&c) {
            '#'
        } else {
            c
        };
        if !(c == '#' && k.ends_with('#')) {
            k.push(c);
        }
    }
    k
}

fn is_page_number(s: &str) -> bool {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let core = t.trim_matches(|c: char| matches!(c, '-' | '－' | '‐' | '—' | '―' | '–'));
    let digits = |x: &str| {
        !x.is_empty()
            && x.chars()
                .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    };
    if core.len() < t.len() && digits(core) {
        return true;
    }
    if let Some((a, b)) = core.split_once('/') {
        return digits(a) && digits(b);
    }
    false
}

/// Drops lines repeated at the top or bottom of most pages, and page numbers.
fn drop_chrome(pages: &mut [Vec<Line>]) {
    const ZONE: usize = 2;
    let n = pages.len();
    let zone = |p: &Vec<Line>| -> Vec<usize> {
        let len = p.len();
        (0..len).filter(|&i| i < ZONE || i + ZONE >= len).collect()
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    for p in pages.iter() {
        let mut seen: Vec<String> = zone(p)
            .into_iter()
            .map(|i| chrome_key(&p[i].text))
            .collect();
        seen.sort();
        seen.dedup();
        for k in seen {
            *counts.entry(k).or_default() += 1;
        }
    }
    let need = 2.max(n.div_ceil(2));
    for p in pages.iter_mut() {
        let z = zone(p);
        let mut drop = vec![false; p.len()];
        for i in z {
            let k = chrome_key(&p[i].text);
            let repeated = n >= 2 && counts.get(&k).copied().unwrap_or(0) >= need;
            if repeated || is_page_number(&p[i].text) {
                drop[i] = true;
            }
        }
        let mut k = 0;
        p.retain(|_| {
            let keep = !drop[k];
            k += 1;
            keep
        });
    }
}

pub(crate) fn extract(bytes: &[u8], bound: Duration) -> Result<String, Problem> {
    let deadline = Instant::now() + bound;
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(limits::PDF_STREAM),
        ..Default::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::Decryption(_) => Problem::EncryptedPdf,
        e => damaged(e),
    })?;
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(Problem::EncryptedPdf);
    }
    let mut page = Page {
        doc: &doc,
        glyphs: Vec::new(),
        undecodable: 0,
        decoded: 0,
        marks: Vec::new(),
        fonts: HashMap::new(),
        deadline,
        ops: 0,
    };
    let mut pages: Vec<Vec<Line>> = Vec::new();
    for (_, id) in doc.get_pages() {
        if Instant::now() > deadline {
            return Err(Problem::Timeout {
                seconds: bound.as_secs(),
            });
        }
        let content = match doc.get_page_content_with_limit(id, limits::PDF_STREAM) {
            Ok(c) => c,
            Err(lopdf::Error::Decompress(_)) => {
                return Err(Problem::TooLarge {
                    limit_mib: (limits::PDF_STREAM >> 20) as u64,
                })
            }
            Err(_) => Vec::new(),
        };
        let resources = doc
            .get_page_resources(id)
            .ok()
            .and_then(|(d, ids)| {
                d.cloned().or_else(|| {
                    ids.first()
                        .and_then(|i| doc.get_dictionary(*i).ok().cloned())
                })
            })
            .unwrap_or_default();
        let gs = GState {
            ctm: ID,
            font: None,
            size: 0.0,
            tc: 0.0,
            tw: 0.0,
            th: 1.0,
            tl: 0.0,
            rise: 0.0,
        };
        page.marks.clear();
        match page.run(&content, &resources, gs, 0) {
            Ok(()) => {}
            Err(Problem::Timeout { .. }) => {
                return Err(Problem::Timeout {
                    seconds: bound.as_secs(),
                })
            }
            // A damaged content stream: keep what was read before the damage.
            Err(_) => {}
        }
        let glyphs = std::mem::take(&mut page.glyphs);
        pages.push(lines_of(glyphs));
    }
    if page.decoded == 0 && page.undecodable == 0 {
        return Err(Problem::NoTextLayer);
    }
    if page.undecodable > page.decoded {
        return Err(Problem::UndecodablePdf {
            reason: format!(
                "{} of {} characters use fonts without a Unicode mapping (ToUnicode)",
                page.undecodable,
                page.undecodable + page.decoded
            ),
        });
    }
    drop_chrome(&mut pages);
    let mut out = String::new();
    for p in &pages {
        for l in p {
            out.push_str(&fold_radicals(&join_script_spaces(&l.text)));
            out.push('\n');
        }
    }
    if out.trim().is_empty() {
        return Err(Problem::NoTextLayer);
    }
    Ok(out)
}
