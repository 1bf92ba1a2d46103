//! TOML → `Checklist`, validating every field. Problems carry `file:line`.

use std::collections::HashSet;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::{
    Checklist, Conditions, Item, Text, TextList, METHODS, NETWORK_MODELS, SEGMENT_KEYS, TIERS,
    TOPIC_KEYS,
};
use crate::domain::ScaleKind;
use crate::error::{Error, Result};
use crate::i18n::{tr, Arg, Lang};

/// One problem in a checklist file: where, and what (a Fluent message with its arguments).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub message: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Problem {
    /// `file:line: what`, in the given language.
    pub fn localized(&self, lang: Lang) -> String {
        let args: Vec<(&str, Arg)> = self
            .args
            .iter()
            .map(|(k, v)| (*k, Arg::Text(v.clone())))
            .collect();
        format!(
            "{}:{}: {}",
            self.file,
            self.line,
            tr(lang, self.message, &args)
        )
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    checklist: Spanned<RawHeader>,
    #[serde(default)]
    items: Vec<Spanned<RawItem>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    id: Spanned<String>,
    version: Spanned<String>,
    title: Spanned<Text>,
    scale: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: Spanned<String>,
    section: Spanned<String>,
    topic: Spanned<String>,
    question: Spanned<Text>,
    look_at: Spanned<TextList>,
    methods: Spanned<Vec<String>>,
    tier: Spanned<String>,
    required: bool,
    #[serde(default)]
    when: Option<Spanned<RawConditions>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConditions {
    segments: Option<Spanned<Vec<String>>>,
    network_models: Option<Spanned<Vec<String>>>,
    cloud: Option<bool>,
    social_media: Option<bool>,
}

struct Checker<'a> {
    file: &'a str,
    src: &'a str,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn line(&self, offset: usize) -> usize {
        self.src.as_bytes()[..offset.min(self.src.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }
    fn add(&mut self, offset: usize, message: &'static str, args: Vec<(&'static str, String)>) {
        let line = self.line(offset);
        self.problems.push(Problem {
            file: self.file.to_string(),
            line,
            message,
            args,
        });
    }
    fn one_of<T: AsRef<str>>(
        &mut self,
        v: &Spanned<T>,
        allowed: &[&str],
        field: &'static str,
        item: &str,
    ) {
        if !allowed.contains(&v.get_ref().as_ref()) {
            let args = vec![
                ("item", item.to_string()),
                ("field", field.to_string()),
                ("value", v.get_ref().as_ref().to_string()),
                ("allowed", allowed.join(", ")),
            ];
            self.add(v.span().start, "checklist-bad-value", args);
        }
    }
    fn text(&mut self, t: &Spanned<Text>, field: &'static str, item: &str) {
        for (lang, s) in [("ja", &t.get_ref().ja), ("en", &t.get_ref().en)] {
            if s.trim().is_empty() {
                let args = vec![
                    ("item", item.to_string()),
                    ("field", format!("{field}.{lang}")),
                ];
                self.add(t.span().start, "checklist-empty-text", args);
            }
        }
    }
}

fn valid_id(s: &str, lower: bool) -> bool {
    !s.is_empty()
        && s.chars().all(|c| {
            c.is_ascii_digit()
                || c == '-'
                || c == '_'
                || if lower {
                    c.is_ascii_lowercase()
                } else {
                    c.is_ascii_uppercase()
                }
        })
}

fn valid_section(s: &str) -> bool {
    let mut parts = s.split('.');
    let chapter_ok = parts
        .next()
        .and_then(|c| c.parse::<u32>().ok())
        .is_some_and(|c| (1..=9).contains(&c));
    chapter_ok && parts.all(|p| p.parse::<u32>().is_ok_and(|n| n >= 1))
}

