/**
 * The engine of one database, for the CLI, benches and tests: connect → introspect → build the
 * catalog, refreshable later. It is an engine host (engine-host.ts) that is never switched, so there
 * is one implementation of opening and refreshing a database.
 */
import type { WhitelistConfig } from '../config/whitelist-config.ts';
import { openEngineHost, type EngineHost } from './engine-host.ts';

export interface EngineOptions {
  /** Connection URL: `mysql://…` or `sqlite:path`. */
  readonly db: string;
  /** The whitelist, or where to read it each time the catalog is (re)built (the local store). */
  readonly whitelist: WhitelistConfig | (() => WhitelistConfig);
  readonly now?: () => Date;
  /** Database-side limit on statement run time (the shield's 10 s by default, set by the composition root). */
  readonly statementTimeoutMs?: number;
}

export function loadEngine(options: EngineOptions): Promise<EngineHost> {
  const { whitelist } = options;
  return openEngineHost(
    { id: 'cli', name: 'database', url: options.db },
    {
      whitelist: typeof whitelist === 'function' ? whitelist : () => whitelist,
      ...(options.now === undefined ? {} : { now: options.now }),
      ...(options.statementTimeoutMs === undefined ? {} : { statementTimeoutMs: options.statementTimeoutMs }),
    },
  );
}
