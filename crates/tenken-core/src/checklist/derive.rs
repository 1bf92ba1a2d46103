//! Derivation: binds a bank checklist to an organisation's policy so that every kept item
//! cites the organisation's own clause; items the policy gives no ground for are left out
//! with the reason, and policy sections no item covers are listed. Pure and deterministic.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use tenken_policy::{Node, ParsedPolicy};

use super::{Checklist, Item};

/// Facts about the organisation that the policy text does not say (set per assessment).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Profile {
    /// alpha | alpha_prime | beta | beta_prime; None = not stated (network-model items are kept).
    pub network_model: Option<String>,
    pub cloud: bool,
    pub social_media: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct KeptItem {
    pub id: String,
    pub section: String,
    pub topic: String,
    pub citation: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standards_citation: Option<String>,
    pub required: bool,
    pub question: String,
    #[serde(default)]
    pub question_en: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LeftOutItem {
    pub id: String,
    pub section: String,
    pub topic: String,
    /// segment_not_defined | topic_not_in_policy | network_model | no_cloud | no_social_media
    pub reason_code: String,
    pub reason: String,
    pub reason_en: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct UncoveredSection {
    pub citation: String,
    pub title: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Coverage {
    /// Policy sections (with a topic of the measures) that no kept item cites.
    pub uncovered_sections: Vec<UncoveredSection>,
    /// Topics the items use that the policy does not have.
    pub topics_not_found: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Derivation {
    pub checklist_id: String,
    pub checklist_version: String,
    pub policy_title: Option<String>,
    pub segments: Vec<String>,
    pub kept: Vec<KeptItem>,
    pub left_out: Vec<LeftOutItem>,
    pub coverage: Coverage,
}

fn segment_name(key: &str) -> (&'static str, &'static str) {
    match key {
        "mynumber" => ("マイナンバー利用事務系", "the My Number segment"),
        "lgwan" => ("LGWAN接続系", "the LGWAN-connected segment"),
        "internet" => ("インターネット接続系", "the internet-connected segment"),
        _ => ("独自系ネットワーク", "an independent network"),
    }
}

fn model_name(key: &str) -> &'static str {
    match key {
        "alpha" => "α",
        "alpha_prime" => "α'",
        "beta" => "β",
        _ => "β'",
    }
}

fn why_left_out(
    item: &Item,
    policy: &ParsedPolicy,
    profile: &Profile,
) -> Option<(String, String, String)> {
    for seg in &item.when.segments {
        if !policy.segments.iter().any(|s| s == seg) {
            let (ja, en) = segment_name(seg);
            return Some((
                "segment_not_defined".into(),
                format!("このポリシーでは{ja}が定義されていません"),
                format!("this policy does not define {en}"),
            ));
        }
    }
    if !item.when.network_models.is_empty() {
        if let Some(m) = &profile.network_model {
            if !item.when.network_models.contains(m) {
                let list: Vec<&str> = item
                    .when
                    .network_models
                    .iter()
                    .map(|m| model_name(m))
                    .collect();
                return Some((
                    "network_model".into(),
                    format!(
                        "ネットワークモデル{}の団体だけが対象です（この団体は{}）",
                        list.join("・"),
                        model_name(m)
                    ),
                    format!(
                        "only for network model {} (this body uses {})",
                        list.join("/"),
                        model_name(m)
                    ),
                ));
            }
        }
    }
    if item.when.cloud == Some(true) && !profile.cloud {
        return Some((
            "no_cloud".into(),
            "外部サービス（クラウド）を利用していません".into(),
            "no external (cloud) services are used".into(),
        ));
    }
    if item.when.social_media == Some(true) && !profile.social_media {
        return Some((
            "no_social_media".into(),
            "ソーシャルメディアを利用していません".into(),
            "no social-media services are used".into(),
        ));
    }
    if !policy.topics.contains_key(&item.topic) {
        return Some((
            "topic_not_in_policy".into(),
            format!(
                "このポリシーに「{}」に当たる規定が見つかりません",
                topic_title(&item.topic)
            ),
            format!("the policy has no section for topic {}", item.topic),
        ));
    }
    None
}

/// Japanese heading of a topic key (for messages).
pub fn topic_title(key: &str) -> &'static str {
    match key {
        "purpose" => "目的",
        "definitions" => "定義",
        "threats" => "対象とする脅威",
        "scope" => "適用範囲",
        "obligations" => "職員等の遵守義務",
        "measures" => "情報セキュリティ対策",
        "organization" => "組織体制",
        "asset_classification" => "情報資産の分類と管理",
        "resilience" => "強靱性の向上",
        "physical" => "物理的セキュリティ",
        "human" => "人的セキュリティ",
        "technical" => "技術的セキュリティ",
        "operations" => "運用",
        "outsourcing" => "業務委託と外部サービスの利用",
        "evaluation" => "評価・見直し",
        "audit" => "情報セキュリティ監査及び自己点検",
        "review" => "情報セキュリティポリシーの見直し",
        "standards" => "対策基準の策定",
        "procedures" => "実施手順の策定",
        _ => "（不明）",
    }
}

/// The citation of an item's clause: the topic's section, narrowed to the segment's
/// sub-item where the resilience section has one per segment (e.g. 第8条第3号イ).
fn citation_for(item: &Item, policy: &ParsedPolicy) -> Option<String> {
    let topic = policy.topics.get(&item.topic)?;
    if item.topic == "resilience" && item.when.segments.len() == 1 {
        let words: &[&str] = match item.when.segments[0].as_str() {
            "mynumber" => &["マイナンバー", "個人番号"],
            "lgwan" => &["LGWAN", "ＬＧＷＡＮ", "L G W A N"],
            "internet" => &["インターネット"],
            _ => &["独自"],
        };
        if let Some(node) = find_node(&policy.sections, &topic.number_path) {
            if let Some(child) = node.children.iter().find(|c| {
                let head: String = c.title.clone().unwrap_or_default()
                    + &c.text.chars().take(40).collect::<String>();
                words.iter().any(|w| head.contains(w))
            }) {
                return Some(child.citation.clone());
            }
        }
    }
    Some(topic.citation.clone())
}

fn find_node<'a>(nodes: &'a [Node], path: &[u32]) -> Option<&'a Node> {
    for n in nodes {
        if !n.number_path.is_empty() && n.number_path == path {
            return Some(n);
        }
        if n.number_path.is_empty() || path.starts_with(&n.number_path) {
            if let Some(found) = find_node(&n.children, path) {
                return Some(found);
            }
        }
    }
    None
}

