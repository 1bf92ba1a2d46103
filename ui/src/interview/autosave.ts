// Autosave of notes as they are typed: no save button. Each change is saved `delayMs` after the
// last keystroke of that field, immediately on `flush()` (leaving the field, switching item or
// department, closing the window). Saves of one field never overlap and the last text wins.
// Pure (timers injected), unit-tested in autosave.test.ts.

export type SaveFn = (key: string, text: string) => Promise<void>;
export type SaveState = "saved" | "pending" | "saving" | "failed";

export class AutoSaver {
  #pending = new Map<string, string>();
  #timers = new Map<string, ReturnType<typeof setTimeout>>();
  #running = new Map<string, Promise<void>>();
  #save: SaveFn;
  #delayMs: number;
  #onState: (key: string, state: SaveState, error?: unknown) => void;

  constructor(
    save: SaveFn,
    delayMs = 200,
    onState: (key: string, state: SaveState, error?: unknown) => void = () => {},
  ) {
    this.#save = save;
    this.#delayMs = delayMs;
    this.#onState = onState;
  }

  /** Records new text for `key`; it is saved after the delay unless changed again. */
  change(key: string, text: string): void {
    this.#pending.set(key, text);
    this.#onState(key, "pending");
    const t = this.#timers.get(key);
    if (t !== undefined) clearTimeout(t);
    this.#timers.set(
      key,
      setTimeout(() => void this.#write(key), this.#delayMs),
    );
  }

  /** Whether anything is not yet saved. */
  get dirty(): boolean {
    return this.#pending.size > 0 || this.#running.size > 0;
  }

  /** Saves everything pending now; resolves when all saves have finished. */
  async flush(): Promise<void> {
    const keys = [...this.#pending.keys()];
    await Promise.all(keys.map((k) => this.#write(k)));
    await Promise.all([...this.#running.values()]);
  }

  async #write(key: string): Promise<void> {
    const t = this.#timers.get(key);
    if (t !== undefined) clearTimeout(t);
    this.#timers.delete(key);
    // Wait for an earlier save of the same field, so saves never overlap or reorder.
    const before = this.#running.get(key);
    if (before !== undefined) await before.catch(() => {});
    if (!this.#pending.has(key)) return;
    const text = this.#pending.get(key) as string;
    this.#pending.delete(key);
    this.#onState(key, "saving");
    const p = this.#save(key, text);
    this.#running.set(key, p);
    try {
      await p;
      if (!this.#pending.has(key)) this.#onState(key, "saved");
    } catch (err) {
      // Keep the text so the next change or flush tries again; tell the UI.
      if (!this.#pending.has(key)) this.#pending.set(key, text);
      this.#onState(key, "failed", err);
    } finally {
      if (this.#running.get(key) === p) this.#running.delete(key);
    }
  }
}
