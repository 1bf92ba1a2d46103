//! The UI's language: its Fluent messages, and the language for errors and localized views.

use tauri::State;
use tenken_core::Lang;

use crate::command_error::CommandResult;
use crate::state::AppState;

/// Fluent source of the window: the core's domain labels (ratings, classes, topics, …)
/// followed by the window's own strings (locales/<lang>/{core,ui,ui-records,ui-team}.ftl, compiled in):
/// ui.ftl = frame, start, policy, checklist, dashboard, interview;
/// ui-records.ftl = evidence, findings, report, settings; ui-team.ftl = the audit team.
#[tauri::command]
pub fn ui_messages(lang: Lang) -> String {
    match lang {
        Lang::Ja => [
            include_str!("../../../locales/ja/core.ftl"),
            include_str!("../../../locales/ja/ui.ftl"),
            include_str!("../../../locales/ja/ui-records.ftl"),
            include_str!("../../../locales/ja/ui-team.ftl"),
        ]
        .join("\n"),
        Lang::En => [
            include_str!("../../../locales/en/core.ftl"),
            include_str!("../../../locales/en/ui.ftl"),
            include_str!("../../../locales/en/ui-records.ftl"),
            include_str!("../../../locales/en/ui-team.ftl"),
        ]
        .join("\n"),
    }
}

/// Later errors and views are in `lang`; the choice is remembered for the next start.
#[tauri::command]
pub fn set_language(state: State<'_, AppState>, lang: Lang) -> CommandResult<()> {
    state.set_lang(lang)
}
