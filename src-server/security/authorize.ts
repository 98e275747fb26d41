/**
 * Stage 5, authorize (transport level): the scope a route needs, and the token's grants resolved
 * against the catalog into an `Access`. Per-resource rights are then enforced where the resource is
 * known: the REST pipeline (requireRight) and the GraphQL schema built for this Access.
 */
import type { Catalog } from '../catalog/catalog.ts';
import { accessFromGrants, requireScope, type Access, type Scope } from '../engine/access.ts';
import type { AuthToken } from './token-directory.ts';

/** The scope a data-API path needs (relative to /api/v1); null for token self-description. */
export function scopeForPath(path: string): Scope | null {
  if (path === '/auth/test' || path === '/auth/test/') return null;
  if (path === '/graphql' || path.startsWith('/graphql/')) return 'graphql';
  if (path === '/views' || path.startsWith('/views/')) return 'views';
  return 'rest';
}

export interface Authorizer {
  authorize(token: AuthToken, path: string): Access;
}

/** `catalog` is read per request: a catalog refresh (schema change) must reach every token's rights. */
export function createAuthorizer(catalog: () => Catalog): Authorizer {
  // Access objects are rebuilt only when a token's grants change (the admin API can edit them live)
  // or the catalog is replaced.
  const cache = new Map<string, { grants: string; catalog: Catalog; access: Access }>();
  return {
    authorize(token, path) {
      const grants = JSON.stringify(token.grants);
      const current = catalog();
      let entry = cache.get(token.id);
      if (entry?.grants !== grants || entry.catalog !== current) {
        if (cache.size > 10_000) cache.clear();
        entry = { grants, catalog: current, access: accessFromGrants(current, token.grants) };
        cache.set(token.id, entry);
      }
      const scope = scopeForPath(path);
      if (scope !== null) requireScope(entry.access, scope);
      return entry.access;
    },
  };
}
