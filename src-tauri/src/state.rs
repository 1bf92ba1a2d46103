//! Tauri-managed state: the one open store (behind a Mutex: rusqlite connections are not
//! shared between threads), the data folder it lives in, and the language the UI speaks
//! (used for error messages and localized views). The language is kept in the data folder's
//! `settings.json` so the next start speaks it again.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use serde::{Deserialize, Serialize};
use tenken_core::{Lang, Store};

use crate::command_error::{CommandError, CommandResult};

pub struct AppState {
    /// The opening error is kept so that every command reports it (e.g. a newer database).
    store: Mutex<Result<Store, tenken_core::Error>>,
    data_dir: Mutex<PathBuf>,
    lang: Mutex<Lang>,
}

/// What the window remembers between sessions (in `<data dir>/settings.json`).
#[derive(Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct SavedSettings {
    pub language: Option<Lang>,
    /// Minutes of inactivity before an encrypted store is locked (0: never; none: 15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autolock_minutes: Option<u32>,
}

pub fn read_settings(data_dir: &Path) -> SavedSettings {
    std::fs::read(data_dir.join("settings.json"))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

fn write_settings(data_dir: &Path, s: &SavedSettings) -> std::io::Result<()> {
    std::fs::create_dir_all(data_dir)?;
    let tmp = data_dir.join("settings.json.tmp");
    std::fs::write(
        &tmp,
        serde_json::to_vec_pretty(s).expect("settings serialize"),
    )?;
    std::fs::rename(tmp, data_dir.join("settings.json"))
}

impl AppState {
    pub fn open(data_dir: &Path) -> AppState {
        let store = open_store(data_dir);
        let lang = read_settings(data_dir).language.unwrap_or_default();
        AppState {
            store: Mutex::new(store),
            data_dir: Mutex::new(data_dir.to_path_buf()),
            lang: Mutex::new(lang),
        }
    }

    pub fn lang(&self) -> Lang {
        *lock(&self.lang)
    }

    pub fn data_dir(&self) -> PathBuf {
        lock(&self.data_dir).clone()
    }

    /// Where the window saves what it writes for people (reports, answer sheets): the user's
    /// documents folder (`Documents/tenken`), never the data folder — an output there could
    /// replace a record. `TENKEN_OUTPUT_DIR` overrides it (tests, managed machines).
    pub fn output_dir(&self) -> PathBuf {
        if let Some(d) = std::env::var_os("TENKEN_OUTPUT_DIR").filter(|d| !d.is_empty()) {
            return PathBuf::from(d);
        }
        directories::UserDirs::new()
            .and_then(|u| u.document_dir().map(|d| d.join("tenken")))
            .or_else(|| directories::UserDirs::new().map(|u| u.home_dir().join("tenken")))
            .unwrap_or_else(|| std::env::temp_dir().join("tenken"))
    }

    /// The output rule of the window: never inside the data folder, never over a file.
    pub fn output(&self) -> tenken_core::output::Output {
        tenken_core::output::Output::new(&self.data_dir(), false)
    }

    /// Switches the language and remembers it for the next start.
    pub fn set_lang(&self, lang: Lang) -> CommandResult<()> {
        *lock(&self.lang) = lang;
        let dir = self.data_dir();
        let mut s = read_settings(&dir);
        s.language = Some(lang);
        write_settings(&dir, &s).map_err(|e| {
            CommandError::from_core(&tenken_core::Error::io(dir.join("settings.json"), e), lang)
        })
    }

    /// Minutes of inactivity before the window locks an encrypted store (0: never).
    pub fn autolock_minutes(&self) -> u32 {
        read_settings(&self.data_dir())
            .autolock_minutes
            .unwrap_or(DEFAULT_AUTOLOCK_MINUTES)
    }

    /// Remembers the auto-lock time.
    pub fn set_autolock_minutes(&self, minutes: u32) -> CommandResult<()> {
        let lang = self.lang();
        let dir = self.data_dir();
        let mut s = read_settings(&dir);
        s.autolock_minutes = Some(minutes);
        write_settings(&dir, &s).map_err(|e| {
            CommandError::from_core(&tenken_core::Error::io(dir.join("settings.json"), e), lang)
        })
    }

    /// Whether the data folder holds an encrypted store, and whether it is open.
    pub fn lock_state(&self) -> LockState {
        if !tenken_core::crypto::is_encrypted(&self.data_dir()) {
            LockState::Plain
        } else if lock(&self.store).is_ok() {
            LockState::Unlocked
        } else {
            LockState::Locked
        }
    }

    /// Unwraps the data key with `passphrase` and opens the encrypted store with it. A wrong
    /// passphrase changes nothing (the store stays locked). Already open: nothing to do.
    pub fn unlock(&self, passphrase: &str) -> CommandResult<()> {
        let lang = self.lang();
        let dir = self.data_dir();
        let mut guard = lock(&self.store);
        if guard.is_ok() {
            return Ok(());
        }
        let secret = tenken_core::crypto::Secret::Passphrase(zeroize::Zeroizing::new(
            passphrase.to_string(),
        ));
        let store = tenken_core::crypto::unlock(&dir, &secret)
            .and_then(|key| Store::open_keyed(&dir, Some(std::sync::Arc::new(key))))
            .map_err(|e| CommandError::from_core(&e, lang))?;
        *guard = Ok(store);
        Ok(())
    }

    /// Re-wraps the data key of the encrypted store under `new` (checked with `old` first;
    /// nothing else changes, the open store stays open).
    pub fn change_passphrase(&self, old: &str, new: &str) -> CommandResult<()> {
        let lang = self.lang();
        let old = tenken_core::crypto::Secret::Passphrase(zeroize::Zeroizing::new(old.to_string()));
        tenken_core::crypto::convert::set_passphrase(&self.data_dir(), &old, new)
            .map_err(|e| CommandError::from_core(&e, lang))
    }

    /// Closes an encrypted store (the key goes with it); a plain store stays open. Drafts are
    /// in `drafts.json`, outside the store, and are not touched.
    pub fn lock_store(&self) {
        let dir = self.data_dir();
        if tenken_core::crypto::is_encrypted(&dir) {
            *lock(&self.store) = Err(tenken_core::Error::PassphraseRequired { path: dir });
        }
    }

    /// Runs `f` on the store; a core error becomes `{code, message}` in the UI's language.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&Store) -> tenken_core::Result<T>,
    ) -> CommandResult<T> {
        let lang = self.lang();
        match &*lock(&self.store) {
            Ok(store) => f(store).map_err(|e| CommandError::from_core(&e, lang)),
            Err(e) => Err(CommandError::from_core(e, lang)),
        }
    }

    /// As `with_store`, for use cases that change the store.
    pub fn with_store_mut<T>(
        &self,
        f: impl FnOnce(&mut Store) -> tenken_core::Result<T>,
    ) -> CommandResult<T> {
        let lang = self.lang();
        match &mut *lock(&self.store) {
            Ok(store) => f(store).map_err(|e| CommandError::from_core(&e, lang)),
            Err(e) => Err(CommandError::from_core(e, lang)),
        }
    }

    /// Opens the store in `dir` and, if that worked, uses it from now on (the old one is closed).
    pub fn switch_data_dir(&self, dir: &Path) -> CommandResult<()> {
        let lang = self.lang();
        let store = Store::open(dir).map_err(|e| CommandError::from_core(&e, lang))?;
        *lock(&self.store) = Ok(store);
        *lock(&self.data_dir) = dir.to_path_buf();
        Ok(())
    }

    /// Closes the store, runs `f` on the (closed) data folder, then opens the store again —
    /// whatever `f` returned. Used by restore, which replaces the database file.
    pub fn with_store_closed<T>(
        &self,
        f: impl FnOnce(&Path) -> tenken_core::Result<T>,
    ) -> CommandResult<T> {
        let lang = self.lang();
        let dir = self.data_dir();
        let mut guard = lock(&self.store);
        *guard = Err(tenken_core::Error::invalid("store", dir.display(), "open"));
        let result = f(&dir);
        *guard = open_store(&dir);
        let r = result.map_err(|e| CommandError::from_core(&e, lang))?;
        if let Err(e) = &*guard {
            return Err(CommandError::from_core(e, lang));
        }
        Ok(r)
    }
}

