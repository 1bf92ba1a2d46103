//! Encryption at rest (#13): one random 32-byte data key per store.
//!
//! - The data key is kept in `tenken-keys.json` in the data folder, wrapped (XChaCha20-Poly1305)
//!   twice: under a key derived from the passphrase (Argon2id, parameters tuned on the machine
//!   that turned encryption on and stored beside the wrapped key) and under the recovery key
//!   (32 random bytes shown once as groups of base32 characters). Changing the passphrase
//!   re-wraps the data key only; nothing else is re-encrypted.
//! - The database is keyed with the raw data key (SQLCipher `PRAGMA key = "x'…'"`, no SQLCipher
//!   KDF); evidence files are encrypted with keys derived from it (`stream.rs`).
//! - A store is encrypted exactly when the keys file exists. `convert.rs` turns a plain store
//!   into an encrypted one and back, crash-safe.

pub mod convert;
pub mod sealed;
pub mod stream;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::{Zeroize, Zeroizing};

use crate::error::{Error, Result};

/// The keys file inside the data folder; its presence makes the store an encrypted one.
pub const KEYS_FILE: &str = "tenken-keys.json";
/// The format of the keys file written by this build.
pub const KEYS_FORMAT: u32 = 1;
/// A passphrase shorter than this (in characters) is refused.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// Associated data of the wrapped keys: a wrapped key is only valid in a tenken keys file.
const WRAP_AAD_PASSPHRASE: &[u8] = b"tenken keys v1 passphrase";
const WRAP_AAD_RECOVERY: &[u8] = b"tenken keys v1 recovery";

/// The store's data key. Zeroed when dropped.
pub struct DataKey(Zeroizing<[u8; 32]>);

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(…)")
    }
}

impl DataKey {
    /// A new random data key.
    pub fn random() -> Result<DataKey> {
        Ok(DataKey(Zeroizing::new(random_bytes::<32>()?)))
    }

    pub(crate) fn from_bytes(b: [u8; 32]) -> DataKey {
        DataKey(Zeroizing::new(b))
    }

    /// The SQLCipher key statement value: `x'<64 hex>'` (a raw key: SQLCipher's own KDF is skipped).
    pub(crate) fn sqlcipher_key(&self) -> Zeroizing<String> {
        Zeroizing::new(format!("x'{}'", hex(&self.0[..])))
    }

    /// A sub-key for one purpose: HMAC-SHA256(data key, label).
    pub(crate) fn derive(&self, label: &str) -> Zeroizing<[u8; 32]> {
        hmac(&self.0[..], label.as_bytes())
    }

    /// Keys the connection: must be the first statement on it.
    pub fn apply(&self, conn: &rusqlite::Connection) -> rusqlite::Result<()> {
        let k = self.sqlcipher_key();
        conn.pragma_update(None, "key", &*k)
    }

    /// The evidence keys of this store.
    pub fn evidence_keys(&self) -> EvidenceKeys {
        EvidenceKeys {
            name: self.derive("tenken evidence names v1"),
            file: self.derive("tenken evidence files v1"),
        }
    }

    fn bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The key as 64 hex characters, for the OS keychain ("remember on this computer").
    pub fn to_hex(&self) -> Zeroizing<String> {
        Zeroizing::new(hex(&self.0[..]))
    }

    /// A key given as 64 hex characters (from the OS keychain); None when it is not one.
    pub fn from_hex(s: &str) -> Option<DataKey> {
        let b = Zeroizing::new(unhex(s.trim())?);
        let arr: [u8; 32] = b.as_slice().try_into().ok()?;
        Some(DataKey::from_bytes(arr))
    }
}

/// The keys evidence files are named and encrypted with (derived from the data key).
pub struct EvidenceKeys {
    name: Zeroizing<[u8; 32]>,
    file: Zeroizing<[u8; 32]>,
}

impl std::fmt::Debug for EvidenceKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EvidenceKeys(…)")
    }
}

