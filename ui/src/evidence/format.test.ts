import { describe, expect, it } from "vitest";
import { fileName, formatBytes, formatTimestamp, groupDigits, percentOf } from "./format";

describe("groupDigits", () => {
  it("groups thousands", () => {
    expect(groupDigits(0)).toBe("0");
    expect(groupDigits(999)).toBe("999");
    expect(groupDigits(1000)).toBe("1,000");
    expect(groupDigits(1234567)).toBe("1,234,567");
    expect(groupDigits(-1234)).toBe("-1,234");
  });
  it("drops fractions and shows non-finite values as they are", () => {
    expect(groupDigits(1234.9)).toBe("1,234");
    expect(groupDigits(Number.NaN)).toBe("NaN");
  });
});

describe("formatBytes", () => {
  it("shows small sizes in bytes", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(1)).toBe("1 B");
    expect(formatBytes(1023)).toBe("1023 B");
  });
  it("uses binary units with one decimal below 100", () => {
    expect(formatBytes(1024)).toBe("1.0 KB");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(5 * 1024 * 1024)).toBe("5.0 MB");
    expect(formatBytes(123 * 1024 * 1024)).toBe("123 MB");
    expect(formatBytes(1024 ** 3)).toBe("1.0 GB");
  });
  it("never shows 1024 of a unit", () => {
    expect(formatBytes(1024 * 1024 - 1)).toBe("1.0 MB");
    expect(formatBytes(1024 ** 3 - 1)).toBe("1.0 GB");
  });
  it("stops at TB", () => {
    expect(formatBytes(2048 * 1024 ** 4)).toBe("2,048 TB");
  });
  it("shows a dash for nonsense", () => {
    expect(formatBytes(-1)).toBe("—");
    expect(formatBytes(Number.NaN)).toBe("—");
  });
});

describe("formatTimestamp", () => {
  it("converts UTC to the given local offset", () => {
    expect(formatTimestamp("2026-05-01T01:02:03.456Z", 540)).toBe("2026-05-01 10:02");
    expect(formatTimestamp("2026-03-31T15:30:00Z", 540)).toBe("2026-04-01 00:30");
    expect(formatTimestamp("2026-05-01T01:02:03Z", 0)).toBe("2026-05-01 01:02");
    expect(formatTimestamp("2026-05-01T01:02:03Z", -300)).toBe("2026-04-30 20:02");
  });
  it("returns text that is not a time stamp unchanged", () => {
    expect(formatTimestamp("")).toBe("");
    expect(formatTimestamp("昨日")).toBe("昨日");
  });
  it("uses the machine's offset by default", () => {
    expect(formatTimestamp("2026-05-01T01:02:03Z")).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });
});

describe("fileName", () => {
  it("takes the last component of POSIX and Windows paths", () => {
    expect(fileName("/home/a/スキャン 01.pdf")).toBe("スキャン 01.pdf");
    expect(fileName("C:\\Users\\監査\\log.csv")).toBe("log.csv");
    expect(fileName("\\\\server\\share\\x.txt")).toBe("x.txt");
    expect(fileName("plain.txt")).toBe("plain.txt");
    expect(fileName("/tmp/dir/")).toBe("dir");
  });
});

describe("percentOf", () => {
  it("rounds down and caps at 100", () => {
    expect(percentOf(0, 100)).toBe(0);
    expect(percentOf(50, 100)).toBe(50);
    expect(percentOf(996, 1000)).toBe(99);
    expect(percentOf(1000, 1000)).toBe(100);
    expect(percentOf(2000, 1000)).toBe(100);
  });
  it("is 0 while the total is unknown", () => {
    expect(percentOf(10, 0)).toBe(0);
    expect(percentOf(0, 0)).toBe(0);
  });
});
