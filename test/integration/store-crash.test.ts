/**
 * A crash in the middle of a write: a child process appends large transactions to the store in a
 * loop and is killed with SIGKILL while writing. The reopened store must pass SQLite's integrity
 * check, keep every transaction the child reported committed, and show no part of an unfinished one.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { fileKeyProvider } from '../../src-server/store/key-provider.ts';
import { openStore, storeFile } from '../../src-server/store/open-store.ts';
import { tempDataDir } from '../support/temp-store.ts';

const WRITER = path.resolve('test/support/store-crash-writer.ts');
const BATCH = 20_000;
const dir = tempDataDir('pas-crash-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the writer until it has committed `after` batches (from `first`) and begun the next, waits `delayMs`, kills it. */
async function writeAndKill(
  first: number,
  after: number,
  delayMs: number,
): Promise<{ committed: number[]; lastLine: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, String(BATCH)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PAS_CRASH_FIRST_BATCH: String(first) },
  });
  const committed: number[] = [];
  let lastLine = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let buffer = '';
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        lastLine = line;
        const m = /^committed (\d+)$/.exec(line);
        if (m !== null) committed.push(Number(m[1]));
        // Killed `delayMs` into the batch after the `after`-th commit: inside its transaction.
        if (committed.length >= after && line.startsWith('begin ')) setTimeout(() => resolve(), delayMs);
      }
    });
    child.once('exit', (code) => reject(new Error(`writer exited early (${code}): ${stderr}`)));
  });
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  return { committed, lastLine };
}

describe('store crash safety', () => {
  it('survives SIGKILL mid-transaction: integrity ok, committed batches whole, the interrupted one absent', async () => {
    let first = 0;
    const allCommitted: number[] = [];
    let interrupted = 0;
    // Several kills at different points of a batch (each batch takes about 200 ms).
    for (const delayMs of [1, 15, 40, 80]) {
      const { committed, lastLine } = await writeAndKill(first, 2, delayMs);
      allCommitted.push(...committed);

      const db = new Database(storeFile(dir), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const counts = db
        .prepare(
          "SELECT substr(request_id, 1, instr(substr(request_id, 7), '-') + 5) AS batch, COUNT(*) AS n FROM audit GROUP BY batch",
        )
        .all() as { batch: string; n: number }[];
      db.close();
      // Every batch present is complete: no partial transaction is visible.
      for (const { batch, n } of counts) expect(n, batch).toBe(BATCH);
      const present = new Set(counts.map((c) => Number(c.batch.slice('batch-'.length))));
      // Every batch the writer saw committed survived the kill.
      for (const b of allCommitted) expect(present.has(b), `batch ${b}`).toBe(true);
      // "begin n" seen and batch n absent: this kill landed inside n's transaction.
      const begun = /^begin (\d+)$/.exec(lastLine);
      if (begun !== null && !present.has(Number(begun[1]))) interrupted++;
      first = Math.max(...present) + 1;
    }

    console.warn(`store crash: ${interrupted} of 4 kills landed mid-transaction`);
    expect(interrupted, 'kills that landed mid-transaction').toBeGreaterThan(0);
    const store = openStore({ file: storeFile(dir), keyProvider: fileKeyProvider(dir) });
    expect(store.audit.query({ limit: 1 }).entries).toHaveLength(1);
    expect(store.settings.get<number>('crash.lastBatch')).toBeGreaterThanOrEqual(Math.max(...allCommitted));
    store.close();
  }, 120_000);
});
