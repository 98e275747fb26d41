/**
 * Every reference between tables, one per referencing column, from the most to the least
 * authoritative source: the whitelist's own additions, declared foreign keys, the Perfex relation
 * catalogue (relations.csv), then naming heuristics for the columns none of them covers.
 */
import type { DbColumn, DbSchema, DbTable } from '../introspect/db-schema.ts';
import type { RelationSource } from './catalog.ts';
import type { RelationAdd } from '../config/whitelist-config.ts';
import { stripPrefix } from './detect-prefix.ts';
import { isIntegerColumn } from './field-type.ts';
import { createReferenceIndex, inferReference } from './infer-reference.ts';
import { isPerfexNonFk } from './perfex-knowledge/perfex-non-fk-columns.ts';
import type { PerfexRelation } from './perfex-knowledge/perfex-relations.ts';

export interface LinkTarget {
  readonly table: string;
  readonly column: string;
  /** The value of the type column that selects this target (polymorphic links only). */
  readonly typeValue: string | null;
}

/** One referencing column and where it points; becomes a to-one plus the inverse to-many(s). */
export interface RelationLink {
  readonly table: string;
  readonly column: string;
  readonly source: RelationSource;
  readonly description: string;
  readonly targets: readonly LinkTarget[];
  /** Polymorphic links: the column whose value picks the target (`rel_type`, `fieldto`). */
  readonly typeColumn: string | null;
  /** Conditional links (NOTES §4 "flag-based"): the child rows that really point at the default target. */
  readonly inverseFilter: { readonly column: string; readonly value: string } | null;
  /** A name given in the whitelist. */
  readonly name: string | null;
}

export interface LinkSources {
  readonly prefix: string;
  readonly configAdds: readonly RelationAdd[];
  /** The Perfex catalogue, or null to rely on foreign keys and heuristics only. */
  readonly perfex: readonly PerfexRelation[] | null;
}

export interface CollectedLinks {
  readonly links: readonly RelationLink[];
  readonly warnings: readonly string[];
}

type Lookup = (table: string, column?: string) => { table: DbTable; column: DbColumn | undefined } | undefined;

function lookupIn(schema: DbSchema): Lookup {
  const tables = new Map(schema.tables.map((t) => [t.name, t]));
  return (name, column) => {
    const table = tables.get(name);
    if (table === undefined) return undefined;
    return { table, column: column === undefined ? undefined : table.columns.find((c) => c.name === column) };
  };
}

function singleKey(table: DbTable): string | undefined {
  return table.primaryKey.length === 1 ? table.primaryKey[0] : undefined;
}

function link(
  table: string,
  column: string,
  source: RelationSource,
  description: string,
  target: Omit<LinkTarget, 'typeValue'>,
): RelationLink {
  return {
    table,
    column,
    source,
    description,
    targets: [{ ...target, typeValue: null }],
    typeColumn: null,
    inverseFilter: null,
    name: null,
  };
}

function fromConfig(adds: readonly RelationAdd[], find: Lookup, warnings: string[]): RelationLink[] {
  const links: RelationLink[] = [];
  for (const add of adds) {
    const where = `relations.add ${add.table}.${add.column} → ${add.targetTable}`;
    const child = find(add.table, add.column);
    const parent = find(add.targetTable);
    const targetColumn = add.targetColumn ?? (parent === undefined ? undefined : singleKey(parent.table));
    if (child === undefined || child.column === undefined) {
      warnings.push(`${where}: no column ${add.table}.${add.column} in the database`);
    } else if (
      parent === undefined ||
      targetColumn === undefined ||
      find(add.targetTable, targetColumn)?.column === undefined
    ) {
      warnings.push(
        `${where}: no target column${targetColumn === undefined ? ' (give targetColumn: the table has no single-column key)' : ` ${add.targetTable}.${targetColumn}`}`,
      );
    } else {
      links.push({
        ...link(add.table, add.column, 'config', 'added by the whitelist', {
          table: add.targetTable,
          column: targetColumn,
        }),
        name: add.name ?? null,
      });
    }
  }
  return links;
}

function fromForeignKeys(schema: DbSchema): RelationLink[] {
  // A relation joins on one column; composite keys stay visible in the schema but are not navigable.
  return schema.tables.flatMap((t) =>
    t.foreignKeys
      .filter((fk) => fk.columns.length === 1 && fk.referencedColumns.length === 1)
      .map((fk) =>
        link(t.name, fk.columns[0] ?? '', 'fk', `foreign key ${fk.name}`, {
          table: fk.referencedTable,
          column: fk.referencedColumns[0] ?? '',
        }),
      ),
  );
}

