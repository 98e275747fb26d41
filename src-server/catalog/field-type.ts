/** How a column's MySQL-vocabulary type is typed in the API (the `FieldType` of catalog.ts). */
import type { DataType, DbColumn } from '../introspect/db-schema.ts';
import type { FieldType } from './catalog.ts';

const FIELD_TYPES: Readonly<Record<DataType, FieldType>> = {
  tinyint: 'integer',
  smallint: 'integer',
  mediumint: 'integer',
  int: 'integer',
  bigint: 'integer',
  year: 'integer',
  decimal: 'decimal',
  float: 'float',
  double: 'float',
  char: 'string',
  varchar: 'string',
  tinytext: 'string',
  text: 'string',
  mediumtext: 'string',
  longtext: 'string',
  date: 'date',
  datetime: 'datetime',
  timestamp: 'datetime',
  time: 'time',
  enum: 'enum',
  set: 'enum',
  json: 'json',
  binary: 'binary',
  varbinary: 'binary',
  blob: 'binary',
  tinyblob: 'binary',
  mediumblob: 'binary',
  longblob: 'binary',
  // bit(1) is a flag; wider bit fields are read as numbers.
  bit: 'integer',
  // SQLite columns without a declared type hold anything; text is the safe reading.
  unknown: 'string',
};

/** The API type of a column. */
export function fieldTypeOf(dataType: DataType): FieldType {
  return FIELD_TYPES[dataType];
}

/** An integer key column (where Perfex stores "no relation" as 0). */
export function isIntegerColumn(column: DbColumn): boolean {
  return FIELD_TYPES[column.dataType] === 'integer' && column.dataType !== 'bit' && column.dataType !== 'year';
}

/** `tinyint(1)` or `bit(1)`: a 0/1 flag (MySQL's BOOLEAN is tinyint(1)). */
export function isFlagColumn(column: DbColumn): boolean {
  if (column.dataType !== 'tinyint' && column.dataType !== 'bit') return false;
  return (
    column.precision === 1 ||
    /^(tinyint|bit)\(1\)/i.test(column.columnType) ||
    (column.dataType === 'bit' && column.precision === null)
  );
}

/** char/varchar/text family: where name patterns for personal data apply. */
export function isTextColumn(column: DbColumn): boolean {
  return FIELD_TYPES[column.dataType] === 'string';
}
