/**
 * The demo database's table definitions: real Perfex 3.4.1 tables, extracted from the installer
 * SQL by `scripts/extract-demo-schema.ts` into `resources/demo/schema.json`.
 */
import rawSchema from '../../resources/demo/schema.json' with { type: 'json' };

/** One column, as Perfex declares it. */
export interface DemoColumn {
  readonly name: string;
  /** The type exactly as MySQL declares it: `int`, `varchar(191)`, `decimal(15,2)`, `enum('a','b')`. */
  readonly type: string;
  readonly nullable: boolean;
  /** The DEFAULT literal as a string (`'0'`, `'0.00'`, `''`), or null when there is none / DEFAULT NULL. */
  readonly default: string | null;
  readonly autoIncrement: boolean;
}

/** A secondary index (KEY / UNIQUE KEY). */
export interface DemoIndex {
  readonly name: string;
  readonly columns: readonly string[];
  readonly unique: boolean;
}

/** One Perfex table. */
export interface DemoTable {
  readonly name: string;
  readonly columns: readonly DemoColumn[];
  readonly primaryKey: readonly string[];
  readonly indexes: readonly DemoIndex[];
}

/** The demo tables, in creation order. */
export interface DemoSchema {
  readonly tables: readonly DemoTable[];
}

function assertSchema(value: unknown): asserts value is DemoSchema {
  const tables = (value as { tables?: unknown }).tables;
  if (!Array.isArray(tables) || tables.length === 0) {
    throw new Error('resources/demo/schema.json holds no tables: run scripts/extract-demo-schema.ts');
  }
}

const schema: unknown = rawSchema;
assertSchema(schema);
const byName = new Map(schema.tables.map((t) => [t.name, t]));

/** The demo schema (every demo table, in creation order). */
export const demoSchema: DemoSchema = schema;

/** One demo table by its Perfex name; throws on a name the demo does not define. */
export function demoTable(name: string): DemoTable {
  const table = byName.get(name);
  if (table === undefined) throw new Error(`the demo schema has no table ${name}`);
  return table;
}
