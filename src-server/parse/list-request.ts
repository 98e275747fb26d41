/**
 * The request AST that `parse` produces from a REST query string (and, later, GraphQL arguments).
 * Names are already resolved against the catalog: an AST can only mention exposed fields and
 * relations, so nothing the caller typed reaches SQL as an identifier.
 */
import type { Field, Relation, Resource } from '../catalog/catalog.ts';
import type { SqlValue } from '../db/driver.ts';
import type { FilterOperator } from './filter-operators.ts';

/** A column of the resource, or of a resource reached through to-one relations (`client.country`). */
export interface ColumnRef {
  readonly path: readonly Relation[];
  readonly field: Field;
}

export interface Condition {
  readonly kind: 'condition';
  readonly column: ColumnRef;
  readonly op: FilterOperator;
  /** A scalar, a list (in/not_in/between) or a boolean (is_null). */
  readonly value: SqlValue | readonly SqlValue[];
}

export type WhereNode =
  | Condition
  | { readonly kind: 'and'; readonly items: readonly WhereNode[] }
  | { readonly kind: 'or'; readonly items: readonly WhereNode[] }
  | { readonly kind: 'not'; readonly item: WhereNode };

export interface SortKey {
  readonly column: ColumnRef;
  readonly direction: 'asc' | 'desc';
}

export interface ListRequest {
  readonly kind: 'list';
  readonly resource: Resource;
  /** Sparse fieldset; null = every exposed field. */
  readonly fields: readonly Field[] | null;
  readonly where: WhereNode | null;
  readonly sort: readonly SortKey[];
  readonly page: number;
  readonly perPage: number;
  readonly count: 'exact' | 'none';
  /** `since=`: rows created at or after this wall-clock time (`YYYY-MM-DD HH:MM:SS`). */
  readonly since: { readonly column: Field; readonly from: string } | null;
}

export interface GetRequest {
  readonly kind: 'get';
  readonly resource: Resource;
  /** Primary key values in key order. */
  readonly key: readonly SqlValue[];
  readonly fields: readonly Field[] | null;
}

export type ReadRequest = ListRequest | GetRequest;
