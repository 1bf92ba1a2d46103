//! Line level: clean Markdown/PDF artefacts, recognise numbering markers, captions,
//! tables of contents and other lines that are not part of any section.

use crate::text::*;
use crate::topics::heading_prefix;
use std::borrow::Cow;

/// Numbering style of a heading. Same style ⇒ same level (until a different parent).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash, PartialOrd, Ord)]
pub(crate) enum Style {
    /// 第N編 (0), 第N章 (1), 第N節 (2), 第N款 (3): grouping only.
    Group(u8),
    /// 第N条
    Article,
    /// 第N (without 条)
    Dai,
    /// `6.`, `4.1`, `4―1―2`: number of components.
    Dot(u8),
    /// `1 目的` (a bare number followed by a space); 項 under an article.
    Bare,
    /// `一 ネットワーク` (法令 号).
    KanjiBare,
    /// `(1)`, `（１）`, `⑴`
    Paren,
    /// `1)`
    HalfParen,
    /// `①`
    Circled,
    /// `ア`
    Kata,
    /// `(ア)`
    ParenKata,
    /// `ア)`
    KataParen,
    /// `I`, `II`, `Ⅰ`
    Roman,
}

impl Style {
    pub(crate) fn is_dot(self) -> bool {
        matches!(self, Style::Dot(_))
    }
}

/// The numbers of a marker (`4.1.2` → 4, 1, 2), stored inline: there are at most
/// `Nums::MAX` (a heading is not worth a heap allocation for them).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Nums {
    len: u8,
    v: [u32; Nums::MAX],
}

impl Nums {
    pub(crate) const MAX: usize = 8;

    pub(crate) fn one(n: u32) -> Self {
        let mut v = [0; Nums::MAX];
        v[0] = n;
        Nums { len: 1, v }
    }

    /// Appends `n`; false (and unchanged) when already full.
    fn push(&mut self, n: u32) -> bool {
        let Some(slot) = self.v.get_mut(self.len as usize) else {
            return false;
        };
        *slot = n;
        self.len += 1;
        true
    }
}

impl std::ops::Deref for Nums {
    type Target = [u32];
    fn deref(&self) -> &[u32] {
        &self.v[..self.len as usize]
    }
}

impl PartialEq for Nums {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Marker {
    pub style: Style,
    pub nums: Nums,
    /// Length in chars of the label, the number as written (`Line::slice(0, label_len)`).
    pub label_len: usize,
    /// Char index (in the cleaned line) where the heading's own text starts.
    pub rest: usize,
    pub kanji: bool,
    /// Separator for dotted numbers as written ('.', '―', …).
    pub sep: char,
    pub branch: Option<u32>,
    pub kata: Option<char>,
    /// Katakana list counted in iroha order (イ ロ ハ …).
    pub iroha: bool,
}

#[derive(Clone, Debug)]
pub(crate) enum Kind {
    Blank,
    Skip,
    TocHeader,
    Appendix,
    Caption(String),
    Heading(Marker),
    Table(String),
    Text,
}

#[derive(Clone, Debug)]
pub(crate) struct Line<'a> {
    pub no: usize,
    /// The cleaned line (Markdown artefacts stripped) with `norm_char` applied, as chars;
    /// borrowed from `Cleaned::norm`.
    pub norm: &'a [char],
    /// The cleaned line as written (same chars as `norm` before normalising).
    pub s: &'a str,
    pub kind: Kind,
}

impl<'a> Line<'a> {
    pub(crate) fn text(&self) -> &'a str {
        self.s
    }
    /// Chars `from..to` of the line as written (char indices, as into `norm`).
    pub(crate) fn slice(&self, from: usize, to: usize) -> &'a str {
        let s = self.s;
        // Byte offsets of char boundaries 0, 1, …, count.
        let mut at = s
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(s.len()));
        let a = at.nth(from).unwrap_or(s.len());
        let b = if to > from {
            at.nth(to - from - 1).unwrap_or(s.len())
        } else {
            a
        };
        &s[a..b]
    }
    /// Chars `from..` of the line as written, without surrounding spaces.
    pub(crate) fn rest_str(&self, from: usize) -> &'a str {
        let a = self
            .s
            .char_indices()
            .nth(from)
            .map_or(self.s.len(), |(b, _)| b);
        self.s[a..].trim_matches(is_space)
    }
}

