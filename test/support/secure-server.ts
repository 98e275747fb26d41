/**
 * The real composition root (`serve`) over a test database, in a fresh data directory: local store,
 * security pipeline, admin API. Tokens are created in the store as the CLI would.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Grants } from '../../src-server/engine/access.ts';
import type { SecurityOptions } from '../../src-server/security/security-options.ts';
import { serve, type Serving } from '../../src-server/server/serve.ts';
import { fileKeyProvider } from '../../src-server/store/key-provider.ts';
import { openStore, storeFile } from '../../src-server/store/open-store.ts';
import type { NewToken } from '../../src-server/store/tokens-repo.ts';
import { requester, TEST_WHITELIST, type TestServer } from './test-server.ts';

export interface SecureServer {
  readonly url: string;
  readonly serving: Serving;
  readonly dataDir: string;
  readonly request: TestServer['request'];
  /** Creates a token in the store and returns its secret. */
  token(grants: Partial<Grants>, extra?: Partial<NewToken>): { token: string; id: string; hmacSecret: string | null };
  /** Calls the admin API with this launch's session token. */
  admin(method: string, pathAndQuery: string, body?: unknown): ReturnType<TestServer['request']>;
  close(): Promise<void>;
}

let counter = 0;

/**
 * `security` is given to serve for this run; `stored` is written into the store first, as
 * `security set` would, so the test goes through what a launch reads.
 */
export async function startSecureServer(
  dbUrl: string,
  security: Partial<SecurityOptions> = {},
  stored: { security?: Partial<SecurityOptions>; graphql?: Record<string, unknown> } = {},
): Promise<SecureServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pas-secure-'));
  const seed = openStore({ file: storeFile(dataDir), keyProvider: fileKeyProvider(dataDir) });
  seed.whitelist.set(TEST_WHITELIST);
  if (stored.security !== undefined) seed.settings.set('security', stored.security);
  if (stored.graphql !== undefined) seed.settings.set('graphql', stored.graphql);
  seed.close();
  const serving = await serve({ db: dbUrl, dataDir, port: 0, logger: pino({ level: 'silent' }), security });
  const request = requester(serving.url);
  return {
    url: serving.url,
    serving,
    dataDir,
    request,
    token(grants, extra = {}) {
      const created = serving.store.tokens.create({
        name: `test ${++counter}`,
        grants: { scopes: ['rest', 'graphql', 'views'], read: [], create: [], update: [], delete: [], ...grants },
        ...extra,
      });
      return { token: created.token, id: created.record.id, hmacSecret: created.hmacSecret };
    },
    admin: (method, pathAndQuery, body) => request(method, pathAndQuery, body, { 'x-pas-admin-token': serving.adminToken }),
    async close() {
      await serving.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function bearer(token: string, headers: Record<string, string> = {}): Record<string, string> {
  return { authorization: `Bearer ${token}`, ...headers };
}
