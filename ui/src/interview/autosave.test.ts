import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AutoSaver } from "./autosave";

describe("AutoSaver", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("saves once, after the last keystroke, with the last text", async () => {
    const saved: [string, string][] = [];
    const s = new AutoSaver(async (k, t) => void saved.push([k, t]), 200);
    s.change("A-1", "鍵");
    await vi.advanceTimersByTimeAsync(100);
    s.change("A-1", "鍵の管理");
    await vi.advanceTimersByTimeAsync(199);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual([["A-1", "鍵の管理"]]);
    expect(s.dirty).toBe(false);
  });

  it("flush saves pending text at once (closing the window, switching department)", async () => {
    const saved: string[] = [];
    const s = new AutoSaver(async (_k, t) => void saved.push(t), 10_000);
    s.change("A-1", "途中のメモ");
    s.change("A-2", "別の項目");
    expect(s.dirty).toBe(true);
    await s.flush();
    expect(saved.sort()).toEqual(["別の項目", "途中のメモ"].sort());
    expect(s.dirty).toBe(false);
  });

  it("never overlaps saves of one field and the newest text wins", async () => {
    const order: string[] = [];
    let release: () => void = () => {};
    const s = new AutoSaver(
      (_k, t) =>
        new Promise<void>((res) => {
          order.push(`start ${t}`);
          release = () => {
            order.push(`end ${t}`);
            res();
          };
        }),
      10,
    );
    s.change("A-1", "一");
    await vi.advanceTimersByTimeAsync(10); // first save running
    s.change("A-1", "一二");
    await vi.advanceTimersByTimeAsync(10); // second waits for the first
    expect(order).toEqual(["start 一"]);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(["start 一", "end 一", "start 一二"]);
    release();
    await s.flush();
    expect(order.at(-1)).toBe("end 一二");
  });

  it("keeps the text after a failed save, reports it, and saves it on the next flush", async () => {
    const states: string[] = [];
    let fail = true;
    const saved: string[] = [];
    const s = new AutoSaver(
      async (_k, t) => {
        if (fail) throw new Error("disk full");
        saved.push(t);
      },
      10,
      (_k, st) => states.push(st),
    );
    s.change("A-1", "大事なメモ");
    await vi.advanceTimersByTimeAsync(10);
    expect(states).toContain("failed");
    expect(s.dirty).toBe(true);
    fail = false;
    await s.flush();
    expect(saved).toEqual(["大事なメモ"]);
    expect(states.at(-1)).toBe("saved");
  });
});
