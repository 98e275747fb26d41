/**
 * Plans: what to run, in table and column names only, with values as data. `compile` turns a plan
 * into SQL for a dialect without touching a database, so the Studio can show the SQL of any request
 * and tests can pin it.
 */
import type { SqlValue } from '../db/driver.ts';
import type { FilterOperator } from '../parse/filter-operators.ts';

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

export type PlanWhere =
  | PlanCondition
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
  readonly fn: 'count' | 'sum' | 'avg' | 'min' | 'max';
  readonly column: string | null;
  /** min/max ignore MySQL zero dates, which the API serves as null. */
  readonly zeroDate: 'date' | 'datetime' | null;
}

/**
 * `SELECT group keys, measures FROM table WHERE … GROUP BY keys ORDER BY keys`. The result columns
 * are named `g0…` for the keys and `m0…` for the measures, in plan order.
 */
export interface AggregatePlan {
  readonly kind: 'aggregate';
  readonly table: string;
  readonly where: PlanWhere | null;
  readonly groupBy: readonly string[];
  readonly measures: readonly PlanMeasure[];
  readonly limit: number | null;
}

export type Plan = SelectPlan | CountPlan | InsertPlan | UpdatePlan | DeletePlan | RelatedSelectPlan | AggregatePlan;
