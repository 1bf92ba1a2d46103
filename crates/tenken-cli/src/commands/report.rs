//! `tenken export`, `tenken report`, `tenken verify-report`: what leaves the store.

use std::path::Path;
use std::process::ExitCode;

use tenken_core::i18n::tr;
use tenken_core::store::NewReportIssue;
use tenken_core::{export, Error, Result};
use tenken_report::verify::{Altered, Status};
use tenken_report::{Doc, Issue};

use super::{assessment_id, done, open, open_read, output, read};
use crate::args::{Cli, ReportFormat};
use crate::{emit, Ctx};

/// `tenken export`: the whole assessment as JSON, to a file or standard output.
pub fn export(
    cli: &Cli,
    ctx: &Ctx,
    assessment: &str,
    out: Option<&Path>,
    force: bool,
) -> Result<ExitCode> {
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
                emit(&format!(
                    "{} {}",
                    tr(ctx.lang, "cli-written", &[]),
                    p.display()
                ));
            }
        }
        None => emit(&json),
    }
    done()
}

/// What `tenken report` was asked for.
pub struct ReportArgs<'a> {
    pub assessment: Option<&'a str>,
    pub from_export: Option<&'a Path>,
    pub out: &'a Path,
    pub final_: bool,
    pub format: ReportFormat,
    pub department: Option<&'a str>,
    pub all_departments: bool,
    pub force: bool,
}

/// A department's notice file name: its number and name, without characters file systems refuse.
fn notice_file(n: usize, department: &str, ext: &str) -> String {
    let safe: String = department
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    format!("{n:02}_{}.{ext}", safe.trim_matches(['.', ' ']))
}

