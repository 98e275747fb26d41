/**
 * The list pipeline (`GET /api/v1/{resource}` and saved views): parse → rights → plan → execute →
 * serialize, each stage once and timed. One request gives rows with their included relations,
 * groups (aggregate=/group_by=, with embedded group keys), or a stream of rows for CSV/NDJSON read
 * from the database cursor so an export of any size keeps memory bounded.
 */
import type { Resource } from '../catalog/catalog.ts';
import type { Row } from '../db/driver.ts';
import { Problem } from '../errors/problem.ts';
import { executeAggregate, executeGroupCount } from '../execute/execute-related.ts';
import { executeStream } from '../execute/execute-stream.ts';
import { executeList } from '../execute/execute.ts';
import { measureName } from '../parse/parse-aggregate-query.ts';
import type { IncludeNode, ListRequest, OutputFormat } from '../parse/list-request.ts';
import { parseListQuery } from '../parse/parse-list-query.ts';
import { planAggregate, planGroupCount, groupKeysOf } from '../plan/plan-aggregate.ts';
import { planHasAll } from '../plan/plan-has.ts';
import { planList } from '../plan/plan-read.ts';
import type { PiiRandomiser } from '../pii/pii-randomiser.ts';
import { listEnvelope, type ListEnvelope } from '../serialize/list-envelope.ts';
import { serializeEmbedded } from '../serialize/serialize-embedded.ts';
import { groupKeyName, serializeGroup } from '../serialize/serialize-group.ts';
import { serializeRow } from '../serialize/serialize-row.ts';
import type { Access } from './access.ts';
import { requireReadablePaths } from './check-paths.ts';
import { requireReadableRelations } from './check-relations.ts';
import { pinCatalog, type Engine } from './engine.ts';
import { loadIncludes, type IncludeContext } from './load-includes.ts';
import { resolveAllowed } from './resolve-allowed.ts';
import type { StageTimer } from './stage-timer.ts';

export type ListResult =
  | { readonly kind: 'json'; readonly envelope: ListEnvelope; readonly rows: number }
  | {
      readonly kind: 'stream';
      readonly format: Exclude<OutputFormat, 'json'>;
      /** Column names, in order (the CSV header). */
      readonly columns: readonly string[];
      readonly rows: AsyncIterable<Record<string, unknown>>;
    };

export interface ListOptions {
  /** The format the transport negotiated from `Accept`; `format=` in the query wins. */
  readonly accept?: OutputFormat;
  /** Show personal data as fakes (sandbox tokens, the explorer's PII mode); filters still match real values. */
  readonly pii?: PiiRandomiser | undefined;
}

/** Parses a list request and checks the caller's rights on everything it reaches. */
export function parseAllowedList(engine: Engine, access: Access, name: string, params: URLSearchParams): ListRequest {
  const resource = resolveAllowed(engine, access, name, 'read');
  const request = parseListQuery(engine.catalog, resource, params);
  requireReadablePaths(access, request);
  requireReadableRelations(access, request);
  return request;
}

async function* fromArray<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

