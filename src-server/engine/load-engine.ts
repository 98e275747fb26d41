/** Composition of the engine for one database: connect → introspect → build the catalog, and refresh it later. */
import { buildCatalog } from '../catalog/build-catalog.ts';
import type { Catalog, Resource } from '../catalog/catalog.ts';
import type { WhitelistConfig } from '../config/whitelist-config.ts';
import { connect } from '../db/connect.ts';
import type { Driver } from '../db/driver.ts';
import { introspect } from '../introspect/introspect.ts';
import type { CatalogRefresh, Engine } from './engine.ts';

export interface EngineOptions {
  /** Connection URL: `mysql://…` or `sqlite:path`. */
  readonly db: string;
  /** The whitelist, or where to read it each time the catalog is (re)built (the local store). */
  readonly whitelist: WhitelistConfig | (() => WhitelistConfig);
  readonly now?: () => Date;
  /** Database-side limit on statement run time (the shield's 10 s by default, set by the composition root). */
  readonly statementTimeoutMs?: number;
}

/** A resource's shape without its row estimate (which moves with every insert). */
function shape(resource: Resource): string {
  const { rowEstimate: _rows, ...rest } = resource;
  return JSON.stringify(rest);
}

/** What changed between two catalogs of one database, by resource name (shared with the engine host). */
export function diffCatalogs(before: Catalog, after: Catalog): Omit<CatalogRefresh, 'catalog' | 'durationMs'> {
  const added = after.resources.filter((r) => !before.byName.has(r.name)).map((r) => r.name);
  const removed = before.resources.filter((r) => !after.byName.has(r.name)).map((r) => r.name);
  const changed = after.resources
    .filter((r) => {
      const old = before.byName.get(r.name);
      return old !== undefined && shape(old) !== shape(r);
    })
    .map((r) => r.name);
  return { added, removed, changed };
}

async function build(driver: Driver, whitelist: EngineOptions['whitelist']): Promise<Catalog> {
  const schema = await introspect(driver);
  return buildCatalog(schema, typeof whitelist === 'function' ? whitelist() : whitelist);
}

export async function loadEngine(options: EngineOptions): Promise<Engine> {
  const driver = await connect(
    options.db,
    options.statementTimeoutMs === undefined ? {} : { statementTimeoutMs: options.statementTimeoutMs },
  );
  try {
    let catalog = await build(driver, options.whitelist);
    let running: Promise<CatalogRefresh> | undefined;
    const refresh = (): Promise<CatalogRefresh> => {
      running ??= (async () => {
        const started = performance.now();
        try {
          const next = await build(driver, options.whitelist);
          const change = diffCatalogs(catalog, next);
          catalog = next;
          return { catalog: next, ...change, durationMs: Math.round(performance.now() - started) };
        } finally {
          running = undefined;
        }
      })();
      return running;
    };
    return Object.freeze({
      driver,
      get catalog() {
        return catalog;
      },
      now: options.now ?? (() => new Date()),
      refresh,
    });
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw error;
  }
}
