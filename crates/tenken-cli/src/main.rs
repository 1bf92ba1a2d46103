//! `tenken`: every use case of tenken without the window. Each subcommand parses its
//! arguments, calls one core function, and prints the result (Japanese, English with
//! `--lang en`, or JSON with `--json`). Errors go to stderr with a non-zero exit code.

mod args;
mod human;

use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Parser;
use serde::Serialize;

use args::*;
use tenken_core::checklist::derive::{derive, Profile};
use tenken_core::checklist::{load_str, Bank};
use tenken_core::i18n::tr;
use tenken_core::store::{parse_id, AnswerChange, FindingChange, LinkTarget, NewAssessment, NewFinding, NewInterview};
use tenken_core::{backup, demo, export, verify, AssessmentKind, ClassificationScheme, Error, FindingStatus, Lang, Priority, RemarkKind, Result, Store};

pub struct Ctx {
    pub lang: Lang,
    pub json: bool,
}

impl Ctx {
    /// Prints `value` as JSON, or the human text.
    fn out<T: Serialize>(&self, value: &T, human: impl FnOnce() -> String) -> Result<()> {
        if self.json {
            emit(&serde_json::to_string_pretty(value)?);
        } else {
            let text = human();
            if !text.is_empty() {
                emit(text.trim_end());
            }
        }
        Ok(())
    }
}

/// Prints a line to stdout; a closed pipe (`tenken … | head`) is not an error.
fn emit(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}");
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let ctx = Ctx { lang: cli.lang.parse().unwrap_or_default(), json: cli.json };
    match run(cli, &ctx) {
        Ok(code) => code,
        Err(e) => {
            if ctx.json {
                eprintln!("{}", serde_json::json!({"error": {"code": e.code(), "message": e.localized(ctx.lang)}}));
            } else {
                eprintln!("{}: {}", tr(ctx.lang, "cli-error", &[]), e.localized(ctx.lang));
            }
            ExitCode::FAILURE
        }
    }
}

fn open(cli: &Cli) -> Result<Store> {
    let dir = cli.data_dir.clone().unwrap_or_else(tenken_core::default_data_dir);
    Store::open(&dir)
}

fn bank(cli: &Cli) -> Result<Bank> {
    match &cli.checklists {
        Some(dir) => Bank::from_dir(dir),
        None => Bank::builtin(),
    }
}

fn assessment_id(s: &str) -> Result<i64> {
    parse_id(s, Error::UnknownAssessment)
}

