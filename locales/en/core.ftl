# tenken core: domain labels and error messages (English)

kind-self-inspection = Self-inspection
kind-internal-audit = Internal audit
kind-external-audit = External audit

scale-audit = Audit results (○△×－)
scale-self-inspection = Self-inspection answers (done / partly / not done / unknown / n/a)

scheme-four-level = Four classes (major / minor nonconformity / observation / recommendation)
scheme-two-level = Two classes (finding / opinion)

rating-audit-conform = ○ Conforms
rating-audit-partial = △ Partly nonconforming
rating-audit-nonconform = × Nonconforming
rating-audit-na = － Not applicable
rating-audit-unrated = Not yet rated
rating-self-inspection-implemented = Done
rating-self-inspection-partial = Partly done
rating-self-inspection-not-implemented = Not done
rating-self-inspection-unknown = Unknown
rating-self-inspection-not-applicable = Not applicable

class-major = Major nonconformity
class-minor = Minor nonconformity
class-observation = Observation
class-recommendation = Recommendation
class-finding = Finding
class-opinion = Opinion

priority-high = High
priority-medium = Medium
priority-low = Low

status-open = Open
status-in-progress = In progress
status-done = Done
status-continued = Carried over

evidence-kind-file = File
evidence-kind-paper = Paper document
evidence-kind-observation = Observation

remark-good = Good practice
remark-notable = Notable point

method-interview = Interview
method-document = Document review
method-onsite = On-site check
method-technical = Technical test

tier-executive = CISO / chief security officer
tier-manager = Security manager (head of unit)
tier-system-admin = System administrator
tier-staff = Staff

error-data-dir-not-writable = Cannot write to the data folder { $path } ({ $reason }). Choose a writable folder with --data-dir or TENKEN_DATA_DIR.
error-not-a-database = { $path } is not a tenken database (SQLite). Check the file. Nothing was changed.
error-schema-too-new = { $path } was written by a newer tenken (schema { $found }; this build supports up to { $supported }). Update tenken to open it. Nothing was changed.
error-unknown-organisation = Organisation "{ $id }" not found.
error-unknown-assessment = Assessment "{ $id }" not found.
error-unknown-department = Department "{ $department }" is not in the scope of assessment { $assessment }.
error-unknown-item = Item "{ $item }" is not in the checklist of assessment { $assessment }.
error-out-of-scope = Item { $item } is out of scope for department "{ $department }" (not the N/A rating: this department is not asked this item). Bring it into scope first (tenken scope set) to record an answer. Nothing was changed.
error-unknown-interview = Interview { $id } not found.
error-unknown-finding = Finding { $id } not found.
error-unknown-evidence = Evidence { $id } not found.
error-unknown-policy = Policy document { $id } not found.
error-unknown-checklist = Checklist "{ $id }" not found.
error-rating-not-in-scale = Department "{ $department }", item { $item }: rating "{ $rating }" is not in the scale "{ $scale }". Choices: { $choices }
error-unknown-classification = Classification "{ $value }" is not in "{ $scheme }". Choices: { $choices }
error-invalid = Invalid value "{ $value }" for { $field } ({ $expected }).
error-already-exists = “{ $name }” already exists ({ $what }).
error-evidence-missing = Evidence file { $path } not found. Nothing was recorded.
error-evidence-unreadable = Cannot read evidence file { $path } ({ $reason }). Nothing was recorded.
error-checklist-invalid = The checklist has errors:
    { $problems }
error-policy-unreadable = Cannot read policy text { $file }: { $reason }
error-policy-binary = Policy document { $file } is not text ({ $reason }). Nothing was stored.
error-policy-unsupported-format = Policy document { $file } is in a format tenken cannot read ({ $reason }). Save it as PDF, Word (.docx), HTML or text.
error-policy-damaged = Policy document { $file } is damaged and cannot be read ({ $reason }). Nothing was stored.
error-policy-too-large = Policy document { $file } is too large ({ $reason }). Nothing was stored.
error-policy-no-text-layer = Policy document { $file } is a PDF without text (a scan or images). Use a copy saved as text or Word, or the text your 例規集 page shows.
error-policy-undecodable-pdf = The text of the PDF { $file } cannot be read ({ $reason }). Use a copy saved as text or Word, or the text your 例規集 page shows.
error-policy-encrypted-pdf = Policy document { $file } is a password-protected PDF. Remove the protection and save it again, or use a copy saved as text or Word.
error-policy-timeout = Reading policy document { $file } did not finish in time ({ $reason }). Nothing was stored.
error-policy-empty = Policy document { $file } is empty (only white space). Nothing was stored.
error-policy-no-structure = Policy document { $file } has no numbered sections (第1条, 1., (1) …). Is it a policy, and the right file? To keep it anyway, add --force.
error-policy-not-a-file = { $path } is not a regular file (a folder, named pipe or device). Give the policy document's file.
error-policy-in-use = Policy document { $id } is used by assessment(s) { $assessments } and cannot be removed.
error-store-not-empty = The data folder { $path } already holds data. Demo data is only created in an empty data folder.
error-package-passphrase-required = Team package { $path } is encrypted (an encrypted store writes encrypted packages): give the package passphrase your team agreed on (TENKEN_PACKAGE_PASSPHRASE, --package-passphrase-file, or type it on a terminal). Nothing was changed.
error-wrong-package-passphrase = Wrong package passphrase for { $path }. Nothing was changed.
error-team-package-invalid = Team package { $path } cannot be used (it may have been altered or cut short): { $reason } Nothing was changed.
error-team-package-foreign = Team package { $path } does not belong to this data: { $reason } Nothing was changed.
error-team-package-too-new = Team package { $path } was made by a newer tenken (schema { $found }; this build supports up to { $supported }). Update tenken. Nothing was changed.
error-team-package-wrong-kind = Team package { $path } is a "{ $found }" package, but "{ $expected }" is needed here: open share packages with team join and return packages with team merge. Nothing was changed.
error-team-join-conflict = In assessment { $assessment }, { $count } of your changes not yet returned overlap with the lead's changes. Return them first (team return) and join the package the lead shares after merging. Nothing was changed.
error-team-not-joined = Assessment { $id } was not opened from a team package (run team join first).
error-unknown-conflict = Conflict { $id } not found.
error-conflict-resolved = Conflict { $id } is already resolved.
error-backup-invalid = Backup { $path } cannot be used: { $reason }
error-output-inside-data-dir = { $path } is inside the data folder ({ $data_dir }). Save outside the data folder so that no record can be lost. Nothing was written.
error-output-exists = { $path } already exists. Add --force to replace it (in the window: answer "Yes" to the overwrite question). Nothing was written.
error-text-too-long = { $field } is too long ({ $length } characters; at most { $limit }). Nothing was changed.
error-control-character = { $field } has a control character ({ $code }) at character { $position }. Control characters cannot be recorded. Nothing was changed.
error-rating-blank = Department "{ $department }", item { $item }: the rating is empty. To clear a rating, add --clear (in the window: "back to not rated"). Nothing was changed.
error-file-changed = { $path } changed while it was being read (its size or modification time changed). Add it again once it is no longer being written. Nothing was recorded.
error-disk-full = The disk is full ({ $path }). Free some space and run again. No partial file was left.
error-io = { $path }: { $reason }
error-database = Database error: { $reason }
error-json = Cannot read JSON: { $reason }
error-in-use = { $key ->
    [issued-report] Cannot remove { $what } "{ $name }": { $count } issued final report(s) list it. It stays, so that the issued report keeps matching the records.
   *[other] Cannot remove { $what } "{ $name }": it has { $count } { $blocker } record(s). Remove those first, or unlink them.
}
entity-organisation = organisation
entity-assessment = assessment
entity-department = department
entity-finding = finding
entity-evidence = evidence
entity-evidence-link = evidence link
entity-issued-report = issued report
entity-team-record = team record (share, join, merge)
entity-answer = recorded rating or note
entity-interview = interview
entity-remark = remark
entity-auditor = auditor

