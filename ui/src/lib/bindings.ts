// GENERATED from the Rust types by src-tauri/src/bindings.rs (ts-rs). Do not edit.
// Regenerate: TENKEN_WRITE_BINDINGS=1 cargo test -p tenken-app bindings
// 64-bit integers are ids and counts sent as JSON numbers: typed `number`, not `bigint`.

export type Lang = "ja" | "en";

export type AssessmentKind = "self_inspection" | "internal_audit" | "external_audit";

export type ScaleKind = "audit" | "self_inspection";

export type ClassificationScheme = "four_level" | "two_level";

export type Priority = "high" | "medium" | "low";

export type FindingStatus = "open" | "in_progress" | "done" | "continued";

export type EvidenceKind = "file" | "paper" | "observation";

export type Organisation = { id: number, name: string, 
/**
 * Who receives the report (情報セキュリティ委員会, CISO …).
 */
addressee: string | null, created_at: string, };

export type AssessmentSummary = { id: number, organisation_id: number, organisation_name: string, title: string, fiscal_year: number, fiscal_year_label: string, kind: AssessmentKind, checklist_id: string, department_count: number, 
/**
 * Items in the checklist × departments in scope.
 */
item_count: number, 
/**
 * Responses with a rating.
 */
answered_count: number, finding_count: number, };

export type Department = { id: number, name: string, };

export type Interview = { id: number, assessment_id: number, department_id: number, department: string, held_on: string, place: string, attendees: string, auditor: string, notes: string, updated_at: string, };

export type NewInterview = { held_on: string | null, place: string, attendees: string, auditor: string, notes: string, };

export type Response = { id: number, department_id: number, department: string, item_id: string, 
/**
 * A key of the assessment's scale; None = 未評価.
 */
rating: string | null, note: string, updated_at: string, };

export type Finding = { id: number, assessment_id: number, 
/**
 * 指摘番号 within the assessment (1, 2, …).
 */
number: number, department_id: number, department: string, item_id: string | null, cited_clause: string, fact: string, risk: string, recommendation: string, classification: string, priority: Priority, due_date: string | null, owner: string, status: FindingStatus, follows_up: number | null, created_at: string, updated_at: string, };

export type NewFinding = { department: string, item_id: string | null, 
/**
 * The organisation's clause; defaults to the item's citation (or its model section).
 */
cited_clause: string | null, fact: string, risk: string, recommendation: string, 
/**
 * A class of the assessment's classification preset (key or label).
 */
classification: string, priority: Priority | null, due_date: string | null, owner: string, status: FindingStatus | null, follows_up: number | null, };

export type Evidence = { id: number, assessment_id: number, kind: EvidenceKind, title: string, sha256: string | null, original_name: string | null, size: number | null, media_type: string | null, 
/**
 * The file's own date (modification time), as YYYY-MM-DD.
 */
file_date: string | null, 
/**
 * 保管場所 of a paper document.
 */
location: string, description: string, recorded_at: string, links: Array<EvidenceLink>, };

export type EvidenceLink = { "kind": "response", department: string, item_id: string, } | { "kind": "finding", finding_id: number, number: number, };

export type Profile = { 
/**
 * alpha | alpha_prime | beta | beta_prime; None = not stated (network-model items are kept).
 */
network_model: string | null, cloud: boolean, social_media: boolean, };

export type KeptItem = { id: string, section: string, topic: string, citation: string, standards_citation: string | null, required: boolean, question: string, question_en: string, };

export type LeftOutItem = { id: string, section: string, topic: string, 
/**
 * segment_not_defined | topic_not_in_policy | network_model | no_cloud | no_social_media
 */
reason_code: string, reason: string, reason_en: string, };

export type UncoveredSection = { citation: string, title: string | null, };

export type Coverage = { 
/**
 * Policy sections (with a topic of the measures) that no kept item cites.
 */
uncovered_sections: Array<UncoveredSection>, 
/**
 * Topics the items use that the policy does not have.
 */
topics_not_found: Array<string>, };

export type Derivation = { checklist_id: string, checklist_version: string, policy_title: string | null, segments: Array<string>, kept: Array<KeptItem>, left_out: Array<LeftOutItem>, coverage: Coverage, };

