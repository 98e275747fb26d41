/**
 * `perfex-api-studio token create|list|revoke`: API tokens in the local store of a data directory.
 * The token (and its HMAC secret) is printed once at creation and cannot be shown again: only its
 * hash is stored. Resource names are checked against the demo database's catalog when the data
 * directory has one, so a typo is caught here rather than becoming a token that can read nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DEMO_FILE_NAME } from '../demo/create-demo-database.ts';
import { grantsFromLists, OPERATIONS, SCOPES, type Grants, type Scope } from '../engine/access.ts';
import { loadEngine } from '../engine/load-engine.ts';
import { didYouMean } from '../parse/suggest-name.ts';
import { summarizeToken, tokenState } from '../store/describe-token.ts';
import { parseExpires } from '../store/parse-expires.ts';
import type { TokenRecord } from '../store/tokens-repo.ts';
import type { Store } from '../store/open-store.ts';
import { withStore } from './with-store.ts';

interface CreateOptions {
  readonly name: string;
  readonly read?: string;
  readonly write?: string;
  readonly create?: string;
  readonly update?: string;
  readonly delete?: string;
  readonly scope?: string;
  readonly expires?: string;
  readonly origin: string[];
  readonly ip: string[];
  readonly rateLimit?: string;
  readonly hmac?: boolean;
  readonly sandbox?: boolean;
  readonly json?: boolean;
  readonly dataDir?: string;
}

type Operation = (typeof OPERATIONS)[number];

const collect = (value: string, previous: string[]): string[] => [...previous, ...splitList(value)];

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The per-operation resource lists: `--write X` is create + update + delete on X; `*` anywhere wins. */
function grantsFrom(options: CreateOptions): Omit<Grants, 'scopes'> {
  const list = (text: string | undefined): string[] | undefined => (text === undefined ? undefined : splitList(text));
  const { scopes: _defaultScopes, ...rights } = grantsFromLists({
    read: list(options.read),
    write: list(options.write),
    create: list(options.create),
    update: list(options.update),
    delete: list(options.delete),
  });
  return rights;
}

function scopesFrom(option: string | undefined, writes: boolean): Scope[] {
  if (option === undefined) return writes ? [...SCOPES] : SCOPES.filter((s) => s !== 'write');
  const scopes = splitList(option);
  if (scopes.length === 0) throw new Error(`--scope needs at least one of ${SCOPES.join(', ')}`);
  for (const scope of scopes) {
    if (!(SCOPES as readonly string[]).includes(scope)) {
      throw new Error(`unknown scope "${scope}" in --scope; scopes are ${SCOPES.join(', ')}`);
    }
  }
  if (writes && !scopes.includes('write')) {
    throw new Error('--write, --create, --update and --delete need the write scope; add write to --scope');
  }
  return scopes as Scope[];
}

/**
 * Refuses resource names the demo database's catalog does not expose, with a "did you mean"; warns
 * about operations the whitelist does not allow. Skipped, with a note, without a demo database.
 */
async function checkResources(store: Store, dataDir: string, grants: Omit<Grants, 'scopes'>): Promise<void> {
  const demo = path.join(dataDir, DEMO_FILE_NAME);
  const named = OPERATIONS.flatMap((op) => (grants[op] === '*' ? [] : grants[op].map((name) => ({ op, name }))));
  if (named.length === 0) return;
  if (!fs.existsSync(demo)) {
    process.stderr.write(`note: no database in ${dataDir} to check resource names against; they are stored as given\n`);
    return;
  }
  const engine = await loadEngine({ db: `sqlite:${demo}`, whitelist: store.whitelist.get() });
  try {
    const names = engine.catalog.resources.map((r) => r.name);
    const refused = new Map<string, Operation[]>();
    for (const { op, name } of named) {
      const resource = engine.catalog.byName.get(name);
      if (resource === undefined) {
        throw new Error(`unknown resource "${name}" (${op}): ${didYouMean(name, names, 'resources')}`);
      }
      if (!resource.operations.includes(op)) refused.set(name, [...(refused.get(name) ?? []), op]);
    }
    for (const [name, ops] of refused) {
      process.stderr.write(
        `note: the whitelist does not allow ${ops.join(', ')} on ${name}; the token gets it only once it does\n`,
      );
    }
  } finally {
    await engine.driver.close();
  }
}

function parseRateLimit(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n))
    throw new Error(`--rate-limit must be a whole number of requests per minute, got "${text}"`);
  return n;
}

