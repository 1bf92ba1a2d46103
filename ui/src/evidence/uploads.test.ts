import { describe, expect, it } from "vitest";
import { busy, queueUploads, uploadPercent, withoutFinished, type Upload } from "./uploads";

describe("queueUploads", () => {
  it("makes one waiting row per file, titled by file name", () => {
    const rows = queueUploads(["/a/1.pdf", "C:\\b\\写真.jpg"], "", 5);
    expect(rows.map((r) => [r.key, r.name, r.title, r.state])).toEqual([
      [5, "1.pdf", "1.pdf", "waiting"],
      [6, "写真.jpg", "写真.jpg", "waiting"],
    ]);
  });

  it("uses a typed title for a single file only", () => {
    expect(queueUploads(["/a/1.pdf"], "  入退室記録簿（4月）  ", 0)[0].title).toBe("入退室記録簿（4月）");
    expect(queueUploads(["/a/1.pdf", "/a/2.pdf"], "共通", 0).map((r) => r.title)).toEqual(["1.pdf", "2.pdf"]);
    expect(queueUploads(["/a/1.pdf"], "   ", 0)[0].title).toBe("1.pdf");
  });

  it("returns nothing for no files", () => {
    expect(queueUploads([], "x", 0)).toEqual([]);
  });
});

describe("upload progress", () => {
  const row = (over: Partial<Upload>): Upload => ({ ...queueUploads(["/x"], "", 0)[0], ...over });

  it("reports percent from bytes, 100 when done", () => {
    expect(uploadPercent(row({ state: "copying", done: 50, total: 200 }))).toBe(25);
    expect(uploadPercent(row({ state: "copying", done: 0, total: 0 }))).toBe(0);
    expect(uploadPercent(row({ state: "done", done: 0, total: 0 }))).toBe(100);
  });

  it("is busy while a row waits or copies", () => {
    expect(busy([row({ state: "done" }), row({ state: "failed" })])).toBe(false);
    expect(busy([row({ state: "done" }), row({ state: "copying" })])).toBe(true);
    expect(busy([row({ state: "waiting" })])).toBe(true);
    expect(busy([])).toBe(false);
  });

  it("clears finished rows and keeps failures", () => {
    const rows = [row({ key: 1, state: "done" }), row({ key: 2, state: "failed" }), row({ key: 3, state: "copying" })];
    expect(withoutFinished(rows).map((r) => r.key)).toEqual([2, 3]);
  });
});