/// The text's lines after Markdown/PDF clean-up, all in two flat char buffers (one
/// allocation each instead of several per line); `scan` hands out `Line`s borrowing them.
pub(crate) struct Cleaned<'t> {
    orig: Vec<char>,
    norm: Vec<char>,
    /// Per line: its range in `orig`/`norm` and its text — a slice of the input unless
    /// bold markers had to be removed from inside the line.
    spans: Vec<(std::ops::Range<usize>, Cow<'t, str>)>,
}

/// Splits on LF, CRLF and lone CR.
fn split_lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for piece in text.split('\n') {
        let piece = piece.strip_suffix('\r').unwrap_or(piece);
        if piece.contains('\r') {
            out.extend(piece.split('\r'));
        } else {
            out.push(piece);
        }
    }
    out
}

fn trim(v: &[char]) -> &[char] {
    let s = v.iter().position(|c| !is_space(*c)).unwrap_or(v.len());
    let e = v.iter().rposition(|c| !is_space(*c)).map_or(s, |p| p + 1);
    v.get(s..e.max(s)).unwrap_or(&[])
}

/// Bounds of the non-space part of `v[s..e]`.
fn trim_bounds(v: &[char], mut s: usize, mut e: usize) -> (usize, usize) {
    while s < e && is_space(v[s]) {
        s += 1;
    }
    while e > s && is_space(v[e - 1]) {
        e -= 1;
    }
    (s, e)
}

/// Removes Markdown artefacts: heading hashes, quote marks, list bullets, bold markers.
/// Returns the kept range of `v`, or, when bold markers had to be removed from inside it,
/// the cleaned chars in `bold`.
fn strip_markdown(v: &[char], bold: &mut Vec<char>) -> Result<(usize, usize), ()> {
    let (mut s, e) = trim_bounds(v, 0, v.len());
    loop {
        let before = s;
        let mut k = s;
        while k < e && v[k] == '#' {
            k += 1;
        }
        if k > s && (k == e || is_space(v[k])) {
            s = trim_bounds(v, k, e).0;
        }
        if s < e && v[s] == '>' {
            s = trim_bounds(v, s + 1, e).0;
        }
        if s + 1 < e && matches!(v[s], '-' | '*' | '+') && is_space(v[s + 1]) {
            s = trim_bounds(v, s + 1, e).0;
        }
        // A bullet wrapping a number (「• ⑴ …」「・(1) …」): the number is the marker.
        if s + 1 < e && matches!(v[s], '•' | '・' | '●' | '◦' | '▪' | '■' | '◆' | '○' | '·')
        {
            let k = trim_bounds(v, s + 1, e).0;
            if k < e && starts_number(&v[k..]) {
                s = k;
            }
        }
        if s == before {
            break;
        }
    }
    let v = &v[s..e];
    if v.windows(2)
        .any(|w| w[0] == w[1] && (w[0] == '*' || w[0] == '_'))
    {
        bold.clear();
        let mut i = 0;
        while i < v.len() {
            if (v[i] == '*' || v[i] == '_') && v.get(i + 1) == Some(&v[i]) {
                i += 2;
                continue;
            }
            bold.push(v[i]);
            i += 1;
        }
        let (s, e) = trim_bounds(bold, 0, bold.len());
        bold.truncate(e);
        bold.drain(..s);
        return Err(());
    }
    Ok((s, e))
}

