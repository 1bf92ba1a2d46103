import { describe, expect, it } from "vitest";
import type { Evidence, Finding } from "../lib/bindings";
import {
  blankFields,
  checkEdit,
  checkFields,
  cleanEdit,
  editOf,
  evidenceCountFor,
  firstProblem,
  hasProblems,
  isDate,
  toNewFinding,
} from "./form";

const finding: Finding = {
  id: 7,
  assessment_id: 1,
  number: 3,
  department_id: 2,
  department: "情報政策課",
  item_id: "A-1",
  cited_clause: "第8条第4号",
  fact: "入退室記録がない",
  risk: "不正侵入を検知できない",
  recommendation: "記録簿を備える",
  classification: "minor",
  priority: "high",
  due_date: null,
  owner: "課長",
  status: "open",
  follows_up: null,
  created_at: "",
  updated_at: "",
};

describe("isDate", () => {
  it("accepts real dates only", () => {
    expect(isDate("2026-04-01")).toBe(true);
    expect(isDate("2028-02-29")).toBe(true);
    expect(isDate("2027-02-29")).toBe(false);
    expect(isDate("2026-13-01")).toBe(false);
    expect(isDate("2026-4-1")).toBe(false);
    expect(isDate("")).toBe(false);
  });
});

describe("new finding", () => {
  it("starts blank with the department and citation given", () => {
    const f = blankFields(4, "6(4)");
    expect(f.departmentId).toBe(4);
    expect(f.citedClause).toBe("6(4)");
    expect(f.priority).toBe("medium");
    expect(f.classification).toBe("");
  });

  it("requires department, fact and classification", () => {
    const p = checkFields(blankFields(null));
    expect(p).toEqual({ department: "required", fact: "required", classification: "required" });
    expect(firstProblem(p)).toBe("department");
  });

  it("treats whitespace-only text as missing (full-width space too)", () => {
    const p = checkFields({ ...blankFields(1), fact: " \u3000\n", classification: "major" });
    expect(p).toEqual({ fact: "required" });
    expect(firstProblem(p)).toBe("fact");
  });

  it("checks the due date only when given", () => {
    const ok = { ...blankFields(1), fact: "x", classification: "major" };
    expect(hasProblems(checkFields(ok))).toBe(false);
    expect(checkFields({ ...ok, dueDate: "2026-02-30" })).toEqual({ dueDate: "date" });
    expect(checkFields({ ...ok, dueDate: "2027-03-31" })).toEqual({});
  });

  it("builds the command's NewFinding, trimmed, department by id", () => {
    const n = toNewFinding(
      {
        ...blankFields(2, " 第8条 "),
        fact: " 事実 ",
        risk: "r",
        recommendation: "",
        classification: "minor",
        priority: "low",
        dueDate: "2027-03-31",
        owner: " 担当 ",
      },
      "A-1",
    );
    expect(n).toEqual({
      department: "2",
      item_id: "A-1",
      cited_clause: "第8条",
      fact: "事実",
      risk: "r",
      recommendation: "",
      classification: "minor",
      priority: "low",
      due_date: "2027-03-31",
      owner: "担当",
      status: null,
      follows_up: null,
    });
  });

  it("leaves an empty clause and due date to the core", () => {
    const n = toNewFinding({ ...blankFields(2, "  "), fact: "x", classification: "major" }, null);
    expect(n.cited_clause).toBeNull();
    expect(n.due_date).toBeNull();
    expect(n.item_id).toBeNull();
  });
});

describe("edit", () => {
  it("starts from the finding, an absent due date as empty", () => {
    const e = editOf(finding);
    expect(e.due_date).toBe("");
    expect(e.status).toBe("open");
    expect(e.classification).toBe("minor");
    expect(editOf({ ...finding, due_date: "2027-01-31" }).due_date).toBe("2027-01-31");
  });

  it("refuses 完了 without evidence, allows it with", () => {
    const e = { ...editOf(finding), status: "done" as const };
    expect(checkEdit(e, finding, 0)).toEqual({ status: "needs-evidence" });
    expect(checkEdit(e, finding, 1)).toEqual({});
  });

  it("lets a finding that already was 完了 be edited", () => {
    const done = { ...finding, status: "done" as const };
    expect(checkEdit(editOf(done), done, 0)).toEqual({});
  });

  it("still requires fact and classification and a real date", () => {
    const e = { ...editOf(finding), fact: "", classification: "", due_date: "明日" };
    expect(checkEdit(e, finding, 0)).toEqual({ fact: "required", classification: "required", dueDate: "date" });
  });

  it("trims text fields", () => {
    const e = cleanEdit({ ...editOf(finding), fact: " a ", owner: " b ", due_date: " 2027-01-01 " });
    expect([e.fact, e.owner, e.due_date]).toEqual(["a", "b", "2027-01-01"]);
  });
});

describe("evidenceCountFor", () => {
  const ev = (links: Evidence["links"]) => ({ links });
  it("counts evidence records linked to the finding", () => {
    const list = [
      ev([{ kind: "finding", finding_id: 7, number: 3 }]),
      ev([{ kind: "response", department: "総務課", item_id: "A-1" }]),
      ev([
        { kind: "response", department: "総務課", item_id: "A-2" },
        { kind: "finding", finding_id: 7, number: 3 },
      ]),
      ev([{ kind: "finding", finding_id: 8, number: 4 }]),
    ];
    expect(evidenceCountFor(7, list)).toBe(2);
    expect(evidenceCountFor(99, list)).toBe(0);
    expect(evidenceCountFor(7, [])).toBe(0);
  });
});
