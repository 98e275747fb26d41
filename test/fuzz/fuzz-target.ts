/**
 * What the hostile-input fuzz runs against: the real `serve` (store, security pipeline, REST,
 * GraphQL) over a demo database, with tokens of several kinds, a saved view, and what the oracle
 * needs from outside the API: the secret values of hidden columns read with plain SQL, sample ids,
 * and a fingerprint of every table the API may write (to prove a refused request changed nothing).
 */
import { createHash } from 'node:crypto';
import { buildSchema, type GraphQLSchema } from 'graphql';
import type { Catalog, Resource } from '../../src-server/catalog/catalog.ts';
import { connect } from '../../src-server/db/connect.ts';
import type { Driver, Row } from '../../src-server/db/driver.ts';
import { bearer, startSecureServer, type SecureServer } from '../support/secure-server.ts';

/** Who sends a request: tokens with different rights, and callers without a usable token. */
export const CALLERS = ['full', 'readOnly', 'noWriteScope', 'restOnly', 'missing', 'garbage'] as const;
export type Caller = (typeof CALLERS)[number];

/** A saved view the fuzz calls with hostile parameters. */
const VIEW = {
  name: 'fuzz_invoices',
  resource: 'invoices',
  query: {
    'filter[status]': ':status',
    'filter[duedate.lt]': ':before',
    sort: '-total',
    include: 'client',
    'fields[client]': 'company',
  },
  params: { status: { type: 'integer', default: 2 }, before: { type: 'date', default: '2026-06-30' } },
};

export interface FuzzTarget {
  readonly api: SecureServer;
  readonly url: string;
  readonly catalog: Catalog;
  /** The GraphQL schema the full token sees (from the served SDL). */
  readonly schema: GraphQLSchema;
  /** Authorization header pairs for each caller (none for `missing`). */
  readonly auth: Readonly<Record<Caller, readonly (readonly [string, string])[]>>;
  /** Primary keys that exist, per resource (as URL text). */
  readonly ids: ReadonlyMap<string, readonly string[]>;
  /** Values of hidden columns read straight from the database: none may appear in any answer. */
  readonly secrets: readonly string[];
  /**
   * Names of hidden columns that are no field of any resource: never a JSON key in an answer, and
   * never a value unless the request itself carried it.
   */
  readonly sensitiveNames: ReadonlySet<string>;
  readonly views: readonly string[];
  /** A digest of every table the API may write, read with plain SQL. */
  fingerprint(): Promise<string>;
  /** The hidden column values of one row (for rows created during the run). */
  hiddenValues(resource: Resource, key: string): Promise<string[]>;
  close(): Promise<void>;
}

/** Long, distinctive strings only: a short or date-like value may legitimately occur elsewhere. */
function isDistinctive(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 12 && !/^[\d\s:.T-]+$/.test(value);
}

function quote(driver: Driver, name: string): string {
  return driver.dialect === 'mysql' ? `\`${name}\`` : `"${name}"`;
}

async function readSecrets(driver: Driver, catalog: Catalog): Promise<string[]> {
  const secrets = new Set<string>();
  for (const resource of catalog.resources) {
    if (resource.hidden.length === 0) continue;
    const rows = await driver.query(`SELECT * FROM ${quote(driver, resource.table)} LIMIT 8`);
    for (const row of rows) {
      // Perfex derives some hidden values from exposed ones (a department's imap_username is its
      // email, a staff member's media_path_slug is in their LinkedIn URL): those reveal nothing.
      const exposed = resource.fields.map((f) => String(row[f.name]));
      for (const h of resource.hidden) {
        const value = row[h.name];
        if (isDistinctive(value) && !exposed.some((text) => text.includes(value))) secrets.add(value);
      }
    }
  }
  return [...secrets];
}

async function sampleIds(driver: Driver, catalog: Catalog): Promise<Map<string, string[]>> {
  const ids = new Map<string, string[]>();
  for (const resource of catalog.resources) {
    if (resource.primaryKey.length === 0) continue;
    const key = resource.primaryKey.map((k) => quote(driver, k)).join(', ');
    const rows = await driver.query(`SELECT ${key} FROM ${quote(driver, resource.table)} ORDER BY ${key} LIMIT 6`);
    ids.set(
      resource.name,
      rows.map((row) => resource.primaryKey.map((k) => String(row[k])).join(',')),
    );
  }
  return ids;
}

