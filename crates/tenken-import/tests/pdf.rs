//! Hand-built PDFs (written here with lopdf) for each font case Japanese municipal PDFs use:
//! the same policy drawn in each must parse to the structure of its text.

mod common;
use common::*;
use lopdf::{dictionary, Document, Object, ObjectId, Stream, StringFormat};
use std::collections::BTreeMap;

const POLICY: &str = "情報セキュリティ基本方針
（目的）
第1条 この方針は、本市の情報資産を守るための基本的な事項を定める。
（定義）
第2条 この方針において、次の各号に掲げる用語の意義は、当該各号に定めるところによる。
(1) マイナンバー利用事務系 個人番号利用事務に係る情報システムをいう。
(2) LGWAN接続系 LGWANに接続された情報システムをいう。
(3) インターネット接続系 インターネットに接続された情報システムをいう。
（対象とする脅威）
第3条 次の脅威を想定し、対策を講じる。
① 不正アクセスによる情報資産の漏えい
② 地震、落雷、火災等の災害
（適用範囲）
第4条 この方針の適用範囲は、次のとおりとする。
ア 市長部局
イ 教育委員会
（職員等の遵守義務）
第5条 職員等は、情報セキュリティポリシーを遵守しなければならない。
（情報セキュリティ対策）
第6条 次の対策を講じる。
(1) 組織体制 全庁的な組織体制を確立する。
(2) 物理的セキュリティ サーバ等の管理について物理的な対策を講じる。
(3) 人的セキュリティ 職員等に教育を行う。
";

#[derive(Clone, Copy, PartialEq, Debug)]
enum Kind {
    /// Type0, Identity-H, glyph ids, ToUnicode.
    IdentityToUnicode,
    /// Type0, Identity-H, glyph ids, no ToUnicode.
    IdentityBare,
    /// Type0, UniJIS-UCS2-H, no ToUnicode.
    Ucs2,
    /// Type0, UniJIS-UTF16-H, no ToUnicode.
    Utf16,
    /// Type0, 90ms-RKSJ-H, no ToUnicode.
    Rksj,
    /// Simple TrueType subset: one-byte codes with ToUnicode.
    Simple,
    /// Identity-H whose ToUnicode gives Kangxi radicals for some kanji (Meiryo, Yu Gothic).
    Kangxi,
}

/// Kanji that fonts map to Kangxi radicals.
const RADICALS: &[(char, char)] = &[
    ('方', '\u{2F45}'),
    ('情', '情'),
    ('入', '\u{2F0A}'),
    ('用', '\u{2F64}'),
    ('長', '\u{2ED1}'),
];

struct Builder {
    doc: Document,
    kind: Kind,
    /// char → code (glyph id or one-byte code)
    codes: BTreeMap<char, u32>,
    pages: Vec<String>,
}

impl Builder {
    fn new(kind: Kind) -> Self {
        Builder {
            doc: Document::with_version("1.7"),
            kind,
            codes: BTreeMap::new(),
            pages: vec![],
        }
    }

    fn code(&mut self, c: char) -> u32 {
        let n = self.codes.len() as u32 + 1;
        *self.codes.entry(c).or_insert(n)
    }

    /// The string bytes of `text` in this font, as a hex string operand.
    fn encode(&mut self, text: &str) -> String {
        let mut bytes = Vec::new();
        for c in text.chars() {
            match self.kind {
                Kind::IdentityToUnicode | Kind::IdentityBare | Kind::Kangxi => {
                    bytes.extend((self.code(c) as u16).to_be_bytes())
                }
                Kind::Simple => {
                    let code = self.code(c);
                    assert!(code < 256);
                    bytes.push(code as u8);
                }
                Kind::Ucs2 | Kind::Utf16 => {
                    let mut b = [0u16; 2];
                    for u in c.encode_utf16(&mut b) {
                        bytes.extend(u.to_be_bytes());
                    }
                }
                Kind::Rksj => {
                    let one = c.to_string();
                    let (b, _, bad) = encoding_rs::SHIFT_JIS.encode(&one);
                    assert!(!bad, "{c} not in Shift_JIS");
                    bytes.extend_from_slice(&b);
                }
            }
        }
        bytes.iter().map(|b| format!("{b:02X}")).collect()
    }

    /// Width in em of a char in this font (as the font dictionary says).
    fn em(&self, c: char) -> f32 {
        match self.kind {
            Kind::Simple => 1.0,
            Kind::Ucs2 | Kind::Utf16 | Kind::Rksj if c.is_ascii() => 0.5,
            _ => 1.0,
        }
    }

