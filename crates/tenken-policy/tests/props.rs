//! Property tests: no panics on any input; full-width digits/brackets change nothing structural.

use proptest::prelude::*;
use tenken_policy::{parse_bytes, parse_text, Node};

fn paths(ns: &[Node], out: &mut Vec<(Vec<u32>, Option<String>)>) {
    for n in ns {
        out.push((n.number_path.clone(), n.title.clone()));
        paths(&n.children, out);
    }
}

fn to_fullwidth(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' | '(' | ')' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Pieces a synthetic policy is assembled from.
fn line() -> impl Strategy<Value = String> {
    let titles = prop::sample::select(vec![
        "目的",
        "定義",
        "対象とする脅威",
        "適用範囲",
        "職員等の遵守義務",
        "情報セキュリティ対策",
        "組織体制",
        "情報資産の分類と管理",
        "物理的セキュリティ",
        "人的セキュリティ",
        "技術的セキュリティ",
        "運用",
        "業務委託と外部サービスの利用",
        "評価・見直し",
        "情報セキュリティポリシーの見直し",
        "情報セキュリティ対策基準の策定",
        "マイナンバー利用事務系",
        "LGWAN接続系",
    ]);
    let body = prop::sample::select(vec![
        "情報資産を守るため必要な措置を講じる。",
        "職員等は定められた手順に従う。",
        "サーバ室への入室を記録する。",
        "インターネット接続系との通信を制限する。",
        "",
    ]);
    let markers = prop::sample::select(vec![
        "{n}. ",
        "{n} ",
        "第{n}条 ",
        "第{n} ",
        "({n}) ",
        "{n}) ",
        "①",
        "ア ",
        "(ア) ",
        "{n}.{m} ",
        "{n}―{m}―{k} ",
        "### {n}. ",
        "- ({n}) ",
        "",
    ]);
    (markers, 1u32..15, 1u32..6, 1u32..4, titles, body).prop_map(|(mk, n, m, k, t, b)| {
        let mk = mk
            .replace("{n}", &n.to_string())
            .replace("{m}", &m.to_string())
            .replace("{k}", &k.to_string());
        if mk.is_empty() {
            b.to_string()
        } else {
            format!("{mk}{t}\n{b}")
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_strings(s in ".{0,400}") {
        let p = parse_text(&s);
        let _ = serde_json::to_string(&p).expect("serialisable");
    }

    #[test]
    fn never_panics_on_policy_like_strings(v in prop::collection::vec(
        prop::sample::select(vec!["第", "条", "章", "（", "）", "(", ")", "1", "２", "十", ".", "―", "ー", "①", "⑴", "ア", "イ",
            "Ⅱ", "II ", "目次", "附則", "|", "#", "- ", " ", "　", "\n", "\r\n", "\r", "目的", "。", "、", "・・・", "令和8年", "LGWAN", "接続系"]),
        0..120)) {
        let s: String = v.concat();
        let _ = parse_text(&s);
    }

    #[test]
    fn never_panics_on_arbitrary_bytes(b in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(p) = parse_bytes(&b) {
            let _ = serde_json::to_string(&p).expect("serialisable");
        }
    }

    #[test]
    fn never_panics_on_bom_prefixed_bytes(bom in prop::sample::select(vec![vec![0xEFu8, 0xBB, 0xBF], vec![0xFF, 0xFE], vec![0xFE, 0xFF]]),
                                          b in prop::collection::vec(any::<u8>(), 0..300)) {
        let mut all = bom;
        all.extend(b);
        let _ = parse_bytes(&all);
    }

    #[test]
    fn fullwidth_digits_and_brackets_change_nothing(lines in prop::collection::vec(line(), 1..40)) {
        let text = lines.join("\n");
        let a = parse_text(&text);
        let b = parse_text(&to_fullwidth(&text));
        let (mut pa, mut pb) = (Vec::new(), Vec::new());
        paths(&a.sections, &mut pa);
        paths(&b.sections, &mut pb);
        prop_assert_eq!(pa.iter().map(|x| &x.0).collect::<Vec<_>>(), pb.iter().map(|x| &x.0).collect::<Vec<_>>());
        let ta: Vec<(&String, &Vec<u32>)> = a.topics.iter().map(|(k, v)| (k, &v.number_path)).collect();
        let tb: Vec<(&String, &Vec<u32>)> = b.topics.iter().map(|(k, v)| (k, &v.number_path)).collect();
        prop_assert_eq!(ta, tb);
        prop_assert_eq!(a.segments, b.segments);
    }
}

#[test]
fn fullwidth_seed_keeps_paths_and_topics() {
    for name in [
        "000_f30b78bf79fe382b.txt",
        "001_9ca561b41135eb25.txt",
        "003_8a6a9c064e909078.txt",
    ] {
        let path = format!(
            "{}/../../tests/fixtures/policies/{}",
            env!("CARGO_MANIFEST_DIR"),
            name
        );
        let text = std::fs::read_to_string(path).expect("fixture");
        let a = parse_text(&text);
        let b = parse_text(&to_fullwidth(&text));
        let (mut pa, mut pb) = (Vec::new(), Vec::new());
        paths(&a.sections, &mut pa);
        paths(&b.sections, &mut pb);
        assert_eq!(pa.len(), pb.len(), "{name}");
        assert_eq!(a.topics.len(), b.topics.len(), "{name}");
        for (k, v) in &a.topics {
            assert_eq!(v.number_path, b.topics[k].number_path, "{name} {k}");
        }
    }
}
