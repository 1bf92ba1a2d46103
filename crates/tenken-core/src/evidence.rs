//! The evidence file store: files copied once into `DATA_DIR/evidence/ab/abcdef…` where the
//! name is the lowercase hex SHA-256 of the content. Streamed in fixed-size chunks (a 2 GB
//! file never needs 2 GB of memory), deduplicated, and made read-only after writing.

use std::fs::{self, File};
use std::io::{BufReader, Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

const CHUNK: usize = 256 * 1024;

/// The evidence folder of a data dir.
#[derive(Debug, Clone)]
pub struct EvidenceFiles {
    root: PathBuf,
    /// An encrypted store's evidence keys: files are encrypted (`crypto::stream`) and named by
    /// a keyed hash of the plaintext SHA-256 instead of the SHA-256 itself.
    keys: Option<std::sync::Arc<crate::crypto::EvidenceKeys>>,
}

/// What storing a file produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    pub sha256: String,
    pub size: u64,
    /// False when identical content was already stored (deduplicated).
    pub newly_stored: bool,
}

/// Streams `reader` through SHA-256, optionally copying into `sink`; returns (digest, size).
pub fn hash_stream(
    reader: &mut (impl Read + ?Sized),
    mut sink: Option<&mut dyn Write>,
    progress: &mut dyn FnMut(u64),
) -> std::io::Result<(String, u64)> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; CHUNK];
    let mut total = 0u64;
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buf[..n]);
        if let Some(s) = sink.as_mut() {
            s.write_all(&buf[..n])?;
        }
        total += n as u64;
        progress(total);
    }
    Ok((format!("{:x}", hasher.finalize()), total))
}

/// SHA-256 of a file on disk, streamed.
pub fn hash_file(path: &Path) -> std::io::Result<(String, u64)> {
    let mut f = BufReader::with_capacity(CHUNK, File::open(path)?);
    hash_stream(&mut f, None, &mut |_| {})
}

impl EvidenceFiles {
    pub fn new(data_dir: &Path) -> Self {
        EvidenceFiles {
            root: data_dir.join("evidence"),
            keys: None,
        }
    }

