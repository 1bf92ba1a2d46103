// Undo of ratings in the interview (Ctrl+Z): the last `limit` rating changes, newest first,
// each with the rating it replaced. And where auto-advance goes after a rating: the next
// unrated item below, never onto an item already rated (it would be overwritten unseen by the
// next key), and nowhere past the end. Pure, unit-tested in undo.test.ts.

export interface RatingChange {
  departmentId: number;
  itemId: string;
  /** The rating before the change (null = 未評価). */
  before: string | null;
  after: string | null;
}

export class UndoStack {
  #entries: RatingChange[] = [];
  readonly limit: number;

  constructor(limit = 50) {
    this.limit = limit;
  }

  push(change: RatingChange): void {
    if (change.before === change.after) return;
    this.#entries.push(change);
    if (this.#entries.length > this.limit) this.#entries.shift();
  }

  pop(): RatingChange | null {
    return this.#entries.pop() ?? null;
  }

  /** Puts back an entry whose undo failed (so it can be tried again). */
  restore(change: RatingChange): void {
    this.#entries.push(change);
  }

  get size(): number {
    return this.#entries.length;
  }
}

/** The index auto-advance moves to after rating item `at`: the next unrated item below it,
 *  or `at` itself when every item below is rated (the end of the list included). */
export function advanceTarget(ratings: readonly (string | null)[], at: number): number {
  for (let i = at + 1; i < ratings.length; i++) {
    if (ratings[i] === null) return i;
  }
  return at;
}
