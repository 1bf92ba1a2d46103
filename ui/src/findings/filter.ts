// Which findings the list shows: department, classification, status and due-date filters.
// Pure, no DOM: unit-tested in filter.test.ts. Dates are "YYYY-MM-DD" strings (as the store
// sends them), compared as text; `today` is the local date in the same form.
import type { Finding, FindingStatus } from "../lib/bindings";

/** all | past the due date and not 完了 | due within 30 days and not 完了 | no due date. */
export type DueFilter = "all" | "overdue" | "soon" | "none";
export const DUE_FILTERS: readonly DueFilter[] = ["all", "overdue", "soon", "none"];
export const SOON_DAYS = 30;

export const FINDING_STATUSES: readonly FindingStatus[] = ["open", "in_progress", "done", "continued"];

export interface FindingFilter {
  departmentId: number | null;
  classification: string | null;
  status: FindingStatus | null;
  due: DueFilter;
}

export const NO_FILTER: FindingFilter = { departmentId: null, classification: null, status: null, due: "all" };

const pad = (n: number) => String(n).padStart(2, "0");

/** The local calendar date of `now` as YYYY-MM-DD. */
export function isoDate(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `date` plus `days` calendar days (month and year ends, leap years); null for a malformed date. */
export function addDays(date: string, days: number): string | null {
  const m = DATE.exec(date);
  if (m === null) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(t + days * 86_400_000);
  if (Number.isNaN(d.getTime())) return null;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Where a finding stands against its due date: a finding that is 完了 is never overdue. */
export type DueState = "none" | "closed" | "overdue" | "soon" | "later";

export function dueState(f: Pick<Finding, "due_date" | "status">, today: string): DueState {
  if (f.due_date === null || f.due_date === "") return "none";
  if (f.status === "done") return "closed";
  if (f.due_date < today) return "overdue";
  const limit = addDays(today, SOON_DAYS);
  if (limit !== null && f.due_date <= limit) return "soon";
  return "later";
}

export function matchesDue(f: Pick<Finding, "due_date" | "status">, due: DueFilter, today: string): boolean {
  const s = dueState(f, today);
  switch (due) {
    case "all":
      return true;
    case "none":
      return s === "none";
    case "overdue":
      return s === "overdue";
    case "soon":
      return s === "soon";
  }
}

export function matches(f: Finding, filter: FindingFilter, today: string): boolean {
  return (
    (filter.departmentId === null || f.department_id === filter.departmentId) &&
    (filter.classification === null || f.classification === filter.classification) &&
    (filter.status === null || f.status === filter.status) &&
    matchesDue(f, filter.due, today)
  );
}

/** The findings that pass every filter, in their order (by number, as the store lists them). */
export function filterFindings(findings: readonly Finding[], filter: FindingFilter, today: string): Finding[] {
  return findings.filter((f) => matches(f, filter, today));
}

export const isFiltered = (filter: FindingFilter): boolean =>
  filter.departmentId !== null || filter.classification !== null || filter.status !== null || filter.due !== "all";

/**
 * The first `max` characters of `text` on one line (line breaks become spaces), with "…" when
 * cut. Counts code points, so a surrogate pair (𠮷) is never split.
 */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = [...flat];
  if (chars.length <= max) return flat;
  return (
    chars
      .slice(0, Math.max(0, max - 1))
      .join("")
      .trimEnd() + "…"
  );
}
