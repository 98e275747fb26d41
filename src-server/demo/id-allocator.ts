/** Explicit ids per table: every row is inserted with its id, so SQLite and MySQL get identical rows. */
export class IdAllocator {
  private readonly last = new Map<string, number>();

  /** The next id of `table` (1, 2, 3…). */
  next(table: string): number {
    const id = (this.last.get(table) ?? 0) + 1;
    this.last.set(table, id);
    return id;
  }

  /** The last id handed out for `table` (0 when none). */
  current(table: string): number {
    return this.last.get(table) ?? 0;
  }
}
