/**
 * The fuzz's oracle: what must hold for any answer, whatever was sent.
 *  - never a 5xx;
 *  - REST (and every refusal of the security pipeline, GraphQL included): each error status is an
 *    RFC 9457 `application/problem+json` whose `status` is the HTTP status and whose `code` is in the
 *    catalogue with that status;
 *  - GraphQL: an answer in graphql-http's format (`application/json` or
 *    `application/graphql-response+json`, an object with `data` and/or `errors`), where every error
 *    carries the problem object under `extensions` (a catalogued `PASxxx` code: PAS124 for syntax,
 *    validation and variable errors, PAS12x for limits, PAS4xx for refused writes…), never PAS9xx;
 *  - no hidden column name as a JSON key, no hidden column value anywhere in the bytes.
 */
import { PROBLEMS, type ProblemCode } from '../../src-server/errors/problem-catalogue.ts';
import type { Resource } from '../../src-server/catalog/catalog.ts';
import type { FuzzReply, FuzzRequest } from './raw-request.ts';

export type Surface = 'rest' | 'graphql';

export interface OracleContext {
  readonly surface: Surface;
  readonly request: FuzzRequest;
  /** The resource whose rows the answer carries at `data`, when known (REST). */
  readonly resource?: Resource;
  readonly sensitiveNames: ReadonlySet<string>;
  readonly secrets: readonly string[];
}

const PROBLEM_TYPE = /^application\/problem\+json(\s*;|$)/i;
const JSON_TYPE = /^application\/(graphql-response\+)?json(\s*;|$)/i;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Problems of a problem object (REST body, or a GraphQL error's extensions). */
function problemViolations(body: unknown, status: number | null, where: string): string[] {
  if (!isObject(body)) return [`${where}: not a JSON object`];
  const out: string[] = [];
  const code = body.code;
  if (typeof code !== 'string' || !Object.hasOwn(PROBLEMS, code))
    out.push(`${where}: code ${String(code)} is not in the catalogue`);
  else {
    const entry = PROBLEMS[code as ProblemCode];
    if (entry.status >= 500) out.push(`${where}: server error ${code}: ${String(body.detail)}`);
    if (body.status !== entry.status)
      out.push(`${where}: status ${String(body.status)} but ${code} is ${entry.status}`);
  }
  if (status !== null && body.status !== status)
    out.push(`${where}: body status ${String(body.status)} ≠ HTTP ${status}`);
  for (const member of ['type', 'title', 'detail']) {
    if (typeof body[member] !== 'string') out.push(`${where}: \`${member}\` missing`);
  }
  return out;
}

function graphqlViolations(reply: FuzzReply): string[] {
  if (!JSON_TYPE.test(reply.contentType))
    return [`GraphQL answer ${reply.status} with Content-Type ${reply.contentType}`];
  const body = reply.json;
  if (!isObject(body)) return [`GraphQL answer ${reply.status} is not a JSON object: ${reply.text.slice(0, 200)}`];
  if (!('data' in body) && !('errors' in body)) return ['GraphQL answer without data or errors'];
  const out: string[] = [];
  if (reply.status >= 400 && (!Array.isArray(body.errors) || body.errors.length === 0)) {
    out.push(`GraphQL ${reply.status} without errors`);
  }
  if ('errors' in body) {
    if (!Array.isArray(body.errors)) return [...out, 'GraphQL `errors` is not a list'];
    body.errors.forEach((error: unknown, i) => {
      if (!isObject(error) || typeof error.message !== 'string') out.push(`GraphQL errors[${i}] has no message`);
      else out.push(...problemViolations(error.extensions, null, `GraphQL errors[${i}].extensions`));
    });
  }
  return out;
}

function restViolations(reply: FuzzReply, request: FuzzRequest): string[] {
  if (reply.status < 400) return [];
  if (!PROBLEM_TYPE.test(reply.contentType))
    return [`${reply.status} with Content-Type ${reply.contentType}: ${reply.text.slice(0, 200)}`];
  if (request.method === 'HEAD') return [];
  return problemViolations(reply.json, reply.status, 'problem');
}

/** Every key of a JSON value, at any depth. */
function* keysOf(value: unknown): Generator<string> {
  if (Array.isArray(value)) for (const item of value) yield* keysOf(item);
  else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      yield key;
      yield* keysOf(item);
    }
  }
}

