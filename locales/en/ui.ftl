# tenken 点検 — UI strings (English)
# Message IDs must match locales/ja/ui.ftl (checked by the ui tests).
# Numbers and years arrive as strings already formatted by the UI.

## Application

app-title = tenken 点検
app-subtitle = Information security self-inspection and audit
app-loading = Loading…
skip-to-main = Skip to main content

## Language switch

language-switch-label = Display language
language-ja = 日本語
language-en = English

## Start screen

start-heading = Audits and self-inspections
start-summary = { $organisations ->
    [one] 1 organisation
   *[other] { $organisations } organisations
}, { $assessments ->
    [one] 1 audit or self-inspection
   *[other] { $assessments } audits and self-inspections
}
start-empty-title = No audits or self-inspections yet
start-empty-body = First register your organisation below, import its information security policy, then create the year's audit or self-inspection.
organisation-assessment-count = { $count ->
    [one] 1 audit or self-inspection
   *[other] { $count } audits and self-inspections
}
organisation-no-assessments = This organisation has no audits or self-inspections yet.

## Assessment table

assessment-table-caption = Audits and self-inspections of { $organisation }
column-fiscal-year = Fiscal year
column-kind = Kind
column-title = Title
column-departments = Departments
column-progress = Progress

# $label is the Japanese era label from the core (e.g. 令和8年度), $year the Western fiscal year (e.g. 2026)
fiscal-year = FY{ $year }

kind-self_inspection = Self-inspection
kind-internal_audit = Internal audit
kind-external_audit = External audit
kind-unknown = Unknown kind

assessment-departments = { $count ->
    [one] 1 department
   *[other] { $count } departments
}
assessment-progress = { $answered } of { $total } items answered ({ $percent }%)
assessment-progress-label = Progress of { $title }

## Errors

error-heading = The data could not be loaded
error-code = Error code: { $code }
error-retry = Reload

## Navigation

nav-settings = Settings
assessment-tabs = Screens of the assessment
tab-dashboard = Dashboard
tab-scope = Scope
tab-interview = Interview
tab-evidence = Evidence
tab-findings = Findings
tab-report = Report

## Start screen actions

organisation-policy = Policy
organisation-new-assessment = New assessment
organisation-add-label = Organisation name (e.g. Example City)
organisation-add = Register organisation

## Network segments

segment-mynumber = My Number segment
segment-lgwan = LGWAN segment
segment-internet = Internet segment
segment-independent = Independent network

## Policy

policy-heading = Information security policy of { $organisation }
policy-to-checklist = Build the checklist
policy-documents = Imported documents
policy-none = No document yet. Import the text file of the basic policy (and, if you have it, the security standards).
policy-kind-basic = Basic policy
policy-kind-standards = Security standards
policy-sections = { $count } sections
policy-drop = Drag and drop a policy file (PDF, Word .docx, HTML such as a 例規集 page, or text) onto this window, or choose a file. The format and the character encoding (UTF-8, Shift_JIS, UTF-16) are read from the content.
policy-pick = Choose file…
policy-pick-title = Policy document to import
policy-file-filter = Policy documents (PDF, Word, HTML, text)
policy-importing = Importing…
policy-kind = Document kind
policy-encoding = Encoding
policy-segments = Segments defined
policy-segments-none = (none found)
policy-warnings = { $count } places whose structure could not be read
policy-structure = Sections
policy-original = Original text
policy-topics = Topic mapping (which section covers what)
policy-topics-help = Every checklist item cites the section mapped here. Choose the right section where the mapping is wrong; your corrections are kept when the same text is imported again.
policy-topic = Topic
policy-topic-citation = Section
policy-topic-correct = Correct
policy-topic-missing = (not in this document)
policy-topic-corrected = corrected by hand
policy-topic-absent = Not in this document
policy-topic-select = Section covering “{ $topic }”
policy-changes-heading = Changes since the previous import
policy-changes-same = Same document as before (the text has not changed).
policy-changes-none = The structure of the sections has not changed.
policy-changes-added = { $count } sections added
policy-changes-removed = { $count } sections removed
policy-changes-changed = { $count } sections changed
policy-changes-topics = { $count } topics mapped elsewhere
policy-changes-segments = Segments defined: { $before } → { $after }

## Checklist