export type ChecklistInfo = { id: string, version: string, title: string, scale: ScaleKind, items: number, };

export type PolicySummary = { id: number, organisation_id: number, 
/**
 * basic_policy | standards
 */
kind: string, source_name: string, title: string | null, text_sha256: string, encoding: string, imported_at: string, sections: number, segments: Array<string>, };

export type SectionRow = { depth: number, label: string, 
/**
 * Empty for grouping headings (章・節), which cannot be cited.
 */
citation: string, title: string | null, text: string, 
/**
 * 1-based line of the heading in the original text.
 */
line: number, };

export type TopicRow = { key: string, title: string, 
/**
 * None: the policy has no section for this topic.
 */
citation: string | null, corrected: boolean, };

export type PolicyView = { summary: PolicySummary, sections: Array<SectionRow>, topics: Array<TopicRow>, warnings: Array<string>, 
/**
 * The original text as imported (decoded to UTF-8), line by line.
 */
lines: Array<string>, };

export type PolicyChanges = { previous_id: number | null, same_text: boolean, added: Array<string>, removed: Array<string>, 
/**
 * Same citation, different title or text.
 */
changed: Array<string>, 
/**
 * Topics whose citation moved: "physical: 第8条第4号 → 第8条第5号".
 */
topics_moved: Array<string>, segments_before: Array<string>, segments_after: Array<string>, };

export type RatingChoice = { key: string, symbol: string, label: string, 
/**
 * Counts in the score (not 対象外 / 該当なし).
 */
scored: boolean, };

export type Area = { key: string, title: string, };

export type AssessmentHead = { id: number, organisation_id: number, organisation_name: string, title: string, fiscal_year: number, fiscal_year_label: string, kind: AssessmentKind, scale: ScaleKind, classification: ClassificationScheme, checklist_id: string, checklist_version: string, ratings: Array<RatingChoice>, 
/**
 * The classification preset's classes, labelled ([key, label]).
 */
classes: Array<[string, string]>, departments: Array<Department>, };

export type Cell = { items: number, answered: number, 
/**
 * Answered items that count in the score (not 対象外 / 該当なし).
 */
scored: number, 
/**
 * Share of the best rating over scored answers, 0–100; None before any scored answer.
 */
score_percent: number | null, 
/**
 * Answers with the worst rating (× 不適合 / 実施していない).
 */
worst: number, };

export type DashboardRow = { department: Department, cells: Array<Cell>, total: Cell, open_findings: number, interviews: number, };

export type Dashboard = { head: AssessmentHead, areas: Array<Area>, rows: Array<DashboardRow>, total: Cell, open_findings: Array<Finding>, 
/**
 * Departments without any interview recorded.
 */
departments_not_interviewed: Array<string>, 
/**
 * Required items (最低限) still unanswered, per department: [department, count].
 */
required_unanswered: Array<[string, number]>, evidence_count: number, };

export type SheetItem = { id: string, area: string, 
/**
 * The organisation's clause (or the model section where no policy was bound).
 */
citation: string, standards_citation: string | null, question: string, look_at: Array<string>, 
/**
 * Localized method names (ヒアリング, 文書確認, …).
 */
methods: Array<string>, required: boolean, rating: string | null, note: string, evidence: number, 
/**
 * 指摘番号 of findings raised from this item.
 */
findings: Array<number>, 
/**
 * The same item's rating and note for this department in the previous assessment.
 */
previous_rating: string | null, previous_note: string, };

export type InterviewSheet = { head: AssessmentHead, department: Department, areas: Array<Area>, items: Array<SheetItem>, 
/**
 * This department's findings of the previous assessment that are not 完了.
 */
previous_open_findings: Array<Finding>, interviews: Array<Interview>, 
/**
 * Items of the checklist out of this department's scope (not asked, not listed; not the
 * rating 対象外).
 */
out_of_scope: number, };

export type PolicyImport = { policy: PolicyView, changes: PolicyChanges, };

export type DeriveRequest = { checklist_id: string, policy_id: number | null, standards_id: number | null, profile: Profile, };

export type DeriveResult = { 
/**
 * None when no policy was chosen (the bank's checklist as is, citing model sections).
 */
derivation: Derivation | null, items: number, };