/** Groups: the aggregate, its group count, the relations embedded per group key. */
async function runGroups(
  engine: Engine,
  access: Access,
  request: ListRequest,
  url: URL,
  timer: StageTimer,
  format: OutputFormat,
  pii: PiiRandomiser | undefined,
): Promise<ListResult> {
  const aggregate = request.aggregate;
  if (aggregate === null) throw new Error('runGroups without an aggregate');
  // An export of groups reads every group unless a page was asked for.
  const unpaged = format !== 'json' && !request.paged;
  const asked = unpaged ? { ...aggregate, window: undefined } : aggregate;
  const plan = timer.time('plan', () =>
    planAggregate(engine.catalog, asked, { where: planHasAll(engine.catalog, request.has) }),
  );
  const countPlan = request.count === 'exact' && !unpaged ? planGroupCount(plan) : null;
  const [rows, total] = await timer.timeAsync('execute', () =>
    Promise.all([
      executeAggregate(engine.driver, plan),
      countPlan === null ? null : executeGroupCount(engine.driver, countPlan),
    ]),
  );
  // A group hangs its relation from the group key column (`g0`…) instead of a row's own column.
  const nodes: IncludeNode[] = request.groupIncludes.map(({ key, node }) => ({
    ...node,
    relation: { ...node.relation, localColumn: `g${key}` },
  }));
  const ctx: IncludeContext = { driver: engine.driver, catalog: engine.catalog, access, timer, rows: 0 };
  const embeds = await loadIncludes(ctx, nodes, rows.slice(0, request.perPage));
  const serialize = (row: Row): Record<string, unknown> => ({
    ...serializeGroup(asked, row, pii),
    ...serializeEmbedded(engine.catalog, [], row, nodes, embeds, pii),
  });
  if (format !== 'json') {
    const columns = [...groupKeysOf(asked).map(groupKeyName), ...asked.measures.map(measureName)];
    const page = unpaged ? rows : rows.slice(0, request.perPage);
    return { kind: 'stream', format, columns, rows: fromArray(timer.time('serialize', () => page.map(serialize))) };
  }
  const envelope = timer.time('serialize', () =>
    listEnvelope(
      { fields: [], page: request.page, perPage: request.perPage, sinceColumn: null },
      rows,
      total,
      url,
      serialize,
    ),
  );
  return { kind: 'json', envelope, rows: envelope.data.length };
}

/** The rows of an export, serialised one by one as the cursor yields them. */
async function* serializeStream(
  resource: Resource,
  fields: ListRequest['fields'],
  rows: AsyncIterable<Row>,
  pii: PiiRandomiser | undefined,
): AsyncGenerator<Record<string, unknown>> {
  const out = fields ?? resource.fields;
  for await (const row of rows) yield serializeRow(out, row, pii);
}

/** Runs a list request whose parameters are `params`; `url` is what links are built from. */
export async function runListRequest(
  engine: Engine,
  access: Access,
  name: string,
  params: URLSearchParams,
  url: URL,
  timer: StageTimer,
  options: ListOptions = {},
): Promise<ListResult> {
  engine = pinCatalog(engine);
  const request = timer.time('parse', () => parseAllowedList(engine, access, name, params));
  const format = options.accept === 'json' ? 'json' : (request.format ?? options.accept ?? 'json');
  if (format !== 'json' && request.include.length > 0) {
    throw new Problem('PAS129', `include cannot be written as ${format}: embedded rows do not fit flat records`, {
      hint: 'drop include, or ask for JSON',
    });
  }
  if (request.aggregate !== null) return runGroups(engine, access, request, url, timer, format, options.pii);
  const plan = timer.time('plan', () => planList(engine.catalog, request));
  if (format !== 'json') {
    // Without page/per_page an export reads every matching row, streamed from the cursor.
    const select = request.paged
      ? { ...plan.select, limit: request.perPage }
      : { ...plan.select, limit: null, offset: 0 };
    const columns = plan.fields.map((f) => f.name);
    return {
      kind: 'stream',
      format,
      columns,
      rows: serializeStream(request.resource, plan.fields, executeStream(engine.driver, select), options.pii),
    };
  }
  const { rows, total } = await timer.timeAsync('execute', () => executeList(engine.driver, plan.select, plan.count));
  const ctx: IncludeContext = { driver: engine.driver, catalog: engine.catalog, access, timer, rows: 0 };
  const pageRows = rows.slice(0, plan.perPage);
  const embeds = await loadIncludes(ctx, request.include, pageRows);
  const envelope = timer.time('serialize', () =>
    listEnvelope(plan, rows, total, url, (row) =>
      serializeEmbedded(engine.catalog, plan.fields, row, request.include, embeds, options.pii),
    ),
  );
  return { kind: 'json', envelope, rows: envelope.data.length + ctx.rows };
}

/** `GET /api/v1/{resource}`: JSON, or an export when `format=`/`Accept` asks for one. */
export function runListResult(
  engine: Engine,
  access: Access,
  name: string,
  url: URL,
  timer: StageTimer,
  options: ListOptions = {},
): Promise<ListResult> {
  return runListRequest(engine, access, name, url.searchParams, url, timer, options);
}
