/**
 * The composition root of a running server, shared by the CLI's `serve` and the desktop app:
 * local store → database (the demo when none is given) → engine → security pipeline → app → server.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { WhitelistConfig } from '../config/whitelist-config.ts';
import { ensureDemoDatabase } from '../demo/create-demo-database.ts';
import { openEngineHost, type EngineHost } from '../engine/engine-host.ts';
import { createApp } from '../http/create-app.ts';
import { resolveDocsMode, type DocsMode } from '../docs/docs-mode.ts';
import { createDocsSource } from '../docs/docs-source.ts';
import type { ExampleSource } from '../docs/example-rows.ts';
import { createSecurityPipeline } from '../security/security-pipeline.ts';
import { resolveSecurityOptions, type SecurityOptions } from '../security/security-options.ts';
import { resolveGraphqlOptions, type GraphqlOptions } from '../graphql/graphql-options.ts';
import { storedLimits } from '../settings/limit-settings.ts';
import { fileKeyProvider, type KeyProvider } from '../store/key-provider.ts';
import { openStore, storeFile, type Store } from '../store/open-store.ts';
import { issueDemoToken } from './demo-token.ts';
import type { AdminContext } from '../http/admin/admin-context.ts';
import { APP_VERSION } from './app-version.ts';
import { createDatabaseSwitch, DEMO_ID, openLaunchDatabase } from './database-switch.ts';
import { createControlledServer } from './server-control.ts';
import type { RunningServer } from './start-server.ts';

export interface ServeOptions {
  /** Connection URL; undefined = the embedded demo database in `dataDir`. */
  readonly db: string | undefined;
  readonly dataDir: string;
  /** Overrides the stored whitelist's table prefix for this run. */
  readonly prefix?: string;
  readonly port: number;
  /** Share the data API on every interface; the Studio and admin API still answer on loopback only. */
  readonly lan?: boolean;
  readonly logger: Logger;
  /** On the demo database, issue a fresh demo token for this launch (revoking the previous launch's). */
  readonly demoToken?: boolean;
  /** Security limits for this run, over the stored `security` setting and the defaults. */
  readonly security?: Partial<SecurityOptions>;
  /** GraphQL limits for this run, over the stored `graphql` setting and the defaults. */
  readonly graphql?: Partial<GraphqlOptions>;
  /** Where the store key comes from (Electron: the OS keychain); default a 0600 file in the data dir. */
  readonly keyProvider?: KeyProvider;
  /** Who may open /api_docs for this run (over the stored `docs` setting; default `local`). */
  readonly docs?: DocsMode;
  /** Where docs examples come from; default: rows on the demo database, types on any other (no CRM data in shared docs). */
  readonly docsExamples?: ExampleSource;
  /** Where the built Studio page is (default `dist/studio`; the desktop app passes its renderer build). */
  readonly studioDir?: string;
  /** Told which database is used when the demo is picked (the CLI prints it). */
  readonly onDemo?: (file: string) => void;
}

export interface Serving extends RunningServer {
  /** Follows the active database (the Studio's connections screen switches it at run time). */
  readonly engine: EngineHost;
  readonly store: Store;
  /** `http://127.0.0.1:PORT/?token=…`: opens the Studio with this launch's admin session. */
  readonly studioUrl: string;
  readonly adminToken: string;
  /** Addresses other machines can use while LAN sharing is on. */
  readonly lanUrls: readonly string[];
  /** Switches LAN sharing at run time (the Studio's server panel). */
  setLan(enabled: boolean): Promise<void>;
  /** The demo token issued for this launch, when one was. */
  readonly demoToken: string | null;
  /** Writes queued audit entries now (tests). */
  flushAudit(): void;
}

