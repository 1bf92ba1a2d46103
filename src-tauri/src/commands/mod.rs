//! The commands the UI may call, one module per screen or concern. Each one deserializes its
//! arguments, calls tenken-core and returns serializable data or a `CommandError`.
//! Every command is also listed in build.rs and granted in capabilities/main.json.
//! Argument and result types are exported to TypeScript (ui/src/lib/bindings.ts, see bindings.rs).

pub mod about;
pub mod assessment;
pub mod checklist;
pub mod drafts;
pub mod edits;
pub mod encryption;
pub mod evidence;
pub mod findings;
pub mod interview;
pub mod locale;
pub mod policy;
pub mod report;
pub mod scope;
pub mod settings;
pub mod sheets;
pub mod start;
pub mod team;
pub mod unlock;
