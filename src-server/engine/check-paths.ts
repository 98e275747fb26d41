/**
 * A filter or sort through a relation reads the related resource (`filter[client.company]` reveals
 * client names one guess at a time), so every resource a path crosses must be readable by the caller.
 */
import { Problem } from '../errors/problem.ts';
import type { ColumnRef, ListRequest, WhereNode } from '../parse/list-request.ts';
import { canUse, type Access } from './access.ts';

function* columnsOf(node: WhereNode | null): Generator<ColumnRef> {
  if (node === null) return;
  if (node.kind === 'condition') yield node.column;
  else if (node.kind === 'not') yield* columnsOf(node.item);
  else for (const item of node.items) yield* columnsOf(item);
}

/** Refuses (403) a request whose filters or sort keys follow a relation into a resource the caller cannot read. */
export function requireReadablePaths(access: Access, request: Pick<ListRequest, 'where' | 'sort'>): void {
  const columns = [...columnsOf(request.where), ...request.sort.map((s) => s.column)];
  for (const column of columns) {
    for (const relation of column.path) {
      if (relation.target !== null && !canUse(access, relation.target, 'read')) {
        throw new Problem('PAS313', `this token may not read \`${relation.target}\`, which \`${relation.name}.${column.field.name}\` goes through`, {
          hint: `filter and sort only through relations into resources the token can read`,
        });
      }
    }
  }
}
