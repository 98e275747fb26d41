/**
 * Loads included relations level by level: for each relation, the keys of every parent of the level
 * go into one statement (`WHERE key IN (…)`, split past 5,000 keys), so the number of statements
 * follows the shape of `include=`, never the number of rows. Results hang from the parent row
 * objects in an `Embeds` map that serialization reads.
 */
import type { Catalog, Resource } from '../catalog/catalog.ts';
import type { Driver, Row, SqlValue } from '../db/driver.ts';
import { executeRelated, keyText } from '../execute/execute-related.ts';
import type { IncludeNode } from '../parse/list-request.ts';
import { planInclude, planPolymorphicInclude } from '../plan/plan-include.ts';
import type { RelatedSelectPlan, SelectPlan } from '../plan/query-plan.ts';
import { MAX_BATCH_KEYS } from '../plan/related-scope.ts';
import { canUse, type Access } from './access.ts';
import type { StageTimer } from './stage-timer.ts';

/** Embedded rows by parent row and member name: a row, null, or a list. */
export type Embeds = WeakMap<Row, Map<string, Row | Row[] | null>>;

export interface IncludeContext {
  readonly driver: Driver;
  readonly catalog: Catalog;
  readonly access: Access;
  readonly timer: StageTimer;
  /** Rows read, for the audit log. */
  rows: number;
}

/** A relation key that stands for "no related row": NULL, or 0 where Perfex uses 0 that way. */
function noKey(zeroIsNull: boolean, value: unknown): boolean {
  return value === null || value === undefined || (zeroIsNull && Number(value) === 0);
}

function distinctKeys(parents: readonly Row[], column: string, zeroIsNull: boolean): SqlValue[] {
  const keys = new Map<string, SqlValue>();
  for (const row of parents) {
    const value = row[column];
    if (!noKey(zeroIsNull, value)) keys.set(keyText(value), value as SqlValue);
  }
  return [...keys.values()];
}

/** Runs one batched statement per chunk of keys and merges the groups. */
async function loadGroups(
  ctx: IncludeContext,
  keys: readonly SqlValue[],
  column: string,
  plan: (chunk: readonly SqlValue[]) => SelectPlan | RelatedSelectPlan,
): Promise<Map<string, Row[]>> {
  const merged = new Map<string, Row[]>();
  for (let i = 0; i < keys.length; i += MAX_BATCH_KEYS) {
    const chunk = keys.slice(i, i + MAX_BATCH_KEYS);
    const planned = ctx.timer.time('plan', () => plan(chunk));
    const groups = await ctx.timer.timeAsync('execute', () => executeRelated(ctx.driver, planned, column));
    for (const [key, rows] of groups) {
      merged.set(key, rows);
      ctx.rows += rows.length;
    }
  }
  return merged;
}

function embed(embeds: Embeds, parent: Row, name: string, value: Row | Row[] | null): void {
  let members = embeds.get(parent);
  if (members === undefined) embeds.set(parent, (members = new Map()));
  members.set(name, value);
}

async function loadPolymorphic(
  ctx: IncludeContext,
  node: IncludeNode,
  parents: readonly Row[],
  embeds: Embeds,
): Promise<void> {
  const poly = node.relation.polymorphic;
  if (poly === null) return;
  await Promise.all(
    poly.targets.map(async (target) => {
      const resource: Resource | undefined = ctx.catalog.byName.get(target.resource);
      const ofType = parents.filter((p) => String(p[poly.typeColumn] ?? '') === target.typeValue);
      if (ofType.length === 0) return;
      // A type the caller cannot read embeds as null, exactly as a row that does not exist.
      const readable = resource !== undefined && canUse(ctx.access, resource.name, 'read');
      const keys = readable ? distinctKeys(ofType, node.relation.localColumn, node.relation.zeroIsNull) : [];
      const groups =
        keys.length === 0
          ? new Map<string, Row[]>()
          : await loadGroups(ctx, keys, target.remoteColumn, (chunk) =>
              planPolymorphicInclude(ctx.catalog, resource as Resource, target.remoteColumn, chunk),
            );
      for (const parent of ofType) {
        const key = parent[node.relation.localColumn];
        embed(
          embeds,
          parent,
          node.name,
          noKey(node.relation.zeroIsNull, key) ? null : (groups.get(keyText(key))?.[0] ?? null),
        );
      }
    }),
  );
  for (const parent of parents) if (!embeds.get(parent)?.has(node.name)) embed(embeds, parent, node.name, null);
}

async function loadNode(
  ctx: IncludeContext,
  node: IncludeNode,
  parents: readonly Row[],
  embeds: Embeds,
): Promise<void> {
  if (node.relation.polymorphic !== null) {
    await loadPolymorphic(ctx, node, parents, embeds);
    return;
  }
  const { localColumn, remoteColumn, zeroIsNull } = node.relation;
  const keys = distinctKeys(parents, localColumn, zeroIsNull);
  const groups =
    keys.length === 0
      ? new Map<string, Row[]>()
      : await loadGroups(ctx, keys, remoteColumn, (chunk) => planInclude(ctx.catalog, node, chunk));
  const children = new Set<Row>();
  for (const parent of parents) {
    const key = parent[localColumn];
    const rows = noKey(zeroIsNull, key) ? [] : (groups.get(keyText(key)) ?? []);
    for (const row of rows) children.add(row);
    embed(embeds, parent, node.name, node.relation.kind === 'to-many' ? rows : (rows[0] ?? null));
  }
  if (node.children.length > 0 && children.size > 0) await loadIncludes(ctx, node.children, [...children], embeds);
}

/** Loads `nodes` (and their children) for `parents`; relations of one level run concurrently. */
export async function loadIncludes(
  ctx: IncludeContext,
  nodes: readonly IncludeNode[],
  parents: readonly Row[],
  embeds: Embeds = new WeakMap(),
): Promise<Embeds> {
  if (nodes.length === 0 || parents.length === 0) return embeds;
  await Promise.all(nodes.map((node) => loadNode(ctx, node, parents, embeds)));
  return embeds;
}