impl EvidenceKeys {
    /// The file name on disk for a plaintext SHA-256: HMAC-SHA256(name key, hex digest), hex.
    /// Someone holding the file cannot tell which content it is by hashing candidates.
    pub fn name_of(&self, sha256: &str) -> String {
        hex(&hmac(&self.name[..], sha256.as_bytes())[..])
    }

    /// The key of one file, from its random salt.
    pub(crate) fn file_key(&self, salt: &[u8]) -> Zeroizing<[u8; 32]> {
        hmac(&self.file[..], salt)
    }
}

/// What unlocks a store.
pub enum Secret {
    Passphrase(Zeroizing<String>),
    RecoveryKey(Zeroizing<String>),
}

/// Argon2id parameters, stored with the wrapped key.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Kdf {
    /// Always `argon2id`.
    pub algorithm: String,
    /// Argon2 version (19 = 0x13).
    pub version: u32,
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
    /// Hex, 16 random bytes.
    pub salt: String,
}

/// A data key wrapped with XChaCha20-Poly1305.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Wrapped {
    /// Hex, 24 bytes.
    pub nonce: String,
    /// Hex, 32 + 16 bytes.
    pub ciphertext: String,
}

/// The content of `tenken-keys.json`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct KeysFile {
    pub format: u32,
    pub kdf: Kdf,
    pub passphrase: Wrapped,
    pub recovery: Wrapped,
    /// SHA-256 (hex) of the fields above as JSON: a damaged file is told apart from a wrong
    /// passphrase.
    pub checksum: String,
}

#[derive(Serialize)]
struct Checked<'a> {
    format: u32,
    kdf: &'a Kdf,
    passphrase: &'a Wrapped,
    recovery: &'a Wrapped,
}

impl KeysFile {
    fn compute_checksum(&self) -> String {
        let c = Checked {
            format: self.format,
            kdf: &self.kdf,
            passphrase: &self.passphrase,
            recovery: &self.recovery,
        };
        let json = serde_json::to_vec(&c).unwrap_or_default();
        hex(&Sha256::digest(json))
    }
}

/// True when the data folder holds an encrypted store.
pub fn is_encrypted(dir: &Path) -> bool {
    dir.join(KEYS_FILE).exists()
}

/// Reads and checks the keys file of `dir` (its checksum and field sizes).
pub fn read_keys(dir: &Path) -> Result<KeysFile> {
    read_keys_file(&dir.join(KEYS_FILE))
}

pub fn read_keys_file(path: &Path) -> Result<KeysFile> {
    let invalid = |reason: String| Error::KeysFileInvalid {
        path: path.to_path_buf(),
        reason,
    };
    let raw = fs::read(path).map_err(|e| invalid(e.to_string()))?;
    let k: KeysFile = serde_json::from_slice(&raw).map_err(|e| invalid(e.to_string()))?;
    if k.format != KEYS_FORMAT {
        return Err(invalid(format!(
            "format {} (this build reads {KEYS_FORMAT})",
            k.format
        )));
    }
    if k.checksum != k.compute_checksum() {
        return Err(invalid(
            "checksum mismatch (the file was changed or damaged)".into(),
        ));
    }
    if k.kdf.algorithm != "argon2id" || k.kdf.version != 0x13 {
        return Err(invalid(format!(
            "unknown key derivation {}",
            k.kdf.algorithm
        )));
    }
    let sizes = [
        (&k.kdf.salt, 16),
        (&k.passphrase.nonce, 24),
        (&k.passphrase.ciphertext, 48),
        (&k.recovery.nonce, 24),
        (&k.recovery.ciphertext, 48),
    ];
    for (h, n) in sizes {
        if unhex(h).map(|b| b.len()) != Some(n) {
            return Err(invalid("a field has the wrong length".into()));
        }
    }
    if params(&k.kdf).is_err() {
        return Err(invalid("Argon2id parameters out of range".into()));
    }
    Ok(k)
}

