/**
 * The whitelist editor's changes, checked before anything is stored: the file's zod schema first
 * (per-member errors), then what only the database can tell (columns that exist, sensitive columns,
 * names already taken, tables without a key), so every refusal is a precise problem and a change
 * that is accepted is one the catalog will apply. Each function returns the whole next whitelist.
 */
import { z } from 'zod';
import { buildCatalog } from '../../catalog/build-catalog.ts';
import {
  relationAddSchema,
  relationRemoveSchema,
  tableSettingsOf,
  tableSettingsSchema,
  whitelistConfigSchema,
  type ResolvedWhitelistConfig,
  type TableSettings,
  type WhitelistConfig,
} from '../../config/whitelist-config.ts';
import { Problem, type FieldError } from '../../errors/problem.ts';
import type { ProblemCode } from '../../errors/problem-catalogue.ts';
import type { Resource } from '../../catalog/catalog.ts';
import type { DbTable } from '../../introspect/db-schema.ts';
import { didYouMean } from '../../parse/suggest-name.ts';
import { parseAdminBody } from './parse-admin-body.ts';
import { findTable, keyUsable, resourceOfTable, sensitiveColumns, type WhitelistState } from './whitelist-view.ts';

/** Names that `/api/v1/<name>` cannot serve as a resource: routes of their own sit there. */
const RESERVED_NAMES = new Set(['graphql', 'views', 'health', 'auth']);
const COLUMN_LISTS = ['hiddenColumns', 'readOnlyColumns', 'piiColumns', 'notPiiColumns'] as const;

function parseOr<T>(schema: z.ZodType<T>, body: unknown, code: ProblemCode, what: string, keys: readonly string[]): T {
  return parseAdminBody(schema, body, { code, knownKeys: keys, detail: (errors) => `${what}: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}` });
}

function invalid(detail: string, errors: FieldError[]): Problem {
  return new Problem('PAS620', detail, { errors });
}

/** Column names that must exist; a name already stored in the same list is kept (a stale entry, warned by the catalog). */
function checkColumns(table: DbTable, next: TableSettings, stored: TableSettings | undefined): void {
  const errors: FieldError[] = [];
  const names = table.columns.map((c) => c.name);
  for (const list of COLUMN_LISTS) {
    for (const name of next[list] ?? []) {
      if (names.includes(name) || (stored?.[list] ?? []).includes(name)) continue;
      errors.push({ field: list, code: 'unknown', message: `${table.name} has no column "${name}"; ${didYouMean(name, names, 'columns')}` });
    }
  }
  const hidden = new Set(next.hiddenColumns ?? []);
  for (const name of next.readOnlyColumns ?? []) {
    if (hidden.has(name)) errors.push({ field: 'readOnlyColumns', code: 'format', message: `"${name}" is also hidden: a column is either hidden or read-only` });
  }
  const pii = new Set(next.piiColumns ?? []);
  for (const name of next.notPiiColumns ?? []) {
    if (pii.has(name)) errors.push({ field: 'notPiiColumns', code: 'format', message: `"${name}" is also in piiColumns` });
  }
  if (errors.length > 0) throw invalid(`the entry of ${table.name} names columns it cannot: ${errors.map((e) => e.message).join('; ')}`, errors);
}

function checkSensitive(state: WhitelistState, table: DbTable, next: TableSettings): void {
  const sensitive = sensitiveColumns(state, table);
  const exposing = [...(next.readOnlyColumns ?? []), ...(next.piiColumns ?? [])].filter((c) => sensitive.has(c));
  if (exposing.length === 0) return;
  const reasons = [...new Set(exposing)].map((c) => `${c} (${sensitive.get(c)})`).join(', ');
  throw new Problem('PAS622', `${table.name}: ${reasons} ${exposing.length === 1 ? 'is' : 'are'} sensitive and stay hidden`);
}

