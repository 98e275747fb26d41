/**
 * The Perfex relation catalogue: `resources/perfex/relations.csv`, one row per known relation of
 * Perfex 3.4.1 (NOTES.md §3–§4): `implicit` (by convention), `fk` (the 3 real constraints),
 * `polymorphic` (one row per `rel_type` value) and `conditional` (target chosen by a flag column).
 * Only 3 of Perfex's relations are declared in the database, so this file is the main authority.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export type PerfexRelationKind = 'implicit' | 'fk' | 'polymorphic' | 'conditional';

export interface PerfexRelation {
  /** Table names without the prefix (the CSV spells them with Perfex's default `tbl`). */
  readonly fromTable: string;
  readonly fromColumn: string;
  readonly toTable: string;
  readonly toColumn: string;
  readonly kind: PerfexRelationKind;
  readonly notes: string;
  /** The row's own condition: `when rel_type='invoice'` → { column: 'rel_type', value: 'invoice' }. */
  readonly when: { readonly column: string; readonly value: string } | null;
}

const CSV_PREFIX = 'tbl';
const KINDS: readonly string[] = ['implicit', 'fk', 'polymorphic', 'conditional'];
const RELATIVE_PATH = path.join('resources', 'perfex', 'relations.csv');

/**
 * Finds the CSV from this module upwards: the same code runs from `src-server/…` under tsx, from a
 * bundle in `out/main/`, and from a packaged app where Electron sets `process.resourcesPath`.
 */
export function findRelationsFile(): string {
  const candidates: string[] = [];
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    candidates.push(path.join(dir, RELATIVE_PATH));
    dir = path.dirname(dir);
  }
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath !== undefined)
    candidates.push(path.join(resourcesPath, 'perfex', 'relations.csv'), path.join(resourcesPath, RELATIVE_PATH));
  const found = candidates.find((file) => fs.existsSync(file));
  if (found === undefined)
    throw new Error(`the Perfex relation catalogue was not found; looked for ${candidates.join(', ')}`);
  return found;
}

function unprefixed(table: string): string {
  return table.startsWith(CSV_PREFIX) ? table.slice(CSV_PREFIX.length) : table;
}

/** Parses the CSV text (header `from_table,from_column,to_table,to_column,kind,notes`). */
export function parsePerfexRelations(csv: string): PerfexRelation[] {
  const records = parse(csv, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  return records.map((r, i) => {
    const kind = r.kind ?? '';
    if (!KINDS.includes(kind)) throw new Error(`relations.csv row ${i + 2}: unknown kind "${kind}"`);
    const notes = r.notes ?? '';
    // Only a leading condition is the row's own: "when rel_type='invoice'", "if `staff`=1, else …".
    const when = /^\s*(?:when|if)\s+`?(\w+)`?\s*=\s*[`']?([^`',;\s]*)[`']?/i.exec(notes);
    return {
      fromTable: unprefixed(r.from_table ?? ''),
      fromColumn: r.from_column ?? '',
      toTable: unprefixed(r.to_table ?? ''),
      toColumn: r.to_column ?? '',
      kind: kind as PerfexRelationKind,
      notes,
      when: when === null ? null : { column: when[1] ?? '', value: when[2] ?? '' },
    };
  });
}

/** Reads the catalogue (≈20 KB, read once per catalog build). */
export function loadPerfexRelations(file: string = findRelationsFile()): PerfexRelation[] {
  return parsePerfexRelations(fs.readFileSync(file, 'utf8'));
}
