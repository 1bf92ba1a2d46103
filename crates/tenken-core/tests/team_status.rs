//! `Store::team_status` (the window's team tab and dashboard card): who holds which
//! departments, when each last returned, and the open conflicts per member — before and after
//! merges and decisions; on a member's laptop, what it joined. `team_conflict_views`: the
//! conflict screen's rows.

use tenken_core::output::Output;
use tenken_core::store::AnswerChange;
use tenken_core::{demo, Store};

fn answer(store: &mut Store, a: i64, dept: &str, item: &str, rating: &str, note: &str) {
    store
        .record_answer(
            a,
            dept,
            item,
            &AnswerChange {
                rating: Some(rating.into()),
                note: Some(note.into()),
            },
        )
        .unwrap();
}

#[test]
fn team_status_follows_shares_returns_and_decisions() {
    let root = tempfile::tempdir().unwrap();
    let lead_dir = root.path().join("lead");
    let a = demo::install(&lead_dir, demo::Size::Small)
        .unwrap()
        .assessment_id;
    let mut lead = Store::open(&lead_dir).unwrap();
    let out = Output::without_store(false);

    let empty = lead.team_status(a).unwrap();
    assert!(empty.shares.is_empty() && empty.joined.is_none());
    assert_eq!(empty.open_conflicts, 0);
    assert!(lead.team_status(999_999).is_err(), "unknown assessment");

    let item = lead.assessment(a).unwrap().checklist.items[0].id.clone();
    let d1 = vec!["総務課".to_string(), "市民課".to_string()];
    let d2 = vec!["市民課".to_string(), "税務課".to_string()];
    let (s1, s2) = (root.path().join("s1.zip"), root.path().join("s2.zip"));
    lead.team_share(a, Some(&d1), "一郎", &out, &s1, None)
        .unwrap();
    lead.team_share(a, Some(&d2), "二郎", &out, &s2, None)
        .unwrap();

    let status = lead.team_status(a).unwrap();
    let mut names: Vec<_> = status
        .shares
        .iter()
        .map(|s| (s.member.clone(), s.departments.clone()))
        .collect();
    names.sort();
    assert_eq!(
        names,
        vec![
            ("一郎".to_string(), d1.clone()),
            ("二郎".to_string(), d2.clone())
        ]
    );
    assert!(status
        .shares
        .iter()
        .all(|s| s.last_returned_at.is_none() && s.returns_merged == 0));

    let mut returns = vec![];
    for (m, (share, note)) in [(&s1, "一郎の所見"), (&s2, "二郎の所見")]
        .into_iter()
        .enumerate()
    {
        let mut ms = Store::open(&root.path().join(format!("m{m}"))).unwrap();
        ms.team_join(share, None).unwrap();
        let joined = ms.team_status(a).unwrap().joined.expect("joined");
        assert_eq!(
            joined.departments,
            if m == 0 { d1.clone() } else { d2.clone() }
        );
        assert!(joined.last_returned_at.is_none());
        let rating = if m == 0 { "conform" } else { "nonconform" };
        answer(&mut ms, a, "市民課", &item, rating, note);
        let ret = root.path().join(format!("r{m}.zip"));
        ms.team_return(a, &out, &ret, None).unwrap();
        assert!(ms
            .team_status(a)
            .unwrap()
            .joined
            .unwrap()
            .last_returned_at
            .is_some());
        assert!(
            ms.team_status(a).unwrap().shares.is_empty(),
            "a member shares nothing"
        );
        returns.push(ret);
    }

    // Only 一郎 returned so far.
    lead.team_merge(&returns[..1], None).unwrap();
    let status = lead.team_status(a).unwrap();
    let by = |n: &str| {
        status
            .shares
            .iter()
            .find(|s| s.member == n)
            .unwrap()
            .clone()
    };
    assert!(by("一郎").last_returned_at.is_some());
    assert_eq!(by("一郎").returns_merged, 1);
    assert!(by("二郎").last_returned_at.is_none());

    // 二郎's return conflicts with 一郎's (same answer, different values).
    let m = lead.team_merge(&returns[1..], None).unwrap();
    assert_eq!(m.conflicts.len(), 1);
    let status = lead.team_status(a).unwrap();
    let by = |n: &str| {
        status
            .shares
            .iter()
            .find(|s| s.member == n)
            .unwrap()
            .clone()
    };
    assert_eq!(status.open_conflicts, 1);
    assert_eq!(by("二郎").open_conflicts, 1);
    assert_eq!(by("一郎").open_conflicts, 0);
    assert!(by("二郎").last_returned_at.is_some());

    // The window's view: the same conflict, with when the lead's value last changed.
    let views = lead.team_conflict_views(a).unwrap();
    assert_eq!(views.len(), 1);
    assert_eq!(views[0].conflict, lead.team_conflicts(a).unwrap()[0]);
    assert!(views[0]
        .lead_at
        .as_deref()
        .is_some_and(|t| t.starts_with("20")));

    lead.team_resolve(m.conflicts[0].id, true).unwrap();
    let status = lead.team_status(a).unwrap();
    assert_eq!(status.open_conflicts, 0);
    assert!(status.shares.iter().all(|s| s.open_conflicts == 0));
}
