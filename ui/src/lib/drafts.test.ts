import { describe, expect, it, vi } from "vitest";

vi.mock("./ipc", () => ({ saveDraft: vi.fn(() => Promise.resolve()) }));
import { saveDraft } from "./ipc";
import { draftSaved, keepDraft, nextSeq } from "./drafts";

describe("drafts", () => {
  it("sequence numbers always increase, even within one millisecond or if the clock steps back", () => {
    const a = nextSeq(1_780_000_000_000);
    const b = nextSeq(1_780_000_000_000);
    const c = nextSeq(1_779_999_999_000);
    expect(b).toBeGreaterThan(a);
    expect(c).toBeGreaterThan(b);
    expect(nextSeq(1_780_000_000_001)).toBeGreaterThan(c);
  });
  it("every change is written at once; saved marks the draft with the saved change's number", async () => {
    const seq = keepDraft("note:1:2:AU-1", "途中");
    expect(saveDraft).toHaveBeenLastCalledWith("note:1:2:AU-1", "途中", seq);
    const later = keepDraft("note:1:2:AU-1", "途中のメモ");
    expect(later).toBeGreaterThan(seq);
    await draftSaved("note:1:2:AU-1", seq);
    expect(saveDraft).toHaveBeenLastCalledWith("note:1:2:AU-1", "", seq);
  });
});
