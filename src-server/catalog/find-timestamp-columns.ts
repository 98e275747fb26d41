/**
 * The creation and last-modification columns of a table: Perfex's own list (NOTES.md §7) for the
 * tables it knows, then common names for the others. The creation column drives `since=` and is
 * filled with the current time on create, as Perfex does from PHP.
 */
import type { DbColumn, DbTable } from '../introspect/db-schema.ts';
import {
  PERFEX_CREATED_COLUMNS,
  PERFEX_NO_CREATED_COLUMN,
  PERFEX_UPDATED_COLUMNS,
} from './perfex-knowledge/perfex-timestamp-columns.ts';

/** In order of preference. */
const CREATED_NAMES = [
  'datecreated',
  'dateadded',
  'date_created',
  'date_added',
  'created_at',
  'created',
  'createdat',
  'creation_date',
  'created_on',
];
const UPDATED_NAMES = [
  'updated_at',
  'last_updated',
  'modified',
  'date_updated',
  'updated',
  'modified_at',
  'date_modified',
  'updatedat',
  'updated_on',
];

const TIME_TYPES = new Set(['date', 'datetime', 'timestamp']);

export interface TimestampColumns {
  readonly createdColumn: string | null;
  readonly updatedColumn: string | null;
}

function own(record: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function byName(columns: readonly DbColumn[], names: readonly string[]): string | null {
  for (const name of names) {
    const column = columns.find((c) => c.name.toLowerCase() === name && TIME_TYPES.has(c.dataType));
    if (column !== undefined) return column.name;
  }
  return null;
}

/**
 * `table` is the DbTable, `unprefixed` its name without prefix, `visible` the columns that are
 * fields (a hidden column cannot be the timestamp the API filters on).
 */
export function findTimestampColumns(
  table: DbTable,
  unprefixed: string,
  visible: ReadonlySet<string>,
): TimestampColumns {
  const columns = table.columns.filter((c) => visible.has(c.name));
  const has = (name: string | undefined): name is string => name !== undefined && columns.some((c) => c.name === name);
  const knownCreated = own(PERFEX_CREATED_COLUMNS, unprefixed);
  const knownUpdated = own(PERFEX_UPDATED_COLUMNS, unprefixed);
  const createdColumn = has(knownCreated)
    ? knownCreated
    : PERFEX_NO_CREATED_COLUMN.includes(unprefixed)
      ? null
      : byName(columns, CREATED_NAMES);
  const updatedColumn = has(knownUpdated) ? knownUpdated : byName(columns, UPDATED_NAMES);
  return { createdColumn, updatedColumn: updatedColumn === createdColumn ? null : updatedColumn };
}
