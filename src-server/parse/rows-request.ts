/**
 * The request ASTs that GraphQL lists and aggregates produce (and REST includes and aggregates can
 * reuse): a window of rows by limit/offset rather than REST's page/per_page, and grouped measures.
 * Like `list-request.ts`, every name is a catalog object, so nothing a caller typed reaches SQL.
 */
import type { Field, Resource } from '../catalog/catalog.ts';
import type { SortKey, WhereNode } from './list-request.ts';

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

export const AGGREGATE_FUNCTIONS = ['count', 'sum', 'avg', 'min', 'max'] as const;
export type AggregateFunction = (typeof AGGREGATE_FUNCTIONS)[number];

/** One measure: `count` of rows (field null), or a function over a column. */
export interface Measure {
  readonly fn: AggregateFunction;
  readonly field: Field | null;
}

/** `SELECT keys…, measures… GROUP BY keys…` over the filtered rows of a resource. */
export interface AggregateRequest {
  readonly kind: 'aggregate';
  readonly resource: Resource;
  readonly where: WhereNode | null;
  readonly groupBy: readonly Field[];
  readonly measures: readonly Measure[];
}
