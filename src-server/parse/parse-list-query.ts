/**
 * parse: REST query string → request AST (`ListRequest` / `GetRequest`).
 *   fields=userid,company   filter[status]=2   filter[total.gte]=1000   filter=status:2
 *   filter[client.country]=243   where={"or":[…]}   sort=-total,duedate   page=2&per_page=50
 *   count=none   since=2026-05-01T00:00:00
 */
import type { Catalog, Field, Resource } from '../catalog/catalog.ts';
import type { SqlValue } from '../db/driver.ts';
import { Problem } from '../errors/problem.ts';
import { conditionFromText } from './build-condition.ts';
import type { GetRequest, ListRequest, SortKey, WhereNode } from './list-request.ts';
import { normaliseDateTime, parseTextValue } from './parse-value.ts';
import { parseWhereJson } from './parse-where-json.ts';
import { resolveColumn, resolveField, resolveFilterTarget } from './resolve-column.ts';
import { didYouMean } from './suggest-name.ts';

export const DEFAULT_PER_PAGE = 25;
export const MAX_PER_PAGE = 500;
const MAX_FILTERS = 100;

const LIST_PARAMETERS = ['fields', 'filter', 'where', 'sort', 'page', 'per_page', 'count', 'since'] as const;
const FILTER_KEY = /^filter\[([^\]]*)\]$/;

/** The single value of a parameter that may appear once. */
function single(params: URLSearchParams, name: string): string | null {
  const all = params.getAll(name);
  if (all.length > 1) throw new Problem('PAS112', `\`${name}\` is given ${all.length} times; give it once`);
  return all[0] ?? null;
}

function checkKnownParameters(params: URLSearchParams, known: readonly string[]): void {
  for (const key of new Set(params.keys())) {
    if (known.includes(key) || (known.includes('filter') && FILTER_KEY.test(key))) continue;
    const hint = key.startsWith('filter') ? 'filters are written filter[field]=value or filter[field.op]=value' : didYouMean(key, known, 'parameters');
    throw new Problem('PAS110', `unknown query parameter \`${key}\``, { hint });
  }
}

/** `fields=a,b`: a sparse fieldset, in the order given, without duplicates. */
export function parseFields(resource: Resource, raw: string | null): readonly Field[] | null {
  if (raw === null) return null;
  const names = raw.split(',').map((n) => n.trim()).filter((n) => n !== '');
  if (names.length === 0) throw new Problem('PAS102', '`fields` is empty', { hint: 'fields=userid,company' });
  return [...new Set(names)].map((name) => resolveField(resource, name, 'fields'));
}

function parsePositiveInteger(raw: string, name: string, max: number): number {
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    throw new Problem('PAS106', `\`${name}\` must be a whole number from 1 to ${max}, got \`${raw.slice(0, 40)}\``);
  }
  return Number(raw);
}

/** `sort=-total,duedate`: `-` = descending; names may follow to-one relations (`client.company`). */
export function parseSort(catalog: Catalog, resource: Resource, raw: string | null): SortKey[] {
  if (raw === null) return [];
  const keys: SortKey[] = [];
  for (const part of raw.split(',').map((p) => p.trim())) {
    if (part === '' || part === '-' || part === '+') throw new Problem('PAS105', `sort has an empty entry in \`${raw}\``);
    const desc = part.startsWith('-');
    const name = desc || part.startsWith('+') ? part.slice(1) : part;
    keys.push({ column: resolveColumn(catalog, resource, name.split('.'), 'sort'), direction: desc ? 'desc' : 'asc' });
  }
  return keys;
}

function parseFilters(catalog: Catalog, resource: Resource, params: URLSearchParams): WhereNode[] {
  const conditions: WhereNode[] = [];
  for (const [key, raw] of params) {
    let target: string;
    let value: string;
    const bracket = FILTER_KEY.exec(key);
    if (bracket !== null) {
      target = bracket[1] ?? '';
      value = raw;
    } else if (key === 'filter') {
      const colon = raw.indexOf(':');
      if (colon <= 0) {
        throw new Problem('PAS104', `filter=${raw.slice(0, 60)}: the short form is filter=field:value`, {
          hint: 'filter=status:2 or filter=total.gte:1000',
        });
      }
      target = raw.slice(0, colon);
      value = raw.slice(colon + 1);
    } else {
      continue;
    }
    const where = `filter[${target}]`;
    const { column, op } = resolveFilterTarget(catalog, resource, target, where);
    conditions.push(conditionFromText(column, op ?? 'eq', value, where));
    if (conditions.length > MAX_FILTERS) throw new Problem('PAS112', `more than ${MAX_FILTERS} filters`);
  }
  return conditions;
}

