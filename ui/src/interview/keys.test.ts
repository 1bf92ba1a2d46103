import { describe, expect, it } from "vitest";
import { digitOf, interpretKey, moveIndex, type KeyInput } from "./keys";

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  isComposing: false,
  inTextField: false,
  ...extra,
});

describe("interpretKey", () => {
  it("rates with 1–4 on a four-choice scale and ignores 5", () => {
    expect(interpretKey(key("1"), 4)).toEqual({ kind: "rate", index: 0 });
    expect(interpretKey(key("4"), 4)).toEqual({ kind: "rate", index: 3 });
    expect(interpretKey(key("5"), 4)).toBeNull();
    expect(interpretKey(key("5"), 5)).toEqual({ kind: "rate", index: 4 });
  });

  it("accepts full-width digits typed with the IME in direct mode", () => {
    expect(interpretKey(key("２"), 4)).toEqual({ kind: "rate", index: 1 });
    expect(interpretKey(key("０"), 4)).toEqual({ kind: "clear" });
  });

  it("never acts while the IME is composing, Enter included", () => {
    for (const k of ["Enter", "1", "j", "ArrowDown", "n", "f", "Escape"]) {
      expect(interpretKey(key(k, { isComposing: true }), 4), k).toBeNull();
      // WebKit reports keyCode 229 for the keydown that ends a composition.
      expect(interpretKey(key(k, { keyCode: 229 }), 4), k).toBeNull();
      expect(interpretKey(key(k, { isComposing: true, inTextField: true }), 4), k).toBeNull();
    }
  });

  it("moves with arrows and j/k", () => {
    expect(interpretKey(key("ArrowDown"), 4)).toEqual({ kind: "move", delta: 1 });
    expect(interpretKey(key("j"), 4)).toEqual({ kind: "move", delta: 1 });
    expect(interpretKey(key("ArrowUp"), 4)).toEqual({ kind: "move", delta: -1 });
    expect(interpretKey(key("k"), 4)).toEqual({ kind: "move", delta: -1 });
  });

  it("jumps to the note with n or Enter, raises a finding with f, clears with 0 / Delete", () => {
    expect(interpretKey(key("n"), 4)).toEqual({ kind: "note" });
    expect(interpretKey(key("Enter"), 4)).toEqual({ kind: "note" });
    expect(interpretKey(key("f"), 4)).toEqual({ kind: "finding" });
    expect(interpretKey(key("0"), 4)).toEqual({ kind: "clear" });
    expect(interpretKey(key("Delete"), 4)).toEqual({ kind: "clear" });
  });

  it("leaves typing in a note alone: digits, j/k and Enter are text there", () => {
    for (const k of ["1", "j", "k", "Enter", "n", "f", "ArrowDown"]) {
      expect(interpretKey(key(k, { inTextField: true }), 4), k).toBeNull();
    }
    expect(interpretKey(key("Escape", { inTextField: true }), 4)).toEqual({ kind: "leave-note" });
  });

  it("ignores shortcuts with modifiers (Ctrl+1, Alt+j, …)", () => {
    expect(interpretKey(key("1", { ctrlKey: true }), 4)).toBeNull();
    expect(interpretKey(key("j", { altKey: true }), 4)).toBeNull();
    expect(interpretKey(key("k", { metaKey: true }), 4)).toBeNull();
  });
});

describe("digitOf and moveIndex", () => {
  it("reads digits only", () => {
    expect(digitOf("7")).toBe(7);
    expect(digitOf("９")).toBe(9);
    expect(digitOf("a")).toBeNull();
    expect(digitOf("12")).toBeNull();
  });

  it("clamps at both ends", () => {
    expect(moveIndex(0, -1, 10)).toBe(0);
    expect(moveIndex(9, 1, 10)).toBe(9);
    expect(moveIndex(4, 1, 10)).toBe(5);
    expect(moveIndex(0, 1, 0)).toBe(0);
  });
});

describe("list navigation keys", () => {
  const k = (key: string, over: Partial<Parameters<typeof interpretKey>[0]> = {}) =>
    interpretKey({ key, isComposing: false, inTextField: false, ...over }, 4);
  it("Home, End, PageUp, PageDown jump in the list", () => {
    expect(k("Home")).toEqual({ kind: "jump", to: "home" });
    expect(k("End")).toEqual({ kind: "jump", to: "end" });
    expect(k("PageUp")).toEqual({ kind: "jump", to: "page-up" });
    expect(k("PageDown")).toEqual({ kind: "jump", to: "page-down" });
  });
  it("they do nothing while an IME composes or in a text field", () => {
    expect(k("End", { isComposing: true })).toBeNull();
    expect(k("Home", { inTextField: true })).toBeNull();
  });
});
