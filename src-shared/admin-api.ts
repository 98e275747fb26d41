/**
 * The admin API's contract: the JSON shapes of `/admin/api/*` that the server's admin routers answer
 * and the Studio (src-renderer) reads. Types only (no runtime code), so both sides import it without
 * pulling server modules into the browser bundle; shapes the server's store already defines (tokens,
 * audit entries, rights) are re-exported from it as types, so the two cannot drift. Every answer is
 * `{ data: … }` (plus `links` when paged); every refusal is an RFC 9457 problem (`ProblemBody`).
 */

import type { Operation } from '../src-server/catalog/catalog.ts';
import type { Scope } from '../src-server/engine/access.ts';
import type { TokenRecord } from '../src-server/store/tokens-repo.ts';

/** RFC 9457 problem details as the server writes them (`application/problem+json`). */
export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly code: string;
  readonly hint?: string;
  readonly errors?: readonly { readonly field: string; readonly code: string; readonly message: string }[];
}

export interface Envelope<T> {
  readonly data: T;
}

export type { Operation } from '../src-server/catalog/catalog.ts';
export type { Grants, Scope } from '../src-server/engine/access.ts';
export type { TokenRecord } from '../src-server/store/tokens-repo.ts';
export type { AuditRecord as AuditEntry } from '../src-server/store/audit-repo.ts';

// ---------------------------------------------------------------------------------------------
// Server panel — GET /admin/api/server, PUT /admin/api/server/lan { enabled }
// ---------------------------------------------------------------------------------------------

export interface ServerInfo {
  readonly version: string;
  /** `http://127.0.0.1:PORT` */
  readonly baseUrl: string;
  /** `${baseUrl}/api/v1` */
  readonly apiUrl: string;
  readonly docsUrl: string;
  readonly port: number;
  readonly lan: {
    readonly enabled: boolean;
    /** `http://192.168.1.20:PORT` per LAN address (empty when disabled). */
    readonly urls: readonly string[];
  };
  /** The database the API serves now. */
  readonly connection: ActiveConnection;
  /** A demo token issued for this launch (shown in the Studio so the demo works at once), or null. */
  readonly demoToken: string | null;
}

// ---------------------------------------------------------------------------------------------
// Connections — /admin/api/connections
//   GET  /                 → ConnectionInfo[] (the demo first, always present, id 'demo')
//   POST /                 ConnectionInput → ConnectionInfo (201)
//   PATCH /:id             Partial<ConnectionInput> (password absent = keep) → ConnectionInfo
//   DELETE /:id            → 204 (the active one or 'demo' → 409 problem)
//   POST /test             ConnectionInput | { id } → ConnectionTest (refusals as problems with hints)
//   POST /:id/activate     → 202 Job (introspection with progress; the engine switches when done)
// Jobs — GET /admin/api/jobs/:id → Job
// ---------------------------------------------------------------------------------------------

export interface ConnectionInput {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  /** Write-only: never returned. */
  readonly password?: string;
  readonly database: string;
  /** Empty/absent = detect (`tbl` for Perfex). */
  readonly prefix?: string;
  readonly tls: boolean;
}

export interface ConnectionInfo {
  readonly id: string;
  readonly name: string;
  readonly builtIn: boolean;
  readonly dialect: 'mysql' | 'sqlite';
  readonly host: string | null;
  readonly port: number | null;
  readonly user: string | null;
  readonly database: string;
  readonly prefix: string | null;
  readonly tls: boolean;
  readonly hasPassword: boolean;
  readonly active: boolean;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
}

export interface ConnectionTest {
  readonly ok: true;
  readonly serverVersion: string;
  readonly tables: number;
  /** The detected table prefix (`tbl`), or '' when none. */
  readonly detectedPrefix: string;
  readonly looksLikePerfex: boolean;
  readonly durationMs: number;
}

export interface ActiveConnection {
  readonly id: string;
  readonly name: string;
  readonly dialect: 'mysql' | 'sqlite';
  readonly database: string;
  readonly resources: number;
  /** Set when the launch could not open the stored active connection and serves the demo instead. */
  readonly notice?: string;
}

export interface JobStep {
  readonly name: string;
  readonly state: 'pending' | 'running' | 'done' | 'failed';
  readonly detail?: string;
}

export interface Job {
  readonly id: string;
  readonly kind: string;
  readonly state: 'running' | 'done' | 'failed';
  readonly steps: readonly JobStep[];
  /** 0…1 */
  readonly progress: number;
  readonly error?: ProblemBody;
  readonly result?: unknown;
  readonly startedAt: string;
  readonly finishedAt?: string;
}