/// Writes the keys file atomically (temporary file, flushed, renamed, folder flushed).
pub(crate) fn write_keys_file(path: &Path, k: &KeysFile) -> Result<()> {
    let tmp = path.with_file_name(format!(
        ".{}.tmp-{}",
        path.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(KEYS_FILE),
        std::process::id()
    ));
    let _ = fs::remove_file(&tmp);
    let written = (|| {
        let mut opts = fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        let mut f = opts.open(&tmp)?;
        f.write_all(&serde_json::to_vec_pretty(k).map_err(std::io::Error::other)?)?;
        f.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    crate::output::sync_parent(path);
    Ok(())
}

/// Unwraps the data key of the store in `dir`.
pub fn unlock(dir: &Path, secret: &Secret) -> Result<DataKey> {
    unlock_file(&dir.join(KEYS_FILE), secret)
}

/// Unwraps the data key with a keys file at `path` (a store's or a backup's).
pub fn unlock_file(path: &Path, secret: &Secret) -> Result<DataKey> {
    let k = read_keys_file(path)?;
    unwrap_with(&k, path, secret)
}

fn unwrap_with(k: &KeysFile, path: &Path, secret: &Secret) -> Result<DataKey> {
    match secret {
        Secret::Passphrase(p) => {
            let kek = derive_passphrase_key(p, &k.kdf)?;
            unwrap(&kek, &k.passphrase, WRAP_AAD_PASSPHRASE).ok_or(Error::WrongPassphrase {
                path: path.to_path_buf(),
            })
        }
        Secret::RecoveryKey(r) => {
            let wrong = || Error::WrongRecoveryKey {
                path: path.to_path_buf(),
            };
            let bytes = parse_recovery_key(r).ok_or_else(wrong)?;
            let kek = recovery_wrapping_key(&bytes);
            unwrap(&kek, &k.recovery, WRAP_AAD_RECOVERY).ok_or_else(wrong)
        }
    }
}

/// A new keys file for `key`: the passphrase wrap with freshly tuned Argon2id parameters and
/// the recovery wrap. Returns the file and the recovery key to show once.
pub fn new_keys(key: &DataKey, passphrase: &str) -> Result<(KeysFile, Zeroizing<String>)> {
    check_new_passphrase(passphrase)?;
    let kdf = tuned_kdf()?;
    let kek = derive_passphrase_key(passphrase, &kdf)?;
    let recovery = Zeroizing::new(random_bytes::<32>()?);
    let rkek = recovery_wrapping_key(&recovery);
    let mut k = KeysFile {
        format: KEYS_FORMAT,
        kdf,
        passphrase: wrap(&kek, key, WRAP_AAD_PASSPHRASE)?,
        recovery: wrap(&rkek, key, WRAP_AAD_RECOVERY)?,
        checksum: String::new(),
    };
    k.checksum = k.compute_checksum();
    Ok((k, format_recovery_key(&recovery)))
}

/// The same keys file with the data key wrapped under a new passphrase (new salt, the stored
/// Argon2id cost). The recovery wrap is kept.
pub fn rewrap_passphrase(k: &KeysFile, key: &DataKey, passphrase: &str) -> Result<KeysFile> {
    check_new_passphrase(passphrase)?;
    let mut n = k.clone();
    n.kdf.salt = hex(&random_bytes::<16>()?);
    let kek = derive_passphrase_key(passphrase, &n.kdf)?;
    n.passphrase = wrap(&kek, key, WRAP_AAD_PASSPHRASE)?;
    n.checksum = n.compute_checksum();
    Ok(n)
}

pub(crate) fn check_new_passphrase(p: &str) -> Result<()> {
    let n = p.chars().count();
    if n < MIN_PASSPHRASE_CHARS {
        return Err(Error::PassphraseTooShort {
            min: MIN_PASSPHRASE_CHARS,
        });
    }
    Ok(())
}

fn params(kdf: &Kdf) -> std::result::Result<argon2::Params, argon2::Error> {
    argon2::Params::new(kdf.memory_kib, kdf.iterations, kdf.parallelism, Some(32))
}

fn derive_passphrase_key(passphrase: &str, kdf: &Kdf) -> Result<Zeroizing<[u8; 32]>> {
    let bad = |e: argon2::Error| Error::KeysFileInvalid {
        path: PathBuf::from(KEYS_FILE),
        reason: e.to_string(),
    };
    let a = argon2::Argon2::new(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        params(kdf).map_err(bad)?,
    );
    let salt = unhex(&kdf.salt).unwrap_or_default();
    let mut out = Zeroizing::new([0u8; 32]);
    a.hash_password_into(passphrase.as_bytes(), &salt, &mut out[..])
        .map_err(bad)?;
    Ok(out)
}

/// Argon2id parameters costing about 0.5–1 s on this machine: 64 MiB, one lane, as many
/// passes as fit in ≈ 0.7 s (at least 2). `TENKEN_TEST_WEAK_KDF=1` (tests only) uses a tiny
/// cost so test suites stay fast; it only affects keys files written while it is set.
pub fn tuned_kdf() -> Result<Kdf> {
    let salt = hex(&random_bytes::<16>()?);
    if std::env::var_os("TENKEN_TEST_WEAK_KDF").is_some_and(|v| v == "1") {
        return Ok(Kdf {
            algorithm: "argon2id".into(),
            version: 0x13,
            memory_kib: 256,
            iterations: 1,
            parallelism: 1,
            salt,
        });
    }
    calibrated_kdf(salt)
}

fn calibrated_kdf(salt: String) -> Result<Kdf> {
    let mut kdf = Kdf {
        algorithm: "argon2id".into(),
        version: 0x13,
        memory_kib: 64 * 1024,
        iterations: 1,
        parallelism: 1,
        salt,
    };
    // The cost of one pass from the difference between 1 and 3 passes (the 64 MiB allocation
    // and filling is paid once per derivation, whatever the passes), best of two.
    let time = |kdf: &Kdf| -> Result<f64> {
        let t = std::time::Instant::now();
        derive_passphrase_key("calibration", kdf)?;
        Ok(t.elapsed().as_secs_f64())
    };
    let mut per_pass = f64::MAX;
    let mut fixed = f64::MAX;
    for _ in 0..2 {
        kdf.iterations = 1;
        let one = time(&kdf)?;
        kdf.iterations = 3;
        let three = time(&kdf)?;
        per_pass = per_pass.min(((three - one) / 2.0).max(0.001));
        fixed = fixed.min((one - per_pass).max(0.0));
    }
    // Aim at 0.75 s in all.
    kdf.iterations = (((0.75 - fixed) / per_pass).round() as u32).clamp(2, 64);
    Ok(kdf)
}

fn wrap(kek: &[u8; 32], key: &DataKey, aad: &[u8]) -> Result<Wrapped> {
    let nonce = random_bytes::<24>()?;
    let cipher = XChaCha20Poly1305::new(kek.into());
    let ct = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: &key.bytes()[..],
                aad,
            },
        )
        .map_err(|_| Error::io(KEYS_FILE, std::io::Error::other("encryption failed")))?;
    Ok(Wrapped {
        nonce: hex(&nonce),
        ciphertext: hex(&ct),
    })
}

