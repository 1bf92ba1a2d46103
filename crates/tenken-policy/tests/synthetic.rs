//! Table-driven snippets (written for these tests, not taken from any real policy) covering
//! every numbering style, encoding and artefact the parser must handle.

use tenken_policy::{parse_bytes, parse_text, Node, ParsedPolicy};

enum C<'a> {
    /// citation → (label, number_path, title)
    N(&'a str, &'a str, &'a [u32], Option<&'a str>),
    /// citation → text contains
    Text(&'a str, &'a str),
    Topic(&'a str, &'a [u32], &'a str),
    NoTopic(&'a str),
    Seg(&'a [&'a str]),
    Top(usize),
    Total(usize),
    Warn(&'a str),
    NoWarn,
    Title(Option<&'a str>),
    Kind(&'a str),
    Model(&'a str, &'a str),
    Enc(&'a str),
}

fn flat<'a>(ns: &'a [Node], out: &mut Vec<&'a Node>) {
    for n in ns {
        out.push(n);
        flat(&n.children, out);
    }
}

fn check(name: &str, p: &ParsedPolicy, cs: &[C]) {
    let mut all = Vec::new();
    flat(&p.sections, &mut all);
    let dump = || {
        all.iter()
            .map(|n| {
                format!(
                    "{} {:?} {} {:?}",
                    n.label, n.number_path, n.citation, n.title
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let find = |cit: &str| {
        all.iter()
            .find(|n| n.citation == cit)
            .unwrap_or_else(|| panic!("[{name}] no node cited {cit}; nodes:\n{}", dump()))
    };
    for c in cs {
        match c {
            C::N(cit, label, path, title) => {
                let n = find(cit);
                assert_eq!(n.label, *label, "[{name}] label of {cit}");
                assert_eq!(n.number_path, *path, "[{name}] path of {cit}");
                assert_eq!(n.title.as_deref(), *title, "[{name}] title of {cit}");
            }
            C::Text(cit, s) => {
                let n = find(cit);
                assert!(
                    n.text.contains(s),
                    "[{name}] text of {cit}: {:?} lacks {s:?}",
                    n.text
                );
            }
            C::Topic(k, path, cit) => {
                let t = p.topics.get(*k).unwrap_or_else(|| {
                    panic!("[{name}] topic {k} missing: {:?}\n{}", p.topics, dump())
                });
                assert_eq!(t.number_path, *path, "[{name}] topic {k}");
                assert_eq!(t.citation, *cit, "[{name}] topic {k} citation");
            }
            C::NoTopic(k) => assert!(!p.topics.contains_key(*k), "[{name}] unexpected topic {k}"),
            C::Seg(s) => assert_eq!(p.segments, *s, "[{name}] segments"),
            C::Top(n) => assert_eq!(p.sections.len(), *n, "[{name}] top-level count\n{}", dump()),
            C::Total(n) => assert_eq!(all.len(), *n, "[{name}] node count\n{}", dump()),
            C::Warn(s) => assert!(
                p.warnings
                    .iter()
                    .any(|w| w.contains(s) && w.contains("行目: ")),
                "[{name}] no warning with {s:?}: {:?}",
                p.warnings
            ),
            C::NoWarn => assert!(p.warnings.is_empty(), "[{name}] warnings: {:?}", p.warnings),
            C::Title(t) => assert_eq!(p.title.as_deref(), *t, "[{name}] title"),
            C::Kind(k) => assert_eq!(p.kind, *k, "[{name}] kind"),
            C::Model(k, cit) => assert_eq!(
                p.model_sections.get(*k).map(|t| t.citation.as_str()),
                Some(*cit),
                "[{name}] model section {k}: {:?}",
                p.model_sections
            ),
            C::Enc(e) => assert_eq!(p.encoding, *e, "[{name}] encoding"),
        }
    }
}

macro_rules! case {
    ($name:ident, $input:expr, [$($c:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            let p = parse_text($input);
            check(stringify!($name), &p, &[$($c),*]);
        }
    };
}

macro_rules! bytes_case {
    ($name:ident, $bytes:expr, [$($c:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            let b: Vec<u8> = $bytes;
            let p = parse_bytes(&b).expect("decodes");
            check(stringify!($name), &p, &[$($c),*]);
        }
    };
}

/// A small basic policy in "1." style with all model topics, used by several cases.
const DOT_POLICY: &str = "架空市情報セキュリティ基本方針

1. 目的
この方針は、市の情報資産を守るために必要な事項を定める。
2. 定義
(1) マイナンバー利用事務系
個人番号を扱う事務の仕組みをいう。
(2) LGWAN接続系
行政専用網につながる仕組みをいう。
(3) インターネット接続系
外部の網につながる仕組みをいう。
3. 対象とする脅威
(1) 不正な侵入
(2) 災害
4. 適用範囲
市長部局及び行政委員会とする。
5. 職員等の遵守義務
職員は方針を守る。
6. 情報セキュリティ対策
(1) 組織体制
体制を整える。
(2) 情報資産の分類と管理
分類して扱う。
(3) 情報システム全体の強靱性の向上
三つの系に分けて守る。
(4) 物理的セキュリティ
機器を守る。
(5) 人的セキュリティ
教育を行う。
(6) 技術的セキュリティ
技術で守る。
(7) 運用
日々確かめる。
(8) 業務委託と外部サービスの利用
委託先を管理する。
(9) 評価・見直し
定期的に見直す。
7. 情報セキュリティ監査及び自己点検の実施
監査を行う。
8. 情報セキュリティポリシーの見直し
必要に応じて改める。
9. 情報セキュリティ対策基準の策定
基準を定める。
10. 情報セキュリティ実施手順の策定
手順を定める。
";

fn dot_policy_checks() -> Vec<C<'static>> {
    vec![
        C::Top(10),
        C::Topic("purpose", &[1], "1"),
        C::Topic("definitions", &[2], "2"),
        C::Topic("threats", &[3], "3"),
        C::Topic("scope", &[4], "4"),
        C::Topic("obligations", &[5], "5"),
        C::Topic("measures", &[6], "6"),
        C::Topic("organization", &[6, 1], "6(1)"),
        C::Topic("asset_classification", &[6, 2], "6(2)"),
        C::Topic("resilience", &[6, 3], "6(3)"),
        C::Topic("physical", &[6, 4], "6(4)"),
        C::Topic("human", &[6, 5], "6(5)"),
        C::Topic("technical", &[6, 6], "6(6)"),
        C::Topic("operations", &[6, 7], "6(7)"),
        C::Topic("outsourcing", &[6, 8], "6(8)"),
        C::Topic("evaluation", &[6, 9], "6(9)"),
        C::Topic("audit", &[7], "7"),
        C::Topic("review", &[8], "8"),
        C::Topic("standards", &[9], "9"),
        C::Topic("procedures", &[10], "10"),
        C::Seg(&["mynumber", "lgwan", "internet"]),
        C::Title(Some("架空市情報セキュリティ基本方針")),
        C::Kind("basic_policy"),
        C::Model("4", "6(4)"),
        C::Model("9", "6(9)"),
        C::NoWarn,
    ]
}

#[test]
fn dot_style_halfwidth() {
    let p = parse_text(DOT_POLICY);
    check("dot_style_halfwidth", &p, &dot_policy_checks());
    check(
        "dot_style_halfwidth",
        &p,
        &[
            C::N("6(4)", "(4)", &[6, 4], Some("物理的セキュリティ")),
            C::N("6", "6.", &[6], Some("情報セキュリティ対策")),
        ],
    );
}

fn to_fullwidth(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' | '(' | ')' | '.' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[test]
fn dot_style_fullwidth_digits_and_brackets() {
    let full = to_fullwidth(DOT_POLICY);
    assert!(full.contains("（４）") && full.contains("６．"));
    let p = parse_text(&full);
    check("dot_style_fullwidth", &p, &dot_policy_checks());
    check(
        "dot_style_fullwidth",
        &p,
        &[
            C::N("6(4)", "（４）", &[6, 4], Some("物理的セキュリティ")),
            C::N("6", "６．", &[6], Some("情報セキュリティ対策")),
        ],
    );
}

#[test]
fn crlf_line_endings() {
    let p = parse_text(&DOT_POLICY.replace('\n', "\r\n"));
    check("crlf", &p, &dot_policy_checks());
    assert!(p.sections.iter().all(|n| !n.text.contains('\r')));
}

#[test]
fn lone_cr_line_endings() {
    let p = parse_text(&DOT_POLICY.replace('\n', "\r"));
    check("lone_cr", &p, &dot_policy_checks());
}

bytes_case!(
    utf8_with_bom,
    {
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(DOT_POLICY.as_bytes());
        b
    },
    [
        C::Enc("UTF-8"),
        C::Title(Some("架空市情報セキュリティ基本方針")),
        C::Top(10),
        C::Topic("physical", &[6, 4], "6(4)")
    ]
);

bytes_case!(
    cp932_bytes,
    {
        let s = to_fullwidth(DOT_POLICY);
        let (b, _, bad) = encoding_rs::SHIFT_JIS.encode(&s);
        assert!(!bad);
        b.into_owned()
    },
    [
        C::Enc("Shift_JIS"),
        C::Top(10),
        C::Topic("physical", &[6, 4], "6(4)"),
        C::Topic("procedures", &[10], "10"),
        C::Seg(&["mynumber", "lgwan", "internet"])
    ]
);

bytes_case!(
    utf16le_with_bom,
    {
        let mut b = vec![0xFF, 0xFE];
        for u in DOT_POLICY.replace('\n', "\r\n").encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        b
    },
    [
        C::Enc("UTF-16LE"),
        C::Top(10),
        C::Topic("outsourcing", &[6, 8], "6(8)")
    ]
);

bytes_case!(
    utf16be_with_bom,
    {
        let mut b = vec![0xFE, 0xFF];
        for u in DOT_POLICY.encode_utf16() {
            b.extend_from_slice(&u.to_be_bytes());
        }
        b
    },
    [
        C::Enc("UTF-16BE"),
        C::Top(10),
        C::Topic("evaluation", &[6, 9], "6(9)")
    ]
);

#[test]
fn undecodable_bytes_give_japanese_error() {
    let b = [0x31u8, 0x2E, 0x20, 0xFF, 0xFF, 0xFE, 0x80, 0x81];
    let e = parse_bytes(&b).expect_err("not decodable");
    let msg = e.to_string();
    assert!(
        msg.contains(
            "文字コードを判定できません（UTF-8, Shift_JIS, UTF-16 のいずれでもありません）"
        ),
        "{msg}"
    );
    let bad_bom = [0xEF, 0xBB, 0xBF, 0xC3, 0x28];
    assert!(parse_bytes(&bad_bom)
        .unwrap_err()
        .to_string()
        .contains("UTF-8"));
    let odd16 = [0xFF, 0xFE, 0x41];
    assert!(parse_bytes(&odd16).is_err());
}

case!(
    legal_fullwidth_caption_items_paragraphs,
    "（目的）
第１条　この方針は、情報資産を守るための基本的な事項を定める。
（定義）
第２条　この方針において、次の各号に掲げる用語の意義は、当該各号に定めるところによる。
（１）　情報資産　情報及び情報を扱う仕組みをいう。
（２）　職員等　職員及び会計年度任用職員をいう。
２　前項に定めるもののほか、必要な用語は別に定める。
（職員等の遵守義務）
第３条　職員等は、この方針を守らなければならない。
",
    [
        C::N("第1条", "第１条", &[1], Some("目的")),
        C::N("第2条第1項第1号", "（１）", &[2, 1, 1], Some("情報資産")),
        C::N("第2条第1項第2号", "（２）", &[2, 1, 2], Some("職員等")),
        C::N("第2条第2項", "２", &[2, 2], None),
        C::Text("第2条第2項", "前項に定めるもののほか"),
        C::Topic("purpose", &[1], "第1条"),
        C::Topic("definitions", &[2], "第2条"),
        C::Topic("obligations", &[3], "第3条"),
        C::Top(3),
        C::NoWarn,
    ]
);

case!(
    legal_kanji_numerals_and_iroha,
    "第一章　総則
第一条　この規程は、情報の安全について定める。
第二条　用語の意義は次のとおりとする。
一　端末　職員が使う機器をいう。
二　記録媒体　情報を記録する物をいう。
三　管理区域　次に掲げる場所をいう。
イ　サーバ室
ロ　通信機器室
ハ　書庫
",
    [
        C::N("第一条", "第一条", &[1], None),
        C::N("第二条第一号", "一", &[2, 1], Some("端末")),
        C::N("第二条第三号", "三", &[2, 3], Some("管理区域")),
        C::N("第二条第三号イ", "イ", &[2, 3, 1], Some("サーバ室")),
        C::N("第二条第三号ハ", "ハ", &[2, 3, 3], Some("書庫")),
        C::N("第一章", "第一章", &[], Some("総則")),
        C::Top(1),
        C::Total(9),
        C::NoWarn,
    ]
);

case!(
    legal_chapters_sections_not_cited,
    "第1章 総則
第1節 通則
（目的）
第1条 この方針は基本的な事項を定める。
第2節 対策
（情報セキュリティ対策）
第2条 次の対策を講じる。
（1） 組織体制 体制を定める。
（2） 物理的セキュリティ 機器を守る。
（3） 人的セキュリティ 教育を行う。
第2章 雑則
（情報セキュリティポリシーの見直し）
第3条 必要に応じて見直す。
",
    [
        C::N("第1条", "第1条", &[1], Some("目的")),
        C::N("第2条第2号", "（2）", &[2, 2], Some("物理的セキュリティ")),
        C::N("第1節", "第1節", &[], Some("通則")),
        C::Topic("physical", &[2, 2], "第2条第2号"),
        C::Topic("measures", &[2], "第2条"),
        C::Topic("review", &[3], "第3条"),
        C::Top(2),
        C::NoWarn,
    ]
);

case!(
    dai_without_jou,
    "第1 目的
本方針は、町の情報資産を守ることを目的とする。
第2 定義
（1） インターネット接続系 外部網に接続された系をいう。
第6 情報セキュリティ対策
（1） 組織体制
体制を整える。
（2） 物理的セキュリティ
機器を守る。
① サーバの管理
② 端末の管理
",
    [
        C::N("第1", "第1", &[1], Some("目的")),
        C::N("第6(2)", "（2）", &[6, 2], Some("物理的セキュリティ")),
        C::N("第6(2)②", "②", &[6, 2, 2], Some("端末の管理")),
        C::Topic("physical", &[6, 2], "第6(2)"),
        C::Topic("purpose", &[1], "第1"),
        C::Seg(&["internet"]),
        C::Warn("番号が連続していません"),
    ]
);

case!(
    dai_glued_heading,
    "第1 目的この方針は、情報資産を守るための事項を定める。
第2 適用範囲この方針は、全ての機関に適用する。
第3 情報セキュリティ対策基準の策定具体的な基準を別に定める。
",
    [
        C::N("第1", "第1", &[1], Some("目的")),
        C::Text("第1", "この方針は"),
        C::N("第2", "第2", &[2], Some("適用範囲")),
        C::Topic("scope", &[2], "第2"),
        C::Topic("standards", &[3], "第3"),
        C::Top(3),
    ]
);

case!(
    glued_dot_heading_and_unknown_title,
    "1.目的この方針は、情報資産を守る。
2.この方針は全ての職員に適用する。
",
    [
        C::N("1", "1.", &[1], Some("目的")),
        C::N("2", "2.", &[2], None),
        C::Text("2", "この方針は全ての職員に適用する。"),
    ]
);

case!(
    bare_number_style_with_paren_children,
    "1 目的
情報資産を守る。
2 定義
(1) 機密性 許された者だけが使えること。
(2) 完全性 壊されていないこと。
3 対象とする脅威
火災や不正な侵入を想定する。
",
    [
        C::N("1", "1", &[1], Some("目的")),
        C::N("2(2)", "(2)", &[2, 2], Some("完全性")),
        C::Topic("threats", &[3], "3"),
        C::Top(3),
        C::NoWarn,
    ]
);

case!(
    standards_dotted_deep,
    "架空町情報セキュリティ対策基準

1. 組織体制
1.1 最高情報セキュリティ責任者
副町長をもって充てる。
2. 情報資産の分類と管理
2.1 情報資産の分類
機密性により分類する。
4. 物理的セキュリティ
4.1 サーバ等の管理
4.1.1 機器の取付け
(1) 取付け
① 固定
ア 転倒防止
(ア) 耐震器具を使う。
4.2 管理区域（情報システム室等）の管理
入退室を記録する。
5. 人的セキュリティ
5.3 情報セキュリティインシデントの報告
速やかに報告する。
6. 技術的セキュリティ
6.2 アクセス制御
権限を限る。
",
    [
        C::Kind("standards"),
        C::N("4.1", "4.1", &[4, 1], Some("サーバ等の管理")),
        C::N("4.1.1", "4.1.1", &[4, 1, 1], Some("機器の取付け")),
        C::N("4.1.1(1)①ア(ア)", "(ア)", &[4, 1, 1, 1, 1, 1, 1], None),
        C::Text("4.1.1(1)①ア(ア)", "耐震器具"),
        C::Topic("physical", &[4], "4"),
        C::Topic("organization", &[1], "1"),
        C::Model("4", "4"),
        C::Model("4.1", "4.1"),
        C::Model("4.2", "4.2"),
        C::Model("5.3", "5.3"),
        C::Model("6.2", "6.2"),
        C::Model("2.1", "2.1"),
        C::Top(5),
        C::Warn("番号が連続していません"),
    ]
);

case!(
    dash_numbering_u2015,
    "第4 物理的セキュリティ
4―1 サーバ等の管理
4―1―1 機器の設置
(1) 設置場所
落下のおそれがない場所に置く。
4―1―2 機器の電源
予備電源を備える。
4―2 管理区域の管理
入退室を記録する。
",
    [
        C::N("第4", "第4", &[4], Some("物理的セキュリティ")),
        C::N("4―1", "4―1", &[4, 1], Some("サーバ等の管理")),
        C::N("4―1―2", "4―1―2", &[4, 1, 2], Some("機器の電源")),
        C::N("4―1―1(1)", "(1)", &[4, 1, 1, 1], Some("設置場所")),
        C::N("4―2", "4―2", &[4, 2], Some("管理区域の管理")),
        C::Top(1),
        C::NoWarn,
    ]
);

case!(
    dash_numbering_other_dashes,
    "2ー4ー1 パスワードの管理
長く複雑なものにする。
2ー4ー2 パスワードの変更
定期的に変える。
3－1 研修
毎年行う。
",
    [
        C::N("2ー4ー1", "2ー4ー1", &[2, 4, 1], Some("パスワードの管理")),
        C::N("2ー4ー2", "2ー4ー2", &[2, 4, 2], Some("パスワードの変更")),
        C::N("3－1", "3－1", &[3, 1], Some("研修")),
    ]
);

case!(
    roman_numerals,
    "I 総則
この方針の目的を定める。
II 情報セキュリティ対策
1. 組織体制
体制を整える。
Ⅲ．評価
Ⅳ 雑則
",
    [
        C::N("I", "I", &[1], Some("総則")),
        C::N("II", "II", &[2], Some("情報セキュリティ対策")),
        C::N("II-1", "1.", &[2, 1], Some("組織体制")),
        C::N("Ⅲ", "Ⅲ．", &[3], Some("評価")),
        C::N("Ⅳ", "Ⅳ", &[4], Some("雑則")),
        C::Top(4),
    ]
);

case!(
    parenthesized_digit_chars_and_circled,
    "6 情報セキュリティ対策
⑴ 組織体制
①責任者を置く。
②委員会を置く。
⑵ 物理的セキュリティ
①サーバを守る。
",
    [
        C::N("6(1)", "⑴", &[6, 1], Some("組織体制")),
        C::N("6(1)②", "②", &[6, 1, 2], None),
        C::N("6(2)①", "①", &[6, 2, 1], None),
        C::Topic("physical", &[6, 2], "6(2)"),
        C::Topic("measures", &[6], "6"),
        C::NoWarn,
    ]
);

case!(
    half_paren_and_paren_kata,
    "3. 対象とする脅威
(1) 意図的な脅威
1) 不正アクセス
2) 内部不正
ア 持ち出し
(ア) 媒体による持ち出し
(イ) 送信による持ち出し
イ 改ざん
(2) 災害
",
    [
        C::N("3(1)(2)", "2)", &[3, 1, 2], Some("内部不正")),
        C::N(
            "3(1)(2)ア(イ)",
            "(イ)",
            &[3, 1, 2, 1, 2],
            Some("送信による持ち出し")
        ),
        C::N("3(1)(2)イ", "イ", &[3, 1, 2, 2], Some("改ざん")),
        C::N("3(2)", "(2)", &[3, 2], Some("災害")),
        C::Topic("threats", &[3], "3"),
        C::NoWarn,
    ]
);

case!(
    markdown_heading_levels_not_trusted,
    "# 架空村情報セキュリティ基本方針
#### 1. 目的
**この方針**は、村の情報資産を守る。
# 2. 定義
## (1) 独自系ネットワーク
村独自の網をいう。
- (2) 情報システム
  処理を行う仕組みをいう。
### 3. 対象とする脅威
- (1) 侵入
- (2) 災害
",
    [
        C::Title(Some("架空村情報セキュリティ基本方針")),
        C::Top(3),
        C::N("2(1)", "(1)", &[2, 1], Some("独自系ネットワーク")),
        C::Text("1", "この方針は、村の情報資産を守る。"),
        C::N("3(2)", "(2)", &[3, 2], Some("災害")),
        C::Seg(&["independent"]),
        C::NoWarn,
    ]
);

case!(
    revision_table_and_dates,
    "| 改定日 | 内容 |
|---|---|
| 平成28年4月1日 | 施行 |
| 令和5年10月1日 | 一部改正 |

架空市情報セキュリティ基本方針
令和5年10月1日 改正

1. 目的
情報資産を守る。
2. 適用範囲
全ての機関とする。
平成28年4月1日 施行
",
    [
        C::Title(Some("架空市情報セキュリティ基本方針")),
        C::Top(2),
        C::N("1", "1.", &[1], Some("目的")),
        C::Text("2", "全ての機関とする。"),
        C::Topic("scope", &[2], "2"),
        C::NoWarn,
    ]
);

#[test]
fn revision_dates_not_in_text() {
    let p = parse_text("1. 目的\n情報資産を守る。\n平成28年4月1日 施行\n");
    assert_eq!(p.sections[0].text, "情報資産を守る。");
}

case!(
    toc_block_with_leaders,
    "目次
1 目的・・・・・・1
2 定義・・・・・・1
3 対象とする脅威……2

1 目的
情報資産を守る。
2 定義
用語を定める。
3 対象とする脅威
災害等とする。
",
    [
        C::Top(3),
        C::Total(3),
        C::N("1", "1", &[1], Some("目的")),
        C::Text("3", "災害等とする。"),
        C::NoWarn,
    ]
);

case!(
    toc_legal_articles_with_page_numbers,
    "第1条 目的・・・・1
第2条 定義・・・・1
（目的）
第1条 この方針は事項を定める。
（定義）
第2条 用語は次のとおり。
",
    [
        C::Top(2),
        C::N("第2条", "第2条", &[2], Some("定義")),
        C::NoWarn,
    ]
);

case!(
    toc_without_header_or_pages,
    "第1 目的
第2 定義
第3 対象とする脅威

第1 目的
本方針は情報資産を守る。
第2 定義
用語を定める。
第3 対象とする脅威
災害とする。
",
    [
        C::Top(3),
        C::Total(3),
        C::Text("第1", "本方針は情報資産を守る。"),
        C::Topic("threats", &[3], "第3"),
    ]
);

case!(
    toc_weak_page_numbers,
    "1 目的 1
2 定義 1
3 対象とする脅威 2

1 目的
守る。
2 定義
定める。
3 対象とする脅威
想定する。
",
    [C::Top(3), C::Total(3), C::N("2", "2", &[2], Some("定義"))]
);

case!(
    hard_line_breaks_joined,
    "1. 目的
この方針は、情報資産の機密
性、完全性及び可用性を維持する

ことを目的とする。
2. 定義
(1) LGWAN接続系
LGWAN に接続された情報シス
テムをいう。
",
    [
        C::Text(
            "1",
            "この方針は、情報資産の機密性、完全性及び可用性を維持することを目的とする。"
        ),
        C::Text("2(1)", "情報システムをいう。"),
        C::Seg(&["lgwan"]),
        C::NoWarn,
    ]
);

case!(
    truncated_last_line,
    "1. 目的
情報資産を守る。
2. 情報セキュリティ対策
(1) 物理的セキュリティ
サーバ室への入室を記録し、定期的に点検を実施す",
    [
        C::Warn("末尾が切れている"),
        C::Topic("physical", &[2, 1], "2(1)"),
        C::Text("2(1)", "点検を実施す"),
    ]
);

#[test]
fn truncated_warning_names_line() {
    let p =
        parse_text("1. 目的\n情報資産を守る。\n\nサーバ室への入室を記録し、定期的に点検を実施す");
    assert_eq!(
        p.warnings,
        vec!["4行目: 文書の最後の文が途中で終わっています（末尾が切れている可能性があります）"]
    );
}

case!(
    segments_spaced_fullwidth_and_negative,
    "1. 定義
(1) Ｌ Ｇ Ｗ Ａ Ｎ 接続系 行政網の系をいう。
(2) 個人番号利用事務系 番号を扱う系をいう。
(3) 独自系 町独自の系をいう。
2. 脅威
インターネットに接続された機器への攻撃。
",
    [
        C::Seg(&["mynumber", "lgwan", "independent"]),
        C::Topic("definitions", &[1], "1")
    ]
);

case!(
    lgwan_mention_alone_is_not_a_segment,
    "1. 定義
(1) 行政網 LGWANに接続された情報システムをいう。
",
    [C::Seg(&[])]
);

case!(
    dotted_parent_missing_warns,
    "1. 目的
1.1 対象
守る。
2.3.1 細目
記録する。
",
    [
        C::Warn("上位の項目"),
        C::N("2.3.1", "2.3.1", &[2, 3, 1], Some("細目"))
    ]
);

case!(
    page_chrome_and_appendix_ignored,
    "1. 目的
情報資産を守る。
- 1 -
2. 定義
用語を定める。
2/3
附 則
1 この方針は、令和8年4月1日から施行する。
2 旧方針は廃止する。
",
    [
        C::Top(2),
        C::Total(2),
        C::Text("1", "情報資産を守る。"),
        C::NoWarn
    ]
);

case!(
    article_reference_after_hard_break_is_text,
    "（対策基準）
第5条 次の事項を定める。規定は
第3条及び第4条に基づく。
第6条 手順を定める。
",
    [
        C::Top(2),
        C::Text("第5条", "第3条及び第4条に基づく。"),
        C::Topic("standards", &[5], "第5条"),
    ]
);

case!(
    article_going_backwards_warns,
    "第1条 目的を定める。
第2条 定義を定める。
第1条 重複した条。
",
    [C::Top(2), C::Warn("前の番号")]
);

case!(
    measures_found_by_children,
    "1. 目的
守る。
2. 安全確保の措置
(1) 組織体制 体制を整える。
(2) 物理的セキュリティ 機器を守る。
(3) 人的セキュリティ 教育する。
(4) 外部委託 委託先を管理する。
(5) 情報システム全体の強靭性の向上 系を分ける。
",
    [
        C::Topic("measures", &[2], "2"),
        C::Topic("outsourcing", &[2, 4], "2(4)"),
        C::Topic("resilience", &[2, 5], "2(5)"),
        C::NoTopic("review"),
    ]
);

case!(
    chapters_that_restart_numbering_are_cited,
    "第1章 総則
1. 目的
守る。
2. 定義
定める。
第2章 対策
1. 組織体制
整える。
2. 物理的セキュリティ
守る。
",
    [
        C::N("第1章1", "1.", &[1, 1], Some("目的")),
        C::N("第2章2", "2.", &[2, 2], Some("物理的セキュリティ")),
        C::N("第2章", "第2章", &[2], Some("対策")),
    ]
);

case!(
    empty_and_blank_input,
    "",
    [C::Top(0), C::NoWarn, C::Title(None)]
);

case!(
    no_numbered_headings_warns,
    "これは見出しのない文章です。\n番号はありません。\n",
    [C::Top(0), C::Warn("見出しが見つかりません")]
);

case!(
    caption_in_brackets_and_inline_caption,
    "【目的】
第1条 方針を定める。
第2条（適用範囲）この方針は全ての機関に適用する。
",
    [
        C::N("第1条", "第1条", &[1], Some("目的")),
        C::N("第2条", "第2条", &[2], Some("適用範囲")),
        C::Text("第2条", "この方針は全ての機関に適用する。"),
    ]
);

#[test]
fn adversarial_repetition_stays_fast_and_bounded() {
    let mut s = String::new();
    for _ in 0..20_000 {
        s.push_str("(1) 同じ番号の項目です。\n第1条 同じ条です。\n");
    }
    let t = std::time::Instant::now();
    let p = parse_text(&s);
    assert!(t.elapsed().as_secs_f64() < 10.0, "took {:?}", t.elapsed());
    assert!(p.warnings.len() <= 201);
    assert!(p
        .warnings
        .last()
        .is_some_and(|w| w.contains("件の警告を省略しました")));
}

// ---- Layouts real policies use (issue 16, item 5) ----

// A body line that starts with a reference to earlier items is not a new item.
case!(
    back_reference_line_is_body_text,
    "架空町情報セキュリティ基本方針
1. 定義
(1) 情報資産 情報システム及びその記録をいう。
(2) 機密情報 秘密とすべき情報をいう。
(3) 個人情報 個人に関する情報をいう。
(1) 情報資産、(2) 機密情報及び(3) 個人情報をあわせて「保護情報」という。
2. 目的
この方針は情報を守る。
",
    [
        C::Total(5),
        C::Top(2),
        C::Text("1(3)", "あわせて「保護情報」という"),
        C::N("2", "2.", &[2], Some("目的"))
    ]
);

case!(
    back_reference_with_circled_numbers,
    "架空町情報セキュリティ基本方針
1. 脅威
① 不正アクセス
② 災害
①及び②を主な脅威とする。
① 不正アクセス、② 災害を合わせて「脅威」という。
2. 対象範囲
",
    [C::Total(4), C::Text("1②", "合わせて「脅威」という")]
);

// A parenthesised date or revision line in the header is not the first section's caption.
case!(
    revision_line_in_header_is_not_a_caption,
    "架空市情報セキュリティ基本方針
(令和8年1月1日改定版)
第1条 この方針は、市の情報資産を守る。
第2条 職員は、この方針を守る。
",
    [
        C::Total(2),
        C::N("第1条", "第1条", &[1], None),
        C::Title(Some("架空市情報セキュリティ基本方針"))
    ]
);

case!(
    fullwidth_revision_line_in_header,
    "架空市情報セキュリティ基本方針
（令和７年４月１日　一部改正）
（目的）
第1条 この方針は、市の情報資産を守る。
",
    [C::Total(1), C::N("第1条", "第1条", &[1], Some("目的"))]
);

// Bullets wrapping numbers are a numbered list.
case!(
    bullets_wrapping_numbers,
    "架空市情報セキュリティ基本方針
1. 対象とする脅威
• ⑴ 不正アクセス
• ⑵ 災害
・(3) 職員の過失
2. 適用範囲
・(1) 市長部局
・（２） 教育委員会
",
    [
        C::Total(7),
        C::N("1(3)", "(3)", &[1, 3], Some("職員の過失")),
        C::N("2(2)", "（２）", &[2, 2], Some("教育委員会"))
    ]
);

// An ASCII comma used as 読点 in a heading title does not cut the title.
case!(
    ascii_comma_in_heading_title,
    "架空市情報セキュリティ基本方針
1. 情報資産の分類,管理
情報資産は重要度に応じて分類する。
2. 評価,見直し
定期的に監査を行う。
",
    [
        C::N("1", "1.", &[1], Some("情報資産の分類,管理")),
        C::N("2", "2.", &[2], Some("評価,見直し"))
    ]
);
