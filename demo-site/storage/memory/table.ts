// A table in memory: rows by primary key plus secondary indexes, each change reported to the database (for undo and
// for knowing what must be written). Rows are never changed in place: an update puts a new object.
export interface IndexSpec<Row> {
  name: string;
  /** The index key of a row, or null to leave the row out of this index. */
  key: (row: Row) => string | null;
}

/** A row of table `table` as it now is, or null: removed (what the embedded store writes down). */
export type ChangedRow = [table: string, key: string, row: unknown | null];

export interface ChangeLog {
  recordChange(table: Table<any>, key: string, before: unknown): void;
}

export class Table<Row> {
  private readonly rows = new Map<string, Row>();
  private readonly indexes = new Map<string, { spec: IndexSpec<Row>; entries: Map<string, Set<string>> }>();

  constructor(
    readonly name: string,
    /** Whether the embedded adapter writes this table to disk (QR sign-ins and rate limits live in memory only). */
    readonly durable: boolean,
    readonly keyOf: (row: Row) => string,
    indexes: IndexSpec<Row>[],
    private readonly log: ChangeLog,
  ) {
    for (const spec of indexes) this.indexes.set(spec.name, { spec, entries: new Map() });
  }

  get size(): number {
    return this.rows.size;
  }

  get(key: string): Row | null {
    return this.rows.get(key) ?? null;
  }

  /** Rows in the order they were first put. */
  values(): IterableIterator<Row> {
    return this.rows.values();
  }

  findBy(index: string, value: string): Row[] {
    const keys = this.indexes.get(index)?.entries.get(value);
    if (!keys) return [];
    return [...keys].map((key) => this.rows.get(key)!);
  }

  findOneBy(index: string, value: string): Row | null {
    return this.findBy(index, value)[0] ?? null;
  }

  put(row: Row): void {
    const key = this.keyOf(row);
    const before = this.rows.get(key);
    this.log.recordChange(this, key, before);
    this.place(key, before, row);
  }

  delete(key: string): Row | null {
    const before = this.rows.get(key);
    if (!before) return null;
    this.log.recordChange(this, key, before);
    this.place(key, before, undefined);
    return before;
  }

  /** Undo: puts back what was there before a change, without reporting it. */
  restore(key: string, before: Row | undefined): void {
    this.place(key, this.rows.get(key), before);
  }

  private place(key: string, before: Row | undefined, after: Row | undefined): void {
    for (const { spec, entries } of this.indexes.values()) {
      const oldKey = before === undefined ? null : spec.key(before);
      const newKey = after === undefined ? null : spec.key(after);
      if (oldKey === newKey) continue;
      if (oldKey !== null) {
        const set = entries.get(oldKey);
        set?.delete(key);
        if (set?.size === 0) entries.delete(oldKey);
      }
      if (newKey !== null) entries.set(newKey, (entries.get(newKey) ?? new Set()).add(key));
    }
    if (after === undefined) this.rows.delete(key);
    else this.rows.set(key, after);
  }
}
