//! Policy text → section tree, topics and segments.
//!
//! Reads a Japanese municipal 情報セキュリティポリシー (基本方針 or 対策基準) as published —
//! UTF-8, Shift_JIS/CP932 or UTF-16, Markdown or PDF-extracted text — and finds its numbered
//! sections as the organisation writes and cites them (第8条第4号, 6(4), 第6(4), 4―1―2, ①, ア),
//! the topics of the 総務省 model and the network segments it defines.
//! See `docs` / `shared/design/policy-model.md` for the model.
#![forbid(unsafe_code)]

mod decode;
mod scan;
mod text;
mod topics;
mod tree;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use decode::DecodeError;

/// The topic keys of the model 基本方針 (policy-model.md), in model order; the nine measures
/// (organization … evaluation) are the 対策基準 chapters 1–9. The one list of tenken's topic vocabulary.
pub const TOPIC_KEYS: [&str; 19] = [
    "purpose",
    "definitions",
    "threats",
    "scope",
    "obligations",
    "measures",
    "organization",
    "asset_classification",
    "resilience",
    "physical",
    "human",
    "technical",
    "operations",
    "outsourcing",
    "evaluation",
    "audit",
    "review",
    "standards",
    "procedures",
];

/// The network segments a policy may define, in the order `segments` lists them.
pub const SEGMENT_KEYS: [&str; 4] = ["mynumber", "lgwan", "internet", "independent"];

/// A parsed policy document. `serde_json::to_string_pretty` of this is the CLI's JSON.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct ParsedPolicy {
    pub title: Option<String>,
    /// Top-level sections in document order, nested.
    pub sections: Vec<Node>,
    /// Topic key (`purpose`, `physical`, …) → where the organisation's text covers it.
    pub topics: BTreeMap<String, TopicRef>,
    /// `mynumber`, `lgwan`, `internet`, `independent` — in that order, only those defined.
    pub segments: Vec<String>,
    /// `"{line}行目: …"` notes on structure the parser could not fully recognise.
    pub warnings: Vec<String>,
    /// Detected input encoding: `UTF-8`, `Shift_JIS`, `UTF-16LE`, `UTF-16BE`, `EUC-JP`.
    pub encoding: String,
    /// `basic_policy` (基本方針) or `standards` (対策基準).
    pub kind: String,
    /// 総務省 model chapter/section number (`"1"`, `"4.1"`, …) → the organisation's section.
    pub model_sections: BTreeMap<String, TopicRef>,
    /// The format the text was read from: `text`, `pdf`, `docx` or `html` (`tenken-import`).
    #[serde(default = "text_format")]
    pub source_format: String,
}

fn text_format() -> String {
    "text".to_string()
}

/// Where a topic lives in the organisation's text.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct TopicRef {
    pub number_path: Vec<u32>,
    pub citation: String,
}

/// One numbered section (条, 項, 号, (1), ①, ア, 4.1, …).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// The number as written: `第8条`, `（４）`, `①`, `6.`, `ア`.
    pub label: String,
    /// Citation path: 第8条第4号 → `[8, 4]`. Grouping headings (章・節) have `[]`.
    pub number_path: Vec<u32>,
    pub title: Option<String>,
    /// As the organisation cites it: `第8条第4号`, `6(4)`, `第6(4)`, `4.1.2`.
    pub citation: String,
    /// Body text of the section itself (not its children); hard line breaks joined.
    pub text: String,
    pub children: Vec<Node>,
    /// 1-based source line of the heading.
    pub line: usize,
}

/// Decodes `bytes` (encoding detected from content) and parses them.
pub fn parse_bytes(bytes: &[u8]) -> Result<ParsedPolicy, DecodeError> {
    let (text, encoding) = decode::decode(bytes)?;
    let mut p = parse_text(&text);
    p.encoding = encoding.to_string();
    Ok(p)
}

