//! About: version, build date, folders, licences, and the diagnostics an auditor can copy into
//! a support request — version, OS, WebView version, schema version and counts, nothing of the
//! content and no path.

use std::path::{Path, PathBuf};

use serde::Serialize;
use tauri::{Manager, State};
use tenken_core::store::StoreCounts;

use crate::command_error::CommandResult;
use crate::state::AppState;

/// The IPA Font License (the IPAex Gothic font is embedded in the report writer).
const IPA_FONT_LICENSE: &str =
    include_str!("../../../assets/fonts/IPA_Font_License_Agreement_v1.0.txt");
/// The third-party list as installed by the packages (scripts/package.sh).
const THIRD_PARTY_FILE: &str = "THIRD-PARTY-LICENSES.txt";

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct About {
    pub version: String,
    /// The day the app was built (YYYY-MM-DD, UTC).
    pub build_date: String,
    pub data_dir: String,
    /// Where the logs are written (see tenken_core::logging); empty when no folder is known.
    pub log_dir: String,
    /// None when the store could not be opened.
    pub schema_version: Option<i64>,
    pub counts: Option<StoreCounts>,
    pub os: String,
    pub webview: String,
    pub ipa_font_license: String,
    /// The installed third-party licence list: its path and its list part (without the licence
    /// texts); None when running from a build tree.
    pub third_party_file: Option<String>,
    pub third_party_list: Option<String>,
    /// Plain text for a support request (no path, no content).
    pub diagnostics: String,
}

/// The OS and its release (`/etc/os-release` on Linux).
fn os_description() -> String {
    let base = format!("{} {}", std::env::consts::OS, std::env::consts::ARCH);
    let pretty = std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|s| {
            s.lines().find_map(|l| {
                l.strip_prefix("PRETTY_NAME=")
                    .map(|v| v.trim_matches('"').to_string())
            })
        });
    match pretty {
        Some(p) => format!("{base} ({p})"),
        None => base,
    }
}

/// Where the packages put the third-party list: /usr/share/doc/tenken beside /usr/bin on Linux,
/// the app's resource folder (`licenses/`) on Windows and macOS.
fn third_party_file(resource_dir: Option<PathBuf>) -> Option<PathBuf> {
    let exe = std::env::current_exe().ok();
    let beside_bin = exe
        .as_deref()
        .and_then(Path::parent)
        .and_then(Path::parent)
        .map(|prefix| prefix.join("share/doc/tenken").join(THIRD_PARTY_FILE));
    let resource = resource_dir.map(|d| d.join("licenses").join(THIRD_PARTY_FILE));
    [beside_bin, resource]
        .into_iter()
        .flatten()
        .find(|p| p.is_file())
}

pub fn diagnostics(about: &About) -> String {
    let mut lines = vec![
        format!("tenken {} (build {})", about.version, about.build_date),
        format!("OS: {}", about.os),
        format!("WebView: {}", about.webview),
    ];
    match (&about.schema_version, &about.counts) {
        (Some(v), Some(c)) => {
            lines.push(format!("Schema: {v}"));
            lines.push(format!(
                "Counts: organisations {}, policies {}, assessments {}, departments {}, answers {}, findings {}, evidence {}, audit log {}",
                c.organisations, c.policies, c.assessments, c.departments, c.answers, c.findings, c.evidence, c.audit_log
            ));
        }
        _ => lines.push("Store: not open".into()),
    }
    lines.join("\n")
}

#[tauri::command(async)]
pub fn about(app: tauri::AppHandle, state: State<'_, AppState>) -> CommandResult<About> {
    let store = state
        .with_store(|s| Ok((s.schema_version()?, s.counts()?)))
        .ok();
    let file = third_party_file(app.path().resource_dir().ok());
    let list = file
        .as_ref()
        .and_then(|f| std::fs::read_to_string(f).ok())
        .map(|text| match text.find("\n== Licence texts") {
            Some(end) => text[..end].to_string(),
            None => text,
        });
    let mut about = About {
        version: env!("CARGO_PKG_VERSION").to_string(),
        build_date: env!("TENKEN_BUILD_DATE").to_string(),
        data_dir: state.data_dir().display().to_string(),
        log_dir: tenken_core::logging::log_dir()
            .map(|d| d.display().to_string())
            .unwrap_or_default(),
        schema_version: store.as_ref().map(|s| s.0),
        counts: store.map(|s| s.1),
        os: os_description(),
        webview: tauri::webview_version().unwrap_or_else(|_| "?".into()),
        ipa_font_license: IPA_FONT_LICENSE.to_string(),
        third_party_file: file.map(|f| f.display().to_string()),
        third_party_list: list,
        diagnostics: String::new(),
    };
    about.diagnostics = diagnostics(&about);
    Ok(about)
}
