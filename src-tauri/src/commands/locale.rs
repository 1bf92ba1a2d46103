//! The UI's language: its Fluent messages, and the language for error messages.

use tauri::State;
use tenken_core::Lang;

use crate::state::AppState;

/// Fluent source of the window's strings (locales/<lang>/ui.ftl, compiled in).
#[tauri::command]
pub fn ui_messages(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => include_str!("../../../locales/ja/ui.ftl"),
        Lang::En => include_str!("../../../locales/en/ui.ftl"),
    }
}

/// Later errors are reported in `lang`.
#[tauri::command]
pub fn set_language(state: State<'_, AppState>, lang: Lang) {
    state.set_lang(lang);
}
