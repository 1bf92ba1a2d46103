// The only place that talks to the Tauri shell. Components call these typed functions; every
// argument and result type comes from ./bindings.ts (generated from the Rust types).
import { Channel, invoke } from "@tauri-apps/api/core";
import type * as B from "./bindings";
import type { CommandError, Lang } from "./types";

/** Normalises whatever a rejected `invoke` carries into `{code, message}`. */
export function toCommandError(err: unknown): CommandError {
  if (err !== null && typeof err === "object") {
    const o = err as Record<string, unknown>;
    if (typeof o.code === "string" && typeof o.message === "string") {
      return { code: o.code, message: o.message };
    }
  }
  return { code: "ipc", message: String(err) };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (err) {
    throw toCommandError(err);
  }
}

// Language
/** Fluent source (locales/<lang>/core.ftl + ui.ftl) compiled into the shell. */
export const uiMessages = (lang: Lang) => call<string>("ui_messages", { lang });
/** Tells the shell which language to use for errors and views; remembered for the next start. */
export const setLanguage = (lang: Lang) => call<void>("set_language", { lang });

// Start
export const listOrganisations = () => call<B.Organisation[]>("list_organisations");
export const listAssessments = () => call<B.AssessmentSummary[]>("list_assessments");
export const addOrganisation = (name: string) => call<B.Organisation>("add_organisation", { name });

// Policy
export const listPolicies = (organisationId: number) => call<B.PolicySummary[]>("list_policies", { organisationId });
export const policyView = (id: number) => call<B.PolicyView>("policy_view", { id });
export const importPolicy = (organisationId: number, path: string) =>
  call<B.PolicyImport>("import_policy", { organisationId, path });
export const policyChanges = (id: number) => call<B.PolicyChanges>("policy_changes", { id });
export const correctTopic = (policyId: number, topic: string, section: string | null) =>
  call<B.PolicyView>("correct_topic", { policyId, topic, section });

// Checklist
export const listChecklists = () => call<B.ChecklistInfo[]>("list_checklists");
export const deriveChecklist = (request: B.DeriveRequest) => call<B.DeriveResult>("derive_checklist", { request });
export const createAssessment = (request: B.CreateAssessmentRequest) => call<number>("create_assessment", { request });

// Assessment
export const dashboard = (assessmentId: number) => call<B.Dashboard>("dashboard", { assessmentId });
/** This year against the previous assessment (null when there is none). */
export const yearComparison = (assessmentId: number) =>
  call<B.YearComparison | null>("year_comparison", { assessmentId });

// Scope per department
export const scopeView = (assessmentId: number) => call<B.ScopeView>("scope_view", { assessmentId });
export const departmentScope = (assessmentId: number, departmentId: number) =>
  call<B.ItemScope[]>("department_scope", { assessmentId, departmentId });
export const setDepartmentRole = (assessmentId: number, departmentId: number, role: string | null) =>
  call<B.DepartmentScope>("set_department_role", { assessmentId, departmentId, role });
export const setScopeRule = (assessmentId: number, tier: string, role: string, applies: boolean | null) =>
  call<B.ScopeRule>("set_scope_rule", { assessmentId, tier, role, applies });
export const setItemScope = (assessmentId: number, departmentId: number, itemId: string, included: boolean | null) =>
  call<B.ItemScope>("set_item_scope", { assessmentId, departmentId, itemId, included });
export const assessmentHead = (assessmentId: number) => call<B.AssessmentHead>("assessment_head", { assessmentId });

// Interview
export const interviewSheet = (assessmentId: number, departmentId: number) =>
  call<B.InterviewSheet>("interview_sheet", { assessmentId, departmentId });
export const recordAnswer = (
  assessmentId: number,
  departmentId: number,
  itemId: string,
  change: { rating?: string; note?: string },
) =>
  call<B.Response>("record_answer", {
    assessmentId,
    departmentId,
    itemId,
    rating: change.rating ?? null,
    note: change.note ?? null,
  });
export const startInterview = (assessmentId: number, departmentId: number, interview: B.NewInterview) =>
  call<B.Interview>("start_interview", { assessmentId, departmentId, interview });
