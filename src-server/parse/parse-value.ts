/**
 * Turns a filter value typed by a caller (always text in a query string, any JSON value in `where`)
 * into a value of the column's type, or a 400 problem that says what was expected.
 */
import type { Field } from '../catalog/catalog.ts';
import type { SqlValue } from '../db/driver.ts';
import { Problem } from '../errors/problem.ts';

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// ISO 8601 date-time; fractions and zone designators are accepted and dropped because Perfex
// stores wall-clock times in the application's time zone without a zone (NOTES.md §7).
const DATETIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `YYYY-MM-DD` if `text` is a real calendar date, else null. */
export function normaliseDate(text: string): string | null {
  const m = DATE.exec(text);
  if (m === null) return null;
  return isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) ? text : null;
}

/** `YYYY-MM-DD HH:MM:SS` for an ISO date or date-time, else null. */
export function normaliseDateTime(text: string): string | null {
  const m = DATETIME.exec(text.trim());
  if (m === null) return null;
  const date = normaliseDate(m[1] ?? '');
  if (date === null) return null;
  const [hh, mm, ss] = [m[2] ?? '00', m[3] ?? '00', m[4] ?? '00'];
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return null;
  return `${date} ${hh}:${mm}:${ss}`;
}

function invalid(field: Field, raw: string, expected: string, where: string): Problem {
  return new Problem('PAS104', `${where}: \`${raw}\` is not ${expected} (\`${field.name}\` is ${field.columnType})`, {
    hint: `give ${expected} for \`${field.name}\``,
  });
}

/** Coerces query-string text to the field's type. `where` names the parameter for messages. */
export function parseTextValue(field: Field, raw: string, where: string): SqlValue {
  switch (field.type) {
    case 'integer': {
      if (field.flag && (raw === 'true' || raw === 'false')) return raw === 'true' ? 1 : 0;
      if (!INTEGER.test(raw)) throw invalid(field, raw, 'an integer', where);
      const n = Number(raw);
      return Number.isSafeInteger(n) ? n : raw;
    }
    case 'decimal':
    case 'float':
      if (!NUMBER.test(raw)) throw invalid(field, raw, 'a number', where);
      return Number(raw);
    case 'date': {
      const d = normaliseDate(raw);
      if (d === null) throw invalid(field, raw, 'a date (YYYY-MM-DD)', where);
      return d;
    }
    case 'datetime': {
      const d = normaliseDateTime(raw);
      if (d === null) throw invalid(field, raw, 'a date-time (YYYY-MM-DDTHH:MM:SS)', where);
      return d;
    }
    case 'time':
      if (!TIME.test(raw)) throw invalid(field, raw, 'a time (HH:MM:SS)', where);
      return raw.length === 5 ? `${raw}:00` : raw;
    case 'enum':
      if (field.enumValues !== null && !field.enumValues.includes(raw)) {
        throw invalid(field, raw, `one of ${field.enumValues.map((v) => `\`${v}\``).join(', ')}`, where);
      }
      return raw;
    default:
      return raw;
  }
}

/** Coerces a JSON value (from `where=`) to the field's type; numbers and booleans are accepted as such. */
export function parseJsonValue(field: Field, value: unknown, where: string): SqlValue {
  if (typeof value === 'string') return parseTextValue(field, value, where);
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (field.type === 'integer' && !Number.isInteger(value)) throw invalid(field, String(value), 'an integer', where);
    if (field.type === 'integer' || field.type === 'decimal' || field.type === 'float') return value;
    return parseTextValue(field, String(value), where);
  }
  if (typeof value === 'boolean' && field.type === 'integer') return value ? 1 : 0;
  throw new Problem('PAS104', `${where}: ${JSON.stringify(value)} is not a value for \`${field.name}\` (${field.columnType})`, {
    hint: 'filter values are strings, numbers or booleans',
  });
}
