//! Word documents: automatic numbering rebuilt from numbering.xml gives the same structure as
//! the text the reader sees; skipped content; bounds.

mod common;
use common::*;

const TEXT: &str = "情報セキュリティ基本方針
（目的）
第1条 この方針は、本市の情報資産を守るための基本的な事項を定める。
（定義）
第2条 この方針において、次の各号に掲げる用語の意義は、当該各号に定めるところによる。
(1) ネットワーク 通信網及びその構成機器をいう。
(2) 情報システム ネットワーク及び電磁的記録媒体で構成される仕組みをいう。
（対象とする脅威）
第3条 次の脅威を想定する。
① 不正アクセス、不正操作による情報資産の漏えい
② 地震、落雷、火災等の災害
（適用範囲）
第4条 この方針の適用範囲は、次のとおりとする。
ア 市長部局
イ 教育委員会
（職員等の遵守義務）
第5条 職員等は、情報セキュリティポリシーを遵守しなければならない。
";

/// One abstract numbering, four levels: 第%1条, (%2), ③, ア.
fn legal_numbering(fmt_circle: &str, fmt_kata: &str) -> String {
    format!(
        r#"<w:abstractNum w:abstractNumId="7">{}{}{}{}</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>"#,
        lvl(0, "decimal", "第%1条", "space"),
        lvl(1, "decimal", "(%2)", "space"),
        lvl(2, fmt_circle, "%3", "space"),
        lvl(3, fmt_kata, "%4", "space"),
    )
}

fn legal_body(num: u32) -> String {
    let mut b = String::new();
    b += &p("情報セキュリティ基本方針");
    b += &p("（目的）");
    b += &np(
        num,
        0,
        "この方針は、本市の情報資産を守るための基本的な事項を定める。",
    );
    b += &p("（定義）");
    b += &np(
        num,
        0,
        "この方針において、次の各号に掲げる用語の意義は、当該各号に定めるところによる。",
    );
    b += &np(num, 1, "ネットワーク 通信網及びその構成機器をいう。");
    b += &np(
        num,
        1,
        "情報システム ネットワーク及び電磁的記録媒体で構成される仕組みをいう。",
    );
    b += &p("（対象とする脅威）");
    b += &np(num, 0, "次の脅威を想定する。");
    b += &np(num, 2, "不正アクセス、不正操作による情報資産の漏えい");
    b += &np(num, 2, "地震、落雷、火災等の災害");
    b += &p("（適用範囲）");
    b += &np(num, 0, "この方針の適用範囲は、次のとおりとする。");
    b += &np(num, 3, "市長部局");
    b += &np(num, 3, "教育委員会");
    b += &p("（職員等の遵守義務）");
    b += &np(
        num,
        0,
        "職員等は、情報セキュリティポリシーを遵守しなければならない。",
    );
    b
}

#[test]
fn auto_numbering_gives_the_structure_of_the_text() {
    let text = parse(TEXT.as_bytes());
    assert!(paths(&text).len() >= 11, "{:?}", paths(&text));
    let bytes = docx(
        &legal_body(3),
        Some(&legal_numbering("decimalEnclosedCircle", "aiueoFullWidth")),
        None,
    );
    let x = tenken_import::extract(&bytes).unwrap();
    assert_eq!(x.format, tenken_import::SourceFormat::Docx);
    assert!(
        x.text
            .contains("第3条 次の脅威を想定する。\n① 不正アクセス"),
        "{}",
        x.text
    );
    assert!(
        x.text.contains("\nア 市長部局\nイ 教育委員会\n"),
        "{}",
        x.text
    );
    let d = parse(&bytes);
    assert_eq!(shape(&d), shape(&text));
    assert_eq!(d.source_format, "docx");
}

#[test]
fn style_linked_numbering_and_num_style_link() {
    // The paragraphs name only a style; the style carries the numbering; that numbering's
    // abstractNum is a numStyleLink to a list style whose abstractNum has the levels.
    let styles = r#"<w:style w:type="paragraph" w:styleId="Jo"><w:name w:val="条"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Go"><w:basedOn w:val="Jo"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="numbering" w:styleId="ListJo"><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:style>"#;
    let numbering = format!(
        r#"<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="ListJo"/></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:styleLink w:val="ListJo"/>{}{}</w:abstractNum>
<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="9"><w:abstractNumId w:val="2"/></w:num>"#,
        lvl(0, "decimalFullWidth", "第%1条", "space"),
        lvl(1, "decimalFullWidth", "（%2）", "space"),
    );
    let sp = |style: &str, t: &str| {
        format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#)
    };
    let body = [
        p("（目的）"),
        sp("Jo", "この方針は目的を定める。"),
        p("（定義）"),
        sp("Jo", "用語の意義は次のとおり。"),
        sp("Go", "ネットワーク 通信網をいう。"),
        sp("Go", "情報システム 仕組みをいう。"),
    ]
    .concat();
    let x = tenken_import::extract(&docx(&body, Some(&numbering), Some(styles))).unwrap();
    assert_eq!(x.text, "（目的）\n第１条 この方針は目的を定める。\n（定義）\n第２条 用語の意義は次のとおり。\n（１） ネットワーク 通信網をいう。\n（２） 情報システム 仕組みをいう。\n");
}

