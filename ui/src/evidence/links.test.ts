import { describe, expect, it } from "vitest";
import type { EvidenceLink } from "../lib/bindings";
import {
  emptySelection,
  filterItems,
  isLinked,
  linkedItemIds,
  newLinks,
  normalizeForSearch,
  selectionSize,
  toLinkRequests,
  withDepartment,
  withFinding,
  withItem,
} from "./links";

const departments = [
  { id: 1, name: "総務課" },
  { id: 2, name: "情報政策課" },
];

describe("link selection", () => {
  it("starts empty, optionally on a department", () => {
    expect(emptySelection()).toEqual({ departmentId: null, itemIds: [], findingId: null });
    expect(emptySelection(2).departmentId).toBe(2);
    expect(toLinkRequests(emptySelection(2))).toEqual([]);
  });

  it("ticks and unticks items without duplicates, keeping the order", () => {
    let s = withDepartment(emptySelection(), 1);
    s = withItem(s, "A-2", true);
    s = withItem(s, "A-1", true);
    s = withItem(s, "A-2", true);
    expect(s.itemIds).toEqual(["A-2", "A-1"]);
    s = withItem(s, "A-2", false);
    expect(s.itemIds).toEqual(["A-1"]);
    const same = withItem(s, "zzz", false);
    expect(same).toBe(s);
  });

  it("clears the ticked items when the department changes, not when it stays", () => {
    let s = withItem(withDepartment(emptySelection(), 1), "A-1", true);
    expect(withDepartment(s, 1)).toBe(s);
    s = withDepartment(s, 2);
    expect(s).toEqual({ departmentId: 2, itemIds: [], findingId: null });
  });

  it("keeps the finding across department changes", () => {
    const s = withDepartment(withFinding(emptySelection(1), 7), 2);
    expect(s.findingId).toBe(7);
  });

  it("turns a selection into link requests, items first", () => {
    let s = withDepartment(emptySelection(), 2);
    s = withItem(withItem(s, "B-1", true), "B-3", true);
    s = withFinding(s, 9);
    expect(toLinkRequests(s)).toEqual([
      { kind: "response", department_id: 2, item_id: "B-1" },
      { kind: "response", department_id: 2, item_id: "B-3" },
      { kind: "finding", finding_id: 9 },
    ]);
    expect(selectionSize(s)).toBe(3);
  });

  it("ignores items without a department (cannot be linked)", () => {
    const s = { departmentId: null, itemIds: ["A-1"], findingId: null };
    expect(toLinkRequests(s)).toEqual([]);
  });
});

describe("existing links", () => {
  const existing: EvidenceLink[] = [
    { kind: "response", department: "総務課", item_id: "A-1" },
    { kind: "finding", finding_id: 4, number: 2 },
  ];

  it("recognises links already made, matching departments by name", () => {
    expect(isLinked(existing, { kind: "response", department_id: 1, item_id: "A-1" }, departments)).toBe(true);
    expect(isLinked(existing, { kind: "response", department_id: 2, item_id: "A-1" }, departments)).toBe(false);
    expect(isLinked(existing, { kind: "response", department_id: 99, item_id: "A-1" }, departments)).toBe(false);
    expect(isLinked(existing, { kind: "finding", finding_id: 4 }, departments)).toBe(true);
    expect(isLinked(existing, { kind: "finding", finding_id: 2 }, departments)).toBe(false);
  });

  it("keeps only the new requests", () => {
    const requests = [
      { kind: "response" as const, department_id: 1, item_id: "A-1" },
      { kind: "response" as const, department_id: 1, item_id: "A-2" },
      { kind: "finding" as const, finding_id: 4 },
    ];
    expect(newLinks(existing, requests, departments)).toEqual([requests[1]]);
    expect(newLinks([], requests, departments)).toEqual(requests);
  });

  it("lists the linked items of one department", () => {
    expect([...linkedItemIds(existing, "総務課")]).toEqual(["A-1"]);
    expect(linkedItemIds(existing, "情報政策課").size).toBe(0);
    expect(linkedItemIds(existing, undefined).size).toBe(0);
  });
});

describe("filterItems", () => {
  const items = [
    { id: "A-1-01", citation: "第8条第4号", area: "組織体制", question: "情報セキュリティ責任者を置いているか。" },
    { id: "B-2-03", citation: "6(4)", area: "物理的セキュリティ", question: "サーバ室の入退室を記録しているか。" },
    { id: "C-1-02", citation: "4―1―2", area: "技術的セキュリティ", question: "LGWAN接続系の端末を管理しているか。" },
  ];

  it("keeps everything for an empty or blank query", () => {
    expect(filterItems(items, "")).toHaveLength(3);
    expect(filterItems(items, "   ")).toHaveLength(3);
  });

  it("matches id, citation, area and question", () => {
    expect(filterItems(items, "b-2").map((i) => i.id)).toEqual(["B-2-03"]);
    expect(filterItems(items, "第8条").map((i) => i.id)).toEqual(["A-1-01"]);
    expect(filterItems(items, "技術的").map((i) => i.id)).toEqual(["C-1-02"]);
    expect(filterItems(items, "入退室").map((i) => i.id)).toEqual(["B-2-03"]);
  });

  it("folds full-width letters, digits and dashes", () => {
    expect(filterItems(items, "ｌｇｗａｎ").map((i) => i.id)).toEqual(["C-1-02"]);
    expect(filterItems(items, "Ｂ－２").map((i) => i.id)).toEqual(["B-2-03"]);
    expect(filterItems(items, "4-1-2").map((i) => i.id)).toEqual(["C-1-02"]);
    expect(filterItems(items, "６（４）").map((i) => i.id)).toEqual(["B-2-03"]);
  });

  it("needs every word to match (full-width space too)", () => {
    expect(filterItems(items, "セキュリティ　サーバ").map((i) => i.id)).toEqual(["B-2-03"]);
    expect(filterItems(items, "セキュリティ 存在しない")).toEqual([]);
  });

  it("does not change the list it is given", () => {
    const copy = [...items];
    filterItems(items, "A");
    expect(items).toEqual(copy);
  });

  it("normalizes for search", () => {
    expect(normalizeForSearch("  ＡＢＣ　 ｄ ")).toBe("abc d");
  });
});
