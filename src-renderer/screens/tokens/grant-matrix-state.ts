/**
 * The CRUD matrix of a token being created, as plain data: per operation either `'*'` (every
 * resource, including ones exposed later) or the list of resources granted. Pure functions, so the
 * matrix component only renders and the rules ("all" of a row or column, `*`) live in one place.
 */
import type { Operation } from '../../../src-shared/admin-api.ts';

export const OPERATIONS: readonly Operation[] = ['read', 'create', 'update', 'delete'];

export type GrantMatrix = Readonly<Record<Operation, '*' | readonly string[]>>;

/** A resource as the matrix sees it: its name and the operations the whitelist allows on it. */
export interface MatrixResource {
  readonly name: string;
  readonly operations: readonly Operation[];
}

export const EMPTY_GRANTS: GrantMatrix = { read: [], create: [], update: [], delete: [] };

export function isGranted(grants: GrantMatrix, op: Operation, resource: string): boolean {
  const list = grants[op];
  return list === '*' || list.includes(resource);
}

export function setCell(grants: GrantMatrix, op: Operation, resource: string, on: boolean): GrantMatrix {
  const list = grants[op];
  if (list === '*') return grants;
  const next = on ? [...new Set([...list, resource])] : list.filter((r) => r !== resource);
  return { ...grants, [op]: next };
}

/** Every resource allowing `op` on or off (an explicit list: resources exposed later are not included). */
export function setColumn(grants: GrantMatrix, op: Operation, resources: readonly MatrixResource[], on: boolean): GrantMatrix {
  if (grants[op] === '*') return grants;
  return { ...grants, [op]: on ? resources.filter((r) => r.operations.includes(op)).map((r) => r.name) : [] };
}

/** Every operation the whitelist allows on `resource`, on or off. */
export function setRow(grants: GrantMatrix, resource: MatrixResource, on: boolean): GrantMatrix {
  return resource.operations.reduce((g, op) => setCell(g, op, resource.name, on), grants);
}

export function setStar(grants: GrantMatrix, op: Operation, on: boolean): GrantMatrix {
  return { ...grants, [op]: on ? '*' : [] };
}

export function columnState(grants: GrantMatrix, op: Operation, resources: readonly MatrixResource[]): 'all' | 'some' | 'none' {
  const allowed = resources.filter((r) => r.operations.includes(op));
  const granted = allowed.filter((r) => isGranted(grants, op, r.name)).length;
  return granted === 0 ? 'none' : granted === allowed.length ? 'all' : 'some';
}

export function rowState(grants: GrantMatrix, resource: MatrixResource): 'all' | 'some' | 'none' {
  const granted = resource.operations.filter((op) => isGranted(grants, op, resource.name)).length;
  return granted === 0 ? 'none' : granted === resource.operations.length ? 'all' : 'some';
}

/** True when the token may write something (it then needs the `write` scope). */
export function grantsWrites(grants: GrantMatrix): boolean {
  return (['create', 'update', 'delete'] as const).some((op) => grants[op] === '*' || grants[op].length > 0);
}

/** One line per operation for the token list: `read: invoices, clients` / `read: *`. */
export function describeGrants(grants: GrantMatrix): string[] {
  return OPERATIONS.flatMap((op) => {
    const list = grants[op];
    if (list !== '*' && list.length === 0) return [];
    return [`${op}: ${list === '*' ? '* (all)' : list.join(', ')}`];
  });
}
