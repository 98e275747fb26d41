/**
 * The tokens repository on a real store file: the token is returned once and only its SHA-256 is
 * written (checked in the file and WAL bytes), lookups end in crypto.timingSafeEqual, revocation and
 * expiry, batched last-used times, updates with validation, sealed HMAC secrets.
 */
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Grants } from '../../src-server/engine/access.ts';
import { hashToken } from '../../src-server/store/api-token.ts';
import { StoreInputError } from '../../src-server/store/store-errors.ts';
import { fileKeyProvider } from '../../src-server/store/key-provider.ts';
import { openStore, storeFile } from '../../src-server/store/open-store.ts';
import { createTempStore, type TempStore } from '../support/temp-store.ts';

const readInvoices: Grants = {
  scopes: ['rest', 'graphql'],
  read: ['invoices', 'clients'],
  create: [],
  update: [],
  delete: [],
};

let t: TempStore;
beforeEach(() => {
  t = createTempStore();
});
afterEach(() => {
  vi.restoreAllMocks();
  t.dispose();
});

describe('tokens repository', () => {
  it('creates a token shown once, with defaults, and finds it by its secret', () => {
    const { record, token, hmacSecret } = t.store.tokens.create({ name: 'Retool board', grants: readInvoices });
    expect(token).toMatch(/^pas_[0-9A-Za-z]{43}$/);
    expect(hmacSecret).toBeNull();
    expect(record).toEqual({
      id: expect.stringMatching(/^tok_[0-9A-Za-z]{13}$/),
      name: 'Retool board',
      hint: `${token.slice(0, 8)}…`,
      createdAt: '2026-05-01T09:00:00.000Z',
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
      grants: { scopes: ['rest', 'graphql'], read: ['clients', 'invoices'], create: [], update: [], delete: [] },
      origins: [],
      ipAllow: [],
      rateLimit: 600,
      hmac: false,
      sandbox: false,
    });
    expect(t.store.tokens.findBySecret(token)).toEqual(record);
    expect(t.store.tokens.get(record.id)).toEqual(record);
  });

  it('never writes the token, only its SHA-256 (database file and WAL, before and after checkpoint)', () => {
    const created = Array.from({ length: 5 }, (_, i) => t.store.tokens.create({ name: `t${i}`, grants: readInvoices }));
    const check = (bytes: Buffer): void => {
      for (const { token } of created) {
        // The hash is found, so the search reads the right bytes; the token and its digits are not.
        expect(bytes.includes(hashToken(token))).toBe(true);
        expect(bytes.includes(token)).toBe(false);
        expect(bytes.includes(token.slice(4))).toBe(false);
        expect(bytes.includes(token.slice(20, 36))).toBe(false);
      }
    };
    check(t.bytes());
    t.reopen();
    check(t.bytes());
  });

  it('decides a match with crypto.timingSafeEqual on the two 32-byte digests', () => {
    const { token, record } = t.store.tokens.create({ name: 'x', grants: readInvoices });
    const spy = vi.spyOn(crypto, 'timingSafeEqual');
    expect(t.store.tokens.findBySecret(token)?.id).toBe(record.id);
    expect(spy).toHaveBeenCalledTimes(1);
    const [a, b] = spy.mock.calls[0] as [Buffer, Buffer];
    expect(a).toHaveLength(32);
    expect(b.equals(Buffer.from(hashToken(token), 'hex'))).toBe(true);
    // The answer comes from that comparison: if it says "different", the row is not returned.
    spy.mockReturnValueOnce(false);
    expect(t.store.tokens.findBySecret(token)).toBeUndefined();
  });

  it('returns nothing for malformed, unknown and revoked tokens, but returns expired ones', () => {
    const spy = vi.spyOn(crypto, 'createHash');
    for (const bad of ['', 'Bearer x', 'pas_short', `pas_${'!'.repeat(43)}`])
      expect(t.store.tokens.findBySecret(bad)).toBeUndefined();
    expect(spy).not.toHaveBeenCalled(); // malformed input is refused before hashing or querying
    expect(t.store.tokens.findBySecret(`pas_${'A'.repeat(43)}`)).toBeUndefined();

    const revoked = t.store.tokens.create({ name: 'r', grants: readInvoices });
    expect(t.store.tokens.revoke(revoked.record.id)).toBe(true);
    expect(t.store.tokens.revoke(revoked.record.id)).toBe(false);
    expect(t.store.tokens.revoke('tok_missing')).toBe(false);
    expect(t.store.tokens.findBySecret(revoked.token)).toBeUndefined();
    expect(t.store.tokens.get(revoked.record.id)?.revokedAt).toBe('2026-05-01T09:00:00.000Z');

    const expiring = t.store.tokens.create({ name: 'e', grants: readInvoices, expiresAt: '2026-05-02T00:00:00Z' });
    expect(t.store.tokens.liveCount()).toBe(1);
    t.clock.now = new Date('2026-05-03T00:00:00Z');
    expect(t.store.tokens.findBySecret(expiring.token)?.expiresAt).toBe('2026-05-02T00:00:00.000Z');
    expect(t.store.tokens.liveCount()).toBe(0);
  });

  it('lists every token newest first, revoked included, with their grants', () => {
    const a = t.store.tokens.create({ name: 'a', grants: readInvoices });
    t.clock.now = new Date('2026-05-02T00:00:00Z');
    const b = t.store.tokens.create({
      name: 'b',
      grants: { scopes: ['rest', 'write'], read: '*', create: ['leads'], update: ['leads'], delete: ['leads'] },
    });
    t.store.tokens.revoke(a.record.id);
    const list = t.store.tokens.list();
    expect(list.map((r) => r.name)).toEqual(['b', 'a']);
    expect(list[0]?.grants).toEqual(b.record.grants);
    expect(list[0]?.grants.read).toBe('*');
    expect(list[1]?.revokedAt).not.toBeNull();
  });

  it('records last-used times in one batch, never moving them backwards', () => {
    const a = t.store.tokens.create({ name: 'a', grants: readInvoices });
    const b = t.store.tokens.create({ name: 'b', grants: readInvoices });
    t.store.tokens.touch(
      new Map([
        [a.record.id, '2026-05-01T10:00:00.000Z'],
        [b.record.id, '2026-05-01T11:00:00.000Z'],
      ]),
    );
    t.store.tokens.touch(new Map([[a.record.id, '2026-05-01T09:30:00.000Z']]));
    expect(t.store.tokens.get(a.record.id)?.lastUsedAt).toBe('2026-05-01T10:00:00.000Z');
    expect(t.store.tokens.get(b.record.id)?.lastUsedAt).toBe('2026-05-01T11:00:00.000Z');
  });

  it('validates origins, IP blocks, expiry and rate limit at create, naming the field', () => {
    const make = (extra: object) => () => t.store.tokens.create({ name: 'x', grants: readInvoices, ...extra });
    expect(make({ origins: ['https://a.example/path'] })).toThrow(/has a path/);
    expect(make({ ipAllow: ['10.0.0.0/40'] })).toThrow(/not an IP address or CIDR block/);
    expect(make({ expiresAt: '2020-01-01' })).toThrow(/not in the future/);
    expect(make({ rateLimit: -1 })).toThrow(StoreInputError);
    try {
      make({ ipAllow: ['nope'] })();
    } catch (error) {
      expect((error as StoreInputError).field).toBe('ipAllow');
    }
    expect(t.store.tokens.list()).toEqual([]);
    const ok = make({
      origins: ['https://Retool.example.com/'],
      ipAllow: ['192.168.1.0/24', '2001:db8::/32'],
      rateLimit: 60,
    })();
    expect(ok.record).toMatchObject({
      origins: ['https://retool.example.com'],
      ipAllow: ['192.168.1.0/24', '2001:db8::/32'],
      rateLimit: 60,
    });
  });

  it('updates a live token, replacing grants only when given, and refuses revoked or unknown ids', () => {
    const { record, token } = t.store.tokens.create({
      name: 'x',
      grants: readInvoices,
      origins: ['https://a.example'],
    });
    const updated = t.store.tokens.update(record.id, { name: 'y', rateLimit: 30, expiresAt: '2027-01-01' });
    expect(updated).toMatchObject({
      name: 'y',
      rateLimit: 30,
      expiresAt: '2027-01-01T00:00:00.000Z',
      origins: ['https://a.example'],
    });
    expect(updated.grants).toEqual(record.grants);
    const regranted = t.store.tokens.update(record.id, {
      grants: { scopes: ['rest', 'write'], read: [], create: ['leads'], update: [], delete: [] },
      expiresAt: null,
    });
    expect(regranted.grants.create).toEqual(['leads']);
    expect(regranted.grants.read).toEqual([]);
    expect(regranted.expiresAt).toBeNull();
    expect(t.store.tokens.findBySecret(token)?.name).toBe('y');
    expect(() => t.store.tokens.update(record.id, { ipAllow: ['x'] })).toThrow(StoreInputError);
    expect(() => t.store.tokens.update('tok_missing', { name: 'z' })).toThrow(
      /there is no token with id "tok_missing"/,
    );
    t.store.tokens.revoke(record.id);
    expect(() => t.store.tokens.update(record.id, { name: 'z' })).toThrow(/is revoked/);
  });

  it('keeps the HMAC secret sealed, opens it for verification, rotates and erases it', () => {
    const { record, hmacSecret } = t.store.tokens.create({ name: 'signed', grants: readInvoices, hmac: true });
    expect(record.hmac).toBe(true);
    expect(hmacSecret).toMatch(/^[\w-]{43}$/);
    expect(t.store.tokens.hmacSecret(record.id)).toBe(hmacSecret);
    expect(t.bytes().includes(hmacSecret as string)).toBe(false);
    t.reopen();
    expect(t.store.tokens.hmacSecret(record.id)).toBe(hmacSecret);

    const rotated = t.store.tokens.rotateHmacSecret(record.id);
    expect(rotated).not.toBe(hmacSecret);
    expect(t.store.tokens.hmacSecret(record.id)).toBe(rotated);
    expect(t.store.tokens.update(record.id, { hmac: false }).hmac).toBe(false);
    expect(t.store.tokens.hmacSecret(record.id)).toBeNull();
    const again = t.store.tokens.update(record.id, { hmac: true });
    expect(again.hmac).toBe(true);
    expect(t.store.tokens.hmacSecret(record.id)).toMatch(/^[\w-]{43}$/);
    t.store.tokens.revoke(record.id);
    expect(t.store.tokens.hmacSecret(record.id)).toBeNull();
  });

  it('sees a revocation or a rights change made by another connection on the next lookup (cache invalidated)', () => {
    const { token, record } = t.store.tokens.create({ name: 'x', grants: readInvoices });
    expect(t.store.tokens.findBySecret(token)?.grants.read).toHaveLength(2);
    expect(t.store.tokens.findBySecret(token)?.id).toBe(record.id); // now served from the cache
    // A second process (the CLI) opens the same file.
    const other = openStore({ file: storeFile(t.dir), keyProvider: fileKeyProvider(t.dir) });
    try {
      other.tokens.update(record.id, { grants: { ...readInvoices, read: ['clients'] } });
      expect(t.store.tokens.findBySecret(token)?.grants.read).toEqual(['clients']);
      other.tokens.revoke(record.id);
      expect(t.store.tokens.findBySecret(token)).toBeUndefined();
    } finally {
      other.close();
    }
  });

  it('forgets a cached token revoked through the same store at once', () => {
    const { token, record } = t.store.tokens.create({ name: 'x', grants: readInvoices });
    expect(t.store.tokens.findBySecret(token)).toBeDefined();
    t.store.tokens.revoke(record.id);
    expect(t.store.tokens.findBySecret(token)).toBeUndefined();
  });

  it('finds a token among 10,000 in microseconds (indexed by hash)', () => {
    const tokens: string[] = [];
    for (let i = 0; i < 10_000; i++) tokens.push(t.store.tokens.create({ name: `t${i}`, grants: readInvoices }).token);
    const picks = Array.from({ length: 2000 }, (_, i) => tokens[(i * 7919) % tokens.length] as string);
    for (const token of picks.slice(0, 200)) t.store.tokens.findBySecret(token);
    const start = process.hrtime.bigint();
    for (const token of picks) expect(t.store.tokens.findBySecret(token)).toBeDefined();
    const micros = Number(process.hrtime.bigint() - start) / 1000 / picks.length;
    console.warn(`findBySecret: ${micros.toFixed(1)} µs per lookup among 10,000 tokens`);
    expect(micros).toBeLessThan(500);
  });
});
