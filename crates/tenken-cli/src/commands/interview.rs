//! `tenken interview …` and `tenken answer …`: fieldwork.

use std::process::ExitCode;

use tenken_core::i18n::tr;
use tenken_core::store::{AnswerChange, NewInterview};
use tenken_core::Result;

use super::{assessment_id, date, done, open, open_read};
use crate::args::{AnswerCmd, Cli, InterviewCmd};
use crate::{human, Ctx};

pub fn run(cli: &Cli, ctx: &Ctx, cmd: &InterviewCmd) -> Result<ExitCode> {
    let lang = ctx.lang;
    match cmd {
        InterviewCmd::Add {
            assessment,
            department,
            date: d,
            place,
            attendees,
            auditor,
            notes,
        } => {
            let new = NewInterview {
                held_on: date("--date", d)?,
                place: place.clone(),
                attendees: attendees.clone(),
                auditor: auditor.clone(),
                notes: notes.clone(),
            };
            let i = open(cli)?.add_interview(assessment_id(assessment)?, department, &new)?;
            ctx.out(&i, || {
                format!(
                    "{} {} {} (id {})",
                    tr(lang, "cli-added", &[]),
                    i.department,
                    human::date(lang, i.held_on),
                    i.id
                )
            })?;
        }
        InterviewCmd::List { assessment } => {
            let list = open_read(cli)?.interviews(assessment_id(assessment)?)?;
            ctx.out(&list, || {
                list.iter()
                    .map(|i| {
                        format!(
                            "{:>4}  {}  {}  {}  {}\n",
                            i.id,
                            human::date(lang, i.held_on),
                            i.department,
                            i.place,
                            i.auditor
                        )
                    })
                    .collect()
            })?;
        }
        InterviewCmd::Notes { id, text } => {
            let i = open(cli)?.set_interview_notes(*id, text)?;
            ctx.out(&i, || tr(lang, "cli-saved", &[]))?;
        }
    }
    done()
}

pub fn answer(cli: &Cli, ctx: &Ctx, cmd: &AnswerCmd) -> Result<ExitCode> {
    let lang = ctx.lang;
    match cmd {
        AnswerCmd::Set {
            assessment,
            department,
            item,
            rating,
            clear,
            note,
        } => {
            let rating = if *clear {
                Some("unrated".to_string())
            } else {
                rating.clone()
            };
            let change = AnswerChange {
                rating,
                note: note.clone(),
            };
            let r =
                open(cli)?.record_answer(assessment_id(assessment)?, department, item, &change)?;
            ctx.out(&r, || {
                format!(
                    "{}  {}  {}  {}",
                    tr(lang, "cli-saved", &[]),
                    r.department,
                    r.item_id,
                    r.rating.clone().unwrap_or_default()
                )
            })?;
        }
        AnswerCmd::List {
            assessment,
            department,
        } => {
            let store = open_read(cli)?;
            let a = store.assessment(assessment_id(assessment)?)?;
            let list = store.answers(a.id, department.as_deref())?;
            ctx.out(&list, || human::answers(lang, &a, &list))?;
        }
    }
    done()
}
