//! Evidence files encrypted with the STREAM construction over ChaCha20-Poly1305 (the
//! construction and chunk size the `age` format uses; `aead::stream`, big-endian 32-bit
//! counter with a last-chunk flag): 64 KiB plaintext chunks, each authenticated, so a file of
//! any size is written and read with one chunk in memory, and a truncated, reordered or edited
//! file fails to decrypt at the damaged chunk.
//!
//! File layout: `TNKEV1\n\0` (8 bytes), a random 32-byte salt, then the chunks (64 KiB + 16
//! bytes each, the last one shorter). The file's key is HMAC-SHA256(evidence file key, salt),
//! so every file has its own key and the STREAM nonce prefix can be fixed.

use std::io::{self, Read, Write};

use chacha20poly1305::aead::generic_array::GenericArray;
use chacha20poly1305::aead::stream::{DecryptorBE32, EncryptorBE32};
use chacha20poly1305::aead::KeyInit;
use chacha20poly1305::ChaCha20Poly1305;
use zeroize::Zeroizing;

use super::EvidenceKeys;

pub const MAGIC: &[u8; 8] = b"TNKEV1\n\0";
/// Plaintext bytes per chunk.
pub const CHUNK: usize = 64 * 1024;
const TAG: usize = 16;
const SALT: usize = 32;
const NONCE_PREFIX: [u8; 7] = [0; 7];

fn cipher(keys: &EvidenceKeys, salt: &[u8]) -> ChaCha20Poly1305 {
    let k: Zeroizing<[u8; 32]> = keys.file_key(salt);
    cipher_of(&k)
}

fn cipher_of(key: &[u8; 32]) -> ChaCha20Poly1305 {
    ChaCha20Poly1305::new(GenericArray::from_slice(&key[..]))
}

/// Encrypts what is written to it into `inner`; `finish` writes the last chunk.
pub struct EncryptWriter<W: Write> {
    inner: W,
    enc: Option<EncryptorBE32<ChaCha20Poly1305>>,
    buf: Vec<u8>,
    /// Associated data of every chunk (empty for evidence files; a package's header).
    aad: Vec<u8>,
}

impl<W: Write> EncryptWriter<W> {
    pub fn new(mut inner: W, keys: &EvidenceKeys) -> io::Result<Self> {
        let salt = super::random_bytes::<SALT>().map_err(io::Error::other)?;
        inner.write_all(MAGIC)?;
        inner.write_all(&salt)?;
        Ok(Self::with_cipher(inner, cipher(keys, &salt), Vec::new()))
    }

    /// The chunks only (the caller wrote its own header), under `key` — which must be used for
    /// this one stream (the nonce prefix is fixed) — with `aad` authenticated in every chunk.
    pub(crate) fn with_key(inner: W, key: &[u8; 32], aad: Vec<u8>) -> Self {
        Self::with_cipher(inner, cipher_of(key), aad)
    }

    fn with_cipher(inner: W, c: ChaCha20Poly1305, aad: Vec<u8>) -> Self {
        let enc = EncryptorBE32::from_aead(c, GenericArray::from_slice(&NONCE_PREFIX));
        EncryptWriter {
            inner,
            enc: Some(enc),
            buf: Vec::with_capacity(CHUNK + TAG),
            aad,
        }
    }

    fn flush_full_chunk(&mut self) -> io::Result<()> {
        let enc = self
            .enc
            .as_mut()
            .ok_or_else(|| io::Error::other("finished"))?;
        enc.encrypt_next_in_place(&self.aad, &mut self.buf)
            .map_err(|_| io::Error::other("encryption failed"))?;
        self.inner.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }

    /// Writes the last chunk and returns the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        let enc = self
            .enc
            .take()
            .ok_or_else(|| io::Error::other("finished"))?;
        enc.encrypt_last_in_place(&self.aad, &mut self.buf)
            .map_err(|_| io::Error::other("encryption failed"))?;
        self.inner.write_all(&self.buf)?;
        self.inner.flush()?;
        Ok(self.inner)
    }
}

impl<W: Write> Write for EncryptWriter<W> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        // A full chunk is sealed only once more data arrives: the last chunk is marked as such.
        if self.buf.len() == CHUNK && !data.is_empty() {
            self.flush_full_chunk()?;
        }
        let n = data.len().min(CHUNK - self.buf.len());
        self.buf.extend_from_slice(&data[..n]);
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Decrypts an encrypted evidence file as it is read. Damage (a changed byte, a missing or
/// extra chunk, a truncated file) is an `InvalidData` error.
pub struct DecryptReader<R: Read> {
    inner: R,
    dec: Option<DecryptorBE32<ChaCha20Poly1305>>,
    /// The next sealed chunk, read ahead to know whether the current one is the last.
    ahead: Vec<u8>,
    out: Vec<u8>,
    pos: usize,
    done: bool,
    aad: Vec<u8>,
}

fn damaged(what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("encrypted file damaged or truncated ({what})"),
    )
}

