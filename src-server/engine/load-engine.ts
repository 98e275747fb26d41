/** Composition of the engine for one database: connect → introspect → build the catalog. */
import { buildCatalog } from '../catalog/build-catalog.ts';
import type { WhitelistConfig } from '../config/whitelist-config.ts';
import { connect } from '../db/connect.ts';
import { introspect } from '../introspect/introspect.ts';
import type { Engine } from './engine.ts';

export interface EngineOptions {
  /** Connection URL: `mysql://…` or `sqlite:path`. */
  readonly db: string;
  readonly whitelist: WhitelistConfig;
  readonly now?: () => Date;
  /** Database-side limit on statement run time (the shield's 10 s by default, set by the composition root). */
  readonly statementTimeoutMs?: number;
}

export async function loadEngine(options: EngineOptions): Promise<Engine> {
  const driver = await connect(options.db, options.statementTimeoutMs === undefined ? {} : { statementTimeoutMs: options.statementTimeoutMs });
  try {
    const schema = await introspect(driver);
    const catalog = buildCatalog(schema, options.whitelist);
    return Object.freeze({ driver, catalog, now: options.now ?? (() => new Date()) });
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw error;
  }
}