/// `tenken report`: the committee report, one department's notice, or all notices (PDF), from
/// the store (or an export file); a draft unless --final. Progress on stderr.
pub fn report(cli: &Cli, ctx: &Ctx, a: &ReportArgs) -> Result<ExitCode> {
    let lang = ctx.lang;
    let output = output(cli, a.force);
    let docx = a.format == ReportFormat::Docx;
    if docx && a.final_ {
        return Err(Error::invalid(
            "--final",
            "--format docx",
            "PDF（確定版の正本は PDF） / pdf (a final version's record is the PDF)",
        ));
    }
    if a.all_departments {
        output.check_dir(a.out)?;
    } else {
        output.check_file(a.out)?;
    }
    if a.final_ && a.from_export.is_some() {
        return Err(Error::invalid("--final", "--from-export", "保存データからの報告書（版を記録するため） / a report from the store (the version is recorded there)"));
    }
    let (e, mut store) = match a.from_export {
        Some(p) => {
            let e =
                serde_json::from_slice::<export::AssessmentExport>(&read(p)?).map_err(|err| {
                    Error::invalid(
                        "--from-export",
                        p.display(),
                        format!("tenken export JSON ({err})"),
                    )
                })?;
            export::validate(&e)?;
            (e, None)
        }
        None => {
            let store = if a.final_ {
                open(cli)?
            } else {
                open_read(cli)?
            };
            let e = export::export(&store, assessment_id(a.assessment.unwrap_or_default())?)?;
            (e, Some(store))
        }
    };
    let docs: Vec<Doc> = if a.all_departments {
        e.departments
            .iter()
            .map(|d| Doc::Notice(d.name.clone()))
            .collect()
    } else if let Some(d) = a.department {
        if !e.departments.iter().any(|x| x.name == d) {
            return Err(Error::UnknownDepartment {
                assessment: e.assessment.id,
                department: d.to_string(),
            });
        }
        vec![Doc::Notice(d.to_string())]
    } else {
        vec![Doc::Committee]
    };
    let ext = if docx { "docx" } else { "pdf" };
    if a.all_departments {
        std::fs::create_dir_all(a.out).map_err(|err| Error::io(a.out, err))?;
        for (k, d) in docs.iter().enumerate() {
            if let Doc::Notice(name) = d {
                output.check_file(&a.out.join(notice_file(k + 1, name, ext)))?;
            }
        }
    }
    let mut shown = usize::MAX;
    let mut progress = |done: usize, total: usize| {
        let step = done * 10 / total.max(1);
        if step != shown && docs.len() == 1 {
            shown = step;
            eprintln!(
                "{}",
                tr(
                    lang,
                    "report-progress",
                    &[
                        ("done", (done * 100 / total.max(1)).to_string().into()),
                        ("total", "100".into())
                    ]
                )
            );
        }
    };
    let today = chrono::Local::now().date_naive();
    let mut written = vec![];
    // Versions first (each document has its own counter), then all rendered on all cores.
    let mut issued = vec![];
    for doc in &docs {
        let department = match doc {
            Doc::Notice(d) => Some(d.as_str()),
            _ => None,
        };
        issued.push(match (&store, a.final_) {
            (Some(s), true) => Issue::Final {
                version: s.next_report_version(e.assessment.id, department)?,
            },
            _ => Issue::Draft,
        });
    }
    let rendered = if docx {
        docs.iter()
            .zip(&issued)
            .map(|(d, i)| tenken_report::render_docx(&e, d, lang, today, *i))
            .collect()
    } else if docs.len() == 1 {
        vec![tenken_report::render_doc(
            &e,
            &docs[0],
            lang,
            today,
            issued[0],
            &mut progress,
        )]
    } else {
        tenken_report::render_many(
            &e,
            &docs
                .iter()
                .cloned()
                .zip(issued.iter().copied())
                .collect::<Vec<_>>(),
            lang,
            today,
        )
    };
    for (k, (doc, r)) in docs.iter().zip(rendered).enumerate() {
        let issue = issued[k];
        let department = match doc {
            Doc::Notice(d) => Some(d.as_str()),
            _ => None,
        };
        let path = if a.all_departments {
            a.out
                .join(notice_file(k + 1, department.unwrap_or_default(), ext))
        } else {
            a.out.to_path_buf()
        };
        let r = r.map_err(|err| Error::io(&path, std::io::Error::other(err.to_string())))?;
        output.write(&path, &r.bytes)?;
        if let (Some(s), Issue::Final { version }) = (store.as_mut(), issue) {
            let rec = s.record_report(&NewReportIssue {
                assessment_id: e.assessment.id,
                department: department.map(String::from),
                version,
                format: "pdf".into(),
                language: match lang {
                    tenken_core::Lang::Ja => "ja".into(),
                    tenken_core::Lang::En => "en".into(),
                },
                fingerprint: r.fingerprint.clone(),
                document_sha256: r.document_digest.clone(),
            });
            if let Err(err) = rec {
                // Not recorded: the file would claim a version the store does not know.
                let _ = std::fs::remove_file(&path);
                return Err(err);
            }
        }
        let version = match issue {
            Issue::Final { version } => Some(version),
            Issue::Draft => None,
        };
        written.push(serde_json::json!({"file": path, "format": ext, "department": department, "pages": r.pages, "bytes": r.bytes.len(), "fingerprint": r.fingerprint, "document_sha256": r.document_digest, "version": version, "draft": version.is_none()}));
    }
    let v = if a.all_departments {
        serde_json::json!({"folder": a.out, "files": written})
    } else {
        written[0].clone()
    };
    ctx.out(&v, || {
        written
            .iter()
            .map(|w| {
                let version = match w["version"].as_i64() {
                    Some(n) => tr(lang, "report-issue-final", &[("version", n.into())]),
                    None => tr(lang, "report-issue-draft", &[]),
                };
                let args = [
                    ("file", w["file"].as_str().unwrap_or_default().into()),
                    ("pages", w["pages"].as_i64().unwrap_or(0).into()),
                    (
                        "bytes",
                        tenken_core::i18n::group_digits(w["bytes"].as_i64().unwrap_or(0)).into(),
                    ),
                    ("version", version.into()),
                ];
                tr(lang, "report-written", &args)
            })
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    done()
}

/// `tenken verify-report`: exit 0 only when the PDF is the document tenken wrote (for a final,
/// the one recorded), of this assessment, and the records still match; else exit 1 saying
/// which: document altered, a different assessment, or records changed (and what).
pub fn verify_report(
    cli: &Cli,
    ctx: &Ctx,
    file: &Path,
    assessment: Option<&str>,
) -> Result<ExitCode> {
    let lang = ctx.lang;
    let Some((stamp, digest)) = tenken_report::verify::read(&read(file)?) else {
        eprintln!(
            "{}",
            tr(
                lang,
                "report-verify-no-stamp",
                &[("file", file.display().to_string().into())]
            )
        );
        return Ok(ExitCode::FAILURE);
    };
    let id = assessment.map(assessment_id).transpose()?;
    let v = tenken_report::verify::verify(&open_read(cli)?, &stamp, &digest, id)?;
    let changes = v.described(lang);
    let mut json = serde_json::to_value(&v)?;
    json["changes"] = serde_json::json!(changes);
    ctx.out(&json, || {
        let version = match v.version {
            Some(n) => tr(lang, "report-issue-final", &[("version", n.into())]),
            None => tr(lang, "report-issue-draft", &[]),
        };
        let mut what = match &v.department {
            Some(d) => tr(
                lang,
                "report-verify-what-notice",
                &[("department", d.into()), ("version", version.into())],
            ),
            None => tr(
                lang,
                "report-verify-what-committee",
                &[("version", version.into())],
            ),
        };
        if let (Some(at), Some(by)) = (&v.issued_at, &v.issued_by) {
            what.push_str(&tr(
                lang,
                "report-verify-issued",
                &[("at", at.into()), ("by", by.into())],
            ));
        }
        let head = match v.status {
            Status::Match => tr(
                lang,
                "report-verify-match",
                &[("fingerprint", v.report_fingerprint.clone().into())],
            ),
            Status::DocumentAltered => {
                let key = match v.altered {
                    Some(Altered::VersionNotRecorded) => "report-verify-altered-unrecorded",
                    Some(Altered::NotTheRecordedDocument) => "report-verify-altered-recorded",
                    Some(Altered::NoDigest) => "report-verify-altered-no-digest",
                    _ => "report-verify-altered",
                };
                tr(lang, key, &[])
            }
            Status::DifferentAssessment => tr(
                lang,
                "report-verify-different",
                &[
                    (
                        "report",
                        v.report_assessment
                            .map(|n| n.to_string())
                            .unwrap_or_default()
                            .into(),
                    ),
                    ("given", v.assessment.to_string().into()),
                ],
            ),
            Status::RecordsChanged => tr(
                lang,
                "report-verify-mismatch",
                &[
                    ("old", v.report_fingerprint.clone().into()),
                    (
                        "new",
                        v.current_fingerprint.clone().unwrap_or_default().into(),
                    ),
                ],
            ),
        };
        std::iter::once(head)
            .chain(std::iter::once(what))
            .chain(changes.iter().map(|c| format!("  - {c}")))
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    Ok(if v.matches {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
