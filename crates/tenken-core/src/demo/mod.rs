//! `tenken demo`: fills an empty data dir with a realistic year of work for a fictional city
//! (東雲市), so that a newcomer — and every benchmark — has something real to look at.
//! Deterministic for a given clock: names, ratings and findings come from a fixed-seed generator.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::calendar::fiscal_year;
use crate::checklist::derive::{derive, Profile};
use crate::checklist::Bank;
use crate::domain::{
    AssessmentKind, ClassificationScheme, FindingStatus, Priority, RemarkKind, ScaleKind,
};
use crate::error::{Error, Result};
use crate::evidence::EvidenceFiles;
use crate::store::{
    AnswerChange, FindingChange, LinkTarget, NewAssessment, NewFinding, NewInterview, Store,
    DB_FILE,
};

/// The demo city's 基本方針, written for tenken (fictional body, model structure).
pub const DEMO_POLICY: &str = include_str!("kihon-hoshin.txt");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    Small,
    Large,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DemoReport {
    pub organisation_id: i64,
    pub assessment_id: i64,
    pub previous_assessment_id: i64,
    pub departments: usize,
    pub answers: usize,
    pub findings: usize,
    pub evidence: usize,
}

/// A small fixed-seed generator (xorshift64*): demo data must be the same on every run.
struct Dice(u64);
impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

const SMALL_DEPARTMENTS: [&str; 5] = ["総務課", "市民課", "税務課", "福祉課", "情報政策課"];
const BUREAUS: [&str; 12] = [
    "総務",
    "企画",
    "財政",
    "市民",
    "税務",
    "福祉",
    "子育て",
    "健康",
    "環境",
    "建設",
    "教育",
    "上下水道",
];
const UNITS: [&str; 5] = ["課", "管理課", "推進課", "相談室", "事務所"];
const AUDITORS: [&str; 3] = ["青木 遥", "佐藤 健一", "中村 真理"];

/// (topic, fact, risk, recommendation) of the demo findings.
const FACTS: [(&str, &str, &str, &str); 8] = [
    (
        "physical",
        "サーバ室の入退室管理簿に、9月分の退室時刻の記入漏れが12件あった。",
        "不正な入室や持ち出しがあっても追跡できない。",
        "退室時の記入を徹底し、管理者が月末に記録を確認すること。",
    ),
    (
        "technical",
        "異動した職員2名のIDが、異動後3か月を経ても削除されていなかった。",
        "権限のない者による情報へのアクセスを許すおそれがある。",
        "人事異動の通知と連動してIDを削除する手順を定め、四半期ごとに棚卸を行うこと。",
    ),
    (
        "asset_classification",
        "情報資産管理台帳が令和5年度から更新されていなかった。",
        "重要な情報資産の所在と分類が把握できない。",
        "年1回以上台帳を見直し、更新日と確認者を記録すること。",
    ),
    (
        "technical",
        "業務用端末3台でウイルス対策ソフトの定義ファイルが2週間更新されていなかった。",
        "新しい不正プログラムに感染するおそれがある。",
        "管理コンソールで更新状況を毎週確認し、未更新の端末に対処すること。",
    ),
    (
        "outsourcing",
        "委託契約書に再委託の承認に関する条項がなかった。",
        "委託先の管理が及ばない事業者に情報が渡るおそれがある。",
        "契約書の雛形に再委託の事前承認と報告の条項を加えること。",
    ),
    (
        "human",
        "情報セキュリティ研修の未受講者が課内に4名いた。",
        "職員の不注意による事故が起きやすくなる。",
        "未受講者に期限を定めて受講させ、受講状況を課長が確認すること。",
    ),
    (
        "human",
        "個人情報を含む書類が執務室の机上に退庁後も置かれていた。",
        "清掃委託業者等の第三者に見られるおそれがある。",
        "クリアデスクを徹底し、施錠できる保管庫に収納すること。",
    ),
    (
        "physical",
        "USBメモリの貸出簿に返却日の記載がないものがあった。",
        "媒体の紛失に気付けないおそれがある。",
        "貸出と返却を都度記録し、月末に所在を確認すること。",
    ),
];

fn departments(size: Size) -> Vec<String> {
    match size {
        Size::Small => SMALL_DEPARTMENTS.iter().map(|s| s.to_string()).collect(),
        Size::Large => {
            let mut out = vec![];
            'outer: for u in UNITS {
                for b in BUREAUS {
                    out.push(format!("{b}{u}"));
                    if out.len() == 60 {
                        break 'outer;
                    }
                }
            }
            out
        }
    }
}

