//! Deriving checklists from the seed policies: every kept item cites the body's own clause,
//! items without ground are left out with the reason, output is deterministic.

use tenken_core::checklist::derive::{derive, Profile};
use tenken_core::checklist::Bank;

fn seed(name: &str) -> tenken_policy::ParsedPolicy {
    let bytes = std::fs::read(format!(
        "{}/../../tests/fixtures/policies/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    tenken_policy::parse_bytes(&bytes).unwrap()
}

fn profile() -> Profile {
    Profile {
        network_model: Some("alpha".into()),
        cloud: true,
        social_media: true,
    }
}

#[test]
fn seed_000_cites_articles_and_keeps_lgwan_items() {
    let bank = Bank::builtin().unwrap();
    let audit = bank.get("audit").unwrap();
    let (bound, d) = derive(audit, &seed("000_f30b78bf79fe382b.txt"), None, &profile());
    assert!(
        d.kept.iter().any(|k| k.id == "AU-03-02-001"),
        "LGWAN items are kept for 南幌町"
    );
    let physical = d.kept.iter().find(|k| k.topic == "physical").unwrap();
    assert_eq!(physical.citation, "第8条第4号");
    assert!(
        d.kept.iter().all(|k| k.citation.starts_with('第')),
        "legal-style citations"
    );
    assert_eq!(bound.items.len(), d.kept.len());
    assert!(bound.items.iter().all(|i| i.citation.is_some()));
}

#[test]
fn seed_001_has_no_lgwan_items_and_says_why() {
    let bank = Bank::builtin().unwrap();
    let audit = bank.get("audit").unwrap();
    let (_, d) = derive(audit, &seed("001_9ca561b41135eb25.txt"), None, &profile());
    assert!(
        !d.kept.iter().any(|k| k.id.starts_with("AU-03-02")),
        "no LGWAN接続系 in the 組合's policy"
    );
    let lgwan_out = d.left_out.iter().find(|l| l.id == "AU-03-02-001").unwrap();
    assert_eq!(lgwan_out.reason_code, "segment_not_defined");
    assert!(
        lgwan_out.reason.contains("LGWAN接続系"),
        "{}",
        lgwan_out.reason
    );
    let physical = d.kept.iter().find(|k| k.topic == "physical").unwrap();
    assert_eq!(physical.citation, "6(4)");
    assert!(
        d.coverage.topics_not_found.is_empty()
            || !d
                .coverage
                .topics_not_found
                .contains(&"physical".to_string())
    );
}

#[test]
fn seed_003_differs_from_001() {
    let bank = Bank::builtin().unwrap();
    let audit = bank.get("audit").unwrap();
    let (_, d3) = derive(audit, &seed("003_8a6a9c064e909078.txt"), None, &profile());
    let (_, d1) = derive(audit, &seed("001_9ca561b41135eb25.txt"), None, &profile());
    assert!(d3.kept.len() > d1.kept.len());
    assert!(d3.kept.iter().any(|k| k.id.starts_with("AU-03-02")));
}

#[test]
fn profile_conditions_leave_items_out() {
    let bank = Bank::builtin().unwrap();
    let audit = bank.get("audit").unwrap();
    let p = seed("000_f30b78bf79fe382b.txt");
    let (_, none) = derive(
        audit,
        &p,
        None,
        &Profile {
            network_model: Some("alpha".into()),
            cloud: false,
            social_media: false,
        },
    );
    assert!(none.left_out.iter().any(|l| l.reason_code == "no_cloud"));
    assert!(none
        .left_out
        .iter()
        .any(|l| l.reason_code == "no_social_media"));
    assert!(none
        .left_out
        .iter()
        .any(|l| l.reason_code == "network_model"));
    let (_, beta) = derive(
        audit,
        &p,
        None,
        &Profile {
            network_model: Some("beta".into()),
            cloud: true,
            social_media: true,
        },
    );
    assert!(beta.kept.len() != none.kept.len());
}

#[test]
fn derivation_is_deterministic() {
    let bank = Bank::builtin().unwrap();
    let audit = bank.get("audit").unwrap();
    let a = serde_json::to_string(
        &derive(audit, &seed("003_8a6a9c064e909078.txt"), None, &profile()).1,
    )
    .unwrap();
    let b = serde_json::to_string(
        &derive(audit, &seed("003_8a6a9c064e909078.txt"), None, &profile()).1,
    )
    .unwrap();
    assert_eq!(a, b);
}

#[test]
fn standards_clauses_are_cited_beside_the_basic_policy() {
    let bank = Bank::builtin().unwrap();
    let audit = bank.get("audit").unwrap();
    let standards = seed("synthetic-taisaku-kijun.txt");
    assert_eq!(standards.kind, "standards");
    let (bound, d) = derive(
        audit,
        &seed("000_f30b78bf79fe382b.txt"),
        Some(&standards),
        &profile(),
    );
    let entry = d.kept.iter().find(|k| k.section == "4.2").unwrap();
    assert_eq!(entry.citation, "第8条第4号");
    assert_eq!(entry.standards_citation.as_deref(), Some("4.2"));
    // An item of a section the standards text lacks falls back to its chapter.
    let org = bound.items.iter().find(|i| i.section == "1").unwrap();
    assert_eq!(org.standards_citation.as_deref(), Some("1"));
    assert!(bound.items.iter().all(|i| i.standards_citation.is_some()));
}
