//! Helpers shared by the import tests: a small DOCX writer (the parts written out as XML, so the
//! numbers exist only in numbering.xml as Word writes them) and structure comparison.
#![allow(dead_code)]

use std::io::Write;
use tenken_policy::{Node, ParsedPolicy};

pub const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape""#;

/// A DOCX with `body` (the children of w:body), and numbering.xml / styles.xml when given.
pub fn docx(body: &str, numbering: Option<&str>, styles: Option<&str>) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let o: zip::write::SimpleFileOptions = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("[Content_Types].xml", o).unwrap();
        z.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#).unwrap();
        z.start_file("word/document.xml", o).unwrap();
        write!(z, r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>"#).unwrap();
        if let Some(n) = numbering {
            z.start_file("word/numbering.xml", o).unwrap();
            write!(z, r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {W}>{n}</w:numbering>"#).unwrap();
        }
        if let Some(s) = styles {
            z.start_file("word/styles.xml", o).unwrap();
            write!(z, r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W}>{s}</w:styles>"#).unwrap();
        }
        z.finish().unwrap();
    }
    buf.into_inner()
}

/// A paragraph with plain text.
pub fn p(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

/// A paragraph numbered by (numId, ilvl).
pub fn np(num: u32, ilvl: u32, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
    )
}

/// A level of an abstract numbering.
pub fn lvl(ilvl: u32, fmt: &str, text: &str, suff: &str) -> String {
    format!(
        r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:suff w:val="{suff}"/></w:lvl>"#
    )
}

fn walk(nodes: &[Node], out: &mut Vec<String>) {
    for n in nodes {
        out.push(format!("{:?} {}", n.number_path, n.citation));
        walk(&n.children, out);
    }
}

/// number paths with citations of every section, in order.
pub fn paths(p: &ParsedPolicy) -> Vec<String> {
    let mut v = Vec::new();
    walk(&p.sections, &mut v);
    v
}

/// number paths, topics and segments: what must be the same whatever the format.
pub fn shape(p: &ParsedPolicy) -> (Vec<String>, Vec<String>, Vec<String>) {
    let topics = p
        .topics
        .iter()
        .map(|(k, v)| format!("{k}={:?}", v.number_path))
        .collect();
    (paths(p), topics, p.segments.clone())
}

pub fn parse(bytes: &[u8]) -> ParsedPolicy {
    tenken_import::parse(bytes, false)
        .unwrap_or_else(|e| panic!("{}: {e}", e.code()))
        .parsed
}

pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../../tests/fixtures/policies/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}
