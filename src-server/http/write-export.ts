/**
 * Writes a stream of records as CSV (RFC 4180, header line, CRLF) or NDJSON (one JSON object per
 * line), respecting backpressure: when the socket's buffer is full we wait for `drain` before
 * pulling the next row from the database cursor, so memory stays flat for any number of rows. A
 * client that goes away ends the cursor. Text cells starting with = + - @ (or a tab/CR) get a leading
 * `'` (OWASP CSV injection); numbers are written as they are.
 */
import type { Response } from 'express';
import type { StageTimer } from '../engine/stage-timer.ts';

export const EXPORT_TYPES = { csv: 'text/csv; charset=utf-8', ndjson: 'application/x-ndjson' } as const;

const FORMULA = /^[=+\-@\t\r]/;

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** Resolves when the socket can take more, or is gone; removes its listeners either way. */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Lines are gathered up to this size before a write, so a million rows are not a million writes. */
const CHUNK_BYTES = 64 * 1024;

export async function writeExport(
  res: Response,
  timer: StageTimer,
  format: 'csv' | 'ndjson',
  columns: readonly string[],
  rows: AsyncIterable<Record<string, unknown>>,
  filename: string,
): Promise<number> {
  const iterator = rows[Symbol.asyncIterator]();
  // The first row is awaited before the headers go out, so a failing query still answers with a problem.
  const first = await iterator.next();
  res.statusCode = 200;
  res.setHeader('Content-Type', EXPORT_TYPES[format]);
  res.setHeader('Content-Disposition', `attachment; filename="${filename}.${format === 'csv' ? 'csv' : 'ndjson'}"`);
  res.setHeader('Server-Timing', timer.header());
  let closed = false;
  res.once('close', () => (closed = true));
  let buffer = format === 'csv' ? csvLine(columns) : '';
  let count = 0;
  const line = (row: Record<string, unknown>): string =>
    format === 'csv' ? csvLine(columns.map((c) => row[c])) : `${JSON.stringify(row)}\n`;
  try {
    for (let step = first; !step.done; step = await iterator.next()) {
      if (closed) break;
      buffer += line(step.value);
      count++;
      if (buffer.length >= CHUNK_BYTES) {
        const ok = res.write(buffer);
        buffer = '';
        if (!ok && !closed) await drained(res);
      }
    }
  } catch (error) {
    // Headers are gone: the only honest signal left is a broken response.
    res.destroy(error as Error);
    throw error;
  } finally {
    if (closed) await iterator.return?.(undefined);
  }
  if (!closed) res.end(buffer);
  return count;
}
