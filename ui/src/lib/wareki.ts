// 和暦: dates shown as 令和8年10月1日 in Japanese (1 Oct 2026 in English), and typed either
// way: 令和8年10月1日, 令和元年5月1日, R8.10.1, R08/10/01, 2026-10-01, 2026/10/1, 2026年10月1日
// (full-width digits too). Follows the UI language, not the system locale. The same eras and
// boundaries as crates/tenken-core/src/calendar.rs.
import type { Lang } from "./types";

interface Era {
  name: string;
  letter: string;
  romaji: string;
  first: [number, number, number];
}

const ERAS: Era[] = [
  { name: "令和", letter: "R", romaji: "Reiwa", first: [2019, 5, 1] },
  { name: "平成", letter: "H", romaji: "Heisei", first: [1989, 1, 8] },
  { name: "昭和", letter: "S", romaji: "Showa", first: [1926, 12, 25] },
  { name: "大正", letter: "T", romaji: "Taisho", first: [1912, 7, 30] },
];

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const pad = (n: number) => String(n).padStart(2, "0");
const key = (y: number, m: number, d: number) => y * 10000 + m * 100 + d;

function eraOf(y: number, m: number, d: number): { era: Era; year: number } | null {
  for (const era of ERAS) {
    if (key(y, m, d) >= key(...era.first)) return { era, year: y - era.first[0] + 1 };
  }
  return null;
}

function splitIso(iso: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

function valid(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days && y >= 1900 && y <= 2200;
}

/** 2026-10-01 → 令和8年10月1日 (ja) / 1 Oct 2026 (en); "" for no date. */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return "";
  const p = splitIso(iso);
  if (!p) return iso;
  const [y, m, d] = p;
  if (lang === "en") return `${d} ${MONTHS[m - 1]} ${y}`;
  const e = eraOf(y, m, d);
  if (!e) return `${y}年${m}月${d}日`;
  return `${e.era.name}${e.year === 1 ? "元" : e.year}年${m}月${d}日`;
}

/** A time stamp (2026-10-01T09:00:00Z) as date and local time: 令和8年10月1日 18:00. */
export function formatDateTime(stamp: string | null | undefined, lang: Lang): string {
  if (!stamp) return "";
  const t = new Date(stamp);
  if (Number.isNaN(t.getTime())) return stamp;
  const iso = `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
  return `${formatDate(iso, lang)} ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

/** 年度: 2026 → 令和8年度（2026年度） in Japanese, FY2026 (Reiwa 8) in English. */
export function fiscalYearLabel(fy: number, lang: Lang): string {
  const e = eraOf(fy, 5, 1);
  if (lang === "en") return e ? `FY${fy} (${e.era.romaji} ${e.year})` : `FY${fy}`;
  if (!e) return `${fy}年度`;
  return `${e.era.name}${e.year === 1 ? "元" : e.year}年度（${fy}年度）`;
}

/** Full-width digits and punctuation to ASCII; spaces removed. */
function normalise(text: string): string {
  return text
    .replace(/[０-９Ａ-Ｚａ-ｚ．／－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, "")
    .replace(/[ー−–—]/g, "-");
}

/** Reads a typed date; returns ISO (YYYY-MM-DD) or null when it is not a date. */
export function parseDate(text: string): string | null {
  const s = normalise(text);
  if (s === "") return null;
  let y: number, m: number, d: number;
  let era: Era | undefined;
  let eraYear = 0;
  let g: RegExpExecArray | null;
  if ((g = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s))) {
    [y, m, d] = [Number(g[1]), Number(g[2]), Number(g[3])];
  } else if ((g = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) {
    [y, m, d] = [Number(g[1]), Number(g[2]), Number(g[3])];
  } else if ((g = /^(令和|平成|昭和|大正)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日?$/.exec(s))) {
    era = ERAS.find((e) => e.name === g![1]);
    eraYear = g[2] === "元" ? 1 : Number(g[2]);
    [m, d] = [Number(g[3]), Number(g[4])];
    y = era!.first[0] + eraYear - 1;
  } else if ((g = /^([RHSTrhst])(元|\d{1,2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s))) {
    era = ERAS.find((e) => e.letter === g![1].toUpperCase());
    eraYear = g[2] === "元" ? 1 : Number(g[2]);
    [m, d] = [Number(g[3]), Number(g[4])];
    y = era!.first[0] + eraYear - 1;
  } else {
    return null;
  }
  if (!valid(y, m, d)) return null;
  if (era) {
    // The date must fall inside the era named (平成31年5月1日 does not exist; 令和1年4月30日 neither).
    const e = eraOf(y, m, d);
    if (!e || e.era !== era || eraYear < 1) return null;
  }
  return `${y}-${pad(m)}-${pad(d)}`;
}
