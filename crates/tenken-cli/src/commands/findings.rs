//! `tenken finding …` and `tenken remark …`: what the auditors found.

use std::process::ExitCode;

use tenken_core::i18n::tr;
use tenken_core::store::{FindingChange, NewFinding};
use tenken_core::{FindingStatus, Priority, RemarkKind, Result};

use super::{assessment_id, date, done, open, open_read};
use crate::args::{Cli, FindingCmd, RemarkCmd};
use crate::{human, Ctx};

pub fn run(cli: &Cli, ctx: &Ctx, cmd: &FindingCmd) -> Result<ExitCode> {
    let lang = ctx.lang;
    match cmd {
        FindingCmd::Add {
            assessment,
            department,
            item,
            clause,
            fact,
            risk,
            recommendation,
            classification,
            priority,
            due,
            owner,
            follows_up,
        } => {
            let new = NewFinding {
                department: department.clone(),
                item_id: item.clone(),
                cited_clause: clause.clone(),
                fact: fact.clone(),
                risk: risk.clone(),
                recommendation: recommendation.clone(),
                classification: classification.clone(),
                priority: priority.as_deref().and_then(Priority::from_key),
                due_date: date("--due", due)?,
                owner: owner.clone(),
                status: None,
                follows_up: *follows_up,
            };
            let f = open(cli)?.add_finding(assessment_id(assessment)?, &new)?;
            ctx.out(&f, || {
                format!(
                    "{} {} {} (id {})",
                    tr(lang, "cli-added", &[]),
                    tr(lang, "cli-finding-no", &[("n", f.number.into())]),
                    f.department,
                    f.id
                )
            })?;
        }
        FindingCmd::Update {
            id,
            clause,
            fact,
            risk,
            recommendation,
            classification,
            priority,
            due,
            owner,
            status,
        } => {
            let change = FindingChange {
                cited_clause: clause.clone(),
                fact: fact.clone(),
                risk: risk.clone(),
                recommendation: recommendation.clone(),
                classification: classification.clone(),
                priority: priority.as_deref().and_then(Priority::from_key),
                due_date: if due.is_some() {
                    Some(date("--due", due)?)
                } else {
                    None
                },
                owner: owner.clone(),
                status: status.as_deref().and_then(FindingStatus::from_key),
            };
            let f = open(cli)?.update_finding(*id, &change)?;
            ctx.out(&f, || tr(lang, "cli-saved", &[]))?;
        }
        FindingCmd::List { assessment } => {
            let store = open_read(cli)?;
            let a = store.assessment(assessment_id(assessment)?)?;
            let list = store.findings(a.id)?;
            ctx.out(&list, || human::findings(lang, &a, &list))?;
        }
    }
    done()
}

pub fn remark(cli: &Cli, ctx: &Ctx, cmd: &RemarkCmd) -> Result<ExitCode> {
    let lang = ctx.lang;
    match cmd {
        RemarkCmd::Add {
            assessment,
            kind,
            department,
            text,
        } => {
            let kind = RemarkKind::from_key(kind).unwrap_or(RemarkKind::Notable);
            let r = open(cli)?.add_remark(
                assessment_id(assessment)?,
                department.as_deref(),
                kind,
                text,
            )?;
            ctx.out(&r, || {
                format!(
                    "{} {} (id {})",
                    tr(lang, "cli-added", &[]),
                    r.kind.label(lang),
                    r.id
                )
            })?;
        }
        RemarkCmd::List { assessment } => {
            let list = open_read(cli)?.remarks(assessment_id(assessment)?)?;
            ctx.out(&list, || {
                list.iter()
                    .map(|r| {
                        format!(
                            "{:>4}  {}  {}  {}\n",
                            r.id,
                            r.kind.label(lang),
                            r.department.clone().unwrap_or_default(),
                            r.text
                        )
                    })
                    .collect()
            })?;
        }
    }
    done()
}
