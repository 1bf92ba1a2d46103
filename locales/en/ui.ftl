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
start-empty-body = When you create an audit or a self-inspection for a fiscal year, it is listed here. To try tenken, create demo data with the command “tenken demo”.
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