fn unwrap(kek: &[u8; 32], w: &Wrapped, aad: &[u8]) -> Option<DataKey> {
    let nonce = unhex(&w.nonce)?;
    let ct = unhex(&w.ciphertext)?;
    let cipher = XChaCha20Poly1305::new(kek.into());
    let mut pt = Zeroizing::new(
        cipher
            .decrypt(XNonce::from_slice(&nonce), Payload { msg: &ct, aad })
            .ok()?,
    );
    let mut b = [0u8; 32];
    if pt.len() != 32 {
        return None;
    }
    b.copy_from_slice(&pt);
    pt.zeroize();
    let k = DataKey::from_bytes(b);
    b.zeroize();
    Some(k)
}

fn recovery_wrapping_key(recovery: &[u8; 32]) -> Zeroizing<[u8; 32]> {
    hmac(recovery, b"tenken recovery wrap v1")
}

const B32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// 32 bytes as 52 base32 characters in groups of four (`ABCD-EFGH-…`): printable, no
/// lookalike lowercase letters.
fn format_recovery_key(b: &[u8; 32]) -> Zeroizing<String> {
    let mut bits: u64 = 0;
    let mut n = 0;
    let mut chars = Zeroizing::new(String::new());
    for &byte in b.iter() {
        bits = (bits << 8) | byte as u64;
        n += 8;
        while n >= 5 {
            n -= 5;
            chars.push(B32[((bits >> n) & 31) as usize] as char);
        }
    }
    if n > 0 {
        chars.push(B32[((bits << (5 - n)) & 31) as usize] as char);
    }
    bits.zeroize();
    let mut out = Zeroizing::new(String::new());
    for (i, c) in chars.chars().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        out.push(c);
    }
    out
}

