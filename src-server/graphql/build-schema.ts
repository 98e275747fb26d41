/**
 * The GraphQL schema of one catalog for one permission set: per readable resource a list field,
 * a single-row field and an aggregate field; per allowed write a mutation. Built once and cached
 * (schema-cache.ts), never per request.
 */
import {
  GraphQLID,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  type GraphQLFieldConfigMap,
} from 'graphql';
import type { Catalog } from '../catalog/catalog.ts';
import type { Access } from '../engine/access.ts';
import type { ViewSource } from '../engine/run-view.ts';
import type { ViewDefinition } from '../engine/view-definition.ts';
import { aggregateArgs, listArgs, pasExtension } from './field-args.ts';
import type { GraphqlContext } from './graphql-context.ts';
import type { CatalogNames, ResourceNames } from './graphql-names.ts';
import { mutationFields } from './mutation-fields.ts';
import type { AggregateArgs, ListArgs } from './parse-list-args.ts';
import { resolveAggregate } from './resolve-aggregate.ts';
import { resolveList, resolveSingle } from './resolve-rows.ts';
import { DateScalar, DateTimeScalar } from './scalars.ts';
import { TypeRegistry } from './type-registry.ts';
import { viewFields } from './view-fields.ts';

function queryFields(registry: TypeRegistry, names: ResourceNames): GraphQLFieldConfigMap<unknown, GraphqlContext> {
  const type = registry.object(names);
  const { resource } = names;
  const fields: GraphQLFieldConfigMap<unknown, GraphqlContext> = {
    [names.list]: {
      type: new GraphQLList(new GraphQLNonNull(type)),
      description: resource.description || `Rows of ${resource.table}.`,
      args: listArgs(registry, names),
      extensions: pasExtension('list', names),
      resolve: (_root, args: ListArgs, ctx, info) => resolveList(ctx, names, args, info),
    },
    [names.aggregate]: {
      type: new GraphQLList(new GraphQLNonNull(registry.aggregate(names))),
      description: `count, sum, avg, min and max over ${resource.name}, optionally grouped.`,
      args: aggregateArgs(registry, names),
      extensions: pasExtension('aggregate', names),
      resolve: (_root, args: AggregateArgs, ctx, info) => resolveAggregate(ctx, names, args, info),
    },
  };
  if (names.single !== null) {
    fields[names.single] = {
      type,
      description: `One ${resource.name} row by primary key (${resource.primaryKey.join(', ')}), or null.`,
      args: { id: { type: new GraphQLNonNull(GraphQLID) } },
      extensions: pasExtension('one', names),
      resolve: (_root, args: { id: string }, ctx, info) => resolveSingle(ctx, names, args.id, info),
    };
  }
  return fields;
}

/** The saved views a schema offers as `view_<name>` fields, and where they run. */
export interface SchemaViews {
  readonly definitions: readonly ViewDefinition[];
  readonly source: ViewSource;
}

/** Builds the schema a caller with `access` sees. */
export function buildSchema(catalog: Catalog, names: CatalogNames, access: Access, views?: SchemaViews): GraphQLSchema {
  const registry = new TypeRegistry({ catalog, names, access });
  let queries: GraphQLFieldConfigMap<unknown, GraphqlContext> = {};
  let mutations: GraphQLFieldConfigMap<unknown, GraphqlContext> = {};
  for (const resource of catalog.resources) {
    const resourceNames = names.byResource.get(resource.name);
    if (resourceNames === undefined) continue;
    if (registry.readable(resource.name) !== null) queries = { ...queries, ...queryFields(registry, resourceNames) };
    mutations = { ...mutations, ...mutationFields(registry, resourceNames) };
  }
  if (views !== undefined) queries = { ...queries, ...viewFields(catalog, views.definitions, views.source, access, new Set(Object.keys(queries))) };
  if (Object.keys(queries).length === 0) {
    // A schema needs a query field (spec §3.3.1); a caller who can read nothing learns just that.
    queries.resources = {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(GraphQLString))),
      description: 'The resources this caller can read: none.',
      resolve: () => [],
    };
  }
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: queries }),
    mutation:
      Object.keys(mutations).length === 0 ? null : new GraphQLObjectType({ name: 'Mutation', fields: mutations }),
    types: [DateScalar, DateTimeScalar],
  });
}
