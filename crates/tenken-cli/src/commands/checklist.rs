//! `tenken checklist …`: the item bank, its validation, and binding it to a policy.

use std::process::ExitCode;

use tenken_core::checklist::derive::derive;
use tenken_core::checklist::load_str;
use tenken_core::i18n::tr;
use tenken_core::{Error, Result};

use super::policy::policy_arg;
use super::{assessment_id, bank, done, open_read, profile};
use crate::args::{ChecklistCmd, Cli};
use crate::{human, Ctx};

pub fn run(cli: &Cli, ctx: &Ctx, cmd: &ChecklistCmd) -> Result<ExitCode> {
    let lang = ctx.lang;
    match cmd {
        ChecklistCmd::Diff {
            assessment,
            policy,
            standards,
        } => {
            let store = open_read(cli)?;
            let a = store.assessment(assessment_id(assessment)?)?;
            let b = bank(cli)?;
            let base = b.get(&a.checklist.id)?;
            let pol = policy
                .or(a.policy_document_id)
                .map(|p| store.policy(p))
                .transpose()?;
            let std_doc = standards
                .or(a.standards_document_id)
                .map(|s| store.policy(s))
                .transpose()?;
            let fresh = match &pol {
                Some(p) => {
                    derive(
                        base,
                        &p.parsed,
                        std_doc.as_ref().map(|s| &s.parsed),
                        &a.profile,
                    )
                    .0
                }
                None => base.clone(),
            };
            let r = tenken_core::checklist::derive::compare(&a.checklist, &fresh);
            ctx.out(&r, || human::revision(lang, &r))?;
        }
        ChecklistCmd::List => {
            let b = bank(cli)?;
            let slim: Vec<_> = b.checklists.iter().map(|c| serde_json::json!({"id": c.id, "version": c.version, "title": c.title, "scale": c.scale, "items": c.items.len()})).collect();
            ctx.out(&slim, || {
                b.checklists
                    .iter()
                    .map(|c| {
                        format!(
                            "{}  v{}  {}  ({} {})\n",
                            c.id,
                            c.version,
                            c.title.get(lang),
                            c.items.len(),
                            tr(lang, "cli-items", &[])
                        )
                    })
                    .collect()
            })?;
        }
        ChecklistCmd::Validate { paths } => {
            let loaded = if paths.is_empty() {
                bank(cli)?.checklists
            } else {
                let mut ok = vec![];
                let mut problems = vec![];
                for p in paths {
                    let src = std::fs::read_to_string(p).map_err(|e| Error::io(p, e))?;
                    match load_str(&p.display().to_string(), &src) {
                        Ok(c) => ok.push(c),
                        Err(mut ps) => problems.append(&mut ps),
                    }
                }
                if !problems.is_empty() {
                    return Err(Error::ChecklistInvalid { problems });
                }
                ok
            };
            let slim: Vec<_> = loaded.iter().map(|c| serde_json::json!({"id": c.id, "version": c.version, "items": c.items.len()})).collect();
            ctx.out(&slim, || {
                loaded
                    .iter()
                    .map(|c| {
                        format!(
                            "OK  {}  v{}  {} {}\n",
                            c.id,
                            c.version,
                            c.items.len(),
                            tr(lang, "cli-items", &[])
                        )
                    })
                    .collect()
            })?;
        }
        ChecklistCmd::Show { id } => {
            let b = bank(cli)?;
            let c = b.get(id)?;
            ctx.out(c, || human::checklist(lang, c))?;
        }
        ChecklistCmd::Derive {
            policy,
            checklist,
            standards,
            profile: p,
        } => {
            let b = bank(cli)?;
            let pol = policy_arg(cli, policy)?;
            let std_doc = standards
                .as_deref()
                .map(|s| policy_arg(cli, s))
                .transpose()?;
            let (_, d) = derive(b.get(checklist)?, &pol, std_doc.as_ref(), &profile(p));
            ctx.out(&d, || human::derivation(lang, &d))?;
        }
    }
    done()
}
