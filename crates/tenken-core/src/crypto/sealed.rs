//! A file sealed with a passphrase: the encrypted team package (#13). An encrypted store
//! writes its packages this way under the **package passphrase** the team agreed on (told in
//! person; not any laptop's store passphrase), so a package lost on the way gives away nothing.
//!
//! Built from the pieces the store's encryption already uses, nothing new:
//!
//! ```text
//! "TNKPKG\0" + version (1)                  8 bytes
//! Argon2id memory KiB, passes, lanes        3 × u32 big-endian
//! salt                                      16 random bytes
//! check                                     HMAC-SHA256(kek, "tenken package check v1")
//! the package zip, STREAM ChaCha20-Poly1305 64 KiB chunks (`stream.rs`), the 68-byte header
//!                                           as associated data of every chunk
//! ```
//!
//! kek = Argon2id(passphrase, salt) with the stored parameters (tuned like a keys file's,
//! `tuned_kdf`; `TENKEN_TEST_WEAK_KDF=1` applies); the stream key is
//! HMAC-SHA256(kek, "tenken package stream v1"), one per file (the salt is random), so the
//! STREAM nonce prefix can be fixed. The check tells a wrong passphrase from a damaged file:
//! a wrong passphrase fails the check; a changed chunk, a cut-off file or appended bytes fail
//! the authentication of a chunk (the last chunk carries STREAM's last-chunk flag). A changed
//! salt or check reads as a wrong passphrase (the key no longer matches); the rest of the
//! header is authenticated with every chunk.

use std::io::{Read, Write};

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::stream::{DecryptReader, EncryptWriter};
use super::{check_new_passphrase, derive_passphrase_key, hmac, params, tuned_kdf, Kdf};
use crate::error::Result;

/// The first bytes of a sealed file: `TNKPKG\0` and the format version.
pub const MAGIC: &[u8; 8] = b"TNKPKG\0\x01";
const HEADER: usize = 8 + 12 + 16 + 32;
const CHECK_LABEL: &[u8] = b"tenken package check v1";
const STREAM_LABEL: &[u8] = b"tenken package stream v1";
/// Argon2id costs a sealed file may ask for when it is opened (a crafted file must not make
/// the reader allocate gigabytes): 1 GiB, 64 passes, 8 lanes.
const MAX_MEMORY_KIB: u32 = 1 << 20;
const MAX_PASSES: u32 = 64;
const MAX_LANES: u32 = 8;

/// Why a sealed file did not open.
#[derive(Debug, PartialEq, Eq)]
pub enum OpenError {
    /// The passphrase is not the one it was sealed with.
    WrongPassphrase,
    /// Not a sealed file of a known version, a changed header or chunk, or cut short.
    Damaged(String),
}

/// True when `bytes` start like a sealed file (of any version).
pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.len() >= 7 && bytes[..7] == MAGIC[..7]
}

fn check_of(kek: &[u8; 32]) -> Hmac<Sha256> {
    let mut m = <Hmac<Sha256> as Mac>::new_from_slice(kek).expect("HMAC takes any key length");
    m.update(CHECK_LABEL);
    m
}

/// Seals `plain` under `passphrase` (at least `MIN_PASSPHRASE_CHARS` characters) with freshly
/// tuned Argon2id parameters.
pub fn seal(plain: &[u8], passphrase: &str) -> Result<Vec<u8>> {
    check_new_passphrase(passphrase)?;
    let kdf = tuned_kdf()?;
    seal_with(plain, passphrase, &kdf)
}

fn seal_with(plain: &[u8], passphrase: &str, kdf: &Kdf) -> Result<Vec<u8>> {
    let kek = derive_passphrase_key(passphrase, kdf)?;
    let salt = super::unhex(&kdf.salt).unwrap_or_default();
    let mut header = Vec::with_capacity(HEADER);
    header.extend_from_slice(MAGIC);
    for v in [kdf.memory_kib, kdf.iterations, kdf.parallelism] {
        header.extend_from_slice(&v.to_be_bytes());
    }
    header.extend_from_slice(&salt);
    header.extend_from_slice(&check_of(&kek).finalize().into_bytes());
    debug_assert_eq!(header.len(), HEADER);
    let key = hmac(&kek[..], STREAM_LABEL);
    let mut out = Vec::with_capacity(HEADER + plain.len() + plain.len() / 4096 + 64);
    out.extend_from_slice(&header);
    let mut w = EncryptWriter::with_key(out, &key, header);
    let io = |e: std::io::Error| crate::Error::io("package", e);
    w.write_all(plain).map_err(io)?;
    w.finish().map_err(io)
}