    /// The evidence folder of an encrypted store (plain when `keys` is None).
    pub fn with_keys(
        data_dir: &Path,
        keys: Option<std::sync::Arc<crate::crypto::EvidenceKeys>>,
    ) -> Self {
        EvidenceFiles {
            root: data_dir.join("evidence"),
            keys,
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// True when files are stored encrypted.
    pub fn is_encrypted(&self) -> bool {
        self.keys.is_some()
    }

    /// Where the file with this digest lives: `evidence/ab/abcdef…` (an encrypted store: the
    /// keyed name of the digest).
    pub fn path_of(&self, sha256: &str) -> PathBuf {
        let name = match &self.keys {
            Some(k) => k.name_of(sha256),
            None => sha256.to_string(),
        };
        self.root.join(&name[..2.min(name.len())]).join(&name)
    }

    /// The plaintext of a stored file, streamed (decrypted as it is read in an encrypted
    /// store; damage is an `InvalidData` error at the damaged chunk).
    pub fn open(&self, sha256: &str) -> std::io::Result<Box<dyn Read>> {
        let f = BufReader::with_capacity(CHUNK, File::open(self.path_of(sha256))?);
        Ok(match &self.keys {
            Some(k) => Box::new(crate::crypto::stream::DecryptReader::new(f, k)?),
            None => Box::new(f),
        })
    }

    /// Writes the plaintext of a stored file to `sink`, verifying its SHA-256 as it streams.
    pub fn copy_plain(&self, sha256: &str, sink: &mut dyn Write) -> std::io::Result<u64> {
        let mut r = self.open(sha256)?;
        let (actual, n) = hash_stream(&mut r, Some(sink), &mut |_| {})?;
        if actual != sha256 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("content changed (SHA-256 now {actual})"),
            ));
        }
        Ok(n)
    }

    /// Copies `source` into the store, hashing as it streams. Reports bytes copied.
    pub fn store(&self, source: &Path, progress: &mut dyn FnMut(u64)) -> Result<StoredFile> {
        let meta = match fs::metadata(source) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::EvidenceFileMissing {
                    path: source.to_path_buf(),
                })
            }
            Err(e) => {
                return Err(Error::EvidenceFileUnreadable {
                    path: source.to_path_buf(),
                    reason: e.to_string(),
                })
            }
        };
        if !meta.is_file() {
            return Err(Error::EvidenceFileUnreadable {
                path: source.to_path_buf(),
                reason: "not a regular file".into(),
            });
        }
        let unreadable = |e: std::io::Error| Error::EvidenceFileUnreadable {
            path: source.to_path_buf(),
            reason: e.to_string(),
        };
        let mut input = File::open(source).map_err(unreadable)?;
        let tmp_dir = self.root.join("tmp");
        crate::private::create_dir_all(&tmp_dir).map_err(|e| Error::io(&tmp_dir, e))?;
        let tmp = tmp_dir.join(format!("incoming-{}-{}", std::process::id(), unique()));
        let result = (|| {
            let out = private_new_file(&tmp).map_err(|e| Error::io(&tmp, e))?;
            let mut sink = self.sink(out).map_err(|e| Error::io(&tmp, e))?;
            let (sha, size) = hash_stream(&mut input, Some(&mut sink), progress).map_err(|e| {
                // A read error is the source's fault; a write error is ours.
                if e.kind() == std::io::ErrorKind::StorageFull {
                    Error::io(&tmp, e)
                } else {
                    unreadable(e)
                }
            })?;
            let out = sink.finish().map_err(|e| Error::io(&tmp, e))?;
            out.sync_all().map_err(|e| Error::io(&tmp, e))?;
            // A file written to while we copied it would be stored as a mix of versions that
            // never existed: compare what we read with the file before and after.
            let after = fs::metadata(source).map_err(unreadable)?;
            if size != meta.len()
                || after.len() != meta.len()
                || after.modified().ok() != meta.modified().ok()
            {
                return Err(Error::FileChangedWhileReading {
                    path: source.to_path_buf(),
                });
            }
            Ok::<_, Error>((sha, size))
        })();
        let (sha256, size) = match result {
            Ok(v) => v,
            Err(e) => {
                let _ = fs::remove_file(&tmp);
                return Err(e);
            }
        };
        let dest = self.path_of(&sha256);
        if dest.exists() {
            let _ = fs::remove_file(&tmp);
            return Ok(StoredFile {
                sha256,
                size,
                newly_stored: false,
            });
        }
        let shard = dest.parent().unwrap_or(&self.root).to_path_buf();
        let placed = (|| {
            crate::private::create_dir_all(&shard).map_err(|e| Error::io(&shard, e))?;
            crate::private::make_read_only(&tmp).map_err(|e| Error::io(&tmp, e))?;
            fs::rename(&tmp, &dest).map_err(|e| Error::io(&dest, e))
        })();
        if let Err(e) = placed {
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        if let Ok(d) = File::open(&shard) {
            let _ = d.sync_all(); // make the rename durable
        }
        Ok(StoredFile {
            sha256,
            size,
            newly_stored: true,
        })
    }

    /// Stores the content of `reader` (a file being converted between a plain and an
    /// encrypted store): to a temporary file, flushed, then renamed to its name.
    pub(crate) fn store_stream(&self, reader: &mut dyn Read) -> Result<StoredFile> {
        let tmp_dir = self.root.join("tmp");
        crate::private::create_dir_all(&tmp_dir).map_err(|e| Error::io(&tmp_dir, e))?;
        let tmp = tmp_dir.join(format!("incoming-{}-{}", std::process::id(), unique()));
        let written = (|| {
            let mut sink = self.sink(private_new_file(&tmp)?)?;
            let (sha, size) = hash_stream(reader, Some(&mut sink), &mut |_| {})?;
            sink.finish()?.sync_all()?;
            crate::private::make_read_only(&tmp)?;
            Ok::<_, std::io::Error>((sha, size))
        })();
        let (sha256, size) = match written {
            Ok(v) => v,
            Err(e) => {
                let _ = fs::remove_file(&tmp);
                return Err(Error::io(&tmp, e));
            }
        };
        let dest = self.path_of(&sha256);
        let shard = dest.parent().unwrap_or(&self.root).to_path_buf();
        let placed = crate::private::create_dir_all(&shard).and_then(|_| fs::rename(&tmp, &dest));
        if let Err(e) = placed {
            let _ = fs::remove_file(&tmp);
            return Err(Error::io(&dest, e));
        }
        if let Ok(d) = File::open(&shard) {
            let _ = d.sync_all();
        }
        Ok(StoredFile {
            sha256,
            size,
            newly_stored: true,
        })
    }

    /// Stores bytes already in memory (an imported policy's original file) the same way.
    pub fn store_bytes(&self, bytes: &[u8]) -> Result<StoredFile> {
        let sha256 = format!("{:x}", Sha256::digest(bytes));
        let size = bytes.len() as u64;
        let dest = self.path_of(&sha256);
        if dest.exists() {
            return Ok(StoredFile {
                sha256,
                size,
                newly_stored: false,
            });
        }
        let tmp_dir = self.root.join("tmp");
        crate::private::create_dir_all(&tmp_dir).map_err(|e| Error::io(&tmp_dir, e))?;
        let tmp = tmp_dir.join(format!("incoming-{}-{}", std::process::id(), unique()));
        let written = (|| {
            let mut sink = self.sink(private_new_file(&tmp)?)?;
            sink.write_all(bytes)?;
            let out = sink.finish()?;
            out.sync_all()?;
            crate::private::make_read_only(&tmp)
        })();
        if let Err(e) = written {
            let _ = fs::remove_file(&tmp);
            return Err(Error::io(&tmp, e));
        }
        let shard = dest.parent().unwrap_or(&self.root).to_path_buf();
        crate::private::create_dir_all(&shard).map_err(|e| Error::io(&shard, e))?;
        if let Err(e) = fs::rename(&tmp, &dest) {
            let _ = fs::remove_file(&tmp);
            return Err(Error::io(&dest, e));
        }
        if let Ok(d) = File::open(&shard) {
            let _ = d.sync_all();
        }
        Ok(StoredFile {
            sha256,
            size,
            newly_stored: true,
        })
    }

    /// What a new stored file is written through: the file itself, or an encrypting writer.
    fn sink(&self, out: File) -> std::io::Result<Sink> {
        let out = std::io::BufWriter::with_capacity(CHUNK, out);
        Ok(match &self.keys {
            Some(k) => Sink::Sealed(crate::crypto::stream::EncryptWriter::new(out, k)?),
            None => Sink::Plain(out),
        })
    }

    /// Re-hashes a stored file (decrypting it in an encrypted store): None when it matches,
    /// Some(problem naming the file) otherwise.
    pub fn check(&self, sha256: &str, size: Option<u64>) -> Option<String> {
        let path = self.path_of(sha256);
        let hashed = self
            .open(sha256)
            .and_then(|mut r| hash_stream(&mut r, None, &mut |_| {}));
        match hashed {
            Err(e) => Some(format!("{}: {}", path.display(), e)),
            Ok((actual, n)) if actual != sha256 => Some(format!(
                "{}: content changed (SHA-256 now {actual}, {n} bytes)",
                path.display()
            )),
            Ok((_, n)) if size.is_some_and(|s| s != n) => Some(format!(
                "{}: size {n} differs from recorded {}",
                path.display(),
                size.unwrap_or(0)
            )),
            Ok(_) => None,
        }
    }
}

