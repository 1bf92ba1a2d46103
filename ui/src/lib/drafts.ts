// Drafts: every change of a text field is written at once to the data folder's drafts.json
// (through the shell), before the debounced save reaches the store, so text typed just before
// the window closes (or the app is killed) is restored at the next start. Writes carry an
// increasing sequence number so a late IPC call never replaces newer text; "saved" is an
// empty draft with the sequence number of the text that was saved.
import { saveDraft } from "./ipc";

let last = 0;

/** A sequence number above every earlier one, also across restarts (µs since 1970). */
export function nextSeq(now: number = Date.now()): number {
  last = Math.max(now * 1000, last + 1);
  return last;
}

/** Keeps `text` as the draft of `key`; returns the change's sequence number. */
export function keepDraft(key: string, text: string): number {
  const seq = nextSeq();
  void saveDraft(key, text, seq).catch(() => {});
  return seq;
}

/** Marks the draft of `key` saved up to change `seq` (later changes stay). */
export function draftSaved(key: string, seq: number): Promise<void> {
  return saveDraft(key, "", seq).catch(() => {});
}
