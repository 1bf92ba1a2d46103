//! Builds the section tree from classified lines, then numbers and cites every node.

use crate::scan::{Kind, Line, Marker, Nums, Style};
use crate::text::{circled_char, compact, kata_index, norm_char, roman_char_value, to_kanji};
use crate::topics::{heading_prefix, SegmentFinder};
use crate::Node;
use std::fmt::{self, Write as _};

#[derive(Clone, Debug)]
pub(crate) struct Raw {
    pub style: Style,
    pub nums: Nums,
    pub label: String,
    pub title: Option<String>,
    pub text: String,
    pub line: usize,
    pub children: Vec<usize>,
    pub kanji: bool,
    pub sep: char,
    pub branch: Option<u32>,
    pub iroha: bool,
    pub kata: Option<char>,
}

impl Raw {
    fn num(&self) -> u32 {
        self.nums.last().copied().unwrap_or(0)
    }
    fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.children.is_empty()
    }
    /// Numbers a dotted child would repeat as its prefix.
    fn dotnums(&self) -> &[u32] {
        match self.style {
            Style::Dot(_) => &self.nums,
            // `[self.num()]`
            Style::Dai | Style::Bare | Style::Article => {
                self.nums.last().map_or(&[0], std::slice::from_ref)
            }
            _ => &[],
        }
    }
}

pub(crate) struct Built {
    pub nodes: Vec<Raw>,
    pub roots: Vec<usize>,
    pub preamble: Vec<String>,
    pub warnings: Vec<String>,
    /// Network segments named in the body text (not in a TOC or the appendix).
    pub segments: Vec<String>,
}

struct Builder {
    nodes: Vec<Raw>,
    roots: Vec<usize>,
    stack: Vec<usize>,
    warnings: Vec<String>,
    dropped_warnings: usize,
}

/// Beyond this many, warnings are summarised in one line.
const MAX_WARNINGS: usize = 200;

enum Place {
    Ok,
    Reject,
}

pub(crate) fn append_text(buf: &mut String, piece: &str) {
    let piece = piece.trim();
    if piece.is_empty() {
        return;
    }
    if let Some(last) = buf.chars().next_back() {
        let first = piece.chars().next().unwrap_or(' ');
        if matches!(last, '。' | ':' | '：' | '!' | '?' | '！' | '？') {
            buf.push('\n');
        } else if last.is_ascii_alphanumeric() && first.is_ascii_alphanumeric() {
            buf.push(' ');
        }
    }
    buf.push_str(piece);
}

impl Builder {
    fn warn(&mut self, line: usize, msg: impl AsRef<str>) {
        if self.warnings.len() < MAX_WARNINGS {
            self.warnings
                .push(format!("{}行目: {}", line, msg.as_ref()));
        } else {
            self.dropped_warnings += 1;
        }
    }

    /// Label of the open heading at stack position `pos` (for warnings).
    fn open_label(&self, pos: usize) -> String {
        self.nodes[self.stack[pos]].label.clone()
    }

    fn find_style(&self, st: Style) -> Option<usize> {
        self.stack.iter().rposition(|&i| self.nodes[i].style == st)
    }

    fn siblings_of(&self, pos: usize) -> &Vec<usize> {
        match pos.checked_sub(1).and_then(|p| self.stack.get(p)) {
            Some(&p) => &self.nodes[p].children,
            None => &self.roots,
        }
    }

    /// A top-level list that restarts at 1 after only empty entries was a table of contents.
    fn try_toc_restart(&mut self, pos: usize, st: Style) -> bool {
        let parent = pos.checked_sub(1).and_then(|p| self.stack.get(p)).copied();
        if let Some(p) = parent {
            if !matches!(self.nodes[p].style, Style::Group(_)) {
                return false;
            }
        }
        // Short-circuits on the last sibling, so long real lists stay linear.
        let all_empty = self
            .siblings_of(pos)
            .iter()
            .rev()
            .filter(|&&i| self.nodes[i].style == st)
            .all(|&i| self.nodes[i].is_empty());
        if !all_empty {
            return false;
        }
        let sibs: Vec<usize> = self
            .siblings_of(pos)
            .iter()
            .copied()
            .filter(|&i| self.nodes[i].style == st)
            .collect();
        if sibs.len() < 2 {
            return false;
        }
        let keep = |v: &mut Vec<usize>| v.retain(|i| !sibs.contains(i));
        match parent {
            Some(p) => keep(&mut self.nodes[p].children),
            None => keep(&mut self.roots),
        }
        true
    }

