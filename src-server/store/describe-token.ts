/**
 * How a token reads in lists (CLI `token list`, the Studio): its state and a one-line summary of its
 * rights, resources grouped by the operations granted, e.g. `invoices,clients: r; leads: cud`, and
 * whether it is a sandbox token (its answers show fake personal data).
 */
import { OPERATIONS, type Grants } from '../engine/access.ts';
import type { TokenRecord } from './tokens-repo.ts';

export type TokenState = 'active' | 'expired' | 'revoked';

export function tokenState(record: TokenRecord, now: Date): TokenState {
  if (record.revokedAt !== null) return 'revoked';
  if (record.expiresAt !== null && Date.parse(record.expiresAt) <= now.getTime()) return 'expired';
  return 'active';
}

/** `*: r; leads: cud` — resources (or `*`) sharing the same operations: r read, c create, u update, d delete. */
export function summarizeGrants(grants: Grants): string {
  const letters = new Map<string, string>();
  for (const op of OPERATIONS) {
    const names = grants[op] === '*' ? ['*'] : grants[op];
    for (const name of names) letters.set(name, (letters.get(name) ?? '') + op[0]);
  }
  const groups = new Map<string, string[]>();
  for (const [name, ops] of letters) {
    const list = groups.get(ops) ?? [];
    groups.set(ops, [...list, name]);
  }
  if (groups.size === 0) return 'none';
  return [...groups].map(([ops, names]) => `${names.join(',')}: ${ops}`).join('; ');
}

/** The rights summary, plus `; sandbox` for a token whose answers show fake personal data. */
export function summarizeToken(record: Pick<TokenRecord, 'grants' | 'sandbox'>): string {
  return `${summarizeGrants(record.grants)}${record.sandbox ? '; sandbox' : ''}`;
}
