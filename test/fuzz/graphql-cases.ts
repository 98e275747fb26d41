/**
 * Hostile GraphQL requests built by walking the served schema: real root fields, arguments, input
 * types and relations, with values that are wrong in type or range, selections nested past the
 * depth limit, alias floods, variables that disagree with their declarations, mutations with bent
 * inputs, introspection, and documents that are not GraphQL at all; sent over POST and GET with odd
 * bodies, content types and Accept headers.
 */
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { CALLERS, type FuzzTarget } from './fuzz-target.ts';
import {
  hostileJson,
  hostileNumber,
  hostileString,
  NASTY_STRINGS,
  percentEncode,
  plausibleText,
} from './hostile-values.ts';
import { between, chance, oneOf, pick, times, type Gen } from './pick.ts';
import type { FuzzCase } from './rest-cases.ts';

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

interface DocumentParts {
  readonly query: unknown;
  readonly variables?: unknown;
  readonly operationName?: unknown;
  readonly mutation: boolean;
  /** Meant to run: sent by the full token over POST JSON. */
  readonly clean: boolean;
}

/** A well-typed, modest value, so some operations (mutations above all) get through. */
function cleanValue(g: Gen, target: FuzzTarget, type: GraphQLInputType, depth: number): unknown {
  if (isNonNullType(type)) return cleanValue(g, target, type.ofType, depth);
  if (isListType(type)) return times(g, 2, () => cleanValue(g, target, type.ofType, depth - 1), 1);
  if (isEnumType(type)) return pick(g, type.getValues()).name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const out: Record<string, unknown> = {};
    for (const f of fields.filter((x) => isNonNullType(x.type))) out[f.name] = cleanValue(g, target, f.type, depth - 1);
    const scalars = fields.filter((f) => !isInputObjectType(getNamedType(f.type)));
    for (let i = between(g, 0, 2); i > 0 && scalars.length > 0; i--) {
      const f = pick(g, scalars);
      out[f.name] = cleanValue(g, target, f.type, depth - 1);
    }
    return out;
  }
  switch (type.name) {
    case 'Int':
      return between(g, 0, 50);
    case 'Float':
      return between(g, 0, 99999) / 100;
    case 'Boolean':
      return g(fc.boolean);
    case 'ID':
      return String(between(g, 1, 6));
    case 'Date':
      return '2026-06-30';
    case 'DateTime':
      return '2026-06-30T12:00:00';
    default:
      return g(() => fc.stringMatching(/^[a-z]{1,10}$/));
  }
}

/** A JS value for an input type: right most of the time, wrong in type or range otherwise. */
function inputValue(g: Gen, target: FuzzTarget, type: GraphQLInputType, depth: number): unknown {
  if (chance(g, 6)) return g(() => hostileJson(1));
  if (isNonNullType(type)) return chance(g, 3) ? null : inputValue(g, target, type.ofType, depth);
  if (chance(g, 5)) return null;
  if (isListType(type)) {
    if (chance(g, 10)) return inputValue(g, target, type.ofType, depth);
    return times(g, 3, () => inputValue(g, target, type.ofType, depth - 1));
  }
  if (isEnumType(type))
    return chance(g, 92) ? pick(g, type.getValues()).name : pick(g, ['ASC', 'DESC', 'nope', 'password', 'hash']);
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const out: Record<string, unknown> = {};
    if (fields.length === 0) return out;
    const required = fields.filter((f) => isNonNullType(f.type));
    if (chance(g, 60)) for (const f of required) out[f.name] = inputValue(g, target, f.type, depth - 1);
    for (let i = between(g, depth > 0 ? 1 : 0, 3); i > 0; i--) {
      const f = pick(g, fields);
      // and/or/not recurse: bounded by depth so a document stays within the body limit.
      if (depth <= 0 && isInputObjectType(getNamedType(f.type))) continue;
      out[f.name] = inputValue(g, target, f.type, depth - 1);
    }
    if (chance(g, 5)) out[pick(g, [...target.sensitiveNames, 'nope'])] = 1;
    return out;
  }
  switch (type.name) {
    case 'Int':
      return chance(g, 80) ? between(g, -3, 600) : g(hostileNumber);
    case 'Float':
      return g(hostileNumber);
    case 'Boolean':
      return chance(g, 90) ? g(fc.boolean) : pick(g, [0, 'true', 1]);
    case 'ID':
      return chance(g, 70) ? String(between(g, 0, 400)) : g(() => hostileString(20));
    case 'Date':
      return pick(g, ['2026-06-30', '2025-01-01', '0000-00-00', '2026-02-30', '26-1-1', '']);
    case 'DateTime':
      return pick(g, ['2026-06-30T12:00:00', '2026-06-30 12:00:00', '2026-06-30T12:00:00Z', 'now', '']);
    case 'String':
      return g(() => fc.oneof(hostileString(), plausibleText()));
    default:
      return g(() => hostileJson(2));
  }
}

