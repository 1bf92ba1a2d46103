//! The data folder and everything under it is private to the user: the records describe the
//! organisation's weaknesses. On Unix: folders 0700, the database 0600, evidence files 0400
//! (read-only, they never change). On Windows the default data folder is in the per-user
//! profile, whose access list already limits it to the user; nothing is changed there.

use std::path::Path;

/// Creates `dir` and its missing parents; the folders tenken creates are private.
pub fn create_dir_all(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
    }
    #[cfg(not(unix))]
    {
        std::fs::create_dir_all(dir)
    }
}

/// Makes a data folder created by an earlier version (or by hand) private: when the folder
/// itself is open to others, it is closed (0700) and every file and folder below it made
/// private as well. Best effort: a folder we cannot change is left as it is.
pub fn tighten_data_dir(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let Ok(meta) = std::fs::metadata(dir) else {
            return;
        };
        if meta.permissions().mode() & 0o077 == 0 {
            return;
        }
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
        tighten_below(dir);
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(unix)]
fn tighten_below(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        let mode = meta.permissions().mode();
        if meta.is_dir() {
            let _ = std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(0o700));
            tighten_below(&entry.path());
        } else if meta.is_file() && mode & 0o077 != 0 {
            let _ = std::fs::set_permissions(
                entry.path(),
                std::fs::Permissions::from_mode(mode & 0o700),
            );
        }
    }
}

/// A file of the store (the database; SQLite gives its `-wal` and `-shm` the same mode).
pub fn make_file_private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.permissions().mode() & 0o077 != 0 {
                let _ = std::fs::set_permissions(
                    path,
                    std::fs::Permissions::from_mode(meta.permissions().mode() & 0o700),
                );
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// A stored evidence file: readable by the user only, and never written again.
pub fn make_read_only(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o400))
    }
    #[cfg(not(unix))]
    {
        let mut perms = std::fs::metadata(path)?.permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(path, perms)
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn an_open_data_folder_is_closed_with_everything_below() {
        let t = tempfile::tempdir().unwrap();
        let data = t.path().join("data");
        std::fs::create_dir_all(data.join("evidence/ab")).unwrap();
        std::fs::write(data.join("evidence/ab/abc"), b"x").unwrap();
        for (p, m) in [
            (&data, 0o755),
            (&data.join("evidence"), 0o755),
            (&data.join("evidence/ab"), 0o755),
        ] {
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
        }
        std::fs::set_permissions(
            data.join("evidence/ab/abc"),
            std::fs::Permissions::from_mode(0o444),
        )
        .unwrap();
        tighten_data_dir(&data);
        assert_eq!(mode(&data), 0o700);
        assert_eq!(mode(&data.join("evidence/ab")), 0o700);
        assert_eq!(mode(&data.join("evidence/ab/abc")), 0o400);
    }

    #[test]
    fn new_folders_are_private() {
        let t = tempfile::tempdir().unwrap();
        let d = t.path().join("a/b");
        create_dir_all(&d).unwrap();
        assert_eq!(mode(&d), 0o700);
        assert_eq!(mode(&t.path().join("a")), 0o700);
    }
}
