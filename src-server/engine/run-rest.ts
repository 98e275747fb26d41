/**
 * The REST pipeline: each request runs parse → plan → execute → serialize once, in order, timed
 * for `Server-Timing`, stopping at the first problem (PostgREST's postgrestResponse does the same).
 * compile happens inside execute's timing except where a caller asks for the SQL.
 */
import type { Operation, Resource } from '../catalog/catalog.ts';
import type { Row, SqlValue } from '../db/driver.ts';
import { executeDelete, executeInsert, executeList, executeSelect, executeUpdate } from '../execute/execute.ts';
import { Problem } from '../errors/problem.ts';
import { parseGetQuery, parseKey, parseListQuery } from '../parse/parse-list-query.ts';
import { parseCreateBody, parseUpdateBody } from '../parse/parse-write-body.ts';
import { planGet, planList } from '../plan/plan-read.ts';
import { checkOperation, planCreate, planDelete, planUpdate } from '../plan/plan-write.ts';
import { listEnvelope, type ListEnvelope } from '../serialize/list-envelope.ts';
import { serializeRow } from '../serialize/serialize-row.ts';
import { requireReadablePaths } from './check-paths.ts';
import { requireRight, type Access } from './access.ts';
import { resolveResource, type Engine } from './engine.ts';
import type { StageTimer } from './stage-timer.ts';

/**
 * The resource named in the path, if the whitelist allows the operation (else 405) and the caller's
 * rights include it (else 403). Both checks run before a body is read, so a forbidden write never
 * gets a validation answer that would reveal the table's shape.
 */
function resolveAllowed(engine: Engine, access: Access, name: string, operation: Operation): Resource {
  const resource = resolveResource(engine.catalog, name);
  checkOperation(resource, operation);
  requireRight(access, resource, operation);
  return resource;
}

export interface RowResult {
  readonly resource: string;
  /** The row's key values, for `Location` and links. */
  readonly key: readonly SqlValue[];
  readonly data: Record<string, unknown>;
}

/** `GET /api/v1/{resource}` */
export async function runList(engine: Engine, access: Access, name: string, url: URL, timer: StageTimer): Promise<ListEnvelope> {
  const { catalog } = engine;
  const request = timer.time('parse', () => {
    const resource = resolveAllowed(engine, access, name, 'read');
    const parsed = parseListQuery(catalog, resource, url.searchParams);
    requireReadablePaths(access, parsed);
    return parsed;
  });
  const plan = timer.time('plan', () => planList(catalog, request));
  const { rows, total } = await timer.timeAsync('execute', () => executeList(engine.driver, plan.select, plan.count));
  return timer.time('serialize', () => listEnvelope(plan, rows, total, url));
}

function keyOf(primaryKey: readonly string[], row: Row): SqlValue[] {
  return primaryKey.map((k) => (row[k] ?? null) as SqlValue);
}

/** `GET /api/v1/{resource}/{id}` */
export async function runGet(engine: Engine, access: Access, name: string, id: string, url: URL, timer: StageTimer): Promise<RowResult> {
  const request = timer.time('parse', () => parseGetQuery(resolveAllowed(engine, access, name, 'read'), id, url.searchParams));
  const plan = timer.time('plan', () => planGet(request));
  const rows = await timer.timeAsync('execute', () => executeSelect(engine.driver, plan.select));
  const row = rows[0];
  if (row === undefined) throw new Problem('PAS201', `\`${name}\` has no row with id ${id.slice(0, 80)}`);
  return timer.time('serialize', () => ({ resource: name, key: request.key, data: serializeRow(plan.fields, row) }));
}

/** `POST /api/v1/{resource}` */
export async function runCreate(engine: Engine, access: Access, name: string, body: unknown, timer: StageTimer): Promise<RowResult> {
  const resource = timer.time('parse', () => resolveAllowed(engine, access, name, 'create'));
  const request = timer.time('parse', () => parseCreateBody(resource, body));
  const plan = timer.time('plan', () => planCreate(request, engine.now()));
  const row = await timer.timeAsync('execute', () => executeInsert(engine.driver, plan, resource.primaryKey, resource.fields.map((f) => f.name)));
  return timer.time('serialize', () => ({ resource: name, key: keyOf(resource.primaryKey, row), data: serializeRow(resource.fields, row) }));
}

/** `PUT|PATCH /api/v1/{resource}/{id}`: updates the given fields and returns the row. */
export async function runUpdate(engine: Engine, access: Access, name: string, id: string, body: unknown, timer: StageTimer): Promise<RowResult> {
  const resource = timer.time('parse', () => resolveAllowed(engine, access, name, 'update'));
  const request = timer.time('parse', () => parseUpdateBody(resource, parseKey(resource, id), body));
  const plan = timer.time('plan', () => planUpdate(request, engine.now()));
  const row = await timer.timeAsync('execute', () => executeUpdate(engine.driver, plan, resource.fields.map((f) => f.name), name));
  return timer.time('serialize', () => ({ resource: name, key: request.key ?? [], data: serializeRow(resource.fields, row) }));
}

/** `DELETE /api/v1/{resource}/{id}` */
export async function runDelete(engine: Engine, access: Access, name: string, id: string, timer: StageTimer): Promise<void> {
  const resource = timer.time('parse', () => resolveAllowed(engine, access, name, 'delete'));
  const key = timer.time('parse', () => parseKey(resource, id));
  const plan = timer.time('plan', () => planDelete(resource, key));
  await timer.timeAsync('execute', () => executeDelete(engine.driver, plan, name));
}