checklist-heading = Checklist for { $organisation }
checklist-to-policy = Back to the policy
checklist-derive-heading = Derivation settings
checklist-bank = Checklist
checklist-item-count = { $count } items
checklist-policy = Basic policy
checklist-no-policy = None (cite the model sections)
checklist-standards = Security standards
checklist-no-standards = None
checklist-network-model = Network separation model
checklist-network-unknown = Not stated
checklist-cloud = Uses cloud services
checklist-social = Uses social media
checklist-result-heading = Derivation result
checklist-counts = { $kept } items kept, { $left } left out
checklist-segments = Segments: { $segments }
checklist-kept = Items kept ({ $count })
checklist-left-out = Items left out, with reasons ({ $count })
checklist-coverage = Coverage ({ $sections } sections without items, { $topics } topics not in the policy)
checklist-uncovered = { $citation } { $title }: no item checks this section
checklist-topic-missing = “{ $topic }” is not found in this policy
checklist-citation = Clause
checklist-question = What to check
checklist-without-policy = The { $count } items are used as they are, without a policy.
checklist-freeze-heading = Start the assessment
checklist-freeze-help = Freezes this checklist into a new assessment. Later changes to the policy or the item bank never change its items.
checklist-fiscal-year = Fiscal year
checklist-kind = Kind
checklist-title = Title
checklist-default-title = Information security { $kind }
checklist-classification = Finding classes
checklist-auditors = Auditors (comma separated)
checklist-departments = Departments (one per line)
checklist-departments-count = { $count ->
    [one] 1 department
   *[other] { $count } departments
}
checklist-departments-duplicates = duplicates removed: { $names }
checklist-create = Create

## Dashboard

dashboard-answered = Answered
dashboard-answered-detail = { $answered } / { $total } items
dashboard-score = Conformity
dashboard-worst = { $count } nonconforming or not implemented
dashboard-open-findings = Open findings
dashboard-evidence = { $count ->
    [one] 1 piece of evidence
   *[other] { $count } pieces of evidence
}
dashboard-heat-heading = Departments × policy areas
dashboard-heat-legend = Each cell: answered/items, conformity (share of the best rating), × the number of nonconforming or not implemented answers. Choose a department to open its interview.
dashboard-department = Department
dashboard-total = Total
dashboard-row-findings = { $count ->
    [one] 1 finding
   *[other] { $count } findings
}
dashboard-todo = Still to do
dashboard-todo-interview = { $department }: no interview recorded
dashboard-todo-required = { $department }: { $count } required items not rated
dashboard-todo-none = Nothing left to do.
dashboard-no-open-findings = No open findings.
dashboard-clause = Clause
dashboard-fact = Fact
dashboard-status = Status
dashboard-all-findings = Show all { $count } findings

## Interview

interview-department = Department
interview-progress = { $rated } / { $total } items rated
interview-auto-advance = Move to the next item after rating
interview-keys = Keys (with the item list selected): 1–{ $max } rate, 0 back to unrated, ↑↓ or j / k move, n or Enter note, Esc back to the list, f raise a finding, Ctrl+Z undo a rating
interview-save-saved = Saved
interview-save-pending = Typing…
interview-save-saving = Saving…
interview-save-failed = Could not save
interview-previous = Open findings from the previous year ({ $count })
interview-items = Items
interview-rating = Rating
interview-has-note = has a note
interview-required = required
interview-look-at = Look at:
interview-methods = How:
interview-note = Note
interview-raise = Raise a finding
interview-raise-heading = Finding from item { $item }
interview-findings-here = Findings on this item: No. { $numbers }
interview-evidence-here = { $count ->
    [one] 1 piece of evidence
   *[other] { $count } pieces of evidence
}
interview-record = Interview record
interview-held-on = Held on { $date }
interview-record-notes = Notes on the whole interview
interview-start = Record an interview
interview-pick = Interview
interview-nth = No. { $n } ({ $date })
interview-start-another = Record another interview
rating-unrated = Unrated

## Excel round trip

tab-sheets = Excel sheets
sheets-heading = Answer sheets out and back in Excel
sheets-out-heading = Write answer sheets
sheets-out-help = Writes one Excel file with the frozen checklist for each of the { $count } departments. Ratings are chosen from a list; everything but the answer cells is protected.
sheets-generate = Write answer sheets
sheets-open-folder = Open the folder
sheets-written = { $count } files written.
sheets-in-heading = Import filled sheets
sheets-conflict-legend = When a department's answer differs from a change made in tenken after the sheets were written
sheets-conflict-refuse = Do not import that file; list the differences (recommended)
sheets-conflict-tenken = Keep tenken's value, import the other answers
sheets-conflict-sheet = Overwrite with the sheet's value
sheets-drop = Drop filled .xlsx files onto this window, or choose files. Each file is imported completely or not at all.
sheets-pick = Choose files…
sheets-pick-title = Answer sheets to import
sheets-working = Working…
sheets-status-imported = Imported
sheets-status-unchanged = No change
sheets-status-refused = Not imported

