/**
 * parse: REST aggregates → `AggregateRequest` (the AST GraphQL's aggregates use too).
 *   aggregate=count,sum:total,avg:total,min:date,max:total,count_distinct:clientid
 *   group_by=sale_agent,status   group_by=client.country   group_by=date:month
 *   having[sum_total.gte]=1000   sort=-sum_total,sale_agent   page=2&per_page=10
 * Measures are named `count`, `<fn>_<field>` (`sum_total`, `count_distinct_clientid`); group keys by
 * the text given in group_by (`client.country`, `date:month`). Sort and having use those names.
 */
import type { Catalog, Resource } from '../catalog/catalog.ts';
import type { SqlValue } from '../db/driver.ts';
import { Problem } from '../errors/problem.ts';
import type { IncludeNode, WhereNode } from './list-request.ts';
import { parseTextValue } from './parse-value.ts';
import { resolveColumn, resolveField } from './resolve-column.ts';
import {
  AGGREGATE_FUNCTIONS,
  DATE_BUCKETS,
  type AggregateFunction,
  type AggregateOrder,
  type AggregateRequest,
  type DateBucket,
  type GroupKey,
  type HavingCondition,
  type Measure,
} from './rows-request.ts';
import { didYouMean } from './suggest-name.ts';

const MAX_MEASURES = 20;
const MAX_KEYS = 5;
const NUMERIC = new Set(['integer', 'decimal', 'float']);
const HAVING_OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'not_in'] as const;
export const HAVING_KEY = /^having\[([^\]]*)\]$/;

/** The name of a measure in answers, `sort` and `having`. */
export function measureName(measure: Measure): string {
  return measure.field === null ? 'count' : `${measure.fn}_${measure.field.name}`;
}

function parseMeasure(resource: Resource, text: string): Measure {
  if (text === 'count') return { fn: 'count', field: null };
  const colon = text.indexOf(':');
  const fn = colon < 0 ? text : text.slice(0, colon);
  if (!(AGGREGATE_FUNCTIONS as readonly string[]).includes(fn)) {
    throw new Problem('PAS126', `aggregate: \`${fn.slice(0, 40)}\` is not an aggregate function`, {
      hint: `${didYouMean(fn, AGGREGATE_FUNCTIONS, 'functions')}; write fn:field, e.g. sum:total`,
    });
  }
  if (colon < 0) throw new Problem('PAS126', `aggregate: \`${fn}\` needs a field`, { hint: `${fn}:total` });
  const field = resolveField(resource, text.slice(colon + 1), 'aggregate');
  if ((fn === 'sum' || fn === 'avg') && !NUMERIC.has(field.type)) {
    throw new Problem('PAS126', `aggregate: ${fn} needs a numeric field; \`${field.name}\` is ${field.columnType}`, {
      hint: 'sum and avg take integer or decimal fields; min, max and count_distinct take any field',
    });
  }
  return { fn: fn as AggregateFunction, field };
}

function parseGroupKey(catalog: Catalog, resource: Resource, text: string): GroupKey {
  const colon = text.indexOf(':');
  const name = colon < 0 ? text : text.slice(0, colon);
  const column = resolveColumn(catalog, resource, name.split('.'), 'group_by');
  if (colon < 0) return { column, bucket: null };
  const bucket = text.slice(colon + 1);
  if (!(DATE_BUCKETS as readonly string[]).includes(bucket)) {
    throw new Problem('PAS127', `group_by: \`${bucket.slice(0, 40)}\` is not a date bucket`, {
      hint: `${didYouMean(bucket, DATE_BUCKETS, 'buckets')}; buckets: ${DATE_BUCKETS.join(', ')}`,
    });
  }
  if (column.field.type !== 'date' && column.field.type !== 'datetime') {
    throw new Problem(
      'PAS127',
      `group_by: \`${name}\` is ${column.field.columnType}; date buckets need a date or date-time field`,
    );
  }
  return { column, bucket: bucket as DateBucket };
}

function list(raw: string | null): string[] {
  return raw === null
    ? []
    : raw
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== '');
}

/** Names of a request's group keys and measures, as answers show them. */
export interface AggregateNames {
  readonly keys: readonly string[];
  readonly measures: readonly string[];
}

function parseHaving(
  params: URLSearchParams,
  measures: readonly Measure[],
  names: readonly string[],
): HavingCondition[] {
  const having: HavingCondition[] = [];
  for (const [key, raw] of params) {
    const m = HAVING_KEY.exec(key);
    if (m === null) continue;
    const target = m[1] ?? '';
    const dot = target.lastIndexOf('.');
    const opText = dot < 0 ? 'eq' : target.slice(dot + 1);
    const name = dot < 0 ? target : target.slice(0, dot);
    const index = names.indexOf(name);
    if (index < 0) {
      throw new Problem('PAS128', `${key}: \`${name}\` is not a measure of this request`, {
        hint: didYouMean(name, names, 'measures'),
      });
    }
    if (!(HAVING_OPS as readonly string[]).includes(opText)) {
      throw new Problem('PAS128', `${key}: \`${opText}\` is not a having operator`, {
        hint: `operators: ${HAVING_OPS.join(', ')}`,
      });
    }
    const op = opText as HavingCondition['op'];
    const measure = measures[index] as Measure;
    const typed = (text: string): SqlValue => {
      // min/max keep their column's type; counts, sums and averages are numbers.
      if ((measure.fn === 'min' || measure.fn === 'max') && measure.field !== null)
        return parseTextValue(measure.field, text, key);
      if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text))
        throw new Problem('PAS128', `${key}: \`${text.slice(0, 40)}\` is not a number`);
      return Number(text);
    };
    const parts = raw.split(',').map((p) => p.trim());
    if (op === 'between' && parts.length !== 2)
      throw new Problem('PAS128', `${key}: between takes two values`, { hint: `${key}=100,500` });
    const value = op === 'between' || op === 'in' || op === 'not_in' ? parts.map(typed) : typed(raw.trim());
    having.push({ measure: index, op, value });
  }
  return having;
}

