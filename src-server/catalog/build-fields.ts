/**
 * Splits a table's columns into API fields and hidden columns. Sensitive columns (NOTES.md §6 and
 * the name patterns) and columns the whitelist hides never become fields, so no later stage can
 * select, filter, sort or write them.
 */
import type { DbColumn, DbTable } from '../introspect/db-schema.ts';
import type { Field, HiddenColumn } from './catalog.ts';
import { fieldTypeOf, isFlagColumn, isTextColumn } from './field-type.ts';
import { findSensitiveColumn } from './find-sensitive-column.ts';
import { isPerfexPiiColumn } from './perfex-knowledge/perfex-pii-columns.ts';
import { perfexStatusLabels } from './perfex-knowledge/perfex-status-labels.ts';
import { matchPiiName } from './pii-name-patterns.ts';

export interface ColumnSplit {
  readonly visible: readonly DbColumn[];
  readonly hidden: readonly HiddenColumn[];
}

export interface FieldContext {
  readonly table: DbTable;
  /** Table name without the prefix: the key of the Perfex knowledge. */
  readonly unprefixed: string;
  readonly hiddenByConfig: ReadonlySet<string>;
  readonly readOnlyByConfig: ReadonlySet<string>;
  /** The whitelist's PII overrides (`piiColumns` wins over `notPiiColumns`: randomising too much is the safe error). */
  readonly piiByConfig: ReadonlySet<string>;
  readonly notPiiByConfig: ReadonlySet<string>;
  /** The primary key the resource exposes (empty when keyless or when a key column is hidden). */
  readonly primaryKey: readonly string[];
  /** Views and keyless tables cannot be written. */
  readonly readOnlyTable: boolean;
  readonly createdColumn: string | null;
}

/** Perfex's random tokens are NOT NULL without a default: a create must generate one, as Perfex does. */
function fillOnCreate(column: DbColumn, randomToken: boolean): HiddenColumn['fillOnCreate'] {
  const holdsToken = column.maxLength === null || column.maxLength >= 32;
  return randomToken && !column.nullable && column.defaultValue === null && isTextColumn(column) && holdsToken
    ? 'random-hex'
    : null;
}

/** Which columns are hidden (sensitive first, then by config) and which stay visible. */
export function splitColumns(table: DbTable, unprefixed: string, hiddenByConfig: ReadonlySet<string>): ColumnSplit {
  const visible: DbColumn[] = [];
  const hidden: HiddenColumn[] = [];
  for (const column of table.columns) {
    const base = {
      name: column.name,
      nullable: column.nullable,
      hasDefault: column.defaultValue !== null || column.autoIncrement,
    };
    const sensitive = findSensitiveColumn(unprefixed, column.name);
    if (sensitive !== null) {
      hidden.push({
        ...base,
        reason: 'sensitive',
        detail: sensitive.detail,
        fillOnCreate: fillOnCreate(column, sensitive.randomToken),
      });
    } else if (hiddenByConfig.has(column.name)) {
      hidden.push({ ...base, reason: 'config', detail: 'hidden by the whitelist', fillOnCreate: null });
    } else {
      visible.push(column);
    }
  }
  return { visible, hidden };
}

/** Whether a column holds personal data by the Perfex knowledge or its name (before the whitelist's overrides). */
export function detectPii(column: DbColumn, unprefixed: string): boolean {
  if (isPerfexPiiColumn(unprefixed, column.name)) return true;
  return !isFlagColumn(column) && isTextColumn(column) && matchPiiName(column.name);
}

/** Personal data after the whitelist's overrides. */
export function isPii(
  column: DbColumn,
  unprefixed: string,
  overrides: Pick<FieldContext, 'piiByConfig' | 'notPiiByConfig'>,
): boolean {
  if (overrides.piiByConfig.has(column.name)) return true;
  if (overrides.notPiiByConfig.has(column.name)) return false;
  return detectPii(column, unprefixed);
}

/** The API field of a visible column. */
export function buildField(column: DbColumn, ctx: FieldContext): Field {
  const primaryKey = ctx.primaryKey.includes(column.name);
  const keyIsGenerated = ctx.table.columns.some((c) => c.autoIncrement && ctx.table.primaryKey.includes(c.name));
  const writable =
    !ctx.readOnlyTable &&
    !column.autoIncrement &&
    !(primaryKey && keyIsGenerated) &&
    !ctx.readOnlyByConfig.has(column.name);
  const flag = isFlagColumn(column);
  const pii = isPii(column, ctx.unprefixed, ctx);
  return {
    name: column.name,
    type: fieldTypeOf(column.dataType),
    dataType: column.dataType,
    columnType: column.columnType,
    nullable: column.nullable,
    defaultValue: column.defaultValue,
    autoIncrement: column.autoIncrement,
    maxLength: column.maxLength,
    precision: column.precision,
    scale: column.scale,
    unsigned: column.unsigned,
    enumValues: column.enumValues,
    flag,
    pii,
    primaryKey,
    writable,
    // The engine fills the creation timestamp itself (NOTES.md §7: Perfex writes it from PHP).
    requiredOnCreate:
      writable &&
      !column.nullable &&
      column.defaultValue === null &&
      !column.autoIncrement &&
      column.name !== ctx.createdColumn,
    labels: perfexStatusLabels(ctx.unprefixed, column.name),
  };
}
