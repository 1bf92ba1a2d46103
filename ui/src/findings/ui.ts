// Small helpers the findings components share (they need the DOM or the locale, so they are
// not in form.ts / filter.ts).
import type { FindingStatus, Priority } from "../lib/bindings";
import { locale } from "../lib/locale.svelte";
import type { FieldProblem } from "./form";

/** The message shown under a field with a problem. */
export function problemMessage(p: FieldProblem): string {
  switch (p) {
    case "required":
      return locale.t("fnd-problem-required");
    case "date":
      return locale.t("fnd-problem-date");
    case "needs-evidence":
      return locale.t("fnd-problem-needs-evidence");
  }
}

/** core.ftl keys use "-" where the Rust key has "_" (in_progress → status-in-progress). */
export const statusLabel = (s: FindingStatus): string => locale.t(`status-${s.replace(/_/g, "-")}`);
export const priorityLabel = (p: Priority): string => locale.t(`priority-${p}`);

/** The label of a class key of the assessment's preset (the key itself if unknown). */
export function classLabel(classes: readonly (readonly [string, string])[], key: string): string {
  return classes.find(([k]) => k === key)?.[1] ?? key;
}
