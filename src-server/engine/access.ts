/**
 * What one caller may do: the token's scopes and, per exposed resource, the operations it may use.
 * Built once per token (and per catalog) by the security pipeline; the engine and the GraphQL schema
 * only ever ask this object, so REST and GraphQL cannot disagree about a right.
 * Rights are always intersected with the whitelist: a token can never do more than the catalog allows.
 */
import type { Catalog, Operation, Resource } from '../catalog/catalog.ts';
import { Problem } from '../errors/problem.ts';

export const SCOPES = ['rest', 'graphql', 'views', 'write'] as const;
export type Scope = (typeof SCOPES)[number];

export const OPERATIONS: readonly Operation[] = ['read', 'create', 'update', 'delete'];

export interface Access {
  readonly scopes: ReadonlySet<Scope>;
  /** Resource name → operations this caller may use there (absent = nothing). */
  readonly operations: ReadonlyMap<string, ReadonlySet<Operation>>;
  /**
   * A stable identity of this permission set (same rights → same key), so a GraphQL schema built
   * for one token is reused by every token with the same rights.
   */
  readonly key: string;
}

/** Per-resource grants as a token stores them; `'*'` = every exposed resource. */
export interface Grants {
  readonly scopes: readonly Scope[];
  readonly read: readonly string[] | '*';
  readonly create: readonly string[] | '*';
  readonly update: readonly string[] | '*';
  readonly delete: readonly string[] | '*';
}

function freezeAccess(scopes: ReadonlySet<Scope>, operations: Map<string, Set<Operation>>): Access {
  const parts = [...operations.entries()]
    .filter(([, ops]) => ops.size > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, ops]) => `${name}:${OPERATIONS.filter((op) => ops.has(op)).map((op) => op[0]).join('')}`);
  const key = `${SCOPES.filter((s) => scopes.has(s)).join(',')}|${parts.join(';')}`;
  return Object.freeze({ scopes, operations, key });
}

/** Everything the whitelist allows, every scope: the engine's rights before tokens apply (tests, CLI tools). */
export function whitelistAccess(catalog: Catalog): Access {
  const operations = new Map<string, Set<Operation>>();
  for (const resource of catalog.resources) operations.set(resource.name, new Set(resource.operations));
  return freezeAccess(new Set(SCOPES), operations);
}

/**
 * A token's grants resolved against the catalog: names that are not exposed resources are ignored
 * (a stale grant cannot open anything), and write operations need the `write` scope.
 */
export function accessFromGrants(catalog: Catalog, grants: Grants): Access {
  const scopes = new Set(grants.scopes);
  const operations = new Map<string, Set<Operation>>();
  for (const op of OPERATIONS) {
    if (op !== 'read' && !scopes.has('write')) continue;
    const names = grants[op] === '*' ? catalog.resources.map((r) => r.name) : grants[op];
    for (const name of names) {
      const resource = catalog.byName.get(name);
      if (resource === undefined || !resource.operations.includes(op)) continue;
      let ops = operations.get(name);
      if (ops === undefined) operations.set(name, (ops = new Set()));
      ops.add(op);
    }
  }
  return freezeAccess(scopes, operations);
}

export function canUse(access: Access, resource: string, operation: Operation): boolean {
  return access.operations.get(resource)?.has(operation) === true;
}

export function hasScope(access: Access, scope: Scope): boolean {
  return access.scopes.has(scope);
}

/** Refuses a call whose transport scope (`rest`, `graphql`, `views`) the caller lacks (403). */
export function requireScope(access: Access, scope: Scope): void {
  if (access.scopes.has(scope)) return;
  throw new Problem('PAS312', `this token does not have the \`${scope}\` scope`, {
    hint: `the token's scopes: ${[...access.scopes].join(', ') || 'none'}; create a token with --scope ${scope}`,
  });
}

/**
 * Refuses an operation the caller's rights do not include (403). The whitelist's own refusal
 * (405, `checkOperation`) comes first: what the resource cannot do at all is not a permission matter.
 */
export function requireRight(access: Access, resource: Resource, operation: Operation): void {
  if (canUse(access, resource.name, operation)) return;
  const write = operation !== 'read';
  if (write && !access.scopes.has('write')) {
    throw new Problem('PAS312', `${operation} on \`${resource.name}\` needs the \`write\` scope, which this token does not have`);
  }
  const granted = [...(access.operations.get(resource.name) ?? [])];
  throw new Problem('PAS313', `this token may not ${operation} \`${resource.name}\``, {
    hint: `granted on \`${resource.name}\`: ${granted.join(', ') || 'nothing'}`,
    extra: { granted },
  });
}

/** The resources this caller can read, for indexes, docs and the GraphQL schema. */
export function readableResources(catalog: Catalog, access: Access): readonly Resource[] {
  return catalog.resources.filter((r) => canUse(access, r.name, 'read'));
}

type ResourceList = readonly string[] | '*';

/** Per-operation resource lists as people give them; `write` is shorthand for create + update + delete. */
export interface RightLists {
  readonly read?: ResourceList | undefined;
  readonly create?: ResourceList | undefined;
  readonly update?: ResourceList | undefined;
  readonly delete?: ResourceList | undefined;
  readonly write?: ResourceList | undefined;
}

/**
 * Grants from lists (CLI options, admin API bodies): `write` expands, `*` anywhere in a list wins,
 * duplicates go. Without explicit scopes: rest, graphql and views, plus write when any write right is given.
 */
export function grantsFromLists(lists: RightLists, scopes?: readonly Scope[]): Grants {
  const merge = (...parts: (ResourceList | undefined)[]): ResourceList => {
    const names = parts.flatMap((p) => (p === undefined ? [] : p === '*' ? ['*'] : p));
    return names.includes('*') ? '*' : [...new Set(names)];
  };
  const rights = {
    read: merge(lists.read),
    create: merge(lists.create, lists.write),
    update: merge(lists.update, lists.write),
    delete: merge(lists.delete, lists.write),
  };
  const writes = [rights.create, rights.update, rights.delete].some((list) => list === '*' || list.length > 0);
  return { scopes: scopes ?? SCOPES.filter((s) => s !== 'write' || writes), ...rights };
}
