//! tenken-core: everything tenken knows, with no GUI dependency.
//!
//! Map (see ARCHITECTURE.md): `domain` (nouns), `store` (SQLite + audit log; one module per
//! use-case group), `evidence` (content-addressed files), `checklist` (bank and loader),
//! `calendar` (年度, 和暦), `i18n` (Fluent), `verify`, `backup`, `export`, `demo`,
//! `views` (read-side projections for the window's screens).

pub mod backup;
pub mod calendar;
pub mod checklist;
pub mod clock;
pub mod crypto;
pub mod demo;
pub mod domain;
pub mod error;
pub mod evidence;
pub mod export;
pub mod i18n;
pub mod logging;
pub mod output;
pub mod private;
pub mod readiness;
pub mod store;
pub mod team;
pub mod text;
pub mod verify;
pub mod views;

pub use domain::*;
pub use error::{Error, Result};
pub use i18n::Lang;
pub use store::{AssessmentSummary, Organisation, Store};

/// The data dir when none is given: `TENKEN_DATA_DIR`, else the OS per-user data folder
/// (`~/.local/share/tenken` on Linux, `%APPDATA%\tenken\data` on Windows).
pub fn default_data_dir() -> std::path::PathBuf {
    if let Some(d) = std::env::var_os("TENKEN_DATA_DIR").filter(|d| !d.is_empty()) {
        return d.into();
    }
    directories::ProjectDirs::from("", "", "tenken")
        .map(|p| p.data_dir().to_path_buf())
        .unwrap_or_else(|| std::path::PathBuf::from("tenken-data"))
}
