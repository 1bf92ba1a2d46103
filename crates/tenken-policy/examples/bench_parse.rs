//! Parse-time benchmark on a ≈1 MB synthetic 対策基準-like text.
//! Run: `cargo run --release -p tenken-policy --example bench_parse`
use std::time::Instant;

const CHAPTERS: [&str; 9] = [
    "組織体制",
    "情報資産の分類と管理",
    "情報システム全体の強靱性の向上",
    "物理的セキュリティ",
    "人的セキュリティ",
    "技術的セキュリティ",
    "運用",
    "業務委託と外部サービスの利用",
    "評価・見直し",
];

fn build(target: usize) -> String {
    let mut s = String::from("架空市情報セキュリティ対策基準\n\n目次\n");
    for (c, t) in CHAPTERS.iter().enumerate() {
        s.push_str(&format!("{}. {}・・・・{}\n", c + 1, t, c + 2));
    }
    s.push('\n');
    let per_chapter = target / CHAPTERS.len();
    for (c, t) in CHAPTERS.iter().enumerate() {
        let c = c + 1;
        let start = s.len();
        s.push_str(&format!("### {c}. {t}\n\n"));
        let mut sec = 0;
        while s.len() - start < per_chapter {
            sec += 1;
            s.push_str(&format!("{c}.{sec} 第{sec}の管理事項\n"));
            for sub in 1..=4 {
                s.push_str(&format!("{c}.{sec}.{sub} 細目{sub}\n"));
                for item in 1..=3 {
                    s.push_str(&format!(
                        "（{item}） 情報セキュリティ管理者は、所管する情報システムについて、次の事項を\n\
                         確認し、その結果を記録しなければならない。\n"
                    ));
                    for (k, kata) in ["ア", "イ"].iter().enumerate() {
                        s.push_str(&format!(
                            "- {} 点検項目{}に係るLGWAN接続系の設定を確認する。\n",
                            ['①', '②'][k],
                            k + 1
                        ));
                        s.push_str(&format!(
                            "{kata} 結果は所定の様式に記録し、5年間保存する。\n"
                        ));
                    }
                }
            }
        }
    }
    s.push_str("\n附 則\nこの基準は、令和8年4月1日から施行する。\n");
    s
}

fn main() {
    let text = build(1_000_000);
    let mut times = Vec::new();
    let mut nodes = 0usize;
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(9);
    for _ in 0..runs {
        let t = Instant::now();
        let p = tenken_policy::parse_text(&text);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        fn count(ns: &[tenken_policy::Node]) -> usize {
            ns.iter().map(|n| 1 + count(&n.children)).sum()
        }
        nodes = count(&p.sections);
        assert_eq!(p.kind, "standards");
    }
    if times.is_empty() {
        println!("bench_parse: {} bytes (no runs)", text.len());
        return;
    }
    times.sort_by(|a, b| a.total_cmp(b));
    println!(
        "bench_parse: {} bytes, {} lines, {} nodes; median {:.1} ms (min {:.1}, max {:.1}) over {} runs",
        text.len(),
        text.lines().count(),
        nodes,
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        times.len()
    );
}
