//! Text clean-up for extracted text: line ends, Kangxi radicals, spaces at script switches.
//! Never NFKC: ①, （１） and full-width digits are numbering the parser reads as written.

/// The ordinary kanji for Kangxi radicals U+2F00–U+2FD5 (the Japanese form where NFKC would
/// give a traditional one: ⼾ → 戸, ⾭ → 青, ⿈ → 黄, ⿊ → 黒 …).
const KANGXI: &str = "一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈戸手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛辰辵邑酉釆里金長門阜隶隹雨青非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麦麻黄黍黒黹黽鼎鼓鼠鼻斉歯龍亀龠";

/// CJK Radicals Supplement (U+2E80–U+2EFF) code points fonts map ordinary kanji to.
const SUPPLEMENT: &[(char, char)] = &[
    ('\u{2E8C}', '小'),
    ('\u{2E8D}', '小'),
    ('\u{2E95}', '彐'),
    ('\u{2E9C}', '日'),
    ('\u{2E9F}', '母'),
    ('\u{2EA0}', '民'),
    ('\u{2EA4}', '爪'),
    ('\u{2EA6}', '丬'),
    ('\u{2EA8}', '犭'),
    ('\u{2EAB}', '罒'),
    ('\u{2EAE}', '竹'),
    ('\u{2EB2}', '罒'),
    ('\u{2EB7}', '羊'),
    ('\u{2EBC}', '肉'),
    ('\u{2EBE}', '艹'),
    ('\u{2EC1}', '虎'),
    ('\u{2EC4}', '西'),
    ('\u{2EC6}', '角'),
    ('\u{2ECC}', '辶'),
    ('\u{2ECF}', '阝'),
    ('\u{2ED1}', '長'),
    ('\u{2ED8}', '青'),
    ('\u{2EDD}', '食'),
    ('\u{2EE0}', '食'),
    ('\u{2EE3}', '骨'),
    ('\u{2EE4}', '鬼'),
    ('\u{2EE8}', '麦'),
    ('\u{2EE9}', '黄'),
    ('\u{2EEB}', '斉'),
    ('\u{2EED}', '歯'),
    ('\u{2EEF}', '竜'),
    ('\u{2EF2}', '亀'),
    ('\u{2EF3}', '亀'),
];

