/**
 * Column types → GraphQL scalars: integers that fit 32 bits are Int (bigint and int unsigned are
 * Float, exact up to 2^53, because GraphQL's Int is 32-bit, spec §3.5.1), decimals Float, tinyint(1)
 * flags Boolean (only where the catalog marks a flag), dates Date/DateTime, everything else String.
 */
import {
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLString,
  type GraphQLOutputType,
  type GraphQLScalarType,
} from 'graphql';
import type { Field } from '../catalog/catalog.ts';
import type { PiiRandomiser } from '../pii/pii-randomiser.ts';
import { serializeValue } from '../serialize/serialize-row.ts';
import { DateScalar, DateTimeScalar } from './scalars.ts';

const INT32: ReadonlySet<string> = new Set(['tinyint', 'smallint', 'mediumint', 'year', 'bit']);

function fitsInt(field: Field): boolean {
  return INT32.has(field.dataType) || (field.dataType === 'int' && !field.unsigned);
}

/** The scalar of a column, for outputs and inputs alike. */
export function scalarOf(field: Field): GraphQLScalarType {
  switch (field.type) {
    case 'integer':
      if (field.flag) return GraphQLBoolean;
      return fitsInt(field) ? GraphQLInt : GraphQLFloat;
    case 'decimal':
    case 'float':
      return GraphQLFloat;
    case 'date':
      return DateScalar;
    case 'datetime':
      return DateTimeScalar;
    default:
      return GraphQLString;
  }
}

/**
 * Whether the API can return null for the column: nullable columns, and date columns, because
 * MySQL zero dates ('0000-00-00', allowed in NOT NULL columns outside strict mode, as Perfex runs)
 * are served as null.
 */
export function outputNullable(field: Field): boolean {
  return field.nullable || field.type === 'date' || field.type === 'datetime';
}

/** The output type of a column, NonNull exactly where the API never returns null. */
export function outputTypeOf(field: Field): GraphQLOutputType {
  const scalar = scalarOf(field);
  return outputNullable(field) ? scalar : new GraphQLNonNull(scalar);
}

/** A database value of `field` as its GraphQL scalar expects it (personal text as a fake with `pii`). */
export function graphqlValue(field: Field, value: unknown, pii?: PiiRandomiser): unknown {
  const typed = serializeValue(field, value, pii);
  if (typed === null || !field.flag || field.type !== 'integer') return typed;
  return Number(typed) !== 0;
}

/** Columns GraphQL can filter, sort and group by (binary data has no meaningful order or equality). */
export function isComparable(field: Field): boolean {
  return field.type !== 'binary' && field.type !== 'json';
}

/** Columns with an order: numbers (not flags), dates, times and text. */
export function isOrdered(field: Field): boolean {
  return isComparable(field) && !field.flag;
}

/** Text columns, where pattern operators apply. */
export function isText(field: Field): boolean {
  return field.type === 'string' || field.type === 'enum';
}

/** Columns `sum` and `avg` apply to. */
export function isNumeric(field: Field): boolean {
  return (field.type === 'integer' && !field.flag) || field.type === 'decimal' || field.type === 'float';
}

/** Columns `min` and `max` apply to. */
export function hasBounds(field: Field): boolean {
  return isNumeric(field) || field.type === 'date' || field.type === 'datetime' || field.type === 'time';
}
