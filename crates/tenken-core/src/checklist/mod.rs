//! Checklists: the item bank in `checklists/*.toml`, loaded and validated with `file:line`
//! errors (see docs/checklist-format.md), and the frozen copy an assessment keeps.

pub mod derive;
mod load;

pub use load::{load_dir, load_str, Problem};

use serde::{Deserialize, Serialize};

use crate::domain::ScaleKind;
use crate::error::{Error, Result};

/// The topic and segment keys: one vocabulary, owned by the policy reader.
pub use tenken_policy::{SEGMENT_KEYS, TOPIC_KEYS};

/// The network models of the 強靱性向上 (α 三層分離, α', β, β').
pub const NETWORK_MODELS: [&str; 4] = ["alpha", "alpha_prime", "beta", "beta_prime"];

/// How an item is checked.
pub const METHODS: [&str; 4] = ["interview", "document", "onsite", "technical"];

/// Who answers an item.
pub const TIERS: [&str; 4] = ["executive", "manager", "system_admin", "staff"];

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub ja: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::Ja => &self.ja,
            crate::Lang::En => &self.en,
        }
    }
}

/// A list of texts in both languages (same length).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TextList {
    pub ja: Vec<String>,
    pub en: Vec<String>,
}

/// Applicability conditions: every condition given must hold for the item to be kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Conditions {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub network_models: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cloud: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub social_media: Option<bool>,
}

/// One checkable fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    /// 対策基準 model chapter or chapter.section ("4", "4.2").
    pub section: String,
    pub topic: String,
    pub question: Text,
    pub look_at: TextList,
    pub methods: Vec<String>,
    pub tier: String,
    pub required: bool,
    #[serde(default)]
    pub when: Conditions,
    /// The organisation's own clause for this item (set when bound to a policy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
    /// The organisation's 対策基準 clause of the item's chapter/section, where imported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standards_citation: Option<String>,
}

impl Item {
    /// The model chapter number (1–9).
    pub fn chapter(&self) -> u32 {
        self.section
            .split('.')
            .next()
            .and_then(|c| c.parse().ok())
            .unwrap_or(0)
    }
}

/// A checklist: the bank's version, or the frozen copy kept by an assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checklist {
    pub id: String,
    pub version: String,
    pub title: Text,
    pub scale: ScaleKind,
    pub items: Vec<Item>,
}

impl Checklist {
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }
}

/// The checklists shipped with tenken (compiled in; `--checklists DIR` overrides).
pub const BUILTIN: [(&str, &str); 3] = [
    (
        "checklists/audit.toml",
        include_str!("../../../../checklists/audit.toml"),
    ),
    (
        "checklists/self-staff.toml",
        include_str!("../../../../checklists/self-staff.toml"),
    ),
    (
        "checklists/self-manager.toml",
        include_str!("../../../../checklists/self-manager.toml"),
    ),
];

/// The bank: every checklist available.
#[derive(Debug, Clone)]
pub struct Bank {
    pub checklists: Vec<Checklist>,
}

impl Bank {
    /// The built-in bank. Its validity is a test, so this cannot fail in a release.
    pub fn builtin() -> Result<Bank> {
        let mut problems = vec![];
        let mut checklists = vec![];
        for (name, src) in BUILTIN {
            match load_str(name, src) {
                Ok(c) => checklists.push(c),
                Err(mut p) => problems.append(&mut p),
            }
        }
        if problems.is_empty() {
            Ok(Bank { checklists })
        } else {
            Err(Error::ChecklistInvalid { problems })
        }
    }

    /// A bank from a folder of `*.toml` files.
    pub fn from_dir(dir: &std::path::Path) -> Result<Bank> {
        load_dir(dir).map(|checklists| Bank { checklists })
    }

    pub fn get(&self, id: &str) -> Result<&Checklist> {
        self.checklists
            .iter()
            .find(|c| c.id == id)
            .ok_or_else(|| Error::UnknownChecklist(id.to_string()))
    }
}
