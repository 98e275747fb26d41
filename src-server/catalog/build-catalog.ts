/**
 * The catalog stage: the introspected schema + the whitelist + Perfex knowledge → the resources the
 * API exposes. Pure and synchronous (it reads only the packaged relation catalogue), built once per
 * schema load, and returns deeply frozen data.
 */
import type { DbSchema, DbTable } from '../introspect/db-schema.ts';
import { deepFreeze } from '../introspect/deep-freeze.ts';
import {
  parseWhitelistConfig,
  tableSettingsOf,
  type ResolvedWhitelistConfig,
  type WhitelistConfig,
} from '../config/whitelist-config.ts';
import type { Catalog, Operation, Resource, UnexposedTable } from './catalog.ts';
import { buildField, splitColumns } from './build-fields.ts';
import { buildRelations, type ResourceShape } from './build-relations.ts';
import { collectLinks } from './collect-links.ts';
import { decideExposure } from './decide-exposure.ts';
import { detectPrefix, stripPrefix } from './detect-prefix.ts';
import { findTimestampColumns } from './find-timestamp-columns.ts';
import { loadPerfexRelations, type PerfexRelation } from './perfex-knowledge/perfex-relations.ts';
import { PERFEX_TABLE_DESCRIPTIONS } from './perfex-knowledge/perfex-tables.ts';

export interface BuildCatalogOptions {
  /**
   * Use the Perfex relation catalogue (relations.csv). Off: relations come from foreign keys and
   * naming heuristics only (to measure the heuristics, or for a database that is not Perfex).
   * Sensitive columns are hidden either way.
   */
  readonly useKnowledge?: boolean;
  /** The relation catalogue to use instead of the packaged relations.csv. */
  readonly perfexRelations?: readonly PerfexRelation[];
}

const OPERATION_ORDER: readonly Operation[] = ['read', 'create', 'update', 'delete'];
const VALID_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface Draft {
  readonly table: DbTable;
  readonly unprefixed: string;
  readonly name: string;
  readonly shape: ResourceShape;
  readonly resource: Omit<Resource, 'relations'>;
}

/** A URL-safe default name: the table without prefix, with anything else replaced by `_`. */
export function defaultName(unprefixed: string): string {
  const cleaned = unprefixed.replace(/[^A-Za-z0-9_]/g, '_');
  return VALID_NAME.test(cleaned) ? cleaned : `_${cleaned}`;
}

/** Explicit names first (the user's word), then defaults; a taken name falls back to the table name. */
function nameResources(
  tables: readonly DbTable[],
  prefix: string,
  config: ResolvedWhitelistConfig,
  warnings: string[],
): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  const claim = (table: string, wanted: string): void => {
    let name = wanted;
    if (used.has(name)) {
      name = used.has(defaultName(table)) ? `${defaultName(table)}_2` : defaultName(table);
      warnings.push(`resource name "${wanted}" is taken; ${table} is exposed as "${name}"`);
    }
    used.add(name);
    names.set(table, name);
  };
  for (const t of tables) {
    const explicit = tableSettingsOf(config, t.name)?.name;
    if (explicit !== undefined) claim(t.name, explicit);
  }
  for (const t of tables) if (!names.has(t.name)) claim(t.name, defaultName(stripPrefix(t.name, prefix)));
  return names;
}

function operationsOf(
  table: DbTable,
  requested: readonly Operation[] | undefined,
  readOnly: boolean,
  warnings: string[],
): Operation[] {
  const wanted = OPERATION_ORDER.filter((op) => (requested ?? ['read']).includes(op));
  if (!readOnly) return wanted;
  const refused = wanted.filter((op) => op !== 'read');
  if (refused.length > 0) {
    const why = table.isView ? 'a view' : 'a table without a usable primary key';
    warnings.push(`${table.name}: ${refused.join(', ')} not allowed on ${why}; it is read-only`);
  }
  return wanted.filter((op) => op === 'read');
}

function unknownColumns(table: DbTable, list: readonly string[] | undefined, what: string, warnings: string[]): void {
  for (const name of list ?? []) {
    if (!table.columns.some((c) => c.name === name)) warnings.push(`${table.name}.${what}: no column "${name}"`);
  }
}