export async function serve(options: ServeOptions): Promise<Serving> {
  const store = openStore({ file: storeFile(options.dataDir), keyProvider: options.keyProvider ?? fileKeyProvider(options.dataDir) });
  const cleanup: (() => Promise<void> | void)[] = [() => store.close()];
  try {
    const security = resolveSecurityOptions(storedLimits(store.settings, 'security'), options.security);
    // Validated here so a bad stored value stops the launch with a message, not the first query.
    const graphql = resolveGraphqlOptions({ ...storedLimits(store.settings, 'graphql'), ...options.graphql, logger: options.logger });
    const docsMode = resolveDocsMode(store.settings, options.docs);
    // The whitelist is read from the store at every (re)build, so a refresh picks up the Studio's edits;
    // `--prefix` (like a stored connection's prefix) travels with the database it applies to.
    const whitelist = (): WhitelistConfig => store.whitelist.get();
    const demoFile = (): Promise<string> => ensureDemoDatabase(options.dataDir);
    const launch = await openLaunchDatabase({
      db: options.db,
      prefix: options.prefix,
      store,
      logger: options.logger,
      demoFile,
      open: (target) => openEngineHost(target, { whitelist, statementTimeoutMs: security.statementTimeoutMs, onCloseError: (err) => options.logger.warn({ err }, 'closing a replaced database failed') }),
    });
    const engine = launch.engine;
    cleanup.unshift(() => engine.close());
    if (engine.target.id === DEMO_ID) options.onDemo?.(engine.target.url.slice('sqlite:'.length));
    // A stale whitelist (a table or column that no longer exists) must be visible, not silently ignored.
    for (const warning of engine.catalog.warnings ?? []) options.logger.warn(`whitelist: ${warning}`);

    const explorerSecret = randomBytes(32).toString('base64url');
    const pipeline = createSecurityPipeline({ catalog: () => engine.catalog, tokens: store.tokens, audit: store.audit, options: security, logger: options.logger, explorerSecret });
    cleanup.unshift(() => pipeline.close());
    const adminToken = randomBytes(32).toString('base64url');
    // The demo token grants everything, so it exists only while the demo is served: a switch to another database revokes it.
    let demoToken = engine.target.id === DEMO_ID && options.demoToken !== false ? issueDemoToken(store) : null;
    const revokeDemoToken = (): void => {
      const record = demoToken === null ? undefined : store.tokens.findBySecret(demoToken);
      if (record !== undefined) store.tokens.revoke(record.id);
      demoToken = null;
    };
    const server = createControlledServer(options.logger);
    // Example rows only from the demo: no CRM data in shared docs, whichever database is switched to.
    const docs = createDocsSource(engine, options.docsExamples ?? ((catalog) => (engine.targetOf(catalog)?.id === DEMO_ID ? 'rows' : 'types')));
    const admin: AdminContext = {
      store,
      engine,
      sessionToken: adminToken,
      logger: options.logger,
      docs,
      server,
      databases: createDatabaseSwitch({
        engine,
        store,
        logger: options.logger,
        demoFile,
        launchNotice: launch.notice,
        onSwitching: (target) => {
          if (target.id !== DEMO_ID) revokeDemoToken();
        },
      }),
      explorer: { secret: explorerSecret },
      version: APP_VERSION,
      get demoToken() {
        return demoToken;
      },
    };
    const app = createApp(engine, { logger: options.logger, guard: pipeline.guard, admin, graphql, docs: { source: docs, mode: docsMode }, ...(options.studioDir === undefined ? {} : { studioDir: options.studioDir }) });
    await server.listen(app, options.port);
    if (options.lan === true) await server.setLan(true).catch(async (error: unknown) => {
      await server.close(0);
      throw error;
    });
    const local = server.baseUrl;
    return {
      url: local,
      port: server.port,
      engine,
      store,
      studioUrl: `${local}/?token=${adminToken}`,
      adminToken,
      get lanUrls() {
        return server.lanUrls;
      },
      setLan: (enabled: boolean) => server.setLan(enabled),
      get demoToken() {
        return demoToken;
      },
      flushAudit: pipeline.flushAudit,
      // In-flight requests finish (bounded), then the audit queue is flushed, the pool and the store closed.
      async close(graceMs?: number) {
        await server.close(graceMs);
        for (const step of cleanup) await step();
      },
    };
  } catch (error) {
    for (const step of cleanup) await Promise.resolve(step()).catch(() => undefined);
    throw error;
  }
}
