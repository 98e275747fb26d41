/**
 * The request being edited (a REST call or a GraphQL document) and its conversions: to the
 * `ExplorerRequest` the server sends, from a history or saved entry, to and from the URL hash
 * (`#/explorer/GET/api/v1/invoices?filter[status]=2`, `#/explorer/graphql`).
 */
import type { ExplorerRequest, HttpMethod, SavedRequest } from '../../../src-shared/admin-api.ts';

export interface HeaderRow {
  readonly key: string;
  readonly value: string;
}

export interface Draft {
  readonly mode: 'rest' | 'graphql';
  readonly method: HttpMethod;
  readonly path: string;
  readonly headers: readonly HeaderRow[];
  readonly body: string;
  readonly query: string;
  readonly variables: string;
  readonly auth: 'studio' | 'token';
  readonly token: string;
}

export const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
export const GRAPHQL_PATH = '/api/v1/graphql';
export const DEFAULT_QUERY = '# Ctrl+Space for suggestions, Ctrl+Enter to run\nquery {\n  \n}\n';

export const EMPTY_DRAFT: Draft = {
  mode: 'rest',
  method: 'GET',
  path: '/api/v1/',
  headers: [],
  body: '{\n  \n}',
  query: DEFAULT_QUERY,
  variables: '{}',
  auth: 'studio',
  token: '',
};

export function hasBody(method: HttpMethod): boolean {
  return method === 'POST' || method === 'PUT' || method === 'PATCH';
}

/** Variables text → object; a problem sentence when it is not a JSON object. */
export function parseVariables(text: string): { value: Record<string, unknown> } | { error: string } {
  if (text.trim() === '') return { value: {} };
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'Variables must be a JSON object, e.g. {"id": 1}' };
    return { value: value as Record<string, unknown> };
  } catch (error) {
    return { error: `Variables are not valid JSON: ${(error as Error).message}` };
  }
}

export function toRequest(draft: Draft, pii: boolean, graphqlPath = GRAPHQL_PATH): ExplorerRequest {
  const headers = Object.fromEntries(draft.headers.filter((h) => h.key.trim() !== '').map((h) => [h.key.trim(), h.value]));
  const auth = draft.auth === 'token' ? { kind: 'token' as const, token: draft.token.trim() } : { kind: 'studio' as const };
  if (draft.mode === 'graphql') {
    const variables = parseVariables(draft.variables);
    const body = JSON.stringify({ query: draft.query, variables: 'value' in variables ? variables.value : {} });
    return { method: 'POST', path: graphqlPath, headers: { 'Content-Type': 'application/json', ...headers }, body, auth, pii };
  }
  const body = hasBody(draft.method) ? draft.body : null;
  const withType = body !== null && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type') ? { 'Content-Type': 'application/json', ...headers } : headers;
  return { method: draft.method, path: draft.path, headers: withType, body, auth, pii };
}

/** A history or saved entry back into the editor (a token is never stored: its kind is kept). */
export function fromSaved(saved: SavedRequest, current: Draft, graphqlPath = GRAPHQL_PATH): Draft {
  const r = saved.request;
  const headers = Object.entries(r.headers ?? {})
    .filter(([k]) => k.toLowerCase() !== 'content-type')
    .map(([key, value]) => ({ key, value }));
  const auth = r.auth.kind;
  if (r.path.split('?')[0] === graphqlPath && r.body !== null && r.body !== undefined) {
    try {
      const parsed = JSON.parse(r.body) as { query?: unknown; variables?: unknown };
      if (typeof parsed.query === 'string')
        return { ...current, mode: 'graphql', headers, auth, query: parsed.query, variables: JSON.stringify(parsed.variables ?? {}, null, 2) };
    } catch {
      // not a GraphQL body: open it as REST
    }
  }
  return { ...current, mode: 'rest', method: r.method, path: r.path, headers, auth, body: r.body ?? current.body };
}

export function draftToHash(draft: Draft): string {
  return draft.mode === 'graphql' ? '#/explorer/graphql' : `#/explorer/${draft.method}${draft.path}`;
}

export function draftFromHash(hash: string, current: Draft): Draft | null {
  const match = /^#\/explorer\/(graphql|GET|POST|PUT|PATCH|DELETE)(\/.*)?$/.exec(hash);
  if (match === null) return null;
  if (match[1] === 'graphql') return { ...current, mode: 'graphql' };
  let path = match[2] ?? '/api/v1/';
  try {
    path = decodeURI(path);
  } catch {
    // keep it as written
  }
  return { ...current, mode: 'rest', method: match[1] as HttpMethod, path };
}
