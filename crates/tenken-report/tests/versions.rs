//! Drafts and finals, the document digest and `verify`'s three cases, department notices —
//! checked on the small demo with poppler-utils (pdftotext).

use std::process::Command;

use chrono::NaiveDate;
use tenken_core::demo::{fill, Size};
use tenken_core::export::export;
use tenken_core::store::{FindingChange, NewReportIssue};
use tenken_core::{Lang, Store};
use tenken_report::verify::{read, verify, Altered, Status};
use tenken_report::{render_doc, Doc, Issue, Rendered};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 15).unwrap()
}

fn text(bytes: &[u8], args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("r.pdf");
    std::fs::write(&f, bytes).unwrap();
    let out = Command::new("pdftotext")
        .args(args)
        .arg(&f)
        .arg("-")
        .output()
        .expect("pdftotext (install poppler-utils)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Issues a final as `tenken report --final` does: the next version, rendered, recorded.
fn issue_final(store: &mut Store, id: i64, doc: &Doc) -> Rendered {
    let e = export(store, id).unwrap();
    let dept = match doc {
        Doc::Notice(d) => Some(d.clone()),
        _ => None,
    };
    let version = store.next_report_version(id, dept.as_deref()).unwrap();
    let r = render_doc(
        &e,
        doc,
        Lang::Ja,
        today(),
        Issue::Final { version },
        &mut |_, _| {},
    )
    .unwrap();
    store
        .record_report(&NewReportIssue {
            assessment_id: id,
            department: dept,
            version,
            format: "pdf".into(),
            language: "ja".into(),
            fingerprint: r.fingerprint.clone(),
            document_sha256: r.document_digest.clone(),
        })
        .unwrap();
    r
}

/// The PDF with one glyph of one text line on page `page` changed (what an editor does).
fn change_one_glyph(bytes: &[u8], page: u32) -> Vec<u8> {
    let mut doc = lopdf::Document::load_mem(bytes).unwrap();
    let id = doc.get_pages()[&page];
    let mut content = doc.get_page_content(id);
    // The last glyph id of the first hex string after the first "Tm": bump its last digit.
    let at = content.windows(2).position(|w| w == b"Tm").unwrap();
    let open = at + content[at..].iter().position(|b| *b == b'<').unwrap();
    let close = open + content[open..].iter().position(|b| *b == b'>').unwrap();
    let d = &mut content[close - 1];
    *d = if *d == b'1' { b'2' } else { b'1' };
    doc.change_page_content(id, content).unwrap();
    let mut out = vec![];
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn verify_tells_document_altered_different_assessment_and_records_changed_apart() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("data")).unwrap();
    let demo = fill(&mut store, Size::Small).unwrap();
    let id = demo.assessment_id;
    let r = issue_final(&mut store, id, &Doc::Committee);
    let (stamp, digest) = read(&r.bytes).unwrap();
    assert_eq!(stamp.version, Some(1));
    assert_eq!(stamp.document.as_deref(), Some(r.document_digest.as_str()));
    assert_eq!(
        digest, r.document_digest,
        "the digest read back is the one written"
    );

    let v = verify(&store, &stamp, &digest, None).unwrap();
    assert_eq!(v.status, Status::Match);
    assert!(v.matches);
    assert_eq!(v.version, Some(1));
    assert!(v.issued_by.is_some());

    // One glyph changed on page 3: the document is altered.
    let forged = change_one_glyph(&r.bytes, 3);
    assert_ne!(
        text(&forged, &["-f", "3", "-l", "3"]),
        text(&r.bytes, &["-f", "3", "-l", "3"]),
        "the visible text changed"
    );
    let (fs, fd) = read(&forged).unwrap();
    let v = verify(&store, &fs, &fd, None).unwrap();
    assert_eq!(v.status, Status::DocumentAltered);
    assert_eq!(v.altered, Some(Altered::Digest));
    assert!(!v.matches);

    // A forger who also rewrites the digest written in the PDF: not the recorded version.
    let v = verify(
        &store,
        &fs,
        fs.document.as_deref().map(|_| fd.as_str()).unwrap(),
        None,
    )
    .unwrap();
    assert_eq!(v.status, Status::DocumentAltered);
    let mut restamped = fs.clone();
    restamped.document = Some(fd.clone());
    let v = verify(&store, &restamped, &fd, None).unwrap();
    assert_eq!(v.status, Status::DocumentAltered);
    assert_eq!(v.altered, Some(Altered::NotTheRecordedDocument));
    // …or claims a version never issued.
    let mut unissued = stamp.clone();
    unissued.version = Some(7);
    assert_eq!(
        verify(&store, &unissued, &digest, None).unwrap().altered,
        Some(Altered::VersionNotRecorded)
    );

    // The wrong assessment id: a different assessment, not "records changed".
    let v = verify(&store, &stamp, &digest, Some(demo.previous_assessment_id)).unwrap();
    assert_eq!(v.status, Status::DifferentAssessment);
    assert!(!v.matches);
    let v = verify(&store, &stamp, &digest, Some(9999)).unwrap();
    assert_eq!(v.status, Status::DifferentAssessment);
    // The same id in another store (another organisation's records): different too.
    let other_dir = tempfile::tempdir().unwrap();
    let mut other = Store::open(&other_dir.path().join("data")).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    fill(&mut other, Size::Small).unwrap();
    let mut no_version = stamp.clone();
    no_version.version = None; // a draft: no store record to look up
    assert_eq!(
        verify(&other, &no_version, &digest, None).unwrap().status,
        Status::DifferentAssessment
    );

    // The records changed after the report.
    let f = export(&store, id).unwrap().findings[1].clone();
    store
        .update_finding(
            f.id,
            &FindingChange {
                fact: Some("記載を修正した事実。".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let v = verify(&store, &stamp, &digest, None).unwrap();
    assert_eq!(v.status, Status::RecordsChanged);
    assert!(
        v.described(Lang::Ja)
            .iter()
            .any(|c| c.contains(&f.number.to_string())),
        "{:?}",
        v.described(Lang::Ja)
    );
}

#[test]
fn a_draft_has_the_watermark_on_every_page_and_a_final_has_none() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("data")).unwrap();
    let demo = fill(&mut store, Size::Small).unwrap();
    let e = export(&store, demo.assessment_id).unwrap();
    for lang in [Lang::En, Lang::Ja] {
        let draft = render_doc(
            &e,
            &Doc::Committee,
            lang,
            today(),
            Issue::Draft,
            &mut |_, _| {},
        )
        .unwrap();
        let fin = render_doc(
            &e,
            &Doc::Committee,
            lang,
            today(),
            Issue::Final { version: 2 },
            &mut |_, _| {},
        )
        .unwrap();
        assert_eq!(draft.pages, fin.pages);
        let (d, f) = (text(&draft.bytes, &["-raw"]), text(&fin.bytes, &["-raw"]));
        let (dp, fp): (Vec<&str>, Vec<&str>) =
            (d.split('\u{c}').collect(), f.split('\u{c}').collect());
        let mark = if lang == Lang::En { "DRAFT" } else { "案" };
        for n in 0..draft.pages {
            // The cover also says 案/DRAFT where a final says 第2版/Version 2.
            let extra = if n == 0 { 2 } else { 1 };
            assert_eq!(
                squash(dp[n]).matches(mark).count(),
                squash(fp[n]).matches(mark).count() + extra,
                "page {}",
                n + 1
            );
        }
        if lang == Lang::En {
            assert!(!f.contains("DRAFT"));
            assert!(f.contains("Version 2"));
        } else {
            assert!(squash(fp[0]).contains("第2版"));
        }
    }
}

#[test]
fn a_notice_has_its_departments_findings_in_full_and_no_other_departments() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("data")).unwrap();
    let demo = fill(&mut store, Size::Small).unwrap();
    let e = export(&store, demo.assessment_id).unwrap();
    let mut seen = 0;
    for d in &e.departments {
        let r = render_doc(
            &e,
            &Doc::Notice(d.name.clone()),
            Lang::Ja,
            today(),
            Issue::Draft,
            &mut |_, _| {},
        )
        .unwrap();
        let raw = squash(&text(&r.bytes, &["-raw"]));
        assert!(
            raw.contains(&format!("{}長様", d.name)),
            "addressed to the department head"
        );
        assert!(raw.contains("改善計画"), "asks for an improvement plan");
        assert!(
            raw.contains(&squash(&tenken_core::calendar::wareki_date(
                tenken_report::sections::notice::plan_due(today())
            ))),
            "by a date"
        );
        assert!(raw.contains(&r.fingerprint), "its own fingerprint");
        for f in &e.findings {
            let heading = format!("指摘事項{}{}", f.number, f.department);
            if f.department == d.name {
                seen += 1;
                assert!(raw.contains(&heading), "{heading}");
                assert!(
                    raw.contains(&squash(&f.recommendation)),
                    "recommendation of finding {}",
                    f.number
                );
                assert!(raw.contains(&squash(&f.risk)));
            } else {
                // Another department's finding would come with its heading (指摘事項 N　部署).
                assert!(
                    !raw.contains(&heading),
                    "{}: finding {} of {} must not appear",
                    d.name,
                    f.number,
                    f.department
                );
            }
        }
        // Its results for every item.
        for item in &e.assessment.checklist.items {
            assert!(raw.contains(&squash(&item.id)), "{} {}", d.name, item.id);
        }
        // Last year's findings of this department only.
        if let Some(p) = &e.previous {
            for pf in &p.findings {
                let fact = squash(&pf.fact);
                if pf.department == d.name {
                    assert!(
                        raw.contains(&fact),
                        "{}: previous finding {}",
                        d.name,
                        pf.number
                    );
                }
            }
        }
    }
    assert_eq!(seen, e.findings.len());
    assert!(render_doc(
        &e,
        &Doc::Notice("存在しない課".into()),
        Lang::Ja,
        today(),
        Issue::Draft,
        &mut |_, _| {}
    )
    .is_err());
}
