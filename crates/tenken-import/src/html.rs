//! HTML → lines. Pages of the common 例規集 systems mark each line of the text (`div.eline`):
//! one line per marked line, nothing outside them (the table-of-contents sidebar, navigation).
//! Any other page: the visible text, one line per block (p, div, li, h1–h6, tr, br …), table
//! cells separated by a space. Scripts, styles, ruby readings (`rt`, `rp`), hidden elements,
//! navigation, headers/footers and table-of-contents / sidebar / menu blocks are dropped.
//! Charset: BOM, else `<meta charset>` / `http-equiv` in the first 4 KiB, else UTF-8 when
//! valid, else the text decoder's guess (Shift_JIS, EUC-JP).

use crate::{limits, Problem};
use ego_tree::iter::Edge;
use scraper::{Html, Node};

fn skip_ws(mut b: &[u8]) -> &[u8] {
    loop {
        let t = b.trim_ascii_start();
        if let Some(rest) = t.strip_prefix(b"<!--") {
            match rest.windows(3).position(|w| w == b"-->") {
                Some(p) => b = &rest[p + 3..],
                None => return t,
            }
        } else if t.starts_with(b"<?xml") {
            match t.iter().position(|&c| c == b'>') {
                Some(p) => b = &t[p + 1..],
                None => return t,
            }
        } else {
            return t;
        }
    }
}

/// `<!DOCTYPE html`, `<html` (after a BOM, white space, comments and an XML declaration), or a
/// fragment with `<head`/`<body` near the start.
pub(crate) fn looks_like_html(bytes: &[u8]) -> bool {
    let b = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let b = skip_ws(b);
    let head: Vec<u8> = b
        .iter()
        .take(1024)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if head.starts_with(b"<!doctype html") || head.starts_with(b"<html") {
        return true;
    }
    head.starts_with(b"<")
        && (head.windows(5).any(|w| w == b"<head") || head.windows(5).any(|w| w == b"<body"))
}

/// The encoding named by a `charset=` in the first 4 KiB.
fn meta_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head: Vec<u8> = bytes
        .iter()
        .take(4096)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let at = head.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = &head[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|c| !(c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_'))
        .unwrap_or(rest.len());
    encoding_rs::Encoding::for_label(&rest[..end])
}

fn decode(bytes: &[u8]) -> Result<(String, String), Problem> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (s, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return Ok((s.into_owned(), enc.name().to_string()));
    }
    if let Some(enc) = meta_charset(bytes) {
        // A page that says UTF-16 in ASCII cannot be UTF-16: read it as UTF-8 (as browsers do).
        let enc = if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
            encoding_rs::UTF_8
        } else {
            enc
        };
        let (s, _) = enc.decode_without_bom_handling(bytes);
        return Ok((s.into_owned(), enc.name().to_string()));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_string(), "UTF-8".to_string()));
    }
    let (s, name) = tenken_policy::decode_with_encoding(bytes)?;
    Ok((s, name.to_string()))
}

const DROP: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "rt", "rp", "iframe", "object",
    "select", "button", "svg", "math", "header", "footer", "aside", "form", "input", "textarea",
    "title",
];
const BLOCK: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "address",
    "center",
    "body",
    "main",
    "figure",
    "figcaption",
    "caption",
    "hr",
    "tbody",
    "thead",
    "tfoot",
];
/// id / class words of page chrome.
const CHROME: &[&str] = &[
    "toc",
    "sidebar",
    "side",
    "sidemenu",
    "sidenav",
    "menu",
    "nav",
    "navi",
    "navigation",
    "breadcrumb",
    "breadcrumbs",
    "pankuzu",
    "mokuji",
    "header",
    "footer",
    "skip",
    "hidden",
    "idmap",
    "hide",
];

fn is_chrome(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(st) = el.attr("style") {
        let st: String = st
            .to_ascii_lowercase()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if st.contains("display:none") || st.contains("visibility:hidden") {
            return true;
        }
    }
    let words = |s: &str| {
        s.to_ascii_lowercase()
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|w| CHROME.contains(&w))
    };
    el.attr("id").is_some_and(words) || el.attr("class").is_some_and(words)
}

struct Lines {
    out: Vec<String>,
    cur: String,
}

impl Lines {
    fn flush(&mut self) {
        let l = self.cur.trim();
        if !l.is_empty() {
            self.out.push(l.to_string());
        }
        self.cur.clear();
    }

    fn push_text(&mut self, t: &str, pre: bool) {
        if pre {
            let mut first = true;
            for part in t.split('\n') {
                if !first {
                    self.flush();
                }
                first = false;
                self.cur.push_str(part);
            }
            return;
        }
        for c in t.chars() {
            let c = if c == '\u{A0}' { ' ' } else { c };
            if c.is_ascii_whitespace() || c == ' ' {
                if !self.cur.is_empty() && !self.cur.ends_with(' ') {
                    self.cur.push(' ');
                }
            } else {
                self.cur.push(c);
            }
        }
    }
}

pub(crate) fn extract(bytes: &[u8]) -> Result<(String, String), Problem> {
    let (text, encoding) = decode(bytes)?;
    let doc = Html::parse_document(&text);
    let has_eline = doc.tree.values().any(|n| {
        n.as_element()
            .is_some_and(|e| e.has_class("eline", scraper::CaseSensitivity::AsciiCaseInsensitive))
    });
    let mut lines = Lines {
        out: Vec::new(),
        cur: String::new(),
    };
    let mut skip: Option<ego_tree::NodeId> = None;
    let mut eline_depth = 0usize;
    let mut pre_depth = 0usize;
    let mut depth = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                depth += 1;
                if skip.is_some() || depth > limits::DEPTH * 4 {
                    continue;
                }
                match node.value() {
                    Node::Element(el) => {
                        let name = el.name();
                        if DROP.contains(&name) || is_chrome(el) {
                            skip = Some(node.id());
                            continue;
                        }
                        let eline = has_eline
                            && el
                                .has_class("eline", scraper::CaseSensitivity::AsciiCaseInsensitive);
                        if eline {
                            eline_depth += 1;
                            lines.flush();
                        } else if name == "br" || (!has_eline && BLOCK.contains(&name)) {
                            lines.flush();
                        } else if matches!(name, "td" | "th") {
                            lines.push_text(" ", false);
                        }
                        if name == "pre" {
                            pre_depth += 1;
                        }
                    }
                    Node::Text(t) if (!has_eline || eline_depth > 0) => {
                        lines.push_text(t, pre_depth > 0);
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                depth = depth.saturating_sub(1);
                if let Some(id) = skip {
                    if id == node.id() {
                        skip = None;
                    }
                    continue;
                }
                if let Node::Element(el) = node.value() {
                    let name = el.name();
                    if has_eline
                        && el.has_class("eline", scraper::CaseSensitivity::AsciiCaseInsensitive)
                    {
                        eline_depth = eline_depth.saturating_sub(1);
                        lines.flush();
                    } else if !has_eline && BLOCK.contains(&name) {
                        lines.flush();
                    }
                    if name == "pre" {
                        pre_depth = pre_depth.saturating_sub(1);
                    }
                }
            }
        }
    }
    lines.flush();
    let mut text = lines.out.join("\n");
    text.push('\n');
    Ok((text, encoding))
}
