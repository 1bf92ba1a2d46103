// Shapes of the data the shell's commands return (see src-tauri/src/commands/).
// They mirror tenken-core's serde output; keep in step with
// crates/tenken-core (Organisation, AssessmentSummary) until the types are generated from Rust.

export type Lang = "ja" | "en";

export const LANGS: readonly Lang[] = ["ja", "en"];

export type AssessmentKind = "self_inspection" | "internal_audit" | "external_audit";

export interface Organisation {
  id: number;
  name: string;
}

export interface AssessmentSummary {
  id: number;
  organisation_id: number;
  organisation_name: string;
  title: string;
  fiscal_year: number;
  /** 和暦 label from the core, e.g. 令和8年度 */
  fiscal_year_label: string;
  kind: AssessmentKind | string;
  department_count: number;
  item_count: number;
  answered_count: number;
}

/** What every failed command rejects with: a stable code and a localized message. */
export interface CommandError {
  code: string;
  message: string;
}
