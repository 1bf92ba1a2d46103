//! Arbitrary bytes given as PDF, DOCX or HTML (and mutations of real files) never panic and
//! finish in bounded time.

use proptest::prelude::*;
use std::time::{Duration, Instant};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../../tests/fixtures/policies/converted/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// Runs extraction and parsing; any result is fine, a panic or a slow answer is not.
fn survives(bytes: &[u8]) {
    let t = Instant::now();
    let r = std::panic::catch_unwind(|| tenken_import::parse(bytes, true).map(|_| ()));
    assert!(r.is_ok(), "panicked on {} bytes", bytes.len());
    assert!(
        t.elapsed() < Duration::from_secs(10),
        "took {:?} on {} bytes",
        t.elapsed(),
        bytes.len()
    );
}

fn mutate(mut base: Vec<u8>, edits: &[(usize, u8)], cut: usize) -> Vec<u8> {
    for &(at, b) in edits {
        if !base.is_empty() {
            let i = at % base.len();
            base[i] = b;
        }
    }
    let keep = base.len() - cut % (base.len().max(1));
    base.truncate(keep.max(1));
    base
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_with_each_signature(tail in proptest::collection::vec(any::<u8>(), 0..4096), which in 0usize..5) {
        let head: &[u8] = match which {
            0 => b"%PDF-1.7\n",
            1 => b"PK\x03\x04",
            2 => b"<!DOCTYPE html><html><body>",
            3 => b"\xEF\xBB\xBF",
            _ => b"",
        };
        let mut bytes = head.to_vec();
        bytes.extend(tail);
        survives(&bytes);
    }

    #[test]
    fn mutated_pdf(edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..40), cut in any::<usize>()) {
        survives(&mutate(fixture("001_9ca561b41135eb25.pdf"), &edits, cut));
    }

    #[test]
    fn mutated_docx(edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..40), cut in any::<usize>()) {
        survives(&mutate(fixture("001_9ca561b41135eb25.docx"), &edits, cut));
    }

    #[test]
    fn mutated_html(edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..80), cut in any::<usize>()) {
        survives(&mutate(fixture("001_9ca561b41135eb25.html"), &edits, cut));
    }
}
