import { describe, expect, it } from "vitest";
import { ROW_HEIGHT, areaAt, buildRows, rowOfItem, scrollToShow, visibleRange } from "./rows";

const AREAS = ["organization", "organization", "physical", "physical", "physical", "human"];

describe("interview rows", () => {
  it("put a heading before each area", () => {
    const rows = buildRows(AREAS);
    expect(rows.map((r) => (r.kind === "area" ? r.area : r.index))).toEqual([
      "organization",
      0,
      1,
      "physical",
      2,
      3,
      4,
      "human",
      5,
    ]);
    expect(buildRows([])).toEqual([]);
  });

  it("find the row of an item", () => {
    const rows = buildRows(AREAS);
    expect(rowOfItem(rows, 0)).toBe(1);
    expect(rowOfItem(rows, 2)).toBe(4);
    expect(rowOfItem(rows, 5)).toBe(8);
    expect(rowOfItem(rows, 6)).toBe(-1);
  });

  it("render only the visible window plus a margin, clamped to the list", () => {
    expect(visibleRange(0, 10 * ROW_HEIGHT, 330, 8)).toEqual([0, 19]);
    expect(visibleRange(100 * ROW_HEIGHT, 10 * ROW_HEIGHT, 330, 8)).toEqual([92, 119]);
    expect(visibleRange(325 * ROW_HEIGHT, 10 * ROW_HEIGHT, 330, 8)).toEqual([317, 330]);
    expect(visibleRange(-50, 0, 0)).toEqual([0, 0]);
  });

  it("scroll just enough to show the current row, below the sticky heading", () => {
    const vp = 10 * ROW_HEIGHT;
    expect(scrollToShow(5, 0, vp)).toBe(0);
    // Down: by whole rows (no row half under the sticky heading), the row fully in view.
    const down = scrollToShow(12, 0, vp);
    expect(down % ROW_HEIGHT).toBe(0);
    expect(down).toBeGreaterThanOrEqual(13 * ROW_HEIGHT - vp);
    expect(12 * ROW_HEIGHT).toBeGreaterThanOrEqual(down + ROW_HEIGHT);
    expect(scrollToShow(20, 30 * ROW_HEIGHT, vp)).toBe(19 * ROW_HEIGHT);
    expect(scrollToShow(0, 30 * ROW_HEIGHT, vp)).toBe(0);
  });

  it("name the area at the top of the viewport", () => {
    const rows = buildRows(AREAS);
    expect(areaAt(rows, AREAS, 0)).toBe("organization");
    expect(areaAt(rows, AREAS, 4 * ROW_HEIGHT)).toBe("physical");
    expect(areaAt(rows, AREAS, 100 * ROW_HEIGHT)).toBe("human");
  });
});
