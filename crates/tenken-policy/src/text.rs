//! Character-level helpers: width normalisation, numerals of every kind, similarity.

/// Maps one char to its "normalised" form, 1:1 so char indices stay aligned:
/// full-width ASCII → ASCII, every kind of space → ' '.
pub(crate) fn norm_char(c: char) -> char {
    // Fast path for printable ASCII and the kana/kanji block, which map to themselves.
    if matches!(c, '!'..='~' | '\u{3001}'..='\u{FEFE}') {
        return c;
    }
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}'
        | '\t'
        | '\u{00A0}'
        | '\u{2002}'..='\u{200B}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{FEFF}'
        | '\u{000B}'
        | '\u{000C}' => ' ',
        _ => c,
    }
}

pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{FEFF}' || c == '\u{200B}'
}

/// Separators used in `4―1―2` style numbers.
pub(crate) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '―' | 'ー' | '‐' | '‑' | '–' | '—' | '−' | 'ｰ' | '─' | '－'
    )
}

pub(crate) fn kanji_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

pub(crate) fn is_kanji_numeral(c: char) -> bool {
    kanji_digit(c).is_some() || matches!(c, '十' | '百' | '千')
}

/// ASCII digits at `i` (already normalised), at most 4 of them. Returns (value, end).
pub(crate) fn parse_ascii_num(n: &[char], i: usize) -> Option<(u32, usize)> {
    let mut j = i;
    let mut v: u32 = 0;
    while let Some(c) = n.get(j) {
        let Some(d) = c.to_digit(10) else { break };
        if !c.is_ascii_digit() {
            break;
        }
        v = v * 10 + d;
        j += 1;
        if j - i > 4 {
            return None;
        }
    }
    if j == i {
        None
    } else {
        Some((v, j))
    }
}

/// Kanji numerals (一, 十二, 二十三, 一〇 …) at `i`. Returns (value, end).
pub(crate) fn parse_kanji_num(n: &[char], i: usize) -> Option<(u32, usize)> {
    let mut j = i;
    let mut total: u32 = 0;
    let mut cur: u32 = 0;
    while let Some(&c) = n.get(j) {
        if let Some(d) = kanji_digit(c) {
            cur = cur.saturating_mul(10).saturating_add(d);
        } else {
            let m = match c {
                '十' => 10,
                '百' => 100,
                '千' => 1000,
                _ => break,
            };
            total = total.saturating_add(if cur == 0 { 1 } else { cur }.saturating_mul(m));
            cur = 0;
        }
        j += 1;
        if j - i > 8 {
            return None;
        }
    }
    if j == i {
        None
    } else {
        Some((total.saturating_add(cur), j))
    }
}

/// Either kind of number. Returns (value, end, written_in_kanji).
pub(crate) fn parse_num(n: &[char], i: usize) -> Option<(u32, usize, bool)> {
    if let Some((v, e)) = parse_ascii_num(n, i) {
        return Some((v, e, false));
    }
    parse_kanji_num(n, i).map(|(v, e)| (v, e, true))
}

/// ① … ㊿
pub(crate) fn circled_value(c: char) -> Option<u32> {
    let u = c as u32;
    match u {
        0x2460..=0x2473 => Some(u - 0x2460 + 1),
        0x3251..=0x325F => Some(u - 0x3251 + 21),
        0x32B1..=0x32BF => Some(u - 0x32B1 + 36),
        _ => None,
    }
}

pub(crate) fn circled_char(n: u32) -> Option<char> {
    match n {
        1..=20 => char::from_u32(0x2460 + n - 1),
        21..=35 => char::from_u32(0x3251 + n - 21),
        36..=50 => char::from_u32(0x32B1 + n - 36),
        _ => None,
    }
}

/// ⑴ … ⒇
pub(crate) fn paren_digit_value(c: char) -> Option<u32> {
    let u = c as u32;
    (0x2474..=0x2487).contains(&u).then(|| u - 0x2474 + 1)
}

/// ⒈ … ⒛
pub(crate) fn full_stop_digit_value(c: char) -> Option<u32> {
    let u = c as u32;
    (0x2488..=0x249B).contains(&u).then(|| u - 0x2488 + 1)
}

/// Ⅰ … Ⅻ, ⅰ … ⅻ
pub(crate) fn roman_char_value(c: char) -> Option<u32> {
    let u = c as u32;
    match u {
        0x2160..=0x216B => Some(u - 0x2160 + 1),
        0x2170..=0x217B => Some(u - 0x2170 + 1),
        _ => None,
    }
}

