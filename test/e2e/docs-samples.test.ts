/**
 * Runs the generated code samples (the generator /api_docs uses) with curl, node, php and python
 * against the live demo server and checks each answer: every GET operation of every resource in
 * curl, and every operation of three writable resources in all four languages. A missing
 * interpreter fails in CI (.ci/run installs them) and is skipped with a printed reason elsewhere.
 */
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOperations, type ApiOperation } from '../../src-server/docs/api-operations.ts';
import { codeSamples, type CodeSamples, type SampleRequest } from '../../src-server/docs/code-samples.ts';
import { accessFromGrants } from '../../src-server/engine/access.ts';
import { loadExampleRows } from '../../src-server/docs/example-rows.ts';
import { operationExample } from '../../src-server/docs/operation-example.ts';
import { startDocsServer, type DocsServer } from '../support/docs-server.ts';
import { createSqliteDemo, type DemoDatabase } from '../support/test-server.ts';

type Language = keyof CodeSamples;

function works(command: string, args: string[]): boolean {
  return spawnSync(command, args, { encoding: 'utf8' }).status === 0;
}

/** The interpreter of each language, when this machine has it (python: one that imports requests). */
const RUNNERS: Record<Language, { cmd: string; ext: string; args: (file: string) => string[] } | null> = {
  curl: works('curl', ['--version']) ? { cmd: 'sh', ext: 'sh', args: (f) => [f] } : null,
  javascript: { cmd: process.execPath, ext: 'mjs', args: (f) => [f] },
  php: works('php', ['-r', 'exit(function_exists("curl_init") ? 0 : 1);'])
    ? { cmd: 'php', ext: 'php', args: (f) => [f] }
    : null,
  python:
    ['python3', '/usr/bin/python3']
      .filter((p) => works(p, ['-c', 'import requests']))
      .map((cmd) => ({ cmd, ext: 'py', args: (f: string) => [f] }))[0] ?? null,
};
const missing = Object.entries(RUNNERS)
  .filter(([, r]) => r === null)
  .map(([lang]) => lang);
if (missing.length > 0 && process.env.CI === 'true')
  throw new Error(
    `no interpreter for the ${missing.join(', ')} samples: .ci/run installs curl, php-cli, php-curl, python3-requests`,
  );
if (missing.length > 0)
  console.warn(`not running the ${missing.join(', ')} code samples: no interpreter on this machine`);

const WRITES = ['invoices', 'leads', 'pas_tags'];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pas-samples-'));
let db: DemoDatabase;
let api: DocsServer;
let token: string;

beforeAll(async () => {
  db = await createSqliteDemo();
  api = await startDocsServer(db.url);
  token = api.token({ read: '*', create: WRITES, update: WRITES, delete: WRITES, scopes: ['rest', 'write'] }).token;
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

let counter = 0;
const exec = promisify(execFile);

/** Runs one sample (asynchronously: the server answers from this process); each prints the status and the body (curl: body, then status). */
async function runSample(language: Language, code: string): Promise<{ status: number; body: string }> {
  const runner = RUNNERS[language];
  if (runner === null) throw new Error(`no runner for ${language}`);
  const file = path.join(dir, `sample-${++counter}.${runner.ext}`);
  fs.writeFileSync(file, code);
  const out = (await exec(runner.cmd, runner.args(file), { encoding: 'utf8', timeout: 30_000 })).stdout.trim();
  const lines = out.split('\n');
  if (language === 'curl') return { status: Number(lines.at(-1)), body: lines.slice(0, -1).join('\n') };
  return { status: Number(lines[0]), body: lines.slice(1).join('\n') };
}

function expectedStatus(operation: ApiOperation): number {
  return operation.kind === 'create' ? 201 : operation.kind === 'delete' ? 204 : 200;
}

function samplesOf(operation: ApiOperation, request: Omit<SampleRequest, 'method'>): CodeSamples {
  return codeSamples({ method: operation.method, ...request }, `${api.url}/api/v1`, token);
}

describe('generated code samples', () => {
  it('every GET operation of every resource answers 200 with JSON data (curl)', async () => {
    const access = accessFromGrants(api.serving.engine.catalog, {
      scopes: ['rest'],
      read: '*',
      create: [],
      update: [],
      delete: [],
    });
    const rows = await loadExampleRows(api.serving.engine.driver, api.serving.engine.catalog, 'rows');
    let ran = 0;
    for (const operation of apiOperations(api.serving.engine.catalog, access)) {
      const row = rows.byResource.get(operation.resource.name) ?? {};
      const { status, body } = await runSample('curl', samplesOf(operation, operationExample(operation, row)).curl);
      expect(status, `${operation.method} ${operation.path}: ${body.slice(0, 300)}`).toBe(200);
      expect(JSON.parse(body)).toHaveProperty('data');
      ran++;
    }
    expect(ran).toBeGreaterThan(120);
  }, 120_000);

  for (const language of ['curl', 'javascript', 'php', 'python'] as const) {
    it.skipIf(RUNNERS[language] === null)(
      `every operation of ${WRITES.join(', ')} in ${language}: create, read, update, delete the created row`,
      async () => {
        const access = accessFromGrants(api.serving.engine.catalog, {
          scopes: ['rest', 'write'],
          read: WRITES,
          create: WRITES,
          update: WRITES,
          delete: WRITES,
        });
        const rows = await loadExampleRows(api.serving.engine.driver, api.serving.engine.catalog, 'rows');
        for (const name of WRITES) {
          const operations = apiOperations(api.serving.engine.catalog, access).filter((o) => o.resource.name === name);
          expect(operations.map((o) => o.kind)).toEqual([
            'list',
            'get',
            'schema',
            'create',
            'update',
            'replace',
            'delete',
          ]);
          const row = rows.byResource.get(name) ?? {};
          let createdId = '';
          for (const operation of operations) {
            const example = operationExample(operation, row);
            let request: Omit<SampleRequest, 'method'> = example;
            if (operation.kind === 'create' || operation.kind === 'replace' || operation.kind === 'update') {
              // Unique columns (pas_tags.name) must differ from the row the body was copied from.
              const body = { ...example.body };
              if (name === 'pas_tags' && typeof body.name === 'string') body.name = `${body.name} ${language}`;
              request = { ...request, body };
            }
            if (operation.path.endsWith('{id}') && operation.kind !== 'get')
              request = { ...request, path: `/${name}/${createdId}` };
            const { status, body } = await runSample(language, samplesOf(operation, request)[language]);
            expect(status, `${language} ${operation.method} ${request.path}: ${body.slice(0, 300)}`).toBe(
              expectedStatus(operation),
            );
            if (operation.kind === 'delete') {
              expect(body).toBe('');
              continue;
            }
            const parsed = JSON.parse(body);
            if (operation.kind === 'create')
              createdId = operation.resource.primaryKey.map((k) => String(parsed.data[k])).join(',');
            if (operation.kind === 'update') expect(parsed.data).toMatchObject(request.body ?? {});
          }
          const gone = await api.request('GET', `/api/v1/${name}/${createdId}`, undefined, {
            authorization: `Bearer ${token}`,
          });
          expect(gone.status).toBe(404);
        }
      },
      120_000,
    );
  }
});
