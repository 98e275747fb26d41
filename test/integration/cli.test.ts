/** The CLI as a user runs it: real processes, real ports, real databases. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const TSX = path.resolve('node_modules/.bin/tsx');
const CLI = path.resolve('src-server/cli/main.ts');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pas-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(args: string[], timeout = 60_000): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(TSX, [CLI, ...args], { encoding: 'utf8', timeout });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('perfex-api-studio CLI', () => {
  const file = path.join(dir, 'demo.db');

  it('demo create writes a demo database to a SQLite file', () => {
    const r = run(['demo', 'create', '--scale', '0.1', '--seed', '7', '--file', file]);
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^created 44 tables, \d+ rows in sqlite:.*demo\.db \([\d.]+ s\)\n$/);
    expect(fs.existsSync(file)).toBe(true);
  });

  it('introspect --json prints the catalog: resources, keys, relations', () => {
    const r = run(['introspect', '--db', `sqlite:${file}`, '--json']);
    expect(r.status).toBe(0);
    const catalog = JSON.parse(r.stdout);
    const invoices = catalog.resources.find((x: { name: string }) => x.name === 'invoices');
    expect(invoices.primaryKey).toEqual(['id']);
    expect(JSON.stringify(invoices.relations)).toContain('client');
    expect(r.stdout).not.toContain('"hash"');
  });

  /** Starts `serve` and resolves with its stdout once the listening line and `lines` lines are printed. */
  function startServe(args: string[], lines: number) {
    const child = spawn(TSX, [CLI, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    const ready = new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        out += chunk;
        if (out.split('\n').length > lines) resolve(out);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    return { child, ready };
  }

  async function stop(child: ReturnType<typeof spawn>): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    return exited;
  }

  it('serve on a database without tokens refuses anonymous calls and says how to create a token', async () => {
    const { child, ready } = startServe(['--db', `sqlite:${file}`, '--port', '0', '--data-dir', path.join(dir, 'data-1')], 3);
    const out = await ready;
    const url = /^listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out)?.[1] ?? '';
    expect(out).toMatch(/^studio: http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/m);
    expect(out).toContain("no API token yet; create one: perfex-api-studio token create --name me --read '*'");
    const res = await fetch(`${url}/api/v1/invoices?per_page=1`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe('PAS314');
    expect(await stop(child)).toBe(0);
  });

  it('serve on the embedded demo prints a demo token that works, and stops on SIGTERM', async () => {
    const { child, ready } = startServe(['--port', '0', '--data-dir', path.join(dir, 'data-2')], 4);
    const out = await ready;
    const url = /^listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out)?.[1] ?? '';
    const token = /^demo token \(valid until the next launch\): (pas_\w+)$/m.exec(out)?.[1] ?? '';
    const res = await fetch(`${url}/api/v1/invoices?per_page=1`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(await stop(child)).toBe(0);
  }, 120_000);

  it('security set stores validated limits, security show prints them, unknown keys are refused', () => {
    const dataDir = path.join(dir, 'data-4');
    const set = run(['security', 'set', 'maxBodyBytes=524288', 'statementTimeoutMs=5000', 'graphql.introspection=false', '--data-dir', dataDir]);
    expect(set.status, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({
      security: { maxBodyBytes: 524288, statementTimeoutMs: 5000, maxJsonDepth: 10 },
      graphql: { introspection: false, maxDepth: 8 },
    });
    const show = run(['security', 'show', '--data-dir', dataDir]);
    expect(JSON.parse(show.stdout).security.maxBodyBytes).toBe(524288);
    const graphql = run(['security', 'set', 'graphql.maxDepth=0', '--data-dir', dataDir]);
    expect(graphql.status).toBe(1);
    expect(graphql.stderr).toContain('maxDepth');
    const bad = run(['security', 'set', 'maxBody=1', '--data-dir', dataDir]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('unknown security setting "maxBody"');
    const invalid = run(['security', 'set', 'maxJsonDepth=0', '--data-dir', dataDir]);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain('maxJsonDepth');
  });

  it('exits non-zero with one clear line when the port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const r = run(['serve', '--db', `sqlite:${file}`, '--port', String(port), '--data-dir', path.join(dir, 'data-3')]);
    blocker.close();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`perfex-api-studio: port ${port} is already in use on 127.0.0.1`);
  });

  it('explains wrong URLs, refused connections and bad credentials', () => {
    const cases: [string, string][] = [
      ['postgres://x/y', 'unsupported database scheme "postgres"'],
      ['mysql://pas@127.0.0.1:1/perfex', 'connection refused by 127.0.0.1:1'],
      ['mysql://pas:wrong-password@127.0.0.1:3306/mysql', 'access denied for user "pas"'],
      ['mysql://127.0.0.1:3306', 'names no database'],
      [`sqlite:${path.join(dir, 'missing.db')}`, 'does not exist'],
    ];
    for (const [url, message] of cases) {
      const r = run(['serve', '--db', url, '--port', '0', '--data-dir', path.join(dir, 'data-3')]);
      expect(r.status, url).toBe(1);
      expect(r.stderr, url).toContain(message);
      expect(r.stderr, url).not.toContain('wrong-password');
    }
  });
});
