/**
 * The engine's process: Electron's `utilityProcess` (a Node child that cannot freeze the window),
 * running the same `serve()` as the headless CLI. It waits for `start`, answers `ready` (or `failed`
 * with the reason), and on `stop` finishes in-flight requests, flushes the audit log, closes the pool
 * and the store, then answers `stopped`. Also runs under `child_process.fork` (tests): the channel is
 * `process.parentPort` in Electron, `process` itself in Node.
 */
import pino from 'pino';
import { serve, type Serving } from '../src-server/server/serve.ts';
import { fileKeyProvider, KEY_BYTES, type KeyProvider } from '../src-server/store/key-provider.ts';
import type { FromEngine, StartEngine, ToEngine } from './engine-messages.ts';

interface ParentPort {
  on(event: 'message', listener: (message: { data: unknown } | unknown) => void): void;
  postMessage(message: FromEngine): void;
}

function parentChannel(): { onMessage(listener: (message: ToEngine) => void): void; send(message: FromEngine): void } {
  const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (port !== undefined) {
    return {
      // utilityProcess delivers MessageEvent-like objects with `data`.
      onMessage: (listener) => port.on('message', (event) => listener((event as { data: ToEngine }).data)),
      send: (message) => port.postMessage(message),
    };
  }
  return {
    onMessage: (listener) => process.on('message', (message) => listener(message as ToEngine)),
    send: (message) => process.send?.(message),
  };
}

function keyProvider(start: StartEngine): KeyProvider {
  if (start.storeKey === null) return fileKeyProvider(start.dataDir);
  const key = Buffer.from(start.storeKey, 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`the store key given by the app has ${key.length} bytes, not ${KEY_BYTES}`);
  return { description: 'OS keychain (via the desktop app)', getKey: () => key };
}

const channel = parentChannel();
const logger = pino({ level: process.env.PAS_LOG_LEVEL ?? 'info' });
let serving: Serving | undefined;

channel.onMessage((message) => {
  if (message.type === 'start' && serving === undefined) {
    // Inside the promise chain: a bad start message (e.g. a wrong key) must answer `failed`, not crash.
    Promise.resolve()
      .then(() => serve({ db: undefined, dataDir: message.dataDir, port: message.port, lan: message.lan, logger, keyProvider: keyProvider(message), studioDir: message.studioDir }))
      .then((running) => {
        serving = running;
        const connection = running.engine.catalog;
        channel.send({ type: 'ready', baseUrl: running.url, port: running.port, adminToken: running.adminToken, connection: `${connection.database} (${connection.dialect})`, demo: running.demoToken !== null });
      })
      .catch((error: unknown) => channel.send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
  } else if (message.type === 'stop') {
    const closing = serving === undefined ? Promise.resolve() : serving.close(message.graceMs);
    void closing
      .catch((error: unknown) => logger.error({ err: error }, 'engine shutdown failed'))
      .finally(() => {
        channel.send({ type: 'stopped' });
        process.exit(0);
      });
  }
});
