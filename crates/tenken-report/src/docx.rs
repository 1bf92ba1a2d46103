//! The editable working copy: the same blocks as the PDF, written as a Word document (DOCX,
//! WordprocessingML) with real heading styles (so navigation and a table of contents work),
//! real tables (header rows repeat), charts as PNG images, page numbers in the footer, A4 with
//! margins, and Japanese fonts Word on Windows has (游ゴシック for headings, MS 明朝 for the
//! text, set as East Asian fonts). It says on its first page that it is a working copy; the
//! PDF stays the record.

use std::io::Write;

use crate::layout::{Align, Block, Chart, Color, Table};

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' => {}
            c => o.push(c),
        }
    }
    o
}

fn hex(c: Color) -> String {
    let b = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!("{:02X}{:02X}{:02X}", b(c.0), b(c.1), b(c.2))
}

/// Runs of a text, newlines as line breaks.
fn runs(text: &str, size_pt: Option<f32>, color: Option<Color>) -> String {
    let mut rpr = String::new();
    if let Some(c) = color {
        rpr.push_str(&format!("<w:color w:val=\"{}\"/>", hex(c)));
    }
    if let Some(s) = size_pt {
        let hp = (s * 2.0).round() as i32;
        rpr.push_str(&format!("<w:sz w:val=\"{hp}\"/><w:szCs w:val=\"{hp}\"/>"));
    }
    let rpr = if rpr.is_empty() {
        String::new()
    } else {
        format!("<w:rPr>{rpr}</w:rPr>")
    };
    let mut o = String::new();
    for (i, line) in text.split('\n').enumerate() {
        o.push_str("<w:r>");
        o.push_str(&rpr);
        if i > 0 {
            o.push_str("<w:br/>");
        }
        o.push_str(&format!(
            "<w:t xml:space=\"preserve\">{}</w:t></w:r>",
            esc(line)
        ));
    }
    o
}

fn para(
    style: Option<&str>,
    text: &str,
    size: Option<f32>,
    color: Option<Color>,
    align: Option<&str>,
) -> String {
    let mut ppr = String::new();
    if let Some(s) = style {
        ppr.push_str(&format!("<w:pStyle w:val=\"{s}\"/>"));
    }
    if let Some(a) = align {
        ppr.push_str(&format!("<w:jc w:val=\"{a}\"/>"));
    }
    let ppr = if ppr.is_empty() {
        String::new()
    } else {
        format!("<w:pPr>{ppr}</w:pPr>")
    };
    format!("<w:p>{ppr}{}</w:p>", runs(text, size, color))
}

const PAGE_BREAK: &str = "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";

fn table(t: &Table) -> String {
    let tw = |pt: f32| (pt * 20.0).round() as i64;
    let mut o = String::from("<w:tbl><w:tblPr><w:tblStyle w:val=\"Grid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblLayout w:type=\"fixed\"/>");
    o.push_str("<w:tblBorders>");
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        o.push_str(&format!(
            "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8C8C8C\"/>"
        ));
    }
    o.push_str("</w:tblBorders><w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>");
    for c in &t.cols {
        o.push_str(&format!("<w:gridCol w:w=\"{}\"/>", tw(c.width)));
    }
    o.push_str("</w:tblGrid>");
    let row = |o: &mut String, cells: &[String], header: bool| {
        o.push_str("<w:tr>");
        if header {
            o.push_str("<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
        }
        let n = cells.len();
        for (i, text) in cells.iter().enumerate() {
            let span = if i + 1 == n && n < t.cols.len() {
                t.cols.len() - i
            } else {
                1
            };
            let w: f32 = t.cols[i..i + span].iter().map(|c| c.width).sum();
            let col = &t.cols[i];
            let shade = header || col.shade;
            o.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>",
                tw(w)
            ));
            if span > 1 {
                o.push_str(&format!("<w:gridSpan w:val=\"{span}\"/>"));
            }
            if shade {
                o.push_str("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"EBEDF2\"/>");
            }
            o.push_str("</w:tcPr>");
            let align = if header {
                Some("center")
            } else {
                match col.align {
                    Align::Left => None,
                    Align::Center => Some("center"),
                    Align::Right => Some("right"),
                }
            };
            let size = if header {
                t.header_size.unwrap_or(t.size)
            } else {
                col.size.unwrap_or(t.size)
            };
            o.push_str(&para(Some("TableText"), text, Some(size), None, align));
            o.push_str("</w:tc>");
        }
        o.push_str("</w:tr>");
    };
    if let Some(h) = &t.header {
        row(&mut o, h, true);
    }
    for r in &t.rows {
        row(&mut o, r, false);
    }
    o.push_str("</w:tbl>");
    // Word needs a paragraph between two tables.
    o.push_str("<w:p/>");
    o
}

