import { describe, expect, it } from "vitest";
import type { Finding } from "../lib/bindings";
import {
  addDays,
  dueState,
  filterFindings,
  isFiltered,
  isoDate,
  matches,
  NO_FILTER,
  shorten,
  type FindingFilter,
} from "./filter";

function finding(over: Partial<Finding>): Finding {
  return {
    id: 1,
    assessment_id: 1,
    number: 1,
    department_id: 1,
    department: "総務課",
    item_id: null,
    cited_clause: "第8条",
    fact: "事実",
    risk: "",
    recommendation: "",
    classification: "minor",
    priority: "medium",
    due_date: null,
    owner: "",
    status: "open",
    follows_up: null,
    created_at: "2026-05-01T00:00:00.000Z",
    updated_at: "2026-05-01T00:00:00.000Z",
    ...over,
  };
}

const TODAY = "2026-06-15";

describe("dates", () => {
  it("formats the local date", () => {
    expect(isoDate(new Date(2027, 0, 5, 23, 59))).toBe("2027-01-05");
  });

  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2026-06-15", 30)).toBe("2026-07-15");
    expect(addDays("2026-12-20", 30)).toBe("2027-01-19");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2026-03-31", 1)).toBe("2026-04-01");
    expect(addDays("2026-04-01", -1)).toBe("2026-03-31");
  });

  it("refuses malformed dates", () => {
    expect(addDays("", 1)).toBeNull();
    expect(addDays("2026/06/15", 1)).toBeNull();
    expect(addDays("令和8年6月15日", 1)).toBeNull();
  });
});

describe("dueState", () => {
  it("has no state without a date", () => {
    expect(dueState(finding({ due_date: null }), TODAY)).toBe("none");
    expect(dueState(finding({ due_date: "" }), TODAY)).toBe("none");
  });

  it("is overdue only from the day after the due date", () => {
    expect(dueState(finding({ due_date: "2026-06-14" }), TODAY)).toBe("overdue");
    expect(dueState(finding({ due_date: TODAY }), TODAY)).toBe("soon");
  });

  it("is soon up to and including 30 days ahead", () => {
    expect(dueState(finding({ due_date: "2026-07-15" }), TODAY)).toBe("soon");
    expect(dueState(finding({ due_date: "2026-07-16" }), TODAY)).toBe("later");
  });

  it("never calls a finding that is 完了 overdue or soon", () => {
    expect(dueState(finding({ due_date: "2020-01-01", status: "done" }), TODAY)).toBe("closed");
    expect(dueState(finding({ due_date: TODAY, status: "done" }), TODAY)).toBe("closed");
  });

  it("treats 継続 and 対応中 like open findings", () => {
    expect(dueState(finding({ due_date: "2026-01-01", status: "continued" }), TODAY)).toBe("overdue");
    expect(dueState(finding({ due_date: "2026-01-01", status: "in_progress" }), TODAY)).toBe("overdue");
  });
});

describe("filterFindings", () => {
  const list = [
    finding({ id: 1, number: 1, department_id: 1, classification: "major", status: "open", due_date: "2026-06-01" }),
    finding({
      id: 2,
      number: 2,
      department_id: 2,
      classification: "minor",
      status: "in_progress",
      due_date: "2026-06-20",
    }),
    finding({ id: 3, number: 3, department_id: 1, classification: "minor", status: "done", due_date: "2026-05-01" }),
    finding({ id: 4, number: 4, department_id: 2, classification: "observation", status: "continued", due_date: null }),
    finding({ id: 5, number: 5, department_id: 1, classification: "major", status: "open", due_date: "2027-03-31" }),
  ];
  const ids = (filter: Partial<FindingFilter>) =>
    filterFindings(list, { ...NO_FILTER, ...filter }, TODAY).map((f) => f.id);

  it("keeps everything without a filter, in order", () => {
    expect(ids({})).toEqual([1, 2, 3, 4, 5]);
    expect(isFiltered(NO_FILTER)).toBe(false);
  });

  it("filters by department, classification and status", () => {
    expect(ids({ departmentId: 1 })).toEqual([1, 3, 5]);
    expect(ids({ classification: "minor" })).toEqual([2, 3]);
    expect(ids({ status: "open" })).toEqual([1, 5]);
    expect(ids({ status: "continued" })).toEqual([4]);
  });

  it("filters by due date", () => {
    expect(ids({ due: "overdue" })).toEqual([1]);
    expect(ids({ due: "soon" })).toEqual([2]);
    expect(ids({ due: "none" })).toEqual([4]);
  });

  it("combines filters with AND", () => {
    expect(ids({ departmentId: 1, classification: "major" })).toEqual([1, 5]);
    expect(ids({ departmentId: 1, classification: "major", due: "overdue" })).toEqual([1]);
    expect(ids({ departmentId: 2, status: "done" })).toEqual([]);
    expect(isFiltered({ ...NO_FILTER, due: "none" })).toBe(true);
  });

  it("handles an empty list and an unknown department", () => {
    expect(filterFindings([], NO_FILTER, TODAY)).toEqual([]);
    expect(ids({ departmentId: 999 })).toEqual([]);
  });

  it("matches a single finding", () => {
    expect(matches(list[0], { ...NO_FILTER, classification: "minor" }, TODAY)).toBe(false);
  });
});

describe("shorten", () => {
  it("keeps short text and flattens line breaks", () => {
    expect(shorten("短い", 10)).toBe("短い");
    expect(shorten(" 一行目\n二行目 ", 10)).toBe("一行目 二行目");
    expect(shorten("", 5)).toBe("");
  });

  it("cuts long text with an ellipsis within the limit", () => {
    expect(shorten("あいうえおかきくけこ", 5)).toBe("あいうえ…");
    expect(shorten("あいうえお", 5)).toBe("あいうえお");
    expect([...shorten("あ".repeat(100), 40)].length).toBe(40);
  });

  it("never splits a surrogate pair", () => {
    expect(shorten("𠮷𠮷𠮷𠮷", 3)).toBe("𠮷𠮷…");
  });
});
