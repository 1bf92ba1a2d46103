// The interview list as fixed-height rows (area headings and items) and the window of rows to
// render: 300 items stay fast to switch and to repaint because only what is visible (plus a
// margin) is in the DOM. Pure; unit-tested in rows.test.ts.

export const ROW_HEIGHT = 30;

export type Row = { kind: "area"; area: string } | { kind: "item"; index: number };

/** Rows for items in display order: a heading whenever the area changes. */
export function buildRows(areas: readonly string[]): Row[] {
  const rows: Row[] = [];
  areas.forEach((area, index) => {
    if (index === 0 || areas[index - 1] !== area) rows.push({ kind: "area", area });
    rows.push({ kind: "item", index });
  });
  return rows;
}

/** Position (row number) of item `index` in `rows`; -1 if absent. */
export function rowOfItem(rows: readonly Row[], index: number): number {
  // Items are in order, so the row is at least `index`: search forward from there.
  for (let r = Math.min(index, rows.length - 1); r >= 0 && r < rows.length; r++) {
    const row = rows[r];
    if (row.kind === "item" && row.index === index) return r;
  }
  return -1;
}

/** The rows [start, end) to render for a viewport, with `margin` rows above and below. */
export function visibleRange(scrollTop: number, viewport: number, total: number, margin = 8): [number, number] {
  const first = Math.floor(Math.max(0, scrollTop) / ROW_HEIGHT);
  const count = Math.ceil(Math.max(0, viewport) / ROW_HEIGHT) + 1;
  return [Math.max(0, first - margin), Math.min(total, first + count + margin)];
}

/** The scrollTop that shows row `r` fully (unchanged when it already is). */
export function scrollToShow(r: number, scrollTop: number, viewport: number): number {
  const top = r * ROW_HEIGHT;
  // The first row is covered by the sticky heading of the current area.
  if (top < scrollTop + ROW_HEIGHT) return Math.max(0, top - ROW_HEIGHT);
  // Scrolled by whole rows, so that no row is left half hidden under the sticky heading.
  if (top + ROW_HEIGHT > scrollTop + viewport)
    return Math.ceil((top + ROW_HEIGHT - viewport) / ROW_HEIGHT) * ROW_HEIGHT;
  return scrollTop;
}

/** The area of the first row at or below `scrollTop` (shown as the sticky heading). */
export function areaAt(rows: readonly Row[], areas: readonly string[], scrollTop: number): string | null {
  const first = Math.min(rows.length - 1, Math.floor(Math.max(0, scrollTop) / ROW_HEIGHT));
  for (let r = first; r >= 0; r--) {
    const row = rows[r];
    if (row.kind === "area") return row.area;
    if (row.kind === "item") return areas[row.index] ?? null;
  }
  return null;
}
