/**
 * parse: embedding and relation conditions of a REST query string.
 *   include=client,payments,client.contacts   fields[client]=company   sort[payments]=-date
 *   limit[payments]=5   filter[payments.amount.gte]=100   has[payments]=true|false
 * A filter whose path enters an included (or `has`) relation through a to-many or polymorphic step
 * filters those related rows; a filter through to-one relations only keeps filtering the parents,
 * as it always did (`filter[client.country]=243`).
 */
import type { Catalog, Field, Relation, Resource } from '../catalog/catalog.ts';
import { Problem } from '../errors/problem.ts';
import type { HasCondition, IncludeNode, SortKey, WhereNode } from './list-request.ts';
import { MAX_PER_PAGE, parseFields, parseSort } from './parse-list-query.ts';
import { didYouMean } from './suggest-name.ts';

/** Relations one include path may follow. */
export const MAX_INCLUDE_DEPTH = 3;
/** Rows per parent of a to-many include, as GraphQL's lists. */
export const DEFAULT_INCLUDE_LIMIT = 25;
const MAX_INCLUDES = 20;

export const OPTION_KEY = /^(fields|sort|limit|has)\[([^\]]*)\]$/;

/** A relation path named by include= or has[…]: its relations and the resource it ends on. */
export interface RelationPath {
  readonly text: string;
  readonly relations: readonly Relation[];
  /** null after a polymorphic relation. */
  readonly target: Resource | null;
  /** Whether a to-many or polymorphic step makes its filters apply to related rows rather than parents. */
  readonly multi: boolean;
}

/** Resolves `client.contacts` relation by relation; unknown names get hints. */
export function resolveRelationPath(catalog: Catalog, resource: Resource, text: string, where: string): RelationPath {
  const segments = text.split('.');
  if (segments.some((s) => s === '')) throw new Problem('PAS125', `${where}: \`${text}\` has an empty relation name`);
  if (segments.length > MAX_INCLUDE_DEPTH) {
    throw new Problem(
      'PAS125',
      `${where}: \`${text}\` follows ${segments.length} relations; at most ${MAX_INCLUDE_DEPTH}`,
      {
        hint: 'fetch deeper levels with a second request, or use GraphQL',
      },
    );
  }
  const relations: Relation[] = [];
  let current: Resource | null = resource;
  let multi = false;
  for (const name of segments) {
    if (current === null) {
      throw new Problem(
        'PAS125',
        `${where}: \`${text}\` continues after a polymorphic relation, whose target resource varies by row`,
      );
    }
    const relation: Relation | undefined = current.relations.find((r) => r.name === name);
    if (relation === undefined) {
      throw new Problem('PAS108', `${where}: \`${current.name}\` has no relation \`${name}\``, {
        hint: didYouMean(
          name,
          current.relations.map((r) => r.name),
          'relations',
        ),
      });
    }
    relations.push(relation);
    if (relation.polymorphic !== null) {
      multi = true;
      current = null;
      continue;
    }
    if (relation.kind === 'to-many') multi = true;
    const target: Resource | undefined = relation.target === null ? undefined : catalog.byName.get(relation.target);
    if (target === undefined)
      throw new Problem('PAS108', `${where}: relation \`${name}\` leads to a resource that is not exposed`);
    current = target;
  }
  return { text, relations, target: current, multi };
}

/** The member name of an embedded relation: `<name>_record` where a field already has the name (as in GraphQL). */
export function embeddedName(resource: Resource, relation: Relation): string {
  return resource.fields.some((f) => f.name === relation.name) ? `${relation.name}_record` : relation.name;
}

/**
 * The relation path a filter target starts with, when its filters apply to related rows: the longest
 * registered path that is a prefix of `target` and crosses a to-many or polymorphic relation.
 */
export function routeFilter(
  paths: ReadonlyMap<string, RelationPath>,
  target: string,
): { path: RelationPath; rest: string } | null {
  let best: RelationPath | null = null;
  for (const path of paths.values()) {
    if (!path.multi || !target.startsWith(`${path.text}.`)) continue;
    if (best === null || path.text.length > best.text.length) best = path;
  }
  return best === null ? null : { path: best, rest: target.slice(best.text.length + 1) };
}

function limitOf(raw: string | undefined, where: string): number {
  if (raw === undefined) return DEFAULT_INCLUDE_LIMIT;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_PER_PAGE) {
    throw new Problem(
      'PAS106',
      `${where} must be a whole number from 1 to ${MAX_PER_PAGE}, got \`${raw.slice(0, 40)}\``,
    );
  }
  return Number(raw);
}

/** What the parameters say about relations, before filters are routed. */
export interface RelationParams {
  readonly includes: readonly RelationPath[];
  readonly has: readonly { readonly path: RelationPath; readonly exists: boolean }[];
  /** Every include and has path by its text, for routing filters. */
  readonly paths: ReadonlyMap<string, RelationPath>;
  /** `fields[…]`, `sort[…]`, `limit[…]` by path. */
  readonly options: ReadonlyMap<string, { fields?: string; sort?: string; limit?: string }>;
}