/// A chart drawn as a PNG: one stacked bar per row (the numbers are in the table before it,
/// the legend below it).
fn chart_png(c: &Chart) -> (Vec<u8>, u32, u32) {
    let (w, bar_h, gap) = (900u32, 18u32, 6u32);
    let h = (c.bars.len() as u32 * (bar_h + gap) + gap).max(1);
    let mut px = vec![255u8; (w * h * 3) as usize];
    let mut fill = |x0: u32, y0: u32, x1: u32, y1: u32, col: Color| {
        let rgb = [
            (col.0 * 255.0) as u8,
            (col.1 * 255.0) as u8,
            (col.2 * 255.0) as u8,
        ];
        for y in y0..y1.min(h) {
            for x in x0..x1.min(w) {
                let i = ((y * w + x) * 3) as usize;
                px[i..i + 3].copy_from_slice(&rgb);
            }
        }
    };
    for (k, b) in c.bars.iter().enumerate() {
        let y = gap + k as u32 * (bar_h + gap);
        let total: u32 = b.values.iter().sum();
        fill(0, y, w, y + bar_h, Color(0.97, 0.97, 0.97));
        if total > 0 {
            let mut x = 0.0f32;
            for (v, (_, col)) in b.values.iter().zip(&c.series) {
                let dx = w as f32 * *v as f32 / total as f32;
                fill(
                    x.round() as u32,
                    y,
                    (x + dx).round() as u32,
                    y + bar_h,
                    *col,
                );
                x += dx;
            }
        }
    }
    (png(&px, w, h), w, h)
}

