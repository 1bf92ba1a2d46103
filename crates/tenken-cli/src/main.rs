//! `tenken`: every use case of tenken without the window. Each subcommand parses its
//! arguments, calls one core function, and prints the result (Japanese, English with
//! `--lang en`, or JSON with `--json`). Errors go to stderr with a non-zero exit code.

mod args;
mod commands;
mod human;

use std::process::ExitCode;

use clap::Parser;
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let ctx = Ctx {
        lang: cli.lang.parse().unwrap_or_default(),
        json: cli.json,
    };
    match commands::run(&cli, &ctx) {
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