/** Reads include=, has[…], fields[…], sort[…], limit[…]. */
export function parseRelationParams(catalog: Catalog, resource: Resource, params: URLSearchParams): RelationParams {
  const includeTexts = params
    .getAll('include')
    .flatMap((v) => v.split(','))
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (params.has('include') && includeTexts.length === 0)
    throw new Problem('PAS125', '`include` is empty', { hint: 'include=client,payments' });
  const expanded = new Set<string>();
  for (const text of includeTexts) {
    const segments = text.split('.');
    // `client.contacts` embeds `client` too: an embedded row needs its parent to hang from.
    for (let i = 1; i <= segments.length; i++) expanded.add(segments.slice(0, i).join('.'));
  }
  if (expanded.size > MAX_INCLUDES) throw new Problem('PAS125', `more than ${MAX_INCLUDES} relations are included`);
  const paths = new Map<string, RelationPath>();
  const includes = [...expanded].map((text) => {
    const path = resolveRelationPath(catalog, resource, text, `include ${text}`);
    paths.set(text, path);
    return path;
  });
  const has: { path: RelationPath; exists: boolean }[] = [];
  const options = new Map<string, { fields?: string; sort?: string; limit?: string }>();
  for (const [key, value] of params) {
    const m = OPTION_KEY.exec(key);
    if (m === null) continue;
    const [, kind, text] = m as unknown as [string, 'fields' | 'sort' | 'limit' | 'has', string];
    if (kind === 'has') {
      if (value !== 'true' && value !== 'false')
        throw new Problem('PAS112', `${key} must be true or false, got \`${value.slice(0, 40)}\``);
      const path = paths.get(text) ?? resolveRelationPath(catalog, resource, text, key);
      if (path.target === null) throw new Problem('PAS125', `${key}: has[…] cannot follow a polymorphic relation`);
      paths.set(text, path);
      has.push({ path, exists: value === 'true' });
      continue;
    }
    if (!expanded.has(text)) {
      throw new Problem('PAS125', `${key}: \`${text}\` is not included`, { hint: `add include=${text || '…'}` });
    }
    const entry = options.get(text) ?? {};
    if (entry[kind] !== undefined) throw new Problem('PAS112', `\`${key}\` is given twice; give it once`);
    entry[kind] = value;
    options.set(text, entry);
  }
  return { includes, has, paths, options };
}

/** Builds the include tree and has conditions once filters have been routed to their paths. */
export function buildRelationRequest(
  catalog: Catalog,
  resource: Resource,
  relations: RelationParams,
  filters: ReadonlyMap<string, readonly WhereNode[]>,
): { include: IncludeNode[]; has: HasCondition[] } {
  const whereOf = (text: string): WhereNode | null => {
    const items = filters.get(text) ?? [];
    return items.length === 0 ? null : items.length === 1 ? (items[0] as WhereNode) : { kind: 'and', items };
  };
  const build = (path: RelationPath, parent: Resource): IncludeNode => {
    const relation = path.relations[path.relations.length - 1] as Relation;
    const opts = relations.options.get(path.text) ?? {};
    const target = path.target;
    if (
      relation.polymorphic !== null &&
      (opts.fields !== undefined || opts.sort !== undefined || filters.has(path.text))
    ) {
      throw new Problem(
        'PAS125',
        `include ${path.text}: a polymorphic relation takes no fields, sort or filter options`,
        {
          hint: 'its rows come from several resources; list them directly to filter them',
        },
      );
    }
    if (relation.kind !== 'to-many' && opts.limit !== undefined) {
      throw new Problem('PAS125', `limit[${path.text}]: \`${path.text}\` is a to-one relation (one row per parent)`);
    }
    let fields: readonly Field[] | null = null;
    let sort: SortKey[] = [];
    if (target !== null) {
      fields = parseFields(target, opts.fields ?? null);
      sort = parseSort(catalog, target, opts.sort ?? null);
    }
    const children = relations.includes
      .filter((p) => p.relations.length === path.relations.length + 1 && p.text.startsWith(`${path.text}.`))
      .map((p) => build(p, target as Resource));
    return {
      path: path.text,
      relation,
      name: embeddedName(parent, relation),
      target,
      fields,
      where: whereOf(path.text),
      sort,
      limit: relation.kind === 'to-many' ? limitOf(opts.limit, `limit[${path.text}]`) : 1,
      children,
    };
  };
  const include = relations.includes.filter((p) => p.relations.length === 1).map((p) => build(p, resource));
  const has = relations.has.map(({ path, exists }) => ({ path: path.relations, where: whereOf(path.text), exists }));
  return { include, has };
}
