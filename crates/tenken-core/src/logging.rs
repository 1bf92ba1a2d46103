//! Operational logs: what happened, never what was written.
//!
//! Both shells (the `tenken` CLI and the window) write one JSON line per event to a file in the
//! OS log folder ([`log_dir`]), rotated daily, the last [`KEEP_FILES`] files kept. Events are
//! emitted with `tracing` under the target `tenken` (`tracing::info!(target: "tenken", event =
//! "store_open", …)`): store open and migration, imports, merges, report exports and backups
//! with their durations, and errors with their stable `code()`.
//!
//! **Rule: an event carries ids, counts, sizes, kinds, codes and durations only** — never an
//! answer, note, finding, remark, evidence content or file name, nor an error *message* (a
//! message may quote a preview of the input). `crates/tenken-cli/tests/logging.rs` checks a
//! whole workflow's log against the texts it typed.
//!
//! A module that needs to log (e.g. team merges) just uses `tracing` with `target: "tenken"`
//! and an `event` field; [`timed`] measures a step.

use std::path::PathBuf;
use std::time::Instant;

/// How many daily log files are kept.
pub const KEEP_FILES: usize = 14;

/// The log folder: `TENKEN_LOG_DIR` when set (tests), else `~/.local/state/tenken/logs` on
/// Linux (`$XDG_STATE_HOME/tenken/logs` when that is set), `%LOCALAPPDATA%\tenken\logs` on
/// Windows, `~/Library/Logs/tenken` on macOS. `None` when no home folder is known.
pub fn log_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("TENKEN_LOG_DIR").filter(|d| !d.is_empty()) {
        return Some(d.into());
    }
    let env_dir = |name: &str| {
        std::env::var_os(name)
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
            .filter(|d| d.is_absolute())
    };
    if cfg!(windows) {
        env_dir("LOCALAPPDATA").map(|d| d.join("tenken").join("logs"))
    } else if cfg!(target_os = "macos") {
        env_dir("HOME").map(|d| d.join("Library").join("Logs").join("tenken"))
    } else {
        env_dir("XDG_STATE_HOME")
            .or_else(|| env_dir("HOME").map(|h| h.join(".local").join("state")))
            .map(|d| d.join("tenken").join("logs"))
    }
}

/// Runs `f` and returns its result with the milliseconds it took (for `duration_ms` fields).
pub fn timed<T>(f: impl FnOnce() -> T) -> (T, u64) {
    let started = Instant::now();
    let value = f();
    (value, started.elapsed().as_millis() as u64)
}

/// Milliseconds since `started`, for `duration_ms` fields.
pub fn millis_since(started: Instant) -> u64 {
    started.elapsed().as_millis() as u64
}

#[cfg(feature = "logging")]
pub use writer::{init, LogGuard};

#[cfg(feature = "logging")]
mod writer {
    use tracing_appender::non_blocking::WorkerGuard;
    use tracing_appender::rolling::{RollingFileAppender, Rotation};
    use tracing_subscriber::filter::EnvFilter;
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    use tracing_subscriber::Layer;

    /// Keeps the file writer alive: drop it last (end of `main`) so every event is written.
    pub struct LogGuard {
        _file: Option<WorkerGuard>,
    }

    /// Installs the log writer of a program (`tenken` or `tenken-app`, the file name prefix):
    /// a daily file in [`super::log_dir`] (JSON lines) and, with `verbose`, readable lines on
    /// stderr. Level: `info`, or the filter in `TENKEN_LOG` (e.g. `debug`). A folder that
    /// cannot be created only disables the file: logging never stops the program.
    pub fn init(program: &str, verbose: bool) -> LogGuard {
        let filter =
            || EnvFilter::try_from_env("TENKEN_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
        let mut guard = None;
        let file_layer = super::log_dir().and_then(|dir| {
            crate::private::create_dir_all(&dir).ok()?;
            let appender = RollingFileAppender::builder()
                .rotation(Rotation::DAILY)
                .filename_prefix(program)
                .filename_suffix("log")
                .max_log_files(super::KEEP_FILES)
                .build(&dir)
                .ok()?;
            let (writer, g) = tracing_appender::non_blocking(appender);
            guard = Some(g);
            Some(
                tracing_subscriber::fmt::layer()
                    .json()
                    .with_current_span(false)
                    .with_span_list(false)
                    .with_writer(writer)
                    .with_filter(filter()),
            )
        });
        let stderr_layer = verbose.then(|| {
            tracing_subscriber::fmt::layer()
                .with_writer(std::io::stderr)
                .with_ansi(false)
                .with_filter(filter())
        });
        let _ = tracing_subscriber::registry()
            .with(file_layer)
            .with(stderr_layer)
            .try_init();
        tracing::info!(
            target: "tenken",
            event = "start",
            program,
            version = env!("CARGO_PKG_VERSION"),
            os = std::env::consts::OS,
            arch = std::env::consts::ARCH,
        );
        LogGuard { _file: guard }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_dir_follows_the_override() {
        // Only the override is checked here (the OS defaults depend on the environment).
        std::env::set_var("TENKEN_LOG_DIR", "/tmp/tenken-log-test");
        assert_eq!(log_dir(), Some(PathBuf::from("/tmp/tenken-log-test")));
        std::env::remove_var("TENKEN_LOG_DIR");
        if cfg!(target_os = "linux") {
            if let Some(d) = log_dir() {
                assert!(d.ends_with("tenken/logs"), "{}", d.display());
            }
        }
    }
}
