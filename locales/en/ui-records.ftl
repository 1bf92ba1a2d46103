# tenken 点検 — records screens: evidence, findings, report, settings (en)
# Numbers, sizes and dates arrive already formatted (grouped digits, "1.5 MB").

## Evidence

ev-heading = Evidence
ev-count = { $count ->
    [one] { $count } record
   *[other] { $count } records
}
ev-loading = Loading evidence…
ev-empty = This assessment has no evidence yet. Use “Add evidence” above to record some.
ev-add-heading = Add evidence
ev-required = (required)
ev-close = Close

ev-link-legend = Link to (applies to the evidence you add)
ev-link-department = Department
ev-link-department-none = (no department)
ev-link-finding = Finding
ev-link-finding-none = (no finding)
ev-finding-option = No. { $number } { $department } — { $fact }
ev-link-items-filter = Filter items
ev-link-items-filter-hint = Item id, clause or keyword
ev-link-items-label = Checklist items of { $department }
ev-link-items-count = Showing { $shown } of { $total } items, { $count } selected
ev-link-items-none = No item matches.
ev-link-already = (already linked)
ev-loading-items = Loading items…
ev-link-summary = { $count ->
    [one] The evidence you add will be linked to 1 place.
   *[other] The evidence you add will be linked to { $count } places.
}
ev-link-summary-none = Nothing chosen to link to (you can record the evidence now and link it later).

ev-files-heading = Files
ev-files-title = Title (file name if left empty)
ev-files-title-hint = The title is used when you add a single file. Several files are each titled with their file name.
ev-drop-here = Drop files here (or anywhere in the window) to add them at once.
ev-drop-release = Release to add
ev-files-pick = Choose files…
ev-files-dialog-title = Choose files to add as evidence
ev-uploads-label = Files being added
ev-upload-progress-label = Adding { $name }
ev-upload-waiting = Waiting
ev-upload-copying = Copying { $percent }% ({ $done } of { $total })
ev-upload-done = Added ({ $size })
ev-upload-failed = Could not be added

ev-record-heading = Paper documents and observations
ev-record-kind = Kind
ev-record-title = Title
ev-record-location = Kept at
ev-record-location-hint = e.g. General Affairs, archive room, cabinet B
ev-record-description = Content and remarks
ev-record-observed = What was observed
ev-record-save = Record
ev-record-saved = Recorded “{ $title }”.
ev-record-title-required = Enter a title.
ev-record-location-required = Enter where the paper document is kept.

ev-list-heading = Recorded evidence
ev-table-caption = Evidence of this assessment
ev-col-kind = Kind
ev-col-title = Title
ev-col-size = Size
ev-col-recorded = Recorded
ev-col-sha256 = SHA-256
ev-col-links = Linked to
ev-col-actions = Actions
ev-original-name = Original file name: { $name }
ev-location = Kept at: { $location }
ev-file-date = File dated { $date }
ev-no-file = (no file)
ev-links-none = Not linked
ev-link-finding-number = Finding No. { $number }
ev-relink = Link to…
ev-relink-legend = Add links for “{ $title }”
ev-relink-save = Add links ({ $count })
ev-relink-nothing = No new link chosen.
ev-relink-done = { $count ->
    [one] Added 1 link.
   *[other] Added { $count } links.
}

## Findings

fnd-heading = Findings
fnd-loading = Loading findings…
fnd-new = New finding
fnd-new-heading = New finding
fnd-form-label = Finding
fnd-required = (required)
fnd-choose = Choose…
fnd-department = Department
fnd-cited-clause = Cited clause
fnd-item = Raised from item { $item }
fnd-fact = Fact
fnd-risk = Risk
fnd-recommendation = Recommendation
fnd-classification = Classification
fnd-priority = Priority
fnd-due = Due date
fnd-owner = Owner
fnd-status = Status
fnd-save = Save finding
fnd-saving = Saving…
fnd-cancel = Cancel
fnd-save-keys = Ctrl+Enter also saves.
fnd-problem-required = Required.
fnd-problem-date = Enter a date as YYYY-MM-DD.
fnd-problem-needs-evidence = A finding can only be closed with at least one piece of evidence linked to it.
fnd-created = Finding No. { $number } recorded.
fnd-updated = Finding No. { $number } updated.
fnd-closed = Finding No. { $number } closed.

fnd-filters-label = Filter findings
fnd-filter-all = All
fnd-filter-clear = Clear filters
fnd-due-filter-all = All
fnd-due-filter-overdue = Overdue
fnd-due-filter-soon = Due within 30 days
fnd-due-filter-none = No due date
fnd-count = Showing { $shown } of { $total }
fnd-empty = No findings yet.
fnd-none-match = No finding matches the filters.