    fn pop_non_groups(&mut self) {
        while let Some(&t) = self.stack.last() {
            if matches!(self.nodes[t].style, Style::Group(_)) {
                break;
            }
            self.stack.pop();
        }
    }

    /// Finds the parent for a new heading and truncates the stack to it.
    /// `label` is the marker's number as written.
    fn place(&mut self, m: &mut Marker, label: &str, line: usize) -> Place {
        let st = m.style;
        let n = m.nums.last().copied().unwrap_or(0);
        match st {
            Style::Group(r) => {
                while let Some(&t) = self.stack.last() {
                    match self.nodes[t].style {
                        Style::Group(q) if q < r => break,
                        _ => {
                            self.stack.pop();
                        }
                    }
                }
                if let Some(pos) = self.find_style(st) {
                    self.stack.truncate(pos);
                }
                Place::Ok
            }
            Style::Article | Style::Dai => {
                if let Some(pos) = self.find_style(st) {
                    let last = self.nodes[self.stack[pos]].num();
                    let same_ok = n == last && m.branch.is_some();
                    if n <= last && !same_ok {
                        if n == 1 && self.try_toc_restart(pos, st) {
                            self.stack.truncate(pos);
                            return Place::Ok;
                        }
                        let plabel = self.open_label(pos);
                        self.warn(
                            line,
                            format!(
                                "「{}」は直前の「{}」より前の番号のため、本文として扱いました",
                                label, plabel
                            ),
                        );
                        return Place::Reject;
                    }
                    if n > last + 1 && m.branch.is_none() {
                        let plabel = self.open_label(pos);
                        self.warn(
                            line,
                            format!(
                                "番号が連続していません（「{}」の次が「{}」）",
                                plabel, label
                            ),
                        );
                    }
                    self.stack.truncate(pos);
                } else {
                    self.pop_non_groups();
                }
                Place::Ok
            }
            Style::Bare | Style::KanjiBare => {
                if let Some(pos) = self.find_style(st) {
                    let last = self.nodes[self.stack[pos]].num();
                    if n == last + 1 {
                        self.stack.truncate(pos);
                        return Place::Ok;
                    }
                    if n == 1 && self.try_toc_restart(pos, st) {
                        self.stack.truncate(pos);
                        return Place::Ok;
                    }
                    return Place::Reject;
                }
                // 項 2 of an article whose first paragraph had items.
                if st == Style::Bare && (n == 1 || n == 2) {
                    if let Some(pos) = self.find_style(Style::Article) {
                        self.stack.truncate(pos + 1);
                        return Place::Ok;
                    }
                }
                if n == 1 || self.nodes.is_empty() {
                    Place::Ok
                } else {
                    Place::Reject
                }
            }
            Style::Dot(d) if d >= 2 => {
                let prefix = &m.nums[..m.nums.len() - 1];
                // Nearest open node whose number is a prefix of ours.
                let found = self.stack.iter().rposition(|&i| {
                    let dn = self.nodes[i].dotnums();
                    !dn.is_empty() && dn.len() < m.nums.len() && m.nums.starts_with(dn)
                });
                let exact = found.filter(|&p| self.nodes[self.stack[p]].dotnums() == prefix);
                if let Some(p) = exact {
                    self.stack.truncate(p + 1);
                    return Place::Ok;
                }
                let shown: Vec<String> = prefix.iter().map(|x| x.to_string()).collect();
                let shown = shown.join(&m.sep.to_string());
                // Only worth a warning when the document does use numbers of the parent's depth.
                let parent_depth_used =
                    self.nodes.iter().any(|x| x.dotnums().len() == prefix.len());
                if let Some(p) = found {
                    self.stack.truncate(p + 1);
                } else if let Some(pos) = self
                    .stack
                    .iter()
                    .position(|&i| self.nodes[i].style.is_dot())
                {
                    // Unrelated to every open dotted heading: start again at their level.
                    self.stack.truncate(pos);
                }
                if parent_depth_used {
                    self.warn(
                        line,
                        format!("「{}」の上位の項目（{}）が見つかりません", label, shown),
                    );
                }
                Place::Ok
            }
            _ => {
                if let Some(pos) = self.find_style(st) {
                    let prev = &self.nodes[self.stack[pos]];
                    let (last, iroha) = (prev.num(), prev.iroha);
                    let mut n = n;
                    if let Some(k) = m.kata {
                        n = kata_index(k, iroha).unwrap_or(n);
                        m.nums = Nums::one(n);
                        m.iroha = iroha;
                    }
                    if n != last + 1 {
                        if n == 1 && self.try_toc_restart(pos, st) {
                            self.stack.truncate(pos);
                            return Place::Ok;
                        }
                        let plabel = self.open_label(pos);
                        self.warn(
                            line,
                            format!(
                                "番号が連続していません（「{}」の次が「{}」）",
                                plabel, label
                            ),
                        );
                    }
                    self.stack.truncate(pos);
                } else if let Some(k) = m.kata {
                    if k == 'イ' {
                        // A list that starts with イ counts in iroha order (イ ロ ハ …).
                        m.nums = Nums::one(1);
                        m.iroha = true;
                    }
                }
                Place::Ok
            }
        }
    }

