//! tenken 点検 — the desktop shell. It opens the store, registers the commands and shows the
//! window; everything else lives in tenken-core. See ARCHITECTURE.md.
// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

#[cfg(test)]
mod bindings;
mod command_error;
mod commands;
mod data_dir;
mod keychain;
mod paths;
mod state;

use state::AppState;

fn main() {
    // WebKitGTK's accelerated compositing draws every frame through OpenGL; without a GPU
    // (virtual desktops, remote sessions, software GL) a frame of this window took 300–500 ms,
    // with it off 30 ms, and the web process needs ~80 MB less. tenken uses no 3D/CSS effects
    // that need it. Measured by tests/e2e/bench_window.py; a user's own setting wins.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
    // Operational log (tenken_core::logging): a daily file in the OS log folder, no content.
    let _log = tenken_core::logging::init("tenken-app", false);
    let data_dir = match data_dir::resolve(
        std::env::args_os().skip(1),
        std::env::var_os("TENKEN_DATA_DIR"),
    ) {
        Ok(dir) => dir,
        Err(usage) => {
            eprintln!("tenken-app: {usage}");
            std::process::exit(2);
        }
    };
    // A store that cannot be opened does not stop the window: the UI shows the error.
    let state = AppState::open(&data_dir);

    use commands::*;
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            locale::ui_messages,
            locale::set_language,
            start::list_organisations,
            start::list_assessments,
            start::add_organisation,
            policy::list_policies,
            policy::policy_view,
            policy::import_policy,
            policy::policy_changes,
            policy::correct_topic,
            checklist::list_checklists,
            checklist::derive_checklist,
            checklist::create_assessment,
            assessment::dashboard,
            assessment::assessment_head,
            assessment::year_comparison,
            interview::interview_sheet,
            interview::record_answer,
            interview::start_interview,
            interview::save_interview_notes,
            findings::list_findings,
            findings::add_finding,
            findings::update_finding,
            evidence::list_evidence,
            evidence::add_file_evidence,
            evidence::add_record_evidence,
            evidence::link_evidence,
            report::export_report,
            report::open_reports_folder,
            report::report_target,
            report::report_issues,
            report::export_notices,
            sheets::xlsx_sheets,
            sheets::xlsx_import,
            sheets::open_sheets_folder,
            settings::settings,
            settings::backup_data,
            settings::restore_data,
            settings::switch_data_dir,
            edits::report_details,
            edits::save_front_matter,
            edits::add_interview,
            edits::update_interview,
            edits::remove_interview,
            edits::add_remark,
            edits::update_remark,
            edits::remove_remark,
            edits::remove_organisation,
            edits::remove_assessment,
            edits::remove_department,
            edits::remove_finding,
            edits::unlink_evidence,
            edits::remove_evidence,
            drafts::load_drafts,
            drafts::save_draft,
            unlock::lock_state,
            unlock::unlock,
            unlock::lock,
            unlock::set_autolock,
            unlock::change_passphrase,
            unlock::recover,
            unlock::set_remember,
            encryption::encrypt_store,
            encryption::decrypt_store,
            encryption::save_recovery_key,
            settings::backup_info,
            scope::scope_view,
            scope::department_scope,
            scope::set_department_role,
            scope::set_scope_rule,
            scope::set_item_scope,
            team::team_status,
            team::team_share,
            team::team_join,
            team::team_return,
            team::team_merge,
            team::team_package_encrypted,
            team::team_conflicts,
            team::team_resolve,
            about::about,
        ])
        .run(tauri::generate_context!())
        .expect("tenken-app: the window could not be started");
}