function parseGroupSort(raw: string | null, names: AggregateNames): AggregateOrder[] {
  return list(raw).map((part) => {
    const desc = part.startsWith('-');
    const name = desc || part.startsWith('+') ? part.slice(1) : part;
    const key = names.keys.indexOf(name);
    if (key >= 0) return { by: 'key', index: key, direction: desc ? 'desc' : 'asc' } as const;
    const measure = names.measures.indexOf(name);
    if (measure >= 0) return { by: 'measure', index: measure, direction: desc ? 'desc' : 'asc' } as const;
    throw new Problem('PAS105', `sort: \`${name}\` is neither a group key nor a measure of this request`, {
      hint: didYouMean(name, [...names.keys, ...names.measures], 'group keys and measures'),
    });
  });
}

/**
 * Parses the aggregate part of a list request, or returns null when it has none. `where` is the rows'
 * filter (has conditions are planned beside it); `window` the page of groups.
 */
export function parseAggregateQuery(
  catalog: Catalog,
  resource: Resource,
  params: URLSearchParams,
  parts: {
    aggregate: string | null;
    groupBy: string | null;
    sort: string | null;
    where: WhereNode | null;
    window: { limit: number; offset: number };
  },
): { request: AggregateRequest; names: AggregateNames } | null {
  const hasHaving = [...params.keys()].some((k) => HAVING_KEY.test(k));
  if (parts.aggregate === null && parts.groupBy === null) {
    if (hasHaving)
      throw new Problem('PAS128', 'having[…] needs aggregate= or group_by=', {
        hint: 'aggregate=sum:total&group_by=status&having[sum_total.gte]=1000',
      });
    return null;
  }
  const measureTexts = parts.aggregate === null ? ['count'] : list(parts.aggregate);
  if (measureTexts.length === 0)
    throw new Problem('PAS126', '`aggregate` is empty', { hint: 'aggregate=count,sum:total' });
  if (measureTexts.length > MAX_MEASURES) throw new Problem('PAS126', `more than ${MAX_MEASURES} measures`);
  const measures = [
    ...new Map(measureTexts.map((t) => parseMeasure(resource, t)).map((m) => [measureName(m), m])).values(),
  ];
  const keyTexts = [...new Set(list(parts.groupBy))];
  if (parts.groupBy !== null && keyTexts.length === 0)
    throw new Problem('PAS127', '`group_by` is empty', { hint: 'group_by=status' });
  if (keyTexts.length > MAX_KEYS) throw new Problem('PAS127', `group_by takes at most ${MAX_KEYS} keys`);
  const keys = keyTexts.map((t) => parseGroupKey(catalog, resource, t));
  const names: AggregateNames = { keys: keyTexts, measures: measures.map(measureName) };
  const request: AggregateRequest = {
    kind: 'aggregate',
    resource,
    where: parts.where,
    groupBy: [],
    measures,
    keys,
    having: parseHaving(params, measures, names.measures),
    order: parseGroupSort(parts.sort, names),
    window: parts.window,
  };
  return { request, names };
}

/**
 * Includes on groups: a to-one relation whose key is a group key is embedded in each group
 * (`group_by=invoice.clientid&include=invoice.client` embeds the client). Relations on the way to it
 * only lead there; anything else cannot hang from a group.
 */
export function groupIncludes(
  keys: readonly GroupKey[],
  include: readonly IncludeNode[],
  prefix: readonly string[] = [],
): { key: number; node: IncludeNode }[] {
  const out: { key: number; node: IncludeNode }[] = [];
  for (const node of include) {
    const key = keys.findIndex(
      (k) =>
        k.bucket === null &&
        k.column.field.name === node.relation.localColumn &&
        k.column.path.map((r) => r.name).join('.') === prefix.join('.'),
    );
    if (key >= 0 && node.relation.kind === 'to-one' && node.relation.polymorphic === null) {
      out.push({ key, node });
      continue;
    }
    if (node.relation.kind !== 'to-one' || node.relation.polymorphic !== null || node.children.length === 0) {
      throw new Problem(
        'PAS125',
        `include ${node.path}: on aggregates, only a to-one relation whose key is a group key can be embedded`,
        {
          hint: `group_by=${[...prefix, node.relation.localColumn].join('.')}&include=${node.path}`,
        },
      );
    }
    out.push(...groupIncludes(keys, node.children, [...prefix, node.relation.name]));
  }
  return out;
}
