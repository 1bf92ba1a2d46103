//! Unlock: an encrypted store is opened only with its passphrase (the unlock screen), and closed
//! again by "lock now" or after the chosen idle time (auto-lock). Drafts live in
//! `<data dir>/drafts.json`, outside the store, so locking never drops one; they are restored
//! when the screens load after unlocking.

use serde::Serialize;
use tauri::State;

use crate::command_error::CommandResult;
use crate::state::{AppState, LockState};

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct LockInfo {
    pub state: LockState,
    /// The UI's language (known even while the store is locked).
    pub language: tenken_core::Lang,
    /// The chosen auto-lock time in minutes (0: never).
    pub autolock_minutes: u32,
    /// Seconds of inactivity before auto-lock (0: never): the chosen minutes, or
    /// `TENKEN_AUTOLOCK_SECONDS` when set (tests).
    pub autolock_seconds: u32,
    /// The data folder (the unlock screen says which one is locked).
    pub data_dir: String,
    /// The data key is remembered in the OS keychain for this folder.
    pub remembered: bool,
    /// Why the keychain could not help at the last start, unlock or change (None: it did, or
    /// it was not asked). The window then asks for the passphrase as usual.
    pub keychain_notice: Option<String>,
}

fn info(state: &AppState) -> LockInfo {
    let minutes = state.autolock_minutes();
    let seconds = std::env::var("TENKEN_AUTOLOCK_SECONDS")
        .ok()
        .and_then(|s| s.trim().parse::<u32>().ok())
        .unwrap_or(minutes.saturating_mul(60));
    LockInfo {
        state: state.lock_state(),
        language: state.lang(),
        autolock_minutes: minutes,
        autolock_seconds: seconds,
        data_dir: state.data_dir().display().to_string(),
        remembered: state.remembers_key(),
        keychain_notice: state.keychain_notice(),
    }
}

#[tauri::command(async)]
pub fn lock_state(state: State<'_, AppState>) -> CommandResult<LockInfo> {
    Ok(info(&state))
}

/// Opens the encrypted store with `passphrase`; `wrong_passphrase` leaves it locked. With
/// `remember`, the data key is then kept in the OS keychain (when there is none, the store is
/// open all the same and `keychain_notice` says why it is not remembered).
#[tauri::command(async)]
pub fn unlock(
    state: State<'_, AppState>,
    passphrase: String,
    remember: bool,
) -> CommandResult<LockInfo> {
    let passphrase = zeroize::Zeroizing::new(passphrase);
    state.unlock(&passphrase)?;
    if remember {
        state.set_remember(true)?;
    }
    Ok(info(&state))
}

/// The passphrase is forgotten: the recovery key sets a new one and opens the store.
#[tauri::command(async)]
pub fn recover(
    state: State<'_, AppState>,
    recovery_key: String,
    new_passphrase: String,
) -> CommandResult<LockInfo> {
    let recovery_key = zeroize::Zeroizing::new(recovery_key);
    let new_passphrase = zeroize::Zeroizing::new(new_passphrase);
    state.recover(&recovery_key, &new_passphrase)?;
    Ok(info(&state))
}

/// "Remember on this computer" on or off for the open encrypted store.
#[tauri::command(async)]
pub fn set_remember(state: State<'_, AppState>, on: bool) -> CommandResult<LockInfo> {
    state.set_remember(on)?;
    Ok(info(&state))
}

/// Closes an encrypted store (a plain one stays open).
#[tauri::command(async)]
pub fn lock(state: State<'_, AppState>) -> CommandResult<LockInfo> {
    state.lock_store();
    Ok(info(&state))
}

/// Sets the auto-lock time in minutes (0: never).
#[tauri::command(async)]
pub fn set_autolock(state: State<'_, AppState>, minutes: u32) -> CommandResult<LockInfo> {
    state.set_autolock_minutes(minutes)?;
    Ok(info(&state))
}

/// Changes the passphrase (the current one first); the data key is re-wrapped, nothing else.
#[tauri::command(async)]
pub fn change_passphrase(
    state: State<'_, AppState>,
    old_passphrase: String,
    new_passphrase: String,
) -> CommandResult<()> {
    let old = zeroize::Zeroizing::new(old_passphrase);
    let new = zeroize::Zeroizing::new(new_passphrase);
    state.change_passphrase(&old, &new)
}
