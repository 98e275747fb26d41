/**
 * The REST operations a caller can use, as plain data: the one list that OpenAPI, Postman, the
 * /api_docs page and the code samples are generated from, so all of them describe exactly the
 * routes `rest-router.ts` serves and exactly the rights `Access` grants (an operation the caller
 * may not use is absent, not marked).
 */
import type { Catalog, Operation, Resource } from '../catalog/catalog.ts';
import { canUse, type Access } from '../engine/access.ts';

export type OperationKind = 'list' | 'get' | 'schema' | 'create' | 'update' | 'replace' | 'delete';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiOperation {
  readonly resource: Resource;
  readonly kind: OperationKind;
  readonly method: HttpMethod;
  /** Relative to /api/v1, OpenAPI template syntax: `/invoices/{id}`. */
  readonly path: string;
  /** Unique and stable: `listInvoices`, `getInvoices`, … */
  readonly operationId: string;
  /** `invoices/list`: the /api_docs deep link is `#/invoices/list`. */
  readonly anchor: string;
  readonly summary: string;
  /** The right the caller needs. */
  readonly right: Operation;
}

interface KindSpec {
  readonly method: HttpMethod;
  readonly right: Operation;
  readonly item: boolean;
  readonly suffix?: string;
  readonly summary: (name: string) => string;
}

/** In the order a reader meets them (and Postman runs them: create before the writes that use its id). */
const KINDS: Readonly<Record<OperationKind, KindSpec>> = {
  list: { method: 'GET', right: 'read', item: false, summary: (n) => `List ${n} (filters, sort, pages)` },
  get: { method: 'GET', right: 'read', item: true, summary: (n) => `Get one row of ${n}` },
  schema: {
    method: 'GET',
    right: 'read',
    item: false,
    suffix: '/schema',
    summary: (n) => `Describe ${n} (fields, relations)`,
  },
  create: { method: 'POST', right: 'create', item: false, summary: (n) => `Create a row in ${n}` },
  update: { method: 'PATCH', right: 'update', item: true, summary: (n) => `Update fields of a row of ${n}` },
  replace: { method: 'PUT', right: 'update', item: true, summary: (n) => `Update a row of ${n} (PUT, same as PATCH)` },
  delete: { method: 'DELETE', right: 'delete', item: true, summary: (n) => `Delete a row of ${n}` },
};

export const OPERATION_KINDS = Object.keys(KINDS) as readonly OperationKind[];

/** `overdue_by_agent` → `OverdueByAgent`: the suffix of operationIds. */
export function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((p) => p !== '')
    .map((p) => p[0]?.toUpperCase() + p.slice(1))
    .join('');
}

/** The operations of one resource that `access` may use. */
export function resourceOperations(resource: Resource, access: Access): ApiOperation[] {
  const out: ApiOperation[] = [];
  for (const kind of OPERATION_KINDS) {
    const spec = KINDS[kind];
    if (!resource.operations.includes(spec.right) || !canUse(access, resource.name, spec.right)) continue;
    // Rows of a table without a key cannot be addressed (rest-router answers 405).
    if (spec.item && resource.primaryKey.length === 0) continue;
    out.push({
      resource,
      kind,
      method: spec.method,
      path: `/${resource.name}${spec.item ? '/{id}' : (spec.suffix ?? '')}`,
      operationId: `${kind}${pascal(resource.name)}`,
      anchor: `${resource.name}/${kind}`,
      summary: spec.summary(resource.name),
      right: spec.right,
    });
  }
  return out;
}

/** Every operation `access` may use, resource by resource in catalog order. */
export function apiOperations(catalog: Catalog, access: Access): ApiOperation[] {
  return catalog.resources.flatMap((r) => resourceOperations(r, access));
}
