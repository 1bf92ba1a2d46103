import { describe, expect, it } from "vitest";
import type { AssessmentSummary } from "../lib/bindings";
import { groupByOrganisation, kindMessageId, progressPercent } from "./overview";

const assessment = (over: Partial<AssessmentSummary>): AssessmentSummary => ({
  id: 1,
  organisation_id: 1,
  organisation_name: "架空市",
  title: "自己点検",
  fiscal_year: 2026,
  fiscal_year_label: "令和8年度",
  kind: "self_inspection",
  checklist_id: "self-staff",
  department_count: 3,
  item_count: 10,
  answered_count: 4,
  finding_count: 0,
  ...over,
});

describe("groupByOrganisation", () => {
  it("keeps the organisations' order and puts the newest fiscal year first", () => {
    const orgs = [
      { id: 2, name: "架空町" },
      { id: 1, name: "架空市" },
    ];
    const list = [
      assessment({ id: 10, organisation_id: 1, fiscal_year: 2025 }),
      assessment({ id: 11, organisation_id: 1, fiscal_year: 2026 }),
      assessment({ id: 12, organisation_id: 2, organisation_name: "架空町" }),
    ];
    const groups = groupByOrganisation(orgs, list);
    expect(groups.map((g) => g.organisation.name)).toEqual(["架空町", "架空市"]);
    expect(groups[1].assessments.map((a) => a.id)).toEqual([11, 10]);
  });

  it("lists organisations without assessments", () => {
    const groups = groupByOrganisation([{ id: 5, name: "架空村" }], []);
    expect(groups).toEqual([{ organisation: { id: 5, name: "架空村" }, assessments: [] }]);
  });

  it("shows an assessment whose organisation is not listed under its own name", () => {
    const groups = groupByOrganisation([], [assessment({ organisation_id: 9, organisation_name: "架空郡" })]);
    expect(groups[0].organisation).toEqual({ id: 9, name: "架空郡" });
  });

  it("is empty for an empty store", () => {
    expect(groupByOrganisation([], [])).toEqual([]);
  });
});

describe("progressPercent", () => {
  it.each([
    [0, 0, 0],
    [0, 10, 0],
    [5, 10, 50],
    [199, 200, 99],
    [10, 10, 100],
    [12, 10, 100],
    [-1, 10, 0],
  ])("%i of %i → %i%%", (answered, total, expected) => {
    expect(progressPercent(answered, total)).toBe(expected);
  });
});

describe("kindMessageId", () => {
  it.each([
    ["self_inspection", "kind-self_inspection"],
    ["internal_audit", "kind-internal_audit"],
    ["external_audit", "kind-external_audit"],
    ["something_else", "kind-unknown"],
  ])("%s → %s", (kind, id) => {
    expect(kindMessageId(kind)).toBe(id);
  });
});
