//! Generates the Tauri context and the permission set of the app's own commands.
//! Every command the UI may call is named here and granted in capabilities/main.json;
//! a command missing from either list is refused at runtime.

const COMMANDS: &[&str] = &[
    "ui_messages",
    "set_language",
    "list_organisations",
    "list_assessments",
    "add_organisation",
    "list_policies",
    "policy_view",
    "import_policy",
    "policy_changes",
    "correct_topic",
    "list_checklists",
    "derive_checklist",
    "create_assessment",
    "dashboard",
    "assessment_head",
    "year_comparison",
    "interview_sheet",
    "record_answer",
    "start_interview",
    "save_interview_notes",
    "list_findings",
    "add_finding",
    "update_finding",
    "list_evidence",
    "add_file_evidence",
    "add_record_evidence",
    "link_evidence",
    "export_report",
    "open_reports_folder",
    "xlsx_sheets",
    "xlsx_import",
    "open_sheets_folder",
    "settings",
    "backup_data",
    "restore_data",
    "switch_data_dir",
    "report_details",
    "report_target",
    "report_issues",
    "export_notices",
    "save_front_matter",
    "add_interview",
    "update_interview",
    "remove_interview",
    "add_remark",
    "update_remark",
    "remove_remark",
    "remove_organisation",
    "remove_assessment",
    "remove_department",
    "remove_finding",
    "unlink_evidence",
    "remove_evidence",
    "load_drafts",
    "save_draft",
    "lock_state",
    "unlock",
    "lock",
    "set_autolock",
    "change_passphrase",
    "recover",
    "set_remember",
    "encrypt_store",
    "decrypt_store",
    "save_recovery_key",
    "backup_info",
    "scope_view",
    "department_scope",
    "set_department_role",
    "set_scope_rule",
    "set_item_scope",
    "team_status",
    "team_share",
    "team_join",
    "team_return",
    "team_merge",
    "team_package_encrypted",
    "team_conflicts",
    "team_resolve",
    "about",
];

/// Today (UTC) as YYYY-MM-DD, or the day of SOURCE_DATE_EPOCH (reproducible builds).
fn build_date() -> String {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0)
        });
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn main() {
    // The About panel's build date: the day this build script last ran.
    println!("cargo:rustc-env=TENKEN_BUILD_DATE={}", build_date());
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    // The UI messages are compiled in with include_str!; rebuild when they change.
    println!("cargo:rerun-if-changed=../locales/ja/ui.ftl");
    println!("cargo:rerun-if-changed=../locales/en/ui.ftl");
    println!("cargo:rerun-if-changed=../locales/ja/core.ftl");
    println!("cargo:rerun-if-changed=../locales/ja/ui-records.ftl");
    println!("cargo:rerun-if-changed=../locales/en/ui-records.ftl");
    println!("cargo:rerun-if-changed=../locales/ja/ui-team.ftl");
    println!("cargo:rerun-if-changed=../locales/en/ui-team.ftl");
    println!("cargo:rerun-if-changed=../locales/en/core.ftl");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
