//! Word (DOCX) → lines: paragraph text in order with Word's automatic numbering rebuilt.
//!
//! `word/document.xml`: paragraphs `w:p`, runs `w:r`/`w:t`, `w:tab`, `w:br`, `w:cr`; deleted
//! text (`w:del`, `w:delText`, `w:moveFrom`), field codes (`w:instrText`), ruby readings
//! (`w:rt`) and hidden runs (`w:vanish`) are skipped; of `mc:AlternateContent` only the first
//! `mc:Choice` is read (else text boxes would come twice). Table rows: one line each, cells
//! separated by a space. Numbers: `w:numPr` of the paragraph or its style (`basedOn` chain) →
//! `w:num` → `w:abstractNum` (following `numStyleLink`), `startOverride`, counters per
//! abstract numbering (a `w:num` with overrides counts on its own), deeper levels restart,
//! `lvlText` with `%1…%9` in each level's own format.

use crate::{limits, Problem, SourceFormat};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;
use std::io::{Cursor, Read};

fn damaged(reason: impl ToString) -> Problem {
    Problem::Damaged {
        format: SourceFormat::Docx,
        reason: reason.to_string(),
    }
}

/// A ZIP whose central directory names `word/document.xml`.
pub(crate) fn is_word(bytes: &[u8]) -> bool {
    match zip::ZipArchive::new(Cursor::new(bytes)) {
        Ok(z) => z.index_for_name("word/document.xml").is_some(),
        // A ZIP we cannot open: if it mentions word/document.xml, report it as a damaged DOCX.
        Err(_) => bytes.windows(17).any(|w| w == b"word/document.xml"),
    }
}

struct Parts {
    zip: zip::ZipArchive<Cursor<Vec<u8>>>,
    total: u64,
}

impl Parts {
    /// A part's text, or None when absent; bounded per part and in total.
    fn read(&mut self, name: &str) -> Result<Option<String>, Problem> {
        let mut f = match self.zip.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(damaged(e)),
        };
        if f.size() > limits::PART || self.total + f.size() > limits::TOTAL {
            return Err(Problem::TooLarge {
                limit_mib: limits::PART >> 20,
            });
        }
        let mut buf = Vec::new();
        // The declared size may lie: read at most one byte more than the bound.
        let bound = limits::PART.min(limits::TOTAL - self.total);
        (&mut f)
            .take(bound + 1)
            .read_to_end(&mut buf)
            .map_err(damaged)?;
        if buf.len() as u64 > bound {
            return Err(Problem::TooLarge {
                limit_mib: limits::PART >> 20,
            });
        }
        self.total += buf.len() as u64;
        let s = String::from_utf8(buf).map_err(|e| damaged(format!("{name}: {e}")))?;
        Ok(Some(s))
    }
}

pub(crate) fn extract(bytes: &[u8]) -> Result<String, Problem> {
    let zip = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).map_err(damaged)?;
    if zip.len() > 20_000 {
        return Err(damaged("too many entries"));
    }
    let mut parts = Parts { zip, total: 0 };
    let document = parts
        .read("word/document.xml")?
        .ok_or_else(|| damaged("word/document.xml missing"))?;
    let numbering = match parts.read("word/numbering.xml")? {
        Some(x) => Numbering::parse(&x)?,
        None => Numbering::default(),
    };
    let styles = match parts.read("word/styles.xml")? {
        Some(x) => Styles::parse(&x)?,
        None => Styles::default(),
    };
    Body::read(&document, &numbering, &styles)
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

fn val(e: &BytesStart) -> Option<String> {
    attr(e, "w:val")
}

fn int(e: &BytesStart) -> Option<i64> {
    val(e).and_then(|v| v.trim().parse().ok())
}

/// `w:vanish` / `w:b` style toggles: absent value or anything but false/0/off is on.
fn on(e: &BytesStart) -> bool {
    !matches!(val(e).as_deref(), Some("0" | "false" | "off"))
}

fn reader(xml: &str) -> Reader<&[u8]> {
    let mut r = Reader::from_reader(xml.as_bytes());
    r.config_mut().trim_text(false);
    r
}

#[derive(Clone, Debug, Default)]
struct Level {
    start: i64,
    fmt: String,
    text: String,
    suffix: String,
    /// `w:lvlRestart`: restart after this level (1-based) is used; 0 = never restart.
    restart: Option<i64>,
    legal: bool,
}

#[derive(Clone, Debug, Default)]
struct Abstract {
    levels: HashMap<usize, Level>,
    style_link: Option<String>,
    num_style_link: Option<String>,
}

