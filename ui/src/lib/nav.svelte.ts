// Where the window is: one screen at a time, with the organisation / assessment it is about.
// Plain state (no URL router): the webview has no address bar and nothing to bookmark.

export type Screen =
  | { name: "start" }
  | { name: "policy"; organisationId: number }
  | { name: "checklist"; organisationId: number }
  | { name: "dashboard"; assessmentId: number }
  | { name: "scope"; assessmentId: number }
  | { name: "interview"; assessmentId: number; departmentId?: number }
  | { name: "evidence"; assessmentId: number }
  | { name: "findings"; assessmentId: number }
  | { name: "sheets"; assessmentId: number }
  | { name: "report"; assessmentId: number }
  | { name: "team"; assessmentId: number }
  | { name: "settings" };

class Nav {
  screen = $state<Screen>({ name: "start" });

  go(screen: Screen): void {
    this.screen = screen;
    // Move focus to the new screen's content for keyboard and screen-reader users.
    // The new screen opens at its top, with the header in view (focus alone would scroll).
    queueMicrotask(() => {
      document.getElementById("main")?.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    });
  }
}

export const nav = new Nav();

/** The assessment the current screen belongs to, if any. */
export function currentAssessment(s: Screen): number | null {
  return "assessmentId" in s ? s.assessmentId : null;
}
