// Dashboard cells: what a department × area cell says and how strongly it is shaded.
// Pure; unit-tested in heat.test.ts. The text always carries the meaning; the shade only helps.
import type { Cell } from "../lib/bindings";

export type Shade = "none" | "good" | "fair" | "poor";

/** Shade by score over answered items: ≥ 80 good, ≥ 50 fair, else poor; none before answers. */
export function shadeOf(cell: Cell): Shade {
  if (cell.score_percent === null || cell.scored === 0) return "none";
  if (cell.score_percent >= 80) return "good";
  if (cell.score_percent >= 50) return "fair";
  return "poor";
}

/** Whole percent answered, rounded down (never 100 while one item is open). */
export function answeredPercent(cell: Cell): number {
  if (cell.items <= 0) return 0;
  return Math.floor((cell.answered * 100) / cell.items);
}
