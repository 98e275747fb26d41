/**
 * Calendar buckets of a date or date-time column, as text that sorts in time order and reads the
 * same on both dialects: day `2026-06-30`, ISO week `2026-W27`, month `2026-06`, quarter `2026-Q2`,
 * year `2026`. MySQL's `%x-W%v` is the ISO 8601 week-year and week (Monday first, MySQL 8.4 ref.
 * DATE_FORMAT); SQLite's `%G-W%V` the same (strftime, SQLite ≥ 3.46). MySQL zero dates are NULL first,
 * because the API serves them as null. The format strings are constants of this file, never input.
 */
import type { DateBucket } from '../parse/rows-request.ts';
import type { WhereContext } from './compile-where.ts';

const MYSQL_FORMAT: Readonly<Record<Exclude<DateBucket, 'quarter'>, string>> = {
  day: '%Y-%m-%d',
  week: '%x-W%v',
  month: '%Y-%m',
  year: '%Y',
};
const SQLITE_FORMAT: Readonly<Record<Exclude<DateBucket, 'quarter'>, string>> = {
  day: '%Y-%m-%d',
  week: '%G-W%V',
  month: '%Y-%m',
  year: '%Y',
};

/** Writes the bucket of the value written by `value` (called once per use of the value). */
export function compileDateBucket(
  ctx: WhereContext,
  bucket: DateBucket,
  value: () => void,
  zeroDate: 'date' | 'datetime' | null,
): void {
  const { sql } = ctx;
  const date = (): void => {
    if (zeroDate === null) {
      value();
      return;
    }
    sql.text('NULLIF(');
    value();
    sql
      .text(', ')
      .param(zeroDate === 'date' ? '0000-00-00' : '0000-00-00 00:00:00')
      .text(')');
  };
  if (ctx.dialect.name === 'mysql') {
    if (bucket === 'quarter') {
      sql.text('CONCAT(YEAR(');
      date();
      sql.text("), '-Q', QUARTER(");
      date();
      sql.text('))');
    } else {
      sql.text('DATE_FORMAT(');
      date();
      sql.text(`, '${MYSQL_FORMAT[bucket]}')`);
    }
    return;
  }
  if (bucket === 'quarter') {
    sql.text("strftime('%Y', ");
    date();
    sql.text(") || '-Q' || ((CAST(strftime('%m', ");
    date();
    sql.text(') AS INTEGER) + 2) / 3)');
  } else {
    sql.text(`strftime('${SQLITE_FORMAT[bucket]}', `);
    date();
    sql.text(')');
  }
}
