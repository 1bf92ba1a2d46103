// UI-only types. Everything the shell sends or receives is generated from the Rust types
// into ./bindings.ts (do not edit that file; see src-tauri/src/bindings.rs).
export type { CommandError, Lang } from "./bindings";
import type { Lang } from "./bindings";

export const LANGS: readonly Lang[] = ["ja", "en"];
