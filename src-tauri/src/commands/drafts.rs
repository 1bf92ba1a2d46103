//! Drafts: text being typed (an item's note, the interview record, a finding not yet saved),
//! written to `<data dir>/drafts.json` on every change, before the debounced save reaches the
//! store. If the window closes (or is killed) in between, the next start restores the draft.
//! A draft is removed once its text is saved (the UI sends an empty text).
//!
//! The file is rewritten whole (temporary file + rename, so a crash leaves the old or the new
//! one, never half); it is small (only unsaved text) and not part of the audit record.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use tauri::State;

use crate::command_error::{CommandError, CommandResult};
use crate::state::AppState;

/// Serialises writers of the drafts file.
static WRITE: Mutex<()> = Mutex::new(());

/// One draft: its text ("" once saved: kept as a marker so an older write that arrives late
/// cannot bring a stale text back) and the UI's sequence number of the change.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
struct Entry {
    text: String,
    seq: i64,
}

fn file(dir: &Path) -> PathBuf {
    dir.join("drafts.json")
}

fn read_all(dir: &Path) -> BTreeMap<String, Entry> {
    std::fs::read(file(dir))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

/// The drafts not yet saved: key → text.
pub fn read(dir: &Path) -> BTreeMap<String, String> {
    read_all(dir)
        .into_iter()
        .filter(|(_, e)| !e.text.is_empty())
        .map(|(k, e)| (k, e.text))
        .collect()
}

/// Sets one draft (an empty text marks it saved) unless a later change (higher `seq`) is
/// already there: IPC calls may arrive out of order.
pub fn put(dir: &Path, key: &str, text: &str, seq: i64) -> std::io::Result<()> {
    let _guard = WRITE.lock().unwrap_or_else(|p| p.into_inner());
    let mut all = read_all(dir);
    if all
        .get(key)
        .is_some_and(|e| e.seq > seq || (e.seq == seq && e.text == text))
    {
        return Ok(());
    }
    all.insert(
        key.to_string(),
        Entry {
            text: text.to_string(),
            seq,
        },
    );
    // Saved markers older than a day are dropped (a late write is milliseconds late).
    let day = 86_400_000_000i64; // seq is microseconds since 1970
    all.retain(|_, e| !e.text.is_empty() || e.seq > seq - day);
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join("drafts.json.tmp");
    std::fs::write(&tmp, serde_json::to_vec(&all).expect("drafts serialize"))?;
    std::fs::rename(tmp, file(dir))
}

#[tauri::command(async)]
pub fn load_drafts(state: State<'_, AppState>) -> CommandResult<BTreeMap<String, String>> {
    Ok(read(&state.data_dir()))
}

/// Keeps `text` as the draft of `key` (empty: saved, no draft), ordered by `seq`.
#[tauri::command(async)]
pub fn save_draft(
    state: State<'_, AppState>,
    key: String,
    text: String,
    seq: i64,
) -> CommandResult<()> {
    let dir = state.data_dir();
    put(&dir, &key, &text, seq)
        .map_err(|e| CommandError::from_core(&tenken_core::Error::io(file(&dir), e), state.lang()))
}

#[cfg(test)]
mod tests {
    const T: i64 = 1_780_000_000_000_000;

    #[test]
    fn drafts_are_kept_until_saved_and_late_writes_do_not_win() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        super::put(d, "note:1:2:AU-1", "途中のメ", T).unwrap();
        super::put(d, "note:1:2:AU-1", "途中のメモ", T + 2).unwrap();
        // An older keystroke's write arriving late does not replace the newer text.
        super::put(d, "note:1:2:AU-1", "途中の", T + 1).unwrap();
        super::put(d, "finding:1:2:AU-1", "{\"fact\":\"x\"}", T + 3).unwrap();
        assert_eq!(
            super::read(d).get("note:1:2:AU-1").map(String::as_str),
            Some("途中のメモ")
        );
        // Saved (empty text) as of T+2: gone; a late older write cannot bring it back.
        super::put(d, "note:1:2:AU-1", "", T + 2).unwrap();
        super::put(d, "note:1:2:AU-1", "途中のメ", T).unwrap();
        assert_eq!(
            super::read(d).keys().collect::<Vec<_>>(),
            ["finding:1:2:AU-1"]
        );
        // A save that began before the last keystroke does not clear the newer draft.
        super::put(d, "finding:1:2:AU-1", "", T + 1).unwrap();
        assert_eq!(super::read(d).len(), 1);
        // A damaged file reads as no drafts rather than stopping the window.
        std::fs::write(d.join("drafts.json"), b"{not json").unwrap();
        assert!(super::read(d).is_empty());
    }
}
