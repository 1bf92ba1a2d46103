import { describe, expect, it } from "vitest";
import { ItemCache, itemText, type PickItem } from "./items";

const item = (id: string): PickItem => ({ id, citation: "6(4)", question: "記録しているか。", area: "物理的" });

describe("ItemCache", () => {
  it("asks once per department", async () => {
    const calls: number[] = [];
    const cache = new ItemCache(async (d) => {
      calls.push(d);
      return [item(`D${d}`)];
    });
    const [a, b] = await Promise.all([cache.get(1), cache.get(1)]);
    expect(a).toBe(b);
    await cache.get(2);
    await cache.get(1);
    expect(calls).toEqual([1, 2]);
  });

  it("asks again after a failure", async () => {
    let fail = true;
    let calls = 0;
    const cache = new ItemCache(async () => {
      calls += 1;
      if (fail) throw { code: "unknown_department", message: "no" };
      return [item("A")];
    });
    await expect(cache.get(3)).rejects.toEqual({ code: "unknown_department", message: "no" });
    fail = false;
    expect((await cache.get(3)).map((i) => i.id)).toEqual(["A"]);
    expect(calls).toBe(2);
  });
});

describe("itemText", () => {
  it("joins citation and question", () => {
    expect(itemText(item("A"))).toBe("6(4) — 記録しているか。");
    expect(itemText({ ...item("A"), citation: " " })).toBe("記録しているか。");
  });
});
