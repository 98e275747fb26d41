/**
 * Hostile REST query strings built from the catalog: real resources, columns, hidden columns,
 * relation paths and operators, put together wrongly (bad operators and values, paths through
 * to-many or polymorphic relations, deep includes, duplicated and malformed parameters, bad
 * percent-escapes), and clean ones of valid parameters only, so both the refusals and the working
 * paths are exercised.
 */
import fc from 'fast-check';
import type { Catalog, Field, Relation, Resource } from '../../src-server/catalog/catalog.ts';
import { FILTER_OPERATORS } from '../../src-server/parse/filter-operators.ts';
import {
  hostileJson,
  hostileNumber,
  hostileString,
  nested,
  NASTY_STRINGS,
  percentEncode,
  plausibleText,
  rawEncode,
} from './hostile-values.ts';
import { between, chance, oneOf, pick, times, type Gen } from './pick.ts';

const BAD_OPERATORS = ['', 'EQ', 'equals', 'gt;', 'in]', 'or', 'and', '__proto__', 'like%', 'is null', 'eq.eq'];
const AGGREGATES = ['count', 'count_distinct', 'sum', 'avg', 'min', 'max', 'median', 'COUNT', ''];
const BUCKETS = ['day', 'week', 'month', 'quarter', 'year', 'hour', 'century', ''];
const LIST_PARAMS = [
  'fields',
  'filter',
  'where',
  'sort',
  'page',
  'per_page',
  'count',
  'since',
  'include',
  'aggregate',
  'group_by',
  'format',
];

/** A resource name: mostly real, sometimes an unexposed table, a near miss or garbage. */
export function resourceName(g: Gen, catalog: Catalog): string {
  return oneOf(g, [
    [14, () => pick(g, catalog.resources).name],
    [1, () => pick(g, [...catalog.unexposed.map((u) => u.table.replace(/^tbl/, '')), 'sessions', 'options', 'vault'])],
    [
      1,
      () =>
        pick(g, [
          'Invoices',
          'invoice',
          'tblinvoices',
          'invoices.json',
          'schema',
          'graphql',
          'views',
          'auth',
          'health',
          '..',
          '%2e%2e',
        ]),
    ],
    [1, () => percentEncode(g(() => hostileString(20)))],
  ]);
}

export function resourceOf(catalog: Catalog, name: string): Resource | undefined {
  return catalog.byName.get(name);
}

/** A relation path from `resource`, 1–`max` hops (the last hop may be to-many or polymorphic). */
function relationPath(
  g: Gen,
  catalog: Catalog,
  resource: Resource,
  max = 4,
): { path: string; end: Resource | undefined } {
  const names: string[] = [];
  let current: Resource | undefined = resource;
  const hops = between(g, 1, max);
  for (let i = 0; i < hops && current !== undefined && current.relations.length > 0; i++) {
    const relation: Relation = pick(g, current.relations);
    names.push(relation.name);
    current = relation.target === null ? undefined : catalog.byName.get(relation.target);
  }
  if (names.length === 0 || chance(g, 5)) names.push(g(() => fc.constantFrom('nope', 'client', 'hash', '')));
  return { path: names.join('.'), end: current };
}

/** A column name of `resource`: real, hidden, a near miss, or garbage. */
function columnName(g: Gen, resource: Resource | undefined): string {
  return oneOf(g, [
    [12, () => (resource !== undefined && resource.fields.length > 0 ? pick(g, resource.fields).name : 'id')],
    [3, () => (resource !== undefined && resource.hidden.length > 0 ? pick(g, resource.hidden).name : 'password')],
    [1, () => pick(g, ['id', 'ID', 'userid', 'duedate ', 'total;', '*', '1', 'rowid', 'hash', 'password'])],
    [1, () => g(() => hostileString(16))],
  ]);
}

/** A column path: a column, or a relation path then a column of its end. */
function columnPath(g: Gen, catalog: Catalog, resource: Resource | undefined): string {
  if (resource === undefined || !chance(g, 30)) return columnName(g, resource);
  const { path, end } = relationPath(g, catalog, resource, 3);
  return `${path}.${columnName(g, end)}`;
}

