//! Topic keys of the 総務省 model, segments, document kind and model chapter mapping.

use crate::text::{compact, norm_char, Bigrams};
use std::sync::OnceLock;

// MODEL_SECTIONS titles and keywords are written already compacted (no spaces, ASCII upper).

/// Heading words that may be glued to their body (`第1 目的この方針は…`).
const HEADING_PHRASES: &[&str] = &[
    "目的",
    "趣旨",
    "定義",
    "用語の定義",
    "対象とする脅威",
    "想定する脅威",
    "適用範囲",
    "対象範囲",
    "職員等の遵守義務",
    "遵守義務",
    "情報セキュリティ対策",
    "組織体制",
    "情報資産の分類と管理",
    "情報資産の分類及び管理",
    "情報システム全体の強靱性の向上",
    "情報システム全体の強靭性の向上",
    "システム全体の強靱性の向上",
    "物理的セキュリティ",
    "人的セキュリティ",
    "技術的セキュリティ",
    "運用",
    "業務委託と外部サービスの利用",
    "業務委託及び外部サービスの利用",
    "業務委託と外部サービス(クラウドサービス)の利用",
    "業務委託及び外部サービス(クラウドサービス)の利用",
    "業務委託とクラウドサービスの利用",
    "外部委託",
    "評価・見直し",
    "評価及び見直し",
    "情報セキュリティ監査及び自己点検の実施",
    "情報セキュリティポリシーの見直し",
    "情報セキュリティ対策基準の策定",
    "情報セキュリティ実施手順の策定",
];

/// Chars that show a heading word actually continues the sentence (目的とする, 運用面).
const CONTINUATION: &str = "をにはがのとでもへや等及並又・、。)面性上しすさせ外基手規計";

/// Length (chars) of a known heading phrase at the start of `n` (normalised chars), when
/// what follows does not continue it.
pub(crate) fn heading_prefix(n: &[char]) -> Option<usize> {
    // HEADING_PHRASES decoded to chars once, so matching is a plain slice comparison.
    static PHRASES: OnceLock<Vec<Vec<char>>> = OnceLock::new();
    let phrases = PHRASES.get_or_init(|| {
        HEADING_PHRASES
            .iter()
            .map(|p| p.chars().collect())
            .collect()
    });
    let first = *n.first()?;
    let mut best: Option<usize> = None;
    for p in phrases {
        if p[0] != first || !n.starts_with(p) {
            continue;
        }
        let len = p.len();
        if n.get(len).is_some_and(|c| CONTINUATION.contains(*c)) {
            continue;
        }
        if best.is_none_or(|b| len > b) {
            best = Some(len);
        }
    }
    best
}

/// Topic of a top-level (non-measure) heading.
pub(crate) fn top_topic(title: &str) -> Option<&'static str> {
    let t = compact(title);
    let len = t.chars().count();
    let has = |s: &str| t.contains(s);
    if has("対策基準") {
        return Some("standards");
    }
    if has("実施手順") {
        return Some("procedures");
    }
    if (has("監査") || has("自己点検")) && !has("評価") {
        return Some("audit");
    }
    if has("見直") && !has("評価") {
        return Some("review");
    }
    if has("脅威") {
        return Some("threats");
    }
    if has("定義") {
        return Some("definitions");
    }
    if has("適用範囲") || has("対象範囲") || has("適用対象") || t == "範囲" {
        return Some("scope");
    }
    if has("遵守義務") || (has("遵守") && has("職員")) || has("職員等の義務") {
        return Some("obligations");
    }
    if has("目的") && len <= 12 {
        return Some("purpose");
    }
    if has("対策") && !has("基準") && !has("手順") && len <= 14 && measure_topic(title).is_none()
    {
        return Some("measures");
    }
    None
}

/// Topic of one of the nine measure headings (children of 情報セキュリティ対策).
pub(crate) fn measure_topic(title: &str) -> Option<&'static str> {
    let t = compact(title);
    let len = t.chars().count();
    let has = |s: &str| t.contains(s);
    if has("強靱") || has("強靭") || has("強じん") {
        return Some("resilience");
    }
    if has("物理的") || t.starts_with("物理") {
        return Some("physical");
    }
    if has("人的") {
        return Some("human");
    }
    if has("技術的") || t.starts_with("技術") {
        return Some("technical");
    }
    if has("分類") {
        return Some("asset_classification");
    }
    if has("組織") || has("体制") {
        return Some("organization");
    }
    if has("委託") || has("外部サービス") || has("クラウド") {
        return Some("outsourcing");
    }
    if has("評価") || (has("見直") && len <= 10) {
        return Some("evaluation");
    }
    if has("運用") && len <= 10 {
        return Some("operations");
    }
    None
}

/// The nine measure topics in model chapter order (総務省 対策基準 chapters 1–9).
pub(crate) const MEASURES: &[&str] = {
    let (_, rest) = crate::TOPIC_KEYS.split_at(6);
    rest.split_at(9).0
};

