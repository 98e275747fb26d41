/**
 * `where=` JSON: nested and/or/not for what bracket filters cannot say.
 *   {"or": [{"status": 2}, {"total": {"gte": 1000}}], "not": {"client.country": 243}}
 * An object's keys are ANDed; a scalar means eq, null means is_null, an array means in.
 */
import type { Catalog, Resource } from '../catalog/catalog.ts';
import { Problem } from '../errors/problem.ts';
import { conditionFromJson } from './build-condition.ts';
import { FILTER_OPERATORS, isFilterOperator } from './filter-operators.ts';
import type { WhereNode } from './list-request.ts';
import { resolveColumn } from './resolve-column.ts';
import { didYouMean } from './suggest-name.ts';

export const MAX_WHERE_DEPTH = 10;
export const MAX_WHERE_CONDITIONS = 200;

interface Walk {
  readonly catalog: Catalog;
  readonly resource: Resource;
  conditions: number;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function combine(kind: 'and' | 'or', items: WhereNode[]): WhereNode {
  return items.length === 1 && kind === 'and' ? (items[0] as WhereNode) : { kind, items };
}

function columnNode(walk: Walk, key: string, value: unknown, depth: number): WhereNode {
  const where = `where.${key}`;
  const column = resolveColumn(walk.catalog, walk.resource, key.split('.'), 'where');
  walk.conditions++;
  if (value === null) return conditionFromJson(column, 'is_null', true, where);
  if (Array.isArray(value)) return conditionFromJson(column, 'in', value, where);
  if (!isPlainObject(value)) return conditionFromJson(column, 'eq', value, where);
  const items: WhereNode[] = [];
  for (const [op, operand] of Object.entries(value)) {
    if (!isFilterOperator(op)) {
      throw new Problem('PAS103', `${where}: \`${op}\` is not a filter operator`, {
        hint: didYouMean(op, FILTER_OPERATORS, 'operators'),
      });
    }
    if (depth > MAX_WHERE_DEPTH) throw tooDeep();
    items.push(conditionFromJson(column, op, operand, `${where}.${op}`));
  }
  if (items.length === 0) throw new Problem('PAS107', `${where}: empty operator object`);
  return combine('and', items);
}

function tooDeep(): Problem {
  return new Problem('PAS107', `where is nested deeper than ${MAX_WHERE_DEPTH} levels`);
}

function node(walk: Walk, value: unknown, depth: number, at: string): WhereNode {
  if (depth > MAX_WHERE_DEPTH) throw tooDeep();
  if (!isPlainObject(value)) throw new Problem('PAS107', `${at} must be a JSON object, got ${JSON.stringify(value)?.slice(0, 40)}`);
  const items: WhereNode[] = [];
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(inner) || inner.length === 0) {
        throw new Problem('PAS107', `${at}.${key} must be a non-empty array of conditions`);
      }
      items.push(combine(key, inner.map((item, i) => node(walk, item, depth + 1, `${at}.${key}[${i}]`))));
    } else if (key === 'not') {
      items.push({ kind: 'not', item: node(walk, inner, depth + 1, `${at}.not`) });
    } else {
      items.push(columnNode(walk, key, inner, depth + 1));
    }
    if (walk.conditions > MAX_WHERE_CONDITIONS) {
      throw new Problem('PAS107', `where has more than ${MAX_WHERE_CONDITIONS} conditions`);
    }
  }
  if (items.length === 0) throw new Problem('PAS107', `${at} is an empty object`);
  return combine('and', items);
}

/** Parses the `where` parameter into a where tree. */
export function parseWhereJson(catalog: Catalog, resource: Resource, text: string): WhereNode {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Problem('PAS107', `where is not valid JSON: ${(error as Error).message}`);
  }
  return node({ catalog, resource, conditions: 0 }, value, 1, 'where');
}
