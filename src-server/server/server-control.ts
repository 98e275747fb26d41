/**
 * The listening sockets of a running server: always one on 127.0.0.1 (the Studio, the admin API and
 * the data API for this machine), plus, while LAN sharing is on, one per LAN address of the machine
 * on the same port. Sharing is switched at run time by opening or closing those extra listeners, so
 * the Studio's own connection is never interrupted, and nothing ever listens on an address nobody
 * asked for (the admin guard still refuses non-loopback peers on every listener).
 */
import os from 'node:os';
import type { Express } from 'express';
import type { Logger } from 'pino';
import type { ServerControl } from '../http/admin/admin-context.ts';
import { startServer, type RunningServer } from './start-server.ts';

/** The machine's LAN addresses (no loopback, no IPv6 link-local, which needs a zone to be reached). */
export function lanAddresses(): string[] {
  const found: string[] = [];
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const a of addresses ?? []) {
      if (a.internal) continue;
      if (a.family === 'IPv4' || !a.address.toLowerCase().startsWith('fe80:')) found.push(a.address);
    }
  }
  return found;
}

function urlOf(address: string, port: number): string {
  return address.includes(':') ? `http://[${address}]:${port}` : `http://${address}:${port}`;
}

export interface ControlledServer extends ServerControl {
  /**
   * Starts the loopback listener. Separate from creation because the app's admin API holds this
   * object (the server panel), so it exists before the app that will listen through it.
   */
  listen(app: Express, port: number): Promise<void>;
  close(graceMs?: number): Promise<void>;
}

export function createControlledServer(logger: Logger): ControlledServer {
  let listening: { app: Express; local: RunningServer } | undefined;
  let shared: { address: string; server: RunningServer }[] = [];
  let switching: Promise<void> = Promise.resolve();

  async function open(): Promise<void> {
    if (listening === undefined) throw new Error('the server is not listening yet');
    if (shared.length > 0) return;
    const { app, local } = listening;
    const opened: { address: string; server: RunningServer }[] = [];
    const failures: string[] = [];
    for (const address of lanAddresses()) {
      try {
        opened.push({ address, server: await startServer(app, address, local.port) });
      } catch (error) {
        failures.push(`${address}: ${(error as Error).message}`);
      }
    }
    if (opened.length === 0) {
      throw new Error(failures.length === 0 ? 'this machine has no LAN address to share on (no network connected?)' : `cannot share on the LAN: ${failures.join('; ')}`);
    }
    for (const failure of failures) logger.warn(`LAN sharing skipped ${failure}`);
    shared = opened;
  }

  async function shut(graceMs?: number): Promise<void> {
    const closing = shared;
    shared = [];
    await Promise.all(closing.map(({ server }) => server.close(graceMs)));
  }

  return {
    get port() {
      return listening?.local.port ?? 0;
    },
    get baseUrl() {
      return listening === undefined ? '' : `http://127.0.0.1:${listening.local.port}`;
    },
    get lanEnabled() {
      return shared.length > 0;
    },
    get lanUrls() {
      const port = listening?.local.port ?? 0;
      return shared.map(({ address }) => urlOf(address, port));
    },
    async listen(app, port) {
      listening = { app, local: await startServer(app, '127.0.0.1', port) };
    },
    setLan(enabled) {
      // One switch at a time: a double click must not open the listeners twice.
      switching = switching.catch(() => undefined).then(() => (enabled ? open() : shut(2_000)));
      return switching;
    },
    async close(graceMs) {
      await Promise.all([shut(graceMs), listening?.local.close(graceMs)]);
    },
  };
}