/** Prints a JS value as a GraphQL literal (enums bare where the type is an enum). */
function literal(value: unknown, type: GraphQLInputType | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  const named = type === undefined ? undefined : getNamedType(type);
  if (typeof value === 'string')
    return named !== undefined && isEnumType(named) && NAME.test(value) ? value : JSON.stringify(value);
  const inner = type !== undefined && isNonNullType(type) ? type.ofType : type;
  if (Array.isArray(value))
    return `[${value.map((v) => literal(v, inner !== undefined && isListType(inner) ? inner.ofType : inner)).join(', ')}]`;
  const fields = named !== undefined && isInputObjectType(named) ? named.getFields() : {};
  const members = Object.entries(value as Record<string, unknown>)
    .filter(([k]) => NAME.test(k))
    .map(([k, v]) => `${k}: ${literal(v, fields[k]?.type)}`);
  return `{${members.join(', ')}}`;
}

interface Builder {
  readonly g: Gen;
  readonly target: FuzzTarget;
  readonly variables: Record<string, unknown>;
  readonly declarations: string[];
  readonly useVariables: boolean;
  /** Well-typed arguments only (a share of mutations, so writes that succeed are fuzzed too). */
  readonly clean: boolean;
}

function argumentsOf(b: Builder, field: GraphQLField<unknown, unknown>): string {
  const { g } = b;
  const parts: string[] = [];
  for (const arg of field.args) {
    const required = isNonNullType(arg.type);
    if (!chance(g, required ? (b.clean ? 100 : 95) : b.clean ? 10 : 35)) continue;
    const value = b.clean ? cleanValue(g, b.target, arg.type, 2) : inputValue(g, b.target, arg.type, 2);
    if (b.useVariables && chance(g, 70)) {
      const name = `v${b.declarations.length}`;
      // Sometimes declared with the wrong type, so coercion and validation disagree with the value.
      const declared =
        b.clean || chance(g, 90) ? String(arg.type) : pick(g, ['String', 'Int!', '[Int]', 'JSON', 'Nope']);
      b.declarations.push(`$${name}: ${declared}`);
      if (b.clean || chance(g, 92)) b.variables[name] = value;
      parts.push(`${arg.name}: $${name}`);
    } else parts.push(`${arg.name}: ${literal(value, arg.type)}`);
  }
  if (!b.clean && chance(g, 4))
    parts.push(
      `${pick(g, ['nope', 'password', 'limit', 'id'])}: ${literal(
        g(() => hostileJson(1)),
        undefined,
      )}`,
    );
  return parts.length === 0 ? '' : `(${parts.join(', ')})`;
}

