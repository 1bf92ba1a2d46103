//! `tenken evidence …`: files, paper documents, observations, and their links.

use std::process::ExitCode;

use tenken_core::store::LinkTarget;
use tenken_core::{Error, Result, Store};

use super::{assessment_id, done, open, open_read};
use crate::args::{Cli, EvidenceCmd};
use crate::{human, Ctx};

pub fn run(cli: &Cli, ctx: &Ctx, cmd: &EvidenceCmd) -> Result<ExitCode> {
    let lang = ctx.lang;
    match cmd {
        EvidenceCmd::Add {
            assessment,
            file,
            paper,
            observation,
            title,
            location,
            description,
            link_items,
            link_findings,
        } => {
            let mut store = open(cli)?;
            let a = assessment_id(assessment)?;
            // Check every link target before recording anything.
            let targets = link_items
                .iter()
                .map(|s| link_target(s))
                .collect::<Result<Vec<_>>>()?;
            check_link_targets(&store, a, &targets, link_findings)?;
            let ev = if let Some(path) = file {
                let quiet = ctx.json;
                let mut last = 0u64;
                store.add_file_evidence(a, path, title.as_deref(), &mut |n| {
                    if !quiet && n - last >= 64 << 20 {
                        last = n;
                        eprintln!("… {} MB", n >> 20);
                    }
                })?
            } else if let Some(p) = paper {
                store.add_paper_evidence(a, p, location, description)?
            } else if let Some(o) = observation {
                store.add_observation(a, o, description)?
            } else {
                return Err(Error::invalid(
                    "evidence",
                    "",
                    "--file, --paper または --observation / one of --file, --paper, --observation",
                ));
            };
            let mut ev = ev;
            for t in targets
                .iter()
                .cloned()
                .chain(link_findings.iter().map(|f| LinkTarget::Finding(*f)))
            {
                ev = store.link_evidence(ev.id, &t)?;
            }
            ctx.out(&ev, || human::evidence_one(lang, &ev))?;
        }
        EvidenceCmd::Link {
            evidence,
            items,
            findings,
        } => {
            let mut store = open(cli)?;
            let targets = items
                .iter()
                .map(|s| link_target(s))
                .collect::<Result<Vec<_>>>()?;
            // All or nothing: check every target before linking any.
            let a = store.evidence(*evidence)?.assessment_id;
            check_link_targets(&store, a, &targets, findings)?;
            let mut ev = None;
            for t in targets
                .into_iter()
                .chain(findings.iter().map(|f| LinkTarget::Finding(*f)))
            {
                ev = Some(store.link_evidence(*evidence, &t)?);
            }
            let ev = match ev {
                Some(e) => e,
                None => {
                    return Err(Error::invalid(
                        "link",
                        "",
                        "--item または --finding / --item or --finding",
                    ))
                }
            };
            ctx.out(&ev, || human::evidence_one(lang, &ev))?;
        }
        EvidenceCmd::List { assessment } => {
            let list = open_read(cli)?.evidence_list(assessment_id(assessment)?)?;
            ctx.out(&list, || {
                list.iter()
                    .map(|e| human::evidence_one(lang, e) + "\n")
                    .collect()
            })?;
        }
    }
    done()
}

fn link_target(s: &str) -> Result<LinkTarget> {
    let (d, i) = s
        .rsplit_once(':')
        .ok_or_else(|| Error::invalid("--item", s, "部署:項目ID / DEPARTMENT:ITEM"))?;
    Ok(LinkTarget::Response {
        department: d.to_string(),
        item_id: i.to_string(),
    })
}

/// Checks that every answer (department and item) and finding to link belongs to assessment `a`.
fn check_link_targets(
    store: &Store,
    a: i64,
    targets: &[LinkTarget],
    findings: &[i64],
) -> Result<()> {
    let assessment = store.assessment(a)?;
    for t in targets {
        if let LinkTarget::Response {
            department,
            item_id,
        } = t
        {
            store.department(a, department)?;
            if assessment.checklist.item(item_id).is_none() {
                return Err(Error::UnknownItem {
                    assessment: a,
                    item: item_id.clone(),
                });
            }
        }
    }
    for f in findings {
        if store.finding(*f)?.assessment_id != a {
            return Err(Error::UnknownFinding(*f));
        }
    }
    Ok(())
}
