/**
 * Checks one JSON body value against its column: type, NOT NULL, length, integer range and
 * decimal precision, so the database never silently truncates or rejects what a caller sent.
 */
import type { Field } from '../catalog/catalog.ts';
import type { SqlValue } from '../db/driver.ts';
import type { FieldError } from '../errors/problem.ts';
import { normaliseDate, normaliseDateTime } from './parse-value.ts';

const INTEGER_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  tinyint: [-128, 127],
  smallint: [-32768, 32767],
  mediumint: [-8388608, 8388607],
  int: [-2147483648, 2147483647],
  bigint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)$/;

type Checked = { ok: true; value: SqlValue } | { ok: false; error: FieldError };

const fail = (field: Field, code: FieldError['code'], message: string): Checked => ({
  ok: false,
  error: { field: field.name, code, message },
});

function integerRange(field: Field): readonly [number, number] {
  const [min, max] = INTEGER_RANGES[field.dataType] ?? INTEGER_RANGES.bigint ?? [0, 0];
  if (!field.unsigned) return [min, max];
  return [0, field.dataType === 'bigint' ? Number.MAX_SAFE_INTEGER : max * 2 + 1];
}

function checkNumber(field: Field, value: unknown): Checked {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && NUMERIC_TEXT.test(value.trim())) n = Number(value);
  else if (typeof value === 'boolean' && field.flag) n = value ? 1 : 0;
  else return fail(field, 'type', `expected a number, got ${JSON.stringify(value)}`);
  if (!Number.isFinite(n)) return fail(field, 'type', 'expected a finite number');
  if (field.type === 'integer') {
    if (!Number.isInteger(n)) return fail(field, 'type', `expected an integer, got ${n}`);
    const [min, max] = integerRange(field);
    if (n < min || n > max) return fail(field, 'range', `must be between ${min} and ${max} (${field.columnType})`);
    return { ok: true, value: n };
  }
  if (field.type === 'decimal' && field.precision !== null) {
    const scale = field.scale ?? 0;
    const limit = 10 ** (field.precision - scale);
    if (Math.abs(n) >= limit) return fail(field, 'range', `must be less than ${limit} in magnitude (${field.columnType})`);
    const decimals = (String(value).split('.')[1] ?? '').replace(/0+$/, '').length;
    if (decimals > scale) return fail(field, 'format', `at most ${scale} decimal places (${field.columnType})`);
  }
  return { ok: true, value: n };
}

function checkText(field: Field, value: unknown): Checked {
  if (typeof value !== 'string') {
    if (typeof value === 'number' && Number.isFinite(value)) return checkText(field, String(value));
    return fail(field, 'type', `expected a string, got ${JSON.stringify(value)?.slice(0, 40)}`);
  }
  const length = [...value].length;
  if (field.maxLength !== null && length > field.maxLength) {
    return fail(field, 'length', `at most ${field.maxLength} characters, got ${length}`);
  }
  return { ok: true, value };
}

/** Validates and normalises one body value for `field`. */
export function validateBodyValue(field: Field, value: unknown): Checked {
  if (value === null) {
    return field.nullable ? { ok: true, value: null } : fail(field, 'null', 'may not be null');
  }
  switch (field.type) {
    case 'integer':
    case 'decimal':
    case 'float':
      return checkNumber(field, value);
    case 'date': {
      const d = typeof value === 'string' ? normaliseDate(value) : null;
      return d === null ? fail(field, 'format', 'expected a date YYYY-MM-DD') : { ok: true, value: d };
    }
    case 'datetime': {
      const d = typeof value === 'string' ? normaliseDateTime(value) : null;
      return d === null ? fail(field, 'format', 'expected a date-time YYYY-MM-DDTHH:MM:SS') : { ok: true, value: d };
    }
    case 'time':
      return typeof value === 'string' && /^\d{2}:\d{2}(:\d{2})?$/.test(value)
        ? { ok: true, value }
        : fail(field, 'format', 'expected a time HH:MM:SS');
    case 'enum':
      if (typeof value === 'string' && field.enumValues !== null && field.enumValues.includes(value)) return { ok: true, value };
      return fail(field, 'enum', `expected one of ${(field.enumValues ?? []).join(', ')}`);
    case 'json':
      return { ok: true, value: typeof value === 'string' ? value : JSON.stringify(value) };
    case 'binary':
      return fail(field, 'type', 'binary columns cannot be written through the API');
    default:
      return checkText(field, value);
  }
}
