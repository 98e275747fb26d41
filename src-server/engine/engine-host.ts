/**
 * The engine of whichever database is active: `driver` and `catalog` follow the last successful
 * `switchTo`, so everything built once around the engine (REST and GraphQL routers, the security
 * pipeline, docs) serves the new database without a restart.
 *
 * Consistency: a switch replaces driver and catalog in one synchronous assignment, so a request that
 * reads both in the same tick (`pinCatalog`) holds a matching pair for its whole run. The previous
 * driver stays open until the requests that pinned it are done: every operation on a driver is
 * counted, and the old one is closed once nothing has run on it for a quiet moment, or after a
 * bounded grace (a statement may run up to the statement timeout).
 */
import { buildCatalog } from '../catalog/build-catalog.ts';
import type { Catalog } from '../catalog/catalog.ts';
import type { WhitelistConfig } from '../config/whitelist-config.ts';
import { connect } from '../db/connect.ts';
import type { Driver } from '../db/driver.ts';
import { introspect } from '../introspect/introspect.ts';
import type { CatalogRefresh, Engine } from './engine.ts';
import { diffCatalogs } from './diff-catalogs.ts';

/** A database the host can serve. */
export interface EngineTarget {
  /** `demo`, a stored connection's id, or `cli` (the launch's `--db`). */
  readonly id: string;
  readonly name: string;
  /** Full connection URL (password included): kept in memory, never logged. */
  readonly url: string;
  /** Overrides the whitelist's table prefix for this database (absent = the whitelist's, or detected). */
  readonly prefix?: string | undefined;
}

export type SwitchStep = 'connect' | 'introspect' | 'catalog';

/** Told when a step of opening a database starts (`running`) and ends (`done`, with what it found). */
export type StepListener = (step: SwitchStep, state: 'running' | 'done', detail?: string) => void;

export interface EngineHost extends Engine {
  /** The database served now. */
  readonly target: EngineTarget;
  /** The database a catalog was built from (undefined for a catalog this host did not build). */
  targetOf(catalog: Catalog): EngineTarget | undefined;
  /**
   * Connects to `target`, introspects it and builds its catalog, then swaps it in. Switches run one
   * at a time, in call order. On failure the current database keeps serving and the error is thrown.
   */
  switchTo(target: EngineTarget, onStep?: StepListener): Promise<Catalog>;
  /** Closes every driver (the current one and those still draining). */
  close(): Promise<void>;
}

export interface EngineHostOptions {
  /** The whitelist as stored now, read at every (re)build so edits apply. */
  readonly whitelist: () => WhitelistConfig;
  readonly now?: () => Date;
  readonly statementTimeoutMs?: number;
  /** Longest time a replaced driver stays open for requests that started on it (default: statement timeout + 5 s). */
  readonly graceMs?: number;
  /** How long a replaced driver must be idle before it is closed early (default 500 ms). */
  readonly quietMs?: number;
  /** Told when a replaced driver fails to close (the host goes on). */
  readonly onCloseError?: (error: unknown) => void;
}

/** A driver whose operations are counted, so it can be closed once the requests using it are done. */
interface CountedDriver extends Driver {
  /** Resolves when no operation has run for `quietMs`, or after `graceMs` at most. */
  drained(quietMs: number, graceMs: number): Promise<void>;
}

function counted(driver: Driver): CountedDriver {
  let active = 0;
  let lastEnd = performance.now();
  let closing: Promise<void> | undefined;
  const enter = (): void => {
    active++;
  };
  const leave = (): void => {
    active--;
    lastEnd = performance.now();
  };
  async function around<T>(work: () => Promise<T>): Promise<T> {
    enter();
    try {
      return await work();
    } finally {
      leave();
    }
  }
  return {
    dialect: driver.dialect,
    description: driver.description,
    query: (sql, params) => around(() => driver.query(sql, params)),
    run: (sql, params) => around(() => driver.run(sql, params)),
    transaction: (work) => around(() => driver.transaction(work)),
    stream(sql, params) {
      return {
        async *[Symbol.asyncIterator]() {
          enter();
          try {
            yield* driver.stream(sql, params);
          } finally {
            leave();
          }
        },
      };
    },
    poolState: () => driver.poolState(),
    onStatement: (listener) => driver.onStatement(listener),
    // Once only: the host's close() may meet a driver that is still draining.
    close: () => (closing ??= driver.close()),
    async drained(quietMs, graceMs) {
      // Counted from the swap: a request that pinned this driver may not have sent its first statement yet.
      lastEnd = Math.max(lastEnd, performance.now());
      const deadline = performance.now() + graceMs;
      while (performance.now() < deadline) {
        if (active === 0 && performance.now() - lastEnd >= quietMs) return;
        await new Promise((resolve) => setTimeout(resolve, Math.min(50, quietMs)).unref());
      }
    },
  };
}