/// Parses an already decoded text. Never panics; problems become `warnings`.
pub fn parse_text(text: &str) -> ParsedPolicy {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let cleaned = scan::clean(text);
    let lines = scan::scan(&cleaned);
    let mut built = tree::build(&lines);
    drop(lines);
    drop(cleaned);
    let mut numbered = tree::number(&built);

    let title = pick_title(&built.preamble);
    let segments = std::mem::take(&mut built.segments);
    // Nodes dropped as a table of contents are unreachable; every numbered node was visited.
    let reachable = numbered.visited.clone();

    let kind = detect_kind(title.as_deref(), &built, &numbered, &reachable);
    let assigned = assign_topics(&built, &numbered, &reachable, kind == "standards");
    let topic_ref = |i: usize| TopicRef {
        number_path: numbered.paths[i].clone(),
        citation: numbered.cits[i].clone(),
    };
    let model = if kind == "standards" {
        model_sections_standards(&built, &numbered, &assigned)
    } else {
        model_sections_basic(&built, &assigned)
    };

    let topics = assigned
        .iter()
        .map(|(k, &i)| (k.to_string(), topic_ref(i)))
        .collect();
    let model_sections = model.into_iter().map(|(k, i)| (k, topic_ref(i))).collect();
    let sections = tree::materialize(&mut built, &mut numbered);
    ParsedPolicy {
        title,
        topics,
        model_sections,
        sections,
        segments,
        warnings: built.warnings,
        encoding: "UTF-8".to_string(),
        kind: kind.to_string(),
        source_format: text_format(),
    }
}

fn pick_title(preamble: &[String]) -> Option<String> {
    let ok = |s: &&String| {
        let n = s.chars().count();
        n > 0 && n <= 80 && !s.contains('。')
    };
    let keys = ["方針", "ポリシー", "基準", "規程", "要綱", "規則", "手順"];
    preamble
        .iter()
        .filter(ok)
        .find(|s| keys.iter().any(|k| s.contains(k)))
        .or_else(|| preamble.iter().filter(ok).find(|s| s.chars().count() <= 40))
        .map(|s| s.trim().to_string())
}

/// Reachable nodes ordered by depth, then document order.
fn by_depth(b: &tree::Built, num: &tree::Numbered, reachable: &[bool]) -> Vec<usize> {
    // Grouping headings (章・節) come after content headings of the same depth. The keys are
    // distinct (they end in the index), so an unstable sort gives the one possible order.
    let mut v: Vec<(usize, bool, usize)> = (0..reachable.len())
        .filter(|&i| reachable[i])
        .map(|i| {
            (
                num.depth[i],
                matches!(b.nodes[i].style, scan::Style::Group(_)),
                i,
            )
        })
        .collect();
    v.sort_unstable();
    v.into_iter().map(|(_, _, i)| i).collect()
}

fn is_within(num: &tree::Numbered, mut i: usize, anc: usize) -> bool {
    while let Some(p) = num.parent[i] {
        if p == anc {
            return true;
        }
        i = p;
    }
    false
}

fn assign_topics(
    b: &tree::Built,
    num: &tree::Numbered,
    reachable: &[bool],
    standards: bool,
) -> BTreeMap<&'static str, usize> {
    let order = by_depth(b, num, reachable);
    let title = |i: usize| b.nodes[i].title.as_deref();
    let mut out: BTreeMap<&'static str, usize> = BTreeMap::new();

    // In a 対策基準 the chapters themselves are the measures (組織体制 … 評価・見直し): there is
    // no parent 情報セキュリティ対策 section, and a section such as 不正プログラム対策 is not one.
    let measures = if standards {
        None
    } else {
        order
            .iter()
            .copied()
            .find(|&i| title(i).and_then(topics::top_topic) == Some("measures"))
            .or_else(|| {
                order.iter().copied().find(|&i| {
                    b.nodes[i]
                        .children
                        .iter()
                        .filter(|&&c| title(c).and_then(topics::measure_topic).is_some())
                        .count()
                        >= 3
                })
            })
    };
    if let Some(m) = measures {
        out.insert("measures", m);
    }
    for &i in &order {
        if measures.is_some_and(|m| m == i || is_within(num, i, m)) {
            continue;
        }
        if let Some(t) = title(i).and_then(topics::top_topic) {
            if t != "measures" {
                out.entry(t).or_insert(i);
            }
        }
    }
    if !out.contains_key("purpose") {
        if let Some(&i) = order
            .iter()
            .find(|&&i| title(i).is_some_and(|t| t.contains("趣旨")))
        {
            out.insert("purpose", i);
        }
    }
    let candidates: Vec<usize> = match measures {
        Some(m) => b.nodes[m].children.clone(),
        None => order.clone(),
    };
    for i in candidates {
        if let Some(t) = title(i).and_then(topics::measure_topic) {
            out.entry(t).or_insert(i);
        }
    }
    out
}

