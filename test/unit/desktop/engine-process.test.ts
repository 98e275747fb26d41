/**
 * The engine's process for real: engine-entry.ts forked as a Node child (the same module Electron runs
 * as a utilityProcess), started with a store key from the main process, answering on loopback, and
 * stopped gracefully. Also: a failing start comes back as a sentence, not a hang.
 */
import { fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEngine, EngineStartError, type EngineChild } from '../../../src-main/engine-process.ts';

const ENTRY = path.resolve(import.meta.dirname, '../../../src-main/engine-entry.ts');
const dirs: string[] = [];
const children: ChildProcess[] = [];

function forkEntry(): { child: ChildProcess; engine: EngineChild } {
  const child = fork(ENTRY, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, PAS_LOG_LEVEL: 'silent' }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  children.push(child);
  return {
    child,
    engine: {
      postMessage: (message) => child.send(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.on('exit', (code) => listener(code)),
      kill: () => child.kill('SIGKILL'),
    },
  };
}

function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pas-engine-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the engine process', () => {
  it('starts on the demo database with the given store key, serves, and stops gracefully', async () => {
    const { child, engine } = forkEntry();
    const dir = dataDir();
    const key = crypto.randomBytes(32).toString('base64');
    const handle = await startEngine(engine, { dataDir: dir, storeKey: key, studioDir: dir, port: 0, lan: false });
    expect(handle.ready.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(handle.ready.demo).toBe(true);
    const health = await fetch(`${handle.ready.baseUrl}/api/v1/health`);
    expect(health.status).toBe(200);
    const server = await fetch(`${handle.ready.baseUrl}/admin/api/server`, { headers: { 'X-PAS-Admin-Token': handle.ready.adminToken } });
    expect(server.status).toBe(200);
    // The key came from the app: no key file was written beside the store.
    expect(fs.existsSync(path.join(dir, 'store.key'))).toBe(false);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await handle.stop(2_000);
    expect(await exited).toBe(0);
    await expect(fetch(`${handle.ready.baseUrl}/api/v1/health`)).rejects.toThrow();
  }, 90_000);

  it('reports a start that fails with its reason', async () => {
    const { engine } = forkEntry();
    const dir = dataDir();
    const started = startEngine(engine, { dataDir: dir, storeKey: Buffer.from('short').toString('base64'), studioDir: dir, port: 0, lan: false });
    await expect(started).rejects.toThrow(EngineStartError);
    await expect(started).rejects.toThrow(/store key given by the app has 5 bytes/);
  }, 60_000);
});
