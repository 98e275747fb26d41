/**
 * The REST pipeline for single rows and writes: each request runs parse → plan → execute →
 * serialize once, in order, timed for `Server-Timing`, stopping at the first problem (PostgREST's
 * postgrestResponse does the same). Lists, groups and exports are in `run-list.ts`.
 * compile happens inside execute's timing except where a caller asks for the SQL.
 */
import type { Resource } from '../catalog/catalog.ts';
import type { Row, SqlValue } from '../db/driver.ts';
import { executeDelete, executeInsertMany, executeSelect, executeUpdate, type RowCheck } from '../execute/execute.ts';
import { Problem } from '../errors/problem.ts';
import { parseGetQuery, parseKey } from '../parse/parse-list-query.ts';
import { parseCreateBodies, parseCreateBody, parseUpdateBody } from '../parse/parse-write-body.ts';
import { planGet } from '../plan/plan-read.ts';
import { planCreate, planDelete, planUpdate } from '../plan/plan-write.ts';
import type { PiiRandomiser } from '../pii/pii-randomiser.ts';
import { ifMatchHolds, rowEtag } from '../serialize/row-etag.ts';
import { serializeEmbedded } from '../serialize/serialize-embedded.ts';
import { serializeRow } from '../serialize/serialize-row.ts';
import type { Access } from './access.ts';
import { requireReadableRelations } from './check-relations.ts';
import { pinCatalog, type Engine } from './engine.ts';
import { resolveAllowed } from './resolve-allowed.ts';
import { runListResult } from './run-list.ts';
import type { ListEnvelope } from '../serialize/list-envelope.ts';
import { loadIncludes } from './load-includes.ts';
import type { StageTimer } from './stage-timer.ts';

export interface RowResult {
  readonly resource: string;
  /** The row's key values, for `Location` and links. */
  readonly key: readonly SqlValue[];
  readonly data: Record<string, unknown>;
  /** The row's ETag (null when the answer embeds related rows, whose changes it would not reflect). */
  readonly etag: string | null;
  /** Rows read or written, for the audit log. */
  readonly rows: number;
}

/** Conditions and preferences of a write (RFC 9110 If-Match, RFC 7240 Prefer). */
export interface WriteConditions {
  /** `If-Match`: the write happens only if the row's current ETag is one of these (or `*`). */
  readonly ifMatch?: string | undefined;
  /** `Prefer: tx=rollback`: validate and execute, answer, keep nothing. */
  readonly dryRun?: boolean;
  /** Show the written row's personal data as fakes (sandbox tokens, the explorer's PII mode). */
  readonly pii?: PiiRandomiser | undefined;
}

/** How a read answer is shown: personal data as fakes (sandbox tokens, the explorer's PII mode). */
export interface ReadOptions {
  readonly pii?: PiiRandomiser | undefined;
}

/** `GET /api/v1/{resource}` as a JSON envelope (lists, groups, includes), for in-process callers. */
export async function runList(
  engine: Engine,
  access: Access,
  name: string,
  url: URL,
  timer: StageTimer,
): Promise<ListEnvelope> {
  const result = await runListResult(engine, access, name, url, timer, { accept: 'json' });
  if (result.kind !== 'json') throw new Problem('PAS129', 'runList answers JSON; use runListResult for exports');
  return result.envelope;
}

function keyOf(primaryKey: readonly string[], row: Row): SqlValue[] {
  return primaryKey.map((k) => (row[k] ?? null) as SqlValue);
}

function result(resource: Resource, key: readonly SqlValue[], row: Row, pii: PiiRandomiser | undefined): RowResult {
  return {
    resource: resource.name,
    key,
    data: serializeRow(resource.fields, row, pii),
    // The ETag stays the real row's, so If-Match and If-None-Match keep working for a sandbox token.
    etag: rowEtag(resource, row),
    rows: 1,
  };
}

/** `GET /api/v1/{resource}/{id}`: the row (every exposed field is read, for its ETag) and its includes. */
export async function runGet(
  engine: Engine,
  access: Access,
  name: string,
  id: string,
  url: URL,
  timer: StageTimer,
  options: ReadOptions = {},
): Promise<RowResult> {
  engine = pinCatalog(engine);
  const request = timer.time('parse', () => {
    const parsed = parseGetQuery(resolveAllowed(engine, access, name, 'read'), id, url.searchParams, engine.catalog);
    requireReadableRelations(access, parsed);
    return parsed;
  });
  const fields = request.fields ?? request.resource.fields;
  const plan = timer.time('plan', () => planGet({ ...request, fields: null }));
  const rows = await timer.timeAsync('execute', () => executeSelect(engine.driver, plan.select));
  const row = rows[0];
  if (row === undefined) throw new Problem('PAS201', `\`${name}\` has no row with id ${id.slice(0, 80)}`);
  const include = request.include ?? [];
  const ctx = { driver: engine.driver, catalog: engine.catalog, access, timer, rows: 0 };
  const embeds = await loadIncludes(ctx, include, [row]);
  return timer.time('serialize', () => ({
    resource: name,
    key: request.key,
    data: serializeEmbedded(engine.catalog, fields, row, include, embeds, options.pii),
    etag: include.length === 0 ? rowEtag(request.resource, row) : null,
    rows: 1 + ctx.rows,
  }));
}