function checkName(state: WhitelistState, table: DbTable, name: string | undefined): void {
  if (name === undefined) return;
  if (RESERVED_NAMES.has(name)) {
    throw invalid(`"${name}" is reserved: /api/v1/${name} is a route of its own`, [
      { field: 'name', code: 'format', message: `"${name}" is reserved (${[...RESERVED_NAMES].join(', ')})` },
    ]);
  }
  const holder =
    state.catalog.resources.find((r) => r.name === name && r.table !== table.name)?.table ??
    Object.entries(state.config.tables).find(([t, s]) => t !== table.name && s.name === name)?.[0];
  if (holder !== undefined) {
    throw new Problem('PAS623', `the resource name "${name}" is already used by ${holder}`, {
      hint: `Choose another name, e.g. "${name}_${table.name.replace(/[^A-Za-z0-9_]/g, '_')}", or rename ${holder} first.`,
    });
  }
}

function checkOperations(state: WhitelistState, table: DbTable, next: TableSettings, stored: TableSettings | undefined): void {
  const writes = (next.operations ?? []).filter((op) => op !== 'read');
  if (writes.length === 0 || keyUsable(state, table, next.hiddenColumns ?? [])) return;
  // A stored entry that already asked for them (the catalog made the table read-only and warned) is not re-judged.
  const unchanged = JSON.stringify(next.operations) === JSON.stringify(stored?.operations) && next.hiddenColumns === stored?.hiddenColumns;
  if (unchanged) return;
  const why = table.isView ? 'it is a view' : table.primaryKey.length === 0 ? 'it has no primary key' : 'its primary key column is hidden';
  throw new Problem('PAS624', `${table.name} cannot allow ${writes.join(', ')}: ${why}, so rows have no address to update or delete`);
}

/** PUT /tables/:table — the next whitelist with this table's entry replaced (an empty entry removes it). */
export function planTableSettings(state: WhitelistState, tableName: string, body: unknown): ResolvedWhitelistConfig {
  const table = findTable(state, tableName);
  const next = parseOr(tableSettingsSchema, body, 'PAS620', `the entry of ${table.name} is invalid`, Object.keys(tableSettingsSchema.shape));
  const stored = tableSettingsOf(state.config, table.name);
  checkColumns(table, next, stored);
  checkSensitive(state, table, next);
  checkName(state, table, next.name);
  checkOperations(state, table, next, stored);
  const tables = { ...state.config.tables };
  delete tables[table.name];
  const empty = Object.values(next).every((v) => v === undefined);
  return { ...state.config, tables: empty ? tables : { ...tables, [table.name]: next } };
}

/** DELETE /tables/:table — back to the defaults of the `expose` mode. */
export function planTableReset(state: WhitelistState, tableName: string): ResolvedWhitelistConfig {
  const table = findTable(state, tableName);
  const tables = { ...state.config.tables };
  delete tables[table.name];
  return { ...state.config, tables };
}

function exposedResource(state: WhitelistState, table: DbTable, code: ProblemCode, field: string): Resource {
  const resource = resourceOfTable(state.catalog, table.name);
  if (resource !== undefined) return resource;
  throw new Problem(code, `${table.name} is not exposed, so it has no relations (${field})`, {
    hint: `Expose ${table.name} first (PUT /admin/api/whitelist/tables/${table.name} {"expose": true}).`,
  });
}

function relationProblem(detail: string): Problem {
  return new Problem('PAS626', detail);
}