/// A list number follows: `(1)`, `（１）`, `⑴`, `①`, `1.`, `1)`.
fn starts_number(v: &[char]) -> bool {
    let c = v[0];
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    ('\u{2460}'..='\u{24B5}').contains(&c)
        || ('\u{3251}'..='\u{32BF}').contains(&c)
        || (matches!(c, '(' | '（')
            && v.get(1)
                .is_some_and(|&d| digit(d) || ('ア'..='ン').contains(&d)))
        || (digit(c)
            && v.iter()
                .find(|&&d| !digit(d))
                .is_some_and(|&d| matches!(d, '.' | '．' | ')' | '）')))
}

/// After a list marker, another marker of the same kind after 「、」「及び」「並びに」「又は」:
/// the line refers back to earlier items (「(9) ○○、(10) ○○及び(11) ○○をあわせて…という。」).
fn refers_back(m: &Marker, n: &[char]) -> bool {
    if !matches!(
        m.style,
        Style::Paren | Style::HalfParen | Style::Circled | Style::ParenKata
    ) {
        return false;
    }
    let rest = n.get(m.rest..).unwrap_or(&[]);
    let mut i = 0;
    while i < rest.len() {
        let after_sep = match rest[i] {
            '、' | ',' | 'と' => Some(i + 1),
            '及' | '並' | '又' | '若' => Some(i + 2),
            _ => None,
        };
        if let Some(j) = after_sep {
            let j = skip_spaces(rest, j.min(rest.len()));
            if let Some(next) = rest
                .get(j..)
                .filter(|r| !r.is_empty())
                .and_then(|r| detect(r, r))
            {
                if next.style == m.style {
                    return true;
                }
            }
        }
        i += 1;
    }
    false
}

const UNIT_CHARS: &str = "倍%年月日時分秒人件回円個台万億割点字号条項頁版度週歳名枚部冊ヶか";
const REF_FOLLOW: &str = "及又並、,のにをはがでとかま中各第・～〜-乃や.。";

fn is_unit(c: char) -> bool {
    UNIT_CHARS.contains(c) || c.is_ascii_alphabetic()
}

fn skip_spaces(n: &[char], mut i: usize) -> usize {
    while n.get(i).is_some_and(|c| *c == ' ') {
        i += 1;
    }
    i
}

/// `(目的)` right at `i`: returns the index after the closing bracket.
fn inline_caption(n: &[char], i: usize) -> Option<usize> {
    if n.get(i) != Some(&'(') {
        return None;
    }
    if n.get(i + 1).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let close = (i + 2..(i + 42).min(n.len())).find(|&k| n[k] == ')')?;
    Some(close + 1)
}

fn marker(o: &[char], style: Style, nums: Nums, end: usize, n: &[char]) -> Marker {
    let head = o.get(..end).unwrap_or(o);
    // As `str::trim_end`: drop trailing (Unicode) whitespace.
    let label_len = head
        .iter()
        .rposition(|c| !c.is_whitespace())
        .map_or(0, |p| p + 1);
    Marker {
        style,
        nums,
        label_len,
        rest: skip_spaces(n, end),
        kanji: false,
        sep: '.',
        branch: None,
        kata: None,
        iroha: false,
    }
}

