/**
 * What the admin API's routers work with, built once by the composition root (`serve`): the store,
 * the engine (whose driver and catalog follow the active connection), the listening server's
 * controls (LAN sharing), docs, and the explorer's loopback channel into the real data API.
 */
import type { Logger } from 'pino';
import type { ActiveConnection, Job } from '../../../src-shared/admin-api.ts';
import type { DocsSource } from '../../docs/docs-source.ts';
import type { Engine } from '../../engine/engine.ts';
import type { Store } from '../../store/open-store.ts';

/** The listening server as the Studio's server panel sees it. */
export interface ServerControl {
  readonly port: number;
  /** `http://127.0.0.1:PORT` */
  readonly baseUrl: string;
  readonly lanEnabled: boolean;
  readonly lanUrls: readonly string[];
  /** Starts or stops answering the data API on the machine's LAN addresses (same port). */
  setLan(enabled: boolean): Promise<void>;
}

/** Switching the database the API serves (the connections screen). */
export interface DatabaseSwitch {
  active(): ActiveConnection;
  /** Starts connecting to a stored connection (or 'demo'); the job reports progress, the engine swaps when ready. */
  activate(connectionId: string): Job;
  job(id: string): Job | undefined;
}

/** How the explorer sends its requests through the real HTTP API (security pipeline included). */
export interface ExplorerChannel {
  /**
   * A random per-launch secret: a loopback request carrying it in `X-PAS-Explorer` is the Studio's
   * own call (full whitelist access, SQL trace, optional PII randomisation). Never stored or logged.
   */
  readonly secret: string;
}

export interface AdminContext {
  readonly store: Store;
  readonly engine: Engine;
  readonly sessionToken: string;
  readonly logger: Logger;
  readonly docs: DocsSource;
  readonly server: ServerControl;
  readonly databases: DatabaseSwitch;
  readonly explorer: ExplorerChannel;
  readonly version: string;
  /** The demo token of this launch, when one was issued. */
  readonly demoToken: string | null;
}