export type CreateAssessmentRequest = { organisation_id: number, fiscal_year: number, kind: AssessmentKind, title: string, classification: ClassificationScheme, auditors: Array<string>, departments: Array<string>, derive: DeriveRequest, };

export type FindingEdit = { cited_clause: string, fact: string, risk: string, recommendation: string, classification: string, priority: Priority, 
/**
 * YYYY-MM-DD or empty.
 */
due_date: string, owner: string, status: FindingStatus, };

export type LinkRequest = { "kind": "response", department_id: number, item_id: string, } | { "kind": "finding", finding_id: number, };

export type CopyProgress = { done: number, total: number, };

export type ReportProgress = { percent: number, };

export type ReportResult = { file: string, folder: string, pages: number, bytes: number, fingerprint: string, 
/**
 * 第N版 of a final report (recorded in the store); None for a draft (watermarked 案).
 */
version: number | null, 
/**
 * The department of a notice; None for the committee report.
 */
department: string | null, };

export type ReportTarget = { folder: string, name: string, };

export type NoticesResult = { folder: string, files: Array<ReportResult>, };

export type YearRow = { label: string, before_percent: number | null, now_percent: number | null, };

export type YearComparison = { previous_title: string, previous_fiscal_year: number, common_items: number, items_now: number, items_before: number, departments: number, improved: number, worsened: number, total: YearRow, by_area: Array<YearRow>, by_department: Array<YearRow>, 
/**
 * [classification label, previous year, this year].
 */
findings: Array<[string, number, number]>, };

export type ReportIssue = { id: number, assessment_id: number, 
/**
 * The department of a notice; None for the committee report.
 */
department: string | null, 
/**
 * 第N版.
 */
version: number, 
/**
 * "pdf".
 */
format: string, language: string, fingerprint: string, document_sha256: string, issued_at: string, issued_by: string, };

export type Settings = { language: Lang, data_dir: string, database: string, schema_version: number, };

export type StoreCounts = { organisations: number, policies: number, assessments: number, departments: number, answers: number, findings: number, evidence: number, audit_log: number, };

export type About = { version: string, 
/**
 * The day the app was built (YYYY-MM-DD, UTC).
 */
build_date: string, data_dir: string, 
/**
 * Where the logs are written (see tenken_core::logging); empty when no folder is known.
 */
log_dir: string, 
/**
 * None when the store could not be opened.
 */
schema_version: number | null, counts: StoreCounts | null, os: string, webview: string, ipa_font_license: string, 
/**
 * The installed third-party licence list: its path and its list part (without the licence
 * texts); None when running from a build tree.
 */
third_party_file: string | null, third_party_list: string | null, 
/**
 * Plain text for a support request (no path, no content).
 */
diagnostics: string, };

export type BackupDone = { path: string, evidence_files: number, bytes: number, };

export type SheetsWritten = { folder: string, files: Array<string>, };

export type OnConflict = "refuse" | "sheet" | "tenken";

export type SheetImport = { file: string, 
/**
 * imported | unchanged | refused
 */
status: string, department: string | null, changed: number, unchanged: number, 
/**
 * "総務課.xlsx!D14: 「はい」は選択肢にありません", …
 */
problems: Array<string>, conflicts: Array<string>, summary: string, };

export type FrontMatter = { summary: string, period_start: string | null, period_end: string | null, auditors: Array<string>, addressee: string, };

export type InterviewChange = { held_on: string, place: string, attendees: string, auditor: string, };

export type Remark = { id: number, department: string | null, kind: RemarkKind, text: string, created_at: string, };

export type RemarkKind = "good" | "notable";

export type Gap = { 
/**
 * Stable key: summary, period, addressee, auditors, interview, interview-details, unrated.
 */
key: string, message: string, };

export type ReportDetails = { assessment_id: number, organisation_id: number, organisation_name: string, 
/**
 * 宛先 without 御中 (the report adds it).
 */
addressee: string, summary: string, period_start: string | null, period_end: string | null, auditors: Array<string>, interviews: Array<Interview>, remarks: Array<Remark>, gaps: Array<Gap>, };

export type ScopeRule = { tier: string, role: string, applies: boolean, 
/**
 * True when the assessment keeps the built-in value.
 */
builtin: boolean, };