/// Auto-lock after this many idle minutes unless the user chose otherwise.
pub const DEFAULT_AUTOLOCK_MINUTES: u32 = 15;

/// Whether the window's store is encrypted and open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum LockState {
    /// A plain (unencrypted) store, or none yet.
    Plain,
    /// An encrypted store, not open: the unlock screen is shown.
    Locked,
    /// An encrypted store, open.
    Unlocked,
}

fn open_store(data_dir: &Path) -> Result<Store, tenken_core::Error> {
    let store = Store::open(data_dir);
    if let Err(e) = &store {
        eprintln!(
            "tenken-app: {}: {}",
            data_dir.display(),
            e.localized(Lang::En)
        );
    }
    store
}

/// A panic inside one command must not lock the app for good: take the data as it is
/// (SQLite transactions keep the store itself consistent).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_survives_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let s = AppState::open(dir.path());
        assert_eq!(s.lang(), Lang::Ja);
        s.set_lang(Lang::En).unwrap();
        drop(s);
        assert_eq!(AppState::open(dir.path()).lang(), Lang::En);
    }

    #[test]
    fn an_encrypted_store_starts_locked_and_unlocks_only_with_its_passphrase() {
        std::env::set_var("TENKEN_TEST_WEAK_KDF", "1");
        let dir = tempfile::tempdir().unwrap();
        {
            let s = AppState::open(dir.path());
            assert_eq!(s.lock_state(), LockState::Plain);
            s.with_store_mut(|st| st.add_organisation("東雲市", None))
                .unwrap();
        }
        tenken_core::crypto::convert::encrypt(dir.path(), "correct horse battery").unwrap();
        crate::commands::drafts::put(dir.path(), "note:1:2:3", "書きかけ", 1).unwrap();
        let s = AppState::open(dir.path());
        assert_eq!(s.lock_state(), LockState::Locked);
        assert_eq!(
            s.with_store(|st| st.list_organisations()).unwrap_err().code,
            "passphrase_required"
        );
        assert_eq!(
            s.unlock("wrong one here").unwrap_err().code,
            "wrong_passphrase"
        );
        assert_eq!(s.lock_state(), LockState::Locked);
        s.unlock("correct horse battery").unwrap();
        assert_eq!(s.lock_state(), LockState::Unlocked);
        assert_eq!(s.with_store(|st| st.list_organisations()).unwrap().len(), 1);
        s.lock_store();
        assert_eq!(s.lock_state(), LockState::Locked);
        assert!(s.with_store(|st| st.list_organisations()).is_err());
        // Locking never touches the drafts.
        assert_eq!(
            crate::commands::drafts::read(dir.path())
                .get("note:1:2:3")
                .map(String::as_str),
            Some("書きかけ")
        );
        s.unlock("correct horse battery").unwrap();
        assert_eq!(s.with_store(|st| st.list_organisations()).unwrap().len(), 1);
        // Changing the passphrase: the old one is checked; the new one opens the store next time.
        assert_eq!(
            s.change_passphrase("not the one", "a new passphrase 2")
                .unwrap_err()
                .code,
            "wrong_passphrase"
        );
        s.change_passphrase("correct horse battery", "a new passphrase 2")
            .unwrap();
        assert_eq!(s.with_store(|st| st.list_organisations()).unwrap().len(), 1);
        drop(s);
        let s = AppState::open(dir.path());
        assert_eq!(
            s.unlock("correct horse battery").unwrap_err().code,
            "wrong_passphrase"
        );
        s.unlock("a new passphrase 2").unwrap();
    }

    #[test]
    fn autolock_minutes_default_and_remembered() {
        let dir = tempfile::tempdir().unwrap();
        let s = AppState::open(dir.path());
        assert_eq!(s.autolock_minutes(), DEFAULT_AUTOLOCK_MINUTES);
        s.set_autolock_minutes(0).unwrap();
        drop(s);
        assert_eq!(AppState::open(dir.path()).autolock_minutes(), 0);
    }

    #[test]
    fn restore_reopens_the_store_even_when_it_fails() {
        let dir = tempfile::tempdir().unwrap();
        let s = AppState::open(dir.path());
        s.with_store_mut(|st| st.add_organisation("東雲市", None))
            .unwrap();
        let e = s.with_store_closed(|_| -> tenken_core::Result<()> {
            Err(tenken_core::Error::invalid("x", "y", "z"))
        });
        assert_eq!(e.unwrap_err().code, "invalid_value");
        assert_eq!(s.with_store(|st| st.list_organisations()).unwrap().len(), 1);
    }
}
