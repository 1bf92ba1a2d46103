//! `tenken demo`, `verify`, `backup`, `restore`, `log`: the whole store (the settings screen).

use std::path::Path;
use std::process::ExitCode;

use tenken_core::i18n::tr;
use tenken_core::{backup, demo, verify as check, Result};

use super::{data_dir, done, open_read, output};
use crate::args::{Cli, DemoSize};
use crate::{human, Ctx};

pub fn demo(cli: &Cli, ctx: &Ctx, size: DemoSize, if_empty: bool) -> Result<ExitCode> {
    let lang = ctx.lang;
    let key = super::crypto::key(cli)?;
    if if_empty && !tenken_core::Store::open_keyed(&data_dir(cli), key.clone())?.is_empty()? {
        ctx.out(&serde_json::json!({"skipped": true}), || {
            tr(lang, "cli-demo-skipped", &[])
        })?;
        return done();
    }
    let size = if size == DemoSize::Large {
        demo::Size::Large
    } else {
        demo::Size::Small
    };
    let r = demo::install_keyed(&data_dir(cli), size, key)?;
    ctx.out(&r, || human::demo(lang, &r))?;
    done()
}

pub fn verify(cli: &Cli, ctx: &Ctx) -> Result<ExitCode> {
    let store = open_read(cli)?;
    let r = check::verify(&store)?;
    ctx.out(&r, || human::verify(ctx.lang, &r))?;
    Ok(if r.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

pub fn backup(cli: &Cli, ctx: &Ctx, dir: &Path) -> Result<ExitCode> {
    output(cli, false).check_dir(dir)?;
    let store = open_read(cli)?;
    let r = backup::backup(&store, dir)?;
    ctx.out(&r, || {
        tr(
            ctx.lang,
            "cli-backup-done",
            &[
                ("path", r.path.display().to_string().into()),
                ("files", r.evidence_files.into()),
            ],
        )
    })?;
    done()
}

pub fn restore(
    cli: &Cli,
    ctx: &Ctx,
    dir: &Path,
    recovery_key_file: Option<&Path>,
) -> Result<ExitCode> {
    let lang = ctx.lang;
    let data = data_dir(cli);
    let key = super::crypto::backup_key(cli, dir, recovery_key_file)?;
    let kept = backup::restore_with(dir, &data, key)?;
    let kept_text = kept.display().to_string();
    let previous = (!kept_text.is_empty()).then_some(&kept);
    ctx.out(
        &serde_json::json!({"restored_into": data, "previous_database": previous}),
        || match previous {
            Some(_) => tr(
                lang,
                "cli-restore-done",
                &[
                    ("path", data.display().to_string().into()),
                    ("kept", kept_text.clone().into()),
                ],
            ),
            None => tr(
                lang,
                "cli-restore-done-fresh",
                &[("path", data.display().to_string().into())],
            ),
        },
    )?;
    done()
}

pub fn log(cli: &Cli, ctx: &Ctx, limit: usize) -> Result<ExitCode> {
    let store = open_read(cli)?;
    let entries = store.audit_log(Some(limit))?;
    ctx.out(&entries, || {
        entries
            .iter()
            .map(|e| {
                format!(
                    "{:>6}  {}  {}  {}  {} {}\n",
                    e.seq, e.at, e.actor, e.action, e.entity, e.entity_id
                )
            })
            .collect()
    })?;
    done()
}