/// Parses and validates one checklist file. Returns every problem found, not just the first.
pub fn load_str(file: &str, src: &str) -> std::result::Result<Checklist, Vec<Problem>> {
    let mut ck = Checker {
        file,
        src,
        problems: vec![],
    };
    let raw: RawFile = match toml::from_str(src) {
        Ok(r) => r,
        Err(e) => {
            let at = e.span().map(|s| s.start).unwrap_or(0);
            let what = e.message().trim().to_string();
            ck.add(at, "checklist-syntax", vec![("what", what)]);
            return Err(ck.problems);
        }
    };
    let h = raw.checklist.get_ref();
    if !valid_id(h.id.get_ref(), true) {
        ck.add(
            h.id.span().start,
            "checklist-bad-id",
            vec![
                ("id", h.id.get_ref().clone()),
                ("pattern", "[a-z0-9_-]+".into()),
            ],
        );
    }
    if h.version.get_ref().trim().is_empty() {
        ck.add(
            h.version.span().start,
            "checklist-empty-text",
            vec![("item", "checklist".into()), ("field", "version".into())],
        );
    }
    ck.text(&h.title, "title", "checklist");
    let scale = ScaleKind::from_key(h.scale.get_ref());
    if scale.is_none() {
        ck.one_of(&h.scale, &ScaleKind::keys(), "scale", "checklist");
    }
    if raw.items.is_empty() {
        ck.add(raw.checklist.span().start, "checklist-no-items", vec![]);
    }

    let mut seen = HashSet::new();
    let mut items = Vec::with_capacity(raw.items.len());
    for spanned in &raw.items {
        let it = spanned.get_ref();
        let id = it.id.get_ref().clone();
        if !valid_id(&id, false) {
            ck.add(
                it.id.span().start,
                "checklist-bad-id",
                vec![("id", id.clone()), ("pattern", "[A-Z0-9-]+".into())],
            );
        }
        if !seen.insert(id.clone()) {
            ck.add(
                it.id.span().start,
                "checklist-duplicate-id",
                vec![("id", id.clone())],
            );
        }
        if !valid_section(it.section.get_ref()) {
            let args = vec![
                ("item", id.clone()),
                ("value", it.section.get_ref().clone()),
            ];
            ck.add(it.section.span().start, "checklist-bad-section", args);
        }
        ck.one_of(&it.topic, &TOPIC_KEYS, "topic", &id);
        ck.one_of(&it.tier, &TIERS, "tier", &id);
        ck.text(&it.question, "question", &id);
        let look = it.look_at.get_ref();
        if look.ja.len() != look.en.len() {
            let args = vec![
                ("item", id.clone()),
                ("ja", look.ja.len().to_string()),
                ("en", look.en.len().to_string()),
            ];
            ck.add(it.look_at.span().start, "checklist-look-at-mismatch", args);
        }
        if look.ja.iter().chain(&look.en).any(|s| s.trim().is_empty()) {
            ck.add(
                it.look_at.span().start,
                "checklist-empty-text",
                vec![("item", id.clone()), ("field", "look_at".into())],
            );
        }
        if it.methods.get_ref().is_empty() {
            ck.add(
                it.methods.span().start,
                "checklist-empty-list",
                vec![("item", id.clone()), ("field", "methods".into())],
            );
        }
        for m in it.methods.get_ref() {
            if !METHODS.contains(&m.as_str()) {
                let args = vec![
                    ("item", id.clone()),
                    ("field", "methods".into()),
                    ("value", m.clone()),
                    ("allowed", METHODS.join(", ")),
                ];
                ck.add(it.methods.span().start, "checklist-bad-value", args);
            }
        }
        let mut when = Conditions::default();
        if let Some(w) = &it.when {
            let w = w.get_ref();
            for (list, allowed, field, out) in [
                (
                    &w.segments,
                    &SEGMENT_KEYS[..],
                    "when.segments",
                    &mut when.segments,
                ),
                (
                    &w.network_models,
                    &NETWORK_MODELS[..],
                    "when.network_models",
                    &mut when.network_models,
                ),
            ] {
                if let Some(list) = list {
                    if list.get_ref().is_empty() {
                        ck.add(
                            list.span().start,
                            "checklist-empty-list",
                            vec![("item", id.clone()), ("field", field.into())],
                        );
                    }
                    for v in list.get_ref() {
                        if !allowed.contains(&v.as_str()) {
                            let args = vec![
                                ("item", id.clone()),
                                ("field", field.into()),
                                ("value", v.clone()),
                                ("allowed", allowed.join(", ")),
                            ];
                            ck.add(list.span().start, "checklist-bad-value", args);
                        }
                    }
                    *out = list.get_ref().clone();
                }
            }
            when.cloud = w.cloud;
            when.social_media = w.social_media;
        }
        items.push(Item {
            id,
            section: it.section.get_ref().clone(),
            topic: it.topic.get_ref().clone(),
            question: it.question.get_ref().clone(),
            look_at: look.clone(),
            methods: it.methods.get_ref().clone(),
            tier: it.tier.get_ref().clone(),
            required: it.required,
            when,
            citation: None,
            standards_citation: None,
        });
    }
    if !ck.problems.is_empty() {
        return Err(ck.problems);
    }
    Ok(Checklist {
        id: h.id.get_ref().clone(),
        version: h.version.get_ref().clone(),
        title: h.title.get_ref().clone(),
        scale: scale.unwrap_or(ScaleKind::Audit),
        items,
    })
}

/// Loads every `*.toml` directly in `dir` (sorted by name); checklist ids must be unique.
pub fn load_dir(dir: &Path) -> Result<Vec<Checklist>> {
    let rd = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut paths: Vec<_> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let mut problems = vec![];
    let mut out: Vec<Checklist> = vec![];
    for path in paths {
        let name = path.display().to_string();
        let src = match std::fs::read(&path) {
            Ok(b) => match String::from_utf8(b) {
                Ok(s) => s,
                Err(_) => {
                    problems.push(Problem {
                        file: name,
                        line: 1,
                        message: "checklist-not-utf8",
                        args: vec![],
                    });
                    continue;
                }
            },
            Err(e) => return Err(Error::io(&path, e)),
        };
        match load_str(&name, &src) {
            Ok(c) => {
                if out.iter().any(|o| o.id == c.id) {
                    let line = src
                        .lines()
                        .position(|l| l.trim_start().starts_with("id"))
                        .map(|p| p + 1)
                        .unwrap_or(1);
                    problems.push(Problem {
                        file: name,
                        line,
                        message: "checklist-duplicate-checklist",
                        args: vec![("id", c.id.clone())],
                    });
                } else {
                    out.push(c);
                }
            }
            Err(mut p) => problems.append(&mut p),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(Error::ChecklistInvalid { problems })
    }
}
