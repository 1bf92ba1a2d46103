//! The DOCX working copy: opened as a ZIP/WordprocessingML package (styles, headings, A4,
//! page numbers, East Asian fonts, the chart image), and converted by LibreOffice headless to
//! text and PDF, which must contain every finding and the whole matrix.

use std::io::Read;
use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use tenken_core::demo::{fill, Size};
use tenken_core::export::export;
use tenken_core::{Lang, Store};
use tenken_report::{render_docx, Doc, Issue};

fn part(docx: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a ZIP package");
    let mut s = String::new();
    z.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the package"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

fn soffice(file: &Path, to: &str, outdir: &Path) {
    let profile = outdir.join("profile");
    let out = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(outdir)
        .arg(file)
        .output()
        .expect("soffice (install libreoffice-writer-nogui)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_docx_has_real_styles_and_libreoffice_reads_every_finding_and_the_matrix() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("data")).unwrap();
    let demo = fill(&mut store, Size::Small).unwrap();
    let e = export(&store, demo.assessment_id).unwrap();
    let r = render_docx(
        &e,
        &Doc::Committee,
        Lang::Ja,
        NaiveDate::from_ymd_opt(2027, 1, 15).unwrap(),
        Issue::Draft,
    )
    .unwrap();

    // The package: real heading styles used and defined (with outline levels for navigation).
    let doc = part(&r.bytes, "word/document.xml");
    let styles = part(&r.bytes, "word/styles.xml");
    for (id, lvl) in [("Heading1", 0), ("Heading2", 1)] {
        assert!(
            doc.contains(&format!("<w:pStyle w:val=\"{id}\"/>")),
            "{id} used"
        );
        let def = styles
            .split("<w:style ")
            .find(|s| s.contains(&format!("w:styleId=\"{id}\"")))
            .unwrap_or_else(|| panic!("{id} defined"));
        assert!(
            def.contains(&format!("<w:outlineLvl w:val=\"{lvl}\"/>")),
            "{id} outline level"
        );
        assert!(
            def.contains("w:eastAsia=\"游ゴシック\""),
            "{id} East Asian font"
        );
    }
    assert!(
        styles.contains("w:eastAsia=\"MS 明朝\""),
        "the document font"
    );
    assert!(doc.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), "A4");
    assert!(doc.contains("<w:tblHeader/>"), "table header rows repeat");
    assert!(doc.contains("r:embed=\"rIdImg1\""), "a chart image");
    assert!(
        part(&r.bytes, "word/footer1.xml").contains(" PAGE "),
        "page numbers"
    );
    assert!(
        doc.contains("作業コピー") && doc.contains(&r.fingerprint),
        "says it is a working copy of the PDF"
    );
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(&r.bytes)).unwrap();
    let mut png = [0u8; 8];
    z.by_name("word/media/chart1.png")
        .unwrap()
        .read_exact(&mut png)
        .unwrap();
    assert_eq!(&png, b"\x89PNG\r\n\x1a\n");

    // LibreOffice: text and PDF.
    let f = dir.path().join("report.docx");
    std::fs::write(&f, &r.bytes).unwrap();
    soffice(&f, "txt:Text (encoded):UTF8", dir.path());
    soffice(&f, "pdf", dir.path());
    let txt = std::fs::read_to_string(dir.path().join("report.txt")).unwrap();
    let pdf = Command::new("pdftotext")
        .arg(dir.path().join("report.pdf"))
        .arg("-")
        .output()
        .unwrap();
    let pdf_text = squash(&String::from_utf8(pdf.stdout).unwrap());
    let flat = squash(&txt);
    for fd in &e.findings {
        assert!(
            flat.contains(&squash(&fd.fact)),
            "finding {} in the text",
            fd.number
        );
        assert!(
            pdf_text.contains(&squash(&fd.fact)),
            "finding {} in the PDF",
            fd.number
        );
    }
    // The matrix: every item, and one symbol per item × department.
    let start = txt
        .lines()
        .position(|l| l.starts_with("別紙1"))
        .expect("the matrix heading");
    let end = txt
        .lines()
        .position(|l| l.starts_with("別紙2"))
        .expect("the evidence heading");
    let body: Vec<&str> = txt.lines().skip(start + 2).take(end - start - 2).collect();
    let symbols = body
        .iter()
        .flat_map(|l| l.chars())
        .filter(|c| ['○', '△', '×', '－', '未'].contains(c))
        .count();
    assert_eq!(
        symbols,
        e.assessment.checklist.items.len() * e.departments.len()
    );
    for item in &e.assessment.checklist.items {
        assert!(body.iter().any(|l| l.trim() == item.id), "item {}", item.id);
    }
}