/** A value typed for `field` most of the time, hostile otherwise. */
export function fieldValueText(g: Gen, field: Field | undefined): string {
  if (field === undefined || chance(g, 35)) return g(() => fc.oneof(hostileString(), plausibleText()));
  switch (field.type) {
    case 'integer':
      return String(between(g, -2, 3000));
    case 'decimal':
    case 'float':
      return g(() => fc.double({ min: -1e6, max: 1e7, noNaN: true })).toFixed(2);
    case 'date':
      return pick(g, ['2026-06-30', '2024-02-29', '2025-01-01', '0000-00-00']);
    case 'datetime':
      return pick(g, ['2026-06-30T12:00:00', '2026-01-01 00:00:00', '2025-12-31T23:59:59Z']);
    case 'enum':
      return pick(g, [...(field.enumValues ?? []), 'zzz']);
    default:
      return g(() => fc.string({ maxLength: 12 }));
  }
}

function operatorName(g: Gen): string {
  return chance(g, 85) ? pick(g, FILTER_OPERATORS) : pick(g, BAD_OPERATORS);
}

/** A `where=` tree: real columns and operators, hostile values, odd shapes and depths. */
function whereTree(g: Gen, catalog: Catalog, resource: Resource | undefined, depth: number): unknown {
  return oneOf(g, [
    [
      6,
      () => ({
        [columnPath(g, catalog, resource)]: chance(g, 50)
          ? g(() => hostileJson(1))
          : { [operatorName(g)]: g(() => hostileJson(1)) },
      }),
    ],
    [
      depth > 0 ? 2 : 0,
      () => ({ [pick(g, ['and', 'or'])]: times(g, 3, () => whereTree(g, catalog, resource, depth - 1)) }),
    ],
    [depth > 0 ? 1 : 0, () => ({ not: whereTree(g, catalog, resource, depth - 1) })],
    [1, () => g(() => hostileJson(2))],
    [1, () => nested(between(g, 8, 14), { id: 1 })],
  ]);
}

/** One `key=value` of a list query, already encoded for the request line. */
function listParameter(g: Gen, catalog: Catalog, resource: Resource | undefined): string {
  const field = (): Field | undefined =>
    resource !== undefined && resource.fields.length > 0 ? pick(g, resource.fields) : undefined;
  const rel = (): string => (resource === undefined ? 'client' : relationPath(g, catalog, resource, 4).path);
  const numberish = (): string =>
    oneOf(g, [
      [3, () => String(between(g, -3, 600))],
      [1, () => pick(g, NASTY_STRINGS)],
      [1, () => String(g(hostileNumber))],
    ]);
  const pair: [string, string] = oneOf<[string, string]>(g, [
    [3, () => ['fields', times(g, 5, () => columnName(g, resource), 1).join(',')]],
    [
      6,
      () => {
        const f = field();
        const path = chance(g, 75) && f !== undefined ? f.name : columnPath(g, catalog, resource);
        const op = chance(g, 30) ? '' : `.${operatorName(g)}`;
        const value = oneOf(g, [
          [4, () => fieldValueText(g, f)],
          [1, () => times(g, 4, () => fieldValueText(g, f)).join(',')],
        ]);
        return [`filter[${path}${op}]`, value];
      },
    ],
    [
      2,
      () => [
        'filter',
        `${columnPath(g, catalog, resource)}${chance(g, 50) ? `.${operatorName(g)}` : ''}:${fieldValueText(g, field())}`,
      ],
    ],
    [3, () => ['where', chance(g, 85) ? JSON.stringify(whereTree(g, catalog, resource, 3)) : g(() => hostileString())]],
    [
      3,
      () => ['sort', times(g, 3, () => `${chance(g, 40) ? '-' : ''}${columnPath(g, catalog, resource)}`, 1).join(',')],
    ],
    [2, () => [pick(g, ['page', 'per_page']), numberish()]],
    [1, () => ['count', pick(g, ['none', 'exact', 'estimated', '', 'NONE', ...NASTY_STRINGS.slice(0, 5)])]],
    [
      1,
      () => [
        'since',
        pick(g, [
          '2026-05-01',
          '2026-05-01T00:00:00',
          '2026-05-01T00:00:00+02:00',
          'yesterday',
          '',
          ...NASTY_STRINGS.slice(70, 80),
        ]),
      ],
    ],
    [3, () => ['include', times(g, 3, rel, 1).join(',')]],
    [
      2,
      () => [
        `${pick(g, ['fields', 'sort', 'limit', 'has'])}[${rel()}]`,
        oneOf(g, [
          [2, () => columnName(g, undefined)],
          [1, numberish],
          [1, () => pick(g, ['true', 'false', '1', 'yes'])],
        ]),
      ],
    ],
    [
      2,
      () => [
        'aggregate',
        times(
          g,
          3,
          () => `${pick(g, AGGREGATES)}${chance(g, 60) ? `:${columnPath(g, catalog, resource)}` : ''}`,
          1,
        ).join(','),
      ],
    ],
    [
      2,
      () => [
        'group_by',
        times(g, 3, () => `${columnPath(g, catalog, resource)}${chance(g, 30) ? `:${pick(g, BUCKETS)}` : ''}`, 1).join(
          ',',
        ),
      ],
    ],
    [
      1,
      () => [
        `having[${pick(g, ['count', 'sum_total', 'avg_total', 'count_distinct_clientid', 'max_date', 'x'])}.${operatorName(g)}]`,
        numberish(),
      ],
    ],
    [1, () => ['format', pick(g, ['json', 'csv', 'ndjson', 'xml', 'CSV', ''])]],
    [1, () => [g(() => hostileString(12)), g(() => hostileString(12))]],
    [1, () => [pick(g, LIST_PARAMS), '']],
  ]);
  const [key, value] = pair;
  return chance(g, 80) ? `${percentEncode(key)}=${percentEncode(value)}` : `${rawEncode(key)}=${rawEncode(value)}`;
}

