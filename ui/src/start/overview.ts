// What the start screen shows, computed from the two lists the shell returns.
import type { AssessmentSummary, Organisation } from "../lib/bindings";

/** What the start screen needs of an organisation. */
export type OrganisationRef = Pick<Organisation, "id" | "name">;

export interface OrganisationOverview {
  organisation: OrganisationRef;
  assessments: AssessmentSummary[];
}

/**
 * One entry per organisation (in the order the core lists them), each with its assessments,
 * newest fiscal year first. An assessment whose organisation is not in the list still shows,
 * under its `organisation_name`.
 */
export function groupByOrganisation(
  organisations: readonly OrganisationRef[],
  assessments: readonly AssessmentSummary[],
): OrganisationOverview[] {
  const byId = new Map<number, OrganisationOverview>();
  for (const organisation of organisations) {
    byId.set(organisation.id, { organisation, assessments: [] });
  }
  for (const a of assessments) {
    let entry = byId.get(a.organisation_id);
    if (entry === undefined) {
      entry = { organisation: { id: a.organisation_id, name: a.organisation_name }, assessments: [] };
      byId.set(a.organisation_id, entry);
    }
    entry.assessments.push(a);
  }
  const result = [...byId.values()];
  for (const entry of result) {
    entry.assessments.sort(
      (x, y) => y.fiscal_year - x.fiscal_year || x.title.localeCompare(y.title, "ja") || x.id - y.id,
    );
  }
  return result;
}

/** Whole percent of answered items, rounded down so 99.6% never reads as 100%. */
export function progressPercent(answered: number, total: number): number {
  if (!(total > 0) || !(answered > 0)) return 0;
  return Math.min(100, Math.floor((answered * 100) / total));
}

const KINDS = new Set(["self_inspection", "internal_audit", "external_audit"]);

/** Fluent message id for an assessment kind (自己点検 / 内部監査 / 外部監査). */
export function kindMessageId(kind: string): string {
  return KINDS.has(kind) ? `kind-${kind}` : "kind-unknown";
}