/// Binds `checklist` to `policy` (and the organisation's 対策基準 where given).
/// Returns the bound checklist (kept items, with citations) and the derivation report.
pub fn derive(
    checklist: &Checklist,
    policy: &ParsedPolicy,
    standards: Option<&ParsedPolicy>,
    profile: &Profile,
) -> (Checklist, Derivation) {
    let mut bound = checklist.clone();
    bound.items.clear();
    let mut kept = vec![];
    let mut left_out = vec![];
    let mut cited: BTreeSet<String> = BTreeSet::new();
    let mut topics_missing: BTreeSet<String> = BTreeSet::new();
    for item in &checklist.items {
        if !policy.topics.contains_key(&item.topic) {
            topics_missing.insert(item.topic.clone());
        }
        if let Some((code, ja, en)) = why_left_out(item, policy, profile) {
            left_out.push(LeftOutItem {
                id: item.id.clone(),
                section: item.section.clone(),
                topic: item.topic.clone(),
                reason_code: code,
                reason: ja,
                reason_en: en,
            });
            continue;
        }
        let citation = citation_for(item, policy).unwrap_or_default();
        let standards_citation = standards.and_then(|s| {
            s.model_sections
                .get(&item.section)
                .or_else(|| s.model_sections.get(&item.chapter().to_string()))
                .map(|t| t.citation.clone())
        });
        cited.insert(citation.clone());
        kept.push(KeptItem {
            id: item.id.clone(),
            section: item.section.clone(),
            topic: item.topic.clone(),
            citation: citation.clone(),
            standards_citation: standards_citation.clone(),
            required: item.required,
            question: item.question.ja.clone(),
            question_en: item.question.en.clone(),
        });
        let mut b = item.clone();
        b.citation = Some(citation);
        b.standards_citation = standards_citation;
        bound.items.push(b);
    }
    // Coverage: the measure sections (and audit/review) whose citation no kept item carries.
    let mut uncovered = vec![];
    let measure_topics: BTreeMap<&String, &tenken_policy::TopicRef> =
        policy.topics.iter().collect();
    for (key, t) in measure_topics {
        if [
            "purpose",
            "definitions",
            "threats",
            "scope",
            "measures",
            "standards",
            "procedures",
        ]
        .contains(&key.as_str())
        {
            continue;
        }
        let covered = cited
            .iter()
            .any(|c| c == &t.citation || c.starts_with(&t.citation));
        if !covered {
            let title = find_node(&policy.sections, &t.number_path).and_then(|n| n.title.clone());
            uncovered.push(UncoveredSection {
                citation: t.citation.clone(),
                title,
            });
        }
    }
    let derivation = Derivation {
        checklist_id: checklist.id.clone(),
        checklist_version: checklist.version.clone(),
        policy_title: policy.title.clone(),
        segments: policy.segments.clone(),
        kept,
        left_out,
        coverage: Coverage {
            uncovered_sections: uncovered,
            topics_not_found: topics_missing.into_iter().collect(),
        },
    };
    (bound, derivation)
}

/// What changed between the checklist an assessment froze and a re-derivation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Revision {
    pub from_version: String,
    pub to_version: String,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub recited: Vec<Recited>,
    pub reworded: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Recited {
    pub id: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// Compares a frozen checklist with a newly derived one (same ids = same item).
pub fn compare(old: &Checklist, new: &Checklist) -> Revision {
    let olds: BTreeMap<&str, &Item> = old.items.iter().map(|i| (i.id.as_str(), i)).collect();
    let news: BTreeMap<&str, &Item> = new.items.iter().map(|i| (i.id.as_str(), i)).collect();
    let mut r = Revision {
        from_version: old.version.clone(),
        to_version: new.version.clone(),
        ..Default::default()
    };
    for (id, n) in &news {
        match olds.get(id) {
            None => r.added.push(id.to_string()),
            Some(o) => {
                if o.citation != n.citation || o.standards_citation != n.standards_citation {
                    r.recited.push(Recited {
                        id: id.to_string(),
                        from: o.citation.clone(),
                        to: n.citation.clone(),
                    });
                }
                if o.question != n.question {
                    r.reworded.push(id.to_string());
                }
            }
        }
    }
    r.removed = olds
        .keys()
        .filter(|id| !news.contains_key(*id))
        .map(|s| s.to_string())
        .collect();
    r
}