    fn push(&mut self, raw: Raw) -> usize {
        let idx = self.nodes.len();
        self.nodes.push(raw);
        match self.stack.last() {
            Some(&p) => self.nodes[p].children.push(idx),
            None => self.roots.push(idx),
        }
        self.stack.push(idx);
        idx
    }
}

/// Splits a heading line's own text into (title, body).
fn derive_title(
    line: &Line,
    m: &Marker,
    next_is_body: bool,
    plain: bool,
) -> (Option<String>, String) {
    let mut start = m.rest;
    let n = &line.norm;
    // Inline caption: 第1条（目的）…
    if matches!(m.style, Style::Article | Style::Dai | Style::Group(_))
        && n.get(start) == Some(&'(')
    {
        if let Some(close) = (start + 2..(start + 42).min(n.len())).find(|&k| n[k] == ')') {
            let inner = line.slice(start + 1, close);
            if !inner.trim().is_empty() {
                let body = line.rest_str(close + 1);
                return (Some(inner.trim().to_string()), body.trim().to_string());
            }
        }
    }
    while n.get(start) == Some(&' ') {
        start += 1;
    }
    let rest_n = n.get(start..).unwrap_or(&[]);
    let rest_o = line.rest_str(start);
    if rest_n.is_empty() {
        return (None, String::new());
    }
    if plain {
        return (None, rest_o.to_string());
    }
    let len = rest_n.len();
    let has_stop = rest_n.contains(&'。');
    // An ASCII comma is a 読点 in some titles (「評価,見直し」): a comma only in a sentence.
    let has_comma = rest_n.contains(&'、') || (has_stop && rest_n.contains(&','));
    let short_heading = !has_stop && !has_comma && len <= 50;
    // Computed at most once, and only when needed.
    let prefix = std::cell::OnceCell::new();
    let prefix = || *prefix.get_or_init(|| heading_prefix(rest_n));
    if short_heading
        && (next_is_body
            || len <= 20
            || matches!(m.style, Style::Group(_))
            || prefix() == Some(len))
    {
        return (Some(rest_o.to_string()), String::new());
    }
    if m.style != Style::Article {
        if let Some(sp) = rest_n.iter().position(|c| *c == ' ') {
            let tok = &rest_n[..sp];
            let ok = (2..=30).contains(&tok.len())
                && !tok.iter().any(|c| matches!(c, '、' | '。' | ','))
                && !tok.iter().all(|c| c.is_ascii());
            if ok {
                let title = line.slice(start, start + sp);
                let body = line.rest_str(start + sp);
                if !body.trim().is_empty() {
                    return (Some(title.to_string()), body.trim().to_string());
                }
            }
        }
    }
    if let Some(pl) = prefix() {
        let title = line.slice(start, start + pl);
        let body = line.rest_str(start + pl);
        return (Some(title.to_string()), body.trim().to_string());
    }
    (None, rest_o.to_string())
}

