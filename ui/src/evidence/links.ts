// What a piece of evidence is (or is about to be) linked to: the selection made in LinkPicker,
// turned into the commands' LinkRequests, and the labels of existing links.
// Pure, no DOM: unit-tested in links.test.ts.
import type { Department, EvidenceLink, LinkRequest, SheetItem } from "../lib/bindings";

export interface LinkSelection {
  /** The department whose items are listed (null: none chosen yet). */
  departmentId: number | null;
  /** Items of that department, in the order they were ticked. */
  itemIds: string[];
  /** A finding (by id), or null. */
  findingId: number | null;
}

export const emptySelection = (departmentId: number | null = null): LinkSelection => ({
  departmentId,
  itemIds: [],
  findingId: null,
});

/** Another department: its items are different, so the ticked ones are cleared. */
export function withDepartment(sel: LinkSelection, departmentId: number | null): LinkSelection {
  if (departmentId === sel.departmentId) return sel;
  return { ...sel, departmentId, itemIds: [] };
}

export function withItem(sel: LinkSelection, itemId: string, checked: boolean): LinkSelection {
  const has = sel.itemIds.includes(itemId);
  if (checked === has) return sel;
  return { ...sel, itemIds: checked ? [...sel.itemIds, itemId] : sel.itemIds.filter((i) => i !== itemId) };
}

export const withFinding = (sel: LinkSelection, findingId: number | null): LinkSelection => ({ ...sel, findingId });

/** The links a command gets for this selection: the ticked items, then the finding. */
export function toLinkRequests(sel: LinkSelection): LinkRequest[] {
  const links: LinkRequest[] = [];
  if (sel.departmentId !== null) {
    for (const item_id of sel.itemIds) links.push({ kind: "response", department_id: sel.departmentId, item_id });
  }
  if (sel.findingId !== null) links.push({ kind: "finding", finding_id: sel.findingId });
  return links;
}

export const selectionSize = (sel: LinkSelection): number => toLinkRequests(sel).length;

/** Whether `existing` already covers `request` (departments are named in EvidenceLink, ids in LinkRequest). */
export function isLinked(
  existing: readonly EvidenceLink[],
  request: LinkRequest,
  departments: readonly Department[],
): boolean {
  return existing.some((link) => {
    if (request.kind === "finding") return link.kind === "finding" && link.finding_id === request.finding_id;
    if (link.kind !== "response" || link.item_id !== request.item_id) return false;
    const name = departments.find((d) => d.id === request.department_id)?.name;
    return name !== undefined && link.department === name;
  });
}

/** The requests not yet among `existing` (linking twice is pointless and is what the user means to avoid). */
export function newLinks(
  existing: readonly EvidenceLink[],
  requests: readonly LinkRequest[],
  departments: readonly Department[],
): LinkRequest[] {
  return requests.filter((r) => !isLinked(existing, r, departments));
}

/** Items already linked to the evidence, for one department (shown ticked and fixed in the picker). */
export function linkedItemIds(existing: readonly EvidenceLink[], departmentName: string | undefined): Set<string> {
  const ids = new Set<string>();
  for (const link of existing) {
    if (link.kind === "response" && link.department === departmentName) ids.add(link.item_id);
  }
  return ids;
}

/** Folds width and case so "ａ－１" finds "A-1" and "ＬＧＷＡＮ" finds "LGWAN". */
export function normalizeForSearch(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[‐‑‒–—―−－]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Items matching every word of `query` in their id, citation, area or question (case and
 * width folded). An empty query keeps every item.
 */
export function filterItems<T extends Pick<SheetItem, "id" | "citation" | "question" | "area">>(
  items: readonly T[],
  query: string,
): T[] {
  const words = normalizeForSearch(query)
    .split(" ")
    .filter((w) => w.length > 0);
  if (words.length === 0) return [...items];
  return items.filter((item) => {
    const hay = normalizeForSearch(`${item.id} ${item.citation} ${item.area} ${item.question}`);
    return words.every((w) => hay.includes(w));
  });
}
