/**
 * Turns links into the relations of each resource: a to-one on the referencing resource and the
 * inverse to-many on each target, named (relation-names.ts), filtered to what is exposed, then
 * trimmed by the whitelist's `relations.remove`.
 */
import type { DbColumn } from '../introspect/db-schema.ts';
import type { Relation } from './catalog.ts';
import type { RelationRemove } from '../config/whitelist-config.ts';
import type { LinkTarget, RelationLink } from './collect-links.ts';
import { isIntegerColumn } from './field-type.ts';
import { byColumnName, claimName, toManyBaseName, toOneName } from './relation-names.ts';

/** What relation building needs to know of an exposed resource. */
export interface ResourceShape {
  readonly name: string;
  readonly table: string;
  readonly unprefixed: string;
  /** Visible columns (fields) by name: relations join only on columns the API may use. */
  readonly fields: ReadonlyMap<string, DbColumn>;
}

interface Draft {
  readonly resource: string;
  readonly link: number;
  readonly relation: Omit<Relation, 'name'>;
  /** Naming candidates, best first. */
  readonly candidates: readonly string[];
  readonly sortKey: string;
}

export interface BuiltRelations {
  readonly byResource: ReadonlyMap<string, readonly Relation[]>;
  readonly warnings: readonly string[];
}

interface UsableLink {
  readonly link: RelationLink;
  readonly child: ResourceShape;
  readonly column: DbColumn;
  readonly targets: readonly { readonly target: LinkTarget; readonly resource: ResourceShape }[];
}

/** Keeps a link when its columns are fields of exposed resources; drops polymorphic targets that are not. */
function usable(link: RelationLink, byTable: ReadonlyMap<string, ResourceShape>): UsableLink | null {
  const child = byTable.get(link.table);
  const column = child?.fields.get(link.column);
  if (child === undefined || column === undefined) return null;
  if (link.typeColumn !== null && !child.fields.has(link.typeColumn)) return null;
  if (link.inverseFilter !== null && !child.fields.has(link.inverseFilter.column)) return null;
  const targets = link.targets.flatMap((target) => {
    const resource = byTable.get(target.table);
    return resource !== undefined && resource.fields.has(target.column) ? [{ target, resource }] : [];
  });
  return targets.length === 0 ? null : { link, child, column, targets };
}

function toOneDraft(u: UsableLink, index: number): Draft {
  const { link, child, column } = u;
  const first = u.targets[0];
  const polymorphic = link.typeColumn !== null;
  const targetResource = polymorphic || first === undefined ? null : first.resource.name;
  const base = link.name ?? toOneName(link.column, targetResource);
  const pointsTo = polymorphic
    ? u.targets.map((t) => `${t.target.typeValue}: ${t.target.table}.${t.target.column}`).join(', ')
    : `${first?.target.table}.${first?.target.column}`;
  return {
    resource: child.name,
    link: index,
    sortKey: link.column,
    candidates: [base, link.column, byColumnName(base, link.column)],
    relation: {
      kind: 'to-one',
      source: link.source,
      target: targetResource,
      localColumn: link.column,
      // A polymorphic relation has one remote column per target, in `polymorphic.targets`.
      remoteColumn: polymorphic ? '' : (first?.target.column ?? ''),
      remoteTypeFilter: null,
      polymorphic: polymorphic
        ? {
            typeColumn: link.typeColumn ?? '',
            targets: u.targets
              .map((t) => ({
                typeValue: t.target.typeValue ?? '',
                resource: t.resource.name,
                remoteColumn: t.target.column,
              }))
              .sort((a, b) => a.typeValue.localeCompare(b.typeValue)),
          }
        : null,
      zeroIsNull: isIntegerColumn(column),
      description: `${link.table}.${link.column} → ${pointsTo} (${link.description})`,
    },
  };
}

