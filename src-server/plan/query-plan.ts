/**
 * Plans: what to run, in table and column names only, with values as data. `compile` turns a plan
 * into SQL for a dialect without touching a database, so the Studio can show the SQL of any request
 * and tests can pin it.
 */
import type { SqlValue } from '../db/driver.ts';
import type { FilterOperator } from '../parse/filter-operators.ts';
import type { DateBucket, HavingCondition } from '../parse/rows-request.ts';

/** One to-one step from a row to a related row: `tblinvoices.clientid = tblclients.userid`. */
export interface Hop {
  readonly table: string;
  readonly localColumn: string;
  readonly remoteColumn: string;
  /** Perfex's 0 means "no related row": a 0 key must match nothing. */
  readonly zeroIsNull: boolean;
}

/** A column of the base table (no hops) or of a row reached through to-one hops. */
export interface PlanColumn {
  readonly hops: readonly Hop[];
  readonly column: string;
  /**
   * Date columns may hold MySQL zero dates ('0000-00-00'), which the API serves as null; `is_null`
   * must match them too so filters agree with what callers see.
   */
  readonly zeroDate: 'date' | 'datetime' | null;
}

export interface PlanCondition {
  readonly kind: 'condition';
  readonly column: PlanColumn;
  readonly op: FilterOperator;
  readonly value: SqlValue | readonly SqlValue[];
}

/**
 * `[NOT] EXISTS (SELECT 1 FROM table WHERE table.remote = outer.local [AND type = ?] AND where)`:
 * REST's `has[payments]=true|false`, with the filters on that relation inside.
 */
export interface PlanExists {
  readonly kind: 'exists';
  readonly table: string;
  readonly localColumn: string;
  readonly remoteColumn: string;
  readonly zeroIsNull: boolean;
  readonly typeFilter: { readonly column: string; readonly value: string } | null;
  readonly where: PlanWhere | null;
  readonly negate: boolean;
}

export type PlanWhere =
  | PlanCondition
  | PlanExists
  | { readonly kind: 'and'; readonly items: readonly PlanWhere[] }
  | { readonly kind: 'or'; readonly items: readonly PlanWhere[] }
  | { readonly kind: 'not'; readonly item: PlanWhere };

export interface PlanOrder {
  readonly column: PlanColumn;
  readonly direction: 'asc' | 'desc';
}

export interface SelectPlan {
  readonly kind: 'select';
  readonly table: string;
  readonly columns: readonly string[];
  readonly where: PlanWhere | null;
  readonly orderBy: readonly PlanOrder[];
  readonly limit: number | null;
  readonly offset: number;
}

export interface CountPlan {
  readonly kind: 'count';
  readonly table: string;
  readonly where: PlanWhere | null;
}

export interface ColumnValue {
  readonly column: string;
  readonly value: SqlValue;
}

export interface InsertPlan {
  readonly kind: 'insert';
  readonly table: string;
  readonly values: readonly ColumnValue[];
}

export interface UpdatePlan {
  readonly kind: 'update';
  readonly table: string;
  readonly key: readonly ColumnValue[];
  readonly values: readonly ColumnValue[];
}

export interface DeletePlan {
  readonly kind: 'delete';
  readonly table: string;
  readonly key: readonly ColumnValue[];
}

/**
 * Rows of several parents in one statement (`WHERE key IN (…)`), with the window (limit, offset)
 * applied per parent: `ROW_NUMBER() OVER (PARTITION BY key ORDER BY …)`. `select` holds the filter
 * (scope included), the order and the columns (the partition column included); its own limit and
 * offset are unused.
 */
export interface RelatedSelectPlan {
  readonly kind: 'related-select';
  readonly select: SelectPlan;
  readonly partitionBy: string;
  readonly limit: number;
  readonly offset: number;
}

/** One aggregate measure; `column` null means `COUNT(*)`. */
export interface PlanMeasure {
  readonly fn: 'count' | 'sum' | 'avg' | 'min' | 'max' | 'count_distinct';
  readonly column: string | null;
  /** min/max ignore MySQL zero dates, which the API serves as null. */
  readonly zeroDate: 'date' | 'datetime' | null;
}

/** A group key: a column (through to-one hops) or its calendar bucket. */
export interface PlanGroupKey {
  readonly column: PlanColumn;
  readonly bucket: DateBucket | null;
}

/** An order over groups: `g<index>` or `m<index>`. */
export interface PlanGroupOrder {
  readonly by: 'key' | 'measure';
  readonly index: number;
  readonly direction: 'asc' | 'desc';
}

/**
 * `SELECT group keys, measures FROM table WHERE … GROUP BY keys HAVING … ORDER BY …`. The result
 * columns are named `g0…` for the keys and `m0…` for the measures, in plan order. Without `orderBy`
 * groups come in key order; an `orderBy` is always followed by the keys, so group pages are stable.
 */
export interface AggregatePlan {
  readonly kind: 'aggregate';
  readonly table: string;
  readonly where: PlanWhere | null;
  readonly groupBy: readonly PlanGroupKey[];
  readonly measures: readonly PlanMeasure[];
  readonly having: readonly HavingCondition[];
  readonly orderBy: readonly PlanGroupOrder[];
  readonly limit: number | null;
  readonly offset: number;
}

/** The number of groups an aggregate produces (`meta.total` of a grouped REST answer). */
export interface GroupCountPlan {
  readonly kind: 'group-count';
  readonly aggregate: AggregatePlan;
}

export type Plan =
  | SelectPlan
  | CountPlan
  | InsertPlan
  | UpdatePlan
  | DeletePlan
  | RelatedSelectPlan
  | AggregatePlan
  | GroupCountPlan;
