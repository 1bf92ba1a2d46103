// The UI language: reactive state shared by all components (`locale.t(id, args)`).
import type { FluentBundle } from "@fluent/bundle";
import { createBundle, formatMessage, type MessageArgs } from "./fluent";
import { setLanguage, uiMessages } from "./ipc";
import type { Lang } from "./types";

class Locale {
  lang = $state<Lang>("ja");
  #bundle = $state<FluentBundle | null>(null);

  get ready(): boolean {
    return this.#bundle !== null;
  }

  /** Loads the messages of `lang` from the shell and switches the whole UI to it. */
  async use(lang: Lang): Promise<void> {
    const bundle = createBundle(lang, await uiMessages(lang));
    await setLanguage(lang);
    this.#bundle = bundle;
    this.lang = lang;
    document.documentElement.lang = lang;
  }

  t(id: string, args?: MessageArgs): string {
    const bundle = this.#bundle;
    if (bundle === null) return "";
    return formatMessage(bundle, id, args, (problem) => console.error(`i18n: ${problem}`));
  }
}

export const locale = new Locale();
