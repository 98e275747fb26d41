/** Builds a typed `Condition` from a resolved column, an operator and the caller's value. */
import type { SqlValue } from '../db/driver.ts';
import { Problem } from '../errors/problem.ts';
import { LIST_OPERATORS, MAX_IN_VALUES, PATTERN_OPERATORS, type FilterOperator } from './filter-operators.ts';
import type { ColumnRef, Condition } from './list-request.ts';
import { parseJsonValue, parseTextValue } from './parse-value.ts';

function columnName(column: ColumnRef): string {
  return [...column.path.map((r) => r.name), column.field.name].join('.');
}

function checkListSize(op: FilterOperator, values: readonly unknown[], where: string): void {
  if (op === 'between' && values.length !== 2) {
    throw new Problem('PAS104', `${where}: between takes exactly two values, got ${values.length}`, {
      hint: 'filter[total.between]=100,500',
    });
  }
  if (values.length === 0) throw new Problem('PAS104', `${where}: ${op} needs at least one value`);
  if (values.length > MAX_IN_VALUES) {
    throw new Problem('PAS104', `${where}: ${op} takes at most ${MAX_IN_VALUES} values, got ${values.length}`);
  }
}

function parseBoolean(raw: unknown, where: string): boolean {
  if (raw === true || raw === 'true' || raw === '1' || raw === 1) return true;
  if (raw === false || raw === 'false' || raw === '0' || raw === 0) return false;
  throw new Problem('PAS104', `${where}: is_null takes true or false, got ${JSON.stringify(raw)}`, {
    hint: 'filter[duedate.is_null]=true',
  });
}

/** A condition from query-string text: lists are comma-separated. */
export function conditionFromText(column: ColumnRef, op: FilterOperator, raw: string, where: string): Condition {
  if (op === 'is_null') return { kind: 'condition', column, op, value: parseBoolean(raw, where) };
  if (PATTERN_OPERATORS.has(op)) {
    // `*` is accepted as a wildcard in `like` because `%` must be URL-encoded (PostgREST does the same).
    const text = op === 'like' || op === 'not_like' ? raw.replaceAll('*', '%') : raw;
    return { kind: 'condition', column, op, value: text };
  }
  if (LIST_OPERATORS.has(op)) {
    const parts = raw.split(',');
    checkListSize(op, parts, where);
    return { kind: 'condition', column, op, value: parts.map((p) => parseTextValue(column.field, p.trim(), where)) };
  }
  return { kind: 'condition', column, op, value: parseTextValue(column.field, raw, where) };
}

/** A condition from a JSON `where` value: lists are arrays. */
export function conditionFromJson(column: ColumnRef, op: FilterOperator, value: unknown, where: string): Condition {
  if (op === 'is_null') return { kind: 'condition', column, op, value: parseBoolean(value, where) };
  if (PATTERN_OPERATORS.has(op)) {
    if (typeof value !== 'string') {
      throw new Problem('PAS104', `${where}: ${op} on \`${columnName(column)}\` takes a string`);
    }
    return { kind: 'condition', column, op, value };
  }
  if (LIST_OPERATORS.has(op)) {
    if (!Array.isArray(value)) {
      throw new Problem('PAS104', `${where}: ${op} on \`${columnName(column)}\` takes an array`, {
        hint: `{"${columnName(column)}": {"${op}": [1, 2]}}`,
      });
    }
    checkListSize(op, value, where);
    const values: SqlValue[] = value.map((v) => parseJsonValue(column.field, v, where));
    return { kind: 'condition', column, op, value: values };
  }
  return { kind: 'condition', column, op, value: parseJsonValue(column.field, value, where) };
}
