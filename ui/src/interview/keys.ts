// Interview mode keyboard: what a key press means. Pure (no DOM), unit-tested in keys.test.ts.
//
//   1–5 (also full-width １–５)  rating of the current item, in the scale's order
//   0 / Delete                    back to 未評価
//   ↓ / j,  ↑ / k                 next / previous item
//   Home / End, PageUp / PageDown  first / last item, a screen up / down
//   n / Enter                     write a note for the current item
//   f                             raise a finding from the current item
//   Escape (in a note)            back to the item list
//
// While a Japanese IME is composing (isComposing, or keyCode 229 that WebKit reports for the
// key that ends a composition), nothing is interpreted: Enter then only confirms the
// conversion — it never moves, submits or rates.

export type KeyAction =
  | { kind: "rate"; index: number }
  | { kind: "clear" }
  | { kind: "move"; delta: 1 | -1 }
  | { kind: "jump"; to: "home" | "end" | "page-up" | "page-down" }
  | { kind: "note" }
  | { kind: "finding" }
  | { kind: "leave-note" };

export interface KeyInput {
  key: string;
  isComposing: boolean;
  keyCode?: number;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  /** The key went to a text field (note, form), not to the item list. */
  inTextField: boolean;
}

const FULL_WIDTH_DIGITS = "０１２３４５６７８９";

/** A digit key as a number, half- or full-width; null for anything else. */
export function digitOf(key: string): number | null {
  if (key.length !== 1) return null;
  if (key >= "0" && key <= "9") return key.charCodeAt(0) - 48;
  const i = FULL_WIDTH_DIGITS.indexOf(key);
  return i >= 0 ? i : null;
}

export function interpretKey(e: KeyInput, ratingCount: number): KeyAction | null {
  if (e.isComposing || e.keyCode === 229) return null;
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  if (e.inTextField) {
    return e.key === "Escape" ? { kind: "leave-note" } : null;
  }
  const d = digitOf(e.key);
  if (d !== null) {
    if (d === 0) return { kind: "clear" };
    return d <= ratingCount ? { kind: "rate", index: d - 1 } : null;
  }
  switch (e.key) {
    case "ArrowDown":
    case "j":
      return { kind: "move", delta: 1 };
    case "ArrowUp":
    case "k":
      return { kind: "move", delta: -1 };
    case "Home":
      return { kind: "jump", to: "home" };
    case "End":
      return { kind: "jump", to: "end" };
    case "PageUp":
      return { kind: "jump", to: "page-up" };
    case "PageDown":
      return { kind: "jump", to: "page-down" };
    case "Delete":
      return { kind: "clear" };
    case "n":
    case "Enter":
      return { kind: "note" };
    case "f":
      return { kind: "finding" };
    default:
      return null;
  }
}

/** The index after moving `delta` from `current` in a list of `length`, clamped to the ends. */
export function moveIndex(current: number, delta: number, length: number): number {
  if (length <= 0) return 0;
  return Math.max(0, Math.min(length - 1, current + delta));
}
