//! Files the user asks tenken to write — reports, exports, answer sheets, result workbooks,
//! backups — all go through `Output`, the one place that decides where tenken may write:
//!
//! - never inside the data folder (a report written over `tenken.db` or an evidence file would
//!   lose every record), also not through a symbolic link that points into it;
//! - never over an existing file unless the user asked to replace it (`--force`, or the
//!   window's confirmation);
//! - always to a temporary file beside the target, flushed to disk, then put in place in one
//!   step, so nobody ever sees half a file and a failure (a full disk, a killed process)
//!   leaves the target as it was and no temporary file behind.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Where outputs may go, for one data folder.
#[derive(Debug, Clone)]
pub struct Output {
    data_dir: Option<PathBuf>,
    force: bool,
}

impl Output {
    /// Outputs of the store in `data_dir`; `force`: existing files may be replaced.
    pub fn new(data_dir: &Path, force: bool) -> Output {
        Output {
            data_dir: Some(canonical_or_absolute(data_dir)),
            force,
        }
    }

    /// Outputs with no store (a report from an export file). `TENKEN_DATA_DIR` / the default
    /// data folder is still protected: it is where a store would be.
    pub fn without_store(force: bool) -> Output {
        Output::new(&crate::default_data_dir(), force)
    }

    /// Refuses a folder for several outputs (`xlsx sheets --out DIR`, a backup) inside the
    /// data folder. The folder need not exist yet.
    pub fn check_dir(&self, dir: &Path) -> Result<()> {
        let resolved = resolve(dir);
        self.refuse_inside(dir, &resolved)
    }

    /// Refuses `path` when it is inside the data folder, when it exists and `force` was not
    /// given, or when it is a folder.
    pub fn check_file(&self, path: &Path) -> Result<()> {
        let resolved = resolve(path);
        self.refuse_inside(path, &resolved)?;
        match fs::symlink_metadata(path) {
            Ok(m) if m.is_dir() => Err(Error::invalid(
                "--out",
                path.display(),
                "ファイル名（フォルダではなく） / a file name, not a folder",
            )),
            Ok(_) if !self.force => Err(Error::OutputExists {
                path: path.to_path_buf(),
            }),
            _ => Ok(()),
        }
    }

    fn refuse_inside(&self, given: &Path, resolved: &Path) -> Result<()> {
        if let Some(data) = &self.data_dir {
            if resolved.starts_with(data) {
                return Err(Error::OutputInsideDataDir {
                    path: given.to_path_buf(),
                    data_dir: data.clone(),
                });
            }
        }
        Ok(())
    }

    /// Writes `bytes` to `path` (checked first), through a temporary file and a rename.
    pub fn write(&self, path: &Path, bytes: &[u8]) -> Result<()> {
        self.write_with(path, |f| f.write_all(bytes).map_err(|e| Error::io(path, e)))
    }

    /// Like `write`, with the content produced by `fill` into the temporary file.
    pub fn write_with(
        &self,
        path: &Path,
        fill: impl FnOnce(&mut File) -> Result<()>,
    ) -> Result<()> {
        self.check_file(path)?;
        let tmp = temp_beside(path);
        let result = (|| {
            let mut f = OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&tmp)
                .map_err(|e| Error::io(&tmp, e))?;
            fill(&mut f)?;
            f.sync_all().map_err(|e| Error::io(&tmp, e))?;
            drop(f);
            self.put_in_place(&tmp, path)
        })();
        let _ = fs::remove_file(&tmp); // gone already after a rename; removed after a failure
        result?;
        sync_parent(path);
        Ok(())
    }

    /// Moves the finished temporary file to `path`: replaces only when `force`; otherwise a
    /// hard link, which fails when `path` appeared meanwhile (no check-then-write race).
    fn put_in_place(&self, tmp: &Path, path: &Path) -> Result<()> {
        if self.force {
            return fs::rename(tmp, path).map_err(|e| Error::io(path, e));
        }
        match fs::hard_link(tmp, path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(Error::OutputExists {
                path: path.to_path_buf(),
            }),
            // File systems without hard links (FAT on a USB stick): check, then rename.
            Err(_) if !path.exists() => fs::rename(tmp, path).map_err(|e| Error::io(path, e)),
            Err(_) => Err(Error::OutputExists {
                path: path.to_path_buf(),
            }),
        }
    }
}

