/**
 * Validation and normal forms of what a token carries besides its secret: name, grants, expiry,
 * allowed origins, IP allow-list and rate limit. Checked when a token is created or changed (CLI,
 * admin API), so the security pipeline only ever reads well-formed values. Errors are
 * `StoreInputError`s naming the field and the accepted form.
 */
import net from 'node:net';
import { OPERATIONS, SCOPES, type Grants, type Scope } from '../engine/access.ts';
import { StoreInputError } from './store-errors.ts';

export const DEFAULT_RATE_LIMIT = 600;
const MAX_RATE_LIMIT = 1_000_000;
const RESOURCE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 100) {
    throw new StoreInputError('name', 'a token needs a name of 1 to 100 characters (who or what uses it)');
  }
  return trimmed;
}

function checkResources(op: string, value: readonly string[] | '*'): readonly string[] | '*' {
  if (value === '*') return '*';
  if (value.includes('*')) return '*';
  for (const name of value) {
    if (!RESOURCE_NAME.test(name)) {
      throw new StoreInputError(
        `grants.${op}`,
        `"${name}" is not a resource name (letters, digits and _), or use * for all`,
      );
    }
  }
  return [...new Set(value)];
}

/** Grants with known scopes, valid resource names, no duplicates; a list containing `*` becomes `'*'`. */
export function checkGrants(grants: Grants): Grants {
  for (const scope of grants.scopes) {
    if (!SCOPES.includes(scope)) {
      throw new StoreInputError('grants.scopes', `unknown scope "${String(scope)}"; scopes are ${SCOPES.join(', ')}`);
    }
  }
  const scopes = SCOPES.filter((s: Scope) => grants.scopes.includes(s));
  const [read, create, update, del] = OPERATIONS.map((op) => checkResources(op, grants[op])) as [
    Grants['read'],
    Grants['create'],
    Grants['update'],
    Grants['delete'],
  ];
  return { scopes, read, create, update, delete: del };
}

/** An ISO 8601 date or date-time in the future → its canonical ISO form (UTC); null = never expires. */
export function checkExpiry(value: string | null | undefined, now: Date): string | null {
  if (value === null || value === undefined) return null;
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    throw new StoreInputError(
      'expiresAt',
      `"${value}" is not a date; use ISO 8601, e.g. 2027-01-01 or 2027-01-01T12:00:00Z`,
    );
  }
  if (time <= now.getTime()) throw new StoreInputError('expiresAt', `the expiry ${value} is not in the future`);
  return new Date(time).toISOString();
}

/**
 * A browser origin, `http(s)://host[:port]`, in the form browsers send in `Origin` (lower-case host,
 * default port dropped), so the pipeline compares strings. Paths, queries and credentials are refused:
 * an origin has none (RFC 6454 §6.1).
 */
export function checkOrigin(value: string): string {
  const text = value.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new StoreInputError('origins', `"${value}" is not an origin; use https://host or https://host:port`);
  }
  // A trailing slash is forgiven (people paste it); any other path is a mistake worth reporting.
  const bare = url.pathname === '/' && !/\/./.test(text.replace(/^[a-z]+:\/\//i, ''));
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '') {
    throw new StoreInputError('origins', `"${value}" is not an origin; use https://host or https://host:port`);
  }
  if (!bare || url.search !== '' || url.hash !== '') {
    throw new StoreInputError(
      'origins',
      `"${value}" has a path, query or fragment; an origin is only https://host[:port]`,
    );
  }
  return url.origin;
}

/**
 * An IPv4 or IPv6 address or CIDR block → `address/prefix` (a bare address is a /32 or /128 block).
 * Checked with node's `net.BlockList`, which the pipeline uses to match, so what is accepted here matches there.
 */
export function checkCidr(value: string): string {
  const text = value.trim();
  const slash = text.indexOf('/');
  const address = (slash === -1 ? text : text.slice(0, slash)).toLowerCase();
  const family = net.isIP(address);
  const max = family === 4 ? 32 : 128;
  const prefixText = slash === -1 ? String(max) : text.slice(slash + 1);
  const prefix = Number(prefixText);
  if (family === 0 || !/^\d{1,3}$/.test(prefixText) || prefix > max) {
    throw new StoreInputError(
      'ipAllow',
      `"${value}" is not an IP address or CIDR block; use e.g. 192.168.1.0/24, 10.0.0.7 or fd00::/8`,
    );
  }
  new net.BlockList().addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
  return `${address}/${prefix}`;
}

export function checkRateLimit(value: number | undefined): number {
  if (value === undefined) return DEFAULT_RATE_LIMIT;
  if (!Number.isInteger(value) || value < 1 || value > MAX_RATE_LIMIT) {
    throw new StoreInputError(
      'rateLimit',
      `the rate limit is requests per minute, a whole number from 1 to ${MAX_RATE_LIMIT}`,
    );
  }
  return value;
}

/** Distinct values, each checked, in the order given. */
export function checkList(values: readonly string[] | undefined, check: (value: string) => string): string[] {
  return [...new Set((values ?? []).map(check))];
}
