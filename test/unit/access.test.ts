/** Access rights: grants resolved against the catalog, never beyond the whitelist, with a stable key. */
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src-server/catalog/catalog.ts';
import { accessFromGrants, canUse, grantsFromLists, requireRight, whitelistAccess } from '../../src-server/engine/access.ts';
import type { Problem } from '../../src-server/errors/problem.ts';
import { fixture, fixtureCatalog } from '../support/fixture-catalog.ts';

/** The fixture catalog with `countries` read-only in the whitelist. */
const catalog: Catalog = {
  ...fixtureCatalog,
  resources: fixtureCatalog.resources.map((r) => (r.name === 'countries' ? { ...r, operations: ['read'] } : r)),
  byName: new Map(fixtureCatalog.resources.map((r) => [r.name, r.name === 'countries' ? { ...r, operations: ['read' as const] } : r])),
};

describe('accessFromGrants', () => {
  it('grants only what the whitelist allows, ignores unknown names, and needs the write scope for writes', () => {
    const access = accessFromGrants(catalog, grantsFromLists({ read: ['invoices', 'nope'], write: '*' }));
    expect(canUse(access, 'invoices', 'read')).toBe(true);
    expect(canUse(access, 'clients', 'read')).toBe(false);
    expect(canUse(access, 'clients', 'create')).toBe(true);
    expect(canUse(access, 'countries', 'create')).toBe(false); // read-only in the whitelist
    expect(access.operations.has('nope')).toBe(false);
    const noWriteScope = accessFromGrants(catalog, { ...grantsFromLists({ write: '*' }), scopes: ['rest'] });
    expect(canUse(noWriteScope, 'clients', 'create')).toBe(false);
  });

  it('gives the same key to the same rights however they were written, and different keys otherwise', () => {
    const a = accessFromGrants(catalog, grantsFromLists({ read: ['clients', 'invoices'] }));
    const b = accessFromGrants(catalog, grantsFromLists({ read: ['invoices', 'clients', 'invoices'] }));
    const c = accessFromGrants(catalog, grantsFromLists({ read: ['invoices'] }));
    expect(a.key).toBe(b.key);
    expect(a.key).not.toBe(c.key);
    expect(whitelistAccess(catalog).key).toBe(accessFromGrants(catalog, grantsFromLists({ read: '*', write: '*' })).key);
  });
});

describe('grantsFromLists', () => {
  it('expands write, lets * win and picks default scopes', () => {
    expect(grantsFromLists({ read: ['a', '*'], write: ['b'], delete: ['c'] })).toEqual({
      scopes: ['rest', 'graphql', 'views', 'write'],
      read: '*',
      create: ['b'],
      update: ['b'],
      delete: ['c', 'b'],
    });
    expect(grantsFromLists({ read: ['a'] }).scopes).toEqual(['rest', 'graphql', 'views']);
  });
});

describe('requireRight', () => {
  it('names the missing scope or right in a 403 problem', () => {
    const reader = accessFromGrants(catalog, grantsFromLists({ read: ['invoices'] }));
    const refusal = (op: 'read' | 'create') => {
      try {
        requireRight(reader, op === 'read' ? fixture.clients : fixture.invoices, op);
      } catch (error) {
        return error as Problem;
      }
      throw new Error('not refused');
    };
    expect([refusal('read').code, refusal('read').status]).toEqual(['PAS313', 403]);
    expect(refusal('read').hint).toContain('granted on `clients`: nothing');
    expect(refusal('create').code).toBe('PAS312');
  });
});
