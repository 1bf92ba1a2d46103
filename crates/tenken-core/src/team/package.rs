//! The team package: a zip with `manifest.json` first, listing the SHA-256 and size of every
//! other part. A package whose parts do not match (altered, cut short, a part added or
//! missing) is refused whole, before anything is read from it.
//!
//! An encrypted store writes the zip sealed under the team's package passphrase
//! (`crypto::sealed`); reading takes either form, and a sealed one needs the passphrase. The
//! package's SHA-256 (merged twice = once) is always the zip's, sealed or not.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::crypto::sealed;
use crate::error::{Error, Result};

/// The manifest's format number.
pub const FORMAT: u32 = 1;
pub const MANIFEST: &str = "manifest.json";
/// The package database (share): the rows a member works on.
pub const DATA: &str = "data.db";
/// The member's changes since the baseline (return): an SQLite session changeset.
pub const CHANGES: &str = "changes.changeset";
/// The member laptop's audit-log chain (return), JSON.
pub const AUDIT: &str = "audit-log.json";
/// Evidence files, by SHA-256: `evidence/<sha256>`.
pub const EVIDENCE_DIR: &str = "evidence/";

/// A part bigger than this is refused (a zip bomb is not unpacked).
const MAX_PART: u64 = 4 << 30;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Part {
    pub name: String,
    pub sha256: String,
    pub size: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Manifest {
    pub format: u32,
    /// `share` (lead → member) or `return` (member → lead).
    pub kind: String,
    pub schema_version: i64,
    pub organisation: String,
    pub assessment_id: i64,
    pub assessment_title: String,
    pub fiscal_year: i64,
    /// The lead's device: the store the assessment belongs to.
    pub lead_device: String,
    /// The share the member's work starts from.
    pub baseline_id: String,
    /// The device that made this package.
    pub device: String,
    pub member: String,
    pub departments: Vec<String>,
    pub created_at: String,
    pub created_by: String,
    pub parts: Vec<Part>,
}

/// A package read and checked: every part present with its SHA-256 and size.
pub struct Package {
    pub manifest: Manifest,
    pub parts: BTreeMap<String, Vec<u8>>,
    /// SHA-256 of the package zip (of the file for a plain package; of the zip inside for an
    /// encrypted one).
    pub sha256: String,
    /// The file was an encrypted package.
    pub encrypted: bool,
}

fn invalid(path: &Path, reason: impl ToString) -> Error {
    Error::TeamPackageInvalid {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// Writes the package: the manifest (with the parts' digests filled in) and the parts.
pub fn write(
    out: &mut dyn Write,
    mut manifest: Manifest,
    parts: &[(String, Vec<u8>)],
) -> Result<()> {
    manifest.parts = parts
        .iter()
        .map(|(name, bytes)| Part {
            name: name.clone(),
            sha256: sha256_hex(bytes),
            size: bytes.len() as u64,
        })
        .collect();
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let deflate = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(false);
        let zerr = |e: zip::result::ZipError| Error::invalid("package", e, "zip");
        zip.start_file(MANIFEST, deflate).map_err(zerr)?;
        zip.write_all(&serde_json::to_vec_pretty(&manifest)?)
            .map_err(|e| Error::io("package", e))?;
        for (name, bytes) in parts {
            zip.start_file(name.as_str(), deflate).map_err(zerr)?;
            zip.write_all(bytes).map_err(|e| Error::io("package", e))?;
        }
        zip.finish().map_err(zerr)?;
    }
    out.write_all(&buf.into_inner())
        .map_err(|e| Error::io("package", e))
}

/// True when the file at `path` is an encrypted package (its first bytes; the rest is checked
/// when it is read).
pub fn is_encrypted(path: &Path) -> Result<bool> {
    let mut head = [0u8; 8];
    let mut f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut got = 0;
    while got < head.len() {
        match f.read(&mut head[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::io(path, e)),
        }
    }
    Ok(sealed::is_sealed(&head[..got]))
}

/// The first of `paths` that is an encrypted package (the package passphrase is then needed).
pub fn first_encrypted(paths: &[std::path::PathBuf]) -> Result<Option<&Path>> {
    for p in paths {
        if is_encrypted(p)? {
            return Ok(Some(p));
        }
    }
    Ok(None)
}

/// The passphrase a package needs, or `package_passphrase_required` naming `path`.
pub(crate) fn need<'a>(path: &Path, passphrase: Option<&'a str>) -> Result<&'a str> {
    passphrase
        .filter(|p| !p.is_empty())
        .ok_or_else(|| Error::PackagePassphraseRequired {
            path: path.to_path_buf(),
        })
}

