/**
 * parse (GraphQL): `sort` (REST's text form, `"-total,duedate"`) or the typed `orderBy`
 * (`[{ total: DESC }, { client: { company: ASC } }]`) → the AST's sort keys. Each orderBy entry names
 * exactly one field, because an input object's field order is not an order GraphQL preserves.
 */
import type { Catalog, Relation } from '../catalog/catalog.ts';
import { Problem } from '../errors/problem.ts';
import type { SortKey } from '../parse/list-request.ts';
import { parseSort } from '../parse/parse-list-query.ts';
import { MAX_PATH_HOPS } from '../parse/resolve-column.ts';
import type { CatalogNames, ResourceNames } from './graphql-names.ts';

type Input = Readonly<Record<string, unknown>>;

function entryKey(
  names: CatalogNames,
  resource: ResourceNames,
  path: readonly Relation[],
  value: unknown,
  at: string,
): SortKey {
  const given =
    typeof value === 'object' && value !== null
      ? Object.entries(value as Input).filter(([, v]) => v !== null && v !== undefined)
      : [];
  if (given.length !== 1) {
    throw new Problem('PAS105', `${at} must name exactly one field, got ${given.length}`, {
      hint: 'orderBy: [{ total: DESC }, { duedate: ASC }]',
    });
  }
  const [name, direction] = given[0] as [string, unknown];
  const entry = resource.orderBy.get(name);
  if (entry === undefined)
    throw new Problem('PAS102', `${at}: \`${resource.resource.name}\` cannot be sorted by \`${name}\``);
  if (entry.kind === 'column') {
    if (direction !== 'asc' && direction !== 'desc') throw new Problem('PAS105', `${at}.${name} must be ASC or DESC`);
    return { column: { path, field: entry.field }, direction };
  }
  if (path.length + 1 > MAX_PATH_HOPS)
    throw new Problem('PAS112', `${at}: a sort may follow at most ${MAX_PATH_HOPS} relations`);
  const target = entry.relation.target === null ? undefined : names.byResource.get(entry.relation.target);
  if (target === undefined)
    throw new Problem('PAS108', `${at}: relation \`${entry.relation.name}\` leads to a resource that is not exposed`);
  return entryKey(names, target, [...path, entry.relation], direction, `${at}.${name}`);
}

/** The sort keys of a list field's `sort` or `orderBy` argument (giving both is an error). */
export function parseOrderArg(
  catalog: Catalog,
  names: CatalogNames,
  resource: ResourceNames,
  args: { readonly sort?: string | null; readonly orderBy?: readonly unknown[] | null },
): SortKey[] {
  const hasSort = args.sort !== undefined && args.sort !== null;
  const hasOrderBy = args.orderBy !== undefined && args.orderBy !== null;
  if (hasSort && hasOrderBy) throw new Problem('PAS105', 'give sort or orderBy, not both');
  if (hasSort) return parseSort(catalog, resource.resource, args.sort ?? null);
  return (args.orderBy ?? []).map((entry, i) => entryKey(names, resource, [], entry, `orderBy[${i}]`));
}
