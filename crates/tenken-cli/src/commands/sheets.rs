//! `tenken xlsx …`: answer sheets out, filled sheets in (each file all-or-nothing), results.

use std::process::ExitCode;

use tenken_core::i18n::tr;
use tenken_core::Result;

use super::{assessment_id, done, open, open_read, output};
use crate::args::{Cli, XlsxCmd};
use crate::{emit, Ctx};

pub fn run(cli: &Cli, ctx: &Ctx, cmd: &XlsxCmd) -> Result<ExitCode> {
    let lang = ctx.lang;
    match cmd {
        XlsxCmd::Sheets {
            assessment,
            out,
            force,
        } => {
            let store = open_read(cli)?;
            let files = tenken_xlsx::sheets(
                &store,
                assessment_id(assessment)?,
                out,
                &output(cli, *force),
            )?;
            ctx.out(&files, || {
                let head = tr(
                    lang,
                    "xlsx-sheets-written",
                    &[
                        ("count", files.len().into()),
                        ("dir", out.display().to_string().into()),
                    ],
                );
                std::iter::once(head)
                    .chain(files.iter().map(|f| format!("  {}", f.display())))
                    .collect::<Vec<_>>()
                    .join("\n")
            })?;
        }
        XlsxCmd::Import {
            files,
            accept_sheet,
            keep_tenken,
            dry_run,
        } => {
            let mut store = open(cli)?;
            let on_conflict = if *accept_sheet {
                tenken_xlsx::ConflictPolicy::Sheet
            } else if *keep_tenken {
                tenken_xlsx::ConflictPolicy::Tenken
            } else {
                tenken_xlsx::ConflictPolicy::Refuse
            };
            let opts = tenken_xlsx::ImportOptions {
                on_conflict,
                dry_run: *dry_run,
            };
            let mut reports = vec![];
            for f in files {
                let r = tenken_xlsx::import_with(&mut store, f, &opts)?;
                if !ctx.json {
                    emit(&r.localized(lang));
                }
                reports.push(r);
            }
            let failed = reports.iter().filter(|r| !r.ok()).count();
            if ctx.json {
                emit(&serde_json::to_string_pretty(
                    &reports.iter().map(|r| r.json(lang)).collect::<Vec<_>>(),
                )?);
            }
            if failed > 0 {
                if !ctx.json {
                    eprintln!(
                        "{}",
                        tr(
                            lang,
                            "xlsx-import-failed",
                            &[("failed", failed.into()), ("total", files.len().into())]
                        )
                    );
                }
                return Ok(ExitCode::FAILURE);
            }
        }
        XlsxCmd::Results {
            assessment,
            out,
            force,
        } => {
            let store = open_read(cli)?;
            tenken_xlsx::results(
                &store,
                assessment_id(assessment)?,
                out,
                &output(cli, *force),
            )?;
            ctx.out(&serde_json::json!({"file": out}), || {
                tr(
                    lang,
                    "xlsx-results-written",
                    &[("file", out.display().to_string().into())],
                )
            })?;
        }
    }
    done()
}