/// A minimal PNG (RGB, 8 bit, zlib via flate2).
fn png(rgb: &[u8], w: u32, h: u32) -> Vec<u8> {
    let mut raw = Vec::with_capacity(rgb.len() + h as usize);
    for row in rgb.chunks((w * 3) as usize) {
        raw.push(0);
        raw.extend_from_slice(row);
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    let _ = z.write_all(&raw);
    let data = z.finish().unwrap_or_default();
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let chunk = |out: &mut Vec<u8>, kind: &[u8], body: &[u8]| {
        out.extend_from_slice(&(body.len() as u32).to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(body);
        out.extend_from_slice(kind);
        out.extend_from_slice(body);
        out.extend_from_slice(&crc.sum().to_be_bytes());
    };
    let mut ihdr = vec![];
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &data);
    chunk(&mut out, b"IEND", &[]);
    out
}

fn image(rid: &str, n: usize, w_px: u32, h_px: u32) -> String {
    // 16 cm wide, height to scale (EMU).
    let cx: i64 = 16 * 360_000;
    let cy: i64 = cx * h_px as i64 / w_px.max(1) as i64;
    format!(
        "<w:p><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"{n}\" name=\"chart{n}\"/>\
<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:nvPicPr><pic:cNvPr id=\"{n}\" name=\"chart{n}.png\"/><pic:cNvPicPr/></pic:nvPicPr>\
<pic:blipFill><a:blip r:embed=\"{rid}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>\
<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )
}

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="MS 明朝" w:eastAsia="MS 明朝" w:hAnsi="MS 明朝" w:cs="MS 明朝"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="ja-JP" w:eastAsia="ja-JP" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="center"/><w:spacing w:before="2400" w:after="480"/></w:pPr><w:rPr><w:rFonts w:ascii="游ゴシック" w:eastAsia="游ゴシック" w:hAnsi="游ゴシック"/><w:sz w:val="44"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/><w:pBdr><w:bottom w:val="single" w:sz="8" w:space="1" w:color="1F3B73"/></w:pBdr></w:pPr><w:rPr><w:rFonts w:ascii="游ゴシック" w:eastAsia="游ゴシック" w:hAnsi="游ゴシック"/><w:color w:val="1F3B73"/><w:sz w:val="30"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:ascii="游ゴシック" w:eastAsia="游ゴシック" w:hAnsi="游ゴシック"/><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:rFonts w:ascii="游ゴシック" w:eastAsia="游ゴシック" w:hAnsi="游ゴシック"/><w:sz w:val="21"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="16"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>
<w:style w:type="table" w:styleId="Grid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:color="8C8C8C"/><w:left w:val="single" w:sz="4" w:color="8C8C8C"/><w:bottom w:val="single" w:sz="4" w:color="8C8C8C"/><w:right w:val="single" w:sz="4" w:color="8C8C8C"/><w:insideH w:val="single" w:sz="4" w:color="8C8C8C"/><w:insideV w:val="single" w:sz="4" w:color="8C8C8C"/></w:tblBorders></w:tblPr></w:style>
</w:styles>"#;

/// Writes the blocks as a DOCX. `note`: the working-copy notice printed first; `header`:
/// the running header text.
pub fn write(
    blocks: &[Block],
    title: &str,
    header: &str,
    note: &str,
    toc_hint: &str,
) -> Result<Vec<u8>, String> {
    let mut body = String::new();
    let mut images: Vec<Vec<u8>> = vec![];
    body.push_str(&para(None, note, Some(9.0), Some(Color::RED), None));
    for b in blocks {
        match b {
            Block::Cover(c) => {
                body.push_str(&para(None, &c.issue, Some(12.0), Some(Color::ACCENT), None));
                body.push_str(&para(
                    None,
                    &c.marking,
                    Some(12.0),
                    Some(Color::RED),
                    Some("right"),
                ));
                body.push_str(&para(None, &c.addressee, Some(12.0), None, None));
                body.push_str(&para(Some("Title"), &c.title, None, None, None));
                body.push_str(&para(
                    None,
                    &c.subtitle,
                    Some(11.0),
                    Some(Color::GREY),
                    Some("center"),
                ));
                for (t, s) in [
                    (&c.date, 12.0),
                    (&c.organisation, 14.0),
                    (&c.prepared, 11.0),
                ] {
                    body.push_str(&para(None, t, Some(s), None, Some("center")));
                }
                body.push_str(&para(None, &c.notice, Some(8.5), Some(Color::GREY), None));
                body.push_str(PAGE_BREAK);
            }
            Block::Toc { title } => {
                body.push_str(&para(None, title, Some(15.0), Some(Color::ACCENT), None));
                body.push_str("<w:p><w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>");
                body.push_str(&runs(toc_hint, None, Some(Color::GREY)));
                body.push_str("<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>");
                body.push_str(PAGE_BREAK);
            }
            Block::Heading { level, text, .. } => {
                body.push_str(&para(
                    Some(&format!("Heading{}", (*level).clamp(1, 3))),
                    text,
                    None,
                    None,
                    None,
                ));
            }
            Block::Para {
                text, size, color, ..
            } => {
                body.push_str(&para(
                    None,
                    text,
                    Some(*size),
                    (*color != Color::BLACK).then_some(*color),
                    None,
                ));
            }
            Block::Table(t) => body.push_str(&table(t)),
            Block::Chart(c) => {
                let (bytes, w, h) = chart_png(c);
                images.push(bytes);
                let n = images.len();
                body.push_str(&image(&format!("rIdImg{n}"), n, w, h));
                // The rows, in order, and the legend (the image has no text).
                let rows: Vec<String> = c
                    .bars
                    .iter()
                    .map(|b| format!("{} {}", b.label, b.right))
                    .collect();
                body.push_str(&para(
                    Some("TableText"),
                    &rows.join(" / "),
                    Some(7.0),
                    Some(Color::GREY),
                    None,
                ));
                let mut legend =
                    String::from("<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>");
                for (name, col) in &c.series {
                    legend.push_str(&runs("■", Some(9.0), Some(*col)));
                    legend.push_str(&runs(&format!("{name}　"), Some(8.0), None));
                }
                legend.push_str("</w:p>");
                body.push_str(&legend);
            }
            Block::Space(_) => body.push_str("<w:p/>"),
            Block::PageBreak => body.push_str(PAGE_BREAK),
        }
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>{body}\
<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>\
<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1417\" w:right=\"1134\" w:bottom=\"1247\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    );
    let footer = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>\
<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
<w:r><w:t xml:space=\"preserve\"> / </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> NUMPAGES </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:ftr>";
    let header_xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">{}</w:hdr>",
        para(None, header, Some(7.5), Some(Color::GREY), None)
    );
    let mut rels = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>\
<Relationship Id=\"rIdHeader\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>");
    for n in 1..=images.len() {
        rels.push_str(&format!("<Relationship Id=\"rIdImg{n}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/chart{n}.png\"/>"));
    }
    rels.push_str("</Relationships>");
    let types = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>";
    let root_rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>";
    let core = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title><dc:creator>tenken</dc:creator></cp:coreProperties>",
        esc(title)
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut put = |name: &str, bytes: &[u8]| -> Result<(), String> {
        zip.start_file(name, opts).map_err(|e| e.to_string())?;
        zip.write_all(bytes).map_err(|e| e.to_string())
    };
    put("[Content_Types].xml", types.as_bytes())?;
    put("_rels/.rels", root_rels.as_bytes())?;
    put("docProps/core.xml", core.as_bytes())?;
    put("word/document.xml", document.as_bytes())?;
    put("word/styles.xml", STYLES.as_bytes())?;
    put("word/footer1.xml", footer.as_bytes())?;
    put("word/header1.xml", header_xml.as_bytes())?;
    put("word/_rels/document.xml.rels", rels.as_bytes())?;
    for (i, img) in images.iter().enumerate() {
        put(&format!("word/media/chart{}.png", i + 1), img)?;
    }
    Ok(zip.finish().map_err(|e| e.to_string())?.into_inner())
}
