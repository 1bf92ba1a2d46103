//! `tenken scope …`: scope per department — which checklist items each department is asked
//! (by its role and the rules of respondent tier × role, and item by item). Out of scope is
//! not the rating 対象外: such an item is not asked, not counted and not reported.

use std::process::ExitCode;

use tenken_core::i18n::{tr, Lang};
use tenken_core::store::{ItemScope, ScopeView};
use tenken_core::Result;

use super::{assessment_id, done, open, open_read};
use crate::args::{Cli, ScopeCmd};
use crate::Ctx;

fn tier(lang: Lang, t: &str) -> String {
    tr(lang, &format!("tier-{}", t.replace('_', "-")), &[])
}

fn role(lang: Lang, r: Option<&str>) -> String {
    tr(lang, &format!("scope-role-{}", r.unwrap_or("none")), &[])
}

fn yes_no(lang: Lang, applies: bool) -> String {
    tr(lang, if applies { "scope-in" } else { "scope-out" }, &[])
}

fn view_text(lang: Lang, v: &ScopeView) -> String {
    let mut s = format!("{}\n", tr(lang, "cli-scope-rules", &[]));
    for r in &v.rules {
        s += &format!(
            "  {} × {}: {}{}\n",
            tier(lang, &r.tier),
            role(lang, Some(&r.role)),
            yes_no(lang, r.applies),
            if r.builtin {
                String::new()
            } else {
                format!(" ({})", tr(lang, "cli-scope-changed", &[]))
            }
        );
    }
    s += &format!("{}\n", tr(lang, "cli-scope-departments", &[]));
    for d in &v.departments {
        s += &format!(
            "  {}  [{}]  {}\n",
            d.department.name,
            role(lang, d.role.as_deref()),
            tr(
                lang,
                "cli-scope-counts",
                &[
                    ("in", i64::from(d.items_in).into()),
                    ("out", i64::from(d.items_out).into()),
                    ("overrides", (d.overrides.len() as i64).into()),
                    ("hidden", i64::from(d.hidden_answers).into()),
                ]
            )
        );
    }
    s + &tr(lang, "cli-scope-note", &[]) + "\n"
}

fn item_line(lang: Lang, i: &ItemScope) -> String {
    format!(
        "{}  {}  {}  ({}){}\n",
        i.item_id,
        yes_no(lang, i.applies),
        tier(lang, &i.tier),
        tr(lang, &format!("scope-by-{}", i.by.replace('_', "-")), &[]),
        if i.hidden_answer {
            format!("  {}", tr(lang, "cli-scope-hidden-answer", &[]))
        } else {
            String::new()
        }
    )
}

pub fn run(cli: &Cli, ctx: &Ctx, cmd: &ScopeCmd) -> Result<ExitCode> {
    let lang = ctx.lang;
    match cmd {
        ScopeCmd::Show {
            assessment,
            department: None,
        } => {
            let v = open_read(cli)?.scope(assessment_id(assessment)?)?;
            ctx.out(&v, || view_text(lang, &v))?;
        }
        ScopeCmd::Show {
            assessment,
            department: Some(d),
        } => {
            let store = open_read(cli)?;
            let a = assessment_id(assessment)?;
            let dept = store.department(a, d)?;
            let items = store.department_scope(a, d)?;
            let summary = store
                .scope(a)?
                .departments
                .into_iter()
                .find(|s| s.department.id == dept.id);
            let out = serde_json::json!({
                "department": dept,
                "role": summary.as_ref().and_then(|s| s.role.clone()),
                "items_in": summary.as_ref().map(|s| s.items_in),
                "items_out": summary.as_ref().map(|s| s.items_out),
                "items": items,
            });
            ctx.out(&out, || {
                let mut s = format!(
                    "{}  [{}]\n",
                    dept.name,
                    role(lang, summary.as_ref().and_then(|s| s.role.as_deref()))
                );
                for i in &items {
                    s += &item_line(lang, i);
                }
                s
            })?;
        }
        ScopeCmd::Set {
            assessment,
            department,
            item,
            value,
        } => {
            let i = open(cli)?.set_item_scope(
                assessment_id(assessment)?,
                department,
                item,
                value.value(),
            )?;
            ctx.out(&i, || item_line(lang, &i))?;
        }
        ScopeCmd::Role {
            assessment,
            department,
            role: r,
        } => {
            let r = (r != "none").then_some(r.as_str());
            let d = open(cli)?.set_department_role(assessment_id(assessment)?, department, r)?;
            ctx.out(&d, || {
                format!(
                    "{}  [{}]  {}\n",
                    d.department.name,
                    role(lang, d.role.as_deref()),
                    tr(
                        lang,
                        "cli-scope-counts",
                        &[
                            ("in", i64::from(d.items_in).into()),
                            ("out", i64::from(d.items_out).into()),
                            ("overrides", (d.overrides.len() as i64).into()),
                            ("hidden", i64::from(d.hidden_answers).into()),
                        ]
                    )
                )
            })?;
        }
        ScopeCmd::Rule {
            assessment,
            tier: t,
            role: r,
            value,
        } => {
            let rule =
                open(cli)?.set_scope_rule(assessment_id(assessment)?, t, r, value.value())?;
            ctx.out(&rule, || {
                format!(
                    "{} × {}: {}\n",
                    tier(lang, &rule.tier),
                    role(lang, Some(&rule.role)),
                    yes_no(lang, rule.applies)
                )
            })?;
        }
    }
    done()
}
