/**
 * A stable, diff-friendly summary of a catalog: the JSON of `introspect --json` and of the schema
 * snapshot test (as PostgREST snapshots its schema cache), and a text listing for people. Leaves
 * out what changes between loads of the same schema (database name, row estimates).
 */
import type { Catalog, Field, HiddenColumn, Relation, Resource } from './catalog.ts';

export interface ResourceDescription {
  readonly name: string;
  readonly table: string;
  readonly primaryKey: readonly string[];
  readonly operations: readonly string[];
  readonly createdColumn: string | null;
  readonly updatedColumn: string | null;
  /** `name: type (columnType) [pk] [auto] [null] [flag] [pii] [read-only] [required] [labels]` */
  readonly fields: readonly string[];
  /** `name: reason, detail [fill: random-hex]` */
  readonly hidden: readonly string[];
  /** `name kind → target (local=remote) [source]` */
  readonly relations: readonly string[];
}

export interface CatalogDescription {
  readonly dialect: string;
  readonly prefix: string;
  readonly resources: readonly ResourceDescription[];
  readonly unexposed: readonly { readonly table: string; readonly reason: string }[];
  readonly warnings: readonly string[];
}

function describeField(f: Field): string {
  const marks = [
    f.primaryKey && 'pk',
    f.autoIncrement && 'auto',
    f.nullable && 'null',
    f.flag && 'flag',
    f.pii && 'pii',
    !f.writable && 'read-only',
    f.requiredOnCreate && 'required',
    f.labels !== null && 'labels',
  ].filter((m): m is string => m !== false);
  return [`${f.name}: ${f.type} (${f.columnType})`, ...marks].join(' ');
}

function describeHidden(h: HiddenColumn): string {
  return `${h.name}: ${h.reason}, ${h.detail}${h.fillOnCreate === null ? '' : ` [fill: ${h.fillOnCreate}]`}`;
}

/** `client to-one → clients (clientid=userid) [perfex]`, polymorphic and filtered forms included. */
export function describeRelation(r: Relation): string {
  const filter = r.remoteTypeFilter === null ? '' : ` where ${r.remoteTypeFilter.column}='${r.remoteTypeFilter.value}'`;
  if (r.polymorphic !== null) {
    const targets = r.polymorphic.targets.map((t) => `${t.typeValue}: ${t.resource}.${t.remoteColumn}`).join(', ');
    return `${r.name} ${r.kind} → by ${r.polymorphic.typeColumn} {${targets}} (${r.localColumn}) [${r.source}]`;
  }
  return `${r.name} ${r.kind} → ${r.target} (${r.localColumn}=${r.remoteColumn}${filter}) [${r.source}]`;
}

function describeResource(r: Resource): ResourceDescription {
  return {
    name: r.name,
    table: r.table,
    primaryKey: r.primaryKey,
    operations: r.operations,
    createdColumn: r.createdColumn,
    updatedColumn: r.updatedColumn,
    fields: r.fields.map(describeField),
    hidden: r.hidden.map(describeHidden),
    relations: r.relations.map(describeRelation),
  };
}

/** The catalog as plain JSON, in catalog order (resources and relations sorted by name). */
export function describeCatalog(catalog: Catalog): CatalogDescription {
  return {
    dialect: catalog.dialect,
    prefix: catalog.prefix,
    resources: catalog.resources.map(describeResource),
    unexposed: catalog.unexposed.map((u) => ({ table: u.table, reason: u.reason })),
    warnings: catalog.warnings ?? [],
  };
}

/** A human-readable listing for the terminal. */
export function formatCatalogText(catalog: Catalog): string {
  const lines: string[] = [
    `${catalog.database} (${catalog.dialect}), prefix "${catalog.prefix}": ${catalog.resources.length} resources, ${catalog.unexposed.length} tables not exposed`,
    '',
  ];
  for (const r of catalog.resources) {
    const key = r.primaryKey.length === 0 ? 'no key' : `key ${r.primaryKey.join(', ')}`;
    const created = r.createdColumn === null ? '' : `, created ${r.createdColumn}`;
    lines.push(
      `${r.name}  (${r.table}, ${key}, ${r.operations.join('/') || 'no operations'}, ~${r.rowEstimate} rows${created})`,
    );
    if (r.description !== '') lines.push(`  ${r.description}`);
    lines.push(`  fields: ${r.fields.map((f) => `${f.name}${f.primaryKey ? '*' : ''}:${f.type}`).join(', ')}`);
    if (r.hidden.length > 0) lines.push(`  hidden: ${r.hidden.map((h) => `${h.name} (${h.detail})`).join(', ')}`);
    for (const rel of r.relations) lines.push(`  ${describeRelation(rel)}`);
    lines.push('');
  }
  if (catalog.unexposed.length > 0) {
    lines.push('not exposed:');
    for (const u of catalog.unexposed) lines.push(`  ${u.table}: ${u.reason}`);
    lines.push('');
  }
  for (const w of catalog.warnings ?? []) lines.push(`warning: ${w}`);
  return `${lines.join('\n')}\n`;
}
