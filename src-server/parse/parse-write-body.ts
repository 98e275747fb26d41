/** parse: a JSON request body → the typed values of a create or update, or a 422 with per-field errors. */
import type { Field, Resource } from '../catalog/catalog.ts';
import type { SqlValue } from '../db/driver.ts';
import { Problem, type FieldError } from '../errors/problem.ts';
import { didYouMean } from './suggest-name.ts';
import { validateBodyValue } from './validate-body-value.ts';

export interface FieldValue {
  readonly field: Field;
  readonly value: SqlValue;
}

export interface WriteRequest {
  readonly kind: 'create' | 'update';
  readonly resource: Resource;
  /** Primary key of the row to update; null on create. */
  readonly key: readonly SqlValue[] | null;
  readonly values: readonly FieldValue[];
}

function checkBodyIsObject(body: unknown): asserts body is Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new Problem('PAS401', `the body must be a JSON object of field values, got ${Array.isArray(body) ? 'an array' : typeof body}`, {
      errors: [],
    });
  }
}

function readValues(resource: Resource, body: Record<string, unknown>, errors: FieldError[]): FieldValue[] {
  const values: FieldValue[] = [];
  const writable = resource.fields.filter((f) => f.writable).map((f) => f.name);
  for (const [name, raw] of Object.entries(body)) {
    const field = resource.fields.find((f) => f.name === name);
    if (field === undefined) {
      // Hidden and sensitive columns get the same answer as unknown ones: nothing leaks.
      errors.push({ field: name, code: 'unknown', message: `not a field of ${resource.name}; ${didYouMean(name, writable, 'writable fields')}` });
      continue;
    }
    if (!field.writable) {
      const why = field.primaryKey ? 'the primary key is set by the database' : 'this field is read-only';
      errors.push({ field: name, code: 'not-writable', message: why });
      continue;
    }
    const checked = validateBodyValue(field, raw);
    if (checked.ok) values.push({ field, value: checked.value });
    else errors.push(checked.error);
  }
  return values;
}

/** Validates a create body: known writable fields, typed values, required fields present. */
export function parseCreateBody(resource: Resource, body: unknown): WriteRequest {
  checkBodyIsObject(body);
  const errors: FieldError[] = [];
  const values = readValues(resource, body, errors);
  for (const field of resource.fields) {
    if (field.requiredOnCreate && field.writable && !(field.name in body)) {
      errors.push({ field: field.name, code: 'required', message: `required (${field.columnType}, NOT NULL without default)` });
    }
  }
  if (errors.length > 0) {
    throw new Problem('PAS401', `${errors.length} field${errors.length === 1 ? '' : 's'} of the new ${resource.name} row failed validation`, { errors });
  }
  return { kind: 'create', resource, key: null, values };
}

/** Validates an update body (PUT and PATCH both update the fields given). */
export function parseUpdateBody(resource: Resource, key: readonly SqlValue[], body: unknown): WriteRequest {
  checkBodyIsObject(body);
  const errors: FieldError[] = [];
  const values = readValues(resource, body, errors);
  if (errors.length > 0) {
    throw new Problem('PAS401', `${errors.length} field${errors.length === 1 ? '' : 's'} failed validation`, { errors });
  }
  if (values.length === 0) {
    throw new Problem('PAS401', 'the body names no field to update', { errors: [], hint: 'send the fields to change, e.g. {"status": 2}' });
  }
  return { kind: 'update', resource, key, values };
}

/** Most rows one bulk create may carry (the 256 KB body limit usually comes first). */
export const MAX_BULK_ROWS = 1000;

/**
 * Validates a bulk create (a JSON array of objects): every row is checked before anything is
 * written, and all failures come back together, each field named `[index].field`.
 */
export function parseCreateBodies(resource: Resource, body: readonly unknown[]): WriteRequest[] {
  if (body.length === 0) throw new Problem('PAS405', 'the array of rows to create is empty', { hint: 'send [{…}, {…}]' });
  if (body.length > MAX_BULK_ROWS) throw new Problem('PAS405', `${body.length} rows in one bulk create; at most ${MAX_BULK_ROWS}`);
  const errors: FieldError[] = [];
  const requests: WriteRequest[] = [];
  body.forEach((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      errors.push({ field: `[${index}]`, code: 'type', message: `row ${index} is not a JSON object` });
      return;
    }
    try {
      requests.push(parseCreateBody(resource, item));
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      for (const e of error.errors ?? []) errors.push({ ...e, field: `[${index}].${e.field}` });
    }
  });
  if (errors.length > 0) {
    const rows = new Set(errors.map((e) => /^\[(\d+)\]/.exec(e.field)?.[1])).size;
    throw new Problem('PAS401', `${rows} of ${body.length} new ${resource.name} rows failed validation; nothing was written`, { errors });
  }
  return requests;
}
