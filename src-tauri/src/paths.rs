//! File paths reach the core only through these checks: the UI hands over a path it got from
//! the native dialog or a drop, and the command validates it before anything is read or written.

use std::path::{Path, PathBuf};

use tenken_core::Error;

/// An existing regular file, given as an absolute path.
pub fn existing_file(path: &str) -> Result<PathBuf, Error> {
    let p = absolute(path)?;
    let meta = std::fs::metadata(&p).map_err(|e| Error::io(&p, e))?;
    if !meta.is_file() {
        return Err(Error::invalid(
            "path",
            p.display(),
            "ファイル（フォルダではなく） / a file, not a folder",
        ));
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
        _ => Err(Error::invalid(
            "path",
            p.display(),
            "既存のフォルダの中の新しいフォルダ / a new folder inside an existing one",
        )),
    }
}

/// A new PDF file to write (from the save dialog): absolute, in an existing folder, ending in
/// `.pdf` (added when missing). An existing file is replaced only because the dialog asked.
pub fn new_pdf_file(path: &str) -> Result<PathBuf, Error> {
    new_file_with_ext(path, "pdf")
}

/// A new team package to write (from the save dialog): as `new_pdf_file`, ending in `.zip`.
pub fn new_zip_file(path: &str) -> Result<PathBuf, Error> {
    new_file_with_ext(path, "zip")
}

fn new_file_with_ext(path: &str, ext: &str) -> Result<PathBuf, Error> {
    let mut p = absolute(path)?;
    if p.is_dir() {
        return Err(Error::invalid(
            "path",
            p.display(),
            "ファイル名（フォルダではなく） / a file name, not a folder",
        ));
    }
    if !p.extension().is_some_and(|e| e.eq_ignore_ascii_case(ext)) {
        let mut name = p.file_name().map(|n| n.to_os_string()).unwrap_or_default();
        name.push(".");
        name.push(ext);
        p.set_file_name(name);
    }
    match p.parent() {
        Some(parent) if parent.is_dir() => Ok(p),
        _ => Err(Error::invalid(
            "path",
            p.display(),
            "既存のフォルダの中のファイル / a file in an existing folder",
        )),
    }
}

/// A file name from free text (organisation names, titles): characters that no file system
/// accepts become "_", and it never starts with a dot.
pub fn file_name_part(text: &str) -> String {
    let s: String = text
        .trim()
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    s.trim_start_matches('.').to_string()
}

/// Opens one of the app's own folders in the desktop's file manager (`xdg-open`; `explorer` on
/// Windows, `open` on macOS), creating it first. Callers pass folders they computed themselves.
pub fn reveal_folder(dir: &Path) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let opener = if cfg!(windows) {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(opener)
        .arg(dir)
        .spawn()
        .map(|_| ())
        .map_err(|e| Error::io(PathBuf::from(opener), e))
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

    #[test]
    fn report_paths_and_names() {
        let dir = tempfile::tempdir().unwrap();
        let p = new_pdf_file(dir.path().join("報告書").to_str().unwrap()).unwrap();
        assert_eq!(p.file_name().unwrap(), "報告書.pdf");
        assert!(new_pdf_file(dir.path().join("a.PDF").to_str().unwrap())
            .unwrap()
            .ends_with("a.PDF"));
        assert!(new_pdf_file(dir.path().to_str().unwrap()).is_err());
        assert!(new_pdf_file(dir.path().join("none/a.pdf").to_str().unwrap()).is_err());
        assert!(new_pdf_file("a.pdf").is_err());
        // Team packages: .zip added when missing, never a folder, a missing folder or relative.
        let z = new_zip_file(dir.path().join("配布-一郎").to_str().unwrap()).unwrap();
        assert_eq!(z.file_name().unwrap(), "配布-一郎.zip");
        let z = new_zip_file(dir.path().join("返却.pdf").to_str().unwrap()).unwrap();
        assert_eq!(z.file_name().unwrap(), "返却.pdf.zip");
        assert!(new_zip_file(dir.path().to_str().unwrap()).is_err());
        assert!(new_zip_file(dir.path().join("none/a.zip").to_str().unwrap()).is_err());
        assert!(new_zip_file("a.zip").is_err());
        assert_eq!(file_name_part(" 東雲市/情報:政策 "), "東雲市_情報_政策");
        assert_eq!(file_name_part("..\\x"), "_x");
    }
}
