//! "Remember on this computer" (opt-in, on the unlock screen): the data key of an encrypted
//! store is kept in the OS keychain — Windows Credential Manager, macOS Keychain, the Secret
//! Service on Linux (the `keyring` crate) — so that the window opens the store at start without
//! asking. One entry per data folder (service `tenken`, account `data-key:<folder>`).
//!
//! The keychain is often missing (Linux desktops without a Secret Service, remote sessions):
//! every failure is reported as a message and the window asks for the passphrase as before.
//! The entry holds the data key, not the passphrase; it is removed by "forget", by turning
//! encryption off, and when it no longer opens the store.

use std::path::Path;

use tenken_core::crypto::DataKey;

const SERVICE: &str = "tenken";

fn account(dir: &Path) -> String {
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    format!("data-key:{}", dir.display())
}

fn entry(dir: &Path) -> Result<keyring::Entry, String> {
    keyring::Entry::new(SERVICE, &account(dir)).map_err(|e| e.to_string())
}

/// Keeps `key` for the store in `dir`. Err: why the keychain could not keep it.
pub fn remember(dir: &Path, key: &DataKey) -> Result<(), String> {
    entry(dir)?
        .set_password(&key.to_hex())
        .map_err(|e| e.to_string())
}

/// The remembered key of the store in `dir`: Ok(None) when there is none, Err when the
/// keychain cannot be asked or holds something that is not a key.
pub fn recall(dir: &Path) -> Result<Option<DataKey>, String> {
    match entry(dir)?.get_password() {
        Ok(hex) => {
            let hex = zeroize::Zeroizing::new(hex);
            DataKey::from_hex(&hex)
                .map(Some)
                .ok_or_else(|| "the keychain entry is not a tenken key".to_string())
        }
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(e) => Err(e.to_string()),
    }
}

/// Removes the remembered key of the store in `dir` (none there: nothing to do).
pub fn forget(dir: &Path) -> Result<(), String> {
    match entry(dir)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(e) => Err(e.to_string()),
    }
}

#[cfg(test)]
mod no_keychain {
    use super::*;

    /// Without a session bus (CI, a bare Linux session) the keychain cannot be reached: each
    /// call says why instead of failing the unlock.
    #[test]
    fn without_a_keychain_each_call_says_why() {
        if std::env::var_os("TENKEN_TEST_REAL_KEYCHAIN").is_some()
            || std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
            || !cfg!(target_os = "linux")
        {
            eprintln!("skipped: a keychain may be reachable here");
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let key = DataKey::random().unwrap();
        assert!(!remember(dir.path(), &key).unwrap_err().is_empty());
        assert!(recall(dir.path()).is_err());
    }
}

/// Against the OS keychain itself: run by scripts/test.sh inside `dbus-run-session` with an
/// unlocked gnome-keyring (TENKEN_TEST_REAL_KEYCHAIN=1); skipped elsewhere.
#[cfg(test)]
mod real_keychain {
    use super::*;

    #[test]
    fn the_os_keychain_keeps_recalls_and_forgets_a_key() {
        if std::env::var_os("TENKEN_TEST_REAL_KEYCHAIN").is_none() {
            eprintln!("skipped: TENKEN_TEST_REAL_KEYCHAIN is not set");
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let other = tempfile::tempdir().unwrap();
        let key = DataKey::random().unwrap();
        assert!(recall(dir.path()).unwrap().is_none());
        remember(dir.path(), &key).unwrap();
        let back = recall(dir.path()).unwrap().expect("remembered");
        assert_eq!(*back.to_hex(), *key.to_hex());
        // One entry per data folder.
        assert!(recall(other.path()).unwrap().is_none());
        forget(dir.path()).unwrap();
        assert!(recall(dir.path()).unwrap().is_none());
        forget(dir.path()).unwrap();
    }
}