    fn to_unicode(&self) -> Option<Stream> {
        if !matches!(
            self.kind,
            Kind::IdentityToUnicode | Kind::Simple | Kind::Kangxi
        ) {
            return None;
        }
        let bytes = if self.kind == Kind::Simple { 1 } else { 2 };
        let mut s = String::from("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Test def\n1 begincodespacerange\n");
        s += &if bytes == 1 {
            "<00> <FF>\n".to_string()
        } else {
            "<0000> <FFFF>\n".to_string()
        };
        s += "endcodespacerange\n";
        let entries: Vec<_> = self.codes.iter().collect();
        for chunk in entries.chunks(100) {
            s += &format!("{} beginbfchar\n", chunk.len());
            for (c, code) in chunk {
                let c = if self.kind == Kind::Kangxi {
                    RADICALS
                        .iter()
                        .find(|(k, _)| k == *c)
                        .map(|(_, r)| *r)
                        .unwrap_or(**c)
                } else {
                    **c
                };
                let mut u = [0u16; 2];
                let dst: String = c
                    .encode_utf16(&mut u)
                    .iter()
                    .map(|x| format!("{x:04X}"))
                    .collect();
                if bytes == 1 {
                    s += &format!("<{code:02X}> <{dst}>\n");
                } else {
                    s += &format!("<{code:04X}> <{dst}>\n");
                }
            }
            s += "endbfchar\n";
        }
        s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
        Some(Stream::new(dictionary! {}, s.into_bytes()))
    }

    fn font(&mut self) -> ObjectId {
        let tu = self.to_unicode().map(|s| self.doc.add_object(s));
        let mut font = match self.kind {
            Kind::Simple => {
                let n = self.codes.len() as i64;
                dictionary! {
                    "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "ABCDEF+IPAexGothic",
                    "FirstChar" => 1, "LastChar" => n,
                    "Widths" => (1..=n).map(|_| Object::Integer(1000)).collect::<Vec<_>>(),
                }
            }
            _ => {
                let enc = match self.kind {
                    Kind::Ucs2 => "UniJIS-UCS2-H",
                    Kind::Utf16 => "UniJIS-UTF16-H",
                    Kind::Rksj => "90ms-RKSJ-H",
                    _ => "Identity-H",
                };
                let cid = self.doc.add_object(dictionary! {
                    "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "MS-Mincho",
                    "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Japan1"), "Supplement" => 6 },
                    "DW" => 1000,
                });
                dictionary! {
                    "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "MS-Mincho", "Encoding" => enc,
                    "DescendantFonts" => vec![Object::Reference(cid)],
                }
            }
        };
        if let Some(tu) = tu {
            font.set("ToUnicode", Object::Reference(tu));
        }
        self.doc.add_object(font)
    }

    /// One page with these lines (top to bottom), each `(x, text)`; `reverse` draws each line's
    /// second half before its first (content order ≠ reading order).
    fn page(&mut self, lines: &[&str], reverse: bool, chrome: Option<(&str, usize)>) {
        let size = 10.5f32;
        let mut ops = String::new();
        let mut y = 760.0f32;
        let mut draw = |b: &mut Builder, x: f32, y: f32, t: &str| {
            let hex = b.encode(t);
            ops += &format!("BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm <{hex}> Tj ET\n");
        };
        if let Some((header, n)) = chrome {
            draw(self, 60.0, 800.0, header);
            draw(self, 290.0, 30.0, &format!("- {n} -"));
        }
        for l in lines {
            let chars: Vec<char> = l.chars().collect();
            let half = chars.len() / 2;
            let first: String = chars[..half].iter().collect();
            let second: String = chars[half..].iter().collect();
            let w: f32 = chars[..half].iter().map(|&c| self.em(c)).sum::<f32>() * size;
            if reverse {
                draw(self, 60.0 + w, y, &second);
                draw(self, 60.0, y, &first);
            } else {
                draw(self, 60.0, y, l);
            }
            y -= 18.0;
        }
        self.pages.push(ops);
    }

    fn finish(mut self) -> Vec<u8> {
        let font = self.font();
        let pages_id = self.doc.new_object_id();
        let mut kids = vec![];
        for ops in std::mem::take(&mut self.pages) {
            let content = self
                .doc
                .add_object(Stream::new(dictionary! {}, ops.into_bytes()));
            let page = self.doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id, "Contents" => content,
                "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            });
            kids.push(Object::Reference(page));
        }
        let count = kids.len() as i64;
        self.doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
        );
        let catalog = self
            .doc
            .add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        self.doc.trailer.set("Root", catalog);
        let mut out = Vec::new();
        self.doc.save_to(&mut out).unwrap();
        out
    }
}

