/**
 * Hostile REST reads: GET/HEAD/OPTIONS of lists, rows, schemas, views and other routes with the
 * query strings of rest-query.ts, callers of every kind and odd conditional, preference and
 * negotiation headers. Writes are in rest-write-cases.ts.
 */
import type { Resource } from '../../src-server/catalog/catalog.ts';
import { CALLERS, type Caller, type FuzzTarget } from './fuzz-target.ts';
import { hostileString, NASTY_STRINGS, percentEncode } from './hostile-values.ts';
import { chance, oneOf, pick, times, type Gen } from './pick.ts';
import type { FuzzRequest } from './raw-request.ts';
import { cleanQuery, fieldValueText, queryString, resourceName, resourceOf } from './rest-query.ts';

export interface FuzzCase {
  readonly caller: Caller;
  readonly request: FuzzRequest;
  /** The resource whose rows the answer carries, when the path names one. */
  readonly resource?: Resource;
  /** Whether the request may change data (checked against the database fingerprint). */
  readonly write: boolean;
}

export function idText(g: Gen, target: FuzzTarget, resource: Resource | undefined): string {
  const known = resource === undefined ? [] : (target.ids.get(resource.name) ?? []);
  return oneOf(g, [
    [8, () => (known.length > 0 ? percentEncode(pick(g, known)) : '1')],
    [
      2,
      () =>
        pick(g, [
          '0',
          '-1',
          '1.5',
          '1e3',
          '99999999999999999999',
          '1,2',
          '1,2,3',
          '%201',
          '0x10',
          'null',
          'schema',
          '%2F',
          '%00',
          '%zz',
          '..',
          '%2e',
        ]),
    ],
    [1, () => percentEncode(g(() => hostileString(20)))],
  ]);
}

/** A header set: sometimes conditional, preference, negotiation and odd ids. */
export function extraHeaders(g: Gen): [string, string][] {
  const headers: [string, string][] = [];
  if (chance(g, 15))
    headers.push(['if-match', pick(g, ['*', '"abc"', 'W/"abc"', '"', '', '*, "a"', ...NASTY_STRINGS.slice(0, 6)])]);
  if (chance(g, 10)) headers.push(['if-none-match', pick(g, ['*', '"abc"', 'W/"x", "y"', '', '\\'])]);
  if (chance(g, 20))
    headers.push([
      'prefer',
      pick(g, [
        'return=minimal',
        'tx=rollback',
        'return=minimal, tx=rollback',
        'tx=commit',
        'return=representation',
        'handling=strict',
        '=;,',
        'tx',
      ]),
    ]);
  if (chance(g, 20))
    headers.push([
      'accept',
      pick(g, [
        'application/json',
        'text/csv',
        'application/x-ndjson',
        'application/ndjson',
        '*/*',
        'text/html',
        'application/xml',
        'application/json;q=abc',
        ';;;',
        'text/csv;q=0, application/json;q=0',
      ]),
    ]);
  if (chance(g, 5)) headers.push(['x-request-id', g(() => hostileString(80))]);
  if (chance(g, 5)) headers.push(['origin', pick(g, ['http://evil.example', 'null', '*', ''])]);
  return headers;
}

export function authHeaders(target: FuzzTarget, caller: Caller): [string, string][] {
  return target.auth[caller].map(([k, v]) => [k, v]);
}

export function pickCaller(g: Gen, writes: boolean): Caller {
  return chance(g, writes ? 75 : 85) ? 'full' : pick(g, CALLERS);
}

/** A GET (or HEAD) of a list, a row, a schema, a view or another route of the data API. */
export function readCase(g: Gen, target: FuzzTarget): FuzzCase {
  const { catalog } = target;
  if (chance(g, 25)) {
    const resource = pick(g, catalog.resources);
    const path = `/api/v1/${resource.name}${cleanQuery(g, catalog, resource)}`;
    return {
      caller: 'full',
      request: { method: 'GET', path, headers: authHeaders(target, 'full') },
      resource,
      write: false,
    };
  }
  const name = resourceName(g, catalog);
  const resource = resourceOf(catalog, name);
  const caller = pickCaller(g, false);
  const method = chance(g, 95) ? 'GET' : pick(g, ['HEAD', 'OPTIONS']);
  const [path, rowsOf] = oneOf<[string, Resource | undefined]>(g, [
    [12, () => [`/api/v1/${name}${queryString(g, catalog, resource, 7)}`, resource]],
    [4, () => [`/api/v1/${name}/${idText(g, target, resource)}${queryString(g, catalog, resource, 3)}`, resource]],
    [1, () => [`/api/v1/${name}/schema${queryString(g, catalog, resource, 1)}`, undefined]],
    [
      2,
      () => {
        const view = pick(g, target.views);
        const params = times(
          g,
          4,
          () =>
            `${percentEncode(pick(g, ['status', 'before', 'page', 'per_page', 'format', 'count', 'sort', 'x']))}=${percentEncode(fieldValueText(g, undefined))}`,
        );
        return [`/api/v1/views/${view}${params.length > 0 ? `?${params.join('&')}` : ''}`, undefined];
      },
    ],
    [
      1,
      () => [
        pick(g, [
          '/api/v1',
          '/api/v1/',
          '/api/v1/auth/test',
          '/api/v1/health',
          '/api/v1/views',
          '/api/v1//invoices',
          '/api/v1/invoices/1/2',
          '/api/v1/%',
          '/api/v1/graphql/schema.graphql',
          '/api/v1/openapi.json',
        ]),
        undefined,
      ],
    ],
  ]);
  return {
    caller,
    request: { method, path, headers: [...authHeaders(target, caller), ...extraHeaders(g)] },
    resource: rowsOf,
    write: false,
  };
}