## Interview: record details, undo, keys
interview-single-keys = Single-key shortcuts
interview-keys-off = Single-key shortcuts are off: ↑↓ move, Enter writes a note, Ctrl+Z undoes a rating. Rate with the buttons.
interview-at-end = Every item below is rated. The next rating goes to the selected item.
iv-new-heading = New interview
iv-edit-heading = Correct the interview record
iv-edit = Correct date, place …
iv-save = Save
iv-name = interview of { $date }
column-actions = Actions
dashboard-scope = Departments in scope
dashboard-scope-help = A department added by mistake can be taken out while nothing is recorded for it (ratings, notes, findings, interviews).

## Policy parse warnings (stored in Japanese, shown in the UI language)
pw-out-of-order = Line { $line }: “{ $label }” is numbered before the preceding “{ $previous }”, so it was read as body text.
pw-gap = Line { $line }: the numbering skips (“{ $label }” follows “{ $previous }”).
pw-no-parent = Line { $line }: the item above “{ $label }” ({ $parent }) was not found.
pw-more = Line { $line }: { $count } more warnings not shown.
sheets-refused = { $count ->
    [one] { $names } is not an Excel answer sheet (.xlsx) and was not imported.
   *[other] { $names } are not Excel answer sheets (.xlsx) and were not imported.
}
organisation-name-required = Enter the organisation's name.

iv-filter-label = Search and filter the items
iv-search = Search items (question, item id, clause)
iv-search-placeholder = Search: question, id, clause…
iv-filter-unrated = Unrated
iv-filter-required = Required only
iv-filter-problems = △ / × only
iv-filter-note = With a note
iv-filter-finding = With a finding
iv-jump-area = Go to area…
iv-shown = Showing { $shown } of { $total } items
iv-previous-year = Last time:
checklist-scroll-label = List (scrollable)
policy-text-scroll = Original text (scrollable)
error-heading-action = This could not be done

## Scope per department
scope-heading = Scope per department
scope-intro = Decide which items each department is asked. An out-of-scope item is not asked of that department and is left out of counts, progress, the Excel answer sheets and the reports. This is not the rating "－ N/A" (N/A is a result: the item was asked and does not apply). A department without a role is asked every item.
scope-role = Role
scope-role-of = Role of { $department }
scope-in-count = Items in scope
scope-out-count = Items out of scope
scope-items = Items one by one
scope-show-items = Show items ({ $count } set individually)
scope-hidden-answers = { $count } answers stored for items now out of scope (kept, not counted)
scope-hidden-answer = An answer is stored (out of scope, so not counted)
scope-rules-heading = Rules by role (respondent tier × department role)
scope-rules-intro = Items of a ticked combination are asked of departments with that role. A changed rule applies to this assessment only.
scope-tier = Respondent tier
scope-changed = (changed)
scope-items-heading = Items asked of { $department }
scope-back-to-rule = Back to the rule
scope-saved = Scope saved
interview-out-of-scope = { $count } items out of this department's scope are not shown (not asked; not the rating N/A). Change this on the Scope tab.

## Year comparison on the dashboard
yoy-heading = Compared with the previous year
yoy-intro = Compared with "{ $title }": the { $common } items both years have ({ $now } this year, { $before } last year) in the { $departments } departments of both years. { $improved } answers improved, { $worsened } worsened. The share is that of the best rating (○ etc.) among the checks rated.
yoy-by-area = Policy area
yoy-by-department = Department
yoy-before = Previous year
yoy-now = This year
yoy-delta = Change
yoy-chart = Bars: previous year (grey), this year (blue)
yoy-findings = Findings by class

## Unlock (encrypted store)
lock-now = Lock now
unlock-heading = The audit data is locked
unlock-intro = The audit data in this data folder is encrypted. Enter the passphrase to unlock it.
unlock-passphrase = Passphrase
unlock-submit = Unlock
unlock-busy = Checking…
unlock-caps-on = Caps Lock is on.
unlock-folder = Data folder:
unlock-wrong = That passphrase is not right. Try again (nothing was changed).
unlock-auto-locked = Locked automatically after a period without activity. Text you were typing is kept.
unlock-hint = If you forgot the passphrase, set a new one with the recovery key you kept when encryption was turned on.
unlock-forgot = Set a new passphrase with the recovery key
unlock-remember = Remember on this computer
unlock-remember-hint = Opens without the passphrase at the next start (uses the operating system's credential store). Do not use it on a shared computer.
unlock-keychain-notice = This computer's credential store could not be used ({ $reason }). Please enter the passphrase.
recover-heading = Set a new passphrase with the recovery key
recover-intro = Enter the recovery key shown when encryption was turned on, and a new passphrase. If the recovery key is right, the new passphrase is set and the audit data opens.
recover-key = Recovery key
recover-submit = Set the new passphrase and open
recover-cancel = Back
