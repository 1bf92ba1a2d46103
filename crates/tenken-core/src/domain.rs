//! The nouns of tenken: the value types shared by the store, the CLI, the window and the report.

use serde::{Deserialize, Serialize};

use crate::i18n::{tr, Lang};

macro_rules! keyed_enum {
    ($(#[$m:meta])* $name:ident, $prefix:literal { $($(#[$vm:meta])* $variant:ident = $key:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
        #[serde(rename_all = "snake_case")]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        pub enum $name { $($(#[$vm])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The stable key stored in the database and used in JSON and on the command line.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }
            pub fn from_key(key: &str) -> Option<Self> {
                match key { $($key => Some($name::$variant),)+ _ => None }
            }
            /// The human label, from Fluent (`{prefix}-{key}`).
            pub fn label(self, lang: Lang) -> String {
                tr(lang, &format!(concat!($prefix, "-{}"), self.key().replace('_', "-")), &[])
            }
            pub fn keys() -> Vec<&'static str> {
                Self::ALL.iter().map(|v| v.key()).collect()
            }
        }
    };
}

keyed_enum!(
    /// What kind of assessment a year's work is.
    AssessmentKind, "kind" {
        SelfInspection = "self_inspection",
        InternalAudit = "internal_audit",
        ExternalAudit = "external_audit",
    }
);

keyed_enum!(
    /// The rating scale an assessment (and a checklist) uses.
    ScaleKind, "scale" {
        /// ○ 適合 / △ 一部不適合 / × 不適合 / － 対象外 (未評価 until judged).
        Audit = "audit",
        /// 実施している / 一部実施している / 実施していない / わからない / 該当なし.
        SelfInspection = "self_inspection",
    }
);

keyed_enum!(
    /// The finding classification preset of an assessment.
    ClassificationScheme, "scheme" {
        /// 重大な不適合 / 軽微な不適合 / 観察事項 / 推奨事項.
        FourLevel = "four_level",
        /// 指摘 / 意見.
        TwoLevel = "two_level",
    }
);

keyed_enum!(
    Priority, "priority" { High = "high", Medium = "medium", Low = "low" }
);

keyed_enum!(
    /// 未対応 / 対応中 / 完了 / 継続.
    FindingStatus, "status" {
        Open = "open",
        InProgress = "in_progress",
        Done = "done",
        Continued = "continued",
    }
);

keyed_enum!(
    /// A file, a reference to a paper document, or a plain observation.
    EvidenceKind, "evidence-kind" { File = "file", Paper = "paper", Observation = "observation" }
);

keyed_enum!(
    /// 良好事項 or 特記事項 recorded for the report.
    RemarkKind, "remark" { Good = "good", Notable = "notable" }
);

/// One choice of a rating scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rating {
    pub key: &'static str,
    /// Symbol shown in tables (○ △ × －) or a short form.
    pub symbol: &'static str,
    /// Score used for summaries; None where the item does not count (対象外 / 該当なし).
    pub score: Option<i32>,
}

const AUDIT_RATINGS: [Rating; 4] = [
    Rating {
        key: "conform",
        symbol: "○",
        score: Some(2),
    },
    Rating {
        key: "partial",
        symbol: "△",
        score: Some(1),
    },
    Rating {
        key: "nonconform",
        symbol: "×",
        score: Some(0),
    },
    Rating {
        key: "na",
        symbol: "－",
        score: None,
    },
];

const SELF_RATINGS: [Rating; 5] = [
    Rating {
        key: "implemented",
        symbol: "実施",
        score: Some(4),
    },
    Rating {
        key: "partial",
        symbol: "一部",
        score: Some(2),
    },
    Rating {
        key: "not_implemented",
        symbol: "未実施",
        score: Some(0),
    },
    Rating {
        key: "unknown",
        symbol: "不明",
        score: Some(-1),
    },
    Rating {
        key: "not_applicable",
        symbol: "該当なし",
        score: None,
    },
];

impl ScaleKind {
    pub fn ratings(self) -> &'static [Rating] {
        match self {
            ScaleKind::Audit => &AUDIT_RATINGS,
            ScaleKind::SelfInspection => &SELF_RATINGS,
        }
    }

    /// Label of a rating key, e.g. "○ 適合".
    pub fn rating_label(self, key: &str, lang: Lang) -> String {
        tr(
            lang,
            &format!(
                "rating-{}-{}",
                self.key().replace('_', "-"),
                key.replace('_', "-")
            ),
            &[],
        )
    }

    /// Reads what a person typed: the key, the symbol, or the label in either language.
    pub fn parse_rating(self, input: &str) -> Option<&'static Rating> {
        let s = input.trim();
        self.ratings().iter().find(|r| {
            r.key == s
                || r.symbol == s
                || (self == ScaleKind::Audit && r.key == "na" && (s == "-" || s == "ー"))
                || [Lang::Ja, Lang::En].iter().any(|&l| {
                    let label = self.rating_label(r.key, l);
                    label == s
                        || label
                            .split_once(' ')
                            .map(|(_, rest)| rest == s)
                            .unwrap_or(false)
                })
        })
    }

    /// "conform (○ 適合), partial (△ 一部不適合), …" for error messages.
    pub fn choices_text(self, lang: Lang) -> String {
        self.ratings()
            .iter()
            .map(|r| format!("{} ({})", r.key, self.rating_label(r.key, lang)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl ClassificationScheme {
    pub fn classes(self) -> &'static [&'static str] {
        match self {
            ClassificationScheme::FourLevel => &["major", "minor", "observation", "recommendation"],
            ClassificationScheme::TwoLevel => &["finding", "opinion"],
        }
    }
    pub fn class_label(self, key: &str, lang: Lang) -> String {
        tr(lang, &format!("class-{key}"), &[])
    }
    pub fn parse_class(self, input: &str) -> Option<&'static str> {
        let s = input.trim();
        self.classes().iter().copied().find(|k| {
            *k == s
                || [Lang::Ja, Lang::En]
                    .iter()
                    .any(|&l| self.class_label(k, l) == s)
        })
    }
    pub fn choices_text(self, lang: Lang) -> String {
        self.classes()
            .iter()
            .map(|k| format!("{k} ({})", self.class_label(k, lang)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}