fn detect_kind(
    title: Option<&str>,
    b: &tree::Built,
    num: &tree::Numbered,
    reachable: &[bool],
) -> &'static str {
    if let Some(t) = title.map(text::compact) {
        if t.contains("対策基準") && !t.contains("基本方針") {
            return "standards";
        }
        if t.contains("基本方針") {
            return "basic_policy";
        }
    }
    let mut found: Vec<&str> = (0..b.nodes.len())
        .filter(|&i| reachable[i] && num.depth[i] == 0)
        .filter_map(|i| b.nodes[i].title.as_deref().and_then(topics::measure_topic))
        .collect();
    found.sort_unstable();
    found.dedup();
    let max_depth = num.depth.iter().copied().max().unwrap_or(0);
    if found.len() >= 4 && max_depth >= 2 {
        "standards"
    } else {
        "basic_policy"
    }
}

fn model_sections_basic(
    b: &tree::Built,
    assigned: &BTreeMap<&str, usize>,
) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for (k, key) in topics::MEASURES.iter().enumerate() {
        if let Some(&i) = assigned.get(key) {
            out.insert((k + 1).to_string(), i);
        }
    }
    if let Some(&r) = assigned.get("resilience") {
        for &c in &b.nodes[r].children {
            let n = &b.nodes[c];
            let s = format!("{}{}", n.title.as_deref().unwrap_or(""), n.text);
            if let Some(k) = topics::segment_of_item(&s) {
                out.entry(k.to_string()).or_insert(c);
            }
        }
    }
    out
}

fn model_sections_standards(
    b: &tree::Built,
    num: &tree::Numbered,
    assigned: &BTreeMap<&str, usize>,
) -> BTreeMap<String, usize> {
    let mut out = model_sections_basic(b, assigned);
    out.retain(|k, _| !k.contains('.'));
    let mut scored: Vec<(f64, &str, usize)> = Vec::new();
    for (k, key) in topics::MEASURES.iter().enumerate() {
        let Some(&chapter) = assigned.get(key) else {
            continue;
        };
        let prefix = format!("{}.", k + 1);
        // Candidates: titled descendants up to two levels below the chapter.
        let mut cands = Vec::new();
        for &c in &b.nodes[chapter].children {
            cands.push(c);
            cands.extend(b.nodes[c].children.iter().copied());
        }
        let titled: Vec<(usize, String)> = cands
            .iter()
            .filter_map(|&c| b.nodes[c].title.as_deref().map(|t| (c, text::compact(t))))
            .collect();
        let grams: Vec<text::Bigrams> = titled.iter().map(|(_, t)| text::Bigrams::new(t)).collect();
        for &(sec, model_title, kws) in topics::MODEL_SECTIONS
            .iter()
            .filter(|s| s.0.starts_with(&prefix))
        {
            let model_title = text::Bigrams::new(model_title);
            for ((c, _), t) in titled.iter().zip(&grams) {
                let c = *c;
                {
                    let s = topics::section_score(t, &model_title, kws);
                    // Prefer shallower nodes a little on ties.
                    let s = s - 0.001 * (num.depth[c] as f64);
                    if s >= 0.35 {
                        scored.push((s, sec, c));
                    }
                }
            }
        }
    }
    scored.sort_by(|a, b| {
        b.0.partial_cmp(&a.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.2.cmp(&b.2))
    });
    let mut used: Vec<usize> = Vec::new();
    for (_, sec, c) in scored {
        if out.contains_key(sec) || used.contains(&c) {
            continue;
        }
        out.insert(sec.to_string(), c);
        used.push(c);
    }
    out
}

/// Decodes a policy file's bytes to text and names the encoding detected (`UTF-8`, `Shift_JIS`, …).
pub fn decode_with_encoding(bytes: &[u8]) -> Result<(String, &'static str), DecodeError> {
    decode::decode(bytes)
}

/// Decodes a policy file's bytes to text (encoding detected from content, as `parse_bytes`).
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    decode::decode(bytes).map(|(text, _)| text)
}
