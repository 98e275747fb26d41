/**
 * The request ASTs that GraphQL lists and aggregates produce (and REST includes and aggregates can
 * reuse): a window of rows by limit/offset rather than REST's page/per_page, and grouped measures.
 * Like `list-request.ts`, every name is a catalog object, so nothing a caller typed reaches SQL.
 */
import type { Field, Resource } from '../catalog/catalog.ts';
import type { SqlValue } from '../db/driver.ts';
import type { ColumnRef, SortKey, WhereNode } from './list-request.ts';

/** Rows of one resource: the columns to read, a filter, an order and a window. */
export interface RowsRequest {
  readonly kind: 'rows';
  readonly resource: Resource;
  /** Columns to read (the caller's selection plus the keys relations need), without duplicates. */
  readonly fields: readonly Field[];
  readonly where: WhereNode | null;
  readonly sort: readonly SortKey[];
  readonly limit: number;
  readonly offset: number;
}

export const AGGREGATE_FUNCTIONS = ['count', 'sum', 'avg', 'min', 'max', 'count_distinct'] as const;
export type AggregateFunction = (typeof AGGREGATE_FUNCTIONS)[number];

/** One measure: `count` of rows (field null), or a function over a column (`count_distinct` counts distinct non-null values). */
export interface Measure {
  readonly fn: AggregateFunction;
  readonly field: Field | null;
}

/** Calendar buckets a date or date-time group key can be cut into (`group_by=date:month`). */
export const DATE_BUCKETS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type DateBucket = (typeof DATE_BUCKETS)[number];

/**
 * A group key beyond a plain column: a column reached through to-one relations (`client.country`)
 * and/or cut into a calendar bucket (`date:month` → `2026-06`, `date:week` → ISO `2026-W23`).
 */
export interface GroupKey {
  readonly column: ColumnRef;
  readonly bucket: DateBucket | null;
}

/** `having[sum_total.gte]=1000`: a condition on one measure (by index) over the groups. */
export interface HavingCondition {
  readonly measure: number;
  readonly op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'between' | 'in' | 'not_in';
  readonly value: SqlValue | readonly SqlValue[];
}

/** An order over groups: by a group key or by a measure (`sort=-sum_total`), by index. */
export interface AggregateOrder {
  readonly by: 'key' | 'measure';
  readonly index: number;
  readonly direction: 'asc' | 'desc';
}

/** `SELECT keys…, measures… GROUP BY keys…` over the filtered rows of a resource. */
export interface AggregateRequest {
  readonly kind: 'aggregate';
  readonly resource: Resource;
  readonly where: WhereNode | null;
  /** Plain-column group keys (GraphQL's `groupBy`); ignored when `keys` is given. */
  readonly groupBy: readonly Field[];
  readonly measures: readonly Measure[];
  /** Richer group keys (REST's `group_by`: related columns, date buckets); they replace `groupBy`. */
  readonly keys?: readonly GroupKey[];
  readonly having?: readonly HavingCondition[];
  /** Group order; absent = by the keys. Every order ends with the keys, so pages of groups are stable. */
  readonly order?: readonly AggregateOrder[];
  /** A page of groups. */
  readonly window?: { readonly limit: number; readonly offset: number };
}
