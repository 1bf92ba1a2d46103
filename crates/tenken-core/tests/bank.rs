//! The shipped item bank and the checklist loader.

use std::collections::{BTreeMap, HashSet};

use tenken_core::checklist::{load_str, Bank, TOPIC_KEYS};
use tenken_core::i18n::Lang;
use tenken_core::ScaleKind;

#[test]
fn bank_loads_and_meets_counts() {
    let bank = Bank::builtin().unwrap_or_else(|e| panic!("{}", e.localized(Lang::Ja)));
    let audit = bank.get("audit").unwrap();
    assert_eq!(audit.scale, ScaleKind::Audit);
    assert!(
        audit.items.len() >= 150,
        "audit: {} items",
        audit.items.len()
    );
    let staff = bank.get("self_staff").unwrap();
    assert_eq!(staff.scale, ScaleKind::SelfInspection);
    assert!(staff.items.len() >= 30, "self_staff: {}", staff.items.len());
    let manager = bank.get("self_manager").unwrap();
    assert_eq!(manager.scale, ScaleKind::SelfInspection);
    assert!(
        manager.items.len() >= 40,
        "self_manager: {}",
        manager.items.len()
    );
}

#[test]
fn every_audit_chapter_and_model_section_has_items() {
    let bank = Bank::builtin().unwrap();
    let audit = bank.get("audit").unwrap();
    let mut per_chapter: BTreeMap<u32, usize> = BTreeMap::new();
    for i in &audit.items {
        *per_chapter.entry(i.chapter()).or_default() += 1;
    }
    for ch in 1..=9 {
        assert!(
            per_chapter.get(&ch).copied().unwrap_or(0) >= 5,
            "chapter {ch}: {per_chapter:?}"
        );
    }
    let sections: HashSet<&str> = audit.items.iter().map(|i| i.section.as_str()).collect();
    for s in [
        "3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "5.4", "6.1", "6.2",
        "6.3", "6.4", "6.5", "6.6", "7.1", "7.2", "7.3", "7.4", "7.5", "7.6", "8.1", "8.2", "8.3",
        "8.4", "9.1", "9.2", "9.3",
    ] {
        assert!(sections.contains(s), "no item for model section {s}");
    }
    assert!(audit.items.iter().any(|i| i.required) && audit.items.iter().any(|i| !i.required));
    assert!(audit
        .items
        .iter()
        .any(|i| i.when.segments.contains(&"lgwan".to_string())));
    assert!(audit
        .items
        .iter()
        .any(|i| !i.when.network_models.is_empty()));
    assert!(audit.items.iter().any(|i| i.when.cloud == Some(true)));
    assert!(audit
        .items
        .iter()
        .any(|i| i.when.social_media == Some(true)));
}

#[test]
fn ids_are_unique_across_the_bank_and_texts_bilingual() {
    let bank = Bank::builtin().unwrap();
    let mut ids = HashSet::new();
    for c in &bank.checklists {
        for i in &c.items {
            assert!(ids.insert(i.id.clone()), "duplicate id {}", i.id);
            assert!(
                !i.question.ja.trim().is_empty() && !i.question.en.trim().is_empty(),
                "{}",
                i.id
            );
            assert!(
                i.question
                    .ja
                    .chars()
                    .any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
                "{}: ja text is not Japanese",
                i.id
            );
            assert!(
                i.question.en.is_ascii()
                    || i.question.en.chars().filter(|c| !c.is_ascii()).count() < 12,
                "{}: en text looks untranslated",
                i.id
            );
            assert!(TOPIC_KEYS.contains(&i.topic.as_str()));
            // The id encodes the chapter: AU-04-… is chapter 4.
            let ch: u32 = i.id.split('-').nth(1).unwrap().parse().unwrap();
            assert_eq!(ch, i.chapter(), "{}: id and section disagree", i.id);
        }
    }
}

#[test]
fn ids_are_stable() {
    // Ids are never reused for another meaning: a few anchors must keep their subject.
    let bank = Bank::builtin().unwrap();
    let audit = bank.get("audit").unwrap();
    let first = &audit.items[0];
    assert_eq!(first.id, "AU-01-00-001");
    assert_eq!(first.topic, "organization");
    assert!(audit
        .item("AU-03-02-001")
        .unwrap()
        .when
        .segments
        .contains(&"lgwan".to_string()));
    assert!(audit
        .item("AU-03-01-001")
        .unwrap()
        .when
        .segments
        .contains(&"mynumber".to_string()));
}

fn problems(src: &str) -> Vec<String> {
    load_str("bad.toml", src)
        .unwrap_err()
        .iter()
        .map(|p| p.localized(Lang::Ja))
        .collect()
}

const GOOD_HEAD: &str = "[checklist]\nid = \"t\"\nversion = \"1\"\ntitle = { ja = \"試験\", en = \"Test\" }\nscale = \"audit\"\n";
const GOOD_ITEM: &str = "\n[[items]]\nid = \"T-01-00-001\"\nsection = \"1\"\ntopic = \"organization\"\nquestion = { ja = \"任命されているか。\", en = \"Appointed?\" }\nlook_at = { ja = [\"任命書\"], en = [\"Letter\"] }\nmethods = [\"document\"]\ntier = \"executive\"\nrequired = true\n";

#[test]
fn a_good_file_loads() {
    let c = load_str("good.toml", &format!("{GOOD_HEAD}{GOOD_ITEM}")).unwrap();
    assert_eq!(c.items.len(), 1);
}

#[test]
fn malformed_files_report_file_and_line() {
    // Unknown key on line 16.
    let p = problems(&format!("{GOOD_HEAD}{GOOD_ITEM}colour = \"red\"\n"));
    assert!(
        p[0].starts_with("bad.toml:16:") && p[0].contains("colour"),
        "{p:?}"
    );
    // Bad topic on line 10.
    let p = problems(&format!(
        "{GOOD_HEAD}{}",
        GOOD_ITEM.replace("organization", "organisation")
    ));
    assert!(
        p[0].starts_with("bad.toml:10:")
            && p[0].contains("organisation")
            && p[0].contains("organization"),
        "{p:?}"
    );
    // Duplicate id: second item's id line.
    let p = problems(&format!("{GOOD_HEAD}{GOOD_ITEM}{GOOD_ITEM}"));
    assert!(
        p.iter()
            .any(|l| l.starts_with("bad.toml:18:") && l.contains("重複")),
        "{p:?}"
    );
    // Syntax error on line 3.
    let p = problems("[checklist]\nid = \"t\"\nversion = = \"1\"\n");
    assert!(p[0].starts_with("bad.toml:3:"), "{p:?}");
    // look_at lengths differ, bad section, unknown method: all reported at once.
    let bad = GOOD_ITEM
        .replace("en = [\"Letter\"]", "en = []")
        .replace("section = \"1\"", "section = \"12.1\"")
        .replace("\"document\"", "\"guess\"");
    let p = problems(&format!("{GOOD_HEAD}{bad}"));
    assert_eq!(p.len(), 3, "{p:?}");
    assert!(
        p.iter().any(|l| l.contains("12.1"))
            && p.iter().any(|l| l.contains("guess"))
            && p.iter().any(|l| l.contains("look_at"))
    );
}
