import { describe, expect, it } from "vitest";
import type { Conflict, RatingChoice } from "../lib/bindings";
import { completeChoices, displayValue, fieldDiffs, memberChoosable, openConflicts } from "./conflicts";

const conflict = (id: number, over: Partial<Conflict> = {}): Conflict => ({
  id,
  kind: "response",
  department: "総務課",
  item: "AU-1",
  lead: { rating: "conform", note: "同じ" },
  member: { rating: "nonconform", note: "同じ" },
  member_name: "佐藤",
  member_at: "2026-05-01T10:00:00Z",
  status: "open",
  ...over,
});

const ratings: RatingChoice[] = [
  { key: "conform", symbol: "○", label: "適合" } as RatingChoice,
  { key: "nonconform", symbol: "×", label: "不適合" } as RatingChoice,
  { key: "partial", symbol: "△", label: "△ 一部適合" } as RatingChoice,
];

describe("fieldDiffs", () => {
  it("lists only the fields whose values differ, never the keys", () => {
    const c = conflict(1, {
      lead: { id: 7, rating: "conform", note: "a", updated_at: "x" },
      member: { id: 7, rating: "conform", note: "b", updated_at: "y" },
    });
    expect(fieldDiffs(c)).toEqual([{ field: "note", lead: "a", member: "b" }]);
  });
  it("puts the rating before the note", () => {
    const c = conflict(4, { lead: { note: "a", rating: "conform" }, member: { note: "b", rating: "nonconform" } });
    expect(fieldDiffs(c).map((d) => d.field)).toEqual(["rating", "note"]);
  });
  it("a record removed on one side is one row with null there", () => {
    expect(fieldDiffs(conflict(2, { member: null }))).toEqual([
      { field: "record", lead: { rating: "conform", note: "同じ" }, member: null },
    ]);
    expect(memberChoosable(conflict(2, { member: null }))).toBe(false);
    expect(memberChoosable(conflict(3))).toBe(true);
  });
});

describe("displayValue", () => {
  it("shows a rating by its symbol and label, empty as a dash", () => {
    expect(displayValue("rating", "nonconform", ratings)).toBe("× 不適合");
    expect(displayValue("rating", "partial", ratings)).toBe("△ 一部適合");
    expect(displayValue("rating", "unknown", ratings)).toBe("unknown");
    expect(displayValue("note", "", ratings)).toBe("—");
    expect(displayValue("note", null, ratings)).toBe("—");
  });
});

describe("completeChoices", () => {
  const open = openConflicts([conflict(1), conflict(2), conflict(3, { status: "lead" })]);
  it("lists only open conflicts", () => {
    expect(open.map((c) => c.id)).toEqual([1, 2]);
  });
  it("is null until every open row has a choice", () => {
    expect(completeChoices(open, {})).toBeNull();
    expect(completeChoices(open, { 1: "member" })).toBeNull();
    expect(completeChoices(open, { 1: "member", 2: "lead" })).toEqual([
      { id: 1, keep_member: true },
      { id: 2, keep_member: false },
    ]);
  });
  it("is null with nothing to decide", () => {
    expect(completeChoices([], {})).toBeNull();
  });
});