// ---------------------------------------------------------------------------------------------
// Whitelist editor — /admin/api/whitelist
//   GET  /tables                  → WhitelistTable[] (every table of the database)
//   GET  /tables/:table           → WhitelistTableDetail
//   PUT  /tables/:table           TableSettingsInput → WhitelistTableDetail (applied to the running API at once)
//   DELETE /tables/:table         → back to defaults
//   GET  /relations               → RelationInfo[] ; POST /relations RelationAddInput ; DELETE /relations { table, name }
//   GET  /                        → WhitelistOverview ; PUT / { expose: 'core'|'all'|'none', prefix? } → WhitelistOverview
//   GET  /export → whitelist file JSON ; POST /import (whitelist file JSON)
// Each change answers with `warnings` from the rebuilt catalog.
// ---------------------------------------------------------------------------------------------

export interface WhitelistTable {
  readonly table: string;
  readonly exposed: boolean;
  /** Resource name when exposed (or the name it would get). */
  readonly resource: string;
  readonly rowEstimate: number;
  readonly operations: readonly Operation[];
  /** Why it is not exposed, or why it is read-only (no primary key). */
  readonly reason: string | null;
  /** The table has its own whitelist entry (otherwise defaults apply). */
  readonly customised: boolean;
  readonly columns: number;
  /** A usable primary key: without one (views, keyless tables, a hidden key) the resource is read-only. */
  readonly hasKey: boolean;
}

export type ColumnState = 'visible' | 'read-only' | 'hidden' | 'sensitive';

export interface WhitelistColumn {
  readonly name: string;
  readonly columnType: string;
  readonly nullable: boolean;
  readonly primaryKey: boolean;
  readonly state: ColumnState;
  readonly pii: boolean;
  /** For `sensitive` (locked hidden): why, e.g. "password hash". */
  readonly lockedReason: string | null;
}

export interface RelationInfo {
  readonly table: string;
  readonly name: string;
  readonly kind: 'to-one' | 'to-many';
  readonly target: string | null;
  readonly localColumn: string;
  readonly remoteColumn: string;
  readonly source: 'fk' | 'perfex' | 'heuristic' | 'config';
  readonly description: string;
}

export interface WhitelistTableDetail extends WhitelistTable {
  readonly columnsDetail: readonly WhitelistColumn[];
  readonly relations: readonly RelationInfo[];
  readonly warnings: readonly string[];
  /** The table's stored entry (null = defaults); PUT replaces it, so the Studio sends it back with its change. */
  readonly settings: TableSettingsInput | null;
}

/** GET/PUT /admin/api/whitelist: the top level of the whitelist. */
export interface WhitelistOverview {
  readonly expose: 'core' | 'all' | 'none';
  /** The stored prefix, or null when detected. */
  readonly prefix: string | null;
  /** The prefix in use (detected or stored). */
  readonly effectivePrefix: string;
  readonly warnings: readonly string[];
}

export interface TableSettingsInput {
  readonly expose?: boolean;
  readonly name?: string;
  readonly operations?: readonly Operation[];
  readonly hiddenColumns?: readonly string[];
  readonly readOnlyColumns?: readonly string[];
  readonly piiColumns?: readonly string[];
  readonly notPiiColumns?: readonly string[];
}

export interface RelationAddInput {
  readonly table: string;
  readonly column: string;
  readonly targetTable: string;
  readonly targetColumn?: string;
  readonly name?: string;
}

// ---------------------------------------------------------------------------------------------
// Tokens — /admin/api/tokens (exists): GET list, POST create (→ { data, token, hmacSecret }),
// PATCH /:id, DELETE /:id (revoke), POST /:id/test → AuthTestResult (runs /api/v1/auth/test as it)
// ---------------------------------------------------------------------------------------------

export interface TokenInput {
  readonly name: string;
  readonly scopes?: readonly Scope[];
  readonly read?: '*' | readonly string[];
  readonly create?: '*' | readonly string[];
  readonly update?: '*' | readonly string[];
  readonly delete?: '*' | readonly string[];
  readonly expiresAt?: string | null;
  readonly origins?: readonly string[];
  readonly ipAllow?: readonly string[];
  readonly rateLimit?: number;
  readonly hmac?: boolean;
  readonly sandbox?: boolean;
}

export interface CreatedToken {
  readonly data: TokenRecord;
  /** Shown once. */
  readonly token: string;
  readonly hmacSecret: string | null;
}