fnd-table-caption = Findings
fnd-col-number = No.
fnd-col-actions = Actions
fnd-number = (No. { $number })
fnd-due-overdue = Overdue
fnd-due-soon = Due soon
fnd-edit = Edit
fnd-edit-label = Edit finding No. { $number }
fnd-edit-save = Save changes
fnd-edit-keys = Ctrl+Enter saves, Esc closes.

fnd-close-with-evidence = Close with evidence
fnd-close-label = Close finding No. { $number }
fnd-close-lead = To close a finding, link at least one piece of evidence that shows it was remedied.
fnd-close-how = Evidence
fnd-close-mode-linked = { $count ->
    [one] Close with the linked evidence (1 record)
   *[other] Close with the linked evidence ({ $count } records)
}
fnd-close-mode-existing = Link a recorded piece of evidence
fnd-close-mode-new = Record a new paper document or observation
fnd-close-no-other-evidence = (none available)
fnd-close-linked-label = Evidence linked to this finding
fnd-close-evidence = Evidence to link
fnd-close-choose-first = Choose the evidence to link.
fnd-close-confirm = Close finding
fnd-close-link-confirm = Link and close
fnd-close-record-confirm = Record and close

## Report

rpt-heading = Report
rpt-lead = Creates the PDF report of “{ $title }”. “Create report” saves it in the output folder's reports folder; “Choose where to save…” lets you pick the place and name.
rpt-export = Create report
rpt-export-again = Create again
rpt-open-folder = Open containing folder
rpt-progress-label = Report progress
rpt-running = Creating the report…
rpt-progress = Creating… { $percent }%
rpt-done = The report was created.
rpt-file = File
rpt-pages = Pages
rpt-pages-value = { $pages } pages
rpt-size = Size
rpt-size-value = { $size } ({ $bytes } bytes)
rpt-fingerprint = Fingerprint
rpt-fingerprint-explain = The fingerprint is also printed at the end of the report (data fingerprint). Keep it: it lets you check later that this PDF still matches the records.

## Settings

set-heading = Settings
set-loading = Loading…
set-lang-heading = Language
set-lang-hint = The language you choose is used again next time. Reports are written in the language shown when they are created.
set-data-heading = Data folder
set-data-dir = Folder
set-database = Database
set-schema = Schema version
set-data-hint = Choosing another folder opens the data in it (an empty folder starts a new store). The data in the current folder stays where it is.
set-data-change = Change…
set-data-dialog-title = Choose the data folder
set-data-changed = Switched to the new data folder.

set-backup-heading = Backup
set-backup-hint = Copies the database and every evidence file into a new folder inside the folder you choose.
set-backup = Choose where and back up…
set-backup-running = Backing up…
set-backup-dialog-title = Choose the folder to put the backup in
set-backup-done = Backup created.
set-backup-summary = { $count ->
    [one] { $files } evidence file, { $size } in all
   *[other] { $files } evidence files, { $size } in all
}

set-restore-heading = Restore
set-restore-hint = Restores the data from a backup folder. The backup is verified before anything is replaced.
set-restore = Choose a backup and restore…
set-restore-dialog-title = Choose the backup folder to restore
set-restore-confirm-title = The current data will be replaced by the backup.
set-restore-confirm-from = From:
set-restore-confirm-body = The database in use is not deleted: it is kept in the same folder as tenken.db.before-restore-(time). Restore now?
set-restore-confirm-yes = Replace and restore
set-restore-confirm-no = Cancel
set-restore-running = Restoring…
set-restore-done = Restored.
set-restore-kept = The previous database is kept at:
set-restore-nothing-kept = This folder had no database before, so nothing was set aside.

## Dates (和暦 input, report screen)
date-placeholder = e.g. 2026-10-01 or R8.10.1
date-invalid = “{ $text }” is not a date. Type it like 2026-10-01, R8.10.1 or 令和8年10月1日.
date-required = Enter a date.
draft-restored = Text that was not saved last time has been restored. Check it and save.
front-heading = What the report states
front-addressee = Addressee
front-addressee-help = Printed on the cover (e.g. Information Security Committee).
front-auditors = Authors (auditors)
front-auditors-help = One per line. Printed on the cover and in the overview.
front-period = Audit period
front-period-start = Start
front-period-end = End
front-period-order = The end date is before the start date.
front-summary = Overall comment
front-save = Save these details
front-saved = Saved
gaps-heading = The report still lacks
gaps-none = Everything the report needs is filled in
rpt-interviews = Interviews (date, place, attendees, auditor)
rpt-interviews-none = No interview recorded yet.
rpt-interviews-edit = Record or correct on the interview screen
iv-held-on = Date
iv-place = Place
iv-attendees = Attendees
iv-auditor = Auditor
remarks-heading = Good practice and notable points
remarks-none = None recorded yet.
remark-kind = Kind
remark-department = Department
remark-whole = Whole organisation
remark-text = Text
remark-add = Add
remark-edit = Edit
remark-save = Save
remark-cancel = Cancel
remark-text-required = Enter the text.
remove = Remove
remove-label = Remove { $name }
remove-confirm = Remove “{ $name }”?
remove-evidence = Remove
remove-evidence-label = Remove { $name }
remove-evidence-confirm = Remove “{ $name }”? Its links to items and findings go too (evidence listed in an issued final report cannot be removed).
remove-evidence-yes = Remove
remove-yes = Remove
remove-no = Cancel
ev-unlink-name = link ({ $link })
rpt-export-as = Choose where to save…
rpt-save-title = Save the report
unlink = Unlink
unlink-label = Unlink { $name }
unlink-confirm = Unlink { $name }? (The evidence itself stays.)
unlink-yes = Unlink
unscope = Take out
unscope-label = Take out { $name } from this assessment
unscope-confirm = Take “{ $name }” out of this assessment's scope?
unscope-yes = Take out

