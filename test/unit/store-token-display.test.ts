/** Expiry as typed (`30d`, `12h`, dates) and how a token reads in lists (state, rights summary). */
import { describe, expect, it } from 'vitest';
import { summarizeGrants, tokenState } from '../../src-server/store/describe-token.ts';
import { parseExpires } from '../../src-server/store/parse-expires.ts';
import type { TokenRecord } from '../../src-server/store/tokens-repo.ts';

const now = new Date('2026-05-01T12:00:00.000Z');

describe('parseExpires', () => {
  it('reads durations from now and ISO dates', () => {
    expect(parseExpires('30d', now)).toBe('2026-05-31T12:00:00.000Z');
    expect(parseExpires('12h', now)).toBe('2026-05-02T00:00:00.000Z');
    expect(parseExpires('90m', now)).toBe('2026-05-01T13:30:00.000Z');
    expect(parseExpires('2W', now)).toBe('2026-05-15T12:00:00.000Z');
    expect(parseExpires('2027-01-01', now)).toBe('2027-01-01T00:00:00.000Z');
    expect(parseExpires('2027-01-01T18:00:00+02:00', now)).toBe('2027-01-01T16:00:00.000Z');
  });

  it('refuses what it cannot read, naming the accepted forms', () => {
    for (const bad of ['30', 'd30', '1 month', '2027-13-45', '0d', '']) {
      expect(() => parseExpires(bad, now), bad).toThrow(/not (an expiry|in the future)/);
    }
  });
});

describe('token display', () => {
  const base: TokenRecord = {
    id: 'tok_1',
    name: 'n',
    hint: 'pas_abcd…',
    createdAt: '2026-01-01T00:00:00.000Z',
    lastUsedAt: null,
    expiresAt: null,
    revokedAt: null,
    grants: { scopes: ['rest'], read: [], create: [], update: [], delete: [] },
    origins: [],
    ipAllow: [],
    rateLimit: 600,
    hmac: false,
    sandbox: false,
  };

  it('groups resources by the operations granted', () => {
    expect(summarizeGrants(base.grants)).toBe('none');
    expect(
      summarizeGrants({
        scopes: ['rest'],
        read: ['invoices', 'clients', 'leads'],
        create: ['leads'],
        update: ['leads'],
        delete: ['leads'],
      }),
    ).toBe('invoices,clients: r; leads: rcud');
    expect(summarizeGrants({ scopes: ['rest'], read: '*', create: ['tasks'], update: [], delete: [] })).toBe(
      '*: r; tasks: c',
    );
  });

  it('states: revoked before expired before active', () => {
    expect(tokenState(base, now)).toBe('active');
    expect(tokenState({ ...base, expiresAt: '2026-05-01T11:59:59.000Z' }, now)).toBe('expired');
    expect(
      tokenState({ ...base, expiresAt: '2026-05-01T11:59:59.000Z', revokedAt: '2026-04-01T00:00:00.000Z' }, now),
    ).toBe('revoked');
  });
});
