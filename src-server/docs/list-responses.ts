/**
 * The answers lists, groups and saved views share: the page envelope (`data`, `meta`, `links`) and
 * the export media types `write-export.ts` writes (CSV: header line, CRLF, RFC 4180 quoting; NDJSON:
 * one JSON object per line), with examples made from the example row.
 */
import type { ExampleRow } from './example-rows.ts';
import type { JsonSchema } from './field-schema.ts';

/** What a page of rows or groups looks like; `items` is the row (or group) schema. */
export function pageSchema(items: JsonSchema): JsonSchema {
  return {
    type: 'object',
    required: ['data', 'meta', 'links'],
    properties: {
      data: { type: 'array', items },
      meta: { $ref: '#/components/schemas/ListMeta' },
      links: { $ref: '#/components/schemas/ListLinks' },
    },
  };
}

/** CSV as `write-export.ts` writes it: a header line, CRLF, RFC 4180 quoting. */
function csvExample(row: ExampleRow): string {
  const names = Object.keys(row).slice(0, 4);
  const cell = (value: unknown): string => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `${names.join(',')}\r\n${names.map((n) => cell(row[n])).join(',')}\r\n`;
}

/** The export media types of lists, groups and views (`format=` or `Accept`). */
export function exportContent(row: ExampleRow): JsonSchema {
  const sample = Object.fromEntries(Object.entries(row).slice(0, 4));
  return {
    'text/csv': {
      schema: { type: 'string', description: 'A header line, then one line per row or group (CRLF).' },
      example: csvExample(sample),
    },
    'application/x-ndjson': {
      schema: { type: 'string', description: 'One JSON object per line: rows (or groups) as in `data`.' },
      example: `${JSON.stringify(sample)}\n`,
    },
  };
}

export const EXPORT_NOTE =
  'format=csv|ndjson (or `Accept: text/csv` / `application/x-ndjson`) answers an attachment (`Content-Disposition`) streamed from the database cursor.';
