import { describe, expect, it } from "vitest";
import { UndoStack, advanceTarget } from "./undo";

describe("undo of ratings", () => {
  it("undoes the last changes newest first, at least 20 of them", () => {
    const s = new UndoStack();
    for (let i = 0; i < 25; i++) s.push({ departmentId: 1, itemId: `I${i}`, before: null, after: "conform" });
    const undone: string[] = [];
    for (let i = 0; i < 25; i++) undone.push(s.pop()!.itemId);
    expect(undone).toEqual(Array.from({ length: 25 }, (_, i) => `I${24 - i}`));
    expect(s.pop()).toBeNull();
  });
  it("restores the rating that was replaced, not 未評価", () => {
    const s = new UndoStack();
    s.push({ departmentId: 1, itemId: "A", before: null, after: "conform" });
    s.push({ departmentId: 1, itemId: "A", before: "conform", after: "nonconform" });
    expect(s.pop()!.before).toBe("conform");
    expect(s.pop()!.before).toBeNull();
  });
  it("keeps only the newest `limit` changes and ignores no-op changes", () => {
    const s = new UndoStack(20);
    for (let i = 0; i < 30; i++) s.push({ departmentId: 2, itemId: `I${i}`, before: null, after: "partial" });
    s.push({ departmentId: 2, itemId: "same", before: "partial", after: "partial" });
    expect(s.size).toBe(20);
    expect(s.pop()!.itemId).toBe("I29");
  });
  it("a failed undo can be put back", () => {
    const s = new UndoStack();
    s.push({ departmentId: 1, itemId: "A", before: null, after: "conform" });
    const c = s.pop()!;
    s.restore(c);
    expect(s.pop()).toEqual(c);
  });
});

describe("auto-advance", () => {
  it("moves to the next unrated item, skipping rated ones", () => {
    expect(advanceTarget([null, null, null], 0)).toBe(1);
    expect(advanceTarget(["conform", "conform", null], 0)).toBe(2);
  });
  it("never moves onto a rated item: stays when all below are rated", () => {
    expect(advanceTarget(["conform", "partial", "conform"], 0)).toBe(0);
  });
  it("stops at the end of the list", () => {
    expect(advanceTarget(["conform", "conform"], 1)).toBe(1);
    expect(advanceTarget([null], 0)).toBe(0);
  });
});