async function createToken(options: CreateOptions): Promise<void> {
  await withStore(options.dataDir, async (store, dataDir) => {
    const rights = grantsFrom(options);
    const writes = (['create', 'update', 'delete'] as const).some((op) => rights[op] === '*' || rights[op].length > 0);
    const reads = rights.read === '*' || rights.read.length > 0;
    if (!writes && !reads) {
      throw new Error("give at least one right: --read <resources|'*'>, --write, --create, --update or --delete");
    }
    const grants: Grants = { scopes: scopesFrom(options.scope, writes), ...rights };
    await checkResources(store, dataDir, rights);
    const { record, token, hmacSecret } = store.tokens.create({
      name: options.name,
      grants,
      expiresAt: options.expires === undefined ? null : parseExpires(options.expires, new Date()),
      origins: options.origin,
      ipAllow: options.ip,
      ...(options.rateLimit === undefined ? {} : { rateLimit: parseRateLimit(options.rateLimit) }),
      hmac: options.hmac === true,
      sandbox: options.sandbox === true,
    });
    if (options.json === true) {
      const out = {
        id: record.id,
        name: record.name,
        token,
        ...(hmacSecret === null ? {} : { hmacSecret }),
        ...describe(record),
      };
      process.stdout.write(`${JSON.stringify(out)}\n`);
      return;
    }
    const lines = [
      `created token ${record.id} "${record.name}" (${record.grants.scopes.join(', ')}; ${summarizeToken(record)})`,
      `token: ${token}`,
      ...(hmacSecret === null ? [] : [`hmac secret: ${hmacSecret}`]),
      `${hmacSecret === null ? 'Copy the token' : 'Copy both'} now: ${hmacSecret === null ? 'it' : 'they'} will not be shown again.`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  });
}

/** A token's public fields (never its hash or secret), as `token list --json` and `create --json` print them. */
function describe(record: TokenRecord): object {
  const { id: _id, name: _name, ...rest } = record;
  return { ...rest, state: tokenState(record, new Date()) };
}

const shortTime = (iso: string | null): string => (iso === null ? '-' : iso.slice(0, 16).replace('T', ' '));

function formatTable(records: readonly TokenRecord[]): string {
  const now = new Date();
  const header = ['ID', 'NAME', 'HINT', 'SCOPES', 'RIGHTS', 'CREATED', 'LAST USED', 'EXPIRES', 'STATE'];
  const rows = records.map((r) => [
    r.id,
    r.name,
    r.hint,
    r.grants.scopes.join(','),
    summarizeToken(r),
    shortTime(r.createdAt),
    shortTime(r.lastUsedAt),
    shortTime(r.expiresAt),
    tokenState(r, now),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] as number))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function registerTokenCommand(program: Command): void {
  const token = program.command('token').description('API tokens: create, list, revoke');
  token
    .command('create')
    .description('create an API token; it is printed once and cannot be shown again')
    .requiredOption('--name <name>', 'who or what uses the token')
    .option('--read <resources>', "resources it may read, comma-separated, or '*' for every exposed resource")
    .option('--write <resources>', 'resources it may create, update and delete')
    .option('--create <resources>', 'resources it may create')
    .option('--update <resources>', 'resources it may update')
    .option('--delete <resources>', 'resources it may delete')
    .option(
      '--scope <scopes>',
      `scopes, comma-separated: ${SCOPES.join(', ')} (default: all but write, plus write with any write right)`,
    )
    .option('--expires <when>', 'expiry: a duration (90m, 12h, 30d, 8w) or a date (2027-01-01)')
    .option(
      '--origin <origin>',
      'browser origin allowed to call the API (https://host[:port]); repeatable',
      collect,
      [],
    )
    .option('--ip <cidr>', 'IP address or CIDR block allowed to use the token (IPv4 or IPv6); repeatable', collect, [])
    .option('--rate-limit <n>', 'requests per minute (default 600)')
    .option('--hmac', 'require signed requests; prints the HMAC secret once')
    .option('--sandbox', 'answers show fake personal data (names, emails, phones…); filters still match real values')
    .option('--json', 'print one JSON object { id, name, token, … }')
    .option('--data-dir <dir>', 'data directory holding the local store')
    .action(createToken);

  token
    .command('list')
    .description('list tokens (never their secrets), newest first')
    .option('--json', 'print a JSON array')
    .option('--data-dir <dir>', 'data directory holding the local store')
    .action((options: { json?: boolean; dataDir?: string }) =>
      withStore(options.dataDir, (store) => {
        const records = store.tokens.list();
        if (options.json === true) {
          process.stdout.write(
            `${JSON.stringify(
              records.map((r) => ({ id: r.id, name: r.name, ...describe(r) })),
              null,
              2,
            )}\n`,
          );
        } else if (records.length === 0) {
          process.stdout.write(`no tokens yet; create one: perfex-api-studio token create --name me --read '*'\n`);
        } else {
          process.stdout.write(`${formatTable(records)}\n`);
        }
      }),
    );

  token
    .command('revoke')
    .description('revoke a token: it stops working at once, also for a running server')
    .argument('<id>', 'the token id (see token list)')
    .option('--data-dir <dir>', 'data directory holding the local store')
    .action((id: string, options: { dataDir?: string }) =>
      withStore(options.dataDir, (store) => {
        const record = store.tokens.get(id);
        if (record === undefined)
          throw new Error(`there is no token with id "${id}" (see perfex-api-studio token list)`);
        if (!store.tokens.revoke(id)) {
          process.stdout.write(`token ${id} "${record.name}" was already revoked\n`);
          return;
        }
        process.stdout.write(`revoked token ${id} "${record.name}"\n`);
      }),
    );
}
