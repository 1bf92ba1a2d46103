import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { FluentParser } from "@fluent/syntax";
import { describe, expect, it } from "vitest";
import { createBundle, FluentSourceError, formatMessage, messageIds, type MessageArgs } from "./fluent";
import { LANGS, type Lang } from "./types";

const read = (lang: Lang, file: string) =>
  readFileSync(fileURLToPath(new URL(`../../../locales/${lang}/${file}`, import.meta.url)), "utf8");
// The window's own files; the shell sends core.ftl (domain labels) before them.
const UI_FILES = ["ui.ftl", "ui-records.ftl", "ui-team.ftl"];
const source = (lang: Lang) => UI_FILES.map((f) => read(lang, f)).join("\n");
const windowSource = (lang: Lang) => [read(lang, "core.ftl"), source(lang)].join("\n");

// Arguments every message may use; formatting with them must produce no error.
const SAMPLE_ARGS: MessageArgs = {
  organisations: 2,
  assessments: 3,
  count: 1,
  organisation: "架空市",
  label: "令和8年度",
  year: "2026",
  answered: 12,
  total: 40,
  percent: 30,
  title: "令和8年度 情報セキュリティ自己点検",
  code: "store_newer_schema",
  kept: 250,
  left: 6,
  segments: "LGWAN接続系",
  sections: 2,
  topics: 1,
  citation: "第8条第4号",
  topic: "物理的セキュリティ",
  names: "総務課",
  kind: "内部監査",
  rated: 10,
  max: 4,
  numbers: "1, 2",
  n: 2,
  before: "LGWAN接続系",
  after: "—",
  // ui-records.ftl (evidence, findings, report, settings)
  number: 3,
  text: "来週",
  line: 12,
  previous: "第5条",
  parent: "号",
  link: "総務課 · AU-1",
  department: "総務課",
  path: "/home/kansa/tenken-recovery-key.txt",
  reason: "no secret service",
  fact: "入退室記録簿が備えられていない",
  shown: 5,
  done: "1.5 MB",
  size: "12.3 MB",
  bytes: "12,897,484",
  pages: "18",
  files: "1,204",
  name: "入退室記録簿.pdf",
  location: "総務課 書庫",
  date: "2026-05-01",
  item: "A-1-01",
  // issuing reports, notices, year comparison
  version: 2,
  folder: "/home/監査/通知",
  common: 240,
  now: 242,
  departments: 5,
  improved: 12,
  worsened: 3,
  // ui-team.ftl (the audit team)
  applied: 12,
  unchanged: 3,
  conflicts: 1,
};

describe("locales/*/ui.ftl and ui-records.ftl", () => {
  for (const lang of LANGS) {
    it(`${lang}: core.ftl + the UI files load as one bundle (no id defined twice)`, () => {
      const bundle = createBundle(lang, windowSource(lang));
      expect(formatMessage(bundle, "rating-audit-conform", undefined, (p) => expect.fail(p))).toMatch(/○/);
    });
  }

  for (const lang of LANGS) {
    it(`${lang}: has no syntax errors (the runtime parser would skip them silently)`, () => {
      const junk = new FluentParser({ withSpans: true })
        .parse(source(lang))
        .body.filter((entry) => entry.type === "Junk")
        .map((entry) => entry.content.trim());
      expect(junk).toEqual([]);
    });
  }

  it("ja and en define the same message ids", () => {
    expect(messageIds(source("en"))).toEqual(messageIds(source("ja")));
  });

  for (const lang of LANGS) {
    it(`${lang}: parses and formats every message without errors`, () => {
      const bundle = createBundle(lang, source(lang));
      const problems: string[] = [];
      for (const id of messageIds(source(lang))) {
        const text = formatMessage(bundle, id, SAMPLE_ARGS, (p) => problems.push(p));
        expect(text.length, id).toBeGreaterThan(0);
        expect(text, id).not.toMatch(/[\u2068\u2069]/);
        expect(text, id).not.toContain("{$");
      }
      expect(problems).toEqual([]);
    });
  }

  it("names the three assessment kinds in Japanese", () => {
    const bundle = createBundle("ja", source("ja"));
    const t = (id: string) => formatMessage(bundle, id, undefined, (p) => expect.fail(p));
    expect(t("kind-self_inspection")).toBe("自己点検");
    expect(t("kind-internal_audit")).toBe("内部監査");
    expect(t("kind-external_audit")).toBe("外部監査");
  });

  it("uses the era label with the Gregorian year beside it in Japanese and FY in English", () => {
    const args = { label: "令和8年度", year: "2026" };
    const fmt = (lang: Lang) =>
      formatMessage(createBundle(lang, source(lang)), "fiscal-year", args, (p) => expect.fail(p));
    expect(fmt("ja")).toBe("令和8年度（2026年度）");
    expect(fmt("en")).toBe("FY2026");
  });

  it("pluralises English counts", () => {
    const bundle = createBundle("en", source("en"));
    const t = (count: number) => formatMessage(bundle, "assessment-departments", { count }, (p) => expect.fail(p));
    expect(t(1)).toBe("1 department");
    expect(t(12)).toBe("12 departments");
  });
});

describe("fluent helpers", () => {
  it("reports a missing message and returns its id", () => {
    const problems: string[] = [];
    const bundle = createBundle("ja", "hello = こんにちは\n");
    expect(formatMessage(bundle, "nope", undefined, (p) => problems.push(p))).toBe("nope");
    expect(problems).toHaveLength(1);
  });

  it("reports a missing variable", () => {
    const problems: string[] = [];
    const bundle = createBundle("en", "greet = Hello { $name }\n");
    formatMessage(bundle, "greet", {}, (p) => problems.push(p));
    expect(problems).toHaveLength(1);
  });

  it("rejects a source that defines a message twice", () => {
    expect(() => createBundle("ja", "a = 1\na = 2\n")).toThrow(FluentSourceError);
  });
});
