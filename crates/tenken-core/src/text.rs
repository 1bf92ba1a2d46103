//! Text that enters tenken (CLI arguments, the window's fields, Excel cells) and text that
//! leaves it for a terminal. One place decides what a field may hold:
//!
//! - every field has a limit in characters (`Limit`), stated in the message when exceeded —
//!   the longest is below Excel's 32,767 characters per cell, so whatever is stored can go back
//!   out in an answer sheet;
//! - control characters (ESC, BEL, NUL …, C1 controls, bidirectional overrides that can make a
//!   name read differently from what it is) are refused, naming the field and the position;
//!   tabs and new-lines are kept where a field allows several lines (`\r\n` and `\r` become `\n`);
//! - error messages quote at most a short preview of a value (`preview`), never a whole huge one;
//! - text printed to a terminal goes through `printable`, so nothing stored can drive the terminal.

use std::borrow::Cow;

use crate::error::{Error, Result};

/// What a field may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// The most characters (Unicode scalar values) allowed.
    pub max_chars: usize,
    /// Whether new-lines are allowed (notes, facts); names and titles are one line.
    pub multiline: bool,
}

impl Limit {
    /// Names: organisation, department, auditor, checklist item ids, evidence titles.
    pub const NAME: Limit = Limit {
        max_chars: 200,
        multiline: false,
    };
    /// One line that may be longer: a place, a list of attendees, a storage location, a clause.
    pub const LINE: Limit = Limit {
        max_chars: 1_000,
        multiline: false,
    };
    /// A note, a finding's fact / risk / recommendation, a remark, a description.
    pub const NOTE: Limit = Limit {
        max_chars: 10_000,
        multiline: true,
    };
    /// The longest texts: the 総評 and an interview's notes (still below Excel's cell limit).
    pub const LONG: Limit = Limit {
        max_chars: 30_000,
        multiline: true,
    };
}

/// Checks `value` for `field` and returns it cleaned: trimmed, line ends normalised.
/// Refuses control characters and text over the limit (the message gives the limit).
pub fn clean(field: &str, value: &str, limit: Limit) -> Result<String> {
    let normalised: Cow<str> = if value.contains('\r') {
        Cow::Owned(value.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(value)
    };
    let trimmed = normalised.trim();
    for (i, c) in trimmed.chars().enumerate() {
        let allowed_space = c == '\t' || (c == '\n' && limit.multiline);
        if (is_control(c) && !allowed_space) || (c == '\n' && !limit.multiline) {
            return Err(Error::ControlCharacter {
                field: field.to_string(),
                position: i + 1,
                code: format!("U+{:04X}", c as u32),
            });
        }
    }
    let length = trimmed.chars().count();
    if length > limit.max_chars {
        return Err(Error::TextTooLong {
            field: field.to_string(),
            limit: limit.max_chars,
            length,
        });
    }
    Ok(trimmed.to_string())
}

/// Like `clean`, for optional fields (`None` stays `None`).
pub fn clean_opt(field: &str, value: Option<&str>, limit: Limit) -> Result<Option<String>> {
    value.map(|v| clean(field, v, limit)).transpose()
}

/// A control character tenken never stores: C0 (except tab and new-line, decided by the
/// caller), DEL, C1, and the bidirectional embedding/override/isolate controls.
pub fn is_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{FEFF}')
}

/// A name from outside (a file name of an evidence file) made fit to show on one line:
/// control characters and new-lines become spaces, runs of spaces one space, trimmed, and at
/// most `Limit::NAME` characters.
pub fn display_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut last_space = false;
    for c in name.chars() {
        let c = if is_control(c) { ' ' } else { c };
        if c == ' ' && last_space {
            continue;
        }
        last_space = c == ' ';
        out.push(c);
    }
    out.trim().chars().take(Limit::NAME.max_chars).collect()
}

/// At most `max` characters of `value` for a message, with the full length when cut.
pub fn preview(value: &str, max: usize) -> String {
    let n = value.chars().count();
    let shown: String = value
        .chars()
        .take(max)
        .map(|c| {
            if is_control(c) && c != ' ' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect();
    if n > max {
        format!("{shown}…（{n}文字 / {n} characters）")
    } else {
        shown
    }
}

/// Text for a terminal: control characters other than new-line and tab are shown as
/// U+FFFD, so stored text can never move the cursor, ring the bell or change colours.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| is_control(c) && c != '\n' && c != '\t')
    {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if is_control(c) && c != '\n' && c != '\t' {
                    '\u{FFFD}'
                } else {
                    c
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_newlines_only_where_allowed() {
        assert_eq!(
            clean("note", " a\r\nb\rc\t ", Limit::NOTE).unwrap(),
            "a\nb\nc"
        );
        let e = clean("name", "a\nb", Limit::NAME).unwrap_err();
        assert_eq!(e.code(), "control_character");
    }

    #[test]
    fn refuses_escape_and_bidi_override_with_position() {
        let e = clean("note", "ok\u{1b}[31m", Limit::NOTE).unwrap_err();
        assert!(
            matches!(e, Error::ControlCharacter { position: 3, .. }),
            "{e:?}"
        );
        assert!(clean("name", "report\u{202E}fdp.exe", Limit::NAME).is_err());
        assert!(clean("name", "a\u{7}", Limit::NAME).is_err());
        assert!(clean("name", "a\u{85}b", Limit::NAME).is_err());
    }

    #[test]
    fn limit_counts_characters_not_bytes() {
        let ok = "あ".repeat(200);
        assert_eq!(clean("name", &ok, Limit::NAME).unwrap(), ok);
        let e = clean("name", &"あ".repeat(201), Limit::NAME).unwrap_err();
        assert!(matches!(
            e,
            Error::TextTooLong {
                limit: 200,
                length: 201,
                ..
            }
        ));
    }

    #[test]
    fn display_name_is_one_clean_line() {
        assert_eq!(display_name("scan\n2026\u{1b}.pdf"), "scan 2026 .pdf");
        assert_eq!(display_name("  a  \t b "), "a b");
    }

    #[test]
    fn preview_is_short_and_printable() {
        let p = preview(&"x".repeat(1_000_000), 40);
        assert!(p.chars().count() < 80, "{p}");
        assert!(p.contains("1000000"));
        assert_eq!(preview("a\u{1b}b", 10), "a\u{FFFD}b");
    }

    #[test]
    fn printable_replaces_controls_but_keeps_lines() {
        assert_eq!(
            printable("a\u{1b}]0;x\u{7}\nb\tc"),
            "a\u{FFFD}]0;x\u{FFFD}\nb\tc"
        );
        assert!(matches!(printable("plain 日本語"), Cow::Borrowed(_)));
    }

    proptest::proptest! {
        #[test]
        fn cleaned_text_never_holds_a_control(s in "\\PC*|[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}a-zあ]{0,50}") {
            if let Ok(c) = clean("note", &s, Limit::NOTE) {
                proptest::prop_assert!(c.chars().all(|ch| !is_control(ch) || ch == '\n' || ch == '\t'));
                proptest::prop_assert!(c.chars().count() <= Limit::NOTE.max_chars);
            }
            let p = printable(&s);
            proptest::prop_assert!(p.chars().all(|ch| !is_control(ch) || ch == '\n' || ch == '\t'));
            let d = display_name(&s);
            proptest::prop_assert!(d.chars().all(|ch| !is_control(ch)));
        }
    }
}
