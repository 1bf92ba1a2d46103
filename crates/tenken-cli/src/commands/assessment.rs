//! `tenken assessment …` and `tenken department …`: planning an assessment and its scope.

use std::process::ExitCode;

use tenken_core::i18n::tr;
use tenken_core::store::NewAssessment;
use tenken_core::{AssessmentKind, ClassificationScheme, Error, Result};

use super::{assessment_id, bank, date, done, open, open_read, profile};
use crate::args::{AssessmentCmd, Cli, DepartmentCmd};
use crate::{human, Ctx};

pub fn run(cli: &Cli, ctx: &Ctx, cmd: &AssessmentCmd) -> Result<ExitCode> {
    let lang = ctx.lang;
    match cmd {
        AssessmentCmd::Create {
            org,
            fiscal_year,
            kind,
            title,
            checklist,
            policy,
            standards,
            period_start,
            period_end,
            auditors,
            classification,
            previous,
            profile: p,
        } => {
            let mut store = open(cli)?;
            let o = store.organisation(org)?;
            let (frozen, _) = tenken_core::views::derive_for_store(
                &store,
                &bank(cli)?,
                checklist,
                *policy,
                *standards,
                &profile(p),
            )?;
            let new = NewAssessment {
                organisation_id: o.id,
                fiscal_year: *fiscal_year,
                kind: AssessmentKind::from_key(kind).unwrap_or(AssessmentKind::InternalAudit),
                title: title.clone(),
                period_start: date("--period-start", period_start)?,
                period_end: date("--period-end", period_end)?,
                auditors: auditors.clone(),
                scale: frozen.scale,
                classification: ClassificationScheme::from_key(classification)
                    .unwrap_or(ClassificationScheme::FourLevel),
                checklist: frozen,
                policy_document_id: *policy,
                standards_document_id: *standards,
                profile: profile(p),
                previous_assessment_id: *previous,
            };
            let a = store.create_assessment(&new)?;
            ctx.out(&a, || {
                format!(
                    "{} {} {} (id {})",
                    tr(lang, "cli-added", &[]),
                    a.fiscal_year_label,
                    a.title,
                    a.id
                )
            })?;
        }
        AssessmentCmd::List => {
            let list = open_read(cli)?.list_assessments()?;
            ctx.out(&list, || human::assessments(lang, &list))?;
        }
        AssessmentCmd::Show { id } => {
            let a = open_read(cli)?.assessment(assessment_id(id)?)?;
            ctx.out(&a, || human::assessment(lang, &a))?;
        }
        AssessmentCmd::Summary { id, text } => {
            let mut store = open(cli)?;
            let a = assessment_id(id)?;
            store.set_summary(a, text)?;
            ctx.out(&serde_json::json!({"id": a, "summary": text}), || {
                tr(lang, "cli-saved", &[])
            })?;
        }
    }
    done()
}

pub fn department(cli: &Cli, ctx: &Ctx, cmd: &DepartmentCmd) -> Result<ExitCode> {
    let lang = ctx.lang;
    match cmd {
        DepartmentCmd::Add { assessment, names } => {
            let mut store = open(cli)?;
            let a = assessment_id(assessment)?;
            // All or nothing: check every name (as it will be stored: trimmed) before adding any.
            store.assessment(a)?;
            let existing = store.departments(a)?;
            let trimmed: Vec<&str> = names.iter().map(|n| n.trim()).collect();
            for (i, n) in trimmed.iter().enumerate() {
                if n.is_empty() {
                    return Err(Error::invalid(
                        "department",
                        &names[i],
                        "空でない部署名 / a non-empty name",
                    ));
                }
                if existing.iter().any(|d| d.name == *n) || trimmed[..i].contains(n) {
                    return Err(Error::AlreadyExists {
                        what: "department".into(),
                        name: n.to_string(),
                    });
                }
            }
            let added = names
                .iter()
                .map(|n| store.add_department(a, n))
                .collect::<Result<Vec<_>>>()?;
            ctx.out(&added, || {
                added
                    .iter()
                    .map(|d| format!("{} {} (id {})\n", tr(lang, "cli-added", &[]), d.name, d.id))
                    .collect()
            })?;
        }
        DepartmentCmd::List { assessment } => {
            let list = open_read(cli)?.departments(assessment_id(assessment)?)?;
            ctx.out(&list, || {
                list.iter()
                    .map(|d| format!("{:>4}  {}\n", d.id, d.name))
                    .collect()
            })?;
        }
    }
    done()
}
