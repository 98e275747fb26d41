/** The filter operators of the REST query language (and GraphQL's `_op` suffixes). */
export const FILTER_OPERATORS = [
  'eq', 'ne', 'gt', 'gte', 'lt', 'lte',
  'like', 'not_like', 'in', 'not_in', 'between', 'is_null',
  'contains', 'starts_with', 'ends_with',
] as const;

export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export function isFilterOperator(name: string): name is FilterOperator {
  return (FILTER_OPERATORS as readonly string[]).includes(name);
}

/** Operators taking a list (`in`, `not_in`: 1..n values; `between`: exactly 2). */
export const LIST_OPERATORS: ReadonlySet<FilterOperator> = new Set(['in', 'not_in', 'between']);

/** Operators that match text patterns and therefore need a text value. */
export const PATTERN_OPERATORS: ReadonlySet<FilterOperator> = new Set([
  'like', 'not_like', 'contains', 'starts_with', 'ends_with',
]);

/** Upper bound on `in` lists: keeps statements and their parameter arrays small. */
export const MAX_IN_VALUES = 500;