#[derive(Clone, Debug, Default)]
struct Num {
    abstract_id: String,
    /// ilvl → startOverride
    overrides: HashMap<usize, i64>,
    /// ilvl → a whole level given in the override
    levels: HashMap<usize, Level>,
}

#[derive(Default, Debug)]
struct Numbering {
    abstracts: HashMap<String, Abstract>,
    nums: HashMap<String, Num>,
}

impl Numbering {
    fn parse(xml: &str) -> Result<Self, Problem> {
        let mut n = Numbering::default();
        let mut r = reader(xml);
        let mut cur_abs: Option<(String, Abstract)> = None;
        let mut cur_num: Option<(String, Num)> = None;
        let mut cur_lvl: Option<(usize, Level)> = None;
        let mut override_lvl: Option<usize> = None;
        loop {
            let ev = r.read_event().map_err(damaged)?;
            let (e, empty) = match &ev {
                Event::Start(e) => (e.clone(), false),
                Event::Empty(e) => (e.clone(), true),
                Event::End(e) => {
                    match e.name().as_ref() {
                        "w:abstractNum" => {
                            if let Some((id, a)) = cur_abs.take() {
                                n.abstracts.insert(id, a);
                            }
                        }
                        "w:num" => {
                            if let Some((id, m)) = cur_num.take() {
                                n.nums.insert(id, m);
                            }
                        }
                        "w:lvl" => {
                            if let Some((i, l)) = cur_lvl.take() {
                                if let Some((_, m)) = cur_num.as_mut() {
                                    m.levels.insert(i, l);
                                } else if let Some((_, a)) = cur_abs.as_mut() {
                                    a.levels.insert(i, l);
                                }
                            }
                        }
                        "w:lvlOverride" => override_lvl = None,
                        _ => {}
                    }
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            match e.name().as_ref() {
                "w:abstractNum" if !empty => {
                    cur_abs = Some((
                        attr(&e, "w:abstractNumId").unwrap_or_default(),
                        Abstract::default(),
                    ));
                }
                "w:num" if !empty => {
                    cur_num = Some((attr(&e, "w:numId").unwrap_or_default(), Num::default()))
                }
                "w:abstractNumId" => {
                    if let Some((_, m)) = cur_num.as_mut() {
                        m.abstract_id = val(&e).unwrap_or_default();
                    }
                }
                "w:lvlOverride" => override_lvl = attr(&e, "w:ilvl").and_then(|v| v.parse().ok()),
                "w:startOverride" => {
                    if let (Some((_, m)), Some(l), Some(v)) =
                        (cur_num.as_mut(), override_lvl, int(&e))
                    {
                        m.overrides.insert(l, v);
                    }
                }
                "w:styleLink" => {
                    if let Some((_, a)) = cur_abs.as_mut() {
                        a.style_link = val(&e);
                    }
                }
                "w:numStyleLink" => {
                    if let Some((_, a)) = cur_abs.as_mut() {
                        a.num_style_link = val(&e);
                    }
                }
                "w:lvl" => {
                    let i = attr(&e, "w:ilvl")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0)
                        .min(8);
                    let l = Level {
                        start: 1,
                        fmt: "decimal".into(),
                        suffix: "tab".into(),
                        ..Default::default()
                    };
                    if empty {
                        continue;
                    }
                    cur_lvl = Some((i, l));
                }
                name => {
                    if let Some((_, l)) = cur_lvl.as_mut() {
                        match name {
                            "w:start" => l.start = int(&e).unwrap_or(1),
                            "w:numFmt" => l.fmt = val(&e).unwrap_or_else(|| "decimal".into()),
                            "w:lvlText" => l.text = val(&e).unwrap_or_default(),
                            "w:suff" => l.suffix = val(&e).unwrap_or_else(|| "tab".into()),
                            "w:lvlRestart" => l.restart = int(&e),
                            "w:isLgl" => l.legal = on(&e),
                            _ => {}
                        }
                    }
                }
            }
        }
        Ok(n)
    }
}

#[derive(Default, Debug, Clone)]
struct Style {
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
    hidden: bool,
}

#[derive(Default, Debug)]
struct Styles {
    styles: HashMap<String, Style>,
}

impl Styles {
    fn parse(xml: &str) -> Result<Self, Problem> {
        let mut s = Styles::default();
        let mut r = reader(xml);
        let mut cur: Option<(String, Style)> = None;
        let mut in_rpr = false;
        loop {
            match r.read_event().map_err(damaged)? {
                Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                    "w:style" => {
                        cur = Some((attr(&e, "w:styleId").unwrap_or_default(), Style::default()))
                    }
                    "w:rPr" => in_rpr = true,
                    name => {
                        if let Some((_, st)) = cur.as_mut() {
                            match name {
                                "w:basedOn" => st.based_on = val(&e),
                                "w:numId" => st.num_id = val(&e),
                                "w:ilvl" => st.ilvl = val(&e).and_then(|v| v.parse().ok()),
                                "w:vanish" if in_rpr => st.hidden = on(&e),
                                _ => {}
                            }
                        }
                    }
                },
                Event::End(e) => match e.name().as_ref() {
                    "w:style" => {
                        if let Some((id, st)) = cur.take() {
                            s.styles.insert(id, st);
                        }
                    }
                    "w:rPr" => in_rpr = false,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(s)
    }

    /// (numId, ilvl) through the style's `basedOn` chain.
    fn numbering(&self, style: &str) -> (Option<String>, Option<usize>) {
        let (mut num, mut lvl) = (None, None);
        let mut cur = Some(style.to_string());
        for _ in 0..16 {
            let Some(st) = cur.as_deref().and_then(|c| self.styles.get(c)) else {
                break;
            };
            num = num.or_else(|| st.num_id.clone());
            lvl = lvl.or(st.ilvl);
            cur = st.based_on.clone();
        }
        (num, lvl)
    }

    fn hidden(&self, style: &str) -> bool {
        let mut cur = Some(style.to_string());
        for _ in 0..16 {
            let Some(st) = cur.as_deref().and_then(|c| self.styles.get(c)) else {
                break;
            };
            if st.hidden {
                return true;
            }
            cur = st.based_on.clone();
        }
        false
    }
}

/// The counters of one numbering (per abstract numbering, or per `w:num` with overrides).
#[derive(Default)]
struct Counters {
    values: [Option<i64>; 9],
}

struct Numberer<'a> {
    numbering: &'a Numbering,
    styles: &'a Styles,
    counters: HashMap<String, Counters>,
}

impl<'a> Numberer<'a> {
    /// The abstract numbering of a `w:num`, following `numStyleLink` to the style's numbering.
    fn abstract_of(&self, num: &Num) -> Option<&'a Abstract> {
        let mut a = self.numbering.abstracts.get(&num.abstract_id)?;
        for _ in 0..8 {
            let Some(link) = &a.num_style_link else { break };
            let (Some(num_id), _) = self.styles.numbering(link) else {
                break;
            };
            let linked = self.numbering.nums.get(&num_id)?;
            match self.numbering.abstracts.get(&linked.abstract_id) {
                Some(next) if !std::ptr::eq(next, a) => a = next,
                _ => break,
            }
        }
        Some(a)
    }

