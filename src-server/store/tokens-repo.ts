/**
 * API tokens and their rights. The token is returned once by `create` and never stored: the row
 * holds its SHA-256 (`api-token.ts`), a display hint, and the rights the security pipeline enforces
 * (scopes, per-resource CRUD grants, origins, IP allow-list, rate limit, optional HMAC secret sealed
 * with the store key, the sandbox flag). `findBySecret` keeps recent hits in memory, emptied on any change to the
 * store (see the cache below), so a revocation from the CLI is seen by a running server on its next request.
 */
import type Database from 'better-sqlite3';
import { OPERATIONS, type Grants, type Scope } from '../engine/access.ts';
import { generateHmacSecret, generateToken, hashToken, isTokenShaped, sameHash, tokenHint } from './api-token.ts';
import { randomId } from './random-id.ts';
import { StoreInputError } from './store-errors.ts';
import type { StoreSecrets } from './store-secrets.ts';
import {
  checkCidr,
  checkExpiry,
  checkGrants,
  checkList,
  checkName,
  checkOrigin,
  checkRateLimit,
} from './token-rules.ts';

export interface TokenRecord {
  readonly id: string;
  readonly name: string;
  /** `pas_` + the token's first 4 digits + `…`, to recognise a token without revealing it. */
  readonly hint: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly grants: Grants;
  readonly origins: readonly string[];
  readonly ipAllow: readonly string[];
  /** Requests per minute. */
  readonly rateLimit: number;
  /** Requests must be signed with the token's HMAC secret. */
  readonly hmac: boolean;
  /** Answers to this token show fake personal data (pii/pii-randomiser.ts); filters still match real values. */
  readonly sandbox: boolean;
}

export interface NewToken {
  readonly name: string;
  readonly grants: Grants;
  readonly expiresAt?: string | null;
  readonly origins?: readonly string[];
  readonly ipAllow?: readonly string[];
  readonly rateLimit?: number;
  readonly hmac?: boolean;
  readonly sandbox?: boolean;
}

export interface CreatedToken {
  readonly record: TokenRecord;
  /** The token itself: shown once, never stored. */
  readonly token: string;
  readonly hmacSecret: string | null;
}

export interface TokensRepo {
  create(input: NewToken): CreatedToken;
  /** Every token, revoked ones included, newest first. */
  list(): TokenRecord[];
  get(id: string): TokenRecord | undefined;
  /** The token's record; undefined for a malformed, unknown or revoked token. Expired tokens are returned. */
  findBySecret(token: string): TokenRecord | undefined;
  /** The decrypted HMAC secret, or null when the token does not sign. */
  hmacSecret(id: string): string | null;
  /** A new HMAC secret (the old one stops working), returned once. */
  rotateHmacSecret(id: string): string;
  /** Revokes a live token (its HMAC secret is erased); false when unknown or already revoked. */
  revoke(id: string): boolean;
  /** Records last-used times (id → ISO time) in one transaction; times never move backwards. */
  touch(usage: ReadonlyMap<string, string>): void;
  /** Changes a live token; `hmac: true` on a token without a secret creates one (read it with `hmacSecret`). */
  update(id: string, patch: Partial<NewToken>): TokenRecord;
  /** Tokens neither revoked nor expired. */
  liveCount(): number;
}

interface Row {
  id: string;
  name: string;
  hash: string;
  hint: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
  scopes: string;
  origins: string;
  ip_allow: string;
  rate_limit: number;
  has_hmac: 0 | 1;
  sandbox: 0 | 1;
}

type GrantRow = { token_id: string; operation: (typeof OPERATIONS)[number]; resource: string };

const COLUMNS = `id, name, hash, hint, created_at, last_used_at, expires_at, revoked_at, scopes, origins, ip_allow,
  rate_limit, sealed_hmac IS NOT NULL AS has_hmac, sandbox`;

function grantsFrom(scopes: readonly Scope[], rows: readonly GrantRow[]): Grants {
  const lists = { read: [] as string[], create: [] as string[], update: [] as string[], delete: [] as string[] };
  for (const row of rows) lists[row.operation].push(row.resource);
  const pick = (names: string[]): readonly string[] | '*' => (names.includes('*') ? '*' : names.sort());
  return {
    scopes,
    read: pick(lists.read),
    create: pick(lists.create),
    update: pick(lists.update),
    delete: pick(lists.delete),
  };
}

