//! What a failed command sends to the UI: `{code, message}` — the core's stable code and its
//! message in the UI's language. The UI shows `message` and never parses it.

use serde::Serialize;
use tenken_core::Lang;

#[derive(Debug, Serialize, ts_rs::TS)]
pub struct CommandError {
    pub code: String,
    pub message: String,
}

impl CommandError {
    pub fn from_core(error: &tenken_core::Error, lang: Lang) -> Self {
        // The code only: the message may quote what the user typed.
        tracing::warn!(target: "tenken", event = "command_error", code = error.code());
        CommandError {
            code: error.code().to_string(),
            message: error.localized(lang),
        }
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