    /// The label shown for a paragraph numbered (numId, ilvl), counters advanced.
    fn label(&mut self, num_id: &str, ilvl: usize) -> Option<String> {
        let num = self.numbering.nums.get(num_id)?;
        let abs = self.abstract_of(num)?;
        let ilvl = ilvl.min(8);
        let level_of = |i: usize| num.levels.get(&i).or_else(|| abs.levels.get(&i)).cloned();
        let lvl = level_of(ilvl)?;
        let key = if num.overrides.is_empty() && num.levels.is_empty() {
            format!("a{}", num.abstract_id)
        } else {
            format!("n{num_id}")
        };
        let counters = self.counters.entry(key).or_default();
        let start = |i: usize| {
            num.overrides
                .get(&i)
                .copied()
                .or_else(|| level_of(i).map(|l| l.start))
                .unwrap_or(1)
        };
        let next = match counters.values[ilvl] {
            Some(v) => v.saturating_add(1),
            None => start(ilvl),
        };
        counters.values[ilvl] = Some(next);
        for deeper in ilvl + 1..9 {
            let restart = level_of(deeper).and_then(|l| l.restart);
            // lvlRestart = 0: never restart; n: restart when level n (1-based) or above is used.
            let restarts = match restart {
                Some(0) => false,
                Some(n) => (ilvl as i64) < n,
                None => true,
            };
            if restarts {
                counters.values[deeper] = None;
            }
        }
        let mut out = String::new();
        let mut chars = lvl.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%' {
                if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    chars.next();
                    let i = (d as usize).saturating_sub(1).min(8);
                    let v = counters.values[i].unwrap_or_else(|| start(i));
                    let fmt = if lvl.legal && i < ilvl {
                        "decimal".to_string()
                    } else {
                        level_of(i).map(|l| l.fmt).unwrap_or_default()
                    };
                    out.push_str(&format_number(v, &fmt));
                    continue;
                }
            }
            out.push(c);
        }
        if lvl.fmt == "none" && out.is_empty() {
            return Some(String::new());
        }
        match lvl.suffix.as_str() {
            "nothing" => {}
            _ => out.push(' '),
        }
        Some(out)
    }
}

