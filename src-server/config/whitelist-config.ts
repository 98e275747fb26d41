/**
 * The whitelist: which tables the API exposes, under which names, with which operations, and which
 * columns and relations to hide, protect or add. Validated once at the edge (CLI, Studio) and
 * passed down frozen; `buildCatalog` applies it.
 *
 * ```json
 * { "prefix": "tbl", "expose": "core",
 *   "tables": { "tblinvoices": { "expose": true, "name": "invoices", "operations": ["read", "create"],
 *                                "hiddenColumns": ["adminnote"], "readOnlyColumns": ["number"],
 *                                "piiColumns": ["clientnote"], "notPiiColumns": ["billing_city"] } },
 *   "relations": { "add": [{ "table": "tblx", "column": "y", "targetTable": "tblz", "targetColumn": "id" }],
 *                  "remove": [{ "table": "tblinvoices", "name": "sale_agent" }] } }
 * ```
 */
import fs from 'node:fs';
import { closest } from 'fastest-levenshtein';
import { z } from 'zod';
import { deepFreeze } from '../introspect/deep-freeze.ts';

const identifier = z.string().min(1).max(64);
// Resource names appear in URLs and GraphQL type names.
const resourceName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'use letters, digits and _ only, not starting with a digit');
const operation = z.enum(['read', 'create', 'update', 'delete']);

export const tableSettingsSchema = z.strictObject({
  /** true: expose even when `expose` is 'none' or the table holds only secrets; false: never expose. */
  expose: z.boolean().optional(),
  name: resourceName.optional(),
  operations: z.array(operation).optional(),
  hiddenColumns: z.array(identifier).optional(),
  readOnlyColumns: z.array(identifier).optional(),
  /** Personal data the name patterns miss: randomised by the explorer's PII mode and sandbox tokens. */
  piiColumns: z.array(identifier).optional(),
  /** Columns the name patterns flag as personal data wrongly (a company-wide phone line); wins over detection only. */
  notPiiColumns: z.array(identifier).optional(),
});

export const relationAddSchema = z.strictObject({
  table: identifier,
  column: identifier,
  targetTable: identifier,
  /** Default: the target table's single-column primary key. */
  targetColumn: identifier.optional(),
  /** Default: derived from the column, as for discovered relations. */
  name: resourceName.optional(),
});

export const relationRemoveSchema = z.strictObject({ table: identifier, name: identifier });

export const whitelistConfigSchema = z.strictObject({
  /** Table prefix stripped from resource names; absent = detected (`tbl` for Perfex). */
  prefix: z.string().max(32).optional(),
  /** Tables without an entry: 'core' = Perfex's core business tables, 'all', or 'none'. */
  expose: z.enum(['core', 'all', 'none']).default('core'),
  tables: z.record(identifier, tableSettingsSchema).default({}),
  relations: z
    .strictObject({
      add: z.array(relationAddSchema).default([]),
      remove: z.array(relationRemoveSchema).default([]),
    })
    .prefault({}),
});

/** A whitelist as written (every member optional); what `buildCatalog` accepts. */
export type WhitelistConfig = z.input<typeof whitelistConfigSchema>;
/** A whitelist with its defaults applied. */
export type ResolvedWhitelistConfig = z.output<typeof whitelistConfigSchema>;
export type TableSettings = z.output<typeof tableSettingsSchema>;
export type RelationAdd = z.output<typeof relationAddSchema>;
export type RelationRemove = z.output<typeof relationRemoveSchema>;

/** The entry of `table` (full name), if the whitelist has one. */
export function tableSettingsOf(config: ResolvedWhitelistConfig, table: string): TableSettings | undefined {
  // Own keys only: a table called `constructor` must not find Object.prototype.
  return Object.hasOwn(config.tables, table) ? config.tables[table] : undefined;
}

export class WhitelistConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WhitelistConfigError';
  }
}

/** Known keys per object in the file, for "did you mean" on a misspelt key. */
function knownKeys(path: readonly PropertyKey[]): readonly string[] {
  if (path.length === 0) return Object.keys(whitelistConfigSchema.shape);
  if (path[0] === 'tables' && path.length === 2) return Object.keys(tableSettingsSchema.shape);
  if (path[0] === 'relations' && path.length === 1) return ['add', 'remove'];
  if (path[0] === 'relations' && path[1] === 'add') return Object.keys(relationAddSchema.shape);
  if (path[0] === 'relations' && path[1] === 'remove') return Object.keys(relationRemoveSchema.shape);
  return [];
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length === 0 ? '(top level)' : issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const keys = knownKeys(issue.path);
    const hints = issue.keys.map((k) =>
      keys.length > 0 ? `"${k}" (did you mean "${closest(k, [...keys])}"?)` : `"${k}"`,
    );
    return `${where}: unknown key ${hints.join(', ')}`;
  }
  return `${where}: ${issue.message}`;
}

/** Validates a whitelist object (from a file or the Studio); `source` names it in errors. */
export function parseWhitelistConfig(value: unknown, source = 'whitelist'): ResolvedWhitelistConfig {
  const result = whitelistConfigSchema.safeParse(value);
  if (!result.success) {
    throw new WhitelistConfigError(
      `invalid whitelist ${source}:\n${result.error.issues.map((i) => `  - ${describeIssue(i)}`).join('\n')}`,
    );
  }
  return deepFreeze(result.data);
}

/** Reads and validates a JSON whitelist file; without a file, the default whitelist (core tables, read-only). */
export function loadWhitelistConfig(file?: string): ResolvedWhitelistConfig {
  if (file === undefined) return parseWhitelistConfig({}, '(default)');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new WhitelistConfigError(`cannot read whitelist file ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new WhitelistConfigError(`whitelist file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  return parseWhitelistConfig(json, `file ${file}`);
}