function selectionSet(b: Builder, type: GraphQLObjectType, depth: number, maxDepth: number): string {
  const { g } = b;
  const fields = Object.values(type.getFields());
  let chosen = times(g, b.clean && depth === 1 ? 1 : 4, () => pick(g, fields), 1);
  // Clean operations select each field once, so they validate and run.
  if (b.clean) chosen = [...new Map(chosen.map((f) => [f.name, f])).values()];
  const parts = chosen.map((field, i) => {
    const alias = chance(g, 10) ? `a${i}_${depth}: ` : '';
    const named = getNamedType(field.type);
    let sub = '';
    if (isObjectType(named)) {
      if (depth < maxDepth) sub = ` { ${selectionSet(b, named, depth + 1, maxDepth)} }`;
      else if (b.clean || !chance(g, 10)) sub = ` { __typename }`;
    } else if (!b.clean && chance(g, 3)) sub = ' { id }';
    return `${alias}${field.name}${argumentsOf(b, field)}${sub}`;
  });
  if (chance(g, 8)) parts.push('__typename');
  if (!b.clean && chance(g, 5))
    parts.push(pick(g, [...b.target.sensitiveNames, 'nope', '__schema { types { name } }']));
  if (chance(g, 4)) parts.push(`... on ${type.name} { __typename }`);
  return parts.join(' ');
}

/** An operation over the schema's Query or Mutation type. */
function operation(g: Gen, target: FuzzTarget): DocumentParts {
  const mutationType = target.schema.getMutationType();
  const mutation = mutationType !== null && mutationType !== undefined && chance(g, 30);
  const root = mutation ? mutationType : target.schema.getQueryType();
  if (root === null || root === undefined) throw new Error('schema without a query type');
  const b: Builder = {
    g,
    target,
    variables: {},
    declarations: [],
    useVariables: chance(g, 30),
    clean: chance(g, mutation ? 50 : 30),
  };
  const maxDepth = oneOf(g, [
    [6, () => between(g, 1, 4)],
    [1, () => between(g, 7, 12)],
  ]);
  let body: string;
  if (!b.clean && chance(g, 3)) {
    // An alias flood of one cheap field.
    const field = pick(g, Object.values(root.getFields()));
    body = Array.from(
      { length: between(g, 30, 150) },
      (_, i) => `x${i}: ${field.name}${argumentsOf(b, field)} { __typename }`,
    ).join(' ');
  } else body = selectionSet(b, root, 1, maxDepth);
  const named = chance(g, 30);
  const name = named ? `Op${between(g, 0, 2)}` : '';
  const head = `${mutation ? 'mutation' : chance(g, 70) ? 'query' : ''}${named ? ` ${name}` : ''}${b.declarations.length > 0 ? `(${b.declarations.join(', ')})` : ''}`;
  let query = `${head} { ${body} }`.trim();
  if (head === '' && b.declarations.length > 0) query = `query${query.startsWith('(') ? '' : ' '}${query}`;
  if (!b.clean && chance(g, 8)) query = `${query}\nquery Other { __typename }`;
  const operationName = oneOf<unknown>(g, [
    [6, () => undefined],
    [2, () => (named || b.clean ? name || undefined : 'Op1')],
    [b.clean ? 0 : 1, () => g(() => hostileJson(0))],
  ]);
  const variables = oneOf<unknown>(g, [
    [12, () => (Object.keys(b.variables).length > 0 ? b.variables : undefined)],
    [b.clean ? 0 : 1, () => g(() => hostileJson(2))],
  ]);
  return { query, variables, operationName, mutation, clean: b.clean };
}

