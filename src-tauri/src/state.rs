//! Tauri-managed state: the one open store (behind a Mutex: rusqlite connections are not
//! shared between threads) and the language the UI speaks, used for error messages.

use std::path::Path;
use std::sync::{Mutex, MutexGuard, PoisonError};

use tenken_core::{Lang, Store};

use crate::command_error::{CommandError, CommandResult};

pub struct AppState {
    /// The opening error is kept so that every command reports it (e.g. a newer database).
    store: Mutex<Result<Store, tenken_core::Error>>,
    lang: Mutex<Lang>,
}

impl AppState {
    pub fn open(data_dir: &Path) -> AppState {
        let store = Store::open(data_dir);
        if let Err(e) = &store {
            eprintln!("tenken-app: {}: {}", data_dir.display(), e.localized(Lang::En));
        }
        AppState { store: Mutex::new(store), lang: Mutex::new(Lang::default()) }
    }

    pub fn lang(&self) -> Lang {
        *lock(&self.lang)
    }

    pub fn set_lang(&self, lang: Lang) {
        *lock(&self.lang) = lang;
    }

    /// Runs `f` on the store; a core error becomes `{code, message}` in the UI's language.
    pub fn with_store<T>(&self, f: impl FnOnce(&Store) -> tenken_core::Result<T>) -> CommandResult<T> {
        let lang = self.lang();
        match &*lock(&self.store) {
            Ok(store) => f(store).map_err(|e| CommandError::from_core(&e, lang)),
            Err(e) => Err(CommandError::from_core(e, lang)),
        }
    }
}

/// A panic inside one command must not lock the app for good: take the data as it is
/// (SQLite transactions keep the store itself consistent).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}
