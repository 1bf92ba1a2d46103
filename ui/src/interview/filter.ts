// Moving through 250 items: which items the interview list shows (search in question, id and
// citation; unrated only, required only, △/× only, with a note, with a finding) and where the
// list keys go (Home/End/PageUp/PageDown). Pure; unit-tested in filter.test.ts.
import type { SheetItem } from "../lib/bindings";

export interface ItemFilter {
  text: string;
  unrated: boolean;
  required: boolean;
  /** Ratings that need attention: △ × (audit), 一部・未実施・不明 (self-inspection). */
  problems: boolean;
  withNote: boolean;
  withFinding: boolean;
}

export const NO_ITEM_FILTER: ItemFilter = {
  text: "",
  unrated: false,
  required: false,
  problems: false,
  withNote: false,
  withFinding: false,
};

export const PROBLEM_RATINGS = new Set(["partial", "nonconform", "not_implemented", "unknown"]);

/** Full-width letters and digits folded, lower case: 「ＡＵ－０４」 finds "AU-04". */
export function fold(s: string): string {
  return s.normalize("NFKC").toLowerCase();
}

export function isFiltered(f: ItemFilter): boolean {
  return f.text.trim() !== "" || f.unrated || f.required || f.problems || f.withNote || f.withFinding;
}

export function matches(item: SheetItem, f: ItemFilter): boolean {
  if (f.unrated && item.rating !== null) return false;
  if (f.required && !item.required) return false;
  if (f.problems && !(item.rating !== null && PROBLEM_RATINGS.has(item.rating))) return false;
  if (f.withNote && item.note.trim() === "") return false;
  if (f.withFinding && item.findings.length === 0) return false;
  const words = fold(f.text)
    .split(/\s+/)
    .filter((w) => w !== "");
  if (words.length === 0) return true;
  const hay = fold(`${item.id} ${item.citation} ${item.standards_citation ?? ""} ${item.question}`);
  return words.every((w) => hay.includes(w));
}

/** Indices (into `items`) of the items shown, in list order. */
export function shownItems(items: readonly SheetItem[], f: ItemFilter): number[] {
  if (!isFiltered(f)) return items.map((_, i) => i);
  const out: number[] = [];
  items.forEach((it, i) => {
    if (matches(it, f)) out.push(i);
  });
  return out;
}

export type Jump = "home" | "end" | "page-up" | "page-down";

/** The position in a list of `length` after a jump from `pos`; a page is `page` rows. */
export function jumpPosition(pos: number, jump: Jump, length: number, page: number): number {
  if (length <= 0) return 0;
  const step = Math.max(1, page - 1);
  switch (jump) {
    case "home":
      return 0;
    case "end":
      return length - 1;
    case "page-up":
      return Math.max(0, pos - step);
    case "page-down":
      return Math.min(length - 1, pos + step);
  }
}
