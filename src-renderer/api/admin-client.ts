/**
 * The Studio's one way to reach the server: `/admin/api/*` over same-origin fetch. The admin
 * session travels as the HttpOnly cookie set by `/?token=…` (browser) or as the header given by the
 * Electron preload (never in the URL). Refusals become `ApiProblem`s carrying the RFC 9457 body.
 */
import type { ProblemBody } from '../../src-shared/admin-api.ts';
import type { DesktopBridge } from '../../src-shared/desktop-bridge.ts';

declare global {
  interface Window {
    /** Set by the Electron preload (src-main); absent in a plain browser. */
    readonly studioDesktop?: DesktopBridge;
  }
}

export class ApiProblem extends Error {
  readonly problem: ProblemBody;
  constructor(problem: ProblemBody) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiProblem';
    this.problem = problem;
  }
}

let sessionHeader: Promise<Record<string, string>> | undefined;

function authHeaders(): Promise<Record<string, string>> {
  sessionHeader ??= (async (): Promise<Record<string, string>> => {
    const token = await window.studioDesktop?.adminSessionToken();
    return token === undefined ? {} : { 'X-PAS-Admin-Token': token };
  })();
  return sessionHeader;
}

function networkProblem(error: unknown): ProblemBody {
  return {
    type: 'about:blank',
    title: 'The Studio cannot reach its server',
    status: 0,
    code: 'NETWORK',
    detail: error instanceof Error ? error.message : String(error),
    hint: 'Is the server still running? Restart it (`npm start`) and reload this page.',
  };
}

async function problemOf(response: Response): Promise<ProblemBody> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as Partial<ProblemBody>;
    if (typeof body.title === 'string') return { code: 'UNKNOWN', type: 'about:blank', status: response.status, ...body } as ProblemBody;
  } catch {
    // not JSON: fall through
  }
  return { type: 'about:blank', title: response.statusText || 'Request failed', status: response.status, code: `HTTP${response.status}`, detail: text.slice(0, 500) };
}

/** Raw call: the Response itself (downloads, text bodies); throws ApiProblem on refusals. */
export async function adminRequest(path: string, init: RequestInit = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...(await authHeaders()), ...(init.headers as Record<string, string> | undefined) };
  if (init.body !== undefined && typeof init.body === 'string') headers['Content-Type'] ??= 'application/json';
  let response: Response;
  try {
    response = await fetch(`/admin/api${path}`, { ...init, headers, credentials: 'same-origin' });
  } catch (error) {
    throw new ApiProblem(networkProblem(error));
  }
  if (!response.ok) throw new ApiProblem(await problemOf(response));
  return response;
}

/** JSON call: `{ data }` unwrapped (204 → undefined). */
export async function admin<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const response = await adminRequest(path, json === undefined ? rest : { ...rest, body: JSON.stringify(json) });
  if (response.status === 204) return undefined as T;
  const body = (await response.json()) as { data: T };
  return body.data;
}