/// A new temporary file name in the folder of `path`.
pub(crate) fn temp_beside(path: &Path) -> PathBuf {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let n = N.fetch_add(1, Ordering::Relaxed);
    let tmp = format!(".{name}.tenken-tmp-{}-{n}", std::process::id());
    path.with_file_name(tmp)
}

/// Makes a rename durable (best effort: not every platform can sync a folder).
pub(crate) fn sync_parent(path: &Path) {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if let Ok(d) = File::open(parent) {
            let _ = d.sync_all();
        }
    }
}

fn canonical_or_absolute(p: &Path) -> PathBuf {
    fs::canonicalize(p).unwrap_or_else(|_| absolute(p))
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Where writing `path` would really land: symbolic links resolved for the longest part of
/// the path that exists (the file itself when it exists, so a link into the data folder is
/// seen through), the rest appended.
fn resolve(path: &Path) -> PathBuf {
    let abs = absolute(path);
    let mut existing = abs.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(c) = fs::canonicalize(existing) {
            let mut out = c;
            for part in rest.iter().rev() {
                out.push(part);
            }
            return out;
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return abs,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> (tempfile::TempDir, PathBuf) {
        let t = tempfile::tempdir().unwrap();
        let data = t.path().join("data");
        fs::create_dir_all(data.join("evidence")).unwrap();
        fs::write(data.join("tenken.db"), b"records").unwrap();
        (t, data)
    }

    #[test]
    fn refuses_the_database_and_anything_in_the_data_folder() {
        let (_t, data) = setup();
        let out = Output::new(&data, true);
        for p in [
            data.join("tenken.db"),
            data.join("evidence/new.pdf"),
            data.join("sub/../tenken.db"),
        ] {
            let e = out.write(&p, b"x").unwrap_err();
            assert_eq!(e.code(), "output_inside_data_dir", "{p:?}");
        }
        assert_eq!(fs::read(data.join("tenken.db")).unwrap(), b"records");
        assert!(out.check_dir(&data.join("sheets")).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn sees_through_symbolic_links() {
        let (t, data) = setup();
        let link = t.path().join("innocent.pdf");
        std::os::unix::fs::symlink(data.join("tenken.db"), &link).unwrap();
        let e = Output::new(&data, true).write(&link, b"x").unwrap_err();
        assert_eq!(e.code(), "output_inside_data_dir");
        let dir_link = t.path().join("outdir");
        std::os::unix::fs::symlink(&data, &dir_link).unwrap();
        let e = Output::new(&data, true)
            .write(&dir_link.join("r.pdf"), b"x")
            .unwrap_err();
        assert_eq!(e.code(), "output_inside_data_dir");
        assert_eq!(fs::read(data.join("tenken.db")).unwrap(), b"records");
    }

    #[test]
    fn existing_file_needs_force_and_no_temp_file_is_left() {
        let (t, data) = setup();
        let target = t.path().join("report.pdf");
        fs::write(&target, b"old").unwrap();
        let e = Output::new(&data, false)
            .write(&target, b"new")
            .unwrap_err();
        assert_eq!(e.code(), "output_exists");
        assert_eq!(fs::read(&target).unwrap(), b"old");
        Output::new(&data, true).write(&target, b"new").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"new");
        let fresh = t.path().join("fresh.json");
        Output::new(&data, false).write(&fresh, b"{}").unwrap();
        let names: Vec<_> = fs::read_dir(t.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        assert!(names.iter().all(|n| !n.contains("tenken-tmp")), "{names:?}");
    }

    #[test]
    fn a_failing_writer_leaves_nothing() {
        let (t, data) = setup();
        let target = t.path().join("half.pdf");
        let e = Output::new(&data, false).write_with(&target, |f| {
            f.write_all(b"half").unwrap();
            Err(Error::io(&target, std::io::Error::other("disk full")))
        });
        assert!(e.is_err());
        assert!(!target.exists());
        assert_eq!(
            fs::read_dir(t.path()).unwrap().count(),
            1,
            "only the data folder"
        );
    }

    #[test]
    fn a_folder_is_not_a_file() {
        let (t, data) = setup();
        let e = Output::new(&data, true).write(t.path(), b"x").unwrap_err();
        assert_eq!(e.code(), "invalid_value");
    }
}
