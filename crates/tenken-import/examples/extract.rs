//! `cargo run -p tenken-import --example extract FILE` — prints the extracted text, then the
//! parsed sections' citations (for looking at a real file).
fn main() {
    let path = std::env::args().nth(1).expect("usage: extract FILE");
    let bytes = std::fs::read(&path).expect("read");
    match tenken_import::extract(&bytes) {
        Ok(x) => {
            println!("{}", x.text);
            let p = tenken_policy::parse_text(&x.text);
            fn walk(n: &[tenken_policy::Node], d: usize) {
                for n in n {
                    println!(
                        "{}{} {:?} {}",
                        "  ".repeat(d),
                        n.citation,
                        n.number_path,
                        n.title.as_deref().unwrap_or("")
                    );
                    walk(&n.children, d + 1);
                }
            }
            eprintln!(
                "format {:?} kind {} segments {:?}",
                x.format, p.kind, p.segments
            );
            walk(&p.sections, 0);
            eprintln!(
                "topics {:?}",
                p.topics
                    .iter()
                    .map(|(k, v)| format!("{k}={}", v.citation))
                    .collect::<Vec<_>>()
            );
        }
        Err(e) => eprintln!("{}: {e}", e.code()),
    }
}
