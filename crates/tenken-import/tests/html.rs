//! HTML: a 例規集-style page (lines marked `div.eline`, a table-of-contents sidebar, navigation,
//! scripts, ruby, a hidden id map; Shift_JIS) and any other page (visible text, block by block).
//! The pages are written here, after the markup of the common 例規集 systems.

mod common;
use common::*;

const TEXT: &str = "架空市情報セキュリティ基本方針
（目的）
第1条 この方針は、市の情報資産を守るための基本的な事項を定める。
（定義）
第2条 この方針において、次の各号に掲げる用語の意義は、当該各号に定めるところによる。
(1) マイナンバー利用事務系 個人番号利用事務に係る情報システムをいう。
(2) LGWAN接続系 LGWANに接続された情報システムをいう。
（対象とする脅威）
第3条 次の脅威を想定する。
(1) 不正アクセス
(2) 災害
";

fn reiki_page(charset: &str) -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="ja"><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>架空市情報セキュリティ基本方針</title><script>var toc = "第9条 偽物";</script><style>.eline{{margin:0}}</style></head>
<body>
<div id="header"><a href="/">例規集トップ</a> &gt; 第5編 総務</div>
<nav class="menu"><ul><li>第1条 目次の項目</li><li>第2条 目次の項目</li></ul></nav>
<div id="wrapper">
 <div class="sidebar" id="toc"><p>目次</p><p>第1条 目的</p><p>第2条 定義</p><p>第3条 脅威</p></div>
 <div id="primary">
  <div class="eline"><div class="title"><span class="title-irregular">架空市情報セキュリティ基本方針</span></div></div>
  <div class="eline"><div class="article-title">（目的）</div></div>
  <div class="eline"><div class="article"><p class="num"><span class="num">第1条</span>　この方針は、市の<ruby>情報資産<rt>じょうほうしさん</rt></ruby>を守るための基本的な事項を定める。</p></div></div>
  <div class="eline"><div class="article-title">（定義）</div></div>
  <div class="eline"><div class="article"><span class="num">第2条</span>　この方針において、次の各号に掲げる用語の意義は、当該各号に定めるところによる。</div></div>
  <div class="eline"><div class="item"><span class="num">(1)</span>　マイナンバー利用事務系　個人番号利用事務に係る情報システムをいう。</div></div>
  <div class="eline"><div class="item"><span class="num">(2)</span>　LGWAN接続系　LGWANに接続された情報システムをいう。</div></div>
  <div class="eline"><div class="article-title">（対象とする脅威）</div></div>
  <div class="eline"><div class="article"><span class="num">第3条</span>　次の脅威を想定する。</div></div>
  <div class="eline"><div class="item"><span class="num">(1)</span>　不正アクセス</div></div>
  <div class="eline"><div class="item"><span class="num">(2)</span>　災害</div></div>
  <div class="idmap" style="display:none">第4条 隠された対応表</div>
 </div>
</div>
<div id="footer">Copyright 架空市</div>
</body></html>"#
    )
}

#[test]
fn reiki_page_in_shift_jis_reads_like_the_text() {
    let html = reiki_page("Shift_JIS");
    let (bytes, _, bad) = encoding_rs::SHIFT_JIS.encode(&html);
    assert!(!bad);
    let x = tenken_import::extract(&bytes).unwrap();
    assert_eq!(x.format, tenken_import::SourceFormat::Html);
    assert_eq!(x.encoding, "Shift_JIS");
    for gone in [
        "例規集トップ",
        "目次の項目",
        "第2条 定義",
        "偽物",
        "じょうほうしさん",
        "隠された対応表",
        "Copyright",
    ] {
        assert!(!x.text.contains(gone), "{gone} in\n{}", x.text);
    }
    assert!(
        x.text.contains("第1条　この方針は、市の情報資産を守る"),
        "{}",
        x.text
    );
    let p = parse(&bytes);
    assert_eq!(shape(&p), shape(&parse(TEXT.as_bytes())));
    assert_eq!(p.source_format, "html");
}

#[test]
fn reiki_page_in_utf8() {
    let bytes = reiki_page("UTF-8").into_bytes();
    assert_eq!(shape(&parse(&bytes)), shape(&parse(TEXT.as_bytes())));
}

#[test]
fn any_other_page_gives_its_visible_text_block_by_block() {
    let mut body = String::from("<html><head><meta charset=\"utf-8\"></head><body><header>サイト名</header><main><h1>架空市情報セキュリティ基本方針</h1>");
    for l in TEXT.lines().skip(1) {
        body += &format!("<p>{}</p>\n", l.replace('<', "&lt;"));
    }
    body += "<table><tr><td>区分</td><td>内容</td></tr></table><pre>第9条 整形済み\n二行目</pre></main><footer>フッター</footer></body></html>";
    let x = tenken_import::extract(body.as_bytes()).unwrap();
    assert!(
        x.text.contains("\n区分 内容\n第9条 整形済み\n二行目\n"),
        "{}",
        x.text
    );
    assert!(
        !x.text.contains("サイト名") && !x.text.contains("フッター"),
        "{}",
        x.text
    );
    // Without the table and pre, the same structure as the text.
    let plain = body.replace(
        "<table><tr><td>区分</td><td>内容</td></tr></table><pre>第9条 整形済み\n二行目</pre>",
        "",
    );
    assert_eq!(
        shape(&parse(plain.as_bytes())),
        shape(&parse(TEXT.as_bytes()))
    );
}

#[test]
fn sniffing_is_by_content_not_name() {
    use tenken_import::{sniff, SourceFormat};
    assert_eq!(
        sniff(b"\xEF\xBB\xBF  \n<!-- c -->\n<!DOCTYPE html><html>").unwrap(),
        SourceFormat::Html
    );
    assert_eq!(
        sniff(b"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">").unwrap(),
        SourceFormat::Html
    );
    assert_eq!(sniff(b"%PDF-1.4\n").unwrap(), SourceFormat::Pdf);
    assert_eq!(
        sniff("第1条 <html> の扱い".as_bytes()).unwrap(),
        SourceFormat::Text
    );
    assert_eq!(
        sniff(&docx(&p("第1条"), None, None)).unwrap(),
        SourceFormat::Docx
    );
    assert_eq!(
        sniff(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest")
            .unwrap_err()
            .code(),
        "unsupported_format"
    );
}
