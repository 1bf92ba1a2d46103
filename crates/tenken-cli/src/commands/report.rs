//! `tenken export`, `tenken report`, `tenken verify-report`: what leaves the store.

use std::path::Path;
use std::process::ExitCode;

use tenken_core::i18n::tr;
use tenken_core::{export, Error, Result};

use super::{assessment_id, done, open_read, output, read};
use crate::args::Cli;
use crate::{emit, Ctx};

/// `tenken export`: the whole assessment as JSON, to a file or standard output.
pub fn export(cli: &Cli, ctx: &Ctx, assessment: &str, out: Option<&Path>, force: bool) -> Result<ExitCode> {
    if let Some(p) = out {
        output(cli, force).check_file(p)?;
    }
    let store = open_read(cli)?;
    let e = export::export(&store, assessment_id(assessment)?)?;
    let json = serde_json::to_string_pretty(&e)?;
    match out {
        Some(p) => {
            output(cli, force).write(p, json.as_bytes())?;
            if !ctx.json {
                emit(&format!("{} {}", tr(ctx.lang, "cli-written", &[]), p.display()));
            }
        }
        None => emit(&json),
    }
    done()
}

/// `tenken report`: the PDF from the store (or an export file), progress on stderr.
pub fn report(cli: &Cli, ctx: &Ctx, assessment: Option<&str>, from_export: Option<&Path>, out: &Path, force: bool) -> Result<ExitCode> {
    let lang = ctx.lang;
    let output = output(cli, force);
    output.check_file(out)?;
    let e = match from_export {
        Some(p) => serde_json::from_slice::<export::AssessmentExport>(&read(p)?)
            .map_err(|err| Error::invalid("--from-export", p.display(), format!("tenken export JSON ({err})")))?,
        None => export::export(&open_read(cli)?, assessment_id(assessment.unwrap_or_default())?)?,
    };
    let mut shown = usize::MAX;
    let mut progress = |done: usize, total: usize| {
        let step = done * 10 / total.max(1);
        if step != shown {
            shown = step;
            eprintln!("{}", tr(lang, "report-progress", &[("done", (done * 100 / total.max(1)).to_string().into()), ("total", "100".into())]));
        }
    };
    let today = chrono::Local::now().date_naive();
    let r = tenken_report::render_at(&e, lang, today, &mut progress).map_err(|err| Error::io(out, std::io::Error::other(err.to_string())))?;
    output.write(out, &r.bytes)?;
    let v = serde_json::json!({"file": out, "pages": r.pages, "bytes": r.bytes.len(), "fingerprint": r.fingerprint});
    ctx.out(&v, || {
        let args = [("file", out.display().to_string().into()), ("pages", r.pages.into()), ("bytes", tenken_core::i18n::group_digits(r.bytes.len() as i64).into())];
        tr(lang, "report-written", &args)
    })?;
    done()
}

/// `tenken verify-report`: exit 0 when the PDF's fingerprint matches the store, 1 (with what
/// changed) otherwise.
pub fn verify_report(cli: &Cli, ctx: &Ctx, file: &Path, assessment: Option<&str>) -> Result<ExitCode> {
    let lang = ctx.lang;
    let Some(stamp) = tenken_report::read_stamp(&read(file)?) else {
        eprintln!("{}", tr(lang, "report-verify-no-stamp", &[("file", file.display().to_string().into())]));
        return Ok(ExitCode::FAILURE);
    };
    let id = match assessment {
        Some(a) => assessment_id(a)?,
        None => stamp.assessment_id.ok_or_else(|| Error::invalid("ASSESSMENT", "", "id"))?,
    };
    let e = export::export(&open_read(cli)?, id)?;
    let now = tenken_report::fingerprint(&e);
    let changes: Vec<String> = tenken_report::diff(&stamp, &e).iter().map(|c| tenken_report::describe(c, lang)).collect();
    let v = serde_json::json!({"match": changes.is_empty(), "assessment": id, "report_fingerprint": stamp.fingerprint, "current_fingerprint": now, "changes": changes});
    ctx.out(&v, || {
        if changes.is_empty() {
            tr(lang, "report-verify-match", &[("fingerprint", now.clone().into())])
        } else {
            let head = tr(lang, "report-verify-mismatch", &[("old", stamp.fingerprint.clone().into()), ("new", now.clone().into())]);
            std::iter::once(head).chain(changes.iter().map(|c| format!("  - {c}"))).collect::<Vec<_>>().join("\n")
        }
    })?;
    Ok(if changes.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
