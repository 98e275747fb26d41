/**
 * Aggregate output types: `InvoiceAggregate { keys { sale_agent } count sum { total } avg { total }
 * min { duedate } max { total } }` and the `InvoiceGroupBy` enum of groupable columns. sum and avg
 * are Float (a sum of ints can pass Int's 32 bits); min and max keep the column's scalar.
 */
import {
  GraphQLEnumType,
  GraphQLFloat,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLEnumValueConfigMap,
  type GraphQLFieldConfigMap,
} from 'graphql';
import type { Field } from '../catalog/catalog.ts';
import { describeField } from './describe-field.ts';
import { hasBounds, isComparable, isNumeric, scalarOf } from './field-types.ts';
import type { ResourceNames } from './graphql-names.ts';

function columns(names: ResourceNames, keep: (field: Field) => boolean): [string, Field][] {
  const out: [string, Field][] = [];
  for (const [name, member] of names.members)
    if (member.kind === 'column' && keep(member.field)) out.push([name, member.field]);
  return out;
}

function columnObject(
  name: string,
  description: string,
  fields: [string, Field][],
  numeric: boolean,
): GraphQLObjectType | null {
  if (fields.length === 0) return null;
  const config: GraphQLFieldConfigMap<unknown, unknown> = {};
  for (const [fieldName, field] of fields)
    config[fieldName] = { type: numeric ? GraphQLFloat : scalarOf(field), description: describeField(field) };
  return new GraphQLObjectType({ name, description, fields: config });
}

/** Enum values are GraphQL names, but `true`, `false` and `null` cannot be (spec §2.9.6). */
const NOT_ENUM_VALUES = new Set(['true', 'false', 'null']);

export function groupByEnum(names: ResourceNames): GraphQLEnumType | null {
  const values: GraphQLEnumValueConfigMap = {};
  for (const [name, field] of columns(names, isComparable)) {
    if (!NOT_ENUM_VALUES.has(name)) values[name] = { value: field.name, description: field.columnType };
  }
  if (Object.keys(values).length === 0) return null;
  return new GraphQLEnumType({ name: `${names.type}GroupBy`, values });
}

export function aggregateType(names: ResourceNames): GraphQLObjectType {
  const type = names.type;
  const keys = columnObject(
    `${type}AggregateKeys`,
    'The group key values (the columns given in groupBy).',
    columns(names, isComparable),
    false,
  );
  const numbers = columnObject(
    `${type}AggregateNumbers`,
    'Sums or averages of numeric columns (null over no rows).',
    columns(names, isNumeric),
    true,
  );
  const bounds = columnObject(
    `${type}AggregateBounds`,
    'Smallest or largest values (zero dates ignored).',
    columns(names, hasBounds),
    false,
  );
  const fields: GraphQLFieldConfigMap<unknown, unknown> = {
    count: { type: new GraphQLNonNull(GraphQLInt), description: 'Rows in the group.' },
  };
  if (keys !== null)
    fields.keys = { type: new GraphQLNonNull(keys), description: 'Key values of this group (empty without groupBy).' };
  if (numbers !== null) {
    fields.sum = { type: new GraphQLNonNull(numbers) };
    fields.avg = { type: new GraphQLNonNull(numbers) };
  }
  if (bounds !== null) {
    fields.min = { type: new GraphQLNonNull(bounds) };
    fields.max = { type: new GraphQLNonNull(bounds) };
  }
  return new GraphQLObjectType({
    name: `${type}Aggregate`,
    description: `Aggregates of ${names.resource.name}.`,
    fields,
  });
}