fn date(field: &str, s: &Option<String>) -> Result<Option<NaiveDate>> {
    s.as_deref()
        .map(|v| NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").map_err(|_| Error::invalid(field, v, "YYYY-MM-DD")))
        .transpose()
}

fn profile(p: &ProfileArgs) -> Profile {
    Profile { network_model: p.network_model.clone(), cloud: p.cloud, social_media: p.social_media }
}

fn link_target(s: &str) -> Result<LinkTarget> {
    let (d, i) = s.rsplit_once(':').ok_or_else(|| Error::invalid("--item", s, "部署:項目ID / DEPARTMENT:ITEM"))?;
    Ok(LinkTarget::Response { department: d.to_string(), item_id: i.to_string() })
}

/// Checks that every answer (department and item) and finding to link belongs to assessment `a`.
fn check_link_targets(store: &Store, a: i64, targets: &[LinkTarget], findings: &[i64]) -> Result<()> {
    let assessment = store.assessment(a)?;
    for t in targets {
        if let LinkTarget::Response { department, item_id } = t {
            store.department(a, department)?;
            if assessment.checklist.item(item_id).is_none() {
                return Err(Error::UnknownItem { assessment: a, item: item_id.clone() });
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

fn run(cli: Cli, ctx: &Ctx) -> Result<ExitCode> {
    let lang = ctx.lang;
    match &cli.command {
        Command::Demo { size, if_empty } => {
            let mut store = open(&cli)?;
            if *if_empty && !store.is_empty()? {
                return ctx.out(&serde_json::json!({"skipped": true}), || tr(lang, "cli-demo-skipped", &[])).map(|_| ExitCode::SUCCESS);
            }
            let size = if *size == DemoSize::Large { demo::Size::Large } else { demo::Size::Small };
            let r = demo::fill(&mut store, size)?;
            ctx.out(&r, || human::demo(lang, &r))?;
        }
        Command::Org(OrgCmd::Add { name, addressee }) => {
            let o = open(&cli)?.add_organisation(name, addressee.as_deref())?;
            ctx.out(&o, || format!("{} {} (id {})", tr(lang, "cli-added", &[]), o.name, o.id))?;
        }
        Command::Org(OrgCmd::List) => {
            let list = open(&cli)?.list_organisations()?;
            ctx.out(&list, || list.iter().map(|o| format!("{:>4}  {}\n", o.id, o.name)).collect())?;
        }
        Command::Policy(PolicyCmd::Parse { file }) => {
            let bytes = read(file)?;
            let parsed = tenken_policy::parse_bytes(&bytes)
                .map_err(|e| Error::PolicyUnreadable { file: file.display().to_string(), reason: e.to_string() })?;
            ctx.out(&parsed, || human::policy(lang, &parsed))?;
        }
        Command::Policy(PolicyCmd::Import { file, org }) => {
            let bytes = read(file)?;
            let name = file.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
            let doc = open(&cli)?.import_policy(org, &name, &bytes)?;
            ctx.out(&doc, || format!("{} {} (id {})\n{}", tr(lang, "cli-imported", &[]), doc.source_name, doc.id, human::policy(lang, &doc.parsed)))?;
        }
        Command::Policy(PolicyCmd::List { org }) => {
            let store = open(&cli)?;
            let o = store.organisation(org)?;
            let docs = store.policies(o.id)?;
            let slim: Vec<_> = docs.iter().map(|d| serde_json::json!({"id": d.id, "kind": d.kind, "source_name": d.source_name, "title": d.title, "imported_at": d.imported_at, "text_sha256": d.text_sha256})).collect();
            ctx.out(&slim, || docs.iter().map(|d| format!("{:>4}  {}  {}  {}\n", d.id, d.kind, d.source_name, d.imported_at)).collect())?;
        }
        Command::Policy(PolicyCmd::Show { id }) => {
            let d = open(&cli)?.policy(*id)?;
            ctx.out(&d, || human::policy(lang, &d.parsed))?;
        }
        Command::Policy(PolicyCmd::Correct { policy, topic, section, absent }) => {
            let section = if *absent { None } else { section.as_deref() };
            let d = open(&cli)?.correct_topic(*policy, topic, section)?;
            ctx.out(&d.parsed.topics, || {
                let cit = d.parsed.topics.get(topic.as_str()).map(|t| t.citation.clone()).unwrap_or_else(|| "—".into());
                format!("{}  {topic} → {cit}", tr(lang, "cli-saved", &[]))
            })?;
        }
        Command::Checklist(ChecklistCmd::Diff { assessment, policy, standards }) => {
            let store = open(&cli)?;
            let a = store.assessment(assessment_id(assessment)?)?;
            let b = bank(&cli)?;
            let base = b.get(&a.checklist.id)?;
            let pol = policy.or(a.policy_document_id).map(|p| store.policy(p)).transpose()?;
            let std_doc = standards.or(a.standards_document_id).map(|s| store.policy(s)).transpose()?;
            let fresh = match &pol {
                Some(p) => derive(base, &p.parsed, std_doc.as_ref().map(|s| &s.parsed), &a.profile).0,
                None => base.clone(),
            };
            let r = tenken_core::checklist::derive::compare(&a.checklist, &fresh);
            ctx.out(&r, || human::revision(lang, &r))?;
        }
        Command::Checklist(ChecklistCmd::List) => {
            let b = bank(&cli)?;
            let slim: Vec<_> = b.checklists.iter().map(|c| serde_json::json!({"id": c.id, "version": c.version, "title": c.title, "scale": c.scale, "items": c.items.len()})).collect();
            ctx.out(&slim, || b.checklists.iter().map(|c| format!("{}  v{}  {}  ({} {})\n", c.id, c.version, c.title.get(lang), c.items.len(), tr(lang, "cli-items", &[]))).collect())?;
        }
        Command::Checklist(ChecklistCmd::Validate { paths }) => {
            let loaded = if paths.is_empty() {
                bank(&cli)?.checklists
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
            ctx.out(&slim, || loaded.iter().map(|c| format!("OK  {}  v{}  {} {}\n", c.id, c.version, c.items.len(), tr(lang, "cli-items", &[]))).collect())?;
        }
        Command::Checklist(ChecklistCmd::Show { id }) => {
            let b = bank(&cli)?;
            let c = b.get(id)?;
            ctx.out(c, || human::checklist(lang, c))?;
        }
        Command::Checklist(ChecklistCmd::Derive { policy, checklist, standards, profile: p }) => {
            let b = bank(&cli)?;
            let pol = policy_arg(&cli, policy)?;
            let std_doc = standards.as_deref().map(|s| policy_arg(&cli, s)).transpose()?;
            let (_, d) = derive(b.get(checklist)?, &pol, std_doc.as_ref(), &profile(p));
            ctx.out(&d, || human::derivation(lang, &d))?;
        }
        Command::Assessment(AssessmentCmd::Create {
            org, fiscal_year, kind, title, checklist, policy, standards, period_start, period_end, auditors, classification, previous, profile: p,
        }) => {
            let mut store = open(&cli)?;
            let o = store.organisation(org)?;
            let (frozen, _) = tenken_core::views::derive_for_store(&store, &bank(&cli)?, checklist, *policy, *standards, &profile(p))?;
            let new = NewAssessment {
                organisation_id: o.id,
                fiscal_year: *fiscal_year,
                kind: AssessmentKind::from_key(kind).unwrap_or(AssessmentKind::InternalAudit),
                title: title.clone(),
                period_start: date("--period-start", period_start)?,
                period_end: date("--period-end", period_end)?,
                auditors: auditors.clone(),
                scale: frozen.scale,
                classification: ClassificationScheme::from_key(classification).unwrap_or(ClassificationScheme::FourLevel),
                checklist: frozen,
                policy_document_id: *policy,
                standards_document_id: *standards,
                profile: profile(p),
                previous_assessment_id: *previous,
            };
            let a = store.create_assessment(&new)?;
            ctx.out(&a, || format!("{} {} {} (id {})", tr(lang, "cli-added", &[]), a.fiscal_year_label, a.title, a.id))?;
        }
        Command::Assessment(AssessmentCmd::List) => {
            let list = open(&cli)?.list_assessments()?;
            ctx.out(&list, || human::assessments(lang, &list))?;
        }
        Command::Assessment(AssessmentCmd::Show { id }) => {
            let a = open(&cli)?.assessment(assessment_id(id)?)?;
            ctx.out(&a, || human::assessment(lang, &a))?;
        }
        Command::Assessment(AssessmentCmd::Summary { id, text }) => {
            let mut store = open(&cli)?;
            let a = assessment_id(id)?;
            store.set_summary(a, text)?;
            ctx.out(&serde_json::json!({"id": a, "summary": text}), || tr(lang, "cli-saved", &[]))?;
        }
        Command::Department(DepartmentCmd::Add { assessment, names }) => {
            let mut store = open(&cli)?;
            let a = assessment_id(assessment)?;
            // All or nothing: check every name (as it will be stored: trimmed) before adding any.
            store.assessment(a)?;
            let existing = store.departments(a)?;
            let trimmed: Vec<&str> = names.iter().map(|n| n.trim()).collect();
            for (i, n) in trimmed.iter().enumerate() {
                if n.is_empty() {
                    return Err(Error::invalid("department", &names[i], "空でない部署名 / a non-empty name"));
                }
                if existing.iter().any(|d| d.name == *n) || trimmed[..i].contains(n) {
                    return Err(Error::AlreadyExists { what: "department".into(), name: n.to_string() });
                }
            }
            let added = names.iter().map(|n| store.add_department(a, n)).collect::<Result<Vec<_>>>()?;
            ctx.out(&added, || added.iter().map(|d| format!("{} {} (id {})\n", tr(lang, "cli-added", &[]), d.name, d.id)).collect())?;
        }
        Command::Department(DepartmentCmd::List { assessment }) => {
            let list = open(&cli)?.departments(assessment_id(assessment)?)?;
            ctx.out(&list, || list.iter().map(|d| format!("{:>4}  {}\n", d.id, d.name)).collect())?;
        }
        Command::Interview(InterviewCmd::Add { assessment, department, date: d, place, attendees, auditor, notes }) => {
            let new = NewInterview { held_on: date("--date", d)?, place: place.clone(), attendees: attendees.clone(), auditor: auditor.clone(), notes: notes.clone() };
            let i = open(&cli)?.add_interview(assessment_id(assessment)?, department, &new)?;
            ctx.out(&i, || format!("{} {} {} (id {})", tr(lang, "cli-added", &[]), i.department, human::date(lang, i.held_on), i.id))?;
        }
        Command::Interview(InterviewCmd::List { assessment }) => {
            let list = open(&cli)?.interviews(assessment_id(assessment)?)?;
            ctx.out(&list, || list.iter().map(|i| format!("{:>4}  {}  {}  {}  {}\n", i.id, human::date(lang, i.held_on), i.department, i.place, i.auditor)).collect())?;
        }
        Command::Interview(InterviewCmd::Notes { id, text }) => {
            let i = open(&cli)?.set_interview_notes(*id, text)?;
            ctx.out(&i, || tr(lang, "cli-saved", &[]))?;
        }
        Command::Answer(AnswerCmd::Set { assessment, department, item, rating, note }) => {
            let change = AnswerChange { rating: rating.clone(), note: note.clone() };
            let r = open(&cli)?.record_answer(assessment_id(assessment)?, department, item, &change)?;
            ctx.out(&r, || format!("{}  {}  {}  {}", tr(lang, "cli-saved", &[]), r.department, r.item_id, r.rating.clone().unwrap_or_default()))?;
        }
        Command::Answer(AnswerCmd::List { assessment, department }) => {
            let store = open(&cli)?;
            let a = store.assessment(assessment_id(assessment)?)?;
            let list = store.answers(a.id, department.as_deref())?;
            ctx.out(&list, || human::answers(lang, &a, &list))?;
        }
        Command::Finding(FindingCmd::Add {
            assessment, department, item, clause, fact, risk, recommendation, classification, priority, due, owner, follows_up,
        }) => {
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
            let f = open(&cli)?.add_finding(assessment_id(assessment)?, &new)?;
            ctx.out(&f, || format!("{} {} {} (id {})", tr(lang, "cli-added", &[]), tr(lang, "cli-finding-no", &[("n", f.number.into())]), f.department, f.id))?;
        }
        Command::Finding(FindingCmd::Update { id, clause, fact, risk, recommendation, classification, priority, due, owner, status }) => {
            let change = FindingChange {
                cited_clause: clause.clone(),
                fact: fact.clone(),
                risk: risk.clone(),
                recommendation: recommendation.clone(),
                classification: classification.clone(),
                priority: priority.as_deref().and_then(Priority::from_key),
                due_date: if due.is_some() { Some(date("--due", due)?) } else { None },
                owner: owner.clone(),
                status: status.as_deref().and_then(FindingStatus::from_key),
            };
            let f = open(&cli)?.update_finding(*id, &change)?;
            ctx.out(&f, || tr(lang, "cli-saved", &[]))?;
        }
        Command::Finding(FindingCmd::List { assessment }) => {
            let store = open(&cli)?;
            let a = store.assessment(assessment_id(assessment)?)?;
            let list = store.findings(a.id)?;
            ctx.out(&list, || human::findings(lang, &a, &list))?;
        }
        Command::Remark(RemarkCmd::Add { assessment, kind, department, text }) => {
            let kind = RemarkKind::from_key(kind).unwrap_or(RemarkKind::Notable);
            let r = open(&cli)?.add_remark(assessment_id(assessment)?, department.as_deref(), kind, text)?;
            ctx.out(&r, || format!("{} {} (id {})", tr(lang, "cli-added", &[]), r.kind.label(lang), r.id))?;
        }
        Command::Remark(RemarkCmd::List { assessment }) => {
            let list = open(&cli)?.remarks(assessment_id(assessment)?)?;
            ctx.out(&list, || list.iter().map(|r| format!("{:>4}  {}  {}  {}\n", r.id, r.kind.label(lang), r.department.clone().unwrap_or_default(), r.text)).collect())?;
        }
        Command::Evidence(EvidenceCmd::Add { assessment, file, paper, observation, title, location, description, link_items, link_findings }) => {
            let mut store = open(&cli)?;
            let a = assessment_id(assessment)?;
            // Check every link target before recording anything.
            let targets = link_items.iter().map(|s| link_target(s)).collect::<Result<Vec<_>>>()?;
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
                return Err(Error::invalid("evidence", "", "--file, --paper または --observation / one of --file, --paper, --observation"));
            };
            let mut ev = ev;
            for t in targets.iter().cloned().chain(link_findings.iter().map(|f| LinkTarget::Finding(*f))) {
                ev = store.link_evidence(ev.id, &t)?;
            }
            ctx.out(&ev, || human::evidence_one(lang, &ev))?;
        }
        Command::Evidence(EvidenceCmd::Link { evidence, items, findings }) => {
            let mut store = open(&cli)?;
            let targets = items.iter().map(|s| link_target(s)).collect::<Result<Vec<_>>>()?;
            // All or nothing: check every target before linking any.
            let a = store.evidence(*evidence)?.assessment_id;
            check_link_targets(&store, a, &targets, findings)?;
            let mut ev = None;
            for t in targets.into_iter().chain(findings.iter().map(|f| LinkTarget::Finding(*f))) {
                ev = Some(store.link_evidence(*evidence, &t)?);
            }
            let ev = match ev {
                Some(e) => e,
                None => return Err(Error::invalid("link", "", "--item または --finding / --item or --finding")),
            };
            ctx.out(&ev, || human::evidence_one(lang, &ev))?;
        }
        Command::Evidence(EvidenceCmd::List { assessment }) => {
            let list = open(&cli)?.evidence_list(assessment_id(assessment)?)?;
            ctx.out(&list, || list.iter().map(|e| human::evidence_one(lang, e) + "\n").collect())?;
        }
        Command::Xlsx(cmd) => return xlsx(&cli, ctx, cmd),
        Command::Export { assessment, out } => {
            let store = open(&cli)?;
            let e = export::export(&store, assessment_id(assessment)?)?;
            let json = serde_json::to_string_pretty(&e)?;
            match out {
                Some(p) => {
                    std::fs::write(p, json).map_err(|err| Error::io(p, err))?;
                    if !ctx.json {
                        emit(&format!("{} {}", tr(lang, "cli-written", &[]), p.display()));
                    }
                }
                None => emit(&json),
            }
        }
        Command::Report { assessment, from_export, out } => report(&cli, ctx, assessment.as_deref(), from_export.as_deref(), out)?,
        Command::VerifyReport { file, assessment } => return verify_report(&cli, ctx, file, assessment.as_deref()),
        Command::Verify => {
            let store = open(&cli)?;
            let r = verify::verify(&store)?;
            ctx.out(&r, || human::verify(lang, &r))?;
            if !r.ok {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Backup { dir } => {
            let store = open(&cli)?;
            let r = backup::backup(&store, dir)?;
            ctx.out(&r, || tr(lang, "cli-backup-done", &[("path", r.path.display().to_string().into()), ("files", r.evidence_files.into())]))?;
        }
        Command::Restore { dir } => {
            let data = cli.data_dir.clone().unwrap_or_else(tenken_core::default_data_dir);
            let kept = backup::restore(dir, &data)?;
            let kept_text = kept.display().to_string();
            let previous = (!kept_text.is_empty()).then_some(&kept);
            ctx.out(&serde_json::json!({"restored_into": data, "previous_database": previous}), || match previous {
                Some(_) => tr(lang, "cli-restore-done", &[("path", data.display().to_string().into()), ("kept", kept_text.clone().into())]),
                None => tr(lang, "cli-restore-done-fresh", &[("path", data.display().to_string().into())]),
            })?;
        }
        Command::Log { limit } => {
            let store = open(&cli)?;
            let entries = store.audit_log(Some(*limit))?;
            ctx.out(&entries, || entries.iter().map(|e| format!("{:>6}  {}  {}  {}  {} {}\n", e.seq, e.at, e.actor, e.action, e.entity, e.entity_id)).collect())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A policy given as a stored id (with the auditor's corrections) or as a file to parse.
fn policy_arg(cli: &Cli, arg: &str) -> Result<tenken_policy::ParsedPolicy> {
    let path = Path::new(arg);
    if let (Ok(id), false) = (arg.trim().parse::<i64>(), path.is_file()) {
        return Ok(open(cli)?.policy(id)?.parsed);
    }
    if !path.exists() {
        return Err(Error::invalid("--policy", arg, "保存済みポリシーの ID またはポリシー文書のファイル / a stored policy id or a policy file"));
    }
    let bytes = read(path)?;
    tenken_policy::parse_bytes(&bytes).map_err(|e| Error::PolicyUnreadable { file: arg.to_string(), reason: e.to_string() })
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::io(path, e))
}

/// `tenken report`: the PDF from the store (or an export file), progress on stderr.
fn report(cli: &Cli, ctx: &Ctx, assessment: Option<&str>, from_export: Option<&Path>, out: &Path) -> Result<()> {
    let lang = ctx.lang;
    let e = match from_export {
        Some(p) => serde_json::from_slice::<export::AssessmentExport>(&read(p)?)
            .map_err(|err| Error::invalid("--from-export", p.display(), format!("tenken export JSON ({err})")))?,
        None => export::export(&open(cli)?, assessment_id(assessment.unwrap_or_default())?)?,
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
    std::fs::write(out, &r.bytes).map_err(|err| Error::io(out, err))?;
    let v = serde_json::json!({"file": out, "pages": r.pages, "bytes": r.bytes.len(), "fingerprint": r.fingerprint});
    ctx.out(&v, || {
        let args = [("file", out.display().to_string().into()), ("pages", r.pages.into()), ("bytes", tenken_core::i18n::group_digits(r.bytes.len() as i64).into())];
        tr(lang, "report-written", &args)
    })
}

/// `tenken verify-report`: exit 0 when the PDF's fingerprint matches the store, 1 (with what
/// changed) otherwise.
fn verify_report(cli: &Cli, ctx: &Ctx, file: &Path, assessment: Option<&str>) -> Result<ExitCode> {
    let lang = ctx.lang;
    let Some(stamp) = tenken_report::read_stamp(&read(file)?) else {
        eprintln!("{}", tr(lang, "report-verify-no-stamp", &[("file", file.display().to_string().into())]));
        return Ok(ExitCode::FAILURE);
    };
    let id = match assessment {
        Some(a) => assessment_id(a)?,
        None => stamp.assessment_id.ok_or_else(|| Error::invalid("ASSESSMENT", "", "id"))?,
    };
    let e = export::export(&open(cli)?, id)?;
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

/// `tenken xlsx …`: answer sheets out, filled sheets in (each file all-or-nothing), results.
fn xlsx(cli: &Cli, ctx: &Ctx, cmd: &XlsxCmd) -> Result<ExitCode> {
    let lang = ctx.lang;
    match cmd {
        XlsxCmd::Sheets { assessment, out } => {
            let store = open(cli)?;
            let files = tenken_xlsx::sheets(&store, assessment_id(assessment)?, out)?;
            ctx.out(&files, || {
                let head = tr(lang, "xlsx-sheets-written", &[("count", files.len().into()), ("dir", out.display().to_string().into())]);
                std::iter::once(head).chain(files.iter().map(|f| format!("  {}", f.display()))).collect::<Vec<_>>().join("\n")
            })?;
        }
        XlsxCmd::Import { files, accept_sheet, keep_tenken, dry_run } => {
            let mut store = open(cli)?;
            let on_conflict = if *accept_sheet {
                tenken_xlsx::ConflictPolicy::Sheet
            } else if *keep_tenken {
                tenken_xlsx::ConflictPolicy::Tenken
            } else {
                tenken_xlsx::ConflictPolicy::Refuse
            };
            let opts = tenken_xlsx::ImportOptions { on_conflict, dry_run: *dry_run };
            let mut reports = vec![];
            for f in files {
                let r = tenken_xlsx::import_with(&mut store, f, &opts)?;
                if !ctx.json {
                    emit(&r.localized(lang));
                }
                reports.push(r);
            }
            let failed = reports.iter().filter(|r| !r.ok()).count();
            if ctx.json {
                emit(&serde_json::to_string_pretty(&reports.iter().map(|r| r.json(lang)).collect::<Vec<_>>())?);
            }
            if failed > 0 {
                if !ctx.json {
                    eprintln!("{}", tr(lang, "xlsx-import-failed", &[("failed", failed.into()), ("total", files.len().into())]));
                }
                return Ok(ExitCode::FAILURE);
            }
        }
        XlsxCmd::Results { assessment, out } => {
            let store = open(cli)?;
            tenken_xlsx::results(&store, assessment_id(assessment)?, out)?;
            ctx.out(&serde_json::json!({"file": out}), || tr(lang, "xlsx-results-written", &[("file", out.display().to_string().into())]))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

