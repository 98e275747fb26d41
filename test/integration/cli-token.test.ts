/**
 * `token` and `whitelist` commands as a user runs them: real processes on a real data directory.
 * The token is printed once and only its hash reaches the store; names are checked against the
 * demo database when there is one; every mistake is one clear line and exit code 1.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src-server/store/api-token.ts';
import { fileKeyProvider } from '../../src-server/store/key-provider.ts';
import { LATEST_VERSION } from '../../src-server/store/migrations.ts';
import { openStore, storeFile } from '../../src-server/store/open-store.ts';
import { tempDataDir } from '../support/temp-store.ts';

const TSX = path.resolve('node_modules/.bin/tsx');
const CLI = path.resolve('src-server/cli/main.ts');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});
function newDir(): string {
  const dir = tempDataDir('pas-cli-token-');
  dirs.push(dir);
  return dir;
}

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(TSX, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Reads the store of `dir` as the server would. */
function withStore<T>(dir: string, work: (store: ReturnType<typeof openStore>) => T): T {
  const store = openStore({ file: storeFile(dir), keyProvider: fileKeyProvider(dir) });
  try {
    return work(store);
  } finally {
    store.close();
  }
}

function storeBytes(dir: string): Buffer {
  const read = (f: string): Buffer => (fs.existsSync(f) ? fs.readFileSync(f) : Buffer.alloc(0));
  return Buffer.concat([read(storeFile(dir)), read(`${storeFile(dir)}-wal`)]);
}