/** Documents that are wrong before any schema is consulted, or that probe known attacks. */
function specialDocument(g: Gen, target: FuzzTarget): DocumentParts {
  const anyHidden = pick(g, [...target.sensitiveNames]);
  const query = oneOf<unknown>(g, [
    [2, () => g(() => hostileString(200))],
    [1, () => `{ ${'a { '.repeat(between(g, 20, 400))}`],
    [1, () => `query { ${'__typename '.repeat(between(g, 100, 20_000))}}`],
    [1, () => `query { __typename ${'@skip(if: false) '.repeat(between(g, 10, 2000))}}`],
    [1, () => 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'],
    [1, () => '{ __schema { types { name fields { name args { name } } inputFields { name } } } }'],
    [
      1,
      () =>
        `{ __type(name: ${JSON.stringify(pick(g, ['Contact', 'Staff', 'Invoice', 'Lead', 'Query', 'Mutation']))}) { fields { name } inputFields { name } } }`,
    ],
    [1, () => `{ contacts { ${anyHidden} } }`],
    [1, () => `{ staff(filter: {${anyHidden}: "x"}) { staffid } }`],
    [1, () => 'subscription { invoices { id } }'],
    [1, () => '{ a } { b }'],
    [1, () => `{ invoices(limit: ${pick(g, ['99999999999', '-1', '1.5', '"10"', 'null'])}) { id } }`],
    [1, () => pick(g, [null, 42, [], {}, true, '', ' '])],
    [1, () => '{ leads { id } }'.slice(0, between(g, 1, 14))],
    [1, () => `{ ${pick(g, NASTY_STRINGS)} }`],
  ]);
  return {
    query,
    variables: chance(g, 20) ? g(() => hostileJson(2)) : undefined,
    mutation: typeof query === 'string' && /mutation/.test(query),
    clean: false,
  };
}

/** A GraphQL request over HTTP. */
export function graphqlCase(g: Gen, target: FuzzTarget): FuzzCase {
  const parts = chance(g, 85) ? operation(g, target) : specialDocument(g, target);
  const caller = parts.clean || chance(g, 85) ? 'full' : pick(g, CALLERS);
  const headers: [string, string][] = target.auth[caller].map(([k, v]) => [k, v]);
  if (chance(g, 30))
    headers.push([
      'accept',
      pick(g, [
        'application/graphql-response+json',
        'application/json',
        '*/*',
        'text/html',
        'application/graphql-response+json, application/json;q=0.9',
        '',
      ]),
    ]);
  const path = chance(g, 95)
    ? '/api/v1/graphql'
    : pick(g, ['/api/v1/graphql/', '/api/v1/GraphQL', '/api/v1/graphql?x=1']);
  const envelope: Record<string, unknown> = { query: parts.query };
  if (parts.variables !== undefined) envelope.variables = parts.variables;
  if (parts.operationName !== undefined) envelope.operationName = parts.operationName;
  const request = oneOf(g, [
    [
      parts.clean ? 1000 : 16,
      () => {
        headers.push([
          'content-type',
          chance(g, 95)
            ? 'application/json'
            : pick(g, [
                'application/json; charset=utf-8',
                'application/graphql-response+json',
                'application/json; charset=latin1',
              ]),
        ]);
        return { method: 'POST', path, headers, body: JSON.stringify(envelope), chunked: !parts.clean && chance(g, 8) };
      },
    ],
    [
      3,
      () => {
        const params = Object.entries(envelope).map(
          ([k, v]) => `${k}=${percentEncode(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))}`,
        );
        return {
          method: chance(g, 90) ? 'GET' : 'HEAD',
          path: `${path}${path.includes('?') ? '&' : '?'}${params.join('&')}`,
          headers,
        };
      },
    ],
    [
      1,
      () => {
        headers.push([
          'content-type',
          pick(g, ['application/graphql', 'text/plain', 'application/x-www-form-urlencoded', 'application/json']),
        ]);
        const body = oneOf(g, [
          [1, () => String(parts.query)],
          [1, () => JSON.stringify(parts.query)],
          [1, () => pick(g, ['{', '[]', '{"query":', 'null', '{"query":"{ __typename }","variables":"{"}'])],
        ]);
        return { method: pick(g, ['POST', 'PUT', 'PATCH', 'DELETE']), path, headers, body };
      },
    ],
  ]);
  const mutation = parts.mutation || (typeof parts.query === 'string' && parts.query.includes('mutation'));
  return { caller, request, write: mutation };
}