/** One database being served: its driver, the current catalog of it, and where it came from. */
interface Generation {
  readonly driver: CountedDriver;
  catalog: Catalog;
  readonly target: EngineTarget;
}

export async function openEngineHost(first: EngineTarget, options: EngineHostOptions): Promise<EngineHost> {
  const built = new WeakMap<Catalog, EngineTarget>();
  const whitelistFor = (target: EngineTarget): WhitelistConfig => {
    const stored = options.whitelist();
    return target.prefix === undefined ? stored : { ...stored, prefix: target.prefix };
  };
  const build = async (driver: Driver, target: EngineTarget, onStep?: StepListener): Promise<Catalog> => {
    onStep?.('introspect', 'running');
    const schema = await introspect(driver);
    onStep?.('introspect', 'done', `${schema.tables.length} tables`);
    onStep?.('catalog', 'running');
    const catalog = buildCatalog(schema, whitelistFor(target));
    built.set(catalog, target);
    onStep?.('catalog', 'done', `${catalog.resources.length} resources`);
    return catalog;
  };
  const open = async (target: EngineTarget, onStep?: StepListener): Promise<Generation> => {
    onStep?.('connect', 'running');
    const driver = await connect(target.url, options.statementTimeoutMs === undefined ? {} : { statementTimeoutMs: options.statementTimeoutMs });
    try {
      onStep?.('connect', 'done', driver.description);
      return { driver: counted(driver), catalog: await build(driver, target, onStep), target };
    } catch (error) {
      await driver.close().catch(() => undefined);
      throw error;
    }
  };

  let current = await open(first);
  let closed = false;
  const graceMs = options.graceMs ?? (options.statementTimeoutMs ?? 10_000) + 5000;
  const quietMs = options.quietMs ?? 500;
  const draining = new Map<CountedDriver, Promise<void>>();
  /** The last switch queued; the next waits for it (switches never overlap). */
  let queue: Promise<unknown> = Promise.resolve();
  let switching = 0;
  let refreshing: Promise<CatalogRefresh> | undefined;

  const retire = (driver: CountedDriver): void => {
    const done = driver
      .drained(quietMs, graceMs)
      .then(() => driver.close())
      .catch((error: unknown) => options.onCloseError?.(error))
      .finally(() => draining.delete(driver));
    draining.set(driver, done);
  };

  const switchTo = (target: EngineTarget, onStep?: StepListener): Promise<Catalog> => {
    switching++;
    const run = queue.then(async () => {
      if (closed) throw new Error('the server is shutting down');
      const next = await open(target, onStep);
      if (closed) {
        await next.driver.close().catch(() => undefined);
        throw new Error('the server is shutting down');
      }
      const previous = current;
      current = next;
      retire(previous.driver);
      return next.catalog;
    });
    queue = run.catch(() => undefined).finally(() => switching--);
    return run;
  };

  const refresh = (): Promise<CatalogRefresh> => {
    refreshing ??= (async () => {
      try {
        // A refresh asked during a switch applies to the database being switched to.
        while (switching > 0) await queue;
        const started = performance.now();
        for (;;) {
          const generation = current;
          const next = await build(generation.driver, generation.target);
          // Switched meanwhile: this catalog describes a database no longer served; do the new one.
          if (generation !== current) continue;
          const change = diffCatalogs(generation.catalog, next);
          generation.catalog = next;
          return { catalog: next, ...change, durationMs: Math.round(performance.now() - started) };
        }
      } finally {
        refreshing = undefined;
      }
    })();
    return refreshing;
  };

  return Object.freeze({
    get driver(): Driver {
      return current.driver;
    },
    get catalog(): Catalog {
      return current.catalog;
    },
    get target(): EngineTarget {
      return current.target;
    },
    now: options.now ?? (() => new Date()),
    refresh,
    switchTo,
    targetOf: (catalog: Catalog) => built.get(catalog),
    async close() {
      closed = true;
      await queue;
      const drivers = [current.driver, ...draining.keys()];
      draining.clear();
      for (const driver of drivers) await driver.close().catch((error: unknown) => options.onCloseError?.(error));
    },
  });
}