/// Maps Kangxi radicals (U+2F00–U+2FDF) and radical supplements (U+2E80–U+2EFF) to the
/// ordinary kanji. Other characters are kept as they are.
pub fn fold_radicals(s: &str) -> String {
    s.chars()
        .map(|c| match c as u32 {
            0x2F00..=0x2FD5 => KANGXI
                .chars()
                .nth((c as u32 - 0x2F00) as usize)
                .unwrap_or(c),
            0x2E80..=0x2EFF => SUPPLEMENT
                .iter()
                .find(|(k, _)| *k == c)
                .map(|(_, v)| *v)
                .unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// `\r\n` and `\r` → `\n`.
pub(crate) fn line_ends(s: &str) -> String {
    if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s.to_string()
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3001..=0x303F | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xFF01..=0xFF60 | 0x2460..=0x24FF | 0x2E80..=0x2FDF | 0x20000..=0x2FFFF)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// End (char index) of a line's leading numbering (`第 1 条`, `1`, `4.1`, `(1)`, `第1`) and
/// the index where its text begins; None when the line does not start with one.
fn leading_number(cs: &[char]) -> Option<(usize, usize)> {
    let end = leading_end(cs)?;
    let start = cs
        .iter()
        .take_while(|c| c.is_whitespace() || matches!(c, '-' | '・' | '•' | '*' | '‐' | '－'))
        .count();
    Some((start, end))
}

fn leading_end(cs: &[char]) -> Option<usize> {
    let mut i = 0;
    // Leading white space and list bullets (「- 」「・」「• 」) before the number.
    while i < cs.len()
        && (cs[i].is_whitespace() || matches!(cs[i], '-' | '・' | '•' | '*' | '‐' | '－'))
    {
        i += 1;
    }
    let skip_sp = |mut j: usize| {
        while j < cs.len() && cs[j] == ' ' {
            j += 1;
        }
        j
    };
    let digits = |mut j: usize| {
        while j < cs.len() && is_digit(cs[j]) {
            j += 1;
        }
        j
    };
    if cs.get(i) == Some(&'第') {
        let j = skip_sp(i + 1);
        let k = digits(j);
        if k == j {
            return None;
        }
        let m = skip_sp(k);
        if matches!(
            cs.get(m),
            Some('条' | '章' | '節' | '款' | '編' | '項' | '号')
        ) {
            return Some(m + 1);
        }
        return Some(k);
    }
    if cs.get(i).is_some_and(|&c| is_digit(c)) {
        let mut k = digits(i);
        while matches!(cs.get(k), Some('.' | '．' | '-' | '―' | '－'))
            && cs.get(k + 1).is_some_and(|&c| is_digit(c))
        {
            k = digits(k + 1);
        }
        if matches!(cs.get(k), Some('.' | '．' | ')' | '）')) {
            k += 1;
        }
        return Some(k);
    }
    if matches!(cs.get(i), Some('(' | '（')) {
        let close = cs[i..cs.len().min(i + 8)]
            .iter()
            .position(|&c| c == ')' || c == '）')?;
        return Some(i + close + 1);
    }
    // A one-character marker: ア, イ, ①, ⑴, 一.
    let c = *cs.get(i)?;
    let marker = ('ァ'..='ヶ').contains(&c)
        || ('\u{2460}'..='\u{24FF}').contains(&c)
        || ('\u{3251}'..='\u{32BF}').contains(&c)
        || "一二三四五六七八九十".contains(c);
    if marker && cs.get(i + 1) == Some(&' ') {
        return Some(i + 1);
    }
    None
}

/// Removes the spaces PDFs show where the font switches between kanji and digits
/// (「第 1 条」, 「2026 年 4 月 1 日」), so the text reads as if typed without them. Spaces between
/// a Latin word and Japanese (「LGWAN 接続系」) are kept: they may be real, and the parser reads
/// both forms alike. The space after a line's leading number (「1 目的」, 「(1) 定義」) is kept: it separates
/// the number from the title.
pub fn join_script_spaces(line: &str) -> String {
    if !line.contains(' ') {
        return line.to_string();
    }
    let cs: Vec<char> = line.chars().collect();
    let lead = leading_number(&cs);
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if c == ' ' && i > 0 {
            let mut j = i;
            while j < cs.len() && cs[j] == ' ' {
                j += 1;
            }
            let (a, b) = (cs[i - 1], cs.get(j).copied());
            let after_lead = lead.map(|l| l.1) == Some(i);
            let inside_lead = lead.is_some_and(|(s, e)| i > s && i < e);
            if let Some(b) = b {
                // Digits beside kanji (「第 1 条」「2026 年 4 月」) never want a space; a Latin word
                // beside Japanese may (「LGWAN接続系 LGWANに…」: a term and its definition), so
                // those spaces stay and the parser reads both forms alike.
                let switch = (is_cjk(a) && is_digit(b)) || (is_digit(a) && is_cjk(b));
                if (inside_lead || (switch && !after_lead && !a.is_whitespace())) && j - i <= 2 {
                    i = j;
                    continue;
                }
            }
            out.extend(&cs[i..j]);
            i = j;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radicals_fold_to_kanji_but_numbering_stays() {
        assert_eq!(
            fold_radicals("情報資産の管理⽅法\u{2F64}"),
            "情報資産の管理方法用"
        );
        assert_eq!(fold_radicals("\u{2ED1}期 \u{2F3E}籍"), "長期 戸籍");
        assert_eq!(fold_radicals("①（１）１⑴ア"), "①（１）１⑴ア");
    }

    #[test]
    fn script_switch_spaces() {
        for (spaced, plain) in [
            ("第 1 条 この方針は", "第1条 この方針は"),
            ("第 1 目的", "第1 目的"),
            (
                "この方針は 2026 年 4 月 1 日から施行する。",
                "この方針は2026年4月1日から施行する。",
            ),
            ("(3) LGWAN接続系 LGWANに接続", "(3) LGWAN接続系 LGWANに接続"),
            ("1 目的", "1 目的"),
            ("4.1 サーバ等の管理", "4.1 サーバ等の管理"),
            ("第 8 条第 4 号", "第8条第4号"),
            ("- イ 2026 年においては", "- イ 2026年においては"),
            ("・① 令和 8 年", "・① 令和8年"),
            ("Windows Update を行う", "Windows Update を行う"),
        ] {
            assert_eq!(join_script_spaces(spaced), plain, "{spaced}");
            assert_eq!(join_script_spaces(plain), plain, "{plain}");
        }
    }
}
