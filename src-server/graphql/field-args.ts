/**
 * The arguments of list and aggregate fields, the same at the root and under relations:
 *   invoices(filter|where, sort | orderBy, limit, offset | page, perPage)
 *   invoicesAggregate(filter|where, groupBy)
 * The `pas` extension tells the limits check (check-limits.ts) how many rows a field may produce.
 */
import { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLString, type GraphQLFieldConfigArgumentMap } from 'graphql';
import type { ResourceNames } from './graphql-names.ts';
import type { TypeRegistry } from './type-registry.ts';

/** How many rows a field produces: a windowed list, at most one row, or aggregate groups. */
export interface PasFieldExtension {
  readonly rows: 'list' | 'one' | 'aggregate';
  /** The resource whose arguments the field takes (list and aggregate fields). */
  readonly resource: string;
}

export function pasExtension(rows: PasFieldExtension['rows'], names: ResourceNames): { pas: PasFieldExtension } {
  return { pas: { rows, resource: names.resource.name } };
}

export function listArgs(registry: TypeRegistry, names: ResourceNames): GraphQLFieldConfigArgumentMap {
  const filter = registry.filter(names);
  const orderBy = registry.orderBy(names);
  return {
    filter: {
      type: filter,
      description: 'Rows matching every condition: `{status: 2, total_gte: 1000}`; nest with and/or/not.',
    },
    where: { type: filter, description: 'Alias of `filter` (ANDed with it when both are given).' },
    sort: {
      type: GraphQLString,
      description: 'REST sort syntax: `"-total,duedate"` (`-` = descending, paths such as `client.company`).',
    },
    ...(orderBy === null
      ? {}
      : {
          orderBy: {
            type: new GraphQLList(new GraphQLNonNull(orderBy)),
            description: 'Typed sort: `[{total: DESC}, {duedate: ASC}]`, one field per entry.',
          },
        }),
    limit: {
      type: GraphQLInt,
      description: 'Rows to return (default 25, at most the configured maximum, 500 by default).',
    },
    offset: { type: GraphQLInt, description: 'Rows to skip (with limit).' },
    page: { type: GraphQLInt, description: 'Page number from 1 (with perPage; not with limit/offset).' },
    perPage: { type: GraphQLInt, description: 'Rows per page (default 25).' },
  };
}

export function aggregateArgs(registry: TypeRegistry, names: ResourceNames): GraphQLFieldConfigArgumentMap {
  const filter = registry.filter(names);
  const groupBy = registry.groupBy(names);
  return {
    filter: { type: filter, description: 'Rows to aggregate, as in the list field.' },
    where: { type: filter, description: 'Alias of `filter`.' },
    ...(groupBy === null
      ? {}
      : {
          groupBy: {
            type: new GraphQLList(new GraphQLNonNull(groupBy)),
            description: 'Columns to group by; one result per group, in key order.',
          },
        }),
  };
}
