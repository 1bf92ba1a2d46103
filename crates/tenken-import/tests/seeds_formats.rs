//! The three seed policies converted by LibreOffice Writer to PDF, DOCX and HTML
//! (tests/fixtures/policies/converted, made with `soffice --headless --convert-to pdf|docx|html`
//! from the .txt seeds) parse to the same number paths, topics and segments as the text.

mod common;
use common::*;

const SEEDS: [&str; 3] = [
    "000_f30b78bf79fe382b",
    "001_9ca561b41135eb25",
    "003_8a6a9c064e909078",
];

fn same_as_text(seed: &str, ext: &str) {
    let text = parse(&fixture(&format!("{seed}.txt")));
    let bytes = fixture(&format!("converted/{seed}.{ext}"));
    let other = parse(&bytes);
    assert_eq!(
        other.source_format,
        if ext == "html" { "html" } else { ext }
    );
    let (a, b) = (shape(&text), shape(&other));
    assert_eq!(b.0, a.0, "{seed}.{ext}: number paths");
    assert_eq!(b.1, a.1, "{seed}.{ext}: topics");
    assert_eq!(b.2, a.2, "{seed}.{ext}: segments");
    assert!(!a.0.is_empty() && !a.1.is_empty());
}

macro_rules! seed_tests {
    ($($name:ident: $seed:expr, $ext:expr;)*) => {$(
        #[test]
        fn $name() {
            same_as_text($seed, $ext);
        }
    )*};
}

seed_tests! {
    seed000_pdf: SEEDS[0], "pdf";
    seed001_pdf: SEEDS[1], "pdf";
    seed003_pdf: SEEDS[2], "pdf";
    seed000_docx: SEEDS[0], "docx";
    seed001_docx: SEEDS[1], "docx";
    seed003_docx: SEEDS[2], "docx";
    seed000_html: SEEDS[0], "html";
    seed001_html: SEEDS[1], "html";
    seed003_html: SEEDS[2], "html";
}
