/**
 * The engine of one database: a driver and the catalog built from its schema. Created once by a
 * composition root (the CLI's `serve`, the desktop app, a test), frozen, and passed down.
 */
import type { Catalog, Resource } from '../catalog/catalog.ts';
import type { Driver } from '../db/driver.ts';
import { Problem } from '../errors/problem.ts';
import { didYouMean } from '../parse/suggest-name.ts';

/** What a catalog refresh changed, by resource name. */
export interface CatalogRefresh {
  readonly catalog: Catalog;
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** Resources whose fields, keys, relations or operations differ. */
  readonly changed: readonly string[];
  readonly durationMs: number;
}

export interface Engine {
  readonly driver: Driver;
  /**
   * The current catalog. It is replaced (never mutated) by `refresh`, so code that needs one
   * consistent view for a whole task reads it once; caches key on the catalog object.
   */
  readonly catalog: Catalog;
  /** The clock used for Perfex's creation timestamps (injectable for tests). */
  readonly now: () => Date;
  /**
   * Introspects the database again and swaps in a new catalog (columns added or dropped, tables
   * renamed while running). Concurrent calls share one refresh.
   */
  refresh(): Promise<CatalogRefresh>;
}

/** The exposed resource called `name`, or a 404 problem suggesting the closest one. */
export function resolveResource(catalog: Catalog, name: string): Resource {
  const resource = catalog.byName.get(name);
  if (resource !== undefined) return resource;
  const names = catalog.resources.map((r) => r.name);
  throw new Problem('PAS101', `there is no resource \`${name.slice(0, 80)}\``, { hint: didYouMean(name, names, 'resources') });
}

/**
 * The engine with today's catalog fixed, for one request: a refresh that lands while the request
 * runs cannot make its parse and its serialize disagree about the resource.
 */
export function pinCatalog(engine: Engine): Engine {
  const catalog = engine.catalog;
  return { driver: engine.driver, catalog, now: engine.now, refresh: engine.refresh };
}
