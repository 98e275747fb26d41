/**
 * The catalog: what the API exposes, built once per schema load from the introspected `DbSchema`,
 * the whitelist config and the Perfex relation knowledge. Every identifier that ever reaches SQL
 * comes from here. Sensitive and hidden columns are not `fields` at all, so no later stage can
 * select, filter, sort or write them by mistake.
 */
import type { Dialect } from '../db/driver.ts';
import type { DataType, DbSchema } from '../introspect/db-schema.ts';

/** How a column's values are typed in JSON and validated in bodies. */
export type FieldType =
  | 'integer' // int family (JSON number; bigint beyond 2^53 as string)
  | 'decimal' // decimal(p,s): JSON number, validated against precision/scale
  | 'float'
  | 'string' // char/varchar/text
  | 'date' // YYYY-MM-DD
  | 'datetime' // ISO 8601 without zone (Perfex stores local app time)
  | 'time'
  | 'enum'
  | 'json'
  | 'binary';

export type Operation = 'read' | 'create' | 'update' | 'delete';

export interface Field {
  /** Column name; the API uses Perfex's column names unchanged. */
  readonly name: string;
  readonly type: FieldType;
  readonly dataType: DataType;
  /** Declared type, e.g. `decimal(15,2)`. */
  readonly columnType: string;
  readonly nullable: boolean;
  readonly defaultValue: string | null;
  readonly autoIncrement: boolean;
  readonly maxLength: number | null;
  readonly precision: number | null;
  readonly scale: number | null;
  readonly unsigned: boolean;
  readonly enumValues: readonly string[] | null;
  /** tinyint(1) flag columns (0/1). Served as numbers in REST (Perfex stores 0/1), Boolean in GraphQL. */
  readonly flag: boolean;
  /** Personal data (NOTES.md §8): randomised by the explorer's PII mode. */
  readonly pii: boolean;
  /** Part of the primary key. */
  readonly primaryKey: boolean;
  /** Accepted in create/update bodies (not AI, not PK, not read-only by config). */
  readonly writable: boolean;
  /** Must be given on create: NOT NULL, no default, not auto-increment, not auto-filled. */
  readonly requiredOnCreate: boolean;
  /** Known meanings of codes, e.g. invoice status 2 → "Paid". */
  readonly labels: Readonly<Record<string, string>> | null;
}

/** A column that exists in the table but is never exposed, and why (shown in the Studio). */
export interface HiddenColumn {
  readonly name: string;
  readonly reason: 'sensitive' | 'config';
  /** e.g. "password hash", "public access token (md5 hash)". */
  readonly detail: string;
  readonly nullable: boolean;
  readonly hasDefault: boolean;
  /**
   * How a create fills it when the database requires a value: Perfex's `hash`/`ticketkey`
   * columns get a random 32-hex token as Perfex itself does; otherwise null (create refused).
   */
  readonly fillOnCreate: 'random-hex' | null;
}

export type RelationSource = 'fk' | 'perfex' | 'heuristic' | 'config';

/** One way to reach the target of a polymorphic relation (`rel_type` = typeValue). */
export interface PolymorphicTarget {
  readonly typeValue: string;
  readonly resource: string;
  readonly remoteColumn: string;
}

export interface Relation {
  /** Unique among this resource's relations, e.g. `client`, `payments`, `sale_agent`, `rel`. */
  readonly name: string;
  readonly kind: 'to-one' | 'to-many';
  readonly source: RelationSource;
  /** Target resource name (for a polymorphic to-one: null, see `polymorphic`). */
  readonly target: string | null;
  /** Column on this resource (to-one: the referencing column; to-many: usually the key). */
  readonly localColumn: string;
  /** Column on the target resource. */
  readonly remoteColumn: string;
  /**
   * to-many from a polymorphic child (tblitemable rows of an invoice): the child's type column
   * must equal `value` (`rel_type = 'invoice'`).
   */
  readonly remoteTypeFilter: { readonly column: string; readonly value: string } | null;
  /** to-one polymorphic (`tasks.rel` by `rel_type`): one target per type value. */
  readonly polymorphic: { readonly typeColumn: string; readonly targets: readonly PolymorphicTarget[] } | null;
  /** Perfex stores "no relation" as 0: such keys join to nothing. */
  readonly zeroIsNull: boolean;
  readonly description: string;
}

export interface Resource {
  /** URL name: the table without the prefix (`tblinvoices` → `invoices`), or a configured name. */
  readonly name: string;
  readonly table: string;
  /** Primary key column names; empty for tables without a key (listed read-only). */
  readonly primaryKey: readonly string[];
  readonly fields: readonly Field[];
  readonly hidden: readonly HiddenColumn[];
  readonly relations: readonly Relation[];
  readonly operations: readonly Operation[];
  /** Creation timestamp column (NOTES.md §7), used by `since=` and filled on create. */
  readonly createdColumn: string | null;
  /** Last-modification column when the table has one (rare in Perfex). */
  readonly updatedColumn: string | null;
  readonly rowEstimate: number;
  readonly description: string;
}

/** A table that exists but is not exposed (shown in the Studio's whitelist editor). */
export interface UnexposedTable {
  readonly table: string;
  readonly reason: string;
  readonly rowEstimate: number;
}

export interface Catalog {
  /**
   * The introspected schema this catalog was built from, so the Studio's whitelist editor can show
   * every column of tables that are not exposed (and rebuild a catalog to check an edit) without
   * introspecting again. Always set by `buildCatalog`; absent in catalogs written by hand in tests.
   */
  readonly schema?: DbSchema;
  readonly dialect: Dialect;
  readonly database: string;
  readonly prefix: string;
  readonly resources: readonly Resource[];
  readonly unexposed: readonly UnexposedTable[];
  /** Lookup by resource name. */
  readonly byName: ReadonlyMap<string, Resource>;
  /**
   * Whitelist entries that did not apply (unknown table, column or relation, write operations on a
   * table without a key…), for the Studio and the CLI to show. Absent or empty when all applied.
   */
  readonly warnings?: readonly string[];
}