/** `POST /api/v1/{resource}` with one JSON object. */
export async function runCreate(
  engine: Engine,
  access: Access,
  name: string,
  body: unknown,
  timer: StageTimer,
  conditions: WriteConditions = {},
): Promise<RowResult> {
  const [created] = await runCreateMany(engine, access, name, [body], timer, conditions, false);
  return created as RowResult;
}

/**
 * `POST /api/v1/{resource}` with a JSON array: every row validated first, then all inserted in one
 * transaction (all or nothing). `bulk` false keeps the single-object problems unprefixed.
 */
export async function runCreateMany(
  engine: Engine,
  access: Access,
  name: string,
  bodies: readonly unknown[],
  timer: StageTimer,
  conditions: WriteConditions = {},
  bulk = true,
): Promise<RowResult[]> {
  const resource = timer.time('parse', () => resolveAllowed(engine, access, name, 'create'));
  const requests = timer.time('parse', () =>
    bulk ? parseCreateBodies(resource, bodies) : [parseCreateBody(resource, bodies[0])],
  );
  const now = engine.now();
  const plans = timer.time('plan', () => requests.map((r) => planCreate(r, now)));
  const columns = resource.fields.map((f) => f.name);
  const rows = await timer.timeAsync('execute', () =>
    executeInsertMany(engine.driver, plans, resource.primaryKey, columns, { dryRun: conditions.dryRun === true }),
  );
  return timer.time('serialize', () =>
    rows.map((row) => result(resource, keyOf(resource.primaryKey, row), row, conditions.pii)),
  );
}

/** If-Match, checked on the row read under lock inside the write transaction. */
function matchCheck(resource: Resource, ifMatch: string | undefined): RowCheck | undefined {
  if (ifMatch === undefined) return undefined;
  return (row) => {
    const current = rowEtag(resource, row);
    if (!ifMatchHolds(ifMatch, current)) {
      throw new Problem(
        'PAS203',
        `the \`${resource.name}\` row changed since ${ifMatch.slice(0, 80)} was read; it is now ${current}`,
        {
          extra: { etag: current },
        },
      );
    }
  };
}

/** `PUT|PATCH /api/v1/{resource}/{id}`: updates the given fields and returns the row. */
export async function runUpdate(
  engine: Engine,
  access: Access,
  name: string,
  id: string,
  body: unknown,
  timer: StageTimer,
  conditions: WriteConditions = {},
): Promise<RowResult> {
  const resource = timer.time('parse', () => resolveAllowed(engine, access, name, 'update'));
  const request = timer.time('parse', () => parseUpdateBody(resource, parseKey(resource, id), body));
  const plan = timer.time('plan', () => planUpdate(request, engine.now()));
  const columns = resource.fields.map((f) => f.name);
  const check = matchCheck(resource, conditions.ifMatch);
  const row = await timer.timeAsync('execute', () =>
    executeUpdate(engine.driver, plan, columns, name, {
      ...(check === undefined ? {} : { check, checkColumns: columns }),
      dryRun: conditions.dryRun === true,
    }),
  );
  return timer.time('serialize', () => result(resource, request.key ?? [], row, conditions.pii));
}

/** `DELETE /api/v1/{resource}/{id}` */
export async function runDelete(
  engine: Engine,
  access: Access,
  name: string,
  id: string,
  timer: StageTimer,
  conditions: WriteConditions = {},
): Promise<void> {
  const resource = timer.time('parse', () => resolveAllowed(engine, access, name, 'delete'));
  const key = timer.time('parse', () => parseKey(resource, id));
  const plan = timer.time('plan', () => planDelete(resource, key));
  const check = matchCheck(resource, conditions.ifMatch);
  const columns = resource.fields.map((f) => f.name);
  await timer.timeAsync('execute', () =>
    executeDelete(engine.driver, plan, name, {
      ...(check === undefined ? {} : { check, checkColumns: columns }),
      dryRun: conditions.dryRun === true,
    }),
  );
}
