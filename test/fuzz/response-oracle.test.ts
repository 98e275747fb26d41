/**
 * The fuzz is only as good as its oracle: each rule must flag the answer it exists for, and pass the
 * answers the API legitimately gives (problems, GraphQL errors with their problem, echoes of the
 * caller's own input).
 */
import { describe, expect, it } from 'vitest';
import type { Resource } from '../../src-server/catalog/catalog.ts';
import type { FuzzReply, FuzzRequest } from './raw-request.ts';
import { checkReply, graphqlRefused, type OracleContext } from './response-oracle.ts';

const GET: FuzzRequest = { method: 'GET', path: '/api/v1/staff', headers: [] };
const context: OracleContext = {
  surface: 'rest',
  request: GET,
  resource: { name: 'staff', hidden: [{ name: 'password' }, { name: 'last_ip' }] } as unknown as Resource,
  sensitiveNames: new Set(['password', 'last_ip']),
  secrets: ['$2y$10$abcdefghijklmnopqrstuv'],
};

function reply(
  status: number,
  body: unknown,
  contentType = 'application/json; charset=utf-8',
  headers = {},
): FuzzReply {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status, contentType, headers: { 'x-request-id': 'r', ...headers }, text, json, ms: 1 };
}

const problem = (status: number, code: string) => ({
  type: '/t',
  title: 'T',
  status,
  detail: 'd',
  instance: '/i',
  code,
});

describe('response oracle', () => {
  it('passes catalogued problems and plain data', () => {
    expect(checkReply(reply(400, problem(400, 'PAS102'), 'application/problem+json'), context)).toEqual([]);
    expect(checkReply(reply(200, { data: [{ staffid: 1, email: 'a@b.c' }] }), context)).toEqual([]);
  });

  it('flags 5xx, errors that are not problem+json, and codes that disagree with the status', () => {
    expect(checkReply(reply(500, problem(500, 'PAS901'), 'application/problem+json'), context).join()).toMatch(
      /status 500/,
    );
    expect(checkReply(reply(404, { error: 'nope' }), context).join()).toMatch(
      /404 with Content-Type application\/json/,
    );
    expect(checkReply(reply(400, problem(400, 'PAS999'), 'application/problem+json'), context).join()).toMatch(
      /not in the catalogue/,
    );
    expect(checkReply(reply(404, problem(400, 'PAS102'), 'application/problem+json'), context).join()).toMatch(
      /≠ HTTP 404/,
    );
  });

  it('flags a hidden column as a key, anywhere, and a hidden value anywhere in the bytes', () => {
    expect(checkReply(reply(200, { data: [{ staffid: 1, client: { password: 'x' } }] }), context).join()).toMatch(
      /`password`/,
    );
    expect(checkReply(reply(200, { data: [{ note: 'was $2y$10$abcdefghijklmnopqrstuv' }] }), context).join()).toMatch(
      /hidden value/,
    );
    expect(checkReply(reply(200, 'staffid,last_ip\n1,x\n', 'text/csv'), context).join()).toMatch(
      /CSV header names hidden column last_ip/,
    );
  });

  it('lets an answer echo a hidden name the request carried, but not name one unasked', () => {
    const body = {
      ...problem(422, 'PAS401'),
      errors: [{ field: 'password', code: 'unknown', message: 'not a field' }],
    };
    const asked = {
      ...context,
      request: { method: 'POST', path: '/api/v1/staff', headers: [], body: '{"password":"x"}' },
    };
    expect(checkReply(reply(422, body, 'application/problem+json'), asked)).toEqual([]);
    expect(checkReply(reply(422, body, 'application/problem+json'), context).join()).toMatch(
      /names hidden column `password` unasked/,
    );
  });

  it('holds GraphQL errors to a problem under extensions and tells refused operations', () => {
    const graphql = { ...context, surface: 'graphql' as const, request: { ...GET, path: '/api/v1/graphql' } };
    const good = { errors: [{ message: 'm', extensions: problem(400, 'PAS124') }], data: null };
    expect(checkReply(reply(200, good), graphql)).toEqual([]);
    expect(checkReply(reply(200, { errors: [{ message: 'm' }] }), graphql).join()).toMatch(
      /extensions: not a JSON object/,
    );
    expect(checkReply(reply(415, '', ''), graphql).join()).toMatch(/GraphQL answer 415 with Content-Type/);
    expect(graphqlRefused(reply(200, { data: { createLead: null }, errors: [good.errors[0]] }))).toBe(true);
    expect(graphqlRefused(reply(200, { data: { createLead: { success: true }, deleteLead: null } }))).toBe(false);
  });

  it("counts node's parser refusals apart (no app headers, empty body)", () => {
    const parser: FuzzReply = { status: 431, contentType: '', headers: {}, text: '', json: undefined, ms: 1 };
    expect(checkReply(parser, context)).toEqual([]);
    expect(checkReply({ ...parser, headers: { 'x-request-id': 'r' } }, context).join()).toMatch(/431/);
  });
});
