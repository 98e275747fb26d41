/** Starts the HTTP server and resolves once it listens, or rejects with a sentence a person can act on. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface RunningServer {
  /** `http://HOST:PORT` */
  readonly url: string;
  readonly port: number;
  /**
   * Stops accepting connections, lets requests in flight finish for up to `graceMs`, then cuts
   * whatever is left (a stuck client must not keep the process alive).
   */
  close(graceMs?: number): Promise<void>;
}

/** How long in-flight requests may take to finish once shutdown starts. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

export class ServerStartError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ServerStartError';
  }
}

function explainListenError(error: NodeJS.ErrnoException, host: string, port: number): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `port ${port} is already in use on ${host}; stop the other server or choose another with --port`;
    case 'EACCES':
      return `not allowed to listen on ${host}:${port}; ports below 1024 need privileges, choose another with --port`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `cannot listen on ${host}: no such local address (use 127.0.0.1, or 0.0.0.0 to share on the LAN)`;
    default:
      return `cannot listen on ${host}:${port}: ${error.message}`;
  }
}

export function startServer(app: Express, host: string, port: number): Promise<RunningServer> {
  const server = http.createServer(app);
  // Keep-alive sockets must outlive typical client pools (autocannon, browsers) without piling up.
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(new ServerStartError(explainListenError(error, host, port), { cause: error })));
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${shownHost}:${address.port}`,
        port: address.port,
        close: (graceMs = DEFAULT_SHUTDOWN_GRACE_MS) =>
          new Promise<void>((done) => {
            const cut = setTimeout(() => server.closeAllConnections(), graceMs);
            server.close(() => {
              clearTimeout(cut);
              done();
            });
            server.closeIdleConnections();
            // Keep-alive connections that finish their request while we wait are closed as they go idle.
            const sweep = setInterval(() => server.closeIdleConnections(), 100);
            server.once('close', () => clearInterval(sweep));
          }),
      });
    });
  });
}
