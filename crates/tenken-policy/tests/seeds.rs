//! Acceptance tests on the three published seed policies (tests/fixtures/policies).

use tenken_policy::{parse_bytes, Node, ParsedPolicy};

fn load(name: &str) -> ParsedPolicy {
    let path = format!(
        "{}/../../tests/fixtures/policies/{}",
        env!("CARGO_MANIFEST_DIR"),
        name
    );
    let bytes = std::fs::read(&path).expect("seed fixture present");
    parse_bytes(&bytes).expect("seed decodes")
}

fn walk<'a>(nodes: &'a [Node], out: &mut Vec<&'a Node>) {
    for n in nodes {
        out.push(n);
        walk(&n.children, out);
    }
}

fn all(p: &ParsedPolicy) -> Vec<&Node> {
    let mut v = Vec::new();
    walk(&p.sections, &mut v);
    v
}

fn topic(p: &ParsedPolicy, key: &str) -> Vec<u32> {
    p.topics
        .get(key)
        .unwrap_or_else(|| panic!("topic {key} missing: {:?}", p.topics.keys()))
        .number_path
        .clone()
}

fn assert_topics(p: &ParsedPolicy, m: u32, first: &[(&str, u32)], tail: &[(&str, u32)]) {
    for (k, n) in first {
        assert_eq!(topic(p, k), vec![*n], "{k}");
    }
    assert_eq!(topic(p, "measures"), vec![m]);
    let nine = [
        "organization",
        "asset_classification",
        "resilience",
        "physical",
        "human",
        "technical",
        "operations",
        "outsourcing",
        "evaluation",
    ];
    for (i, k) in nine.iter().enumerate() {
        assert_eq!(topic(p, k), vec![m, i as u32 + 1], "{k}");
    }
    for (k, n) in tail {
        assert_eq!(topic(p, k), vec![*n], "{k}");
    }
}

const FIRST5: [(&str, u32); 5] = [
    ("purpose", 1),
    ("definitions", 2),
    ("threats", 3),
    ("scope", 4),
    ("obligations", 5),
];

#[test]
fn seed_000_nanporo_legal_style() {
    let p = load("000_f30b78bf79fe382b.txt");
    let first: Vec<(&str, u32)> = FIRST5.iter().map(|(k, n)| (*k, n + 2)).collect();
    assert_topics(
        &p,
        8,
        &first,
        &[
            ("audit", 9),
            ("review", 10),
            ("standards", 11),
            ("procedures", 12),
        ],
    );
    assert_eq!(p.segments, vec!["mynumber", "lgwan", "internet"]);
    assert_eq!(p.kind, "basic_policy");
    assert_eq!(p.encoding, "UTF-8");

    let nodes = all(&p);
    let articles: Vec<&&Node> = nodes.iter().filter(|n| n.label.ends_with('条')).collect();
    assert_eq!(articles.len(), 12, "12 articles");
    for (i, a) in articles.iter().enumerate() {
        assert_eq!(a.number_path, vec![i as u32 + 1]);
        assert_eq!(a.citation, format!("第{}条", i + 1));
    }
    // Chapters group the articles and are not part of any citation.
    assert_eq!(p.sections.len(), 2);
    assert!(p.sections.iter().all(|c| c.number_path.is_empty()));
    assert_eq!(p.sections[0].title.as_deref(), Some("総則"));

    let a4 = articles[3];
    assert_eq!(a4.title.as_deref(), Some("定義"));
    assert_eq!(a4.children.len(), 14, "第4条 has 14 numbered items");
    assert_eq!(a4.children[0].label, "（1）");
    assert_eq!(a4.children[13].number_path, vec![4, 14]);
    assert!(
        a4.children[13]
            .text
            .ends_with("クラウドサービス提供者という。"),
        "wrapped line joined: {}",
        a4.children[13].text
    );

    let a1 = articles[0];
    assert_eq!(
        a1.title.as_deref(),
        Some("趣旨"),
        "caption line is the title"
    );
    assert_eq!(articles[2].title.as_deref(), Some("目的"));

    assert_eq!(p.topics["physical"].citation, "第8条第4号");
    assert_eq!(p.topics["measures"].citation, "第8条");
    assert_eq!(p.topics["outsourcing"].citation, "第8条第8号");
    let physical = nodes
        .iter()
        .find(|n| n.citation == "第8条第4号")
        .expect("第8条第4号");
    assert_eq!(physical.title.as_deref(), Some("物理的セキュリティ"));
    assert_eq!(physical.label, "(4)");
    // ア under 号.
    let a = nodes
        .iter()
        .find(|n| n.citation == "第8条第3号ア")
        .expect("第8条第3号ア");
    assert_eq!(a.number_path, vec![8, 3, 1]);
    let u = nodes
        .iter()
        .find(|n| n.citation == "第8条第3号ウ")
        .expect("ウ");
    assert!(
        u.text.contains("情報セキュリティィ対策を実施する"),
        "continuation after blank line joined"
    );
    assert_eq!(
        nodes
            .iter()
            .find(|n| n.citation == "第6条第2号イ")
            .map(|n| n.number_path.clone()),
        Some(vec![6, 2, 2])
    );
    assert_eq!(p.model_sections["4"].citation, "第8条第4号");
    assert_eq!(p.model_sections["3.2"].citation, "第8条第3号イ");
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
}

