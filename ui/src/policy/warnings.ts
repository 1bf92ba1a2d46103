// Parse warnings of a policy text are stored in Japanese (tenken-policy writes them into the
// stored parse). Shown in the UI language: each known form is read back into its parts and
// formatted with a Fluent message; an unknown form is shown as stored. Pure; warnings.test.ts.
import type { MessageArgs } from "../lib/fluent";

export interface WarningMessage {
  id: string;
  args: MessageArgs;
}

const FORMS: [RegExp, string, string[]][] = [
  [
    /^(\d+)行目: 「(.+)」は直前の「(.+)」より前の番号のため、本文として扱いました$/,
    "pw-out-of-order",
    ["line", "label", "previous"],
  ],
  [/^(\d+)行目: 番号が連続していません（「(.+)」の次が「(.+)」）$/, "pw-gap", ["line", "previous", "label"]],
  [/^(\d+)行目: 「(.+)」の上位の項目（(.+)）が見つかりません$/, "pw-no-parent", ["line", "label", "parent"]],
  [/^(\d+)行目: ほかに (\d+) 件の警告を省略しました$/, "pw-more", ["line", "count"]],
];

/** The message for a stored warning, or null when its form is unknown. */
export function warningMessage(stored: string): WarningMessage | null {
  for (const [re, id, names] of FORMS) {
    const m = re.exec(stored);
    if (!m) continue;
    const args: MessageArgs = {};
    names.forEach((n, i) => {
      const v = m[i + 1];
      args[n] = n === "line" || n === "count" ? Number(v) : v;
    });
    return { id, args };
  }
  return null;
}

/** A stored warning in the UI language (`t` = locale.t). */
export function localizeWarning(stored: string, t: (id: string, args?: MessageArgs) => string): string {
  const m = warningMessage(stored);
  return m ? t(m.id, m.args) : stored;
}
