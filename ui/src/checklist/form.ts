// Pure helpers of the checklist screen: defaults and the department list. Tested in form.test.ts.

/** The fiscal year (年度, April–March) a date falls in. */
export function fiscalYearOf(d: Date): number {
  return d.getMonth() >= 3 ? d.getFullYear() : d.getFullYear() - 1;
}

/**
 * Department names typed one per line (or separated by 、 or commas): trimmed, blanks
 * dropped, first occurrence kept. Returns the names and the duplicates that were dropped.
 */
export function parseDepartments(text: string): { names: string[]; duplicates: string[] } {
  const names: string[] = [];
  const duplicates: string[] = [];
  for (const raw of text.split(/[\n,、，]/)) {
    const n = raw.trim();
    if (n === "") continue;
    if (names.includes(n)) duplicates.push(n);
    else names.push(n);
  }
  return { names, duplicates };
}

/** The assessment kind that matches a checklist's scale. */
export function kindForScale(scale: string): "internal_audit" | "self_inspection" {
  return scale === "audit" ? "internal_audit" : "self_inspection";
}
