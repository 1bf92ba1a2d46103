// Getting file paths from the person: the native dialog, or files dropped on the window.
// Paths go straight to a command, which validates them (src-tauri/src/paths.rs).
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { open, save } from "@tauri-apps/plugin-dialog";

export interface PickOptions {
  title: string;
  directory?: boolean;
  multiple?: boolean;
  filters?: { name: string; extensions: string[] }[];
}

/** Opens the native dialog; resolves to the chosen paths (empty when cancelled). */
export async function pickPaths(options: PickOptions): Promise<string[]> {
  const chosen = await open({
    title: options.title,
    directory: options.directory ?? false,
    multiple: options.multiple ?? false,
    filters: options.filters,
  });
  if (chosen === null) return [];
  return Array.isArray(chosen) ? chosen : [chosen];
}

/** The native save dialog for a PDF; resolves to the chosen path, or null when cancelled. */
export async function pickSavePath(title: string, defaultPath: string): Promise<string | null> {
  return save({ title, defaultPath, filters: [{ name: "PDF", extensions: ["pdf"] }] });
}

export type DropState = "idle" | "over";

/**
 * Calls `onDrop(paths)` when files are dropped on the window and `onHover(state)` while they
 * are dragged over it. Returns the function that stops listening (call it on unmount).
 */
export async function onFileDrop(
  onDrop: (paths: string[]) => void,
  onHover: (state: DropState) => void = () => {},
): Promise<() => void> {
  return getCurrentWebview().onDragDropEvent((event) => {
    const p = event.payload;
    if (p.type === "enter" || p.type === "over") onHover("over");
    else if (p.type === "leave") onHover("idle");
    else if (p.type === "drop") {
      onHover("idle");
      if (p.paths.length > 0) onDrop(p.paths);
    }
  });
}

/** The native save dialog for a text file; the chosen path, or null when cancelled. */
export async function pickSaveText(title: string, defaultPath: string): Promise<string | null> {
  return save({ title, defaultPath, filters: [{ name: "Text", extensions: ["txt"] }] });
}

/** The native save dialog for a team package (.zip); the chosen path, or null when cancelled. */
export async function pickSaveZip(title: string, defaultPath: string): Promise<string | null> {
  return save({ title, defaultPath, filters: [{ name: "ZIP", extensions: ["zip"] }] });
}
