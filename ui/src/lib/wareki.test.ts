import { describe, expect, it } from "vitest";
import { fiscalYearLabel, formatDate, parseDate } from "./wareki";

describe("和暦 display", () => {
  it("formats dates in the UI language, with 元年 and era boundaries", () => {
    expect(formatDate("2026-10-01", "ja")).toBe("令和8年10月1日");
    expect(formatDate("2019-05-01", "ja")).toBe("令和元年5月1日");
    expect(formatDate("2019-04-30", "ja")).toBe("平成31年4月30日");
    expect(formatDate("1989-01-07", "ja")).toBe("昭和64年1月7日");
    expect(formatDate("1989-01-08", "ja")).toBe("平成元年1月8日");
    expect(formatDate("2026-10-01", "en")).toBe("1 Oct 2026");
    expect(formatDate(null, "ja")).toBe("");
  });
  it("names the fiscal year in 和暦 with the Gregorian year beside it", () => {
    expect(fiscalYearLabel(2026, "ja")).toBe("令和8年度（2026年度）");
    expect(fiscalYearLabel(2019, "ja")).toBe("令和元年度（2019年度）");
    expect(fiscalYearLabel(2018, "ja")).toBe("平成30年度（2018年度）");
    expect(fiscalYearLabel(2026, "en")).toBe("FY2026 (Reiwa 8)");
  });
});

describe("和暦 input", () => {
  it.each([
    ["令和8年10月1日", "2026-10-01"],
    ["令和元年5月1日", "2019-05-01"],
    ["R8.10.1", "2026-10-01"],
    ["r08/10/01", "2026-10-01"],
    ["Ｒ８．１０．１", "2026-10-01"],
    ["H31.4.30", "2019-04-30"],
    ["平成31年4月30日", "2019-04-30"],
    ["2026-10-01", "2026-10-01"],
    ["2026/10/1", "2026-10-01"],
    ["２０２６年１０月１日", "2026-10-01"],
    ["20261001", "2026-10-01"],
    [" 令和 8年 10月 1日 ", "2026-10-01"],
  ])("reads %s", (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });
  it.each([
    ["平成31年5月1日"], // 令和 had begun
    ["令和1年4月30日"], // still 平成
    ["令和8年2月30日"],
    ["2026-13-01"],
    ["R0.1.1"],
    ["来週"],
    ["X8.10.1"],
  ])("refuses %s", (text) => {
    expect(parseDate(text)).toBeNull();
  });
  it("round-trips: what is shown can be typed back", () => {
    for (const iso of ["2019-05-01", "2019-04-30", "2026-04-01", "2027-03-31"]) {
      expect(parseDate(formatDate(iso, "ja"))).toBe(iso);
    }
  });
});
