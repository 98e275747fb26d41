/** The resource a REST request names, checked against the whitelist (405) and the caller's rights (403). */
import type { Operation, Resource } from '../catalog/catalog.ts';
import { checkOperation } from '../plan/plan-write.ts';
import { requireRight, type Access } from './access.ts';
import { resolveResource, type Engine } from './engine.ts';

/**
 * The resource named in the path, if the whitelist allows the operation (else 405) and the caller's
 * rights include it (else 403). Both checks run before a body is read, so a forbidden write never
 * gets a validation answer that would reveal the table's shape.
 */
export function resolveAllowed(engine: Engine, access: Access, name: string, operation: Operation): Resource {
  const resource = resolveResource(engine.catalog, name);
  checkOperation(resource, operation);
  requireRight(access, resource, operation);
  return resource;
}