checklist-syntax = TOML syntax error: { $what }
checklist-bad-id = id "{ $id }" is not allowed (must match { $pattern })
checklist-duplicate-id = item id "{ $id }" is used twice
checklist-duplicate-checklist = checklist id "{ $id }" is also used by another file
checklist-bad-section = item { $item }: section "{ $value }" is not a standards chapter/section number (1–9, e.g. "4.2")
checklist-bad-value = item { $item }: { $field } value "{ $value }" is not allowed (choices: { $allowed })
checklist-empty-text = item { $item }: { $field } is empty
checklist-empty-list = item { $item }: { $field } has no values
checklist-look-at-mismatch = item { $item }: look_at has { $ja } Japanese and { $en } English entries
checklist-no-items = the file has no items ([[items]])
checklist-not-utf8 = not UTF-8 text

## Policy topics

topic-purpose = Purpose
topic-definitions = Definitions
topic-threats = Threats addressed
topic-scope = Scope
topic-obligations = Obligations of staff
topic-measures = Security measures
topic-organization = Organisation
topic-asset-classification = Classification and handling of assets
topic-resilience = Resilience (network separation)
topic-physical = Physical security
topic-human = Human security
topic-technical = Technical security
topic-operations = Operations
topic-outsourcing = Outsourcing and external services
topic-evaluation = Evaluation and review
topic-audit = Audit and self-inspection
topic-review = Review of the policy
topic-standards = Security standards (対策基準)
topic-procedures = Implementation procedures

## What the report would print empty (report screen)
gap-summary = The overall comment is empty.
gap-period = The audit period (start and end dates) is not set.
gap-addressee = The addressee (printed on the cover) is not set.
gap-auditors = No author (auditor) is set.
gap-interview = No interview is recorded for { $department }.
gap-interview-details = The interview with { $department } ({ $date }) lacks its place, attendees or auditor.
gap-unrated = { $count } items are not rated yet.
scope-role-management = Organisation-wide management
scope-role-systems = Information systems owner
scope-role-general = Ordinary department
scope-role-none = No role (every item)
scope-in = in scope
scope-out = out of scope
scope-by-item = set for this department
scope-by-rule = by the role's rule
scope-by-no-role = no role set, so every item
error-passphrase-required = The data in { $path } is encrypted: give the passphrase (TENKEN_PASSPHRASE, --passphrase-file, or type it on a terminal). Nothing was changed.
error-wrong-passphrase = Wrong passphrase for { $path }. Nothing was changed.
error-wrong-recovery-key = The recovery key is wrong or mistyped ({ $path }). Nothing was changed.
error-keys-file-invalid = The keys file { $path } is damaged or was changed ({ $reason }). Restore it from a backup or check the recovery key. Nothing was changed.
error-passphrase-too-short = The new passphrase is too short (at least { $min } characters). Nothing was changed.
error-passphrase-mismatch = The new passphrase typed twice does not match. Nothing was changed.
error-already-encrypted = The data in { $path } is already encrypted. Nothing was changed.
error-not-encrypted = The data in { $path } is not encrypted. Nothing was changed.

# The text file the window saves the recovery key in (Settings → encryption on).
recovery-key-file =
    tenken — recovery key

    Recovery key: { $key }

    Data folder: { $folder }
    Created: { $date }

    If the passphrase is forgotten, this recovery key sets a new one.
    Whoever holds the recovery key can open the audit data. Keep this sheet locked away,
    and never carry it with the laptop.
