/**
 * The composition root of a running server, shared by the CLI's `serve` and the desktop app:
 * database (the demo when none is given) → engine → app → listening server.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { whitelistAccess } from '../engine/access.ts';
import { setRequestContext } from '../http/request-context.ts';
import type { WhitelistConfig } from '../config/whitelist-config.ts';
import { ensureDemoDatabase } from '../demo/create-demo-database.ts';
import type { Engine } from '../engine/engine.ts';
import { loadEngine } from '../engine/load-engine.ts';
import { createApp } from '../http/create-app.ts';
import { startServer, type RunningServer } from './start-server.ts';

export interface ServeOptions {
  /** Connection URL; undefined = the embedded demo database in `dataDir`. */
  readonly db: string | undefined;
  readonly dataDir: string;
  readonly whitelist: WhitelistConfig;
  readonly host: string;
  readonly port: number;
  readonly logger: Logger;
  /** Told which database is used when the demo is picked (the CLI prints it). */
  readonly onDemo?: (file: string) => void;
}

export interface Serving extends RunningServer {
  readonly engine: Engine;
}

export async function serve(options: ServeOptions): Promise<Serving> {
  let db = options.db;
  if (db === undefined) {
    const file = await ensureDemoDatabase(options.dataDir);
    options.onDemo?.(file);
    db = `sqlite:${file}`;
  }
  const engine = await loadEngine({ db, whitelist: options.whitelist });
  // A stale whitelist (a table or column that no longer exists) must be visible, not silently ignored.
  for (const warning of engine.catalog.warnings ?? []) options.logger.warn(`whitelist: ${warning}`);
  const access = whitelistAccess(engine.catalog);
  try {
    const server = await startServer(createApp(engine, {
      logger: options.logger,
      // Interim until the token pipeline is wired in (issue 4): the whitelist's rights, as before.
      guard: (req, _res, next) => {
        setRequestContext(req, { requestId: randomUUID(), access });
        next();
      },
    }), options.host, options.port);
    return {
      ...server,
      engine,
      async close() {
        await server.close();
        await engine.driver.close();
      },
    };
  } catch (error) {
    await engine.driver.close();
    throw error;
  }
}
