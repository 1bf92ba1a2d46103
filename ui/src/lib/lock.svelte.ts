// Lock state of an encrypted store, shared by the frame (unlock screen or the screens),
// the header's "lock now" button and Settings (auto-lock time). Auto-lock: after
// `autolock_seconds` without a key press, click, wheel or pointer move, the text being typed
// is flushed to the drafts file (blur, then a short wait for the draft IPC calls), the store
// is closed and the unlock screen comes back. Drafts are restored after unlocking.
import type { LockInfo } from "./bindings";
import { lockState, lockStore, recoverStore, setAutolock, setRemember, unlockStore } from "./ipc";

class Lock {
  info = $state<LockInfo | null>(null);
  /** Increases on every unlock, so that the screens are rebuilt (and reload drafts). */
  generation = $state(0);
  /** True when the last lock came from idle time (the unlock screen says so). */
  auto = $state(false);
  #last = Date.now();
  #timer: ReturnType<typeof setInterval> | null = null;

  get locked(): boolean {
    return this.info?.state === "locked";
  }

  get encrypted(): boolean {
    return this.info !== null && this.info.state !== "plain";
  }

  async refresh(): Promise<LockInfo> {
    this.info = await lockState();
    return this.info;
  }

  async unlock(passphrase: string, remember = false): Promise<void> {
    this.#opened(await unlockStore(passphrase, remember));
  }

  /** The passphrase was forgotten: the recovery key sets a new one and opens the store (or,
   *  from Settings, keeps it open). */
  async recover(recoveryKey: string, newPassphrase: string): Promise<void> {
    const wasLocked = this.locked;
    const info = await recoverStore(recoveryKey, newPassphrase);
    // From Settings (already open): the screens stay as they are.
    if (wasLocked) this.#opened(info);
    else this.info = info;
  }

  /** "Remember on this computer" on or off (the OS keychain). */
  async setRemember(on: boolean): Promise<void> {
    this.info = await setRemember(on);
  }

  #opened(info: LockInfo): void {
    this.info = info;
    this.auto = false;
    this.generation += 1;
    this.#last = Date.now();
  }

  async lockNow(auto = false): Promise<void> {
    // Flush what is being typed: leaving the field runs its change handlers; the draft IPC
    // calls already sent get a moment to reach drafts.json before the store closes.
    const active = document.activeElement;
    if (active instanceof HTMLElement) active.blur();
    await new Promise((r) => setTimeout(r, 300));
    this.info = await lockStore();
    this.auto = auto;
  }

  async setMinutes(minutes: number): Promise<void> {
    this.info = await setAutolock(minutes);
  }

  /** Starts watching for activity (once). */
  watch(): void {
    if (this.#timer !== null) return;
    const touch = () => {
      this.#last = Date.now();
    };
    for (const ev of ["keydown", "pointerdown", "pointermove", "wheel", "input"]) {
      window.addEventListener(ev, touch, { capture: true, passive: true });
    }
    this.#timer = setInterval(() => {
      const info = this.info;
      if (info === null || info.state !== "unlocked" || info.autolock_seconds <= 0) return;
      if (Date.now() - this.#last >= info.autolock_seconds * 1000) {
        this.#last = Date.now();
        void this.lockNow(true).catch(() => {});
      }
    }, 1000);
  }
}

export const lock = new Lock();
