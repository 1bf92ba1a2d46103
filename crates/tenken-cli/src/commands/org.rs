//! `tenken org …`: the organisations (the start screen's list).

use std::process::ExitCode;

use tenken_core::i18n::tr;
use tenken_core::Result;

use super::{done, open, open_read};
use crate::args::{Cli, OrgCmd};
use crate::Ctx;

pub fn run(cli: &Cli, ctx: &Ctx, cmd: &OrgCmd) -> Result<ExitCode> {
    let lang = ctx.lang;
    match cmd {
        OrgCmd::Add { name, addressee } => {
            let o = open(cli)?.add_organisation(name, addressee.as_deref())?;
            ctx.out(&o, || {
                format!("{} {} (id {})", tr(lang, "cli-added", &[]), o.name, o.id)
            })?;
        }
        OrgCmd::List => {
            let list = open_read(cli)?.list_organisations()?;
            ctx.out(&list, || {
                list.iter()
                    .map(|o| format!("{:>4}  {}\n", o.id, o.name))
                    .collect()
            })?;
        }
    }
    done()
}
