//! The command line (clap). Names here are a contract used by scripts: keep them stable.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "tenken",
    version,
    about = "tenken 点検 — 情報セキュリティ自己点検・監査 / security self-inspection and audit"
)]
pub struct Cli {
    /// Data folder (default: the OS per-user data folder).
    #[arg(long, global = true, env = "TENKEN_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Machine-readable JSON output.
    #[arg(long, global = true)]
    pub json: bool,
    /// Language of human output.
    #[arg(long, global = true, default_value = "ja", value_parser = ["ja", "en"])]
    pub lang: String,
    /// Also print the log (what is written to the log file) to stderr.
    #[arg(long, global = true)]
    pub verbose: bool,
    /// A folder of checklist files to use instead of the built-in bank.
    #[arg(long, global = true, env = "TENKEN_CHECKLISTS", value_name = "DIR")]
    pub checklists: Option<PathBuf>,
    /// An encrypted store's passphrase, read from this file (else `TENKEN_PASSPHRASE`, else a
    /// prompt on a terminal).
    #[arg(long, global = true, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
    /// A new passphrase (`encrypt`, `passphrase change`, `recover`), read from this file (else
    /// `TENKEN_NEW_PASSPHRASE`, else a prompt asked twice).
    #[arg(long, global = true, value_name = "FILE")]
    pub new_passphrase_file: Option<PathBuf>,
    /// The team's package passphrase (`team share`/`return` on an encrypted store write
    /// encrypted packages; `team join`/`merge` of an encrypted package), read from this file
    /// (else `TENKEN_PACKAGE_PASSPHRASE`, else a prompt on a terminal, asked twice when
    /// writing). Not a store passphrase: agreed in the team and told in person.
    #[arg(long, global = true, value_name = "FILE")]
    pub package_passphrase_file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Fill an empty data folder with a realistic demo year.
    Demo {
        #[arg(long, value_enum, default_value = "small")]
        size: DemoSize,
        /// Do nothing (exit 0) when the store already holds data.
        #[arg(long)]
        if_empty: bool,
    },
    /// Organisations.
    #[command(subcommand, alias = "organisation")]
    Org(OrgCmd),
    /// Policy texts: parse, import, list.
    #[command(subcommand)]
    Policy(PolicyCmd),
    /// The checklist bank.
    #[command(subcommand)]
    Checklist(ChecklistCmd),
    /// Assessments (自己点検 / 監査).
    #[command(subcommand)]
    Assessment(AssessmentCmd),
    /// Departments in an assessment's scope.
    #[command(subcommand)]
    Department(DepartmentCmd),
    /// Scope per department: which checklist items each department is asked.
    #[command(subcommand)]
    Scope(ScopeCmd),
    /// Interviews with departments.
    #[command(subcommand)]
    Interview(InterviewCmd),
    /// Answers (rating and note per department and item).
    #[command(subcommand)]
    Answer(AnswerCmd),
    /// Findings.
    #[command(subcommand)]
    Finding(FindingCmd),
    /// 良好事項 / 特記事項.
    #[command(subcommand)]
    Remark(RemarkCmd),
    /// Evidence: files, paper documents, observations.
    #[command(subcommand)]
    Evidence(EvidenceCmd),
    /// Excel answer sheets per department (自己点検), their import, and a results workbook.
    #[command(subcommand)]
    Xlsx(XlsxCmd),
    /// The audit team: share with members, join, return, merge, conflicts.
    #[command(subcommand)]
    Team(TeamCmd),
    /// A whole assessment as JSON (everything needed to rebuild its report).
    Export {
        assessment: String,
        /// Write to a file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Replace files that already exist (never allowed inside the data folder).
        #[arg(long)]
        force: bool,
    },
    /// The PDF report (監査報告書) of an assessment, or of an `export` JSON file.
    Report {
        /// Assessment id (not with --from-export).
        #[arg(
            required_unless_present = "from_export",
            conflicts_with = "from_export"
        )]
        assessment: Option<String>,
        /// Make the report from an `export` JSON file (no store needed).
        #[arg(long, value_name = "EXPORT.json")]
        from_export: Option<PathBuf>,
        /// The file to write (with --all-departments: the folder, one file per department).
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        /// Issue as final: the next version (第1版, 第2版 …), recorded in the store; else a
        /// draft watermarked 案.
        #[arg(long = "final")]
        final_: bool,
        /// pdf (the record) or docx (an editable working copy).
        #[arg(long, value_enum, default_value = "pdf")]
        format: ReportFormat,
        /// The result notice to one department instead of the committee report.
        #[arg(long, conflicts_with = "all_departments")]
        department: Option<String>,
        /// A result notice for every department, into the folder --out.
        #[arg(long)]
        all_departments: bool,
        /// Replace files that already exist (never allowed inside the data folder).
        #[arg(long)]
        force: bool,
    },
    /// Check that a report PDF still matches the records; exit 1 and say what changed if not.
    VerifyReport {
        file: PathBuf,
        /// Assessment id (default: the one the report was made from).
        assessment: Option<String>,
    },
    /// Check the database, every evidence file and the audit-log chain.
    Verify,
    /// Write a verified backup (database + evidence) into a new folder.
    Backup { dir: PathBuf },
    /// Restore a backup folder into the data folder (the current database is kept aside).
    /// A backup of an encrypted store needs its passphrase or its recovery key.
    Restore {
        dir: PathBuf,
        /// Unlock an encrypted backup with its recovery key (a file holding it).
        #[arg(long, value_name = "FILE")]
        recovery_key_file: Option<PathBuf>,
    },
    /// Encrypt the store in place with a new passphrase; prints the recovery key once.
    Encrypt {
        /// Write the recovery key to this file instead of the terminal.
        #[arg(long, value_name = "FILE")]
        recovery_key_out: Option<PathBuf>,
    },
    /// Turn an encrypted store back into a plain one (needs the passphrase).
    Decrypt,
    /// The passphrase of an encrypted store.
    #[command(subcommand)]
    Passphrase(PassphraseCmd),
    /// Set a new passphrase with the recovery key (a forgotten passphrase).
    Recover {
        /// A file holding the recovery key shown by `encrypt`.
        #[arg(long, value_name = "FILE")]
        recovery_key_file: PathBuf,
    },
    /// Show the audit log (newest last).
    Log {
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
}

