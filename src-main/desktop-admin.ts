/**
 * The main process's calls to the engine's admin API (menu and tray actions: exports, whitelist
 * import/export, LAN sharing, status), over loopback HTTP with the launch's session token, exactly
 * as the Studio page calls it.
 */
import type { ServerInfo } from '../src-shared/admin-api.ts';

export interface DesktopAdmin {
  text(path: string): Promise<string>;
  json<T>(path: string, init?: { method: string; body?: unknown }): Promise<T>;
  server(): Promise<ServerInfo>;
}

export function createDesktopAdmin(baseUrl: string, adminToken: string, fetchImpl: typeof fetch = fetch): DesktopAdmin {
  async function call(path: string, init: { method: string; body?: unknown } = { method: 'GET' }): Promise<Response> {
    const response = await fetchImpl(`${baseUrl}/admin/api${path}`, {
      method: init.method,
      headers: { 'X-PAS-Admin-Token': adminToken, Accept: 'application/json', ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
    });
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({}))) as { title?: string; detail?: string; hint?: string };
      throw new Error([problem.detail ?? problem.title ?? `HTTP ${response.status}`, problem.hint].filter(Boolean).join(' — '));
    }
    return response;
  }
  return {
    text: async (path) => (await call(path)).text(),
    json: async <T,>(path: string, init?: { method: string; body?: unknown }) => ((await (await call(path, init)).json()) as { data: T }).data,
    server: async () => ((await (await call('/server')).json()) as { data: ServerInfo }).data,
  };
}
