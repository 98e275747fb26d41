/**
 * Resolves a dotted name typed by a caller (`total`, `client.country`, `client.country.in`) to a
 * column of the catalog, following to-one relations. Unknown names become problems with hints.
 */
import type { Catalog, Field, Relation, Resource } from '../catalog/catalog.ts';
import { Problem } from '../errors/problem.ts';
import { FILTER_OPERATORS, isFilterOperator, type FilterOperator } from './filter-operators.ts';
import type { ColumnRef } from './list-request.ts';
import { didYouMean } from './suggest-name.ts';

/** Relation hops allowed in one filter or sort path. */
export const MAX_PATH_HOPS = 3;

/** The field of `resource` named `name`, or a PAS102 problem with a hint. */
export function resolveField(resource: Resource, name: string, where: string): Field {
  const field = resource.fields.find((f) => f.name === name);
  if (field !== undefined) return field;
  const names = resource.fields.map((f) => f.name);
  throw new Problem('PAS102', `${where}: \`${resource.name}\` has no field \`${name}\``, {
    hint: didYouMean(name, names, 'fields'),
  });
}

/** Follows one to-one relation; to-many and polymorphic relations cannot be used in a path. */
function followRelation(catalog: Catalog, resource: Resource, name: string, where: string): [Relation, Resource] {
  const relation = resource.relations.find((r) => r.name === name);
  if (relation === undefined) {
    const toOne = resource.relations.filter((r) => r.kind === 'to-one' && r.polymorphic === null).map((r) => r.name);
    throw new Problem('PAS108', `${where}: \`${resource.name}\` has no relation \`${name}\``, {
      hint: didYouMean(name, toOne, 'to-one relations'),
    });
  }
  if (relation.kind !== 'to-one' || relation.polymorphic !== null || relation.target === null) {
    throw new Problem('PAS108', `${where}: \`${name}\` is a ${relation.polymorphic ? 'polymorphic' : 'to-many'} relation; only to-one relations can be used in a path`, {
      hint: 'filter and sort paths follow to-one relations such as `client.country`',
    });
  }
  const target = catalog.byName.get(relation.target);
  if (target === undefined) throw new Problem('PAS108', `${where}: relation \`${name}\` leads to a resource that is not exposed`);
  return [relation, target];
}

/** Resolves `segments` (relations…, field) to a column. */
export function resolveColumn(catalog: Catalog, resource: Resource, segments: readonly string[], where: string): ColumnRef {
  if (segments.length === 0 || segments.some((s) => s === '')) {
    throw new Problem('PAS102', `${where}: empty field name`);
  }
  if (segments.length - 1 > MAX_PATH_HOPS) {
    throw new Problem('PAS112', `${where}: a path may follow at most ${MAX_PATH_HOPS} relations`);
  }
  const path: Relation[] = [];
  let current = resource;
  for (const name of segments.slice(0, -1)) {
    const [relation, target] = followRelation(catalog, current, name, where);
    path.push(relation);
    current = target;
  }
  return { path, field: resolveField(current, segments[segments.length - 1] ?? '', where) };
}

/**
 * Resolves `client.country.in` to (column, operator). A trailing operator name is taken as the
 * operator when the rest resolves, so a field that happens to be called like an operator still works.
 */
export function resolveFilterTarget(
  catalog: Catalog,
  resource: Resource,
  dotted: string,
  where: string,
): { column: ColumnRef; op: FilterOperator | null } {
  const segments = dotted.split('.');
  const last = segments[segments.length - 1] ?? '';
  if (segments.length >= 2 && isFilterOperator(last)) {
    try {
      return { column: resolveColumn(catalog, resource, segments.slice(0, -1), where), op: last };
    } catch (error) {
      // Only a field literally named like the operator could still match the whole path.
      try {
        return { column: resolveColumn(catalog, resource, segments, where), op: null };
      } catch {
        throw error;
      }
    }
  }
  try {
    return { column: resolveColumn(catalog, resource, segments, where), op: null };
  } catch (error) {
    // `total.greater`: a real column followed by an unknown word deserves an operator hint.
    if (segments.length >= 2 && resolvesAsColumn(catalog, resource, segments.slice(0, -1))) {
      throw new Problem('PAS103', `${where}: \`${last}\` is not a filter operator`, {
        hint: didYouMean(last, FILTER_OPERATORS, 'operators'),
      });
    }
    throw error;
  }
}

function resolvesAsColumn(catalog: Catalog, resource: Resource, segments: readonly string[]): boolean {
  try {
    resolveColumn(catalog, resource, segments, '');
    return true;
  } catch {
    return false;
  }
}
