/**
 * Hostile REST writes: POST, PUT, PATCH and DELETE with bodies of the resource's shape bent out of
 * shape (wrong types, hidden and unknown keys, prototype keys, bulk arrays, deep nesting, text that
 * is not JSON), odd content types and encodings, chunked bodies, and clean bodies that succeed.
 */
import fc from 'fast-check';
import type { Field, Resource } from '../../src-server/catalog/catalog.ts';
import type { FuzzTarget } from './fuzz-target.ts';
import { hostileJson, hostileString, nested } from './hostile-values.ts';
import { between, chance, oneOf, pick, times, type Gen } from './pick.ts';
import type { FuzzRequest } from './raw-request.ts';
import { authHeaders, extraHeaders, idText, pickCaller, type FuzzCase } from './rest-cases.ts';
import { queryString, resourceName, resourceOf } from './rest-query.ts';

/** A JSON value for `field`: valid for its type most of the time. */
function bodyValue(g: Gen, field: Field | undefined, clean = false): unknown {
  if (field === undefined || (!clean && chance(g, 25))) return g(() => hostileJson(2));
  switch (field.type) {
    case 'integer':
      return field.flag ? pick(g, [0, 1, true, false]) : between(g, 0, 500);
    case 'decimal':
    case 'float':
      return Math.round(g(() => fc.double({ min: 0, max: 99999, noNaN: true })) * 100) / 100;
    case 'date':
      return pick(g, ['2026-06-30', '2025-01-15']);
    case 'datetime':
      return pick(g, ['2026-06-30T12:00:00', '2026-06-30 12:00:00']);
    case 'time':
      return '12:30:00';
    case 'enum':
      return pick(g, field.enumValues ?? ['x']);
    default:
      return g(() => fc.string({ minLength: 1, maxLength: Math.min(field.maxLength ?? 20, 20) }));
  }
}

/**
 * A body object: a clean one (the required columns and a few others, well typed, so writes succeed
 * and the success paths are fuzzed too) or one with real, hidden and junk keys and hostile values.
 */
function bodyObject(g: Gen, resource: Resource | undefined): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const fields = resource?.fields ?? [];
  if (chance(g, 35)) {
    for (const f of fields.filter((x) => x.requiredOnCreate)) body[f.name] = bodyValue(g, f, true);
    const optional = fields.filter((x) => x.writable && !x.requiredOnCreate);
    for (let i = between(g, 0, 2); i > 0 && optional.length > 0; i--) {
      const f = pick(g, optional);
      body[f.name] = bodyValue(g, f, true);
    }
    return body;
  }
  if (chance(g, 70)) for (const f of fields.filter((x) => x.requiredOnCreate)) body[f.name] = bodyValue(g, f);
  for (let i = between(g, 0, 4); i > 0; i--) {
    const writable = fields.filter((x) => x.writable);
    oneOf(g, [
      [
        6,
        () => {
          const f = writable.length > 0 ? pick(g, writable) : undefined;
          if (f !== undefined) body[f.name] = bodyValue(g, f);
        },
      ],
      [
        1,
        () => {
          if (fields.length > 0) body[pick(g, fields).name] = bodyValue(g, undefined);
        },
      ],
      [
        2,
        () => {
          body[resource !== undefined && resource.hidden.length > 0 ? pick(g, resource.hidden).name : 'password'] = g(
            () => hostileString(),
          );
        },
      ],
      [
        1,
        () => {
          body[g(() => fc.oneof(hostileString(12), fc.constantFrom('__proto__', 'constructor', 'id', '')))] = g(() =>
            hostileJson(2),
          );
        },
      ],
    ]);
  }
  return body;
}

function writeBody(
  g: Gen,
  resource: Resource | undefined,
  method: string,
): { text: string | undefined; type: string | undefined } {
  const type = oneOf<string | undefined>(g, [
    [20, () => 'application/json'],
    [
      1,
      () =>
        pick(g, [
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/merge-patch+json',
          'application/json; charset=utf-16',
          'application/json; charset=latin1',
          'multipart/form-data; boundary=x',
          '',
          'application/xml',
        ]),
    ],
    [1, () => undefined],
  ]);
  const text = oneOf<string | undefined>(g, [
    [14, () => JSON.stringify(bodyObject(g, resource))],
    [
      method === 'POST' ? 3 : 0,
      () => JSON.stringify(times(g, 4, () => (chance(g, 85) ? bodyObject(g, resource) : g(() => hostileJson(1))))),
    ],
    [1, () => JSON.stringify(g(() => hostileJson(3)))],
    [1, () => JSON.stringify(nested(between(g, 9, 14), bodyObject(g, resource)))],
    [
      1,
      () =>
        pick(g, [
          '{',
          '{"a":1,}',
          '[1,2',
          "{'a':1}",
          'null',
          '""',
          '1e999',
          '\u0000',
          'undefined',
          '{"a":"\\ud800"}',
          '{"__proto__":{"x":1}}',
          '[]',
          '{}',
          ' ',
        ]),
    ],
    [1, () => undefined],
  ]);
  return { text, type };
}

/** A POST, PUT, PATCH or DELETE with a body of the resource's shape, bent out of shape. */
export function writeCase(g: Gen, target: FuzzTarget): FuzzCase {
  const { catalog } = target;
  const writable = catalog.resources.filter((r) => r.operations.length > 1);
  const name = chance(g, 90) && writable.length > 0 ? pick(g, writable).name : resourceName(g, catalog);
  const resource = resourceOf(catalog, name);
  const caller = pickCaller(g, true);
  const method = pick(g, ['POST', 'PATCH', 'PUT', 'DELETE', 'POST', 'PATCH']);
  const path = method === 'POST' ? `/api/v1/${name}` : `/api/v1/${name}/${idText(g, target, resource)}`;
  const query = chance(g, 10) ? queryString(g, catalog, resource, 2) : '';
  const { text, type } =
    method === 'DELETE' && chance(g, 80) ? { text: undefined, type: undefined } : writeBody(g, resource, method);
  const headers: [string, string][] = [...authHeaders(target, caller), ...extraHeaders(g)];
  if (type !== undefined && text !== undefined) headers.push(['content-type', type]);
  if (text !== undefined && chance(g, 5))
    headers.push(['content-encoding', pick(g, ['gzip', 'br', 'identity', 'x-nope'])]);
  const chunked = chance(g, 8);
  const request: FuzzRequest =
    text === undefined
      ? { method, path: path + query, headers, chunked }
      : { method, path: path + query, headers, body: text, chunked };
  return { caller, request, resource, write: true };
}