export const saveInterviewNotes = (interviewId: number, notes: string) =>
  call<B.Interview>("save_interview_notes", { interviewId, notes });

// Findings
export const listFindings = (assessmentId: number) => call<B.Finding[]>("list_findings", { assessmentId });
export const addFinding = (assessmentId: number, finding: B.NewFinding) =>
  call<B.Finding>("add_finding", { assessmentId, finding });
export const updateFinding = (findingId: number, edit: B.FindingEdit) =>
  call<B.Finding>("update_finding", { findingId, edit });

// Evidence
export const listEvidence = (assessmentId: number) => call<B.Evidence[]>("list_evidence", { assessmentId });
export function addFileEvidence(
  assessmentId: number,
  path: string,
  title: string,
  links: B.LinkRequest[],
  onProgress: (p: B.CopyProgress) => void,
): Promise<B.Evidence> {
  const progress = new Channel<B.CopyProgress>();
  progress.onmessage = onProgress;
  return call<B.Evidence>("add_file_evidence", { assessmentId, path, title, links, progress });
}
export const addRecordEvidence = (
  assessmentId: number,
  record: { title: string; location: string | null; description: string },
  links: B.LinkRequest[],
) => call<B.Evidence>("add_record_evidence", { assessmentId, ...record, links });
export const linkEvidence = (assessmentId: number, evidenceId: number, link: B.LinkRequest) =>
  call<B.Evidence>("link_evidence", { assessmentId, evidenceId, link });

// Report
/** Writes the PDF to `path` (from the save dialog), or with null into reports/ under its default name. */
export function exportReport(
  assessmentId: number,
  path: string | null,
  onProgress: (percent: number) => void,
  finalReport = false,
): Promise<B.ReportResult> {
  const progress = new Channel<B.ReportProgress>();
  progress.onmessage = (p) => onProgress(p.percent);
  return call<B.ReportResult>("export_report", { assessmentId, path, finalReport, progress });
}
/** The final reports issued (committee report and notices, with their versions). */
export const reportIssues = (assessmentId: number) => call<B.ReportIssue[]>("report_issues", { assessmentId });
/** Notices of one department (or all with null) into `folder` (from the folder picker). */
export const exportNotices = (
  assessmentId: number,
  departmentId: number | null,
  folder: string,
  finalReport: boolean,
) => call<B.NoticesResult>("export_notices", { assessmentId, departmentId, folder, finalReport });
export const reportTarget = (assessmentId: number) => call<B.ReportTarget>("report_target", { assessmentId });
export const openReportsFolder = () => call<void>("open_reports_folder");

// Settings
export const settings = () => call<B.Settings>("settings");
export const backupData = (parent: string) => call<B.BackupDone>("backup_data", { parent });
export const backupInfo = (backupDir: string) => call<B.BackupInfo>("backup_info", { backupDir });
export const restoreData = (backupDir: string, passphrase: string | null = null) =>
  call<string>("restore_data", { backupDir, passphrase });
export const switchDataDir = (path: string) => call<B.Settings>("switch_data_dir", { path });
export const about = () => call<B.About>("about");

// Excel round trip
export const xlsxSheets = (assessmentId: number) => call<B.SheetsWritten>("xlsx_sheets", { assessmentId });
export const xlsxImport = (paths: string[], onConflict: B.OnConflict) =>
  call<B.SheetImport[]>("xlsx_import", { paths, onConflict });
export const openSheetsFolder = () => call<void>("open_sheets_folder");

// Report front matter, interviews and remarks (what the report prints), removals
export const reportDetails = (assessmentId: number) => call<B.ReportDetails>("report_details", { assessmentId });
export const saveFrontMatter = (assessmentId: number, front: B.FrontMatter) =>
  call<B.ReportDetails>("save_front_matter", { assessmentId, front });
export const addInterview = (assessmentId: number, departmentId: number, change: B.InterviewChange) =>
  call<B.Interview>("add_interview", { assessmentId, departmentId, change });
export const updateInterview = (interviewId: number, change: B.InterviewChange) =>
  call<B.Interview>("update_interview", { interviewId, change });
