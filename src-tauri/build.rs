//! Generates the Tauri context and the permission set of the app's own commands.
//! Every command the UI may call is named here and granted in capabilities/main.json;
//! a command missing from either list is refused at runtime.

const COMMANDS: &[&str] = &["ui_messages", "set_language", "list_organisations", "list_assessments"];

fn main() {
    // The UI messages are compiled in with include_str!; rebuild when they change.
    println!("cargo:rerun-if-changed=../locales/ja/ui.ftl");
    println!("cargo:rerun-if-changed=../locales/en/ui.ftl");
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
