/**
 * The real `serve` over a demo database for the docs tests, with examples read from its rows (as on
 * the embedded demo) and a chosen docs switch. Tokens are created in the store as the CLI would.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { DocsMode } from '../../src-server/docs/docs-mode.ts';
import type { Grants } from '../../src-server/engine/access.ts';
import { serve, type Serving } from '../../src-server/server/serve.ts';
import { fileKeyProvider } from '../../src-server/store/key-provider.ts';
import { openStore, storeFile } from '../../src-server/store/open-store.ts';
import type { NewToken } from '../../src-server/store/tokens-repo.ts';
import { requester, TEST_WHITELIST, type TestServer } from './test-server.ts';

export interface DocsServer {
  readonly url: string;
  readonly serving: Serving;
  readonly request: TestServer['request'];
  token(grants: Partial<Grants>, extra?: Partial<NewToken>): { token: string; hmacSecret: string | null };
  close(): Promise<void>;
}

export async function startDocsServer(
  dbUrl: string,
  options: { docs?: DocsMode; lan?: boolean } = {},
): Promise<DocsServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pas-docs-'));
  const seed = openStore({ file: storeFile(dataDir), keyProvider: fileKeyProvider(dataDir) });
  seed.whitelist.set(TEST_WHITELIST);
  seed.close();
  const serving = await serve({
    db: dbUrl,
    dataDir,
    port: 0,
    logger: pino({ level: 'silent' }),
    docsExamples: 'rows',
    ...(options.docs === undefined ? {} : { docs: options.docs }),
    ...(options.lan === undefined ? {} : { lan: options.lan }),
  });
  return {
    url: serving.url,
    serving,
    request: requester(serving.url),
    token(grants, extra = {}) {
      const created = serving.store.tokens.create({
        name: `docs test ${Date.now()}-${Math.random()}`,
        grants: { scopes: ['rest', 'graphql', 'views'], read: [], create: [], update: [], delete: [], ...grants },
        ...extra,
      });
      return { token: created.token, hmacSecret: created.hmacSecret };
    },
    async close() {
      await serving.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
