//! tenken 点検 — the desktop shell. It opens the store, registers the commands and shows the
//! window; everything else lives in tenken-core. See ARCHITECTURE.md.
// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod command_error;
mod commands;
mod data_dir;
mod state;

use state::AppState;

fn main() {
    let data_dir = match data_dir::resolve(std::env::args_os().skip(1), std::env::var_os("TENKEN_DATA_DIR")) {
        Ok(dir) => dir,
        Err(usage) => {
            eprintln!("tenken-app: {usage}");
            std::process::exit(2);
        }
    };
    // A store that cannot be opened does not stop the window: the UI shows the error.
    let state = AppState::open(&data_dir);

    tauri::Builder::default()
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::locale::ui_messages,
            commands::locale::set_language,
            commands::start::list_organisations,
            commands::start::list_assessments,
        ])
        .run(tauri::generate_context!())
        .expect("tenken-app: the window could not be started");
}