#[derive(Subcommand, Debug)]
pub enum PassphraseCmd {
    /// Change the passphrase (the current one as for every command, the new one as for encrypt).
    Change,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    Pdf,
    Docx,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DemoSize {
    Small,
    Large,
}

#[derive(Subcommand, Debug)]
pub enum OrgCmd {
    Add {
        name: String,
        #[arg(long)]
        addressee: Option<String>,
    },
    List,
}

#[derive(Subcommand, Debug)]
pub enum PolicyCmd {
    /// Parse a policy file (text, PDF, Word .docx, HTML) and print its structure.
    Parse {
        file: PathBuf,
        /// Show a text without numbered sections anyway.
        #[arg(long)]
        force: bool,
    },
    /// Import a policy file (text, PDF, Word .docx, HTML) for an organisation.
    Import {
        file: PathBuf,
        #[arg(long)]
        org: String,
        /// Keep a text without numbered sections anyway (an empty one is always refused).
        #[arg(long)]
        force: bool,
    },
    /// Remove a wrongly imported policy document (refused while an assessment uses it).
    Remove { id: i64 },
    /// Policy documents of an organisation.
    List {
        #[arg(long)]
        org: String,
    },
    /// One policy document with its parsed sections.
    Show { id: i64 },
    /// Correct where a topic is in a stored policy (kept for re-imports of the same text).
    Correct {
        policy: i64,
        #[arg(long)]
        topic: String,
        /// The organisation's citation ("第8条第4号", "6(4)") or number path ("8.4").
        #[arg(long, group = "where", required = true)]
        section: Option<String>,
        /// The policy does not have this topic.
        #[arg(long, group = "where")]
        absent: bool,
    },
}

#[derive(Args, Debug, Clone, Default)]
pub struct ProfileArgs {
    /// Network model: alpha, alpha_prime, beta, beta_prime.
    #[arg(long, value_parser = ["alpha", "alpha_prime", "beta", "beta_prime"])]
    pub network_model: Option<String>,
    /// The organisation uses external (cloud) services.
    #[arg(long)]
    pub cloud: bool,
    /// The organisation uses social-media services.
    #[arg(long)]
    pub social_media: bool,
}

#[derive(Subcommand, Debug)]
pub enum ChecklistCmd {
    /// Checklists in the bank.
    List,
    /// Validate checklist files (default: the bank in use).
    Validate { paths: Vec<PathBuf> },
    /// One checklist with its items.
    Show { id: String },
    /// Bind a checklist to a stored policy: citations, left-out items, coverage.
    Derive {
        /// A stored policy id, or a policy text file (parsed without the store).
        #[arg(long)]
        policy: String,
        #[arg(long)]
        checklist: String,
        /// A 対策基準 to cite beside the 基本方針: stored id or file.
        #[arg(long)]
        standards: Option<String>,
        #[command(flatten)]
        profile: ProfileArgs,
    },
    /// What would change if an assessment's checklist were derived again now (current bank,
    /// a revised policy): items added, removed, re-cited, re-worded. Changes nothing.
    Diff {
        assessment: String,
        /// A (revised) policy to derive against (default: the one the assessment used).
        #[arg(long)]
        policy: Option<i64>,
        #[arg(long)]
        standards: Option<i64>,
    },
}

// Parsed once per run: the size of the largest variant does not matter here.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand, Debug)]
pub enum AssessmentCmd {
    Create {
        #[arg(long)]
        org: String,
        #[arg(long)]
        fiscal_year: i32,
        #[arg(long, value_parser = ["self_inspection", "internal_audit", "external_audit"])]
        kind: String,
        #[arg(long)]
        title: String,
        #[arg(long)]
        checklist: String,
        /// Stored policy the checklist is bound to (citations).
        #[arg(long)]
        policy: Option<i64>,
        #[arg(long)]
        standards: Option<i64>,
        #[arg(long)]
        period_start: Option<String>,
        #[arg(long)]
        period_end: Option<String>,
        #[arg(long = "auditor")]
        auditors: Vec<String>,
        #[arg(long, default_value = "four_level", value_parser = ["four_level", "two_level"])]
        classification: String,
        /// The assessment this one follows up (last year's).
        #[arg(long)]
        previous: Option<i64>,
        #[command(flatten)]
        profile: ProfileArgs,
    },
    List,
    Show {
        id: String,
    },
    /// Set the 総評 text.
    Summary {
        id: String,
        text: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum DepartmentCmd {
    Add {
        assessment: String,
        #[arg(required = true)]
        names: Vec<String>,
    },
    List {
        assessment: String,
    },
}

/// `in` / `out`, or back to the rule (`default`).
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum InOut {
    In,
    Out,
    Default,
}

impl InOut {
    pub fn value(self) -> Option<bool> {
        match self {
            InOut::In => Some(true),
            InOut::Out => Some(false),
            InOut::Default => None,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum ScopeCmd {
    /// The rules (respondent tier × department role) and each department's items in/out of
    /// scope; with --department, every item of that department and why.
    Show {
        assessment: String,
        #[arg(long)]
        department: Option<String>,
    },
    /// Include or exclude one item for one department (`default`: back to the role's rule).
    Set {
        assessment: String,
        #[arg(long)]
        department: String,
        #[arg(long)]
        item: String,
        #[arg(value_enum)]
        value: InOut,
    },
    /// A department's role: management (全庁の管理部門), systems (情報システム所管課),
    /// general (一般の課), or none (every item applies).
    Role {
        assessment: String,
        #[arg(long)]
        department: String,
        #[arg(value_parser = ["management", "systems", "general", "none"])]
        role: String,
    },
    /// Whether items of a respondent tier apply to departments of a role (`default`: the
    /// built-in rule).
    Rule {
        assessment: String,
        #[arg(long, value_parser = ["executive", "manager", "system_admin", "staff"])]
        tier: String,
        #[arg(long, value_parser = ["management", "systems", "general"])]
        role: String,
        #[arg(value_enum)]
        value: InOut,
    },
}

#[derive(Subcommand, Debug)]
pub enum InterviewCmd {
    Add {
        assessment: String,
        #[arg(long)]
        department: String,
        #[arg(long)]
        date: Option<String>,
        #[arg(long, default_value = "")]
        place: String,
        #[arg(long, default_value = "")]
        attendees: String,
        #[arg(long, default_value = "")]
        auditor: String,
        #[arg(long, default_value = "")]
        notes: String,
    },
    List {
        assessment: String,
    },
    /// Replace an interview's notes.
    Notes {
        id: i64,
        text: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum AnswerCmd {
    Set {
        assessment: String,
        #[arg(long)]
        department: String,
        #[arg(long)]
        item: String,
        /// Key, symbol or label of the scale (e.g. conform, ○, 適合); "unrated"/"未評価" clears.
        /// An empty rating is refused: clearing must be asked for.
        #[arg(long, conflicts_with = "clear")]
        rating: Option<String>,
        /// Clear the rating (back to 未評価).
        #[arg(long)]
        clear: bool,
        #[arg(long)]
        note: Option<String>,
    },
    List {
        assessment: String,
        #[arg(long)]
        department: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub enum FindingCmd {
    Add {
        assessment: String,
        #[arg(long)]
        department: String,
        #[arg(long)]
        item: Option<String>,
        /// The cited clause (default: the item's citation).
        #[arg(long)]
        clause: Option<String>,
        #[arg(long)]
        fact: String,
        #[arg(long, default_value = "")]
        risk: String,
        #[arg(long, default_value = "")]
        recommendation: String,
        #[arg(long)]
        classification: String,
        #[arg(long, value_parser = ["high", "medium", "low"])]
        priority: Option<String>,
        #[arg(long)]
        due: Option<String>,
        #[arg(long, default_value = "")]
        owner: String,
        #[arg(long)]
        follows_up: Option<i64>,
    },
    Update {
        id: i64,
        #[arg(long)]
        clause: Option<String>,
        #[arg(long)]
        fact: Option<String>,
        #[arg(long)]
        risk: Option<String>,
        #[arg(long)]
        recommendation: Option<String>,
        #[arg(long)]
        classification: Option<String>,
        #[arg(long, value_parser = ["high", "medium", "low"])]
        priority: Option<String>,
        #[arg(long)]
        due: Option<String>,
        #[arg(long)]
        owner: Option<String>,
        #[arg(long, value_parser = ["open", "in_progress", "done", "continued"])]
        status: Option<String>,
    },
    List {
        assessment: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum RemarkCmd {
    Add {
        assessment: String,
        #[arg(long, value_parser = ["good", "notable"])]
        kind: String,
        #[arg(long)]
        department: Option<String>,
        text: String,
    },
    List {
        assessment: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum EvidenceCmd {
    Add {
        assessment: String,
        /// A file to copy into the evidence store.
        #[arg(long, group = "what")]
        file: Option<PathBuf>,
        /// A paper document's name.
        #[arg(long, group = "what")]
        paper: Option<String>,
        /// An observation's title.
        #[arg(long, group = "what")]
        observation: Option<String>,
        /// Title of a file (default: its name).
        #[arg(long)]
        title: Option<String>,
        /// Where the paper document is kept.
        #[arg(long, default_value = "")]
        location: String,
        #[arg(long, default_value = "")]
        description: String,
        /// Link to an answer: DEPARTMENT:ITEM (repeatable).
        #[arg(long = "link-item")]
        link_items: Vec<String>,
        /// Link to a finding id (repeatable).
        #[arg(long = "link-finding")]
        link_findings: Vec<i64>,
    },
    Link {
        evidence: i64,
        #[arg(long = "item")]
        items: Vec<String>,
        #[arg(long = "finding")]
        findings: Vec<i64>,
    },
    List {
        assessment: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum XlsxCmd {
    /// Write one answer sheet (<部署名>.xlsx) per department in scope into DIR.
    Sheets {
        assessment: String,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Replace files that already exist (never allowed inside the data folder).
        #[arg(long)]
        force: bool,
    },
    /// Import filled sheets, each file all-or-nothing; exit 1 when any file is refused.
    /// A conflict (changed on the sheet and in tenken after the sheet was issued) refuses
    /// the file unless --accept-sheet or --keep-tenken says which side wins.
    Import {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// On a conflict, take the sheet's value.
        #[arg(long, conflicts_with = "keep_tenken")]
        accept_sheet: bool,
        /// On a conflict, keep tenken's value and import the rest of the file.
        #[arg(long)]
        keep_tenken: bool,
        /// Check and compare only; change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Write the results workbook (results matrix, findings, evidence with SHA-256).
    Results {
        assessment: String,
        #[arg(long, value_name = "FILE.xlsx")]
        out: PathBuf,
        /// Replace files that already exist (never allowed inside the data folder).
        #[arg(long)]
        force: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum TeamCmd {
    /// (lead) A package of the assessment for a member to work on offline. An encrypted store
    /// writes it encrypted with the team's package passphrase (--package-passphrase-file,
    /// TENKEN_PACKAGE_PASSPHRASE, or a prompt).
    Share {
        assessment: String,
        #[arg(long)]
        out: PathBuf,
        /// Departments to hand over, comma-separated (default: all).
        #[arg(long, value_delimiter = ',')]
        departments: Option<Vec<String>>,
        #[arg(long, default_value = "")]
        member: String,
        #[arg(long)]
        force: bool,
    },
    /// (member) Open a share package into this store (an encrypted package needs the package
    /// passphrase).
    Join { file: PathBuf },
    /// (member) A package of your changes since the share, for the lead (encrypted with the
    /// package passphrase when this store is encrypted).
    Return {
        assessment: String,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        force: bool,
    },
    /// (lead) Merge members' return packages, all in one transaction (encrypted packages
    /// need the package passphrase).
    Merge {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// (lead) Conflicts found by merges.
    Conflicts { assessment: String },
    /// (lead) Decide a conflict: keep the lead's or the member's values.
    Resolve {
        conflict: i64,
        #[arg(long, value_enum)]
        keep: Keep,
    },
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    Lead,
    Member,
}