fn read_full(r: &mut impl Read, buf: &mut Vec<u8>, want: usize) -> io::Result<()> {
    buf.clear();
    buf.resize(want, 0);
    let mut got = 0;
    while got < want {
        match r.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    buf.truncate(got);
    Ok(())
}

impl<R: Read> DecryptReader<R> {
    pub fn new(mut inner: R, keys: &EvidenceKeys) -> io::Result<Self> {
        let mut head = Vec::new();
        read_full(&mut inner, &mut head, MAGIC.len() + SALT)?;
        if head.len() < MAGIC.len() + SALT || &head[..MAGIC.len()] != MAGIC {
            return Err(damaged("header"));
        }
        Self::with_cipher(inner, cipher(keys, &head[MAGIC.len()..]), Vec::new())
    }

    /// The chunks only (the caller read its own header), under `key`, with `aad`
    /// authenticated in every chunk (see `EncryptWriter::with_key`).
    pub(crate) fn with_key(inner: R, key: &[u8; 32], aad: Vec<u8>) -> io::Result<Self> {
        Self::with_cipher(inner, cipher_of(key), aad)
    }

    fn with_cipher(mut inner: R, c: ChaCha20Poly1305, aad: Vec<u8>) -> io::Result<Self> {
        let dec = DecryptorBE32::from_aead(c, GenericArray::from_slice(&NONCE_PREFIX));
        let mut ahead = Vec::with_capacity(CHUNK + TAG);
        read_full(&mut inner, &mut ahead, CHUNK + TAG)?;
        Ok(DecryptReader {
            inner,
            dec: Some(dec),
            ahead,
            out: Vec::with_capacity(CHUNK + TAG),
            pos: 0,
            done: false,
            aad,
        })
    }

    fn next_chunk(&mut self) -> io::Result<()> {
        std::mem::swap(&mut self.out, &mut self.ahead);
        self.pos = 0;
        if self.out.len() < TAG {
            return Err(damaged("short chunk"));
        }
        let last = if self.out.len() < CHUNK + TAG {
            true
        } else {
            read_full(&mut self.inner, &mut self.ahead, CHUNK + TAG)?;
            self.ahead.is_empty()
        };
        if last {
            let dec = self.dec.take().ok_or_else(|| damaged("after end"))?;
            dec.decrypt_last_in_place(&self.aad, &mut self.out)
                .map_err(|_| damaged("last chunk"))?;
            self.done = true;
        } else {
            let dec = self.dec.as_mut().ok_or_else(|| damaged("after end"))?;
            dec.decrypt_next_in_place(&self.aad, &mut self.out)
                .map_err(|_| damaged("chunk"))?;
        }
        Ok(())
    }
}

impl<R: Read> Read for DecryptReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pos == self.out.len() {
            if self.done {
                return Ok(0);
            }
            self.next_chunk()?;
        }
        let n = buf.len().min(self.out.len() - self.pos);
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::DataKey;

    fn seal(keys: &EvidenceKeys, data: &[u8]) -> Vec<u8> {
        let mut w = EncryptWriter::new(Vec::new(), keys).unwrap();
        // Odd write sizes across chunk borders.
        for part in data.chunks(7919) {
            w.write_all(part).unwrap();
        }
        w.finish().unwrap()
    }

    fn open(keys: &EvidenceKeys, sealed: &[u8]) -> io::Result<Vec<u8>> {
        let mut r = DecryptReader::new(sealed, keys)?;
        let mut out = vec![];
        r.read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn round_trip_at_chunk_borders() {
        let keys = DataKey::random().unwrap().evidence_keys();
        for n in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 5] {
            let data: Vec<u8> = (0..n).map(|i| (i * 31 % 251) as u8).collect();
            let sealed = seal(&keys, &data);
            assert_eq!(
                sealed.len(),
                8 + 32 + n + 16 * n.div_ceil(CHUNK).max(1),
                "n={n}"
            );
            assert_eq!(open(&keys, &sealed).unwrap(), data, "n={n}");
        }
    }

    #[test]
    fn damage_truncation_and_wrong_key_are_refused() {
        let key = DataKey::random().unwrap();
        let keys = key.evidence_keys();
        let data = vec![0x5au8; 2 * CHUNK + 100];
        let sealed = seal(&keys, &data);
        // Cut at a chunk border: without the last-chunk flag this would look complete.
        for cut in [
            sealed.len() - 1,
            40 + CHUNK + 16,
            40 + 2 * (CHUNK + 16),
            40,
            20,
            0,
        ] {
            let e = open(&keys, &sealed[..cut]).unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::InvalidData, "cut {cut}");
        }
        let mut flipped = sealed.clone();
        flipped[40 + CHUNK + 20] ^= 1;
        assert!(open(&keys, &flipped).is_err());
        let mut extra = sealed.clone();
        extra.extend_from_slice(&[0u8; 30]);
        assert!(open(&keys, &extra).is_err());
        let other = DataKey::random().unwrap().evidence_keys();
        assert!(open(&other, &sealed).is_err());
        // No 16-byte run of the plaintext in the file.
        assert!(!sealed.windows(16).any(|w| w == &data[..16]));
    }
}