enum Sink {
    Plain(std::io::BufWriter<File>),
    Sealed(crate::crypto::stream::EncryptWriter<std::io::BufWriter<File>>),
}

impl Sink {
    fn finish(self) -> std::io::Result<File> {
        let w = match self {
            Sink::Plain(w) => w,
            Sink::Sealed(e) => e.finish()?,
        };
        w.into_inner().map_err(|e| e.into_error())
    }
}

impl Write for Sink {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::Plain(w) => w.write(b),
            Sink::Sealed(w) => w.write(b),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Plain(w) => w.flush(),
            Sink::Sealed(w) => w.flush(),
        }
    }
}

/// A new file only the user can read and write (the copy becomes 0400 once complete).
fn private_new_file(path: &Path) -> std::io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

fn unique() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_digest_and_dedup() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("a.txt");
        fs::write(&src, b"abc").unwrap();
        let ev = EvidenceFiles::new(&dir.path().join("data"));
        let s = ev.store(&src, &mut |_| {}).unwrap();
        assert_eq!(
            s.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert!(s.newly_stored);
        let p = ev.path_of(&s.sha256);
        assert!(p.ends_with("ba/ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        assert!(fs::metadata(&p).unwrap().permissions().readonly());
        let again = ev.store(&src, &mut |_| {}).unwrap();
        assert!(!again.newly_stored);
        assert!(ev.check(&s.sha256, Some(3)).is_none());
        assert!(ev.check(&s.sha256, Some(4)).is_some());
        assert!(
            fs::read_dir(ev.root().join("tmp"))
                .unwrap()
                .next()
                .is_none(),
            "no temp file left"
        );
    }

    #[test]
    fn a_file_written_to_while_copied_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("growing.log");
        fs::write(&src, vec![b'a'; CHUNK * 3]).unwrap();
        let ev = EvidenceFiles::new(&dir.path().join("data"));
        let mut appended = false;
        let e = ev
            .store(&src, &mut |_| {
                if !appended {
                    appended = true;
                    let mut f = fs::OpenOptions::new().append(true).open(&src).unwrap();
                    f.write_all(b"new line written meanwhile").unwrap();
                }
            })
            .unwrap_err();
        assert_eq!(e.code(), "file_changed_while_reading");
        assert!(
            fs::read_dir(ev.root().join("tmp"))
                .unwrap()
                .next()
                .is_none(),
            "no temp file left"
        );
        assert!(!ev.root().join("ab").exists());
    }

    #[cfg(unix)]
    #[test]
    fn stored_copies_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("public.txt");
        fs::write(&src, b"secret finding").unwrap();
        fs::set_permissions(&src, fs::Permissions::from_mode(0o644)).unwrap();
        let ev = EvidenceFiles::new(&dir.path().join("data"));
        let s = ev.store(&src, &mut |_| {}).unwrap();
        let p = ev.path_of(&s.sha256);
        assert_eq!(
            fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o400
        );
        assert_eq!(
            fs::metadata(p.parent().unwrap())
                .unwrap()
                .permissions()
                .mode()
                & 0o777,
            0o700
        );
    }

    #[test]
    fn missing_source_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let ev = EvidenceFiles::new(dir.path());
        let e = ev
            .store(&dir.path().join("nope.pdf"), &mut |_| {})
            .unwrap_err();
        assert_eq!(e.code(), "evidence_file_missing");
    }
}
