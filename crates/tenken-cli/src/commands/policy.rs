//! `tenken policy …`: read, import, list, show and correct policy documents.

use std::path::Path;
use std::process::ExitCode;

use tenken_core::i18n::tr;
use tenken_core::{Error, Result};

use super::{done, open, open_read};
use crate::args::{Cli, PolicyCmd};
use crate::{human, Ctx};

pub fn run(cli: &Cli, ctx: &Ctx, cmd: &PolicyCmd) -> Result<ExitCode> {
    let lang = ctx.lang;
    match cmd {
        PolicyCmd::Parse { file, force } => {
            let bytes = tenken_core::store::read_policy_file(file)?;
            let parsed =
                tenken_core::store::parse_policy(&file.display().to_string(), &bytes, *force)?
                    .parsed;
            ctx.out(&parsed, || human::policy(lang, &parsed))?;
        }
        PolicyCmd::Import { file, org, force } => {
            let bytes = tenken_core::store::read_policy_file(file)?;
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            let doc = open(cli)?.import_policy_with(org, &name, &bytes, *force)?;
            ctx.out(&doc, || {
                format!(
                    "{} {} (id {})\n{}",
                    tr(lang, "cli-imported", &[]),
                    doc.source_name,
                    doc.id,
                    human::policy(lang, &doc.parsed)
                )
            })?;
        }
        PolicyCmd::Remove { id } => {
            let d = open(cli)?.remove_policy(*id)?;
            ctx.out(
                &serde_json::json!({"removed": d.id, "source_name": d.source_name}),
                || {
                    format!(
                        "{} {} (id {})",
                        tr(lang, "cli-policy-removed", &[]),
                        d.source_name,
                        d.id
                    )
                },
            )?;
        }
        PolicyCmd::List { org } => {
            let store = open_read(cli)?;
            let o = store.organisation(org)?;
            let docs = store.policies(o.id)?;
            let slim: Vec<_> = docs.iter().map(|d| serde_json::json!({"id": d.id, "kind": d.kind, "source_name": d.source_name, "source_format": d.source_format, "title": d.title, "imported_at": d.imported_at, "text_sha256": d.text_sha256})).collect();
            ctx.out(&slim, || {
                docs.iter()
                    .map(|d| {
                        format!(
                            "{:>4}  {}  {}  {}\n",
                            d.id, d.kind, d.source_name, d.imported_at
                        )
                    })
                    .collect()
            })?;
        }
        PolicyCmd::Show { id } => {
            let d = open_read(cli)?.policy(*id)?;
            ctx.out(&d, || human::policy(lang, &d.parsed))?;
        }
        PolicyCmd::Correct {
            policy,
            topic,
            section,
            absent,
        } => {
            let section = if *absent { None } else { section.as_deref() };
            let d = open(cli)?.correct_topic(*policy, topic, section)?;
            ctx.out(&d.parsed.topics, || {
                let cit = d
                    .parsed
                    .topics
                    .get(topic.as_str())
                    .map(|t| t.citation.clone())
                    .unwrap_or_else(|| "—".into());
                format!("{}  {topic} → {cit}", tr(lang, "cli-saved", &[]))
            })?;
        }
    }
    done()
}

/// A policy given as a stored id (with the auditor's corrections) or as a file to parse.
pub fn policy_arg(cli: &Cli, arg: &str) -> Result<tenken_policy::ParsedPolicy> {
    let path = Path::new(arg);
    if let (Ok(id), false) = (arg.trim().parse::<i64>(), path.is_file()) {
        return Ok(open_read(cli)?.policy(id)?.parsed);
    }
    if !path.exists() {
        return Err(Error::invalid("--policy", arg, "保存済みポリシーの ID またはポリシー文書のファイル / a stored policy id or a policy file"));
    }
    let bytes = tenken_core::store::read_policy_file(path)?;
    Ok(tenken_core::store::parse_policy(arg, &bytes, false)?.parsed)
}