/// ASCII Roman numeral (I … XXXIX), strict enough to reject random capitals.
pub(crate) fn parse_ascii_roman(s: &[char]) -> Option<u32> {
    if s.is_empty() || s.len() > 7 {
        return None;
    }
    let val = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        _ => None,
    };
    let mut total: i32 = 0;
    for (k, &c) in s.iter().enumerate() {
        let v = val(c)?;
        let next = s.get(k + 1).and_then(|&d| val(d)).unwrap_or(0);
        if v < next {
            total -= v;
        } else {
            total += v;
        }
    }
    if total <= 0 {
        return None;
    }
    let t = total as u32;
    // Round trip to reject forms like "IIII" or "VX".
    (to_roman(t) == s.iter().collect::<String>()).then_some(t)
}

fn to_roman(mut n: u32) -> String {
    let mut s = String::new();
    for (v, r) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

const AIUEO: &str =
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン";
const IROHA: &str = "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセスン";

/// 1-based position of a katakana item marker in 法令 order (aiueo) or iroha order.
pub(crate) fn kata_index(c: char, iroha: bool) -> Option<u32> {
    let table = if iroha { IROHA } else { AIUEO };
    table.chars().position(|k| k == c).map(|p| p as u32 + 1)
}

pub(crate) fn is_item_kata(c: char) -> bool {
    kata_index(c, false).is_some() || c == 'ヰ' || c == 'ヱ'
}

pub(crate) fn to_kanji(n: u32) -> String {
    const D: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    if n == 0 {
        return D[0].to_string();
    }
    if n >= 10000 {
        return n.to_string();
    }
    let mut s = String::new();
    for (unit, name) in [(1000, "千"), (100, "百"), (10, "十")] {
        let q = (n / unit) % 10;
        if q > 0 {
            if q > 1 {
                s.push_str(D[q as usize]);
            }
            s.push_str(name);
        }
    }
    let r = n % 10;
    if r > 0 {
        s.push_str(D[r as usize]);
    }
    s
}

/// Normalised, whitespace-free, ASCII-uppercased form used for keyword matching.
pub(crate) fn compact(s: &str) -> String {
    s.chars()
        .map(norm_char)
        .filter(|c| !is_space(*c))
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// A string with its sorted character bigrams, so one side of many `dice` comparisons
/// is split only once.
pub(crate) struct Bigrams<'a> {
    pub s: &'a str,
    bi: Vec<(char, char)>,
}

impl<'a> Bigrams<'a> {
    pub(crate) fn new(s: &'a str) -> Self {
        let v: Vec<char> = s.chars().collect();
        let mut bi: Vec<(char, char)> = v.windows(2).map(|w| (w[0], w[1])).collect();
        bi.sort_unstable();
        Bigrams { s, bi }
    }

    /// Dice coefficient over character bigrams.
    pub(crate) fn dice(&self, other: &Bigrams<'_>) -> f64 {
        let (x, y) = (&self.bi, &other.bi);
        let (a, b) = (self.s, other.s);
        if x.is_empty() || y.is_empty() {
            return if a == b && !a.is_empty() { 1.0 } else { 0.0 };
        }
        let (mut i, mut j, mut common) = (0, 0, 0usize);
        while i < x.len() && j < y.len() {
            match x[i].cmp(&y[j]) {
                std::cmp::Ordering::Equal => {
                    common += 1;
                    i += 1;
                    j += 1;
                }
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
            }
        }
        2.0 * common as f64 / (x.len() + y.len()) as f64
    }
}

/// Dice coefficient over character bigrams.
#[cfg(test)]
pub(crate) fn dice(a: &str, b: &str) -> f64 {
    Bigrams::new(a).dice(&Bigrams::new(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        let c: Vec<char> = "十二条".chars().collect();
        assert_eq!(parse_kanji_num(&c, 0), Some((12, 2)));
        let c: Vec<char> = "二十三".chars().collect();
        assert_eq!(parse_kanji_num(&c, 0), Some((23, 3)));
        assert_eq!(to_kanji(12), "十二");
        assert_eq!(to_kanji(230), "二百三十");
        assert_eq!(parse_ascii_roman(&['I', 'V']), Some(4));
        assert_eq!(parse_ascii_roman(&['I', 'I', 'I', 'I']), None);
        assert_eq!(kata_index('ウ', false), Some(3));
        assert_eq!(kata_index('ハ', true), Some(3));
        assert_eq!(circled_char(12), Some('⑫'));
        assert_eq!(circled_value('㉑'), Some(21));
        assert!(dice("サーバ等の管理", "サーバ等の管理") > 0.99);
    }
}
