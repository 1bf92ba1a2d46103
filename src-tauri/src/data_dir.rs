//! Where the store lives: `--data-dir DIR` (or `--data-dir=DIR`), else `TENKEN_DATA_DIR`,
//! else the folder chosen in the window's settings (remembered in the OS config folder,
//! `~/.config/tenken/data-dir`), else `tenken_core::default_data_dir()`.

use std::ffi::OsString;
use std::path::PathBuf;

const USAGE: &str = "usage: tenken-app [--data-dir DIR]";

/// The file remembering the folder chosen in the window.
fn remembered_file() -> Option<PathBuf> {
    if let Some(f) = std::env::var_os("TENKEN_APP_CONFIG").filter(|f| !f.is_empty()) {
        return Some(PathBuf::from(f));
    }
    directories::ProjectDirs::from("", "", "tenken").map(|p| p.config_dir().join("data-dir"))
}

pub fn remembered() -> Option<PathBuf> {
    let text = std::fs::read_to_string(remembered_file()?).ok()?;
    let p = PathBuf::from(text.trim());
    p.is_absolute().then_some(p)
}

pub fn remember(dir: &std::path::Path) -> std::io::Result<()> {
    let Some(f) = remembered_file() else {
        return Ok(());
    };
    if let Some(parent) = f.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(f, dir.display().to_string())
}

pub fn resolve(
    args: impl IntoIterator<Item = OsString>,
    env: Option<OsString>,
) -> Result<PathBuf, String> {
    let mut from_args = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy();
        if text == "--data-dir" {
            let value = args
                .next()
                .ok_or_else(|| format!("--data-dir needs a folder\n{USAGE}"))?;
            from_args = Some(PathBuf::from(value));
        } else if let Some(value) = text.strip_prefix("--data-dir=") {
            from_args = Some(PathBuf::from(value));
        } else {
            return Err(format!("unknown argument {text}\n{USAGE}"));
        }
    }
    Ok(from_args
        .or_else(|| env.filter(|v| !v.is_empty()).map(PathBuf::from))
        .or_else(remembered)
        .unwrap_or_else(tenken_core::default_data_dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(v: &[&str]) -> Vec<OsString> {
        v.iter().map(OsString::from).collect()
    }

    #[test]
    fn argument_wins_over_environment() {
        let dir = resolve(os(&["--data-dir", "/a"]), Some("/b".into())).unwrap();
        assert_eq!(dir, PathBuf::from("/a"));
        let dir = resolve(os(&["--data-dir=/c"]), Some("/b".into())).unwrap();
        assert_eq!(dir, PathBuf::from("/c"));
    }

    #[test]
    fn environment_then_default() {
        assert_eq!(
            resolve(os(&[]), Some("/b".into())).unwrap(),
            PathBuf::from("/b")
        );
        let fallback = remembered().unwrap_or_else(tenken_core::default_data_dir);
        assert_eq!(resolve(os(&[]), Some("".into())).unwrap(), fallback);
        assert_eq!(resolve(os(&[]), None).unwrap(), fallback);
    }

    #[test]
    fn bad_arguments_are_refused() {
        assert!(resolve(os(&["--data-dir"]), None).is_err());
        assert!(resolve(os(&["--verbose"]), None).is_err());
    }
}
