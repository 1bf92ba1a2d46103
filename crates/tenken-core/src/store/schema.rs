//! Append-only migrations. Migration N (1-based) moves `PRAGMA user_version` from N-1 to N.
//! Never edit a shipped migration: add a new one at the end. Tests open the database from
//! empty and from every earlier version.

/// Every migration, oldest first.
pub const MIGRATIONS: &[&str] = &[
    // 1: the foundation.
    r#"
CREATE TABLE organisations (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    addressee   TEXT,
    created_at  TEXT NOT NULL
);
CREATE TABLE policy_documents (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    kind            TEXT NOT NULL CHECK (kind IN ('basic_policy', 'standards')),
    source_name     TEXT NOT NULL,
    title           TEXT,
    raw_text        TEXT NOT NULL,
    text_sha256     TEXT NOT NULL,
    encoding        TEXT NOT NULL,
    parsed_json     TEXT NOT NULL,
    imported_at     TEXT NOT NULL
);
CREATE TABLE assessments (
    id                     INTEGER PRIMARY KEY,
    organisation_id        INTEGER NOT NULL REFERENCES organisations(id),
    fiscal_year            INTEGER NOT NULL CHECK (fiscal_year BETWEEN 1900 AND 2200),
    kind                   TEXT NOT NULL CHECK (kind IN ('self_inspection', 'internal_audit', 'external_audit')),
    title                  TEXT NOT NULL CHECK (length(trim(title)) > 0),
    period_start           TEXT,
    period_end             TEXT,
    auditors_json          TEXT NOT NULL DEFAULT '[]',
    scale                  TEXT NOT NULL CHECK (scale IN ('audit', 'self_inspection')),
    classification         TEXT NOT NULL CHECK (classification IN ('four_level', 'two_level')),
    checklist_json         TEXT NOT NULL,
    policy_document_id     INTEGER REFERENCES policy_documents(id),
    previous_assessment_id INTEGER REFERENCES assessments(id),
    summary                TEXT NOT NULL DEFAULT '',
    created_at             TEXT NOT NULL
);
CREATE TABLE departments (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    UNIQUE (organisation_id, name)
);
CREATE TABLE assessment_departments (
    assessment_id INTEGER NOT NULL REFERENCES assessments(id),
    department_id INTEGER NOT NULL REFERENCES departments(id),
    position      INTEGER NOT NULL,
    PRIMARY KEY (assessment_id, department_id)
);
CREATE TABLE interviews (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments(id),
    department_id INTEGER NOT NULL REFERENCES departments(id),
    held_on       TEXT NOT NULL,
    place         TEXT NOT NULL DEFAULT '',
    attendees     TEXT NOT NULL DEFAULT '',
    auditor       TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL
);
CREATE TABLE responses (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments(id),
    department_id INTEGER NOT NULL REFERENCES departments(id),
    item_id       TEXT NOT NULL,
    rating        TEXT,
    note          TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    UNIQUE (assessment_id, department_id, item_id)
);
CREATE TABLE findings (
    id                     INTEGER PRIMARY KEY,
    assessment_id          INTEGER NOT NULL REFERENCES assessments(id),
    number                 INTEGER NOT NULL,
    department_id          INTEGER NOT NULL REFERENCES departments(id),
    item_id                TEXT,
    cited_clause           TEXT NOT NULL DEFAULT '',
    fact                   TEXT NOT NULL CHECK (length(trim(fact)) > 0),
    risk                   TEXT NOT NULL DEFAULT '',
    recommendation         TEXT NOT NULL DEFAULT '',
    classification         TEXT NOT NULL,
    priority               TEXT NOT NULL CHECK (priority IN ('high', 'medium', 'low')),
    due_date               TEXT,
    owner                  TEXT NOT NULL DEFAULT '',
    status                 TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'continued')),
    follows_up_finding_id  INTEGER REFERENCES findings(id),
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL,
    UNIQUE (assessment_id, number)
);
CREATE TABLE evidence (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments(id),
    kind          TEXT NOT NULL CHECK (kind IN ('file', 'paper', 'observation')),
    title         TEXT NOT NULL CHECK (length(trim(title)) > 0),
    sha256        TEXT CHECK (sha256 IS NULL OR (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*')),
    original_name TEXT,
    size          INTEGER,
    media_type    TEXT,
    file_date     TEXT,
    location      TEXT NOT NULL DEFAULT '',
    description   TEXT NOT NULL DEFAULT '',
    recorded_at   TEXT NOT NULL,
    CHECK ((kind = 'file') = (sha256 IS NOT NULL))
);
CREATE TABLE evidence_links (
    id          INTEGER PRIMARY KEY,
    evidence_id INTEGER NOT NULL REFERENCES evidence(id),
    response_id INTEGER REFERENCES responses(id),
    finding_id  INTEGER REFERENCES findings(id),
    CHECK ((response_id IS NULL) <> (finding_id IS NULL)),
    UNIQUE (evidence_id, response_id, finding_id)
);
CREATE TABLE remarks (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments(id),
    department_id INTEGER REFERENCES departments(id),
    kind          TEXT NOT NULL CHECK (kind IN ('good', 'notable')),
    text          TEXT NOT NULL CHECK (length(trim(text)) > 0),
    created_at    TEXT NOT NULL
);
CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    before_json TEXT,
    after_json  TEXT,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX responses_by_department ON responses (assessment_id, department_id);
CREATE INDEX findings_by_assessment ON findings (assessment_id, department_id);
CREATE INDEX evidence_by_assessment ON evidence (assessment_id);
CREATE INDEX evidence_by_hash ON evidence (sha256);
CREATE INDEX links_by_evidence ON evidence_links (evidence_id);
CREATE INDEX links_by_response ON evidence_links (response_id);
CREATE INDEX links_by_finding ON evidence_links (finding_id);
CREATE INDEX interviews_by_assessment ON interviews (assessment_id, department_id);
"#,
    // 2: policy topic corrections (kept per text, so they survive re-importing the same text);
    //    the applicability profile and the 対策基準 an assessment was derived with.
    r#"
CREATE TABLE topic_corrections (
    organisation_id  INTEGER NOT NULL REFERENCES organisations(id),
    text_sha256      TEXT NOT NULL,
    topic            TEXT NOT NULL,
    number_path_json TEXT,
    citation         TEXT,
    corrected_at     TEXT NOT NULL,
    PRIMARY KEY (organisation_id, text_sha256, topic)
);
ALTER TABLE assessments ADD COLUMN profile_json TEXT NOT NULL DEFAULT '{}';
ALTER TABLE assessments ADD COLUMN standards_document_id INTEGER REFERENCES policy_documents(id);
-- UNIQUE in migration 1 treats NULLs as distinct: a finding link could be recorded twice.
DELETE FROM evidence_links WHERE id NOT IN (
    SELECT min(id) FROM evidence_links GROUP BY evidence_id, coalesce(response_id, 0), coalesce(finding_id, 0));
CREATE UNIQUE INDEX evidence_links_once ON evidence_links (evidence_id, coalesce(response_id, 0), coalesce(finding_id, 0));
"#,
    // 3: a policy document keeps the file it was read from (content-addressed in the evidence
    //    folder) and that file's format; raw_text is the text extracted from it.
    r#"
ALTER TABLE policy_documents ADD COLUMN source_format TEXT NOT NULL DEFAULT 'text'
    CHECK (source_format IN ('text', 'pdf', 'docx', 'html'));
ALTER TABLE policy_documents ADD COLUMN original_sha256 TEXT;
ALTER TABLE policy_documents ADD COLUMN original_size INTEGER;
"#,
    // 4: final reports issued (第1版, 第2版 … per assessment; per department for notices):
    //    when, by whom, the data fingerprint and the digest of the PDF document.
    r#"
CREATE TABLE report_issues (
    id              INTEGER PRIMARY KEY,
    assessment_id   INTEGER NOT NULL REFERENCES assessments(id),
    department      TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL CHECK (version >= 1),
    format          TEXT NOT NULL,
    language        TEXT NOT NULL,
    fingerprint     TEXT NOT NULL,
    document_sha256 TEXT NOT NULL,
    issued_at       TEXT NOT NULL,
    issued_by       TEXT NOT NULL,
    UNIQUE (assessment_id, department, version)
);
"#,
    // 5: the audit team (issue #12). Every store gets a device id; the audit log becomes one
    //    hash chain per device (`device`, `chain_seq`; the existing entries are this store's
    //    chain, positions unchanged, so their hashes stay valid); what was shared, joined and
    //    merged; the conflicts a person decides. Ids of field records are now global
    //    (`store::ids::new_id`) — existing ids stay as they are.
    r#"
CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO store_meta (key, value) VALUES ('device_id', lower(hex(randomblob(16))));
ALTER TABLE audit_log ADD COLUMN device TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN chain_seq INTEGER NOT NULL DEFAULT 0;
UPDATE audit_log SET device = (SELECT value FROM store_meta WHERE key = 'device_id'), chain_seq = seq;
CREATE UNIQUE INDEX audit_log_chain ON audit_log (device, chain_seq);
CREATE TABLE team_shares (
    baseline_id      TEXT PRIMARY KEY,
    assessment_id    INTEGER NOT NULL REFERENCES assessments(id),
    member           TEXT NOT NULL DEFAULT '',
    departments_json TEXT NOT NULL,
    shared_at        TEXT NOT NULL,
    shared_by        TEXT NOT NULL
);
CREATE TABLE team_memberships (
    assessment_id    INTEGER PRIMARY KEY REFERENCES assessments(id),
    lead_device      TEXT NOT NULL,
    baseline_id      TEXT NOT NULL,
    member           TEXT NOT NULL DEFAULT '',
    departments_json TEXT NOT NULL,
    joined_at        TEXT NOT NULL,
    returned_at      TEXT
);
CREATE TABLE team_merges (
    id             INTEGER PRIMARY KEY,
    assessment_id  INTEGER NOT NULL REFERENCES assessments(id),
    baseline_id    TEXT NOT NULL,
    member_device  TEXT NOT NULL,
    member         TEXT NOT NULL DEFAULT '',
    package_sha256 TEXT NOT NULL,
    applied        INTEGER NOT NULL,
    unchanged      INTEGER NOT NULL,
    conflicts      INTEGER NOT NULL,
    changeset      BLOB NOT NULL,
    merged_at      TEXT NOT NULL
);
CREATE TABLE team_conflicts (
    id             INTEGER PRIMARY KEY,
    assessment_id  INTEGER NOT NULL REFERENCES assessments(id),
    kind           TEXT NOT NULL,
    table_name     TEXT NOT NULL,
    row_id         INTEGER NOT NULL,
    department_id  INTEGER REFERENCES departments(id),
    item_id        TEXT,
    lead_json      TEXT NOT NULL,
    member_json    TEXT NOT NULL,
    member         TEXT NOT NULL DEFAULT '',
    member_device  TEXT NOT NULL,
    member_at      TEXT,
    baseline_id    TEXT NOT NULL,
    status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'lead', 'member')),
    created_at     TEXT NOT NULL,
    resolved_at    TEXT,
    UNIQUE (assessment_id, table_name, row_id, member_device, member_json)
);
"#,
    // 6: scope per department: a department's role in an assessment (NULL = not set: every
    //    item applies, as before), the assessment's rules (respondent tier × role) where they
    //    differ from the built-in ones, and inclusions/exclusions per department × item.
    r#"
ALTER TABLE assessment_departments ADD COLUMN role TEXT
    CHECK (role IS NULL OR role IN ('management', 'systems', 'general'));
CREATE TABLE scope_rules (
    assessment_id INTEGER NOT NULL REFERENCES assessments(id),
    tier          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('management', 'systems', 'general')),
    applies       INTEGER NOT NULL CHECK (applies IN (0, 1)),
    PRIMARY KEY (assessment_id, tier, role)
);
CREATE TABLE scope_items (
    assessment_id INTEGER NOT NULL REFERENCES assessments(id),
    department_id INTEGER NOT NULL REFERENCES departments(id),
    item_id       TEXT NOT NULL,
    included      INTEGER NOT NULL CHECK (included IN (0, 1)),
    PRIMARY KEY (assessment_id, department_id, item_id)
);
"#,
];

/// The schema version this build writes.
pub fn latest() -> i64 {
    MIGRATIONS.len() as i64
}