const AIUEO: &str =
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン";
const AIUEO_HALF: &str = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ";
const IROHA: &str = "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセスン";
const IROHA_HALF: &str = "ｲﾛﾊﾆﾎﾍﾄﾁﾘﾇﾙｦﾜｶﾖﾀﾚｿﾂﾈﾅﾗﾑｳｲﾉｵｸﾔﾏｹﾌｺｴﾃｱｻｷﾕﾒﾐｼｴﾋﾓｾｽﾝ";
const STEMS: &str = "甲乙丙丁戊己庚辛壬癸";
const BRANCHES: &str = "子丑寅卯辰巳午未申酉戌亥";

fn cycle(set: &str, n: i64) -> String {
    let v: Vec<char> = set.chars().collect();
    if n < 1 {
        return n.to_string();
    }
    v[((n - 1) as usize) % v.len()].to_string()
}

fn kanji_digits(n: i64, zero: char) -> String {
    const D: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    n.to_string()
        .chars()
        .map(|c| {
            c.to_digit(10)
                .map(|d| if d == 0 { zero } else { D[d as usize] })
                .unwrap_or(c)
        })
        .collect()
}

/// 一, 十, 十一, 二十三, 百五 … (japaneseCounting).
fn kanji_counting(n: i64) -> String {
    if !(1..100_000).contains(&n) {
        return n.to_string();
    }
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let mut out = String::new();
    for (unit, name) in [(10_000, "万"), (1000, "千"), (100, "百"), (10, "十")] {
        let d = (n / unit) % 10;
        if d > 0 {
            if d > 1 || unit == 10_000 {
                out.push_str(D[d as usize]);
            }
            out.push_str(name);
        }
    }
    out.push_str(D[(n % 10) as usize]);
    out
}