/** Parses a list request (`GET /api/v1/{resource}`). */
export function parseListQuery(catalog: Catalog, resource: Resource, params: URLSearchParams): ListRequest {
  checkKnownParameters(params, LIST_PARAMETERS);
  const conditions = parseFilters(catalog, resource, params);
  const whereText = single(params, 'where');
  if (whereText !== null) conditions.push(parseWhereJson(catalog, resource, whereText));

  const sinceRaw = single(params, 'since');
  let since: ListRequest['since'] = null;
  if (sinceRaw !== null) {
    const column = resource.fields.find((f) => f.name === resource.createdColumn);
    if (column === undefined) {
      throw new Problem('PAS109', `\`${resource.name}\` has no creation timestamp column, so since= cannot apply`);
    }
    const from = normaliseDateTime(sinceRaw);
    if (from === null) {
      throw new Problem('PAS112', `since: \`${sinceRaw.slice(0, 40)}\` is not an ISO date or date-time`, {
        hint: 'since=2026-05-01T00:00:00',
      });
    }
    since = { column, from: column.type === 'date' ? from.slice(0, 10) : from };
  }

  const count = single(params, 'count') ?? 'exact';
  if (count !== 'exact' && count !== 'none') {
    throw new Problem('PAS112', `count must be \`exact\` or \`none\`, got \`${count.slice(0, 40)}\``);
  }
  const pageRaw = single(params, 'page');
  const perPageRaw = single(params, 'per_page');
  return {
    kind: 'list',
    resource,
    fields: parseFields(resource, single(params, 'fields')),
    where: conditions.length === 0 ? null : conditions.length === 1 ? (conditions[0] as WhereNode) : { kind: 'and', items: conditions },
    sort: parseSort(catalog, resource, single(params, 'sort')),
    page: pageRaw === null ? 1 : parsePositiveInteger(pageRaw, 'page', 1_000_000_000),
    perPage: perPageRaw === null ? DEFAULT_PER_PAGE : parsePositiveInteger(perPageRaw, 'per_page', MAX_PER_PAGE),
    count,
    since,
  };
}

/** Parses `GET /api/v1/{resource}/{id}`: the id is typed like the primary key. */
export function parseGetQuery(resource: Resource, id: string, params: URLSearchParams): GetRequest {
  checkKnownParameters(params, ['fields']);
  return { kind: 'get', resource, key: parseKey(resource, id), fields: parseFields(resource, single(params, 'fields')) };
}

/** The primary key values named by an `{id}` path segment (composite keys: comma-separated). */
export function parseKey(resource: Resource, id: string): readonly SqlValue[] {
  if (resource.primaryKey.length === 0) {
    throw new Problem('PAS202', `\`${resource.name}\` has no primary key, so single rows cannot be addressed`, {
      hint: `list it with filters instead: GET /api/v1/${resource.name}?filter[…]=…`,
    });
  }
  const parts = resource.primaryKey.length === 1 ? [id] : id.split(',');
  if (parts.length !== resource.primaryKey.length) {
    throw new Problem('PAS111', `\`${resource.name}\` is keyed by ${resource.primaryKey.join(', ')}: give ${resource.primaryKey.length} comma-separated values`);
  }
  return resource.primaryKey.map((name, i) => {
    const field = resource.fields.find((f) => f.name === name);
    if (field === undefined) throw new Problem('PAS111', `the key of \`${resource.name}\` is not exposed`);
    try {
      return parseTextValue(field, parts[i] ?? '', 'id');
    } catch {
      throw new Problem('PAS111', `\`${(parts[i] ?? '').slice(0, 40)}\` is not a valid ${field.name} for \`${resource.name}\` (${field.columnType})`);
    }
  });
}
