//! Policy files as published (PDF, Word, HTML, text) through the real binary, and every policy
//! input that must be refused: message, exit code, `--json` code, store unchanged.

mod common;

use common::*;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(format!(
        "{}/../../tests/fixtures/policies/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
}

fn store_with_org() -> Env {
    let env = Env::new();
    json(&env.data(), &["org", "add", "南幌町"]);
    env
}

/// Refused by `policy parse` and `policy import` alike.
#[track_caller]
fn refused_both(env: &Env, file: &str, code: &str, needles: &[&str]) {
    let d = env.data();
    assert_refused(&d, &["policy", "parse", file], code, needles);
    assert_refused(
        &d,
        &["policy", "import", file, "--org", "南幌町"],
        code,
        needles,
    );
}

#[test]
fn empty_and_blank_policies_are_refused() {
    let env = store_with_org();
    for (name, content) in [
        ("empty.txt", &b""[..]),
        ("blank.txt", b" \n\t\r\n\xe3\x80\x80\n"),
    ] {
        let f = env.file(name, content);
        refused_both(&env, f.to_str().unwrap(), "policy_empty", &[name, "空"]);
        // --force does not keep an empty text.
        assert_refused(
            &env.data(),
            &[
                "policy",
                "import",
                f.to_str().unwrap(),
                "--org",
                "南幌町",
                "--force",
            ],
            "policy_empty",
            &[name],
        );
    }
}

#[test]
fn text_without_numbered_sections_is_refused_unless_forced() {
    let env = store_with_org();
    let f = env.file(
        "memo.txt",
        "議事録\n本日は晴天なり。\n会議は午後に開く。\n".as_bytes(),
    );
    let p = f.to_str().unwrap();
    refused_both(
        &env,
        p,
        "policy_no_structure",
        &["memo.txt", "番号の付いた条項", "--force"],
    );
    let doc = json(
        &env.data(),
        &["policy", "import", p, "--org", "南幌町", "--force"],
    );
    assert_eq!(
        doc["parsed"]["sections"].as_array().map(|a| a.len()),
        Some(0)
    );
    let log = json(&env.data(), &["log"]);
    assert!(
        log.to_string().contains("\"forced\":true"),
        "the forced import is in the audit log: {log}"
    );
}

#[test]
fn nul_bytes_without_bom_are_binary_not_utf16() {
    let env = store_with_org();
    // Decoded as UTF-16LE these 4 bytes would be two Hangul syllables.
    let f = env.file("tiny.txt", &[0x00, 0xAC, 0x01, 0xAC]);
    refused_both(
        &env,
        f.to_str().unwrap(),
        "policy_binary",
        &["tiny.txt", "NUL"],
    );
    let f = env.file("mixed.txt", "第1条 目的\0この方針は".as_bytes());
    refused_both(&env, f.to_str().unwrap(), "policy_binary", &["mixed.txt"]);
}

#[cfg(unix)]
#[test]
fn fifo_directory_and_device_are_refused_without_hanging() {
    let env = store_with_org();
    let fifo = env.path("policy.fifo");
    let st = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(st.success());
    let dir = env.path("a-folder");
    std::fs::create_dir_all(&dir).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let data = env.data();
    let paths = [fifo.clone(), dir.clone(), PathBuf::from("/dev/zero")];
    std::thread::spawn(move || {
        for p in &paths {
            let p = p.to_str().unwrap();
            assert_refused(
                &data,
                &["policy", "parse", p],
                "not_a_regular_file",
                &[p, "通常のファイルではありません"],
            );
            assert_refused(
                &data,
                &["policy", "import", p, "--org", "南幌町"],
                "not_a_regular_file",
                &[p],
            );
        }
        tx.send(()).unwrap();
    });
    rx.recv_timeout(std::time::Duration::from_secs(60))
        .expect("refused within a minute (no hang on a FIFO)");
}

#[test]
fn word_97_and_ichitaro_files_are_asked_for_pdf_docx_or_text() {
    let env = store_with_org();
    let mut doc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    doc.extend(vec![0u8; 504]);
    doc.extend("WordDocument".encode_utf16().flat_map(|u| u.to_le_bytes()));
    doc.extend(vec![0u8; 512]);
    // Named .txt on purpose: the kind comes from the bytes.
    let f = env.file("kihon-houshin.txt", &doc);
    refused_both(
        &env,
        f.to_str().unwrap(),
        "unsupported_format",
        &["PDF", "docx"],
    );
    let mut jtd = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    jtd.extend(vec![0u8; 504]);
    jtd.extend("DocumentText".encode_utf16().flat_map(|u| u.to_le_bytes()));
    let f = env.file("kihon.jtd", &jtd);
    refused_both(&env, f.to_str().unwrap(), "unsupported_format", &["jtd"]);
}

#[test]
fn scanned_pdf_is_refused_with_the_way_out() {
    let env = store_with_org();
    let f = fixture("scanned-image-only.pdf");
    refused_both(
        &env,
        f.to_str().unwrap(),
        "no_text_layer",
        &["文字データのない PDF", "テキストか Word", "例規集"],
    );
}

#[test]
fn pdf_docx_and_html_import_with_source_format_and_the_original_kept() {
    let env = store_with_org();
    let d = env.data();
    let text = json(
        &d,
        &[
            "policy",
            "parse",
            fixture("000_f30b78bf79fe382b.txt").to_str().unwrap(),
        ],
    );
    assert_eq!(text["source_format"], "text");
    let keys: Vec<String> = text.as_object().unwrap().keys().cloned().collect();
    for k in [
        "title",
        "sections",
        "topics",
        "segments",
        "warnings",
        "encoding",
        "kind",
        "model_sections",
        "source_format",
    ] {
        assert!(keys.contains(&k.to_string()), "{k} in {keys:?}");
    }
    for ext in ["pdf", "docx", "html"] {
        let f = fixture(&format!("converted/000_f30b78bf79fe382b.{ext}"));
        let parsed = json(&d, &["policy", "parse", f.to_str().unwrap()]);
        assert_eq!(parsed["source_format"], ext);
        assert_eq!(parsed["topics"], text["topics"], "{ext}");
        assert_eq!(parsed["segments"], text["segments"], "{ext}");
        let doc = json(
            &d,
            &["policy", "import", f.to_str().unwrap(), "--org", "南幌町"],
        );
        assert_eq!(doc["source_format"], ext);
        let sha = doc["original_sha256"]
            .as_str()
            .expect("original kept")
            .to_string();
        assert_eq!(sha, sha256_hex(&file_bytes(&f)));
        assert_eq!(
            stored_plain(&d, &sha),
            file_bytes(&f),
            "the original file is kept as imported"
        );
    }
    let v = json(&d, &["verify"]);
    assert_eq!(v["ok"], true, "{v}");
}

#[test]
fn remove_a_wrong_policy_unless_an_assessment_uses_it() {
    let p = populated();
    let d = p.data();
    let a = json(&d, &["assessment", "show", &p.assessment.to_string()]);
    let used = a["policy_document_id"].as_i64().unwrap().to_string();
    assert_refused(
        &d,
        &["policy", "remove", &used],
        "policy_in_use",
        &[&format!("点検・監査 {}", p.assessment), "削除できません"],
    );
    assert_refused(&d, &["policy", "remove", "999"], "unknown_policy", &["999"]);
    let wrong = p.env.file(
        "wrong.txt",
        "第1条 これは別の文書です。\n第2条 間違えて取り込んだ。\n".as_bytes(),
    );
    let doc = json(
        &d,
        &[
            "policy",
            "import",
            wrong.to_str().unwrap(),
            "--org",
            "南幌町",
        ],
    );
    let id = doc["id"].as_i64().unwrap().to_string();
    let out = json(&d, &["policy", "remove", &id]);
    assert_eq!(out["removed"].as_i64().unwrap().to_string(), id);
    let list = json(&d, &["policy", "list", "--org", "南幌町"]);
    assert!(!list.to_string().contains("wrong.txt"), "{list}");
    let log = json(&d, &["log"]).to_string();
    assert!(
        log.contains("policy.remove") && log.contains("wrong.txt"),
        "removal logged with its before-state: {log}"
    );
    assert_eq!(json(&d, &["verify"])["ok"], true);
}
