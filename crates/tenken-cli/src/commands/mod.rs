//! One module per command group, mirroring `src-tauri/src/commands/<screen>.rs`: each use case
//! has one obvious place in both shells. A handler parses its arguments, calls core, and prints.

mod assessment;
mod checklist;
mod crypto;
mod evidence;
mod findings;
mod interview;
mod org;
mod policy;
mod report;
mod scope;
mod sheets;
mod store;
mod team;

use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use tenken_core::checklist::derive::Profile;
use tenken_core::checklist::Bank;
use tenken_core::output::Output;
use tenken_core::store::parse_id;
use tenken_core::{Error, Result, Store};

use crate::args::{Cli, Command, ProfileArgs};
use crate::Ctx;

/// Runs the command `cli` names.
pub fn run(cli: &Cli, ctx: &Ctx) -> Result<ExitCode> {
    match &cli.command {
        Command::Demo { size, if_empty } => store::demo(cli, ctx, *size, *if_empty),
        Command::Org(cmd) => org::run(cli, ctx, cmd),
        Command::Policy(cmd) => policy::run(cli, ctx, cmd),
        Command::Checklist(cmd) => checklist::run(cli, ctx, cmd),
        Command::Assessment(cmd) => assessment::run(cli, ctx, cmd),
        Command::Department(cmd) => assessment::department(cli, ctx, cmd),
        Command::Scope(cmd) => scope::run(cli, ctx, cmd),
        Command::Interview(cmd) => interview::run(cli, ctx, cmd),
        Command::Answer(cmd) => interview::answer(cli, ctx, cmd),
        Command::Finding(cmd) => findings::run(cli, ctx, cmd),
        Command::Remark(cmd) => findings::remark(cli, ctx, cmd),
        Command::Evidence(cmd) => evidence::run(cli, ctx, cmd),
        Command::Xlsx(cmd) => sheets::run(cli, ctx, cmd),
        Command::Team(cmd) => team::run(cli, ctx, cmd),
        Command::Export {
            assessment,
            out,
            force,
        } => report::export(cli, ctx, assessment, out.as_deref(), *force),
        Command::Report {
            assessment,
            from_export,
            out,
            final_,
            format,
            department,
            all_departments,
            force,
        } => report::report(
            cli,
            ctx,
            &report::ReportArgs {
                assessment: assessment.as_deref(),
                from_export: from_export.as_deref(),
                out,
                final_: *final_,
                format: *format,
                department: department.as_deref(),
                all_departments: *all_departments,
                force: *force,
            },
        ),
        Command::VerifyReport { file, assessment } => {
            report::verify_report(cli, ctx, file, assessment.as_deref())
        }
        Command::Verify => store::verify(cli, ctx),
        Command::Backup { dir } => store::backup(cli, ctx, dir),
        Command::Restore {
            dir,
            recovery_key_file,
        } => store::restore(cli, ctx, dir, recovery_key_file.as_deref()),
        Command::Encrypt { recovery_key_out } => {
            crypto::encrypt(cli, ctx, recovery_key_out.as_deref())
        }
        Command::Decrypt => crypto::decrypt(cli, ctx),
        Command::Passphrase(crate::args::PassphraseCmd::Change) => crypto::change(cli, ctx),
        Command::Recover { recovery_key_file } => crypto::recover(cli, ctx, recovery_key_file),
        Command::Log { limit } => store::log(cli, ctx, *limit),
    }
}

/// The command finished successfully (its output is printed).
fn done() -> Result<ExitCode> {
    Ok(ExitCode::SUCCESS)
}

fn data_dir(cli: &Cli) -> std::path::PathBuf {
    cli.data_dir
        .clone()
        .unwrap_or_else(tenken_core::default_data_dir)
}

/// The store, for a command that changes it (an encrypted one unlocked: `crypto::key`).
fn open(cli: &Cli) -> Result<Store> {
    Store::open_keyed(&data_dir(cli), crypto::key(cli)?)
}

/// The store, for a command that only reads it: works on a read-only medium and a full disk.
fn open_read(cli: &Cli) -> Result<Store> {
    Store::open_read_only_keyed(&data_dir(cli), crypto::key(cli)?)
}

/// Where files the user names may be written (never inside the data folder).
fn output(cli: &Cli, force: bool) -> Output {
    Output::new(&data_dir(cli), force)
}

fn bank(cli: &Cli) -> Result<Bank> {
    match &cli.checklists {
        Some(dir) => Bank::from_dir(dir),
        None => Bank::builtin(),
    }
}

fn assessment_id(s: &str) -> Result<i64> {
    parse_id(s, Error::UnknownAssessment)
}

fn date(field: &str, s: &Option<String>) -> Result<Option<NaiveDate>> {
    s.as_deref()
        .map(|v| {
            NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d")
                .map_err(|_| Error::invalid(field, v, "YYYY-MM-DD"))
        })
        .transpose()
}

fn profile(p: &ProfileArgs) -> Profile {
    Profile {
        network_model: p.network_model.clone(),
        cloud: p.cloud,
        social_media: p.social_media,
    }
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::io(path, e))
}