fn is_revision_row(s: &str) -> bool {
    let c = compact(s);
    [
        "改定",
        "改正",
        "制定",
        "施行",
        "履歴",
        "年月日",
        "令和",
        "平成",
    ]
    .iter()
    .any(|k| c.contains(k))
}

pub(crate) fn build(lines: &[Line]) -> Built {
    let headings = lines
        .iter()
        .filter(|l| matches!(l.kind, Kind::Heading(_)))
        .count();
    let mut b = Builder {
        nodes: Vec::with_capacity(headings),
        roots: Vec::new(),
        stack: Vec::new(),
        warnings: Vec::new(),
        dropped_warnings: 0,
    };
    let mut preamble: Vec<String> = Vec::new();
    let mut segments = SegmentFinder::default();
    let mut caption: Option<String> = None;

    // Index of the next non-blank, non-skipped line, for "is the next line body text?".
    let mut next_content = vec![usize::MAX; lines.len()];
    let mut nxt = usize::MAX;
    for k in (0..lines.len()).rev() {
        next_content[k] = nxt;
        if !matches!(lines[k].kind, Kind::Blank | Kind::Skip) {
            nxt = k;
        }
    }

    let flush_caption =
        |b: &mut Builder, caption: &mut Option<String>, preamble: &mut Vec<String>| {
            if let Some(c) = caption.take() {
                let s = format!("（{}）", c);
                match b.stack.last() {
                    Some(&t) => append_text(&mut b.nodes[t].text, &s),
                    None => preamble.push(s),
                }
            }
        };

    for (k, line) in lines.iter().enumerate() {
        match &line.kind {
            Kind::Blank | Kind::Skip | Kind::TocHeader => {}
            Kind::Appendix => break,
            Kind::Caption(c) => {
                flush_caption(&mut b, &mut caption, &mut preamble);
                segments.feed(c);
                caption = Some(c.clone());
            }
            Kind::Table(cells) => {
                flush_caption(&mut b, &mut caption, &mut preamble);
                if let Some(&t) = b.stack.last() {
                    if !is_revision_row(cells) {
                        append_text(&mut b.nodes[t].text, cells);
                        segments.feed(cells);
                    }
                }
            }
            Kind::Heading(m0) => {
                let mut m = m0.clone();
                let label = line.slice(0, m.label_len);
                match b.place(&mut m, label, line.no) {
                    Place::Reject => {
                        flush_caption(&mut b, &mut caption, &mut preamble);
                        let s = line.text();
                        segments.feed(s);
                        match b.stack.last() {
                            Some(&t) => append_text(&mut b.nodes[t].text, s),
                            None => preamble.push(s.to_string()),
                        }
                    }
                    Place::Ok => {
                        let next_is_body = lines
                            .get(next_content[k])
                            .is_some_and(|l| matches!(l.kind, Kind::Text | Kind::Table(_)));
                        let parent_style = b.stack.last().map(|&t| b.nodes[t].style);
                        let paragraph = matches!(m.style, Style::Bare | Style::Dot(1))
                            && parent_style == Some(Style::Article);
                        // A caption line above the heading is its title; the line is all body.
                        let plain = paragraph || caption.is_some();
                        let (mut title, text) = derive_title(line, &m, next_is_body, plain);
                        if let Some(c) = caption.take() {
                            title = Some(c);
                        }
                        segments.feed(line.text());
                        b.push(Raw {
                            style: m.style,
                            nums: m.nums,
                            label: label.to_string(),
                            title,
                            text,
                            line: line.no,
                            children: Vec::new(),
                            kanji: m.kanji,
                            sep: m.sep,
                            branch: m.branch,
                            iroha: m.iroha,
                            kata: m.kata,
                        });
                    }
                }
            }
            Kind::Text => {
                flush_caption(&mut b, &mut caption, &mut preamble);
                let s = line.text();
                segments.feed(s);
                match b.stack.last() {
                    Some(&t) => append_text(&mut b.nodes[t].text, s),
                    None => preamble.push(s.to_string()),
                }
            }
        }
    }
    flush_caption(&mut b, &mut caption, &mut preamble);

    // Cut-off last sentence.
    if let Some(last) = lines
        .iter()
        .rev()
        .find(|l| !matches!(l.kind, Kind::Blank | Kind::Skip))
    {
        if matches!(last.kind, Kind::Text) && last.norm.len() > 10 {
            let end = last
                .norm
                .iter()
                .rev()
                .find(|c| **c != ' ')
                .copied()
                .unwrap_or('。');
            if !matches!(end, '。' | '.' | ')' | '」' | '』' | '!' | '?' | ':' | '】') {
                b.warn(
                    last.no,
                    "文書の最後の文が途中で終わっています（末尾が切れている可能性があります）",
                );
            }
        }
    }
    if b.roots.is_empty()
        && lines
            .iter()
            .any(|l| !matches!(l.kind, Kind::Blank | Kind::Skip))
    {
        let first = lines
            .iter()
            .find(|l| !matches!(l.kind, Kind::Blank))
            .map_or(1, |l| l.no);
        b.warn(
            first,
            "番号付きの見出しが見つかりません（節の構造を認識できませんでした）",
        );
    }
    if b.dropped_warnings > 0 {
        let last = lines.last().map_or(1, |l| l.no);
        b.warnings.push(format!(
            "{}行目: ほかに {} 件の警告を省略しました",
            last, b.dropped_warnings
        ));
    }
    Built {
        nodes: b.nodes,
        roots: b.roots,
        preamble,
        warnings: b.warnings,
        segments: segments.keys(),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Legal {
    None,
    Article { has_paragraphs: bool },
    Paragraph,
    Item,
}

/// What a node's children inherit; path and citation borrow the parent's own.
#[derive(Clone, Copy)]
struct Ctx<'a> {
    path: &'a [u32],
    cit: &'a str,
    legal: Legal,
    kanji: bool,
    parent: Option<usize>,
}

fn join_cit(a: &str, b: &str) -> String {
    if a.is_empty() {
        return b.to_string();
    }
    let ad = a
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric() || roman_char_value(c).is_some());
    let bd = b.chars().next().is_some_and(|c| c.is_ascii_digit());
    let mut s = String::with_capacity(a.len() + 1 + b.len());
    s.push_str(a);
    if ad && bd {
        s.push('-');
    }
    s.push_str(b);
    s
}

