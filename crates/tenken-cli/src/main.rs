//! `tenken`: every use case of tenken without the window. Each subcommand parses its
//! arguments, calls one core function, and prints the result (Japanese, English with
//! `--lang en`, or JSON with `--json`). Errors go to stderr with a non-zero exit code.

mod args;
mod commands;
mod human;

use std::process::ExitCode;

use serde::Serialize;

use args::Cli;
use tenken_core::i18n::tr;
use tenken_core::{Lang, Result};

pub struct Ctx {
    pub lang: Lang,
    pub json: bool,
}

impl Ctx {
    /// Prints `value` as JSON, or the human text.
    fn out<T: Serialize>(&self, value: &T, human: impl FnOnce() -> String) -> Result<()> {
        if self.json {
            emit(&serde_json::to_string_pretty(value)?);
        } else {
            let text = human();
            if !text.is_empty() {
                emit(text.trim_end());
            }
        }
        Ok(())
    }
}

/// Prints a line to stdout; a closed pipe (`tenken … | head`) is not an error. Control
/// characters in stored text are shown as U+FFFD: nothing stored can drive the terminal.
fn emit(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", tenken_core::text::printable(text));
}

/// The subcommand path (`policy import`): the only part of the command line that is logged
/// (arguments may hold notes, findings or file names).
fn command_name(matches: &clap::ArgMatches) -> String {
    let mut names = vec![];
    let mut m = matches;
    while let Some((name, sub)) = m.subcommand() {
        names.push(name);
        m = sub;
    }
    names.join(" ")
}

fn main() -> ExitCode {
    use clap::{CommandFactory, FromArgMatches};
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let _log = tenken_core::logging::init("tenken", cli.verbose);
    let command = command_name(&matches);
    let started = std::time::Instant::now();
    let ctx = Ctx {
        lang: cli.lang.parse().unwrap_or_default(),
        json: cli.json,
    };
    let result = commands::run(&cli, &ctx);
    let duration_ms = tenken_core::logging::millis_since(started);
    match &result {
        Ok(_) => {
            tracing::info!(target: "tenken", event = "command", command, ok = true, duration_ms)
        }
        Err(e) => tracing::error!(target: "tenken", event = "command", command, ok = false,
            code = e.code(), duration_ms),
    }
    match result {
        Ok(code) => code,
        Err(e) => {
            if ctx.json {
                eprintln!(
                    "{}",
                    serde_json::json!({"error": {"code": e.code(), "message": e.localized(ctx.lang)}})
                );
            } else {
                eprintln!(
                    "{}: {}",
                    tr(ctx.lang, "cli-error", &[]),
                    tenken_core::text::printable(&e.localized(ctx.lang))
                );
            }
            ExitCode::FAILURE
        }
    }
}
