//! File paths reach the core only through these checks: the UI hands over a path it got from
//! the native dialog or a drop, and the command validates it before anything is read or written.

use std::path::{Path, PathBuf};

use tenken_core::Error;

/// An existing regular file, given as an absolute path.
pub fn existing_file(path: &str) -> Result<PathBuf, Error> {
    let p = absolute(path)?;
    let meta = std::fs::metadata(&p).map_err(|e| Error::io(&p, e))?;
    if !meta.is_file() {
        return Err(Error::invalid("path", p.display(), "ファイル（フォルダではなく） / a file, not a folder"));
    }
    Ok(p)
}

/// An existing folder, given as an absolute path.
pub fn existing_dir(path: &str) -> Result<PathBuf, Error> {
    let p = absolute(path)?;
    let meta = std::fs::metadata(&p).map_err(|e| Error::io(&p, e))?;
    if !meta.is_dir() {
        return Err(Error::invalid("path", p.display(), "フォルダ / a folder"));
    }
    Ok(p)
}

/// A folder that may not exist yet, whose parent exists (backup targets, new data folders).
pub fn new_or_existing_dir(path: &str) -> Result<PathBuf, Error> {
    let p = absolute(path)?;
    if p.exists() {
        return existing_dir(path);
    }
    match p.parent() {
        Some(parent) if parent.is_dir() => Ok(p),
        _ => Err(Error::invalid("path", p.display(), "既存のフォルダの中の新しいフォルダ / a new folder inside an existing one")),
    }
}

/// Opens one of the app's own folders in the desktop's file manager (`xdg-open`; `explorer` on
/// Windows, `open` on macOS), creating it first. Callers pass folders they computed themselves.
pub fn reveal_folder(dir: &Path) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let opener = if cfg!(windows) { "explorer" } else if cfg!(target_os = "macos") { "open" } else { "xdg-open" };
    std::process::Command::new(opener).arg(dir).spawn().map(|_| ()).map_err(|e| Error::io(PathBuf::from(opener), e))
}

fn absolute(path: &str) -> Result<PathBuf, Error> {
    let p = Path::new(path.trim());
    if path.trim().is_empty() || !p.is_absolute() {
        return Err(Error::invalid("path", path, "絶対パス / an absolute path"));
    }
    Ok(p.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_missing_and_wrong_kind_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "x").unwrap();
        assert!(existing_file(file.to_str().unwrap()).is_ok());
        assert_eq!(existing_file("a.txt").unwrap_err().code(), "invalid_value");
        assert_eq!(existing_file("").unwrap_err().code(), "invalid_value");
        assert!(existing_file(dir.path().join("missing").to_str().unwrap()).is_err());
        assert!(existing_file(dir.path().to_str().unwrap()).is_err());
        assert!(existing_dir(file.to_str().unwrap()).is_err());
        assert!(new_or_existing_dir(dir.path().join("new").to_str().unwrap()).is_ok());
        assert!(new_or_existing_dir(dir.path().join("no/such/new").to_str().unwrap()).is_err());
    }
}
