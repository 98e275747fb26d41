/**
 * The request AST that `parse` produces from a REST query string (and, later, GraphQL arguments).
 * Names are already resolved against the catalog: an AST can only mention exposed fields and
 * relations, so nothing the caller typed reaches SQL as an identifier.
 */
import type { Field, Relation, Resource } from '../catalog/catalog.ts';
import type { SqlValue } from '../db/driver.ts';
import type { FilterOperator } from './filter-operators.ts';
import type { AggregateRequest } from './rows-request.ts';

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

/**
 * One embedded relation (`include=client,payments,client.contacts`): its rows are read for every
 * parent of the level in one statement, with their own fields, filters, order and per-parent limit.
 */
export interface IncludeNode {
  /** The dotted path as the caller wrote it (`client.contacts`), the key of its options. */
  readonly path: string;
  readonly relation: Relation;
  /** The member of the parent object: the relation's name, or `<name>_record` where a field has that name. */
  readonly name: string;
  /** The related resource; null for a polymorphic relation (one resource per type value). */
  readonly target: Resource | null;
  readonly fields: readonly Field[] | null;
  readonly where: WhereNode | null;
  readonly sort: readonly SortKey[];
  /** Rows per parent for to-many relations. */
  readonly limit: number;
  readonly children: readonly IncludeNode[];
}

/** `has[payments]=true|false`: keep parents with (or without) related rows matching `where`. */
export interface HasCondition {
  readonly path: readonly Relation[];
  readonly where: WhereNode | null;
  readonly exists: boolean;
}

/** Output formats of lists and views; csv and ndjson stream from a database cursor. */
export type OutputFormat = 'json' | 'csv' | 'ndjson';

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
  readonly include: readonly IncludeNode[];
  readonly has: readonly HasCondition[];
  /** `aggregate=`/`group_by=`: the answer is groups, not rows (filters and `has` still select the rows). */
  readonly aggregate: AggregateRequest | null;
  /** On aggregates: to-one relations embedded per group, keyed by the group key holding their id. */
  readonly groupIncludes: readonly { readonly key: number; readonly node: IncludeNode }[];
  /** `format=`; null = not given (the transport may choose from `Accept`). */
  readonly format: OutputFormat | null;
  /** Whether `page`/`per_page` were given (streamed formats read every row unless paged). */
  readonly paged: boolean;
}

export interface GetRequest {
  readonly kind: 'get';
  readonly resource: Resource;
  /** Primary key values in key order. */
  readonly key: readonly SqlValue[];
  readonly fields: readonly Field[] | null;
  /** Embedded relations (REST `include=`); absent = none. */
  readonly include?: readonly IncludeNode[];
}

export type ReadRequest = ListRequest | GetRequest;
