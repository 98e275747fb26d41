/**
 * Mutation fields of a resource, present only where the caller may use the operation
 * (canUse: the whitelist's operations intersected with the token's rights), so a read-only caller
 * sees no mutations at all rather than mutations that fail.
 */
import {
  GraphQLBoolean,
  GraphQLID,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigMap,
} from 'graphql';
import { canUse } from '../engine/access.ts';
import type { GraphqlContext } from './graphql-context.ts';
import type { ResourceNames } from './graphql-names.ts';
import { resolveCreate, resolveDelete, resolveUpdate, type MutationResult } from './resolve-mutations.ts';
import type { TypeRegistry } from './type-registry.ts';

export function mutationResultType(registry: TypeRegistry, names: ResourceNames): GraphQLObjectType {
  const readable = registry.readable(names.resource.name);
  return new GraphQLObjectType<MutationResult, GraphqlContext>({
    name: `${names.type}MutationResult`,
    fields: () => ({
      success: { type: new GraphQLNonNull(GraphQLBoolean) },
      message: { type: new GraphQLNonNull(GraphQLString) },
      affected_rows: { type: new GraphQLNonNull(GraphQLInt) },
      ...(readable === null
        ? {}
        : { row: { type: registry.object(readable), description: 'The row as stored (null after a delete).' } }),
    }),
  });
}

type Input = Readonly<Record<string, unknown>>;

/** create/update/delete fields of one resource, for the operations the caller may use. */
export function mutationFields(
  registry: TypeRegistry,
  names: ResourceNames,
): GraphQLFieldConfigMap<unknown, GraphqlContext> {
  const { access } = registry.scope;
  const name = names.resource.name;
  const fields: GraphQLFieldConfigMap<unknown, GraphqlContext> = {};
  const keyed = names.resource.primaryKey.length > 0;
  const id = {
    type: new GraphQLNonNull(GraphQLID),
    description: `The primary key (${names.resource.primaryKey.join(', ')}; composite keys comma-separated).`,
  };
  const create = registry.createInput(names);
  if (canUse(access, name, 'create') && create !== null) {
    fields[names.create] = {
      type: registry.mutationResult(names),
      args: { input: { type: new GraphQLNonNull(create) } },
      resolve: (_root, args: { input: Input }, ctx) => resolveCreate(ctx, names, args.input),
    };
  }
  const update = registry.updateInput(names);
  if (canUse(access, name, 'update') && keyed && update !== null) {
    fields[names.update] = {
      type: registry.mutationResult(names),
      args: { id, input: { type: new GraphQLNonNull(update) } },
      resolve: (_root, args: { id: string; input: Input }, ctx) => resolveUpdate(ctx, names, args.id, args.input),
    };
  }
  if (canUse(access, name, 'delete') && keyed) {
    fields[names.delete] = {
      type: registry.mutationResult(names),
      args: { id },
      resolve: (_root, args: { id: string }, ctx) => resolveDelete(ctx, names, args.id),
    };
  }
  return fields;
}
