//! Fluent bundles built from `locales/{ja,en}/*.ftl` (embedded at compile time so the binary
//! works from any folder). Japanese is the default language.
//!
//! Bidi isolation marks are off: output goes to terminals and PDFs whose fonts have no glyphs
//! for U+2068/U+2069. Numbers and dates are formatted by the caller (see `calendar`).

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// A language tenken speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "ja" | "ja-JP" => Ok(Lang::Ja),
            "en" | "en-US" | "en-GB" => Ok(Lang::En),
            other => Err(format!("unknown language '{other}' (ja, en)")),
        }
    }
}

/// The Fluent sources of each language, in load order. `ui.ftl` belongs to the window.
pub const SOURCES: [(Lang, &str, &str); 8] = [
    (
        Lang::Ja,
        "locales/ja/core.ftl",
        include_str!("../../../locales/ja/core.ftl"),
    ),
    (
        Lang::Ja,
        "locales/ja/cli.ftl",
        include_str!("../../../locales/ja/cli.ftl"),
    ),
    (
        Lang::Ja,
        "locales/ja/report.ftl",
        include_str!("../../../locales/ja/report.ftl"),
    ),
    (
        Lang::Ja,
        "locales/ja/xlsx.ftl",
        include_str!("../../../locales/ja/xlsx.ftl"),
    ),
    (
        Lang::En,
        "locales/en/core.ftl",
        include_str!("../../../locales/en/core.ftl"),
    ),
    (
        Lang::En,
        "locales/en/cli.ftl",
        include_str!("../../../locales/en/cli.ftl"),
    ),
    (
        Lang::En,
        "locales/en/report.ftl",
        include_str!("../../../locales/en/report.ftl"),
    ),
    (
        Lang::En,
        "locales/en/xlsx.ftl",
        include_str!("../../../locales/en/xlsx.ftl"),
    ),
];

fn build(lang: Lang) -> FluentBundle<FluentResource> {
    let tag = match lang {
        Lang::Ja => unic_langid::langid!("ja"),
        Lang::En => unic_langid::langid!("en"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    bundle.set_use_isolating(false);
    for (l, name, src) in SOURCES {
        if l != lang {
            continue;
        }
        let res = FluentResource::try_new(src.to_string())
            .unwrap_or_else(|(_, errs)| panic!("{name}: Fluent syntax errors: {errs:?}"));
        bundle
            .add_resource(res)
            .unwrap_or_else(|errs| panic!("{name}: duplicate Fluent messages: {errs:?}"));
    }
    bundle
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static JA: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static EN: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    match lang {
        Lang::Ja => JA.get_or_init(|| build(Lang::Ja)),
        Lang::En => EN.get_or_init(|| build(Lang::En)),
    }
}

/// An argument value for a message.
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(n as i64)
    }
}

/// Formats message `id`, reporting Fluent errors (missing message or variable).
pub fn try_tr(lang: Lang, id: &str, args: &[(&str, Arg)]) -> Result<String, String> {
    let b = bundle(lang);
    let msg = b
        .get_message(id)
        .ok_or_else(|| format!("missing Fluent message '{id}' ({lang:?})"))?;
    let pattern = msg
        .value()
        .ok_or_else(|| format!("Fluent message '{id}' has no value"))?;
    let mut fargs = FluentArgs::new();
    for (k, v) in args {
        match v {
            Arg::Text(s) => fargs.set(*k, FluentValue::from(s.clone())),
            // Plain digits: Fluent's NUMBER() does not group and we format numbers ourselves.
            Arg::Number(n) => fargs.set(*k, FluentValue::from(n.to_string())),
        }
    }
    let mut errors = vec![];
    let text = b
        .format_pattern(pattern, Some(&fargs), &mut errors)
        .into_owned();
    if errors.is_empty() {
        Ok(text)
    } else {
        Err(format!("Fluent message '{id}' ({lang:?}): {errors:?}"))
    }
}

/// Formats message `id`; on a Fluent error returns the id itself so that output never breaks.
/// Tests (`every_message_formats`) make sure that never happens for shipped messages.
pub fn tr(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    try_tr(lang, id, args).unwrap_or_else(|_| id.to_string())
}

/// All message ids defined for a language (for tests and the UI).
pub fn message_ids(lang: Lang) -> Vec<String> {
    let mut ids = vec![];
    for (l, _, src) in SOURCES {
        if l == lang {
            let res = FluentResource::try_new(src.to_string()).unwrap_or_else(|(r, _)| r);
            for entry in res.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    ids.push(m.id.name.to_string());
                }
            }
        }
    }
    ids.sort();
    ids
}

/// Formats a count with thousands separators (Fluent does not): 12345 → "12,345".
pub fn group_digits(n: i64) -> String {
    let s = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_define_the_same_messages() {
        assert_eq!(message_ids(Lang::Ja), message_ids(Lang::En));
        assert!(message_ids(Lang::Ja).len() > 20);
    }

    #[test]
    fn no_isolation_marks_and_missing_variables_are_errors() {
        let t = try_tr(Lang::Ja, "error-unknown-assessment", &[("id", "42".into())]).unwrap();
        assert!(t.contains("42"));
        assert!(!t.contains('\u{2068}'));
        assert!(try_tr(Lang::Ja, "error-unknown-assessment", &[]).is_err());
        assert!(try_tr(Lang::Ja, "no-such-message", &[]).is_err());
    }

    #[test]
    fn digits_are_grouped() {
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(1000), "1,000");
        assert_eq!(group_digits(-1234567), "-1,234,567");
    }
}
