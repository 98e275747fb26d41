/** plan: a validated create/update/delete → the statement to run, with the values Perfex fills itself. */
import { randomBytes } from 'node:crypto';
import type { Operation, Resource } from '../catalog/catalog.ts';
import type { SqlValue } from '../db/driver.ts';
import { Problem } from '../errors/problem.ts';
import type { WriteRequest } from '../parse/parse-write-body.ts';
import type { ColumnValue, DeletePlan, InsertPlan, UpdatePlan } from './query-plan.ts';

/**
 * Refuses an operation the whitelist does not allow on this resource (405 with the allowed ones).
 * The pipeline calls it before reading a body, so a forbidden write never gets a validation answer.
 */
export function checkOperation(resource: Resource, operation: Operation): void {
  if (resource.operations.includes(operation)) return;
  const keyless = resource.primaryKey.length === 0 && operation !== 'create';
  throw new Problem('PAS202', `${operation} is not allowed on \`${resource.name}\`${keyless ? ' (it has no primary key)' : ''}`, {
    hint: `allowed: ${resource.operations.join(', ') || 'nothing'}; the whitelist sets the operations of each resource`,
    extra: { allowed: resource.operations },
  });
}

/** Local wall-clock time as Perfex writes it (`date('Y-m-d H:i:s')`, no zone). */
export function perfexNow(now: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())} ${p(now.getHours())}:${p(now.getMinutes())}:${p(now.getSeconds())}`;
}

function timestampValue(resource: Resource, column: string, now: Date): SqlValue {
  const field = resource.fields.find((f) => f.name === column);
  const text = perfexNow(now);
  return field?.type === 'date' ? text.slice(0, 10) : text;
}

/** Plans an INSERT: the caller's values, the creation time, and Perfex's random access tokens. */
export function planCreate(request: WriteRequest, now: Date): InsertPlan {
  const resource = request.resource;
  const values: ColumnValue[] = request.values.map((v) => ({ column: v.field.name, value: v.value }));
  const given = new Set(values.map((v) => v.column));
  const created = resource.createdColumn;
  if (created !== null && !given.has(created) && resource.fields.some((f) => f.name === created)) {
    values.push({ column: created, value: timestampValue(resource, created, now) });
  }
  for (const hidden of resource.hidden) {
    if (hidden.fillOnCreate === 'random-hex') {
      // Perfex's app_generate_hash(): md5 of random data, 32 hex characters.
      values.push({ column: hidden.name, value: randomBytes(16).toString('hex') });
    } else if (!hidden.nullable && !hidden.hasDefault) {
      throw new Problem('PAS404', `\`${resource.name}\` rows need a value for a hidden column, which the API cannot set`, {
        hint: `the column is hidden (${hidden.reason}); create these rows in Perfex itself`,
      });
    }
  }
  return { kind: 'insert', table: resource.table, values };
}

function keyValues(resource: Resource, key: readonly SqlValue[]): ColumnValue[] {
  return resource.primaryKey.map((column, i) => ({ column, value: key[i] ?? null }));
}

/** Plans an UPDATE of the given fields (plus the modification time where the table keeps one). */
export function planUpdate(request: WriteRequest, now: Date): UpdatePlan {
  const resource = request.resource;
  const values: ColumnValue[] = request.values.map((v) => ({ column: v.field.name, value: v.value }));
  const updated = resource.updatedColumn;
  if (updated !== null && !values.some((v) => v.column === updated) && resource.fields.some((f) => f.name === updated)) {
    values.push({ column: updated, value: timestampValue(resource, updated, now) });
  }
  return { kind: 'update', table: resource.table, key: keyValues(resource, request.key ?? []), values };
}

/** Plans a DELETE by primary key. */
export function planDelete(resource: Resource, key: readonly SqlValue[]): DeletePlan {
  return { kind: 'delete', table: resource.table, key: keyValues(resource, key) };
}