// ---------------------------------------------------------------------------------------------
// Logs — GET /admin/api/logs?from&to&token&status&status_class&method&path&limit&before (exists),
// plus `after=<id>` for the live tail (entries newer than id, oldest first).
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Explorer — /admin/api/explorer
//   GET  /endpoints           → ExplorerEndpoints (grouped by resource; REST and GraphQL)
//   GET  /graphql-schema      → text/plain SDL of the full (whitelist) schema
//   POST /send                ExplorerRequest → ExplorerResponse (sent through the real HTTP API)
//   POST /samples             ExplorerRequest → CodeSamples (same generator as /api_docs)
//   GET  /history?limit       → SavedRequest[] (newest first) ; DELETE /history
//   GET  /saved               → SavedRequest[] ; POST /saved { name, request } ; PUT /saved/:id ; DELETE /saved/:id
//   GET  /pii                 → { enabled } ; PUT /pii { enabled } (remembered in the store; default on)
// The send's loopback channel into the data API (server side only; agreed between the explorer and PII work):
//   request  `X-PAS-Explorer: <launch secret>` (loopback peers only) → traced, the Studio's rights without a token;
//   request  `X-PAS-PII: randomise` (only with a valid X-PAS-Explorer) → RequestContext.piiRequested = true;
//   response `X-PAS-PII: randomised` when the answer's personal data is randomised → ExplorerResponse.piiRandomised.
// ---------------------------------------------------------------------------------------------

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ExplorerRequest {
  readonly method: HttpMethod;
  /** Path under the base URL with its query string: `/api/v1/invoices?filter[status]=2`. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Raw body text (JSON or a GraphQL request's JSON). */
  readonly body?: string | null;
  /** `studio`: the Studio's own credential (everything the whitelist allows); `token`: a pasted API token. */
  readonly auth: { readonly kind: 'studio' } | { readonly kind: 'token'; readonly token: string };
  /** Randomise PII in the response (the explorer toggle). */
  readonly pii: boolean;
}

export interface ExplorerStatement {
  readonly sql: string;
  readonly params: readonly unknown[];
  readonly durationMs: number;
}

export interface ExplorerResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Response body as text (pretty JSON is the Studio's job). */
  readonly body: string;
  readonly sizeBytes: number;
  /** The answer was longer than 5 MB: `body` holds its first 5 MB only. */
  readonly truncated?: boolean;
  readonly durationMs: number;
  readonly requestId: string;
  /** The SQL the request ran, in order. */
  readonly statements: readonly ExplorerStatement[];
  /** Per-stage timings (the Server-Timing entries): parse, plan, compile, execute, serialize… */
  readonly timings: readonly { readonly name: string; readonly durationMs: number }[];
  readonly piiRandomised: boolean;
}

export interface EndpointInfo {
  readonly method: HttpMethod;
  /** `/api/v1/invoices/{id}` */
  readonly path: string;
  readonly summary: string;
  readonly operationId: string;
}

export interface ResourceEndpoints {
  readonly resource: string;
  readonly table: string;
  readonly operations: readonly Operation[];
  readonly fields: readonly { readonly name: string; readonly type: string; readonly pii: boolean; readonly writable: boolean }[];
  readonly relations: readonly { readonly name: string; readonly kind: 'to-one' | 'to-many'; readonly target: string | null }[];
  readonly endpoints: readonly EndpointInfo[];
}

export interface ExplorerEndpoints {
  readonly baseUrl: string;
  readonly resources: readonly ResourceEndpoints[];
  /** Filter operator suffixes (`eq`, `gte`, `like`, `in`, `is_null`…) with a one-line description. */
  readonly operators: readonly { readonly name: string; readonly description: string }[];
  /** Other list parameters (`fields`, `sort`, `page`, `per_page`, `include`, `aggregate`…). */
  readonly parameters: readonly { readonly name: string; readonly description: string }[];
  readonly graphql: { readonly path: string; readonly enabled: boolean };
}

export interface CodeSamples {
  readonly curl: string;
  readonly javascript: string;
  readonly php: string;
  readonly python: string;
}

export interface SavedRequest {
  readonly id: string;
  readonly name: string | null;
  readonly request: Omit<ExplorerRequest, 'auth'> & { readonly auth: { readonly kind: 'studio' } | { readonly kind: 'token' } };
  /** Status of the last send (history only). */
  readonly status: number | null;
  readonly durationMs: number | null;
  readonly createdAt: string;
}

// ---------------------------------------------------------------------------------------------
// Exports — GET /admin/api/exports/openapi?version=3.1|3.0&format=json|yaml, /admin/api/exports/postman
// (attachments with Content-Disposition; the whole whitelist, base URL of this server).
// ---------------------------------------------------------------------------------------------