function* stringsOf(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* stringsOf(item);
  else if (isObject(value)) for (const item of Object.values(value)) yield* stringsOf(item);
}

/** The text of the request a value may legitimately echo (a refused name in a 422's `field`). */
function requestText(request: FuzzRequest): string {
  let path = request.path;
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep the raw path: it is what the server saw
  }
  return `${path}\n${request.body?.toString() ?? ''}`;
}

/** `/auth/test` describes the caller's API token under `data.token`: the API's word, not a column. */
function withoutApiVocabulary(json: unknown, request: FuzzRequest): unknown {
  if (!request.path.startsWith('/api/v1/auth/test') || !isObject(json) || !isObject(json.data)) return json;
  const { token: _token, ...data } = json.data;
  return { ...json, data };
}

function leakViolations(reply: FuzzReply, ctx: OracleContext): string[] {
  const out: string[] = [];
  for (const secret of ctx.secrets) {
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (reply.text.includes(secret) || reply.text.includes(escaped))
      out.push(`answer contains the hidden value ${JSON.stringify(secret.slice(0, 40))}`);
  }
  const json = reply.json;
  if (json === undefined) {
    // CSV, NDJSON or text: the header line and NDJSON records must not name a hidden column.
    for (const line of reply.text.split('\n').slice(0, 3)) {
      for (const name of ctx.resource?.hidden.map((h) => h.name) ?? []) {
        if (line.split(',').some((cell) => cell.replace(/"/g, '') === name))
          out.push(`CSV header names hidden column ${name}`);
      }
    }
    for (const line of reply.text.split('\n')) {
      try {
        for (const key of keysOf(JSON.parse(line))) if (ctx.sensitiveNames.has(key)) out.push(`NDJSON key ${key}`);
      } catch {
        // not a JSON line
      }
    }
    return out;
  }
  for (const key of keysOf(withoutApiVocabulary(json, ctx.request))) {
    if (ctx.sensitiveNames.has(key)) out.push(`JSON key \`${key}\` is a hidden column`);
  }
  const echo = requestText(ctx.request);
  for (const text of stringsOf(json)) {
    if (ctx.sensitiveNames.has(text) && !echo.includes(text))
      out.push(`the answer names hidden column \`${text}\` unasked`);
  }
  if (ctx.resource !== undefined && reply.status < 300 && isObject(json)) {
    const hidden = new Set(ctx.resource.hidden.map((h) => h.name));
    const rows = Array.isArray(json.data) ? json.data : isObject(json.data) ? [json.data] : [];
    for (const row of rows) {
      if (isObject(row))
        for (const key of Object.keys(row))
          if (hidden.has(key)) out.push(`row of ${ctx.resource.name} has hidden \`${key}\``);
    }
  }
  return out;
}

/**
 * Node's HTTP parser refuses some requests before any middleware runs (a request head over 16 KB →
 * 431, a malformed request line → 400), with an empty body and none of the app's headers. Known and
 * reported (issue 9 note: a `clientError` handler in src-server/server/start-server.ts would answer
 * them as problems); the runner counts them apart instead of failing.
 */
export function isParserRefusal(reply: FuzzReply): boolean {
  return (
    reply.headers['x-request-id'] === undefined && (reply.status === 400 || reply.status === 431) && reply.text === ''
  );
}

/** Everything wrong with one answer (empty when it is fine). */
export function checkReply(reply: FuzzReply, ctx: OracleContext): string[] {
  if (isParserRefusal(reply)) return [];
  const out: string[] = [];
  if (reply.status >= 500 || reply.status < 100) out.push(`status ${reply.status}: ${reply.text.slice(0, 300)}`);
  if (ctx.surface === 'graphql' && !PROBLEM_TYPE.test(reply.contentType)) out.push(...graphqlViolations(reply));
  else out.push(...restViolations(reply, ctx.request));
  out.push(...leakViolations(reply, ctx));
  return out;
}

/** Whether a GraphQL answer refused everything it was asked (no root field has a value). */
export function graphqlRefused(reply: FuzzReply): boolean {
  if (reply.status >= 400) return true;
  const body = reply.json;
  if (!isObject(body) || !isObject(body.data)) return true;
  return Object.values(body.data).every((v) => v === null);
}