/// Opens a sealed file with `passphrase`: the plaintext, every chunk authenticated.
pub fn open(sealed: &[u8], passphrase: &str) -> std::result::Result<Vec<u8>, OpenError> {
    let damaged = |what: &str| OpenError::Damaged(what.to_string());
    if !is_sealed(sealed) {
        return Err(damaged("not an encrypted package"));
    }
    if sealed[..8] != MAGIC[..] {
        return Err(damaged(&format!(
            "encrypted package format {} (this build reads {})",
            sealed.get(7).copied().unwrap_or(0),
            MAGIC[7]
        )));
    }
    if sealed.len() < HEADER {
        return Err(damaged("header cut short"));
    }
    let header = &sealed[..HEADER];
    let u32_at =
        |i: usize| u32::from_be_bytes([header[i], header[i + 1], header[i + 2], header[i + 3]]);
    let kdf = Kdf {
        algorithm: "argon2id".into(),
        version: 0x13,
        memory_kib: u32_at(8),
        iterations: u32_at(12),
        parallelism: u32_at(16),
        salt: super::hex(&header[20..36]),
    };
    if kdf.memory_kib > MAX_MEMORY_KIB
        || kdf.iterations > MAX_PASSES
        || kdf.parallelism > MAX_LANES
        || params(&kdf).is_err()
    {
        return Err(damaged("Argon2id parameters out of range"));
    }
    let kek = derive_passphrase_key(passphrase, &kdf)
        .map_err(|_| damaged("Argon2id parameters out of range"))?;
    if check_of(&kek).verify_slice(&header[36..HEADER]).is_err() {
        return Err(OpenError::WrongPassphrase);
    }
    let key = hmac(&kek[..], STREAM_LABEL);
    let mut r = DecryptReader::with_key(&sealed[HEADER..], &key, header.to_vec())
        .map_err(|e| damaged(&e.to_string()))?;
    let mut plain = Vec::with_capacity(sealed.len());
    r.read_to_end(&mut plain)
        .map_err(|e| damaged(&e.to_string()))?;
    Ok(plain)
}

/// Argon2id parameters of a tiny, fixed cost for the unit tests (not tuned).
#[cfg(test)]
fn test_kdf() -> Kdf {
    Kdf {
        algorithm: "argon2id".into(),
        version: 0x13,
        memory_kib: 256,
        iterations: 1,
        parallelism: 1,
        salt: super::hex(&super::random_bytes::<16>().unwrap()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::stream::CHUNK;

    const PASS: &str = "package passphrase";

    #[test]
    fn round_trip_at_chunk_borders_and_no_plaintext_run() {
        for n in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 7] {
            let data: Vec<u8> = (0..n).map(|i| (i * 31 % 251) as u8).collect();
            let s = seal_with(&data, PASS, &test_kdf()).unwrap();
            assert!(is_sealed(&s));
            assert_eq!(s.len(), HEADER + n + 16 * n.div_ceil(CHUNK).max(1), "n={n}");
            assert_eq!(open(&s, PASS).unwrap(), data, "n={n}");
            if n >= 16 {
                assert!(!s.windows(16).any(|w| w == &data[..16]));
            }
        }
        // Two seals of the same bytes differ (random salt, so another key).
        let a = seal_with(b"same", PASS, &test_kdf()).unwrap();
        let b = seal_with(b"same", PASS, &test_kdf()).unwrap();
        assert_ne!(a, b);
    }

    #[test]
    fn wrong_passphrase_is_told_apart_from_damage() {
        let data = vec![0x42u8; 2 * CHUNK + 100];
        let s = seal_with(&data, PASS, &test_kdf()).unwrap();
        assert_eq!(
            open(&s, "package passphrasE"),
            Err(OpenError::WrongPassphrase)
        );
        // Cut anywhere, also at a chunk border (the last-chunk flag is then missing).
        for cut in [
            s.len() - 1,
            HEADER + CHUNK + 16,
            HEADER + 2 * (CHUNK + 16),
            HEADER,
            HEADER - 1,
            10,
        ] {
            assert!(
                matches!(open(&s[..cut], PASS), Err(OpenError::Damaged(_))),
                "cut {cut}"
            );
        }
        // A changed byte in a chunk, or appended bytes.
        let mut flipped = s.clone();
        flipped[HEADER + CHUNK + 30] ^= 1;
        assert!(matches!(open(&flipped, PASS), Err(OpenError::Damaged(_))));
        let mut extra = s.clone();
        extra.extend_from_slice(&[0; 20]);
        assert!(matches!(open(&extra, PASS), Err(OpenError::Damaged(_))));
        // A header with a crafted cost is refused before any key derivation.
        let mut costly = s.clone();
        costly[8..12].copy_from_slice(&(8u32 << 20).to_be_bytes());
        assert!(matches!(open(&costly, PASS), Err(OpenError::Damaged(_))));
        // Another version.
        let mut v2 = s.clone();
        v2[7] = 2;
        assert!(matches!(open(&v2, PASS), Err(OpenError::Damaged(_))));
        assert!(!is_sealed(b"PK\x03\x04"));
    }

    #[test]
    fn a_short_passphrase_is_refused_when_sealing() {
        std::env::set_var("TENKEN_TEST_WEAK_KDF", "1");
        assert_eq!(
            seal(b"x", "short").unwrap_err().code(),
            "passphrase_too_short"
        );
        let s = seal(b"x", "long enough").unwrap();
        assert_eq!(open(&s, "long enough").unwrap(), b"x");
    }
}
