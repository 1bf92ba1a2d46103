// The only place that talks to the Tauri shell. Components call these typed functions.
import { invoke } from "@tauri-apps/api/core";
import type { AssessmentSummary, CommandError, Lang, Organisation } from "./types";

/** Normalises whatever a rejected `invoke` carries into `{code, message}`. */
export function toCommandError(err: unknown): CommandError {
  if (err !== null && typeof err === "object") {
    const o = err as Record<string, unknown>;
    if (typeof o.code === "string" && typeof o.message === "string") {
      return { code: o.code, message: o.message };
    }
  }
  return { code: "ipc", message: String(err) };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (err) {
    throw toCommandError(err);
  }
}

/** Fluent source (locales/<lang>/ui.ftl) compiled into the shell. */
export const uiMessages = (lang: Lang) => call<string>("ui_messages", { lang });

/** Tells the shell which language to use for error messages. */
export const setLanguage = (lang: Lang) => call<void>("set_language", { lang });

export const listOrganisations = () => call<Organisation[]>("list_organisations");

export const listAssessments = () => call<AssessmentSummary[]>("list_assessments");
