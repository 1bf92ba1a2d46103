import { describe, expect, it } from "vitest";
import { packagePassphraseProblem } from "./passphrase";

describe("package passphrase typed twice", () => {
  it("needs 8 characters, counted as characters (not UTF-16 units or bytes)", () => {
    expect(packagePassphraseProblem("1234567", "1234567")).toBe("short");
    expect(packagePassphraseProblem("12345678", "12345678")).toBeNull();
    // 7 kanji are 21 bytes in UTF-8 but 7 characters; an emoji is 2 UTF-16 units.
    expect(packagePassphraseProblem("監査チーム合言", "監査チーム合言")).toBe("short");
    expect(packagePassphraseProblem("🔑🔑🔑🔑🔑🔑🔑", "🔑🔑🔑🔑🔑🔑🔑")).toBe("short");
    expect(packagePassphraseProblem("監査チームの合言葉", "監査チームの合言葉")).toBeNull();
  });
  it("needs both entries to be equal", () => {
    expect(packagePassphraseProblem("correct horse", "correct hors")).toBe("mismatch");
    expect(packagePassphraseProblem("correct horse", "")).toBe("mismatch");
  });
});
