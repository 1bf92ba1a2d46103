//! Tauri-managed state: the one open store (behind a Mutex: rusqlite connections are not
//! shared between threads), the data folder it lives in, and the language the UI speaks
//! (used for error messages and localized views). The language is kept in the data folder's
//! `settings.json` so the next start speaks it again.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use serde::{Deserialize, Serialize};
use tenken_core::crypto::{DataKey, Secret};
use tenken_core::{Lang, Store};

use crate::command_error::{CommandError, CommandResult};

pub struct AppState {
    /// The opening error is kept so that every command reports it (e.g. a newer database).
    store: Mutex<Result<Store, tenken_core::Error>>,
    data_dir: Mutex<PathBuf>,
    lang: Mutex<Lang>,
    /// What the keychain said at the last start or unlock, when it could not help (shown on
    /// the unlock screen or in Settings); None when it worked or was not asked.
    keychain_notice: Mutex<Option<String>>,
}

/// What the window remembers between sessions (in `<data dir>/settings.json`).
#[derive(Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct SavedSettings {
    pub language: Option<Lang>,
    /// Minutes of inactivity before an encrypted store is locked (0: never; none: 15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autolock_minutes: Option<u32>,
    /// The data key is remembered in the OS keychain ("remember on this computer").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub remember_key: bool,
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
        let lang = read_settings(data_dir).language.unwrap_or_default();
        let (store, notice) = open_remembered(data_dir);
        AppState {
            store: Mutex::new(store),
            data_dir: Mutex::new(data_dir.to_path_buf()),
            lang: Mutex::new(lang),
            keychain_notice: Mutex::new(notice),
        }
    }

    /// Whether the data key is remembered in the keychain for this data folder.
    pub fn remembers_key(&self) -> bool {
        read_settings(&self.data_dir()).remember_key
    }

    /// What the keychain said when it could not help (see the field).
    pub fn keychain_notice(&self) -> Option<String> {
        lock(&self.keychain_notice).clone()
    }

    fn set_remember_flag(&self, on: bool) -> CommandResult<()> {
        let lang = self.lang();
        let dir = self.data_dir();
        let mut s = read_settings(&dir);
        if s.remember_key == on {
            return Ok(());
        }
        s.remember_key = on;
        write_settings(&dir, &s).map_err(|e| {
            CommandError::from_core(&tenken_core::Error::io(dir.join("settings.json"), e), lang)
        })
    }

    /// Keeps the open store's data key in the OS keychain, or (`on` false) removes it. A
    /// keychain that cannot keep it is not an error: the notice says why, and the passphrase is
    /// asked for next time.
    pub fn set_remember(&self, on: bool) -> CommandResult<()> {
        let dir = self.data_dir();
        let result = if on {
            let key = lock(&self.store)
                .as_ref()
                .ok()
                .and_then(|s| s.data_key().cloned());
            match key {
                Some(k) => crate::keychain::remember(&dir, &k),
                None => Err("the store is not open".to_string()),
            }
        } else {
            crate::keychain::forget(&dir)
        };
        match result {
            Ok(()) => {
                *lock(&self.keychain_notice) = None;
                self.set_remember_flag(on)
            }
            Err(why) => {
                tracing::warn!(target: "tenken", event = "keychain_unavailable", remember = on);
                *lock(&self.keychain_notice) = Some(why);
                if on {
                    self.set_remember_flag(false)
                } else {
                    Ok(())
                }
            }
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
        self.unlock_with(&Secret::Passphrase(zeroize::Zeroizing::new(
            passphrase.to_string(),
        )))
    }

    /// `unlock` with the passphrase or the recovery key.
    fn unlock_with(&self, secret: &Secret) -> CommandResult<()> {
        let lang = self.lang();
        let dir = self.data_dir();
        let mut guard = lock(&self.store);
        if guard.is_ok() {
            return Ok(());
        }
        let store = tenken_core::crypto::unlock(&dir, secret)
            .and_then(|key| Store::open_keyed(&dir, Some(Arc::new(key))))
            .map_err(|e| CommandError::from_core(&e, lang))?;
        *guard = Ok(store);
        Ok(())
    }

    /// Sets a new passphrase with the recovery key (the passphrase was forgotten) and opens
    /// the store. A wrong recovery key changes nothing.
    pub fn recover(&self, recovery_key: &str, new_passphrase: &str) -> CommandResult<()> {
        let lang = self.lang();
        let secret = Secret::RecoveryKey(zeroize::Zeroizing::new(recovery_key.to_string()));
        tenken_core::crypto::convert::set_passphrase(&self.data_dir(), &secret, new_passphrase)
            .map_err(|e| CommandError::from_core(&e, lang))?;
        self.unlock_with(&secret)
    }

    /// Turns encryption on for the open plain store: the store is closed, converted
    /// (crash-safe, `convert::encrypt`) and opened again with its new key. Returns the recovery
    /// key, to be shown once. On failure the store is opened again as it was.
    pub fn encrypt(
        &self,
        passphrase: &str,
    ) -> CommandResult<tenken_core::crypto::convert::Encrypted> {
        let lang = self.lang();
        let dir = self.data_dir();
        let mut guard = lock(&self.store);
        if tenken_core::crypto::is_encrypted(&dir) {
            return Err(CommandError::from_core(
                &tenken_core::Error::AlreadyEncrypted { path: dir },
                lang,
            ));
        }
        *guard = Err(tenken_core::Error::invalid("store", dir.display(), "open"));
        let done = tenken_core::crypto::convert::encrypt(&dir, passphrase);
        let secret = Secret::Passphrase(zeroize::Zeroizing::new(passphrase.to_string()));
        *guard = match &done {
            Ok(_) => tenken_core::crypto::unlock(&dir, &secret)
                .and_then(|key| Store::open_keyed(&dir, Some(Arc::new(key)))),
            Err(_) => open_store(&dir),
        };
        drop(guard);
        done.map_err(|e| CommandError::from_core(&e, lang))
    }

    /// Turns encryption off (the passphrase first): the store is closed, converted back to a
    /// plain one (crash-safe) and opened again; a remembered key is removed from the keychain.
    pub fn decrypt(
        &self,
        passphrase: &str,
    ) -> CommandResult<tenken_core::crypto::convert::Decrypted> {
        let lang = self.lang();
        let dir = self.data_dir();
        let secret = Secret::Passphrase(zeroize::Zeroizing::new(passphrase.to_string()));
        // The passphrase is checked before the store is closed.
        let key = tenken_core::crypto::unlock(&dir, &secret)
            .map_err(|e| CommandError::from_core(&e, lang))?;
        let mut guard = lock(&self.store);
        *guard = Err(tenken_core::Error::invalid("store", dir.display(), "open"));
        let done = tenken_core::crypto::convert::decrypt(&dir, &secret);
        *guard = match &done {
            Ok(_) => open_store(&dir),
            Err(_) => Store::open_keyed(&dir, Some(Arc::new(key))),
        };
        drop(guard);
        let done = done.map_err(|e| CommandError::from_core(&e, lang))?;
        if self.remembers_key() {
            self.set_remember(false)?;
        }
        Ok(done)
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
    /// An encrypted store there is not opened: the window shows the unlock screen for it (or
    /// opens it with the key remembered for that folder).
    pub fn switch_data_dir(&self, dir: &Path) -> CommandResult<()> {
        let lang = self.lang();
        let (store, notice) = open_remembered(dir);
        match &store {
            Err(tenken_core::Error::PassphraseRequired { .. }) | Ok(_) => {}
            Err(e) => return Err(CommandError::from_core(e, lang)),
        }
        *lock(&self.store) = store;
        *lock(&self.data_dir) = dir.to_path_buf();
        *lock(&self.keychain_notice) = notice;
        Ok(())
    }

    /// Closes the store, runs `f` on the (closed) data folder, then opens the store again —
    /// whatever `f` returned — with the data key it had, or the one `f` put in its second
    /// argument (a restored encrypted backup brings its own). Used by restore, which replaces
    /// the database file.
    pub fn with_store_closed<T>(
        &self,
        f: impl FnOnce(&Path, &mut Option<Arc<DataKey>>) -> tenken_core::Result<T>,
    ) -> CommandResult<T> {
        let lang = self.lang();
        let dir = self.data_dir();
        let mut guard = lock(&self.store);
        let mut key = guard.as_ref().ok().and_then(|s| s.data_key().cloned());
        *guard = Err(tenken_core::Error::invalid("store", dir.display(), "open"));
        let result = f(&dir, &mut key);
        *guard = match key {
            Some(k) if tenken_core::crypto::is_encrypted(&dir) => Store::open_keyed(&dir, Some(k))
                .map_err(|_| tenken_core::Error::PassphraseRequired { path: dir.clone() }),
            _ => open_store(&dir),
        };
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

/// Opens the store in `data_dir`; an encrypted one with the key remembered in the keychain
/// when the user chose so (else it stays locked). The second value says why the keychain did
/// not open it, when it was asked and could not.
fn open_remembered(data_dir: &Path) -> (Result<Store, tenken_core::Error>, Option<String>) {
    let store = open_store(data_dir);
    if !matches!(store, Err(tenken_core::Error::PassphraseRequired { .. }))
        || !read_settings(data_dir).remember_key
    {
        return (store, None);
    }
    match crate::keychain::recall(data_dir) {
        Ok(Some(key)) => match Store::open_keyed(data_dir, Some(Arc::new(key))) {
            Ok(s) => (Ok(s), None),
            Err(e) => {
                // A key that no longer opens the store (encrypted again since): forget it.
                let _ = crate::keychain::forget(data_dir);
                (store, Some(e.localized(Lang::En)))
            }
        },
        Ok(None) => (store, Some("no key is remembered for this folder".into())),
        Err(why) => (store, Some(why)),
    }
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
    fn encryption_on_and_off_in_the_window_keeps_the_records_and_the_store_open() {
        std::env::set_var("TENKEN_TEST_WEAK_KDF", "1");
        let dir = tempfile::tempdir().unwrap();
        let s = AppState::open(dir.path());
        s.with_store_mut(|st| st.add_organisation("東雲市", None))
            .unwrap();
        assert_eq!(s.encrypt("short").unwrap_err().code, "passphrase_too_short");
        assert_eq!(s.lock_state(), LockState::Plain);
        let on = s.encrypt("a long passphrase 1").unwrap();
        assert!(on.recovery_key.len() > 40);
        assert_eq!(s.lock_state(), LockState::Unlocked);
        assert_eq!(s.with_store(|st| st.list_organisations()).unwrap().len(), 1);
        assert_eq!(
            s.encrypt("a long passphrase 1").unwrap_err().code,
            "already_encrypted"
        );
        // Off: the passphrase is checked first; a wrong one leaves it encrypted and open.
        assert_eq!(
            s.decrypt("not the passphrase").unwrap_err().code,
            "wrong_passphrase"
        );
        assert_eq!(s.lock_state(), LockState::Unlocked);
        s.decrypt("a long passphrase 1").unwrap();
        assert_eq!(s.lock_state(), LockState::Plain);
        assert_eq!(s.with_store(|st| st.list_organisations()).unwrap().len(), 1);
        // Recovery: the recovery key of a second encryption sets a new passphrase and opens.
        let on = s.encrypt("a long passphrase 2").unwrap();
        s.lock_store();
        assert_eq!(
            s.recover("AAAA-BBBB", "a new passphrase 3")
                .unwrap_err()
                .code,
            "wrong_recovery_key"
        );
        assert_eq!(s.lock_state(), LockState::Locked);
        s.recover(&on.recovery_key, "a new passphrase 3").unwrap();
        assert_eq!(s.lock_state(), LockState::Unlocked);
        s.lock_store();
        assert_eq!(
            s.unlock("a long passphrase 2").unwrap_err().code,
            "wrong_passphrase"
        );
        s.unlock("a new passphrase 3").unwrap();
    }

    #[test]
    fn reopening_after_a_restore_keeps_an_encrypted_store_unlocked() {
        std::env::set_var("TENKEN_TEST_WEAK_KDF", "1");
        let dir = tempfile::tempdir().unwrap();
        let s = AppState::open(dir.path());
        s.with_store_mut(|st| st.add_organisation("東雲市", None))
            .unwrap();
        s.encrypt("a long passphrase 1").unwrap();
        s.with_store_closed(|_, key| {
            assert!(key.is_some(), "the open store's key is handed over");
            Ok(())
        })
        .unwrap();
        assert_eq!(s.lock_state(), LockState::Unlocked);
        assert_eq!(s.with_store(|st| st.list_organisations()).unwrap().len(), 1);
        // A key that does not open the store (another store's): locked, not broken.
        s.with_store_closed(|_, key| {
            *key = Some(Arc::new(DataKey::random()?));
            Ok(())
        })
        .unwrap_err();
        assert_eq!(s.lock_state(), LockState::Locked);
        s.unlock("a long passphrase 1").unwrap();
    }

    #[test]
    fn switching_to_an_encrypted_folder_shows_it_locked() {
        std::env::set_var("TENKEN_TEST_WEAK_KDF", "1");
        let plain = tempfile::tempdir().unwrap();
        let enc = tempfile::tempdir().unwrap();
        {
            let other = AppState::open(enc.path());
            other
                .with_store_mut(|st| st.add_organisation("西ヶ丘町", None))
                .unwrap();
            other.encrypt("a long passphrase 1").unwrap();
        }
        let s = AppState::open(plain.path());
        s.switch_data_dir(enc.path()).unwrap();
        assert_eq!(s.data_dir(), enc.path());
        assert_eq!(s.lock_state(), LockState::Locked);
        s.unlock("a long passphrase 1").unwrap();
        let orgs = s.with_store(|st| st.list_organisations()).unwrap();
        assert_eq!(orgs[0].name, "西ヶ丘町");
    }

    #[test]
    fn without_a_keychain_remember_says_why_and_the_store_stays_open() {
        if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() || !cfg!(target_os = "linux") {
            eprintln!("skipped: a keychain may be reachable here");
            return;
        }
        std::env::set_var("TENKEN_TEST_WEAK_KDF", "1");
        let dir = tempfile::tempdir().unwrap();
        let s = AppState::open(dir.path());
        s.encrypt("a long passphrase 1").unwrap();
        s.set_remember(true).unwrap();
        assert!(s.keychain_notice().is_some());
        assert!(!s.remembers_key());
        assert_eq!(s.lock_state(), LockState::Unlocked);
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
        let e = s.with_store_closed(|_, _| -> tenken_core::Result<()> {
            Err(tenken_core::Error::invalid("x", "y", "z"))
        });
        assert_eq!(e.unwrap_err().code, "invalid_value");
        assert_eq!(s.with_store(|st| st.list_organisations()).unwrap().len(), 1);
    }
}