/** A malformed fragment of a query string. */
function brokenFragment(g: Gen): string {
  return pick(g, [
    '',
    '&',
    '=',
    '==',
    '=1',
    'a',
    'filter[',
    'filter]',
    'filter[]=',
    '[]=1',
    '%',
    '%zz=1',
    'per_page',
    'fields=',
    ';',
    '?',
    'a=1=2',
    'filter[id.in]=' + '1,'.repeat(600),
  ]);
}

export function queryString(g: Gen, catalog: Catalog, resource: Resource | undefined, maxParams: number): string {
  const parts = times(g, maxParams, () => (chance(g, 92) ? listParameter(g, catalog, resource) : brokenFragment(g)));
  // Duplicates: the same parameter twice is a question the parser must answer, not crash on.
  if (parts.length > 0 && chance(g, 10)) parts.push(pick(g, parts));
  return parts.length === 0 ? '' : `?${parts.join(chance(g, 95) ? '&' : pick(g, [';', '&&', '&amp;']))}`;
}

/** A relation path made only of to-one and to-many hops to real resources (1–2 hops). */
function cleanRelationPath(g: Gen, catalog: Catalog, resource: Resource): string | null {
  const first = resource.relations.filter((r) => r.target !== null);
  if (first.length === 0) return null;
  const relation = pick(g, first);
  const target = catalog.byName.get(relation.target ?? '');
  const next = target?.relations.filter((r) => r.target !== null) ?? [];
  return next.length > 0 && chance(g, 30) ? `${relation.name}.${pick(g, next).name}` : relation.name;
}

/**
 * A list query of valid parameters only (real columns with typed values, real relations, valid
 * aggregates): most run, so the serialisation of real rows, includes and groups is fuzzed too.
 */
export function cleanQuery(g: Gen, catalog: Catalog, resource: Resource): string {
  const fields = resource.fields;
  const params: [string, string][] = [];
  const numeric = fields.filter((f) => f.type === 'integer' || f.type === 'decimal' || f.type === 'float');
  if (chance(g, 25) && numeric.length > 0) {
    const key = pick(g, fields);
    params.push(
      ['group_by', key.name],
      ['aggregate', `count,${pick(g, ['sum', 'avg', 'min', 'max'])}:${pick(g, numeric).name}`],
    );
  } else {
    if (chance(g, 40)) params.push(['fields', times(g, 4, () => pick(g, fields).name, 1).join(',')]);
    if (chance(g, 40)) {
      const path = cleanRelationPath(g, catalog, resource);
      if (path !== null) params.push(['include', path]);
    }
    if (chance(g, 40)) params.push(['sort', `${chance(g, 50) ? '-' : ''}${pick(g, fields).name}`]);
  }
  for (let i = between(g, 0, 2); i > 0; i--) {
    const f = pick(g, fields);
    const op = pick(g, ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'is_null', 'contains', 'starts_with']);
    const value = op === 'is_null' ? pick(g, ['true', 'false']) : fieldValueText(g, f);
    params.push([`filter[${f.name}.${op}]`, value]);
  }
  if (chance(g, 30)) params.push(['per_page', String(between(g, 1, 100))], ['page', String(between(g, 1, 3))]);
  if (chance(g, 15)) params.push(['format', pick(g, ['json', 'csv', 'ndjson'])]);
  return params.length === 0 ? '' : `?${params.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&')}`;
}
