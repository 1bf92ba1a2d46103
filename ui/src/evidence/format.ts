// Formatting shared by the records screens (evidence, findings, report, settings).
// Pure, no DOM: unit-tested in format.test.ts. Fluent's NUMBER does not group digits, so every
// number is formatted here before it reaches a message.

/** 1234567 → "1,234,567" (integers; anything else is shown as given). */
export function groupDigits(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? "-" : "";
  const whole = Math.trunc(Math.abs(n)).toString();
  return sign + whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

const UNITS = ["KB", "MB", "GB", "TB"];

/**
 * A byte count as people read it: "512 B", "1.5 KB", "12.3 MB", "2.0 GB" (1 KB = 1024 B, as
 * the Windows file manager shows it). One decimal below 100, none above.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "—";
  if (bytes < 1024) return `${Math.trunc(bytes)} B`;
  let value = bytes;
  let unit = -1;
  do {
    value /= 1024;
    unit += 1;
  } while (value >= 1024 && unit < UNITS.length - 1);
  // Round first, so 1023.96 KB reads "1.0 MB" rather than "1024 KB".
  let rounded = value < 100 ? Math.round(value * 10) / 10 : Math.round(value);
  if (rounded >= 1024 && unit < UNITS.length - 1) {
    unit += 1;
    rounded = Math.round((rounded / 1024) * 10) / 10;
  }
  const text = rounded < 100 ? rounded.toFixed(1) : groupDigits(rounded);
  return `${text} ${UNITS[unit]}`;
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * An RFC 3339 time stamp (as the store records it, in UTC) as local "YYYY-MM-DD HH:MM".
 * `offsetMinutes` is the local offset from UTC (JST = 540); by default the machine's.
 * Text that is not a time stamp is returned unchanged.
 */
export function formatTimestamp(iso: string, offsetMinutes?: number): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const offset = offsetMinutes ?? -new Date(t).getTimezoneOffset();
  const d = new Date(t + offset * 60_000);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  );
}

/** The last component of a path, with / or \ separators (Windows paths reach Linux tests too). */
export function fileName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, "");
  const i = Math.max(trimmed.lastIndexOf("/"), trimmed.lastIndexOf("\\"));
  return i >= 0 ? trimmed.slice(i + 1) : trimmed;
}

/** Whole percent done, rounded down (99.6% never reads 100%), 0 while the total is unknown. */
export function percentOf(done: number, total: number): number {
  if (!(total > 0) || !(done > 0)) return 0;
  return Math.min(100, Math.floor((done * 100) / total));
}
