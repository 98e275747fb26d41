/** What a token may carry: CIDRs (IPv4/IPv6), origins, expiry, grants, rate limit; clear refusals. */
import { describe, expect, it } from 'vitest';
import { createIpAllowList } from '../../src-server/store/ip-allow-list.ts';
import { StoreInputError } from '../../src-server/store/store-errors.ts';
import {
  checkCidr,
  checkExpiry,
  checkGrants,
  checkName,
  checkOrigin,
  checkRateLimit,
} from '../../src-server/store/token-rules.ts';

const grants = { scopes: ['rest'] as const, read: [], create: [], update: [], delete: [] };

describe('token rules', () => {
  it('normalises IPv4 and IPv6 addresses and blocks', () => {
    expect(checkCidr('192.168.1.0/24')).toBe('192.168.1.0/24');
    expect(checkCidr(' 10.0.0.7 ')).toBe('10.0.0.7/32');
    expect(checkCidr('FD00::/8')).toBe('fd00::/8');
    expect(checkCidr('::1')).toBe('::1/128');
    expect(checkCidr('0.0.0.0/0')).toBe('0.0.0.0/0');
  });

  it('refuses what is not an address or block', () => {
    for (const bad of [
      '192.168.1.0/33',
      '300.1.1.1',
      'fd00::/129',
      'localhost',
      '10.0.0.0/',
      '10.0.0.0/-1',
      '10.0.0.0/8/8',
      '::1/1e2',
    ]) {
      expect(() => checkCidr(bad), bad).toThrow(/is not an IP address or CIDR block; use e\.g\./);
    }
  });

  it('matches IPv4, IPv6 and IPv4-mapped clients against the list', () => {
    const allowed = createIpAllowList(['192.168.1.0/24', 'fd00::/8']);
    expect(allowed('192.168.1.77')).toBe(true);
    expect(allowed('::ffff:192.168.1.77')).toBe(true);
    expect(allowed('192.168.2.1')).toBe(false);
    expect(allowed('fd12::1')).toBe(true);
    expect(allowed('fe80::1')).toBe(false);
    expect(allowed('not an ip')).toBe(false);
    expect(createIpAllowList([])('203.0.113.9')).toBe(true);
  });

  it('normalises origins to what browsers send and refuses paths', () => {
    expect(checkOrigin('https://Retool.Example.com')).toBe('https://retool.example.com');
    expect(checkOrigin('https://example.com:443/')).toBe('https://example.com');
    expect(checkOrigin('http://192.168.1.20:3000')).toBe('http://192.168.1.20:3000');
    expect(() => checkOrigin('https://example.com/app')).toThrow(/has a path, query or fragment/);
    expect(() => checkOrigin('https://example.com?x=1')).toThrow(/has a path, query or fragment/);
    expect(() => checkOrigin('ftp://example.com')).toThrow(/is not an origin/);
    expect(() => checkOrigin('https://user:pw@example.com')).toThrow(/is not an origin/);
    expect(() => checkOrigin('example.com')).toThrow(StoreInputError);
  });

  it('accepts only future expiries, in canonical ISO form', () => {
    const now = new Date('2026-05-01T00:00:00Z');
    expect(checkExpiry('2027-01-01', now)).toBe('2027-01-01T00:00:00.000Z');
    expect(checkExpiry(null, now)).toBeNull();
    expect(() => checkExpiry('2026-04-30', now)).toThrow(/not in the future/);
    expect(() => checkExpiry('next week', now)).toThrow(/is not a date/);
  });

  it('checks grants: known scopes, resource names, * absorbs a list', () => {
    expect(checkGrants({ ...grants, read: ['invoices', 'invoices', 'clients'], update: ['leads', '*'] })).toEqual({
      scopes: ['rest'],
      read: ['invoices', 'clients'],
      create: [],
      update: '*',
      delete: [],
    });
    expect(() => checkGrants({ ...grants, scopes: ['admin' as 'rest'] })).toThrow(/unknown scope "admin"/);
    expect(() => checkGrants({ ...grants, read: ['tbl invoices'] })).toThrow(/not a resource name/);
  });

  it('checks names and rate limits', () => {
    expect(checkName('  retool board ')).toBe('retool board');
    expect(() => checkName('  ')).toThrow(/needs a name/);
    expect(checkRateLimit(undefined)).toBe(600);
    expect(() => checkRateLimit(0)).toThrow(/whole number from 1/);
    expect(() => checkRateLimit(1.5)).toThrow(/whole number from 1/);
  });
});
