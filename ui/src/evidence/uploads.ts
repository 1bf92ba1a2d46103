// The files being copied into the evidence store, one row each, with their progress.
// Pure state transitions (the component applies them): unit-tested in uploads.test.ts.
import type { CommandError } from "../lib/types";
import { fileName, percentOf } from "./format";

export type UploadState = "waiting" | "copying" | "done" | "failed";

export interface Upload {
  key: number;
  path: string;
  name: string;
  title: string;
  done: number;
  /** Bytes in the file; 0 until the first progress message. */
  total: number;
  state: UploadState;
  error: CommandError | null;
  evidenceId: number | null;
}

/**
 * New rows for `paths`, keys from `nextKey`. Each file's title is its file name, unless exactly
 * one file is added and the person typed a title for it.
 */
export function queueUploads(paths: readonly string[], typedTitle: string, nextKey: number): Upload[] {
  const title = typedTitle.trim();
  return paths.map((path, i) => {
    const name = fileName(path);
    return {
      key: nextKey + i,
      path,
      name,
      title: paths.length === 1 && title !== "" ? title : name,
      done: 0,
      total: 0,
      state: "waiting",
      error: null,
      evidenceId: null,
    };
  });
}

export const uploadPercent = (u: Upload): number => (u.state === "done" ? 100 : percentOf(u.done, u.total));

/** Whether any row is still waiting or copying (the add buttons stay usable; rows queue up). */
export const busy = (uploads: readonly Upload[]): boolean =>
  uploads.some((u) => u.state === "waiting" || u.state === "copying");

/** Finished rows are cleared from the list once the person starts another batch; failures stay. */
export const withoutFinished = (uploads: readonly Upload[]): Upload[] => uploads.filter((u) => u.state !== "done");