export type ItemScope = { item_id: string, 
/**
 * The question (Japanese; the window shows it in its language).
 */
question: string, tier: string, applies: boolean, 
/**
 * "item" (set for this department and item), "rule" (by the department's role), "no_role".
 */
by: string, 
/**
 * An answer (rating or note) is stored although the item is out of scope.
 */
hidden_answer: boolean, };

export type DepartmentScope = { department: Department, role: string | null, items_in: number, items_out: number, 
/**
 * Items set individually: [item id, included].
 */
overrides: Array<[string, boolean]>, 
/**
 * Answers stored for items now out of scope (kept, not counted).
 */
hidden_answers: number, };

export type ScopeView = { assessment_id: number, item_count: number, rules: Array<ScopeRule>, departments: Array<DepartmentScope>, };

export type ShareReport = { baseline_id: string, assessment_id: number, member: string, departments: Array<string>, responses: number, findings: number, evidence_files: number, bytes: number, };

export type JoinReport = { assessment_id: number, baseline_id: string, departments: Array<string>, 
/**
 * Changes of the member not yet returned, kept on top of the new share.
 */
unreturned_changes_kept: number, package_sha256: string, };

export type ReturnReport = { assessment_id: number, baseline_id: string, changes: number, evidence_files: number, log_entries: number, bytes: number, };

export type Conflict = { id: number, kind: string, department: string | null, item: string | null, lead: Record<string, unknown> | null, member: Record<string, unknown> | null, member_name: string, member_at: string | null, status: string, };

export type ConflictView = { lead_at: string | null, id: number, kind: string, department: string | null, item: string | null, lead: Record<string, unknown> | null, member: Record<string, unknown> | null, member_name: string, member_at: string | null, status: string, };

export type PackageReport = { file: string, sha256: string, member: string, device: string, baseline_id: string, applied: number, unchanged: number, conflicts: number, log_entries_added: number, evidence_files: number, 
/**
 * The same package was merged before: nothing to do.
 */
already_merged: boolean, };

export type MergeReport = { applied: number, unchanged: number, conflicts: Array<Conflict>, packages: Array<PackageReport>, };

export type TeamMember = { baseline_id: string, 
/**
 * The member's name as given when sharing ("" when none was given).
 */
member: string, departments: Array<string>, shared_at: string, 
/**
 * When a return package of this share was last merged (None: not returned yet).
 */
last_returned_at: string | null, returns_merged: number, 
/**
 * Conflicts from this member's returns still waiting for a decision.
 */
open_conflicts: number, };

export type TeamStatus = { 
/**
 * Shares made by this store, newest first.
 */
shares: Array<TeamMember>, 
/**
 * On a member's laptop: the share it joined (departments and when it last returned).
 */
joined: TeamMember | null, open_conflicts: number, };

export type ConflictChoice = { id: number, 
/**
 * true: the member's values; false: the lead's.
 */
keep_member: boolean, };

export type LockState = "plain" | "locked" | "unlocked";

export type LockInfo = { state: LockState, 
/**
 * The UI's language (known even while the store is locked).
 */
language: Lang, 
/**
 * The chosen auto-lock time in minutes (0: never).
 */
autolock_minutes: number, 
/**
 * Seconds of inactivity before auto-lock (0: never): the chosen minutes, or
 * `TENKEN_AUTOLOCK_SECONDS` when set (tests).
 */
autolock_seconds: number, 
/**
 * The data folder (the unlock screen says which one is locked).
 */
data_dir: string, 
/**
 * The data key is remembered in the OS keychain for this folder.
 */
remembered: boolean, 
/**
 * Why the keychain could not help at the last start, unlock or change (None: it did, or
 * it was not asked). The window then asks for the passphrase as usual.
 */
keychain_notice: string | null, };

export type EncryptionOn = { 
/**
 * The recovery key: shown once, never stored by tenken.
 */
recovery_key: string, evidence_files: number, };

export type EncryptionOff = { evidence_files: number, };

export type BackupInfo = { 
/**
 * A backup of an encrypted store: its passphrase is asked for.
 */
encrypted: boolean, };

export type CommandError = { code: string, message: string, };
