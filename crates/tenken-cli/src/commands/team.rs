//! `tenken team …`: the audit team without a server (share, join, return, merge, conflicts,
//! resolve). Each handler calls one core use case and prints.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use tenken_core::i18n::tr;
use tenken_core::team::package;
use tenken_core::{Result, Store};
use zeroize::Zeroizing;

use super::{assessment_id, crypto, done, open, open_read, output};
use crate::args::{Cli, Keep, TeamCmd};
use crate::Ctx;

/// The package passphrase for a package this store writes: an encrypted store writes
/// encrypted packages; a plain store plain ones (nothing is asked).
fn writing_passphrase(cli: &Cli, store: &Store, dest: &Path) -> Result<Option<Zeroizing<String>>> {
    if store.data_key().is_none() {
        return Ok(None);
    }
    crypto::package_passphrase(cli, dest, true).map(Some)
}

/// The package passphrase for the packages read, asked only when one of them is encrypted.
fn reading_passphrase(cli: &Cli, files: &[PathBuf]) -> Result<Option<Zeroizing<String>>> {
    // A file that cannot be read is reported by the use case itself.
    match package::first_encrypted(files) {
        Ok(Some(f)) => crypto::package_passphrase(cli, f, false).map(Some),
        _ => Ok(None),
    }
}

pub fn run(cli: &Cli, ctx: &Ctx, cmd: &TeamCmd) -> Result<ExitCode> {
    let lang = ctx.lang;
    match cmd {
        TeamCmd::Share {
            assessment,
            out,
            departments,
            member,
            force,
        } => {
            let a = assessment_id(assessment)?;
            let mut store = open(cli)?;
            let pp = writing_passphrase(cli, &store, out)?;
            let r = store.team_share(
                a,
                departments.as_deref(),
                member,
                &output(cli, *force),
                out,
                pp.as_deref().map(|p| p.as_str()),
            )?;
            ctx.out(&r, || {
                tr(
                    lang,
                    "cli-team-shared",
                    &[
                        ("path", out.display().to_string().into()),
                        ("departments", r.departments.join("、").into()),
                        ("bytes", (r.bytes as i64).into()),
                    ],
                )
            })?;
        }
        TeamCmd::Join { file } => {
            let mut store = open(cli)?;
            let pp = reading_passphrase(cli, std::slice::from_ref(file))?;
            let r = store.team_join(file, pp.as_deref().map(|p| p.as_str()))?;
            ctx.out(&r, || {
                tr(
                    lang,
                    "cli-team-joined",
                    &[
                        ("assessment", r.assessment_id.into()),
                        ("departments", r.departments.join("、").into()),
                        ("kept", (r.unreturned_changes_kept as i64).into()),
                    ],
                )
            })?;
        }
        TeamCmd::Return {
            assessment,
            out,
            force,
        } => {
            let a = assessment_id(assessment)?;
            let mut store = open(cli)?;
            let pp = writing_passphrase(cli, &store, out)?;
            let r = store.team_return(
                a,
                &output(cli, *force),
                out,
                pp.as_deref().map(|p| p.as_str()),
            )?;
            ctx.out(&r, || {
                tr(
                    lang,
                    "cli-team-returned",
                    &[
                        ("path", out.display().to_string().into()),
                        ("changes", (r.changes as i64).into()),
                        ("files", (r.evidence_files as i64).into()),
                        ("bytes", (r.bytes as i64).into()),
                    ],
                )
            })?;
        }
        TeamCmd::Merge { files } => {
            let mut store = open(cli)?;
            let pp = reading_passphrase(cli, files)?;
            let r = store.team_merge(files, pp.as_deref().map(|p| p.as_str()))?;
            ctx.out(&r, || {
                let mut s = tr(
                    lang,
                    "cli-team-merged",
                    &[
                        ("applied", (r.applied as i64).into()),
                        ("unchanged", (r.unchanged as i64).into()),
                        ("conflicts", (r.conflicts.len() as i64).into()),
                    ],
                );
                for c in &r.conflicts {
                    s.push_str(&format!(
                        "\n  #{} {} {} {}  lead={}  member={}",
                        c.id,
                        c.kind,
                        c.department.as_deref().unwrap_or("-"),
                        c.item.as_deref().unwrap_or("-"),
                        c.lead,
                        c.member
                    ));
                }
                s
            })?;
        }
        TeamCmd::Conflicts { assessment } => {
            let a = assessment_id(assessment)?;
            let list = open_read(cli)?.team_conflicts(a)?;
            ctx.out(&list, || {
                if list.is_empty() {
                    return tr(lang, "cli-team-no-conflicts", &[]);
                }
                list.iter()
                    .map(|c| {
                        format!(
                            "#{} [{}] {} {} {}  lead={}  member={} ({} {})",
                            c.id,
                            c.status,
                            c.kind,
                            c.department.as_deref().unwrap_or("-"),
                            c.item.as_deref().unwrap_or("-"),
                            c.lead,
                            c.member,
                            c.member_name,
                            c.member_at.as_deref().unwrap_or("")
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })?;
        }
        TeamCmd::Resolve { conflict, keep } => {
            let c = open(cli)?.team_resolve(*conflict, *keep == Keep::Member)?;
            ctx.out(&c, || {
                tr(
                    lang,
                    "cli-team-resolved",
                    &[("id", c.id.into()), ("keep", c.status.clone().into())],
                )
            })?;
        }
    }
    done()
}
