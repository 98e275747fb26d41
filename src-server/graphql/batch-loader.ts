/**
 * Collects the keys asked for by every row of a level and loads them with one statement. Resolvers
 * of one level run within the same turn of the event loop (graphql-js completes a list's items
 * synchronously, and a level's promises settle in one microtask drain), so dispatching on
 * `setImmediate` sees them all: the number of statements follows the shape of the query, not the
 * number of rows (the N+1 problem, solved as DataLoader does).
 */
import type { SqlValue } from '../db/driver.ts';
import { keyText } from '../execute/execute-related.ts';
import { MAX_BATCH_KEYS } from '../plan/related-scope.ts';

/** Loads the values of distinct keys; the map is keyed by `keyText`. */
export type BatchLoad<V> = (keys: readonly SqlValue[]) => Promise<ReadonlyMap<string, V>>;

interface Pending<V> {
  readonly key: SqlValue;
  readonly resolve: (value: V) => void;
  readonly reject: (error: unknown) => void;
}

export class BatchLoader<V> {
  private queue: Pending<V>[] = [];

  constructor(
    private readonly loadBatch: BatchLoad<V>,
    /** The value of a key that matched nothing (null for to-one, [] for to-many). */
    private readonly missing: V,
  ) {}

  load(key: SqlValue): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(() => void this.dispatch());
      this.queue.push({ key, resolve, reject });
    });
  }

  private async dispatch(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const distinct = new Map<string, SqlValue>();
    for (const { key } of batch) distinct.set(keyText(key), key);
    const keys = [...distinct.values()];
    try {
      const chunks: SqlValue[][] = [];
      for (let i = 0; i < keys.length; i += MAX_BATCH_KEYS) chunks.push(keys.slice(i, i + MAX_BATCH_KEYS));
      const results = await Promise.all(chunks.map((chunk) => this.loadBatch(chunk)));
      for (const pending of batch) {
        const text = keyText(pending.key);
        const found = results.find((r) => r.has(text))?.get(text);
        pending.resolve(found ?? this.missing);
      }
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
  }
}
