// The finding form and the edit panel: their fields, checks, and what the commands get.
// Pure, no DOM: unit-tested in form.test.ts.
import type { Evidence, Finding, FindingEdit, NewFinding, Priority } from "../lib/bindings";

export const PRIORITIES: readonly Priority[] = ["high", "medium", "low"];

export interface FindingFields {
  departmentId: number | null;
  citedClause: string;
  fact: string;
  risk: string;
  recommendation: string;
  /** A class key of the assessment's preset; "" until chosen. */
  classification: string;
  priority: Priority;
  /** YYYY-MM-DD or "" (as an <input type=date> gives it). */
  dueDate: string;
  owner: string;
}

export function blankFields(departmentId: number | null, citation = ""): FindingFields {
  return {
    departmentId,
    citedClause: citation,
    fact: "",
    risk: "",
    recommendation: "",
    classification: "",
    priority: "medium",
    dueDate: "",
    owner: "",
  };
}

/** What is wrong with a field; the component turns it into a message next to the field. */
export type FieldProblem = "required" | "date" | "needs-evidence";
export type Problems = Partial<Record<"department" | "fact" | "classification" | "dueDate" | "status", FieldProblem>>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date in YYYY-MM-DD (2026-02-30 is not). */
export function isDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const [y, m, d] = text.split("-").map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function checkCommon(fact: string, classification: string, dueDate: string, problems: Problems): void {
  if (fact.trim() === "") problems.fact = "required";
  if (classification.trim() === "") problems.classification = "required";
  if (dueDate.trim() !== "" && !isDate(dueDate.trim())) problems.dueDate = "date";
}

/** Fact and classification are required; a department must be chosen; the due date, if any, is a date. */
export function checkFields(f: FindingFields): Problems {
  const problems: Problems = {};
  if (f.departmentId === null) problems.department = "required";
  checkCommon(f.fact, f.classification, f.dueDate, problems);
  return problems;
}

export const hasProblems = (p: Problems): boolean => Object.keys(p).length > 0;

/** The order the fields appear in, to move focus to the first one with a problem. */
export const FIELD_ORDER = ["department", "fact", "classification", "dueDate", "status"] as const;
export function firstProblem(p: Problems): (typeof FIELD_ORDER)[number] | null {
  return FIELD_ORDER.find((k) => p[k] !== undefined) ?? null;
}

/** The command's NewFinding (department by id; an empty clause lets the core use the item's citation). */
export function toNewFinding(f: FindingFields, itemId: string | null): NewFinding {
  const clause = f.citedClause.trim();
  const due = f.dueDate.trim();
  return {
    department: String(f.departmentId ?? ""),
    item_id: itemId,
    cited_clause: clause === "" ? null : clause,
    fact: f.fact.trim(),
    risk: f.risk.trim(),
    recommendation: f.recommendation.trim(),
    classification: f.classification,
    priority: f.priority,
    due_date: due === "" ? null : due,
    owner: f.owner.trim(),
    status: null,
    follows_up: null,
  };
}

/** The edit panel starts from the finding as it is. */
export function editOf(f: Finding): FindingEdit {
  return {
    cited_clause: f.cited_clause,
    fact: f.fact,
    risk: f.risk,
    recommendation: f.recommendation,
    classification: f.classification,
    priority: f.priority,
    due_date: f.due_date ?? "",
    owner: f.owner,
    status: f.status,
  };
}

/**
 * Checks an edit. Setting 完了 needs at least one evidence record linked to the finding
 * (`evidenceCount`); a finding that already was 完了 may be edited as it is.
 */
export function checkEdit(edit: FindingEdit, before: Finding, evidenceCount: number): Problems {
  const problems: Problems = {};
  checkCommon(edit.fact, edit.classification, edit.due_date, problems);
  if (edit.status === "done" && before.status !== "done" && evidenceCount === 0) problems.status = "needs-evidence";
  return problems;
}

/** Trimmed text fields, as the core stores them. */
export function cleanEdit(edit: FindingEdit): FindingEdit {
  return {
    ...edit,
    cited_clause: edit.cited_clause.trim(),
    fact: edit.fact.trim(),
    risk: edit.risk.trim(),
    recommendation: edit.recommendation.trim(),
    due_date: edit.due_date.trim(),
    owner: edit.owner.trim(),
  };
}

/** How many evidence records are linked to a finding. */
export function evidenceCountFor(findingId: number, evidence: readonly Pick<Evidence, "links">[]): number {
  return evidence.filter((e) => e.links.some((l) => l.kind === "finding" && l.finding_id === findingId)).length;
}
