//! The one error type of the core. Every variant says when it happens; the CLI prints
//! `localized()`, the window receives `{code, message}`. Nobody matches on message strings.

use std::path::PathBuf;

use crate::domain::{ClassificationScheme, ScaleKind};
use crate::i18n::{tr, Arg, Lang};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The data folder cannot be created or written (permissions, read-only medium).
    #[error("data folder {path} is not writable: {reason}")]
    DataDirNotWritable { path: PathBuf, reason: String },
    /// The store file exists but is not an SQLite database (or is damaged beyond opening).
    #[error("{path} is not a tenken database")]
    NotADatabase { path: PathBuf },
    /// The database was written by a newer tenken (its schema version is above ours).
    #[error("database schema {found} is newer than this build supports ({supported})")]
    SchemaTooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// No organisation with this id or name.
    #[error("unknown organisation {0}")]
    UnknownOrganisation(String),
    /// No assessment with this id.
    #[error("unknown assessment {0}")]
    UnknownAssessment(String),
    /// The department is not in this assessment's scope.
    #[error("unknown department {department} in assessment {assessment}")]
    UnknownDepartment { assessment: i64, department: String },
    /// The item id is not in the assessment's frozen checklist.
    #[error("unknown item {item} in assessment {assessment}")]
    UnknownItem { assessment: i64, item: String },
    /// The item is out of the department's scope (scope per department): it is not asked,
    /// so no answer is recorded for it.
    #[error("item {item} is out of scope for department {department}")]
    OutOfScope { department: String, item: String },
    /// No interview with this id.
    #[error("unknown interview {0}")]
    UnknownInterview(i64),
    /// No finding with this id.
    #[error("unknown finding {0}")]
    UnknownFinding(i64),
    /// No evidence with this id.
    #[error("unknown evidence {0}")]
    UnknownEvidence(i64),
    /// No policy document with this id.
    #[error("unknown policy document {0}")]
    UnknownPolicy(i64),
    /// No checklist with this id in the bank.
    #[error("unknown checklist {0}")]
    UnknownChecklist(String),
    /// A rating that is not one of the assessment's scale.
    #[error("rating {rating} is not in scale {scale}")]
    RatingNotInScale {
        rating: String,
        scale: String,
        choices: String,
        item: String,
        department: String,
    },
    /// A finding classification that is not one of the assessment's preset.
    #[error("classification {value} is not in {scheme}")]
    UnknownClassification {
        value: String,
        scheme: String,
        choices: String,
    },
    /// A value that does not fit its field (bad date, empty name, wrong kind …).
    #[error("invalid {field}: {value}")]
    Invalid {
        field: String,
        value: String,
        expected: String,
    },
    /// A removal that would break another record or take recorded work with it
    /// (`what`/`blocker` are entity keys: organisation, assessment, department, finding,
    /// evidence, evidence-link, answer, interview, remark).
    #[error("{what} {name} is in use: {count} {blocker}")]
    InUse {
        what: String,
        name: String,
        blocker: String,
        count: i64,
    },
    /// Something with this name already exists.
    #[error("{what} already exists: {name}")]
    AlreadyExists { what: String, name: String },
    /// An evidence file to attach does not exist.
    #[error("evidence file not found: {path}")]
    EvidenceFileMissing { path: PathBuf },
    /// An evidence file exists but cannot be read.
    #[error("evidence file unreadable: {path}: {reason}")]
    EvidenceFileUnreadable { path: PathBuf, reason: String },
    /// A checklist file (or several) failed validation; each problem is `file:line: what`.
    #[error("invalid checklist: {}", problems.iter().map(|p| p.localized(Lang::En)).collect::<Vec<_>>().join("; "))]
    ChecklistInvalid {
        problems: Vec<crate::checklist::Problem>,
    },
    /// A policy text could not be decoded.
    #[error("policy text {file}: {reason}")]
    PolicyUnreadable { file: String, reason: String },
    /// A policy file that cannot be taken as a policy: an unsupported or damaged format, a PDF
    /// without text, an empty text or one without numbered sections (see `tenken_import::Problem`;
    /// the code is the problem's: `no_text_layer`, `policy_no_structure`, …).
    #[error("policy {file}: {problem}")]
    PolicyRefused {
        file: String,
        problem: tenken_import::Problem,
    },
    /// A policy path that is not a regular file (a folder, FIFO, device): refused before opening.
    #[error("policy {path} is not a regular file")]
    PolicyNotAFile { path: PathBuf },
    /// A policy document an assessment was derived from cannot be removed.
    #[error("policy document {id} is used by assessments {assessments:?}")]
    PolicyInUse { id: i64, assessments: Vec<i64> },
    /// `demo` on a store that already holds data.
    #[error("the store is not empty")]
    StoreNotEmpty { path: PathBuf },
    /// A backup folder that is missing, incomplete or fails verification.
    #[error("backup {path} is not valid: {reason}")]
    BackupInvalid { path: PathBuf, reason: String },
    /// An output file (report, export, workbook, backup) named inside the data folder.
    #[error("{path} is inside the data folder {data_dir}")]
    OutputInsideDataDir { path: PathBuf, data_dir: PathBuf },
    /// An output file that already exists, without `--force` (or the window's confirmation).
    #[error("{path} already exists")]
    OutputExists { path: PathBuf },
    /// A text longer than its field allows (`text::Limit`).
    #[error("{field}: {length} characters, at most {limit}")]
    TextTooLong {
        field: String,
        limit: usize,
        length: usize,
    },
    /// A control character (ESC, BEL, NUL, a bidirectional override …) in a text field.
    #[error("{field}: control character {code} at character {position}")]
    ControlCharacter {
        field: String,
        position: usize,
        code: String,
    },
    /// An empty or blank rating: clearing a rating must be asked for explicitly.
    #[error("blank rating for {department} {item}")]
    RatingBlank { item: String, department: String },
    /// A file that changed (size or modification time) while tenken was copying it.
    #[error("{path} changed while it was being read")]
    FileChangedWhileReading { path: PathBuf },
    /// A team package (issue #12) that is not one, or whose parts do not match its manifest
    /// (tampered with or truncated): refused whole.
    #[error("team package {path} is not valid: {reason}")]
    TeamPackageInvalid { path: PathBuf, reason: String },
    /// A team package of another assessment, organisation or lead, or one this store did not
    /// share (merge) / whose ids collide with other records (join).
    #[error("team package {path} does not belong here: {reason}")]
    TeamPackageForeign { path: PathBuf, reason: String },
    /// A team package written by a newer tenken (schema above ours).
    #[error("team package {path} has schema {found}, newer than {supported}")]
    TeamPackageTooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// A `return` package given to `join`, or a `share` package given to `merge`.
    #[error("team package {path} is a {found} package, expected {expected}")]
    TeamPackageWrongKind {
        path: PathBuf,
        expected: String,
        found: String,
    },
    /// An encrypted team package (written by an encrypted store) is to be written or read and
    /// no package passphrase was given (`--package-passphrase-file`,
    /// `TENKEN_PACKAGE_PASSPHRASE`, a prompt on a terminal, the window's field).
    #[error("team package {path} is encrypted: a package passphrase is required")]
    PackagePassphraseRequired { path: PathBuf },
    /// The package passphrase does not open the encrypted team package.
    #[error("wrong package passphrase for {path}")]
    WrongPackagePassphrase { path: PathBuf },
    /// Joining a newer share would overwrite work of the member not yet returned.
    #[error("joining would overwrite {count} unreturned changes in assessment {assessment}")]
    TeamJoinConflict { assessment: i64, count: usize },
    /// `team return` for an assessment this store never joined.
    #[error("assessment {0} was not joined from a team package")]
    TeamNotJoined(i64),
    /// No merge conflict with this id.
    #[error("unknown conflict {0}")]
    UnknownConflict(i64),
    /// The conflict was already decided.
    #[error("conflict {0} is already resolved")]
    ConflictResolved(i64),
    /// The store is encrypted and no passphrase was given (`TENKEN_PASSPHRASE`,
    /// `--passphrase-file`, a prompt on a terminal, the unlock screen).
    #[error("the store in {path} is encrypted: a passphrase is required")]
    PassphraseRequired { path: PathBuf },
    /// The passphrase does not unwrap the store's data key.
    #[error("wrong passphrase for {path}")]
    WrongPassphrase { path: PathBuf },
    /// The recovery key is mistyped or does not belong to this store.
    #[error("wrong recovery key for {path}")]
    WrongRecoveryKey { path: PathBuf },
    /// The keys file (`tenken-keys.json`) is damaged, changed, or of an unknown format.
    #[error("keys file {path} is damaged: {reason}")]
    KeysFileInvalid { path: PathBuf, reason: String },
    /// A new passphrase shorter than `min` characters.
    #[error("the new passphrase is shorter than {min} characters")]
    PassphraseTooShort { min: usize },
    /// The new passphrase typed twice differs.
    #[error("the two new passphrases differ")]
    PassphraseMismatch,
    /// `encrypt` on a store that is already encrypted.
    #[error("the store in {path} is already encrypted")]
    AlreadyEncrypted { path: PathBuf },
    /// `decrypt`, `passphrase change` or `recover` on a store that is not encrypted.
    #[error("the store in {path} is not encrypted")]
    NotEncrypted { path: PathBuf },
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// SQLite reported an error that is not one of the cases above (a bug or a damaged file).
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
    /// Export/import JSON that cannot be read.
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// A value that does not fit `field`; the message quotes at most a short preview of it.
    pub fn invalid(field: &str, value: impl ToString, expected: impl ToString) -> Self {
        Error::Invalid {
            field: field.to_string(),
            value: crate::text::preview(&value.to_string(), 60),
            expected: expected.to_string(),
        }
    }

    /// A stable code for the window and for scripts.
    pub fn code(&self) -> &'static str {
        match self {
            Error::DataDirNotWritable { .. } => "data_dir_not_writable",
            Error::NotADatabase { .. } => "not_a_database",
            Error::SchemaTooNew { .. } => "schema_too_new",
            Error::UnknownOrganisation(_) => "unknown_organisation",
            Error::UnknownAssessment(_) => "unknown_assessment",
            Error::UnknownDepartment { .. } => "unknown_department",
            Error::UnknownItem { .. } => "unknown_item",
            Error::OutOfScope { .. } => "out_of_scope",
            Error::UnknownInterview(_) => "unknown_interview",
            Error::UnknownFinding(_) => "unknown_finding",
            Error::UnknownEvidence(_) => "unknown_evidence",
            Error::UnknownPolicy(_) => "unknown_policy",
            Error::UnknownChecklist(_) => "unknown_checklist",
            Error::RatingNotInScale { .. } => "rating_not_in_scale",
            Error::UnknownClassification { .. } => "unknown_classification",
            Error::Invalid { .. } => "invalid_value",
            Error::AlreadyExists { .. } => "already_exists",
            Error::InUse { .. } => "in_use",
            Error::EvidenceFileMissing { .. } => "evidence_file_missing",
            Error::EvidenceFileUnreadable { .. } => "evidence_file_unreadable",
            Error::ChecklistInvalid { .. } => "checklist_invalid",
            Error::PolicyUnreadable { .. } => "policy_unreadable",
            Error::PolicyRefused { problem, .. } => problem.code(),
            Error::PolicyNotAFile { .. } => "not_a_regular_file",
            Error::PolicyInUse { .. } => "policy_in_use",
            Error::StoreNotEmpty { .. } => "store_not_empty",
            Error::BackupInvalid { .. } => "backup_invalid",
            Error::OutputInsideDataDir { .. } => "output_inside_data_dir",
            Error::OutputExists { .. } => "output_exists",
            Error::TextTooLong { .. } => "text_too_long",
            Error::ControlCharacter { .. } => "control_character",
            Error::RatingBlank { .. } => "rating_blank",
            Error::FileChangedWhileReading { .. } => "file_changed_while_reading",
            Error::TeamPackageInvalid { .. } => "team_package_invalid",
            Error::TeamPackageForeign { .. } => "team_package_foreign",
            Error::TeamPackageTooNew { .. } => "team_package_too_new",
            Error::TeamPackageWrongKind { .. } => "team_package_wrong_kind",
            Error::TeamJoinConflict { .. } => "team_join_conflict",
            Error::PackagePassphraseRequired { .. } => "package_passphrase_required",
            Error::WrongPackagePassphrase { .. } => "wrong_package_passphrase",
            Error::TeamNotJoined(_) => "team_not_joined",
            Error::UnknownConflict(_) => "unknown_conflict",
            Error::ConflictResolved(_) => "conflict_resolved",
            Error::PassphraseRequired { .. } => "passphrase_required",
            Error::WrongPassphrase { .. } => "wrong_passphrase",
            Error::WrongRecoveryKey { .. } => "wrong_recovery_key",
            Error::KeysFileInvalid { .. } => "keys_file_invalid",
            Error::PassphraseTooShort { .. } => "passphrase_too_short",
            Error::PassphraseMismatch => "passphrase_mismatch",
            Error::AlreadyEncrypted { .. } => "already_encrypted",
            Error::NotEncrypted { .. } => "not_encrypted",
            Error::Io { source, .. } if source.kind() == std::io::ErrorKind::StorageFull => {
                "disk_full"
            }
            Error::Io { .. } => "io",
            Error::Database(_) => "database",
            Error::Json(_) => "json",
        }
    }

    /// The message for people, in their language.
    pub fn localized(&self, lang: Lang) -> String {
        let p = |p: &PathBuf| Arg::Text(p.display().to_string());
        let s = |s: &str| Arg::Text(s.to_string());
        let (id, args): (&str, Vec<(&str, Arg)>) = match self {
            Error::DataDirNotWritable { path, reason } => (
                "error-data-dir-not-writable",
                vec![("path", p(path)), ("reason", s(reason))],
            ),
            Error::NotADatabase { path } => ("error-not-a-database", vec![("path", p(path))]),
            Error::SchemaTooNew {
                path,
                found,
                supported,
            } => (
                "error-schema-too-new",
                vec![
                    ("path", p(path)),
                    ("found", (*found).into()),
                    ("supported", (*supported).into()),
                ],
            ),
            Error::UnknownOrganisation(v) => ("error-unknown-organisation", vec![("id", s(v))]),
            Error::UnknownAssessment(v) => ("error-unknown-assessment", vec![("id", s(v))]),
            Error::UnknownDepartment {
                assessment,
                department,
            } => (
                "error-unknown-department",
                vec![
                    ("assessment", (*assessment).into()),
                    ("department", s(department)),
                ],
            ),
            Error::UnknownItem { assessment, item } => (
                "error-unknown-item",
                vec![("assessment", (*assessment).into()), ("item", s(item))],
            ),
            Error::OutOfScope { department, item } => (
                "error-out-of-scope",
                vec![("department", s(department)), ("item", s(item))],
            ),
            Error::UnknownInterview(id) => ("error-unknown-interview", vec![("id", (*id).into())]),
            Error::UnknownFinding(id) => ("error-unknown-finding", vec![("id", (*id).into())]),
            Error::UnknownEvidence(id) => ("error-unknown-evidence", vec![("id", (*id).into())]),
            Error::UnknownPolicy(id) => ("error-unknown-policy", vec![("id", (*id).into())]),
            Error::UnknownChecklist(v) => ("error-unknown-checklist", vec![("id", s(v))]),
            Error::RatingNotInScale {
                rating,
                scale,
                choices,
                item,
                department,
            } => (
                "error-rating-not-in-scale",
                vec![
                    ("rating", s(rating)),
                    ("scale", s(scale)),
                    // The choices in the reader's language (the stored text is Japanese).
                    (
                        "choices",
                        s(&ScaleKind::from_key(scale)
                            .map(|k| k.choices_text(lang))
                            .unwrap_or_else(|| choices.clone())),
                    ),
                    ("item", s(item)),
                    ("department", s(department)),
                ],
            ),
            Error::UnknownClassification {
                value,
                scheme,
                choices,
            } => (
                "error-unknown-classification",
                vec![
                    ("value", s(value)),
                    ("scheme", s(scheme)),
                    (
                        "choices",
                        s(&ClassificationScheme::from_key(scheme)
                            .map(|k| k.choices_text(lang))
                            .unwrap_or_else(|| choices.clone())),
                    ),
                ],
            ),
            Error::Invalid {
                field,
                value,
                expected,
            } => (
                "error-invalid",
                vec![
                    ("field", s(field)),
                    ("value", s(value)),
                    ("expected", s(expected)),
                ],
            ),
            Error::AlreadyExists { what, name } => (
                "error-already-exists",
                vec![
                    ("what", Arg::Text(tr(lang, &format!("entity-{what}"), &[]))),
                    ("name", s(name)),
                ],
            ),
            Error::InUse {
                what,
                name,
                blocker,
                count,
            } => (
                "error-in-use",
                vec![
                    ("what", Arg::Text(tr(lang, &format!("entity-{what}"), &[]))),
                    ("name", s(name)),
                    (
                        "blocker",
                        Arg::Text(tr(lang, &format!("entity-{blocker}"), &[])),
                    ),
                    ("count", (*count).into()),
                    ("key", s(blocker)),
                ],
            ),
            Error::EvidenceFileMissing { path } => {
                ("error-evidence-missing", vec![("path", p(path))])
            }
            Error::EvidenceFileUnreadable { path, reason } => (
                "error-evidence-unreadable",
                vec![("path", p(path)), ("reason", s(reason))],
            ),
            Error::ChecklistInvalid { problems } => (
                "error-checklist-invalid",
                vec![(
                    "problems",
                    Arg::Text(
                        problems
                            .iter()
                            .map(|p| p.localized(lang))
                            .collect::<Vec<_>>()
                            .join("\n"),
                    ),
                )],
            ),
            Error::PolicyUnreadable { file, reason } => (
                "error-policy-unreadable",
                vec![("file", s(&clip(file))), ("reason", s(&clip(reason)))],
            ),
            Error::PolicyRefused { file, problem } => (
                match problem.code() {
                    "policy_binary" => "error-policy-binary",
                    "unsupported_format" => "error-policy-unsupported-format",
                    "damaged_file" => "error-policy-damaged",
                    "file_too_large" => "error-policy-too-large",
                    "no_text_layer" => "error-policy-no-text-layer",
                    "undecodable_pdf" => "error-policy-undecodable-pdf",
                    "encrypted_pdf" => "error-policy-encrypted-pdf",
                    "import_timeout" => "error-policy-timeout",
                    "policy_empty" => "error-policy-empty",
                    "policy_no_structure" => "error-policy-no-structure",
                    _ => "error-policy-unreadable",
                },
                vec![
                    ("file", s(&clip(file))),
                    ("reason", s(&clip(&problem.to_string()))),
                ],
            ),
            Error::PolicyNotAFile { path } => (
                "error-policy-not-a-file",
                vec![("path", s(&clip(&path.display().to_string())))],
            ),
            Error::PolicyInUse { id, assessments } => (
                "error-policy-in-use",
                vec![
                    ("id", (*id).into()),
                    (
                        "assessments",
                        s(&assessments
                            .iter()
                            .map(|a| a.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")),
                    ),
                ],
            ),
            Error::StoreNotEmpty { path } => ("error-store-not-empty", vec![("path", p(path))]),
            Error::PackagePassphraseRequired { path } => {
                ("error-package-passphrase-required", vec![("path", p(path))])
            }
            Error::WrongPackagePassphrase { path } => {
                ("error-wrong-package-passphrase", vec![("path", p(path))])
            }
            Error::TeamPackageInvalid { path, reason } => (
                "error-team-package-invalid",
                vec![("path", p(path)), ("reason", s(reason))],
            ),
            Error::TeamPackageForeign { path, reason } => (
                "error-team-package-foreign",
                vec![("path", p(path)), ("reason", s(reason))],
            ),
            Error::TeamPackageTooNew {
                path,
                found,
                supported,
            } => (
                "error-team-package-too-new",
                vec![
                    ("path", p(path)),
                    ("found", (*found).into()),
                    ("supported", (*supported).into()),
                ],
            ),
            Error::TeamPackageWrongKind {
                path,
                expected,
                found,
            } => (
                "error-team-package-wrong-kind",
                vec![
                    ("path", p(path)),
                    ("expected", s(expected)),
                    ("found", s(found)),
                ],
            ),
            Error::TeamJoinConflict { assessment, count } => (
                "error-team-join-conflict",
                vec![
                    ("assessment", (*assessment).into()),
                    ("count", (*count as i64).into()),
                ],
            ),
            Error::TeamNotJoined(id) => ("error-team-not-joined", vec![("id", (*id).into())]),
            Error::UnknownConflict(id) => ("error-unknown-conflict", vec![("id", (*id).into())]),
            Error::ConflictResolved(id) => ("error-conflict-resolved", vec![("id", (*id).into())]),
            Error::BackupInvalid { path, reason } => (
                "error-backup-invalid",
                vec![("path", p(path)), ("reason", s(reason))],
            ),
            Error::OutputInsideDataDir { path, data_dir } => (
                "error-output-inside-data-dir",
                vec![("path", p(path)), ("data_dir", p(data_dir))],
            ),
            Error::OutputExists { path } => ("error-output-exists", vec![("path", p(path))]),
            Error::TextTooLong {
                field,
                limit,
                length,
            } => (
                "error-text-too-long",
                vec![
                    ("field", s(field)),
                    ("limit", Arg::Text(crate::i18n::group_digits(*limit as i64))),
                    (
                        "length",
                        Arg::Text(crate::i18n::group_digits(*length as i64)),
                    ),
                ],
            ),
            Error::ControlCharacter {
                field,
                position,
                code,
            } => (
                "error-control-character",
                vec![
                    ("field", s(field)),
                    ("position", (*position).into()),
                    ("code", s(code)),
                ],
            ),
            Error::RatingBlank { item, department } => (
                "error-rating-blank",
                vec![("item", s(item)), ("department", s(department))],
            ),
            Error::FileChangedWhileReading { path } => {
                ("error-file-changed", vec![("path", p(path))])
            }
            Error::PassphraseRequired { path } => {
                ("error-passphrase-required", vec![("path", p(path))])
            }
            Error::WrongPassphrase { path } => ("error-wrong-passphrase", vec![("path", p(path))]),
            Error::WrongRecoveryKey { path } => {
                ("error-wrong-recovery-key", vec![("path", p(path))])
            }
            Error::KeysFileInvalid { path, reason } => (
                "error-keys-file-invalid",
                vec![("path", p(path)), ("reason", s(reason))],
            ),
            Error::PassphraseTooShort { min } => {
                ("error-passphrase-too-short", vec![("min", (*min).into())])
            }
            Error::PassphraseMismatch => ("error-passphrase-mismatch", vec![]),
            Error::AlreadyEncrypted { path } => {
                ("error-already-encrypted", vec![("path", p(path))])
            }
            Error::NotEncrypted { path } => ("error-not-encrypted", vec![("path", p(path))]),
            Error::Io { path, source } if source.kind() == std::io::ErrorKind::StorageFull => {
                ("error-disk-full", vec![("path", p(path))])
            }
            Error::Io { path, source } => (
                "error-io",
                vec![("path", p(path)), ("reason", Arg::Text(source.to_string()))],
            ),
            Error::Database(e) => ("error-database", vec![("reason", Arg::Text(e.to_string()))]),
            Error::Json(e) => ("error-json", vec![("reason", Arg::Text(e.to_string()))]),
        };
        tr(lang, id, &args)
    }
}

/// A value shown in a message, cut to 200 characters: a message never echoes a huge value whole.
fn clip(v: &str) -> String {
    crate::text::preview(v, 200)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_messages_never_echo_a_huge_value_whole() {
        let huge = "あ".repeat(50_000);
        let e = Error::PolicyRefused {
            file: huge.clone(),
            problem: tenken_import::Problem::Damaged {
                format: tenken_import::SourceFormat::Pdf,
                reason: huge.clone(),
            },
        };
        for lang in [Lang::Ja, Lang::En] {
            let m = e.localized(lang);
            assert!(m.chars().count() < 1_000, "{} chars", m.chars().count());
            assert!(
                m.contains("50000") || m.contains("50,000"),
                "the full length is named: {m}"
            );
        }
        assert_eq!(e.code(), "damaged_file");
        let e = Error::PolicyNotAFile {
            path: PathBuf::from(huge),
        };
        assert!(e.localized(Lang::Ja).chars().count() < 1_000);
    }
}
