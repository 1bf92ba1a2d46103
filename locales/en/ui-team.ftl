# The audit team (the assessment's "Team" tab, the dashboard, "Open a share" in settings)

tab-team = Team
team-heading = Audit team
team-members-heading = Members and their departments
team-joined-heading = The share you received
team-member = Member
team-member-unnamed = (no name)
team-departments = Departments
team-shared-at = Shared
team-last-returned = Last returned
team-not-returned = Not returned yet
team-no-shares = Nothing shared yet. Choose a member's departments and save a share file; it is listed here.
team-open-conflicts = { $count } undecided
team-open-conflicts-go = Decide { $count ->
    [one] { $count } conflict
   *[other] { $count } conflicts
}
team-joined-as = Received as member "{ $name }" on { $date } ({ $names }).
team-joined-returned = Last returned { $date }.

team-share-heading = Share with a member
team-share-help = One file with the organisation, the policy, the assessment and the chosen departments' answers and evidence, so the member can work on their own laptop without a network.
team-share-all-hint = With no department chosen, all departments are shared.
team-share = Save share file…
team-share-dialog = Where to save the share file
team-share-file = share
team-shared = Share file for "{ $name }" saved ({ $names }, { $size }).

team-merge-heading = Merge returns
team-merge-drop = Drop members' return files (.zip) here — several at once is fine
team-merge-pick = Choose return files…
team-merge-dialog = Return files to merge
team-working = Verifying and merging…
team-refused = Not taken, not a return file: { $names }
team-merged = { $applied } applied, { $unchanged } unchanged, { $conflicts } in conflict
team-package-again = Already merged (nothing changed)
team-merged-title = Merged —

team-return-heading = Return to the lead
team-return-help = Answers, notes, findings, evidence and the activity log since you received the share, in one return file.
team-return = Save return file…
team-return-dialog = Where to save the return file
team-return-file = return
team-returned = Return file saved ({ $count } changes, { $files } evidence files, { $size }).

team-join-heading = Open an audit-team share
team-join-help = Open the share file from the lead to start on your departments. Opening a newer share keeps work you have not returned yet.
team-join = Open share file…
team-join-dialog = Share file to open
team-joined = Share opened ({ $names }). Unreturned changes kept: { $count }.
team-open-assessment = Open this assessment

team-conflicts-heading = { $count ->
    [one] { $count } conflict
   *[other] { $count } conflicts
} — choose which value stays
team-conflicts-help = Only records the lead and a member each changed to different values are listed. Choose a side on every row, then apply. Each decision is an ordinary edit, recorded in the activity log.
team-conflict-record = Department · item
team-conflict-field = Field
team-conflict-lead = Lead's side
team-conflict-member = Member's value
team-conflict-choice = Keep
team-who-lead = Current value on this laptop
team-keep-lead = Lead
team-keep-member = Member
team-removed = (removed)
team-apply = Apply { $count ->
    [one] the decision
   *[other] { $count } decisions
}
team-undecided = { $count } not chosen yet
team-resolved = { $count ->
    [one] { $count } conflict decided and applied.
   *[other] { $count } conflicts decided and applied.
}
team-kind-answer = Answer
team-kind-finding = Finding
team-kind-interview = Interview
team-kind-remark = Remark
team-kind-evidence = Evidence
team-kind-evidence_link = Evidence link

team-field-record = Record
team-field-rating = Rating
team-field-note = Note
team-field-fact = Fact
team-field-risk = Risk
team-field-recommendation = Recommendation
team-field-classification = Classification
team-field-priority = Priority
team-field-due_date = Due
team-field-owner = Owner
team-field-status = Status
team-field-cited_clause = Cited clause
team-field-held_on = Held on
team-field-place = Place
team-field-attendees = Attendees
team-field-auditor = Auditor
team-field-notes = Notes
team-field-text = Text
team-field-kind = Kind

# The team's package passphrase (an encrypted store writes encrypted packages).
team-pp-label = Package passphrase
team-pp-again = Package passphrase (again)
team-pp-write-help = This data is encrypted, so the file is encrypted too. Type the package passphrase your team agreed on (at least 8 characters, not this computer's passphrase) and tell it to the other person in person.
team-pp-read-help = This file is encrypted. Type the package passphrase your team agreed on.
team-pp-short = Use at least { $count } characters.
team-pp-mismatch = The two entries differ.
team-pp-wrong = Wrong package passphrase. Nothing was changed.
team-merge-encrypted = Merge the encrypted files
team-join-encrypted = Open the encrypted share
team-pp-cancel = Cancel