function digestRows(rows: readonly Row[]): string {
  return createHash('sha256')
    .update(JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)))
    .digest('hex');
}

/** Starts the server over `dbUrl` (a fresh demo database the fuzz may write to). */
export async function startFuzzTarget(dbUrl: string): Promise<FuzzTarget> {
  // Throttles raised so thousands of requests (and bad tokens) from one address measure nothing but the inputs.
  const api = await startSecureServer(dbUrl, {
    ipRequestsPerMinute: 100_000_000,
    ipAuthFailuresPerMinute: 100_000_000,
    statementTimeoutMs: 5000,
  });
  const driver = await connect(dbUrl);
  try {
    const catalog = api.serving.engine.catalog;
    const all = { read: '*', create: '*', update: '*', delete: '*' } as const;
    const extra = { rateLimit: 1_000_000 };
    const tokenOf = (grants: Parameters<SecureServer['token']>[0]) => api.token(grants, extra).token;
    const full = tokenOf({ ...all, scopes: ['rest', 'graphql', 'views', 'write'] });
    const auth: Record<Caller, (readonly [string, string])[]> = {
      full: Object.entries(bearer(full)),
      readOnly: Object.entries(bearer(tokenOf({ read: '*', scopes: ['rest', 'graphql', 'views', 'write'] }))),
      noWriteScope: Object.entries(bearer(tokenOf({ ...all, scopes: ['rest', 'graphql', 'views'] }))),
      restOnly: Object.entries(
        bearer(tokenOf({ read: ['leads', 'invoices'], create: ['leads'], scopes: ['rest', 'write'] })),
      ),
      missing: [],
      garbage: [['authorization', `Bearer pas_${'0'.repeat(43)}`]],
    };
    const saved = await api.admin('POST', '/admin/api/views', VIEW);
    if (saved.status !== 201) throw new Error(`saving the fuzz view failed: ${saved.status} ${saved.text}`);
    const sdl = await api.request('GET', '/api/v1/graphql/schema.graphql', undefined, bearer(full));
    if (sdl.status !== 200) throw new Error(`reading the SDL failed: ${sdl.status} ${sdl.text}`);

    const fieldNames = new Set(
      catalog.resources.flatMap((r) => [...r.fields.map((f) => f.name), ...r.relations.map((x) => x.name)]),
    );
    const sensitiveNames = new Set(
      catalog.resources.flatMap((r) => r.hidden.map((h) => h.name)).filter((name) => !fieldNames.has(name)),
    );
    const writable = catalog.resources.filter((r) => r.operations.some((op) => op !== 'read'));
    const counts = catalog.resources
      .map((r) => `SELECT '${r.table}' AS t, COUNT(*) AS n FROM ${quote(driver, r.table)}`)
      .join(' UNION ALL ');

    return {
      api,
      url: api.url,
      catalog,
      schema: buildSchema(sdl.text),
      auth,
      ids: await sampleIds(driver, catalog),
      secrets: await readSecrets(driver, catalog),
      sensitiveNames,
      views: [VIEW.name, 'no_such_view'],
      async fingerprint() {
        const parts = [digestRows(await driver.query(counts))];
        for (const r of writable) {
          const order = (r.primaryKey.length > 0 ? r.primaryKey : r.fields.map((f) => f.name)).map((c) =>
            quote(driver, c),
          );
          parts.push(
            digestRows(await driver.query(`SELECT * FROM ${quote(driver, r.table)} ORDER BY ${order.join(', ')}`)),
          );
        }
        return parts.join(':');
      },
      async hiddenValues(resource, key) {
        if (resource.hidden.length === 0 || resource.primaryKey.length !== 1) return [];
        const columns = resource.hidden.map((h) => quote(driver, h.name)).join(', ');
        const rows = await driver.query(
          `SELECT ${columns} FROM ${quote(driver, resource.table)} WHERE ${quote(driver, resource.primaryKey[0] ?? '')} = ?`,
          [key],
        );
        return rows.flatMap((row) => Object.values(row).filter(isDistinctive));
      },
      async close() {
        await driver.close();
        await api.close();
      },
    };
  } catch (error) {
    await driver.close();
    await api.close();
    throw error;
  }
}
