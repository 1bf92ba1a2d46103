import { describe, expect, it } from "vitest";
import type { Cell } from "../lib/bindings";
import { answeredPercent, shadeOf } from "./heat";

const cell = (c: Partial<Cell>): Cell => ({ items: 10, answered: 0, scored: 0, score_percent: null, worst: 0, ...c });

describe("dashboard cells", () => {
  it("are unshaded before any scored answer (対象外 only counts as answered, not scored)", () => {
    expect(shadeOf(cell({}))).toBe("none");
    expect(shadeOf(cell({ answered: 3, scored: 0, score_percent: null }))).toBe("none");
  });

  it("shade by score at the 80 / 50 boundaries", () => {
    expect(shadeOf(cell({ answered: 5, scored: 5, score_percent: 80 }))).toBe("good");
    expect(shadeOf(cell({ answered: 5, scored: 5, score_percent: 79 }))).toBe("fair");
    expect(shadeOf(cell({ answered: 5, scored: 5, score_percent: 50 }))).toBe("fair");
    expect(shadeOf(cell({ answered: 5, scored: 5, score_percent: 49 }))).toBe("poor");
    expect(shadeOf(cell({ answered: 1, scored: 1, score_percent: 0 }))).toBe("poor");
  });

  it("never show 100 % answered while an item is open", () => {
    expect(answeredPercent(cell({ items: 300, answered: 299 }))).toBe(99);
    expect(answeredPercent(cell({ items: 300, answered: 300 }))).toBe(100);
    expect(answeredPercent(cell({ items: 0, answered: 0 }))).toBe(0);
  });
});