fn pdf_of(kind: Kind, text: &str, reverse: bool, pages: usize) -> Vec<u8> {
    let mut b = Builder::new(kind);
    let lines: Vec<&str> = text.lines().collect();
    let per = lines.len().div_ceil(pages);
    for (i, chunk) in lines.chunks(per).enumerate() {
        let chrome = if pages > 1 {
            Some(("本市情報セキュリティポリシー", i + 1))
        } else {
            None
        };
        b.page(chunk, reverse, chrome);
    }
    b.finish()
}

fn assert_same_structure(kind: Kind, reverse: bool, pages: usize) {
    let text = parse(POLICY.as_bytes());
    let bytes = pdf_of(kind, POLICY, reverse, pages);
    let x =
        tenken_import::extract(&bytes).unwrap_or_else(|e| panic!("{kind:?}: {}: {e}", e.code()));
    assert_eq!(x.format, tenken_import::SourceFormat::Pdf);
    let pdf = parse(&bytes);
    assert_eq!(shape(&pdf), shape(&text), "{kind:?}\n{}", x.text);
    assert_eq!(pdf.segments, ["mynumber", "lgwan", "internet"]);
    assert_eq!(pdf.source_format, "pdf");
}

#[test]
fn identity_h_with_to_unicode() {
    assert_same_structure(Kind::IdentityToUnicode, false, 1);
}

#[test]
fn predefined_cmaps_without_to_unicode() {
    for k in [Kind::Ucs2, Kind::Utf16, Kind::Rksj] {
        assert_same_structure(k, false, 1);
    }
}

#[test]
fn simple_truetype_subset_with_to_unicode() {
    // 256 codes are not enough for the whole policy: a short one.
    let text = "（目的）\n第1条 この方針は情報を守る。\n（定義）\n第2条 用語\n(1) LGWAN接続系 情報システム\n";
    let bytes = pdf_of(Kind::Simple, text, false, 1);
    assert_eq!(shape(&parse(&bytes)), shape(&parse(text.as_bytes())));
}

#[test]
fn glyphs_out_of_visual_order_are_sorted_by_position() {
    let x = tenken_import::extract(&pdf_of(Kind::IdentityToUnicode, POLICY, true, 1)).unwrap();
    assert!(
        x.text.contains("第3条 次の脅威を想定し、対策を講じる。\n"),
        "{}",
        x.text
    );
    assert_same_structure(Kind::IdentityToUnicode, true, 1);
    assert_same_structure(Kind::Rksj, true, 1);
}

#[test]
fn kangxi_radicals_become_ordinary_kanji() {
    let x = tenken_import::extract(&pdf_of(Kind::Kangxi, POLICY, false, 1)).unwrap();
    assert!(x.text.contains("この方針は"), "{}", x.text);
    assert!(
        !x.text
            .chars()
            .any(|c| ('\u{2E80}'..='\u{2FDF}').contains(&c)),
        "{}",
        x.text
    );
    // Circled numbers stay numbering (no NFKC).
    assert!(x.text.contains("① 不正アクセス"), "{}", x.text);
    assert_same_structure(Kind::Kangxi, false, 1);
}

#[test]
fn repeated_headers_footers_and_page_numbers_are_dropped() {
    let x = tenken_import::extract(&pdf_of(Kind::IdentityToUnicode, POLICY, false, 3)).unwrap();
    assert!(
        !x.text.contains("本市情報セキュリティポリシー"),
        "{}",
        x.text
    );
    assert!(!x.text.contains("- 2 -"), "{}", x.text);
    assert_same_structure(Kind::IdentityToUnicode, false, 3);
}

#[test]
fn identity_h_without_to_unicode_is_refused_as_undecodable() {
    let e = tenken_import::extract(&pdf_of(Kind::IdentityBare, POLICY, false, 1)).unwrap_err();
    assert_eq!(e.code(), "undecodable_pdf", "{e}");
}