/// `parent` (a citation) followed by `rest`, in one allocation of about the right size
/// (`format!` would start small and grow).
fn cite(parent: &str, rest: fmt::Arguments<'_>) -> String {
    let mut s = String::with_capacity(parent.len() + 24);
    s.push_str(parent);
    let _ = s.write_fmt(rest);
    s
}

/// A number as cited: `12`, or `十二` when the document writes its numbers in kanji.
struct Num(u32, bool);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.1 {
            f.write_str(&to_kanji(self.0))
        } else {
            fmt::Display::fmt(&self.0, f)
        }
    }
}

/// Results of the numbering pass, indexed like `Built::nodes`.
pub(crate) struct Numbered {
    pub paths: Vec<Vec<u32>>,
    pub cits: Vec<String>,
    /// Number of non-grouping ancestors.
    pub depth: Vec<usize>,
    pub parent: Vec<Option<usize>>,
    /// Reachable from the roots (entries dropped as a table of contents are not).
    pub visited: Vec<bool>,
}

/// Grouping headings count in citations only when the numbering restarts inside them.
fn significant_groups(b: &Built) -> [bool; 4] {
    let mut sig = [false; 4];
    let mut seen: Vec<(u8, Style, u32)> = Vec::new();
    for r in &b.nodes {
        if let Style::Group(rank) = r.style {
            let first = r
                .children
                .iter()
                .map(|&c| &b.nodes[c])
                .find(|c| !matches!(c.style, Style::Group(_)));
            if let Some(f) = first {
                let key = (rank, f.style, f.num());
                if seen.contains(&key) {
                    if let Some(s) = sig.get_mut(rank as usize) {
                        *s = true;
                    }
                } else {
                    seen.push(key);
                }
            }
        }
    }
    sig
}