/// Reads a recovery key as printed (groups, spaces, dashes, lower case and 0/1/8 typed for
/// O/I/B all accepted).
fn parse_recovery_key(s: &str) -> Option<Zeroizing<[u8; 32]>> {
    let mut bits: u64 = 0;
    let mut n = 0;
    let mut out = Zeroizing::new([0u8; 32]);
    let mut i = 0;
    let mut count = 0;
    for c in s.chars() {
        let c = match c.to_ascii_uppercase() {
            '-' | ' ' | '\n' | '\r' | '\t' => continue,
            '0' => 'O',
            '1' => 'I',
            '8' => 'B',
            c => c,
        };
        let v = B32.iter().position(|&x| x as char == c)? as u64;
        count += 1;
        bits = (bits << 5) | v;
        n += 5;
        if n >= 8 {
            n -= 8;
            if i >= 32 {
                return None;
            }
            out[i] = (bits >> n) as u8;
            i += 1;
        }
    }
    bits.zeroize();
    (i == 32 && count == 52).then_some(out)
}

fn hmac(key: &[u8], msg: &[u8]) -> Zeroizing<[u8; 32]> {
    let mut m = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
    m.update(msg);
    let mut out = Zeroizing::new([0u8; 32]);
    out.copy_from_slice(&m.finalize().into_bytes());
    out
}

pub(crate) fn random_bytes<const N: usize>() -> Result<[u8; N]> {
    let mut b = [0u8; N];
    getrandom::fill(&mut b).map_err(|e| {
        Error::io(
            "getrandom",
            std::io::Error::other(format!("no system randomness: {e}")),
        )
    })?;
    Ok(b)
}