function toRecord(row: Row, grants: readonly GrantRow[]): TokenRecord {
  return Object.freeze({
    id: row.id,
    name: row.name,
    hint: row.hint,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    grants: grantsFrom(JSON.parse(row.scopes) as Scope[], grants),
    origins: JSON.parse(row.origins) as string[],
    ipAllow: JSON.parse(row.ip_allow) as string[],
    rateLimit: row.rate_limit,
    hmac: row.has_hmac === 1,
    sandbox: row.sandbox === 1,
  });
}

export function createTokensRepo(db: Database.Database, secrets: StoreSecrets, now: () => Date): TokensRepo {
  const byId = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM tokens WHERE id = ?`);
  const byHash = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM tokens WHERE hash = ?`);
  const grantsOf = db.prepare<[string], GrantRow>(
    'SELECT token_id, operation, resource FROM token_grants WHERE token_id = ?',
  );
  const insertGrant = db.prepare<[string, string, string]>(
    'INSERT INTO token_grants (token_id, operation, resource) VALUES (?, ?, ?)',
  );
  const touchOne = db.prepare<[string, string, string]>(
    'UPDATE tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)',
  );
  const hmacContext = (id: string): string => `tokens:${id}:hmac`;

  // Authentication asks for the same few tokens thousands of times a second: a hit skips two queries
  // and three JSON parses. The cache empties whenever tokens may have changed: through this repo
  // (create, update, revoke, rotate) or from another connection (SQLite's data_version moves when
  // another connection commits), so a `token revoke` in a terminal reaches a running server on its
  // next request. Only hits are kept (guessed tokens cannot fill it), at most MAX_CACHED of them.
  const MAX_CACHED = 1000;
  const cache = new Map<string, { hash: string; record: TokenRecord }>();
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  let seenVersion = dataVersion.get();
  function checkFresh(): void {
    const version = dataVersion.get();
    if (version !== seenVersion) {
      cache.clear();
      seenVersion = version;
    }
  }
  const forget = (): void => cache.clear();

  function get(id: string): TokenRecord | undefined {
    const row = byId.get(id);
    return row === undefined ? undefined : toRecord(row, grantsOf.all(id));
  }

  function mustGetLive(id: string): TokenRecord {
    const record = get(id);
    if (record === undefined) throw new StoreInputError('id', `there is no token with id "${id}"`);
    if (record.revokedAt !== null) throw new StoreInputError('id', `token "${id}" is revoked and cannot be changed`);
    return record;
  }

  function writeGrants(id: string, grants: Grants): void {
    db.prepare('DELETE FROM token_grants WHERE token_id = ?').run(id);
    for (const op of OPERATIONS) {
      const names = grants[op] === '*' ? ['*'] : grants[op];
      for (const name of names) insertGrant.run(id, op, name);
    }
  }

  const insert = db.transaction((row: Omit<Row, 'has_hmac'> & { sealed_hmac: string | null }, grants: Grants) => {
    db.prepare(
      `INSERT INTO tokens (id, name, hash, hint, created_at, last_used_at, expires_at, revoked_at, scopes, origins, ip_allow, rate_limit, sealed_hmac, sandbox)
       VALUES (@id, @name, @hash, @hint, @created_at, @last_used_at, @expires_at, @revoked_at, @scopes, @origins, @ip_allow, @rate_limit, @sealed_hmac, @sandbox)`,
    ).run(row);
    writeGrants(row.id, grants);
  });

  return {
    create(input) {
      const time = now();
      const grants = checkGrants(input.grants);
      const id = randomId('tok');
      const token = generateToken();
      const hmacSecret = input.hmac === true ? generateHmacSecret() : null;
      insert.immediate(
        {
          id,
          name: checkName(input.name),
          hash: hashToken(token),
          hint: tokenHint(token),
          created_at: time.toISOString(),
          last_used_at: null,
          expires_at: checkExpiry(input.expiresAt, time),
          revoked_at: null,
          scopes: JSON.stringify(grants.scopes),
          origins: JSON.stringify(checkList(input.origins, checkOrigin)),
          ip_allow: JSON.stringify(checkList(input.ipAllow, checkCidr)),
          rate_limit: checkRateLimit(input.rateLimit),
          sealed_hmac: hmacSecret === null ? null : secrets.seal(hmacSecret, hmacContext(id)),
          sandbox: input.sandbox === true ? 1 : 0,
        },
        grants,
      );
      return { record: get(id) as TokenRecord, token, hmacSecret };
    },

    list() {
      const rows = db.prepare<[], Row>(`SELECT ${COLUMNS} FROM tokens ORDER BY created_at DESC, rowid DESC`).all();
      const grants = new Map<string, GrantRow[]>();
      for (const g of db.prepare<[], GrantRow>('SELECT token_id, operation, resource FROM token_grants').all()) {
        let list = grants.get(g.token_id);
        if (list === undefined) grants.set(g.token_id, (list = []));
        list.push(g);
      }
      return rows.map((row) => toRecord(row, grants.get(row.id) ?? []));
    },

    get,

    findBySecret(token) {
      if (!isTokenShaped(token)) return undefined;
      const hash = hashToken(token);
      checkFresh();
      // The map or the index finds the entry by hash; equality is then decided in constant time on the digests.
      const cached = cache.get(hash);
      if (cached !== undefined) return sameHash(cached.hash, hash) ? cached.record : undefined;
      const row = byHash.get(hash);
      if (row === undefined || !sameHash(row.hash, hash) || row.revoked_at !== null) return undefined;
      const record = toRecord(row, grantsOf.all(row.id));
      if (cache.size >= MAX_CACHED) cache.clear();
      cache.set(hash, { hash: row.hash, record });
      return record;
    },

    hmacSecret(id) {
      const row = db
        .prepare<[string], { sealed_hmac: string | null }>('SELECT sealed_hmac FROM tokens WHERE id = ?')
        .get(id);
      if (row === undefined) throw new StoreInputError('id', `there is no token with id "${id}"`);
      return row.sealed_hmac === null ? null : secrets.open(row.sealed_hmac, hmacContext(id));
    },

    rotateHmacSecret(id) {
      mustGetLive(id);
      forget();
      const secret = generateHmacSecret();
      db.prepare('UPDATE tokens SET sealed_hmac = ? WHERE id = ?').run(secrets.seal(secret, hmacContext(id)), id);
      return secret;
    },

    revoke(id) {
      forget();
      const result = db
        .prepare('UPDATE tokens SET revoked_at = ?, sealed_hmac = NULL WHERE id = ? AND revoked_at IS NULL')
        .run(now().toISOString(), id);
      return result.changes > 0;
    },

    touch(usage) {
      if (usage.size === 0) return;
      db.transaction(() => {
        for (const [id, time] of usage) touchOne.run(time, id, time);
      }).immediate();
    },

    update(id, patch) {
      const current = mustGetLive(id);
      forget();
      const time = now();
      const grants = patch.grants === undefined ? current.grants : checkGrants(patch.grants);
      const values = {
        id,
        name: patch.name === undefined ? current.name : checkName(patch.name),
        expires_at: patch.expiresAt === undefined ? current.expiresAt : checkExpiry(patch.expiresAt, time),
        scopes: JSON.stringify(grants.scopes),
        origins: JSON.stringify(patch.origins === undefined ? current.origins : checkList(patch.origins, checkOrigin)),
        ip_allow: JSON.stringify(patch.ipAllow === undefined ? current.ipAllow : checkList(patch.ipAllow, checkCidr)),
        rate_limit: patch.rateLimit === undefined ? current.rateLimit : checkRateLimit(patch.rateLimit),
        sandbox: (patch.sandbox ?? current.sandbox) ? 1 : 0,
      };
      const newSecret = patch.hmac === true && !current.hmac ? generateHmacSecret() : null;
      const sealed = newSecret === null ? null : secrets.seal(newSecret, hmacContext(id));
      db.transaction(() => {
        db.prepare(
          `UPDATE tokens SET name = @name, expires_at = @expires_at, scopes = @scopes, origins = @origins,
             ip_allow = @ip_allow, rate_limit = @rate_limit, sandbox = @sandbox WHERE id = @id`,
        ).run(values);
        if (patch.grants !== undefined) writeGrants(id, grants);
        if (patch.hmac === false) db.prepare('UPDATE tokens SET sealed_hmac = NULL WHERE id = ?').run(id);
        if (sealed !== null) db.prepare('UPDATE tokens SET sealed_hmac = ? WHERE id = ?').run(sealed, id);
      }).immediate();
      return get(id) as TokenRecord;
    },

    liveCount() {
      const row = db
        .prepare<[string], { n: number }>(
          'SELECT COUNT(*) AS n FROM tokens WHERE revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)',
        )
        .get(now().toISOString());
      return row?.n ?? 0;
    },
  };
}
