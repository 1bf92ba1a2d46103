import { describe, expect, it } from "vitest";
import { fiscalYearOf, kindForScale, parseDepartments } from "./form";

describe("checklist screen helpers", () => {
  it("puts January–March in the previous fiscal year", () => {
    expect(fiscalYearOf(new Date(2027, 2, 31))).toBe(2026);
    expect(fiscalYearOf(new Date(2027, 3, 1))).toBe(2027);
    expect(fiscalYearOf(new Date(2026, 10, 22))).toBe(2026);
  });

  it("reads departments one per line or separated by 、 and commas, dropping blanks and duplicates", () => {
    expect(parseDepartments("総務課\n\n 情報政策課 \n総務課、税務課,市民課")).toEqual({
      names: ["総務課", "情報政策課", "税務課", "市民課"],
      duplicates: ["総務課"],
    });
    expect(parseDepartments("  \n ")).toEqual({ names: [], duplicates: [] });
  });

  it("matches the kind to the scale", () => {
    expect(kindForScale("audit")).toBe("internal_audit");
    expect(kindForScale("self_inspection")).toBe("self_inspection");
  });
});
