/**
 * Whether a column must never be exposed, and why: the Perfex list (NOTES.md §6) for the tables it
 * knows, then the name patterns for every table. Applied whatever `useKnowledge` says: hiding a
 * secret is never optional.
 */
import { PERFEX_SENSITIVE_COLUMNS } from './perfex-knowledge/perfex-sensitive-columns.ts';
import { matchSensitiveName, type SensitiveKind } from './sensitive-name-patterns.ts';

export interface SensitiveMatch {
  readonly detail: string;
  /** Perfex itself fills it with a random token on create (a public access hash or key). */
  readonly randomToken: boolean;
  readonly source: 'perfex' | 'pattern';
}

/** Kinds whose values are random tokens an application generates (never a password the user chose). */
const GENERATED_KINDS: ReadonlySet<SensitiveKind> = new Set(['token', 'key']);

/** `table` without its prefix (`invoices`, not `tblinvoices`). */
export function findSensitiveColumn(table: string, column: string): SensitiveMatch | null {
  // Own properties only: a table called `constructor` must not find Object.prototype.
  const columns = Object.hasOwn(PERFEX_SENSITIVE_COLUMNS, table) ? PERFEX_SENSITIVE_COLUMNS[table] : undefined;
  const known = columns !== undefined && Object.hasOwn(columns, column) ? columns[column] : undefined;
  if (known !== undefined) return { detail: known.detail, randomToken: known.randomToken === true, source: 'perfex' };
  const match = matchSensitiveName(column, table);
  if (match === null) return null;
  return { detail: match.detail, randomToken: GENERATED_KINDS.has(match.kind), source: 'pattern' };
}
