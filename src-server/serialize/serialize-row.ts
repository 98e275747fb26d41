/**
 * serialize: database values → typed JSON. Decimals and integers become JSON numbers, dates
 * `YYYY-MM-DD`, date-times ISO 8601 (`YYYY-MM-DDTHH:MM:SS`, no zone: Perfex stores local wall-clock
 * time), and MySQL zero dates ('0000-00-00') become null, on both dialects alike.
 */
import type { Field } from '../catalog/catalog.ts';
import type { Row } from '../db/driver.ts';
import type { PiiRandomiser } from '../pii/pii-randomiser.ts';

function isZeroDate(text: string): boolean {
  return text.startsWith('0000-00-00');
}

function toNumber(value: unknown): number | string | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'string') {
    if (value.trim() === '') return null;
    const n = Number(value);
    // Integers beyond 2^53 stay strings so no digit is lost.
    return Number.isFinite(n) && (Number.isSafeInteger(n) || !/^-?\d+$/.test(value)) ? n : value;
  }
  return value === null || value === undefined ? null : Number(value);
}

function toText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return String(value);
}

/**
 * One value of `field`, typed for JSON; with `pii` (sandbox tokens, the explorer's PII mode),
 * personal text is replaced by its fake here, the one place every output value passes.
 */
export function serializeValue(field: Field, value: unknown, pii?: PiiRandomiser): unknown {
  const typed = typedValue(field, value);
  return pii === undefined || !field.pii ? typed : pii.value(field, typed);
}

function typedValue(field: Field, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'integer':
    case 'decimal':
    case 'float':
      return toNumber(value);
    case 'date': {
      const text = toText(value) ?? '';
      return text === '' || isZeroDate(text) ? null : text.slice(0, 10);
    }
    case 'datetime': {
      const text = toText(value) ?? '';
      if (text === '' || isZeroDate(text)) return null;
      // 'YYYY-MM-DD HH:MM:SS' → 'YYYY-MM-DDTHH:MM:SS'; a date-only value gets midnight.
      return text.length <= 10 ? `${text}T00:00:00` : `${text.slice(0, 10)}T${text.slice(11, 19)}`;
    }
    case 'binary':
      return Buffer.isBuffer(value) ? value.toString('base64') : toText(value);
    default:
      return toText(value);
  }
}

/** A row with exactly `fields`, in their order. */
export function serializeRow(fields: readonly Field[], row: Row, pii?: PiiRandomiser): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) out[field.name] = serializeValue(field, row[field.name], pii);
  return out;
}
