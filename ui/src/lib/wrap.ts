// Where a Japanese heading may wrap: browsers break Japanese between any two characters
// (「物理的セキュリテ/ィ」). Headings get `word-break: keep-all` and a zero-width space after the
// places a Japanese reader breaks a phrase (的 の と 及び ・), so they wrap there and only there.
// English text is returned unchanged. Pure; wrap.test.ts.
import type { Lang } from "./types";

const ZWSP = "\u200b";

export function breakable(text: string, lang: Lang): string {
  if (lang !== "ja") return text;
  return text.replace(/(及び|的|の|と|・)(?=.)/g, `$1${ZWSP}`);
}
