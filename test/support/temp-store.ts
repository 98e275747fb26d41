/**
 * A store in a fresh temporary data directory with the file key provider and a settable clock, for
 * the store tests. `bytes()` reads the database file and its WAL as they are on disk, for tests that
 * assert a secret is never written in the clear.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileKeyProvider } from '../../src-server/store/key-provider.ts';
import { openStore, storeFile, type Store } from '../../src-server/store/open-store.ts';

export interface TempStore {
  readonly dir: string;
  readonly store: Store;
  /** The clock the store reads; set `clock.now` to move time. */
  readonly clock: { now: Date };
  /** Closes and reopens the store on the same file (same key). */
  reopen(): Store;
  /** The database file and its -wal file, concatenated, as they are on disk now. */
  bytes(): Buffer;
  /** Closes the store and removes the directory. */
  dispose(): void;
}

export function tempDataDir(prefix = 'pas-store-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function createTempStore(start = new Date('2026-05-01T09:00:00.000Z')): TempStore {
  const dir = tempDataDir();
  const clock = { now: start };
  const open = (): Store =>
    openStore({ file: storeFile(dir), keyProvider: fileKeyProvider(dir), now: () => clock.now });
  let store = open();
  const read = (file: string): Buffer => (fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0));
  return {
    dir,
    clock,
    get store() {
      return store;
    },
    reopen() {
      store.close();
      store = open();
      return store;
    },
    bytes: () => Buffer.concat([read(storeFile(dir)), read(`${storeFile(dir)}-wal`)]),
    dispose() {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