export const removeInterview = (interviewId: number) => call<void>("remove_interview", { interviewId });
export const addRemark = (assessmentId: number, kind: B.RemarkKind, departmentId: number | null, text: string) =>
  call<B.Remark>("add_remark", { assessmentId, kind, departmentId, text });
export const updateRemark = (
  assessmentId: number,
  remarkId: number,
  kind: B.RemarkKind,
  departmentId: number | null,
  text: string,
) => call<B.Remark>("update_remark", { assessmentId, remarkId, kind, departmentId, text });
export const removeRemark = (remarkId: number) => call<void>("remove_remark", { remarkId });
export const removeOrganisation = (organisationId: number) => call<void>("remove_organisation", { organisationId });
export const removeAssessment = (assessmentId: number) => call<void>("remove_assessment", { assessmentId });
export const removeDepartment = (assessmentId: number, departmentId: number) =>
  call<void>("remove_department", { assessmentId, departmentId });
export const removeFinding = (findingId: number) => call<void>("remove_finding", { findingId });
export const unlinkEvidence = (assessmentId: number, evidenceId: number, link: B.LinkRequest) =>
  call<B.Evidence>("unlink_evidence", { assessmentId, evidenceId, link });
export const removeEvidence = (evidenceId: number) => call<void>("remove_evidence", { evidenceId });

// Drafts (text not yet saved; restored after the window closed too early)
export const loadDrafts = () => call<Record<string, string>>("load_drafts");
export const saveDraft = (key: string, text: string, seq: number) => call<void>("save_draft", { key, text, seq });

// Team (share with members, join, return, merge, conflicts)
export const teamStatus = (assessmentId: number) => call<B.TeamStatus>("team_status", { assessmentId });
export const teamShare = (
  assessmentId: number,
  path: string,
  member: string,
  departments: string[] | null,
  packagePassphrase: string | null,
) => call<B.ShareReport>("team_share", { assessmentId, path, member, departments, packagePassphrase });
export const teamJoin = (path: string, packagePassphrase: string | null) =>
  call<B.JoinReport>("team_join", { path, packagePassphrase });
export const teamReturn = (assessmentId: number, path: string, packagePassphrase: string | null) =>
  call<B.ReturnReport>("team_return", { assessmentId, path, packagePassphrase });
export const teamMerge = (paths: string[], packagePassphrase: string | null) =>
  call<B.MergeReport>("team_merge", { paths, packagePassphrase });
/** Whether any of the files is an encrypted team package (the package passphrase is then asked). */
export const teamPackageEncrypted = (paths: string[]) => call<boolean>("team_package_encrypted", { paths });
export const teamConflicts = (assessmentId: number) => call<B.ConflictView[]>("team_conflicts", { assessmentId });
export const teamResolve = (assessmentId: number, choices: B.ConflictChoice[]) =>
  call<B.Conflict[]>("team_resolve", { assessmentId, choices });

// Unlock (an encrypted store is opened with its passphrase; auto-lock closes it again)
export const lockState = () => call<B.LockInfo>("lock_state");
export const unlockStore = (passphrase: string, remember: boolean) =>
  call<B.LockInfo>("unlock", { passphrase, remember });
export const recoverStore = (recoveryKey: string, newPassphrase: string) =>
  call<B.LockInfo>("recover", { recoveryKey, newPassphrase });
export const setRemember = (on: boolean) => call<B.LockInfo>("set_remember", { on });
export const encryptStore = (passphrase: string) => call<B.EncryptionOn>("encrypt_store", { passphrase });
export const decryptStore = (passphrase: string) => call<B.EncryptionOff>("decrypt_store", { passphrase });
export const saveRecoveryKey = (path: string, recoveryKey: string) =>
  call<string>("save_recovery_key", { path, recoveryKey });
export const lockStore = () => call<B.LockInfo>("lock");
export const changePassphrase = (oldPassphrase: string, newPassphrase: string) =>
  call<void>("change_passphrase", { oldPassphrase, newPassphrase });
export const setAutolock = (minutes: number) => call<B.LockInfo>("set_autolock", { minutes });
