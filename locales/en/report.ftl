# tenken report: every fixed string of the PDF report (English)
# Numbers and dates are formatted by the caller; no bidi isolation marks.

report-handling = CONFIDENTIAL
report-title = { $kind ->
    [self_inspection] Information Security Self-Inspection Report
   *[audit] Information Security Audit Report
}, { $year }
report-addressee = To: { $addressee }
report-cover-prepared = Prepared by: { $who }
report-cover-assessment = Assessment: { $title }
report-cover-notice = This report describes weaknesses in the organisation's information security. Handle it with care and do not disclose it to anyone not concerned.
report-page = { $n } / { $total }
report-continued = (continued)
report-none = -
report-size = { $n } B

report-toc = Contents
report-sec-overview = { $audit ->
    [yes] Audit overview
   *[no] Self-inspection overview
}
report-sec-summary = Overall assessment
report-sec-findings = Findings
report-sec-remarks = Good practices and notable points
report-sec-previous = Status of last year's findings
report-sec-app-results = Appendix 1. Results by department and item
report-sec-app-evidence = Appendix 2. Evidence
report-sec-approval = Approval

report-ov-purpose = Purpose
report-ov-purpose-text = { $audit ->
    [yes] To confirm that the measures set out in the information security policy are properly carried out in each department, to identify what needs improving, and so to maintain and raise the organisation's level of information security.
   *[no] For each department to check its own implementation of the measures set out in the information security policy, to identify what needs improving, and so to maintain and raise the level of information security.
}
report-ov-scope = Scope
report-ov-scope-text = { $count } departments: { $names }
report-ov-criteria = Criteria
report-ov-criteria-text = { $policy } (imported { $date })
report-ov-criteria-none = (no policy registered)
report-ov-checklist = Checklist
report-ov-checklist-text = { $title } (version { $version }, { $items } items)
report-ov-period = Period
report-ov-period-text = { $from } to { $to }
report-ov-team = Audit team
report-ov-method = Methods
report-ov-interviews = Interviews held

report-sum-none = (No overall comment has been entered.)
report-sum-counts = Of { $total } checks ({ $scoped ->
    [yes] { $departments } departments × { $items } items, less { $out } out of the departments' scope
   *[other] { $departments } departments × { $items } items
}), { $rated } have been rated; { $findings } findings.
report-sum-by-area = Results by policy area
report-sum-by-dept = Results by department
report-chart-by-area = Results by policy area (share)
report-chart-by-dept = Results by department (share)
report-chart-note = Each bar shows the share of each result among all checks of its row. The figure at the right is the { $rate }.
report-col-area = Policy area
report-col-department = Department
report-col-total = Checks
report-col-rate-audit = conformance rate
report-col-rate-self = implementation rate
report-col-unrated = Not rated
report-col-number = No.
report-col-date = Date
report-col-place = Place
report-col-attendees = Attendees
report-col-auditor = Auditor
report-col-kind = Kind
report-col-content = Text
report-col-fact = Finding
report-col-status = Status
report-col-followup = This year
report-col-item = Checklist item
report-col-clause = Clause
report-col-result = Result
report-col-note = Note
report-col-evidence-name = Name
report-col-size = Size
report-col-evidence-date = Date
report-col-sha = SHA-256
report-col-supports = Supports

report-topic-purpose = Purpose
report-topic-definitions = Definitions
report-topic-threats = Threats
report-topic-scope = Scope
report-topic-obligations = Staff obligations
report-topic-measures = Measures
report-topic-organization = Organisation
report-topic-asset_classification = Classification and management of information assets
report-topic-resilience = Resilience of the information systems
report-topic-physical = Physical security
report-topic-human = Human security
report-topic-technical = Technical security
report-topic-operations = Operations
report-topic-outsourcing = Outsourcing and external services
report-topic-evaluation = Evaluation and review
report-topic-audit = Audit and self-inspection
report-topic-review = Review
report-topic-standards = Security standards
report-topic-procedures = Procedures
report-topic-other = Other

report-findings-intro = There are { $count } findings ({ $breakdown }).
report-findings-none = There are no findings.
report-finding-title = Finding { $number }  { $department }
report-f-department = Department
report-f-clause = Clause
report-f-item = Checklist item
report-f-fact = Fact
report-f-risk = Risk
report-f-recommendation = Recommendation
report-f-class = Classification
report-f-priority = Priority
report-f-due = Due date
report-f-owner = Owner
report-f-status = Status
report-f-evidence = Evidence
report-f-followup = Follows up last year's finding { $number }

report-remarks-none = No good practices or notable points were recorded.
report-remark-org-wide = Organisation-wide

report-prev-intro = The { $count } findings of { $title } stand as follows.
report-prev-none = There were no findings last year.