pub(crate) fn hex(b: &[u8]) -> String {
    let mut s = String::with_capacity(b.len() * 2);
    for x in b {
        s.push_str(&format!("{x:02x}"));
    }
    s
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_data_key_survives_the_keychain_text_form_and_nothing_else_passes() {
        let k = DataKey::random().unwrap();
        let back = DataKey::from_hex(&k.to_hex()).unwrap();
        assert_eq!(back.bytes(), k.bytes());
        assert!(DataKey::from_hex("").is_none());
        assert!(DataKey::from_hex(&k.to_hex()[..62]).is_none());
        assert!(DataKey::from_hex(&format!("{}00", &*k.to_hex())).is_none());
        assert!(DataKey::from_hex(&"zz".repeat(32)).is_none());
    }

    fn weak() {
        std::env::set_var("TENKEN_TEST_WEAK_KDF", "1");
    }

    #[test]
    fn recovery_key_round_trip_and_typing_slips() {
        let b = random_bytes::<32>().unwrap();
        let s = format_recovery_key(&b);
        assert_eq!(s.len(), 52 + 12);
        assert!(s
            .chars()
            .all(|c| c == '-' || c.is_ascii_uppercase() || ('2'..='7').contains(&c)));
        assert_eq!(*parse_recovery_key(&s).unwrap(), b);
        let typed = s.to_lowercase().replace('-', " ").replace('o', "0");
        assert_eq!(*parse_recovery_key(&typed).unwrap(), b);
        assert!(parse_recovery_key(&s[..s.len() - 1]).is_none());
        assert!(parse_recovery_key(&format!("{}A", &*s)).is_none());
        assert!(parse_recovery_key("").is_none());
    }

    #[test]
    fn wrap_unwrap_passphrase_recovery_and_rewrap() {
        weak();
        let dir = tempfile::tempdir().unwrap();
        let key = DataKey::random().unwrap();
        let (k, recovery) = new_keys(&key, "correct horse").unwrap();
        let path = dir.path().join(KEYS_FILE);
        write_keys_file(&path, &k).unwrap();
        let got = unlock(
            dir.path(),
            &Secret::Passphrase("correct horse".to_string().into()),
        )
        .unwrap();
        assert_eq!(got.bytes(), key.bytes());
        let e = unlock(
            dir.path(),
            &Secret::Passphrase("correct hors".to_string().into()),
        )
        .unwrap_err();
        assert_eq!(e.code(), "wrong_passphrase");
        let got = unlock(dir.path(), &Secret::RecoveryKey(recovery.clone())).unwrap();
        assert_eq!(got.bytes(), key.bytes());
        let other = format_recovery_key(&random_bytes::<32>().unwrap());
        assert_eq!(
            unlock(dir.path(), &Secret::RecoveryKey(other))
                .unwrap_err()
                .code(),
            "wrong_recovery_key"
        );
        // Re-wrap: the old passphrase no longer works, the new one and the recovery key do.
        let n = rewrap_passphrase(&k, &key, "battery staple").unwrap();
        assert_eq!(n.recovery, k.recovery);
        assert_ne!(n.kdf.salt, k.kdf.salt);
        write_keys_file(&path, &n).unwrap();
        assert_eq!(
            unlock(
                dir.path(),
                &Secret::Passphrase("correct horse".to_string().into())
            )
            .unwrap_err()
            .code(),
            "wrong_passphrase"
        );
        unlock(
            dir.path(),
            &Secret::Passphrase("battery staple".to_string().into()),
        )
        .unwrap();
        unlock(dir.path(), &Secret::RecoveryKey(recovery)).unwrap();
        assert_eq!(
            rewrap_passphrase(&n, &key, "short").unwrap_err().code(),
            "passphrase_too_short"
        );
    }

    #[test]
    fn a_damaged_keys_file_is_named_not_taken_for_a_wrong_passphrase() {
        weak();
        let dir = tempfile::tempdir().unwrap();
        let key = DataKey::random().unwrap();
        let (k, _) = new_keys(&key, "correct horse").unwrap();
        let path = dir.path().join(KEYS_FILE);
        write_keys_file(&path, &k).unwrap();
        let good = fs::read_to_string(&path).unwrap();
        // One hex digit of the wrapped key changed.
        let i = good.find(&k.passphrase.ciphertext).unwrap() + 10;
        let mut bad = good.clone().into_bytes();
        bad[i] = if bad[i] == b'0' { b'1' } else { b'0' };
        for damaged in [
            bad,
            good.as_bytes()[..good.len() / 2].to_vec(),
            b"".to_vec(),
            b"{\"format\":1}".to_vec(),
            good.replace("\"format\": 1", "\"format\": 9").into_bytes(),
        ] {
            fs::write(&path, &damaged).unwrap();
            let e = unlock(
                dir.path(),
                &Secret::Passphrase("correct horse".to_string().into()),
            )
            .unwrap_err();
            assert_eq!(e.code(), "keys_file_invalid", "{e}");
            assert!(e.localized(crate::Lang::En).contains(KEYS_FILE));
        }
    }

    #[test]
    fn tuned_cost_is_half_a_second_to_a_second() {
        if cfg!(debug_assertions) && std::env::var_os("TENKEN_TUNE_TEST").is_none() {
            // Measured in release builds (the bench); dependencies are optimised in debug too,
            // so run it there on request.
            return;
        }
        let kdf = calibrated_kdf(hex(&[7u8; 16])).unwrap();
        let t = std::time::Instant::now();
        derive_passphrase_key("x", &kdf).unwrap();
        let s = t.elapsed().as_secs_f64();
        assert!((0.3..1.3).contains(&s), "{s} s with {kdf:?}");
    }
}
