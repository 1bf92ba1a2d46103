//! Line breaking: UAX #14 break opportunities (`unicode-linebreak`, which gives the basic
//! 禁則 — no 、。）」 at a line start, no （「 at a line end), greedy filling by measured width,
//! and unbreakable runs longer than a line (hashes, long identifiers) split by character.

use unicode_linebreak::{linebreaks, BreakOpportunity};

use crate::font::Metrics;

/// Characters that must not begin a line even when a run is split by character.
fn no_line_start(c: char) -> bool {
    matches!(
        c,
        '、' | '。'
            | '，'
            | '．'
            | '）'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '・'
            | 'ー'
            | '々'
            | ','
            | '.'
            | ')'
            | ']'
            | ':'
            | ';'
            | '!'
            | '?'
            | '！'
            | '？'
            | '：'
    )
}

/// Breaks `text` into lines no wider than `width` at `size` points. Newlines are kept as
/// mandatory breaks; an empty text gives one empty line.
pub fn wrap(m: &Metrics, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = vec![];
    let mut line = String::new();
    let mut line_w = 0.0f32;
    let mut start = 0;
    for (end, op) in linebreaks(text) {
        let raw = &text[start..end];
        start = end;
        let mandatory = op == BreakOpportunity::Mandatory;
        let seg = raw.trim_end_matches(['\n', '\r', '\u{2028}', '\u{2029}', '\u{0b}', '\u{0c}']);
        let seg_trim = seg.trim_end();
        let seg_trim_w = m.width(seg_trim, size);
        if line_w + seg_trim_w <= width + 0.01 {
            line.push_str(seg);
            line_w += m.width(seg, size);
        } else {
            if !line.trim_end().is_empty() {
                lines.push(line.trim_end().to_string());
                line.clear();
                line_w = 0.0;
            }
            if seg_trim_w <= width + 0.01 {
                line.push_str(seg);
                line_w = m.width(seg, size);
            } else {
                // An unbreakable run longer than the line: split it by character.
                for c in seg.chars() {
                    let w = m.advance_em(c) * size;
                    if line_w + w > width + 0.01
                        && !line.is_empty()
                        && !(no_line_start(c) && line.chars().count() > 1)
                    {
                        lines.push(std::mem::take(&mut line));
                        line_w = 0.0;
                    }
                    line.push(c);
                    line_w += w;
                }
            }
        }
        if mandatory && end < text.len() {
            lines.push(line.trim_end().to_string());
            line.clear();
            line_w = 0.0;
        }
    }
    lines.push(line.trim_end().to_string());
    // A text that ended with a newline leaves one empty line too many.
    if lines.len() > 1 && lines.last().is_some_and(|l| l.is_empty()) && text.ends_with('\n') {
        lines.pop();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m() -> &'static Metrics {
        Metrics::get()
    }

    #[test]
    fn kinsoku_punctuation_never_starts_a_line_and_brackets_never_end_one() {
        let text = "サーバ室の入退室管理簿に、9月分の退室時刻の記入漏れが12件あった。「情報資産管理台帳」が更新されていなかった。（令和5年度から）";
        for width in [40.0, 55.0, 70.0, 90.0, 120.0, 150.0, 200.0] {
            let lines = wrap(m(), text, 10.0, width);
            assert_eq!(lines.concat(), text, "width {width}: no character lost");
            for (i, l) in lines.iter().enumerate() {
                let first = l.chars().next().unwrap();
                let last = l.chars().last().unwrap();
                assert!(
                    !matches!(first, '、' | '。' | '」' | '）'),
                    "width {width}: line {i} starts with {first}: {lines:?}"
                );
                assert!(
                    !matches!(last, '「' | '（'),
                    "width {width}: line {i} ends with {last}: {lines:?}"
                );
                assert!(
                    m().width(l, 10.0) <= width + 0.01,
                    "width {width}: line {i} too wide: {l}"
                );
            }
        }
    }

    #[test]
    fn hashes_are_split_by_character_and_keep_every_character() {
        let h = "2fa40f766efa9504c8a296f1071181f9e22fb610fa484f369d7afc5f2ee03dd1";
        let lines = wrap(m(), h, 8.0, 60.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), h);
        for l in &lines {
            assert!(m().width(l, 8.0) <= 60.01);
        }
    }

    #[test]
    fn english_breaks_at_spaces_and_newlines_are_kept() {
        let lines = wrap(
            m(),
            "Handle it with care and do not disclose it",
            10.0,
            100.0,
        );
        assert!(lines.len() > 1);
        assert!(lines
            .iter()
            .all(|l| !l.starts_with(' ') && !l.ends_with(' ')));
        assert_eq!(
            lines.join(" "),
            "Handle it with care and do not disclose it"
        );
        assert_eq!(wrap(m(), "a\nb", 10.0, 100.0), vec!["a", "b"]);
        assert_eq!(wrap(m(), "", 10.0, 100.0), vec![""]);
    }

    #[test]
    fn hex_digits_are_half_width() {
        let w = m().width("0123456789abcdef", 10.0) / 16.0;
        assert!(w > 3.0 && w < 7.0, "{w}");
        assert!((m().width("漢", 10.0) - 10.0).abs() < 0.01);
    }
}