describe('token commands without a database to check names against', () => {
  const dir = newDir();

  it('create --json prints one JSON object with the token, stored only as its hash', () => {
    const r = run([
      'token',
      'create',
      '--name',
      'phone',
      '--read',
      'invoices,clients',
      '--write',
      'leads',
      '--expires',
      '30d',
      '--json',
      '--data-dir',
      dir,
    ]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('note: no database in');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0] as string);
    expect(out).toMatchObject({
      id: expect.stringMatching(/^tok_/),
      name: 'phone',
      token: expect.stringMatching(/^pas_[0-9A-Za-z]{43}$/),
      grants: {
        scopes: ['rest', 'graphql', 'views', 'write'],
        read: ['clients', 'invoices'],
        create: ['leads'],
        update: ['leads'],
        delete: ['leads'],
      },
      rateLimit: 600,
      state: 'active',
    });
    expect(out.hmacSecret).toBeUndefined();
    expect(Date.parse(out.expiresAt) - Date.now()).toBeGreaterThan(29.9 * 86_400_000);
    withStore(dir, (store) => expect(store.tokens.findBySecret(out.token)?.id).toBe(out.id));
    const bytes = storeBytes(dir);
    expect(bytes.includes(hashToken(out.token))).toBe(true);
    expect(bytes.includes(out.token)).toBe(false);
    expect(bytes.includes(out.token.slice(4))).toBe(false);
  });

  it('create prints the token and the HMAC secret once, saying they will not be shown again', () => {
    const r = run([
      'token',
      'create',
      '--name',
      'signed',
      '--read',
      '*',
      '--hmac',
      '--origin',
      'https://retool.example.com',
      '--ip',
      '192.168.1.0/24',
      '--ip',
      'fd00::/8',
      '--rate-limit',
      '120',
      '--scope',
      'rest',
      '--data-dir',
      dir,
    ]);
    expect(r.status).toBe(0);
    const token = /^token: (pas_\w+)$/m.exec(r.stdout)?.[1] as string;
    const secret = /^hmac secret: ([\w-]+)$/m.exec(r.stdout)?.[1] as string;
    expect(r.stdout).toMatch(/^created token tok_\w+ "signed" \(rest; \*: r\)$/m);
    expect(r.stdout).toContain('Copy both now: they will not be shown again.');
    withStore(dir, (store) => {
      const record = store.tokens.findBySecret(token);
      expect(record).toMatchObject({
        origins: ['https://retool.example.com'],
        ipAllow: ['192.168.1.0/24', 'fd00::/8'],
        rateLimit: 120,
        hmac: true,
      });
      expect(record?.grants.read).toBe('*');
      expect(store.tokens.hmacSecret(record?.id as string)).toBe(secret);
    });
    expect(storeBytes(dir).includes(secret)).toBe(false);
  });

  it('list shows every token without secrets; --json too', () => {
    const r = run(['token', 'list', '--data-dir', dir]);
    expect(r.status).toBe(0);
    const [header, ...rows] = r.stdout.trim().split('\n');
    expect(header).toMatch(/^ID\s+NAME\s+HINT\s+SCOPES\s+RIGHTS\s+CREATED\s+LAST USED\s+EXPIRES\s+STATE$/);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^tok_\w+\s+signed\s+pas_\w{4}…\s+rest\s+\*: r\s+/);
    expect(rows[1]).toMatch(/phone .* clients,invoices: r; leads: cud .* active$/);
    const json = JSON.parse(run(['token', 'list', '--json', '--data-dir', dir]).stdout);
    expect(json.map((t: { name: string }) => t.name)).toEqual(['signed', 'phone']);
    expect(JSON.stringify(json)).not.toMatch(/pas_\w{43}|"token"|hash|hmacSecret/);
  });

  it('revoke stops a token; again says so; an unknown id is an error', () => {
    const id = JSON.parse(run(['token', 'list', '--json', '--data-dir', dir]).stdout)[1].id as string;
    expect(run(['token', 'revoke', id, '--data-dir', dir])).toMatchObject({
      status: 0,
      stdout: `revoked token ${id} "phone"\n`,
    });
    expect(run(['token', 'revoke', id, '--data-dir', dir]).stdout).toBe(`token ${id} "phone" was already revoked\n`);
    expect(run(['token', 'list', '--data-dir', dir]).stdout).toMatch(/phone .* revoked$/m);
    const r = run(['token', 'revoke', 'tok_nope', '--data-dir', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'perfex-api-studio: there is no token with id "tok_nope" (see perfex-api-studio token list)\n',
    );
  });

  it('refuses bad input with one clear line and creates nothing', () => {
    const before = run(['token', 'list', '--json', '--data-dir', dir]).stdout;
    const cases: [string[], string][] = [
      [['--read', 'invoices', '--ip', '10.0.0.0/33'], '"10.0.0.0/33" is not an IP address or CIDR block'],
      [['--read', 'invoices', '--origin', 'https://a.example/app'], 'has a path, query or fragment'],
      [['--read', 'invoices', '--expires', 'soon'], '"soon" is not an expiry; use a duration (90m, 12h, 30d, 8w)'],
      [['--read', 'invoices', '--expires', '2020-01-01'], 'is not in the future'],
      [['--read', 'invoices', '--scope', 'rest,admin'], 'unknown scope "admin" in --scope'],
      [['--write', 'leads', '--scope', 'rest'], 'need the write scope; add write to --scope'],
      [['--read', 'invoices', '--rate-limit', 'lots'], '--rate-limit must be a whole number'],
      [[], 'give at least one right'],
    ];
    for (const [args, message] of cases) {
      const r = run(['token', 'create', '--name', 'bad', ...args, '--data-dir', dir]);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(
        new RegExp(`^perfex-api-studio: .*${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'),
      );
      expect(r.stdout, args.join(' ')).not.toContain('pas_');
    }
    expect(run(['token', 'list', '--json', '--data-dir', dir]).stdout).toBe(before);
  });
});

describe('token names checked against the demo database of the data directory', () => {
  const dir = newDir();
  beforeAll(() => {
    const r = run(['demo', 'create', '--scale', '0.05', '--file', path.join(dir, 'perfex-demo.db')]);
    expect(r.status).toBe(0);
  });

  it('refuses an unknown resource with a did-you-mean, and accepts known ones', () => {
    const bad = run(['token', 'create', '--name', 'x', '--read', 'invoices,client', '--data-dir', dir]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('perfex-api-studio: unknown resource "client" (read): did you mean `clients`?\n');
    const good = run(['token', 'create', '--name', 'x', '--read', 'invoices,clients', '--json', '--data-dir', dir]);
    expect(good.status).toBe(0);
    expect(good.stderr).toBe('');
  });

  it('notes rights the whitelist does not allow yet', () => {
    const r = run(['token', 'create', '--name', 'w', '--write', 'leads', '--json', '--data-dir', dir]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      'note: the whitelist does not allow create, update, delete on leads; the token gets it only once it does\n',
    );
  });
});

describe('whitelist commands', () => {
  const dir = newDir();
  const config = {
    prefix: 'tbl',
    expose: 'core',
    tables: {
      tblinvoices: { name: 'invoices', operations: ['read', 'create'] },
      tblleads: { expose: true, operations: ['read', 'create', 'update', 'delete'] },
    },
    relations: { add: [], remove: [{ table: 'tblinvoices', name: 'sale_agent' }] },
  };

  it('imports a JSON file, exports it to stdout and to a file, unchanged', () => {
    const file = path.join(dir, 'whitelist.json');
    fs.writeFileSync(file, JSON.stringify(config));
    const imported = run(['whitelist', 'import', file, '--data-dir', dir]);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toBe(
      `imported the whitelist from ${file}: expose core, 2 table entries, 0 added and 1 removed relations\n`,
    );
    const exported = run(['whitelist', 'export', '--data-dir', dir]);
    expect(exported.status).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual(config);
    const out = path.join(dir, 'out.json');
    expect(run(['whitelist', 'export', out, '--data-dir', dir]).status).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(exported.stdout);
  });

  it('refuses an invalid file with the path of the mistake, keeping the stored whitelist', () => {
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, JSON.stringify({ tables: { tblinvoices: { operations: ['read', 'purge'] } } }));
    const r = run(['whitelist', 'import', file, '--data-dir', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('tables.tblinvoices.operations.1');
    expect(run(['whitelist', 'import', path.join(dir, 'missing.json'), '--data-dir', dir]).stderr).toMatch(
      /^perfex-api-studio: cannot read the whitelist .*missing\.json/,
    );
    expect(JSON.parse(run(['whitelist', 'export', '--data-dir', dir]).stdout)).toEqual(config);
  });
});

it('refuses a store written by a newer version, with what to do', () => {
  const dir = newDir();
  const db = new Database(storeFile(dir));
  db.pragma(`user_version = ${LATEST_VERSION + 1}`);
  db.close();
  const r = run(['token', 'list', '--data-dir', dir]);
  expect(r.status).toBe(1);
  expect(r.stderr).toBe(
    `perfex-api-studio: the local store ${storeFile(dir)} was written by a newer Perfex API Studio (file's schema version ${LATEST_VERSION + 1}, this build knows ${LATEST_VERSION}); upgrade Perfex API Studio, or use another --data-dir\n`,
  );
});
