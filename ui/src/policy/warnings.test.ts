import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createBundle, formatMessage, type MessageArgs } from "../lib/fluent";
import { localizeWarning, warningMessage } from "./warnings";

const en = createBundle("en", readFileSync(new URL("../../../locales/en/ui.ftl", import.meta.url), "utf8"));
const ja = createBundle("ja", readFileSync(new URL("../../../locales/ja/ui.ftl", import.meta.url), "utf8"));
const tEn = (id: string, args?: MessageArgs) => formatMessage(en, id, args, (p) => expect.fail(p));
const tJa = (id: string, args?: MessageArgs) => formatMessage(ja, id, args, (p) => expect.fail(p));

describe("policy parse warnings in the UI language", () => {
  const stored = [
    "12行目: 「第3条」は直前の「第5条」より前の番号のため、本文として扱いました",
    "40行目: 番号が連続していません（「第7条」の次が「第9条」）",
    "41行目: 「(2)」の上位の項目（号）が見つかりません",
    "900行目: ほかに 17 件の警告を省略しました",
  ];
  it("reads every form tenken-policy writes", () => {
    expect(stored.map((s) => warningMessage(s)?.id)).toEqual(["pw-out-of-order", "pw-gap", "pw-no-parent", "pw-more"]);
    expect(warningMessage(stored[1])?.args).toEqual({ line: 40, previous: "第7条", label: "第9条" });
  });
  it("says them in English with no Japanese sentence left", () => {
    const out = stored.map((s) => localizeWarning(s, tEn));
    expect(out[0]).toContain("Line 12");
    expect(out[1]).toContain("第9条");
    for (const o of out) expect(o).not.toMatch(/行目|ません|ました/);
  });
  it("gives the same text back in Japanese", () => {
    expect(stored.map((s) => localizeWarning(s, tJa))).toEqual(stored);
  });
  it("shows an unknown form as stored", () => {
    expect(localizeWarning("何か別の警告", tEn)).toBe("何か別の警告");
  });
});
