//! The report checked with the real poppler tools (pdftotext, pdffonts, pdfinfo) on a demo
//! assessment (`demo::fill`, small).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use chrono::NaiveDate;
use tenken_core::demo::{fill, Size};
use tenken_core::export::{export, AssessmentExport};
use tenken_core::store::FindingChange;
use tenken_core::{Lang, Store};
use tenken_report::{diff, fingerprint, read_fingerprint, read_stamp, render_at, Change};

struct Fixture {
    _dir: tempfile::TempDir,
    data: PathBuf,
    assessment: i64,
    export: AssessmentExport,
    ja: PathBuf,
    en: PathBuf,
    pages: usize,
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 15).unwrap()
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let mut store = Store::open(&data).unwrap();
        let demo = fill(&mut store, Size::Small).unwrap();
        let e = export(&store, demo.assessment_id).unwrap();
        let ja = dir.path().join("report-ja.pdf");
        let en = dir.path().join("report-en.pdf");
        let r = render_at(&e, Lang::Ja, today(), &mut |_, _| {}).unwrap();
        std::fs::write(&ja, &r.bytes).unwrap();
        let r_en = render_at(&e, Lang::En, today(), &mut |_, _| {}).unwrap();
        std::fs::write(&en, &r_en.bytes).unwrap();
        if let Ok(keep) = std::env::var("TENKEN_KEEP_REPORTS") {
            std::fs::copy(&ja, Path::new(&keep).join("report-ja.pdf")).unwrap();
            std::fs::copy(&en, Path::new(&keep).join("report-en.pdf")).unwrap();
        }
        Fixture {
            _dir: dir,
            data,
            assessment: demo.assessment_id,
            export: e,
            ja,
            en,
            pages: r.pages,
        }
    })
}

fn tool(name: &str, args: &[&str], file: &Path) -> String {
    let out = Command::new(name)
        .args(args)
        .arg(file)
        .args(if name == "pdftotext" {
            vec!["-"]
        } else {
            vec![]
        })
        .output()
        .unwrap_or_else(|e| panic!("{name}: {e} (install poppler-utils)"));
    assert!(
        out.status.success(),
        "{name} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn text_has_the_title_every_finding_and_every_evidence_hash() {
    let f = fixture();
    let text = tool("pdftotext", &["-layout"], &f.ja);
    let flat = squash(&text);
    assert!(
        flat.contains("令和8年度情報セキュリティ監査報告書")
            || flat.contains(&squash(&tenken_report::content::title(&f.export, Lang::Ja)))
    );
    assert!(flat.contains(&squash(&tenken_report::content::title(&f.export, Lang::Ja))));
    assert!(text.contains("取扱注意"));
    assert!(!f.export.findings.is_empty());
    // -raw keeps each table cell's wrapped lines together.
    let raw = squash(&tool("pdftotext", &["-raw"], &f.ja));
    for fd in &f.export.findings {
        assert!(
            raw.contains(&squash(&fd.cited_clause)),
            "clause {}",
            fd.cited_clause
        );
        assert!(
            raw.contains(&squash(&fd.fact)),
            "fact of finding {}",
            fd.number
        );
    }
    let hashes: Vec<&str> = f
        .export
        .evidence
        .iter()
        .filter_map(|e| e.sha256.as_deref())
        .collect();
    assert!(!hashes.is_empty());
    for h in hashes {
        assert!(
            text.contains(h),
            "evidence hash {h} appears exactly (on one line)"
        );
    }
    // The fingerprint is printed on the last page.
    let last = tool(
        "pdftotext",
        &[
            "-layout",
            "-f",
            &f.pages.to_string(),
            "-l",
            &f.pages.to_string(),
        ],
        &f.ja,
    );
    assert!(last.contains(&fingerprint(&f.export)), "{last}");
    assert!(last.contains("承認欄"));
}

#[test]
fn the_japanese_font_is_embedded_as_a_subset() {
    let f = fixture();
    let fonts = tool("pdffonts", &[], &f.ja);
    let line = fonts
        .lines()
        .find(|l| l.contains("IPAexGothic"))
        .unwrap_or_else(|| panic!("{fonts}"));
    let name = line.split_whitespace().next().unwrap();
    let (tag, rest) = name
        .split_once('+')
        .unwrap_or_else(|| panic!("subset prefix in {name}"));
    assert!(
        tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
        "{name}"
    );
    assert!(rest.contains("IPAexGothic"));
    assert!(line.contains("yes yes"), "emb and sub: {line}");
    // A subset keeps the file small: the font alone is 6 MB.
    let size = std::fs::metadata(&f.ja).unwrap().len();
    assert!(size < 600_000, "{size} bytes");
}

#[test]
fn page_count_and_table_of_contents_agree_with_the_pages() {
    let f = fixture();
    let info = tool("pdfinfo", &[], &f.ja);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert_eq!(pages, f.pages);
    assert!(info.contains("tenken-fingerprint:"), "{info}");
    assert!(
        info.lines()
            .any(|l| l.starts_with("Title:") && l.contains("監査報告書")),
        "{info}"
    );
    assert!(
        info.lines()
            .any(|l| l.starts_with("Author:") && l.contains("東雲市")),
        "{info}"
    );
    assert!(
        info.lines().any(|l| l.starts_with("CreationDate:")),
        "{info}"
    );
    // Every page's footer says "n / N".
    for n in [1, 2, pages / 2, pages] {
        let p = tool(
            "pdftotext",
            &["-layout", "-f", &n.to_string(), "-l", &n.to_string()],
            &f.ja,
        );
        assert!(p.contains(&format!("{n} / {pages}")), "footer of page {n}");
    }
    // The 目次 (page 2): each entry's page number is where its heading is.
    let (_, toc) = tenken_report::layout_pages(&f.export, Lang::Ja, today()).unwrap();
    let toc_text = tool("pdftotext", &["-layout", "-f", "2", "-l", "2"], &f.ja);
    assert!(toc_text.contains("目次"));
    assert!(toc.len() >= 8, "{toc:?}");
    for e in &toc {
        let line = toc_text
            .lines()
            .find(|l| squash(l).starts_with(&squash(&e.text)))
            .unwrap_or_else(|| panic!("{} in 目次:\n{toc_text}", e.text));
        let printed: usize = line.split_whitespace().last().unwrap().parse().unwrap();
        assert_eq!(printed, e.page, "{}", e.text);
        assert!(printed >= 3 && printed <= pages);
        let page = tool(
            "pdftotext",
            &[
                "-layout",
                "-f",
                &printed.to_string(),
                "-l",
                &printed.to_string(),
            ],
            &f.ja,
        );
        assert!(
            squash(&page).contains(&squash(&e.text)),
            "heading {} on page {printed}",
            e.text
        );
    }
}

fn is_japanese(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0x3040..=0x30FF | 0x4E00..=0x9FFF | 0xFF01..=0xFF0C | 0xFF0E..=0xFF60)
}

fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(squash(s)),
        serde_json::Value::Array(xs) => xs.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(m) => m.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

#[test]
fn the_english_report_has_no_japanese_fixed_strings() {
    let f = fixture();
    // -raw keeps each cell's lines together, so wrapped data can be found again.
    let mut text = squash(&tool("pdftotext", &["-raw"], &f.en));
    assert!(text.contains("InformationSecurityAuditReport"));
    let mut data = vec![];
    strings(&serde_json::to_value(&f.export).unwrap(), &mut data);
    data.sort_by_key(|s| std::cmp::Reverse(s.len()));
    for s in data.iter().filter(|s| !s.is_empty()) {
        text = text.replace(s.as_str(), " ");
    }
    let left: String = text.chars().filter(|c| is_japanese(*c)).collect();
    assert!(left.is_empty(), "Japanese outside the data: {left}");
}

#[test]
fn fingerprint_is_in_the_metadata_and_verification_says_what_changed() {
    let f = fixture();
    let bytes = std::fs::read(&f.ja).unwrap();
    assert_eq!(
        read_fingerprint(&bytes).as_deref(),
        Some(fingerprint(&f.export).as_str())
    );
    let stamp = read_stamp(&bytes).unwrap();
    assert_eq!(stamp.assessment_id, Some(f.assessment));
    assert!(diff(&stamp, &f.export).is_empty());
    assert!(read_fingerprint(b"%PDF-1.4 not really").is_none());

    // Volatile bookkeeping does not change the fingerprint; content does.
    let mut same = f.export.clone();
    same.findings[0].updated_at = "2030-01-01T00:00:00Z".into();
    assert_eq!(fingerprint(&same), fingerprint(&f.export));

    // Edit a finding in a copy of the store: verification names it.
    let copy = tempfile::tempdir().unwrap();
    let data = copy.path().join("data");
    copy_dir(&f.data, &data);
    let mut store = Store::open(&data).unwrap();
    let target = &f.export.findings[1];
    store
        .update_finding(
            target.id,
            &FindingChange {
                fact: Some("記載を修正した事実。".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let now = export(&store, f.assessment).unwrap();
    let changes = diff(&stamp, &now);
    assert!(
        changes.contains(&Change::FindingChanged(target.number)),
        "{changes:?}"
    );
    assert!(
        changes.contains(&Change::Section("findings".into())),
        "{changes:?}"
    );
    assert!(
        !changes.contains(&Change::Section("evidence".into())),
        "{changes:?}"
    );
    assert!(tenken_report::describe(&changes[0], Lang::Ja).contains("指摘事項"));
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &p);
        } else {
            std::fs::copy(e.path(), p).unwrap();
        }
    }
}

#[test]
fn export_json_round_trip_gives_the_same_fingerprint() {
    let f = fixture();
    let json = serde_json::to_string(&f.export).unwrap();
    let back: AssessmentExport = serde_json::from_str(&json).unwrap();
    assert_eq!(fingerprint(&back), fingerprint(&f.export));
}