function draftResource(
  table: DbTable,
  unprefixed: string,
  name: string,
  config: ResolvedWhitelistConfig,
  warnings: string[],
): Draft | string {
  const settings = tableSettingsOf(config, table.name);
  unknownColumns(table, settings?.hiddenColumns, 'hiddenColumns', warnings);
  unknownColumns(table, settings?.readOnlyColumns, 'readOnlyColumns', warnings);
  unknownColumns(table, settings?.piiColumns, 'piiColumns', warnings);
  unknownColumns(table, settings?.notPiiColumns, 'notPiiColumns', warnings);
  for (const name of settings?.piiColumns ?? []) {
    if (settings?.notPiiColumns?.includes(name) === true)
      warnings.push(`${table.name}: "${name}" is in piiColumns and notPiiColumns; it is treated as PII`);
  }
  const { visible, hidden } = splitColumns(table, unprefixed, new Set(settings?.hiddenColumns ?? []));
  if (visible.length === 0) return 'every column is sensitive or hidden';
  const visibleNames = new Set(visible.map((c) => c.name));
  // A key the API cannot show cannot identify rows in URLs: such a table is listed read-only.
  const keyVisible = table.primaryKey.every((k) => visibleNames.has(k));
  if (!keyVisible)
    warnings.push(`${table.name}: a primary key column is hidden, so the resource is read-only and has no item URL`);
  const primaryKey = table.isView || !keyVisible ? [] : table.primaryKey;
  const readOnlyTable = primaryKey.length === 0;
  const { createdColumn, updatedColumn } = findTimestampColumns(table, unprefixed, visibleNames);
  const ctx = {
    table,
    unprefixed,
    primaryKey,
    readOnlyTable,
    createdColumn,
    hiddenByConfig: new Set(settings?.hiddenColumns ?? []),
    readOnlyByConfig: new Set(settings?.readOnlyColumns ?? []),
    piiByConfig: new Set(settings?.piiColumns ?? []),
    notPiiByConfig: new Set(settings?.notPiiColumns ?? []),
  };
  const fields = visible.map((c) => buildField(c, ctx));
  const description =
    (Object.hasOwn(PERFEX_TABLE_DESCRIPTIONS, unprefixed) ? PERFEX_TABLE_DESCRIPTIONS[unprefixed] : undefined) ??
    table.comment ??
    '';
  return {
    table,
    unprefixed,
    name,
    shape: { name, table: table.name, unprefixed, fields: new Map(visible.map((c) => [c.name, c])) },
    resource: {
      name,
      table: table.name,
      primaryKey,
      fields,
      hidden,
      operations: operationsOf(table, settings?.operations, readOnlyTable, warnings),
      createdColumn,
      updatedColumn,
      rowEstimate: table.rowEstimate,
      description,
    },
  };
}

/** Builds the catalog of `schema` under the whitelist `config` (validated here too). */
export function buildCatalog(
  schema: DbSchema,
  config: WhitelistConfig = {},
  options: BuildCatalogOptions = {},
): Catalog {
  const resolved = parseWhitelistConfig(config, '(catalog)');
  const warnings: string[] = [];
  const tables = [...schema.tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const prefix = resolved.prefix ?? detectPrefix(tables.map((t) => t.name));
  for (const name of Object.keys(resolved.tables)) {
    if (!tables.some((t) => t.name === name)) warnings.push(`tables.${name}: no such table in ${schema.database}`);
  }

  const unexposed: UnexposedTable[] = [];
  const exposedTables: DbTable[] = [];
  for (const table of tables) {
    const exposure = decideExposure(table.name, stripPrefix(table.name, prefix), resolved);
    if (exposure.exposed) exposedTables.push(table);
    else unexposed.push({ table: table.name, reason: exposure.reason, rowEstimate: table.rowEstimate });
  }
  const names = nameResources(exposedTables, prefix, resolved, warnings);
  const drafts: Draft[] = [];
  for (const table of exposedTables) {
    const draft = draftResource(
      table,
      stripPrefix(table.name, prefix),
      names.get(table.name) ?? table.name,
      resolved,
      warnings,
    );
    if (typeof draft === 'string') unexposed.push({ table: table.name, reason: draft, rowEstimate: table.rowEstimate });
    else drafts.push(draft);
  }

  const useKnowledge = options.useKnowledge ?? true;
  const perfex = useKnowledge ? (options.perfexRelations ?? loadPerfexRelations()) : null;
  const collected = collectLinks(schema, { prefix, configAdds: resolved.relations.add, perfex });
  const built = buildRelations(
    collected.links,
    new Map(drafts.map((d) => [d.table.name, d.shape])),
    resolved.relations.remove,
  );
  warnings.push(...collected.warnings, ...built.warnings);

  const resources: Resource[] = drafts
    .map((d) => ({ ...d.resource, relations: built.byResource.get(d.name) ?? [] }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  unexposed.sort((a, b) => (a.table < b.table ? -1 : a.table > b.table ? 1 : 0));
  return deepFreeze({
    schema,
    dialect: schema.dialect,
    database: schema.database,
    prefix,
    resources,
    unexposed,
    byName: new Map(resources.map((r) => [r.name, r])),
    warnings,
  });
}
