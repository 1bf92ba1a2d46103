//! `tenken team …`: the audit team without a server (share, join, return, merge, conflicts,
//! resolve). Each handler calls one core use case and prints.

use std::process::ExitCode;

use tenken_core::i18n::tr;
use tenken_core::Result;

use super::{assessment_id, done, open, open_read, output};
use crate::args::{Cli, Keep, TeamCmd};
use crate::Ctx;

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
            let r = open(cli)?.team_share(
                a,
                departments.as_deref(),
                member,
                &output(cli, *force),
                out,
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
            let r = open(cli)?.team_join(file)?;
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
            let r = open(cli)?.team_return(a, &output(cli, *force), out)?;
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
            let r = open(cli)?.team_merge(files)?;
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
