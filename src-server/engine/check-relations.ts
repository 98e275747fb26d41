/**
 * Rights for everything a REST read reaches through relations: an included relation, a `has[…]`
 * condition and a group key through to-one relations all read the related resource, so each needs
 * read access to it (403 otherwise, never a silent empty embed). Filters and sorts inside an include
 * are checked like the request's own (`requireReadablePaths`). Polymorphic includes are the one
 * exception: a target type the caller cannot read is embedded as null, as in GraphQL.
 */
import type { Relation } from '../catalog/catalog.ts';
import { Problem } from '../errors/problem.ts';
import type { GetRequest, IncludeNode, ListRequest } from '../parse/list-request.ts';
import { groupKeysOf } from '../plan/plan-aggregate.ts';
import { canUse, type Access } from './access.ts';
import { requireReadablePaths } from './check-paths.ts';

function requireReadable(access: Access, relation: Relation, what: string): void {
  if (relation.target === null || canUse(access, relation.target, 'read')) return;
  throw new Problem('PAS313', `this token may not read \`${relation.target}\`, which ${what} reaches`, {
    hint: `include, has and group_by only through relations into resources the token can read`,
  });
}

function checkNodes(access: Access, nodes: readonly IncludeNode[]): void {
  for (const node of nodes) {
    if (node.relation.polymorphic === null) requireReadable(access, node.relation, `include=${node.path}`);
    requireReadablePaths(access, { where: node.where, sort: node.sort });
    checkNodes(access, node.children);
  }
}

/** Refuses (403) a read whose includes, has conditions or group keys reach an unreadable resource. */
export function requireReadableRelations(access: Access, request: ListRequest | GetRequest): void {
  checkNodes(access, request.include ?? []);
  if (request.kind === 'get') return;
  for (const { node } of request.groupIncludes) checkNodes(access, [node]);
  for (const has of request.has) {
    for (const relation of has.path) requireReadable(access, relation, `has[${has.path.map((r) => r.name).join('.')}]`);
    requireReadablePaths(access, { where: has.where, sort: [] });
  }
  if (request.aggregate !== null) {
    for (const key of groupKeysOf(request.aggregate)) {
      for (const relation of key.column.path)
        requireReadable(
          access,
          relation,
          `group_by=${key.column.path.map((r) => r.name).join('.')}.${key.column.field.name}`,
        );
    }
  }
}
