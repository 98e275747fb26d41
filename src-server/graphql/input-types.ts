/**
 * Input types of a resource: the filter (one field per column and operator, relations, and/or/not),
 * the typed orderBy, and the create/update inputs made of writable columns. Sensitive and hidden
 * columns are not catalog fields, so they cannot appear in any of them.
 */
import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLString,
  type GraphQLInputFieldConfigMap,
  type GraphQLInputType,
} from 'graphql';
import type { Field } from '../catalog/catalog.ts';
import type { FilterOperator } from '../parse/filter-operators.ts';
import { describeField } from './describe-field.ts';
import { scalarOf } from './field-types.ts';
import type { ResourceNames } from './graphql-names.ts';
import type { TypeRegistry } from './type-registry.ts';

export const SortDirection = new GraphQLEnumType({
  name: 'SortDirection',
  values: {
    ASC: { value: 'asc', description: 'Smallest first (NULL first).' },
    DESC: { value: 'desc', description: 'Largest first (NULL last).' },
  },
});

const FILTER_HELP = (resource: string): string =>
  `Conditions on ${resource}, ANDed: \`{status: 2, total_gte: 1000, or: [{sale_agent: 0}, {client: {country: 243}}]}\`.
A bare column means equals (null: IS NULL). Suffixes: _eq, _ne (NULL never matches, as in SQL), _gt, _gte, _lt, _lte,
_between ([low, high], inclusive), _in, _not_in, _is_null (true: NULL or a zero date), and on text columns _like,
_not_like (SQL LIKE: % and _ wildcards), _contains, _starts_with, _ends_with (wildcards literal).`;

function operandType(field: Field, op: FilterOperator): GraphQLInputType {
  if (op === 'is_null') return GraphQLBoolean;
  if (op === 'in' || op === 'not_in' || op === 'between') return new GraphQLList(new GraphQLNonNull(scalarOf(field)));
  if (op === 'like' || op === 'not_like' || op === 'contains' || op === 'starts_with' || op === 'ends_with')
    return GraphQLString;
  return scalarOf(field);
}

export function filterType(registry: TypeRegistry, names: ResourceNames): GraphQLInputObjectType {
  const type: GraphQLInputObjectType = new GraphQLInputObjectType({
    name: `${names.type}Filter`,
    description: FILTER_HELP(names.resource.name),
    fields: () => {
      const fields: GraphQLInputFieldConfigMap = {};
      for (const [name, entry] of names.filter) {
        if (entry.kind === 'and' || entry.kind === 'or') {
          fields[name] = {
            type: new GraphQLList(new GraphQLNonNull(type)),
            description: `Every (and) / any (or) of the filters.`,
          };
        } else if (entry.kind === 'not') {
          fields[name] = { type, description: 'Rows not matching the filter.' };
        } else if (entry.kind === 'relation') {
          const target = registry.readable(entry.relation.target);
          if (target !== null)
            fields[name] = { type: registry.filter(target), description: `Through ${entry.relation.name} (to-one).` };
        } else if (entry.bare) {
          fields[name] = {
            type: operandType(entry.field, entry.op),
            description: `equals (null: IS NULL); ${describeField(entry.field)}`,
          };
        } else {
          // Suffixed operators are described once, on the type: per-field text would dominate the SDL.
          fields[name] = { type: operandType(entry.field, entry.op) };
        }
      }
      return fields;
    },
  });
  return type;
}

export function orderByType(registry: TypeRegistry, names: ResourceNames): GraphQLInputObjectType | null {
  if (names.orderBy.size === 0) return null;
  return new GraphQLInputObjectType({
    name: `${names.type}OrderBy`,
    description: 'One sort key: a column with a direction, or a to-one relation with its own key.',
    fields: () => {
      const fields: GraphQLInputFieldConfigMap = {};
      for (const [name, entry] of names.orderBy) {
        if (entry.kind === 'column') {
          fields[name] = { type: SortDirection };
          continue;
        }
        const target = registry.readable(entry.relation.target);
        const type = target === null ? null : registry.orderBy(target);
        if (type !== null) fields[name] = { type };
      }
      return fields;
    },
  });
}

function writableFields(names: ResourceNames, create: boolean): GraphQLInputFieldConfigMap {
  const fields: GraphQLInputFieldConfigMap = {};
  for (const [name, member] of names.members) {
    if (member.kind !== 'column' || !member.field.writable) continue;
    const { field } = member;
    const required = create && field.requiredOnCreate && !field.nullable;
    fields[name] = {
      type: required ? new GraphQLNonNull(scalarOf(field)) : scalarOf(field),
      description: describeField(field),
    };
  }
  return fields;
}

/** Writable columns; those the database requires (NOT NULL, no default) are non-null. */
export function createInputType(names: ResourceNames): GraphQLInputObjectType | null {
  const fields = writableFields(names, true);
  if (Object.keys(fields).length === 0) return null;
  return new GraphQLInputObjectType({
    name: `${names.type}CreateInput`,
    description: `A new ${names.resource.name} row.`,
    fields,
  });
}

/** Writable columns, all optional: the fields given are changed. */
export function updateInputType(names: ResourceNames): GraphQLInputObjectType | null {
  const fields = writableFields(names, false);
  if (Object.keys(fields).length === 0) return null;
  return new GraphQLInputObjectType({
    name: `${names.type}UpdateInput`,
    description: `Fields of ${names.resource.name} to change.`,
    fields,
  });
}