#[test]
fn seed_001_tokushima_dot_style() {
    let p = load("001_9ca561b41135eb25.txt");
    assert_topics(
        &p,
        6,
        &FIRST5,
        &[("audit", 7), ("review", 8), ("standards", 9)],
    );
    assert!(!p.topics.contains_key("procedures"));
    assert_eq!(p.segments, vec!["mynumber", "internet"]);
    assert_eq!(p.sections.len(), 9);
    assert_eq!(p.sections[1].children.len(), 9);
    assert_eq!(p.sections[5].label, "6.");
    assert_eq!(p.topics["physical"].citation, "6(4)");
    assert_eq!(p.topics["measures"].citation, "6");
    assert_eq!(
        p.title.as_deref(),
        Some("徳島県市町村総合事務組合情報セキュリティ基本方針")
    );
    let nodes = all(&p);
    let c = nodes.iter().find(|n| n.citation == "4(2)③").expect("4(2)③");
    assert_eq!(c.number_path, vec![4, 2, 3]);
    let avail = nodes.iter().find(|n| n.citation == "2(7)").expect("2(7)");
    assert_eq!(avail.title.as_deref(), Some("可用性"));
    assert!(
        avail.text.contains("中断されることなく"),
        "hard break joined: {}",
        avail.text
    );
    assert!(!p.model_sections.contains_key("3.2"), "no LGWAN item");
    assert_eq!(p.model_sections["3.3"].citation, "6(3)②");
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
}

#[test]
fn seed_003_ogori_markdown_style() {
    let p = load("003_8a6a9c064e909078.txt");
    assert_topics(
        &p,
        6,
        &FIRST5,
        &[
            ("audit", 7),
            ("review", 8),
            ("standards", 9),
            ("procedures", 10),
        ],
    );
    assert_eq!(p.segments, vec!["mynumber", "lgwan", "internet"]);
    assert_eq!(p.sections.len(), 10);
    assert_eq!(p.sections[1].children.len(), 12);
    assert_eq!(
        p.title.as_deref(),
        Some("小郡市情報セキュリティポリシー基本方針")
    );
    assert_eq!(p.topics["physical"].citation, "6(4)");
    assert_eq!(p.topics["procedures"].citation, "10");
    let nodes = all(&p);
    // Revision table rows are not sections; nothing before "1." is a section.
    assert_eq!(nodes.iter().filter(|n| n.line < 14).count(), 0);
    let lg = nodes.iter().find(|n| n.citation == "6(3)②").expect("6(3)②");
    assert_eq!(lg.title, None);
    assert!(lg.text.starts_with("LGWAN 接続系においては"));
    // The unterminated last line (附則) is reported.
    assert!(
        p.warnings.iter().any(|w| w.starts_with("166行目:")),
        "{:?}",
        p.warnings
    );
    // JSON shape.
    let v: serde_json::Value = serde_json::to_value(&p).expect("json");
    for k in ["title", "sections", "topics", "segments", "warnings"] {
        assert!(v.get(k).is_some(), "{k}");
    }
    let n0 = &v["sections"][0];
    for k in [
        "label",
        "number_path",
        "title",
        "citation",
        "text",
        "children",
    ] {
        assert!(n0.get(k).is_some(), "{k}");
    }
    assert_eq!(
        v["topics"]["physical"]["number_path"],
        serde_json::json!([6, 4])
    );
}