/// Recognises a numbering marker at the start of a cleaned line.
pub(crate) fn detect(o: &[char], n: &[char]) -> Option<Marker> {
    let c0 = *n.first()?;
    match c0 {
        '第' => return dai_family(o, n),
        '0'..='9' => return digit_family(o, n),
        '(' => return paren_family(o, n),
        _ => {}
    }
    if let Some(v) = paren_digit_value(c0) {
        return Some(marker(o, Style::Paren, Nums::one(v), 1, n));
    }
    if let Some(v) = full_stop_digit_value(c0) {
        return Some(marker(o, Style::Dot(1), Nums::one(v), 1, n));
    }
    if let Some(v) = circled_value(c0) {
        return Some(marker(o, Style::Circled, Nums::one(v), 1, n));
    }
    if let Some(v) = roman_char_value(c0) {
        if n.get(1)
            .is_some_and(|c| roman_char_value(*c).is_some() || c.is_ascii_alphanumeric())
        {
            return None;
        }
        let end = if matches!(n.get(1), Some('.' | '、')) {
            2
        } else {
            1
        };
        return Some(marker(o, Style::Roman, Nums::one(v), end, n));
    }
    if matches!(c0, 'I' | 'V' | 'X') {
        let len = n
            .iter()
            .take_while(|c| matches!(c, 'I' | 'V' | 'X'))
            .count();
        let v = parse_ascii_roman(n.get(..len)?)?;
        let end = match n.get(len) {
            Some('.' | '、') => len + 1,
            Some(' ') => len,
            _ => return None,
        };
        // The heading text must be Japanese, not an English sentence.
        let r = skip_spaces(n, end);
        if n.get(r).is_none_or(|c| c.is_ascii()) {
            return None;
        }
        return Some(marker(o, Style::Roman, Nums::one(v), end, n));
    }
    if is_item_kata(c0) {
        let (style, end) = match n.get(1) {
            None | Some(' ') => (Style::Kata, 1),
            Some('.' | '、') => (Style::Kata, 2),
            Some(')') => (Style::KataParen, 2),
            _ => return None,
        };
        let mut m = marker(
            o,
            style,
            Nums::one(kata_index(c0, false).unwrap_or(1)),
            end,
            n,
        );
        m.kata = Some(c0);
        return Some(m);
    }
    if is_kanji_numeral(c0) && c0 != '〇' {
        let (v, j) = parse_kanji_num(n, 0)?;
        if n.get(j) == Some(&' ') && (1..100).contains(&v) && n.get(skip_spaces(n, j)).is_some() {
            let mut m = marker(o, Style::KanjiBare, Nums::one(v), j, n);
            m.kanji = true;
            return Some(m);
        }
    }
    None
}

fn dai_family(o: &[char], n: &[char]) -> Option<Marker> {
    let (v, j, kanji) = parse_num(n, 1)?;
    if v == 0 {
        return None;
    }
    let follow_ok = |k: usize| match n.get(k) {
        None | Some(' ') => true,
        Some('(') => inline_caption(n, k).is_some(),
        Some(c) => !REF_FOLLOW.contains(*c),
    };
    let mut m = match n.get(j) {
        Some('条') => {
            let mut end = j + 1;
            let mut branch = None;
            if n.get(end) == Some(&'の') {
                if let Some((b, e, _)) = parse_num(n, end + 1) {
                    branch = Some(b);
                    end = e;
                }
            }
            if !follow_ok(end) {
                return None;
            }
            let mut m = marker(o, Style::Article, Nums::one(v), end, n);
            m.branch = branch;
            m
        }
        Some(g @ ('編' | '部' | '章' | '節' | '款')) => {
            if !follow_ok(j + 1) {
                return None;
            }
            let rank = match g {
                '編' | '部' => 0,
                '章' => 1,
                '節' => 2,
                _ => 3,
            };
            marker(o, Style::Group(rank), Nums::one(v), j + 1, n)
        }
        None | Some(' ') => marker(o, Style::Dai, Nums::one(v), j, n),
        Some('.') if !n.get(j + 1).is_some_and(|c| c.is_ascii_digit()) => {
            marker(o, Style::Dai, Nums::one(v), j + 1, n)
        }
        Some('(') if inline_caption(n, j).is_some() => marker(o, Style::Dai, Nums::one(v), j, n),
        Some(_) if heading_prefix(n.get(j..).unwrap_or(&[])).is_some() => {
            marker(o, Style::Dai, Nums::one(v), j, n)
        }
        _ => return None,
    };
    m.kanji = kanji;
    Some(m)
}