function toManyDrafts(u: UsableLink, index: number): Draft[] {
  const { link, child, column } = u;
  return u.targets.map(({ target, resource }) => {
    const filter =
      target.typeValue !== null && link.typeColumn !== null
        ? { column: link.typeColumn, value: target.typeValue }
        : link.inverseFilter;
    const base = toManyBaseName(child.unprefixed, link.column, child.name);
    return {
      resource: resource.name,
      link: index,
      sortKey: `${child.name}\u0000${link.column}\u0000${target.typeValue ?? ''}`,
      candidates: [base, byColumnName(base, link.column)],
      relation: {
        kind: 'to-many',
        source: link.source,
        target: child.name,
        localColumn: target.column,
        remoteColumn: link.column,
        remoteTypeFilter: filter,
        polymorphic: null,
        zeroIsNull: isIntegerColumn(column),
        description: `${link.table} rows whose ${link.column} is this ${target.column}${filter === null ? '' : ` and ${filter.column} = '${filter.value}'`} (${link.description})`,
      },
    };
  });
}

/**
 * Names every draft of one resource: to-ones by column, then to-manys by child. A child reaching
 * the resource through several columns, or the resource itself, gets `_by_<column>` on each.
 */
function nameDrafts(drafts: readonly Draft[]): Map<Draft, string> {
  const names = new Map<Draft, string>();
  const used = new Set<string>();
  const sorted = (list: Draft[]): Draft[] =>
    list.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  for (const d of sorted(drafts.filter((d) => d.relation.kind === 'to-one')))
    names.set(d, claimName(d.candidates, used));
  const toMany = sorted(drafts.filter((d) => d.relation.kind === 'to-many'));
  const perChild = new Map<string, number>();
  for (const d of toMany) perChild.set(d.relation.target ?? '', (perChild.get(d.relation.target ?? '') ?? 0) + 1);
  for (const d of toMany) {
    const ambiguous = (perChild.get(d.relation.target ?? '') ?? 0) > 1 || d.relation.target === d.resource;
    names.set(d, claimName(ambiguous ? d.candidates.slice(1) : d.candidates, used));
  }
  return names;
}

/** Builds the relations of every exposed resource. `byTable` holds the exposed resources only. */
export function buildRelations(
  links: readonly RelationLink[],
  byTable: ReadonlyMap<string, ResourceShape>,
  removals: readonly RelationRemove[],
): BuiltRelations {
  const drafts: Draft[] = [];
  links.forEach((link, index) => {
    const u = usable(link, byTable);
    if (u !== null) drafts.push(toOneDraft(u, index), ...toManyDrafts(u, index));
  });
  const perResource = new Map<string, Draft[]>();
  for (const d of drafts) {
    const list = perResource.get(d.resource);
    if (list === undefined) perResource.set(d.resource, [d]);
    else list.push(d);
  }
  const names = new Map<Draft, string>();
  for (const list of perResource.values()) for (const [d, name] of nameDrafts(list)) names.set(d, name);

  // Removal happens after naming, so the names the Studio shows are the names a removal uses,
  // and removing one relation never renames another.
  const warnings: string[] = [];
  const removed = new Set<Draft>();
  for (const removal of removals) {
    const resource =
      byTable.get(removal.table)?.name ?? [...byTable.values()].find((r) => r.name === removal.table)?.name;
    const victim = drafts.find((d) => d.resource === resource && names.get(d) === removal.name);
    if (resource === undefined || victim === undefined) {
      warnings.push(
        `relations.remove ${removal.table}.${removal.name}: no such relation${resource === undefined ? ' (table not exposed)' : ''}`,
      );
      continue;
    }
    // A wrong to-one is a wrong link: its inverse to-manys go too. A to-many goes alone.
    for (const d of drafts)
      if (d === victim || (victim.relation.kind === 'to-one' && d.link === victim.link)) removed.add(d);
  }

  const byResource = new Map<string, Relation[]>();
  for (const d of drafts) {
    if (removed.has(d)) continue;
    const relation: Relation = { name: names.get(d) ?? '', ...d.relation };
    const list = byResource.get(d.resource);
    if (list === undefined) byResource.set(d.resource, [relation]);
    else list.push(relation);
  }
  for (const list of byResource.values()) list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { byResource, warnings };
}
