//! `cargo run --release -p tenken-import --example bench_import` — extracting and parsing a
//! ~300-page policy PDF made from the seed texts repeated (written here with lopdf, one
//! Identity-H font with ToUnicode, 40 lines a page, a running header and page numbers).
use lopdf::{dictionary, Document, Object, Stream};
use std::collections::BTreeMap;
use std::time::Instant;

fn main() {
    let root = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/policies/"
    );
    let mut lines: Vec<String> = Vec::new();
    while lines.len() < 300 * 40 {
        for seed in [
            "000_f30b78bf79fe382b.txt",
            "001_9ca561b41135eb25.txt",
            "003_8a6a9c064e909078.txt",
        ] {
            let t = std::fs::read_to_string(format!("{root}{seed}")).unwrap();
            for l in t.lines().filter(|l| !l.trim().is_empty()) {
                // Wrap long lines at 45 characters as a PDF does.
                let cs: Vec<char> = l.chars().collect();
                for chunk in cs.chunks(45) {
                    lines.push(chunk.iter().collect());
                }
            }
        }
    }
    let mut codes: BTreeMap<char, u16> = BTreeMap::new();
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let mut kids = Vec::new();
    let mut page_ops = Vec::new();
    for (p, chunk) in lines.chunks(40).enumerate() {
        let mut ops = String::new();
        let mut enc = |s: &str| -> String {
            s.chars()
                .map(|c| {
                    let n = codes.len() as u16 + 1;
                    format!("{:04X}", *codes.entry(c).or_insert(n))
                })
                .collect()
        };
        ops += &format!(
            "BT /F1 9 Tf 1 0 0 1 60 810 Tm <{}> Tj ET\n",
            enc("情報セキュリティポリシー（例）")
        );
        ops += &format!(
            "BT /F1 9 Tf 1 0 0 1 290 25 Tm <{}> Tj ET\n",
            enc(&format!("- {} -", p + 1))
        );
        for (i, l) in chunk.iter().enumerate() {
            ops += &format!(
                "BT /F1 10.5 Tf 1 0 0 1 60 {} Tm <{}> Tj ET\n",
                780.0 - i as f32 * 18.5,
                enc(l)
            );
        }
        page_ops.push(ops);
    }
    let mut cmap = String::from("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n");
    let all: Vec<_> = codes.iter().collect();
    for ch in all.chunks(100) {
        cmap += &format!("{} beginbfchar\n", ch.len());
        for (c, code) in ch {
            let mut u = [0u16; 2];
            let dst: String = c
                .encode_utf16(&mut u)
                .iter()
                .map(|x| format!("{x:04X}"))
                .collect();
            cmap += &format!("<{code:04X}> <{dst}>\n");
        }
        cmap += "endbfchar\n";
    }
    cmap += "endcmap CMapName currentdict /CMap defineresource pop end end\n";
    let tu = doc.add_object(Stream::new(dictionary! {}, cmap.into_bytes()));
    let cid = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "Gothic", "DW" => 1000 });
    let font = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Gothic", "Encoding" => "Identity-H",
        "DescendantFonts" => vec![Object::Reference(cid)], "ToUnicode" => tu });
    for ops in page_ops {
        let mut s = Stream::new(dictionary! {}, ops.into_bytes());
        let _ = s.compress();
        let content = doc.add_object(s);
        let page = doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages_id, "Contents" => content,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } }, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()] });
        kids.push(Object::Reference(page));
    }
    let n = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => n }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();

    let t = Instant::now();
    let x = tenken_import::extract(&bytes).expect("extracts");
    let extract = t.elapsed();
    let t2 = Instant::now();
    let p = tenken_policy::parse_text(&x.text);
    let parse = t2.elapsed();
    let count = |ns: &[tenken_policy::Node]| -> usize {
        fn c(ns: &[tenken_policy::Node]) -> usize {
            ns.iter().map(|n| 1 + c(&n.children)).sum()
        }
        c(ns)
    };
    println!(
        "bench_import: {n} pages, {:.1} MB PDF, {} chars of text → extract {:.0} ms + parse {:.0} ms = {:.0} ms ({} sections)",
        bytes.len() as f64 / 1e6,
        x.text.chars().count(),
        extract.as_secs_f64() * 1e3,
        parse.as_secs_f64() * 1e3,
        (extract + parse).as_secs_f64() * 1e3,
        count(&p.sections)
    );
}
