/**
 * The object type of a resource: its columns as typed scalars, its relations as fields resolving to
 * the related resource's type (lists with the list arguments for to-many, a union for polymorphic
 * to-one), and `<relation>Aggregate` fields. Relations into resources the caller cannot read are
 * left out.
 */
import {
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLUnionType,
  type GraphQLFieldConfig,
  type GraphQLFieldConfigMap,
} from 'graphql';
import type { Relation } from '../catalog/catalog.ts';
import type { Row } from '../db/driver.ts';
import { describeField } from './describe-field.ts';
import { aggregateArgs, listArgs, pasExtension } from './field-args.ts';
import { graphqlValue, outputTypeOf } from './field-types.ts';
import type { GraphqlContext } from './graphql-context.ts';
import type { ResourceNames } from './graphql-names.ts';
import type { AggregateArgs, ListArgs } from './parse-list-args.ts';
import { resolveRelatedAggregate } from './resolve-aggregate.ts';
import { ROW_TYPE, resolvePolymorphic, resolveToMany, resolveToOne } from './resolve-rows.ts';
import type { TypeRegistry } from './type-registry.ts';

type FieldConfig = GraphQLFieldConfig<Row, GraphqlContext>;

function relationField(
  registry: TypeRegistry,
  relation: Relation,
  field: string,
  owner: ResourceNames,
): FieldConfig | null {
  if (relation.polymorphic !== null) {
    const union = registry.union(owner, relation, field);
    if (union === null) return null;
    return {
      type: union,
      description: relation.description,
      extensions: pasExtension('one', owner),
      resolve: (row, _args, ctx, info) => resolvePolymorphic(ctx, relation, row, info),
    };
  }
  const target = registry.readable(relation.target);
  if (target === null) return null;
  if (relation.kind === 'to-one') {
    return {
      type: registry.object(target),
      description: relation.description,
      extensions: pasExtension('one', target),
      resolve: (row, _args, ctx, info) => resolveToOne(ctx, relation, target, row, info),
    };
  }
  return {
    type: new GraphQLList(new GraphQLNonNull(registry.object(target))),
    description: relation.description,
    args: listArgs(registry, target),
    extensions: pasExtension('list', target),
    resolve: (row, args: ListArgs, ctx, info) => resolveToMany(ctx, relation, target, row, args, info),
  };
}

function aggregateField(registry: TypeRegistry, relation: Relation): FieldConfig | null {
  const target = registry.readable(relation.target);
  if (target === null) return null;
  return {
    type: new GraphQLList(new GraphQLNonNull(registry.aggregate(target))),
    description: `Aggregates over ${relation.name} (one entry without groupBy).`,
    args: aggregateArgs(registry, target),
    extensions: pasExtension('aggregate', target),
    resolve: (row, args: AggregateArgs, ctx, info) => resolveRelatedAggregate(ctx, relation, target, row, args, info),
  };
}

export function objectType(registry: TypeRegistry, names: ResourceNames): GraphQLObjectType {
  return new GraphQLObjectType<Row, GraphqlContext>({
    name: names.type,
    description: names.resource.description || `Rows of ${names.resource.table}.`,
    fields: () => {
      const fields: GraphQLFieldConfigMap<Row, GraphqlContext> = {};
      for (const [name, member] of names.members) {
        if (member.kind === 'column') {
          const { field } = member;
          fields[name] = {
            type: outputTypeOf(field),
            description: describeField(field),
            // Every row (lists, relations, mutation results) reaches the client through here.
            resolve: (row, _args, ctx) => graphqlValue(field, row[field.name], ctx.pii),
          };
          continue;
        }
        const config =
          member.kind === 'relation'
            ? relationField(registry, member.relation, name, names)
            : aggregateField(registry, member.relation);
        if (config !== null) fields[name] = config;
      }
      return fields;
    },
  });
}

/** `tasks.rel` → `TaskRelated`: the readable resources a polymorphic relation can point to. */
export function polymorphicUnion(
  registry: TypeRegistry,
  names: ResourceNames,
  relation: Relation,
  field: string,
): GraphQLUnionType | null {
  const targets = (relation.polymorphic?.targets ?? [])
    .map((t) => registry.readable(t.resource))
    .filter((t) => t !== null);
  const unique = [...new Map(targets.map((t) => [t.type, t])).values()];
  if (unique.length === 0) return null;
  const polymorphic = names.resource.relations.filter((r) => r.polymorphic !== null);
  const suffix = polymorphic.length > 1 || polymorphic[0] !== relation ? `_${field}` : '';
  return new GraphQLUnionType({
    name: `${names.type}Related${suffix}`,
    description: `What \`${field}\` points to, by \`${relation.polymorphic?.typeColumn}\`.`,
    types: () => unique.map((t) => registry.object(t)),
    resolveType: (value: Record<PropertyKey, unknown>) => value[ROW_TYPE] as string,
  });
}