pub(crate) fn number(b: &Built) -> Numbered {
    let len = b.nodes.len();
    let mut out = Numbered {
        paths: vec![Vec::new(); len],
        cits: vec![String::new(); len],
        depth: vec![0; len],
        parent: vec![None; len],
        visited: vec![false; len],
    };
    let sig = significant_groups(b);
    let ctx = Ctx {
        path: &[],
        cit: "",
        legal: Legal::None,
        kanji: false,
        parent: None,
    };
    for &r in &b.roots {
        finish(b, r, ctx, 0, &sig, &mut out);
    }
    out
}

fn finish(b: &Built, idx: usize, ctx: Ctx<'_>, depth: usize, sig: &[bool; 4], out: &mut Numbered) {
    let r = &b.nodes[idx];
    let n = r.num();
    let parent = ctx.parent.map(|p| &b.nodes[p]);
    // What the children inherit besides path and citation.
    let (mut legal, mut kanji) = (ctx.legal, ctx.kanji);
    let mut child_depth = depth + 1;
    let (path, cit): (Vec<u32>, String);
    let with = |p: &[u32], extra: &[u32]| -> Vec<u32> {
        let mut v = Vec::with_capacity(p.len() + extra.len());
        v.extend_from_slice(p);
        v.extend_from_slice(extra);
        v
    };
    let legal_item = matches!(ctx.legal, Legal::Article { .. } | Legal::Paragraph);
    match r.style {
        Style::Group(rank) => {
            let gl = format!(
                "第{}{}",
                Num(n, r.kanji),
                r.label.chars().last().unwrap_or('章')
            );
            if sig.get(rank as usize).copied().unwrap_or(false) {
                path = with(ctx.path, &[n]);
                cit = cite(ctx.cit, format_args!("{}", gl));
            } else {
                path = Vec::new();
                cit = gl;
            }
            legal = Legal::None;
            child_depth = depth;
        }
        Style::Article => {
            path = with(ctx.path, &[n]);
            let mut c = cite(ctx.cit, format_args!("第{}条", Num(n, r.kanji)));
            if let Some(br) = r.branch {
                let _ = write!(c, "の{}", Num(br, r.kanji));
            }
            cit = c;
            let has_paragraphs = r
                .children
                .iter()
                .any(|&c| matches!(b.nodes[c].style, Style::Bare | Style::Dot(1)));
            legal = Legal::Article { has_paragraphs };
            kanji = r.kanji;
        }
        Style::Bare | Style::Dot(1) if matches!(ctx.legal, Legal::Article { .. }) => {
            path = with(ctx.path, &[n]);
            cit = cite(ctx.cit, format_args!("第{}項", Num(n, ctx.kanji)));
            legal = Legal::Paragraph;
        }
        Style::Paren | Style::HalfParen | Style::KanjiBare if legal_item => {
            if ctx.legal
                == (Legal::Article {
                    has_paragraphs: true,
                })
            {
                path = with(ctx.path, &[1, n]);
                cit = cite(
                    ctx.cit,
                    format_args!("第{}項第{}号", Num(1, ctx.kanji), Num(n, ctx.kanji)),
                );
            } else {
                path = with(ctx.path, &[n]);
                cit = cite(ctx.cit, format_args!("第{}号", Num(n, ctx.kanji)));
            }
            legal = Legal::Item;
        }
        Style::Dai => {
            path = with(ctx.path, &[n]);
            cit = cite(ctx.cit, format_args!("第{}", Num(n, r.kanji)));
            legal = Legal::None;
        }
        Style::Dot(_) => {
            let pd = parent.map_or(&[][..], |p| p.dotnums());
            let prefixed = !pd.is_empty() && pd.len() < r.nums.len() && r.nums.starts_with(pd);
            path = if prefixed {
                with(ctx.path, &r.nums[pd.len()..])
            } else {
                with(ctx.path, &r.nums)
            };
            // The numbers joined by the separator as written: 4.1.2, 4―1―2.
            let mut written = String::new();
            for (k, x) in r.nums.iter().enumerate() {
                if k > 0 {
                    written.push(r.sep);
                }
                let _ = write!(written, "{x}");
            }
            cit = if prefixed {
                written
            } else {
                join_cit(ctx.cit, &written)
            };
            legal = Legal::None;
        }
        Style::Bare | Style::KanjiBare => {
            path = with(ctx.path, &[n]);
            cit = if parent.is_some_and(|p| p.style == Style::Dai) {
                cite(ctx.cit, format_args!("の{}", n))
            } else {
                join_cit(ctx.cit, &n.to_string())
            };
            legal = if ctx.legal == Legal::None {
                Legal::None
            } else {
                Legal::Item
            };
        }
        Style::Paren | Style::HalfParen => {
            path = with(ctx.path, &[n]);
            cit = cite(ctx.cit, format_args!("({})", n));
        }
        Style::Circled => {
            path = with(ctx.path, &[n]);
            cit = match circled_char(n) {
                Some(c) => cite(ctx.cit, format_args!("{}", c)),
                None => cite(ctx.cit, format_args!("({})", n)),
            };
        }
        Style::Kata | Style::KataParen | Style::ParenKata => {
            path = with(ctx.path, &[n]);
            let k = r.kata.unwrap_or('ア');
            cit = if r.style == Style::Kata {
                cite(ctx.cit, format_args!("{}", k))
            } else {
                cite(ctx.cit, format_args!("({})", k))
            };
        }
        Style::Roman => {
            path = with(ctx.path, &[n]);
            let w: String = r
                .label
                .chars()
                .map(norm_char)
                .filter(|c| !matches!(c, '.' | '、' | ' '))
                .collect();
            cit = join_cit(ctx.cit, &w);
        }
    }
    out.depth[idx] = depth;
    out.visited[idx] = true;
    out.parent[idx] = ctx.parent;
    // A grouping heading that does not count in citations passes its parent's path on.
    let own = !matches!(r.style, Style::Group(_))
        || sig.get(group_rank(r.style)).copied().unwrap_or(false);
    let child = Ctx {
        path: if own { &path } else { ctx.path },
        cit: if own { &cit } else { ctx.cit },
        legal,
        kanji,
        parent: Some(idx),
    };
    for &c in &r.children {
        finish(b, c, child, child_depth, sig, out);
    }
    out.paths[idx] = path;
    out.cits[idx] = cit;
}

/// Turns the numbered raw nodes into the public tree, moving (not copying) their strings.
pub(crate) fn materialize(b: &mut Built, num: &mut Numbered) -> Vec<Node> {
    fn one(i: usize, b: &mut Built, num: &mut Numbered) -> Node {
        let children_idx = std::mem::take(&mut b.nodes[i].children);
        let children = children_idx.iter().map(|&c| one(c, b, num)).collect();
        let r = &mut b.nodes[i];
        Node {
            label: std::mem::take(&mut r.label),
            number_path: std::mem::take(&mut num.paths[i]),
            title: r.title.take(),
            citation: std::mem::take(&mut num.cits[i]),
            text: std::mem::take(&mut r.text),
            children,
            line: r.line,
        }
    }
    let roots = std::mem::take(&mut b.roots);
    roots.iter().map(|&r| one(r, b, num)).collect()
}

fn group_rank(s: Style) -> usize {
    match s {
        Style::Group(r) => r as usize,
        _ => usize::MAX,
    }
}
