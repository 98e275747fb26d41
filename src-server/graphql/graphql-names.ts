/**
 * GraphQL names for a catalog, decided once per catalog (not per caller), so a type or field keeps
 * its name whatever a token may see:
 *   - types: the singular resource name in PascalCase (`invoices` → `Invoice`, `pas_tags` → `PasTag`);
 *   - root fields: `invoices`, `invoice(id:)` (`staffById` when singular and plural agree),
 *     `invoicesAggregate`, `createInvoice`, `updateInvoice`, `deleteInvoice`;
 *   - object fields: Perfex's column names; relations by their catalog name, or `<name>_record`
 *     (to-one) / `<name>_rows` (to-many) where a column already has that name (`sale_agent` is the
 *     staff id, `sale_agent_record` the staff row); `<relation>Aggregate` for to-many aggregates.
 * Names GraphQL cannot spell (spec §2.1.9 Names) are rewritten with `_`, and clashes get a number.
 */
import pluralize from 'pluralize';
import type { Catalog, Field, Relation, Resource } from '../catalog/catalog.ts';
import { filterSpec, orderSpec, type FilterEntry, type OrderEntry } from './filter-spec.ts';

/** What a field of a resource's object type stands for. */
export type MemberKind =
  | { readonly kind: 'column'; readonly field: Field }
  | { readonly kind: 'relation'; readonly relation: Relation }
  | { readonly kind: 'aggregate'; readonly relation: Relation };

export interface ResourceNames {
  readonly resource: Resource;
  /** Base of every type name of this resource (`Invoice`, `InvoiceFilter`, …). */
  readonly type: string;
  readonly list: string;
  /** Null for resources without a primary key (rows cannot be addressed one by one). */
  readonly single: string | null;
  readonly aggregate: string;
  readonly create: string;
  readonly update: string;
  readonly delete: string;
  /** Object-type field name → what it stands for, columns first, in catalog order. */
  readonly members: ReadonlyMap<string, MemberKind>;
  /** Column name → GraphQL field name. */
  readonly columnNames: ReadonlyMap<string, string>;
  /** Relation name → GraphQL field name (and the aggregate field of to-many relations). */
  readonly relationNames: ReadonlyMap<string, { readonly field: string; readonly aggregate: string | null }>;
  /** Filter input field name → column and operator, relation, or and/or/not. */
  readonly filter: ReadonlyMap<string, FilterEntry>;
  /** orderBy input field name → column or relation. */
  readonly orderBy: ReadonlyMap<string, OrderEntry>;
}

export interface CatalogNames {
  readonly byResource: ReadonlyMap<string, ResourceNames>;
}

/** Type names every schema defines besides the resources' own. */
export const RESERVED_TYPE_NAMES: readonly string[] = [
  'Query',
  'Mutation',
  'Subscription',
  'String',
  'Int',
  'Float',
  'Boolean',
  'ID',
  'Date',
  'DateTime',
  'SortDirection',
  'MutationResult',
];

/** Suffixes of the per-resource type names (see build-schema.ts). */
export const TYPE_SUFFIXES = [
  '',
  'Filter',
  'OrderBy',
  'Aggregate',
  'AggregateKeys',
  'AggregateNumbers',
  'AggregateBounds',
  'GroupBy',
  'CreateInput',
  'UpdateInput',
  'MutationResult',
  'Related',
] as const;

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** A valid GraphQL name for `text`: invalid characters become `_`, never a leading `__` (reserved). */
export function graphqlName(text: string): string {
  let name = text.replace(/[^_0-9A-Za-z]/g, '_');
  if (!/^[_A-Za-z]/.test(name)) name = `_${name}`;
  if (name.startsWith('__')) name = name.replace(/^_+/, '_');
  return NAME.test(name) ? name : '_';
}

/** `pas_tags` → `PasTag`. */
export function pascalSingular(resourceName: string): string {
  const words = pluralize
    .singular(resourceName)
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '');
  const name = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z]/.test(name) ? name : `T${name}`;
}

/** The first free name among `candidates`, then the last one numbered; recorded in `used`. */
function claim(candidates: readonly string[], used: Set<string>): string {
  for (const name of candidates) {
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const last = candidates.at(-1) ?? '_';
  for (let n = 2; ; n++) {
    if (!used.has(`${last}${n}`)) {
      used.add(`${last}${n}`);
      return `${last}${n}`;
    }
  }
}

/** A type base whose every derived name (`Invoice`, `InvoiceFilter`…) is still free. */
function claimTypeBase(wanted: string, used: Set<string>): string {
  for (let n = 1; ; n++) {
    const base = n === 1 ? wanted : `${wanted}${n}`;
    const names = TYPE_SUFFIXES.map((s) => `${base}${s}`);
    if (names.every((name) => !used.has(name))) {
      for (const name of names) used.add(name);
      return base;
    }
  }
}

type Members = Pick<ResourceNames, 'members' | 'columnNames' | 'relationNames' | 'filter' | 'orderBy'>;

function nameMembers(resource: Resource): Members {
  const used = new Set<string>();
  const members = new Map<string, MemberKind>();
  const columnNames = new Map<string, string>();
  const relationNames = new Map<string, { field: string; aggregate: string | null }>();
  for (const field of resource.fields) {
    const name = claim([graphqlName(field.name)], used);
    members.set(name, { kind: 'column', field });
    columnNames.set(field.name, name);
  }
  for (const relation of resource.relations) {
    const base = graphqlName(relation.name);
    const field = claim([base, relation.kind === 'to-one' ? `${base}_record` : `${base}_rows`], used);
    members.set(field, { kind: 'relation', relation });
    let aggregate: string | null = null;
    if (relation.kind === 'to-many') {
      aggregate = claim([`${field}Aggregate`], used);
      members.set(aggregate, { kind: 'aggregate', relation });
    }
    relationNames.set(relation.name, { field, aggregate });
  }
  const columnName = (f: Field): string => columnNames.get(f.name) ?? graphqlName(f.name);
  const relationName = (r: Relation): string => relationNames.get(r.name)?.field ?? graphqlName(r.name);
  return {
    members,
    columnNames,
    relationNames,
    filter: filterSpec(resource, columnName, relationName),
    orderBy: orderSpec(resource, columnName, relationName),
  };
}

/** Names every resource of the catalog; deterministic for a given catalog. */
export function nameCatalog(catalog: Catalog): CatalogNames {
  const types = new Set(RESERVED_TYPE_NAMES);
  const queries = new Set<string>();
  const mutations = new Set<string>();
  const byResource = new Map<string, ResourceNames>();
  for (const resource of catalog.resources) {
    const type = claimTypeBase(pascalSingular(resource.name), types);
    const list = claim([graphqlName(resource.name)], queries);
    const singular = graphqlName(pluralize.singular(resource.name));
    const single = resource.primaryKey.length === 0 ? null : claim([singular, `${singular}ById`], queries);
    byResource.set(resource.name, {
      resource,
      type,
      list,
      single,
      aggregate: claim([`${list}Aggregate`], queries),
      create: claim([`create${type}`], mutations),
      update: claim([`update${type}`], mutations),
      delete: claim([`delete${type}`], mutations),
      ...nameMembers(resource),
    });
  }
  return { byResource };
}
