import { describe, expect, it } from "vitest";
import { enterAction } from "./formkeys";

describe("enterAction", () => {
  const base = { key: "Enter", isComposing: false, target: "input" as const };
  it("blocks implicit submission from a one-line field", () => {
    expect(enterAction(base)).toBe("block");
  });
  it("leaves Enter in a textarea alone (a new line)", () => {
    expect(enterAction({ ...base, target: "textarea" })).toBe("pass");
  });
  it("never acts on the Enter that ends an IME composition", () => {
    expect(enterAction({ ...base, isComposing: true })).toBe("pass");
    expect(enterAction({ ...base, keyCode: 229 })).toBe("pass");
    expect(enterAction({ ...base, isComposing: true, ctrlKey: true, target: "textarea" })).toBe("pass");
  });
  it("submits on Ctrl+Enter or ⌘+Enter anywhere", () => {
    expect(enterAction({ ...base, ctrlKey: true, target: "textarea" })).toBe("submit");
    expect(enterAction({ ...base, metaKey: true })).toBe("submit");
  });
  it("ignores other keys", () => {
    expect(enterAction({ ...base, key: "a" })).toBe("pass");
  });
});
