/**
 * parse (GraphQL): a `filter`/`where` argument → the request AST's where tree, built with REST's
 * own `conditionFromJson`, so values are typed and refused with the same problems and hints.
 *   { status: 2, total_gte: 1000, or: [{ sale_agent: 0 }, { client: { country: 243 } }] }
 * An empty object means no filter (what a client sends for "no filter" in a variable).
 */
import type { Relation } from '../catalog/catalog.ts';
import { Problem } from '../errors/problem.ts';
import { conditionFromJson } from '../parse/build-condition.ts';
import type { WhereNode } from '../parse/list-request.ts';
import { MAX_WHERE_CONDITIONS, MAX_WHERE_DEPTH } from '../parse/parse-where-json.ts';
import { MAX_PATH_HOPS } from '../parse/resolve-column.ts';
import { didYouMean } from '../parse/suggest-name.ts';
import type { CatalogNames, ResourceNames } from './graphql-names.ts';

interface Walk {
  readonly names: CatalogNames;
  conditions: number;
}

type Input = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Input {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function combine(kind: 'and' | 'or', items: WhereNode[]): WhereNode {
  return items.length === 1 && kind === 'and' ? (items[0] as WhereNode) : { kind, items };
}

function targetNames(walk: Walk, relation: Relation, at: string): ResourceNames {
  const names = relation.target === null ? undefined : walk.names.byResource.get(relation.target);
  if (names === undefined)
    throw new Problem('PAS108', `${at}: relation \`${relation.name}\` leads to a resource that is not exposed`);
  return names;
}

function items(
  walk: Walk,
  names: ResourceNames,
  path: readonly Relation[],
  value: Input,
  depth: number,
  at: string,
): WhereNode[] {
  if (depth > MAX_WHERE_DEPTH) throw new Problem('PAS107', `${at}: filters nest deeper than ${MAX_WHERE_DEPTH} levels`);
  const out: WhereNode[] = [];
  for (const [key, operand] of Object.entries(value)) {
    if (operand === undefined) continue;
    const where = `${at}.${key}`;
    const entry = names.filter.get(key);
    if (entry === undefined) {
      throw new Problem('PAS102', `${where}: \`${names.resource.name}\` has no filter field \`${key}\``, {
        hint: didYouMean(key, [...names.filter.keys()], 'filter fields'),
      });
    }
    if (entry.kind === 'and' || entry.kind === 'or') {
      const list = Array.isArray(operand) ? operand : [operand];
      if (list.length === 0) throw new Problem('PAS107', `${where} must be a non-empty list of filters`);
      out.push(
        combine(
          entry.kind,
          list.map((item, i) => group(walk, names, path, item, depth + 1, `${where}[${i}]`)),
        ),
      );
    } else if (entry.kind === 'not') {
      out.push({ kind: 'not', item: group(walk, names, path, operand, depth + 1, where) });
    } else if (entry.kind === 'relation') {
      if (path.length + 1 > MAX_PATH_HOPS)
        throw new Problem('PAS112', `${where}: a filter may follow at most ${MAX_PATH_HOPS} relations`);
      const target = targetNames(walk, entry.relation, where);
      out.push(group(walk, target, [...path, entry.relation], operand, depth + 1, where));
    } else {
      walk.conditions++;
      if (walk.conditions > MAX_WHERE_CONDITIONS)
        throw new Problem('PAS107', `the filter has more than ${MAX_WHERE_CONDITIONS} conditions`);
      const column = { path, field: entry.field };
      // A bare column with null means "is null", as in REST's where= JSON.
      out.push(
        entry.bare && operand === null
          ? conditionFromJson(column, 'is_null', true, where)
          : conditionFromJson(column, entry.op, operand, where),
      );
    }
  }
  return out;
}

function group(
  walk: Walk,
  names: ResourceNames,
  path: readonly Relation[],
  value: unknown,
  depth: number,
  at: string,
): WhereNode {
  if (!isObject(value)) throw new Problem('PAS107', `${at} must be a filter object`);
  const found = items(walk, names, path, value, depth, at);
  if (found.length === 0) throw new Problem('PAS107', `${at} is an empty filter object`);
  return combine('and', found);
}

/** The where tree of a filter argument (both `filter` and `where` when given are ANDed), or null. */
export function parseFilterArg(
  names: CatalogNames,
  resource: ResourceNames,
  args: { readonly filter?: unknown; readonly where?: unknown },
): WhereNode | null {
  const walk: Walk = { names, conditions: 0 };
  const found: WhereNode[] = [];
  for (const at of ['filter', 'where'] as const) {
    const value = args[at];
    if (value === undefined || value === null) continue;
    if (!isObject(value)) throw new Problem('PAS107', `${at} must be a filter object`);
    found.push(...items(walk, resource, [], value, 1, at));
  }
  return found.length === 0 ? null : combine('and', found);
}
