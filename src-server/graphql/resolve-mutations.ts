/**
 * Mutation resolvers: `createInvoice(input:)`, `updateInvoice(id:, input:)`, `deleteInvoice(id:)`.
 * They run REST's own stages (parseCreateBody/parseUpdateBody validation, planCreate/planUpdate/
 * planDelete, one transaction that reads the row back), so a body refused by REST is refused here
 * with the same per-field errors, and rights are checked again although the schema already omits
 * what the caller may not do.
 */
import type { Operation } from '../catalog/catalog.ts';
import type { Row, SqlValue } from '../db/driver.ts';
import { requireRight } from '../engine/access.ts';
import { executeDelete, executeInsert, executeUpdate } from '../execute/execute.ts';
import { parseKey } from '../parse/parse-list-query.ts';
import { parseCreateBody, parseUpdateBody } from '../parse/parse-write-body.ts';
import { checkOperation, planCreate, planDelete, planUpdate } from '../plan/plan-write.ts';
import type { GraphqlContext } from './graphql-context.ts';
import type { ResourceNames } from './graphql-names.ts';

export interface MutationResult {
  readonly success: boolean;
  readonly message: string;
  readonly affected_rows: number;
  /** The row as stored (create, update); null after a delete. */
  readonly row: Row | null;
}

function allowed(ctx: GraphqlContext, names: ResourceNames, operation: Operation): void {
  checkOperation(names.resource, operation);
  requireRight(ctx.access, names.resource, operation);
}

/** The input object with GraphQL field names → a REST body with column names. */
function bodyOf(names: ResourceNames, input: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    const member = names.members.get(name);
    body[member?.kind === 'column' ? member.field.name : name] = value;
  }
  return body;
}

function keyText(names: ResourceNames, row: Row): string {
  return names.resource.primaryKey.map((k) => String(row[k])).join(',');
}

export async function resolveCreate(
  ctx: GraphqlContext,
  names: ResourceNames,
  input: Readonly<Record<string, unknown>>,
): Promise<MutationResult> {
  const { resource } = names;
  const request = ctx.timer.time('parse', () => {
    allowed(ctx, names, 'create');
    return parseCreateBody(resource, bodyOf(names, input));
  });
  const plan = ctx.timer.time('plan', () => planCreate(request, ctx.engine.now()));
  const columns = resource.fields.map((f) => f.name);
  const row = await ctx.timer.timeAsync('execute', () =>
    executeInsert(ctx.engine.driver, plan, resource.primaryKey, columns),
  );
  ctx.rows += 1;
  return { success: true, message: `created ${resource.name} ${keyText(names, row)}`.trim(), affected_rows: 1, row };
}

export async function resolveUpdate(
  ctx: GraphqlContext,
  names: ResourceNames,
  id: string,
  input: Readonly<Record<string, unknown>>,
): Promise<MutationResult> {
  const { resource } = names;
  const request = ctx.timer.time('parse', () => {
    allowed(ctx, names, 'update');
    return parseUpdateBody(resource, parseKey(resource, id), bodyOf(names, input));
  });
  const plan = ctx.timer.time('plan', () => planUpdate(request, ctx.engine.now()));
  const columns = resource.fields.map((f) => f.name);
  const row = await ctx.timer.timeAsync('execute', () =>
    executeUpdate(ctx.engine.driver, plan, columns, resource.name),
  );
  ctx.rows += 1;
  return { success: true, message: `updated ${resource.name} ${id}`, affected_rows: 1, row };
}

export async function resolveDelete(ctx: GraphqlContext, names: ResourceNames, id: string): Promise<MutationResult> {
  const { resource } = names;
  const key: readonly SqlValue[] = ctx.timer.time('parse', () => {
    allowed(ctx, names, 'delete');
    return parseKey(resource, id);
  });
  const plan = ctx.timer.time('plan', () => planDelete(resource, key));
  await ctx.timer.timeAsync('execute', () => executeDelete(ctx.engine.driver, plan, resource.name));
  ctx.rows += 1;
  return { success: true, message: `deleted ${resource.name} ${id}`, affected_rows: 1, row: null };
}