fn digit_family(o: &[char], n: &[char]) -> Option<Marker> {
    let (v, j) = parse_ascii_num(n, 0)?;
    if v == 0 {
        return None;
    }
    let c = n.get(j).copied();
    if let Some(sep) = c {
        if (sep == '.' || is_dash(sep)) && n.get(j + 1).is_some_and(|d| d.is_ascii_digit()) {
            let mut nums = Nums::one(v);
            let mut k = j;
            while n.get(k) == Some(&sep) {
                let Some((x, e)) = parse_ascii_num(n, k + 1) else {
                    break;
                };
                k = e;
                if !nums.push(x) {
                    return None; // more than Nums::MAX parts
                }
            }
            if nums.contains(&0) {
                return None;
            }
            let mut end = k;
            if sep == '.' && n.get(end) == Some(&'.') {
                end += 1;
            }
            match n.get(end) {
                None | Some(' ') => {}
                Some(&f) if f.is_ascii_digit() || is_unit(f) || f == '.' || is_dash(f) => {
                    return None
                }
                _ => {}
            }
            let depth = nums.len() as u8;
            let mut m = marker(o, Style::Dot(depth), nums, end, n);
            m.sep = if sep == '.' {
                '.'
            } else {
                o.get(j).copied().unwrap_or(sep)
            };
            return Some(m);
        }
    }
    match c {
        Some('.' | '、' | ',') => {
            match n.get(j + 1) {
                Some(&f) if f.is_ascii_digit() || is_unit(f) => return None,
                None => {}
                _ => {}
            }
            Some(marker(o, Style::Dot(1), Nums::one(v), j + 1, n))
        }
        Some(')') => Some(marker(o, Style::HalfParen, Nums::one(v), j + 1, n)),
        Some(' ') if v < 1000 && n.get(skip_spaces(n, j)).is_some() => {
            Some(marker(o, Style::Bare, Nums::one(v), j, n))
        }
        _ => None,
    }
}

fn paren_family(o: &[char], n: &[char]) -> Option<Marker> {
    if let Some((v, j, kanji)) = parse_num(n, 1) {
        if n.get(j) == Some(&')') && v > 0 {
            let mut m = marker(o, Style::Paren, Nums::one(v), j + 1, n);
            m.kanji = kanji;
            return Some(m);
        }
        return None;
    }
    let k = *n.get(1)?;
    if is_item_kata(k) && n.get(2) == Some(&')') {
        let mut m = marker(
            o,
            Style::ParenKata,
            Nums::one(kata_index(k, false).unwrap_or(1)),
            3,
            n,
        );
        m.kata = Some(k);
        return Some(m);
    }
    None
}

fn is_era_date(c: &[char]) -> bool {
    const ERAS: [[char; 2]; 4] = [['令', '和'], ['平', '成'], ['昭', '和'], ['大', '正']];
    let era = c.windows(2).any(|w| ERAS.iter().any(|e| w == e));
    let western = c.windows(5).any(|w| {
        w[..4].iter().all(|d| d.is_ascii_digit()) && (w[4] == '年' || w[4] == '/' || w[4] == '-')
    });
    (era && c.contains(&'年')) || western
}

/// `n` without spaces starts with `prefix`.
fn compact_starts_with(n: &[char], prefix: &str) -> bool {
    let mut rest = n.iter().copied().filter(|c| *c != ' ');
    prefix.chars().all(|p| rest.next() == Some(p))
}

/// `n` without spaces is `s`.
fn compact_is(n: &[char], s: &str) -> bool {
    n.iter().copied().filter(|c| *c != ' ').eq(s.chars())
}

