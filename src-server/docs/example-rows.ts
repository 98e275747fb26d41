/**
 * One example row per resource for the documentation: a real row read through the engine (so it is
 * typed exactly as the API serves it) when the docs may show data (the demo database), otherwise a
 * row made from the field types, so shared docs of a real CRM never carry its customers' data.
 */
import type { Catalog, Field, Resource } from '../catalog/catalog.ts';
import type { Driver } from '../db/driver.ts';
import { executeSelect } from '../execute/execute.ts';
import { introspect } from '../introspect/introspect.ts';
import { parseListQuery } from '../parse/parse-list-query.ts';
import { planList } from '../plan/plan-read.ts';
import { serializeRow } from '../serialize/serialize-row.ts';

export type ExampleRow = Readonly<Record<string, unknown>>;

/** Where examples come from: `rows` = the database (demo), `types` = made from the catalog. */
export type ExampleSource = 'rows' | 'types';

export interface ExampleRows {
  readonly source: ExampleSource;
  /** Resource name → its example row (a typed row when the table is empty or unreadable). */
  readonly byResource: ReadonlyMap<string, ExampleRow>;
  /**
   * Resource name → columns under a UNIQUE key (not the primary key). A body copied from an existing
   * row would be refused as a duplicate (409) there, so runnable collections vary those values.
   */
  readonly unique: ReadonlyMap<string, ReadonlySet<string>>;
}

/** A value that fits the field: a label's code when the catalog knows them, else a plain value of the type. */
export function typedExample(field: Field): unknown {
  if (field.labels !== null) {
    const code = Object.keys(field.labels)[0] ?? '';
    return field.type === 'integer' ? Number(code) : code;
  }
  switch (field.type) {
    case 'integer':
      return field.flag ? 1 : field.primaryKey ? 1 : 0;
    case 'decimal':
    case 'float':
      return 100.5;
    case 'date':
      return '2026-01-31';
    case 'datetime':
      return '2026-01-31T09:30:00';
    case 'time':
      return '09:30:00';
    case 'enum':
      return field.enumValues?.[0] ?? '';
    case 'json':
      return '{}';
    case 'binary':
      return '';
    default: {
      const text = field.name.replace(/_/g, ' ');
      return field.maxLength === null ? text : text.slice(0, field.maxLength);
    }
  }
}

export function typedRow(resource: Resource): ExampleRow {
  return Object.fromEntries(resource.fields.map((f) => [f.name, typedExample(f)]));
}

/** Unique columns per resource, from the schema (the catalog keeps no unique keys). */
async function uniqueColumns(driver: Driver, catalog: Catalog): Promise<Map<string, Set<string>>> {
  const schema = await introspect(driver);
  const out = new Map<string, Set<string>>();
  for (const resource of catalog.resources) {
    const table = schema.tables.find((t) => t.name === resource.table);
    const columns = new Set((table?.uniqueKeys ?? []).flat().filter((c) => !resource.primaryKey.includes(c)));
    if (columns.size > 0) out.set(resource.name, columns);
  }
  return out;
}

/** The first row by primary key, through the engine's own stages (parse → plan → execute → serialize). */
async function firstRow(driver: Driver, catalog: Catalog, resource: Resource): Promise<ExampleRow | undefined> {
  const request = parseListQuery(catalog, resource, new URLSearchParams('per_page=1&count=none'));
  const plan = planList(catalog, request);
  const [row] = await executeSelect(driver, plan.select);
  return row === undefined ? undefined : serializeRow(plan.fields, row);
}

/**
 * Example rows of every resource. `rows`: the first row by primary key of every exposed resource
 * (the docs' own rows, never a caller's), one statement per resource;
 * `types`: made from the catalog, no data read. Run once per catalog: the catalog is passed, not read from
 * the engine, because a refresh may replace the engine's catalog while the rows are being read.
 */
export async function loadExampleRows(driver: Driver, catalog: Catalog, source: ExampleSource): Promise<ExampleRows> {
  const byResource = new Map<string, ExampleRow>();
  for (const resource of catalog.resources) {
    let row: ExampleRow | undefined;
    if (source === 'rows' && resource.operations.includes('read')) row = await firstRow(driver, catalog, resource);
    byResource.set(resource.name, row ?? typedRow(resource));
  }
  return { source, byResource, unique: await uniqueColumns(driver, catalog) };
}
