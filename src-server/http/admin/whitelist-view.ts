/**
 * What the Studio's whitelist editor shows of one table, read from the current catalog (what the API
 * serves now), the introspected schema it was built from (every column, exposed or not) and the
 * stored whitelist (what the user set). No I/O: a function of those three frozen values.
 */
import type {
  ColumnState,
  Operation,
  RelationInfo,
  WhitelistColumn,
  WhitelistTable,
  WhitelistTableDetail,
} from '../../../src-shared/admin-api.ts';
import { defaultName } from '../../catalog/build-catalog.ts';
import { isPii, splitColumns } from '../../catalog/build-fields.ts';
import type { Catalog, Relation, Resource } from '../../catalog/catalog.ts';
import { stripPrefix } from '../../catalog/detect-prefix.ts';
import { tableSettingsOf, type ResolvedWhitelistConfig, type TableSettings } from '../../config/whitelist-config.ts';
import { Problem } from '../../errors/problem.ts';
import type { DbSchema, DbTable } from '../../introspect/db-schema.ts';
import { didYouMean } from '../../parse/suggest-name.ts';

/** One consistent reading: the catalog, its schema and the stored whitelist. */
export interface WhitelistState {
  readonly catalog: Catalog;
  readonly schema: DbSchema;
  readonly config: ResolvedWhitelistConfig;
}

const OPERATIONS: readonly Operation[] = ['read', 'create', 'update', 'delete'];

export function whitelistState(catalog: Catalog, config: ResolvedWhitelistConfig): WhitelistState {
  // buildCatalog always records its schema; only hand-written test catalogs lack it.
  if (catalog.schema === undefined) throw new Problem('PAS901', 'the catalog carries no introspected schema');
  return { catalog, schema: catalog.schema, config };
}

/** The table called `name` (full name), or a 404 suggesting the closest. */
export function findTable(state: WhitelistState, name: string): DbTable {
  const table = state.schema.tables.find((t) => t.name === name);
  if (table !== undefined) return table;
  const names = state.schema.tables.map((t) => t.name);
  throw new Problem('PAS621', `the database ${state.schema.database} has no table \`${name.slice(0, 80)}\``, {
    hint: didYouMean(name, names, 'tables'),
  });
}

export function resourceOfTable(catalog: Catalog, table: string): Resource | undefined {
  return catalog.resources.find((r) => r.table === table);
}

function unprefixedOf(state: WhitelistState, table: DbTable): string {
  return stripPrefix(table.name, state.catalog.prefix);
}

/** Sensitive columns by name, with why they are locked. */
export function sensitiveColumns(state: WhitelistState, table: DbTable): ReadonlyMap<string, string> {
  const { hidden } = splitColumns(table, unprefixedOf(state, table), new Set());
  return new Map(hidden.filter((h) => h.reason === 'sensitive').map((h) => [h.name, h.detail]));
}

/** Whether the table would have a primary key the API can use with these hidden columns. */
export function keyUsable(state: WhitelistState, table: DbTable, hiddenColumns: readonly string[]): boolean {
  if (table.isView || table.primaryKey.length === 0) return false;
  const sensitive = sensitiveColumns(state, table);
  return table.primaryKey.every((k) => !sensitive.has(k) && !hiddenColumns.includes(k));
}

export function tableSummary(state: WhitelistState, table: DbTable): WhitelistTable {
  const resource = resourceOfTable(state.catalog, table.name);
  const settings = tableSettingsOf(state.config, table.name);
  const hasKey =
    resource !== undefined ? resource.primaryKey.length > 0 : keyUsable(state, table, settings?.hiddenColumns ?? []);
  const wanted = settings?.operations ?? ['read'];
  const operations = resource?.operations ?? OPERATIONS.filter((op) => wanted.includes(op) && (hasKey || op === 'read'));
  const unexposed = state.catalog.unexposed.find((u) => u.table === table.name);
  const readOnlyWhy = table.isView ? 'a view: read-only' : 'no usable primary key: read-only';
  return {
    table: table.name,
    exposed: resource !== undefined,
    resource: resource?.name ?? settings?.name ?? defaultName(unprefixedOf(state, table)),
    rowEstimate: table.rowEstimate,
    operations,
    reason: unexposed?.reason ?? (hasKey ? null : readOnlyWhy),
    customised: settings !== undefined,
    columns: table.columns.length,
    hasKey,
  };
}

function columnsOf(state: WhitelistState, table: DbTable, settings: TableSettings | undefined): WhitelistColumn[] {
  const unprefixed = unprefixedOf(state, table);
  const sensitive = sensitiveColumns(state, table);
  const hidden = new Set(settings?.hiddenColumns ?? []);
  const readOnly = new Set(settings?.readOnlyColumns ?? []);
  const overrides = {
    piiByConfig: new Set(settings?.piiColumns ?? []),
    notPiiByConfig: new Set(settings?.notPiiColumns ?? []),
  };
  const fields = new Map(resourceOfTable(state.catalog, table.name)?.fields.map((f) => [f.name, f]));
  return table.columns.map((column) => {
    const lockedReason = sensitive.get(column.name) ?? null;
    const state: ColumnState =
      lockedReason !== null
        ? 'sensitive'
        : hidden.has(column.name)
          ? 'hidden'
          : readOnly.has(column.name)
            ? 'read-only'
            : 'visible';
    return {
      name: column.name,
      columnType: column.columnType,
      nullable: column.nullable,
      primaryKey: table.primaryKey.includes(column.name),
      state,
      // The served field is the truth when there is one; otherwise what it would be.
      pii: state !== 'sensitive' && (fields.get(column.name)?.pii ?? isPii(column, unprefixed, overrides)),
      lockedReason,
    };
  });
}

export function relationInfo(table: string, relation: Relation): RelationInfo {
  const targets = relation.polymorphic?.targets.map((t) => `${t.typeValue} → ${t.resource}`).join(', ');
  return {
    table,
    name: relation.name,
    kind: relation.kind,
    target: relation.target,
    localColumn: relation.localColumn,
    remoteColumn: relation.remoteColumn,
    source: relation.source,
    description:
      targets === undefined ? relation.description : `${relation.description} (${relation.polymorphic?.typeColumn}: ${targets})`,
  };
}

/** The catalog's warnings that name this table or its resource. */
function warningsAbout(catalog: Catalog, table: string, resource: string): string[] {
  return (catalog.warnings ?? []).filter((w) => w.includes(table) || w.includes(`"${resource}"`));
}

export function tableDetail(state: WhitelistState, table: DbTable): WhitelistTableDetail {
  const summary = tableSummary(state, table);
  const settings = tableSettingsOf(state.config, table.name);
  const resource = resourceOfTable(state.catalog, table.name);
  return {
    ...summary,
    columnsDetail: columnsOf(state, table, settings),
    relations: (resource?.relations ?? []).map((r) => relationInfo(table.name, r)),
    warnings: warningsAbout(state.catalog, table.name, summary.resource),
    settings: settings ?? null,
  };
}

/** Every table of the database, by name. */
export function allTables(state: WhitelistState): WhitelistTable[] {
  return [...state.schema.tables]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((t) => tableSummary(state, t));
}