/// The file to write: the zip itself, or sealed under `passphrase` when given.
pub(crate) fn seal(zip: Vec<u8>, passphrase: Option<&str>) -> Result<Vec<u8>> {
    match passphrase {
        None => Ok(zip),
        Some(p) => sealed::seal(&zip, p),
    }
}

/// Reads and checks a package file: opened with `passphrase` when it is an encrypted package
/// (none given: `package_passphrase_required`; a wrong one: `wrong_package_passphrase`;
/// damaged or cut short: `team_package_invalid`), then a zip, a manifest of our format, every
/// listed part present with its digest and size, and no part that is not listed.
pub fn read(path: &Path, passphrase: Option<&str>) -> Result<Package> {
    let raw = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let encrypted = sealed::is_sealed(&raw);
    let bytes = if encrypted {
        let p = need(path, passphrase)?;
        sealed::open(&raw, p).map_err(|e| match e {
            sealed::OpenError::WrongPassphrase => Error::WrongPackagePassphrase {
                path: path.to_path_buf(),
            },
            sealed::OpenError::Damaged(reason) => invalid(
                path,
                format!("暗号化されたパッケージ / encrypted package: {reason}"),
            ),
        })?
    } else {
        raw
    };
    let sha256 = sha256_hex(&bytes);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes))
        .map_err(|e| invalid(path, format!("zip: {e}")))?;
    let manifest: Manifest = {
        let mut f = zip
            .by_name(MANIFEST)
            .map_err(|_| invalid(path, format!("{MANIFEST} がありません / no {MANIFEST}")))?;
        let mut s = Vec::new();
        f.by_ref()
            .take(1 << 20)
            .read_to_end(&mut s)
            .map_err(|e| invalid(path, format!("{MANIFEST}: {e}")))?;
        serde_json::from_slice(&s).map_err(|e| invalid(path, format!("{MANIFEST}: {e}")))?
    };
    if manifest.format != FORMAT {
        return Err(invalid(
            path,
            format!("形式 {} / format {}", manifest.format, manifest.format),
        ));
    }
    if manifest.schema_version > crate::store::schema::latest() {
        return Err(Error::TeamPackageTooNew {
            path: path.to_path_buf(),
            found: manifest.schema_version,
            supported: crate::store::schema::latest(),
        });
    }
    let listed: BTreeMap<&str, &Part> = manifest
        .parts
        .iter()
        .map(|p| (p.name.as_str(), p))
        .collect();
    for i in 0..zip.len() {
        let name = zip
            .by_index(i)
            .map_err(|e| invalid(path, format!("zip: {e}")))?
            .name()
            .map_err(|e| invalid(path, format!("zip: {e}")))?
            .to_string();
        if name != MANIFEST && !listed.contains_key(name.as_str()) {
            return Err(invalid(
                path,
                format!("{name}: 目録にない部分 / a part not in the manifest"),
            ));
        }
    }
    let mut parts = BTreeMap::new();
    for p in &manifest.parts {
        if p.size > MAX_PART {
            return Err(invalid(path, format!("{}: too large", p.name)));
        }
        let mut f = zip
            .by_name(&p.name)
            .map_err(|_| invalid(path, format!("{}: ありません / missing", p.name)))?;
        let mut data = Vec::with_capacity(p.size.min(64 << 20) as usize);
        f.by_ref()
            .take(p.size + 1)
            .read_to_end(&mut data)
            .map_err(|e| invalid(path, format!("{}: {e}", p.name)))?;
        if data.len() as u64 != p.size || sha256_hex(&data) != p.sha256 {
            return Err(invalid(
                path,
                format!(
                    "{}: SHA-256 が目録と一致しません / does not match the SHA-256 in the manifest",
                    p.name
                ),
            ));
        }
        parts.insert(p.name.clone(), data);
    }
    Ok(Package {
        manifest,
        parts,
        sha256,
        encrypted,
    })
}

impl Package {
    pub fn part(&self, path: &Path, name: &str) -> Result<&[u8]> {
        self.parts
            .get(name)
            .map(|v| v.as_slice())
            .ok_or_else(|| invalid(path, format!("{name}: ありません / missing")))
    }

    /// Evidence files in the package: (sha256, bytes); each name is its content's SHA-256.
    pub fn evidence(&self, path: &Path) -> Result<Vec<(&str, &[u8])>> {
        let mut out = vec![];
        for (name, bytes) in &self.parts {
            if let Some(sha) = name.strip_prefix(EVIDENCE_DIR) {
                if sha256_hex(bytes) != sha {
                    return Err(invalid(
                        path,
                        format!("{name}: 内容と名前の SHA-256 が異なります / content does not match its SHA-256"),
                    ));
                }
                out.push((sha, bytes.as_slice()));
            }
        }
        Ok(out)
    }
}