/// Fills the store with demo data. Refuses a store that already holds data.
pub fn fill(store: &mut Store, size: Size) -> Result<DemoReport> {
    if !store.is_empty()? {
        return Err(Error::StoreNotEmpty {
            path: store.dir().to_path_buf(),
        });
    }
    if Bank::builtin()?.get("audit")?.items.is_empty() {
        return Err(Error::invalid(
            "checklist",
            "audit",
            "項目のあるチェックリスト / a checklist with items",
        ));
    }
    store.set_bulk(true)?;
    let r = fill_inner(store, size);
    store.set_bulk(false)?;
    r
}

/// Fills the (empty) store in `dir` with demo data as one step: the demo is built in a
/// staging folder inside `dir` and moved in only when complete, so a failure (a full disk) or a
/// killed process leaves the folder as it was — never a half-built store that `demo` then
/// refuses. Refuses a store that already holds data.
pub fn install(dir: &Path, size: Size) -> Result<DemoReport> {
    install_keyed(dir, size, None)
}

/// `install` into an encrypted store (`key`: its data key): the demo is built encrypted.
pub fn install_keyed(
    dir: &Path,
    size: Size,
    key: Option<std::sync::Arc<crate::crypto::DataKey>>,
) -> Result<DemoReport> {
    let store = Store::open_keyed(dir, key.clone())?;
    if !store.is_empty()? {
        return Err(Error::StoreNotEmpty {
            path: dir.to_path_buf(),
        });
    }
    drop(store);
    remove_stale_staging(dir);
    let staging = dir.join(format!("{STAGING}{}", std::process::id()));
    let built = (|| {
        let mut s = Store::open_keyed(&staging, key.clone())?;
        let report = fill(&mut s, size)?;
        s.close_as_single_file()?;
        Ok(report)
    })();
    let report = match built {
        Ok(r) => r,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
    };
    move_in(&staging, dir, key.as_deref())?;
    let _ = std::fs::remove_dir_all(&staging);
    Store::open_keyed(dir, key)?; // back to WAL mode, schema checked
    Ok(report)
}

/// The prefix of a demo being built (removed when a build was killed midway).
const STAGING: &str = ".tenken-demo-";

fn remove_stale_staging(dir: &Path) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with(STAGING) {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }
}

/// Moves the built demo into `dir`: evidence files first (content-addressed: an existing one
/// is the same file), then the database by one rename over the empty one.
fn move_in(staging: &Path, dir: &Path, key: Option<&crate::crypto::DataKey>) -> Result<()> {
    let from = EvidenceFiles::new(staging);
    let to = EvidenceFiles::new(dir);
    if let Ok(shards) = std::fs::read_dir(from.root()) {
        for shard in shards.flatten().filter(|s| s.file_name() != "tmp") {
            for file in std::fs::read_dir(shard.path())
                .map_err(|e| Error::io(shard.path(), e))?
                .flatten()
            {
                // The same name in the same shard (in an encrypted store, a keyed name).
                let target = to.root().join(shard.file_name()).join(file.file_name());
                if target.exists() {
                    continue;
                }
                if let Some(parent) = target.parent() {
                    crate::private::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
                }
                std::fs::rename(file.path(), &target).map_err(|e| Error::io(&target, e))?;
            }
        }
    }
    let db = dir.join(DB_FILE);
    if db.exists() {
        let c = rusqlite::Connection::open(&db)?;
        if let Some(k) = key {
            k.apply(&c)?;
        }
        let busy: i64 = c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        drop(c);
        if busy != 0 {
            return Err(Error::io(
                &db,
                std::io::Error::other("the database is in use / データベースが使用中です"),
            ));
        }
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(dir.join(format!("{DB_FILE}{suffix}")));
        }
    }
    std::fs::rename(staging.join(DB_FILE), &db).map_err(|e| Error::io(&db, e))?;
    crate::output::sync_parent(&db);
    Ok(())
}

