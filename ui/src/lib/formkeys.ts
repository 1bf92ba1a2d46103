// Enter in the app's forms: a one-line field never submits (so the Enter that ends a Japanese
// IME conversion, or a stray Enter, never saves a half-written record); Ctrl/⌘+Enter submits.
// Shared by every form that saves records (findings, evidence). enterAction is pure and tested.

/** What Enter does in the form: text inputs never submit (IME-safe); Ctrl/⌘+Enter submits. */
export type EnterAction = "submit" | "block" | "pass";

export function enterAction(e: {
  key: string;
  isComposing: boolean;
  keyCode?: number;
  ctrlKey?: boolean;
  metaKey?: boolean;
  target: "input" | "textarea" | "other";
}): EnterAction {
  if (e.key !== "Enter") return "pass";
  // The Enter that confirms an IME conversion (WebKit reports keyCode 229 for it) is the IME's.
  if (e.isComposing || e.keyCode === 229) return "pass";
  if (e.ctrlKey || e.metaKey) return "submit";
  // Implicit submission from a one-line field would save a half-written finding.
  return e.target === "input" ? "block" : "pass";
}

/** Where a key press went, for enterAction. */
export function keyTarget(target: EventTarget | null): "input" | "textarea" | "other" {
  if (target instanceof HTMLTextAreaElement) return "textarea";
  if (target instanceof HTMLInputElement) return "input";
  return "other";
}

/** A form's keydown handler: blocks implicit submission, runs `submit` on Ctrl/⌘+Enter. */
export function onFormKeydown(event: KeyboardEvent, submit: () => void): void {
  const action = enterAction({
    key: event.key,
    isComposing: event.isComposing,
    keyCode: event.keyCode,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    target: keyTarget(event.target),
  });
  if (action === "block") event.preventDefault();
  else if (action === "submit") {
    event.preventDefault();
    submit();
  }
}
