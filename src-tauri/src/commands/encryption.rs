//! Encryption on and off, from Settings. Turning it on gives the recovery key once: the window
//! shows it with a print button and can save it to a file (outside the data folder, never over
//! another file); it is not kept anywhere by tenken.

use serde::Serialize;
use tauri::State;

use crate::command_error::{CommandError, CommandResult};
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct EncryptionOn {
    /// The recovery key: shown once, never stored by tenken.
    pub recovery_key: String,
    pub evidence_files: u32,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct EncryptionOff {
    pub evidence_files: u32,
}

/// Encrypts the open plain store with `passphrase` (in place, crash-safe).
#[tauri::command(async)]
pub fn encrypt_store(
    state: State<'_, AppState>,
    passphrase: String,
) -> CommandResult<EncryptionOn> {
    let passphrase = zeroize::Zeroizing::new(passphrase);
    let done = state.encrypt(&passphrase)?;
    Ok(EncryptionOn {
        recovery_key: done.recovery_key.to_string(),
        evidence_files: done.evidence_files as u32,
    })
}

/// Turns the encrypted store back into a plain one (the passphrase first).
#[tauri::command(async)]
pub fn decrypt_store(
    state: State<'_, AppState>,
    passphrase: String,
) -> CommandResult<EncryptionOff> {
    let passphrase = zeroize::Zeroizing::new(passphrase);
    let done = state.decrypt(&passphrase)?;
    Ok(EncryptionOff {
        evidence_files: done.evidence_files as u32,
    })
}

/// Writes the recovery key, with what it opens, to a new text file at `path` (a file chosen in
/// the save dialog: never inside the data folder, never over an existing file).
#[tauri::command(async)]
pub fn save_recovery_key(
    state: State<'_, AppState>,
    path: String,
    recovery_key: String,
) -> CommandResult<String> {
    let lang = state.lang();
    let recovery_key = zeroize::Zeroizing::new(recovery_key);
    let path = std::path::PathBuf::from(path);
    let today = chrono::Local::now().date_naive();
    let date = match lang {
        tenken_core::Lang::Ja => tenken_core::calendar::wareki_date(today),
        _ => tenken_core::calendar::english_date(today),
    };
    let text = zeroize::Zeroizing::new(tenken_core::i18n::tr(
        lang,
        "recovery-key-file",
        &[
            ("key", recovery_key.as_str().into()),
            ("folder", state.data_dir().display().to_string().into()),
            ("date", date.into()),
        ],
    ));
    state
        .output()
        .write(&path, text.as_bytes())
        .map_err(|e| CommandError::from_core(&e, lang))?;
    Ok(path.display().to_string())
}