fn fill_inner(store: &mut Store, size: Size) -> Result<DemoReport> {
    let mut dice = Dice(0x7e4b_e11e_5eed_0001);
    let today = store.now().date_naive();
    let fy = fiscal_year(today);
    let org = store.add_organisation("東雲市", Some("東雲市情報セキュリティ委員会"))?;
    let policy = store.import_policy(
        &org.id.to_string(),
        "東雲市情報セキュリティ基本方針.txt",
        DEMO_POLICY.as_bytes(),
    )?;
    let bank = Bank::builtin()?;
    let profile = Profile {
        network_model: Some("alpha".into()),
        cloud: true,
        social_media: true,
    };
    let (checklist, _) = derive(bank.get("audit")?, &policy.parsed, None, &profile);
    let date = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d);
    let new = |year: i32, title: String, prev: Option<i64>| NewAssessment {
        organisation_id: org.id,
        fiscal_year: year,
        kind: AssessmentKind::InternalAudit,
        title,
        period_start: date(year, 9, 1),
        period_end: date(year, 12, 20),
        auditors: AUDITORS.iter().map(|s| s.to_string()).collect(),
        scale: ScaleKind::Audit,
        classification: ClassificationScheme::FourLevel,
        checklist: checklist.clone(),
        policy_document_id: Some(policy.id),
        standards_document_id: None,
        profile: profile.clone(),
        previous_assessment_id: prev,
    };
    let label = |y| crate::calendar::fiscal_year_label(y);
    let depts = departments(size);

    // Last year's audit, a complete year: every department, every item answered (a little
    // worse than this year), a few findings, some still open, that this year follows up.
    let prev = store.create_assessment(&new(
        fy - 1,
        format!("{} 情報セキュリティ内部監査", label(fy - 1)),
        None,
    ))?;
    // Its own dice, so that this year's answers stay as they were.
    let mut prev_dice = Dice(0x7e4b_e11e_5eed_0002);
    for d in &depts {
        store.add_department(prev.id, d)?;
        for item in &checklist.items {
            let rating = match prev_dice.below(100) {
                0..=71 => "conform",
                72..=87 => "partial",
                88..=95 => "nonconform",
                _ => "na",
            };
            let note = if rating == "conform" {
                String::new()
            } else {
                "記録の不備あり。".to_string()
            };
            store.record_answer(
                prev.id,
                d,
                &item.id,
                &AnswerChange {
                    rating: Some(rating.into()),
                    note: Some(note),
                },
            )?;
        }
    }
    let mut prev_findings = vec![];
    for (i, d) in depts.iter().take(3).enumerate() {
        let (topic, fact, risk, rec) = FACTS[i + 4];
        let item = checklist
            .items
            .iter()
            .find(|it| it.topic == topic)
            .unwrap_or(&checklist.items[0]);
        let f = store.add_finding(
            prev.id,
            &NewFinding {
                department: d.clone(),
                item_id: Some(item.id.clone()),
                fact: fact.into(),
                risk: risk.into(),
                recommendation: rec.into(),
                classification: "minor".into(),
                priority: Some(Priority::Medium),
                due_date: date(fy, 3, 31),
                owner: format!("{d}長"),
                ..Default::default()
            },
        )?;
        let status = [
            FindingStatus::Done,
            FindingStatus::InProgress,
            FindingStatus::Continued,
        ][i];
        store.update_finding(
            f.id,
            &FindingChange {
                status: Some(status),
                ..Default::default()
            },
        )?;
        prev_findings.push(f.id);
    }

    let a = store.create_assessment(&new(
        fy,
        format!("{} 情報セキュリティ内部監査", label(fy)),
        Some(prev.id),
    ))?;
    store.set_summary(a.id, "今年度の監査では、対象部署の多くで基本的な対策が定着していることを確認した。一方で、ID の管理、入退室記録、委託先の管理について改善を要する事項が見られた。指摘事項については、期限を定めて改善計画を提出されたい。")?;
    for d in &depts {
        store.add_department(a.id, d)?;
    }
    let (answer_share, findings_target, evidence_target) = match size {
        Size::Small => (70, 12, 15),
        Size::Large => (100, 800, 3000),
    };
    let mut answers = 0;
    let mut weak: Vec<(String, String)> = vec![];
    let items: Vec<String> = checklist.items.iter().map(|i| i.id.clone()).collect();
    for (n, d) in depts.iter().enumerate() {
        let held = date(fy, 10, 1).unwrap_or(today) + chrono::Days::new((n as u64 * 2) % 60);
        store.add_interview(
            a.id,
            d,
            &NewInterview {
                held_on: Some(held),
                place: "第2会議室".into(),
                attendees: format!("{d}長、{d}情報セキュリティ担当"),
                auditor: dice.pick(&AUDITORS).to_string(),
                notes: "台帳と入退室記録を確認した。異動時のID削除の手順について説明を受けた。"
                    .into(),
            },
        )?;
        for item in &items {
            if dice.below(100) >= answer_share {
                continue;
            }
            let roll = dice.below(100);
            let rating = match roll {
                0..=79 => "conform",
                80..=91 => "partial",
                92..=96 => "nonconform",
                _ => "na",
            };
            let note = if rating == "conform" {
                String::new()
            } else {
                "運用の記録に一部不備あり。".to_string()
            };
            store.record_answer(
                a.id,
                d,
                item,
                &AnswerChange {
                    rating: Some(rating.into()),
                    note: Some(note),
                },
            )?;
            answers += 1;
            if rating == "partial" || rating == "nonconform" {
                weak.push((d.clone(), item.clone()));
            }
        }
    }
    // Findings from weak answers, spread over departments.
    let mut finding_ids = vec![];
    let classes = ["major", "minor", "minor", "observation", "recommendation"];
    let mut used = vec![false; weak.len()];
    for k in 0..findings_target.min(weak.len()) {
        let (topic, fact, risk, rec) = FACTS[k % FACTS.len()];
        // The next unused weak answer on the fact's topic (else any unused one).
        let start = (k * weak.len()) / findings_target.max(1);
        let matches = |j: &usize| {
            !used[*j]
                && checklist
                    .item(&weak[*j].1)
                    .is_some_and(|it| it.topic == topic)
        };
        let Some(j) = (start..weak.len())
            .chain(0..start)
            .find(matches)
            .or_else(|| (0..weak.len()).find(|j| !used[*j]))
        else {
            break;
        };
        used[j] = true;
        let (d, item) = &weak[j];
        let follows = if k < prev_findings.len() && depts.iter().take(3).any(|x| x == d) {
            Some(prev_findings[k])
        } else {
            None
        };
        let f = store.add_finding(
            a.id,
            &NewFinding {
                department: d.clone(),
                item_id: Some(item.clone()),
                fact: fact.into(),
                risk: risk.into(),
                recommendation: rec.into(),
                classification: dice.pick(&classes).to_string(),
                priority: Some(*dice.pick(&[
                    Priority::High,
                    Priority::Medium,
                    Priority::Medium,
                    Priority::Low,
                ])),
                due_date: date(fy + 1, 3, 31),
                owner: format!("{d}長"),
                follows_up: follows,
                ..Default::default()
            },
        )?;
        finding_ids.push(f.id);
    }
    // Evidence: a third files, a third paper documents, a third observations.
    let tmp = store
        .dir()
        .join("evidence")
        .join("tmp")
        .join("demo-sources");
    std::fs::create_dir_all(&tmp).map_err(|e| Error::io(&tmp, e))?;
    let mut evidence = 0;
    for k in 0..evidence_target {
        let d = &depts[k % depts.len()];
        let item = &items[dice.below(items.len())];
        let ev = match k % 3 {
            0 => {
                let name = format!(
                    "{d}_入退室管理簿_{}年{}月_{k:04}.csv",
                    today.year(),
                    1 + k % 12
                );
                let path = tmp.join(&name);
                let body = format!("日付,氏名,入室,退室,目的\n{today},{},9:02,9:40,定期点検\n{today},{},13:10,,保守作業\n", dice.pick(&AUDITORS), d);
                write_file(&path, &body)?;
                let e = store.add_file_evidence(a.id, &path, Some(&name), &mut |_| {})?;
                let _ = std::fs::remove_file(&path);
                e
            }
            1 => store.add_paper_evidence(
                a.id,
                &format!("{d} 情報資産管理台帳（{}年度版）", fy),
                &format!("{d} 書庫 第3棚"),
                "原本を閲覧",
            )?,
            _ => store.add_observation(
                a.id,
                &format!("{d} 執務室の巡回"),
                "離席中の端末3台のうち1台で画面ロックがかかっていなかった。",
            )?,
        };
        store.link_evidence(
            ev.id,
            &LinkTarget::Response {
                department: d.clone(),
                item_id: item.clone(),
            },
        )?;
        if !finding_ids.is_empty() && k % 4 == 0 {
            store.link_evidence(
                ev.id,
                &LinkTarget::Finding(finding_ids[k % finding_ids.len()]),
            )?;
        }
        evidence += 1;
    }
    let _ = std::fs::remove_dir(&tmp);
    store.add_remark(
        a.id,
        Some(&depts[0]),
        RemarkKind::Good,
        "課内で毎月「セキュリティの日」を設け、机上とキャビネットの点検を行っている。",
    )?;
    store.add_remark(
        a.id,
        None,
        RemarkKind::Notable,
        "標的型メール訓練の開封率が前年度の12%から5%に下がった。",
    )?;
    Ok(DemoReport {
        organisation_id: org.id,
        assessment_id: a.id,
        previous_assessment_id: prev.id,
        departments: depts.len(),
        answers,
        findings: finding_ids.len(),
        evidence,
    })
}

fn write_file(path: &Path, body: &str) -> Result<()> {
    std::fs::write(path, body).map_err(|e| Error::io(path, e))
}
