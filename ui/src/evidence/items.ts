// The checklist items of each department, fetched once per screen (interview_sheet is the
// command that lists them) and shared by every link picker on it. Unit-tested in items.test.ts.

/** The part of a sheet item a picker shows. */
export interface PickItem {
  id: string;
  citation: string;
  question: string;
  area: string;
}

export type ItemLoader = (departmentId: number) => Promise<PickItem[]>;

export class ItemCache {
  readonly #load: ItemLoader;
  readonly #pending = new Map<number, Promise<PickItem[]>>();

  constructor(load: ItemLoader) {
    this.#load = load;
  }

  /** The items of a department; one request per department, retried after a failure. */
  get(departmentId: number): Promise<PickItem[]> {
    let p = this.#pending.get(departmentId);
    if (p === undefined) {
      p = this.#load(departmentId);
      this.#pending.set(departmentId, p);
      p.catch(() => this.#pending.delete(departmentId));
    }
    return p;
  }
}

/** "第8条第4号 — 情報セキュリティ責任者を置いているか。" (the citation may be empty). */
export function itemText(item: PickItem): string {
  return item.citation.trim() === "" ? item.question : `${item.citation} — ${item.question}`;
}