report-app-results-intro = Results for every checklist item in every department (including items not rated).
report-app-evidence-intro = The { $count } pieces of evidence recorded. SHA-256 is the hash of the evidence file's content.
report-ev-paper = Kept at: { $location }

report-approval-intro = The contents of this report have been reviewed and approved.
report-approval-role = Role
report-approval-name = Name
report-approval-date = Date
report-approval-seal = Seal
report-approval-date-blank = ____ / ____ / ________
report-role-ciso = Chief Information Security Officer (CISO)
report-role-committee = Information Security Committee
report-role-lead = Lead auditor

report-fp-title = Data fingerprint
report-fp-text = This report was made from the data with the SHA-256 value below. "tenken verify-report" checks it against the current records.
report-generated = Created with tenken on { $date }

report-part-assessment = Basic data (organisation, assessment, policy)
report-part-summary = Overall assessment
report-part-checklist = Checklist
report-part-departments = Departments
report-part-interviews = Interviews
report-part-answers = Results
report-part-findings = Findings
report-part-remarks = Good practices and notable points
report-part-evidence = Evidence
report-part-previous = Last year's findings
report-change-section = Changed: { $part }
report-change-finding-changed = Finding { $number } was changed
report-change-finding-added = Finding { $number } was added
report-change-finding-removed = Finding { $number } was removed
report-change-answers = The results of department "{ $department }" were changed
report-verify-match = Match: this report matches the current records (fingerprint { $fingerprint }).
report-verify-mismatch = Mismatch: the records have changed since the report was made (report { $old }, now { $new }).
report-verify-no-stamp = No tenken fingerprint found in this PDF: { $file }
report-progress = Making the report… { $done } / { $total }
report-written = Report written: { $file } ({ $version }, { $pages } pages, { $bytes } bytes)
report-class-count = { $label }: { $count }
report-list-sep = { ", " }
report-total = Total
report-f-previous = Last year

# Versions (draft / version N), the committee report's short forms, department notices.
report-issue-draft = DRAFT
report-issue-final = Version { $version }
report-watermark = DRAFT
report-findings-table-note = The risk, recommendation and evidence of each finding are given in the result notice to its department.
report-sec-app-matrix = Appendix 1. Results matrix (items × departments)
report-app-matrix-intro = The result of each of the { $items } checklist items in each of the { $departments } departments, as a symbol ({ $legend }).
report-app-matrix-group = Departments { $from }–{ $to } of { $total } (part { $group } of { $groups })
report-app-matrix-note = Each department's results per item, with the notes, are given in its result notice.
report-matrix-out-of-scope = /
report-out-of-scope = out of scope (not asked of this department; not the N/A rating)
report-matrix-unrated = ?
report-ev-finding = Finding { $number }
notice-title = { $audit ->
    [yes] Information Security Audit Result Notice
   *[no] Information Security Self-Inspection Result Notice
}, { $year }
notice-subtitle = { $department } ({ $title })
notice-addressee = To: the Head of { $department }
notice-sec-request = Improvement plan
notice-request-text = This notice gives the results of { $title }. Your department has { $count } findings ({ $breakdown }). Please prepare an improvement plan for each finding and submit it by { $due }.
notice-plan-items = For each finding, the plan should state what will be improved, who is responsible and when it will be complete. Due: { $due }
notice-sec-results = Results by policy area
notice-prev-none = Your department had no findings last year.
notice-sec-items = Results per checklist item
notice-sec-end = End of notice
report-verify-altered = Document altered: the content of this PDF has changed since tenken wrote it (the document digest does not match).
report-verify-altered-no-digest = Document altered: this PDF carries no document digest, so its content cannot be checked.
report-verify-altered-unrecorded = Document altered: this PDF claims to be a final version that was never recorded.
report-verify-altered-recorded = Document altered: this PDF is not the document recorded for its version.
report-verify-different = Different assessment: this report is of assessment { $report }, not of assessment { $given } it was checked against (or of an assessment with the same number in other records).
report-verify-what-committee = Report: committee report, { $version }
report-verify-what-notice = Report: result notice to { $department }, { $version }
report-sec-yoy = Comparison with last year
report-yoy-intro = Compared with { $title }, over the { $common } items both checklists have (this year { $now }, last year { $before }) and the { $departments } departments in both years' scope. { $improved } answers improved on last year and { $worsened } worsened.
report-yoy-before = Last year
report-yoy-now = This year
report-yoy-delta = Change
report-yoy-by-area = Rates by policy area, last year and this year
report-yoy-chart = Results by policy area (last year, this year)
report-yoy-by-dept = Rates by department, last year and this year
report-yoy-findings = Findings by class
report-verify-issued = {" "}(issued { $at } by { $by })
report-docx-working-copy = This document is an editable working copy. The record is the PDF made by tenken, whose fingerprint (SHA-256 of the data) is { $fingerprint }.
report-docx-toc-hint = (In Word, right-click and choose Update Field to build the table of contents.)
