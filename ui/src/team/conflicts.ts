// The conflict screen's logic, pure: which fields differ in each conflict, how a value reads,
// and whether every row has a choice (the "apply" button).
import type { Conflict, ConflictChoice, RatingChoice } from "../lib/bindings";

/** One differing field of a conflict: the column and both sides' values (null: removed). */
export interface FieldDiff {
  field: string;
  lead: unknown;
  member: unknown;
}

/** Columns that identify a record rather than say something about it: never shown as a diff. */
const KEY_COLUMNS = new Set(["id", "assessment_id", "department_id", "item_id", "updated_at", "number"]);

/** What an auditor reads first: the rating, then the note, then the rest as stored. */
const FIRST = ["rating", "note", "fact", "status"];
const rank = (field: string) => {
  const i = FIRST.indexOf(field);
  return i < 0 ? FIRST.length : i;
};

/**
 * The fields that differ between the lead's and the member's version, in a stable order
 * (rating and note first). A record one side removed shows as one row with `null` there.
 */
export function fieldDiffs(c: Conflict): FieldDiff[] {
  const lead = c.lead ?? null;
  const member = c.member ?? null;
  if (lead === null || member === null) {
    return [{ field: "record", lead, member }];
  }
  const names = [...new Set([...Object.keys(lead), ...Object.keys(member)])].filter((k) => !KEY_COLUMNS.has(k));
  names.sort((a, b) => rank(a) - rank(b));
  const diffs = names
    .filter((k) => JSON.stringify(lead[k] ?? null) !== JSON.stringify(member[k] ?? null))
    .map((k) => ({ field: k, lead: lead[k] ?? null, member: member[k] ?? null }));
  return diffs.length > 0 ? diffs : names.map((k) => ({ field: k, lead: lead[k] ?? null, member: member[k] ?? null }));
}

/** A value as a person reads it: ratings by their symbol and label, empty text as "—". */
export function displayValue(field: string, value: unknown, ratings: RatingChoice[]): string {
  if (value === null || value === undefined || value === "") return "—";
  if (field === "rating" && typeof value === "string") {
    const r = ratings.find((x) => x.key === value);
    // The label usually starts with its symbol already (「○ 適合」): never say it twice.
    if (r) return r.label.startsWith(r.symbol) ? r.label : `${r.symbol} ${r.label}`;
  }
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** The open conflicts only (the screen lists nothing already decided). */
export function openConflicts<C extends Conflict>(all: C[]): C[] {
  return all.filter((c) => c.status === "open");
}

/**
 * The choices to send when every open conflict has one; null while any row is undecided
 * (the apply button stays disabled).
 */
export function completeChoices(open: Conflict[], chosen: Record<number, "lead" | "member">): ConflictChoice[] | null {
  if (open.length === 0) return null;
  const out: ConflictChoice[] = [];
  for (const c of open) {
    const side = chosen[c.id];
    if (side !== "lead" && side !== "member") return null;
    out.push({ id: c.id, keep_member: side === "member" });
  }
  return out;
}

/** Only the lead's version exists when the member's side removed the record: no member choice. */
export function memberChoosable(c: Conflict): boolean {
  return c.lead !== null && c.member !== null;
}
