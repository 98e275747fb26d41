/**
 * parse: REST query string → request AST (`ListRequest` / `GetRequest`).
 *   fields=userid,company   filter[status]=2   filter[total.gte]=1000   filter=status:2
 *   filter[client.country]=243   where={"or":[…]}   sort=-total,duedate   page=2&per_page=50
 *   count=none   since=2026-05-01T00:00:00
 *   include=client,payments fields[client]=… sort[payments]=… limit[payments]=… has[payments]=true
 *   aggregate=count,sum:total group_by=status,date:month having[sum_total.gte]=1000   format=csv
 */
import type { Catalog, Field, Resource } from '../catalog/catalog.ts';
import type { SqlValue } from '../db/driver.ts';
import { Problem } from '../errors/problem.ts';
import { conditionFromText } from './build-condition.ts';
import type { GetRequest, ListRequest, OutputFormat, SortKey, WhereNode } from './list-request.ts';
import { groupIncludes, HAVING_KEY, parseAggregateQuery } from './parse-aggregate-query.ts';
import { buildRelationRequest, OPTION_KEY, parseRelationParams, routeFilter, type RelationParams } from './parse-include.ts';
import { normaliseDateTime, parseTextValue } from './parse-value.ts';
import { parseWhereJson } from './parse-where-json.ts';
import { resolveColumn, resolveField, resolveFilterTarget } from './resolve-column.ts';
import { didYouMean } from './suggest-name.ts';

export const DEFAULT_PER_PAGE = 25;
export const MAX_PER_PAGE = 500;
const MAX_FILTERS = 100;

const LIST_PARAMETERS = [
  'fields', 'filter', 'where', 'sort', 'page', 'per_page', 'count', 'since',
  'include', 'aggregate', 'group_by', 'format',
] as const;
const FILTER_KEY = /^filter\[([^\]]*)\]$/;
const FORMATS: readonly OutputFormat[] = ['json', 'csv', 'ndjson'];

/** The single value of a parameter that may appear once. */
function single(params: URLSearchParams, name: string): string | null {
  const all = params.getAll(name);
  if (all.length > 1) throw new Problem('PAS112', `\`${name}\` is given ${all.length} times; give it once`);
  return all[0] ?? null;
}

function checkKnownParameters(params: URLSearchParams, known: readonly string[]): void {
  for (const key of new Set(params.keys())) {
    if (known.includes(key) || (known.includes('filter') && FILTER_KEY.test(key))) continue;
    if (known.includes('include') && OPTION_KEY.test(key)) continue;
    if (known.includes('aggregate') && HAVING_KEY.test(key)) continue;
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

/**
 * The filters of a request: those on the resource (and its to-one relations) and, by relation path,
 * those on included or `has` relations (`filter[payments.amount.gte]`).
 */
function parseFilters(
  catalog: Catalog,
  resource: Resource,
  params: URLSearchParams,
  relations: RelationParams | null,
): { conditions: WhereNode[]; related: Map<string, WhereNode[]> } {
  const conditions: WhereNode[] = [];
  const related = new Map<string, WhereNode[]>();
  let count = 0;
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
    if (++count > MAX_FILTERS) throw new Problem('PAS112', `more than ${MAX_FILTERS} filters`);
    const route = relations === null ? null : routeFilter(relations.paths, target);
    if (route !== null && route.path.target !== null) {
      const { column, op } = resolveFilterTarget(catalog, route.path.target, route.rest, where);
      const list = related.get(route.path.text) ?? [];
      list.push(conditionFromText(column, op ?? 'eq', value, where));
      related.set(route.path.text, list);
      continue;
    }
    const { column, op } = resolveFilterTarget(catalog, resource, target, where);
    conditions.push(conditionFromText(column, op ?? 'eq', value, where));
  }
  return { conditions, related };
}

function parseFormat(raw: string | null): OutputFormat | null {
  if (raw === null) return null;
  if (!(FORMATS as readonly string[]).includes(raw)) {
    throw new Problem('PAS129', `format must be json, csv or ndjson, got \`${raw.slice(0, 40)}\``, { hint: 'format=csv' });
  }
  return raw as OutputFormat;
}

/** Parses a list request (`GET /api/v1/{resource}`). */
export function parseListQuery(catalog: Catalog, resource: Resource, params: URLSearchParams): ListRequest {
  checkKnownParameters(params, LIST_PARAMETERS);
  const relationParams = parseRelationParams(catalog, resource, params);
  const { conditions, related } = parseFilters(catalog, resource, params, relationParams);
  const { include, has } = buildRelationRequest(catalog, resource, relationParams, related);
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
  const page = pageRaw === null ? 1 : parsePositiveInteger(pageRaw, 'page', 1_000_000_000);
  const perPage = perPageRaw === null ? DEFAULT_PER_PAGE : parsePositiveInteger(perPageRaw, 'per_page', MAX_PER_PAGE);
  const where = conditions.length === 0 ? null : conditions.length === 1 ? (conditions[0] as WhereNode) : { kind: 'and' as const, items: conditions };
  const fieldsRaw = single(params, 'fields');
  const sortRaw = single(params, 'sort');
  const aggregate = parseAggregateQuery(catalog, resource, params, {
    aggregate: single(params, 'aggregate'),
    groupBy: single(params, 'group_by'),
    sort: sortRaw,
    where,
    window: { limit: count === 'none' ? perPage + 1 : perPage, offset: (page - 1) * perPage },
  });
  if (aggregate !== null && fieldsRaw !== null) {
    throw new Problem('PAS126', '`fields` does not apply to aggregates: groups hold their keys and measures', {
      hint: 'name the group keys in group_by and the measures in aggregate',
    });
  }
  if (aggregate !== null && since !== null) throw new Problem('PAS126', '`since` does not apply to aggregates', { hint: `filter[${since.column.name}.gte]=…` });
  return {
    kind: 'list',
    resource,
    fields: parseFields(resource, fieldsRaw),
    where,
    sort: aggregate === null ? parseSort(catalog, resource, sortRaw) : [],
    page,
    perPage,
    count,
    since,
    include: aggregate === null ? include : [],
    has,
    aggregate: aggregate?.request ?? null,
    groupIncludes: aggregate === null ? [] : groupIncludes(aggregate.request.keys ?? [], include),
    format: parseFormat(single(params, 'format')),
    paged: pageRaw !== null || perPageRaw !== null,
  };
}

/** Parses `GET /api/v1/{resource}/{id}`; with the catalog, `include=` (and filters on included to-many relations). */
export function parseGetQuery(resource: Resource, id: string, params: URLSearchParams, catalog?: Catalog): GetRequest {
  if (catalog === undefined) {
    checkKnownParameters(params, ['fields']);
    return { kind: 'get', resource, key: parseKey(resource, id), fields: parseFields(resource, single(params, 'fields')) };
  }
  checkKnownParameters(params, ['fields', 'include', 'filter']);
  const relationParams = parseRelationParams(catalog, resource, params);
  if (relationParams.has.length > 0) throw new Problem('PAS110', 'has[…] selects rows of a list; a single row is named by its id');
  const { conditions, related } = parseFilters(catalog, resource, params, relationParams);
  if (conditions.length > 0) {
    throw new Problem('PAS110', 'filters on a single row apply only to included to-many relations', { hint: 'include=payments&filter[payments.amount.gte]=100' });
  }
  const { include } = buildRelationRequest(catalog, resource, relationParams, related);
  return { kind: 'get', resource, key: parseKey(resource, id), fields: parseFields(resource, single(params, 'fields')), include };
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
