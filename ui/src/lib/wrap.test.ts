import { describe, expect, it } from "vitest";
import { breakable } from "./wrap";

describe("breakable headings", () => {
  it("allows a break only after 的・の・と・及び", () => {
    expect(breakable("物理的セキュリティ", "ja").split("\u200b")).toEqual(["物理的", "セキュリティ"]);
    expect(breakable("業務委託と外部サービスの利用", "ja").split("\u200b")).toEqual([
      "業務委託と",
      "外部サービスの",
      "利用",
    ]);
    expect(breakable("監査及び自己点検", "ja").split("\u200b")).toEqual(["監査及び", "自己点検"]);
  });
  it("never breaks inside a word and leaves English alone", () => {
    for (const w of ["セキュリティ", "運用", "組織体制"]) expect(breakable(w, "ja")).toBe(w);
    expect(breakable("Physical security", "en")).toBe("Physical security");
  });
});