/// A page with an image only (a scan).
fn scanned() -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let img = doc.add_object(Stream::new(
        dictionary! { "Type" => "XObject", "Subtype" => "Image", "Width" => 2, "Height" => 2, "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8 },
        vec![0, 255, 255, 0],
    ));
    let content = doc.add_object(Stream::new(
        dictionary! {},
        b"q 595 0 0 842 0 0 cm /Im1 Do Q\n".to_vec(),
    ));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content,
        "Resources" => dictionary! { "XObject" => dictionary! { "Im1" => img } },
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(pages_id, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![Object::Reference(page)], "Count" => 1 }));
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn scanned_pdf_has_no_text_layer() {
    let bytes = scanned();
    let e = tenken_import::extract(&bytes).unwrap_err();
    assert_eq!(e.code(), "no_text_layer", "{e}");
    // The CLI test uses the same file (tests/fixtures/policies/scanned-image-only.pdf).
    if std::env::var_os("TENKEN_WRITE_FIXTURES").is_some() {
        std::fs::write(
            format!(
                "{}/../../tests/fixtures/policies/scanned-image-only.pdf",
                env!("CARGO_MANIFEST_DIR")
            ),
            &bytes,
        )
        .unwrap();
    }
}

#[test]
fn actual_text_replaces_the_glyphs_of_its_span() {
    // A ligature-like glyph pair whose ToUnicode says "XY"; the span's ActualText says 「第1条」.
    let mut b = Builder::new(Kind::IdentityToUnicode);
    let body = b.encode("この方針は目的を定める。");
    let wrong = b.encode("XY");
    let caption = b.encode("（目的）");
    let actual: String = "第1条"
        .encode_utf16()
        .flat_map(|u| u.to_be_bytes())
        .map(|x| format!("{x:02X}"))
        .collect();
    b.pages.push(format!(
        "BT /F1 10.5 Tf 1 0 0 1 60 780 Tm <{caption}> Tj ET\n/Span <</ActualText <FEFF{actual}>>> BDC BT /F1 10.5 Tf 1 0 0 1 60 760 Tm <{wrong}> Tj ET EMC\nBT /F1 10.5 Tf 1 0 0 1 95 760 Tm <{body}> Tj ET\n/Artifact <</Type /Pagination>> BDC BT /F1 10.5 Tf 1 0 0 1 60 30 Tm <{wrong}> Tj ET EMC\n"
    ));
    let x = tenken_import::extract(&b.finish()).unwrap();
    assert_eq!(x.text, "（目的）\n第1条 この方針は目的を定める。\n");
}

#[test]
fn spaces_at_font_switches_give_the_same_sections() {
    // The same policy with the spaces a font switch leaves (「第 1 条」「LGWAN 接続系」「2026 年」).
    let spaced = POLICY
        .replace("第1条", "第 1 条")
        .replace("第2条", "第 2 条")
        .replace("LGWAN接続系", "LGWAN 接続系")
        .replace("LGWANに", "LGWAN に");
    let bytes = pdf_of(Kind::IdentityToUnicode, &spaced, false, 1);
    assert_eq!(shape(&parse(&bytes)), shape(&parse(POLICY.as_bytes())));
    let x = tenken_import::extract(&bytes).unwrap();
    // Spaces between kanji and digits go; the space after a leading number and those beside a
    // Latin word stay (they may be real: 「LGWAN接続系 LGWANに…」 is a term and its definition).
    assert!(
        x.text.contains("第1条 この方針") && x.text.contains("(2) LGWAN 接続系 LGWAN に"),
        "{}",
        x.text
    );
}

#[test]
fn encrypted_pdf_gets_a_clear_refusal() {
    let mut doc = Document::load_mem(&pdf_of(Kind::IdentityToUnicode, POLICY, false, 1)).unwrap();
    let enc = doc.add_object(dictionary! {
        "Filter" => "Standard", "V" => 2, "R" => 3, "Length" => 128, "P" => -3904,
        "O" => Object::String(vec![0x11; 32], StringFormat::Hexadecimal),
        "U" => Object::String(vec![0x22; 32], StringFormat::Hexadecimal),
    });
    doc.trailer.set("Encrypt", enc);
    doc.trailer.set(
        "ID",
        vec![
            Object::String(vec![1; 16], StringFormat::Hexadecimal),
            Object::String(vec![1; 16], StringFormat::Hexadecimal),
        ],
    );
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    let e = tenken_import::extract(&out).unwrap_err();
    assert_eq!(e.code(), "encrypted_pdf", "{e}");
}
