// Fluent bundles for the UI. Pure functions, no Svelte: unit-tested in fluent.test.ts.
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import type { Lang } from "./types";

export type MessageArgs = Record<string, FluentVariable>;

export class FluentSourceError extends Error {}

/**
 * Parses an .ftl source into a bundle. Duplicate messages are fatal; syntax errors are skipped
 * by the runtime parser, so the tests check the shipped files with @fluent/syntax.
 */
export function createBundle(lang: Lang, source: string): FluentBundle {
  // useIsolating: false — the U+2068/U+2069 marks have no glyphs in Japanese fonts.
  const bundle = new FluentBundle(lang, { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(source));
  if (errors.length > 0) {
    throw new FluentSourceError(`${lang}/ui.ftl: ${errors.map((e) => e.message).join("; ")}`);
  }
  return bundle;
}

/**
 * Formats message `id`. A missing message or a formatting error is reported through
 * `onError` and still yields readable text (the id, or Fluent's best effort).
 */
export function formatMessage(
  bundle: FluentBundle,
  id: string,
  args: MessageArgs | undefined,
  onError: (problem: string) => void,
): string {
  const message = bundle.getMessage(id);
  if (message === undefined || message.value === null) {
    onError(`missing message "${id}" (${bundle.locales.join(",")})`);
    return id;
  }
  const errors: Error[] = [];
  const text = bundle.formatPattern(message.value, args, errors);
  for (const e of errors) onError(`"${id}": ${e.message}`);
  return text;
}

/** Message ids defined in an .ftl source (terms and comments excluded). */
export function messageIds(source: string): string[] {
  return [...new FluentResource(source).body]
    .map((entry) => entry.id)
    .filter((id) => !id.startsWith("-"))
    .sort();
}