fn classify(o: &[char], n: &[char]) -> Kind {
    if o.is_empty() {
        return Kind::Blank;
    }
    // Tables (Markdown) — kept as text only inside sections, decided later.
    if n.first() == Some(&'|') {
        let cells: Vec<String> = o
            .iter()
            .collect::<String>()
            .split(['|', '｜'])
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect();
        if cells
            .iter()
            .all(|c| c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
        {
            return Kind::Skip;
        }
        return Kind::Table(cells.join(" "));
    }
    if n.starts_with(&['`', '`', '`']) {
        return Kind::Skip;
    }
    if n.len() >= 3
        && n.iter()
            .all(|c| matches!(c, '-' | '*' | '_' | '=' | '─' | '━' | ' '))
    {
        return Kind::Skip;
    }
    // Page chrome: "- 3 -", "3", "3/10".
    if n.len() <= 12
        && n.iter().any(|c| c.is_ascii_digit())
        && n.iter()
            .all(|c| c.is_ascii_digit() || is_dash(*c) || matches!(c, ' ' | '/'))
    {
        return Kind::Skip;
    }
    // Only short lines can be 目次, 附則 or a date note (compared with spaces removed).
    let short = n.len() <= 80;
    if short && (compact_is(n, "目次") || compact_is(n, "もくじ") || compact_is(n, "目次(案)"))
    {
        return Kind::TocHeader;
    }
    if short
        && compact_starts_with(n, "附則")
        && n.iter().filter(|c| **c != ' ').count() <= 30
        && !n.contains(&'。')
    {
        return Kind::Appendix;
    }
    if let Some(m) = detect(o, n) {
        if refers_back(&m, n) {
            return Kind::Text;
        }
        return Kind::Heading(m);
    }
    // Dates, enactment and revision notes.
    if n.len() <= 60 && !n.contains(&'。') && is_era_date(n) {
        let starts = [
            "令和",
            "平成",
            "昭和",
            "大正",
            "制定",
            "改正",
            "改定",
            "施行",
            "一部改正",
            "全部改正",
            "最終改正",
            "策定",
        ];
        let first_digit = n.first().is_some_and(|c| c.is_ascii_digit());
        if first_digit || starts.iter().any(|s| compact_starts_with(n, s)) {
            return Kind::Skip;
        }
    }
    // Caption line: （目的）
    let pairs = [
        ('(', ')'),
        ('【', '】'),
        ('〔', '〕'),
        ('[', ']'),
        ('<', '>'),
        ('〈', '〉'),
    ];
    if let (Some(&a), Some(&z)) = (n.first(), n.last()) {
        if pairs.contains(&(a, z)) && n.len() >= 3 && n.len() <= 42 {
            let inner = &n[1..n.len() - 1];
            let nested = inner.iter().any(|c| *c == a || *c == z);
            // 「(令和8年1月1日改定版)」: a date or revision note, not the caption of what follows.
            if !nested && is_era_date(inner) {
                return Kind::Skip;
            }
            if !nested && !inner.contains(&'。') {
                let s: String = o[1..o.len() - 1].iter().collect();
                return Kind::Caption(s.trim().to_string());
            }
        }
    }
    Kind::Text
}

/// Trailing page reference of a TOC entry: `目的・・・・3` (strong) or `目的 3` (weak).
fn toc_tail(rest: &[char]) -> Option<bool> {
    let r = trim(rest);
    let digits = r.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let mut k = r.len() - digits;
    let (mut leaders, mut spaces) = (0, 0);
    while k > 0 {
        let c = r[k - 1];
        if c == ' ' {
            spaces += 1;
        } else if matches!(
            c,
            '・' | '…' | '‥' | '.' | '·' | '‧' | '⋯' | '-' | '─' | '･'
        ) {
            leaders += 1;
        } else {
            break;
        }
        k -= 1;
    }
    let head = &r[..k];
    if head.is_empty() || head.contains(&'。') || head.len() > 60 {
        return None;
    }
    if leaders >= 2 {
        Some(true)
    } else if spaces >= 1 && leaders == 0 {
        Some(false)
    } else {
        None
    }
}

fn same_key(a: &Marker, b: &Marker) -> bool {
    a.style == b.style && a.nums == b.nums
}

/// Marks table-of-contents lines as `Skip`.
fn mark_toc(lines: &mut [Line]) {
    let len = lines.len();
    // 1. An explicit 目次 block: runs until its first entry repeats.
    let mut i = 0;
    while i < len {
        if !matches!(lines[i].kind, Kind::TocHeader) {
            i += 1;
            continue;
        }
        let first = (i + 1..len).find(|&k| !matches!(lines[k].kind, Kind::Blank | Kind::Skip));
        let mut end = None;
        if let Some(e) = first {
            if let Kind::Heading(m) = &lines[e].kind {
                let m = m.clone();
                end = (e + 1..len)
                    .find(|&k| matches!(&lines[k].kind, Kind::Heading(x) if same_key(x, &m)));
            }
            if end.is_none() {
                // Fallback: up to the last heading before the first sentence.
                if let Some(b) = (e..len).find(|&k| lines[k].norm.contains(&'。')) {
                    end = (e..b)
                        .rev()
                        .find(|&k| matches!(lines[k].kind, Kind::Heading(_)));
                }
            }
        }
        let stop = end.unwrap_or(i + 1);
        for l in lines.iter_mut().take(stop).skip(i) {
            l.kind = Kind::Skip;
        }
        i = stop.max(i + 1);
    }
    // 2. Entries with page numbers.
    let mut weak = Vec::new();
    for (k, l) in lines.iter_mut().enumerate() {
        let tail = match &l.kind {
            Kind::Heading(m) => toc_tail(l.norm.get(m.rest..).unwrap_or(&[])),
            Kind::Text => toc_tail(l.norm).filter(|s| *s),
            _ => None,
        };
        match tail {
            Some(true) => l.kind = Kind::Skip,
            Some(false) => weak.push(k),
            None => {}
        }
    }
    if weak.len() >= 3 {
        for k in weak {
            lines[k].kind = Kind::Skip;
        }
    }
}

/// Splits `text` into lines and cleans each (page chrome kept whole, Markdown stripped).
pub(crate) fn clean(text: &str) -> Cleaned<'_> {
    let mut out = Cleaned {
        orig: Vec::with_capacity(text.chars().count()),
        norm: Vec::new(),
        spans: Vec::new(),
    };
    let mut bold = Vec::new();
    for raw in split_lines(text) {
        let base = out.orig.len();
        out.orig.extend(raw.chars());
        let chars = &out.orig[base..];
        // Page chrome like "- 3 -" must be seen before list dashes are stripped.
        let (ts, te) = trim_bounds(chars, 0, chars.len());
        let t = &chars[ts..te];
        let kept = if t.len() <= 12
            && t.iter().any(|c| norm_char(*c).is_ascii_digit())
            && t.iter()
                .map(|c| norm_char(*c))
                .all(|c| c.is_ascii_digit() || is_dash(c) || matches!(c, ' ' | '/'))
        {
            Ok((ts, te))
        } else {
            strip_markdown(chars, &mut bold)
        };
        let written = match kept {
            Ok((s, e)) => {
                // Byte bounds of chars s..e within `raw`.
                let head: usize = chars[..s].iter().map(|c| c.len_utf8()).sum();
                let tail: usize = chars[e..].iter().map(|c| c.len_utf8()).sum();
                if s > 0 {
                    out.orig.copy_within(base + s..base + e, base);
                }
                out.orig.truncate(base + e - s);
                Cow::Borrowed(&raw[head..raw.len() - tail])
            }
            Err(()) => {
                out.orig.truncate(base);
                out.orig.extend_from_slice(&bold);
                Cow::Owned(bold.iter().collect())
            }
        };
        out.spans.push((base..out.orig.len(), written));
    }
    out.norm = out.orig.iter().map(|c| norm_char(*c)).collect();
    out
}

pub(crate) fn scan<'a>(c: &'a Cleaned<'_>) -> Vec<Line<'a>> {
    let mut lines: Vec<Line> = c
        .spans
        .iter()
        .enumerate()
        .map(|(k, (r, s))| {
            let (orig, norm) = (&c.orig[r.clone()], &c.norm[r.clone()]);
            let kind = classify(orig, norm);
            Line {
                no: k + 1,
                norm,
                s,
                kind,
            }
        })
        .collect();
    mark_toc(&mut lines);
    lines
}
