/**
 * serialize: one aggregate group → `{ <key>: value…, <measure>: value… }`, keys named as given in
 * group_by (`sale_agent`, `client.country`, `date:month`) and measures as `count`, `sum_total`….
 * Both dialects answer alike: a decimal sum is rounded to the column's scale (SQLite adds doubles),
 * an average to scale + 4 decimals (MySQL's div_precision_increment), counts are integers.
 */
import type { Field } from '../catalog/catalog.ts';
import type { Row } from '../db/driver.ts';
import { measureName } from '../parse/parse-aggregate-query.ts';
import type { AggregateRequest, GroupKey, Measure } from '../parse/rows-request.ts';
import type { PiiRandomiser } from '../pii/pii-randomiser.ts';
import { groupKeysOf } from '../plan/plan-aggregate.ts';
import { serializeValue } from './serialize-row.ts';

/** The name of a group key in answers, sort and views: `status`, `client.country`, `date:month`. */
export function groupKeyName(key: GroupKey): string {
  const name = [...key.column.path.map((r) => r.name), key.column.field.name].join('.');
  return key.bucket === null ? name : `${name}:${key.bucket}`;
}

function number(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function round(value: number | null, decimals: number): number | null {
  return value === null ? null : Number(value.toFixed(Math.min(decimals, 20)));
}

function scaleOf(field: Field): number {
  return field.type === 'decimal' ? (field.scale ?? 0) : field.type === 'integer' ? 0 : 10;
}

function measureValue(measure: Measure, value: unknown, pii: PiiRandomiser | undefined): unknown {
  if (measure.field === null || measure.fn === 'count' || measure.fn === 'count_distinct') return number(value) ?? 0;
  if (measure.fn === 'sum')
    return measure.field.type === 'float' ? number(value) : round(number(value), scaleOf(measure.field));
  if (measure.fn === 'avg')
    return measure.field.type === 'float' ? number(value) : round(number(value), scaleOf(measure.field) + 4);
  // min/max of a text column is one of its values, so it is personal data like the column.
  return serializeValue(measure.field, value, pii);
}

/** A result row (`g…` keys, `m…` measures) as a group object; `pii` fakes personal group keys. */
export function serializeGroup(request: AggregateRequest, row: Row, pii?: PiiRandomiser): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  groupKeysOf(request).forEach((key, i) => {
    const value = row[`g${i}`];
    out[groupKeyName(key)] =
      key.bucket === null
        ? serializeValue(key.column.field, value, pii)
        : value === null || value === undefined
          ? null
          : String(value);
  });
  request.measures.forEach((measure, i) => {
    out[measureName(measure)] = measureValue(measure, row[`m${i}`], pii);
  });
  return out;
}