#[test]
fn start_override_and_restart_of_deeper_levels() {
    let numbering = format!(
        r#"<w:abstractNum w:abstractNumId="0">{}{}</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>"#,
        lvl(0, "decimal", "%1.", "space"),
        lvl(1, "decimalEnclosedParen", "%2", "nothing"),
    );
    let body = [
        np(1, 0, "目的"),
        np(1, 1, "一"),
        np(1, 1, "二"),
        np(1, 0, "定義"),
        np(1, 1, "三"),
        np(2, 0, "評価"),
        np(2, 1, "四"),
    ]
    .concat();
    let x = tenken_import::extract(&docx(&body, Some(&numbering), None)).unwrap();
    assert_eq!(x.text, "1. 目的\n⑴一\n⑵二\n2. 定義\n⑴三\n5. 評価\n⑴四\n");
}

#[test]
fn japanese_formats_and_multi_level_text() {
    let numbering = format!(
        r#"<w:abstractNum w:abstractNumId="0">{}{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
        lvl(0, "japaneseCounting", "第%1章", "space"),
        lvl(1, "decimal", "%1―%2", "space"),
        lvl(2, "irohaFullWidth", "(%3)", "space"),
    );
    let mut body = String::new();
    for _ in 0..11 {
        body += &np(1, 0, "章");
    }
    body += &np(1, 1, "節");
    body += &np(1, 1, "節");
    body += &np(1, 2, "い");
    body += &np(1, 2, "ろ");
    body += &np(1, 2, "は");
    let x = tenken_import::extract(&docx(&body, Some(&numbering), None)).unwrap();
    assert!(x.text.starts_with("第一章 章\n第二章 章\n"), "{}", x.text);
    // Word formats %1 in level 1 with level 0's own format (unless isLgl).
    assert!(
        x.text
            .contains("第十一章 章\n十一―1 節\n十一―2 節\n(イ) い\n(ロ) ろ\n(ハ) は\n"),
        "{}",
        x.text
    );
}

#[test]
fn skipped_content_is_not_read() {
    let body = format!(
        r#"<w:p><w:r><w:t>残す</w:t></w:r><w:del><w:r><w:delText>削除済み</w:delText></w:r></w:del><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>結果</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隠し</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>見える</w:t></w:r><w:ruby><w:rt><w:r><w:t>じょうほう</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>情報</w:t></w:r></w:rubyBase></w:ruby><w:r><w:tab/><w:t>&amp;&#x5B57;</w:t><w:br/><w:t>次の行</w:t></w:r></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>{}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>{}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>"#,
        p("箱の中"),
        p("箱の中"),
        p("区分"),
        p("内容"),
        p("続き"),
        p("機密性3"),
        p("秘密文書")
    );
    let x = tenken_import::extract(&docx(&body, None, None)).unwrap();
    assert_eq!(x.text.matches("箱の中").count(), 1, "{}", x.text);
    assert!(
        x.text.starts_with("残す結果見える情報 &字\n次の行\n"),
        "{}",
        x.text
    );
    assert!(
        x.text.contains("\n区分 内容 続き\n機密性3 秘密文書\n"),
        "{}",
        x.text
    );
    for gone in ["削除済み", "PAGE", "隠し", "じょうほう"] {
        assert!(!x.text.contains(gone), "{gone} in {}", x.text);
    }
}

#[test]
fn zip_bomb_is_refused_not_inflated() {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        use std::io::Write;
        let mut z = zip::ZipWriter::new(&mut buf);
        let o: zip::write::SimpleFileOptions = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        z.start_file("word/document.xml", o).unwrap();
        let chunk = vec![b' '; 1 << 20];
        for _ in 0..80 {
            z.write_all(&chunk).unwrap();
        }
        z.finish().unwrap();
    }
    let bytes = buf.into_inner();
    assert!(bytes.len() < 2 << 20, "{}", bytes.len());
    let e = tenken_import::extract(&bytes).unwrap_err();
    assert_eq!(e.code(), "file_too_large", "{e}");
    assert!(e.to_string().contains("64 MiB"), "{e}");
}

#[test]
fn damaged_docx_and_other_zips() {
    let mut bytes = docx(&p("第1条 目的"), None, None);
    // Cut the archive: the central directory is lost.
    bytes.truncate(bytes.len() / 2);
    let e = tenken_import::extract(&bytes).unwrap_err();
    assert!(
        matches!(e.code(), "damaged_file" | "unsupported_format"),
        "{}",
        e.code()
    );
    // An .xlsx (no word/document.xml): not a Word document.
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        use std::io::Write;
        let mut z = zip::ZipWriter::new(&mut buf);
        z.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all(b"<workbook/>").unwrap();
        z.finish().unwrap();
    }
    let e = tenken_import::extract(&buf.into_inner()).unwrap_err();
    assert_eq!(e.code(), "unsupported_format");
}

#[test]
fn numbering_written_by_libreoffice_is_rebuilt() {
    // tests/fixtures/policies/converted/numbered-lists.docx: nested <ol> lists saved as DOCX by
    // LibreOffice; the document text has no numbers, numbering.xml has them.
    let bytes = fixture("converted/numbered-lists.docx");
    let x = tenken_import::extract(&bytes).unwrap();
    assert_eq!(
        x.text,
        "架空市情報セキュリティ基本方針\n1. 目的 この方針は、市の情報資産を守るための基本的な事項を定める。\n2. 定義 用語の意義は次のとおり。\n1. マイナンバー利用事務系 個人番号利用事務に係る情報システムをいう。\n2. LGWAN接続系 LGWANに接続された情報システムをいう。\n3. 対象とする脅威\n1. 不正アクセス\n2. 災害\n"
    );
}