/** POST /relations — the next whitelist with the relation added (replacing any other addition on that column). */
export function planRelationAdd(state: WhitelistState, body: unknown): ResolvedWhitelistConfig {
  const add = parseOr(relationAddSchema, body, 'PAS620', 'the relation is invalid', Object.keys(relationAddSchema.shape));
  const table = findTable(state, add.table);
  if (!table.columns.some((c) => c.name === add.column)) {
    throw relationProblem(`${table.name} has no column "${add.column}"; ${didYouMean(add.column, table.columns.map((c) => c.name), 'columns')}`);
  }
  if (sensitiveColumns(state, table).has(add.column)) throw new Problem('PAS622', `${table.name}.${add.column} is sensitive: it cannot be a relation key`);
  const target = findTable(state, add.targetTable);
  const resource = exposedResource(state, table, 'PAS626', 'table');
  exposedResource(state, target, 'PAS626', 'targetTable');
  if (add.targetColumn !== undefined && !target.columns.some((c) => c.name === add.targetColumn)) {
    throw relationProblem(`${target.name} has no column "${add.targetColumn}"`);
  }
  if (add.targetColumn === undefined && target.primaryKey.length !== 1) {
    throw relationProblem(`${target.name} has no single-column primary key: give targetColumn`);
  }
  const others = state.config.relations.add.filter((a) => !(a.table === table.name && a.column === add.column));
  const candidate: ResolvedWhitelistConfig = { ...state.config, relations: { ...state.config.relations, add: [...others, add] } };
  // Build the catalog once without this table's removals to learn the name the relation gets; a
  // removal of that name (an earlier "remove") must go, or it would remove the new relation at once.
  const sameTable = (t: string): boolean => t === table.name || t === resource.name;
  const probe = buildCatalog(state.schema, {
    ...candidate,
    prefix: state.catalog.prefix,
    relations: { add: candidate.relations.add, remove: candidate.relations.remove.filter((r) => !sameTable(r.table)) },
  } satisfies WhitelistConfig);
  const added = resourceOfTable(probe, table.name)?.relations.find(
    (r) => r.source === 'config' && r.kind === 'to-one' && r.localColumn === add.column,
  );
  if (added === undefined) {
    const why = (probe.warnings ?? []).find((w) => w.includes(`${table.name}.${add.column}`));
    throw relationProblem(why ?? `the catalog cannot use ${table.name}.${add.column} → ${target.name}`);
  }
  if (add.name !== undefined && added.name !== add.name) {
    throw relationProblem(`${resource.name} already has a field or relation called "${add.name}" (the relation would be "${added.name}")`);
  }
  const remove = candidate.relations.remove.filter((r) => !(sameTable(r.table) && r.name === added.name));
  return { ...candidate, relations: { add: candidate.relations.add, remove } };
}

/**
 * DELETE /relations — a relation the whitelist added is taken out of `relations.add` (what was found
 * before, if anything, comes back); any other is listed in `relations.remove`.
 */
export function planRelationRemove(state: WhitelistState, body: unknown): ResolvedWhitelistConfig {
  const removal = parseOr(relationRemoveSchema, body, 'PAS620', 'the relation to remove is invalid', ['table', 'name']);
  const byResource = state.catalog.byName.get(removal.table);
  const table = byResource === undefined ? findTable(state, removal.table) : findTable(state, byResource.table);
  const resource = exposedResource(state, table, 'PAS625', 'table');
  const relation = resource.relations.find((r) => r.name === removal.name);
  if (relation === undefined) {
    throw new Problem('PAS625', `${resource.name} has no relation "${removal.name}"`, {
      hint: didYouMean(removal.name, resource.relations.map((r) => r.name), 'relations'),
    });
  }
  const { add, remove } = state.config.relations;
  if (relation.source === 'config' && relation.kind === 'to-one') {
    const kept = add.filter((a) => !(a.table === table.name && a.column === relation.localColumn));
    return { ...state.config, relations: { add: kept, remove } };
  }
  const already = remove.some((r) => (r.table === table.name || r.table === resource.name) && r.name === relation.name);
  return already
    ? state.config
    : { ...state.config, relations: { add, remove: [...remove, { table: table.name, name: relation.name }] } };
}

const topLevelSchema = z.strictObject({
  expose: whitelistConfigSchema.shape.expose.unwrap().optional(),
  /** null or "" = detect the prefix again; absent = keep the stored one. */
  prefix: z.string().max(32).nullable().optional(),
});

/** PUT / — the top level: `expose` mode and prefix. */
export function planTopLevel(state: WhitelistState, body: unknown): WhitelistConfig {
  const top = parseOr(topLevelSchema, body, 'PAS620', 'the whitelist settings are invalid', ['expose', 'prefix']);
  const { prefix: stored, ...rest } = state.config;
  const prefix = top.prefix === undefined ? stored : top.prefix === null || top.prefix === '' ? undefined : top.prefix;
  return { ...rest, expose: top.expose ?? rest.expose, ...(prefix === undefined ? {} : { prefix }) };
}

/** POST /import — a whole whitelist file, validated (nothing is stored when it is refused). */
export function planImport(body: unknown): WhitelistConfig {
  return parseOr(whitelistConfigSchema, body, 'PAS627', 'the whitelist file is invalid', Object.keys(whitelistConfigSchema.shape));
}
