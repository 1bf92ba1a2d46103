import { describe, expect, it } from "vitest";
import type { SheetItem } from "../lib/bindings";
import { NO_ITEM_FILTER, jumpPosition, matches, shownItems } from "./filter";

function item(over: Partial<SheetItem>): SheetItem {
  return {
    id: "AU-01-01-001",
    area: "organisation",
    citation: "第5条",
    standards_citation: null,
    question: "情報セキュリティ委員会が設置されているか。",
    look_at: [],
    methods: [],
    required: false,
    rating: null,
    note: "",
    evidence: 0,
    findings: [],
    previous_rating: null,
    previous_note: "",
    ...over,
  };
}

const items = [
  item({}),
  item({
    id: "AU-04-02-001",
    citation: "第8条第4号",
    question: "サーバ室の入退室を記録しているか。",
    required: true,
    rating: "partial",
  }),
  item({
    id: "AU-04-02-002",
    citation: "第8条第4号",
    question: "入退室記録を保存しているか。",
    rating: "conform",
    note: "確認済",
  }),
  item({ id: "AU-06-01-001", citation: "第10条", question: "パスワードの管理", rating: "nonconform", findings: [1] }),
];

describe("interview list filter", () => {
  it("shows everything without a filter", () => {
    expect(shownItems(items, NO_ITEM_FILTER)).toEqual([0, 1, 2, 3]);
  });
  it("searches question, id and citation, all words, full-width folded", () => {
    expect(shownItems(items, { ...NO_ITEM_FILTER, text: "入退室" })).toEqual([1, 2]);
    expect(shownItems(items, { ...NO_ITEM_FILTER, text: "ａｕ－０６" })).toEqual([3]);
    expect(shownItems(items, { ...NO_ITEM_FILTER, text: "第8条第4号 保存" })).toEqual([2]);
    expect(shownItems(items, { ...NO_ITEM_FILTER, text: "第10条" })).toEqual([3]);
  });
  it("filters unrated, required, △/×, with a note, with a finding", () => {
    expect(shownItems(items, { ...NO_ITEM_FILTER, unrated: true })).toEqual([0]);
    expect(shownItems(items, { ...NO_ITEM_FILTER, required: true })).toEqual([1]);
    expect(shownItems(items, { ...NO_ITEM_FILTER, problems: true })).toEqual([1, 3]);
    expect(shownItems(items, { ...NO_ITEM_FILTER, withNote: true })).toEqual([2]);
    expect(shownItems(items, { ...NO_ITEM_FILTER, withFinding: true })).toEqual([3]);
    expect(matches(items[1], { ...NO_ITEM_FILTER, problems: true, required: true })).toBe(true);
  });
});

describe("list keys", () => {
  it("Home/End go to the ends, pages move by a screen and stop at the ends", () => {
    expect(jumpPosition(50, "home", 250, 20)).toBe(0);
    expect(jumpPosition(50, "end", 250, 20)).toBe(249);
    expect(jumpPosition(50, "page-down", 250, 20)).toBe(69);
    expect(jumpPosition(245, "page-down", 250, 20)).toBe(249);
    expect(jumpPosition(5, "page-up", 250, 20)).toBe(0);
    expect(jumpPosition(0, "end", 0, 20)).toBe(0);
  });
});
