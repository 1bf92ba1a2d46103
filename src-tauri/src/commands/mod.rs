//! The commands the UI may call, one module per screen or concern. Each one deserializes its
//! arguments, calls tenken-core and returns serializable data or a `CommandError`.
//! Every command is also listed in build.rs and granted in capabilities/main.json.

pub mod locale;
pub mod start;
