/** The audit log: batched appends, every filter, id-cursor paging, retention by age and by count. */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src-server/store/audit-repo.ts';
import { createTempStore, type TempStore } from '../support/temp-store.ts';

let t: TempStore;
beforeEach(() => {
  t = createTempStore(new Date('2026-05-31T00:00:00.000Z'));
});
afterEach(() => t.dispose());

function entry(i: number, over: Partial<AuditEntry> = {}): AuditEntry {
  return {
    time: new Date(Date.UTC(2026, 4, 1 + (i % 30), 12, 0, i % 60)).toISOString(),
    tokenId: i % 3 === 0 ? null : `tok_${i % 3}`,
    ip: i % 2 === 0 ? '127.0.0.1' : '::1',
    method: i % 5 === 0 ? 'POST' : 'GET',
    path: i % 4 === 0 ? `/api/v1/invoices/${i}` : `/api/v1/clients?page=${i}`,
    status: [200, 201, 304, 404, 429, 500][i % 6] as number,
    rows: i % 6 === 0 ? i : null,
    durationMs: i / 10,
    requestId: `req-${i}`,
    ...over,
  };
}

describe('audit repository', () => {
  it('appends a batch and reads it back newest first, every field intact', () => {
    const batch = Array.from({ length: 10 }, (_, i) => entry(i));
    t.store.audit.append(batch);
    const { entries, nextBefore } = t.store.audit.query({});
    expect(nextBefore).toBeNull();
    expect(entries.map(({ id: _id, ...e }) => e)).toEqual([...batch].reverse());
    expect(entries.map((e) => e.id)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('filters by time range, token, status, status class, method and path prefix', () => {
    const all = Array.from({ length: 300 }, (_, i) => entry(i));
    t.store.audit.append(all);
    const ids = (q: Parameters<typeof t.store.audit.query>[0]): string[] =>
      t.store.audit.query({ limit: 1000, ...q }).entries.map((e) => e.requestId);
    const expected = (keep: (e: AuditEntry) => boolean): string[] =>
      all
        .filter(keep)
        .reverse()
        .map((e) => e.requestId);

    expect(ids({ tokenId: 'tok_1' })).toEqual(expected((e) => e.tokenId === 'tok_1'));
    expect(ids({ status: 404 })).toEqual(expected((e) => e.status === 404));
    expect(ids({ statusClass: 4 })).toEqual(expected((e) => e.status >= 400 && e.status < 500));
    expect(ids({ method: 'post' })).toEqual(expected((e) => e.method === 'POST'));
    expect(ids({ pathPrefix: '/api/v1/invoices' })).toEqual(expected((e) => e.path.startsWith('/api/v1/invoices')));
    expect(ids({ pathPrefix: '/api/v1/cl_ents' })).toEqual([]); // _ is not a wildcard
    expect(ids({ from: '2026-05-10', to: '2026-05-12' })).toEqual(
      expected((e) => e.time >= '2026-05-10T00:00:00.000Z' && e.time < '2026-05-12T00:00:00.000Z'),
    );
    expect(ids({ tokenId: 'tok_2', statusClass: 2, method: 'GET' })).toEqual(
      expected((e) => e.tokenId === 'tok_2' && e.status < 300 && e.method === 'GET'),
    );
    expect(() => t.store.audit.query({ from: 'yesterday' })).toThrow(/"yesterday" is not a date/);
  });

  it('pages with an id cursor, without overlap or gaps, limit capped at 1000', () => {
    t.store.audit.append(Array.from({ length: 1234 }, (_, i) => entry(i)));
    const seen: number[] = [];
    let before: number | undefined;
    for (;;) {
      const page = t.store.audit.query({ limit: 500, ...(before === undefined ? {} : { before }) });
      seen.push(...page.entries.map((e) => e.id));
      if (page.nextBefore === null) break;
      before = page.nextBefore;
    }
    expect(seen).toEqual(Array.from({ length: 1234 }, (_, i) => 1234 - i));
    expect(t.store.audit.query({ limit: 5000 }).entries).toHaveLength(1000);
    expect(t.store.audit.query({ limit: 0 }).entries).toHaveLength(1);
  });

  it('has an index for each filter', () => {
    t.store.audit.append([entry(1)]);
    const db = new Database(t.store.file, { readonly: true });
    const plan = (where: string): string =>
      (
        db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM audit WHERE ${where} ORDER BY id DESC`).all() as {
          detail: string;
        }[]
      )
        .map((r) => r.detail)
        .join('; ');
    expect(plan("token_id = 'x'")).toContain('audit_token');
    expect(plan('status = 404')).toContain('audit_status');
    expect(plan("method = 'GET'")).toContain('audit_method');
    expect(plan("time >= '2026' AND time < '2027'")).toMatch(/audit_time|PRIMARY KEY|SCAN audit/);
    db.close();
  });

  it('prunes by age, then by count, keeping the newest', () => {
    t.store.audit.append(Array.from({ length: 100 }, (_, i) => entry(i)));
    // Now is 2026-05-31: entries of May 1–10 are older than 20 days.
    const old = Array.from({ length: 100 }, (_, i) => entry(i)).filter(
      (e) => e.time < '2026-05-11T00:00:00.000Z',
    ).length;
    expect(t.store.audit.prune({ maxDays: 20, maxRows: 1000 })).toBe(old);
    expect(t.store.audit.prune({ maxDays: 20, maxRows: 10 })).toBe(100 - old - 10);
    // ids are 1-based insertion order; the newest 10 of those young enough to survive the age rule.
    const young = Array.from({ length: 100 }, (_, i) => i + 1).filter(
      (id) => entry(id - 1).time >= '2026-05-11T00:00:00.000Z',
    );
    expect(t.store.audit.query({}).entries.map((e) => e.id)).toEqual(young.slice(-10).reverse());
    expect(t.store.audit.prune({ maxDays: 365, maxRows: 0 })).toBe(10);
  });

  it('appends batches of 100 at tens of thousands of rows per second', () => {
    const batches = Array.from({ length: 200 }, (_, b) => Array.from({ length: 100 }, (_, i) => entry(b * 100 + i)));
    const start = process.hrtime.bigint();
    for (const batch of batches) t.store.audit.append(batch);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const rate = 20_000 / seconds;
    console.warn(`audit append: ${Math.round(rate).toLocaleString('en')} rows/s in batches of 100`);
    expect(t.store.audit.query({ limit: 1 }).entries[0]?.id).toBe(20_000);
    expect(rate).toBeGreaterThan(10_000);
  });
});