/// Model sections of the 対策基準 with a title and decisive keywords.
pub(crate) const MODEL_SECTIONS: &[(&str, &str, &[&str])] = &[
    ("2.1", "情報資産の分類", &["分類"]),
    ("2.2", "情報資産の管理", &["情報資産の管理", "管理責任"]),
    (
        "3.1",
        "マイナンバー利用事務系",
        &["マイナンバー", "個人番号"],
    ),
    ("3.2", "LGWAN接続系", &["LGWAN"]),
    ("3.3", "インターネット接続系", &["インターネット接続系"]),
    ("4.1", "サーバ等の管理", &["サーバ"]),
    (
        "4.2",
        "管理区域(情報システム室等)の管理",
        &["管理区域", "情報システム室"],
    ),
    ("4.3", "通信回線及び通信回線装置の管理", &["通信回線"]),
    (
        "4.4",
        "職員等の利用する端末や電磁的記録媒体等の管理",
        &["端末", "電磁的記録媒体"],
    ),
    ("5.1", "職員等の遵守事項", &["遵守事項"]),
    ("5.2", "研修・訓練", &["研修", "訓練"]),
    (
        "5.3",
        "情報セキュリティインシデントの報告",
        &["インシデント", "事故"],
    ),
    ("5.4", "ID及びパスワード等の管理", &["パスワード", "ID"]),
    (
        "6.1",
        "コンピュータ及びネットワークの管理",
        &["ネットワークの管理", "コンピュータ及び"],
    ),
    ("6.2", "アクセス制御", &["アクセス制御"]),
    ("6.3", "システム開発・導入・保守等", &["開発", "保守"]),
    ("6.4", "不正プログラム対策", &["不正プログラム"]),
    ("6.5", "不正アクセス対策", &["不正アクセス"]),
    (
        "6.6",
        "セキュリティ情報の収集",
        &["情報の収集", "セキュリティ情報"],
    ),
    ("7.1", "情報システムの監視", &["監視"]),
    ("7.2", "ポリシーの遵守状況の確認", &["遵守状況"]),
    ("7.3", "侵害時の対応等", &["侵害"]),
    ("7.4", "例外措置", &["例外"]),
    ("7.5", "法令遵守", &["法令"]),
    ("7.6", "懲戒処分等", &["懲戒"]),
    ("8.1", "業務委託", &[]),
    (
        "8.2",
        "情報システムに関する業務委託",
        &["情報システムに関する業務委託"],
    ),
    (
        "8.3",
        "外部サービスの利用(機密性2以上の情報を取り扱う場合)",
        &["機密性2以上の情報を取り扱う"],
    ),
    (
        "8.4",
        "外部サービスの利用(機密性2以上の情報を取り扱わない場合)",
        &["取り扱わない"],
    ),
    (
        "8.5",
        "ソーシャルメディアサービスの利用",
        &["ソーシャルメディア"],
    ),
    ("9.1", "監査", &["監査"]),
    ("9.2", "自己点検", &["自己点検"]),
    ("9.3", "ポリシー及び関係規程等の見直し", &["見直し"]),
];

/// Similarity of an organisation's heading to a model section title.
/// `t` must already be `compact`ed.
pub(crate) fn section_score(t: &Bigrams<'_>, model_title: &Bigrams<'_>, keywords: &[&str]) -> f64 {
    let d = t.dice(model_title);
    if keywords.iter().any(|k| t.s.contains(k)) {
        0.9 + 0.1 * d
    } else {
        d
    }
}

/// Collects the network segments a text defines or uses, fed one line at a time.
#[derive(Default)]
pub(crate) struct SegmentFinder {
    /// Indexed like `SEGMENT_KEYS`.
    found: [bool; 4],
}

impl SegmentFinder {
    /// How each of `SEGMENT_KEYS` is written, in normalised form (see `ends_with_name`).
    const NAMES: [&'static [&'static str]; 4] = [
        &["マイナンバー利用事務系", "個人番号利用事務系"],
        &["LGWAN接続系"],
        &["インターネット接続系"],
        &["独自系"],
    ];

    pub(crate) fn feed(&mut self, line: &str) {
        if self.found.iter().all(|f| *f) {
            return;
        }
        // Every name ends in 系, so look back from each 系 instead of normalising the text.
        for (pos, kei) in line.match_indices('系') {
            let upto = &line[..pos + kei.len()];
            for (f, names) in self.found.iter_mut().zip(Self::NAMES) {
                *f = *f || names.iter().any(|n| ends_with_name(upto, n));
            }
        }
    }

    /// The segments found, in the fixed order of `SEGMENT_KEYS`.
    pub(crate) fn keys(&self) -> Vec<String> {
        crate::SEGMENT_KEYS
            .iter()
            .zip(self.found)
            .filter(|(_, f)| *f)
            .map(|(k, _)| k.to_string())
            .collect()
    }
}

/// `text` ends with `name` when compared normalised: `norm_char`, whitespace other than line
/// breaks dropped (a name never spans lines), ASCII upper-cased.
fn ends_with_name(text: &str, name: &str) -> bool {
    let mut t = text
        .chars()
        .rev()
        .map(norm_char)
        .filter(|c| *c == '\n' || !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase());
    name.chars().rev().all(|n| t.next() == Some(n))
}

/// Segment a resilience sub-item is about (for model sections 3.1–3.3).
pub(crate) fn segment_of_item(s: &str) -> Option<&'static str> {
    let c = compact(s);
    let head: String = c.chars().take(24).collect();
    if head.contains("マイナンバー利用事務系") || head.contains("個人番号利用事務系")
    {
        Some("3.1")
    } else if head.contains("LGWAN接続系") {
        Some("3.2")
    } else if head.contains("インターネット接続系") {
        Some("3.3")
    } else {
        None
    }
}