## Issuing: final versions, notices per department
rpt-final = Issue as a final version (recorded as version N; unticked, a draft watermarked DRAFT)
issue-draft = Draft
issue-version = Version { $version }
notice-heading = Result notices per department
notice-lead = For each department, a notice (PDF) with its results and findings and a request for an improvement plan. Choose the folder to save into (never inside the data folder). A file name already taken gets " (2)".
notice-department = For
notice-all = Every department
notice-export = Choose a folder and write the notices…
notice-folder-title = Folder for the notices
notice-done = { $count } notices saved in { $folder }.
issues-heading = Final versions issued
issues-none = No final version has been issued yet.
issues-document = Document
issues-version = Version
issues-at = Issued (UTC)
issues-by = Issued by
issues-committee = Audit report (committee)
issues-notice = Result notice ({ $department })
## About (in Settings)
about-heading = About tenken
about-version = Version
about-build-date = Build date
about-data-dir = Data folder
about-log-dir = Log folder
about-log-hint = The log records only the kind of each operation, counts, durations and error codes — never answers, notes, findings or evidence. Hand it to your support contact when asked.
about-diagnostics = Diagnostics
about-copy = Copy diagnostics
about-copied = Copied
about-copy-failed = Could not copy. Select the text above and copy it.
about-licences = Licences
about-ipa-licence = IPAex Gothic (the report font): IPA Font License Agreement v1.0
about-third-party = Third-party software used
about-third-party-missing = The list comes with the installed app (not with a development build).

## Settings: lock
set-lock-heading = Encryption and auto-lock
set-lock-encrypted = This audit data is encrypted.
set-autolock = Lock automatically after this long without activity
set-autolock-never = Never
set-autolock-minutes = { $n } min
set-autolock-saved = Saved.
set-lock-hint = Locking closes the audit data; nothing is shown until the passphrase is entered again. Text you were typing is kept.
set-pass-heading = Change the passphrase
set-pass-old = Current passphrase
set-pass-new = New passphrase
set-pass-new2 = New passphrase (again, to confirm)
set-pass-mismatch = The two entries of the new passphrase differ.
set-pass-change = Change passphrase
set-pass-changed = Passphrase changed. Use the new one to unlock from now on.
set-enc-plain = This audit data is not encrypted. Encrypt it before the laptop leaves the office.
set-enc-plain-hint = When encrypted, the database and the evidence files cannot be read without the passphrase. A recovery key is shown once when encryption is turned on.
set-enc-on = Encrypt
set-enc-on-busy = Encrypting… (many evidence files take longer)
set-enc-remember = Remember on this computer (do not ask for the passphrase at start)
set-enc-remember-on = Remembered on this computer.
set-enc-remember-off = Forgotten. The passphrase is asked for from the next start.
set-enc-off-heading = Turn encryption off
set-enc-off-hint = Turning encryption off leaves the database and the evidence files unencrypted. Do not do it on a laptop that leaves the office.
set-enc-off-pass = Current passphrase
set-enc-off = Turn encryption off
set-enc-off-busy = Decrypting…
set-enc-off-done = Encryption is off ({ $n } evidence files).
set-enc-on-done = Encrypted ({ $n } evidence files).
recovery-title = Recovery key (shown only once)
recovery-body = If the passphrase is forgotten, this recovery key sets a new one. tenken does not keep it. Print it or copy it, and keep it locked away, apart from the laptop.
recovery-folder = Data folder:
recovery-print = Print
recovery-save = Save to a file…
recovery-save-title = Where to save the recovery key
recovery-saved = Saved: { $path }
recovery-kept = I have kept the recovery key
recovery-close = Close
recovery-warning = Once this is closed, the recovery key is never shown again.
set-restore-passphrase = This backup is encrypted. The passphrase it was made with
set-pass-with-recovery = Forgot the current passphrase? Use the recovery key instead