fn roman(mut n: i64) -> String {
    if !(1..4000).contains(&n) {
        return n.to_string();
    }
    let mut out = String::new();
    for (v, s) in [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

fn letters(n: i64, upper: bool) -> String {
    // Word repeats the letter (aa, bbb …); a hostile start value must not allocate gigabytes.
    if !(1..=26 * 20).contains(&n) {
        return n.to_string();
    }
    let c = (b'a' + ((n - 1) % 26) as u8) as char;
    let c = if upper { c.to_ascii_uppercase() } else { c };
    c.to_string().repeat(((n - 1) / 26 + 1) as usize)
}

fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

/// A counter value in a Word number format (ST_NumberFormat).
fn format_number(n: i64, fmt: &str) -> String {
    let enclosed = |base: u32, max: i64| {
        if (1..=max).contains(&n) {
            char::from_u32(base + n as u32 - 1)
                .map(String::from)
                .unwrap_or_else(|| n.to_string())
        } else {
            n.to_string()
        }
    };
    match fmt {
        "decimalFullWidth" | "decimalFullWidth2" => full_width(&n.to_string()),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => match n {
            1..=20 => enclosed(0x2460, 20),
            21..=35 => char::from_u32(0x3251 + n as u32 - 21)
                .map(String::from)
                .unwrap_or_default(),
            36..=50 => char::from_u32(0x32B1 + n as u32 - 36)
                .map(String::from)
                .unwrap_or_default(),
            _ => n.to_string(),
        },
        "decimalEnclosedParen" => enclosed(0x2474, 20),
        "decimalEnclosedFullstop" => enclosed(0x2488, 20),
        "aiueoFullWidth" => cycle(AIUEO, n),
        "aiueo" => cycle(AIUEO_HALF, n),
        "irohaFullWidth" => cycle(IROHA, n),
        "iroha" => cycle(IROHA_HALF, n),
        "japaneseCounting"
        | "chineseCounting"
        | "chineseCountingThousand"
        | "ideographLegalTraditional"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand" => kanji_counting(n),
        "japaneseDigitalTenThousand" | "ideographDigital" | "taiwaneseDigital" => {
            kanji_digits(n, '〇')
        }
        "japaneseLegal" => kanji_counting(n)
            .replace('一', "壱")
            .replace('二', "弐")
            .replace('三', "参")
            .replace('十', "拾"),
        "ideographTraditional" => cycle(STEMS, n),
        "ideographZodiac" => cycle(BRANCHES, n),
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperLetter" => letters(n, true),
        "lowerLetter" => letters(n, false),
        "none" | "bullet" => String::new(),
        _ => n.to_string(),
    }
}

/// Paragraph being read.
#[derive(Default)]
struct Para {
    text: String,
    style: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
    /// The paragraph mark is hidden (`w:pPr/w:rPr/w:vanish`): a hidden paragraph has no number.
    mark_hidden: bool,
}

struct Body<'a> {
    out: Vec<String>,
    numberer: Numberer<'a>,
    styles: &'a Styles,
    paras: Vec<Para>,
    /// Cells of the table rows being read (rows nest with tables).
    rows: Vec<Vec<String>>,
}

impl<'a> Body<'a> {
    fn read(xml: &str, numbering: &'a Numbering, styles: &'a Styles) -> Result<String, Problem> {
        let mut b = Body {
            out: Vec::new(),
            numberer: Numberer {
                numbering,
                styles,
                counters: HashMap::new(),
            },
            styles,
            paras: Vec::new(),
            rows: Vec::new(),
        };
        let mut r = reader(xml);
        // Depth of the element whose content is skipped (deleted text, field codes, ruby, fallback).
        let mut skip: Option<usize> = None;
        let mut depth = 0usize;
        // Per open mc:AlternateContent: whether a branch was already taken.
        let mut alt: Vec<bool> = Vec::new();
        let mut in_ppr = false;
        let mut in_rpr = false;
        let mut run_hidden = false;
        let mut in_t = false;
        loop {
            let ev = r.read_event().map_err(damaged)?;
            match ev {
                Event::Start(e) => {
                    depth += 1;
                    if depth > limits::DEPTH * 4 {
                        return Err(damaged("nesting too deep"));
                    }
                    if skip.is_some() {
                        continue;
                    }
                    let name = e.name();
                    match name.as_ref() {
                        "w:delText" | "w:instrText" | "w:rt" | "w:del" | "w:moveFrom"
                        | "mc:Fallback" => skip = Some(depth),
                        "mc:AlternateContent" => alt.push(false),
                        "mc:Choice" => {
                            if let Some(taken) = alt.last_mut() {
                                if *taken {
                                    skip = Some(depth);
                                } else {
                                    *taken = true;
                                }
                            }
                        }
                        "w:p" => b.paras.push(Para::default()),
                        "w:pPr" => in_ppr = true,
                        "w:rPr" => in_rpr = true,
                        "w:r" => run_hidden = false,
                        "w:tr" => b.rows.push(Vec::new()),
                        "w:tc" => {
                            if let Some(row) = b.rows.last_mut() {
                                row.push(String::new());
                            }
                        }
                        "w:t" => in_t = true,
                        _ => b.element(&e, in_ppr, in_rpr, &mut run_hidden),
                    }
                }
                Event::Empty(e) => {
                    if skip.is_some() {
                        continue;
                    }
                    b.element(&e, in_ppr, in_rpr, &mut run_hidden);
                    if e.name().as_ref() == "w:p" {
                        b.paras.push(Para::default());
                        b.end_paragraph();
                    }
                }
                Event::End(e) => {
                    let name = e.name();
                    if let Some(s) = skip {
                        if depth == s {
                            skip = None;
                        }
                        depth = depth.saturating_sub(1);
                        if name.as_ref() == "mc:AlternateContent" {
                            alt.pop();
                        }
                        continue;
                    }
                    depth = depth.saturating_sub(1);
                    match name.as_ref() {
                        "mc:AlternateContent" => {
                            alt.pop();
                        }
                        "w:p" => b.end_paragraph(),
                        "w:pPr" => in_ppr = false,
                        "w:rPr" => in_rpr = false,
                        "w:t" => in_t = false,
                        "w:tr" => {
                            if let Some(row) = b.rows.pop() {
                                let line = row
                                    .iter()
                                    .map(|c| c.trim())
                                    .filter(|c| !c.is_empty())
                                    .collect::<Vec<_>>()
                                    .join(" ");
                                b.emit(line);
                            }
                        }
                        _ => {}
                    }
                }
                Event::Text(t) if in_t && skip.is_none() && !run_hidden => {
                    if let Some(p) = b.paras.last_mut() {
                        p.text.push_str(&t.xml10_content());
                    }
                }
                Event::CData(t) if in_t && skip.is_none() && !run_hidden => {
                    if let Some(p) = b.paras.last_mut() {
                        p.text.push_str(&t.xml10_content());
                    }
                }
                Event::GeneralRef(g) if in_t && skip.is_none() && !run_hidden => {
                    let c = match g.resolve_char_ref() {
                        Ok(Some(c)) => Some(c),
                        _ => match g.as_ref() {
                            "amp" => Some('&'),
                            "lt" => Some('<'),
                            "gt" => Some('>'),
                            "quot" => Some('"'),
                            "apos" => Some('\''),
                            _ => None,
                        },
                    };
                    if let (Some(c), Some(p)) = (c, b.paras.last_mut()) {
                        p.text.push(c);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        while !b.paras.is_empty() {
            b.end_paragraph();
        }
        let mut text = b.out.join("\n");
        text.push('\n');
        Ok(text)
    }

    /// Elements that carry properties or characters (start or empty tags).
    fn element(&mut self, e: &BytesStart, in_ppr: bool, in_rpr: bool, run_hidden: &mut bool) {
        let Some(p) = self.paras.last_mut() else {
            return;
        };
        match e.name().as_ref() {
            "w:pStyle" if in_ppr => p.style = val(e),
            "w:numId" if in_ppr => p.num_id = val(e),
            "w:ilvl" if in_ppr => p.ilvl = val(e).and_then(|v| v.parse().ok()),
            "w:vanish" if in_ppr && in_rpr => p.mark_hidden = on(e),
            "w:vanish" if in_rpr => *run_hidden = on(e),
            "w:rStyle" if in_rpr => *run_hidden = self.styles.hidden(&val(e).unwrap_or_default()),
            "w:tab" if !in_ppr && !*run_hidden => {
                p.text.push(' ');
            }
            "w:br" | "w:cr"
                if !*run_hidden
                    && !matches!(attr(e, "w:type").as_deref(), Some("page" | "column")) =>
            {
                p.text.push('\n');
            }
            "w:noBreakHyphen" => p.text.push('-'),
            _ => {}
        }
    }

    fn end_paragraph(&mut self) {
        let Some(p) = self.paras.pop() else { return };
        let (style_num, style_lvl) = p
            .style
            .as_deref()
            .map(|s| self.styles.numbering(s))
            .unwrap_or((None, None));
        let num_id = p.num_id.clone().or(style_num);
        let ilvl = p.ilvl.or(style_lvl).unwrap_or(0);
        let label = match num_id.as_deref() {
            Some(id) if id != "0" && !p.mark_hidden => self.numberer.label(id, ilvl),
            _ => None,
        };
        let text = format!("{}{}", label.unwrap_or_default(), p.text);
        self.emit(text);
    }

    /// A finished paragraph: into the open table cell, else a line of the output.
    fn emit(&mut self, text: String) {
        if let Some(cell) = self.rows.last_mut().and_then(|r| r.last_mut()) {
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(&text.replace('\n', " "));
            return;
        }
        // A paragraph nested in a text box inside another paragraph ends up as its own line.
        for line in text.split('\n') {
            self.out.push(line.trim_end().to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::format_number;

    #[test]
    fn number_formats() {
        let f = |n, fmt| format_number(n, fmt);
        assert_eq!(f(3, "decimal"), "3");
        assert_eq!(f(12, "decimalFullWidth"), "１２");
        assert_eq!(f(1, "decimalEnclosedCircle"), "①");
        assert_eq!(f(21, "decimalEnclosedCircle"), "㉑");
        assert_eq!(f(2, "decimalEnclosedParen"), "⑵");
        assert_eq!(f(1, "aiueoFullWidth"), "ア");
        assert_eq!(f(6, "aiueoFullWidth"), "カ");
        assert_eq!(f(3, "irohaFullWidth"), "ハ");
        assert_eq!(f(1, "japaneseCounting"), "一");
        assert_eq!(f(10, "japaneseCounting"), "十");
        assert_eq!(f(23, "japaneseCounting"), "二十三");
        assert_eq!(f(105, "japaneseCounting"), "百五");
        assert_eq!(f(2, "ideographTraditional"), "乙");
        assert_eq!(f(4, "upperRoman"), "IV");
        assert_eq!(f(28, "lowerLetter"), "bb");
        assert_eq!(f(9_000_000_000_000, "lowerLetter"), "9000000000000");
        assert_eq!(f(i64::MAX, "japaneseCounting"), i64::MAX.to_string());
    }
}