function notesText(notes: string): string {
  // §3 writes "0" for "0 (or NULL) means none".
  return notes === '0' ? '0 = none' : notes.replace(/`/g, '');
}

/**
 * The catalogue's rows as links. Polymorphic rows are grouped per (table, column) into one link with
 * a target per type value; conditional rows keep only their first (default) target.
 */
function fromPerfex(
  rows: readonly PerfexRelation[],
  prefix: string,
  find: Lookup,
): { links: RelationLink[]; covered: Set<string> } {
  const covered = new Set<string>();
  const groups = new Map<string, PerfexRelation[]>();
  for (const row of rows) {
    const table = prefix + row.fromTable;
    covered.add(`${table}.${row.fromColumn}`);
    const key = `${table}.${row.fromColumn}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const links: RelationLink[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    if (first === undefined) continue;
    const table = prefix + first.fromTable;
    const child = find(table, first.fromColumn);
    if (child?.column === undefined) continue;
    const exists = (r: PerfexRelation): boolean => find(prefix + r.toTable, r.toColumn)?.column !== undefined;
    if (first.kind === 'polymorphic') {
      const typeColumn = first.when?.column ?? null;
      const targets = group
        .filter((r) => r.kind === 'polymorphic' && r.when !== null && r.when.column === typeColumn && exists(r))
        .map((r) => ({ table: prefix + r.toTable, column: r.toColumn, typeValue: r.when?.value ?? null }));
      if (typeColumn === null || targets.length === 0 || find(table, typeColumn)?.column === undefined) continue;
      links.push({
        table,
        column: first.fromColumn,
        source: 'perfex',
        targets,
        typeColumn,
        inverseFilter: null,
        name: null,
        description: `Perfex polymorphic reference: the target depends on ${typeColumn}`,
      });
    } else if (exists(first)) {
      // A conditional default must still be a plain integer key (not tblinvoices.allowed_payment_modes, a serialized list).
      if (first.kind === 'conditional' && !isIntegerColumn(child.column)) continue;
      const target = { table: prefix + first.toTable, column: first.toColumn };
      const kind =
        first.kind === 'conditional' ? 'Perfex conditional reference, default target only' : 'Perfex convention';
      const notes = notesText(first.notes);
      links.push({
        ...link(table, first.fromColumn, 'perfex', `${kind}${notes === '' ? '' : `: ${notes}`}`, target),
        inverseFilter: first.kind === 'conditional' ? defaultCondition(group, find, table) : null,
      });
    }
  }
  return { links, covered };
}

/**
 * Which child rows point at a conditional relation's default target: the default row's own
 * `if staff=1` / `when discussion_type='regular'`, or the opposite of an alternative's 0/1 flag.
 */
function defaultCondition(
  group: readonly PerfexRelation[],
  find: Lookup,
  table: string,
): RelationLink['inverseFilter'] {
  const [first, ...alternatives] = group;
  if (first?.when != null && find(table, first.when.column)?.column !== undefined) return first.when;
  const flag = alternatives.find((r) => r.when !== null && r.when.value === '1')?.when;
  if (flag == null || find(table, flag.column)?.column === undefined) return null;
  return { column: flag.column, value: '0' };
}

function fromHeuristics(schema: DbSchema, prefix: string, covered: ReadonlySet<string>): RelationLink[] {
  const index = createReferenceIndex(schema.tables, prefix);
  const links: RelationLink[] = [];
  for (const table of schema.tables) {
    const unprefixed = stripPrefix(table.name, prefix);
    for (const column of table.columns) {
      if (covered.has(`${table.name}.${column.name}`) || isPerfexNonFk(unprefixed, column.name)) continue;
      const found = inferReference(table, column, index);
      if (found !== null) {
        links.push(
          link(table.name, column.name, 'heuristic', `guessed from the name (${found.rule})`, {
            table: found.table,
            column: found.column,
          }),
        );
      }
    }
  }
  return links;
}

/** All links of the schema, at most one per referencing column. */
export function collectLinks(schema: DbSchema, sources: LinkSources): CollectedLinks {
  const warnings: string[] = [];
  const find = lookupIn(schema);
  const covered = new Set<string>();
  const links: RelationLink[] = [];
  const addAll = (list: readonly RelationLink[]): void => {
    for (const l of list) {
      const key = `${l.table}.${l.column}`;
      if (!covered.has(key)) links.push(l);
      covered.add(key);
    }
  };
  addAll(fromConfig(sources.configAdds, find, warnings));
  addAll(fromForeignKeys(schema));
  if (sources.perfex !== null) {
    const perfex = fromPerfex(sources.perfex, sources.prefix, find);
    addAll(perfex.links);
    for (const key of perfex.covered) covered.add(key);
  }
  addAll(fromHeuristics(schema, sources.prefix, covered));
  return { links, warnings };
}
